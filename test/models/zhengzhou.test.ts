/**
 * models/zhengzhou-hrss-14th.yaml against its documents: 郑州市“十四五”人力资源和社会保障事业发展规划
 * (seed 000_c5530f7d589473d0.txt: 专栏1 lines 114–252, 专栏2 lines 311–506, one cell a line) and its appendix
 * 主要指标测算说明 (seed 003_ec8b82c3b8b13a4a.txt lines 1043–1270).
 *
 * Expected figures are transcribed from the documents (line numbers in comments) or computed here in closed
 * form from the printed inputs — never copied from engine output.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { loadModel } from '../../src/model/load.js';
import type { Source } from '../../src/model/schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = loadModel(resolve(root, 'models', 'zhengzhou-hrss-14th.yaml'));
const result = evaluate(model);

const indicator = (id: string, r = result) => {
  const found = r.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const derivation = (id: string, d: string, r = result) => {
  const found = indicator(id, r).derivations.find((x) => x.id === d);
  if (!found) throw new Error(`no derivation ${id}.${d}`);
  return found;
};
/** the one stated figure of an indicator (its derivations' or its own checks) whose label contains labelPart */
const check = (id: string, labelPart: string, r = result) => {
  const found = r.audit.filter((c) => c.indicator === id && c.label.includes(labelPart));
  if (found.length !== 1) throw new Error(`${found.length} stated figures of ${id} labelled “…${labelPart}…”`);
  return found[0]!;
};
const computed = (id: string, d: string, labelPart: string) => {
  const found = derivation(id, d).computed.filter((c) => c.label.includes(labelPart));
  if (found.length !== 1) throw new Error(`${found.length} computed figures of ${id}.${d} labelled “…${labelPart}…”`);
  return found[0]!.value!;
};
const value = (key: string, r = result) => {
  const v = r.values[key];
  if (typeof v !== 'number') throw new Error(`${key} is not a number: ${String(v)}`);
  return v;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;

describe('专栏2: 18 numbered rows and the two 其中 rows of 6', () => {
  it('has the 18 numbered rows of 专栏2 plus 城乡居民 / 城镇职工 under 6', () => {
    expect(result.indicators).toHaveLength(20);
    const top = result.indicators.filter((i) => !i.parent);
    expect(top.map((i) => i.number)).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
    const subRows = result.indicators.filter((i) => i.parent);
    expect(subRows.map((i) => [i.id, i.parent, i.label])).toEqual([
      ['pension_rural', 'pension_insured', '城乡居民养老保险参保人数'], // 000 l.379
      ['pension_urban', 'pension_insured', '城镇职工养老保险参保人数'], // 000 l.387
    ]);
  });

  it('groups the rows as the table does: 一、就业 1–5, 二、社会保障 6–8, 三、人才队伍建设 9–13, 四、劳动关系 14–16, 五、公共服务 17–18', () => {
    const groupOf = (n: number) => (n <= 5 ? '就业' : n <= 8 ? '社会保障' : n <= 13 ? '人才队伍建设' : n <= 16 ? '劳动关系' : '公共服务');
    for (const i of result.indicators) expect(i.groupLabel, `row ${i.number}`).toBe(groupOf(Math.floor(Number(i.number))));
  });

  it('has two 约束性 rows, 7 失业保险 and 8 工伤保险 (000 l.401, l.409); the rest are 预期性', () => {
    expect(result.indicators.filter((i) => i.attribute === 'binding').map((i) => i.number)).toEqual(['7', '8']);
  });

  it('treats exactly the bracketed [x] rows as five-year cumulative (注:[ ]为五年累计数) and the (%) rows as rates', () => {
    const cumulative = result.indicators.filter((i) => i.kind === 'cumulative').map((i) => i.number);
    expect(cumulative).toEqual(['1', '2', '3', '4', '11', '13']);
    for (const [id, spec] of Object.entries(model.spec.indicators)) {
      expect(spec.target?.published?.startsWith('['), id).toBe(spec.kind === 'cumulative');
    }
    expect(result.indicators.filter((i) => i.kind === 'rate').map((i) => i.number)).toEqual(['5', '14', '15', '16', '18']);
  });

  // [id, 2020 as printed, 2025 comparator, 2025 value] — 000 lines 326–504
  const rows: [string, number | null, string, number][] = [
    ['new_urban_jobs', 65.77, '>=', 60],
    ['rural_labour_transfer', 33.44, '>=', 15],
    ['returnee_entrepreneurship', 3.85, '>=', 3.5],
    ['rural_skills_training_total', 26.43, '>=', 15],
    ['unemployment_rate', 1.95, '<=', 4],
    ['pension_insured', 801.97, '>=', 904],
    ['pension_rural', 233.83, '>=', 238],
    ['pension_urban', 568.14, '>=', 666],
    ['unemployment_insured', 250.01, '>=', 277],
    ['injury_insured', 195.97, '>=', 210],
    ['tech_talent', 84, '>=', 118],
    ['high_title_talent', 4.59, '>=', 5.69],
    ['cert_new_professional', 27.81, '>=', 32],
    ['high_skill_talent', 34, '>=', 58],
    ['advanced_certificates', 2, '>=', 24],
    ['mediation_success_rate', 65.3, '>=', 60],
    ['arbitration_closure_rate', 99.32, '>=', 92],
    ['labour_inspection_closure_rate', 100, '=', 100],
    ['social_card_holders', 992, '>=', 1100],
    ['ecard_coverage', null, '>', 70],
  ];
  it.each(rows)('%s: 2020 baseline %s and 2025 target %s %s as published', (id, baseline, op, target) => {
    const i = indicator(id);
    expect(i.baseline).toBe(baseline);
    expect(i.target).toMatchObject({ op, value: target });
  });

  it('reads “60% 以上” / “92% 以上” as ≥ (the table’s “>60”, “>92” would make a target equal to the provincial rate unreachable) and keeps “> 70%” strict', () => {
    expect(model.spec.indicators['mediation_success_rate']!.target!.published).toBe('>60');
    expect(model.spec.indicators['mediation_success_rate']!.note).toMatch(/以上/);
    expect(model.spec.indicators['arbitration_closure_rate']!.note).toMatch(/以上/);
    expect(indicator('ecard_coverage').target!.op).toBe('>');
  });
});

describe('一、就业', () => {
  it('1 测算依据 一是: 全省500万人 × 11.3% ≈ 56.5万人 (via the Henan model)', () => {
    expect(value('henan.new_jobs_total')).toBe(500);
    expect(derivation('new_urban_jobs', 'basis1').value).toBeCloseTo(500 * 0.113, 10);
    expect(check('new_urban_jobs', '按省下达任务计算').verdict).toBe('match');
  });

  it('1 测算依据: 每年12万人 × 5 = 60万人, the primary derivation; chosen 60, target met', () => {
    const jobs = indicator('new_urban_jobs');
    expect(jobs.primary).toBe('basis2');
    expect(jobs.projection).toBe(12 * 5);
    expect(jobs.chosen).toBe(60);
    expect(jobs.verdict).toBe('met');
    expect(jobs.trajectory.map((p) => p.value)).toEqual([12, 12, 12, 12, 12]);
    expect(computed('new_urban_jobs', 'basis2', '高于省下达目标')).toBeCloseTo(60 - 56.5, 10);
  });

  it('1: a city share of 13% of the province would give 65万人', () => {
    const r = evaluate(model, { new_jobs_share: 0.13 });
    expect(derivation('new_urban_jobs', 'basis1', r).value).toBeCloseTo(65, 10);
  });

  it('2 测算依据: the increments 9.5, 8, 6.1, 5.2, 4.6 continued at their geometric decline give ≈13.8万, short of the chosen 15', () => {
    const increments = [9.5, 8, 6.1, 5.2, 4.6]; // 003 l.1067
    expect(result.values['rural_transfer_increments']).toEqual(increments);
    const r = (4.6 / 9.5) ** (1 / 4);
    const expected = sum([1, 2, 3, 4, 5].map((t) => 4.6 * r ** t));
    const transfer = indicator('rural_labour_transfer');
    expect(transfer.projection).toBeCloseTo(expected, 10);
    expect(transfer.projection).toBeCloseTo(13.8, 1);
    expect(transfer.verdict).toBe('missed');
    expect(transfer.chosen).toBe(15);
    expect(check('rural_labour_transfer', '计划“十四五”期间').verdict).toBe('mismatch');
  });

  it('2: 专栏2’s 33.44 is the sum of the printed increments (33.4) to their 0.1 printing precision', () => {
    const c = check('rural_labour_transfer', '专栏2 2020年');
    expect(c.recomputed).toBeCloseTo(33.4, 10);
    expect(c.verdict).toBe('approximate');
  });

  it('3 测算依据: 0.71 + 1.08 + 1.12 + 0.94 = 3.85万人; their mean over five years is ≈4.81, above the chosen 3.5', () => {
    expect(check('returnee_entrepreneurship', '2017—2020年累计').verdict).toBe('match');
    const returnees = indicator('returnee_entrepreneurship');
    expect(returnees.projection).toBeCloseTo(mean([0.71, 1.08, 1.12, 0.94]) * 5, 10);
    expect(returnees.verdict).toBe('met');
    expect(check('returnee_entrepreneurship', '计划“十四五”期间').verdict).toBe('mismatch');
    expect(returnees.chosen).toBe(3.5);
  });

  it('4 测算依据: 6.45 + 5.82 + 4.74 + 4.93 + 4.49 = 26.43万人次; the declining trend gives ≈17.2, above the chosen 15', () => {
    expect(check('rural_skills_training_total', '2016—2020年累计').verdict).toBe('match');
    const r = (4.49 / 6.45) ** (1 / 4);
    const training = indicator('rural_skills_training_total');
    expect(training.projection).toBeCloseTo(sum([1, 2, 3, 4, 5].map((t) => 4.49 * r ** t)), 10);
    expect(training.projection).toBeCloseTo(17.25, 2);
    expect(training.verdict).toBe('met');
    expect(check('rural_skills_training_total', '计划“十四五”期间').verdict).toBe('mismatch');
    expect(training.chosen).toBe(15);
  });

  it('5 测算依据: no formula — the current 2.29% plus an explicit, unquantified uplift (default 0) stays under ≤4%', () => {
    const rate = indicator('unemployment_rate');
    expect(rate.projection).toBe(2.29);
    expect(rate.verdict).toBe('met');
    expect(value('henan.registered_unemployment_cap_2021')).toBe(4.5);
    expect(computed('unemployment_rate', 'basis', '省2021年控制线')).toBeCloseTo(0.5, 10);
    const uplift = model.spec.assumptions['unemployment_rate_uplift']!;
    expect(uplift.default).toBe(0);
    expect(uplift.note).toMatch(/no figure|not quantified|gives no figure/);
  });

  it('5: a registration uplift of 2 points (2.29 → 4.29%) would miss ≤4%', () => {
    const r = evaluate(model, { unemployment_rate_uplift: 2 });
    expect(indicator('unemployment_rate', r).projection).toBeCloseTo(4.29, 10);
    expect(indicator('unemployment_rate', r).verdict).toBe('missed');
  });

  it('5: the 测算说明’s “目前…2.29%” disagrees with 专栏2’s 2020 value 1.95', () => {
    const c = check('unemployment_rate', '目前');
    expect([c.stated, c.recomputed]).toEqual([2.29, 1.95]);
    expect(c.verdict).toBe('mismatch');
  });
});

describe('二、社会保障', () => {
  it('6 城镇职工: 568.14 = 538.73 + 29.41; 20万人 a year is an 增幅 of 20 / 538.73 ≈ 3.7%', () => {
    expect(check('pension_urban', '企业职工 + 机关事业单位').verdict).toBe('match');
    const growth = check('pension_urban', '增幅');
    expect(growth.recomputed).toBeCloseTo(20 / 538.73, 10);
    expect(growth.verdict).toBe('rounding');
  });

  it('6 城镇职工: 666 − 568.14 = 97.86 (实际增加人数)', () => {
    const c = check('pension_urban', '实际增加人数');
    expect(c.recomputed).toBeCloseTo(97.86, 10);
    expect(c.verdict).toBe('match');
  });

  it('6 城镇职工: 568.14 + 5 × 20 = 668.14, not the 666 the text arrives at', () => {
    const urban = indicator('pension_urban');
    expect(urban.projection).toBeCloseTo(568.14 + 5 * 20, 10);
    const c = check('pension_urban', '预计达到');
    expect(c.stated).toBe(666);
    expect(c.verdict).toBe('mismatch');
    expect(urban.chosen).toBe(666);
    expect(urban.verdict).toBe('met');
  });

  it('6 城乡居民: 233.83 × 1.004^5 ≈ 238万人, growing by 233.83 × 0.4% ≈ 近万人 a year', () => {
    const rural = indicator('pension_rural');
    expect(rural.projection).toBeCloseTo(233.83 * 1.004 ** 5, 10);
    expect(check('pension_rural', '末城乡居民').verdict).toBe('approximate');
    const yearly = check('pension_rural', '近万人');
    expect(yearly.recomputed).toBeCloseTo(233.83 * 0.004, 10);
    expect(['rounding', 'approximate']).toContain(yearly.verdict);
  });

  it('6 城乡居民: “往年平均年增长率0.4%” is not what 专栏1 shows (226.31 → 233.83 is ≈0.66% a year)', () => {
    const c = check('pension_rural', '往年平均年增长率');
    expect(c.recomputed).toBeCloseTo((233.83 / 226.31) ** (1 / 5) - 1, 10);
    expect(c.verdict).toBe('mismatch');
  });

  it('6: 904 = 666 + 238 and 801.97 = 568.14 + 233.83; the projection is the sum of the sub-rows', () => {
    expect(check('pension_insured', '904 = 666 + 238').verdict).toBe('match');
    expect(check('pension_insured', '801.97').verdict).toBe('match');
    const total = indicator('pension_insured');
    expect(total.projection).toBeCloseTo(568.14 + 5 * 20 + 233.83 * 1.004 ** 5, 10);
    expect(total.verdict).toBe('met');
    expect(total.trajectory[0]).toEqual({ year: 2020, value: expect.closeTo(801.97, 10) });
  });

  it('7 测算依据: 2018 gap 190.29 − 183.24 ≈ 7万 and 2020 gap 250.01 − 236.88 ≈ 近14万 hold', () => {
    const gap2018 = check('unemployment_insured', '2018年参保与实际缴费差距');
    expect(gap2018.recomputed).toBeCloseTo(190.29 - 183.24, 10);
    expect(gap2018.verdict).toBe('rounding');
    const gap2020 = check('unemployment_insured', '2020年参保与实际缴费差距');
    expect(gap2020.recomputed).toBeCloseTo(250.01 - 236.88, 10);
    expect(gap2020.verdict).toBe('approximate');
  });

  it('7 测算依据: the 2019 gap 212.00 − 203.44 = 8.56 is not “近10万人”', () => {
    const c = check('unemployment_insured', '2019年参保与实际缴费差距');
    expect(c.recomputed).toBeCloseTo(8.56, 10);
    expect(c.verdict).toBe('mismatch');
  });

  it('7 测算依据: 2018年190.29万人 is “比上年增长1万人” (190.29 − 189.32 = 0.97); 富士康 fell 23.19 → 13.80 (近10) and 13.80 → 9.77 (4)', () => {
    const c = check('unemployment_insured', '2018年参保人数比上年增长');
    expect(c.recomputed).toBeCloseTo(0.97, 10);
    expect(c.verdict).toBe('rounding');
    expect(check('unemployment_insured', '2018年富士康').recomputed).toBeCloseTo(23.19 - 13.8, 10);
    expect(check('unemployment_insured', '2018年富士康').verdict).toBe('approximate');
    expect(check('unemployment_insured', '2019年富士康').recomputed).toBeCloseTo(13.8 - 9.77, 10);
    expect(check('unemployment_insured', '2019年富士康').verdict).toBe('rounding');
  });

  it('7 测算依据: 250.01 − 166.80 = 83.21, not the stated 83.93; 专栏1 gives 158.39, not 166.80, for 2015', () => {
    const increase = check('unemployment_insured', '比“十二五”末增加');
    expect(increase.stated).toBe(83.93);
    expect(increase.recomputed).toBeCloseTo(250.01 - 166.8, 10);
    expect(increase.verdict).toBe('mismatch');
    const base = check('unemployment_insured', '专栏1');
    expect([base.stated, base.recomputed]).toEqual([158.39, 166.8]);
    expect(base.verdict).toBe('mismatch');
  });

  it('7 测算依据: 277 is chosen, not derived — not reproducible, its growth back-solved (≈2.07% a year from 250.01)', () => {
    const insured = indicator('unemployment_insured');
    const chosen = derivation('unemployment_insured', 'chosen_path');
    expect(chosen.status).toBe('not_reproducible');
    expect(check('unemployment_insured', '确定为').verdict).toBe('not_reproducible');
    expect(value('unemployment_insured_growth')).toBeCloseTo((277 / 250.01) ** (1 / 5) - 1, 12);
    expect(model.spec.assumptions['unemployment_insured_growth']!.back_solved).toBeTruthy();
    expect(insured.chosen).toBe(277);
    expect(computed('unemployment_insured', 'chosen_path', '277万人隐含的年均增长率')).toBeCloseTo(0.0207, 4);
  });

  it('7 测算依据: the 2021 provincial target 273.38 at a 23.83% share implies a province of ≈1147万 and a 9.3% jump in 2021', () => {
    expect(value('henan.unemployment_insured_target_zz_2021')).toBe(273.38);
    expect(value('henan.unemployment_insured_share_zz')).toBe(0.2383);
    expect(computed('unemployment_insured', 'chosen_path', '全省参保人数')).toBeCloseTo(273.38 / 0.2383, 8);
    expect(computed('unemployment_insured', 'chosen_path', '当年增长率')).toBeCloseTo(273.38 / 250.01 - 1, 10);
  });

  it('7: the straight-line trend of 2015–2020 (which the text rejects) reads ≈307万 in 2025', () => {
    const ys = [166.8, 181.93, 189.32, 190.29, 212.0, 250.01];
    const xs = [2015, 2016, 2017, 2018, 2019, 2020];
    const mx = mean(xs);
    const my = mean(ys);
    const slope = sum(xs.map((x, i) => (x - mx) * (ys[i]! - my))) / sum(xs.map((x) => (x - mx) ** 2));
    expect(derivation('unemployment_insured', 'trend').value).toBeCloseTo(my + slope * (2025 - mx), 8);
  });

  it('8 测算依据2: 186.5 at the mean growth of provincial targets gives ≈221 in 2025', () => {
    const injury = indicator('injury_insured');
    expect(injury.primary).toBe('basis2');
    const targets = [156.86, 159, 168.3, 173.86, 181.3, 186.5]; // 2015 from 专栏1 (000 l.176), 2016–2020 from 003 l.1157
    const g = mean(targets.slice(1).map((v, i) => v / targets[i]! - 1));
    expect(injury.projection).toBeCloseTo(186.5 * (1 + g) ** 5, 10);
    expect(injury.projection).toBeCloseTo(221.83, 1);
    const c = derivation('injury_insured', 'basis2').stated[1]!;
    expect(c.stated).toBe(221);
    expect(c.verdict).toBe('approximate');
    expect(injury.verdict).toBe('met');
  });

  it('8 测算依据2: the mean growth of the provincial targets is ≈3.5329%, not the stated 3.5308%', () => {
    expect(value('injury_growth')).toBeCloseTo(0.035329, 6);
    const c = derivation('injury_insured', 'basis2').stated[0]!;
    expect(c.stated).toBe(0.035308);
    expect(c.unit).toBe('ratio');
    expect(c.verdict).toBe('mismatch');
    const a = model.spec.assumptions['injury_growth']!;
    expect(a.default).toBe('mean_growth(injury_provincial_targets)');
    expect([a.range, a.step]).toEqual([[0, 0.08], 0.001]);
  });

  it('8 测算依据2: at the stated 3.5308% the 2025 figure is 221.83', () => {
    const r = evaluate(model, { injury_growth: 0.035308 });
    expect(indicator('injury_insured', r).projection).toBeCloseTo(186.5 * 1.035308 ** 5, 10);
    expect(indicator('injury_insured', r).projection).toBeCloseTo(221.83, 2);
    expect(derivation('injury_insured', 'basis2', r).stated[0]!.verdict).toBe('match');
  });

  it('8 测算依据2: no series in the documents gives “每年平均净增加4.14万人”', () => {
    const c = check('injury_insured', '每年平均净增加');
    expect(c.stated).toBe(4.14);
    expect(c.recomputed).toBeCloseTo((186.5 - 156.86) / 5, 10);
    expect(c.verdict).toBe('mismatch');
  });

  it('8: the chosen 210 implies growth of cagr(186.5, 210, 5) ≈ 2.40% a year', () => {
    expect(indicator('injury_insured').chosen).toBe(210);
    expect(computed('injury_insured', 'basis2', '自186.5')).toBeCloseTo((210 / 186.5) ** (1 / 5) - 1, 12);
    expect(computed('injury_insured', 'basis2', '自186.5')).toBeCloseTo(0.024, 3);
    const r = evaluate(model, { injury_growth: (210 / 186.5) ** (1 / 5) - 1 });
    expect(indicator('injury_insured', r).projection).toBeCloseTo(210, 8);
  });

  it('8 测算依据1: 195.97 at ≈4% a year gives ≈238.4 (the text states no result)', () => {
    const d = derivation('injury_insured', 'basis1');
    expect(d.value).toBeCloseTo(195.97 * 1.04 ** 5, 10);
    expect(d.stated).toHaveLength(0);
  });
});

describe('三、人才队伍建设', () => {
  it('9 编制说明: 2018年74万人 + 每年5万人 × 2 = 2020年84万人', () => {
    const c = check('tech_talent', '编制说明');
    expect(c.recomputed).toBe(74 + 5 * 2);
    expect(c.verdict).toBe('match');
  });

  it('9 测算依据2: 12003 / 54997.07 ≈ 21.8% of a provincial 2025 total back-solved as 130 / 0.218 → ≈130, circular so not reproducible', () => {
    const share = check('tech_talent', '郑州市生产总值占全省');
    expect(share.recomputed).toBeCloseTo(12003 / 54997.07, 12);
    expect(share.verdict).toBe('rounding');
    expect(value('henan.tech_talent_2025')).toBeCloseTo(130 / 0.218, 10);
    expect(derivation('tech_talent', 'basis2').value).toBeCloseTo((130 / 0.218) * (12003 / 54997.07), 10);
    expect(check('tech_talent', '2025年郑州市专业技术人员总量').verdict).toBe('not_reproducible');
  });

  it('9 测算依据1: ≈104 from an unstated GDP model — not reproducible; its growth (84 → 104, ≈4.36% a year) is a labelled back-solved assumption', () => {
    const d = derivation('tech_talent', 'basis1');
    expect(d.status).toBe('not_reproducible');
    expect(d.stated[0]!.verdict).toBe('not_reproducible');
    expect(value('tech_talent_growth_basis1')).toBeCloseTo((104 / 84) ** (1 / 5) - 1, 12);
    expect(model.spec.assumptions['tech_talent_growth_basis1']!.back_solved).toMatch(/104/);
  });

  it('9 测算依据3: 综合考虑 118 is the chosen value; basis2 (≈130) clears it', () => {
    const tech = indicator('tech_talent');
    expect(tech.chosen).toBe(118);
    expect(derivation('tech_talent', 'basis3').status).toBe('no_numbers');
    expect(tech.verdict).toBe('met');
  });

  it('10 测算依据1: 1875 + 2371 + 3143 + 4451 + 5163 = 17003 (“17000 多人”), 3400.6 a year (“3000 余人”)', () => {
    const total = check('high_title_talent', '5 年来增长总量');
    expect(total.recomputed! * 10000).toBeCloseTo(17003, 6);
    expect(total.verdict).toBe('approximate');
    const yearly = derivation('high_title_talent', 'basis1').stated[1]!;
    expect(yearly.recomputed! * 10000).toBeCloseTo(3400.6, 6);
    expect(yearly.verdict).toBe('approximate');
  });

  it('10 测算依据2: 4.59 + 1.1 = 5.69万人 (2000 余人 a year), the primary; chosen 5.69', () => {
    const title = indicator('high_title_talent');
    expect(title.primary).toBe('basis2');
    expect(title.projection).toBeCloseTo(5.69, 12);
    expect(check('high_title_talent', '2025年底高级职称人才数量').verdict).toBe('match');
    expect(derivation('high_title_talent', 'basis2').stated[1]!.recomputed! * 10000).toBeCloseTo(2200, 6);
    expect(title.chosen).toBe(5.69);
    expect(title.verdict).toBe('met');
  });

  it('10: “年均增长率 8% 左右” ≈ 3400.6 / 45900 = 7.41%, but “6% 左右” is not 2200 / 45900 = 4.79%', () => {
    const [rate1] = derivation('high_title_talent', 'basis1').stated.filter((s) => s.label.includes('年均增长率'));
    expect(rate1!.recomputed).toBeCloseTo(3400.6 / 45900, 10);
    expect(rate1!.verdict).toBe('approximate');
    const [rate2] = derivation('high_title_talent', 'basis2').stated.filter((s) => s.label.includes('年均增长率'));
    expect(rate2!.recomputed).toBeCloseTo(2200 / 45900, 10);
    expect(rate2!.verdict).toBe('mismatch');
    // the other readings, shown as computed figures: CAGR of the stock
    expect(computed('high_title_talent', 'basis1', '存量复合增长率')).toBeCloseTo((45900 / (45900 - 17003)) ** (1 / 5) - 1, 10);
    expect(computed('high_title_talent', 'basis2', '存量复合增长率')).toBeCloseTo((5.69 / 4.59) ** (1 / 5) - 1, 10);
  });

  it('11 测算依据: 4.32 + 4.45 + 5.65 + 6.56 + 6.83 = 27.81; 33293人 + 3.5万 ≈ 6.83', () => {
    expect(check('cert_new_professional', '5 年新增总量').verdict).toBe('match');
    const c = check('cert_new_professional', '评审类 + 考试类');
    expect(c.recomputed).toBeCloseTo(33293 / 10000 + 3.5, 10);
    expect(c.verdict).toBe('rounding');
  });

  it('11 测算依据: 6.83 / 22.7 ≈ 30%; × 全省120万 ≈ 36万; chosen 32; 57.14 + 32 ≈ 89', () => {
    expect(check('cert_new_professional', '占全省之比').recomputed).toBeCloseTo(6.83 / 22.7, 12);
    expect(check('cert_new_professional', '占全省之比').verdict).toBe('rounding');
    const certs = indicator('cert_new_professional');
    expect(certs.projection).toBeCloseTo((120 * 6.83) / 22.7, 10);
    expect(check('cert_new_professional', '“十四五”期间郑州市新增').verdict).toBe('rounding');
    expect(computed('cert_new_professional', 'basis', '取整后的30%')).toBeCloseTo(36, 10);
    expect(certs.chosen).toBe(32);
    expect(certs.verdict).toBe('met');
    const total = check('cert_new_professional', '2025年末职业资格证书人数总量');
    expect(total.recomputed).toBeCloseTo(57.14 + 32, 10);
    expect(total.verdict).toBe('rounding');
  });

  it('12 编制说明: 24.9 + 9.1 = 34万人', () => {
    expect(check('high_skill_talent', '编制说明').recomputed).toBeCloseTo(34, 12);
  });

  it('12 测算依据2: 120 / 820.38 ≈ 14.62% and 34 / 226.59 ≈ 15.00%, both only approximately (the city figures are “约”)', () => {
    const skilled = check('high_skill_talent', '技能人才（约120万）');
    expect(skilled.recomputed).toBeCloseTo(120 / 820.38, 12);
    expect(skilled.verdict).toBe('approximate');
    const high = check('high_skill_talent', '高技能人才占全省');
    expect(high.recomputed).toBeCloseTo(34 / 226.59, 12);
    expect(high.verdict).toBe('approximate');
  });

  it('12 测算依据2: ≈57 via a provincial 2025 total back-solved as 57 / (34 / 226.59): circular, not reproducible; it misses the chosen 58', () => {
    expect(value('henan.high_skill_2025')).toBeCloseTo(57 / (34 / 226.59), 10);
    const skill = indicator('high_skill_talent');
    expect(skill.projection).toBeCloseTo(57, 10);
    expect(check('high_skill_talent', '2025年郑州市高技能人才量').verdict).toBe('not_reproducible');
    expect(skill.chosen).toBe(58);
    expect(skill.verdict).toBe('missed');
  });

  it('12 测算依据1: ≈39 from an unstated model — not reproducible, growth back-solved (34 → 39)', () => {
    const d = derivation('high_skill_talent', 'basis1');
    expect(d.status).toBe('not_reproducible');
    expect(d.value).toBeCloseTo(39, 10);
    expect(value('high_skill_growth_basis1')).toBeCloseTo((39 / 34) ** (1 / 5) - 1, 12);
  });

  it('13 测算依据：同上 — no numbers, so not modelled', () => {
    const adv = indicator('advanced_certificates');
    expect(adv.derivations.map((d) => d.status)).toEqual(['no_numbers']);
    expect(adv.projection).toBeNull();
    expect(adv.verdict).toBe('not_modelled');
    expect([adv.baseline, adv.target?.value]).toEqual([2, 24]);
  });
});

describe('四、劳动关系', () => {
  it('14 测算依据: 调解成功率 = 省人社厅的 60%, “60% 以上” met', () => {
    const m = indicator('mediation_success_rate');
    expect(m.projection).toBe(value('henan.mediation_success_rate'));
    expect(m.projection).toBe(60);
    expect(m.verdict).toBe('met');
  });

  it('15 测算依据: 仲裁结案率 = 省人社厅 90% + 2 = 92%', () => {
    expect(indicator('arbitration_closure_rate').projection).toBe(90 + 2);
    expect(check('arbitration_closure_rate', '确定为').verdict).toBe('match');
    const r = evaluate(model, { 'henan.arbitration_closure_rate': 91 });
    expect(indicator('arbitration_closure_rate', r).projection).toBe(93);
  });

  it('16 测算依据: 结案率保持 100%', () => {
    expect(indicator('labour_inspection_closure_rate').projection).toBe(100);
    expect(indicator('labour_inspection_closure_rate').verdict).toBe('met');
  });
});

describe('五、公共服务', () => {
  it('17 测算依据: 1035.2 + 22 × 6 = 1167.2万 residents, not “1200万人左右”; 22 ≈ the 2019 increase 21.6', () => {
    const pop = check('social_card_holders', '2025年底常住人口');
    expect(pop.recomputed).toBeCloseTo(1035.2 + 22 * 6, 10);
    expect(pop.verdict).toBe('mismatch');
    const step = check('social_card_holders', '年均常住人口增加');
    expect(step.recomputed).toBe(21.6);
    expect(['rounding', 'approximate']).toContain(step.verdict);
  });

  it('17 测算依据: 1100万 cards cover 1100 / 1167.2 ≈ 94.2% of the 2025 population', () => {
    expect(computed('social_card_holders', 'basis', '对2025年常住人口的覆盖率')).toBeCloseTo(1100 / 1167.2, 12);
    expect(computed('social_card_holders', 'basis', '对1200万人的覆盖率')).toBeCloseTo(1100 / 1200, 12);
  });

  it('17: at the 1100 / 1200 card ratio the arithmetic population gives ≈1070万, missing 1100', () => {
    const cards = indicator('social_card_holders');
    expect(cards.projection).toBeCloseTo((1035.2 + 22 * 6) * (1100 / 1200), 10);
    expect(cards.verdict).toBe('missed');
    expect(check('social_card_holders', '2025年底社会保障卡持卡人数').verdict).toBe('mismatch');
    expect(model.spec.assumptions['card_coverage_2025']!.back_solved).toBeTruthy();
  });

  it('17: the 测算说明’s 993万 disagrees with 专栏2’s 992', () => {
    const c = check('social_card_holders', '2020年底持卡人数');
    expect([c.stated, c.recomputed, c.verdict]).toEqual([993, 992, 'mismatch']);
  });

  it('18 测算依据: 168.1, 784.4, 82.6 of 1035.2 are 16.2%, 75.8%, 8%; 15—64 全覆盖 gives 75.8% > 70%', () => {
    for (const [label, count] of [
      ['0—14', 168.1],
      ['15—64', 784.4],
      ['65 岁及以上', 82.6],
    ] as const) {
      const c = check('ecard_coverage', label);
      expect(c.recomputed, label).toBeCloseTo(count / 1035.2, 12);
      expect(c.verdict, label).toBe('rounding');
    }
    const e = indicator('ecard_coverage');
    expect(e.projection).toBeCloseTo((784.4 / 1035.2) * 100, 10);
    expect(e.verdict).toBe('met');
  });

  it('18: were only 90% of the 15—64 group to apply, coverage would be ≈68%, below 70%', () => {
    const r = evaluate(model, { ecard_working_age_uptake: 0.9 });
    expect(indicator('ecard_coverage', r).projection).toBeCloseTo(((784.4 * 0.9) / 1035.2) * 100, 10);
    expect(indicator('ecard_coverage', r).verdict).toBe('missed');
  });
});

describe('the audit as a whole', () => {
  it('evaluates without problems (no errors, no provenance warnings)', () => {
    expect(result.problems).toEqual([]);
  });

  it('flags the document’s inconsistencies as mismatches, and only figures with a recomputation', () => {
    const mismatches = result.audit.filter((c) => c.verdict === 'mismatch').map((c) => c.key);
    for (const key of mismatches) expect(result.audit.find((c) => c.key === key)!.recomputed, key).not.toBeNull();
    expect(mismatches).toEqual(
      expect.arrayContaining([
        'unemployment_rate#0', // 2.29 vs 1.95
        'pension_urban/basis#2', // 666 vs 668.14
        'unemployment_insured#0', // 158.39 vs 166.80
        'injury_insured/basis2#0', // 3.5308% vs 3.5329%
        'social_card_holders#0', // 993 vs 992
      ]),
    );
  });

  it('keeps every assumption default inside its range, with a step for the TUI', () => {
    for (const a of result.assumptions.filter((x) => !x.id.includes('.'))) {
      expect(a.range, a.id).toBeDefined();
      expect(a.step, a.id).toBeGreaterThan(0);
      expect(a.value, a.id).toBeGreaterThanOrEqual(a.range![0]);
      expect(a.value, a.id).toBeLessThanOrEqual(a.range![1]);
    }
  });

  it('gives every indicator with derivations a primary, except 13 (同上)', () => {
    const without = Object.entries(model.spec.indicators)
      .filter(([, s]) => !s.primary)
      .map(([id]) => id);
    expect(without).toEqual(['advanced_certificates']);
  });
});

describe('provenance', () => {
  it('gives every stated figure a quote', () => {
    expect(result.audit.length).toBeGreaterThan(50);
    for (const c of result.audit) expect(c.quote?.trim(), c.key).toBeTruthy();
  });

  it('labels exactly the six figures the document implies but never states as back-solved', () => {
    const backSolved = result.assumptions
      .filter((a) => a.backSolved)
      .map((a) => a.id)
      .sort();
    expect(backSolved).toEqual([
      'card_coverage_2025',
      'henan.high_skill_2025',
      'henan.tech_talent_2025',
      'high_skill_growth_basis1',
      'tech_talent_growth_basis1',
      'unemployment_insured_growth',
    ]);
  });

  const sources: { where: string; source: Source }[] = [];
  const collect = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => collect(n, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o['ref'] === 'string' && typeof o['quote'] === 'string') sources.push({ where, source: o as unknown as Source });
      for (const [k, v] of Object.entries(o)) collect(v, `${where}.${k}`);
    }
  };
  collect(model.spec, 'model');

  it('gives every source a line', () => {
    expect(sources.length).toBeGreaterThan(100);
    for (const { where, source } of sources) expect(source.line, where).toBeGreaterThan(0);
  });

  it('writes no number into an assumption default that its quote does not print (as is, as a percentage, or in 人 for 万人)', () => {
    const structural = (x: number) => Number.isInteger(x) && (x <= 10 || x === 100 || (x >= 1949 && x <= 2100));
    const forms = (x: number) => [String(x), String(Number((x * 100).toPrecision(12))), String(Number((x * 10000).toPrecision(12)))];
    for (const [id, a] of Object.entries(model.spec.assumptions)) {
      const literals = typeof a.default === 'number' ? [a.default] : (a.default.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
      for (const x of literals.filter((l) => !structural(l))) {
        expect(
          forms(x).some((f) => a.source!.quote.includes(f)),
          `${id}: ${x}`,
        ).toBe(true);
      }
    }
  });

  const seedDir = resolve(root, 'documents'); // shipped with the repository: these tests run everywhere
  const files = Object.fromEntries(Object.entries(model.spec.sources).map(([ref, s]) => [ref, resolve(seedDir, s.file!)]));
  describe('against the seed files', () => {
    const lines = Object.fromEntries(Object.entries(files).map(([ref, f]) => [ref, readFileSync(f, 'utf8').split('\n')]));

    it('finds every quote verbatim on its line', () => {
      for (const { where, source } of sources) {
        expect(lines[source.ref]![source.line! - 1], `${where} (${source.ref} l.${source.line})`).toContain(source.quote);
      }
    });

    it('takes every 专栏2 baseline and target from the cell printed on its line', () => {
      for (const [id, s] of Object.entries(model.spec.indicators)) {
        expect(lines['plan']![s.baseline.source!.line! - 1]!.trim(), `${id} baseline`).toBe(s.baseline.published);
        expect(lines['plan']![s.target!.source.line! - 1]!.trim(), `${id} target`).toBe(s.target!.published);
      }
    });
  });
});

