/**
 * models/shiyan-hrss-14th.yaml against its document: 十堰市人力资源和社会保障事业发展“十四五”规划
 * (seed 002_6dfc5125a1bfd828.txt; 专栏1 lines 16–35, 专栏2 lines 47–70, the goals text lines 41–46).
 *
 * Expected figures are transcribed from the document (line numbers in comments) or computed here in
 * closed form — never copied from engine output.
 */
import { describe, expect, it } from 'vitest';
import { modelUnderTest } from '../helpers/model.js';
import { evaluate } from '../../src/engine/graph/evaluate.js';

const { model, result, indicator, spec, derivation, computed, check, value, at } = modelUnderTest('shiyan-hrss-14th');

describe('十堰 专栏2 “十四五”时期主要指标: rows, sections, kinds, attributes', () => {
  it('has exactly the 16 rows of 专栏2, numbered 1–16 in table order', () => {
    expect(result.indicators).toHaveLength(16);
    expect(result.indicators.map((i) => i.number)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
  });

  it('puts rows 1–5 under 就业, 6–8 社会保障, 9–11 人才人事, 12–14 劳动关系, 15–16 公共服务', () => {
    const sectionOf = (n: number) => (n <= 5 ? '就业' : n <= 8 ? '社会保障' : n <= 11 ? '人才人事' : n <= 14 ? '劳动关系' : '公共服务');
    for (const i of result.indicators) expect(i.groupLabel, `row ${i.number}`).toBe(sectionOf(Number(i.number)));
  });

  // [number, id, unit, kind, baseline, baseline cell, comparator, target, target cell, line]
  const rows: [string, string, string, 'stock' | 'cumulative' | 'rate', number | null, string, string, number, string, number][] = [
    ['1', 'urban_new_jobs', '万人', 'cumulative', 22, '〔22〕', '>=', 15, '〔15〕', 50],
    ['2', 'surveyed_unemployment', '%', 'rate', null, '—', '<', 6, '<6', 51],
    ['3', 'registered_unemployment', '%', 'rate', 4.5, '4.5', '<', 5, '<5', 52],
    ['4', 'subsidized_training', '万人次', 'cumulative', 7.23, '7.23', '>=', 15, '〔15〕', 53],
    ['6', 'pension_coverage', '%', 'rate', 90.7, '90.7', '>=', 95, '95', 56],
    ['7', 'unemployment_insured', '万人', 'stock', 27.29, '27.29', '>=', 25, '25', 57],
    ['8', 'injury_insured', '万人', 'stock', 32.71, '32.71', '>=', 35, '35', 58],
    ['9', 'new_pro_qualifications', '万人', 'cumulative', 3.57, '〔3.57〕', '>=', 3.2, '〔3.2〕', 60],
    ['11', 'new_advanced_certificates', '万人次', 'cumulative', 1.8, '〔1.8〕', '>=', 1, '〔1〕', 62],
    ['13', 'arbitration_closure_rate', '%', 'rate', 96.28, '96.28', '>=', 90, '90', 65],
    ['14', 'inspection_closure_rate', '%', 'rate', 100, '100', '>=', 99, '99', 66],
    ['15', 'social_card_holders', '万人', 'stock', 328, '328', '>=', 320, '320', 68],
    ['16', 'e_social_card_coverage', '%', 'rate', 32, '32', '>=', 67, '67', 69],
  ];
  it.each(rows)('row %s %s reads as 专栏2 prints it', (number, id, unit, kind, baseline, baselineCell, op, target, targetCell, line) => {
    const s = spec(id);
    expect(s.number).toBe(number);
    expect(s.unit).toBe(unit);
    expect(s.kind).toBe(kind);
    expect(s.baseline.value).toBe(baseline);
    expect(s.baseline.published).toBe(baselineCell);
    expect(s.target?.op).toBe(op);
    expect(s.target?.value).toBe(target);
    expect(s.target?.published).toBe(targetCell);
    expect(s.target?.source.line).toBe(line);
    expect(s.target?.source.quote).toContain(targetCell);
  });

  it('treats exactly the rows with a 〔 〕 2025 cell as five-year cumulative (注:〔 〕内为五年累计数)', () => {
    for (const id of Object.keys(model.spec.indicators)) {
      const s = spec(id);
      expect(s.kind === 'cumulative', `${id}: 2025 cell ${s.target?.published}`).toBe((s.target?.published ?? '').startsWith('〔'));
    }
    expect(result.indicators.filter((i) => i.kind === 'cumulative').map((i) => Number(i.number))).toEqual([1, 4, 5, 9, 10, 11]);
  });

  it('has two 约束性 rows, 失业保险参保人数 and 工伤保险参保人数; the other 14 are 预期性', () => {
    expect(result.indicators.filter((i) => i.attribute === 'binding').map((i) => i.number)).toEqual(['7', '8']);
    expect(result.indicators.filter((i) => i.attribute === 'indicative')).toHaveLength(14);
  });

  it('makes the three 其中 rows sub-rows of the row above them', () => {
    expect(indicator('migrant_worker_training').parent).toBe('subsidized_training');
    expect(indicator('new_advanced_certificates').parent).toBe('new_skill_certificates');
    expect(indicator('e_social_card_coverage').parent).toBe('social_card_holders');
  });

  it('leaves 城镇调查失业率 unmodelled: its 2020 cell is “—”', () => {
    const i = indicator('surveyed_unemployment');
    expect(i.baseline).toBeNull();
    expect(i.projection).toBeNull();
    expect(i.verdict).toBe('not_modelled');
  });
});

describe('十堰 专栏1 “十三五”时期主要指标完成情况 as series', () => {
  // [series, 2015年基数, 2020年完成数, line]
  const history: [string, number, number, number][] = [
    ['urban_new_jobs_13th', 22.45, 22, 19],
    ['unemployment_insured_13th', 28, 27.29, 23],
    ['injury_insured_13th', 29.3, 32.71, 24],
    ['labor_contract_rate_13th', 92, 94, 30],
    ['arbitration_closure_13th', 95, 96.28, 32],
    ['inspection_closure_13th', 97, 100, 33],
    ['social_card_coverage_13th', 55, 98.73, 35],
  ];
  it.each(history)('%s: 2015 %s → 2020 %s (专栏1 line %s)', (id, v2015, v2020, line) => {
    const s = model.spec.series[id]!;
    expect(s.years).toEqual([2015, 2020]);
    expect(s.values).toEqual([v2015, v2020]);
    expect(s.source.line).toBe(line);
    expect(s.source.quote).toContain(`| ${v2015} |`);
  });

  it('keeps 专业技术人才 14.63万 and 高技能人才 12.5万 (2015 cells “—”) as one-year series', () => {
    expect(model.spec.series.professional_talent_13th!.values).toEqual([14.63]);
    expect(model.spec.series.high_skilled_talent_13th!.values).toEqual([12.5]);
  });
});

describe('十堰 implied derivations: what each 2025 target implies', () => {
  const stocks: [string, number, number][] = [
    ['unemployment_insured', 27.29, 25],
    ['injury_insured', 32.71, 35],
    ['social_card_holders', 328, 320],
  ];
  it.each(stocks)('%s: growth = (target/baseline)^(1/5) − 1 and the path compounds it', (id, base, target) => {
    const g = (target / base) ** (1 / 5) - 1;
    expect(value(`${id}_growth`)).toBeCloseTo(g, 12);
    expect(computed(id, 'implied', '年均增长率')).toBeCloseTo(g, 12);
    const i = indicator(id);
    expect(i.primary).toBe('implied');
    expect(i.projection).toBeCloseTo(target, 9);
    expect(at(id, 2023)).toBeCloseTo(base * (1 + g) ** 3, 9);
  });

  it('工伤保险参保人数 32.71 → 35 needs about 1.36% a year', () => {
    expect(value('injury_insured_growth')).toBeCloseTo(0.0136, 4);
  });

  it('失业保险参保人数 (约束性) 27.29 → 25 is a planned decline of about 1.74% a year', () => {
    expect(value('unemployment_insured_growth')).toBeLessThan(0);
    expect(value('unemployment_insured_growth')).toBeCloseTo(-0.0174, 4);
  });

  it('社会保障卡持卡人数 328 → 320 is a planned decline too', () => {
    expect(value('social_card_holders_growth')).toBeCloseTo((320 / 328) ** 0.2 - 1, 12);
    expect(value('social_card_holders_growth')).toBeLessThan(0);
  });

  const cumulative: [string, number, number][] = [
    ['urban_new_jobs', 15, 22],
    ['new_pro_qualifications', 3.2, 3.57],
    ['new_skill_certificates', 4, 8.5],
    ['new_advanced_certificates', 1, 1.8],
  ];
  it.each(cumulative)('%s: 〔%s〕 spread over five years, against the 13th-plan 〔%s〕', (id, total, previous) => {
    expect(value(`${id}_yearly`)).toBeCloseTo(total / 5, 12);
    const i = indicator(id);
    expect(i.trajectory.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const p of i.trajectory) expect(p.value).toBeCloseTo(total / 5, 12);
    expect(i.projection).toBeCloseTo(total, 12);
    expect(computed(id, 'implied', '倍数')).toBeCloseTo(total / previous, 12);
    expect(total).toBeLessThan(previous);
  });

  it('补贴性职业技能培训 〔15〕 is 3万人次 a year, about 41% of 2020’s 7.23', () => {
    expect(value('subsidized_training_yearly')).toBeCloseTo(3, 12);
    expect(computed('subsidized_training', 'implied', '比例')).toBeCloseTo(3 / 7.23, 12);
    expect(value('migrant_worker_training_yearly')).toBeCloseTo(0.6, 12);
  });

  const rates: [string, number, number][] = [
    ['pension_coverage', 90.7, 95],
    ['mediation_success_rate', 60.18, 60],
    ['arbitration_closure_rate', 96.28, 90],
    ['inspection_closure_rate', 100, 99],
    ['e_social_card_coverage', 32, 67],
  ];
  it.each(rates)('%s: equal percentage-point steps from %s to %s', (id, base, target) => {
    const step = (target - base) / 5;
    expect(value(`${id}_step`)).toBeCloseTo(step, 12);
    expect(at(id, 2022)).toBeCloseTo(base + 2 * step, 9);
    expect(indicator(id).projection).toBeCloseTo(target, 9);
    expect(indicator(id).verdict).toBe('met');
  });

  it('城镇登记失业率: the implied path ends on the ceiling 5, which a strict “<5” does not meet', () => {
    expect(value('registered_unemployment_step')).toBeCloseTo((5 - 4.5) / 5, 12);
    const i = indicator('registered_unemployment');
    expect(i.projection).toBeCloseTo(5, 12);
    expect(i.verdict).toBe('missed');
    const below = evaluate(model, { registered_unemployment_step: 0.05 }).indicators.find((x) => x.id === 'registered_unemployment')!;
    expect(below.projection).toBeCloseTo(4.5 + 5 * 0.05, 12);
    expect(below.verdict).toBe('met');
  });

  it('lets a planner vary the growth: 工伤保险 at 1% a year misses 35万人', () => {
    const varied = evaluate(model, { injury_insured_growth: 0.01 }).indicators.find((x) => x.id === 'injury_insured')!;
    expect(varied.projection).toBeCloseTo(32.71 * 1.01 ** 5, 9);
    expect(varied.verdict).toBe('missed');
    expect(varied.gap).toBeCloseTo(32.71 * 1.01 ** 5 - 35, 9);
  });

  it('keeps every assumption default inside its range', () => {
    for (const a of result.assumptions) {
      expect(a.range, a.id).toBeDefined();
      expect(a.value, a.id).toBeGreaterThanOrEqual(a.range![0]);
      expect(a.value, a.id).toBeLessThanOrEqual(a.range![1]);
    }
  });
});

describe('十堰 trend derivations: the 13th-plan pace carried to 2025', () => {
  it('gives a trend exactly to the rows 专栏1 continues with numbers in both years', () => {
    const withTrend = result.indicators.filter((i) => i.derivations.some((d) => d.id === 'trend')).map((i) => i.id);
    expect(withTrend).toEqual([
      'urban_new_jobs',
      'unemployment_insured',
      'injury_insured',
      'arbitration_closure_rate',
      'inspection_closure_rate',
    ]);
  });

  it('工伤保险参保人数: 29.3 → 32.71 again gives 32.71²/29.3 ≈ 36.5万, above the 35 target', () => {
    const trend = (32.71 * 32.71) / 29.3;
    expect(derivation('injury_insured', 'trend').value).toBeCloseTo(trend, 9);
    expect(computed('injury_insured', 'trend', '“十三五”年均增长率')).toBeCloseTo((32.71 / 29.3) ** 0.2 - 1, 12);
    expect(computed('injury_insured', 'trend', '目标/趋势')).toBeCloseTo(35 / trend, 12);
    expect(trend).toBeGreaterThan(35);
  });

  it('失业保险参保人数: 28 → 27.29 again gives 27.29²/28 ≈ 26.6万, still above the 25 floor', () => {
    const trend = (27.29 * 27.29) / 28;
    expect(derivation('unemployment_insured', 'trend').value).toBeCloseTo(trend, 9);
    expect(computed('unemployment_insured', 'trend', '目标/趋势')).toBeCloseTo(25 / trend, 12);
  });

  it('城镇新增就业: the five-year totals 22.45 → 22 carried on give 22²/22.45 ≈ 21.6万, against 〔15〕', () => {
    const trend = (22 * 22) / 22.45;
    expect(derivation('urban_new_jobs', 'trend').value).toBeCloseTo(trend, 9);
    expect(computed('urban_new_jobs', 'trend', '目标/趋势')).toBeCloseTo(15 / trend, 12);
  });

  it('仲裁结案率: +1.28 points over the 13th plan carried on gives 97.56%', () => {
    expect(derivation('arbitration_closure_rate', 'trend').value).toBeCloseTo(96.28 + (96.28 - 95), 9);
  });

  it('监察举报投诉结案率: 97 → 100 carried on would be 103%, capped at 100', () => {
    expect(computed('inspection_closure_rate', 'trend', '年均变动')).toBeCloseTo((100 - 97) / 5, 12);
    expect(derivation('inspection_closure_rate', 'trend').value).toBe(100);
  });
});

describe('十堰 consistency between the text, 专栏1 and 专栏2', () => {
  it('正文“失业保险参保人数……26万人” contradicts 27.29 in both tables: mismatch', () => {
    const c = check('unemployment_insured', '正文');
    expect(c.stated).toBe(26);
    expect(c.recomputed).toBe(27.29);
    expect(c.verdict).toBe('mismatch');
    expect(c.quote).toContain('26万人');
    expect(check('unemployment_insured', '专栏1').verdict).toBe('match');
  });

  it('正文“城乡劳动者就业创业培训12.5万人” differs from 专栏2 row 4 〔15〕: mismatch', () => {
    const c = check('subsidized_training', '12.5');
    expect(c.stated).toBe(12.5);
    expect(c.recomputed).toBe(15);
    expect(c.verdict).toBe('mismatch');
  });

  it('正文“累计发放社会保障卡327.96万张” rounds to 专栏2’s 328', () => {
    const c = check('social_card_holders', '327.96');
    expect(c.recomputed).toBeCloseTo(327.96, 12);
    expect(c.verdict).toBe('rounding');
  });

  it('正文 工伤保险 32.71万人, 累计新增就业22万人 and 参保率达到95% agree with the tables', () => {
    expect(check('injury_insured', '正文').verdict).toBe('match');
    expect(check('urban_new_jobs', '正文“十三五”').verdict).toBe('match');
    expect(check('pension_coverage', '95%').verdict).toBe('match');
    expect(check('arbitration_closure_rate', '90%').verdict).toBe('match');
  });

  it('finds exactly two mismatches in the whole model, both in the text', () => {
    const mismatches = result.audit.filter((c) => c.verdict === 'mismatch');
    expect(mismatches.map((c) => c.indicator)).toEqual(['subsidized_training', 'unemployment_insured']);
    for (const c of mismatches) expect(c.quote).not.toContain('|');
  });

  it('evaluates without numeric problems', () => {
    expect(result.problems).toEqual([]);
  });
});
