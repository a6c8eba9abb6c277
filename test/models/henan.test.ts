/**
 * models/henan-parent-14th.yaml: the Henan provincial figures that the Zhengzhou 主要指标测算说明
 * (seed 003_ec8b82c3b8b13a4a.txt lines 1043–1270) quotes or implies. The seeds hold no Henan plan.
 *
 * Expected figures are transcribed from the 测算说明 (line numbers in comments) or computed here in closed form.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { loadModel } from '../../src/model/load.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = loadModel(resolve(root, 'models', 'henan-parent-14th.yaml'));
const result = evaluate(model);

const value = (key: string) => {
  const v = result.values[key];
  if (typeof v !== 'number') throw new Error(`${key} is not a number: ${String(v)}`);
  return v;
};

describe('河南省 figures quoted by the Zhengzhou 测算说明', () => {
  // [assumption, value as quoted, unit, line in 003]
  const quoted: [string, number, string, number][] = [
    ['gdp_2020', 54997.07, '亿元', 1171], // 2020 年河南省生产总值 54997.07 亿元
    ['new_jobs_total', 500, '万人', 1059], // 全省新增就业目标任务500万人
    ['registered_unemployment_cap_2021', 4.5, '%', 1095], // 2021年…控制在 4.5%以内
    ['unemployment_insured_target_zz_2021', 273.38, '万人', 1141], // 2021年省定目标任务为273.38万人
    ['unemployment_insured_share_zz', 0.2383, 'ratio', 1141], // 占全省参保人数23.83%
    ['cert_new_2020', 22.7, '万人', 1199], // 全省 2020 年新增总量 22.7 万人
    ['cert_new_total', 120, '万人', 1199], // 全省“十四五”规划期末测算数值为 120 万人
    ['skilled_workers_2020', 820.38, '万人', 1211], // 技能劳动者总量达到 820.38 万人
    ['high_skill_2020', 226.59, '万人', 1211], // 高技能人才达到 226.59 万人
    ['mediation_success_rate', 60, '%', 1233], // 调解成功率为 60%
    ['arbitration_closure_rate', 90, '%', 1241], // 仲裁结案率为 90%
  ];

  it.each(quoted)('%s = %s %s, quoted on line %s with the number printed in the quote', (id, expected, unit, line) => {
    expect(value(id)).toBe(expected);
    const a = model.spec.assumptions[id]!;
    expect(a.unit).toBe(unit);
    expect(a.back_solved).toBeUndefined();
    expect(a.source).toMatchObject({ ref: 'appendix', line });
    const printed = unit === 'ratio' ? `${Number((expected * 100).toPrecision(12))}%` : String(expected);
    expect(a.source!.quote).toContain(printed);
  });

  it('quotes every figure from the Zhengzhou appendix, the only place the seeds print them', () => {
    expect(Object.keys(model.spec.sources)).toEqual(['appendix']);
    expect(model.spec.sources['appendix']!.file).toBe('003_ec8b82c3b8b13a4a.txt');
  });
});

describe('河南省 figures implied but never stated', () => {
  it('the 2025 专业技术人员 target is back-solved from Zhengzhou’s 130万 at a 21.8% share: 130 / 0.218 ≈ 596万', () => {
    expect(value('tech_talent_2025')).toBeCloseTo(130 / 0.218, 10);
    expect(model.spec.assumptions['tech_talent_2025']!.back_solved).toMatch(/implied by the Zhengzhou 测算说明, not stated/);
  });

  it('the 2025 高技能人才 total is back-solved from Zhengzhou’s 57万 at its 2020 share 34 / 226.59: ≈380万', () => {
    expect(value('high_skill_2025')).toBeCloseTo(57 / (34 / 226.59), 10);
    expect(model.spec.assumptions['high_skill_2025']!.back_solved).toMatch(/implied by the Zhengzhou 测算说明, not stated/);
  });

  it('the 高技能 back-solution follows the 2020 provincial total it is built on', () => {
    const r = evaluate(model, { high_skill_2020: 250 });
    expect(r.values['high_skill_2025']).toBeCloseTo(57 / (34 / 250), 10);
  });

  it('has exactly these two back-solved assumptions', () => {
    expect(
      result.assumptions
        .filter((a) => a.backSolved)
        .map((a) => a.id)
        .sort(),
    ).toEqual(['high_skill_2025', 'tech_talent_2025']);
  });
});

describe('河南省 indicators', () => {
  it('lists the three provincial 2025 targets the text names, none modelled (no provincial 测算依据 in the seeds)', () => {
    expect(result.indicators.map((i) => [i.id, i.target?.op, i.target?.value, i.verdict])).toEqual([
      ['new_jobs', '>=', 500, 'not_modelled'],
      ['mediation_success_rate_target', '>=', 60, 'not_modelled'],
      ['arbitration_closure_rate_target', '>=', 90, 'not_modelled'],
    ]);
    expect(result.indicators.find((i) => i.id === 'new_jobs')!.kind).toBe('cumulative');
    for (const i of result.indicators) expect(i.baseline, i.id).toBeNull();
  });

  it('evaluates without problems', () => {
    expect(result.problems).toEqual([]);
  });

  it('keeps every default inside its range, with a step for the TUI', () => {
    for (const a of result.assumptions) {
      expect(a.step, a.id).toBeGreaterThan(0);
      expect(a.value, a.id).toBeGreaterThanOrEqual(a.range![0]);
      expect(a.value, a.id).toBeLessThanOrEqual(a.range![1]);
    }
  });
});

describe('as the parent of the Zhengzhou model', () => {
  const zhengzhou = loadModel(resolve(root, 'models', 'zhengzhou-hrss-14th.yaml'));

  it('is imported as `henan` and its figures appear qualified in the Zhengzhou values', () => {
    expect(zhengzhou.imports['henan']!.spec.id).toBe('henan-parent-14th');
    const r = evaluate(zhengzhou);
    expect(r.values['henan.new_jobs_total']).toBe(500);
    expect(r.values['henan.gdp_2020']).toBe(54997.07);
  });

  it('a provincial task of 600万 instead of 500万 raises Zhengzhou’s 11.3% share to 67.8万', () => {
    const r = evaluate(zhengzhou, { 'henan.new_jobs_total': 600 });
    const basis1 = r.indicators.find((i) => i.id === 'new_urban_jobs')!.derivations.find((d) => d.id === 'basis1')!;
    expect(basis1.value).toBeCloseTo(600 * 0.113, 10);
  });

  it('a provincial 2025 专业技术人员 target of 550万 gives Zhengzhou 550 × 12003 / 54997.07 ≈ 120万', () => {
    const r = evaluate(zhengzhou, { 'henan.tech_talent_2025': 550 });
    const tech = r.indicators.find((i) => i.id === 'tech_talent')!;
    expect(tech.projection).toBeCloseTo((550 * 12003) / 54997.07, 10);
  });
});

const seed = resolve(root, 'documents', '003_ec8b82c3b8b13a4a.txt');
describe('against the seed file', () => {
  const lines = readFileSync(seed, 'utf8').split('\n');

  it('finds every quote verbatim on its line', () => {
    const sources = [
      ...Object.entries(model.spec.assumptions).map(([id, a]) => [id, a.source!] as const),
      ...Object.entries(model.spec.indicators).flatMap(([id, i]) => [
        [`${id}.baseline`, i.baseline.source!] as const,
        [`${id}.target`, i.target!.source] as const,
      ]),
    ];
    for (const [where, s] of sources) expect(lines[s.line! - 1], where).toContain(s.quote);
  });
});
