/**
 * “Which method gives this figure?” — a bounded, deterministic search for the standard methods that land on a
 * stated figure, for derivations a document states without its model (通过相关模型测算).
 *
 * Only the library's methods, over the model's own inputs, with the parameter grids below (docs/fit.md):
 *
 *   stock / rate figures (the target-year value), for each series s in the figure's unit, h = target year − s's last year:
 *     gm11(s, h) · holt(s, α, β, h) · ses(s, α) · trend_linear(s, T) · trend_exp(s, T)
 *     compound(last(s), cagr(s), h) · compound(last(s), mean_growth(s), h) · linear(last(s), mean(increments(s)), h)
 *   and from the indicator's baseline, n = target − base year, for each growth-like assumption r (ratio, |r| < 0.3):
 *     compound(baseline, r, n) · elastic(baseline, r, ε, n) · linear(baseline, q, n) for q in <unit>/年
 *   and share(q, r) for q an assumption in the figure's unit and r a ratio assumption in (0, 1]
 *   cumulative figures (the five-year total): decay(s, n) · mean(s) * n · last(s) * n · Σ gm11(s, …) · q * n · share(q, r)
 *   ratio figures (a growth rate): cagr(s) · mean_growth(s) for every positive series
 *   grids: α, β ∈ {0.2, 0.4, 0.6, 0.8, 1}; ε ∈ {0.5, 0.6, …, 1.5} without 1 (that is compound)
 *
 * Back-solved assumptions are never used (they come from the very figures being explained). Every candidate
 * is compiled and run by the engine's own formula compiler, so the formula printed is the formula that
 * gave the value. Nothing here changes the model. A candidate is a hypothesis, not the document's model.
 *
 * Order (best first): candidates within the figure's tolerance; among them, those built on inputs the
 * indicator already uses, then those with fewer grid-chosen parameters, then the smaller difference,
 * then the formula text (so equal runs print equal lists).
 */
import { compileExpression, type Reference } from '../graph/expression.js';
import { ExpressionError } from '../expression-error.js';
import type { LoadedModel } from '../../model/types.js';
import type { Source } from '../../model/schema.js';
import type { ModelResult, StatedFigureCheck, Value } from '../types.js';

export const FIT_SMOOTHING_GRID = [0.2, 0.4, 0.6, 0.8, 1] as const;
export const FIT_ELASTICITY_GRID = [0.5, 0.6, 0.7, 0.8, 0.9, 1.1, 1.2, 1.3, 1.4, 1.5] as const;
/** Growth-like ratio assumptions: a yearly rate, not a share or an uptake. */
const MAX_GROWTH = 0.3;

export type FitMethod =
  | 'gm11'
  | 'holt'
  | 'ses'
  | 'trend_linear'
  | 'trend_exp'
  | 'series_cagr'
  | 'series_mean_growth'
  | 'series_increment'
  | 'baseline_compound'
  | 'elastic'
  | 'baseline_linear'
  | 'share'
  | 'decay'
  | 'series_mean'
  | 'series_last'
  | 'per_year'
  | 'cagr'
  | 'mean_growth';

export interface FitInput {
  /** the name as written in the formula */
  name: string;
  label: string;
  unit: string;
  /** its value(s) as the model has them */
  value: Value;
}

export interface FitCandidate {
  method: FitMethod;
  formula: string;
  inputs: FitInput[];
  /** grid-chosen parameters (α, β, ε), empty when the method has none */
  params: Record<string, number>;
  value: number;
  /** value − stated */
  difference: number;
  /** built only on inputs the indicator's own derivations already use */
  related: boolean;
  /** a derivation to paste under the indicator's `derivations:` (never added by cesuan) */
  derivation: { id: string; formula: string; source: Source | undefined };
}

export interface FitFigure {
  key: string;
  label: string;
  derivation: string | null;
  value: number;
  unit: string;
  tolerance: number;
  verdict: StatedFigureCheck['verdict'];
}

export interface FitResult {
  indicator: { id: string; label: string; unit: string; kind: 'stock' | 'cumulative' | 'rate'; baseline: number | null };
  years: { base: number; target: number };
  figure: FitFigure;
  /** every stated figure of the indicator (what --figure may name) */
  figures: FitFigure[];
  /** how many formulas were computed */
  tried: number;
  /** within the figure's tolerance, best first */
  candidates: FitCandidate[];
  /** the closest few outside the tolerance, for context when nothing lands */
  nearest: FitCandidate[];
}

