/**
 * models/xinxiang-talent-14th.yaml against its document: 新乡市“十四五”人才发展、人力资源开发和就业促进规划
 * (seed 001_ec30a6b184c889d4.txt; the 主要指标 table is lines 63–318, one cell a line).
 *
 * Expected figures below are transcribed from the document (line numbers in comments) or computed here in
 * closed form — never copied from engine output.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelUnderTest, repoRoot } from '../helpers/model.js';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import type { Source } from '../../src/model/schema.js';
import { cesuan } from '../helpers/cli.js';

const { model, result, indicator, spec, derivation, computed, check, value } = modelUnderTest('xinxiang-talent-14th');
const root = repoRoot;

describe('新乡 主要指标表: rows, sections, kinds, attributes', () => {
  it('has exactly the 30 rows of the table, numbered 1–30 in table order', () => {
    expect(result.indicators).toHaveLength(30);
    expect(result.indicators.map((i) => i.number)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
  });

  it('puts rows 1–9 under 一、人才发展, 10–19 under 二、人力资源开发, 20–30 under 三、就业促进', () => {
    const sectionOf = (n: number) => (n <= 9 ? '一、人才发展' : n <= 19 ? '二、人力资源开发' : '三、就业促进');
    for (const i of result.indicators) expect(i.groupLabel, `row ${i.number}`).toBe(sectionOf(Number(i.number)));
  });

  // [number, id, label, unit, kind, baseline, baseline cell, comparator, target, target cell, line of the 2025 cell]
  const rows: [
    string,
    string,
    string,
    string,
    'stock' | 'cumulative' | 'rate',
    number | null,
    string | undefined,
    string,
    number,
    string,
  ][] = [
    ['1', 'enterprise_managers', '企业经营管理人才', '万人', 'stock', 13.95, '13.95', '>=', 22, '22'], // l.78–82
    ['3', 'high_skill_talent', '高技能人才', '万人', 'stock', 9.3, '9.3', '>=', 35, '35'], // l.94–98
    ['5', 'social_work_professionals', '社会工作专业人才', '人', 'stock', 2430, '2430', '>=', 3000, '3000'], // l.110–114
    ['7', 'postdoc_recruits', '博士后研究人员累计招收数', '人', 'cumulative', 26, '[26]', '>=', 51, '[51]'], // l.126–130
    ['8', 'labour_productivity_growth', '全员劳动生产率增长', '%', 'rate', null, undefined, '>=', 5.5, '>5.5'], // l.134–136
    ['9', 'rd_spending_growth', '研发经费投入增长', '%', 'rate', null, undefined, '>=', 12, '12'], // l.140–142
    ['11', 'skilled_talent_share', '技能人才占从业人员的比例', '%', 'rate', 21.2, '21.2', '≈', 40, '40'], // l.159–163
    ['12', 'subsidized_training', '开展补贴性职业技能培训人次', '万人次', 'cumulative', 11.02, '11.02', '>=', 40, '[40]'], // l.167–171
    ['13', 'rural_labour_training', '其中:农村劳动力技能培训人数', '万人', 'cumulative', 14.18, '[14.18]', '>=', 14.5, '[14.5]'], // l.175–179
    ['16', 'certified_share', '从业人员持证率', '%', 'rate', 40, '40', '>=', 60, '>60'], // l.199–203
    ['19', 'technical_school_enrolment', '技工院校累计招生规模', '万人', 'cumulative', 3.552, '[3.552]', '>=', 3.15, '[3.15]'], // l.223–227
    ['20', 'urban_new_jobs', '城镇新增就业人数', '万人', 'cumulative', 44.85, '[44.85]', '>=', 35, '[35]'], // l.236–240
    ['23', 'urban_surveyed_unemployment', '城镇调查失业率', '%', 'rate', null, undefined, '<=', 5.5, '<>'], // l.260–262 + 正文 l.61
    ['27', 'dispute_mediation_success', '劳动人事争议调解成功率', '%', 'rate', 66.7, '66.7', '>=', 60, '>60'], // l.286–290
    ['30', 'schooling_years', '劳动年龄人口平均受教育年限', '年', 'stock', 10.2, '10.2', '≈', 11, '11.0 左右'], // l.310–314
  ];
  it.each(rows)(
    'row %s %s reads as the document prints it',
    (number, id, label, unit, kind, baseline, baselineCell, op, target, targetCell) => {
      const s = spec(id);
      expect(s.number).toBe(number);
      expect(s.label).toBe(label);
      expect(s.unit).toBe(unit);
      expect(s.kind).toBe(kind);
      expect(s.baseline.value).toBe(baseline);
      expect(s.baseline.published).toBe(baselineCell);
      expect(s.target?.op).toBe(op);
      expect(s.target?.value).toBe(target);
      expect(s.target?.published).toBe(targetCell);
    },
  );

  it('treats exactly the bracketed rows as five-year cumulative (表注: [ ]内数据为五年规划期累计数)', () => {
    const cumulative = result.indicators.filter((i) => i.kind === 'cumulative').map((i) => Number(i.number));
    expect(cumulative).toEqual([7, 12, 13, 15, 19, 20, 21, 22]);
    for (const id of Object.keys(model.spec.indicators)) {
      const s = spec(id);
      const bracketed = (s.target?.published ?? '').startsWith('[');
      expect(s.kind === 'cumulative', `${id}: kind ${s.kind}, 2025 cell ${s.target?.published}`).toBe(bracketed);
    }
  });

  it('treats every (%) row as a rate and nothing else', () => {
    for (const i of result.indicators) expect(i.kind === 'rate', i.id).toBe(i.unit === '%');
    expect(result.indicators.filter((i) => i.kind === 'rate').map((i) => Number(i.number))).toEqual([8, 9, 11, 16, 23, 24, 26, 27, 28, 29]);
  });

  it('has one 约束性 row, 劳动年龄人口平均受教育年限; the other 29 are 预期性', () => {
    const binding = result.indicators.filter((i) => i.attribute === 'binding');
    expect(binding.map((i) => i.label)).toEqual(['劳动年龄人口平均受教育年限']);
    expect(result.indicators.filter((i) => i.attribute === 'indicative')).toHaveLength(29);
  });

  it('makes 其中:农村劳动力技能培训人数 a sub-row of 开展补贴性职业技能培训人次', () => {
    expect(indicator('rural_labour_training').parent).toBe('subsidized_training');
  });

  it('leaves the missing 2020 cells (rows 8, 9, 23, 24, 26) null and says why', () => {
    for (const id of [
      'labour_productivity_growth',
      'rd_spending_growth',
      'urban_surveyed_unemployment',
      'urban_employment_share',
      'pension_coverage',
    ]) {
      expect(spec(id).baseline.value, id).toBeNull();
      expect(spec(id).baseline.note, id).toMatch(/单元格/);
    }
  });

  it('reads the garbled 城镇调查失业率 cell “<>” from the text: 控制在5.5%以内', () => {
    const s = spec('urban_surveyed_unemployment');
    expect(s.target?.published).toBe('<>');
    expect(s.target?.source.line).toBe(61);
    expect(s.target?.source.quote).toContain('城镇调查失业率控制在5.5%以内');
    expect(s.note).toMatch(/<>/);
  });
});

describe('新乡 implied derivations: the growth each target implies', () => {
  // stock rows: [id, 2020, 2025]
  const stocks: [string, number, number][] = [
    ['enterprise_managers', 13.95, 22],
    ['professional_technical_talent', 12.9, 15],
    ['high_skill_talent', 9.3, 35],
    ['social_work_professionals', 2430, 3000],
    ['new_professional_qualifications', 0.45, 2.7],
    ['skilled_talent_total', 53, 122],
    ['certified_total', 100, 183],
    ['schooling_years', 10.2, 11.0],
  ];
  it.each(stocks)('%s: growth = (target/baseline)^(1/5) − 1, projection = target', (id, base, target) => {
    const g = (target / base) ** (1 / 5) - 1;
    expect(value(`${id}_growth`)).toBeCloseTo(g, 12);
    expect(computed(id, 'implied', '2025年目标隐含的年均增长率')).toBeCloseTo(g, 12);
    const i = indicator(id);
    expect(i.primary).toBe('implied');
    expect(i.projection).toBeCloseTo(target, 9);
    expect(i.verdict).toBe('met');
    const y2023 = i.trajectory.find((p) => p.year === 2023)!.value;
    expect(y2023).toBeCloseTo(base * (1 + g) ** 3, 9);
  });

  it('高技能人才 9.3 → 35 implies about 30.4% a year', () => {
    expect(value('high_skill_talent_growth')).toBeCloseTo((35 / 9.3) ** (1 / 5) - 1, 12);
    expect(value('high_skill_talent_growth')).toBeGreaterThan(0.3);
  });

  it('cumulative rows spread the five-year total evenly: 城镇新增就业 [35] = 7万人 a year', () => {
    expect(value('urban_new_jobs_yearly')).toBeCloseTo(35 / 5, 12);
    const i = indicator('urban_new_jobs');
    expect(i.trajectory.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const p of i.trajectory) expect(p.value).toBeCloseTo(7, 12);
    expect(i.projection).toBeCloseTo(35, 12);
    expect(value('postdoc_recruits_yearly')).toBeCloseTo(51 / 5, 12);
  });

  it('开展补贴性职业技能培训: [40] over five years is 8万人次 a year, below 2020’s 11.02', () => {
    expect(value('subsidized_training_yearly')).toBeCloseTo(8, 12);
    expect(computed('subsidized_training', 'implied', '目标年均数与2020年当年数之比')).toBeCloseTo(8 / 11.02, 12);
  });

  it('rate rows move in equal percentage-point steps: 技能人才占比 21.2 → 40 is 3.76 points a year', () => {
    expect(value('skilled_talent_share_step')).toBeCloseTo((40 - 21.2) / 5, 12);
    const path = indicator('skilled_talent_share').trajectory;
    expect(path.find((p) => p.year === 2022)!.value).toBeCloseTo(21.2 + 2 * 3.76, 9);
    expect(value('dispute_mediation_success_step')).toBeCloseTo((60 - 66.7) / 5, 12);
  });

  it('lets a planner vary the growth: 高技能人才 at its 13th-plan pace misses 35万人', () => {
    const trendPace = (9.37 / 7.7) ** (1 / 5) - 1;
    const varied = evaluate(model, { high_skill_talent_growth: trendPace });
    const i = varied.indicators.find((x) => x.id === 'high_skill_talent')!;
    expect(i.projection).toBeCloseTo(9.3 * (9.37 / 7.7), 9);
    expect(i.verdict).toBe('missed');
    expect(i.gap).toBeCloseTo(9.3 * (9.37 / 7.7) - 35, 9);
  });

  it('keeps every assumption default inside its range', () => {
    for (const a of result.assumptions) {
      expect(a.range, a.id).toBeDefined();
      expect(a.value, a.id).toBeGreaterThanOrEqual(a.range![0]);
      expect(a.value, a.id).toBeLessThanOrEqual(a.range![1]);
    }
  });
});

describe('新乡 trend derivations from the 13th-plan history', () => {
  it('专业技术人才: 10.2371 (2015) → 12.9 (2020) continued gives 12.9 × 12.9/10.2371 in 2025', () => {
    const trend = 12.9 * (12.9 / 10.2371);
    expect(derivation('professional_technical_talent', 'trend').value).toBeCloseTo(trend, 9);
    expect(computed('professional_technical_talent', 'trend', '“十三五”年均增长率')).toBeCloseTo((12.9 / 10.2371) ** (1 / 5) - 1, 12);
    expect(computed('professional_technical_talent', 'trend', '表列2025年目标与趋势推算之比')).toBeCloseTo(15 / trend, 12);
    // “增加26.01%”: 12.9 / 10.2371 − 1 = 26.012…% rounds to the printed figure
    expect(check('professional_technical_talent', '增幅26.01%').verdict).toBe('rounding');
    // the target 15 is below the trend, but within 20%
    expect(check('professional_technical_talent', '目标对趋势').verdict).toBe('approximate');
  });

  it('高技能人才: 7.7 → 9.37 continued gives about 11.4万人; the 35万人 target is about 3× the trend', () => {
    const trend = 9.37 * (9.37 / 7.7);
    expect(derivation('high_skill_talent', 'trend').value).toBeCloseTo(trend, 9);
    const ratio = computed('high_skill_talent', 'trend', '表列2025年目标与趋势推算之比')!;
    expect(ratio).toBeCloseTo(35 / trend, 12);
    expect(ratio).toBeGreaterThan(3);
    expect(check('high_skill_talent', '目标对趋势').verdict).toBe('mismatch');
    // “增加21.68%”: 9.37 / 7.7 − 1 = 21.688…%, which rounds to 21.69% — the document truncated
    const growth = check('high_skill_talent', '增幅21.68%');
    expect(growth.recomputed).toBeCloseTo(9.37 / 7.7 - 1, 12);
    expect(growth.verdict).toBe('mismatch');
  });

  it('城镇新增就业: the [35] target is 22% below the 13th-plan [44.85], flagged as a departure', () => {
    expect(derivation('urban_new_jobs', 'trend').value).toBeCloseTo(44.85, 12);
    expect(computed('urban_new_jobs', 'trend', '表列“十四五”累计目标与“十三五”累计数之比')).toBeCloseTo(35 / 44.85, 12);
    expect(check('urban_new_jobs', '目标对趋势').verdict).toBe('mismatch');
  });

  it('新增农村劳动力转移就业 [11.2] vs [11.75] and 新增返乡创业 [4.15] vs [4.54] stay close to the trend', () => {
    expect(derivation('rural_labour_transfer', 'trend').value).toBeCloseTo(11.75, 12);
    expect(check('rural_labour_transfer', '目标对趋势').verdict).toBe('approximate');
    expect(derivation('returnee_entrepreneurs', 'trend').value).toBeCloseTo(4.54, 12);
    expect(check('returnee_entrepreneurs', '目标对趋势').verdict).toBe('approximate');
  });

  it('has a trend only where the document gives history', () => {
    const withTrend = result.indicators.filter((i) => i.derivations.some((d) => d.id === 'trend')).map((i) => Number(i.number));
    expect(withTrend).toEqual([2, 3, 7, 13, 15, 19, 20, 21, 22]);
  });
});

describe('新乡 table vs text: the audit flags the inconsistencies', () => {
  it('高技能人才 2020: table 9.3, text 9.37 (l.29)', () => {
    const c = check('high_skill_talent', '正文2020年9.37万人');
    expect(c.stated).toBe(9.37);
    expect(c.recomputed).toBe(9.3);
    expect(c.verdict).toBe('mismatch');
  });

  it('技能人才 2020: table 53万人 and 21.2%, text 57万人 and 18.69% (l.31)', () => {
    expect(check('skilled_talent_total', '正文2020年57万人').verdict).toBe('mismatch');
    expect(check('skilled_talent_share', '正文2020年18.69%').verdict).toBe('mismatch');
  });

  it('the table’s own 2020 and 2025 shares agree with its totals: 53/100×40 = 21.2, 122/183×60 = 40', () => {
    const c2020 = check('skilled_talent_share', '表内2020年');
    expect(c2020.recomputed).toBeCloseTo((53 / 100) * 40, 12);
    expect(c2020.verdict).toBe('match');
    const c2025 = check('skilled_talent_share', '表内2025年');
    expect(c2025.recomputed).toBeCloseTo((122 / 183) * 60, 12);
    expect(c2025.verdict).toBe('match');
  });

  it('取得相应技能证书 [122] vs 专栏4 “55.4万人…取得相应证书”', () => {
    const c = check('skill_certificates_new', '取证55.4万人');
    expect(c.recomputed).toBe(122);
    expect(c.verdict).toBe('mismatch');
  });

  it('博士后 [51] vs 专栏2 “预计招收30名左右”', () => {
    expect(check('postdoc_recruits', '专栏2招收30名左右').verdict).toBe('mismatch');
  });

  it('新培养高技能人才: 35 − 9.3 = 25.7 rounds to “26万人以上” but not to 专栏4’s 26.2万人', () => {
    const c26 = check('high_skill_talent', '新培养26万人以上');
    expect(c26.recomputed).toBeCloseTo(35 - 9.3, 12);
    expect(c26.verdict).toBe('rounding');
    expect(check('high_skill_talent', '专栏4新增26.2万人').verdict).toBe('mismatch');
  });

  it('text and table agree on the 13th-plan totals and targets of 城镇新增就业, 农村劳动力转移就业, 返乡创业', () => {
    expect(check('urban_new_jobs', '十三五44.85').verdict).toBe('match');
    expect(check('urban_new_jobs', '目标35万人以上').verdict).toBe('match');
    expect(check('rural_labour_transfer', '十三五11.75').verdict).toBe('match');
    expect(check('rural_labour_transfer', '目标11.2万人以上').verdict).toBe('match');
    expect(check('returnee_entrepreneurs', '十三五4.54').verdict).toBe('match');
  });

  it('evaluates without problems', () => {
    expect(result.problems).toEqual([]);
  });
});

describe('新乡 provenance', () => {
  const sources: [string, Source][] = [];
  for (const [id, s] of Object.entries(model.spec.indicators)) {
    sources.push([`${id}.baseline`, s.baseline.source!]);
    if (s.target) sources.push([`${id}.target`, s.target.source]);
    for (const [did, d] of Object.entries(s.derivations)) {
      sources.push([`${id}.${did}`, d.source]);
      d.stated.forEach((f, n) => f.source && sources.push([`${id}.${did}.stated#${n}`, f.source]));
    }
    s.stated.forEach((f, n) => sources.push([`${id}.stated#${n}`, f.source!]));
  }
  for (const [id, s] of Object.entries(model.spec.series)) sources.push([`series ${id}`, s.source]);
  for (const [id, a] of Object.entries(model.spec.assumptions)) sources.push([`assumption ${id}`, a.source!]);

  it('gives every baseline, target, derivation, stated figure, series and assumption a quote and a line in the plan', () => {
    for (const [where, src] of sources) {
      expect(src, where).toBeDefined();
      expect(src.ref, where).toBe('plan');
      expect(src.quote.length, where).toBeGreaterThan(0);
      expect(src.line, where).toBeGreaterThan(0);
    }
    expect(model.spec.sources['plan']?.file).toBe('001_ec30a6b184c889d4.txt');
  });

  it('gives every stated figure its own quote', () => {
    for (const s of Object.values(model.spec.indicators)) {
      for (const f of s.stated) expect(f.source?.quote, f.label).toBeTruthy();
      for (const d of Object.values(s.derivations)) for (const f of d.stated) expect(f.source?.quote, f.label).toBeTruthy();
    }
  });

  const seed = resolve(root, 'documents', '001_ec30a6b184c889d4.txt');
  describe('against the seed file', () => {
    const lines = readFileSync(seed, 'utf8').split('\n');

    it('finds every quote verbatim on its line', () => {
      for (const [where, src] of sources) expect(lines[src.line! - 1], `${where} (line ${src.line})`).toContain(src.quote);
    });

    it('quotes each table cell whole, as published, and the value is the cell’s number', () => {
      const num = (cell: string) => Number(cell.replace(/^[[〔>]|[\]〕]$|\s*左右$/g, ''));
      for (const [id, s] of Object.entries(model.spec.indicators)) {
        if (s.baseline.value !== null) {
          expect(lines[s.baseline.source!.line! - 1]!.trim(), `${id} baseline`).toBe(s.baseline.published);
          expect(s.baseline.source!.quote, `${id} baseline`).toBe(s.baseline.published);
          expect(num(s.baseline.published!), `${id} baseline`).toBe(s.baseline.value);
        }
        if (s.target && id !== 'urban_surveyed_unemployment') {
          expect(lines[s.target.source.line! - 1]!.trim(), `${id} target`).toBe(s.target.published);
          expect(num(s.target.published!), `${id} target`).toBe(s.target.value);
        }
      }
    });

    it('takes each row’s cells from the lines right after its label (label, 2020, 2025, 属性)', () => {
      for (const [id, s] of Object.entries(model.spec.indicators)) {
        const targetLine = id === 'urban_surveyed_unemployment' ? 262 : s.target!.source.line!;
        const label = lines[targetLine - 1 - (s.baseline.value === null ? 2 : 4)]!;
        expect(label.startsWith(`${s.number} . `), `${id}: ${label}`).toBe(true);
        expect(label.replace(/\s/g, ''), id).toContain(s.label.replace(/\s/g, ''));
        const attribute = lines[targetLine + 1]!.trim();
        expect(attribute, id).toBe(s.attribute === 'binding' ? '约束性' : '预期性');
      }
    });
  });
});

describe('新乡 through the CLI', () => {
  const file = 'models/xinxiang-talent-14th.yaml';

  it('audit runs without errors and lists 高技能人才’s 9.37 vs 9.3 as a mismatch; --strict exits 1 on it', () => {
    const out = cesuan(['audit', file, '--format', 'json'], { cwd: root });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as {
      figures: { indicator: string; label: string; stated: number; recomputed: number; verdict: string }[];
    };
    const figure = report.figures.find((f) => f.indicator === 'high_skill_talent' && f.label === '正文2020年9.37万人');
    expect(figure).toMatchObject({ stated: 9.37, recomputed: 9.3, verdict: 'mismatch' });
    expect(cesuan(['audit', file, '--strict'], { cwd: root }).code).toBe(1);
  });

  it('run lists the 30 rows and explain shows the 高技能人才 trend', () => {
    const run = cesuan(['run', file], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('劳动年龄人口平均受教育年限');
    const explain = cesuan(['explain', file, 'high_skill_talent'], { cwd: root });
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('cagr(first([7.7, 9.37]), last([7.7, 9.37]), 5)');
  });
});
