/**
 * The uncertainty toggle (u) on the Zhengzhou plan with the distributions of scenarios/zhengzhou-uncertain.yaml:
 * every band and P(met) the TUI shows must be exactly what the engine's quickUncertainty gives for the same
 * overrides, scenario, sample count and seed — computed here with the engine call and formatted the way
 * `cesuan mc` prints (one decimal of a percent), never copied from the screen.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { quickUncertainty, type IndicatorUncertainty } from '../../src/engine/uncertainty/sample.js';
import type { Overrides } from '../../src/engine/graph/evaluate.js';
import { loadModel, loadScenario } from '../../src/model/load.js';
import { FULL_SAMPLES, QUICK_SAMPLES, UNCERTAINTY_SEED } from '../../src/tui/hooks/use-uncertainty.js';
import { drive, KEY, rowWith, type Driven } from './drive.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scenariosDir = resolve(root, 'scenarios');
const scenario = loadScenario(resolve(scenariosDir, 'zhengzhou-uncertain.yaml'));
const model = scenario.model;
const published = loadModel(resolve(root, 'models', 'zhengzhou-hrss-14th.yaml'));

const two = (x: number) => x.toFixed(2).replace(/\.?0+$/, '');
/** P(met) as `cesuan mc` prints it (the values here are far from the <0.1% / >99.9% ends) */
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/** What the TUI must show: the engine's own numbers for the same settings. */
function expected(overrides: Overrides, samples: number, id = 'injury_insured'): IndicatorUncertainty {
  const run = quickUncertainty(model, overrides, { scenario, samples, seed: UNCERTAINTY_SEED });
  return run.indicators.find((i) => i.id === id)!;
}
const band = (u: IndicatorUncertainty) => `${two(u.summary!.p10)}–${two(u.summary!.p90)}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(d: Driven, test: (screen: string) => boolean, ms = 3000): Promise<string> {
  const start = Date.now();
  while (!test(d.screen())) {
    if (Date.now() - start > ms) throw new Error(`timed out; screen:\n${d.screen()}`);
    await sleep(10);
  }
  return d.screen();
}

async function openInjuryDetail(d: Driven) {
  await d.press('/');
  await d.enter('injury_insured');
  await d.press(KEY.enter);
}

afterEach(() => cleanup());

describe('u: P10–P90 and P(target met) beside each projection', () => {
  it("is the engine's quickUncertainty at 2000 samples, seed 1: 工伤保险 in the overview, flagged as `cesuan mc` flags it", async () => {
    expect(FULL_SAMPLES).toBe(2000);
    const u = expected({}, FULL_SAMPLES);
    expect(u.varies).toBe(true);
    expect(u.pMet).toBeGreaterThan(0.5);
    expect(u.pMet).toBeLessThan(0.9); // binding, below the 90% threshold
    expect(u.flagged).toBe(true);

    const d = await drive({ model, scenario, scenariosDir });
    await d.press('c'); // the scenario opens in the compare view
    expect(d.screen()).not.toContain('P10–P90');
    await d.press('u');
    const screen = d.screen();
    expect(screen).toContain('不确定性：11 个假设有分布，2000 次抽样（种子 1）');
    const row = rowWith(screen, '工伤保险参保人数');
    expect(row).toContain(`${pct(u.pMet!)} !!`);
    expect(row).toContain(band(u));
    expect(row).toContain(two(u.point!));
    expect(d.lines()[2]).toMatch(/指标 .*预测 .*P10–P90 .*P\(达成\)/); // the table's header
    expect(screen).toContain('N=2000 · !! 约束性指标达成概率低于 90%：失业保险参保人数');

    // every other indicator too: P(met) of each row is the engine's
    const all = quickUncertainty(model, {}, { scenario, samples: FULL_SAMPLES, seed: UNCERTAINTY_SEED });
    for (const i of all.indicators.filter((x) => x.summary && x.pMet !== null && x.number)) {
      const line = screen.split('\n').find((l) => l.includes(i.label.slice(0, 8)));
      if (line) expect(line, i.id).toContain(pct(i.pMet!));
    }

    await d.press('u');
    expect(d.screen()).toContain('不确定性：已关闭');
    expect(d.screen()).not.toContain('P(达成)');
  });

  it("recomputes when injury_growth changes: 500 samples at once, 2000 once the keys stop — each the engine's number", async () => {
    const d = await drive({ model, scenario, scenariosDir });
    await openInjuryDetail(d);
    await d.press('u');
    const before = expected({}, FULL_SAMPLES);
    let line = rowWith(d.screen(), 'P10–P90');
    expect(line).toContain(band(before));
    expect(line).toContain(`达成概率 ${pct(before.pMet!)} !! 约束性 <90%`);
    expect(line).toContain('N=2000');

    await d.enter('2.5');
    expect(rowWith(d.screen(), '> ')).toContain('2.5%*');
    // the frame right after the key: QUICK_SAMPLES (unless this machine was slow enough for the refinement)
    line = rowWith(d.screen(), 'P10–P90');
    const quick = line.includes(`N=${QUICK_SAMPLES}…`);
    const now = expected({ injury_growth: 0.025 }, quick ? QUICK_SAMPLES : FULL_SAMPLES);
    expect(line).toContain(band(now));
    expect(line).toContain(pct(now.pMet!));

    const screen = await waitFor(d, (s) => rowWith(s, 'P10–P90').includes(`N=${FULL_SAMPLES}`));
    const after = expected({ injury_growth: 0.025 }, FULL_SAMPLES);
    line = rowWith(screen, 'P10–P90');
    expect(line).toContain(band(after));
    expect(line).toContain(`${pct(after.pMet!)} !!`);
    // the band moved down with the growth rate (its distribution shifted from 3.53% to 2.5%)
    expect(band(after)).not.toBe(band(before));
    expect(after.summary!.p10).toBeLessThan(before.summary!.p10);
    expect(after.summary!.p90).toBeLessThan(before.summary!.p90);
    expect(after.pMet!).toBeLessThan(before.pMet!);
    // the assumption's own distribution, shifted with it, in the panel
    expect(rowWith(screen, '> ')).toMatch(/~1\.\d+%–3\.\d+%/);

    // and the overview shows the same
    await d.press(KEY.escape);
    const row = rowWith(d.screen(), '工伤保险参保人数');
    expect(row).toContain(band(after));
    expect(row).toContain(pct(after.pMet!));
  });

  it('holding ← shows 500-sample frames, then refines to 2000 for the value it stops at', async () => {
    const d = await drive({ model, scenario, scenariosDir });
    await openInjuryDetail(d);
    await d.press('u');
    await d.press(KEY.left, KEY.left, KEY.left); // 3.5329% → 3.5%, 3.4%, 3.3% on the 0.1% grid
    expect(rowWith(d.screen(), '> ')).toContain('3.3%*');
    const screen = await waitFor(d, (s) => rowWith(s, 'P10–P90').includes(`N=${FULL_SAMPLES}`));
    const u = expected({ injury_growth: 0.033 }, FULL_SAMPLES);
    expect(rowWith(screen, 'P10–P90')).toContain(band(u));
    expect(rowWith(screen, 'P10–P90')).toContain(pct(u.pMet!));
  });

  it('says so, and shows nothing, when the model and scenario give no distributions (models/zhengzhou-hrss-14th.yaml)', async () => {
    const d = await drive({ model: published, scenariosDir });
    await d.press('u');
    const flat = d.screen().replace(/\n\s*/g, '');
    expect(flat).toContain('此模型与情景都没有给出分布（uncertain:）');
    expect(flat).toMatch(/试试\s*cesuan tui scenarios\/zhengzhou-uncertain\.yaml/);
    expect(d.lines()[2]).toContain('预测'); // the table's header: no band columns
    expect(d.lines()[2]).not.toContain('P10–P90');
    expect(d.screen()).not.toContain('N=');
    // no scenario to suggest: where to read how to write one
    const empty = await drive({ model: published, scenariosDir: mkdtempSync(join(tmpdir(), 'cesuan-tui-empty-')), lang: 'en' });
    await empty.press('u');
    const text = empty.screen().replace(/\n\s*/g, ' ');
    expect(text).toContain('no distributions in this model or scenario');
    expect(text).toContain('docs/uncertainty.md');
  });

  it('a scenario loaded with l that has no distributions: the bands go, with a note', async () => {
    const d = await drive({ model, scenario, scenariosDir });
    await d.press('c', 'u');
    expect(d.screen()).toContain('N=2000');
    await d.press('l');
    // the picker opens on the current file; the first file (zhengzhou-faster-talent.yaml) has no `uncertain:`
    await d.press('\u001b[H', KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.enter);
    expect(d.screen()).toContain('已载入情景');
    await d.press('c');
    expect(d.screen()).toContain('不确定性：此情景没有分布');
    expect(d.screen()).not.toContain('P(达成)');
  });

  it.each([
    [80, 'zh' as const],
    [80, 'en' as const],
    [60, 'zh' as const],
    [40, 'zh' as const],
  ])('fits %i columns (%s): band and P(met) at 80, the band dropped first when narrower', async (columns, lang) => {
    const u = expected({}, FULL_SAMPLES);
    const d = await drive({ model, scenario, scenariosDir, columns, lang });
    await d.press('c', 'u');
    for (const line of d.lines()) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    const row = rowWith(d.screen(), '工伤保险');
    expect(row).toContain(pct(u.pMet!));
    if (columns >= 80) expect(row).toContain(band(u));
    else expect(row).not.toContain(band(u));
    await openInjuryDetail(d);
    for (const line of d.lines()) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    expect(d.screen()).toContain(pct(u.pMet!));
  });

  it('? help: the u key, reached by scrolling a help longer than the screen; any other key returns', async () => {
    const d = await drive({ model, scenario, scenariosDir });
    await d.press('?');
    expect(d.lines().at(-1)).toContain('↑↓ 滚动');
    expect(d.screen()).toContain('↓ 1–');
    await d.press(KEY.pageDown);
    expect(d.screen()).toMatch(/\nu +不确定性：总览与详情中每个预测旁显示 P10–P90/);
    expect(d.screen()).toContain('先以 500 次抽样即时显示，停手后细化为 2000 次');
    await d.press('x');
    expect(d.screen()).toContain('工伤保险参保人数');
    expect(d.lines().at(-1)).toContain('u 区间');
  });

  it('--lang en: P(met) and the binding flag in English', async () => {
    const u = expected({}, FULL_SAMPLES);
    const d = await drive({ model, scenario, scenariosDir, lang: 'en' });
    await openInjuryDetail(d);
    await d.press('u');
    expect(d.screen()).toContain('uncertainty: 11 assumptions with distributions, 2000 samples (seed 1)');
    expect(rowWith(d.screen(), 'P10–P90')).toContain(`P(met) ${pct(u.pMet!)} !! binding < 90%`);
    expect(d.lines().at(-1)).toContain('u bands');
  });
});
