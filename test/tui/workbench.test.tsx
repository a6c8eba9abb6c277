/**
 * Issue #14 on screen, by keystrokes in ink-testing-library: each bug as a planner met it, and the features
 * (chart, driving basis, several scenarios, what an assumption affects, the base explained, the legend).
 * Expected figures are closed forms of the Zhengzhou document (186.5 × (1 + r)^5; 500 × 11.3% = 56.5).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { loadModel, loadScenario } from '../../src/model/load.js';
import { drive, KEY, rowWith } from './drive.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = loadModel(resolve(root, 'models', 'zhengzhou-hrss-14th.yaml'));
const scenariosDir = mkdtempSync(join(tmpdir(), 'cesuan-workbench-'));
const basis2 = (rate: number) => 186.5 * (1 + rate) ** 5;
const two = (x: number) => x.toFixed(2).replace(/\.?0+$/, '');

afterEach(() => cleanup());

async function open(id: string, props: Partial<Parameters<typeof drive>[0]> = {}) {
  const d = await drive({ model, scenariosDir, ...props });
  await d.press('/');
  await d.enter(id);
  await d.press(KEY.enter);
  return d;
}

describe('issue #14 bugs, on screen', () => {
  it('1: typing back the goal-seek value shown meets the target; the gap is never "−0"', async () => {
    const d = await open('injury_insured');
    await d.press('g');
    const offered = /= ([\d.]+)% 时预测为/.exec(d.screen().replace(/\n\s*/g, ''))?.[1];
    expect(offered).toBeDefined();
    await d.press('n');
    await d.enter(offered!);
    const line = rowWith(d.screen(), '预测');
    expect(line).toContain(two(basis2(Number(offered) / 100)));
    expect(line).toContain('达成');
    expect(line).not.toContain('未达成');
    expect(line).not.toMatch(/−0(?![.\d])/);
    // one step below, the miss is shown with the digits that explain it
    await d.enter(String(Number(offered) - 0.0001));
    const missed = rowWith(d.screen(), '预测');
    expect(missed).toContain('未达成');
    const gap = basis2((Number(offered) - 0.0001) / 100) - 210;
    expect(gap).toBeLessThan(0);
    expect(gap).toBeGreaterThan(-0.005);
    expect(missed).toMatch(/差距 −0\.00\d/);
  });

  it('2: PgDn in the detail does not skip lines of the derivations', async () => {
    const d = await open('injury_insured');
    const range = () => /测算依据 (\d+)–(\d+)\/(\d+)/.exec(d.screen())!.slice(1).map(Number);
    const [a1, b1] = range();
    await d.press(KEY.pageDown);
    const [a2] = range();
    expect(a2).toBeGreaterThan(a1!);
    expect(a2).toBeLessThanOrEqual(b1! + 1);
  });

  it('3: l asks before dropping unsaved changes; R asks before resetting', async () => {
    const d = await open('injury_insured');
    await d.enter('2.5');
    await d.press('l');
    expect(d.screen()).toContain('有未保存的改动，载入其他情景会丢弃它们');
    await d.press('n');
    expect(rowWith(d.screen(), '> ')).toContain('2.5%*');
    await d.press('R');
    expect(d.screen()).toContain('把全部假设与依据恢复为发布值？');
    await d.press('n');
    expect(rowWith(d.screen(), '> ')).toContain('2.5%*');
  });

  it('4: the quit prompt and the key help agree', async () => {
    const d = await open('injury_insured');
    await d.enter('2.5');
    await d.press('q');
    expect(d.screen()).toContain('再按 q 退出，s 保存，其他键 返回');
    const help = d.lines().at(-1)!;
    expect(help).toContain('q 退出');
    expect(help).not.toContain('y 确认');
  });

  it("5: with henan.new_jobs_total = 600 the wording follows the values, and a changed input is not the document's fault", async () => {
    const d = await drive({ model, scenariosDir, columns: 120, rows: 40 });
    await d.press('/');
    await d.enter('henan.new_jobs_total');
    await d.enter('600');
    await d.press('/');
    await d.enter('new_urban_jobs');
    await d.press(KEY.enter);
    const screen = d.screen();
    // 600 × 11.3% = 67.8; the title's 500 is rebuilt from the value
    expect(screen).toContain('全省目标任务600*万人');
    expect(screen).not.toContain('全省目标任务500万人');
    expect(screen).toContain(`复算 ${two(600 * 0.113)}`);
    expect(rowWith(screen, '复算 67.8')).toContain('因假设已改');
    expect(rowWith(screen, '复算 67.8')).not.toContain('不一致');
    // 12 × 5 − 67.8 = −7.8: the label says 低于 and the value has no sign
    expect(screen).toContain(`自定任务低于省下达目标: ${two(600 * 0.113 - 60)}*`);
    expect(screen).not.toContain('自定任务高于省下达目标: −');
  });

  it('6: truncation keeps meaning at 60, 80, 120 and 200 columns; the table never shifts for 未达成!', async () => {
    const at60 = await open('injury_insured', { columns: 60, rows: 20 });
    const rows60 = at60.lines().filter((l) => /^[ >] 工伤/.test(l));
    expect(rows60).toHaveLength(2);
    expect(rows60[0]!.slice(2, 24)).not.toBe(rows60[1]!.slice(2, 24));
    expect(at60.lines().at(-1)).toContain('?');
    expect(at60.lines().at(-1)).toContain('q');
    for (const l of at60.lines()) expect(stringWidth(l)).toBeLessThanOrEqual(60);
    at60.unmount();

    const at80 = await open('injury_insured', { columns: 80, rows: 24 });
    expect(rowWith(at80.screen(), '路径 ')).toContain('2025 221.86');
    at80.unmount();

    const at120 = await drive({ model, scenariosDir, columns: 120, rows: 40 });
    await at120.press(KEY.tab);
    expect(at120.screen()).toContain('（由277反推）');
    at120.unmount();

    const at200 = await open('unemployment_insured', { columns: 200, rows: 50 });
    expect(at200.screen()).toContain('（由277反推）');
    expect(at200.screen()).not.toContain('（由277反推） (反推)');
    at200.unmount();

    const d = await drive({ model, scenariosDir });
    const verdictColumn = () => d.lines()[2]!.indexOf('判定');
    const before = verdictColumn();
    await d.press('/');
    await d.enter('injury_insured');
    await d.press(KEY.enter);
    await d.enter('2');
    await d.press(KEY.escape);
    expect(rowWith(d.screen(), '工伤保险参保人数')).toContain('未达成!');
    expect(verdictColumn()).toBe(before);
  });

  it('8: goal seek that lands on the published value leaves the header clean', async () => {
    const d = await open('unemployment_insured');
    await d.press('g', 'y');
    expect(d.lines()[1]).not.toContain('项假设已改');
    expect(d.lines()[1]).not.toContain('未保存');
  });

  it('9: a projection outside its own P10–P90 says why: the band is the spread under the distributions, and which input sits outside its own', async () => {
    const uncertain = loadScenario(resolve(root, 'scenarios', 'zhengzhou-uncertain.yaml'));
    const d = await drive({ model: uncertain.model, scenario: uncertain, scenariosDir, columns: 120, rows: 40 });
    await d.press('u');
    expect(d.screen()).toContain('‹ › 预测低于/高于区间');
    await d.press('/');
    await d.enter('unemployment_rate');
    await d.press(KEY.enter);
    const text = d.screen().replace(/\n\s*/g, '');
    // the document's 2.29% plus no uplift, while the uplift's distribution is triangular(0, 0.5, 1.5)
    expect(text).toContain('预测 2.29 低于区间');
    expect(text).toContain('不是围绕预测的误差带');
    expect(text).toContain('2021年放宽登记条件后城镇登记失业率的上升（百分点，文件未量化） 取 0');
    // 工伤 at 0%: the shifted distribution is cut at the range's 0, so every draw is ≥ 186.5
    await d.press('/');
    await d.enter('injury_insured');
    await d.press(KEY.enter);
    await d.enter('0');
    await new Promise((r) => setTimeout(r, 400)); // the refinement to 2000 samples
    await d.press(KEY.down, KEY.up);
    const injury = d.screen().replace(/\n\s*/g, '');
    expect(injury).toContain('预测 186.5 低于区间');
    expect(injury).toContain('分布截于范围 [0%, 8%]');
  });

  it('10: the tab bar lists the views Tab cycles through; 详情 only while the detail is open', async () => {
    const d = await drive({ model, scenariosDir });
    expect(d.lines()[1]).not.toContain('详情');
    await d.press(KEY.enter);
    expect(d.lines()[1]).toContain('详情');
  });
});

