import { ExpressionError } from '../expression-error.js';
import type { Value } from '../types.js';

/**
 * Argument checks shared by the forecasting methods (gm11, holt, ses, trend_exp, trend_linear): a series of
 * finite values, long enough; a smoothing constant in (0, 1]; a horizon above 0. Each error names the method.
 */
export function finiteSeries(v: Value, method: string, min: number): number[] {
  if (!Array.isArray(v)) throw new ExpressionError(`${method}(): series must be a series, got the number ${v}`);
  if (v.length < min) throw new ExpressionError(`${method}(): the series is too short: needs at least ${min} values, got ${v.length}`);
  const bad = v.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0)
    throw new ExpressionError(
      `${method}(): value ${bad + 1} of the series is ${v[bad]}; a series with gaps or non-numbers cannot be fitted`,
    );
  return v;
}

export function finiteNumber(v: Value, method: string, arg: string): number {
  if (Array.isArray(v)) throw new ExpressionError(`${method}(): ${arg} must be a number, got a series of ${v.length} values`);
  if (!Number.isFinite(v)) throw new ExpressionError(`${method}(): ${arg} is ${v}`);
  return v;
}

/** A smoothing constant: 0 would ignore every observation after the first, above 1 over-corrects. */
export function smoothing(v: Value, method: string, arg: string): number {
  const x = finiteNumber(v, method, arg);
  if (!(x > 0 && x <= 1)) throw new ExpressionError(`${method}(): ${arg} must be in (0, 1], got ${x}`);
  return x;
}

/** Years ahead of the series' last year. */
export function horizon(v: Value, method: string): number {
  const h = finiteNumber(v, method, 'h');
  if (!(h > 0)) throw new ExpressionError(`${method}(): h (years after the series' last year) must be above 0, got ${h}`);
  return h;
}

/** The equally spaced methods (gm11, holt, ses) need one value a year: 2016, 2018 without 2017 is a gap. */
export function consecutiveYears(years: readonly number[], method: string, key: string): void {
  for (let i = 1; i < years.length; i++) {
    if (years[i] !== years[i - 1]! + 1) {
      throw new ExpressionError(`${method}(): ${key} has a gap between ${years[i - 1]} and ${years[i]}; the method needs one value a year`);
    }
  }
}
