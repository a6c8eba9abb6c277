import { describe, expect, it } from 'vitest';
import { sum, sumMethod } from '../../../src/engine/methods/sum.js';

describe('sum', () => {
  it('返乡创业 2017–2020: 0.71 + 1.08 + 1.12 + 0.94 = 3.85', () => {
    expect(sum([0.71, 1.08, 1.12, 0.94])).toBeCloseTo(3.85, 12);
  });
  it('技能培训 2016–2020: 6.45 + 5.82 + 4.74 + 4.93 + 4.49 = 26.43', () => {
    expect(sum([6.45, 5.82, 4.74, 4.93, 4.49])).toBeCloseTo(26.43, 12);
  });
  it('mixes numbers and series: 538.73 + 29.41 = 568.14', () => {
    expect(sumMethod.fn(538.73, [29.41])).toBeCloseTo(568.14, 12);
  });
  it('non-finite partial sums give what IEEE arithmetic gives, not NaN (issue #10, 11a)', () => {
    expect(sum([1e308, 1e308])).toBe(Infinity);
    expect(sum([-1e308, -1e308])).toBe(-Infinity);
    expect(sum([Infinity, 1])).toBe(Infinity);
    expect(sum([1, -Infinity])).toBe(-Infinity);
    expect(sum([Infinity, -Infinity])).toBeNaN();
  });
  it('an intermediate overflow does not lose an exact total: 1e308 + 1e308 − 1e308 = 1e308', () => {
    expect(sum([1e308, 1e308, -1e308])).toBe(1e308);
    expect(sumMethod.fn([1e308, 1e308, -1e308, -1e308], 3)).toBe(3);
  });
});
