/**
 * A projection against its target: met or missed, honouring the comparator.
 * `≈` (左右) counts as met within the target's tolerance (default 2% of the target).
 */
import type { Comparator, IndicatorSpec } from '../../model/schema.js';
import type { IndicatorResult } from '../types.js';

const EPSILON = 1e-9;

export function meetsTarget(projection: number, op: Comparator, target: number, tolerance?: number): boolean {
  const slack = EPSILON * Math.max(1, Math.abs(target));
  switch (op) {
    case '>=':
      return projection >= target - slack;
    case '<=':
      return projection <= target + slack;
    case '>':
      return projection > target + slack;
    case '<':
      return projection < target - slack;
    case '=':
      return Math.abs(projection - target) <= slack;
    case '≈':
      return Math.abs(projection - target) <= (tolerance ?? 0.02 * Math.abs(target)) + slack;
  }
}

/** The comparator as printed in tables. */
export const COMPARATOR_SYMBOL: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', '≈': '≈' };

/** An indicator's target as results carry it: comparator, value, tolerance when set, and whether it is a proposal. */
export function resultTarget(target: IndicatorSpec['target']): IndicatorResult['target'] {
  if (!target) return null;
  return {
    op: target.op,
    value: target.value,
    ...(target.tolerance !== undefined ? { tolerance: target.tolerance } : {}),
    ...(target.proposed ? { proposed: true as const } : {}),
  };
}

/** A binding (约束性) target missed; a draft's proposal is not a target yet and counts once the planner adopts it. */
export function missesAdoptedBindingTarget(ind: Pick<IndicatorResult, 'verdict' | 'attribute' | 'target'>): boolean {
  return ind.verdict === 'missed' && ind.attribute === 'binding' && !ind.target?.proposed;
}

/** A draft's proposed binding target missed: said apart from an adopted one, never counted by --strict. */
export function missesProposedBindingTarget(ind: Pick<IndicatorResult, 'verdict' | 'attribute' | 'target'>): boolean {
  return ind.verdict === 'missed' && ind.attribute === 'binding' && ind.target?.proposed === true;
}
