import { mean as arithmeticMean } from 'simple-statistics';
import { flatten } from './args.js';
import type { Value } from '../types.js';

/**
 * Arithmetic mean of numbers and series.
 *
 *     mean(x₁, …, xₙ) = Σ xᵢ / n
 *
 * Seed: mean([6.45, 5.82, 4.74, 4.93, 4.49]) = 5.286 — 郑州 农村劳动力技能培训 2016–2020, 万人次 a year.
 */
export function mean(values: number[]): number {
  return arithmeticMean(values);
}

export const meanMethod = { fn: (...args: Value[]) => mean(flatten(args, 'mean')) };
