/**
 * Formulas: parsed by a restricted mathjs instance, checked against a whitelist of node types and
 * functions, then compiled once into plain closures over a value array.
 *
 * Why not math.compile: the whitelist walk makes what a formula can reach explicit (no property access,
 * no assignments, no strings), and closures over number slots evaluate ~100× faster than mathjs's
 * typed-function dispatch, which the TUI, sweeps and Monte Carlo need.
 */
import type { MathNode } from 'mathjs';
import { formatValue } from './format.js';
import { ExpressionError } from '../expression-error.js';
import { cagr } from '../methods/cagr.js';
import { METHODS } from '../methods/index.js';
import { parseFormula } from './parser.js';
import type { Value } from '../types.js';

export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_EXPRESSION_DEPTH = 40;

export { ExpressionError };

export interface Reference {
  /** slot in the value array */
  slot: number;
  /** qualified id shown in messages */
  key: string;
  /** for series: their years (enables at(series, year)) */
  years?: number[];
}

/** Turns a dotted name (`injury_growth`, `henan.new_jobs_total`, `pension.basis1`) into a slot. */
export type Resolver = (parts: string[]) => Reference | undefined;

export interface CompiledExpression {
  text: string;
  /** qualified keys this expression reads */
  deps: string[];
  depSlots: number[];
  /** numeric literals written in the expression (for the provenance check) */
  constants: number[];
  run: (values: Value[], t?: number) => Value;
  /** the expression with every reference replaced by its current value */
  substitute: (values: Value[], t?: number) => string;
  /** the whitelisted syntax tree and what each name in it resolved to (for the vector compiler in vector.ts) */
  tree: { root: MathNode; refs: ReadonlyMap<MathNode, Reference>; closures: ReadonlyMap<MathNode, (values: Value[], t: number) => Value> };
}

type Closure = (values: Value[], t: number) => Value;

export const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

function num(v: Value, where: string): number {
  if (Array.isArray(v)) throw new ExpressionError(`${where} needs a number, got a series of ${v.length} values`);
  return v;
}

export function elementwise(a: Value, b: Value, f: (x: number, y: number) => number, op: string): Value {
  if (!Array.isArray(a) && !Array.isArray(b)) return f(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) throw new ExpressionError(`"${op}" on series of different lengths (${a.length} and ${b.length})`);
    return a.map((x, i) => f(x, b[i]!));
  }
  return Array.isArray(a) ? a.map((x) => f(x, b as number)) : (b as number[]).map((y) => f(a as number, y));
}

export const BINARY: Record<string, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  divide: (x, y) => x / y,
  pow: (x, y) => x ** y,
  mod: (x, y) => x - y * Math.floor(x / y),
  larger: (x, y) => Number(x > y),
  smaller: (x, y) => Number(x < y),
  largerEq: (x, y) => Number(x >= y),
  smallerEq: (x, y) => Number(x <= y),
  equal: (x, y) => Number(x === y),
  unequal: (x, y) => Number(x !== y),
  and: (x, y) => Number(Boolean(x) && Boolean(y)),
  or: (x, y) => Number(Boolean(x) || Boolean(y)),
};

/** `a.b.c` written as nested AccessorNodes with dot notation → ['a', 'b', 'c']; anything else → undefined. */
export function dottedName(node: MathNode): string[] | undefined {
  if (node.type === 'SymbolNode') return [(node as unknown as { name: string }).name];
  if (node.type !== 'AccessorNode') return undefined;
  const acc = node as unknown as { object: MathNode; index: { dotNotation: boolean; dimensions: MathNode[] } };
  if (!acc.index.dotNotation || acc.index.dimensions.length !== 1) return undefined;
  const head = dottedName(acc.object);
  const prop = acc.index.dimensions[0] as unknown as { value: unknown };
  return head && typeof prop.value === 'string' ? [...head, prop.value] : undefined;
}

