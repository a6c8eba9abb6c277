import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cagr } from '../../../src/engine/methods/cagr.js';
import { compound } from '../../../src/engine/methods/compound.js';
import { decay, decayAmount } from '../../../src/engine/methods/decay.js';
import { linear } from '../../../src/engine/methods/linear.js';
import { meanGrowth } from '../../../src/engine/methods/mean-growth.js';

const base = fc.double({ min: 1, max: 1e4, noNaN: true });
const rate = fc.double({ min: -0.5, max: 0.5, noNaN: true });
const years = fc.integer({ min: 1, max: 30 });

describe('method invariants', () => {
  it('cagr(b, compound(b, r, n), n) == r', () => {
    fc.assert(
      fc.property(base, rate, years, (b, r, n) => {
        expect(cagr(b, compound(b, r, n), n)).toBeCloseTo(r, 9);
      }),
    );
  });
  it('compound over m then n years equals compound over m + n', () => {
    fc.assert(
      fc.property(base, rate, years, years, (b, r, m, n) => {
        expect(compound(compound(b, r, m), r, n) / compound(b, r, m + n)).toBeCloseTo(1, 9);
      }),
    );
  });
  it('a constant-growth series has mean_growth equal to its rate', () => {
    fc.assert(
      fc.property(base, rate, fc.integer({ min: 2, max: 10 }), (b, r, n) => {
        const s = Array.from({ length: n }, (_, i) => compound(b, r, i));
        expect(meanGrowth(s)).toBeCloseTo(r, 9);
      }),
    );
  });
  it('linear is additive in years', () => {
    fc.assert(
      fc.property(base, fc.double({ min: -100, max: 100, noNaN: true }), years, years, (b, s, m, n) => {
        expect(linear(linear(b, s, m), s, n)).toBeCloseTo(linear(b, s, m + n), 6);
      }),
    );
  });
  it('decay totals are positive, below years × last increment, and sum their yearly amounts', () => {
    const increments = fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(increments, fc.integer({ min: 1, max: 10 }), (inc, n) => {
        const total = decay(inc, n);
        const parts = Array.from({ length: n }, (_, i) => decayAmount(inc, i + 1)).reduce((a, b) => a + b, 0);
        expect(total).toBeGreaterThan(0);
        expect(total / parts).toBeCloseTo(1, 9);
        if (inc[inc.length - 1]! <= inc[0]!) expect(total).toBeLessThanOrEqual(n * inc[inc.length - 1]! * (1 + 1e-9));
      }),
    );
  });
});
