import { describe, expect, it } from 'vitest';
import { mean, meanMethod } from '../../../src/engine/methods/mean.js';

describe('mean', () => {
  it('技能培训 2016–2020: 26.43 / 5 = 5.286万人次 a year', () => {
    expect(mean([6.45, 5.82, 4.74, 4.93, 4.49])).toBeCloseTo(5.286, 12);
  });
  it('non-finite partial sums: the mean of 1e308 and 1e308 is 1e308, of Infinity and 1 Infinity (issue #10, 11a)', () => {
    expect(mean([1e308, 1e308])).toBe(1e308);
    expect(mean([1e308, 1e308, -1e308])).toBeCloseTo(1e308 / 3, -300);
    expect(mean([Infinity, 1])).toBe(Infinity);
    expect(meanMethod.fn([-1e308, -1e308], -1e308)).toBe(-1e308);
  });
});
