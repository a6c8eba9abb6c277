/**
 * The TUI's model–update–view core: `update(state, action, ctx) → state`, pure. The state holds the
 * scenario being explored (overrides, basis switches, its evaluated result), the undo/redo stacks, the view,
 * the selection, the mode and the message. Work that touches the outside world (files, quitting, sampling)
 * is asked for in `state.effects`; the shell (hooks/use-app-state.ts) runs it and feeds the outcome back as
 * an action. The engine is reached through `ctx.engine`, a deterministic function of the scenario.
 */
import type { Overrides } from '../engine/graph/evaluate.js';
import type { SolveOutcome } from '../engine/planning/solve.js';
import type { AssumptionState, IndicatorResult, ModelResult } from '../engine/types.js';
import type { LoadedModel, LoadedScenario } from '../model/load.js';
import { FitInputError, fitFigure } from '../engine/planning/fit.js';
import { formatIn, formatSigned } from '../report/numbers.js';
import { targetText } from '../report/results.js';
import { stepValue, typedValue, type EditOutcome } from './assumption-edit.js';
import { formatAssumption, formatIndicator } from './format.js';
import { assumptionOrder, findIndex, indicatorAssumptions, indicatorOrder, overviewRows, type OverviewRow } from './order.js';
import type { ScenarioEntry } from './scenario-file.js';
import type { Strings, View } from './strings.js';

export type ListView = 'overview' | 'assumptions' | 'compare';
export const LIST_VIEWS: ListView[] = ['overview', 'assumptions', 'compare'];

/** What a scenario file says: the overrides and the basis switches (indicator → derivation). */
export interface Doc {
  overrides: Overrides;
  primary: Record<string, string>;
}

export interface ScenarioSource {
  name: string;
  file: string;
  /** fields of a loaded scenario the TUI does not edit, written back on save */
  extra: Record<string, unknown>;
}

/** Another scenario shown beside the current one in the compare view. */
export interface CompareColumn {
  name: string;
  file: string;
  result: ModelResult;
}

/** Everything undo restores: the scenario, its result, where it came from, and what is saved. */
export interface Work {
  doc: Doc;
  result: ModelResult;
  /** the doc as last saved or loaded (dirty when it differs) */
  saved: Doc;
  source: ScenarioSource | undefined;
  /** the scenario opened or loaded: its `uncertain:` adds distributions, its `set:` is the reference point */
  reference: Pick<LoadedScenario, 'spec'> | undefined;
  compare: CompareColumn[];
}

export type Mode =
  | { kind: 'normal' }
  | { kind: 'typing'; key: string; buffer: string }
  | { kind: 'prompt'; purpose: 'save' | 'find'; buffer: string }
  | { kind: 'confirm'; purpose: 'overwrite'; name: string }
  | { kind: 'confirm'; purpose: 'apply'; key: string; value: number }
  | { kind: 'confirm'; purpose: 'quit' | 'discard' | 'resetAll' }
  | { kind: 'picker'; entries: ScenarioEntry[]; index: number; marked: number[] }
  /** `scroll`: first shown row of the help text */
  | { kind: 'help'; scroll: number };

export interface Message {
  text: string;
  tone: 'info' | 'warn' | 'error';
}

export interface DetailState {
  indicator: string;
  /** index into the indicator's assumptions */
  assumption: number;
  /** first shown line of the derivations */
  scroll: number;
  /** the year-by-year chart instead of the derivations */
  chart: boolean;
}

export type Effect =
  | { kind: 'save'; name: string; overwrite: boolean }
  | { kind: 'list' }
  | { kind: 'load'; paths: string[] }
  | { kind: 'uncertainty' }
  | { kind: 'exit' };

export interface State {
  work: Work;
  undo: Work[];
  redo: Work[];
  view: View;
  /** the list view that Esc returns to from the detail */
  back: ListView;
  /** overview and compare share the indicator selection */
  selected: { overview: number; assumptions: number };
  detail: DetailState | null;
  mode: Mode;
  message: Message | null;
  /** the uncertainty toggle (u) */
  uncertain: boolean;
  /** asked of the shell; it runs them and clears the list */
  effects: Effect[];
}

export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  shift?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

export type SaveResult =
  | { status: 'saved'; file: string; doc: Doc }
  | { status: 'exists'; file: string }
  | { status: 'bad_name' }
  | { status: 'error'; message: string };

