/**
 * The scenario being explored: an Evaluator under the user's overrides, the published model to compare
 * against, and the actions on them (step, type, reset, goal seek, save, load). Each action changes the
 * evaluator (which recomputes only what depends on the changed assumption) and publishes a new result.
 */
import { resolve } from 'node:path';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Evaluator, type Overrides } from '../../engine/graph/evaluate.js';
import { solveWith, type SolveOutcome } from '../../engine/planning/solve.js';
import type { AssumptionState, ModelResult } from '../../engine/types.js';
import { CesuanError } from '../../model/errors.js';
import { displayPath, loadScenario, type LoadedModel, type LoadedScenario } from '../../model/load.js';
import { stepValue, typedValue, type EditOutcome } from '../assumption-edit.js';
import { formatAssumption } from '../format.js';
import { modelRefFor, scenarioPath, scenarioSlug, scenarioYaml, writeScenario, type SaveOutcome } from '../scenario-file.js';

export type SeekOutcome =
  | SolveOutcome
  | { status: 'no_target' | 'no_primary' | 'no_dependency' | 'no_range' }
  | { status: 'error'; message: string };

export type SaveResult = SaveOutcome | { status: 'bad_name' } | { status: 'error'; message: string };

export type LoadResult =
  | { status: 'loaded'; name: string; file: string }
  | { status: 'wrong_model'; file: string; model: string }
  | { status: 'error'; message: string };

export interface ScenarioSource {
  name: string;
  file: string;
  /** fields of a loaded scenario the TUI does not edit, written back on save */
  extra: Record<string, unknown>;
}

export interface Scenario {
  model: LoadedModel;
  result: ModelResult;
  published: ModelResult;
  /** the loaded or last saved scenario */
  source: ScenarioSource | undefined;
  /**
   * The scenario opened or loaded (not changed by saving): its `set:` is the reference point and its
   * `uncertain:` adds distributions for the uncertainty bands (useUncertainty).
   */
  reference: Pick<LoadedScenario, 'spec'> | undefined;
  overrides: Overrides;
  /** overrides differ from the last saved or loaded ones */
  dirty: boolean;
  /** the same, current even between keys of one paste */
  isDirty: () => boolean;
  hasOverrides: () => boolean;
  assumption: (key: string) => AssumptionState | undefined;
  step: (key: string, steps: number) => EditOutcome;
  type: (key: string, text: string) => EditOutcome;
  /** these return an error message when the engine could not evaluate (the change is then undone) */
  apply: (key: string, value: number) => string | null;
  reset: (key: string) => string | null;
  resetAll: () => string | null;
  goalSeek: (indicator: string, assumption: string) => SeekOutcome;
  save: (name: string, overwrite: boolean) => SaveResult;
  load: (path: string) => LoadResult;
}

function message(err: unknown): string {
  if (err instanceof CesuanError) return err.line;
  return err instanceof Error ? err.message : String(err);
}

function sameOverrides(a: Overrides, b: Overrides): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && Object.is(a[k], b[k]));
}

function sourceOf(scenario: LoadedScenario): ScenarioSource {
  const { model: _model, name, set: _set, ...rest } = scenario.spec;
  const extra = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && !Object.keys(v).length)));
  return { name: name ?? scenario.file, file: scenario.file, extra };
}

