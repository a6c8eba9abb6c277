/**
 * The shell around the pure update function (../update.ts): holds the state, turns ink's keys into actions,
 * runs the effects update asks for (save, list, load, the uncertainty check, quit) and feeds their outcomes
 * back as actions — synchronously, so the keys of one paste ("s", "name", Enter, "y") see each outcome.
 */
import { resolve } from 'node:path';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useInput, type Key } from 'ink';
import { quickUncertainty } from '../../engine/uncertainty/sample.js';
import { displayPath, loadScenario, type LoadedModel, type LoadedScenario } from '../../model/load.js';
import { withPrimary } from '../../model/primary.js';
import { TuiEngine, loadedDoc, workFor } from '../engine.js';
import { formatAssumption } from '../format.js';
import {
  listScenarioDirs,
  modelRefFor,
  scenarioPath,
  scenarioSlug,
  scenarioYaml,
  uncertainScenarioFor,
  writeScenario,
} from '../scenario-file.js';
import type { Strings } from '../strings.js';
import {
  initialState,
  messageOf,
  update,
  type Action,
  type Ctx,
  type Effect,
  type KeyFlags,
  type Layout,
  type ListView,
  type LoadedDoc,
  type SaveResult,
  type State,
  type ToggleOutcome,
  type Work,
} from '../update.js';
import { FULL_SAMPLES, UNCERTAINTY_SEED } from './use-uncertainty.js';

export interface AppStateInput {
  model: LoadedModel;
  /** the first is the scenario explored; the others are shown beside it in the compare view */
  scenarios: LoadedScenario[];
  strings: Strings;
  /** where `s` saves (and `l` looks first) */
  saveDir: string;
  /** every folder `l` lists */
  listDirs: string[];
  layout: Layout;
  exit: () => void;
}

export interface AppState {
  state: State;
  engine: TuiEngine;
  ctx: Ctx;
  dispatch: (action: Action) => void;
}

export function useAppState(input: AppStateInput): AppState {
  const engine = useMemo(() => new TuiEngine(input.model), [input.model]);
  const published = useMemo(() => engine.evaluate({ overrides: {}, primary: {} }), [engine]);
  const [state, setState] = useState<State>(() =>
    initialState(workFor(engine, input.scenarios), input.scenarios.length ? 'compare' : 'overview'),
  );
  const current = useRef(state);
  const latest = useRef(input);
  latest.current = input;

  const ctx: Ctx = { model: input.model, published, strings: input.strings, engine, layout: input.layout, fixed: engine.fixed };
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;

  const run = useCallback((effect: Effect, s: State): Action | null => {
    const p = latest.current;
    switch (effect.kind) {
      case 'exit':
        p.exit();
        return null;
      case 'save':
        return { type: 'saved', name: effect.name, outcome: save(p, s.work, effect.name, effect.overwrite) };
      case 'list': {
        const entries = listScenarioDirs(p.listDirs);
        return { type: 'listed', entries, dir: p.listDirs.map((d) => displayPath(d)).join('、') };
      }
      case 'load': {
        const loaded: LoadedDoc[] = [];
        for (const path of effect.paths) {
          try {
            const scenario = loadScenario(path);
            const base = scenario.published ?? scenario.model;
            if (resolve(base.file) !== resolve(p.model.file) && base.spec.id !== p.model.spec.id)
              return { type: 'wrong_model', file: scenario.file, model: scenario.spec.model };
            loaded.push(loadedDoc(scenario));
          } catch (err) {
            return { type: 'load_failed', message: messageOf(err) };
          }
        }
        return { type: 'loaded', scenarios: loaded };
      }
      case 'uncertainty':
        return { type: 'uncertainty', outcome: toggle(p, s) };
    }
  }, []);

  const dispatch = useCallback(
    (action: Action) => {
      let s = update(current.current, action, ctxRef.current);
      // effects may ask for more effects (a save that finds the file exists asks; it does not write)
      for (let guard = 0; s.effects.length && guard < 8; guard++) {
        const effects = s.effects;
        s = { ...s, effects: [] };
        for (const e of effects) {
          const outcome = run(e, s);
          if (outcome) s = update(s, outcome, ctxRef.current);
          else if (e.kind === 'exit') {
            current.current = s;
            return;
          }
        }
      }
      current.current = s;
      setState(s);
    },
    [run],
  );

  // a paste or a fast tmux send-keys arrives as one string ("2.5\r"): take it key by key
  useInput(
    useCallback(
      (text: string, key: Key) => {
        if ([...text].length > 1 && !text.startsWith('\u001b')) {
          for (const ch of text) dispatch({ type: 'key', input: ch, key: keyOf(ch) });
        } else dispatch({ type: 'key', input: text, key: flags(key) });
      },
      [dispatch],
    ),
  );

  return { state, engine, ctx, dispatch };
}

function save(p: AppStateInput, work: Work, name: string, overwrite: boolean): SaveResult {
  const slug = scenarioSlug(name);
  if (!slug) return { status: 'bad_name' };
  const path = scenarioPath(p.saveDir, slug);
  const comments: Record<string, string> = {};
  for (const key of Object.keys(work.doc.overrides)) {
    const a = work.result.assumptions.find((x) => x.id === key);
    if (a) comments[key] = `${a.label}（published ${formatAssumption(a.published, a.unit)}）`;
  }
  try {
    const text = scenarioYaml({
      model: modelRefFor(p.model, resolve(path)),
      name: name.trim(),
      set: work.doc.overrides,
      primary: work.doc.primary,
      comments,
      extra: work.source?.extra ?? {},
      header: `cesuan scenario, saved from \`cesuan tui\`\nrerun: cesuan run ${displayPath(resolve(path))}`,
    });
    const outcome = writeScenario(p.saveDir, slug, text, overwrite);
    return outcome.status === 'saved' ? { ...outcome, doc: work.doc } : outcome;
  } catch (err) {
    return { status: 'error', message: messageOf(err) };
  }
}

function toggle(p: AppStateInput, s: State): ToggleOutcome {
  if (s.uncertain) return { status: 'off' };
  try {
    const model = withPrimary(p.model, s.work.doc.primary);
    const run = quickUncertainty(model, s.work.doc.overrides, {
      scenario: s.work.reference,
      samples: FULL_SAMPLES,
      seed: UNCERTAINTY_SEED,
    });
    if (!run.assumptions.length)
      return { status: 'none', suggestion: p.listDirs.map((d) => uncertainScenarioFor(d, p.model)?.file).find(Boolean) };
    return { status: 'on', distributions: run.assumptions.length, samples: FULL_SAMPLES };
  } catch (err) {
    return { status: 'error', message: messageOf(err) };
  }
}

function flags(key: Key): KeyFlags {
  return {
    upArrow: key.upArrow,
    downArrow: key.downArrow,
    leftArrow: key.leftArrow,
    rightArrow: key.rightArrow,
    pageUp: key.pageUp,
    pageDown: key.pageDown,
    home: key.home,
    end: key.end,
    return: key.return,
    escape: key.escape,
    tab: key.tab,
    backspace: key.backspace,
    delete: key.delete,
    shift: key.shift,
    ctrl: key.ctrl,
    meta: key.meta,
  };
}

function keyOf(ch: string): KeyFlags {
  return { return: ch === '\r' || ch === '\n', tab: ch === '\t', backspace: ch === '\b' || ch === '\u007f', shift: /^[A-Z]$/.test(ch) };
}

export type { ListView };
