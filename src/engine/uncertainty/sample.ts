/**
 * Monte Carlo: how likely is each target, given honest uncertainty in the assumptions?
 *
 * 1. Every uncertain assumption (a distribution in the model, or in a scenario's `uncertain:`) gets N draws
 *    from its own seeded stream (random.ts), truncated to the assumption's range (distributions.ts).
 * 2. The model graph is compiled once into a plan: the slots that depend on a sampled assumption are
 *    evaluated column-wise over Float64Arrays (vector.ts); everything else is computed once, at its point
 *    value, exactly as `run` computes it.
 * 3. Each indicator's column gives the mean, P5/P10/P50/P90/P95 (numpy's default quantile) and
 *    P(target met) = #{samples meeting the target, by its comparator} / N; a binding (约束性) target whose
 *    P(met) is below the threshold is flagged.
 *
 * Pure: plain data in, plain data out; the same seed gives the same result, bit for bit.
 */
import { CesuanError } from '../../model/errors.js';
import { findAssumption } from '../../model/distributions.js';
import type { LoadedModel, LoadedScenario } from '../../model/load.js';
import type { Comparator, DistributionSpec } from '../../model/schema.js';
import { shiftDistribution, truncate, type Truncated } from './distributions.js';
import { programFor, type Overrides } from '../graph/evaluate.js';
import { ExpressionError } from '../expression-error.js';
import type { CompiledExpression } from '../graph/expression.js';
import { compileProgram, runProgram, type GraphNode, type Locatable, type Program } from '../graph/program.js';
import { constantSummary, histogram, sortedFinite, summarize, summarizeSorted, type ColumnSummary, type HistogramBin } from './quantile.js';
import { Xoshiro128 } from './random.js';
import { meetsTarget, resultTarget } from '../graph/target.js';
import { interpolatedPath } from '../graph/trajectory.js';
import type { IndicatorResult, Position, Value } from '../types.js';
import { compileVector, isColumn, NotVectorizable, type Column, type VectorClosure, type VectorRun } from './vector.js';

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 1;
/** Binding targets met with a lower probability than this are flagged. */
export const DEFAULT_THRESHOLD = 0.9;
export const MAX_SAMPLES = 10_000_000;

