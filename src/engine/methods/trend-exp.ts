import { ExpressionError } from '../expression-error.js';
import { asNumber } from './args.js';
import { method } from './method.js';
import { regress } from './regress.js';
import { finiteSeries } from './series-args.js';
import { excelTrendLine } from './trend-linear.js';

/**
 * Exponential (log-linear) trend over a series' own years (指数趋势外推): least squares on ln y.
 *
 *     trend_exp(series, year) = exp(m·year + c),   (m, c) = least squares over (yearᵢ, ln valueᵢ)
 *
 * The series must be a named series (its years come from the model), positive, at least 3 values.
 * Excel's GROWTH(values, years, year) is the same fit.
 *
 * Seed: 工伤保险参保 provincial targets 2015–2020 [156.86 … 186.5] (郑州, item 10) read at 2025 ≈ 225.0,
 * beside the document's compound 221.86.
 */
export function trendExp(years: readonly number[], values: readonly number[], year: number): number {
  if (years.length !== values.length) throw new ExpressionError(`trend_exp(): ${years.length} years but ${values.length} values`);
  const bad = values.findIndex((v) => !(v > 0));
  if (bad >= 0)
    throw new ExpressionError(`trend_exp(): value ${bad + 1} of the series is ${values[bad]}; an exponential trend needs positive values`);
  return Math.exp(regress([...years], values.map(Math.log), year));
}

const needsYears = 'trend_exp(series, year) needs a named series: its years come from the model';

export const trendExpMethod = method({
  name: 'trend_exp',
  fn: () => {
    throw new ExpressionError(needsYears);
  },
  arity: [2],
  years: {
    arg: 0,
    required: needsYears,
    fn: (named, series, year) => trendExp(named.years, finiteSeries(series!, 'trend_exp', 3), asNumber(year!, 'trend_exp', 'year')),
  },
  // the least-squares line of ln y, as trend_linear writes it, then EXP: Excel's GROWTH would fit the same line
  excel: (args) => ({ atom: `EXP(${excelTrendLine(args, 'trend_exp', (cell) => `LN(${cell})`)})` }),
});
