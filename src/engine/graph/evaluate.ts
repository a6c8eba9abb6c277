/**
 * Evaluate a model under a set of assumption overrides and assemble the result every front end reads:
 * projections, target verdicts, gaps, trajectories, derivations with substituted formulas, the
 * stated-figure audit, and numeric-hygiene problems. Pure: plain data in, plain data out.
 */
import type { FieldPath, LoadedModel } from '../../model/load.js';
import type { StatedFigureSpec } from '../../model/schema.js';
import { classifyStated, decimalsOf, toleranceFor } from './audit.js';
import { compileProgram, runProgram, type CompiledFigure, type CompiledIndicator, type Locatable, type Program } from './program.js';
import { formatNumber } from './format.js';
import { meetsTarget, resultTarget } from './target.js';
import { interpolatedPath } from './trajectory.js';
import { ExpressionError } from '../expression-error.js';
import { defaultDomain } from './domain.js';
import type {
  AssumptionState,
  DerivationResult,
  Finding,
  IndicatorResult,
  ModelResult,
  Problem,
  ProblemCode,
  ProblemParams,
  StatedFigureCheck,
  Value,
  YearValue,
} from '../types.js';

export type Overrides = Record<string, number | string>;

const programs = new WeakMap<LoadedModel, Program>();

/** The model compiled without overrides (cached per loaded model). */
export function programFor(model: LoadedModel): Program {
  let program = programs.get(model);
  if (!program) {
    program = compileProgram(model);
    programs.set(model, program);
  }
  return program;
}

function hasExpressions(overrides: Overrides): boolean {
  return Object.values(overrides).some((v) => typeof v === 'string');
}

/**
 * Holds one model's values under changing overrides. Numeric overrides pin a slot and recompute only the
 * slots downstream of it; expression overrides recompile the graph (they may add dependencies).
 */
export class Evaluator {
  readonly model: LoadedModel;
  readonly published: Program;
  readonly publishedValues: Value[];
  private program: Program;
  private values: Value[];
  private pinned = new Map<number, number>();
  private overrides: Overrides = {};
  private overrideSource: Locatable | undefined;

  constructor(model: LoadedModel, overrides: Overrides = {}, overrideSource?: Locatable) {
    this.model = model;
    this.published = programFor(model);
    this.publishedValues = runProgram(this.published);
    this.program = this.published;
    this.values = [...this.publishedValues];
    this.overrideSource = overrideSource;
    this.setAll(overrides);
  }

  /** Replace every override at once. */
  setAll(overrides: Overrides): void {
    this.overrides = { ...overrides };
    this.pinned.clear();
    if (hasExpressions(overrides)) {
      const source = this.overrideSource ?? { locate: this.model.locate };
      this.program = compileProgram(this.model, overrides, (key) => ({ model: source, path: ['set', key] }));
      this.values = runProgram(this.program);
      return;
    }
    // numeric overrides: validate names against the published graph, then pin
    const unknown = Object.keys(overrides).some((key) => this.published.nodes[this.published.slotOf.get(key) ?? -1]?.kind !== 'assumption');
    if (unknown)
      compileProgram(this.model, overrides, (key) => ({ model: this.overrideSource ?? { locate: this.model.locate }, path: ['set', key] })); // throws the located error
    this.program = this.published;
    for (const [key, value] of Object.entries(overrides)) this.pinned.set(this.published.slotOf.get(key)!, value as number);
    this.values = runProgram(this.program, new Array(this.program.nodes.length), undefined, this.pinned);
  }

  /** Change one assumption to a number; recomputes only what depends on it. */
  set(key: string, value: number): void {
    if (this.program !== this.published) {
      this.setAll({ ...this.overrides, [key]: value });
      return;
    }
    const slot = this.published.slotOf.get(key);
    if (slot === undefined || this.published.nodes[slot]!.kind !== 'assumption') throw new ExpressionError(`"${key}" is not an assumption`);
    this.overrides[key] = value;
    this.pinned.set(slot, value);
    this.values[slot] = value;
    runProgram(this.program, this.values, this.program.downstream[slot], this.pinned);
  }

  /** Back to the published default for one assumption. */
  reset(key: string): void {
    const { [key]: _dropped, ...rest } = this.overrides;
    if (this.program !== this.published) {
      this.setAll(rest);
      return;
    }
    const slot = this.published.slotOf.get(key);
    if (slot === undefined) return;
    this.overrides = rest;
    this.pinned.delete(slot);
    runProgram(this.program, this.values, [slot, ...this.program.downstream[slot]!], this.pinned);
  }

  resetAll(): void {
    this.setAll({});
  }

  getOverrides(): Overrides {
    return { ...this.overrides };
  }

  value(key: string): Value | undefined {
    const slot = this.program.slotOf.get(key);
    return slot === undefined ? undefined : this.values[slot];
  }

