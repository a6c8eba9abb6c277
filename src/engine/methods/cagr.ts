import { ExpressionError } from '../expression-error.js';
import { asNumber, asSeries } from './args.js';
import type { Value } from '../types.js';

/**
 * Compound annual growth rate between two values `years` apart.
 *
 *     cagr(from, to, years) = (to / from)^(1 / years) − 1
 *     cagr(series)          = (last / first)^(1 / (last year − first year)) − 1   for a named series
 *                           (an unnamed array is taken as one value a year)
 *
 * Seed: cagr(186.5, 210, 5) ≈ 2.40% — the growth the chosen 210万 工伤保险 target implies (郑州, item 8);
 * cagr(250.01, 277, 5) ≈ 2.07% — 失业保险 (item 7).
 */
export function cagr(from: number, to: number, years: number): number {
  if (years === 0) throw new ExpressionError('cagr(): years must not be 0');
  if (from <= 0 || to < 0) throw new ExpressionError(`cagr(): needs a positive start and a non-negative end, got ${from} → ${to}`);
  return (to / from) ** (1 / years) - 1;
}

export const cagrMethod = {
  fn: (...args: Value[]) => {
    if (args.length === 1) {
      const s = asSeries(args[0]!, 'cagr', 'series', 2);
      return cagr(s[0]!, s[s.length - 1]!, s.length - 1);
    }
    return cagr(asNumber(args[0]!, 'cagr', 'from'), asNumber(args[1]!, 'cagr', 'to'), asNumber(args[2]!, 'cagr', 'years'));
  },
  arity: [1, 3],
};
