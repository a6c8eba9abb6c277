/**
 * Two results side by side: per indicator the projections, their difference and the verdicts; per assumption
 * the values where they differ.
 *
 *     difference = projection(b) − projection(a)        relative = difference / |projection(a)|
 *
 * Indicators are matched by id, so two scenarios of one model line up row for row; an indicator present on
 * one side only gets nulls on the other.
 */
import type { IndicatorResult, ModelResult, TargetVerdict } from '../types.js';

export interface IndicatorComparison {
  id: string;
  label: string;
  unit: string;
  attribute: IndicatorResult['attribute'] | undefined;
  target: number | null;
  /** the target is a draft's proposal (cesuan rollover) */
  proposed: boolean;
  a: number | null;
  b: number | null;
  difference: number | null;
  relative: number | null;
  verdictA: TargetVerdict | null;
  verdictB: TargetVerdict | null;
  /** the verdict differs between a and b */
  changed: boolean;
}

export interface AssumptionComparison {
  id: string;
  label: string;
  unit: string;
  a: number | null;
  b: number | null;
  difference: number | null;
}

export interface Comparison {
  indicators: IndicatorComparison[];
  /** only the assumptions whose values differ */
  assumptions: AssumptionComparison[];
}

const differs = (x: number | null, y: number | null) => x !== y && !(x !== null && y !== null && Number.isNaN(x) && Number.isNaN(y));

export function compareResults(a: ModelResult, b: ModelResult): Comparison {
  const bIndicators = new Map(b.indicators.map((i) => [i.id, i]));
  const ids = [...a.indicators.map((i) => i.id), ...b.indicators.map((i) => i.id).filter((id) => !a.indicators.some((i) => i.id === id))];
  const aIndicators = new Map(a.indicators.map((i) => [i.id, i]));
  const indicators = ids.map((id): IndicatorComparison => {
    const x = aIndicators.get(id);
    const y = bIndicators.get(id);
    const ref = (x ?? y)!;
    const pa = x?.projection ?? null;
    const pb = y?.projection ?? null;
    const difference = pa !== null && pb !== null ? pb - pa : null;
    return {
      id,
      label: ref.label,
      unit: ref.unit,
      attribute: ref.attribute,
      target: ref.target?.value ?? null,
      proposed: ref.target?.proposed === true,
      a: pa,
      b: pb,
      difference,
      relative: difference !== null && pa !== null && pa !== 0 ? difference / Math.abs(pa) : null,
      verdictA: x?.verdict ?? null,
      verdictB: y?.verdict ?? null,
      changed: (x?.verdict ?? null) !== (y?.verdict ?? null),
    };
  });
  const bAssumptions = new Map(b.assumptions.map((s) => [s.id, s]));
  const assumptionIds = [
    ...a.assumptions.map((s) => s.id),
    ...b.assumptions.map((s) => s.id).filter((id) => !a.assumptions.some((s) => s.id === id)),
  ];
  const aAssumptions = new Map(a.assumptions.map((s) => [s.id, s]));
  const assumptions = assumptionIds
    .map((id): AssumptionComparison => {
      const x = aAssumptions.get(id);
      const y = bAssumptions.get(id);
      const ref = (x ?? y)!;
      const va = x?.value ?? null;
      const vb = y?.value ?? null;
      return { id, label: ref.label, unit: ref.unit, a: va, b: vb, difference: va !== null && vb !== null ? vb - va : null };
    })
    .filter((s) => differs(s.a, s.b));
  return { indicators, assumptions };
}
