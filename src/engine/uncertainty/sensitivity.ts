/**
 * One-at-a-time sensitivity (the tornado): which assumption moves an indicator's 2025 value most?
 *
 * Each assumption the indicator's primary derivation depends on is swung from a low to a high value while
 * every other assumption stays at its point value:
 *
 *     low, high = P10, P90 of its distribution (truncated to its range), when it has one
 *               = its range [min, max] otherwise
 *     swing     = |value(high) − value(low)|
 *
 * Assumptions are listed by swing, largest first. Example (郑州 工伤保险, scenarios/zhengzhou-uncertain):
 * injury_growth 2.19% … 4.88% moves 2025 from 207.8 to 236.6万 — 28.9万 either side of the 210 target.
 */
import type { LoadedModel } from '../../model/load.js';
import { findAssumption } from '../../model/distributions.js';
import type { Comparator, DistributionSpec } from '../../model/schema.js';
import { CesuanError } from '../../model/errors.js';
import { truncate } from './distributions.js';
import { Evaluator, type Overrides } from '../graph/evaluate.js';
import { ExpressionError } from '../expression-error.js';
import type { IndicatorResult } from '../types.js';
import type { Locatable } from '../graph/program.js';
import { modelDistributions } from './sample.js';
import { meetsTarget } from '../graph/target.js';

export interface Swing {
  key: string;
  label: string;
  unit: string;
  /** where low and high come from */
  basis: 'distribution' | 'range';
  distribution: DistributionSpec | undefined;
  /** the assumption's point value and its two ends */
  point: number;
  low: number;
  high: number;
  /** the indicator at the low and the high end (null when the formula fails there) */
  atLow: number | null;
  atHigh: number | null;
  /** |atHigh − atLow| (0 when either end fails) */
  swing: number;
  /** whether the target is met at each end (null without a target) */
  metAtLow: boolean | null;
  metAtHigh: boolean | null;
  /** why an end failed */
  note: string | undefined;
}

export interface SensitivityResult {
  modelId: string;
  title: string;
  years: { base: number; target: number };
  indicator: {
    id: string;
    label: string;
    unit: string;
    kind: 'stock' | 'cumulative' | 'rate';
    attribute: IndicatorResult['attribute'];
    target: { op: Comparator; value: number; tolerance?: number; proposed?: true } | null;
  };
  /** the projection with every assumption at its point value */
  base: number | null;
  swings: Swing[];
  /** assumptions the indicator depends on that have neither a distribution nor a range */
  skipped: { key: string; label: string }[];
  /** historical figures (`fixed: true`) it depends on: not varied */
  fixed: { key: string; label: string }[];
}

export interface SensitivityOptions {
  overrides?: Overrides;
  /** distributions by qualified key, on top of the model's own (a scenario's `uncertain:`) */
  uncertain?: Record<string, DistributionSpec>;
  overrideSource?: Locatable;
}

export function sensitivity(model: LoadedModel, indicatorId: string, options: SensitivityOptions = {}): SensitivityResult {
  const evaluator = new Evaluator(model, options.overrides ?? {}, options.overrideSource);
  return sensitivityWith(evaluator, indicatorId, options.uncertain ?? {});
}

/** Sensitivity on an existing evaluator (the TUI's); leaves it as it found it. */
export function sensitivityWith(
  evaluator: Evaluator,
  indicatorId: string,
  uncertain: Record<string, DistributionSpec> = {},
): SensitivityResult {
  const model = evaluator.model;
  const state = evaluator.result();
  const ind = state.indicators.find((i) => i.id === indicatorId);
  if (!ind)
    throw new CesuanError(
      `no indicator "${indicatorId}" in ${model.spec.id} (indicators: ${state.indicators.map((i) => i.id).join(', ')})`,
    );
  const primary = ind.derivations.find((d) => d.id === ind.primary);
  const distributions = { ...modelDistributions(model), ...uncertain };
  const before = evaluator.getOverrides();
  const swings: Swing[] = [];
  const skipped: SensitivityResult['skipped'] = [];
  const fixed: SensitivityResult['fixed'] = [];
  const met = (v: number | null) =>
    ind.target && v !== null ? meetsTarget(v, ind.target.op, ind.target.value, ind.target.tolerance) : null;
  try {
    for (const key of primary?.assumptions ?? []) {
      const found = findAssumption(model, key);
      const a = state.assumptions.find((s) => s.id === key);
      if (!found || !a) continue;
      const distribution = distributions[key];
      // a historical figure is not a lever (unless a scenario gives it a distribution: measurement error)
      if (found.spec.fixed && !uncertain[key]) {
        fixed.push({ key, label: found.spec.label });
        continue;
      }
      let low: number;
      let high: number;
      if (distribution) {
        const t = truncate(distribution, found.spec.range);
        low = t.quantile(0.1);
        high = t.quantile(0.9);
      } else if (found.spec.range) {
        [low, high] = found.spec.range;
      } else {
        skipped.push({ key, label: found.spec.label });
        continue;
      }
      const notes: string[] = [];
      const at = (x: number): number | null => {
        try {
          evaluator.set(key, x);
          const v = evaluator.value(ind.id);
          return typeof v === 'number' && Number.isFinite(v) ? v : null;
        } catch (err) {
          if (!(err instanceof ExpressionError) && !(err instanceof CesuanError)) throw err;
          notes.push(`at ${x}: ${err.message}`);
          return null;
        } finally {
          evaluator.setAll(before);
        }
      };
      const atLow = at(low);
      const atHigh = at(high);
      swings.push({
        key,
        label: found.spec.label,
        unit: found.spec.unit,
        basis: distribution ? 'distribution' : 'range',
        distribution,
        point: a.value,
        low,
        high,
        atLow,
        atHigh,
        swing: atLow !== null && atHigh !== null ? Math.abs(atHigh - atLow) : 0,
        metAtLow: met(atLow),
        metAtHigh: met(atHigh),
        note: notes.length ? notes.join('; ') : undefined,
      });
    }
  } finally {
    evaluator.setAll(before);
  }
  swings.sort((x, y) => y.swing - x.swing || x.key.localeCompare(y.key));
  return {
    modelId: model.spec.id,
    title: model.spec.title,
    years: state.years,
    indicator: { id: ind.id, label: ind.label, unit: ind.unit, kind: ind.kind, attribute: ind.attribute, target: ind.target },
    base: ind.projection,
    swings,
    skipped,
    fixed,
  };
}
