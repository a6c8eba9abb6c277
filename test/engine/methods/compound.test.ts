import { describe, expect, it } from 'vitest';
import { compound, compoundMethod } from '../../../src/engine/methods/compound.js';

describe('compound', () => {
  it('郑州 工伤保险 测算依据2: 186.5 × (1 + 3.5308%)^5 ≈ 221.8 (“221万人左右”)', () => {
    expect(compound(186.5, 0.035308, 5)).toBeCloseTo(221.83, 2);
  });
  it('郑州 城乡居民养老: 233.83 × 1.004^5 ≈ 238.5 (stated “238万人”)', () => {
    expect(compound(233.83, 0.004, 5)).toBeCloseTo(238.544, 3);
  });
  it('zero years returns the base; zero rate keeps it flat', () => {
    expect(compound(195.97, 0.04, 0)).toBe(195.97);
    expect(compound(195.97, 0, 5)).toBe(195.97);
  });
  it('refuses a negative 1 + rate raised to a fractional power: compound(100, −1.5, 2.5) (issue #10, 11c)', () => {
    expect(() => compound(100, -1.5, 2.5)).toThrow(/^compound\(\): .*1 \+ rate/);
    expect(() => compoundMethod.fn(100, -1.5, 2.5)).toThrow(/compound\(\)/);
    // a whole number of years is still a real number
    expect(compound(100, -1.5, 2)).toBeCloseTo(25, 12);
  });
});
