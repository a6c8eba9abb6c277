/**
 * Vector mode of the expression compiler: the syntax tree that compileExpression parsed and whitelisted,
 * compiled a second time into closures over Float64Array columns — one column per uncertain quantity, one
 * element per Monte Carlo sample. A closure runs once per sample *set*, not once per sample: `a + b` is one
 * tight loop over two columns, `compound(186.5, g, 5)` one loop calling compound().
 *
 * Sub-expressions that no uncertain assumption reaches stay plain values (numbers, constant series), computed
 * once by the scalar compiler's own closures. A varying number mixed with a series, an array literal holding a
 * varying number, a condition or `at(…, year)` that varies: these are not vectorised — the caller evaluates
 * that one node sample by sample with the scalar closure instead (NotVectorizable), so every formula that
 * `run` accepts also runs here, with the same methods and the same arithmetic, to the bit.
 */
import type { MathNode } from 'mathjs';
import { BINARY, type CompiledExpression } from '../graph/expression.js';
import { ExpressionError } from '../expression-error.js';
import { cagr } from '../methods/cagr.js';
import { compound } from '../methods/compound.js';
import { coverage } from '../methods/coverage.js';
import { METHODS } from '../methods/index.js';
import { linear } from '../methods/linear.js';
import { share } from '../methods/share.js';
import type { Value } from '../types.js';

export type Column = Float64Array;
/** A plain value (computed once) or a column (one number per sample). */
export type VectorValue = Value | Column;

/** Counts per-sample method errors (cagr of a negative start …): the sample becomes NaN, the run goes on. */
export interface SampleErrorSink {
  record: (message: string) => void;
}

/** Everything a vector closure reads. */
export interface VectorRun {
  /** point values of every slot (what `run` computes) */
  values: Value[];
  /** per-sample values of the slots that vary; undefined for the others */
  columns: (Column | undefined)[];
  /** number of samples */
  n: number;
  /** years since the base year (in `path`) */
  t: number;
  errors: SampleErrorSink;
}

export type VectorClosure = (run: VectorRun) => VectorValue;

/** This node cannot be evaluated column-wise; evaluate it per sample. */
export class NotVectorizable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotVectorizable';
  }
}

export function isColumn(v: VectorValue): v is Column {
  return v instanceof Float64Array;
}

// ── kernels ─────────────────────────────────────────────────────────────────────────────────────────

type Binary = (x: number, y: number) => number;

interface BinaryKernel {
  cc: (a: Column, b: Column, out: Column) => void;
  cs: (a: Column, b: number, out: Column) => void;
  sc: (a: number, b: Column, out: Column) => void;
}

/** The common operators written out, so each loop is monomorphic and the operator inlined. */
const FAST_BINARY: Record<string, BinaryKernel> = {
  add: {
    cc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! + b[i]!; },
    cs: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! + b; },
    sc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a + b[i]!; },
  },
  subtract: {
    cc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! - b[i]!; },
    cs: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! - b; },
    sc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a - b[i]!; },
  },
  multiply: {
    cc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! * b[i]!; },
    cs: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! * b; },
    sc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a * b[i]!; },
  },
  divide: {
    cc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! / b[i]!; },
    cs: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! / b; },
    sc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a / b[i]!; },
  },
  pow: {
    cc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! ** b[i]!; },
    cs: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a[i]! ** b; },
    sc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = a ** b[i]!; },
  },
};

function genericBinary(f: Binary): BinaryKernel {
  return {
    cc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = f(a[i]!, b[i]!); },
    cs: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = f(a[i]!, b); },
    sc: (a, b, o) => { for (let i = 0; i < o.length; i++) o[i] = f(a, b[i]!); },
  };
}

/** Scalar methods with a numbers-only core: called directly in the loop, skipping argument checks. */
const FAST_METHODS: Record<string, { arity: number; f: (...x: number[]) => number }> = {
  compound: { arity: 3, f: compound as (...x: number[]) => number },
  linear: { arity: 3, f: linear as (...x: number[]) => number },
  share: { arity: 2, f: share as (...x: number[]) => number },
  coverage: { arity: 2, f: coverage as (...x: number[]) => number },
  cagr: { arity: 3, f: cagr as (...x: number[]) => number },
  exp: { arity: 1, f: Math.exp },
  log: { arity: 1, f: Math.log },
  sqrt: { arity: 1, f: Math.sqrt },
  abs: { arity: 1, f: Math.abs },
};

/** out[i] = f(args at i); a method error makes that sample NaN and is counted. */
function applyElementwise(f: (...x: number[]) => number, args: VectorValue[], n: number, errors: SampleErrorSink): Column {
  const out = new Float64Array(n);
  const k = args.length;
  const cols = args.map((a) => (isColumn(a) ? a : undefined));
  const consts = args.map((a) => (isColumn(a) ? 0 : (a as number)));
  let i = 0;
  const at = (j: number, idx: number): number => (cols[j] ? cols[j]![idx]! : consts[j]!);
  const body = k === 1
    ? (idx: number) => f(at(0, idx))
    : k === 2
      ? (idx: number) => f(at(0, idx), at(1, idx))
      : k === 3
        ? (idx: number) => f(at(0, idx), at(1, idx), at(2, idx))
        : (idx: number) => f(...args.map((_, j) => at(j, idx)));
  if (k === 3 && cols[0] === undefined && cols[2] === undefined && cols[1]) {
    // the usual shape, compound(base, rate, years) with a varying rate: a tight loop
    const a = consts[0]!;
    const b = cols[1];
    const c = consts[2]!;
    try {
      for (; i < n; i++) out[i] = f(a, b[i]!, c);
      return out;
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
    }
  } else {
    try {
      for (; i < n; i++) out[i] = body(i);
      return out;
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
    }
  }
  for (; i < n; i++) {
    try {
      out[i] = body(i);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      out[i] = Number.NaN;
      errors.record(err.message);
    }
  }
  return out;
}

