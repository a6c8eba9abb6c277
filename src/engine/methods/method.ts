/**
 * What every compiler knows about a method, in one object per method (a MethodDescriptor): the closure
 * compiler and the straight-line generator call `fn`, the Monte Carlo path calls `vector.f` in its loops, the
 * Excel translator (report/excel-formula.ts) writes `excel`, and all of them hand a named series' years to
 * `years.fn`. No compiler has a case for a particular method. See index.ts for how to add one.
 */
import { ExpressionError } from '../expression-error.js';
import type { Value } from '../types.js';

/** A series argument written as a series' name: its qualified key and its years (2010, 2015, 2020 …). */
export interface NamedSeries {
  key: string;
  years: readonly number[];
}

/** An argument as the Excel translator hands it to a method's Excel form. */
export type ExcelArg =
  /** a number: `text` binds tightly (a cell, a literal, a call, or parenthesised); `value` when it is a literal */
  | { kind: 'number'; text: string; value?: number }
  /**
   * a series: `parts` for an argument list (`Inputs!E3:E8`, or the items of an array literal), `cells` one
   * text per value, `years` when it is a named series
   */
  | { kind: 'series'; parts: readonly string[]; cells: readonly string[]; years?: readonly number[] };

/**
 * What an Excel form gives: an expression (a string, parenthesised by the translator where an operator needs
 * it) or `{ atom }`, text that binds tightly already (a cell, `SUM(…)`).
 */
export type ExcelText = string | { atom: string };

/** Thrown by an Excel form for arguments it cannot write (a series where a number belongs …): the reason. */
export class NoExcelForm extends Error {}

export interface MethodDescriptor {
  /** the name formulas call it by */
  name: string;
  /** the method on checked values: what `run` calls (clear ExpressionError on bad arguments) */
  fn: (...args: Value[]) => Value;
  /** allowed argument counts; any when absent */
  arity?: readonly number[];
  /**
   * Monte Carlo: the numbers-only core, called once per sample in a tight loop when the call has `arity`
   * arguments and each is a number or a column. It must give what `fn` gives on those numbers, to the bit,
   * and throw the same ExpressionError. Absent: the vector path calls `fn` sample by sample.
   */
  vector?: { arity: number; f: (...x: number[]) => number };
  /**
   * Excel: the same computation written over cells (see ExcelArg), or `{ none: why }` when Excel cannot
   * express it; the workbook then holds cesuan's value and a comment with the reason.
   */
  excel: ((args: readonly ExcelArg[]) => ExcelText) | { none: string };
  /**
   * How the method reads a named series' years. Absent: only its values (a named series and an array literal
   * of the same values give the same result). Present: when argument `arg` is a named series, every compiler
   * calls `fn(series, …args)` instead (and the Excel form gets the years in its ExcelArg); `required` makes
   * any other argument a compile error.
   */
  years?: { arg: number; required?: string; fn: (series: NamedSeries, ...args: Value[]) => Value };
}

/** Checked by the type system, nothing more: a method file's `export const xMethod = method({ … })`. */
export function method(d: MethodDescriptor): MethodDescriptor {
  return d;
}

/** The arguments of an Excel form as number texts; a series among them has no form. */
export function excelNumbers(args: readonly ExcelArg[], name: string): string[] {
  return args.map((a) => {
    if (a.kind !== 'number') throw new NoExcelForm(`${name}(): a series used as a number`);
    return a.text;
  });
}

/** The one series argument of an Excel form with at least `min` values. */
export function excelSeries(arg: ExcelArg | undefined, name: string, min = 1): Extract<ExcelArg, { kind: 'series' }> {
  if (arg?.kind !== 'series') throw new NoExcelForm(`${name}(): a number used as a series`);
  if (arg.cells.length < min) throw new NoExcelForm(`${name}(): needs at least ${min} values`);
  return arg;
}

/** A compile-time error for a method's arguments (used by the compilers). */
export function arityError(d: MethodDescriptor, got: number): ExpressionError {
  return new ExpressionError(`${d.name}() takes ${d.arity!.join(' or ')} arguments, got ${got}`);
}

/** The arguments of an aggregate (SUM, AVERAGE …) as one Excel argument list: ranges and numbers alike. */
export function excelList(args: readonly ExcelArg[], name: string): string {
  const parts = args.flatMap((a) => (a.kind === 'series' ? a.parts : [a.text]));
  if (parts.length === 0) throw new NoExcelForm(`${name}() of nothing`);
  return parts.join(',');
}
