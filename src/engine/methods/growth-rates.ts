import { ExpressionError } from '../expression-error.js';
import { asSeries } from './args.js';
import { method } from './method.js';
import type { Value } from '../types.js';

/**
 * Year-on-year growth rates of a series.
 *
 *     growth_rates(v)[i] = v[i+1] / v[i] − 1
 *
 * Seed: growth_rates([159, 168.3]) = [5.849%] — 郑州 工伤保险 省定目标 2016→2017.
 */
export function growthRates(values: number[]): number[] {
  const rates: number[] = [];
  for (let i = 1; i < values.length; i++) {
    if (values[i - 1] === 0) throw new ExpressionError(`growth_rates(): value ${i} is 0, growth from 0 is undefined`);
    const rate = values[i]! / values[i - 1]! - 1;
    if (!Number.isFinite(rate))
      throw new ExpressionError(
        `growth_rates(): growth from value ${i} (${values[i - 1]}) to value ${i + 1} (${values[i]}) is too large for a number`,
      );
    rates.push(rate);
  }
  return rates;
}

export const growthRatesMethod = method({
  name: 'growth_rates',
  fn: (series: Value) => growthRates(asSeries(series, 'growth_rates', 'series', 2)),
  arity: [1],
  excel: { none: 'growth_rates() gives a series, not one cell' },
});