/** An indicator or figure the search cannot start from (the CLI turns it into exit 2). */
export class FitInputError extends Error {}

interface Slots {
  refs: Map<string, Reference>;
  values: Value[];
}

function slotsOf(model: LoadedModel, result: ModelResult): Slots {
  const years = new Map<string, number[]>();
  for (const [id, s] of Object.entries(model.spec.series)) years.set(id, s.years);
  for (const [alias, m] of Object.entries(model.imports))
    for (const [id, s] of Object.entries(m.spec.series)) years.set(`${alias}.${id}`, s.years);
  const refs = new Map<string, Reference>();
  const values: Value[] = [];
  for (const [key, v] of Object.entries(result.values)) {
    const y = years.get(key);
    refs.set(key, { slot: values.length, key, ...(y && Array.isArray(v) ? { years: y } : {}) });
    values.push(v);
  }
  return { refs, values };
}

function figuresOf(result: ModelResult, indicator: string, unit: string): FitFigure[] {
  const ind = result.indicators.find((i) => i.id === indicator)!;
  const checks = [...ind.derivations.flatMap((d) => d.stated), ...ind.checks];
  return checks.map((c) => ({
    key: c.key,
    label: c.label,
    derivation: c.derivation,
    value: c.stated,
    unit: c.unit ?? unit,
    tolerance: c.tolerance,
    verdict: c.verdict,
  }));
}

function pickFigure(figures: FitFigure[], indicator: string, label: string | undefined, unit: string): FitFigure {
  const list = figures.map((f) => f.label).join('; ');
  if (label !== undefined) {
    const exact = figures.filter((f) => f.label === label || f.key === label);
    const found = exact.length ? exact : figures.filter((f) => f.label.includes(label));
    if (found.length === 1) return found[0]!;
    throw new FitInputError(
      found.length === 0
        ? `${indicator}: no stated figure "${label}" (figures: ${list || 'none'})`
        : `${indicator}: "${label}" names ${found.length} figures; give the whole label (figures: ${list})`,
    );
  }
  const pick = figures.find((f) => f.verdict === 'not_reproducible') ?? figures.find((f) => f.unit === unit);
  if (!pick)
    throw new FitInputError(`${indicator}: no stated figure to explain${list ? `; name one with --figure (figures: ${list})` : ''}`);
  return pick;
}

/** Keys an expression reads, or none when it does not compile here. */
function depsOf(text: string | number | undefined, slots: Slots): string[] {
  if (typeof text !== 'string') return [];
  try {
    return compileExpression(text, (parts) => slots.refs.get(parts.join('.'))).deps;
  } catch {
    return [];
  }
}

/** What the indicator's own derivations read, through the root model's assumption defaults. */
function relatedKeys(model: LoadedModel, indicator: string, slots: Slots): Set<string> {
  const spec = model.spec.indicators[indicator]!;
  const texts: (string | number | undefined)[] = [];
  for (const d of Object.values(spec.derivations)) {
    texts.push(d.formula, d.path, ...d.stated.map((s) => s.expr), ...d.computed.map((c) => c.expr));
  }
  texts.push(...spec.stated.map((s) => s.expr));
  const seen = new Set<string>([`${indicator}.baseline`]);
  const queue = texts.flatMap((t) => depsOf(t, slots));
  while (queue.length) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const a = model.spec.assumptions[key];
    if (a) queue.push(...depsOf(a.default, slots));
  }
  return seen;
}

const consecutive = (years: readonly number[]) => years.every((y, i) => i === 0 || y === years[i - 1]! + 1);

interface Draft {
  method: FitMethod;
  formula: string;
  inputs: string[];
  params?: Record<string, number>;
}

