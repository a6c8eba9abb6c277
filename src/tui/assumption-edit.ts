/**
 * Changing one assumption: steps on its grid, typed values, its range. Pure: the hook applies the outcome.
 */
import type { AssumptionState } from '../engine/types.js';

export type EditOutcome =
  | { status: 'ok'; value: number }
  | { status: 'clamped'; value: number; bound: 'min' | 'max' }
  | { status: 'out_of_range'; value: number; range: [number, number] }
  | { status: 'not_a_number'; text: string }
  /** the engine could not evaluate the model with this value; the previous value was kept */
  | { status: 'failed'; value: number; message: string };

/** The step of an assumption: its own, or 0.1% for ratios, or a round 1% of its size. */
export function stepOf(a: Pick<AssumptionState, 'step' | 'unit' | 'published' | 'range'>): number {
  if (a.step && a.step > 0) return a.step;
  if (a.unit === 'ratio') return 0.001;
  const size = a.range ? (a.range[1] - a.range[0]) / 100 : Math.abs(a.published) / 100;
  if (!Number.isFinite(size) || size <= 0) return 1;
  return 10 ** Math.floor(Math.log10(size));
}

function decimalsOf(x: number): number {
  const s = String(x);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + (s.split('e')[0]!.split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

/**
 * `steps` steps from `value` on the grid origin + k·step (origin: the range minimum, else 0). A value
 * between grid points moves to the next one in that direction first, so 3.5329% + 0.1% gives 3.6%.
 */
export function stepValue(a: Pick<AssumptionState, 'value' | 'step' | 'unit' | 'published' | 'range'>, steps: number): EditOutcome {
  const step = stepOf(a);
  const origin = a.range?.[0] ?? 0;
  const k = (a.value - origin) / step;
  const nearest = Math.round(k);
  const onGrid = Math.abs(k - nearest) < 1e-6;
  const index = onGrid ? nearest + steps : steps > 0 ? Math.floor(k) + steps : Math.ceil(k) + steps;
  const decimals = Math.min(15, Math.max(decimalsOf(step), decimalsOf(origin)));
  const next = Number((origin + index * step).toFixed(decimals));
  if (a.range) {
    if (next > a.range[1]) return { status: 'clamped', value: a.range[1], bound: 'max' };
    if (next < a.range[0]) return { status: 'clamped', value: a.range[0], bound: 'min' };
  }
  return { status: 'ok', value: next };
}

/**
 * A typed value: ratios are typed in percent ("2.5" is 2.5% = 0.025, converted by shifting the decimal
 * point, so 2.3 gives exactly the double nearest 0.023). A trailing % is allowed.
 */
export function parseTyped(text: string, unit: string): number | null {
  const t = text
    .trim()
    .replace(/[%％]$/, '')
    .trim();
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(t)) return null;
  const n = unit === 'ratio' ? Number(`${t}e-2`) : Number(t);
  return Number.isFinite(n) ? n : null;
}

export function typedValue(a: Pick<AssumptionState, 'unit' | 'range'>, text: string): EditOutcome {
  const value = parseTyped(text, a.unit);
  if (value === null) return { status: 'not_a_number', text };
  if (a.range && (value < a.range[0] || value > a.range[1])) return { status: 'out_of_range', value, range: a.range };
  return { status: 'ok', value };
}
