import type { Command } from 'commander';
import { ExpressionError } from '../../engine/expression-error.js';
import { solveWith } from '../../engine/planning/solve.js';
import { renderSolve } from '../../report/solve.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseFormat, parseSet } from '../shared.js';

function parseRange(text: string): [number, number] {
  const parts = text.split(':').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((p) => !Number.isFinite(p)) || parts[0]! >= parts[1]!) {
    throw new Exit(EXIT.badInput, `--range expects from:to with from < to, got "${text}"`);
  }
  return parts as [number, number];
}

export function registerSolve(program: Command): void {
  withLang(
    program
      .command('solve')
      .description('goal seek: the value of an assumption at which an indicator reaches its target (Brent on the assumption range)')
      .argument('<file>', 'model or scenario')
      .argument('<indicator>', 'indicator id')
      .requiredOption('--for <assumption>', 'the assumption to solve for')
      .option('-t, --target <value>', 'the value to reach (default: the indicator target)')
      .option('-r, --range <from:to>', 'search range (default: the assumption range)')
      .option('-f, --format <format>', 'table | json | csv | md (default: from --out extension, else table)')
      .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
      .option('-s, --set <name=value>', 'override an assumption (repeatable)', collect, [])
      .option('--strict', 'exit 1 when there is no solution in the range')
      .addHelpText(
        'after',
        '\nExample: cesuan solve models/zhengzhou-hrss-14th.yaml injury_insured --for injury_growth\nExit codes: 0 ok (also "no solution", which is printed), 1 no solution under --strict, 2 bad input.',
      ),
  ).action(
    (
      file: string,
      indicatorId: string,
      opts: { for: string; target?: string; range?: string; format?: string; out?: string; set: string[]; strict?: boolean; lang?: string },
    ) => {
      const format = parseFormat(opts.format, opts.out);
      const lang = langOption(opts.lang);
      const { evaluator, result, model, name } = loadAndEvaluate(file, parseSet(opts.set));
      const indicator = result.indicators.find((i) => i.id === indicatorId);
      if (!indicator)
        throw new Exit(
          EXIT.badInput,
          `${file}: no indicator "${indicatorId}" (indicators: ${result.indicators.map((i) => i.id).join(', ')})`,
        );
      const assumption = result.assumptions.find((a) => a.id === opts.for);
      if (!assumption)
        throw new Exit(
          EXIT.badInput,
          `${file}: no assumption "${opts.for}" (assumptions: ${result.assumptions.map((a) => a.id).join(', ')})`,
        );
      const target = opts.target === undefined ? undefined : Number(opts.target);
      if (target !== undefined && !Number.isFinite(target))
        throw new Exit(EXIT.badInput, `--target must be a number, not "${opts.target}"`);
      let outcome: ReturnType<typeof solveWith>;
      try {
        outcome = solveWith(evaluator, {
          indicator: indicatorId,
          assumption: opts.for,
          target,
          range: opts.range ? parseRange(opts.range) : undefined,
          decimals: assumption.unit === 'ratio' ? 6 : 4,
        });
      } catch (err) {
        if (err instanceof ExpressionError) throw new Exit(EXIT.badInput, `${file}: ${err.message}`);
        throw err;
      }
      emit(renderSolve(outcome, { model: model.spec.id, scenario: name ?? null, indicator, assumption, lang }, format), opts.out);
      if (opts.strict && outcome.status === 'no_solution') throw new Exit(EXIT.findings);
    },
  );
}
