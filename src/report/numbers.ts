/**
 * Numbers for people, the one formatter of every human output (tables, md, text, the TUI): ratios as
 * percentages, other units with sensible decimals, significant digits elsewhere; no exponent for ordinary
 * magnitudes, never "-0", floating-point noise in a difference shown as 0. JSON keeps full precision; CSV
 * keeps 15 significant digits (csvNumber).
 */
import { formatFixed, formatNumber } from '../engine/graph/format.js';
import type { Value } from '../engine/types.js';

export { formatFixed, formatNumber };

/** `x` with exactly `decimals` decimals (axis labels that line up), never "-0.0", an exponent only beyond 1e15. */
export function formatDecimals(x: number, decimals: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15) return formatNumber(x);
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A difference smaller than this share of the figures it compares is floating-point noise. */
export const NOISE = 1e-9;

/** True when `difference` is noise next to `scale` (the magnitude of what was compared; at least 1). */
export function isNoise(difference: number, scale = 1): boolean {
  return Math.abs(difference) < NOISE * Math.max(1, Math.abs(Number.isFinite(scale) ? scale : 1));
}

/** A value in its unit: ratios as "3.53%", people with up to 2 decimals. */
export function formatIn(value: number | null | undefined, unit: string | undefined, decimals?: number): string {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'ratio') return `${formatFixed(value * 100, decimals ?? 2)}%`;
  return formatFixed(value, decimals ?? 2);
}

/**
 * A difference with its sign: "+11.86", "−0.45pp" for ratios; "0" when it is noise next to `scale`
 * (the figures compared, e.g. the target for a gap).
 */
export function formatSigned(value: number | null | undefined, unit: string | undefined, decimals?: number, scale?: number | null): string {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (isNoise(value, scale ?? 1)) return unit === 'ratio' ? '0pp' : '0';
  let body = unit === 'ratio' ? `${formatFixed(Math.abs(value) * 100, decimals ?? 4)}pp` : formatIn(Math.abs(value), unit, decimals);
  // more than noise, yet zero at the usual precision: show the digits that explain it (a missed target by 0.0008)
  if (/^0(\.0*)?(pp|%)?$/.test(body))
    body = unit === 'ratio' ? `${formatNumber(Math.abs(value) * 100, 2)}pp` : formatNumber(Math.abs(value), 2);
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
  return `${formatFixed(p * 100, 1)}%`;
}

/** A published figure (baseline, target) as written in the model: every digit a double keeps, no noise. */
export function formatPublished(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return formatNumber(value, 15);
}

/** A stated figure as the document wrote it (ratios back as percentages, all printed digits kept). */
export function formatStated(value: number, unit: string | undefined): string {
  if (unit === 'ratio') return `${formatFixed(value * 100, 8)}%`;
  return formatNumber(value, 15);
}

export function formatAny(value: Value | null | undefined, unit?: string): string {
  if (Array.isArray(value)) return value.map((v) => formatIn(v, unit)).join(', ');
  return formatIn(value, unit);
}

/** A number in CSV: 15 significant digits (what a spreadsheet keeps), so 84.99999999999997 is 85; non-finite empty. */
export function csvNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  const plain = String(x);
  // most numbers are already short: only long ones pay for toPrecision
  return plain.length <= 15 ? plain : String(Number(x.toPrecision(15)));
}
