import { sum as kahanSum } from 'simple-statistics';
import { flatten } from './args.js';
import type { Value } from '../types.js';

/**
 * Sum of numbers and series (compensated summation, simple-statistics).
 *
 *     sum(x₁, …, xₙ) = Σ xᵢ
 *
 * Seed: sum([0.71, 1.08, 1.12, 0.94]) = 3.85 — 郑州 返乡创业 2017–2020 (“累计3.85万人”).
 */
export function sum(values: number[]): number {
  return kahanSum(values);
}

export const sumMethod = { fn: (...args: Value[]) => sum(flatten(args, 'sum')) };
