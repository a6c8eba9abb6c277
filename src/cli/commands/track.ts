import type { Command } from 'commander';
import { checkActuals, overflowIn, trackResult, type ActualsIssue } from '../../engine/planning/track.js';
import { actualValues } from '../../model/actuals.js';
import { CesuanError } from '../../model/errors.js';
import { renderTrack } from '../../report/track.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseFormat, parseSet } from '../shared.js';

export function registerTrack(program: Command): void {
  withLang(
    program
      .command('track')
      .description(
        'mid-term monitoring (中期评估): actuals vs the planned path, the growth or yearly amount now required to reach each target, on track / at risk / off track',
      )
      .argument('<scenario>', 'a scenario file with `actuals:` (indicator → year → value)')
      .option('-f, --format <format>', 'table | json | csv | md (default: from --out extension, else table)')
      .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
      .option('-s, --set <name=value>', 'override an assumption of the planned path (repeatable)', collect, [])
      .option('--strict', 'exit 1 when a binding indicator is off track')
      .addHelpText(
        'after',
        '\nVerdict: continue the pace achieved so far to the target year — meets the target: on track; misses by at most 5% of the target: at risk; more: off track.\nExit codes: 0 ok, 1 a binding indicator off track (--strict), 2 bad input.',
      ),
  ).action((file: string, opts: { format?: string; out?: string; set: string[]; strict?: boolean; lang?: string }) => {
    const format = parseFormat(opts.format, opts.out);
    const lang = langOption(opts.lang);
    const { result, scenario, name } = loadAndEvaluate(file, parseSet(opts.set));
    if (!scenario)
      throw new Exit(
        EXIT.badInput,
        `${file}: track needs a scenario file with actuals (model: …, actuals: { indicator: { 2021: value } })`,
      );
    const actuals = actualValues(scenario.spec.actuals);
    if (Object.keys(actuals).length === 0) throw new CesuanError('this scenario has no actuals to track', scenario.locate([]), 'actuals');
    const domains = Object.fromEntries(
      Object.entries(scenario.model.spec.indicators).flatMap(([id, i]) => (i.domain ? [[id, i.domain]] : [])),
    );
    const refuse = (issue: ActualsIssue | undefined) => {
      if (!issue) return;
      const path = issue.year ? ['actuals', issue.indicator, issue.year] : ['actuals', issue.indicator];
      // point at the key (`injury:` or `2019:`) the issue is about
      throw new CesuanError(issue.message, scenario.locateKey(path), path.join('.'));
    };
    refuse(checkActuals(result.indicators, actuals, result.years, domains)[0]);
    const tracks = trackResult(result.indicators, actuals, result.years);
    refuse(overflowIn(tracks));
    emit(
      renderTrack(
        tracks,
        { title: result.title, model: result.modelId, scenario: name ?? null, file: scenario.file, years: result.years, lang },
        format,
      ),
      opts.out,
    );
    // actuals through the target year: the final evaluation is a command of its own
    if (tracks.length && tracks.every((t) => t.remaining === 0))
      process.stderr.write(
        `cesuan: the actuals reach ${result.years.target}: \`cesuan evaluate ${file}\` gives the final evaluation (终期评估)\n`,
      );
    if (opts.strict && tracks.some((t) => t.verdict === 'off_track' && t.attribute === 'binding')) throw new Exit(EXIT.findings);
  });
}
