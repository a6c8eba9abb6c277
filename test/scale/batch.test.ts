/**
 * `cesuan batch` over the sample scenarios in scenarios/: one row per scenario × indicator, and the figures
 * the scenarios change, recomputed here in closed form from the documents' numbers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';
import { INJURY_GROWTH, ZHENGZHOU, cesuanJson, close, root, scenario, tempDir, writeScenario } from './fixtures.js';

const SAMPLES = ['zhengzhou-slower-insurance', 'zhengzhou-faster-talent', 'zhengzhou-provincial-revised', 'zhengzhou-growth-cut'];

interface Row {
  scenario: string;
  indicator: string;
  baseline: number | null;
  projection: number | null;
  target: number | null;
  verdict: string;
  gap: number | null;
  file: string;
}

const batch = cesuanJson<{ rows: Row[]; columns: string[] }>(['batch', ...SAMPLES.map(scenario), '--format', 'json']);
const row = (name: string, indicator: string) => {
  const found = batch.rows.find((r) => r.scenario === name && r.indicator === indicator);
  if (!found) throw new Error(`no row ${name} × ${indicator}`);
  return found.projection!;
};

// 2020 figures and shares from the 测算说明 (郑州 items 6, 7, 9, 11, 12, 15)
const PENSION_URBAN_2020 = 568.14;
const PENSION_RURAL_2020 = 233.83;
const UNEMPLOYMENT_INSURED_2020 = 250.01;
const ZZ_GDP_SHARE = 12003 / 54997.07;
const HENAN_TECH_TALENT_2025 = 130 / 0.218; // back-solved in henan-parent-14th from 130万 at 21.8%
const HENAN_HIGH_SKILL_2025 = 57 / (34 / 226.59);
const ZZ_HIGH_SKILL_SHARE = 34 / 226.59;
const ZZ_CERT_SHARE = 6.83 / 22.7;

describe('batch over the sample scenarios', () => {
  it('has one row per scenario × indicator, the columns the issue asks for first', () => {
    expect(batch.columns.slice(0, 7)).toEqual(['scenario', 'indicator', 'baseline', 'projection', 'target', 'verdict', 'gap']);
    const names = new Set(batch.rows.map((r) => r.scenario));
    expect(names.size).toBe(SAMPLES.length);
    const perScenario = batch.rows.length / SAMPLES.length;
    expect(Number.isInteger(perScenario)).toBe(true);
    for (const n of names) expect(batch.rows.filter((r) => r.scenario === n)).toHaveLength(perScenario);
  });

  it('社保扩面放缓: 工伤 186.5 × 1.025^5, 失业 250.01 × 1.015^5, 职工养老 568.14 + 15 × 5', () => {
    close(row('社保扩面放缓', 'injury_insured'), 186.5 * 1.025 ** 5);
    close(row('社保扩面放缓', 'unemployment_insured'), UNEMPLOYMENT_INSURED_2020 * 1.015 ** 5);
    close(row('社保扩面放缓', 'pension_urban'), PENSION_URBAN_2020 + 15 * 5);
    close(row('社保扩面放缓', 'pension_insured'), PENSION_URBAN_2020 + 15 * 5 + PENSION_RURAL_2020 * 1.004 ** 5);
    const unemployment = batch.rows.find((r) => r.scenario === '社保扩面放缓' && r.indicator === 'unemployment_insured')!;
    expect(unemployment.verdict).toBe('missed');
    close(unemployment.gap!, UNEMPLOYMENT_INSURED_2020 * 1.015 ** 5 - 277);
  });

  it('人才加速集聚: shares of the provincial totals raised', () => {
    close(row('人才加速集聚', 'tech_talent'), HENAN_TECH_TALENT_2025 * 0.24);
    close(row('人才加速集聚', 'high_skill_talent'), HENAN_HIGH_SKILL_2025 * 0.17);
    close(row('人才加速集聚', 'high_title_talent'), 4.59 + 1.4);
  });

  it('省定目标调整: Zhengzhou keeps its 2020 shares of revised provincial totals', () => {
    close(row('省定目标调整', 'tech_talent'), 560 * ZZ_GDP_SHARE);
    close(row('省定目标调整', 'cert_new_professional'), 105 * ZZ_CERT_SHARE);
    close(row('省定目标调整', 'high_skill_talent'), 340 * ZZ_HIGH_SKILL_SHARE);
    close(row('省定目标调整', 'arbitration_closure_rate'), 91 + 2);
  });

  it('增速普遍下调两成: expression overrides (g × 0.8) start from the published value', () => {
    close(row('增速普遍下调两成', 'injury_insured'), 186.5 * (1 + 0.8 * INJURY_GROWTH) ** 5);
    close(row('增速普遍下调两成', 'new_urban_jobs'), 12 * 0.9 * 5);
    close(row('增速普遍下调两成', 'pension_rural'), PENSION_RURAL_2020 * (1 + 0.8 * 0.004) ** 5);
  });

  it('indicators a scenario does not touch keep their published projection', () => {
    const published = cesuanJson<{ indicators: { id: string; projection: number | null }[] }>(['run', ZHENGZHOU, '--format', 'json']);
    const pub = new Map(published.indicators.map((i) => [i.id, i.projection]));
    for (const id of ['new_urban_jobs', 'injury_insured', 'social_card_holders']) expect(row('人才加速集聚', id)).toBe(pub.get(id));
  });

  it('streams CSV to stdout (header + one line per row) and nothing else', () => {
    const r = cesuan(['batch', ...SAMPLES.map(scenario)], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'scenario,indicator,baseline,projection,target,verdict,gap,label,unit,kind,attribute,target_op,proposed,model,file',
    );
    expect(lines).toHaveLength(batch.rows.length + 1);
  });

  it('expands quoted globs, in sorted order', () => {
    const r = cesuan(['batch', 'scenarios/zhengzhou-*-insurance.yaml', 'scenarios/zhengzhou-faster-*.yaml', '-f', 'json'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const names = [...new Set((JSON.parse(r.stdout) as { rows: Row[] }).rows.map((x) => x.scenario))];
    expect(names).toEqual(['社保扩面放缓', '人才加速集聚']);
  });

  it('--strict exits 1 when a binding target is missed (失业保险 under 社保扩面放缓), 0 otherwise', () => {
    expect(cesuan(['batch', scenario('zhengzhou-slower-insurance'), '--strict'], { cwd: root }).code).toBe(1);
    expect(cesuan(['batch', scenario('zhengzhou-faster-talent'), '--strict'], { cwd: root }).code).toBe(0);
  });

  it('writes --out atomically; a bad scenario exits 2 with file:line:col and leaves the previous file intact', () => {
    const dir = tempDir();
    const out = join(dir, 'rows.csv');
    expect(cesuan(['batch', scenario('zhengzhou-faster-talent'), '--out', out], { cwd: root }).code).toBe(0);
    const good = readFileSync(out, 'utf8');
    expect(good.split('\n')[0]).toMatch(/^scenario,indicator,/);
    const bad = writeScenario(dir, 'bad', 'name: 错误\nset:\n  injury_growht: 0.02\n');
    const r = cesuan(['batch', scenario('zhengzhou-faster-talent'), bad, '--out', out], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.yaml:4:3: set\.injury_growht: "injury_growht" is not an assumption/);
    expect(readFileSync(out, 'utf8')).toBe(good);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('no file matching a glob is bad input', () => {
    const r = cesuan(['batch', 'scenarios/none-*.yaml'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no files match/);
  });

  it('a model file counts as its published scenario', () => {
    const rows = cesuanJson<{ rows: Row[] }>(['batch', ZHENGZHOU, '-f', 'json']).rows;
    expect(rows.every((r) => r.scenario === 'zhengzhou-hrss-14th')).toBe(true);
  });
});
