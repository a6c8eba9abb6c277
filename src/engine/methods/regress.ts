import { linearRegression, linearRegressionLine } from 'simple-statistics';
import { ExpressionError } from '../expression-error.js';
import { asNumber, asSeries } from './args.js';
import type { Value } from '../types.js';

/**
 * Least-squares line through (xs, ys), read at x (simple-statistics linearRegression).
 *
 *     regress(xs, ys, x) = m·x + b,  (m, b) = argmin Σ (yᵢ − m·xᵢ − b)²
 *
 * Seed: 失业保险参保 2015–2020 against the years, read at 2025 — the straight-line trend a reviewer sets
 * beside the chosen 277万 (郑州, item 7).
 */
export function regress(xs: number[], ys: number[], x: number): number {
  if (xs.length !== ys.length) throw new ExpressionError(`regress(): xs has ${xs.length} values but ys has ${ys.length}`);
  const line = linearRegressionLine(linearRegression(xs.map((xi, i) => [xi, ys[i]!])));
  return line(x);
}

export const regressMethod = {
  fn: (xs: Value, ys: Value, x: Value) =>
    regress(asSeries(xs, 'regress', 'xs', 2), asSeries(ys, 'regress', 'ys', 2), asNumber(x, 'regress', 'x')),
  arity: [3],
};
