/**
 * Saving and loading scenarios from the TUI. A saved file is what `cesuan run` reads: rerunning it must give
 * exactly the numbers the TUI computed. Expected values are closed forms of the document's formulas
 * (测算依据2: 186.5 × (1 + r)^5; 城镇职工养老: 568.14 + 5 × step).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup } from 'ink-testing-library';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { loadModel, loadScenario } from '../../src/model/load.js';
import { cesuan } from '../helpers/cli.js';
import { drive, KEY, rowWith } from './drive.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const modelFile = resolve(root, 'models', 'zhengzhou-hrss-14th.yaml');
const model = loadModel(modelFile);
const basis2 = (rate: number) => 186.5 * (1 + rate) ** 5;
const two = (x: number) => x.toFixed(2).replace(/\.?0+$/, '');
const provincial = model.spec.series['injury_provincial_targets']!.values;
const meanGrowth = provincial.slice(1).reduce((sum, v, i) => sum + v / provincial[i]! - 1, 0) / (provincial.length - 1);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cesuan-scenarios-'));
});
afterEach(() => cleanup());

async function setInjuryGrowth(d: Awaited<ReturnType<typeof drive>>, percent: string) {
  await d.press('/');
  await d.enter('injury_insured');
  await d.press(KEY.enter);
  await d.enter(percent);
  await d.press(KEY.escape);
}

describe('s: save the overrides as a scenario', () => {
  it('writes model, name and set under scenarios/, and `cesuan run` reproduces the TUI exactly', async () => {
    const d = await drive({ model, scenariosDir: dir });
    await setInjuryGrowth(d, '2.5');
    await d.press('/');
    await d.enter('pension_urban_step'); // an assumption: the assumptions view opens on it
    await d.enter('18'); // typing digits starts the value prompt
    const shown = rowWith(d.screen(), '> ');
    expect(shown).toContain('18*');
    await d.press('s');
    await d.enter('工伤放缓 2.5%');
    const file = join(dir, '工伤放缓-2-5.yaml');
    expect(existsSync(file)).toBe(true);
    expect(d.screen()).toContain('已保存');
    expect(d.screen()).not.toContain('未保存');

    const saved = parse(readFileSync(file, 'utf8'));
    expect(saved).toEqual({ model: 'zhengzhou-hrss-14th', name: '工伤放缓 2.5%', set: { injury_growth: 0.025, pension_urban_step: 18 } });

    const run = cesuan(['run', file, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { scenario: string; indicators: { id: string; projection: number | null; verdict: string }[] };
    expect(json.scenario).toBe('工伤放缓 2.5%');
    // every projection, to the last bit, equals the TUI's evaluator under the same overrides
    const inProcess = evaluate(model, { injury_growth: 0.025, pension_urban_step: 18 });
    for (const ind of inProcess.indicators) {
      expect(json.indicators.find((i) => i.id === ind.id)?.projection, ind.id).toBe(ind.projection);
    }
    const projection = (id: string) => json.indicators.find((i) => i.id === id)!.projection!;
    expect(projection('injury_insured')).toBeCloseTo(basis2(0.025), 9);
    expect(projection('pension_urban')).toBeCloseTo(568.14 + 5 * 18, 9);

    // and the overview showed those same numbers before saving
    await d.press(KEY.tab, KEY.tab);
    expect(rowWith(d.screen(), '工伤保险参保人数')).toContain(two(projection('injury_insured')));
    expect(rowWith(d.screen(), '城镇职工养老保险')).toContain(two(projection('pension_urban')));
  });

  it('never overwrites without confirmation: n keeps the file, y replaces it (atomically, no temp file left)', async () => {
    const d = await drive({ model, scenariosDir: dir });
    await setInjuryGrowth(d, '2.5');
    await d.press('s');
    await d.enter('slow');
    const file = join(dir, 'slow.yaml');
    const first = readFileSync(file, 'utf8');
    await setInjuryGrowth(d, '3');
    await d.press('s');
    expect(d.screen()).toContain('情景名称：slow'); // the current scenario's name is offered
    await d.press(KEY.enter);
    expect(d.screen()).toContain('slow.yaml 已存在，覆盖？');
    await d.press('n');
    expect(d.screen()).toContain('已取消');
    expect(readFileSync(file, 'utf8')).toBe(first);
    await d.press('s', KEY.enter, 'y');
    expect(d.screen()).toContain('已保存');
    expect(parse(readFileSync(file, 'utf8')).set).toEqual({ injury_growth: 0.03 });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual(['slow.yaml']);
  });

  it('refuses an empty name and keeps asking', async () => {
    const d = await drive({ model, scenariosDir: dir });
    await setInjuryGrowth(d, '2.5');
    await d.press('s');
    await d.enter('  ');
    expect(d.screen()).toContain('名称不能为空');
    expect(d.screen()).toContain('情景名称：');
    await d.press(KEY.escape);
    expect(d.screen()).toContain('已取消');
  });
});

describe('l: load a scenario and show it against the published model', () => {
  it('lists the scenarios, loads one, and shows published and scenario projections side by side', async () => {
    writeFileSync(join(dir, 'a-injury.yaml'), 'model: zhengzhou-hrss-14th\nname: 工伤 2%\nset: { injury_growth: 0.02 }\n');
    writeFileSync(
      join(dir, 'b-other.yaml'),
      `model: ${JSON.stringify(resolve(root, 'test/fixtures/mini.yaml'))}\nname: 其他模型\nset: { injury_growth: 0.02 }\n`,
    );
    const d = await drive({ model, scenariosDir: dir });
    await d.press('l');
    expect(d.screen()).toContain('工伤 2%');
    expect(d.screen()).toContain('其他模型');
    await d.press(KEY.enter);
    const screen = d.screen();
    expect(screen).toContain('情景: 工伤 2%');
    expect(screen).toContain('已载入情景 工伤 2%');
    const row = rowWith(screen, '工伤保险参保人数');
    expect(row).toContain(two(basis2(meanGrowth)));
    expect(row).toContain(two(basis2(0.02)));
    expect(row).toContain('未达成!'); // 186.5 × 1.02^5 ≈ 205.9 < 210, a binding target
    expect(row.indexOf(two(basis2(meanGrowth)))).toBeLessThan(row.indexOf(two(basis2(0.02))));

    await d.press('l', KEY.down, KEY.enter);
    expect(d.screen()).toContain('属于模型');
    expect(d.screen()).toContain('情景: 工伤 2%');
  });

  it('opens a scenario given on the command line in the compare view; expressions survive a save', async () => {
    const file = join(dir, 'half.yaml');
    writeFileSync(file, 'model: zhengzhou-hrss-14th\nname: 依据1增速减半\nset:\n  injury_growth: injury_growth_basis1 / 2\n');
    const d = await drive({ model, scenario: loadScenario(file), scenariosDir: dir });
    expect(d.screen()).toContain('情景: 依据1增速减半');
    // injury_growth_basis1 is 4% in the document (测算依据1 “每年增长率约在4%左右”)
    expect(rowWith(d.screen(), '工伤保险参保')).toContain(two(basis2(0.02)));
    await d.press('s');
    await d.press(...Array(10).fill(KEY.backspace));
    await d.enter('half-again');
    expect(parse(readFileSync(join(dir, 'half-again.yaml'), 'utf8')).set).toEqual({ injury_growth: 'injury_growth_basis1 / 2' });
  });

  it('says so when there is nothing to load', async () => {
    const d = await drive({ model, scenariosDir: join(dir, 'none') });
    await d.press('l');
    expect(d.screen()).toContain('没有情景文件');
  });
});
