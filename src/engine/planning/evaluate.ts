/**
 * Final evaluation (终期评估): with actuals through the target year, was each target met, by how much, and how
 * did the growth achieved compare with the growth the plan assumed?
 *
 * With B the base year, T the target year, n = T − B, b the baseline and P the model's projection:
 *
 *     final, stock / rate   = actual(T)                                   the year-end value of the target year
 *     final, cumulative     = Σ actual(B+1 … T)                           the n-year total
 *     margin                = final − target                              (absolute; relative: ÷ |target|)
 *     favourable margin     = margin for ≥ / >, −margin for ≤ / <, −|margin| for = / ≈  (> 0: better than the target)
 *     achieved, stock       = (final / b)^(1/n) − 1     against assumed (P / b)^(1/n) − 1       (CAGR)
 *     achieved, cumulative  = final / n                 against assumed P / n                   (mean yearly amount)
 *     achieved, rate        = (final − b) / n           against assumed (P − b) / n             (change a year)
 *
 * A target met with a favourable margin of at least WIDE_MARGIN of the target is "met by a wide margin" (the
 * reviewer's question: was it set too low?). With an uncertainty band [P5, P95] of the projection (Monte Carlo),
 * `outside` is how far the outcome fell outside it (0 inside), also in band widths.
 *
 * Example (工伤保险, 郑州, target ≥ 210, baseline 195.97, projection 186.5 × 1.035329^5 ≈ 221.86; a made-up 2025
 * actual of 231): margin +21 (+10%, met by a wide margin), achieved (231/195.97)^(1/5) − 1 ≈ 3.34% a year
 * against the assumed (221.86/195.97)^(1/5) − 1 ≈ 2.51%.
 */
import type { Comparator } from '../../model/schema.js';
import { meetsTarget } from '../graph/target.js';
import type { IndicatorHead, IndicatorResult } from '../types.js';
import { indicatorHead } from './head.js';

/** Met by at least this share of the target: the wording says by how much ("达成（超出 45%）"). */
export const WIDE_MARGIN = 0.1;

/** How many overshoots and shortfalls the summary lists. */
export const SUMMARY_EXTREMES = 3;

export interface Band {
  p5: number;
  p95: number;
}

export interface IndicatorEvaluation extends IndicatorHead {
  /** plan years with no actual that the final value needs (cumulative: every year; stock/rate: the years after the last actual) */
  missing: number[];
  /** stock/rate: the target-year actual; cumulative: the n-year total; null when years are missing */
  final: number | null;
  met: boolean | null;
  margin: number | null;
  marginRelative: number | null;
  /** > 0: better than the target (oriented by the comparator) */
  favourable: number | null;
  favourableRelative: number | null;
  wide: boolean;
  measure: 'growth' | 'amount' | 'change';
  achieved: number | null;
  assumed: number | null;
  band: Band | null;
  /** distance outside [P5, P95] (0 inside); null without a band */
  outside: number | null;
  /** `outside` in band widths (P95 − P5) */
  outsideWidths: number | null;
}

export interface EvaluationSummary {
  /** indicators with a target and a final value */
  evaluated: number;
  met: number;
  binding: { evaluated: number; met: number };
  /** ids, best favourable relative margin first */
  overshoots: string[];
  /** ids, worst first */
  shortfalls: string[];
  /** ids of indicators whose final value is missing years */
  incomplete: string[];
}

function orient(op: Comparator, margin: number): number {
  if (op === '>=' || op === '>') return margin;
  if (op === '<=' || op === '<') return -margin;
  return -Math.abs(margin);
}

/** Evaluate one indicator; `actuals` maps year ("2021") → value (already checked by checkActuals). */
export function evaluateIndicator(
  ind: IndicatorResult,
  actuals: Record<string, number>,
  years: { base: number; target: number },
  band?: Band,
): IndicatorEvaluation {
  const n = years.target - years.base;
  const actual = new Map(Object.entries(actuals).map(([y, v]) => [Number(y), v]));
  const planYears = Array.from({ length: n }, (_, i) => years.base + 1 + i);
  const cumulative = ind.kind === 'cumulative';
  const lastYear = actual.size ? Math.max(...actual.keys()) : years.base;
  const missing = cumulative ? planYears.filter((y) => !actual.has(y)) : planYears.filter((y) => y > lastYear);
  const final = missing.length ? null : cumulative ? planYears.reduce((s, y) => s + actual.get(y)!, 0) : actual.get(years.target)!;

  const start = ind.baseline ?? ind.trajectory.find((p) => p.year === years.base)?.value ?? null;
  const geometric = ind.kind === 'stock' && (start === null || start > 0) && (final === null || final > 0);
  const measure: IndicatorEvaluation['measure'] = cumulative ? 'amount' : geometric ? 'growth' : 'change';
  const per = (end: number | null): number | null => {
    if (end === null) return null;
    if (measure === 'amount') return end / n;
    if (start === null) return null;
    if (measure === 'growth') return end > 0 ? (end / start) ** (1 / n) - 1 : null;
    return (end - start) / n;
  };

  const target = ind.target;
  const met = target && final !== null ? meetsTarget(final, target.op, target.value, target.tolerance) : null;
  const margin = target && final !== null ? final - target.value : null;
  const scale = target ? Math.max(Math.abs(target.value), Number.MIN_VALUE) : 1;
  const favourable = target && margin !== null ? orient(target.op, margin) : null;
  const favourableRelative = favourable === null ? null : favourable / scale;
  const outside = band && final !== null ? Math.max(0, band.p5 - final, final - band.p95) : null;
  const width = band ? band.p95 - band.p5 : 0;
  return {
    ...indicatorHead(ind),
    missing,
    final,
    met,
    margin,
    marginRelative: margin === null ? null : margin / scale,
    favourable,
    favourableRelative,
    wide: met === true && favourableRelative !== null && favourableRelative >= WIDE_MARGIN,
    measure,
    achieved: per(final),
    assumed: per(ind.projection),
    band: band ?? null,
    outside,
    outsideWidths: outside === null ? null : width > 0 ? outside / width : outside > 0 ? Infinity : 0,
  };
}

/** Evaluate every indicator that has actuals, in model order. */
export function finalEvaluation(
  indicators: IndicatorResult[],
  actuals: Record<string, Record<string, number>>,
  years: { base: number; target: number },
  bands: Record<string, Band> = {},
): IndicatorEvaluation[] {
  return indicators
    .filter((i) => actuals[i.id] && Object.keys(actuals[i.id]!).length)
    .map((i) => evaluateIndicator(i, actuals[i.id]!, years, bands[i.id]));
}

/** n of N met (binding ones apart), the largest overshoots and shortfalls, what could not be evaluated. */
export function summarizeEvaluation(evaluations: IndicatorEvaluation[]): EvaluationSummary {
  const done = evaluations.filter((e) => e.met !== null);
  const binding = done.filter((e) => e.attribute === 'binding');
  const ranked = done.filter((e) => e.favourableRelative !== null).sort((a, b) => b.favourableRelative! - a.favourableRelative!);
  return {
    evaluated: done.length,
    met: done.filter((e) => e.met).length,
    binding: { evaluated: binding.length, met: binding.filter((e) => e.met).length },
    overshoots: ranked
      .filter((e) => e.favourableRelative! > 0)
      .slice(0, SUMMARY_EXTREMES)
      .map((e) => e.id),
    shortfalls: ranked
      .filter((e) => !e.met)
      .reverse()
      .slice(0, SUMMARY_EXTREMES)
      .map((e) => e.id),
    incomplete: evaluations.filter((e) => e.final === null).map((e) => e.id),
  };
}
