import { describe, expect, it } from 'vitest';
import { coverage } from '../../../src/engine/methods/coverage.js';

describe('coverage', () => {
  it('社会保障卡 2025: 1100万 cards for 1035.2 + 22 × 6 = 1167.2万 residents ≈ 94.2%', () => {
    expect(coverage(1100, 1035.2 + 22 * 6)).toBeCloseTo(1100 / 1167.2, 12);
    expect(coverage(1100, 1167.2)).toBeCloseTo(0.9424, 4);
  });
  it('电子社保卡: 15–64岁 784.4 of 1035.2 ≈ 75.8%', () => {
    expect(coverage(784.4, 1035.2)).toBeCloseTo(0.758, 3);
  });
  it('refuses an empty population', () => {
    expect(() => coverage(1, 0)).toThrow(/population/);
  });
});
