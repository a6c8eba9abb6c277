import type { Command } from 'commander';
import { planResult } from '../../engine/planning/plan.js';
import { renderPlan } from '../../report/plan.js';
import { langOption, withLang } from '../lang.js';
import { formatIn } from '../../report/numbers.js';
import { reportStrings } from '../../report/strings.js';
import { safeText } from '../../report/safe-text.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseFormat, parseSet } from '../shared.js';

export function registerPlan(program: Command): void {
  withLang(
    program
      .command('plan')
      .description(
        'annual decomposition (年度计划): the yearly path 2021–2025 per indicator — stock year-end values, cumulative yearly amounts that sum to the five-year figure',
      )
      .argument('<file>', 'model or scenario')
      .option('-i, --indicator <id>', 'only this indicator (repeatable)', collect, [])
      .option('-f, --format <format>', 'table | json | csv | md (default: from --out extension, else table)')
      .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
      .option('-s, --set <name=value>', 'override an assumption (repeatable)', collect, [])
      .option('--strict', "exit 1 when an indicator's path does not end at (stock) or sum to (cumulative) its projection")
      .addHelpText('after', '\nExit codes: 0 ok, 1 a path disagrees with its projection (--strict), 2 bad input.'),
  ).action((file: string, opts: { indicator: string[]; format?: string; out?: string; set: string[]; strict?: boolean; lang?: string }) => {
    const format = parseFormat(opts.format, opts.out);
    const lang = langOption(opts.lang);
    const { result, model, name } = loadAndEvaluate(file, parseSet(opts.set));
    for (const id of opts.indicator) {
      if (!result.indicators.some((i) => i.id === id))
        throw new Exit(
          EXIT.badInput,
          `--indicator ${id}: no such indicator (indicators: ${result.indicators.map((i) => i.id).join(', ')})`,
        );
    }
    const hasPath = (id: string) => {
      const spec = model.spec.indicators[id];
      return Boolean(spec?.primary && spec.derivations[spec.primary]?.path);
    };
    const plans = planResult(result, hasPath).filter((p) => opts.indicator.length === 0 || opts.indicator.includes(p.id));
    emit(
      renderPlan(plans, { title: result.title, model: result.modelId, scenario: name ?? null, years: result.years, lang }, format),
      opts.out,
    );
    const inconsistent = plans.filter((p) => !p.consistent);
    const t = reportStrings(lang);
    for (const p of inconsistent)
      process.stderr.write(
        safeText(`${t.plan.warning(p.id, p.kind === 'cumulative', formatIn(p.total, p.unit, 6), formatIn(p.projection, p.unit, 6))}\n`),
      );
    if (opts.strict && inconsistent.length) throw new Exit(EXIT.findings);
  });
}