describe('the forecasting methods beside the document’s own (computed by cesuan, never the projection)', () => {
  /** GM(1,1) written apart from the engine: 2×2 normal equations, then the accumulated time response differenced. */
  const greyForecast = (x0: number[], h: number) => {
    const x1 = x0.map((_, i) => sum(x0.slice(0, i + 1)));
    const z = x0.slice(1).map((_, i) => -(x1[i]! + x1[i + 1]!) / 2);
    const y = x0.slice(1);
    const m = z.length;
    const [sz, sy, szz, szy] = [sum(z), sum(y), sum(z.map((v) => v * v)), sum(z.map((v, i) => v * y[i]!))];
    const a = (m * szy - sz * sy) / (m * szz - sz * sz);
    const b = (sy - a * sz) / m;
    const acc = (k: number) => (x0[0]! - b / a) * Math.exp(-a * k) + b / a;
    return acc(x0.length + h - 1) - acc(x0.length + h - 2);
  };
  const targets = [156.86, 159, 168.3, 173.86, 181.3, 186.5]; // 003 l.1157 (2016–2020) and 000 l.176 (2015)
  const insured = [166.8, 181.93, 189.32, 190.29, 212.0, 250.01]; // 003 l.1129–1139

  it('工伤 (item 8): GM(1,1) ≈ 227.9 with C ≈ 0.095, P = 1 (好); exponential trend ≈ 225.0 — beside the document’s 221.86', () => {
    expect(computed('injury_insured', 'basis2', 'GM(1,1)灰色预测')).toBeCloseTo(greyForecast(targets, 5), 9);
    expect(computed('injury_insured', 'basis2', 'GM(1,1)灰色预测')).toBeCloseTo(227.92, 2);
    expect(computed('injury_insured', 'basis2', '后验差比值')).toBeCloseTo(0.0948, 4);
    expect(computed('injury_insured', 'basis2', '小误差概率')).toBe(1);
    expect(computed('injury_insured', 'basis2', '指数趋势外推')).toBeCloseTo(225.03, 2);
    expect(indicator('injury_insured').projection).toBeCloseTo(
      186.5 * (1 + mean(targets.slice(1).map((v, i) => v / targets[i]! - 1))) ** 5,
      9,
    );
  });

  it('失业保险 (item 7): GM(1,1) ≈ 357.2 (C ≈ 0.32, just 好): the 2020 jump the text calls 虚高 carries it far above 277', () => {
    expect(computed('unemployment_insured', 'chosen_path', 'GM(1,1)灰色预测')).toBeCloseTo(greyForecast(insured, 5), 9);
    expect(computed('unemployment_insured', 'chosen_path', 'GM(1,1)灰色预测')).toBeCloseTo(357.2, 1);
    expect(computed('unemployment_insured', 'chosen_path', '后验差比值')).toBeCloseTo(0.3232, 4);
    expect(indicator('unemployment_insured').projection).toBeCloseTo(277, 9);
  });

  it('five-year totals from yearly GM(1,1) forecasts: 农村转移 12.68 (decay 13.79, chosen 15), 技能培训 17.61, 职业资格证书 53.57 (the document’s share 36)', () => {
    const total = (x0: number[]) => sum([1, 2, 3, 4, 5].map((h) => greyForecast(x0, h)));
    expect(computed('rural_labour_transfer', 'trend', 'GM(1,1)')).toBeCloseTo(total([9.5, 8, 6.1, 5.2, 4.6]), 9);
    expect(computed('rural_labour_transfer', 'trend', 'GM(1,1)')).toBeCloseTo(12.68, 2);
    expect(computed('rural_skills_training_total', 'trend', 'GM(1,1)')).toBeCloseTo(total([6.45, 5.82, 4.74, 4.93, 4.49]), 9);
    expect(computed('rural_skills_training_total', 'trend', 'GM(1,1)')).toBeCloseTo(17.61, 2);
    expect(computed('cert_new_professional', 'basis', 'GM(1,1)')).toBeCloseTo(total([4.32, 4.45, 5.65, 6.56, 6.83]), 9);
    expect(computed('cert_new_professional', 'basis', 'GM(1,1)')).toBeCloseTo(53.57, 2);
  });
});
