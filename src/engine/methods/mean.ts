import { flatten } from './args.js';
import { excelList, method } from './method.js';
import { meanOf } from './sum.js';
import type { Value } from '../types.js';

/**
 * Arithmetic mean of numbers and series (the compensated sum of sum.ts, divided by n; finite whenever the
 * exact mean is, so mean([1e308, 1e308]) = 1e308).
 *
 *     mean(x₁, …, xₙ) = Σ xᵢ / n
 *
 * Seed: mean([6.45, 5.82, 4.74, 4.93, 4.49]) = 5.286 — 郑州 农村劳动力技能培训 2016–2020, 万人次 a year.
 */
export function mean(values: number[]): number {
  return meanOf(values);
}

export const meanMethod = method({
  name: 'mean',
  fn: (...args: Value[]) => mean(flatten(args, 'mean')),
  excel: (args) => ({ atom: `AVERAGE(${excelList(args, 'mean')})` }),
});
