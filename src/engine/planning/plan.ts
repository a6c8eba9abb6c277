/**
 * Annual decomposition (年度计划): a five-year target broken into yearly plan figures, from each indicator's
 * trajectory (its primary derivation's `path`, or the interpolation in trajectory.ts).
 *
 * - stock, rate:  year-end values for base..target; per year the change Δₜ = vₜ − vₜ₋₁ and, for stocks,
 *                 the growth gₜ = vₜ / vₜ₋₁ − 1. The last value must equal the projection.
 * - cumulative:   the amount of each year base+1..target and the running total; Σ amountₜ must equal the
 *                 five-year figure (the projection).
 *
 * A path that does not end at (stock) or sum to (cumulative) the projection is reported as inconsistent: the
 * model's `path` and `formula` disagree.
 *
 * Example: 城镇新增就业 (郑州, cumulative) path = new_jobs_per_year → 12 a year, running total 12, 24, … 60 = [60].
 */
import type { IndicatorHead, IndicatorResult, ModelResult } from '../types.js';
import { indicatorHead } from './head.js';

export interface PlanYear {
  year: number;
  /** stock/rate: year-end value; cumulative: that year's amount */
  value: number;
  /** cumulative: running total to this year; stock/rate: null */
  toDate: number | null;
  /** stock/rate: change on the previous year (null for the first year) */
  change: number | null;
  /** stock: growth on the previous year (null for the first year, rates, cumulatives) */
  growth: number | null;
}

export interface IndicatorPlan extends IndicatorHead {
  number: string | undefined;
  /** empty when the indicator has no projection */
  years: PlanYear[];
  /** cumulative: Σ amounts; stock/rate: the last year's value */
  total: number | null;
  /** total − projection */
  difference: number | null;
  /** total equals the projection to floating-point noise */
  consistent: boolean;
  /** how the path was obtained */
  source: 'path' | 'interpolated' | 'none';
  /** stock/rate: the path holds one value every year although the baseline differs (an indicator id in a path) */
  flat: boolean;
}

/** Relative tolerance for "the path ends at / sums to the projection". */
export const PLAN_TOLERANCE = 1e-9;

export function planIndicator(ind: IndicatorResult, hasPath: boolean): IndicatorPlan {
  const base = { ...indicatorHead(ind), number: ind.number };
  if (ind.projection === null || ind.trajectory.length === 0) {
    return { ...base, years: [], total: null, difference: null, consistent: true, source: 'none', flat: false };
  }
  const years: PlanYear[] = [];
  let total: number;
  if (ind.kind === 'cumulative') {
    let running = 0;
    for (const p of ind.trajectory) {
      running += p.value;
      years.push({ year: p.year, value: p.value, toDate: running, change: null, growth: null });
    }
    total = running;
  } else {
    let previous: number | null = null;
    for (const p of ind.trajectory) {
      years.push({
        year: p.year,
        value: p.value,
        toDate: null,
        change: previous === null ? null : p.value - previous,
        growth: previous === null || ind.kind !== 'stock' || previous === 0 ? null : p.value / previous - 1,
      });
      previous = p.value;
    }
    total = previous!;
  }
  const difference = total - ind.projection;
  const consistent = Math.abs(difference) <= PLAN_TOLERANCE * Math.max(1, Math.abs(ind.projection));
  const flat =
    hasPath &&
    ind.kind !== 'cumulative' &&
    years.length > 1 &&
    years.every((y) => y.value === years[0]!.value) &&
    ind.baseline !== null &&
    Math.abs(ind.baseline - years[0]!.value) > PLAN_TOLERANCE * Math.max(1, Math.abs(ind.baseline));
  return { ...base, years, total, difference, consistent, source: hasPath ? 'path' : 'interpolated', flat };
}

/** The annual plan of every indicator of a result. `hasPath(id)` says whether the primary derivation has a `path`. */
export function planResult(result: ModelResult, hasPath: (indicator: string) => boolean): IndicatorPlan[] {
  return result.indicators.map((ind) => planIndicator(ind, hasPath(ind.id)));
}
