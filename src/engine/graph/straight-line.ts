/**
 * A program's full evaluation as straight-line code — the fast path runProgram switches to after a few
 * full evaluations of the same program (sweeps, batches, solvers, benchmarks), never on a one-off run.
 *
 * Why: per-slot closures pay for the dispatch between them (every `a(v, t)` call site is shared by all
 * formulas, so megamorphic, and V8 cannot inline through it). Here each formula is an expression in a small
 * generated function, every call site has one target (one method, one operator) and V8 inlines it. Formulas
 * that no assumption reaches (series arithmetic, literals) are computed once, here, by the closures
 * themselves, and copied in like the published constants. About 3× the closures' throughput on the
 * Zhengzhou model (bench/throughput.ts).
 *
 * Safety: the generated source is built only from the syntax tree that compileExpression already
 * whitelisted and holds no text of the formula: numbers (String() of a finite number, checked against a
 * number pattern), slot indices `v[12]`, operator names that are keys of BINARY, and method references `m3`
 * bound to the function the closure compiler chose for that call (tree.calls: a method's `fn`, or its
 * `years.fn` bound to a named series). No name, string or other text from a model file reaches it. A node
 * not handled here makes that slot call its own closure.
 *
 * Results are identical to the closures' to the bit: the same functions in the same order. Any throw makes
 * runProgram rerun the closures, which raise the located error.
 */
import type { MathNode } from 'mathjs';
import { BINARY, CONSTANTS, elementwise, type CompiledExpression, type MethodCall } from './expression.js';
import { ExpressionError } from '../expression-error.js';
import { formulaNode } from './nodes.js';
import type { GraphNode } from './graph-node.js';
import type { Value } from '../types.js';

export type StraightLine = (values: Value[], pinnedFlag: Uint8Array, pinnedValue: Float64Array) => Value[];

const NUMBER_LITERAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
/** Statements per generated function: V8's inlining budget is per optimised function. */
const PART_SIZE = 4;

class Unsupported extends Error {}

function literal(x: unknown): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Unsupported();
  if (Object.is(x, -0)) return '(-0)';
  const text = String(x);
  if (!NUMBER_LITERAL.test(text)) throw new Unsupported();
  return `(${text})`;
}

function num(x: Value): number {
  if (Array.isArray(x)) throw new ExpressionError('a number was expected, not a series');
  return x;
}

function negate(x: Value): Value {
  return Array.isArray(x) ? x.map((y) => -y) : -x;
}

/**
 * The function evaluating `nodes` in `order`, or undefined: the environment forbids code generation
 * (node --disallow-code-generation-from-strings), or evaluating the fixed part of the program throws (the
 * closures will raise that error where it belongs).
 * @param pinnable slots a caller may pin to a number (the assumptions)
 */
