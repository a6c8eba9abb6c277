import type { Command } from 'commander';
import { checkActuals, trackResult } from '../../engine/planning/track.js';
import { CesuanError } from '../../model/errors.js';
import { renderTrack } from '../../report/track.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseFormat, parseSet } from '../shared.js';

export function registerTrack(program: Command): void {
  program
    .command('track')
    .description('mid-term monitoring (中期评估): actuals vs the planned path, the growth or yearly amount now required to reach each target, on track / at risk / off track')
    .argument('<scenario>', 'a scenario file with `actuals:` (indicator → year → value)')
    .option('-f, --format <format>', 'table | json | csv | md (default: from --out extension, else table)')
    .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
    .option('-s, --set <name=value>', 'override an assumption of the planned path (repeatable)', collect, [])
    .option('--strict', 'exit 1 when a binding indicator is off track')
    .addHelpText('after', '\nVerdict: continue the pace achieved so far to the target year — meets the target: on track; misses by at most 5% of the target: at risk; more: off track.\nExit codes: 0 ok, 1 a binding indicator off track (--strict), 2 bad input.')
    .action((file: string, opts: { format?: string; out?: string; set: string[]; strict?: boolean }) => {
      const format = parseFormat(opts.format, opts.out);
      const { result, scenario, name } = loadAndEvaluate(file, parseSet(opts.set));
      if (!scenario) throw new Exit(EXIT.badInput, `${file}: track needs a scenario file with actuals (model: …, actuals: { indicator: { 2021: value } })`);
      const actuals = scenario.spec.actuals;
      if (Object.keys(actuals).length === 0) throw new CesuanError('this scenario has no actuals to track', scenario.locate([]), 'actuals');
      const issue = checkActuals(result.indicators, actuals, result.years)[0];
      if (issue) {
        const path = issue.year ? ['actuals', issue.indicator, issue.year] : ['actuals', issue.indicator];
        // point at the key (`injury:` or `2019:`) the issue is about
        throw new CesuanError(issue.message, scenario.locateKey(path), path.join('.'));
      }
      const tracks = trackResult(result.indicators, actuals, result.years);
      emit(renderTrack(tracks, { title: result.title, model: result.modelId, scenario: name ?? null, file: scenario.file, years: result.years }, format), opts.out);
      if (opts.strict && tracks.some((t) => t.verdict === 'off_track' && t.attribute === 'binding')) throw new Exit(EXIT.findings);
    });
}
