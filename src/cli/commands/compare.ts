import type { Command } from 'commander';
import { missesAdoptedBindingTarget } from '../../engine/graph/target.js';
import { compareResults } from '../../engine/planning/compare.js';
import type { LoadedModel } from '../../model/load.js';
import { renderCompare } from '../../report/compare.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseFormat, parseSet } from '../shared.js';

export function registerCompare(program: Command): void {
  withLang(
    program
      .command('compare')
      .description(
        'two models or scenarios side by side: projections, differences (B − A) and verdicts per indicator, and the assumptions that differ',
      )
      .argument('<a>', 'model or scenario A')
      .argument('<b>', 'model or scenario B')
      .option('-f, --format <format>', 'table | json | csv | md (default: from --out extension, else table)')
      .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
      .option('-s, --set <name=value>', 'override an assumption on both sides (repeatable)', collect, [])
      .option('--strict', "exit 1 when a binding target is missed on either side (a draft's proposed target is not counted)")
      .addHelpText('after', '\nExit codes: 0 ok, 1 a binding target missed (--strict), 2 bad input.'),
  ).action((fileA: string, fileB: string, opts: { format?: string; out?: string; set: string[]; strict?: boolean; lang?: string }) => {
    const format = parseFormat(opts.format, opts.out);
    const lang = langOption(opts.lang);
    const extra = parseSet(opts.set);
    const models = new Map<string, LoadedModel>();
    const a = loadAndEvaluate(fileA, extra, models);
    const b = loadAndEvaluate(fileB, extra, models);
    const side = (run: typeof a) => ({
      name: run.name ?? run.model.spec.id,
      file: run.scenario?.file ?? run.model.file,
      model: run.model.spec.id,
    });
    emit(renderCompare(compareResults(a.result, b.result), { a: side(a), b: side(b), lang }, format), opts.out);
    const missed = [a, b].some((r) => r.result.indicators.some(missesAdoptedBindingTarget));
    if (opts.strict && missed) throw new Exit(EXIT.findings);
  });
}
