/**
 * The planner's loop on the Zhengzhou plan, by keystrokes: move the 工伤保险 growth rate, watch the 2025
 * projection and the verdict, goal seek the rate that reaches the target. Expected numbers are computed here
 * in closed form from the document's figures (186.5 in 2020, target ≥ 210 in 2025), never copied from the engine.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.js';
import { drive, KEY, rowWith } from './drive.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = loadModel(resolve(root, 'models', 'zhengzhou-hrss-14th.yaml'));
const scenariosDir = mkdtempSync(join(tmpdir(), 'cesuan-tui-'));

/** 测算依据2: 186.5 (2020 provincial target) × (1 + rate)^5 */
const basis2 = (rate: number) => 186.5 * (1 + rate) ** 5;
const two = (x: number) => x.toFixed(2).replace(/\.?0+$/, '');
const pct4 = (ratio: number) => `${(ratio * 100).toFixed(4).replace(/\.?0+$/, '')}%`;

/** The published default: the mean of the yearly growth rates of the provincial targets in the model's series. */
const provincial = model.spec.series['injury_provincial_targets']!.values;
const meanGrowth = provincial.slice(1).reduce((sum, v, i) => sum + v / provincial[i]! - 1, 0) / (provincial.length - 1);

async function openInjuryDetail(props: Partial<Parameters<typeof drive>[0]> = {}) {
  const d = await drive({ model, scenariosDir, ...props });
  await d.press('/');
  await d.enter('injury_insured');
  await d.press(KEY.enter);
  return d;
}

afterEach(() => cleanup());

describe('工伤保险参保人数 (injury_insured): changing the growth assumption', () => {
  it('opens on the published rate, the mean growth of the provincial targets (≈3.53%), and 221.86 in 2025', async () => {
    expect(meanGrowth).toBeGreaterThan(0.035);
    expect(meanGrowth).toBeLessThan(0.0354);
    const d = await openInjuryDetail();
    const screen = d.screen();
    expect(screen).toContain('injury_insured');
    expect(rowWith(screen, '> ')).toContain(pct4(meanGrowth));
    expect(rowWith(screen, '预测')).toContain(two(basis2(meanGrowth)));
  });

  it('测算依据2: typing 2.5 gives 186.5 × 1.025^5 ≈ 211.0 in 2025 — still ≥ 210, met, gap ≈ +1.01', async () => {
    const d = await openInjuryDetail();
    await d.enter('2.5');
    const projection = basis2(0.025);
    expect(projection).toBeCloseTo(211.0, 1);
    const line = rowWith(d.screen(), '预测');
    expect(line).toContain(`${two(projection)}*`);
    expect(line).toContain('达成');
    expect(line).not.toContain('未达成');
    expect(line).toContain(`+${two(projection - 210)}`);
    expect(rowWith(d.screen(), '> ')).toContain('2.5%*');
    // the path 2020→2025 follows the same compound growth
    // at 80 columns the middle years give up their labels so that 2025 stays on the line
    expect(rowWith(d.screen(), '路径')).toContain(`2020 186.5 · ${two(basis2(0.025) / 1.025 ** 4)} · `);
    expect(rowWith(d.screen(), '路径')).toContain(`2025 ${two(basis2(0.025))}`);
  });

  it('at 2.3% the binding target is missed (186.5 × 1.023^5 ≈ 208.95), loudly, in the detail and the overview', async () => {
    const d = await openInjuryDetail();
    await d.enter('2.3');
    const projection = basis2(0.023);
    expect(projection).toBeLessThan(210);
    expect(rowWith(d.screen(), '预测')).toContain('未达成!');
    await d.press(KEY.escape);
    const row = rowWith(d.screen(), '工伤保险参保人数');
    expect(row).toContain(`${two(projection)}*`);
    expect(row).toContain('未达成!');
    expect(row).toContain(two(projection - 210).replace('-', '−'));
    expect(d.screen()).toContain('!! 约束性指标未达成：工伤保险参保人数');
  });

  it('←/→ move one step (0.1%) on the step grid, shift+←/→ ten steps', async () => {
    const d = await openInjuryDetail();
    await d.press(KEY.right); // 3.5329% → next grid point 3.6%
    expect(rowWith(d.screen(), '> ')).toContain('3.6%*');
    expect(rowWith(d.screen(), '预测')).toContain(two(basis2(0.036)));
    await d.press(KEY.shiftRight); // + 10 × 0.1%
    expect(rowWith(d.screen(), '> ')).toContain('4.6%*');
    await d.press(KEY.left, KEY.left);
    expect(rowWith(d.screen(), '> ')).toContain('4.4%*');
    expect(rowWith(d.screen(), '预测')).toContain(two(basis2(0.044)));
    await d.press(KEY.shiftLeft);
    expect(rowWith(d.screen(), '> ')).toContain('3.4%*');
  });

  it('keeps the assumption inside its range [0%, 8%] with a visible message, never a crash', async () => {
    const d = await openInjuryDetail();
    await d.enter('9');
    expect(d.screen()).toContain('9% 超出范围 [0%, 8%]，未采用');
    expect(rowWith(d.screen(), '> ')).toContain(pct4(meanGrowth));
    // a refused value closes the prompt: the arrows act on the assumption again
    for (let i = 0; i < 6; i++) await d.press(KEY.shiftRight);
    expect(d.screen()).toContain('已到上限 8%');
    expect(rowWith(d.screen(), '预测')).toContain(two(basis2(0.08)));
    await d.enter('-1');
    expect(d.screen()).toContain('超出范围');
    await d.press('='); // type a value from scratch
    await d.enter('abc');
    expect(d.screen()).toContain('“abc” 不是数值');
    expect(rowWith(d.screen(), '> ')).toContain('8%*');
  });

  it('r resets the selected assumption, R resets all', async () => {
    const d = await openInjuryDetail();
    await d.enter('2.5');
    await d.press('r');
    expect(rowWith(d.screen(), '> ')).toContain(pct4(meanGrowth));
    expect(rowWith(d.screen(), '预测')).toContain(two(basis2(meanGrowth)));
    await d.enter('2.5');
    await d.press(KEY.down);
    await d.enter('5');
    expect(d.screen()).toContain('2 项假设已改');
    await d.press('R', 'y'); // R asks first
    expect(d.screen()).toContain('全部假设已恢复为发布值');
    expect(d.screen()).not.toContain('项假设已改');
  });
});

