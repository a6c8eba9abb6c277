import { ExpressionError } from '../expression-error.js';
import { asSeries } from './args.js';
import { centredLine } from './least-squares.js';
import { method } from './method.js';
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
  return centredLine(xs.map(Math.log), ys.map(Math.log), 'elasticity').m;
}

export const elasticityMethod = method({
  name: 'elasticity',
  fn: (xs: Value, ys: Value) => elasticity(asSeries(xs, 'elasticity', 'xs', 2), asSeries(ys, 'elasticity', 'ys', 2)),
  arity: [2],
  excel: { none: 'elasticity() is a least-squares fit on logarithms; the workbook keeps cesuan’s value' },
});
