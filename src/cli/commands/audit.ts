import type { Command } from 'commander';
import { checkQuotes } from '../../model/quotes.js';
import { auditExtrasJson, auditNotesCsv, notesOf, renderAuditExtras } from '../../report/provenance.js';
import { renderAudit } from '../../report/results.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, loadAndEvaluate, parseFormat } from '../shared.js';

export function registerAudit(program: Command): void {
  withLang(
    program
      .command('audit')
      .description('recompute every figure the document states and classify it: match, rounding, approximate, mismatch, not reproducible')
      .argument('<file>', 'model or scenario')
      .option('-f, --format <format>', 'table | json | csv | md')
      .option('-o, --out <file>', 'write to a file (atomically)')
      .option('--strict', 'exit 1 when any figure is a mismatch or a quote is not in its document at its line (findings, not errors)'),
  ).action((file: string, opts: { format?: string; out?: string; strict?: boolean; lang?: string }) => {
    const format = parseFormat(opts.format, opts.out);
    const lang = langOption(opts.lang);
    const { result, model, scenario } = loadAndEvaluate(file);
    // quotes against their documents and the model's notes: own sections (not in csv, one row per figure)
    const quotes = checkQuotes(model);
    const notes = notesOf(model.spec);
    let text = renderAudit(result, format, { file: scenario?.file ?? model.file, lang });
    if (format === 'json') text = `${JSON.stringify({ ...JSON.parse(text), ...auditExtrasJson(quotes, notes) }, null, 2)}\n`;
    else if (format === 'table' || format === 'md') text += renderAuditExtras(quotes, notes, format, lang);
    else if (format === 'csv') text += auditNotesCsv(notes, text.split('\n', 1)[0]!.split(',').length);
    emit(text, opts.out);
    if (opts.strict && (result.audit.some((s) => s.verdict === 'mismatch') || quotes.findings.length > 0)) throw new Exit(EXIT.findings);
  });
}