export interface LoadedDoc {
  name: string;
  file: string;
  doc: Doc;
  extra: Record<string, unknown>;
  reference: Pick<LoadedScenario, 'spec'>;
  /** for located errors in expression overrides */
  locate?: LoadedScenario['locate'];
}

export type ToggleOutcome =
  | { status: 'on'; distributions: number; samples: number }
  | { status: 'off' }
  | { status: 'none'; suggestion: string | undefined }
  | { status: 'error'; message: string };

export type Action =
  | { type: 'key'; input: string; key: KeyFlags }
  | { type: 'saved'; name: string; outcome: SaveResult }
  | { type: 'listed'; entries: ScenarioEntry[]; dir: string }
  | { type: 'loaded'; scenarios: LoadedDoc[] }
  | { type: 'load_failed'; message: string }
  | { type: 'wrong_model'; file: string; model: string }
  | { type: 'uncertainty'; outcome: ToggleOutcome };

export type SeekOutcome =
  | SolveOutcome
  | { status: 'no_target' | 'no_primary' | 'no_dependency' | 'no_range' | 'fixed' }
  | { status: 'error'; message: string };

/** The model under a scenario, as the engine computes it. Deterministic: same doc, same result. */
export interface Engine {
  /** throws (CesuanError, ExpressionError) when the model cannot be evaluated under the doc */
  evaluate: (doc: Doc, locate?: LoadedScenario['locate']) => ModelResult;
  /** goal seek under the doc, the value rounded in the safe direction at the shown precision */
  seek: (doc: Doc, indicator: string, assumption: string) => SeekOutcome;
}

export interface Layout {
  /** rows of the list body (PgUp/PgDn in lists) */
  pageSize: number;
  /** rows of the detail's scrolling body */
  detailPage: number;
  detailMaxScroll: number;
  helpMaxScroll: number;
}

export interface Ctx {
  model: LoadedModel;
  published: ModelResult;
  strings: Strings;
  engine: Engine;
  layout: Layout;
  /** assumptions marked `fixed: true` (historical facts): not editable, not offered to goal seek */
  fixed: ReadonlySet<string>;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

export const EMPTY_DOC: Doc = { overrides: {}, primary: {} };

export function sameDoc(a: Doc, b: Doc): boolean {
  return sameRecord(a.overrides, b.overrides) && sameRecord(a.primary, b.primary);
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && Object.is(a[k], b[k]));
}

export function isDirty(state: State): boolean {
  return !sameDoc(state.work.doc, state.work.saved);
}

export function initialState(work: Work, view: ListView = 'overview'): State {
  return {
    work,
    undo: [],
    redo: [],
    view,
    back: view,
    selected: { overview: 0, assumptions: 0 },
    detail: null,
    mode: { kind: 'normal' },
    message: null,
    uncertain: false,
    effects: [],
  };
}

// —— derived lists, computed once per result ——

interface Lists {
  rows: OverviewRow[];
  indicators: IndicatorResult[];
  assumptions: AssumptionState[];
}
const listCache = new WeakMap<ModelResult, Map<string, Lists>>();

/** Indicators (grouped, in display order) and assumptions (own first) of a result. */
export function listsOf(result: ModelResult, model: LoadedModel, otherLabel: string): Lists {
  let byLabel = listCache.get(result);
  if (!byLabel) {
    byLabel = new Map();
    listCache.set(result, byLabel);
  }
  let lists = byLabel.get(otherLabel);
  if (!lists) {
    const rows = overviewRows(result, model, otherLabel);
    lists = { rows, indicators: indicatorOrder(rows), assumptions: assumptionOrder(result) };
    byLabel.set(otherLabel, lists);
  }
  return lists;
}

export function detailIndicatorOf(state: State): IndicatorResult | undefined {
  const d = state.detail;
  return d ? state.work.result.indicators.find((i) => i.id === d.indicator) : undefined;
}

export function detailAssumptionsOf(state: State): AssumptionState[] {
  const ind = detailIndicatorOf(state);
  return ind ? indicatorAssumptions(ind, state.work.result) : [];
}

/** A value within floating-point noise of the published one is the published one (no override). */
function samePublished(value: number, published: number): boolean {
  return Math.abs(value - published) <= 1e-12 * Math.max(1, Math.abs(published));
}

