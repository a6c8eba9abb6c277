import type { Command } from 'commander';
import { missesAdoptedBindingTarget } from '../../engine/graph/target.js';
import { problemLine } from '../../report/problems.js';
import { renderRun } from '../../report/results.js';
import { safeText } from '../../report/safe-text.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseFormat, parseSet } from '../shared.js';

export function registerRun(program: Command): void {
  withLang(
    program
      .command('run')
      .description('evaluate a model or scenario: baseline, projection, target, verdict and gap per indicator')
      .argument('<file>', 'model (models/*.yaml) or scenario (scenarios/*.yaml)')
      .option('-f, --format <format>', 'table | json | csv | md (default: from --out extension, else table)')
      .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
      .option('-s, --set <name=value>', 'override an assumption (repeatable; value may be an expression)', collect, [])
      .option('--strict', 'exit 1 when an adopted binding target is missed or there is a warning (e.g. a default outside its range)'),
  ).action((file: string, opts: { format?: string; out?: string; set: string[]; strict?: boolean; lang?: string }) => {
    const format = parseFormat(opts.format, opts.out);
    const lang = langOption(opts.lang);
    const { result, name, model, scenario } = loadAndEvaluate(file, parseSet(opts.set));
    emit(renderRun(result, format, { scenario: name, file: scenario?.file ?? model.file, lang }), opts.out);
    for (const p of result.problems) process.stderr.write(safeText(`${problemLine(p, lang)}\n`));
    if (opts.strict && (result.indicators.some(missesAdoptedBindingTarget) || result.problems.some((p) => p.severity === 'warning')))
      throw new Exit(EXIT.findings);
  });
}
