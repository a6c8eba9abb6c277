import { ExpressionError } from '../expression-error.js';
import { asNumber, asSeries, flatten } from './args.js';
import type { Value } from '../types.js';

const map = (v: Value, f: (x: number) => number): Value => (Array.isArray(v) ? v.map(f) : f(v));

/** Small helpers: first/last of a series, min/max, abs, round, sqrt, exp, log (natural). */
export const elementaryMethods = {
  first: { fn: (s: Value) => asSeries(s, 'first', 'series')[0]!, arity: [1] },
  last: { fn: (s: Value) => { const v = asSeries(s, 'last', 'series'); return v[v.length - 1]!; }, arity: [1] },
  min: { fn: (...a: Value[]) => Math.min(...flatten(a, 'min')) },
  max: { fn: (...a: Value[]) => Math.max(...flatten(a, 'max')) },
  abs: { fn: (v: Value) => map(v, Math.abs), arity: [1] },
  sqrt: { fn: (v: Value) => map(v, Math.sqrt), arity: [1] },
  exp: { fn: (v: Value) => map(v, Math.exp), arity: [1] },
  log: { fn: (v: Value) => map(v, Math.log), arity: [1] },
  round: {
    fn: (v: Value, n: Value = 0) => {
      const digits = asNumber(n, 'round', 'digits');
      if (!Number.isInteger(digits) || digits < 0 || digits > 12) throw new ExpressionError('round(): digits must be an integer 0..12');
      const f = 10 ** digits;
      return map(v, (x) => Math.round(x * f) / f);
    },
    arity: [1, 2],
  },
};
