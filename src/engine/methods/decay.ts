import { ExpressionError } from '../expression-error.js';
import { asNumber, asSeries } from './args.js';
import { method } from './method.js';
import type { Value } from '../types.js';

/**
 * Geometric decay of yearly increments: the increments keep shrinking by their historical average ratio.
 *
 *     r = (last / first)^(1 / (n − 1))            (geometric mean of successive ratios)
 *     decay_amount(v, t) = last × r^t               (the amount of the t-th year after the series)
 *     decay(v, years)    = Σ_{t=1..years} last × r^t
 *
 * Seed: 农村劳动力转移就业 increments 2016–2020 [9.5, 8, 6.1, 5.2, 4.6] (郑州, item 2): r ≈ 0.834,
 * 2021–2025 total ≈ 13.8万人 against the chosen 15.
 */
export function decayRatio(values: number[]): number {
  const first = values[0]!;
  const last = values[values.length - 1]!;
  if (first <= 0 || last <= 0) throw new ExpressionError('decay(): increments must be positive');
  return (last / first) ** (1 / (values.length - 1));
}

export function decayAmount(values: number[], t: number): number {
  return values[values.length - 1]! * decayRatio(values) ** t;
}

/** More years than any plan spans: a guard against a loop that would not end (decay(x, 1e12)). */
const MAX_DECAY_YEARS = 1000;

export function decay(values: number[], years: number): number {
  if (!Number.isInteger(years) || years < 0) throw new ExpressionError(`decay(): years must be a whole number ≥ 0, got ${years}`);
  if (years > MAX_DECAY_YEARS) throw new ExpressionError(`decay(): years must be at most ${MAX_DECAY_YEARS}, got ${years}`);
  const r = decayRatio(values);
  const last = values[values.length - 1]!;
  let total = 0;
  for (let t = 1; t <= years; t++) total += last * r ** t;
  return total;
}

export const decayMethod = method({
  name: 'decay',
  fn: (series: Value, years: Value) => decay(asSeries(series, 'decay', 'increments', 2), asNumber(years, 'decay', 'years')),
  arity: [2],
  excel: { none: 'decay() sums year by year; the workbook keeps cesuan’s total' },
});

export const decayAmountMethod = method({
  name: 'decay_amount',
  fn: (series: Value, t: Value) => decayAmount(asSeries(series, 'decay_amount', 'increments', 2), asNumber(t, 'decay_amount', 't')),
  arity: [2],
  excel: { none: 'decay_amount() is left to cesuan, like decay()' },
});
