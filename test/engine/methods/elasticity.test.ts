import { describe, expect, it } from 'vitest';
import { elasticity } from '../../../src/engine/methods/elasticity.js';

describe('elasticity', () => {
  it('two points: ln(y₁/y₀) / ln(x₁/x₀)', () => {
    expect(elasticity([12003, 15000], [84, 104])).toBeCloseTo(Math.log(104 / 84) / Math.log(15000 / 12003), 12);
  });
  it('y = x² has elasticity 2', () => {
    expect(elasticity([1, 2, 3, 4], [1, 4, 9, 16])).toBeCloseTo(2, 12);
  });
  it('refuses x values that are all equal, naming the method (issue #10, 11c)', () => {
    expect(() => elasticity([5, 5, 5], [1, 2, 3])).toThrow(/^elasticity\(\): all x are equal/);
  });
});
