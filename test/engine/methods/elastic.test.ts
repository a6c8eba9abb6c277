import { describe, expect, it } from 'vitest';
import { elastic, elasticMethod } from '../../../src/engine/methods/elastic.js';

describe('elastic', () => {
  it('专业技术人才 84万, GDP +6% a year, elasticity 0.7 → 84 × 1.042⁵ ≈ 103.19 (near the unexplained 104)', () => {
    let v = 84;
    for (let t = 0; t < 5; t++) v *= 1 + 0.7 * 0.06; // year by year, apart from the engine's power
    expect(elastic(84, 0.06, 0.7, 5)).toBeCloseTo(v, 10);
    expect(elastic(84, 0.06, 0.7, 5)).toBeCloseTo(103.185, 3);
  });
  it('years 0 gives the base (a path starts at the baseline); elasticity 1 is compound growth at the driver’s rate', () => {
    expect(elastic(84, 0.06, 0.7, 0)).toBe(84);
    expect(elastic(100, 0.05, 1, 3)).toBeCloseTo(100 * 1.05 ** 3, 10);
  });
  it('bad input: a factor at or below 0, negative years, NaN, a series — each error names elastic', () => {
    expect(() => elasticMethod.fn(84, -0.5, 2, 5)).toThrow(/elastic\(\): 1 \+ elasticity × driver_growth is 0; it must be above 0/);
    expect(() => elasticMethod.fn(84, 0.06, 0.7, -1)).toThrow(/elastic\(\): years must be 0 or more, got -1/);
    expect(() => elasticMethod.fn(84, Number.NaN, 0.7, 5)).toThrow(/elastic\(\): driver_growth is NaN/);
    expect(() => elasticMethod.fn([84, 85], 0.06, 0.7, 5)).toThrow(/elastic\(\): base must be a number/);
  });
});