describe('goal seek from the detail view', () => {
  it('finds the rate that takes 186.5 to 210 in five years, (210/186.5)^(1/5) − 1 ≈ 2.40%, rounded up at the shown 4 decimals of a percent, and applies it on y', async () => {
    const d = await openInjuryDetail();
    await d.press('g');
    const exact = (210 / 186.5) ** (1 / 5) - 1;
    expect(exact).toBeCloseTo(0.024, 4);
    // shown as a percent with 4 decimals: rounded to 6 decimals of the ratio, upwards so that ≥ 210 still holds
    const rate = Math.ceil(exact * 1e6) / 1e6;
    expect(basis2(rate)).toBeGreaterThanOrEqual(210);
    expect(d.screen()).toContain(`= ${pct4(rate)} 时预测为 210`);
    expect(d.screen()).toContain('应用？');
    await d.press('y');
    expect(rowWith(d.screen(), '> ')).toContain(`${pct4(rate)}*`);
    const line = rowWith(d.screen(), '预测');
    expect(line).toContain('210*');
    expect(line).toContain('达成');
  });

  it('any other key leaves the assumption as it was', async () => {
    const d = await openInjuryDetail();
    await d.press('g', 'n');
    expect(d.screen()).toContain('已取消');
    expect(rowWith(d.screen(), '> ')).toContain(pct4(meanGrowth));
  });

  it('says so when the projection does not depend on the selected assumption (依据1 growth)', async () => {
    const d = await openInjuryDetail();
    await d.press(KEY.down, 'g');
    expect(d.screen()).toContain('主要依据的预测不依赖');
  });

  it('says so when no value in the range reaches the target', async () => {
    // the fixture with the growth range cut to [0, 2%]: 186.5 × 1.02^5 ≈ 205.9 < 210
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-tui-model-'));
    const file = join(dir, 'mini.yaml');
    writeFileSync(file, readFileSync(resolve(root, 'test/fixtures/mini.yaml'), 'utf8').replace('range: [0, 0.08]', 'range: [0, 0.02]'));
    const mini = loadModel(file);
    const d = await openInjuryDetail({ model: mini });
    await d.press('g');
    const screen = d.screen().replace(/\n\s*/g, '');
    expect(screen).toContain(`范围 [0%, 2%] 内没有值能达到 ≥210：预测只能在 186.5 到 ${two(basis2(0.02))} 之间`);
  });
});

