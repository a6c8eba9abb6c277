import { describe, expect, it } from 'vitest';
import { decay, decayAmount, decayMethod, decayRatio } from '../../../src/engine/methods/decay.js';

const transfers = [9.5, 8, 6.1, 5.2, 4.6]; // 农村劳动力转移就业 increments 2016–2020

describe('decay', () => {
  it('农村劳动力转移就业: increments shrink by (4.6/9.5)^(1/4) ≈ 0.834 a year', () => {
    expect(decayRatio(transfers)).toBeCloseTo((4.6 / 9.5) ** 0.25, 12);
    expect(decayRatio(transfers)).toBeCloseTo(0.83418, 5);
  });
  it('the 2021–2025 total is the geometric sum 4.6·r(1 − r⁵)/(1 − r) ≈ 13.8, short of the chosen 15', () => {
    const r = (4.6 / 9.5) ** 0.25;
    expect(decay(transfers, 5)).toBeCloseTo((4.6 * r * (1 - r ** 5)) / (1 - r), 10);
    expect(decay(transfers, 5)).toBeCloseTo(13.79, 2);
  });
  it('decay_amount(t) is the amount of year t; the amounts add up to decay()', () => {
    const years = [1, 2, 3, 4, 5].map((t) => decayAmount(transfers, t));
    expect(years[0]).toBeCloseTo(4.6 * decayRatio(transfers), 12);
    expect(years.reduce((a, b) => a + b, 0)).toBeCloseTo(decay(transfers, 5), 12);
  });
  it('refuses non-positive increments', () => {
    expect(() => decay([1, 0], 5)).toThrow(/positive/);
  });
  it('a NaN inside the increments is an error, not skipped: decay([5, NaN, 4], 3) (issue #10, 11c)', () => {
    expect(() => decayMethod.fn([5, Number.NaN, 4], 3)).toThrow(/^decay\(\): .*NaN/);
  });
  it('refuses years that are not a whole number ≥ 0, instead of truncating', () => {
    expect(() => decay(transfers, 2.5)).toThrow(/^decay\(\): years/);
    expect(() => decay(transfers, -1)).toThrow(/^decay\(\): years/);
    expect(decay(transfers, 0)).toBe(0);
  });
});
