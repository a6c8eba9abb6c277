/**
 * Vector mode of the expression compiler: the syntax tree that compileExpression parsed and whitelisted,
 * compiled a second time into closures over Float64Array columns — one column per uncertain quantity, one
 * element per Monte Carlo sample. A closure runs once per sample *set*, not once per sample: `a + b` is one
 * tight loop over two columns, `compound(186.5, g, 5)` one loop calling compound().
 *
 * Sub-expressions that no uncertain assumption reaches stay plain values (numbers, constant series), computed
 * once by the scalar compiler's own closures. Each call runs the function the scalar compiler bound to it
 * (tree.calls), or the method's numbers-only `vector` core (methods/method.ts) where every argument is a number
 * or a column. A varying number mixed with a series, an array literal holding a varying number, a condition
 * that varies: these are not vectorised — the caller evaluates
 * that one node sample by sample with the scalar closure instead (NotVectorizable), so every formula that
 * `run` accepts also runs here, with the same methods and the same arithmetic, to the bit.
 */
import type { MathNode } from 'mathjs';
import { BINARY, type CompiledExpression } from '../graph/expression.js';
import { formulaNode } from '../graph/nodes.js';
import { ExpressionError } from '../expression-error.js';
import { METHODS } from '../methods/index.js';
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
    cc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! + b[i]!;
    },
    cs: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! + b;
    },
    sc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a + b[i]!;
    },
  },
  subtract: {
    cc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! - b[i]!;
    },
    cs: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! - b;
    },
    sc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a - b[i]!;
    },
  },
  multiply: {
    cc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! * b[i]!;
    },
    cs: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! * b;
    },
    sc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a * b[i]!;
    },
  },
  divide: {
    cc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! / b[i]!;
    },
    cs: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! / b;
    },
    sc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a / b[i]!;
    },
  },
  pow: {
    cc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! ** b[i]!;
    },
    cs: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a[i]! ** b;
    },
    sc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = a ** b[i]!;
    },
  },
};

function genericBinary(f: Binary): BinaryKernel {
  return {
    cc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = f(a[i]!, b[i]!);
    },
    cs: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = f(a[i]!, b);
    },
    sc: (a, b, o) => {
      for (let i = 0; i < o.length; i++) o[i] = f(a, b[i]!);
    },
  };
}

/** out[i] = f(args at i); a method error makes that sample NaN and is counted. */
function applyElementwise(f: (...x: number[]) => number, args: VectorValue[], n: number, errors: SampleErrorSink): Column {
  const out = new Float64Array(n);
  const k = args.length;
  const cols = args.map((a) => (isColumn(a) ? a : undefined));
  const consts = args.map((a) => (isColumn(a) ? 0 : (a as number)));
  let i = 0;
  const at = (j: number, idx: number): number => (cols[j] ? cols[j]![idx]! : consts[j]!);
  const body =
    k === 1
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
  const { root, refs, closures, calls } = expr.tree;

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
    const n = formulaNode(node);
    switch (n.type) {
      case 'ParenthesisNode':
        return build(n.content);
      case 'SymbolNode':
      case 'AccessorNode': {
        const slot = refs.get(node)!.slot;
        return { run: (r) => r.columns[slot] ?? r.values[slot]!, varying: true };
      }
      case 'OperatorNode': {
        const op = n;
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
        const f = Object.hasOwn(BINARY, op.fn) ? BINARY[op.fn] : undefined;
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
        const c = n;
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
        // the function the scalar compiler bound to this call; the method's numbers-only core where it stands in
        const call = calls.get(node);
        if (!call) throw new NotVectorizable('a call the scalar compiler did not bind');
        const core = call.plain ? METHODS[call.name]?.vector : undefined;
        const runs = n.args.map((a) => build(a).run);
        return {
          varying: true,
          run: (r) => {
            const values = runs.map((a) => a(r));
            if (!values.some(isColumn)) throw new NotVectorizable('a varying value came out constant');
            if (core && core.arity === values.length && values.every((v) => typeof v === 'number' || isColumn(v))) {
              return applyElementwise(core.f, values, r.n, r.errors);
            }
            return applyMethod(call.fn, values, r.n, r.errors, call.name);
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
