/**
 * The TUI's update function as plain functions, no ink: keys in, state out. Expected numbers are closed
 * forms of the Zhengzhou document's formulas (测算依据2: 186.5 × (1 + r)^5; 测算依据1: 195.97 × 1.04^5).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { loadModel } from '../../src/model/load.js';
import { TuiEngine, workFor } from '../../src/tui/engine.js';
import { parseTyped } from '../../src/tui/assumption-edit.js';
import { formatAssumption } from '../../src/tui/format.js';
import { STRINGS } from '../../src/tui/strings.js';
import { EMPTY_DOC, initialState, isDirty, press, update, type Action, type Ctx, type KeyFlags, type State } from '../../src/tui/update.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = loadModel(resolve(root, 'models', 'zhengzhou-hrss-14th.yaml'));
const basis2 = (rate: number) => 186.5 * (1 + rate) ** 5;

function setup(layout: Partial<Ctx['layout']> = {}) {
  const engine = new TuiEngine(model);
  const ctx: Ctx = {
    model,
    published: engine.evaluate(EMPTY_DOC),
    strings: STRINGS.zh,
    engine,
    layout: { pageSize: 10, detailPage: 11, detailMaxScroll: 40, helpMaxScroll: 0, ...layout },
    fixed: engine.fixed,
  };
  const state = initialState(workFor(engine, []));
  return { ctx, state };
}

type K = string | KeyFlags;
/** strings are typed key by key; objects are special keys */
function keys(state: State, ctx: Ctx, ...ks: K[]): State {
  let s = state;
  for (const k of ks) {
    const actions: Action[] =
      typeof k === 'string'
        ? [...k].map((ch) => press(ch, ch === '\r' ? { return: true } : /^[A-Z]$/.test(ch) ? { shift: true } : {}))
        : [press('', k)];
    for (const a of actions) s = update(s, a, ctx);
  }
  return s;
}
const ENTER: KeyFlags = { return: true };
const DOWN: KeyFlags = { downArrow: true };
const RIGHT: KeyFlags = { rightArrow: true };
const PGDN: KeyFlags = { pageDown: true };

/** the detail of 工伤保险参保人数, with injury_growth (测算依据2) selected */
function injuryDetail() {
  const { ctx, state } = setup();
  const s = keys(state, ctx, '/', 'injury_insured', ENTER, ENTER);
  expect(s.view).toBe('detail');
  expect(s.detail?.indicator).toBe('injury_insured');
  return { ctx, s };
}
const injury = (s: State) => s.work.result.indicators.find((i) => i.id === 'injury_insured')!;
const growth = (s: State) => s.work.result.assumptions.find((a) => a.id === 'injury_growth')!;

