/**
 * The year-by-year path behind a projection.
 *
 * - stock:      year-end values base..target; the derivation's `path` if it has one, else constant growth
 *               from the baseline to the projection: baseline × (projection / baseline)^(t / n)
 * - rate:       the `path`, else a straight line from the baseline to the projection
 * - cumulative: the amount of each year base+1..target; the `path` if given, else projection / n each year
 */
import type { YearValue } from '../types.js';

export function interpolatedPath(
  kind: 'stock' | 'rate' | 'cumulative',
  baseline: number | null,
  projection: number,
  years: { base: number; target: number },
): YearValue[] {
  const n = years.target - years.base;
  if (kind === 'cumulative') {
    return Array.from({ length: n }, (_, i) => ({ year: years.base + i + 1, value: projection / n }));
  }
  if (baseline === null) return [{ year: years.target, value: projection }];
  const geometric = kind === 'stock' && baseline > 0 && projection > 0;
  return Array.from({ length: n + 1 }, (_, t) => ({
    year: years.base + t,
    value: geometric ? baseline * (projection / baseline) ** (t / n) : baseline + ((projection - baseline) * t) / n,
  }));
}
