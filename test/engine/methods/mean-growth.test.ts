import { describe, expect, it } from 'vitest';
import { meanGrowth } from '../../../src/engine/methods/mean-growth.js';

describe('mean_growth', () => {
  it('工伤保险 省定目标 2015–2020: arithmetic mean of yearly growth ≈ 3.533% (document: 3.5308%)', () => {
    const s = [156.86, 159, 168.3, 173.86, 181.3, 186.5];
    const byHand = (159 / 156.86 + 168.3 / 159 + 173.86 / 168.3 + 181.3 / 173.86 + 186.5 / 181.3 - 5) / 5;
    expect(meanGrowth(s)).toBeCloseTo(byHand, 14);
    expect(meanGrowth(s)).toBeCloseTo(0.035329, 6);
  });
  it('differs from the CAGR when growth is uneven', () => {
    expect(meanGrowth([100, 200, 100])).toBeCloseTo(0.25, 12); // +100%, −50%
  });
});
