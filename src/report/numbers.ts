/**
 * Numbers for people: ratios as percentages, other units with sensible decimals.
 */
import type { Value } from '../engine/types.js';

/** A value in its unit: ratios as "3.53%", people with up to 2 decimals. */
export function formatIn(value: number | null | undefined, unit: string | undefined, decimals?: number): string {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'ratio') return `${trimZeros((value * 100).toFixed(decimals ?? 2))}%`;
  const d = decimals ?? 2;
  return trimZeros(value.toFixed(d));
}

/** A difference with its sign: "+11.86", "−0.45pp" for ratios. */
export function formatSigned(value: number | null | undefined, unit: string | undefined, decimals?: number): string {
  if (value === null || value === undefined) return '—';
  const body = unit === 'ratio' ? `${trimZeros((Math.abs(value) * 100).toFixed(decimals ?? 4))}pp` : formatIn(Math.abs(value), unit, decimals);
  if (Math.abs(value) < 1e-9) return unit === 'ratio' ? '0pp' : '0';
  return `${value > 0 ? '+' : '−'}${body}`;
}

/** A probability as `cesuan mc` prints it: one decimal of a percent, "<0.1%" and ">99.9%" at the ends. */
export function formatProbability(p: number | null): string {
  if (p === null) return '—';
  if (p > 0 && p < 0.001) return '<0.1%';
  if (p < 1 && p > 0.999) return '>99.9%';
  return `${(p * 100).toFixed(1)}%`;
}

/** A threshold probability, e.g. 0.9 → "90%". */
export function formatThreshold(p: number): string {
  return `${Number((p * 100).toFixed(1))}%`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A published figure (baseline, target) as written in the model, without rounding. */
export function formatPublished(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(value);
}

/** A stated figure as the document wrote it (ratios back as percentages, all printed digits kept). */
export function formatStated(value: number, unit: string | undefined): string {
  if (unit === 'ratio') return `${trimZeros((value * 100).toFixed(8))}%`;
  return String(value);
}

export function formatAny(value: Value | null | undefined, unit?: string): string {
  if (Array.isArray(value)) return value.map((v) => formatIn(v, unit)).join(', ');
  return formatIn(value, unit);
}
