import { describe, expect, it } from 'vitest';
import { regress, regressMethod } from '../../../src/engine/methods/regress.js';

describe('regress', () => {
  it('a straight line is read back exactly', () => {
    expect(regress([2016, 2017, 2018], [10, 12, 14], 2025)).toBeCloseTo(28, 9);
  });
  it('失业保险参保 2015–2020 trend read at 2025 equals the least-squares closed form', () => {
    const xs = [2015, 2016, 2017, 2018, 2019, 2020];
    const ys = [166.8, 181.93, 189.32, 190.29, 212.0, 250.01];
    const mx = xs.reduce((a, b) => a + b) / 6;
    const my = ys.reduce((a, b) => a + b) / 6;
    const m = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    expect(regress(xs, ys, 2025)).toBeCloseTo(my + m * (2025 - mx), 9);
  });
  it('centred: regress([1e15, 1e15+1, 1e15+2], [1, 2, 4], 1e15+3) = 16/3 (m·x + b gave 5.25; issue #10, 11b)', () => {
    expect(regress([1e15, 1e15 + 1, 1e15 + 2], [1, 2, 4], 1e15 + 3)).toBeCloseTo(16 / 3, 12);
  });
  it('refuses x values that are all equal, naming the method', () => {
    expect(() => regress([3, 3, 3], [1, 2, 4], 5)).toThrow(/^regress\(\): all x are equal/);
    expect(() => regressMethod.fn([2020, 2020], [1, 2], 2025)).toThrow(/regress\(\).*all x are equal/);
  });
  it('refuses a NaN inside a series', () => {
    expect(() => regressMethod.fn([1, 2, 3], [1, Number.NaN, 3], 4)).toThrow(/regress\(\).*NaN/);
  });
});
