import { describe, expect, it } from 'vitest';
import { ses, sesMethod } from '../../../src/engine/methods/ses.js';

/** Written apart: the closed form, a weighted sum with weights α(1 − α)^age and (1 − α)^{n−1} on the first value. */
function reference(y: number[], alpha: number): number {
  const n = y.length;
  return (1 - alpha) ** (n - 1) * y[0]! + y.slice(1).reduce((s, v, i) => s + alpha * (1 - alpha) ** (n - 2 - i) * v, 0);
}

const injuryTargets = [156.86, 159, 168.3, 173.86, 181.3, 186.5];

describe('ses', () => {
  it('工伤 provincial targets, α 0.5 → ≈ 180.70, below the last target (a level lags a growing series)', () => {
    expect(ses(injuryTargets, 0.5)).toBeCloseTo(reference(injuryTargets, 0.5), 10);
    expect(ses(injuryTargets, 0.5)).toBeCloseTo(180.697, 3);
  });
  it('agrees with the closed form for every α; α = 1 is the last value', () => {
    for (const a of [0.05, 0.2, 0.6, 0.95]) expect(ses(injuryTargets, a)).toBeCloseTo(reference(injuryTargets, a), 10);
    expect(ses(injuryTargets, 1)).toBe(186.5);
  });
  it('bad input: α outside (0, 1], too short, NaN — each error names ses', () => {
    expect(() => sesMethod.fn(injuryTargets, 0)).toThrow(/ses\(\): alpha must be in \(0, 1\], got 0/);
    expect(() => sesMethod.fn(injuryTargets, 1.01)).toThrow(/ses\(\): alpha must be in \(0, 1\]/);
    expect(() => sesMethod.fn([3], 0.5)).toThrow(/ses\(\): the series is too short: needs at least 2 values, got 1/);
    expect(() => sesMethod.fn([3, Number.POSITIVE_INFINITY], 0.5)).toThrow(/ses\(\): value 2 of the series is Infinity/);
  });
});
