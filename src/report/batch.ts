/**
 * The rows of `batch` (one per scenario × indicator) and `sweep` (one per grid point × indicator). Raw numbers:
 * the row streams (rows.ts) decide how to print them.
 */
import { meetsTarget } from '../engine/graph/target.js';
import type { IndicatorResult } from '../engine/types.js';

export const BATCH_COLUMNS = [
  'scenario',
  'indicator',
  'baseline',
  'projection',
  'target',
  'verdict',
  'gap',
  'label',
  'unit',
  'kind',
  'attribute',
  'target_op',
  'proposed',
  'model',
  'file',
];
export const BATCH_ALIGN: ('left' | 'right')[] = ['left', 'left', 'right', 'right', 'right', 'left', 'right'];

export function batchRow(scenario: string, modelId: string, file: string, ind: IndicatorResult): unknown[] {
  return [
    scenario,
    ind.id,
    ind.baseline,
    ind.projection,
    ind.target?.value ?? null,
    ind.verdict,
    ind.gap,
    ind.label,
    ind.unit,
    ind.kind,
    ind.attribute,
    ind.target?.op ?? null,
    // a draft's proposed target (cesuan rollover), as run's JSON says it
    ind.target ? ind.target.proposed === true : null,
    modelId,
    file,
  ];
}

/** Sweep columns: the point, one column per varied assumption, then the indicator's figures. */
export function sweepColumns(axes: string[]): string[] {
  return ['point', ...axes, 'indicator', 'projection', 'target', 'verdict', 'gap'];
}

export type SweepVerdict = 'met' | 'missed' | 'no_target' | 'invalid';

/** Verdict of one projection in a sweep; a non-finite projection (e.g. a negative base under a power) is "invalid". */
export function sweepVerdict(projection: number, target: IndicatorResult['target']): SweepVerdict {
  if (!Number.isFinite(projection)) return 'invalid';
  if (!target) return 'no_target';
  return meetsTarget(projection, target.op, target.value, target.tolerance) ? 'met' : 'missed';
}
