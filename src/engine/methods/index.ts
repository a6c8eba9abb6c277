/**
 * The method library callable from formulas: the whitelist every compiler accepts.
 *
 * Adding a method = one new file plus one line:
 *   1. `src/engine/methods/<name>.ts`: the formula as a plain function (numbers in, number out) with its
 *      doc block (formula + a seed example from a document), and its descriptor —
 *
 *          export const holtMethod = method({
 *            name: 'holt',                                  // what formulas call
 *            fn: (series, alpha, beta, h) => …,             // checked arguments → value (what `run` calls)
 *            arity: [4],                                    // allowed argument counts (absent: any)
 *            vector: { arity: 3, f: holtCore },             // optional: numbers-only core for Monte Carlo
 *            excel: { none: 'a recursive smoothing' },      // or (args) => Excel text over ExcelArg cells
 *            years: { arg: 0, fn: (named, series, …) => … } // optional: how a named series' years are used
 *          });
 *
 *      (MethodDescriptor in method.ts says what each field means; cagr.ts shows `years` and an Excel form,
 *      compound.ts `vector`, decay.ts `excel: { none }`.)
 *   2. one line in registry.ts: `export { holtMethod } from './holt.js';`
 *   3. its own test file in test/engine/methods/. test/engine/methods/descriptors.test.ts checks every
 *      registered descriptor: that `vector` gives what `fn` gives, and that the Excel form, recomputed by an
 *      independent spreadsheet engine, does too.
 *
 * No compiler (graph/expression.ts, graph/straight-line.ts, uncertainty/vector.ts, report/excel-formula.ts)
 * names a method: they read the descriptor.
 */
import type { MethodDescriptor } from './method.js';
import * as registered from './registry.js';

export type { ExcelArg, ExcelText, MethodDescriptor, NamedSeries } from './method.js';
export { NoExcelForm } from './method.js';

function byName(descriptors: MethodDescriptor[]): Record<string, MethodDescriptor> {
  const out: Record<string, MethodDescriptor> = {};
  // code-unit order, not localeCompare: the names are ASCII, and the first localeCompare builds an ICU collator (~8 ms of every start)
  for (const d of [...descriptors].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (Object.hasOwn(out, d.name)) throw new Error(`two methods are called ${d.name}`);
    out[d.name] = d;
  }
  return out;
}

export const METHODS: Readonly<Record<string, MethodDescriptor>> = byName(Object.values(registered));

/** The descriptor a formula calls by `name`, if it is allowed. */
export function methodNamed(name: string): MethodDescriptor | undefined {
  return Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
}
