import { ExpressionError } from '../expression-error.js';
import { asNumber, asSeries } from './args.js';
import { excelNumbers, excelSeries, method } from './method.js';
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
  const rate = (to / from) ** (1 / years) - 1;
  if (!Number.isFinite(rate))
    throw new ExpressionError(`cagr(): (${to} / ${from})^(1 / ${years}) is too large for a number (a rate of ${rate})`);
  return rate;
}

/** cagr(series): first to last over `span` years. */
function ofSeries(s: number[], span: number): number {
  return cagr(s[0]!, s[s.length - 1]!, span);
}

const threeArguments = (args: Value[]) =>
  cagr(asNumber(args[0]!, 'cagr', 'from'), asNumber(args[1]!, 'cagr', 'to'), asNumber(args[2]!, 'cagr', 'years'));

export const cagrMethod = method({
  name: 'cagr',
  fn: (...args: Value[]) => {
    if (args.length !== 1) return threeArguments(args);
    const s = asSeries(args[0]!, 'cagr', 'series', 2);
    return ofSeries(s, s.length - 1);
  },
  arity: [1, 3],
  vector: { arity: 3, f: cagr },
  // a named series spans its years: 2015 → 2020 is five years, whatever the number of values between
  years: {
    arg: 0,
    fn: (series, ...args) => {
      if (args.length !== 1) return threeArguments(args);
      const s = asSeries(args[0]!, 'cagr', 'series', 2);
      return ofSeries(s, series.years[series.years.length - 1]! - series.years[0]!);
    },
  },
  excel: (args) => {
    let from: string;
    let to: string;
    let years: string;
    if (args.length === 1) {
      const s = excelSeries(args[0], 'cagr', 2);
      from = s.cells[0]!;
      to = s.cells[s.cells.length - 1]!;
      years = String(s.years ? s.years[s.years.length - 1]! - s.years[0]! : s.cells.length - 1);
    } else {
      [from, to, years] = excelNumbers(args, 'cagr') as [string, string, string];
    }
    return `(${to}/${from})^(1/${years})-1`;
  },
});
