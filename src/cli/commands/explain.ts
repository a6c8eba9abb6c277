import type { Command } from 'commander';
import { quoteContexts } from '../../model/quotes.js';
import { notesOf, renderExplainExtras } from '../../report/provenance.js';
import { renderExplain } from '../../report/results.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseSet } from '../shared.js';
import { jsonText } from '../../report/safe-text.js';

export function registerExplain(program: Command): void {
  withLang(
    program
      .command('explain')
      .description('show how an indicator is derived: formulas with numbers substituted, stated figures and verdicts, quotes')
      .argument('<file>', 'model or scenario')
      .argument('<indicator>', 'indicator id (or its label)')
      .option('-f, --format <format>', 'text | json', 'text')
      .option('-s, --set <name=value>', 'override an assumption (repeatable)', collect, [])
      .option('--context [lines]', 'print each quote among the lines around it in its document (default 2 either side)'),
  ).action((file: string, indicator: string, opts: { format: string; set: string[]; lang?: string; context?: string | boolean }) => {
    const lang = langOption(opts.lang);
    const around = opts.context === undefined ? undefined : opts.context === true ? 2 : Number(opts.context);
    if (around !== undefined && !(Number.isInteger(around) && around >= 0 && around <= 50))
      throw new Exit(EXIT.badInput, `--context must be a whole number of lines from 0 to 50, not "${opts.context}"`);
    const { result, model } = loadAndEvaluate(file, parseSet(opts.set));
    const ind = result.indicators.find((i) => i.id === indicator || i.label === indicator);
    if (!ind) {
      throw new Exit(EXIT.badInput, `${file}: no indicator "${indicator}" (indicators: ${result.indicators.map((i) => i.id).join(', ')})`);
    }
    // the indicator's notes, and its quotes in context (derivation notes are in renderExplain)
    const notes = notesOf(model.spec).filter((n) => n.on === ind.id || n.on === `${ind.id}.baseline`);
    const contexts = around === undefined ? undefined : quoteContexts(model, ind.id, around);
    // JSON keeps each finding's English message, as before findings carried a code
    const findings = ind.findings.map((f) => f.message);
    if (opts.format === 'json') emit(`${jsonText({ ...ind, findings, notes, ...(contexts ? { context: contexts } : {}) }, 2)}\n`);
    else if (opts.format === 'text') emit(renderExplain(result, ind, lang) + renderExplainExtras(notes, contexts, lang));
    else throw new Exit(EXIT.badInput, `--format must be text or json, not "${opts.format}"`);
  });
}
