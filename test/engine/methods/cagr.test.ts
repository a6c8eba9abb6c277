import { describe, expect, it } from 'vitest';
import { cagr, cagrMethod } from '../../../src/engine/methods/cagr.js';

describe('cagr', () => {
  it('工伤保险: the chosen 210 from 186.5 implies (210/186.5)^(1/5) − 1 ≈ 2.40% a year', () => {
    expect(cagr(186.5, 210, 5)).toBeCloseTo(0.024019, 6);
  });
  it('失业保险: 277 from 250.01 implies ≈ 2.07% a year', () => {
    expect(cagr(250.01, 277, 5)).toBeCloseTo(0.020715, 6);
  });
  it('of a yearly series: first to last over n − 1 years', () => {
    expect(cagrMethod.fn([156.86, 159, 168.3, 173.86, 181.3, 186.5])).toBeCloseTo((186.5 / 156.86) ** 0.2 - 1, 12);
  });
  it('refuses a non-positive start', () => {
    expect(() => cagr(0, 10, 5)).toThrow(/positive start/);
  });
  it('refuses a rate that overflows: cagr(100, 200, 1e-10) (issue #10, 11c)', () => {
    expect(() => cagr(100, 200, 1e-10)).toThrow(/^cagr\(\): .*(too large|overflow)/);
  });
  it('a NaN inside a series is an error, not skipped: cagr([5, NaN, 7])', () => {
    expect(() => cagrMethod.fn([5, Number.NaN, 7])).toThrow(/^cagr\(\): .*NaN/);
  });
});
