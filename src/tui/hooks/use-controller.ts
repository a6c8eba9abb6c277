/**
 * What the keys do: the view, the selection, the mode (typing a value, a prompt, a confirmation, the
 * scenario picker, the help screen) and the message line. Actions on the model go through useScenario.
 */
import { useCallback, useRef, useState } from 'react';
import { useInput, type Key } from 'ink';
import type { AssumptionState, IndicatorResult } from '../../engine/types.js';
import type { EditOutcome } from '../assumption-edit.js';
import { formatAssumption, formatIndicator } from '../format.js';
import { findIndex, indicatorAssumptions } from '../order.js';
import { listScenarios, uncertainScenarioFor, type ScenarioEntry } from '../scenario-file.js';
import type { Strings, View } from '../strings.js';
import { targetText } from '../../report/results.js';
import type { Scenario, SeekOutcome } from './use-scenario.js';
import type { Uncertainty } from './use-uncertainty.js';

export type ListView = 'overview' | 'assumptions' | 'compare';
const LIST_VIEWS: ListView[] = ['overview', 'assumptions', 'compare'];

export type Mode =
  | { kind: 'normal' }
  | { kind: 'typing'; key: string; buffer: string }
  | { kind: 'prompt'; purpose: 'save' | 'find'; buffer: string }
  | { kind: 'confirm'; purpose: 'overwrite'; name: string }
  | { kind: 'confirm'; purpose: 'apply'; key: string; value: number }
  | { kind: 'confirm'; purpose: 'quit' }
  | { kind: 'picker'; entries: ScenarioEntry[]; index: number }
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
}

export interface UiState {
  view: View;
  /** the list view that Esc returns to from the detail */
  back: ListView;
  /** overview and compare share the indicator selection */
  selected: { overview: number; assumptions: number };
  detail: DetailState | null;
  mode: Mode;
  message: Message | null;
}