describe('issue #14 features, on screen', () => {
  it('11: v draws the year-by-year chart: years 2020…2025 on the axis, the target 210 as a line, the current path', async () => {
    const d = await open('injury_insured', { columns: 120, rows: 40 });
    await d.enter('2.5');
    await d.press('v');
    const screen = d.screen();
    const axis = d.lines().find((l) => /^\s+2020\s+2021/.test(l))!;
    expect(axis).toBeDefined();
    for (const y of [2021, 2022, 2023, 2024]) expect(axis).toContain(String(y));
    expect(rowWith(screen, '┄')).toContain('210');
    expect(screen).toContain('● 当前路径');
    expect(screen).toContain('○ 发布模型路径');
    // the chart uses the width: the target line runs to the last columns
    expect(stringWidth(rowWith(screen, '┄').trimEnd())).toBeGreaterThan(110);
  });

  it('12: the overview shows the driving basis; b switches it in the detail (测算依据1: 195.97 × 1.04^5)', async () => {
    const d = await drive({ model, scenariosDir, columns: 120, rows: 40 });
    expect(d.lines()[2]).toContain('依据');
    expect(rowWith(d.screen(), '工伤保险参保人数')).toContain('测算依据2');
    await d.press('/');
    await d.enter('injury_insured');
    await d.press(KEY.enter, 'b');
    expect(rowWith(d.screen(), '预测')).toContain(`${two(195.97 * 1.04 ** 5)}*`);
    expect(d.screen()).toContain('依据 测算依据1*');
    await d.press(KEY.escape);
    expect(rowWith(d.screen(), '工伤保险参保人数')).toContain('测算依据1*');
  });

  it('13: several scenarios side by side with the published model', async () => {
    const files = ['zhengzhou-slower-insurance', 'zhengzhou-growth-cut', 'zhengzhou-faster-talent'].map((f) =>
      loadScenario(resolve(root, 'scenarios', `${f}.yaml`)),
    );
    const d = await drive({ model: files[0]!.model, scenario: files[0], others: files.slice(1), scenariosDir, columns: 200, rows: 50 });
    const header = d.lines()[2]!;
    expect(header).toContain('发布模型');
    for (const f of files) expect(header).toContain((f.spec.name ?? '').slice(0, 4));
    for (const l of d.lines()) expect(stringWidth(l)).toBeLessThanOrEqual(200);
  });

  it('15: the assumptions view says what each assumption affects; historical figures are marked', async () => {
    const d = await drive({ model, scenariosDir });
    await d.press('/');
    await d.enter('injury_growth');
    expect(d.screen()).toContain('影响：工伤保险参保人数');
    await d.press('/');
    await d.enter('resident_pop_2019');
    expect(d.screen()).toContain('历史数据（固定）');
  });

  it('16: the detail says why 工伤 starts from 186.5, not the baseline 195.97; the overview has a legend', async () => {
    const d = await open('injury_insured', { columns: 120, rows: 40 });
    expect(d.screen()).toContain('路径起点 186.5，不是基期 195.97');
    // the model's notes in Chinese (note_zh), not the English notes
    const first = d.screen().replace(/\n\s*/g, '');
    await d.press(KEY.pageDown);
    const text = first + d.screen().replace(/\n\s*/g, '');
    expect(text).toContain('基数是2020年省定目标（186.5），不是2020年实际的195.97');
    expect(text).not.toContain('The base is the 2020 provincial target');
    expect(text).toContain('文件中没有哪个序列给出4.14');
    expect(text).not.toContain('No series in the documents gives 4.14');
    // the model's own notes close the detail, in Chinese too (notes_zh)
    await d.press('\u001b[F'); // End
    expect(d.screen().replace(/\n\s*/g, '')).toContain('第9、12项（测算依据2）以郑州占比乘以');
    await d.press(KEY.escape);
    expect(d.screen()).toContain('图例：[60] 五年累计');
  });
});
