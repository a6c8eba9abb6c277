/**
 * `f` in the detail view: the same search as `cesuan fit` (engine/planning/fit.ts) for the indicator shown,
 * its outcome as the status message — hypotheses only, the scenario untouched.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.js';
import { TuiEngine, workFor } from '../../src/tui/engine.js';
import { STRINGS } from '../../src/tui/strings.js';
import { EMPTY_DOC, initialState, press, update, type Ctx, type KeyFlags, type State } from '../../src/tui/update.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = loadModel(resolve(root, 'models', 'zhengzhou-hrss-14th.yaml'));
const ENTER: KeyFlags = { return: true };

function detailOf(indicator: string, lang: 'zh' | 'en' = 'zh'): { ctx: Ctx; s: State } {
  const engine = new TuiEngine(model);
  const ctx: Ctx = {
    model,
    published: engine.evaluate(EMPTY_DOC),
    strings: STRINGS[lang],
    engine,
    layout: { pageSize: 10, detailPage: 11, detailMaxScroll: 40, helpMaxScroll: 0 },
    fixed: engine.fixed,
  };
  let s = initialState(workFor(engine, []));
  for (const k of ['/', ...indicator, ENTER, ENTER] as (string | KeyFlags)[])
    s = update(s, typeof k === 'string' ? press(k, {}) : press('', k), ctx);
  expect(s.view).toBe('detail');
  expect(s.detail?.indicator).toBe(indicator);
  return { ctx, s };
}

describe('f in the detail view: which method gives the stated figure', () => {
  it('专业技术人才 104: two hypotheses, the best named with its result, the scenario unchanged', () => {
    const { ctx, s } = detailOf('tech_talent');
    const after = update(s, press('f', {}), ctx);
    expect(after.message?.text).toBe(
      '拟合（假设，非文件模型）：2025年专业技术人才总量 104 — 容差内 2 个候选，最佳 elastic(tech_talent.baseline, injury_growth_basis1, 1.1, 5) = 104.18（差 +0.18）；全部见 cesuan fit',
    );
    expect(after.work).toBe(s.work);
    expect(after.view).toBe('detail');
  });
  it('a figure nothing reproduces names the nearest (English)', () => {
    const { ctx, s } = detailOf('rural_labour_transfer', 'en');
    const after = update(s, press('f', {}), ctx);
    expect(after.message?.text).toBe(
      'fit (hypotheses, not the document’s model): 计划“十四五”期间新增农村劳动力转移就业 15 — nothing within the tolerance; nearest decay(rural_transfer_increments, 5) = 13.79 (−1.21)',
    );
    expect(after.message?.tone).toBe('warn');
  });
});
