import type { Command } from 'commander';
import { finalEvaluation, summarizeEvaluation, type Band } from '../../engine/planning/evaluate.js';
import { checkActuals, trackResult } from '../../engine/planning/track.js';
import { DEFAULT_SEED, MAX_SAMPLES, modelDistributions, monteCarlo } from '../../engine/uncertainty/sample.js';
import { actualSources, actualValues } from '../../model/actuals.js';
import { CesuanError } from '../../model/errors.js';
import { renderEvaluation } from '../../report/evaluate.js';
import { renderTrack } from '../../report/track.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseFormat, parseSet } from '../shared.js';
import { parseInteger } from './mc.js';

/** Samples behind the uncertainty band: enough for stable P5/P95, quick enough for a report. */
const BAND_SAMPLES = 5000;

export function registerEvaluate(program: Command): void {
  withLang(program.command('evaluate'))
    .description(
      'final evaluation (终期评估): with actuals through the target year, each target met or not with its margin, growth achieved vs assumed, n of N met, overshoots and shortfalls',
    )
    .argument('<scenario>', 'a scenario file with `actuals:` through the target year (indicator → year → value or { value, source })')
    .option('-f, --format <format>', 'table | json | csv | md (default: from --out extension, else table)')
    .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
    .option('-s, --set <name=value>', 'override an assumption of the planned path (repeatable)', collect, [])
    .option('-n, --samples <n>', `samples for the uncertainty band when the scenario has distributions (default ${BAND_SAMPLES})`)
    .option('--strict', 'exit 1 when a binding target was missed')
    .addHelpText(
      'after',
      '\nExample: cesuan evaluate scenarios/zhengzhou-actuals-2025.yaml\nIndicators whose actuals stop short of the target year are named with their missing years and tracked mid-term (as `cesuan track`).\nExit codes: 0 ok, 1 a binding target missed (--strict), 2 bad input.',
    )
    .action((file: string, opts: { format?: string; out?: string; set: string[]; samples?: string; lang: string; strict?: boolean }) => {
      const format = parseFormat(opts.format, opts.out);
      const lang = langOption(opts.lang);
      const samples = opts.samples === undefined ? BAND_SAMPLES : parseInteger('--samples', opts.samples, 100, MAX_SAMPLES);
      const { model, scenario, evaluator, result, name } = loadAndEvaluate(file, parseSet(opts.set));
      if (!scenario)
        throw new Exit(
          EXIT.badInput,
          `${file}: evaluate needs a scenario file with actuals (model: …, actuals: { indicator: { 2021: value } })`,
        );
      const actuals = actualValues(scenario.spec.actuals);
      if (Object.keys(actuals).length === 0)
        throw new CesuanError('this scenario has no actuals to evaluate', scenario.locate([]), 'actuals');
      const domains = Object.fromEntries(Object.entries(model.spec.indicators).flatMap(([id, i]) => (i.domain ? [[id, i.domain]] : [])));
      const issue = checkActuals(result.indicators, actuals, result.years, domains)[0];
      if (issue) {
        const path = issue.year ? ['actuals', issue.indicator, issue.year] : ['actuals', issue.indicator];
        throw new CesuanError(issue.message, scenario.locateKey(path), path.join('.'));
      }
      const bands: Record<string, Band> = {};
      const distributions = { ...modelDistributions(model), ...scenario.spec.uncertain };
      if (Object.keys(distributions).length) {
        const { result: mc } = monteCarlo(model, {
          samples,
          seed: DEFAULT_SEED,
          overrides: evaluator.getOverrides(),
          uncertain: scenario.spec.uncertain,
          overrideSource: scenario,
        });
        for (const u of mc.indicators) if (u.varies && u.summary) bands[u.id] = { p5: u.summary.p5, p95: u.summary.p95 };
      }
      const evaluations = finalEvaluation(result.indicators, actuals, result.years, bands);
      const summary = summarizeEvaluation(evaluations);
      const context = {
        title: result.title,
        model: result.modelId,
        scenario: name ?? null,
        file: scenario.file,
        years: result.years,
        lang,
      };
      let text = renderEvaluation(
        evaluations,
        summary,
        { ...context, lang, sources: actualSources(scenario.spec.actuals), samples: Object.keys(bands).length ? samples : null },
        format,
      );
      if (summary.incomplete.length && (format === 'table' || format === 'md')) {
        // what the partial actuals still say: mid-term tracking of the indicators that stop short
        const partial = Object.fromEntries(summary.incomplete.map((id) => [id, actuals[id]!]));
        text += `\n${renderTrack(trackResult(result.indicators, partial, result.years), context, format)}`;
      }
      emit(text, opts.out);
      if (opts.strict && evaluations.some((e) => e.met === false && e.attribute === 'binding')) throw new Exit(EXIT.findings);
    });
}
