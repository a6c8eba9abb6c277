/**
 * Stated-figure verdicts: a number the document asserts, recomputed from its stated inputs.
 *
 * - match:            equal (to floating-point noise)
 * - rounding:         within half a unit of the last printed digit (221.83 printed as 221.8)
 * - approximate:      the document hedges (约, 左右, 近, 多) and the value is within the tolerance:
 *                     the larger of one unit of the last printed digit and 1% unless the model says otherwise
 * - mismatch:         none of the above — a finding, not an error
 * - not_reproducible: the document gives the result but not the way to it
 */
import type { Verdict } from '../types.js';

export interface StatedRule {
  decimals: number;
  approx: boolean;
  tolerance?: number;
  reproducible: boolean;
}

/** Decimals of a number as JavaScript prints it (used when the file text is not available). */
export function decimalsOf(x: number): number {
  const s = String(x);
  if (s.includes('e')) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export function toleranceFor(stated: number, rule: StatedRule): number {
  const unit = 10 ** -rule.decimals;
  if (rule.approx) return rule.tolerance ?? Math.max(unit, 0.01 * Math.abs(stated));
  return unit / 2;
}

export function classifyStated(stated: number, recomputed: number | null, rule: StatedRule): Verdict {
  if (!rule.reproducible || recomputed === null || !Number.isFinite(recomputed)) return 'not_reproducible';
  const diff = Math.abs(recomputed - stated);
  if (diff <= 1e-9 * Math.max(1, Math.abs(stated))) return 'match';
  const halfUnit = 10 ** -rule.decimals / 2;
  if (diff <= halfUnit * (1 + 1e-9)) return 'rounding';
  if (rule.approx && diff <= toleranceFor(stated, rule) * (1 + 1e-9)) return 'approximate';
  return 'mismatch';
}
