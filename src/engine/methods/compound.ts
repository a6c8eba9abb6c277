import { asNumber } from './args.js';
import type { Value } from '../types.js';

/**
 * Compound growth: the value after `years` years of growth at `rate` a year.
 *
 *     compound(base, rate, years) = base × (1 + rate)^years
 *
 * Seed: 186.5 × (1 + 3.5308%)^5 ≈ 221.8 — 郑州 工伤保险, 测算依据2 (“到2025年…将达到221万人左右”).
 */
export function compound(base: number, rate: number, years: number): number {
  return base * (1 + rate) ** years;
}

export const compoundMethod = {
  fn: (base: Value, rate: Value, years: Value) =>
    compound(asNumber(base, 'compound', 'base'), asNumber(rate, 'compound', 'rate'), asNumber(years, 'compound', 'years')),
  arity: [3],
};
