import { describe, expect, it } from 'vitest';
import { classifyStated, decimalsOf, toleranceFor } from '../../src/engine/graph/audit.js';

const exact = { decimals: 2, approx: false, reproducible: true };

describe('stated-figure verdicts', () => {
  it('500 × 11.3% = 56.5 is a match', () => {
    expect(classifyStated(56.5, 500 * 0.113, { ...exact, decimals: 1 })).toBe('match');
  });
  it('“增幅3.7%”: 20 / 538.73 = 3.712% is within rounding of 3.7% (half a unit of the last digit)', () => {
    expect(classifyStated(0.037, 20 / 538.73, { ...exact, decimals: 3 })).toBe('rounding');
  });
  it('“221万人左右” against 221.83 is approximate, not rounding', () => {
    expect(classifyStated(221, 221.83, { decimals: 0, approx: false, reproducible: true })).toBe('mismatch');
    expect(classifyStated(221, 221.83, { decimals: 0, approx: true, reproducible: true })).toBe('approximate');
  });
  it('“平均增长率为3.5308%” against 3.5329% is a mismatch at the printed precision', () => {
    expect(classifyStated(0.035308, 0.0353289, { ...exact, decimals: 6 })).toBe('mismatch');
  });
  it('“差距近10万人” against 212.00 − 203.44 = 8.56 is a mismatch even as an approximation', () => {
    expect(classifyStated(10, 212 - 203.44, { decimals: 0, approx: true, reproducible: true })).toBe('mismatch');
  });
  it('a figure from an unpublished model is not reproducible whatever is recomputed', () => {
    expect(classifyStated(104, 104, { ...exact, reproducible: false })).toBe('not_reproducible');
    expect(classifyStated(104, null, exact)).toBe('not_reproducible');
  });
  it('approximate tolerance: the larger of one unit of the last digit and 1%', () => {
    expect(toleranceFor(14, { decimals: 0, approx: true, reproducible: true })).toBe(1);
    expect(toleranceFor(1200, { decimals: 0, approx: true, reproducible: true })).toBe(12);
    expect(toleranceFor(17000, { decimals: 0, approx: true, tolerance: 1000, reproducible: true })).toBe(1000);
  });
  it('decimals as JavaScript prints the number', () => {
    expect(decimalsOf(0.035308)).toBe(6);
    expect(decimalsOf(221)).toBe(0);
  });
});
