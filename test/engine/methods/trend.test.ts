import { describe, expect, it } from 'vitest';
import { trendExp } from '../../../src/engine/methods/trend-exp.js';
import { trendLinear } from '../../../src/engine/methods/trend-linear.js';

/** Written apart: the least-squares closed form m = Sxy / Sxx around the means. */
function line(xs: number[], ys: number[]): (x: number) => number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const m = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return (x) => my + m * (x - mx);
}

const years = [2015, 2016, 2017, 2018, 2019, 2020];
const injuryTargets = [156.86, 159, 168.3, 173.86, 181.3, 186.5];
const unemploymentInsured = [166.8, 181.93, 189.32, 190.29, 212.0, 250.01]; // 失业保险参保 2015–2020 (郑州 item 7)

describe('trend_exp', () => {
  it('工伤 provincial targets read at 2025 ≈ 225.03 (log-linear least squares), beside the document’s 221.86', () => {
    const f = line(years, injuryTargets.map(Math.log));
    expect(trendExp(years, injuryTargets, 2025)).toBeCloseTo(Math.exp(f(2025)), 9);
    expect(trendExp(years, injuryTargets, 2025)).toBeCloseTo(225.034, 3);
  });
  it('an exact exponential is read back exactly, irregular years included', () => {
    expect(trendExp([2010, 2013, 2014], [100, 100 * 1.1 ** 3, 100 * 1.1 ** 4], 2020)).toBeCloseTo(100 * 1.1 ** 10, 8);
  });
  it('refuses non-positive values, naming trend_exp', () => {
    expect(() => trendExp([1, 2, 3], [1, 0, 2], 4)).toThrow(/trend_exp\(\): value 2 of the series is 0/);
  });
});

describe('trend_linear', () => {
  it('失业保险参保 2015–2020 read at 2025 ≈ 307.08, the closed form (and regress over the same years)', () => {
    expect(trendLinear(years, unemploymentInsured, 2025)).toBeCloseTo(line(years, unemploymentInsured)(2025), 9);
    expect(trendLinear(years, unemploymentInsured, 2025)).toBeCloseTo(307.084, 3);
  });
});
