import { ExpressionError } from '../expression-error.js';
import { asNumber, asSeries, flatten } from './args.js';
import { excelList, excelNumbers, excelSeries, method, NoExcelForm, type MethodDescriptor } from './method.js';
import type { Value } from '../types.js';

const map = (v: Value, f: (x: number) => number): Value => (Array.isArray(v) ? v.map(f) : f(v));

/** A function of one number, applied to each value of a series: Excel's own function of one cell. */
function unary(name: string, f: (x: number) => number, excel: string): MethodDescriptor {
  return method({
    name,
    fn: (v: Value) => map(v, f),
    arity: [1],
    vector: { arity: 1, f },
    excel: (args) => ({ atom: `${excel}(${excelNumbers(args, name)[0]})` }),
  });
}

/** Small helpers: first/last of a series, min/max, abs, round, sqrt, exp, log (natural). */
export const firstMethod = method({
  name: 'first',
  fn: (s: Value) => asSeries(s, 'first', 'series')[0]!,
  arity: [1],
  excel: (args) => ({ atom: excelSeries(args[0], 'first').cells[0]! }),
});

export const lastMethod = method({
  name: 'last',
  fn: (s: Value) => {
    const v = asSeries(s, 'last', 'series');
    return v[v.length - 1]!;
  },
  arity: [1],
  excel: (args) => {
    const { cells } = excelSeries(args[0], 'last');
    return { atom: cells[cells.length - 1]! };
  },
});

export const minMethod = method({
  name: 'min',
  fn: (...a: Value[]) => Math.min(...flatten(a, 'min')),
  excel: (args) => ({ atom: `MIN(${excelList(args, 'min')})` }),
});

export const maxMethod = method({
  name: 'max',
  fn: (...a: Value[]) => Math.max(...flatten(a, 'max')),
  excel: (args) => ({ atom: `MAX(${excelList(args, 'max')})` }),
});

export const absMethod = unary('abs', Math.abs, 'ABS');
export const sqrtMethod = unary('sqrt', Math.sqrt, 'SQRT');
export const expMethod = unary('exp', Math.exp, 'EXP');
export const logMethod = unary('log', Math.log, 'LN');

export const roundMethod = method({
  name: 'round',
  fn: (v: Value, n: Value = 0) => {
    const digits = asNumber(n, 'round', 'digits');
    if (!Number.isInteger(digits) || digits < 0 || digits > 12) throw new ExpressionError('round(): digits must be an integer 0..12');
    const f = 10 ** digits;
    return map(v, (x) => Math.round(x * f) / f);
  },
  arity: [1, 2],
  // Math.round takes −2.5 to −2, Excel's ROUND to −3
  excel: { none: 'round() rounds halves up, Excel’s ROUND away from zero' },
});

/** at(series, year): the value of a named series in a year. */
export const atMethod = method({
  name: 'at',
  fn: () => {
    throw new ExpressionError('at(series, year) needs a series name and a year');
  },
  arity: [2],
  years: {
    arg: 0,
    required: 'at(series, year) needs a series name and a year',
    fn: (series, values, year) => {
      const y = asNumber(year!, 'at', 'year');
      const i = series.years.indexOf(y);
      if (i < 0) throw new ExpressionError(`at(${series.key}, ${y}): the series has no value for ${y} (years ${series.years.join(', ')})`);
      return (values as number[])[i]!;
    },
  },
  excel: (args) => {
    const s = excelSeries(args[0], 'at');
    const year = args[1];
    const i = s.years && year?.kind === 'number' && year.value !== undefined ? s.years.indexOf(year.value) : -1;
    if (i < 0) throw new NoExcelForm('at(): the year must be one of the series’ years, written as a number');
    return { atom: s.cells[i]! };
  },
});