export function compileStraightLine(nodes: GraphNode[], order: number[], pinnable: ReadonlySet<number>): StraightLine | undefined {
  // Which slots no pin can reach, and their values (computed by the closures, once).
  const fixed = new Uint8Array(nodes.length);
  const scratch: Value[] = new Array(nodes.length);
  try {
    for (const slot of order) {
      const node = nodes[slot]!;
      scratch[slot] = node.expr ? node.expr.run(scratch) : node.constant!;
      fixed[slot] = !pinnable.has(slot) && (node.expr?.depSlots ?? []).every((d) => fixed[d] === 1) ? 1 : 0;
    }
  } catch {
    return undefined;
  }

  const methods: MethodCall['fn'][] = [];
  const methodIndex = new Map<MethodCall['fn'], number>();
  const operators = new Set<string>();

  const gen = (node: MathNode, tree: CompiledExpression['tree']): string => {
    const n = formulaNode(node);
    switch (n.type) {
      case 'ConstantNode':
        return literal(n.value);
      case 'ParenthesisNode':
        return gen(n.content, tree);
      case 'SymbolNode':
      case 'AccessorNode': {
        const ref = tree.refs.get(node);
        if (ref) {
          if (!Number.isInteger(ref.slot) || ref.slot < 0 || ref.slot >= nodes.length) throw new Unsupported();
          const value = scratch[ref.slot];
          // the same number in every run: write it in
          if (fixed[ref.slot] === 1 && typeof value === 'number' && Number.isFinite(value)) return literal(value);
          return `v[${ref.slot}]`;
        }
        if (n.type === 'SymbolNode' && Object.hasOwn(CONSTANTS, n.name)) return literal(CONSTANTS[n.name]);
        throw new Unsupported();
      }
      case 'OperatorNode': {
        const { fn, args } = n;
        if (fn === 'unaryMinus' && args.length === 1) return `neg(${gen(args[0]!, tree)})`;
        if (fn === 'unaryPlus' && args.length === 1) return gen(args[0]!, tree);
        if (fn === 'not' && args.length === 1) return `Number(!num(${gen(args[0]!, tree)}))`;
        if (!Object.hasOwn(BINARY, fn) || !IDENTIFIER.test(fn) || args.length !== 2) throw new Unsupported();
        operators.add(fn);
        return `op_${fn}(${gen(args[0]!, tree)}, ${gen(args[1]!, tree)})`;
      }
      case 'ConditionalNode':
        return `(num(${gen(n.condition, tree)}) ? ${gen(n.trueExpr, tree)} : ${gen(n.falseExpr, tree)})`;
      case 'ArrayNode':
        return `[${n.items.map((i) => `num(${gen(i, tree)})`).join(', ')}]`;
      case 'FunctionNode': {
        // the function the closure compiler bound to this call (a method's fn, or its years form)
        const call = tree.calls.get(node);
        if (!call) throw new Unsupported();
        let i = methodIndex.get(call.fn);
        if (i === undefined) {
          i = methods.length;
          methods.push(call.fn);
          methodIndex.set(call.fn, i);
        }
        return `m${i}(${n.args.map((a) => gen(a, tree)).join(', ')})`;
      }
      default:
        throw new Unsupported();
    }
  };

  const lines: string[] = [];
  /** slots that hold the same value in every run (published constants, fixed formulas): one copy loop */
  const copySlots: number[] = [];
  const copyValues: Value[] = [];
  /** an assumption's default when nothing pins it */
  const defaults: Value[] = [];
  const closures: (((values: Value[]) => Value) | undefined)[] = [];
  try {
    for (const slot of order) {
      const node = nodes[slot]!;
      if (fixed[slot] === 1) {
        copySlots.push(slot);
        copyValues.push(scratch[slot]!);
        continue;
      }
      let value: string;
      if (!node.expr || node.expr.depSlots.every((d) => fixed[d] === 1)) {
        defaults[slot] = scratch[slot]!;
        value = `D[${slot}]`;
      } else {
        try {
          value = gen(node.expr.tree.root, node.expr.tree);
        } catch (err) {
          if (!(err instanceof Unsupported)) throw err;
          closures[slot] = node.expr.run;
          value = `R[${slot}](v)`;
        }
      }
      lines.push(pinnable.has(slot) ? `v[${slot}] = PF[${slot}] === 1 ? PV[${slot}] : ${value};` : `v[${slot}] = ${value};`);
    }
  } catch {
    return undefined;
  }
  const prelude = [
    ...[...methods.keys()].map((i) => `const m${i} = M[${i}];`),
    // one helper per operator, each its own function, so `f_…` has a single target and is inlined
    ...[...operators].map(
      (op) =>
        `const f_${op} = B.${op}; const op_${op} = (x, y) => typeof x === 'number' && typeof y === 'number' ? f_${op}(x, y) : E(x, y, f_${op}, ${JSON.stringify(op)});`,
    ),
  ];
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i += PART_SIZE) {
    parts.push(`function part${parts.length}(v, PF, PV) {\n${lines.slice(i, i + PART_SIZE).join('\n')}\n}`);
  }
  const source = `'use strict';
${prelude.join('\n')}
${parts.join('\n')}
return function straightLine(v, PF, PV) {
  for (let i = 0; i < KS.length; i++) v[KS[i]] = KV[i];
  ${parts.map((_, i) => `part${i}(v, PF, PV);`).join('\n  ')}
  return v;
};`;
  try {
    // generated from the whitelisted tree only (numbers, slot indices and method references), see above
    const factory = new Function('D', 'R', 'M', 'B', 'E', 'num', 'neg', 'KS', 'KV', source) as (...args: unknown[]) => StraightLine;
    return factory(defaults, closures, methods, BINARY, elementwise, num, negate, Int32Array.from(copySlots), copyValues);
  } catch {
    return undefined;
  }
}
