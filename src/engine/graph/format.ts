/**
 * The one number formatter for people (src/report/numbers.ts builds every unit-aware format on it; it lives
 * here because the engine writes numbers into substituted formulas and messages, and may not import report).
 */
import type { Value } from '../types.js';

/** Below this and at or above this magnitude a number is printed with an exponent; between, never. */
export const PLAIN_MIN = 1e-6;
export const PLAIN_MAX = 1e15;

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * A number as people read it: up to `significant` digits, no trailing zeros, no exponent for ordinary
 * magnitudes (1e-6 ≤ |x| < 1e15), −0 as 0. `0.1 + 0.2` → "0.3", `-1.8649999906749998e+47` → "-1.865e+47".
 */
export function formatNumber(x: number, significant = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= PLAIN_MAX || abs < PLAIN_MIN) {
    const [mantissa, exponent] = x.toExponential(significant - 1).split('e');
    return `${trimZeros(mantissa!)}e${exponent}`;
  }
  if (Number.isInteger(x)) return String(x);
  const rounded = Number(x.toPrecision(significant));
  // toPrecision can round up to the next power of ten; String() then stays plain in this range
  return rounded === 0 ? '0' : String(rounded);
}

/** `x` with at most `decimals` decimals, trailing zeros dropped, never "-0", an exponent only beyond 1e15. */
export function formatFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= PLAIN_MAX) return formatNumber(x);
  const s = trimZeros(x.toFixed(decimals));
  return s === '-0' ? '0' : s;
}

export function formatValue(v: Value, significant = 6): string {
  return Array.isArray(v) ? `[${v.map((x) => formatNumber(x, significant)).join(', ')}]` : formatNumber(v, significant);
}