export function fitFigure(model: LoadedModel, result: ModelResult, indicatorId: string, figureLabel?: string): FitResult {
  const ind = result.indicators.find((i) => i.id === indicatorId || i.label === indicatorId);
  if (!ind) throw new FitInputError(`no indicator "${indicatorId}" (indicators: ${result.indicators.map((i) => i.id).join(', ')})`);
  const figures = figuresOf(result, ind.id, ind.unit);
  const figure = pickFigure(figures, ind.id, figureLabel, ind.unit);
  const slots = slotsOf(model, result);
  const related = relatedKeys(model, ind.id, slots);
  const { base, target } = result.years;
  const n = target - base;

  // the inputs the search may use: series by their years, assumptions that are not back-solved
  const info = new Map<string, FitInput>();
  const seriesList: { key: string; years: number[]; values: number[] }[] = [];
  const addSeries = (key: string, s: { label: string; unit: string; years: number[] }) => {
    const v = result.values[key];
    if (!Array.isArray(v) || v.length !== s.years.length || !v.every(Number.isFinite)) return;
    info.set(key, { name: key, label: s.label, unit: s.unit, value: v });
    seriesList.push({ key, years: s.years, values: v });
  };
  for (const [id, s] of Object.entries(model.spec.series)) addSeries(id, s);
  for (const [alias, m] of Object.entries(model.imports))
    for (const [id, s] of Object.entries(m.spec.series)) addSeries(`${alias}.${id}`, s);
  const assumptions = result.assumptions.filter((a) => !a.backSolved && Number.isFinite(a.value));
  for (const a of assumptions) info.set(a.id, { name: a.id, label: a.label, unit: a.unit, value: a.value });
  const baselineKey = `${ind.id}.baseline`;
  if (ind.baseline !== null) info.set(baselineKey, { name: baselineKey, label: ind.label, unit: ind.unit, value: ind.baseline });

  const unit = figure.unit;
  const growth = assumptions.filter((a) => a.unit === 'ratio' && Math.abs(a.value) < MAX_GROWTH && a.value !== 0);
  const shares = assumptions.filter((a) => a.unit === 'ratio' && a.value > 0 && a.value <= 1);
  const quantities = assumptions.filter((a) => a.unit === unit);
  const perYear = assumptions.filter((a) => a.unit === `${unit}/年`);
  const inUnit = seriesList.filter((s) => info.get(s.key)!.unit === unit);
  const kind = ind.kind;

  const drafts: Draft[] = [];
  const add = (method: FitMethod, formula: string, inputs: string[], params?: Record<string, number>) =>
    drafts.push({ method, formula, inputs, ...(params ? { params } : {}) });

  if (unit === 'ratio' && ind.unit !== 'ratio') {
    for (const s of seriesList) {
      if (s.values.length < 2 || !s.values.every((v) => v > 0)) continue;
      add('cagr', `cagr(${s.key})`, [s.key]);
      if (consecutive(s.years) && s.values.length >= 3) add('mean_growth', `mean_growth(${s.key})`, [s.key]);
    }
  } else if (kind === 'cumulative') {
    for (const s of inUnit) {
      const last = s.years[s.years.length - 1]!;
      const positive = s.values.every((v) => v > 0);
      if (positive && s.values.length >= 2) add('decay', `decay(${s.key}, ${n})`, [s.key]);
      add('series_mean', `mean(${s.key}) * ${n}`, [s.key]);
      add('series_last', `last(${s.key}) * ${n}`, [s.key]);
      if (positive && consecutive(s.years) && s.values.length >= 4 && last < target && last >= base) {
        const hs = Array.from({ length: n }, (_, i) => base + 1 + i - last).filter((h) => h > 0);
        if (hs.length === n) add('gm11', hs.map((h) => `gm11(${s.key}, ${h})`).join(' + '), [s.key]);
      }
    }
    for (const q of perYear) add('per_year', `${q.id} * ${n}`, [q.id]);
    for (const q of quantities) for (const r of shares) add('share', `share(${q.id}, ${r.id})`, [q.id, r.id]);
  } else {
    for (const s of inUnit) {
      const last = s.years[s.years.length - 1]!;
      const h = target - last;
      if (h <= 0) continue;
      const even = consecutive(s.years);
      const positive = s.values.every((v) => v > 0);
      const len = s.values.length;
      if (even && positive && len >= 4) add('gm11', `gm11(${s.key}, ${h})`, [s.key]);
      if (even && len >= 3) {
        for (const alpha of FIT_SMOOTHING_GRID)
          for (const beta of FIT_SMOOTHING_GRID) add('holt', `holt(${s.key}, ${alpha}, ${beta}, ${h})`, [s.key], { alpha, beta });
      }
      if (even && len >= 2) for (const alpha of FIT_SMOOTHING_GRID) add('ses', `ses(${s.key}, ${alpha})`, [s.key], { alpha });
      if (len >= 3) {
        add('trend_linear', `trend_linear(${s.key}, ${target})`, [s.key]);
        if (positive) add('trend_exp', `trend_exp(${s.key}, ${target})`, [s.key]);
      }
      if (positive && len >= 2) add('series_cagr', `compound(last(${s.key}), cagr(${s.key}), ${h})`, [s.key]);
      if (positive && even && len >= 3) add('series_mean_growth', `compound(last(${s.key}), mean_growth(${s.key}), ${h})`, [s.key]);
      if (even && len >= 2) add('series_increment', `linear(last(${s.key}), mean(increments(${s.key})), ${h})`, [s.key]);
    }
    if (ind.baseline !== null && unit === ind.unit) {
      for (const r of growth) {
        add('baseline_compound', `compound(${baselineKey}, ${r.id}, ${n})`, [baselineKey, r.id]);
        for (const e of FIT_ELASTICITY_GRID)
          add('elastic', `elastic(${baselineKey}, ${r.id}, ${e}, ${n})`, [baselineKey, r.id], { elasticity: e });
      }
      for (const q of perYear) add('baseline_linear', `linear(${baselineKey}, ${q.id}, ${n})`, [baselineKey, q.id]);
    }
    for (const q of quantities) for (const r of shares) add('share', `share(${q.id}, ${r.id})`, [q.id, r.id]);
  }

  const resolve = (parts: string[]) => slots.refs.get(parts.join('.'));
  const source = figureSource(model, ind.id, figure);
  const all: FitCandidate[] = [];
  for (const d of drafts) {
    let value: Value;
    try {
      value = compileExpression(d.formula, resolve).run(slots.values);
    } catch (err) {
      if (err instanceof ExpressionError) continue; // outside the method's domain (a cagr of a falling series …)
      throw err;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    all.push({
      method: d.method,
      formula: d.formula,
      inputs: d.inputs.map((k) => info.get(k)!),
      params: d.params ?? {},
      value,
      difference: value - figure.value,
      related: d.inputs.every((k) => related.has(k)),
      derivation: { id: '', formula: d.formula, source },
    });
  }
  const within = (c: FitCandidate) => Math.abs(c.difference) <= figure.tolerance * (1 + 1e-9);
  const order = (a: FitCandidate, b: FitCandidate) =>
    Number(b.related) - Number(a.related) ||
    Object.keys(a.params).length - Object.keys(b.params).length ||
    Math.abs(a.difference) - Math.abs(b.difference) ||
    (a.formula < b.formula ? -1 : a.formula > b.formula ? 1 : 0);
  const candidates = all.filter(within).sort(order);
  const ids = new Map<string, number>();
  for (const c of candidates) {
    const stem = `fit_${c.method}`;
    const k = (ids.get(stem) ?? 0) + 1;
    ids.set(stem, k);
    c.derivation.id = k === 1 ? stem : `${stem}_${k}`;
  }
  const nearest = all
    .filter((c) => !within(c))
    .sort((a, b) => Math.abs(a.difference) - Math.abs(b.difference) || (a.formula < b.formula ? -1 : 1))
    .slice(0, 3);
  return {
    indicator: { id: ind.id, label: ind.label, unit: ind.unit, kind: ind.kind, baseline: ind.baseline },
    years: { base, target },
    figure,
    figures,
    tried: all.length,
    candidates,
    nearest,
  };
}

/** The document's sentence behind the figure: the figure's own source, else its derivation's. */
function figureSource(model: LoadedModel, indicator: string, figure: FitFigure): Source | undefined {
  const spec = model.spec.indicators[indicator]!;
  const index = Number(figure.key.split('#')[1]);
  if (figure.derivation) {
    const d = spec.derivations[figure.derivation]!;
    return d.stated[index]?.source ?? d.source;
  }
  return spec.stated[index]?.source ?? spec.baseline.source;
}
