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
import { METHODS, methodNamed } from '../methods/index.js';
import { calleeName, dottedName, formulaNode, nodeTypeWord } from './nodes.js';
import { parseFormula } from './parser.js';
import type { Value } from '../types.js';

/** Limits on one formula, each named in the message that refuses it: characters, nesting, parse-tree nodes. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Parentheses, calls, arrays and different operators nest; a chain of one operator (a + b + c …) is one level. */
export const MAX_EXPRESSION_DEPTH = 40;
export const MAX_EXPRESSION_NODES = 500;

/** A chain of the same binary operator (`a + b + c` parses as `(a + b) + c`) stays at its parent's level. */
function childDepth(parent: MathNode, child: MathNode, depth: number): number {
  const p = formulaNode(parent);
  const c = formulaNode(child);
  const chain = p.type === 'OperatorNode' && c.type === 'OperatorNode' && p.fn === c.fn && p.args.length === 2 && c.args.length === 2;
  return chain ? depth : depth + 1;
}

/** Node count and nesting depth of a parsed formula (as childDepth counts it). */
function measureTree(root: MathNode): { nodes: number; depth: number } {
  let nodes = 0;
  let deepest = 0;
  const walk = (node: MathNode, depth: number): void => {
    nodes++;
    deepest = Math.max(deepest, depth);
    // past the limits the answer is already "too big": stop walking
    if (nodes > MAX_EXPRESSION_NODES * 4 || depth > MAX_EXPRESSION_DEPTH * 4) return;
    node.forEach((child) => {
      walk(child, childDepth(node, child, depth));
    });
  };
  walk(root, 0);
  return { nodes, depth: deepest };
}

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
  /** the whitelisted syntax tree and what each name in it resolved to (for straight-line.ts and uncertainty/vector.ts) */
  tree: {
    root: MathNode;
    refs: ReadonlyMap<MathNode, Reference>;
    closures: ReadonlyMap<MathNode, (values: Value[], t: number) => Value>;
    /** each call's function: the method's `fn`, or its `years.fn` bound to the named series it was given */
    calls: ReadonlyMap<MathNode, MethodCall>;
  };
}

