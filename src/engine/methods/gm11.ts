import { ExpressionError } from '../expression-error.js';
import type { Value } from '../types.js';
import { method } from './method.js';
import { consecutiveYears, finiteSeries, horizon } from './series-args.js';

/**
 * GM(1,1) grey forecast (灰色预测), the standard formulation (邓聚龙; 刘思峰《灰色系统理论及其应用》):
 *
 *     x¹(k) = Σ_{i≤k} x⁰(i)                                  (accumulated series, 1-AGO)
 *     z(k)  = (x¹(k) + x¹(k−1)) / 2,            k = 2..n     (background values)
 *     [a, b] = least squares of x⁰(k) = −a·z(k) + b,  k = 2..n
 *     x̂⁰(k) = (1 − eᵃ)(x⁰(1) − b/a)·e^{−a(k−1)}
 *     gm11(series, h) = x̂⁰(n + h)                            (h years after the series' last year)
 *
 * Accuracy (后验差检验), over k = 1..n with x̂⁰(1) = x⁰(1), so ε(1) = 0, population standard deviations:
 *
 *     ε(k) = x⁰(k) − x̂⁰(k);   S₁ = sd(x⁰),  S₂ = sd(ε)
 *     C = S₂ / S₁                                            (posterior-error ratio, 后验差比值)
 *     P = share of k with |ε(k) − ε̄| < 0.6745·S₁             (small-error probability, 小误差概率)
 *     gm11_fit(series) = [C, P]     grades: 好 C < 0.35, P > 0.95 · 合格 < 0.5, > 0.8 · 勉强 < 0.65, > 0.7
 *
 * gm11_fit returns the pair as a two-value series, since formula values are numbers or series:
 * first(gm11_fit(s)) is C and last(gm11_fit(s)) is P.
 *
 * Seed: 工伤保险参保 provincial targets 2015–2020 [156.86, 159, 168.3, 173.86, 181.3, 186.5] (郑州, item 10):
 * a ≈ −0.03897, b ≈ 151.28, gm11(…, 5) ≈ 227.9 for 2025 against the document's 221.86; C ≈ 0.095, P = 1 (好).
 */
export interface Gm11Params {
  a: number;
  b: number;
}

/** Refuses what GM(1,1) cannot model: fewer than 4 values (grey practice's minimum), a value ≤ 0. */
export function gm11Series(v: Value, method = 'gm11'): number[] {
  const x = finiteSeries(v, method, 4);
  const bad = x.findIndex((y) => y <= 0);
  if (bad >= 0) throw new ExpressionError(`${method}(): value ${bad + 1} of the series is ${x[bad]}; GM(1,1) needs positive values`);
  return x;
}

export function gm11Params(x0: readonly number[]): Gm11Params {
  // normal equations of the 2-parameter least squares, with u = −z: x⁰ = a·u + b
  let x1 = x0[0]!;
  let su = 0,
    sy = 0,
    suu = 0,
    suy = 0;
  const m = x0.length - 1;
  for (let k = 1; k < x0.length; k++) {
    const prev = x1;
    x1 += x0[k]!;
    const u = -(prev + x1) / 2;
    su += u;
    sy += x0[k]!;
    suu += u * u;
    suy += u * x0[k]!;
  }
  const det = m * suu - su * su;
  if (!(det > 0)) throw new ExpressionError('gm11(): the background values are all equal; the fit is undetermined');
  return { a: (m * suy - su * sy) / det, b: (suu * sy - su * suy) / det };
}

/** x̂⁰(k), k counted from 1 at the series' first value; (1 − eᵃ)(x⁰(1) − b/a) written with expm1 so a → 0 tends to b. */
export function gm11Value(x01: number, { a, b }: Gm11Params, k: number): number {
  if (k === 1) return x01;
  const e = Math.expm1(a);
  const ratio = a === 0 ? 1 : e / a;
  return (b * ratio - x01 * e) * Math.exp(-a * (k - 1));
}

export function gm11(x0: readonly number[], h: number): number {
  return gm11Value(x0[0]!, gm11Params(x0), x0.length + h);
}

export function gm11Fit(x0: readonly number[]): { c: number; p: number } {
  const params = gm11Params(x0);
  const n = x0.length;
  const eps = x0.map((x, i) => x - gm11Value(x0[0]!, params, i + 1));
  const mean = (v: readonly number[]) => v.reduce((s, y) => s + y, 0) / v.length;
  const sd = (v: readonly number[]) => {
    const m = mean(v);
    return Math.sqrt(v.reduce((s, y) => s + (y - m) ** 2, 0) / v.length);
  };
  const s1 = sd(x0);
  if (!(s1 > 0)) throw new ExpressionError('gm11_fit(): the series is constant; C is undefined (no spread to compare against)');
  const eMean = mean(eps);
  const p = eps.filter((e) => Math.abs(e - eMean) < 0.6745 * s1).length / n;
  return { c: sd(eps) / s1, p };
}

const forecast = (series: Value, h: Value) => gm11(gm11Series(series, 'gm11'), horizon(h, 'gm11'));
const accuracy = (series: Value): Value => {
  const f = gm11Fit(gm11Series(series, 'gm11_fit'));
  return [f.c, f.p];
};

export const gm11Method = method({
  name: 'gm11',
  fn: forecast,
  arity: [2],
  // GM(1,1) assumes one value a year: a named series with a missing year is refused, not silently closed up
  years: {
    arg: 0,
    fn: (named, series, h) => {
      consecutiveYears(named.years, 'gm11', named.key);
      return forecast(series!, h!);
    },
  },
  excel: { none: 'GM(1,1) is a least-squares fit on the accumulated series; the workbook keeps cesuan’s value' },
});

export const gm11FitMethod = method({
  name: 'gm11_fit',
  fn: accuracy,
  arity: [1],
  years: {
    arg: 0,
    fn: (named, series) => {
      consecutiveYears(named.years, 'gm11_fit', named.key);
      return accuracy(series!);
    },
  },
  excel: { none: 'gm11_fit() gives two numbers [C, P]; the workbook keeps cesuan’s values' },
});
