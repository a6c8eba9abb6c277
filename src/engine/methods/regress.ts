import { asNumber, asSeries } from './args.js';
import { centredLine } from './least-squares.js';
import { method } from './method.js';
import type { Value } from '../types.js';

/**
 * Least-squares line through (xs, ys), read at x, in centred form (m·x + b cancels badly for large x).
 *
 *     regress(xs, ys, x) = ȳ + m·(x − x̄),  m = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)²
 *
 * Seed: 失业保险参保 2015–2020 against the years, read at 2025 — the straight-line trend a reviewer sets
 * beside the chosen 277万 (郑州, item 7).
 */
export function regress(xs: number[], ys: number[], x: number): number {
  const { mx, my, m } = centredLine(xs, ys, 'regress');
  return my + m * (x - mx);
}

export const regressMethod = method({
  name: 'regress',
  fn: (xs: Value, ys: Value, x: Value) =>
    regress(asSeries(xs, 'regress', 'xs', 2), asSeries(ys, 'regress', 'ys', 2), asNumber(x, 'regress', 'x')),
  arity: [3],
  excel: { none: 'regress() is a least-squares fit; the workbook keeps cesuan’s value' },
});
