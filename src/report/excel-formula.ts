/**
 * A cesuan formula as an Excel formula, where the formula is plain arithmetic: numbers, references,
 * + − × ÷ ^, unary minus, and calls of methods that have an Excel form. Each method's form is in its
 * descriptor (engine/methods/<name>.ts, `excel`): compound(b, r, n) → b*(1+r)^n, cagr(series) over the series'
 * years, sum → SUM …; a method without one says why (`excel: { none }`).
 *
 * Anything else (conditions, series arithmetic, decay …) is "not translatable" and the caller writes the value
 * with a comment instead. Operator precedence is made explicit with parentheses where Excel and mathjs differ
 * (Excel negates before ^ and reads a^b^c as (a^b)^c).
 */
import type { MathNode } from 'mathjs';
import { methodNamed, NoExcelForm, type ExcelArg } from '../engine/methods/index.js';
import { calleeName, dottedName, formulaNode, nodeTypeWord } from '../engine/graph/nodes.js';
import { parseFormula } from '../engine/graph/parser.js';

/** What a name in a formula stands for in the workbook. */
export type ExcelOperand =
  | { cell: string }
  /** a series: its range, each value's cell, and its years (cagr spans them, at looks one up) */
  | { range: string; cells: string[]; years?: readonly number[] }
  | { formula: string };

export type ExcelResolver = (parts: string[]) => ExcelOperand | { error: string } | undefined;

export type Translation = { ok: true; formula: string } | { ok: false; reason: string };

class Untranslatable extends Error {}

/** Precedence: 1 additive, 2 multiplicative, 3 unary minus, 4 power, 5 atom. */
interface Scalar {
  text: string;
  prec: number;
  /** when the text is a number written in the formula */
  value?: number;
}
interface Range {
  range: string;
  cells: string[];
  years?: readonly number[];
}
type Operand = Scalar | Range;

const isRange = (o: Operand): o is Range => 'range' in o;

/** An Excel number literal: shortest round-trip form; the exponent as a lower-case e, which Excel, Calc and HyperFormula all read (HyperFormula refuses E). */
export function excelNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Untranslatable(`${n} has no Excel literal`);
  return String(n).replace('e+', 'e');
}

function scalar(o: Operand, what: string): Scalar {
  if (isRange(o)) throw new Untranslatable(`a series used as a number in ${what}`);
  return o;
}

/** `o` as an operand that binds at least as tightly as `min`. */
function wrap(o: Scalar, min: number): string {
  return o.prec >= min ? o.text : `(${o.text})`;
}

const BINARY: Record<string, { op: string; prec: number }> = {
  add: { op: '+', prec: 1 },
  subtract: { op: '-', prec: 1 },
  multiply: { op: '*', prec: 2 },
  divide: { op: '/', prec: 2 },
  pow: { op: '^', prec: 4 },
};

export function toExcelFormula(text: string, resolve: ExcelResolver): Translation {
  let root: MathNode;
  try {
    root = parseFormula(text);
  } catch (err) {
    return { ok: false, reason: `cannot parse: ${(err as Error).message}` };
  }

  const binary = (a: Scalar, op: { op: string; prec: number }, b: Scalar): Scalar => ({
    // left operand: parenthesised when it binds more loosely (and always under ^, which Excel reads left to right);
    // right operand: also when it binds equally, so a-(b-c) and a/(b*c) keep their grouping
    text: `${wrap(a, op.prec === 4 ? 5 : op.prec)}${op.op}${wrap(b, op.prec + 1)}`,
    prec: op.prec,
  });

  /** A method's argument as its Excel form reads it; array literals become argument lists (sum([a, b]) → SUM(a,b)). */
  const argument = (node: MathNode): ExcelArg => {
    const n = formulaNode(node);
    if (n.type === 'ArrayNode') {
      const texts = n.items.map((i) => wrap(scalar(build(i), 'an array'), 5));
      return { kind: 'series', parts: texts, cells: texts };
    }
    const o = build(node);
    if (isRange(o)) return { kind: 'series', parts: [o.range], cells: o.cells, years: o.years };
    return { kind: 'number', text: wrap(o, 5), value: o.value };
  };

  const build = (node: MathNode): Operand => {
    const n = formulaNode(node);
    switch (n.type) {
      case 'ConstantNode': {
        if (typeof n.value !== 'number') throw new Untranslatable('a non-numeric constant');
        return { text: excelNumber(n.value), prec: 5, value: n.value };
      }
      case 'ParenthesisNode':
        return build(n.content);
      case 'SymbolNode':
      case 'AccessorNode': {
        const parts = dottedName(node);
        if (!parts) throw new Untranslatable('index access');
        if (parts.length === 1 && parts[0] === 'pi') return { text: 'PI()', prec: 5 };
        const r = resolve(parts);
        if (!r) throw new Untranslatable(`"${parts.join('.')}" has no cell`);
        if ('error' in r) throw new Untranslatable(r.error);
        if ('cell' in r) return { text: r.cell, prec: 5 };
        if ('range' in r) return { range: r.range, cells: r.cells, years: r.years };
        return { text: r.formula, prec: 1 };
      }
      case 'OperatorNode': {
        if (n.fn === 'unaryMinus') {
          const a = scalar(build(n.args[0]!), 'unary minus');
          return { text: `-${wrap(a, 5)}`, prec: 3, value: a.value === undefined ? undefined : -a.value };
        }
        if (n.fn === 'unaryPlus') return build(n.args[0]!);
        const b = Object.hasOwn(BINARY, n.fn) ? BINARY[n.fn] : undefined;
        if (!b || n.args.length !== 2) throw new Untranslatable(`operator "${n.op}"`);
        return binary(scalar(build(n.args[0]!), n.op), b, scalar(build(n.args[1]!), n.op));
      }
      case 'FunctionNode': {
        const name = calleeName(n);
        const method = name === undefined ? undefined : methodNamed(name);
        if (!method) throw new Untranslatable(`${name ?? 'a computed function'}() is not a cesuan method`);
        if (method.arity && !method.arity.includes(n.args.length)) throw new Untranslatable(`${name}() with ${n.args.length} arguments`);
        const form = method.excel;
        if (typeof form !== 'function') throw new Untranslatable(form.none);
        try {
          const out = form(n.args.map(argument));
          return typeof out === 'string' ? { text: out, prec: 1 } : { text: out.atom, prec: 5 };
        } catch (err) {
          if (err instanceof NoExcelForm) throw new Untranslatable(err.message);
          throw err;
        }
      }
      default:
        throw new Untranslatable(`${nodeTypeWord(n)} expressions`);
    }
  };

  try {
    const o = build(root);
    if (isRange(o)) return { ok: false, reason: 'the result is a series' };
    return { ok: true, formula: o.text };
  } catch (err) {
    if (err instanceof Untranslatable) return { ok: false, reason: err.message };
    throw err;
  }
}