export interface UncertainAssumption {
  key: string;
  label: string;
  unit: string;
  distribution: DistributionSpec;
  /** where the distribution was written */
  origin: 'model' | 'scenario';
  /** the range it is cut to, when the range cuts it */
  truncatedTo: [number, number] | undefined;
  /** share of the untruncated distribution inside the range */
  mass: number;
  /** value in the deterministic run (the default or the scenario's `set`) */
  point: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface FanYear {
  year: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

export interface IndicatorUncertainty {
  id: string;
  label: string;
  number: string | undefined;
  unit: string;
  kind: 'stock' | 'cumulative' | 'rate';
  attribute: IndicatorResult['attribute'];
  target: { op: Comparator; value: number; tolerance?: number; proposed?: true } | null;
  /** the deterministic projection under the same overrides (what `run` shows) */
  point: number | null;
  /** false when no uncertain assumption reaches this indicator (every sample equals the point) */
  varies: boolean;
  /** the uncertain assumptions it depends on */
  inputs: string[];
  /** null when the indicator has no projection (not modelled) */
  summary: ColumnSummary | null;
  /** share of all N samples that meet the target (non-finite samples count as not met); null without a target */
  pMet: number | null;
  /** binding, and P(met) below the threshold */
  flagged: boolean;
  /** for the indicators asked for in `detail` */
  histogram?: HistogramBin[];
  fan?: FanYear[];
}

/** Per-sample method errors (e.g. cagr of a non-positive start), counted per field. */
export interface SampleProblem {
  field: string;
  position: Position;
  /** the first failure's message (later ones differ only in their numbers) */
  message: string;
  /** samples that failed there */
  count: number;
}

export interface UncertaintyResult {
  modelId: string;
  title: string;
  years: { base: number; target: number };
  samples: number;
  seed: number;
  threshold: number;
  assumptions: UncertainAssumption[];
  indicators: IndicatorUncertainty[];
  problems: SampleProblem[];
}

export interface MonteCarloOptions {
  samples?: number;
  seed?: number;
  /** assumption overrides (numbers or expressions), as for `run` */
  overrides?: Overrides;
  /** distributions by qualified assumption key, on top of (and replacing) the model's own */
  uncertain?: Record<string, DistributionSpec>;
  /** assumptions to hold at their point value although a distribution is written for them */
  exclude?: string[];
  threshold?: number;
  /** where override expressions were written (a scenario), for error positions */
  overrideSource?: Locatable;
  /** indicator ids whose histogram and year-by-year fan to compute */
  detail?: string[];
}

export interface MonteCarloRun {
  result: UncertaintyResult;
  /** per-sample projection of an indicator (undefined when it does not vary or has no projection) */
  column: (indicator: string) => Column | undefined;
}

// ── distributions of a model ────────────────────────────────────────────────────────────────────────

/** The distributions written on a model's assumptions, its imports' included (as alias.name). */
export function modelDistributions(model: LoadedModel, prefix = ''): Record<string, DistributionSpec> {
  const out: Record<string, DistributionSpec> = {};
  for (const [alias, imported] of Object.entries(model.imports)) Object.assign(out, modelDistributions(imported, `${prefix}${alias}.`));
  for (const [id, a] of Object.entries(model.spec.assumptions)) if (a.uncertain) out[prefix + id] = a.uncertain;
  return out;
}

// ── the plan: which slots vary, and how each is computed ────────────────────────────────────────────

interface Step {
  node: GraphNode;
  /** undefined: evaluate sample by sample with the scalar closure */
  vector: VectorClosure | undefined;
}

interface Plan {
  program: Program;
  varying: boolean[];
  steps: Step[];
}

const plans = new WeakMap<Program, Map<string, Plan>>();
const vectorPaths = new WeakMap<CompiledExpression, { closure: VectorClosure | undefined; varyingKey: string }>();

function planFor(program: Program, sampled: Set<number>, pinned: Set<number>): Plan {
  const cacheKey = `${[...sampled].sort((a, b) => a - b).join(',')}|${[...pinned].sort((a, b) => a - b).join(',')}`;
  let byKey = plans.get(program);
  if (!byKey) {
    byKey = new Map();
    plans.set(program, byKey);
  }
  const cached = byKey.get(cacheKey);
  if (cached) return cached;
  const varying = program.nodes.map(() => false);
  const steps: Step[] = [];
  for (const slot of program.order) {
    const node = program.nodes[slot]!;
    if (sampled.has(slot)) {
      varying[slot] = true;
      continue;
    }
    if (pinned.has(slot) || !node.expr || !node.expr.depSlots.some((d) => varying[d])) continue;
    varying[slot] = true;
    let vector: VectorClosure | undefined;
    try {
      vector = compileVector(node.expr, (s) => varying[s]!);
    } catch (err) {
      if (!(err instanceof NotVectorizable)) throw err;
    }
    steps.push({ node, vector });
  }
  const plan = { program, varying, steps };
  byKey.set(cacheKey, plan);
  return plan;
}

class ErrorCounter {
  readonly counts = new Map<string, { node: GraphNode; message: string; count: number }>();
  node: GraphNode | undefined;
  readonly sink = {
    record: (message: string) => {
      const node = this.node!;
      // one entry per field: messages carry the failing sample's numbers, so the first stands for all
      const key = node.path.join('.');
      const entry = this.counts.get(key);
      if (entry) entry.count++;
      else this.counts.set(key, { node, message, count: 1 });
    },
  };

  problems(): SampleProblem[] {
    return [...this.counts.values()].map(({ node, message, count }) => ({
      field: node.path.join('.'),
      position: node.model.locate(node.path),
      message,
      count,
    }));
  }
}

/** One node sample by sample, with the scalar closure (exactly what `run` does), for what vector.ts declines. */
function perSample(expr: CompiledExpression, node: GraphNode, run: VectorRun): Column {
  const deps = expr.depSlots.filter((d) => run.columns[d] !== undefined);
  const scratch = run.values.slice();
  const out = new Float64Array(run.n);
  for (let i = 0; i < run.n; i++) {
    for (const d of deps) scratch[d] = run.columns[d]![i]!;
    let v: Value;
    try {
      v = expr.run(scratch, run.t);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      out[i] = Number.NaN;
      run.errors.record(err.message);
      continue;
    }
    if (typeof v !== 'number') {
      throw new CesuanError(
        `${node.key} depends on an uncertain assumption and is a series; Monte Carlo can only vary numbers`,
        node.model.locate(node.path),
        node.path.join('.'),
      );
    }
    out[i] = v;
  }
  return out;
}

function evaluateStep(step: Step, run: VectorRun): Column | Value {
  if (step.vector) {
    try {
      return step.vector(run);
    } catch (err) {
      if (!(err instanceof NotVectorizable)) throw err;
      step.vector = undefined; // decline once, per sample from now on
    }
  }
  return perSample(step.node.expr!, step.node, run);
}

/** The graph column-wise: every slot the sampled ones reach, in order (vector closures, else per sample). */
function evaluateColumns(
  program: Program,
  pinned: Map<number, number>,
  values: Value[],
  columns: (Column | undefined)[],
  sampled: Set<number>,
  n: number,
): { plan: Plan; run: VectorRun; errors: ErrorCounter } {
  const plan = planFor(program, sampled, new Set(pinned.keys()));
  const errors = new ErrorCounter();
  const run: VectorRun = { values, columns, n, t: 0, errors: errors.sink };
  for (const step of plan.steps) {
    errors.node = step.node;
    const v = evaluateStep(step, run);
    if (isColumn(v)) columns[step.node.slot] = v;
    else values[step.node.slot] = v; // a varying formula that came out constant this time (a fixed branch)
  }
  return { plan, run, errors };
}

// ── running ─────────────────────────────────────────────────────────────────────────────────────────

function hasExpressions(overrides: Overrides): boolean {
  return Object.values(overrides).some((v) => typeof v === 'string');
}

interface Prepared {
  program: Program;
  pinned: Map<number, number>;
  values: Value[];
}

/** The program and point values under overrides, the way Evaluator does it: numbers pin, expressions recompile. */
function prepare(model: LoadedModel, overrides: Overrides, overrideSource?: Locatable): Prepared {
  const published = programFor(model);
  const unknown = Object.keys(overrides).some((key) => published.nodes[published.slotOf.get(key) ?? -1]?.kind !== 'assumption');
  if (hasExpressions(overrides) || unknown) {
    const source = overrideSource ?? { locate: model.locate };
    const program = compileProgram(model, overrides, (key) => ({ model: source, path: ['set', key] }));
    return { program, pinned: new Map(), values: runProgram(program) };
  }
  const pinned = new Map(Object.entries(overrides).map(([key, v]) => [published.slotOf.get(key)!, v as number]));
  return { program: published, pinned, values: runProgram(published, new Array(published.nodes.length), undefined, pinned) };
}

function checkCount(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
}

/**
 * Evaluate a model over given samples of some of its assumptions (equal-length columns, by qualified key),
 * everything else at its point value under `overrides`: the evaluation step of monteCarlo on its own, for
 * samples drawn elsewhere (and for the benchmark). `column(key)` is undefined for slots no sample reaches.
 */
export function evaluateSamples(
  model: LoadedModel,
  samples: Record<string, Column>,
  options: { overrides?: Overrides; overrideSource?: Locatable } = {},
): { column: (key: string) => Column | undefined; problems: SampleProblem[] } {
  const { program, pinned, values } = prepare(model, options.overrides ?? {}, options.overrideSource);
  const columns: (Column | undefined)[] = new Array(program.nodes.length).fill(undefined);
  const sampled = new Set<number>();
  let n = -1;
  for (const [key, column] of Object.entries(samples)) {
    const slot = program.slotOf.get(key);
    if (slot === undefined || program.nodes[slot]!.kind !== 'assumption')
      throw new CesuanError(`"${key}" is not an assumption of ${model.spec.id}`);
    if (n >= 0 && column.length !== n) throw new RangeError(`sample columns differ in length (${n} and ${column.length})`);
    n = column.length;
    columns[slot] = column;
    sampled.add(slot);
  }
  const { errors } = evaluateColumns(program, pinned, values, columns, sampled, Math.max(n, 0));
  return { column: (key) => columns[program.slotOf.get(key) ?? -1], problems: errors.problems() };
}

/** Run a Monte Carlo simulation of a model. */
export function monteCarlo(model: LoadedModel, options: MonteCarloOptions = {}): MonteCarloRun {
  const n = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  checkCount('samples', n, 1, MAX_SAMPLES);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must be a probability in [0, 1], got ${threshold}`);
  const { program, pinned, values } = prepare(model, options.overrides ?? {}, options.overrideSource);
  const distributions = { ...modelDistributions(model), ...(options.uncertain ?? {}) };
  for (const key of options.exclude ?? []) delete distributions[key];
  const scenarioKeys = new Set(Object.keys(options.uncertain ?? {}));

  // draws
  const columns: (Column | undefined)[] = new Array(program.nodes.length).fill(undefined);
  const sampled = new Set<number>();
  const assumptions: UncertainAssumption[] = [];
  for (const key of Object.keys(distributions).sort()) {
    const spec = distributions[key]!;
    const slot = program.slotOf.get(key);
    const found = findAssumption(model, key);
    if (slot === undefined || program.nodes[slot]!.kind !== 'assumption' || !found) {
      throw new CesuanError(`"${key}" has a distribution but is not an assumption of ${model.spec.id}`);
    }
    const truncated: Truncated = truncate(spec, found.spec.range);
    const column = new Float64Array(n);
    truncated.fill(column, Xoshiro128.forKey(seed, key));
    columns[slot] = column;
    sampled.add(slot);
    const point = values[slot];
    assumptions.push({
      key,
      label: found.spec.label,
      unit: found.spec.unit,
      distribution: spec,
      origin: scenarioKeys.has(key) ? 'scenario' : 'model',
      truncatedTo: truncated.range,
      mass: truncated.mass,
      point: typeof point === 'number' ? point : Number.NaN,
      p10: truncated.quantile(0.1),
      p50: truncated.quantile(0.5),
      p90: truncated.quantile(0.9),
    });
  }

  const { plan, run, errors } = evaluateColumns(program, pinned, values, columns, sampled, n);

  const detail = new Set(options.detail ?? []);
  const scratch = new Float64Array(n);
  const columnOf = (id: string): Column | undefined => {
    const slot = program.slotOf.get(id);
    return slot === undefined ? undefined : columns[slot];
  };
  const years = model.spec.years;
  const indicators: IndicatorUncertainty[] = program.indicators.map((ind) => {
    const is = ind.spec;
    const slot = ind.slot;
    const pointValue = slot === undefined ? undefined : values[slot];
    const point = typeof pointValue === 'number' ? pointValue : null;
    const column = slot === undefined ? undefined : columns[slot];
    const target = resultTarget(is.target);
    const inputs = slot === undefined ? [] : program.upstreamAssumptions[slot]!.filter((k) => sampled.has(program.slotOf.get(k)!));
    const base = {
      id: ind.id,
      label: is.label,
      number: is.number,
      unit: is.unit,
      kind: is.kind,
      attribute: is.attribute,
      target,
      point,
      inputs,
    };
    if (slot === undefined || point === null) {
      return { ...base, varies: false, summary: null, pMet: null, flagged: false };
    }
    let summary: ColumnSummary;
    let met = 0;
    if (column) {
      summary = summarize(column, scratch);
      if (target) for (let i = 0; i < n; i++) if (meetsTarget(column[i]!, target.op, target.value, target.tolerance)) met++;
    } else {
      summary = constantSummary(point, n);
      if (target && meetsTarget(point, target.op, target.value, target.tolerance)) met = n;
    }
    const pMet = target ? met / n : null;
    const out: IndicatorUncertainty = {
      ...base,
      varies: column !== undefined,
      summary,
      pMet,
      flagged: is.attribute === 'binding' && pMet !== null && pMet < threshold,
    };
    if (detail.has(ind.id)) {
      const samples = column ?? new Float64Array(n).fill(point);
      out.histogram = histogram(sortedFinite(samples).sorted);
      out.fan = fanOf(ind, samples, run, plan, errors, years);
    }
    return out;
  });

  return {
    result: {
      modelId: model.spec.id,
      title: model.spec.title,
      years,
      samples: n,
      seed,
      threshold,
      assumptions,
      indicators,
      problems: errors.problems(),
    },
    column: (id) => columnOf(id),
  };
}

/** Year-by-year quantiles of an indicator: its primary derivation's `path`, or the interpolation `run` uses. */
function fanOf(
  ind: Program['indicators'][number],
  samples: Column,
  run: VectorRun,
  plan: Plan,
  errors: ErrorCounter,
  years: { base: number; target: number },
): FanYear[] {
  const span = years.target - years.base;
  const primary = ind.derivations.find((d) => d.id === ind.spec.primary);
  const ts = ind.spec.kind === 'cumulative' ? Array.from({ length: span }, (_, i) => i + 1) : Array.from({ length: span + 1 }, (_, i) => i);
  const byYear: Column[] = ts.map(() => new Float64Array(run.n));
  if (primary?.path) {
    const expr = primary.path;
    const varyingKey = plan.varying.map((v) => (v ? 1 : 0)).join('');
    let cached = vectorPaths.get(expr);
    if (!cached || cached.varyingKey !== varyingKey) {
      let closure: VectorClosure | undefined;
      try {
        closure = compileVector(expr, (s) => plan.varying[s]!);
      } catch (err) {
        if (!(err instanceof NotVectorizable)) throw err;
      }
      cached = { closure, varyingKey };
      vectorPaths.set(expr, cached);
    }
    const owner = plan.program.nodes[ind.slot!]!;
    const step: Step = {
      node: { ...owner, expr, path: ['indicators', ind.id, 'derivations', primary.id, 'path'] },
      vector: cached.closure,
    };
    errors.node = step.node;
    ts.forEach((t, k) => {
      const v = evaluateStep(step, { ...run, t });
      if (isColumn(v)) byYear[k] = v;
      else byYear[k]!.fill(typeof v === 'number' ? v : Number.NaN);
    });
  } else {
    const baseline = ind.spec.baseline.value;
    for (let i = 0; i < run.n; i++) {
      const path = interpolatedPath(ind.spec.kind, baseline, samples[i]!, years);
      // without a baseline only the target year is known
      for (let k = 0; k < ts.length; k++)
        byYear[k]![i] = path.length === ts.length ? path[k]!.value : k === ts.length - 1 ? path[0]!.value : Number.NaN;
    }
  }
  return ts.map((t, k) => {
    const s = summarizeSorted(sortedFinite(byYear[k]!).sorted, 0);
    return { year: years.base + t, p5: s.p5, p10: s.p10, p50: s.p50, p90: s.p90, p95: s.p95 };
  });
}

// ── the TUI's hook ──────────────────────────────────────────────────────────────────────────────────

export interface QuickOptions {
  /** default 2000: enough for P10/P90 within about ±1 percentile; use fewer while a key is held */
  samples?: number;
  seed?: number;
  /** the scenario the TUI opened (its `uncertain:` distributions; its `set:` is the reference point) */
  scenario?: Pick<LoadedScenario, 'spec'>;
  /**
   * An uncertain assumption the user has moved away from its reference value:
   * 'shift' (default) moves its distribution with it (translated; a lognormal scaled), keeping its shape;
   * 'fix' drops the distribution and holds the assumption at the set value.
   */
  moved?: 'shift' | 'fix';
  threshold?: number;
}

/**
 * P10–P90 bands and P(target met) for every indicator under the TUI's current overrides
 * (`evaluator.getOverrides()`), with few samples so it can run on every key press.
 * Reference values are the scenario's `set:` (or the model's defaults); see QuickOptions.moved.
 */
export function quickUncertainty(model: LoadedModel, overrides: Overrides, options: QuickOptions = {}): UncertaintyResult {
  const scenarioSet = options.scenario?.spec.set ?? {};
  const distributions = { ...modelDistributions(model), ...(options.scenario?.spec.uncertain ?? {}) };
  const moved = options.moved ?? 'shift';
  const current = prepare(model, overrides);
  const reference = prepare(model, scenarioSet);
  const uncertain: Record<string, DistributionSpec> = {};
  const exclude: string[] = [];
  for (const [key, spec] of Object.entries(distributions)) {
    const now = current.values[current.program.slotOf.get(key) ?? -1];
    const was = reference.values[reference.program.slotOf.get(key) ?? -1];
    if (typeof now !== 'number' || typeof was !== 'number' || now === was) uncertain[key] = spec;
    else if (moved === 'shift') uncertain[key] = shiftDistribution(spec, was, now);
    else exclude.push(key); // 'fix': the override holds it at `now`
  }
  return monteCarlo(model, {
    samples: options.samples ?? 2000,
    seed: options.seed ?? DEFAULT_SEED,
    overrides,
    uncertain,
    exclude,
    threshold: options.threshold,
  }).result;
}