  result(): ModelResult {
    return buildResult(this.program, this.values, this.publishedValues, this.published, this.overrides, this.overrideSource);
  }
}

/** Evaluate a model under overrides (qualified assumption id → number or expression). */
export function evaluate(model: LoadedModel, overrides: Overrides = {}, overrideSource?: Locatable): ModelResult {
  return new Evaluator(model, overrides, overrideSource).result();
}

function num(v: Value | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

type Report = (message: string, code: ProblemCode, params: ProblemParams) => void;

/** A stated or computed figure's expression; a non-finite value or a method error is reported, never dropped silently. */
function runFigure(figure: CompiledFigure, values: Value[], fallback: number | null, report?: Report): number | null {
  if (!figure.expr) return fallback;
  try {
    const value = figure.expr.run(values);
    if (typeof value === 'number' && !Number.isFinite(value))
      report?.(`recomputes to ${value}`, 'figure_not_finite', { value: String(value) });
    if (Array.isArray(value))
      report?.(`recomputes to a series of ${value.length} values, not a number`, 'figure_series', { count: value.length });
    return num(value);
  } catch (err) {
    if (err instanceof ExpressionError) {
      report?.(err.message, 'figure_failed', { reason: err.message });
      return null;
    }
    throw err;
  }
}

function buildResult(
  program: Program,
  values: Value[],
  publishedValues: Value[],
  published: Program,
  overrides: Overrides,
  overrideSource: Locatable | undefined,
): ModelResult {
  const model = program.model;
  const spec = model.spec;
  const years = spec.years;
  const problems: Problem[] = [];
  const problem = (severity: Problem['severity'], message: string, path: FieldPath, code: ProblemCode, params: ProblemParams) =>
    problems.push({ severity, message, field: path.join('.'), position: model.locate(path), code, params });
  const groupLabels = new Map(spec.groups.map((g) => [g.id, g.label]));

  for (const slot of program.order) {
    const node = program.nodes[slot]!;
    const v = values[slot];
    const bad = Array.isArray(v) ? v.some((x) => !Number.isFinite(x)) : !Number.isFinite(v as number);
    if (bad && node.kind !== 'indicator') {
      problems.push({
        severity: 'error',
        message: `${node.key} is ${Array.isArray(v) ? 'a series with non-finite values' : String(v)}`,
        field: node.path.join('.'),
        position: node.model.locate(node.path),
        ...(Array.isArray(v)
          ? { code: 'series_not_finite' as const, params: { key: node.key } }
          : { code: 'value_not_finite' as const, params: { key: node.key, value: String(v) } }),
      });
    }
  }

  const check = (
    ind: CompiledIndicator,
    derivation: string | null,
    s: StatedFigureSpec,
    figure: CompiledFigure,
    index: number,
    fallback: number | null,
    fallbackExpr: string,
    defaultQuote: string | undefined,
    reproducible: boolean,
  ): StatedFigureCheck => {
    const recomputed = runFigure(figure, values, fallback, (message, code, params) =>
      problem('warning', message, [...figure.path, 'expr'], code, params),
    );
    const decimals = s.decimals ?? model.decimalsAt([...figure.path, 'value']) ?? decimalsOf(s.value);
    const rule = { decimals, approx: s.approx ?? false, tolerance: s.tolerance, reproducible: reproducible && s.reproducible !== false };
    return {
      key: derivation ? `${ind.id}/${derivation}#${index}` : `${ind.id}#${index}`,
      indicator: ind.id,
      derivation,
      label: s.label,
      unit: s.unit ?? ind.spec.unit,
      stated: s.value,
      recomputed,
      difference: recomputed === null ? null : recomputed - s.value,
      tolerance: toleranceFor(s.value, rule),
      verdict: classifyStated(s.value, recomputed, rule),
      expr: figure.expr?.text ?? (derivation ? String(ind.spec.derivations[derivation]!.formula ?? '—') : fallbackExpr),
      substituted: figure.expr ? figure.expr.substitute(values) : fallbackExpr,
      quote: s.source?.quote ?? defaultQuote,
      note: s.note,
    };
  };

  const indicators: IndicatorResult[] = program.indicators.map((ind) => {
    const is = ind.spec;
    const base: FieldPath = ['indicators', ind.id];
    const derivations: DerivationResult[] = ind.derivations.map((d) => {
      const value = d.slot === undefined ? null : num(values[d.slot]);
      const formulaText = d.spec.formula === undefined ? null : String(d.spec.formula);
      const substituted = d.slot === undefined ? null : (program.nodes[d.slot]!.expr?.substitute(values) ?? formulaText);
      const reproducible = d.spec.status === 'reproducible';
      return {
        id: d.id,
        label: d.spec.label,
        status: d.spec.status,
        formula: formulaText,
        substituted,
        value,
        note: d.spec.note,
        quote: d.spec.source.quote,
        stated: d.spec.stated.map((s, i) =>
          check(ind, d.id, s, d.stated[i]!, i, value, substituted ?? '—', d.spec.source.quote, reproducible),
        ),
        computed: d.spec.computed.map((c, i) => ({
          label: c.label,
          unit: c.unit,
          expr: c.expr,
          substituted: d.computed[i]!.expr!.substitute(values),
          value: runFigure(d.computed[i]!, values, null, (message, code, params) =>
            problem('warning', message, [...d.computed[i]!.path, 'expr'], code, params),
          ),
        })),
        assumptions: d.slot === undefined ? [] : program.upstreamAssumptions[d.slot]!,
      };
    });
    const checks = is.stated.map((s, i) => check(ind, null, s, ind.checks[i]!, i, null, s.expr, is.baseline.source?.quote, true));
    const projection = ind.slot === undefined ? null : num(values[ind.slot]);
    const primary = ind.derivations.find((d) => d.id === is.primary);
    const primaryValue = primary?.slot === undefined ? undefined : values[primary.slot];
    // a list would quietly make the indicator "not modelled" and drop its target: refuse it at the formula
    if (Array.isArray(primaryValue))
      problem(
        'error',
        `a primary derivation must give one number, not a list of ${primaryValue.length}`,
        [...base, 'derivations', primary!.id, 'formula'],
        'primary_list',
        { count: primaryValue.length },
      );
    const baseline = is.baseline.value;
    let trajectory: YearValue[] = [];
    if (projection !== null && Number.isFinite(projection)) {
      if (primary?.path) {
        const span = years.target - years.base;
        const ts = is.kind === 'cumulative' ? Array.from({ length: span }, (_, i) => i + 1) : Array.from({ length: span + 1 }, (_, i) => i);
        try {
          trajectory = ts.map((t) => ({ year: years.base + t, value: num(primary.path!.run(values, t)) ?? Number.NaN }));
        } catch (err) {
          if (!(err instanceof ExpressionError)) throw err;
          problem('error', `path: ${err.message}`, [...base, 'derivations', primary.id, 'path'], 'path_failed', { reason: err.message });
        }
      } else {
        trajectory = interpolatedPath(is.kind, baseline, projection, years);
      }
    }
    const findings: Finding[] = [];
    // a finding of this indicator that is also a problem at `path`
    const flag = (severity: Problem['severity'], message: string, path: FieldPath, code: ProblemCode, params: ProblemParams) => {
      findings.push({ message, code, params });
      problem(severity, message, path, code, params);
    };
    const domain = is.domain ?? defaultDomain(is.unit);
    const outside = (v: number) => domain !== undefined && (v < domain[0] || v > domain[1]);
    for (const d of derivations) {
      if (d.value === null) continue;
      const path = [...base, 'derivations', d.id, 'formula'];
      if (!Number.isFinite(d.value))
        findings.push({
          message: `${d.id}: result is ${d.value}`,
          code: 'derivation_not_finite',
          params: { derivation: d.id, value: String(d.value) },
        });
      else if (outside(d.value)) {
        flag(
          'warning',
          `${d.id}: ${formatNumber(d.value, 12)} ${is.unit} is outside the plausible range [${domain![0]}, ${domain![1]}]`,
          path,
          'derivation_outside_domain',
          { derivation: d.id, value: d.value, unit: is.unit, low: domain![0], high: domain![1] },
        );
      }
    }
    const pathAt: FieldPath = [...base, 'derivations', primary?.id ?? '', 'path'];
    for (const p of trajectory) {
      if (!Number.isFinite(p.value)) {
        flag('error', `path: ${p.year} is ${p.value}`, pathAt, 'path_not_finite', { year: p.year, value: String(p.value) });
      } else if (outside(p.value)) {
        flag(
          'warning',
          `path: ${p.year} value ${formatNumber(p.value, 12)} ${is.unit} is outside the plausible range`,
          pathAt,
          'path_outside_domain',
          { year: p.year, value: p.value, unit: is.unit },
        );
      }
    }
    // in a path an indicator id is its final value: a path that never moves with t is usually that mistake
    const flat =
      primary?.path !== undefined &&
      is.kind !== 'cumulative' &&
      trajectory.length > 1 &&
      trajectory.every((p) => p.value === trajectory[0]!.value);
    if (flat && baseline !== null && projection !== null && Math.abs(baseline - projection) > 1e-9 * Math.max(1, Math.abs(projection))) {
      const first = trajectory[0]!.value;
      flag(
        'warning',
        `path does not vary with t (${first} in every year, ${years.base} included) while the baseline is ${baseline} and the projection ${projection}: inside a path an indicator id means its final value; write the path in t`,
        [...base, 'derivations', primary!.id, 'path'],
        'path_flat',
        { value: first, base: years.base, baseline, projection },
      );
    }
    const target = resultTarget(is.target);
    let verdict: IndicatorResult['verdict'] = 'not_modelled';
    if (projection !== null && Number.isFinite(projection)) {
      verdict = target ? (meetsTarget(projection, target.op, target.value, target.tolerance) ? 'met' : 'missed') : 'no_target';
    }
    return {
      id: ind.id,
      label: is.label,
      number: is.number,
      unit: is.unit,
      group: is.group,
      groupLabel: is.group ? groupLabels.get(is.group) : undefined,
      parent: is.parent,
      kind: is.kind,
      attribute: is.attribute,
      baseline,
      target,
      chosen: is.chosen?.value ?? null,
      primary: is.primary ?? null,
      projection,
      verdict,
      gap: projection !== null && target ? projection - target.value : null,
      trajectory,
      derivations,
      checks,
      findings,
    };
  });

  const assumptions: AssumptionState[] = program.assumptionKeys.map((key) => {
    const slot = program.slotOf.get(key)!;
    const publishedSlot = published.slotOf.get(key)!;
    const node = published.nodes[publishedSlot]!;
    const owner = node.model as LoadedModel;
    const id = node.path[1] as string;
    const a = owner.spec.assumptions[id]!;
    return {
      id: key,
      label: a.label,
      unit: a.unit,
      value: num(values[slot]) ?? Number.NaN,
      published: num(publishedValues[publishedSlot]) ?? Number.NaN,
      overridden: key in overrides,
      range: a.range,
      step: a.step,
      backSolved: a.back_solved,
      uncertain: a.uncertain,
      source: a.source,
    };
  });

  for (const a of assumptions) {
    const range = a.range;
    if (!range) continue;
    const message = (v: number) =>
      `${a.id} = ${formatNumber(v, 12)} is outside its range [${formatNumber(range[0], 12)}, ${formatNumber(range[1], 12)}]`;
    const params = (v: number) => ({ assumption: a.id, value: v, low: range[0], high: range[1] });
    if (a.overridden && !(a.value >= range[0] && a.value <= range[1])) {
      const path = ['set', a.id];
      problems.push({
        severity: 'warning',
        message: message(a.value),
        field: path.join('.'),
        position: (overrideSource ?? model).locate(path),
        code: 'assumption_outside_range',
        params: params(a.value),
      });
    }
    // the model's own default, where it is written (for alias.name, in the imported model's file)
    if (Number.isFinite(a.published) && !(a.published >= range[0] && a.published <= range[1])) {
      const node = published.nodes[published.slotOf.get(a.id)!]!;
      const path = ['assumptions', node.path[1] as string, 'default'];
      problems.push({
        severity: 'warning',
        message: message(a.published),
        field: path.join('.'),
        position: (node.model as LoadedModel).locate(path),
        code: 'assumption_outside_range',
        params: params(a.published),
      });
    }
  }

  for (const u of program.unquotedLiterals) {
    problems.push({
      severity: 'warning',
      message: `the number ${u.literal} appears in none of the quotes behind this formula (provenance)`,
      field: u.field,
      position: u.position,
      code: 'unquoted_literal',
      params: { literal: u.literal },
    });
  }

  // easy mistakes, each at its position: an id that is not the file name, a percentage written as a ratio
  const stem = model.file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.ya?ml$/i, '');
  if (stem !== spec.id && !model.file.startsWith('<')) {
    problems.push({
      severity: 'warning',
      message: `the model id "${spec.id}" differs from the file name "${stem}" (imports and scenarios find a model by its id as models/<id>.yaml)`,
      field: 'id',
      position: model.locate(['id']),
      code: 'id_not_file_name',
      params: { id: spec.id, file: stem },
    });
  }
  for (const a of assumptions) {
    if (a.id.includes('.') || a.unit !== 'ratio' || !(a.published > 1)) continue;
    const path = ['assumptions', a.id, 'default'];
    problems.push({
      severity: 'warning',
      message: `${a.id}: default ${a.published} for a ratio is above 1 — a percentage written as a plain number? (write ${a.published / 100} or ${a.published}%)`,
      field: path.join('.'),
      position: model.locate(path),
      code: 'ratio_above_one',
      params: { assumption: a.id, value: a.published },
    });
  }

  const valueMap: Record<string, Value> = {};
  for (const n of program.nodes) valueMap[n.key] = values[n.slot]!;

  return {
    modelId: spec.id,
    title: spec.title,
    years,
    indicators,
    assumptions,
    audit: indicators.flatMap((i) => [...i.checks, ...i.derivations.flatMap((d) => d.stated)]),
    values: valueMap,
    problems,
  };
}
