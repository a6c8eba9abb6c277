import type { Value } from '../types.js';
import { NoExcelForm, excelSeries, method } from './method.js';
import { consecutiveYears, finiteSeries, smoothing } from './series-args.js';

/**
 * Simple exponential smoothing (一次指数平滑): a level, no trend, so every horizon gets the same forecast.
 *
 *     l₀ = y₀,   lₜ = α·yₜ + (1 − α)·lₜ₋₁,   t = 1..n−1
 *     ses(series, α) = lₙ₋₁ = (1 − α)ⁿ⁻¹·y₀ + Σ_{t=1..n−1} α(1 − α)^{n−1−t}·yₜ
 *
 * α in (0, 1] (α = 1 is the last value); at least 2 values.
 *
 * Seed: 工伤保险参保 provincial targets 2015–2020 [156.86 … 186.5] (郑州, item 10), α 0.5: ≈ 180.70, below
 * the last target — a level without trend lags a growing series, why planners pair it with Holt.
 */
export function ses(y: readonly number[], alpha: number): number {
  let level = y[0]!;
  for (let t = 1; t < y.length; t++) level = alpha * y[t]! + (1 - alpha) * level;
  return level;
}

const checked = (series: Value, alpha: Value) => ses(finiteSeries(series, 'ses', 2), smoothing(alpha, 'ses', 'alpha'));

export const sesMethod = method({
  name: 'ses',
  fn: checked,
  arity: [2],
  years: {
    arg: 0,
    fn: (named, series, alpha) => {
      consecutiveYears(named.years, 'ses', named.key);
      return checked(series!, alpha!);
    },
  },
  // the closed form: (1 − α)^(n−1)·y₀ + Σ α(1 − α)^(n−1−t)·yₜ, one term per cell
  excel: (args) => {
    const s = excelSeries(args[0], 'ses', 2);
    const a = args[1];
    if (a?.kind !== 'number') throw new NoExcelForm('ses(): alpha must be a number');
    const n = s.cells.length;
    const terms = s.cells.map((c, t) => (t === 0 ? `(1-${a.text})^${n - 1}*${c}` : `${a.text}*(1-${a.text})^${n - 1 - t}*${c}`));
    return terms.join('+');
  },
});
