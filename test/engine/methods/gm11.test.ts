import { describe, expect, it } from 'vitest';
import { gm11, gm11Fit, gm11FitMethod, gm11Method, gm11Params } from '../../../src/engine/methods/gm11.js';

/**
 * Written apart from the engine: the normal equations as (BᵀB)⁻¹BᵀY with an explicit 2×2 inverse, and the
 * forecast as the difference of the accumulated time response x̂¹(k+1) = (x⁰(1) − b/a)e^{−ak} + b/a.
 */
function reference(x0: number[], h: number): { a: number; b: number; forecast: number; fitted: number[] } {
  const x1 = x0.map((_, i) => x0.slice(0, i + 1).reduce((s, v) => s + v, 0));
  const B = x0.slice(1).map((_, i) => [-(x1[i]! + x1[i + 1]!) / 2, 1] as const);
  const Y = x0.slice(1);
  const btb = [
    [0, 0],
    [0, 0],
  ] as number[][];
  const bty = [0, 0];
  B.forEach((row, i) => {
    for (let r = 0; r < 2; r++) {
      bty[r]! += row[r]! * Y[i]!;
      for (let c = 0; c < 2; c++) btb[r]![c]! += row[r]! * row[c]!;
    }
  });
  const det = btb[0]![0]! * btb[1]![1]! - btb[0]![1]! * btb[1]![0]!;
  const inv = [
    [btb[1]![1]! / det, -btb[0]![1]! / det],
    [-btb[1]![0]! / det, btb[0]![0]! / det],
  ];
  const a = inv[0]![0]! * bty[0]! + inv[0]![1]! * bty[1]!;
  const b = inv[1]![0]! * bty[0]! + inv[1]![1]! * bty[1]!;
  const acc = (k: number) => (x0[0]! - b / a) * Math.exp(-a * k) + b / a; // x̂¹(k+1)
  const at = (k: number) => (k === 1 ? x0[0]! : acc(k - 1) - acc(k - 2)); // x̂⁰(k)
  return { a, b, forecast: at(x0.length + h), fitted: x0.map((_, i) => at(i + 1)) };
}

const injuryTargets = [156.86, 159, 168.3, 173.86, 181.3, 186.5]; // 工伤保险参保 省定目标 2015–2020 (郑州 item 10)

