import { ExpressionError } from '../expression-error.js';
import { asNumber } from './args.js';
import { excelNumbers, method } from './method.js';
import type { Value } from '../types.js';

/**
 * Compound growth: the value after `years` years of growth at `rate` a year.
 *
 *     compound(base, rate, years) = base × (1 + rate)^years
 *
 * Seed: 186.5 × (1 + 3.5308%)^5 ≈ 221.8 — 郑州 工伤保险, 测算依据2 (“到2025年…将达到221万人左右”).
 */
export function compound(base: number, rate: number, years: number): number {
  const growth = 1 + rate;
  if (growth < 0 && !Number.isInteger(years)) {
    throw new ExpressionError(`compound(): 1 + rate is ${growth}, and a negative number to the power ${years} is not a real number`);
  }
  return base * growth ** years;
}

export const compoundMethod = method({
  name: 'compound',
  fn: (base: Value, rate: Value, years: Value) =>
    compound(asNumber(base, 'compound', 'base'), asNumber(rate, 'compound', 'rate'), asNumber(years, 'compound', 'years')),
  arity: [3],
  vector: { arity: 3, f: compound },
  excel: (args) => {
    const [base, rate, years] = excelNumbers(args, 'compound');
    return `${base}*(1+${rate})^${years}`;
  },
});