describe('update: assumption edits through keys, as pure state', () => {
  it('typing 2.5 sets injury_growth to 2.5% and the projection to 186.5 × 1.025^5', () => {
    const { ctx, s } = injuryDetail();
    const after = keys(s, ctx, '2.5\r');
    expect(growth(after).value).toBe(0.025);
    expect(injury(after).projection).toBeCloseTo(basis2(0.025), 9);
    expect(isDirty(after)).toBe(true);
    // the state before is untouched: update is pure
    expect(growth(s).value).not.toBe(0.025);
  });

  it('bug 7: a refused value closes the prompt, so the next q is a command, not "60q"', () => {
    const { ctx, s } = injuryDetail();
    const refused = keys(s, ctx, '60\r');
    expect(refused.mode.kind).toBe('normal');
    expect(refused.message?.text).toContain('超出范围');
    const quit = keys(refused, ctx, 'q');
    expect(quit.effects).toEqual([{ kind: 'exit' }]);
  });

  it('bug 2: PgDn in the detail moves by one page of the derivations less one line, never skipping lines', () => {
    const { ctx, s } = injuryDetail();
    const paged = keys(s, ctx, PGDN);
    // detailPage 11 rows shown: 1–11 → 11–21 (the last line stays as the first)
    expect(paged.detail?.scroll).toBe(10);
    expect(keys(paged, ctx, PGDN).detail?.scroll).toBe(20);
  });

  it('bug 3: R asks before resetting everything; l asks before dropping unsaved changes', () => {
    const { ctx, s } = injuryDetail();
    const changed = keys(s, ctx, '2.5\r');
    const asked = keys(changed, ctx, 'R');
    expect(asked.mode).toEqual({ kind: 'confirm', purpose: 'resetAll' });
    expect(growth(asked).value).toBe(0.025);
    expect(growth(keys(asked, ctx, 'n')).value).toBe(0.025);
    expect(growth(keys(asked, ctx, 'y')).overridden).toBe(false);
    const load = keys(changed, ctx, 'l');
    expect(load.mode).toEqual({ kind: 'confirm', purpose: 'discard' });
    expect(load.effects).toEqual([]);
    expect(keys(load, ctx, 'y').effects).toEqual([{ kind: 'list' }]);
  });

  it('bug 1: goal seek offers the rate rounded up at the shown precision, and typing back what is shown meets ≥ 210', () => {
    const { ctx, s } = injuryDetail();
    const asked = keys(s, ctx, 'g');
    expect(asked.mode.kind).toBe('confirm');
    const offered = (asked.mode as { value: number }).value;
    const exact = (210 / 186.5) ** (1 / 5) - 1;
    expect(offered).toBe(Math.ceil(exact * 1e6) / 1e6);
    const shown = formatAssumption(offered, 'ratio');
    expect(shown).toBe('2.402%');
    const typed = keys(s, ctx, `${shown.replace('%', '')}\r`);
    expect(growth(typed).value).toBe(parseTyped(shown, 'ratio'));
    expect(injury(typed).verdict).toBe('met');
    expect(injury(typed).projection!).toBeGreaterThanOrEqual(210);
  });

  it('bug 8: goal seek that lands on the published value (失业保险, back-solved from 277) leaves nothing changed', () => {
    const { ctx, state } = setup();
    let s = keys(state, ctx, '/', 'unemployment_insured', ENTER, ENTER);
    expect(s.detail?.indicator).toBe('unemployment_insured');
    s = keys(s, ctx, 'g');
    expect(s.mode.kind).toBe('confirm');
    s = keys(s, ctx, 'y');
    expect(s.work.doc.overrides).toEqual({});
    expect(s.work.result.assumptions.filter((a) => a.overridden)).toEqual([]);
    expect(isDirty(s)).toBe(false);
  });

  it('undo and redo (z / Z) over edits, resets and basis switches', () => {
    const { ctx, s } = injuryDetail();
    const a = keys(s, ctx, '2.5\r', RIGHT); // 2.5% → 2.6%
    expect(growth(a).value).toBe(0.026);
    const u1 = keys(a, ctx, 'z');
    expect(growth(u1).value).toBe(0.025);
    const u2 = keys(u1, ctx, 'z');
    expect(growth(u2).overridden).toBe(false);
    expect(isDirty(u2)).toBe(false);
    expect(keys(u2, ctx, 'z').message?.text).toBe(STRINGS.zh.msg.nothingToUndo);
    const r = keys(u2, ctx, 'Z', 'Z');
    expect(growth(r).value).toBe(0.026);
    expect(injury(r).projection).toBeCloseTo(basis2(0.026), 9);
    // a new edit after undo drops the redo stack
    expect(keys(u1, ctx, RIGHT, 'Z').message?.text).toBe(STRINGS.zh.msg.nothingToRedo);
  });

  it('b switches the driving basis: 测算依据1 gives 195.97 × 1.04^5, stored as primary:, undone by z', () => {
    const { ctx, s } = injuryDetail();
    const b = keys(s, ctx, 'b');
    expect(b.work.doc.primary).toEqual({ injury_insured: 'basis1' });
    expect(injury(b).primary).toBe('basis1');
    expect(injury(b).projection).toBeCloseTo(195.97 * 1.04 ** 5, 9);
    expect(isDirty(b)).toBe(true);
    // the same switch through the engine as every command gets it (scenario primary:)
    const other = keys(b, ctx, 'b');
    expect(other.work.doc.primary).toEqual({});
    expect(injury(keys(b, ctx, 'z')).primary).toBe('basis2');
  });

  it('fixed: true (2019年底常住人口) is not stepped, typed or goal-sought', () => {
    const { ctx, state } = setup();
    expect(ctx.fixed.has('resident_pop_2019')).toBe(true);
    let s = keys(state, ctx, '/', 'resident_pop_2019', ENTER);
    expect(s.view).toBe('assumptions');
    s = keys(s, ctx, RIGHT);
    expect(s.work.doc.overrides).toEqual({});
    expect(s.message?.text).toContain('历史数据');
    s = keys(s, ctx, '5');
    expect(s.mode.kind).toBe('normal');
  });

  it('Tab cycles the three list views the tab bar shows', () => {
    const { ctx, state } = setup();
    const views = [state.view];
    let s = state;
    for (let i = 0; i < 3; i++) {
      s = keys(s, ctx, { tab: true });
      views.push(s.view);
    }
    expect(views).toEqual(['overview', 'assumptions', 'compare', 'overview']);
  });

  it('loading several scenarios puts the first in play and the others beside it', () => {
    const { ctx, state } = setup();
    const mk = (name: string, set: Record<string, number>) => ({
      name,
      file: `${name}.yaml`,
      doc: { overrides: set, primary: {} },
      extra: {},
      reference: { spec: { model: 'x', set, uncertain: {}, actuals: {}, primary: {} } },
    });
    const s = update(
      state,
      { type: 'loaded', scenarios: [mk('a', { injury_growth: 0.03 }), mk('b', { injury_growth: 0.02 }), mk('c', {})] } as Action,
      ctx,
    );
    expect(s.view).toBe('compare');
    expect(s.work.source?.name).toBe('a');
    expect(s.work.compare.map((c) => c.name)).toEqual(['b', 'c']);
    const b = s.work.compare[0]!.result.indicators.find((i) => i.id === 'injury_insured')!;
    expect(b.projection).toBeCloseTo(basis2(0.02), 9);
    expect(b.verdict).toBe('missed');
    expect(isDirty(s)).toBe(false);
    // undo returns to before the load
    expect(keys(s, ctx, 'z').work.compare).toEqual([]);
  });

  it('l lists; space marks several scenarios in the picker and Enter loads them together', () => {
    const { ctx, state } = setup();
    const asked = keys(state, ctx, 'l');
    expect(asked.effects).toEqual([{ kind: 'list' }]);
    const entries = ['a', 'b', 'c'].map((n) => ({
      path: `/x/${n}.yaml`,
      file: `${n}.yaml`,
      name: n,
      model: 'zhengzhou-hrss-14th',
      uncertain: false,
    }));
    let s = update({ ...asked, effects: [] }, { type: 'listed', entries, dir: '/x' }, ctx);
    expect(s.mode.kind).toBe('picker');
    s = keys(s, ctx, ' ', DOWN, DOWN, ' ', ENTER);
    expect(s.effects).toEqual([{ kind: 'load', paths: ['/x/a.yaml', '/x/c.yaml'] }]);
  });

  it('the engine evaluates like evaluate(): the same numbers for the same overrides', () => {
    const { ctx, s } = injuryDetail();
    const after = keys(s, ctx, '3\r', DOWN, '5\r');
    const direct = evaluate(model, after.work.doc.overrides);
    for (const ind of direct.indicators) expect(after.work.result.indicators.find((i) => i.id === ind.id)!.projection).toBe(ind.projection);
  });
});
