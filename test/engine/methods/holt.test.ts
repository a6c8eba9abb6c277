import { describe, expect, it } from 'vitest';
import { holt, holtMethod } from '../../../src/engine/methods/holt.js';

/** Written apart: the error-correction form lₜ = lₜ₋₁ + bₜ₋₁ + α·eₜ, bₜ = bₜ₋₁ + αβ·eₜ (eₜ the one-step error). */
function reference(y: number[], alpha: number, beta: number, h: number): number {
  let l = y[0]!;
  let b = y[1]! - y[0]!;
  for (const yt of y.slice(1)) {
    const e = yt - (l + b);
    l = l + b + alpha * e;
    b = b + alpha * beta * e;
  }
  return l + h * b;
}

const injuryTargets = [156.86, 159, 168.3, 173.86, 181.3, 186.5];

describe('holt', () => {
  it('工伤 provincial targets, α 0.8, β 0.2 → 2025 ≈ 210.2 (the issue’s seed), as the error-correction form gives', () => {
    expect(holt(injuryTargets, 0.8, 0.2, 5)).toBeCloseTo(reference(injuryTargets, 0.8, 0.2, 5), 9);
    expect(holt(injuryTargets, 0.8, 0.2, 5)).toBeCloseTo(210.23, 2);
  });
  it('agrees with the independent form over a grid of α, β, h', () => {
    for (const a of [0.1, 0.3, 0.5, 0.9, 1])
      for (const b of [0.1, 0.5, 1])
        for (const h of [1, 3, 5]) {
          expect(holt(injuryTargets, a, b, h)).toBeCloseTo(reference(injuryTargets, a, b, h), 9);
        }
  });
  it('a straight line is continued exactly whatever α and β', () => {
    expect(holt([10, 12, 14, 16], 0.3, 0.7, 4)).toBeCloseTo(24, 10);
  });
  it('bad input: α or β outside (0, 1], h ≤ 0, too short, NaN — each error names holt and the reason', () => {
    expect(() => holtMethod.fn(injuryTargets, 0, 0.2, 5)).toThrow(/holt\(\): alpha must be in \(0, 1\], got 0/);
    expect(() => holtMethod.fn(injuryTargets, 1.2, 0.2, 5)).toThrow(/alpha must be in \(0, 1\]/);
    expect(() => holtMethod.fn(injuryTargets, 0.8, -0.1, 5)).toThrow(/holt\(\): beta must be in \(0, 1\], got -0.1/);
    expect(() => holtMethod.fn(injuryTargets, 0.8, 0.2, 0)).toThrow(/holt\(\): h .* must be above 0/);
    expect(() => holtMethod.fn([1, 2], 0.8, 0.2, 1)).toThrow(/holt\(\): the series is too short: needs at least 3 values, got 2/);
    expect(() => holtMethod.fn([1, Number.NaN, 3], 0.8, 0.2, 1)).toThrow(/holt\(\): value 2 of the series is NaN/);
    expect(() => holtMethod.fn(injuryTargets, Number.NaN, 0.2, 1)).toThrow(/holt\(\): alpha is NaN/);
  });
});
