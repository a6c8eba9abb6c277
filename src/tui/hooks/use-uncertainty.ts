/**
 * The uncertainty toggle (`u`): P10–P90 bands and P(target met) for every indicator under the current
 * overrides, from quickUncertainty (src/engine/uncertainty/sample.ts) with the opened scenario as the reference.
 *
 * Responsiveness: the frame right after an assumption changes is drawn from QUICK_SAMPLES (≈1 ms on the
 * Zhengzhou model), computed during that render; once no change has come for REFINE_MS (a key is no longer
 * held) the same settings are recomputed with FULL_SAMPLES (≈3 ms) and drawn again. Turning the toggle on
 * computes FULL_SAMPLES at once. The seed is fixed, so the same overrides always show the same numbers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  quickUncertainty,
  type IndicatorUncertainty,
  type UncertainAssumption,
  type UncertaintyResult,
} from '../../engine/uncertainty/sample.js';
import type { ModelResult } from '../../engine/types.js';
import { CesuanError } from '../../model/errors.js';
import type { LoadedModel } from '../../model/load.js';
import { withPrimary } from '../../model/primary.js';
import type { Work } from '../update.js';

/** samples for the frame right after a change (while a key is held) */
export const QUICK_SAMPLES = 500;
/** samples once the changes stop: P10/P90 within about ±1 percentile, P(met) within ±2.2 points (95%) */
export const FULL_SAMPLES = 2000;
/** quiet time after the last change before refining to FULL_SAMPLES */
export const REFINE_MS = 150;
export const UNCERTAINTY_SEED = 1;

export interface Bands {
  run: UncertaintyResult;
  byId: Map<string, IndicatorUncertainty>;
  /** the distributions used, by assumption key (shifted with an assumption the user moved) */
  byAssumption: Map<string, UncertainAssumption>;
  /** drawn from fewer than FULL_SAMPLES: more samples are on the way */
  refining: boolean;
}

export type UncertaintyView =
  | { status: 'off' }
  | { status: 'on'; bands: Bands }
  /** on, but the scenario loaded since gives no distributions */
  | { status: 'none' }
  | { status: 'error'; message: string };

const OFF: UncertaintyView = { status: 'off' };

interface Computed {
  /** the evaluation it belongs to: a new result means the overrides (or the scenario) changed */
  for: ModelResult;
  reference: Work['reference'];
  samples: number;
  view: UncertaintyView;
}

function messageOf(err: unknown): string {
  if (err instanceof CesuanError) return err.line;
  return err instanceof Error ? err.message : String(err);
}

function compute(model: LoadedModel, work: Work, samples: number): Computed {
  const base = { for: work.result, reference: work.reference, samples };
  try {
    const run = quickUncertainty(withPrimary(model, work.doc.primary), work.doc.overrides, {
      scenario: work.reference,
      samples,
      seed: UNCERTAINTY_SEED,
    });
    if (!run.assumptions.length) return { ...base, view: { status: 'none' } };
    const bands: Bands = {
      run,
      byId: new Map(run.indicators.map((i) => [i.id, i])),
      byAssumption: new Map(run.assumptions.map((a) => [a.key, a])),
      refining: samples < FULL_SAMPLES,
    };
    return { ...base, view: { status: 'on', bands } };
  } catch (err) {
    return { ...base, view: { status: 'error', message: messageOf(err) } };
  }
}

/** The bands for the current work while the toggle is on (`enabled`), refined once the keys stop. */
export function useUncertainty(enabled: boolean, work: Work, model: LoadedModel): UncertaintyView {
  /** the last FULL_SAMPLES run (kept only while it matches the current evaluation) */
  const [full, setFull] = useState<Computed | null>(null);
  const latest = useRef({ work, model });
  latest.current = { work, model };

  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the evaluation (work.result, work.reference), not on the work object's identity
  const shown = useMemo((): Computed | null => {
    if (!enabled) return null;
    if (full && full.for === work.result && full.reference === work.reference) return full;
    // turning on: the full count at once (nothing is held); after a change: the quick count first
    return compute(model, work, full ? QUICK_SAMPLES : FULL_SAMPLES);
  }, [enabled, work.result, work.reference, full, model]);

  // refine once the changes stop; every new change restarts the wait
  useEffect(() => {
    if (!shown || shown.samples >= FULL_SAMPLES || shown.view.status === 'error') return;
    const timer = setTimeout(() => setFull(compute(latest.current.model, latest.current.work, FULL_SAMPLES)), REFINE_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  // keep the full run as the reference for "turned on before"
  useEffect(() => {
    if (!enabled && full) setFull(null);
    else if (enabled && shown && shown.samples >= FULL_SAMPLES && shown !== full) setFull(shown);
  }, [enabled, shown, full]);

  return shown ? shown.view : OFF;
}
