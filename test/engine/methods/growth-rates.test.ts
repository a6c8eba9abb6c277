import { describe, expect, it } from 'vitest';
import { growthRates, growthRatesMethod } from '../../../src/engine/methods/growth-rates.js';

describe('growth_rates', () => {
  it('省定目标 159 → 168.3 is +5.849%', () => {
    expect(growthRates([159, 168.3])[0]).toBeCloseTo(0.058491, 6);
  });
  it('refuses growth from zero', () => {
    expect(() => growthRates([0, 1])).toThrow(/from 0/);
  });
  it('refuses growth that overflows: growth_rates([1e-320, 1]) (issue #10, 11c)', () => {
    expect(() => growthRates([1e-320, 1])).toThrow(/^growth_rates\(\): .*(too large|overflow)/);
    expect(() => growthRatesMethod.fn([1e-320, 1])).toThrow(/growth_rates\(\)/);
  });
});
