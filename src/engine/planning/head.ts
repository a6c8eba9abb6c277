import type { IndicatorHead, IndicatorResult } from '../types.js';

/** The fields every per-indicator report (plan, track, evaluate) carries of its indicator. */
export function indicatorHead(ind: IndicatorResult): IndicatorHead {
  const { id, label, unit, kind, attribute, baseline, target, projection } = ind;
  return { id, label, unit, kind, attribute, baseline, target, projection };
}
