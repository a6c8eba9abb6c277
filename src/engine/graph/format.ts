import type { Value } from '../types.js';

/** A number as people read it in an explanation: up to `significant` digits, no trailing zeros. */
export function formatNumber(x: number, significant = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const s = Number(x.toPrecision(significant)).toString();
  return s;
}

export function formatValue(v: Value, significant = 6): string {
  return Array.isArray(v) ? `[${v.map((x) => formatNumber(x, significant)).join(', ')}]` : formatNumber(v, significant);
}