/** The derivations an indicator can be driven by: those that compute a number. */
export function bases(ind: IndicatorResult): string[] {
  return ind.derivations.filter((d) => d.formula !== null && d.value !== null && Number.isFinite(d.value)).map((d) => d.id);
}

// —— update ——

export function update(state: State, action: Action, ctx: Ctx): State {
  const s = ctx.strings;
  const next: State = { ...state, message: null, effects: [] };
  const say = (text: string, tone: Message['tone'] = 'info') => {
    next.message = { text, tone };
  };
  const keep = () => {
    next.message = state.message;
  };
  const normal = () => {
    next.mode = { kind: 'normal' };
  };
  const lists = () => listsOf(next.work.result, ctx.model, s.otherGroup);
  const fmt = (a: AssumptionState, v: number) => formatAssumption(v, a.unit);

  /** Replace the work (undoable): evaluate the new doc; on an engine error keep the old one. */
  const commit = (doc: Doc, extra: Partial<Work> = {}, locate?: LoadedScenario['locate']): string | null => {
    let result: ModelResult;
    try {
      result = ctx.engine.evaluate(doc, locate);
    } catch (err) {
      return messageOf(err);
    }
    next.undo = [...next.undo, next.work].slice(-200);
    next.redo = [];
    next.work = { ...next.work, ...extra, doc, result };
    return null;
  };
  const withValue = (key: string, value: number): Doc => {
    const a = next.work.result.assumptions.find((x) => x.id === key);
    const { [key]: _old, ...rest } = next.work.doc.overrides;
    const overrides = a && samePublished(value, a.published) ? rest : { ...rest, [key]: value };
    return { ...next.work.doc, overrides };
  };
  const change = (key: string, outcome: EditOutcome): EditOutcome => {
    if (outcome.status !== 'ok' && outcome.status !== 'clamped') return outcome;
    const doc = withValue(key, outcome.value);
    if (sameDoc(doc, next.work.doc)) return outcome;
    const failed = commit(doc);
    return failed ? { status: 'failed', value: outcome.value, message: failed } : outcome;
  };
  const report = (a: AssumptionState, outcome: EditOutcome): boolean => {
    switch (outcome.status) {
      case 'ok':
        say(s.msg.set(a.label, fmt(a, outcome.value)));
        return true;
      case 'clamped':
        say(outcome.bound === 'max' ? s.msg.atMax(fmt(a, outcome.value)) : s.msg.atMin(fmt(a, outcome.value)), 'warn');
        return true;
      case 'out_of_range':
        say(s.msg.outOfRange(fmt(a, outcome.value), fmt(a, outcome.range[0]), fmt(a, outcome.range[1])), 'error');
        return false;
      case 'not_a_number':
        say(s.msg.notANumber(outcome.text), 'error');
        return false;
      case 'failed':
        say(s.msg.evalFailed(fmt(a, outcome.value), outcome.message), 'error');
        return false;
    }
  };
  const selectedAssumption = (): AssumptionState | undefined => {
    if (next.view === 'assumptions') return lists().assumptions[next.selected.assumptions];
    if (next.view === 'detail' && next.detail) return detailAssumptionsOf(next)[next.detail.assumption];
    return undefined;
  };
  const openDetail = (ind: IndicatorResult | undefined) => {
    if (!ind) return;
    if (next.view !== 'detail') next.back = next.view as ListView;
    next.view = 'detail';
    next.detail = { indicator: ind.id, assumption: 0, scroll: 0, chart: next.detail?.chart ?? false };
  };
  const switchView = (dir: 1 | -1) => {
    const from = next.view === 'detail' ? next.back : (next.view as ListView);
    const to = LIST_VIEWS[(LIST_VIEWS.indexOf(from) + dir + LIST_VIEWS.length) % LIST_VIEWS.length]!;
    next.view = to;
    next.back = to;
  };
  const restore = (from: 'undo' | 'redo') => {
    const stack = next[from];
    const other = from === 'undo' ? 'redo' : 'undo';
    const work = stack[stack.length - 1];
    if (!work) {
      say(from === 'undo' ? s.msg.nothingToUndo : s.msg.nothingToRedo);
      return;
    }
    next[from] = stack.slice(0, -1);
    next[other] = [...next[other], next.work];
    next.work = work;
    say(from === 'undo' ? s.msg.undone : s.msg.redone);
  };
  const seekMessage = (ind: IndicatorResult, a: AssumptionState, outcome: SeekOutcome) => {
    switch (outcome.status) {
      case 'solved':
        next.mode = { kind: 'confirm', purpose: 'apply', key: a.id, value: outcome.value };
        say(s.msg.seekSolved(a.label, fmt(a, outcome.value), formatIndicator(outcome.projection, ind.unit), targetText(ind)));
        return;
      case 'no_solution':
        say(
          s.msg.seekNone(
            fmt(a, outcome.range[0]),
            fmt(a, outcome.range[1]),
            formatIndicator(outcome.projections[0], ind.unit),
            formatIndicator(outcome.projections[1], ind.unit),
            targetText(ind),
          ),
          'warn',
        );
        return;
      case 'no_target':
        say(s.msg.seekNoTarget, 'warn');
        return;
      case 'no_primary':
        say(s.msg.seekNoPrimary, 'warn');
        return;
      case 'no_dependency':
        say(s.msg.seekNoDependency(a.label), 'warn');
        return;
      case 'no_range':
        say(s.msg.seekNoRange(a.label), 'warn');
        return;
      case 'fixed':
        say(s.msg.fixed(a.label), 'warn');
        return;
      case 'error':
        say(s.msg.seekFailed(outcome.message), 'error');
        return;
    }
  };
  const find = (text: string) => {
    const { indicators, assumptions } = lists();
    const tryIndicators = () => {
      const i = findIndex(indicators, text);
      if (i < 0) return false;
      const view: ListView = next.view === 'compare' ? 'compare' : 'overview';
      next.view = view;
      next.back = view;
      next.selected = { ...next.selected, overview: i };
      return true;
    };
    const tryAssumptions = () => {
      const i = findIndex(assumptions, text);
      if (i < 0) return false;
      next.view = 'assumptions';
      next.back = 'assumptions';
      next.selected = { ...next.selected, assumptions: i };
      return true;
    };
    const found = next.view === 'assumptions' ? tryAssumptions() || tryIndicators() : tryIndicators() || tryAssumptions();
    if (!found) say(s.msg.notFound(text), 'warn');
  };
  const resetAll = () => {
    const failed = commit({ overrides: {}, primary: {} });
    say(failed ?? s.msg.resetAll, failed ? 'error' : 'info');
  };

  // —— outcomes of effects ——
  switch (action.type) {
    case 'saved': {
      const o = action.outcome;
      switch (o.status) {
        case 'saved':
          normal();
          next.work = {
            ...next.work,
            saved: o.doc,
            source: { name: action.name.trim(), file: o.file, extra: next.work.source?.extra ?? {} },
          };
          say(s.msg.saved(o.file));
          break;
        case 'exists':
          next.mode = { kind: 'confirm', purpose: 'overwrite', name: action.name };
          say(s.msg.exists(o.file), 'warn');
          break;
        case 'bad_name':
          next.mode = { kind: 'prompt', purpose: 'save', buffer: action.name };
          say(s.msg.badName, 'error');
          break;
        case 'error':
          normal();
          say(s.msg.saveFailed(o.message), 'error');
          break;
      }
      return next;
    }
    case 'listed':
      if (action.entries.length) {
        const index = Math.max(
          0,
          action.entries.findIndex((e) => e.file === next.work.source?.file),
        );
        next.mode = { kind: 'picker', entries: action.entries, index, marked: [] };
      } else say(s.msg.noScenarios(action.dir), 'warn');
      return next;
    case 'loaded': {
      const [first, ...others] = action.scenarios;
      if (!first) return next;
      const columns: CompareColumn[] = [];
      for (const o of others) {
        try {
          columns.push({ name: o.name, file: o.file, result: ctx.engine.evaluate(o.doc, o.locate) });
        } catch (err) {
          say(s.msg.loadFailed(`${o.file}: ${messageOf(err)}`), 'error');
          return next;
        }
      }
      const failed = commit(
        first.doc,
        {
          saved: first.doc,
          source: { name: first.name, file: first.file, extra: first.extra },
          reference: first.reference,
          compare: columns,
        },
        first.locate,
      );
      if (failed) {
        say(s.msg.loadFailed(failed), 'error');
        return next;
      }
      next.view = 'compare';
      next.back = 'compare';
      next.detail = null;
      say(s.msg.loaded(action.scenarios.map((x) => x.name).join('、')));
      return next;
    }
    case 'load_failed':
      say(s.msg.loadFailed(action.message), 'error');
      return next;
    case 'wrong_model':
      say(s.msg.wrongModel(action.file, action.model), 'error');
      return next;
    case 'uncertainty': {
      const o = action.outcome;
      switch (o.status) {
        case 'on':
          next.uncertain = true;
          say(s.uncertainty.on(o.distributions, o.samples));
          break;
        case 'off':
          next.uncertain = false;
          say(s.uncertainty.off);
          break;
        case 'none':
          say(s.uncertainty.none(o.suggestion), 'warn');
          break;
        case 'error':
          say(s.uncertainty.failed(o.message), 'error');
          break;
      }
      return next;
    }
    case 'key':
      break;
  }

  const { input, key } = action;
  const mode = next.mode;
  if (mode.kind === 'help') {
    // the arrows scroll a help longer than the screen; any other key returns
    const max = ctx.layout.helpMaxScroll;
    const page = Math.max(1, ctx.layout.pageSize - 1);
    if (max > 0 && (key.downArrow || input === 'j')) next.mode = { ...mode, scroll: clamp(mode.scroll + 1, 0, max) };
    else if (max > 0 && (key.upArrow || input === 'k')) next.mode = { ...mode, scroll: clamp(mode.scroll - 1, 0, max) };
    else if (max > 0 && (key.pageDown || input === ' ')) next.mode = { ...mode, scroll: clamp(mode.scroll + page, 0, max) };
    else if (max > 0 && key.pageUp) next.mode = { ...mode, scroll: clamp(mode.scroll - page, 0, max) };
    else normal();
    return next;
  }
  if (mode.kind === 'typing' || mode.kind === 'prompt') {
    if (key.escape) {
      normal();
      say(s.msg.cancelled);
    } else if (key.backspace || key.delete) {
      next.mode = { ...mode, buffer: [...mode.buffer].slice(0, -1).join('') };
      keep();
    } else if (key.return) {
      normal();
      if (mode.kind === 'typing') {
        const a = next.work.result.assumptions.find((x) => x.id === mode.key);
        // a refused value closes the prompt too: the next key is a command again, never part of a number
        if (a) report(a, change(mode.key, typedValue(a, mode.buffer)));
      } else if (mode.purpose === 'save') {
        next.effects = [{ kind: 'save', name: mode.buffer, overwrite: false }];
        next.mode = mode;
      } else find(mode.buffer);
    } else if (isPrintable(input, key)) {
      next.mode = { ...mode, buffer: mode.buffer + input };
      keep();
    } else keep();
    return next;
  }
  if (mode.kind === 'confirm') {
    normal();
    const yes = input === 'y' || input === 'Y';
    switch (mode.purpose) {
      case 'overwrite':
        if (yes) next.effects = [{ kind: 'save', name: mode.name, overwrite: true }];
        else say(s.msg.cancelled);
        break;
      case 'apply': {
        const a = next.work.result.assumptions.find((x) => x.id === mode.key);
        if (yes && a) {
          const outcome = change(mode.key, { status: 'ok', value: mode.value });
          if (outcome.status === 'failed') say(s.msg.evalFailed(fmt(a, mode.value), outcome.message), 'error');
          else say(s.msg.applied(a.label, fmt(a, mode.value)));
        } else say(s.msg.cancelled);
        break;
      }
      case 'quit':
        if (input === 'q' || yes) next.effects = [{ kind: 'exit' }];
        else if (input === 's') next.mode = { kind: 'prompt', purpose: 'save', buffer: next.work.source?.name ?? '' };
        else say(s.msg.cancelled);
        break;
      case 'discard':
        if (yes) next.effects = [{ kind: 'list' }];
        else say(s.msg.cancelled);
        break;
      case 'resetAll':
        if (yes) resetAll();
        else say(s.msg.cancelled);
        break;
    }
    return next;
  }
  if (mode.kind === 'picker') {
    if (key.escape) {
      normal();
      say(s.msg.cancelled);
    } else if (key.upArrow || input === 'k') {
      next.mode = { ...mode, index: clamp(mode.index - 1, 0, mode.entries.length - 1) };
    } else if (key.downArrow || input === 'j') {
      next.mode = { ...mode, index: clamp(mode.index + 1, 0, mode.entries.length - 1) };
    } else if (input === ' ') {
      // space marks several scenarios to compare side by side
      const marked = mode.marked.includes(mode.index) ? mode.marked.filter((i) => i !== mode.index) : [...mode.marked, mode.index];
      next.mode = { ...mode, marked };
    } else if (key.return) {
      normal();
      const picked = mode.marked.length ? mode.marked : [mode.index];
      const paths = picked.flatMap((i) => (mode.entries[i] ? [mode.entries[i]!.path] : []));
      if (paths.length) next.effects = [{ kind: 'load', paths }];
    } else keep();
    return next;
  }

  // —— normal mode ——
  const a = selectedAssumption();
  const steps = (key.shift ? 10 : 1) * (key.rightArrow ? 1 : -1);
  const fixedA = a && ctx.fixed.has(a.id);
  if (input === '?') {
    next.mode = { kind: 'help', scroll: 0 };
  } else if (input === 'q') {
    if (isDirty(next)) {
      next.mode = { kind: 'confirm', purpose: 'quit' };
      say(s.msg.quitUnsaved, 'warn');
    } else next.effects = [{ kind: 'exit' }];
  } else if (input === 'z' && !key.ctrl) {
    restore('undo');
  } else if (input === 'Z' || (input === 'y' && key.ctrl)) {
    restore('redo');
  } else if (key.tab) {
    switchView(key.shift ? -1 : 1);
  } else if (input === 'u') {
    next.effects = [{ kind: 'uncertainty' }];
    keep();
  } else if (input === 'c') {
    const to: ListView = next.view === 'compare' ? 'overview' : 'compare';
    next.view = to;
    next.back = to;
  } else if (input === '/') {
    next.mode = { kind: 'prompt', purpose: 'find', buffer: '' };
  } else if (input === 's') {
    next.mode = { kind: 'prompt', purpose: 'save', buffer: next.work.source?.name ?? '' };
  } else if (input === 'l') {
    if (isDirty(next)) {
      next.mode = { kind: 'confirm', purpose: 'discard' };
      say(s.msg.discardUnsaved, 'warn');
    } else next.effects = [{ kind: 'list' }];
  } else if (input === 'R') {
    if (Object.keys(next.work.doc.overrides).length || Object.keys(next.work.doc.primary).length) {
      next.mode = { kind: 'confirm', purpose: 'resetAll' };
      say(s.msg.resetAllAsk, 'warn');
    } else say(s.msg.nothingToReset);
  } else if (input === 'r') {
    if (!a) say(s.msg.notEditable, 'warn');
    else if (!(a.id in next.work.doc.overrides)) say(s.msg.reset(a.label, fmt(a, a.published)));
    else {
      const { [a.id]: _gone, ...rest } = next.work.doc.overrides;
      const failed = commit({ ...next.work.doc, overrides: rest });
      say(failed ?? s.msg.reset(a.label, fmt(a, a.published)), failed ? 'error' : 'info');
    }
  } else if (key.leftArrow || key.rightArrow) {
    if (!a) say(s.msg.notEditable, 'warn');
    else if (fixedA) say(s.msg.fixed(a.label), 'warn');
    else report(a, change(a.id, stepValue(a, steps)));
  } else if (a && (/^[0-9.+-]/.test(input) || input === '=' || key.return)) {
    if (fixedA) say(s.msg.fixed(a.label), 'warn');
    else next.mode = { kind: 'typing', key: a.id, buffer: /^[0-9.+-]/.test(input) ? input : '' };
  } else if (input === 'g' && next.view === 'detail') {
    const ind = detailIndicatorOf(next);
    if (ind && a) seekMessage(ind, a, fixedA ? { status: 'fixed' } : ctx.engine.seek(next.work.doc, ind.id, a.id));
    else if (ind) say(s.msg.seekNoDependency(s.none), 'warn');
  } else if (input === 'b' && next.view === 'detail') {
    // make the next derivation that computes a number the primary one (the driving basis)
    const ind = detailIndicatorOf(next);
    const ids = ind ? bases(ind) : [];
    if (!ind || ids.length < 2) say(s.msg.oneBasis, 'warn');
    else {
      const to = ids[(ids.indexOf(ind.primary ?? '') + 1) % ids.length]!;
      const modelPrimary = ctx.published.indicators.find((i) => i.id === ind.id)?.primary;
      const { [ind.id]: _old, ...rest } = next.work.doc.primary;
      const primary = to === modelPrimary ? rest : { ...rest, [ind.id]: to };
      const failed = commit({ ...next.work.doc, primary });
      const label = ind.derivations.find((d) => d.id === to)?.label ?? to;
      say(failed ?? s.msg.basis(label), failed ? 'error' : 'info');
    }
  } else if (input === 'f' && next.view === 'detail') {
    // the search of `cesuan fit` for this indicator's figure: hypotheses for the message line, the work untouched
    const ind = detailIndicatorOf(next);
    if (ind) {
      try {
        const fit = fitFigure(ctx.model, next.work.result, ind.id);
        const best = fit.candidates[0] ?? fit.nearest[0];
        const text = (c: NonNullable<typeof best>) => `${c.formula} = ${formatIn(c.value, fit.figure.unit)}`;
        const figure = `${fit.figure.label} ${formatIn(fit.figure.value, fit.figure.unit)}`;
        if (fit.candidates.length > 0 && best)
          say(s.msg.fitFound(figure, fit.candidates.length, text(best), formatSigned(best.difference, fit.figure.unit)));
        else say(s.msg.fitNone(figure, best ? text(best) : '—', best ? formatSigned(best.difference, fit.figure.unit) : '—'), 'warn');
      } catch (err) {
        if (!(err instanceof FitInputError)) throw err;
        say(s.msg.fitNoFigure, 'warn');
      }
    }
  } else if (input === 'v' && next.view === 'detail' && next.detail) {
    next.detail = { ...next.detail, chart: !next.detail.chart, scroll: 0 };
  } else if (next.view === 'detail') {
    const d = next.detail!;
    const count = detailAssumptionsOf(next).length;
    const page = Math.max(1, ctx.layout.detailPage - 1);
    if (key.escape || key.backspace || key.delete) {
      next.view = next.back;
      next.detail = null;
    } else if (key.upArrow || input === 'k') next.detail = { ...d, assumption: clamp(d.assumption - 1, 0, Math.max(0, count - 1)) };
    else if (key.downArrow || input === 'j') next.detail = { ...d, assumption: clamp(d.assumption + 1, 0, Math.max(0, count - 1)) };
    else if (key.pageDown || input === ' ') next.detail = { ...d, scroll: clamp(d.scroll + page, 0, ctx.layout.detailMaxScroll) };
    else if (key.pageUp) next.detail = { ...d, scroll: clamp(d.scroll - page, 0, ctx.layout.detailMaxScroll) };
    else if (key.home) next.detail = { ...d, scroll: 0 };
    else if (key.end) next.detail = { ...d, scroll: ctx.layout.detailMaxScroll };
  } else {
    const view = next.view as ListView;
    const { indicators, assumptions } = lists();
    const list = view === 'assumptions' ? 'assumptions' : 'overview';
    const count = view === 'assumptions' ? assumptions.length : indicators.length;
    const at = next.selected[list];
    const move = (to: number) => {
      next.selected = { ...next.selected, [list]: clamp(to, 0, Math.max(0, count - 1)) };
    };
    if (key.upArrow || input === 'k') move(at - 1);
    else if (key.downArrow || input === 'j') move(at + 1);
    else if (key.pageUp) move(at - ctx.layout.pageSize);
    else if (key.pageDown) move(at + ctx.layout.pageSize);
    else if (key.home) move(0);
    else if (key.end) move(count - 1);
    else if (key.return && view !== 'assumptions') openDetail(indicators[at]);
  }
  return next;
}

export function isPrintable(input: string, key: KeyFlags): boolean {
  return input.length > 0 && !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !/[\u0000-\u001f\u007f]/.test(input);
}

export function messageOf(err: unknown): string {
  if (err && typeof err === 'object' && 'line' in err && typeof (err as { line: unknown }).line === 'string')
    return (err as { line: string }).line;
  return err instanceof Error ? err.message : String(err);
}

/** A key as ink-less callers write it: `press('q')`, `press('', { downArrow: true })`. */
export function press(input: string, key: KeyFlags = {}): Action {
  return { type: 'key', input, key };
}
