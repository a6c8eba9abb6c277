/**
 * A cesuan formula as an Excel formula, where the formula is plain arithmetic: numbers, references,
 * + − × ÷ ^, unary minus, and the methods with a closed form —
 *
 *     compound(b, r, n) → b*(1+r)^n          linear(b, s, n) → b+s*n          share(p, r) → p*r
 *     cagr(f, t, n)     → (t/f)^(1/n)-1      cagr(series)    → (last/first)^(1/(k−1))-1
 *     sum / mean / min / max → SUM / AVERAGE / MIN / MAX     first / last (series) → the cell
 *     abs / sqrt / exp / log → ABS / SQRT / EXP / LN
 *
 * Anything else (decay, regress, mean_growth, conditions, series arithmetic …) is "not translatable" and the
 * caller writes the value with a comment instead. The restricted mathjs AST (see engine/graph/expression.ts) is read
 * with the same node shapes; operator precedence is made explicit with parentheses where Excel and mathjs differ
 * (Excel negates before ^ and reads a^b^c as (a^b)^c).
 */
import type { MathNode } from 'mathjs';
import { dottedName } from '../engine/graph/expression.js';
import { parseFormula } from '../engine/graph/parser.js';

/** What a name in a formula stands for in the workbook. */
export type ExcelOperand =
  | { cell: string }
  | { range: string; cells: string[] }
  | { formula: string };

export type ExcelResolver = (parts: string[]) => ExcelOperand | { error: string } | undefined;

export type Translation = { ok: true; formula: string } | { ok: false; reason: string };

class Untranslatable extends Error {}

/** Precedence: 1 additive, 2 multiplicative, 3 unary minus, 4 power, 5 atom. */
interface Scalar {
  text: string;
  prec: number;
}
interface Range {
  range: string;
  cells: string[];
}
type Operand = Scalar | Range;

const isRange = (o: Operand): o is Range => 'range' in o;

/** An Excel number literal: shortest round-trip form, exponent as E. */
export function excelNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Untranslatable(`${n} has no Excel literal`);
  return String(n).replace('e', 'E').replace('E+', 'E');
}

function scalar(o: Operand, what: string): Scalar {
  if (isRange(o)) throw new Untranslatable(`a series used as a number in ${what}`);
  return o;
}

/** `o` as an operand that binds at least as tightly as `min`. */
function wrap(o: Scalar, min: number): string {
  return o.prec >= min ? o.text : `(${o.text})`;
}

const FUNCTIONS: Record<string, string> = { abs: 'ABS', sqrt: 'SQRT', exp: 'EXP', log: 'LN' };
const AGGREGATES: Record<string, string> = { sum: 'SUM', mean: 'AVERAGE', min: 'MIN', max: 'MAX' };
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

  const build = (node: MathNode): Operand => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value !== 'number') throw new Untranslatable('a non-numeric constant');
        return { text: excelNumber(value), prec: 5 };
      }
      case 'ParenthesisNode':
        return build((node as unknown as { content: MathNode }).content);
      case 'SymbolNode':
      case 'AccessorNode': {
        const parts = dottedName(node);
        if (!parts) throw new Untranslatable('index access');
        if (parts.length === 1 && parts[0] === 'pi') return { text: 'PI()', prec: 5 };
        const r = resolve(parts);
        if (!r) throw new Untranslatable(`"${parts.join('.')}" has no cell`);
        if ('error' in r) throw new Untranslatable(r.error);
        if ('cell' in r) return { text: r.cell, prec: 5 };
        if ('range' in r) return { range: r.range, cells: r.cells };
        return { text: r.formula, prec: 1 };
      }
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; op: string; args: MathNode[] };
        if (op.fn === 'unaryMinus') {
          const a = scalar(build(op.args[0]!), 'unary minus');
          return { text: `-${wrap(a, 5)}`, prec: 3 };
        }
        if (op.fn === 'unaryPlus') return build(op.args[0]!);
        const b = BINARY[op.fn];
        if (!b || op.args.length !== 2) throw new Untranslatable(`operator "${op.op}"`);
        return binary(scalar(build(op.args[0]!), op.op), b, scalar(build(op.args[1]!), op.op));
      }
      case 'FunctionNode': {
        const fnNode = node as unknown as { fn: MathNode; args: MathNode[] };
        const name = fnNode.fn.type === 'SymbolNode' ? (fnNode.fn as unknown as { name: string }).name : '?';
        const args = () => fnNode.args.map((a) => build(a));
        const scalars = () => args().map((a) => scalar(a, `${name}()`));
        switch (name) {
          case 'compound': {
            const [base, rate, years] = scalars() as [Scalar, Scalar, Scalar];
            const growth: Scalar = { text: `(${binary({ text: '1', prec: 5 }, BINARY.add!, rate).text})`, prec: 5 };
            return binary(base, BINARY.multiply!, binary(growth, BINARY.pow!, years));
          }
          case 'linear': {
            const [base, step, years] = scalars() as [Scalar, Scalar, Scalar];
            return binary(base, BINARY.add!, binary(step, BINARY.multiply!, years));
          }
          case 'share': {
            const [parent, ratio] = scalars() as [Scalar, Scalar];
            return binary(parent, BINARY.multiply!, ratio);
          }
          case 'cagr': {
            const a = args();
            let from: Scalar;
            let to: Scalar;
            let years: Scalar;
            if (a.length === 1) {
              const s = a[0]!;
              if (!isRange(s) || s.cells.length < 2) throw new Untranslatable('cagr() of a non-series');
              from = { text: s.cells[0]!, prec: 5 };
              to = { text: s.cells[s.cells.length - 1]!, prec: 5 };
              years = { text: String(s.cells.length - 1), prec: 5 };
            } else {
              [from, to, years] = a.map((x) => scalar(x, 'cagr()')) as [Scalar, Scalar, Scalar];
            }
            const exponent: Scalar = { text: `(${binary({ text: '1', prec: 5 }, BINARY.divide!, years).text})`, prec: 5 };
            const ratio: Scalar = { text: `(${binary(to, BINARY.divide!, from).text})`, prec: 5 };
            return binary(binary(ratio, BINARY.pow!, exponent), BINARY.subtract!, { text: '1', prec: 5 });
          }
          case 'first':
          case 'last': {
            const s = args()[0];
            if (!s || !isRange(s)) throw new Untranslatable(`${name}() of a non-series`);
            return { text: name === 'first' ? s.cells[0]! : s.cells[s.cells.length - 1]!, prec: 5 };
          }
          default: {
            if (AGGREGATES[name]) {
              // array literals are spread into the argument list: sum([a, b]) → SUM(a,b)
              const items = fnNode.args.flatMap((a) => (a.type === 'ArrayNode' ? (a as unknown as { items: MathNode[] }).items : [a]));
              const parts = items.map((a) => {
                const o = build(a);
                return isRange(o) ? o.range : o.text;
              });
              return { text: `${AGGREGATES[name]}(${parts.join(',')})`, prec: 5 };
            }
            if (FUNCTIONS[name]) {
              const [x] = scalars();
              if (!x || fnNode.args.length !== 1) throw new Untranslatable(`${name}() with ${fnNode.args.length} arguments`);
              return { text: `${FUNCTIONS[name]}(${x.text})`, prec: 5 };
            }
            throw new Untranslatable(`${name}() has no Excel equivalent here`);
          }
        }
      }
      default:
        throw new Untranslatable(`${node.type.replace(/Node$/, '').toLowerCase()} expressions`);
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