describe('views and chrome', () => {
  it('groups indicators as the plan does, with a sparkline of the 2020→2025 path', async () => {
    const d = await drive({ model, scenariosDir });
    const lines = d.lines();
    const at = (label: string) => lines.findIndex((l) => l.trim() === label);
    expect(at('就业')).toBeGreaterThan(0);
    expect(at('社会保障')).toBeGreaterThan(at('就业'));
    expect(rowWith(d.screen(), '工伤保险参保人数')).toMatch(/▁▂▄▅▇█/);
    expect(d.lines().at(-1)).toContain('? 帮助');
  });

  it('scrolls to the last group and back', async () => {
    const d = await drive({ model, scenariosDir });
    const count = Object.keys(model.spec.indicators).length;
    for (let i = 0; i < count; i++) await d.press(KEY.down);
    expect(d.screen()).toContain('公共服务');
    expect(rowWith(d.screen(), '> ')).toContain(model.spec.indicators[Object.keys(model.spec.indicators).at(-1)!]!.label.slice(0, 6));
    await d.press('\u001b[H'); // Home
    expect(d.screen()).toContain('就业');
  });

  it('Tab cycles Overview → Assumptions → Compare; typing works in the assumptions list', async () => {
    const d = await drive({ model, scenariosDir });
    await d.press(KEY.tab);
    // the selected assumption's id, for `cesuan run --set`, under the list
    expect(d.screen()).toContain(Object.keys(model.spec.assumptions)[0]);
    await d.press('/');
    await d.enter('injury_growth');
    await d.press(KEY.enter);
    await d.enter('2.5');
    expect(rowWith(d.screen(), '> ')).toContain('2.5%*');
    expect(d.screen()).toContain('injury_growth · 范围 [0%, 8%] · 步长 0.1%');
    await d.press(KEY.tab);
    const row = rowWith(d.screen(), '工伤保险参保人数');
    expect(row).toContain(two(basis2(meanGrowth)));
    expect(row).toContain(two(basis2(0.025)));
    expect(row).toContain(`−${two(basis2(meanGrowth) - basis2(0.025))}`);
  });

  it('? shows the full help, any key returns; q quits when nothing is unsaved', async () => {
    let exited = 0;
    const d = await drive({ model, scenariosDir, onExit: () => exited++ });
    await d.press('?');
    expect(d.screen()).toContain('反推');
    expect(d.screen()).toContain('Shift+← →');
    await d.press('x');
    expect(d.screen()).toContain('城镇新增就业人数');
    await d.press('q');
    expect(exited).toBe(1);
  });

  it('q with unsaved changes asks first; q again quits', async () => {
    let exited = 0;
    const d = await openInjuryDetail({ onExit: () => exited++ });
    await d.enter('2.5');
    await d.press('q');
    expect(exited).toBe(0);
    expect(d.screen()).toContain('有未保存的改动');
    await d.press('x');
    expect(exited).toBe(0);
    await d.press('q', 'q');
    expect(exited).toBe(1);
  });

  it('--lang en: English chrome, model labels as written', async () => {
    const d = await openInjuryDetail({ lang: 'en' });
    await d.enter('2.5');
    const line = rowWith(d.screen(), 'projection');
    expect(line).toContain(`${two(basis2(0.025))}*`);
    expect(line).toContain('met');
    expect(d.screen()).toContain('工伤保险参保人数');
    expect(d.lines().at(-1)).toContain('goal seek');
  });

  it.each([80, 60, 40])('fits %i columns: no row is wider, CJK counted as two', async (columns) => {
    const d = await openInjuryDetail({ columns });
    await d.enter('2.5');
    for (const frame of [d.screen()]) {
      for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    }
    expect(d.screen()).toContain(two(basis2(0.025)));
    await d.press(KEY.escape);
    for (const line of d.lines()) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    expect(rowWith(d.screen(), '工伤保险')).toContain(two(basis2(0.025)));
    await d.press(KEY.tab);
    for (const line of d.lines()) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
  });

  it('keeps the frame one row short of the terminal height', async () => {
    const d = await drive({ model, scenariosDir, rows: 30 });
    expect(d.lines().length).toBeLessThanOrEqual(29);
  });
});
