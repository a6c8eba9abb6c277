/**
 * Goal seek: the value of one assumption that makes an indicator's projection reach its target.
 *
 * Brent's method on f(x) = projection(x) − target over the assumption's range (or a given bracket):
 * bisection's guarantee with secant/inverse-quadratic speed. When f has the same sign at both ends of
 * the range the answer is "no solution in range", with the projections at both ends.
 */
import type { LoadedModel } from '../../model/load.js';
import { findAssumption } from '../../model/distributions.js';
import { Evaluator, type Overrides } from '../graph/evaluate.js';
import { ExpressionError } from '../expression-error.js';
import { meetsTarget } from '../graph/target.js';

export type SolveOutcome =
  /** `value` is `exact` rounded, at `decimals`, to the side that still reaches the target (see safeRound) */
  | { status: 'solved'; value: number; exact: number; projection: number; target: number; iterations: number; range: [number, number] }
  | { status: 'no_solution'; range: [number, number]; projections: [number, number]; target: number; reason: string };

export interface SolveRequest {
  indicator: string;
  assumption: string;
  /** default: the indicator's target value */
  target?: number;
  /** default: the assumption's range */
  range?: [number, number];
  tolerance?: number;
  /**
   * decimals (in the assumption's own unit, e.g. 6 for a ratio shown as 2.4019%) at which the answer is
   * shown: the value returned is rounded there to the side that still reaches the target, so typing back
   * what is shown meets it. Default 6.
   */
  decimals?: number;
}

/** Root of f in [a, b] by Brent's method; f(a) and f(b) must differ in sign. */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  tolerance = 1e-12,
  maxIterations = 200,
): { x: number; iterations: number } {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return { x: a, iterations: 0 };
  if (fb === 0) return { x: b, iterations: 0 };
  if (Math.sign(fa) === Math.sign(fb)) throw new ExpressionError('brent(): the bracket does not contain a sign change');
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 1; i <= maxIterations; i++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return { x: b, iterations: i };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = d;
      }
    } else {
      d = m;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return { x: b, iterations: maxIterations };
}

/**
 * `x` rounded to `decimals`: of the two neighbours at that precision (inside the range), the one that
 * meets the target (`judge` true), the nearer if both do; with no comparator (`judge` a distance) the one
 * closer to the target. Falls back to `x` itself when neither neighbour meets it.
 */
export function safeRound(x: number, decimals: number, range: [number, number], judge: (v: number) => boolean | number): number {
  const scale = 10 ** decimals;
  const down = Number((Math.floor(x * scale + 1e-9) / scale).toFixed(decimals));
  const up = Number((Math.ceil(x * scale - 1e-9) / scale).toFixed(decimals));
  const candidates = [...new Set([down, up])]
    .filter((v) => v >= range[0] && v <= range[1])
    .sort((a, b) => Math.abs(a - x) - Math.abs(b - x));
  if (!candidates.length) return x;
  const verdicts = candidates.map((v) => judge(v));
  if (typeof verdicts[0] === 'number') return candidates[(verdicts as number[]).indexOf(Math.min(...(verdicts as number[])))]!;
  const ok = candidates.find((_, i) => verdicts[i] === true);
  return ok ?? x;
}

export function solve(model: LoadedModel, request: SolveRequest, overrides: Overrides = {}): SolveOutcome {
  const evaluator = new Evaluator(model, overrides);
  return solveWith(evaluator, request);
}

/** Goal seek on an existing evaluator (the TUI's); leaves the evaluator as it found it. */
export function solveWith(evaluator: Evaluator, request: SolveRequest): SolveOutcome {
  const before = evaluator.getOverrides();
  const state = evaluator.result();
  const indicator = state.indicators.find((i) => i.id === request.indicator);
  if (!indicator) throw new ExpressionError(`no indicator "${request.indicator}"`);
  const assumption = state.assumptions.find((a) => a.id === request.assumption);
  if (!assumption) throw new ExpressionError(`no assumption "${request.assumption}"`);
  const target = request.target ?? indicator.target?.value;
  if (target === undefined) throw new ExpressionError(`indicator "${request.indicator}" has no target to seek`);
  if (findAssumption(evaluator.model, request.assumption)?.spec.fixed) {
    throw new ExpressionError(
      `"${request.assumption}" (${assumption.label}) is a historical figure (fixed: true in the model), not something to solve for`,
    );
  }
  const range = request.range ?? assumption.range;
  if (!range) throw new ExpressionError(`assumption "${request.assumption}" has no range; give one`);
  if (!indicator.derivations.find((d) => d.id === indicator.primary)?.assumptions.includes(request.assumption)) {
    return {
      status: 'no_solution',
      range,
      projections: [indicator.projection ?? Number.NaN, indicator.projection ?? Number.NaN],
      target,
      reason: `${request.indicator}'s projection does not depend on ${request.assumption}`,
    };
  }
  const projectionAt = (x: number): number => {
    evaluator.set(request.assumption, x);
    const key = request.indicator;
    const v = evaluator.value(key);
    return typeof v === 'number' ? v : Number.NaN;
  };
  try {
    const lo = projectionAt(range[0]);
    const hi = projectionAt(range[1]);
    if (
      !Number.isFinite(lo) ||
      !Number.isFinite(hi) ||
      (Math.sign(lo - target) === Math.sign(hi - target) && lo !== target && hi !== target)
    ) {
      return {
        status: 'no_solution',
        range,
        projections: [lo, hi],
        target,
        reason: `no value in [${range[0]}, ${range[1]}] reaches ${target}: the projection runs from ${lo} to ${hi}`,
      };
    }
    const { x, iterations } = brent((v) => projectionAt(v) - target, range[0], range[1], request.tolerance ?? 1e-12);
    const op = request.target === undefined ? indicator.target?.op : undefined;
    const value = safeRound(x, request.decimals ?? 6, range, (v) => {
      const p = projectionAt(v);
      return op ? meetsTarget(p, op, target, indicator.target?.tolerance) : Math.abs(p - target);
    });
    return { status: 'solved', value, exact: x, projection: projectionAt(value), target, iterations, range };
  } finally {
    evaluator.setAll(before);
  }
}
