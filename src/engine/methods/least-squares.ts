import { ExpressionError } from '../expression-error.js';
import { mean } from './mean.js';

/**
 * The least-squares line through (xs, ys) in centred form, shared by regress and elasticity: the means and
 * the slope m = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)². Centring keeps large x (years, 1e15) from cancelling the way
 * m·x + b does.
 */
export function centredLine(xs: number[], ys: number[], method: string): { mx: number; my: number; m: number } {
  if (xs.length !== ys.length) throw new ExpressionError(`${method}(): xs has ${xs.length} values but ys has ${ys.length}`);
  if (xs.every((x) => x === xs[0])) throw new ExpressionError(`${method}(): all x are equal, so there is no slope`);
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    sxy += dx * (ys[i]! - my);
    sxx += dx * dx;
  }
  return { mx, my, m: sxy / sxx };
}