describe('gm11', () => {
  it('工伤 provincial targets 2015–2020 → 2025 ≈ 227.9 (the issue’s seed), the same as the independent fit', () => {
    const ref = reference(injuryTargets, 5);
    expect(gm11Params(injuryTargets).a).toBeCloseTo(ref.a, 12);
    expect(gm11Params(injuryTargets).b).toBeCloseTo(ref.b, 9);
    expect(gm11(injuryTargets, 5)).toBeCloseTo(ref.forecast, 9);
    expect(gm11(injuryTargets, 5)).toBeCloseTo(227.92, 2);
    expect(gm11Params(injuryTargets).a).toBeCloseTo(-0.038965, 6);
    expect(gm11Params(injuryTargets).b).toBeCloseTo(151.2803, 4);
  });

  it('every horizon and every fitted year agrees with the independent implementation', () => {
    for (const h of [1, 2, 3, 4, 5, 0.5]) expect(gm11(injuryTargets, h)).toBeCloseTo(reference(injuryTargets, h).forecast, 9);
    const transfers = [9.5, 8, 6.1, 5.2, 4.6]; // a falling series: a > 0
    expect(gm11Params(transfers).a).toBeGreaterThan(0);
    expect(gm11(transfers, 5)).toBeCloseTo(reference(transfers, 5).forecast, 10);
  });

  /**
   * Published worked example: 国际干散货船舶运力 (International dry-bulk fleet), in 《国际干散货航运市场船舶运力的
   * 预测以及浅析》, table reproduced at https://mtoou.info/tubiao/992967.html (found with the library search):
   * accumulated X(1) = {2.86, 5.80, …, 89.08} (17 years), “计算待定系数：a=-0.0749，b=2.5948”, “后验差比值
   * C=0.209574 … P=1 … 因此该预测结果评价好”. Their C takes the residuals over k = 2..n (our convention, 刘思峰's,
   * includes ε(1) = 0 and gives 0.1999); both grade 好 (C < 0.35, P > 0.95).
   */
  it('reproduces the published dry-bulk example: a = −0.0749, b = 2.5948, P = 1, C graded 好', () => {
    const X1 = [2.86, 5.8, 8.81, 12.02, 15.46, 19.13, 23.05, 27.24, 31.86, 37.27, 43.48, 50.35, 57.62, 65.2, 72.97, 80.91, 89.08];
    const x0 = X1.map((v, i) => (i === 0 ? v : v - X1[i - 1]!));
    const { a, b } = gm11Params(x0);
    expect(a).toBeCloseTo(-0.0749, 4);
    expect(b).toBeCloseTo(2.5948, 4);
    const fit = gm11Fit(x0);
    expect(fit.p).toBe(1);
    expect(fit.c).toBeCloseTo(0.1999, 4);
    expect(fit.c).toBeLessThan(0.35);
    // the published convention (residuals and spread over k = 2..n) lands on their 0.2096 within their rounding
    const ref = reference(x0, 1);
    const eps = x0.slice(1).map((x, i) => x - ref.fitted[i + 1]!);
    const sd = (v: number[]) => {
      const m = v.reduce((s, y) => s + y, 0) / v.length;
      return Math.sqrt(v.reduce((s, y) => s + (y - m) ** 2, 0) / v.length);
    };
    expect(sd(eps) / sd(x0.slice(1))).toBeCloseTo(0.2096, 2);
  });

  it('gm11_fit on the 工伤 targets: C ≈ 0.095, P = 1 (好), from residuals computed apart', () => {
    const ref = reference(injuryTargets, 1);
    const eps = injuryTargets.map((x, i) => x - ref.fitted[i]!);
    const mean = (v: number[]) => v.reduce((s, y) => s + y, 0) / v.length;
    const sd = (v: number[]) => Math.sqrt(mean(v.map((y) => (y - mean(v)) ** 2)));
    const fit = gm11Fit(injuryTargets);
    expect(fit.c).toBeCloseTo(sd(eps) / sd(injuryTargets), 10);
    expect(fit.c).toBeCloseTo(0.0948, 4);
    expect(fit.p).toBe(1);
    expect(gm11FitMethod.fn(injuryTargets)).toEqual([fit.c, fit.p]);
  });

  it('a constant series is its own forecast (a = 0 taken as the limit, no division by zero)', () => {
    expect(gm11([5, 5, 5, 5], 3)).toBeCloseTo(5, 12);
  });

  it('bad input: too short, non-positive, NaN, h ≤ 0, a number for the series — each error names gm11 and the reason', () => {
    expect(() => gm11Method.fn([1, 2, 3], 1)).toThrow(/gm11\(\): the series is too short: needs at least 4 values, got 3/);
    expect(() => gm11Method.fn([1, 2, 0, 3], 1)).toThrow(/gm11\(\): value 3 of the series is 0; GM\(1,1\) needs positive values/);
    expect(() => gm11Method.fn([1, -2, 3, 4], 1)).toThrow(/positive values/);
    expect(() => gm11Method.fn([1, Number.NaN, 3, 4], 1)).toThrow(/gm11\(\): value 2 of the series is NaN/);
    expect(() => gm11Method.fn(injuryTargets, 0)).toThrow(/gm11\(\): h .* must be above 0, got 0/);
    expect(() => gm11Method.fn(injuryTargets, -1)).toThrow(/must be above 0/);
    expect(() => gm11Method.fn(5, 1)).toThrow(/gm11\(\): series must be a series/);
    expect(() => gm11FitMethod.fn([1, 2, 3])).toThrow(/gm11_fit\(\): the series is too short/);
  });
});
