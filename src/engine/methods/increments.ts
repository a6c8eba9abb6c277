import { asSeries } from './args.js';
import { method } from './method.js';
import type { Value } from '../types.js';

/**
 * Year-on-year increments of a stock series.
 *
 *     increments(v)[i] = v[i+1] − v[i]
 *
 * Seed: 失业保险参保 [189.32, 190.29] → [0.97] — “2018年末…190.29万人(比上年增长1万人)” (郑州, item 7).
 */
export function increments(values: number[]): number[] {
  return values.slice(1).map((v, i) => v - values[i]!);
}

export const incrementsMethod = method({
  name: 'increments',
  fn: (series: Value) => increments(asSeries(series, 'increments', 'series', 2)),
  arity: [1],
  excel: { none: 'increments() gives a series, not one cell' },
});
