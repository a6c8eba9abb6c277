import type { Command } from 'commander';
import { missesAdoptedBindingTarget } from '../../engine/graph/target.js';
import { ExpressionError } from '../../engine/expression-error.js';
import { gridPoints, gridSize, axisLength, makeAxis, writtenDecimals, type Axis } from '../../engine/planning/grid.js';
import type { AssumptionState } from '../../engine/types.js';
import { sweepColumns, sweepVerdict } from '../../report/batch.js';
import { progressBar } from '../progress.js';
import { XLSX_MAX_ROWS, checkpoint, fillSink, openRowSink, streamFormat } from '../rows.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseSet } from '../shared.js';

/** Points between checkpoints (signals, progress): small enough to react within a few ms. */
const CHECK_EVERY = 2048;
const DEFAULT_LIMIT = 10_000_000;

/** `name=from:to:step`, `name=from:to` (the assumption's step) or `name` (its range and step). */
export function parseVary(text: string, assumptions: Map<string, AssumptionState>): Axis {
  const eq = text.indexOf('=');
  const name = (eq < 0 ? text : text.slice(0, eq)).trim();
  const state = assumptions.get(name);
  if (!state) {
    const known = [...assumptions.keys()].slice(0, 12).join(', ');
    throw new Exit(
      EXIT.badInput,
      `--vary ${text}: "${name}" is not an assumption (assumptions: ${known}${assumptions.size > 12 ? ', …' : ''})`,
    );
  }
  const parts =
    eq < 0
      ? []
      : text
          .slice(eq + 1)
          .split(':')
          .map((p) => p.trim());
  if (parts.length === 1 || parts.length > 3)
    throw new Exit(EXIT.badInput, `--vary ${text}: expected name=from:to:step, name=from:to or name`);
  const from = parts[0] ?? (state.range ? String(state.range[0]) : undefined);
  const to = parts[1] ?? (state.range ? String(state.range[1]) : undefined);
  const step = parts[2] ?? (state.step !== undefined ? String(state.step) : undefined);
  if (from === undefined || to === undefined)
    throw new Exit(EXIT.badInput, `--vary ${text}: ${name} has no range in the model; give name=from:to:step`);
  if (step === undefined) throw new Exit(EXIT.badInput, `--vary ${text}: ${name} has no step in the model; give name=from:to:step`);
  const numbers = [from, to, step].map((p) => (p === '' ? Number.NaN : Number(p)));
  if (numbers.some((n) => !Number.isFinite(n))) throw new Exit(EXIT.badInput, `--vary ${text}: from, to and step must be numbers`);
  try {
    return makeAxis(name, numbers[0]!, numbers[1]!, numbers[2]!, Math.max(...[from, to, step].map(writtenDecimals)));
  } catch (err) {
    if (err instanceof ExpressionError) throw new Exit(EXIT.badInput, `--vary ${text}: ${err.message}`);
    throw err;
  }
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('evaluate every combination of assumption values (a full grid): one row per point × indicator, streamed')
    .argument('<file>', 'model or scenario (its overrides are the base of the grid)')
    .option('-v, --vary <name=from:to:step>', 'an assumption to vary (repeatable); name alone uses its range and step', collect, [])
    .option('-i, --indicator <id>', 'indicator to report (repeatable; default: those that depend on a varied assumption)', collect, [])
    .option('-f, --format <format>', 'csv | json | md | xlsx (default: from --out extension, else csv)')
    .option('-o, --out <file>', 'write to a file (streamed into a temp file, then renamed) instead of stdout')
    .option('-s, --set <name=value>', 'override an assumption for the whole grid (repeatable)', collect, [])
    // not toLocaleString here: this runs at every start, and ICU's number formatting costs ~15 ms to set up
    .option(
      '--limit <points>',
      `refuse grids larger than this many points (default ${String(DEFAULT_LIMIT).replace(/\B(?=(\d{3})+$)/g, ',')})`,
    )
    .option('--strict', "exit 1 when a binding target is missed at any point (a draft's proposed target is not counted)")
    .addHelpText(
      'after',
      '\nExample: cesuan sweep models/zhengzhou-hrss-14th.yaml --vary injury_growth=0.02:0.04:0.001 --vary pension_urban_step\nExit codes: 0 ok, 1 a binding target missed (--strict), 2 bad input, 130 interrupted.',
    )
    .action(
      async (
        file: string,
        opts: { vary: string[]; indicator: string[]; format?: string; out?: string; set: string[]; limit?: string; strict?: boolean },
      ) => {
        const format = streamFormat(opts.format, opts.out);
        const { evaluator, result, model } = loadAndEvaluate(file, parseSet(opts.set));
        if (opts.vary.length === 0) throw new Exit(EXIT.badInput, 'sweep needs at least one --vary name=from:to:step');
        const assumptions = new Map(result.assumptions.map((a) => [a.id, a]));
        const axes = opts.vary.map((v) => parseVary(v, assumptions));
        const names = axes.map((a) => a.name);
        const repeated = names.find((n, i) => names.indexOf(n) !== i);
        if (repeated) throw new Exit(EXIT.badInput, `--vary ${repeated} is given twice`);
        for (const a of axes) {
          const range = assumptions.get(a.name)!.range;
          const last = a.from + (axisLength(a) - 1) * a.step;
          if (range && (Math.min(a.from, last) < range[0] || Math.max(a.from, last) > range[1])) {
            process.stderr.write(`warning: ${a.name} is varied outside its sensible range [${range[0]}, ${range[1]}] from the model\n`);
          }
        }

        const published = evaluator.published;
        const byId = new Map(result.indicators.map((i) => [i.id, i]));
        let indicators = opts.indicator.map((id) => {
          const ind = byId.get(id);
          if (!ind) throw new Exit(EXIT.badInput, `--indicator ${id}: no such indicator (indicators: ${[...byId.keys()].join(', ')})`);
          return ind;
        });
        if (indicators.length === 0) {
          indicators = result.indicators.filter((ind) => {
            const slot = published.slotOf.get(ind.id);
            return slot !== undefined && published.upstreamAssumptions[slot]!.some((a) => names.includes(a));
          });
          if (indicators.length === 0)
            throw new Exit(EXIT.badInput, `no indicator's projection depends on ${names.join(', ')}; name one with --indicator`);
        }

        const points = gridSize(axes);
        const limit = opts.limit === undefined ? DEFAULT_LIMIT : Number(opts.limit);
        if (!Number.isFinite(limit) || limit <= 0) throw new Exit(EXIT.badInput, `--limit must be a positive number, not "${opts.limit}"`);
        if (points > limit)
          throw new Exit(
            EXIT.badInput,
            `the grid has ${points.toLocaleString('en')} points, more than --limit ${limit.toLocaleString('en')}`,
          );
        if (format === 'xlsx' && points * indicators.length > XLSX_MAX_ROWS) {
          throw new Exit(
            EXIT.badInput,
            `${(points * indicators.length).toLocaleString('en')} rows do not fit in an Excel sheet (${XLSX_MAX_ROWS.toLocaleString('en')}); write CSV instead`,
          );
        }

        const ids = indicators.map((i) => i.id);
        const targets = indicators.map((i) => i.target);
        // whether a miss counts for --strict, by run's rule (a draft's proposed binding target does not)
        const bindings = indicators.map((i) => missesAdoptedBindingTarget({ ...i, verdict: 'missed' }));
        const sink = await openRowSink({
          format,
          out: opts.out,
          columns: sweepColumns(names),
          meta: {
            command: 'sweep',
            model: model.spec.id,
            points,
            vary: axes.map(({ name, from, to, step }) => ({ name, from, to, step })),
          },
          sheet: 'Sweep',
        });
        const bar = progressBar(points, 'points');
        let missedBinding = false;
        await fillSink(sink, bar, async () => {
          for (const point of gridPoints(axes)) {
            for (let k = point.changedFrom; k < axes.length; k++) evaluator.set(names[k]!, point.values[k]!);
            for (let j = 0; j < ids.length; j++) {
              const v = evaluator.value(ids[j]!);
              const projection = typeof v === 'number' ? v : Number.NaN;
              const target = targets[j]!;
              const verdict = sweepVerdict(projection, target);
              if (verdict === 'missed' && bindings[j]) missedBinding = true;
              sink.write([
                point.index + 1,
                ...point.values,
                ids[j],
                projection,
                target?.value ?? null,
                verdict,
                target && Number.isFinite(projection) ? projection - target.value : null,
              ]);
            }
            if ((point.index + 1) % CHECK_EVERY === 0) {
              bar.update(point.index + 1);
              if (!(await checkpoint())) break;
            }
          }
        });
        if (opts.strict && missedBinding) throw new Exit(EXIT.findings);
      },
    );
}
