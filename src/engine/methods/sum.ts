import { ExpressionError } from '../expression-error.js';
import { flatten } from './args.js';
import { excelList, method } from './method.js';
import type { Value } from '../types.js';

/**
 * Sum of numbers and series (compensated summation, Kahan–Babuška/Neumaier).
 *
 *     sum(x₁, …, xₙ) = Σ xᵢ
 *
 * An infinite input gives what IEEE addition gives (Infinity + 1 = Infinity, Infinity − Infinity = NaN);
 * finite inputs whose partial sums overflow are summed again scaled down, so 1e308 + 1e308 − 1e308 = 1e308.
 *
 * Seed: sum([0.71, 1.08, 1.12, 0.94]) = 3.85 — 郑州 返乡创业 2017–2020 (“累计3.85万人”).
 */
export function sum(values: number[]): number {
  const total = compensated(values, 1);
  return Number.isFinite(total) ? total : nonFinite(values, 1);
}

/** Σ xᵢ × scale, compensated (the same steps as simple-statistics' sum, so ordinary totals are unchanged). */
function compensated(values: number[], scale: number): number {
  if (values.length === 0) return 0;
  let total = values[0]! * scale;
  let correction = 0;
  for (let i = 1; i < values.length; i++) {
    const x = values[i]! * scale;
    const next = total + x;
    if (Math.abs(total) >= Math.abs(x)) correction += total - next + x;
    else correction += x - next + total;
    total = next;
  }
  return total + correction;
}

/** The total when the compensated one is not finite, divided by `divisor` (for mean) before scaling back. */
function nonFinite(values: number[], divisor: number): number {
  // an infinity among the inputs: plain IEEE addition says what the total is (±Infinity, or NaN for ∞ − ∞)
  if (!values.every(Number.isFinite)) return values.reduce((a, b) => a + b, 0) / divisor;
  // all finite, a partial sum overflowed: |Σ| ≤ n × max, so scaling by 2^−(⌈log₂ n⌉ + 1) keeps every step finite
  const k = Math.ceil(Math.log2(values.length)) + 1;
  return (compensated(values, 2 ** -k) / divisor) * 2 ** k;
}

/** Arithmetic mean by the same summation: finite whenever the exact mean is (mean(1e308, 1e308) = 1e308). */
export function meanOf(values: number[]): number {
  if (values.length === 0) throw new ExpressionError('mean() needs at least one value');
  const total = compensated(values, 1);
  return Number.isFinite(total) ? total / values.length : nonFinite(values, values.length);
}

export const sumMethod = method({
  name: 'sum',
  fn: (...args: Value[]) => sum(flatten(args, 'sum')),
  excel: (args) => ({ atom: `SUM(${excelList(args, 'sum')})` }),
});
