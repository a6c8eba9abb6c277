/**
 * The uncertainty toggle (`u`): P10–P90 bands and P(target met) for every indicator under the current
 * overrides, from quickUncertainty (src/engine/uncertainty/sample.ts) with the opened scenario as the reference.
 *
 * Responsiveness: the frame right after an assumption changes is drawn from QUICK_SAMPLES (≈1 ms on the
 * Zhengzhou model), computed during that render; once no change has come for REFINE_MS (a key is no longer
 * held) the same settings are recomputed with FULL_SAMPLES (≈3 ms) and drawn again. Turning the toggle on
 * computes FULL_SAMPLES at once. The seed is fixed, so the same overrides always show the same numbers.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { quickUncertainty, type IndicatorUncertainty, type UncertainAssumption, type UncertaintyResult } from '../../engine/uncertainty/sample.js';
import type { ModelResult } from '../../engine/types.js';
import { CesuanError } from '../../model/errors.js';
import type { Scenario } from './use-scenario.js';

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

export type ToggleOutcome =
  | { status: 'on'; distributions: number; samples: number }
  | { status: 'off' }
  | { status: 'none' }
  | { status: 'error'; message: string };

export interface Uncertainty {
  view: UncertaintyView;
  toggle: () => ToggleOutcome;
}

const OFF: UncertaintyView = { status: 'off' };

interface Computed {
  /** the evaluation it belongs to: a new result means the overrides (or the scenario) changed */
  for: ModelResult;
  reference: Scenario['reference'];
  samples: number;
  view: UncertaintyView;
}

function messageOf(err: unknown): string {
  if (err instanceof CesuanError) return err.line;
  return err instanceof Error ? err.message : String(err);
}

function compute(sc: Scenario, samples: number): Computed {
  const base = { for: sc.result, reference: sc.reference, samples };
  try {
    const run = quickUncertainty(sc.model, sc.overrides, { scenario: sc.reference, samples, seed: UNCERTAINTY_SEED });
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

export function useUncertainty(sc: Scenario): Uncertainty {
  const [enabled, setEnabled] = useState(false);
  const enabledRef = useRef(enabled);
  /** the last FULL_SAMPLES run (kept only while it matches the current evaluation) */
  const [full, setFull] = useState<Computed | null>(null);
  const latest = useRef(sc);
  latest.current = sc;

  const shown = useMemo((): Computed | null => {
    if (!enabled) return null;
    if (full && full.for === sc.result && full.reference === sc.reference) return full;
    return compute(sc, QUICK_SAMPLES);
    // sc.model and sc.overrides change only together with sc.result
  }, [enabled, sc.result, sc.reference, full]);

  // refine once the changes stop; every new change restarts the wait
  useEffect(() => {
    if (!shown || shown.samples >= FULL_SAMPLES || shown.view.status === 'error') return;
    const timer = setTimeout(() => setFull(compute(latest.current, FULL_SAMPLES)), REFINE_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  const toggle = useCallback((): ToggleOutcome => {
    if (enabledRef.current) {
      enabledRef.current = false;
      setEnabled(false);
      setFull(null);
      return { status: 'off' };
    }
    const c = compute(latest.current, FULL_SAMPLES);
    if (c.view.status !== 'on') return c.view.status === 'error' ? c.view : { status: 'none' };
    enabledRef.current = true;
    setEnabled(true);
    setFull(c);
    return { status: 'on', distributions: c.view.bands.run.assumptions.length, samples: FULL_SAMPLES };
  }, []);

  return { view: shown ? shown.view : OFF, toggle };
}
