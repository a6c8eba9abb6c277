import { ExpressionError } from '../expression-error.js';
import { asNumber } from './args.js';
import { type ExcelArg, NoExcelForm, excelSeries, method } from './method.js';
import { regress } from './regress.js';
import { finiteSeries } from './series-args.js';

/**
 * Linear trend over a series' own years (直线趋势外推): regress(years, values, year).
 *
 *     trend_linear(series, year) = m·year + c,   (m, c) = least squares over (yearᵢ, valueᵢ)
 *
 * The series must be a named series (its years come from the model); at least 3 values (two points are a
 * line through them, not a trend).
 *
 * Seed: 失业保险参保 2015–2020 [166.8, 181.93, 189.32, 190.29, 212.0, 250.01] (郑州, item 7) read at 2025
 * ≈ 307.1, well above the chosen 277 (the 2020 jump weighs on the slope).
 */
export function trendLinear(years: readonly number[], values: readonly number[], year: number): number {
  if (years.length !== values.length) throw new ExpressionError(`trend_linear(): ${years.length} years but ${values.length} values`);
  return regress([...years], [...values], year);
}

/**
 * The least-squares line of `cell(yᵢ)` over a named series' years, written out for Excel, evaluated at the year:
 * mean + Σ wᵢ·cell(yᵢ) × (year − mean year), wᵢ = (xᵢ − x̄) / Σ(x − x̄)². Shared by trend_linear and trend_exp (cell = LN).
 */
export function excelTrendLine(args: readonly ExcelArg[], name: string, cell: (c: string) => string): string {
  const s = excelSeries(args[0], name, 3);
  const year = args[1];
  if (!s.years) throw new NoExcelForm(`${name}(series, year) needs a named series: its years come from the model`);
  if (year?.kind !== 'number') throw new NoExcelForm(`${name}(): year must be a number`);
  const xs = s.years;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const ys = s.cells.map(cell);
  const slope = ys
    .map((y, i) => `${String((xs[i]! - mx) / sxx).replace('e+', 'e')}*${y}`)
    .join('+')
    .replace(/\+-/g, '-');
  return `AVERAGE(${ys.join(',')})+(${slope})*(${year.text}-${mx})`;
}

const needsYears = 'trend_linear(series, year) needs a named series: its years come from the model';

export const trendLinearMethod = method({
  name: 'trend_linear',
  fn: () => {
    throw new ExpressionError(needsYears);
  },
  arity: [2],
  years: {
    arg: 0,
    required: needsYears,
    fn: (named, series, year) =>
      trendLinear(named.years, finiteSeries(series!, 'trend_linear', 3), asNumber(year!, 'trend_linear', 'year')),
  },
  excel: (args) => excelTrendLine(args, 'trend_linear', (cell) => cell),
});
