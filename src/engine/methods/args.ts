import { ExpressionError } from '../expression-error.js';
import type { Value } from '../types.js';

/** The argument as a number, or a clear error naming the method and the argument. */
export function asNumber(v: Value, method: string, arg: string): number {
  if (Array.isArray(v)) throw new ExpressionError(`${method}(): ${arg} must be a number, got a series of ${v.length} values`);
  return v;
}

/** The argument as a series of at least `min` values; a NaN among them is an error, never skipped. */
export function asSeries(v: Value, method: string, arg: string, min = 1): number[] {
  if (!Array.isArray(v)) throw new ExpressionError(`${method}(): ${arg} must be a series, got the number ${v}`);
  if (v.length < min) throw new ExpressionError(`${method}(): ${arg} needs at least ${min} values, got ${v.length}`);
  noNaN(v, method, arg);
  return v;
}

function noNaN(values: number[], method: string, arg: string): void {
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new ExpressionError(`${method}(): value ${i + 1} of ${arg} is NaN (not a number)`);
  }
}

/** All arguments flattened: numbers and series alike (for sum, mean, min, max). */
export function flatten(args: Value[], method: string): number[] {
  // one series (mean(series), sum(series)): no copy, the methods only read it (the common case, and hot)
  if (args.length === 1 && Array.isArray(args[0]) && args[0].length > 0) {
    noNaN(args[0], method, 'the series');
    return args[0];
  }
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      noNaN(a, method, 'a series');
      for (const x of a) out.push(x);
    } else out.push(a);
  }
  if (out.length === 0) throw new ExpressionError(`${method}() needs at least one value`);
  return out;
}