export function useScenario(model: LoadedModel, initial: LoadedScenario | undefined, scenariosDir: string): Scenario {
  const evaluator = useRef<Evaluator | null>(null);
  if (!evaluator.current) evaluator.current = new Evaluator(model, initial?.spec.set ?? {}, initial ? { locate: initial.locate } : undefined);
  const published = useMemo(() => new Evaluator(model).result(), [model]);
  const [result, setResult] = useState<ModelResult>(() => evaluator.current!.result());
  const [source, setSource] = useState<ScenarioSource | undefined>(() => (initial ? sourceOf(initial) : undefined));
  const [saved, setSaved] = useState<Overrides>(() => ({ ...(initial?.spec.set ?? {}) }));
  const [reference, setReference] = useState<Pick<LoadedScenario, 'spec'> | undefined>(initial);

  // the latest result, readable by several actions within one batch of keys (a paste)
  const current = useRef(result);
  const refresh = useCallback(() => {
    current.current = evaluator.current!.result();
    setResult(current.current);
  }, []);
  const savedRef = useRef(saved);
  savedRef.current = saved;

  const assumption = useCallback((key: string) => current.current.assumptions.find((a) => a.id === key), []);

  /** Run an evaluator change; if the engine throws, put the overrides back as they were. */
  const guarded = useCallback((action: () => void): string | null => {
    const before = evaluator.current!.getOverrides();
    try {
      action();
      return null;
    } catch (err) {
      try {
        evaluator.current!.setAll(before);
      } catch {
        // the previous overrides evaluated before; nothing better to restore
      }
      return message(err);
    } finally {
      refresh();
    }
  }, [refresh]);

  const change = useCallback((key: string, outcome: EditOutcome): EditOutcome => {
    if (outcome.status === 'ok' || outcome.status === 'clamped') {
      const a = assumption(key);
      if (!a || !Object.is(a.value, outcome.value) || !a.overridden) {
        const failed = guarded(() => evaluator.current!.set(key, outcome.value));
        if (failed) return { status: 'failed', value: outcome.value, message: failed };
      }
    }
    return outcome;
  }, [assumption, guarded]);

  const step = useCallback((key: string, steps: number): EditOutcome => {
    const a = assumption(key);
    if (!a) return { status: 'not_a_number', text: key };
    return change(key, stepValue(a, steps));
  }, [assumption, change]);

  const type = useCallback((key: string, text: string): EditOutcome => {
    const a = assumption(key);
    if (!a) return { status: 'not_a_number', text };
    return change(key, typedValue(a, text));
  }, [assumption, change]);

  const apply = useCallback((key: string, value: number) => guarded(() => evaluator.current!.set(key, value)), [guarded]);
  const reset = useCallback((key: string) => guarded(() => evaluator.current!.reset(key)), [guarded]);
  const resetAll = useCallback(() => guarded(() => evaluator.current!.resetAll()), [guarded]);

  const goalSeek = useCallback((indicatorId: string, key: string): SeekOutcome => {
    const ind = current.current.indicators.find((i) => i.id === indicatorId);
    const a = assumption(key);
    if (!ind || !a) return { status: 'error', message: `${indicatorId} / ${key}` };
    if (!ind.primary || ind.projection === null) return { status: 'no_primary' };
    if (!ind.target) return { status: 'no_target' };
    if (!ind.derivations.find((d) => d.id === ind.primary)?.assumptions.includes(key)) return { status: 'no_dependency' };
    if (!a.range) return { status: 'no_range' };
    try {
      return solveWith(evaluator.current!, { indicator: indicatorId, assumption: key });
    } catch (err) {
      return { status: 'error', message: message(err) };
    }
  }, [assumption]);

  const save = useCallback((name: string, overwrite: boolean): SaveResult => {
    const slug = scenarioSlug(name);
    if (!slug) return { status: 'bad_name' };
    const overrides = evaluator.current!.getOverrides();
    const path = scenarioPath(scenariosDir, slug);
    const comments: Record<string, string> = {};
    for (const key of Object.keys(overrides)) {
      const a = assumption(key);
      if (a) comments[key] = `${a.label}（published ${formatAssumption(a.published, a.unit)}）`;
    }
    try {
      const text = scenarioYaml({
        model: modelRefFor(model, resolve(path)),
        name: name.trim(),
        set: overrides,
        comments,
        extra: source?.extra ?? {},
        header: `cesuan scenario, saved from \`cesuan tui\`\nrerun: cesuan run ${displayPath(resolve(path))}`,
      });
      const outcome = writeScenario(scenariosDir, slug, text, overwrite);
      if (outcome.status === 'saved') {
        savedRef.current = overrides;
        setSaved(overrides);
        setSource({ name: name.trim(), file: outcome.file, extra: source?.extra ?? {} });
      }
      return outcome;
    } catch (err) {
      return { status: 'error', message: message(err) };
    }
  }, [assumption, model, scenariosDir, source]);

  const load = useCallback((path: string): LoadResult => {
    try {
      const scenario = loadScenario(path);
      if (resolve(scenario.model.file) !== resolve(model.file) && scenario.model.spec.id !== model.spec.id) {
        return { status: 'wrong_model', file: scenario.file, model: scenario.spec.model };
      }
      const next = new Evaluator(model, scenario.spec.set, { locate: scenario.locate });
      evaluator.current = next;
      const loaded = sourceOf(scenario);
      setSource(loaded);
      setReference(scenario);
      savedRef.current = { ...scenario.spec.set };
      setSaved(savedRef.current);
      refresh();
      return { status: 'loaded', name: loaded.name, file: scenario.file };
    } catch (err) {
      return { status: 'error', message: message(err) };
    }
  }, [model, refresh]);

  const overrides = useMemo(() => evaluator.current!.getOverrides(), [result]);
  const dirty = !sameOverrides(overrides, saved);
  const isDirty = useCallback(() => !sameOverrides(evaluator.current!.getOverrides(), savedRef.current), []);
  const hasOverrides = useCallback(() => Object.keys(evaluator.current!.getOverrides()).length > 0, []);

  return { model, result, published, source, reference, overrides, dirty, isDirty, hasOverrides, assumption, step, type, apply, reset, resetAll, goalSeek, save, load };
}
