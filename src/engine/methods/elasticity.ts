import { linearRegression } from 'simple-statistics';
import { ExpressionError } from '../expression-error.js';
import { asSeries } from './args.js';
import type { Value } from '../types.js';

/**
 * Elasticity of ys with respect to xs: the slope of ln y on ln x (least squares).
 * With two points it is ln(y₁/y₀) / ln(x₁/x₀).
 *
 *     elasticity(xs, ys) = slope of (ln xᵢ, ln yᵢ)
 *
 * Seed: 专业技术人才 against GDP — the “人才需求量与GDP之间存在着密切的相关关系” model of 郑州 item 9 依据1,
 * which the document does not publish; the model back-solves the elasticity its 104万 implies.
 */
export function elasticity(xs: number[], ys: number[]): number {
  if (xs.length !== ys.length) throw new ExpressionError(`elasticity(): xs has ${xs.length} values but ys has ${ys.length}`);
  if ([...xs, ...ys].some((v) => v <= 0)) throw new ExpressionError('elasticity(): values must be positive');
  return linearRegression(xs.map((x, i) => [Math.log(x), Math.log(ys[i]!)])).m;
}

export const elasticityMethod = {
  fn: (xs: Value, ys: Value) => elasticity(asSeries(xs, 'elasticity', 'xs', 2), asSeries(ys, 'elasticity', 'ys', 2)),
  arity: [2],
};