export function compileExpression(text: string, resolve: Resolver, options: { allowT?: boolean } = {}): CompiledExpression {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`expression is ${text.length} characters; the limit is ${MAX_EXPRESSION_LENGTH}`);
  let root: MathNode;
  try {
    root = parseFormula(text);
  } catch (err) {
    if (err instanceof RangeError) throw new ExpressionError('expression is nested too deeply');
    throw new ExpressionError(`cannot parse "${text}": ${(err as Error).message}`);
  }
  const deps = new Map<string, number>();
  const constants: number[] = [];
  const refs = new Map<MathNode, Reference>();

  const reference = (parts: string[]): Reference => {
    const ref = resolve(parts);
    if (!ref) throw new ExpressionError(`unknown name "${parts.join('.')}"`);
    deps.set(ref.key, ref.slot);
    return ref;
  };

  // every node's closure, kept so the vector compiler (vector.ts) runs the parts no sample reaches exactly as here
  const closures = new Map<MathNode, Closure>();
  const build = (node: MathNode, depth: number): Closure => {
    const c = buildNode(node, depth);
    closures.set(node, c);
    return c;
  };
  const buildNode = (node: MathNode, depth: number): Closure => {
    if (depth > MAX_EXPRESSION_DEPTH) throw new ExpressionError(`expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`);
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value !== 'number') throw new ExpressionError(`only numbers are allowed as constants, not ${JSON.stringify(value)}`);
        if (!Number.isFinite(value)) throw new ExpressionError(`constant ${text} is not a finite number`);
        constants.push(value);
        return () => value;
      }
      case 'ParenthesisNode':
        return build((node as unknown as { content: MathNode }).content, depth + 1);
      case 'SymbolNode':
      case 'AccessorNode': {
        const parts = dottedName(node);
        if (!parts) throw new ExpressionError('property and index access are not allowed; write references as name or alias.name');
        if (parts.length === 1 && parts[0] === 't') {
          if (!options.allowT) throw new ExpressionError('"t" (years since the base year) is only available in `path`');
          return (_v, t) => t;
        }
        if (parts.length === 1 && Object.hasOwn(CONSTANTS, parts[0]!) && !resolve(parts)) {
          const c = CONSTANTS[parts[0]!]!;
          return () => c;
        }
        const ref = reference(parts);
        refs.set(node, ref);
        const slot = ref.slot;
        return (values) => values[slot]!;
      }
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; op: string; args: MathNode[] };
        const args = op.args.map((a) => build(a, depth + 1));
        if (op.fn === 'unaryMinus') {
          const [a] = args;
          return (v, t) => { const x = a!(v, t); return Array.isArray(x) ? x.map((y) => -y) : -x; };
        }
        if (op.fn === 'unaryPlus') return args[0]!;
        if (op.fn === 'not') {
          const [a] = args;
          return (v, t) => Number(!num(a!(v, t), 'not'));
        }
        const f = BINARY[op.fn];
        if (!f || args.length !== 2) throw new ExpressionError(`operator "${op.op}" is not allowed`);
        const [a, b] = args as [Closure, Closure];
        return (v, t) => {
          const x = a(v, t);
          const y = b(v, t);
          return typeof x === 'number' && typeof y === 'number' ? f(x, y) : elementwise(x, y, f, op.op);
        };
      }
      case 'ConditionalNode': {
        const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        const cond = build(c.condition, depth + 1);
        const yes = build(c.trueExpr, depth + 1);
        const no = build(c.falseExpr, depth + 1);
        return (v, t) => (num(cond(v, t), 'a condition') ? yes(v, t) : no(v, t));
      }
      case 'ArrayNode': {
        const items = (node as unknown as { items: MathNode[] }).items.map((i) => build(i, depth + 1));
        return (v, t) => items.map((i) => num(i(v, t), 'an array element'));
      }
      case 'FunctionNode': {
        const fnNode = node as unknown as { fn: MathNode; args: MathNode[] };
        if (fnNode.fn.type !== 'SymbolNode') throw new ExpressionError('only named functions may be called');
        const name = (fnNode.fn as unknown as { name: string }).name;
        const method = Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
        if (!method) throw new ExpressionError(`function "${name}" is not allowed (allowed: ${Object.keys(METHODS).join(', ')})`);
        if (name === 'at') {
          const seriesParts = fnNode.args[0] ? dottedName(fnNode.args[0]) : undefined;
          const ref = seriesParts ? reference(seriesParts) : undefined;
          if (!ref?.years || fnNode.args.length !== 2) throw new ExpressionError('at(series, year) needs a series name and a year');
          refs.set(fnNode.args[0]!, ref);
          const years = ref.years;
          const slot = ref.slot;
          const year = build(fnNode.args[1]!, depth + 1);
          return (v, t) => {
            const y = num(year(v, t), 'at(…, year)');
            const i = years.indexOf(y);
            if (i < 0) throw new ExpressionError(`at(${ref.key}, ${y}): the series has no value for ${y} (years ${years.join(', ')})`);
            return (v[slot] as number[])[i]!;
          };
        }
        if (name === 'cagr' && fnNode.args.length === 1) {
          // cagr(series) of a named series spans its years (2015 → 2020 is five years, not one)
          const seriesParts = dottedName(fnNode.args[0]!);
          const ref = seriesParts ? resolve(seriesParts) : undefined;
          if (ref?.years && ref.years.length >= 2) {
            reference(seriesParts!);
            refs.set(fnNode.args[0]!, ref);
            const span = ref.years[ref.years.length - 1]! - ref.years[0]!;
            const slot = ref.slot;
            return (v) => {
              const values = v[slot] as number[];
              return cagr(values[0]!, values[values.length - 1]!, span);
            };
          }
        }
        const args = fnNode.args.map((a) => build(a, depth + 1));
        if (method.arity && !method.arity.includes(args.length)) {
          throw new ExpressionError(`${name}() takes ${method.arity.join(' or ')} arguments, got ${args.length}`);
        }
        const fn = method.fn;
        if (args.length === 1) { const [a] = args as [Closure]; return (v, t) => fn(a(v, t)); }
        if (args.length === 2) { const [a, b] = args as [Closure, Closure]; return (v, t) => fn(a(v, t), b(v, t)); }
        if (args.length === 3) { const [a, b, c] = args as [Closure, Closure, Closure]; return (v, t) => fn(a(v, t), b(v, t), c(v, t)); }
        return (v, t) => fn(...args.map((a) => a(v, t)));
      }
      default:
        throw new ExpressionError(`${node.type.replace(/Node$/, '').toLowerCase()} expressions are not allowed in formulas`);
    }
  };

  const closure = build(root, 0);
  const run = (values: Value[], t = 0): Value => {
    const result = closure(values, t);
    return result;
  };
  const substitute = (values: Value[], t = 0): string =>
    root.toString({
      implicit: 'show',
      handler: (node: MathNode) => {
        const ref = refs.get(node);
        if (ref) return formatValue(values[ref.slot]!);
        if (node.type === 'SymbolNode' && (node as unknown as { name: string }).name === 't' && options.allowT) return String(t);
        return undefined;
      },
    } as never);
  return { text, deps: [...deps.keys()], depSlots: [...deps.values()], constants, run, substitute, tree: { root, refs, closures } };
}