/** A library method called sample by sample (sum, mean, min, max, round, regress(…, x) …). */
function applyMethod(fn: (...args: Value[]) => Value, args: VectorValue[], n: number, errors: SampleErrorSink, name: string): Column {
  const out = new Float64Array(n);
  const argv: Value[] = args.map((a) => (isColumn(a) ? 0 : a));
  const varying = args.map((a, j) => (isColumn(a) ? j : -1)).filter((j) => j >= 0);
  for (let i = 0; i < n; i++) {
    for (const j of varying) argv[j] = (args[j] as Column)[i]!;
    try {
      const r = fn(...argv);
      if (typeof r !== 'number') throw new NotVectorizable(`${name}() returns a series for each sample`);
      out[i] = r;
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      out[i] = Number.NaN;
      errors.record(err.message);
    }
  }
  return out;
}

// ── the compiler ────────────────────────────────────────────────────────────────────────────────────

interface Built {
  run: VectorClosure;
  varying: boolean;
}

/**
 * Compile `expr` for columns. `varies(slot)` says which slots may hold a column.
 * Sub-expressions no varying slot reaches run through the scalar compiler's own closure for that node, so
 * everything constant is computed exactly as `run` computes it.
 * Throws NotVectorizable when the expression needs per-sample evaluation.
 */
export function compileVector(expr: CompiledExpression, varies: (slot: number) => boolean): VectorClosure {
  const { root, refs, closures } = expr.tree;

  const reaches = new Map<MathNode, boolean>();
  const isVarying = (node: MathNode): boolean => {
    let known = reaches.get(node);
    if (known === undefined) {
      known = false;
      node.traverse((n) => {
        const ref = refs.get(n);
        if (ref && varies(ref.slot)) known = true;
      });
      reaches.set(node, known);
    }
    return known;
  };

  const build = (node: MathNode): Built => {
    if (!isVarying(node)) {
      const scalar = closures.get(node);
      if (!scalar) throw new NotVectorizable(`no scalar closure for ${node.type}`);
      return { run: (r) => scalar(r.values, r.t), varying: false };
    }
    switch (node.type) {
      case 'ParenthesisNode':
        return build((node as unknown as { content: MathNode }).content);
      case 'SymbolNode':
      case 'AccessorNode': {
        const slot = refs.get(node)!.slot;
        return { run: (r) => r.columns[slot] ?? r.values[slot]!, varying: true };
      }
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; op: string; args: MathNode[] };
        const args = op.args.map(build);
        if (op.fn === 'unaryPlus') return args[0]!;
        // a unary operator on a varying column, element by element
        const unary = (f: (x: number) => number) => {
          const a = args[0]!.run;
          return {
            varying: true,
            run: (r: Parameters<typeof a>[0]) => {
              const x = a(r);
              if (!isColumn(x)) throw new NotVectorizable('a varying value came out constant');
              const out = new Float64Array(r.n);
              for (let i = 0; i < out.length; i++) out[i] = f(x[i]!);
              return out;
            },
          };
        };
        if (op.fn === 'unaryMinus') return unary((x) => -x);
        if (op.fn === 'not') return unary((x) => Number(!x));
        const f = BINARY[op.fn];
        if (!f || args.length !== 2) throw new NotVectorizable(`operator ${op.op}`);
        const kernel = FAST_BINARY[op.fn] ?? genericBinary(f);
        const [a, b] = [args[0]!.run, args[1]!.run];
        return {
          varying: true,
          run: (r) => {
            const x = a(r);
            const y = b(r);
            const out = new Float64Array(r.n);
            if (isColumn(x)) {
              if (isColumn(y)) kernel.cc(x, y, out);
              else if (typeof y === 'number') kernel.cs(x, y, out);
              else throw new NotVectorizable(`"${op.op}" between a varying number and a series`);
            } else if (isColumn(y) && typeof x === 'number') {
              kernel.sc(x, y, out);
            } else {
              throw new NotVectorizable(`"${op.op}" without a varying number`);
            }
            return out;
          },
        };
      }
      case 'ConditionalNode': {
        const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        // a varying condition would evaluate both branches for every sample: the scalar path does it lazily
        if (isVarying(c.condition)) throw new NotVectorizable('the condition varies');
        const cond = build(c.condition);
        const yes = build(c.trueExpr);
        const no = build(c.falseExpr);
        return {
          varying: true,
          run: (r) => {
            const x = cond.run(r);
            if (typeof x !== 'number') throw new NotVectorizable('a condition that is not a number');
            return x ? yes.run(r) : no.run(r);
          },
        };
      }
      case 'FunctionNode': {
        const fnNode = node as unknown as { fn: { name: string }; args: MathNode[] };
        const name = fnNode.fn.name;
        const method = Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
        if (!method || name === 'at') throw new NotVectorizable(`${name}() with a varying argument`);
        const runs = fnNode.args.map((a) => build(a).run);
        const fast = FAST_METHODS[name];
        return {
          varying: true,
          run: (r) => {
            const values = runs.map((a) => a(r));
            if (!values.some(isColumn)) throw new NotVectorizable('a varying value came out constant');
            if (fast && fast.arity === values.length && values.every((v) => typeof v === 'number' || isColumn(v))) {
              return applyElementwise(fast.f, values, r.n, r.errors);
            }
            return applyMethod(method.fn, values, r.n, r.errors, name);
          },
        };
      }
      default:
        // ArrayNode holding a varying number, and anything new: sample by sample
        throw new NotVectorizable(`${node.type} with a varying value`);
    }
  };

  return build(root).run;
}
