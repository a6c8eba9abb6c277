import type { Value } from '../types.js';
import { method } from './method.js';
import { consecutiveYears, finiteSeries, horizon, smoothing } from './series-args.js';

/**
 * Holt's linear exponential smoothing (霍尔特双参数指数平滑), one value a year:
 *
 *     l₀ = y₀,  b₀ = y₁ − y₀
 *     lₜ = α·yₜ + (1 − α)(lₜ₋₁ + bₜ₋₁),   bₜ = β(lₜ − lₜ₋₁) + (1 − β)·bₜ₋₁,   t = 1..n−1
 *     holt(series, α, β, h) = lₙ₋₁ + h·bₙ₋₁                 (h years after the series' last year)
 *
 * α, β in (0, 1]; at least 3 values (with 2 the result is the straight line through them, nothing smoothed).
 *
 * Seed: 工伤保险参保 provincial targets 2015–2020 [156.86 … 186.5] (郑州, item 10), α 0.8, β 0.2, h 5:
 * ≈ 210.2 for 2025 against the document's 221.86.
 */
export function holtState(y: readonly number[], alpha: number, beta: number): { level: number; trend: number } {
  let level = y[0]!;
  let trend = y[1]! - y[0]!;
  for (let t = 1; t < y.length; t++) {
    const prev = level;
    level = alpha * y[t]! + (1 - alpha) * (level + trend);
    trend = beta * (level - prev) + (1 - beta) * trend;
  }
  return { level, trend };
}

export function holt(y: readonly number[], alpha: number, beta: number, h: number): number {
  const { level, trend } = holtState(y, alpha, beta);
  return level + h * trend;
}

const checked = (series: Value, alpha: Value, beta: Value, h: Value) =>
  holt(finiteSeries(series, 'holt', 3), smoothing(alpha, 'holt', 'alpha'), smoothing(beta, 'holt', 'beta'), horizon(h, 'holt'));

export const holtMethod = method({
  name: 'holt',
  fn: checked,
  arity: [4],
  years: {
    arg: 0,
    fn: (named, series, alpha, beta, h) => {
      consecutiveYears(named.years, 'holt', named.key);
      return checked(series!, alpha!, beta!, h!);
    },
  },
  excel: { none: 'Holt’s smoothing is a year-by-year recursion of level and trend; the workbook keeps cesuan’s value' },
});
