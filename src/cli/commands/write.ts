import type { Command } from 'commander';
import { monteCarlo, modelDistributions, type UncertaintyResult } from '../../engine/uncertainty/sample.js';
import { writeFileAtomic } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseSet } from '../shared.js';

const FORMATS = ['docx', 'md', 'html', 'json'] as const;
const OPTIONS = ['audit', 'paths', 'projection', 'uncertainty'] as const;

function formatFor(value: string | undefined, out: string | undefined): (typeof FORMATS)[number] {
  if (value !== undefined) {
    if (!(FORMATS as readonly string[]).includes(value))
      throw new Exit(EXIT.badInput, `--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
    return value as (typeof FORMATS)[number];
  }
  const ext = out?.split('.').pop()?.toLowerCase();
  if (ext === 'htm') return 'html';
  if (ext && (FORMATS as readonly string[]).includes(ext)) return ext as (typeof FORMATS)[number];
  return 'md';
}

function parseWith(values: string[]): (typeof OPTIONS)[number][] {
  const out = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of out)
    if (!(OPTIONS as readonly string[]).includes(v)) throw new Exit(EXIT.badInput, `--with ${v}: not one of ${OPTIONS.join(', ')}`);
  return out as (typeof OPTIONS)[number][];
}

export function registerWrite(program: Command): void {
  program
    .command('write')
    .description(
      'write the 主要指标测算说明: the indicator table and each derivation as prose, every number computed (docx, md, html, json)',
    )
    .argument('<file>', 'model or scenario')
    .option('-f, --format <format>', 'docx | md | html | json (default: from --out extension, else md)')
    .option('-o, --out <file>', 'write to a file (atomically) instead of stdout; needed for docx')
    .option('-s, --set <name=value>', 'override an assumption (repeatable)', collect, [])
    .option('--lang <lang>', 'zh | en', 'zh')
    .option(
      '--with <parts>',
      'add: audit (differences from the document), paths (年度分解), projection (columns), uncertainty (P10–P90, P(达成)); comma-separated, repeatable',
      collect,
      [],
    )
    .addHelpText(
      'after',
      '\nExamples:\n  cesuan write models/zhengzhou-hrss-14th.yaml -o 测算说明.docx\n  cesuan write scenarios/zhengzhou-high-growth.yaml --with audit,paths -o review.md\nExit codes: 0 ok, 2 bad input (nothing written).',
    )
    .action(async (file: string, opts: { format?: string; out?: string; set: string[]; lang: string; with: string[] }) => {
      const format = formatFor(opts.format, opts.out);
      if (opts.lang !== 'zh' && opts.lang !== 'en') throw new Exit(EXIT.badInput, `--lang must be zh or en, not "${opts.lang}"`);
      const options = parseWith(opts.with);
      if (format === 'docx' && !opts.out && process.stdout.isTTY)
        throw new Exit(EXIT.badInput, 'a .docx is binary: give -o FILE.docx (or redirect stdout)');
      const { model, scenario, evaluator, result, name } = loadAndEvaluate(file, parseSet(opts.set));
      const overrides = evaluator.getOverrides();
      const changes = result.assumptions
        .filter((a) => a.overridden && a.id in overrides)
        .map((a) => ({ id: a.id, label: a.label, unit: a.unit, published: a.published, value: a.value }));
      let uncertainty: UncertaintyResult | undefined;
      if (options.includes('uncertainty')) {
        const uncertain = scenario?.spec.uncertain ?? {};
        if (Object.keys(uncertain).length || Object.keys(modelDistributions(model)).length) {
          uncertainty = monteCarlo(model, { overrides, uncertain, overrideSource: scenario }).result;
        }
      }
      const writer = await import('../../report/writer/index.js');
      const doc = writer.buildDocument({
        model,
        result,
        lang: opts.lang,
        with: options,
        uncertainty,
        scenario: name !== undefined || changes.length ? { name: name ?? '--set', changes } : undefined,
      });
      const content = await writer.renderDocument(doc, format);
      if (opts.out) writeFileAtomic(opts.out, content);
      else process.stdout.write(content);
    });
}