/** What a FunctionNode calls, decided once at compile time (see MethodDescriptor in methods/method.ts). */
export interface MethodCall {
  name: string;
  fn: (...args: Value[]) => Value;
  /** true when `fn` is the method's own (not its years form): the vector core may stand in for it */
  plain: boolean;
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

export function compileExpression(text: string, resolve: Resolver, options: { allowT?: boolean } = {}): CompiledExpression {
  if (text.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionError(`length limit exceeded: expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`);
  let root: MathNode;
  try {
    root = parseFormula(text);
  } catch (err) {
    if (err instanceof RangeError)
      throw new ExpressionError(
        `depth limit exceeded: expression is nested too deeply to parse; the limit is ${MAX_EXPRESSION_DEPTH} levels`,
      );
    throw new ExpressionError(`cannot parse "${text}": ${(err as Error).message}`);
  }
  const size = measureTree(root);
  if (size.nodes > MAX_EXPRESSION_NODES)
    throw new ExpressionError(
      `node limit exceeded: expression has ${size.nodes > MAX_EXPRESSION_NODES * 4 ? `more than ${MAX_EXPRESSION_NODES * 4}` : size.nodes} nodes; the limit is ${MAX_EXPRESSION_NODES}`,
    );
  if (size.depth > MAX_EXPRESSION_DEPTH)
    throw new ExpressionError(
      `depth limit exceeded: expression is nested ${size.depth > MAX_EXPRESSION_DEPTH * 4 ? `more than ${MAX_EXPRESSION_DEPTH * 4}` : size.depth} levels deep; the limit is ${MAX_EXPRESSION_DEPTH}`,
    );
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
  const calls = new Map<MathNode, MethodCall>();
  const build = (node: MathNode, depth: number): Closure => {
    const c = buildNode(node, depth);
    closures.set(node, c);
    return c;
  };
  const buildNode = (node: MathNode, depth: number): Closure => {
    if (depth > MAX_EXPRESSION_DEPTH)
      throw new ExpressionError(
        `depth limit exceeded: expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep; the limit is ${MAX_EXPRESSION_DEPTH}`,
      );
    const n = formulaNode(node);
    switch (n.type) {
      case 'ConstantNode': {
        const value = n.value;
        if (typeof value !== 'number') throw new ExpressionError(`only numbers are allowed as constants, not ${JSON.stringify(value)}`);
        if (!Number.isFinite(value)) throw new ExpressionError(`constant ${text} is not a finite number`);
        constants.push(value);
        return () => value;
      }
      case 'ParenthesisNode':
        return build(n.content, depth + 1);
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
        const args = n.args.map((a) => build(a, childDepth(node, a, depth)));
        if (n.fn === 'unaryMinus') {
          const [a] = args;
          return (v, t) => {
            const x = a!(v, t);
            return Array.isArray(x) ? x.map((y) => -y) : -x;
          };
        }
        if (n.fn === 'unaryPlus') return args[0]!;
        if (n.fn === 'not') {
          const [a] = args;
          return (v, t) => Number(!num(a!(v, t), 'not'));
        }
        const f = Object.hasOwn(BINARY, n.fn) ? BINARY[n.fn] : undefined;
        if (!f || args.length !== 2) throw new ExpressionError(`operator "${n.op}" is not allowed`);
        const [a, b] = args as [Closure, Closure];
        const op = n.op;
        return (v, t) => {
          const x = a(v, t);
          const y = b(v, t);
          return typeof x === 'number' && typeof y === 'number' ? f(x, y) : elementwise(x, y, f, op);
        };
      }
      case 'ConditionalNode': {
        const cond = build(n.condition, depth + 1);
        const yes = build(n.trueExpr, depth + 1);
        const no = build(n.falseExpr, depth + 1);
        return (v, t) => (num(cond(v, t), 'a condition') ? yes(v, t) : no(v, t));
      }
      case 'ArrayNode': {
        const items = n.items.map((i) => build(i, depth + 1));
        return (v, t) => items.map((i) => num(i(v, t), 'an array element'));
      }
      case 'FunctionNode': {
        const name = calleeName(n);
        if (name === undefined) throw new ExpressionError('only named functions may be called');
        const method = methodNamed(name);
        if (!method) throw new ExpressionError(`function "${name}" is not allowed (allowed: ${Object.keys(METHODS).join(', ')})`);
        if (method.arity && !method.arity.includes(n.args.length)) {
          throw new ExpressionError(`${name}() takes ${method.arity.join(' or ')} arguments, got ${n.args.length}`);
        }
        let fn = method.fn;
        if (method.years) {
          // a named series where the method reads years (cagr spans them, at looks one up): bind them now
          const arg = n.args[method.years.arg];
          const parts = arg ? dottedName(arg) : undefined;
          const ref = parts ? resolve(parts) : undefined;
          if (ref?.years) {
            const named = { key: ref.key, years: ref.years };
            const withYears = method.years.fn;
            // fixed arities without rest arguments: this runs on every evaluation
            const k = n.args.length;
            fn =
              k === 1
                ? (a) => withYears(named, a)
                : k === 2
                  ? (a, b) => withYears(named, a, b)
                  : k === 3
                    ? (a, b, c) => withYears(named, a, b, c)
                    : (...values) => withYears(named, ...values);
          } else if (method.years.required) {
            throw new ExpressionError(method.years.required);
          }
        }
        calls.set(node, { name, fn, plain: fn === method.fn });
        const args = n.args.map((a) => build(a, depth + 1));
        if (args.length === 1) {
          const [a] = args as [Closure];
          return (v, t) => fn(a(v, t));
        }
        if (args.length === 2) {
          const [a, b] = args as [Closure, Closure];
          return (v, t) => fn(a(v, t), b(v, t));
        }
        if (args.length === 3) {
          const [a, b, c] = args as [Closure, Closure, Closure];
          return (v, t) => fn(a(v, t), b(v, t), c(v, t));
        }
        return (v, t) => fn(...args.map((a) => a(v, t)));
      }
      default:
        throw new ExpressionError(`${nodeTypeWord(n)} expressions are not allowed in formulas`);
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
        const n = formulaNode(node);
        if (n.type === 'SymbolNode' && n.name === 't' && options.allowT) return String(t);
        return undefined;
      },
    });
  return { text, deps: [...deps.keys()], depSlots: [...deps.values()], constants, run, substitute, tree: { root, refs, closures, calls } };
}
