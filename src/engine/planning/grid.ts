/**
 * The grid of a sweep: every combination of a few assumptions, each stepped over a range.
 *
 *     axis(from, to, step) = [from, from + step, …, from + k·step],  k = ⌊(to − from) / step⌋
 *     size(axes)           = Π |axisᵢ|
 *
 * Points are generated one at a time (an odometer, the last axis turning fastest), so a sweep of millions of
 * points holds one point in memory. Values are `from + i·step` rounded to the decimals the user wrote, never
 * accumulated, so 0.001 stepped 30 times is 0.031, not 0.030999999999999996.
 *
 * Example: axis(0.02, 0.03, 0.005) = [0.02, 0.025, 0.03]; size([3 values, 17 values]) = 51.
 */
import { ExpressionError } from '../expression-error.js';

export interface Axis {
  /** qualified assumption id */
  name: string;
  from: number;
  to: number;
  step: number;
  /** decimals the values are rounded to (from the written from/to/step) */
  decimals: number;
}

/** Decimals a number is written with ("0.0005" → 4, "1e-7" → 7, "12" → 0). */
export function writtenDecimals(text: string): number {
  const m = /^[-+]?\d*(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(text.trim());
  if (!m) return 0;
  const fraction = m[1]?.length ?? 0;
  const exponent = m[2] ? Number(m[2]) : 0;
  return Math.max(0, fraction - exponent);
}

/** Tolerance for "to lies on the grid": float noise in (to − from) / step. */
const ON_GRID = 1e-9;

export function makeAxis(name: string, from: number, to: number, step: number, decimals?: number): Axis {
  if (![from, to, step].every(Number.isFinite)) throw new ExpressionError(`${name}: from, to and step must be finite numbers`);
  if (step === 0) throw new ExpressionError(`${name}: step must not be 0`);
  if (to !== from && Math.sign(to - from) !== Math.sign(step)) {
    throw new ExpressionError(`${name}: a step of ${step} never gets from ${from} to ${to}`);
  }
  const d = decimals ?? Math.max(writtenDecimals(String(from)), writtenDecimals(String(to)), writtenDecimals(String(step)));
  return { name, from, to, step, decimals: Math.min(d, 15) };
}

export function axisLength(axis: Axis): number {
  return Math.floor((axis.to - axis.from) / axis.step + ON_GRID) + 1;
}

/** The i-th value of an axis (0-based). */
export function axisValue(axis: Axis, i: number): number {
  return Number((axis.from + i * axis.step).toFixed(axis.decimals));
}

export function axisValues(axis: Axis): number[] {
  return Array.from({ length: axisLength(axis) }, (_, i) => axisValue(axis, i));
}

/** Number of points in the full grid. */
export function gridSize(axes: Axis[]): number {
  return axes.reduce((n, a) => n * axisLength(a), 1);
}

export interface GridPoint {
  /** 0-based position in the grid */
  index: number;
  /** one value per axis, in axis order (the same array is reused: copy it to keep it) */
  values: number[];
  /** the lowest axis whose value changed since the previous point (0 for the first point) */
  changedFrom: number;
}

/**
 * Every point of the grid, last axis fastest. The yielded object and its `values` array are reused between
 * points, which keeps a million-point sweep allocation-free; `changedFrom` tells a caller which axes to re-set.
 */
export function* gridPoints(axes: Axis[]): Generator<GridPoint> {
  if (axes.length === 0) return;
  const lengths = axes.map(axisLength);
  const counters = axes.map(() => 0);
  const point: GridPoint = { index: 0, values: axes.map((a) => axisValue(a, 0)), changedFrom: 0 };
  const total = gridSize(axes);
  for (let index = 0; index < total; index++) {
    if (index > 0) {
      let k = axes.length - 1;
      while (counters[k]! + 1 >= lengths[k]!) {
        counters[k] = 0;
        point.values[k] = axisValue(axes[k]!, 0);
        k--;
      }
      counters[k]!++;
      point.values[k] = axisValue(axes[k]!, counters[k]!);
      point.changedFrom = k;
    }
    point.index = index;
    yield point;
  }
}