export interface ControllerInput {
  scenario: Scenario;
  uncertainty: Uncertainty;
  strings: Strings;
  /** in display order */
  indicators: IndicatorResult[];
  assumptions: AssumptionState[];
  scenariosDir: string;
  /** from the last frame: rows of the list body (PgUp/PgDn), how far the detail's derivations and the help scroll */
  layout: { pageSize: number; detailMaxScroll: number; helpMaxScroll: number };
  exit: () => void;
  initialView?: ListView;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

function isPrintable(input: string, key: Key): boolean {
  return input.length > 0 && !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !/[\u0000-\u001f\u007f]/.test(input);
}

export function useController(props: ControllerInput): UiState {
  const [ui, setUi] = useState<UiState>(() => ({
    view: props.initialView ?? 'overview',
    back: props.initialView ?? 'overview',
    selected: { overview: 0, assumptions: 0 },
    detail: null,
    mode: { kind: 'normal' },
    message: null,
  }));
  const state = useRef(ui);
  state.current = ui;
  const latest = useRef(props);
  latest.current = props;

  const handle = useCallback((input: string, key: Key) => {
    const p = latest.current;
    const s = p.strings;
    const sc = p.scenario;
    let next: UiState = { ...state.current, message: null };
    const say = (text: string, tone: Message['tone'] = 'info') => { next.message = { text, tone }; };
    const normal = () => { next.mode = { kind: 'normal' }; };

    const detailIndicator = (): IndicatorResult | undefined =>
      next.detail ? sc.result.indicators.find((i) => i.id === next.detail!.indicator) : undefined;
    const detailAssumptions = (): AssumptionState[] => {
      const ind = detailIndicator();
      return ind ? indicatorAssumptions(ind, sc.result) : [];
    };
    /** the assumption the arrows act on, in the assumptions or the detail view */
    const selectedAssumption = (): AssumptionState | undefined => {
      if (next.view === 'assumptions') return p.assumptions[next.selected.assumptions];
      if (next.view === 'detail' && next.detail) return detailAssumptions()[next.detail.assumption];
      return undefined;
    };
    const fmt = (a: AssumptionState, v: number) => formatAssumption(v, a.unit);
    const report = (a: AssumptionState, outcome: EditOutcome): boolean => {
      switch (outcome.status) {
        case 'ok': say(s.msg.set(a.label, fmt(a, outcome.value))); return true;
        case 'clamped': say(outcome.bound === 'max' ? s.msg.atMax(fmt(a, outcome.value)) : s.msg.atMin(fmt(a, outcome.value)), 'warn'); return true;
        case 'out_of_range': say(s.msg.outOfRange(fmt(a, outcome.value), fmt(a, outcome.range[0]), fmt(a, outcome.range[1])), 'error'); return false;
        case 'not_a_number': say(s.msg.notANumber(outcome.text), 'error'); return false;
        case 'failed': say(s.msg.evalFailed(fmt(a, outcome.value), outcome.message), 'error'); return true;
      }
    };
    const openDetail = (ind: IndicatorResult | undefined) => {
      if (!ind) return;
      if (next.view !== 'detail') next.back = next.view as ListView;
      next.view = 'detail';
      next.detail = { indicator: ind.id, assumption: 0, scroll: 0 };
    };
    const switchView = (dir: 1 | -1) => {
      const from = next.view === 'detail' ? next.back : (next.view as ListView);
      const to = LIST_VIEWS[(LIST_VIEWS.indexOf(from) + dir + LIST_VIEWS.length) % LIST_VIEWS.length]!;
      next.view = to;
      next.back = to;
    };
    const save = (name: string, overwrite: boolean) => {
      const outcome = sc.save(name, overwrite);
      switch (outcome.status) {
        case 'saved': normal(); say(s.msg.saved(outcome.file)); break;
        case 'exists': next.mode = { kind: 'confirm', purpose: 'overwrite', name }; say(s.msg.exists(outcome.file), 'warn'); break;
        case 'bad_name': say(s.msg.badName, 'error'); break;
        case 'error': normal(); say(s.msg.saveFailed(outcome.message), 'error'); break;
      }
    };
    const seekMessage = (ind: IndicatorResult, a: AssumptionState, outcome: SeekOutcome) => {
      switch (outcome.status) {
        case 'solved':
          next.mode = { kind: 'confirm', purpose: 'apply', key: a.id, value: outcome.value };
          say(s.msg.seekSolved(a.label, fmt(a, outcome.value), formatIndicator(outcome.projection, ind.unit), targetText(ind)));
          return;
        case 'no_solution':
          say(s.msg.seekNone(fmt(a, outcome.range[0]), fmt(a, outcome.range[1]), formatIndicator(outcome.projections[0], ind.unit), formatIndicator(outcome.projections[1], ind.unit), targetText(ind)), 'warn');
          return;
        case 'no_target': say(s.msg.seekNoTarget, 'warn'); return;
        case 'no_primary': say(s.msg.seekNoPrimary, 'warn'); return;
        case 'no_dependency': say(s.msg.seekNoDependency(a.label), 'warn'); return;
        case 'no_range': say(s.msg.seekNoRange(a.label), 'warn'); return;
        case 'error': say(s.msg.seekFailed(outcome.message), 'error'); return;
      }
    };
    const find = (text: string) => {
      const inAssumptions = next.view === 'assumptions';
      const tryIndicators = () => {
        const i = findIndex(p.indicators, text);
        if (i < 0) return false;
        const view: ListView = next.view === 'compare' ? 'compare' : 'overview';
        next.view = view;
        next.back = view;
        next.selected = { ...next.selected, overview: i };
        return true;
      };
      const tryAssumptions = () => {
        const i = findIndex(p.assumptions, text);
        if (i < 0) return false;
        next.view = 'assumptions';
        next.back = 'assumptions';
        next.selected = { ...next.selected, assumptions: i };
        return true;
      };
      const found = inAssumptions ? tryAssumptions() || tryIndicators() : tryIndicators() || tryAssumptions();
      if (!found) say(s.msg.notFound(text), 'warn');
    };

    const mode = next.mode;
    // —— modes that take the keyboard ——
    if (mode.kind === 'help') {
      // the arrows scroll a help longer than the screen; any other key returns
      const max = p.layout.helpMaxScroll;
      const page = Math.max(1, p.layout.pageSize - 1);
      if (max > 0 && (key.downArrow || input === 'j')) next.mode = { ...mode, scroll: clamp(mode.scroll + 1, 0, max) };
      else if (max > 0 && (key.upArrow || input === 'k')) next.mode = { ...mode, scroll: clamp(mode.scroll - 1, 0, max) };
      else if (max > 0 && (key.pageDown || input === ' ')) next.mode = { ...mode, scroll: clamp(mode.scroll + page, 0, max) };
      else if (max > 0 && key.pageUp) next.mode = { ...mode, scroll: clamp(mode.scroll - page, 0, max) };
      else normal();
    } else if (mode.kind === 'typing' || mode.kind === 'prompt') {
      if (key.escape) {
        normal();
        say(s.msg.cancelled);
      } else if (key.backspace || key.delete) {
        next.mode = { ...mode, buffer: [...mode.buffer].slice(0, -1).join('') };
        next.message = state.current.message;
      } else if (key.return) {
        if (mode.kind === 'typing') {
          const a = sc.assumption(mode.key);
          if (!a) normal();
          else if (report(a, sc.type(mode.key, mode.buffer))) normal();
        } else if (mode.purpose === 'save') {
          save(mode.buffer, false);
        } else {
          normal();
          find(mode.buffer);
        }
      } else if (isPrintable(input, key)) {
        next.mode = { ...mode, buffer: mode.buffer + input };
        next.message = state.current.message;
      } else {
        next.message = state.current.message;
      }
    } else if (mode.kind === 'confirm') {
      normal();
      const yes = input === 'y' || input === 'Y';
      if (mode.purpose === 'overwrite') {
        if (yes) save(mode.name, true);
        else say(s.msg.cancelled);
      } else if (mode.purpose === 'apply') {
        const a = sc.assumption(mode.key);
        if (yes && a) {
          const failed = sc.apply(mode.key, mode.value);
          if (failed) say(s.msg.evalFailed(fmt(a, mode.value), failed), 'error');
          else say(s.msg.applied(a.label, fmt(a, mode.value)));
        } else say(s.msg.cancelled);
      } else if (input === 'q' || yes) {
        p.exit();
        return;
      } else if (input === 's') {
        next.mode = { kind: 'prompt', purpose: 'save', buffer: sc.source?.name ?? '' };
      }
    } else if (mode.kind === 'picker') {
      if (key.escape) {
        normal();
        say(s.msg.cancelled);
      } else if (key.upArrow || input === 'k') {
        next.mode = { ...mode, index: clamp(mode.index - 1, 0, mode.entries.length - 1) };
      } else if (key.downArrow || input === 'j') {
        next.mode = { ...mode, index: clamp(mode.index + 1, 0, mode.entries.length - 1) };
      } else if (key.return) {
        normal();
        const entry = mode.entries[mode.index];
        if (entry) {
          const outcome = sc.load(entry.path);
          if (outcome.status === 'loaded') {
            next.view = 'compare';
            next.back = 'compare';
            next.detail = null;
            say(s.msg.loaded(outcome.name));
          } else if (outcome.status === 'wrong_model') say(s.msg.wrongModel(outcome.file, outcome.model), 'error');
          else say(s.msg.loadFailed(outcome.message), 'error');
        }
      } else {
        next.message = state.current.message;
      }
    } else {
      // —— normal mode ——
      const a = selectedAssumption();
      const steps = (key.shift ? 10 : 1) * (key.rightArrow ? 1 : -1);
      if (input === '?') {
        next.mode = { kind: 'help', scroll: 0 };
      } else if (input === 'q') {
        if (sc.isDirty()) {
          next.mode = { kind: 'confirm', purpose: 'quit' };
          say(s.msg.quitUnsaved, 'warn');
        } else {
          p.exit();
          return;
        }
      } else if (key.tab) {
        switchView(key.shift ? -1 : 1);
      } else if (input === 'u') {
        const outcome = p.uncertainty.toggle();
        switch (outcome.status) {
          case 'on': say(s.uncertainty.on(outcome.distributions, outcome.samples)); break;
          case 'off': say(s.uncertainty.off); break;
          case 'none': say(s.uncertainty.none(uncertainScenarioFor(p.scenariosDir, sc.model)?.file), 'warn'); break;
          case 'error': say(s.uncertainty.failed(outcome.message), 'error'); break;
        }
      } else if (input === 'c') {
        const to: ListView = next.view === 'compare' ? 'overview' : 'compare';
        next.view = to;
        next.back = to;
      } else if (input === '/') {
        next.mode = { kind: 'prompt', purpose: 'find', buffer: '' };
      } else if (input === 's') {
        next.mode = { kind: 'prompt', purpose: 'save', buffer: sc.source?.name ?? '' };
      } else if (input === 'l') {
        const entries = listScenarios(p.scenariosDir);
        if (entries.length) next.mode = { kind: 'picker', entries, index: Math.max(0, entries.findIndex((e) => e.file === sc.source?.file)) };
        else say(s.msg.noScenarios(p.scenariosDir), 'warn');
      } else if (input === 'R') {
        if (sc.hasOverrides()) {
          const failed = sc.resetAll();
          say(failed ?? s.msg.resetAll, failed ? 'error' : 'info');
        } else say(s.msg.nothingToReset);
      } else if (input === 'r') {
        if (!a) say(s.msg.notEditable, 'warn');
        else {
          const failed = sc.reset(a.id);
          say(failed ?? s.msg.reset(a.label, fmt(a, a.published)), failed ? 'error' : 'info');
        }
      } else if (key.leftArrow || key.rightArrow) {
        if (!a) say(s.msg.notEditable, 'warn');
        else report(a, sc.step(a.id, steps));
      } else if (a && (/^[0-9.+-]/.test(input) || input === '=' || key.return)) {
        next.mode = { kind: 'typing', key: a.id, buffer: /^[0-9.+-]/.test(input) ? input : '' };
      } else if (input === 'g' && next.view === 'detail') {
        const ind = detailIndicator();
        if (ind && a) seekMessage(ind, a, sc.goalSeek(ind.id, a.id));
        else if (ind) say(s.msg.seekNoDependency(s.none), 'warn');
      } else if (next.view === 'detail') {
        const d = next.detail!;
        const count = detailAssumptions().length;
        const page = Math.max(1, p.layout.pageSize - 1);
        if (key.escape || key.backspace || key.delete) {
          next.view = next.back;
          next.detail = null;
        } else if (key.upArrow || input === 'k') next.detail = { ...d, assumption: clamp(d.assumption - 1, 0, Math.max(0, count - 1)) };
        else if (key.downArrow || input === 'j') next.detail = { ...d, assumption: clamp(d.assumption + 1, 0, Math.max(0, count - 1)) };
        else if (key.pageDown || input === ' ') next.detail = { ...d, scroll: clamp(d.scroll + page, 0, p.layout.detailMaxScroll) };
        else if (key.pageUp) next.detail = { ...d, scroll: clamp(d.scroll - page, 0, p.layout.detailMaxScroll) };
        else if (key.home) next.detail = { ...d, scroll: 0 };
        else if (key.end) next.detail = { ...d, scroll: p.layout.detailMaxScroll };
      } else {
        const view = next.view as ListView;
        const list = view === 'assumptions' ? 'assumptions' : 'overview';
        const count = view === 'assumptions' ? p.assumptions.length : p.indicators.length;
        const at = next.selected[list];
        const move = (to: number) => { next.selected = { ...next.selected, [list]: clamp(to, 0, Math.max(0, count - 1)) }; };
        if (key.upArrow || input === 'k') move(at - 1);
        else if (key.downArrow || input === 'j') move(at + 1);
        else if (key.pageUp) move(at - p.layout.pageSize);
        else if (key.pageDown) move(at + p.layout.pageSize);
        else if (key.home) move(0);
        else if (key.end) move(count - 1);
        else if (key.return && view !== 'assumptions') openDetail(p.indicators[at]);
        else if (key.escape) next.message = null;
      }
    }
    setUi(next);
    state.current = next;
  }, []);

  // a paste or a fast tmux send-keys arrives as one string ("2.5\r"): take it key by key
  useInput(useCallback((input: string, key: Key) => {
    if ([...input].length > 1 && !input.startsWith('\u001b')) {
      for (const ch of input) handle(ch, keyOf(ch));
    } else handle(input, key);
  }, [handle]));
  return ui;
}

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

function keyOf(ch: string): Key {
  return {
    ...NO_KEY,
    return: ch === '\r' || ch === '\n',
    tab: ch === '\t',
    backspace: ch === '\b' || ch === '\u007f',
    shift: /^[A-Z]$/.test(ch),
  };
}
