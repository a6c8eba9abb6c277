/**
 * `cesuan rollover`: a 十四五 model and its 2021–2025 actuals → a draft 十五五 model that loads and runs
 * (run, audit, write, the TUI). Expected figures are computed here from the demo actuals and the document's
 * numbers; the plausibility case uses published Henan 高技能人才 figures.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { proposalValue, rolloverYearsProblem } from '../../src/engine/planning/rollover.js';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { meanGrowth } from '../../src/engine/methods/mean-growth.js';
import { loadModel } from '../../src/model/load.js';
import { cesuan } from '../helpers/cli.js';
import { cesuanJson, close, root, scenario, writeScenario } from '../scale/fixtures.js';
import { drive } from '../tui/drive.js';

const ZHENGZHOU = join(root, 'models', 'zhengzhou-hrss-14th.yaml');
const ACTUALS = scenario('zhengzhou-actuals-2025');
const out = mkdtempSync(join(tmpdir(), 'cesuan-rollover-'));
// the draft imports henan-parent-14th by id: beside it, as in models/
copyFileSync(join(root, 'models', 'henan-parent-14th.yaml'), join(out, 'henan-parent-14th.yaml'));
const draftFile = join(out, 'zhengzhou-hrss-15th.yaml');
const rolled = cesuan(['rollover', ZHENGZHOU, '--actuals', ACTUALS, '--to', '2030', '-o', draftFile], { cwd: root });
const draft = parse(readFileSync(draftFile, 'utf8'));

/** demo actuals of the scenario (made-up data), as the test's own closed forms use them */
const injury = [195.97, 199, 202, 209.5, 216.1, 223.4];

afterEach(() => cleanup());

describe('rollover of the Zhengzhou model with the demo 2021–2025 actuals', () => {
  it('writes the draft and reports on stderr what was rolled and what not', () => {
    expect(rolled.code, rolled.stderr).toBe(0);
    expect(rolled.stdout).toBe('');
    expect(rolled.stderr).toMatch(/基期 2025 年，目标年 2030 年/);
    expect(rolled.stderr).toMatch(/未能沿用/);
    expect(rolled.stderr).toMatch(/indicators\.new_urban_jobs\.derivations\.basis1: 基数不是实际值/);
    expect(draft.id).toBe('zhengzhou-hrss-15th');
    expect(draft.title).toMatch(/“十五五”.*（草案）/);
    expect(draft.years).toEqual({ base: 2025, target: 2030 });
  });

  it('baselines: the 2025 actual for stocks and rates, the five-year total in 〔〕 for cumulative indicators', () => {
    expect(draft.indicators.injury_insured.baseline.value).toBe(223.4);
    expect(draft.indicators.unemployment_rate.baseline.value).toBe(2.7);
    close(draft.indicators.new_urban_jobs.baseline.value, 13.2 + 10.8 + 12.1 + 12.6 + 12.4, 1e-9);
    expect(draft.indicators.new_urban_jobs.baseline.published).toBe('〔61.1〕');
    expect(draft.indicators.injury_insured.baseline.source.ref).toBe('actuals');
  });

  it('derivations keep their method with the base moved: compound(186.5, g, 5) → compound(223.4, g, 5)', () => {
    expect(draft.indicators.injury_insured.derivations.basis2.formula).toBe('compound(223.4, injury_growth, 5)');
    expect(draft.indicators.injury_insured.derivations.basis2.path).toBe('compound(223.4, injury_growth, t)');
    expect(draft.indicators.pension_urban.derivations.basis.formula).toBe('linear(641.2, pension_urban_step, 5)');
    expect(draft.indicators.high_title_talent.derivations.basis1.formula).toBe('5.83 + high_title_annual * 5');
    // a sum of parts is carried; its parts' baselines are the new ones
    expect(draft.indicators.pension_insured.derivations.sum_of_parts.path).toBe(
      'linear(pension_urban.baseline, pension_urban_step, t) + compound(pension_rural.baseline, pension_rural_growth, t)',
    );
  });

  it('series gain 2021–2025; each rolled indicator gets its actuals as a series', () => {
    expect(draft.series.injury_insured_actual.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(draft.series.injury_insured_actual.values).toEqual(injury);
    expect(draft.series.rural_transfer_increments.years.slice(-5)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(draft.series.rural_transfer_increments.values.slice(-5)).toEqual([3.1, 2.6, 2.4, 2.2, 2.0]);
    // a series of another quantity (new senior titles a year, not the stock) is left alone
    expect(draft.series.high_title_new.years.at(-1)).toBe(2020);
  });

  it('assumptions re-estimated with the same kind of estimate; the 十四五 value stays in the note', () => {
    const a = draft.assumptions;
    expect(a.injury_growth.default).toBe('mean_growth(injury_insured_actual)');
    expect(a.injury_growth.note).toMatch(/十四五: 0\.0353288/);
    expect(a.injury_growth_basis1.default).toBe('cagr(195.97, 223.4, 5)');
    expect(a.new_jobs_per_year.default).toBe('mean(new_urban_jobs_actual)');
    expect(a.returnee_per_year.default).toBe('mean(returnee_entrepreneurship_actual)');
    expect(a.pension_urban_step.default).toBe('(641.2 - 568.14) / 5');
    expect(a.pension_rural_growth.default).toBe('cagr(233.83, 237.1, 5)');
    expect(a.unemployment_insured_growth.back_solved).toBeUndefined();
    const run = cesuanJson<{
      assumptions: { id: string; value: number }[];
      indicators: { id: string; projection: number; target: number; baseline: number }[];
    }>(['run', draftFile, '-f', 'json']);
    const value = (id: string) => run.assumptions.find((x) => x.id === id)!.value;
    close(value('injury_growth'), meanGrowth(injury));
    close(value('new_jobs_per_year'), 61.1 / 5, 1e-12);
    close(value('pension_urban_step'), (641.2 - 568.14) / 5, 1e-12);
    const projection = (id: string) => run.indicators.find((x) => x.id === id)!.projection;
    close(projection('injury_insured'), 223.4 * (1 + meanGrowth(injury)) ** 5);
    close(projection('new_urban_jobs'), 61.1, 1e-12);
  });

  it('targets are the draft’s projections, marked proposed, rounded so the projection meets them', () => {
    const t = draft.indicators.injury_insured.target;
    expect(t.proposed).toBe(true);
    expect(t.op).toBe('>=');
    expect(t.value).toBe(Math.floor(223.4 * (1 + meanGrowth(injury)) ** 5 * 100) / 100);
    expect(t.published).toMatch(/（建议）$/);
    expect(draft.indicators.new_urban_jobs.target.published).toBe('〔61.1〕（建议）');
    expect(draft.sources.fourteenth.file).toMatch(/zhengzhou-hrss-14th\.yaml$/);
    expect(draft.sources.actuals.file).toMatch(/zhengzhou-actuals-2025\.yaml$/);
  });

  it('what cannot be carried is in the draft’s notes', () => {
    expect(draft.notes.some((n: string) => /indicators\.tech_talent\.derivations\.basis2: its base is not an actual/.test(n))).toBe(true);
    expect(draft.notes.some((n: string) => /assumptions\.high_title_increase: cannot re-estimate/.test(n))).toBe(true);
    expect(draft.indicators.tech_talent.derivations.basis2.note).toMatch(/^NOT ROLLED/);
  });

  it('the draft loads, runs and audits without errors, and `write` renders it', () => {
    expect(() => loadModel(draftFile)).not.toThrow();
    const run = cesuan(['run', draftFile], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/2025 → 2030/);
    const audit = cesuan(['audit', draftFile], { cwd: root });
    expect(audit.code, audit.stderr).toBe(0);
    const write = cesuan(['write', draftFile, '-f', 'md'], { cwd: root });
    expect(write.code, write.stderr).toBe(0);
    expect(write.stdout).toMatch(/“十五五”/);
    expect(write.stdout).toMatch(/（建议）/);
    const docx = join(out, 'draft.docx');
    expect(cesuan(['write', draftFile, '-o', docx], { cwd: root }).code).toBe(0);
    expect(existsSync(docx)).toBe(true);
  });

  it('a label quoting a re-estimated 十四五 value takes the re-estimate, and write’s sentence follows the assumption', () => {
    // 十四五: 每年计划12万人 × 5年 over new_jobs_per_year * 5; the draft re-estimates new_jobs_per_year as the mean
    // of the 2021–2025 actuals, 61.1 / 5 = 12.22 a year. The 测算说明 said “按每年计划12万人 × 5年测算，为61.1万人”.
    const total = draft.indicators.new_urban_jobs.baseline.value as number;
    expect(total).toBeCloseTo(61.1, 9);
    const basis2 = draft.indicators.new_urban_jobs.derivations.basis2;
    expect(basis2.formula).toBe('new_jobs_per_year * 5');
    expect(basis2.label).toBe(`每年计划${Number((total / 5).toFixed(2))}万人 × 5年`);
    const write = cesuan(['write', draftFile, '-f', 'md'], { cwd: root });
    expect(write.stdout).toContain('按每年计划12.22万人 × 5年测算，为61.1万人。');
    expect(write.stdout).not.toMatch(/12万人 × 5年/);
    const varied = cesuan(['write', draftFile, '-f', 'md', '-s', 'new_jobs_per_year=13'], { cwd: root });
    expect(varied.stdout).toContain('按每年计划13万人 × 5年测算，为65万人。');
    // a method's label takes the figure too; its sentence is the method's, every figure from the formula
    const rate = evaluate(loadModel(draftFile)).values['pension_rural_growth'] as number;
    expect(draft.indicators.pension_rural.derivations.basis.label).toBe(`按往年平均年增长率${Number((rate * 100).toFixed(2))}%`);
    expect(write.stdout).toContain(`按年均增长${Number((rate * 100).toFixed(2))}%测算`);
    expect(draft.notes.some((n: string) => /derivation label\(s\) quoted a 十四五 assumption value/.test(n))).toBe(true);
  });

  it('write says a proposal is the projection rounded, not “综合判断后选定”', () => {
    const result = evaluate(loadModel(draftFile));
    const rural = result.indicators.find((i) => i.id === 'rural_labour_transfer')!;
    const projection = rural.projection as number;
    const proposal = Math.floor(projection * 100) / 100;
    expect(draft.indicators.rural_labour_transfer.target.value).toBe(proposal);
    expect(proposal).not.toBe(Number(projection.toFixed(2))); // 6.1287 prints as 6.13: the sentence needs four decimals
    const write = cesuan(['write', draftFile, '-f', 'md'], { cwd: root }).stdout;
    expect(write).toContain(
      `（建议值${proposal}万人为上述测算结果${projection.toFixed(4)}万人向下舍入至两位小数所得，测算结果不低于建议值。）`,
    );
    expect(write).not.toContain('综合判断后选定');
  });

  it('the TUI opens on the draft and shows the 2025 baselines', async () => {
    const d = await drive({ model: loadModel(draftFile), scenariosDir: out });
    const screen = d.screen();
    expect(screen).toMatch(/十五五/);
    expect(screen).toMatch(/223\.4/);
    d.unmount();
  });

  it('--to 2035 moves horizons and the target year', () => {
    const file = join(out, 'to-2035.yaml');
    expect(cesuan(['rollover', ZHENGZHOU, '--actuals', ACTUALS, '--to', '2035', '-o', file], { cwd: root }).code).toBe(0);
    const d = parse(readFileSync(file, 'utf8'));
    expect(d.years).toEqual({ base: 2025, target: 2035 });
    expect(d.indicators.injury_insured.derivations.basis2.formula).toBe('compound(223.4, injury_growth, 10)');
    expect(d.indicators.unemployment_insured.derivations.trend.formula).toBe(
      'regress([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], unemployment_insured_series, 2035)',
    );
    expect(cesuan(['run', file], { cwd: root }).code).toBe(0);
  });
});

describe('plausibility: Henan 高技能人才 226.59万 (2020) → 超700万 (2025, published)', () => {
  const fixtures = join(root, 'test', 'fixtures', 'cycle');
  const file = join(out, 'henan-high-skill-15th.yaml');
  const r = cesuan(
    ['rollover', join(fixtures, 'henan-high-skill-14th.yaml'), '--actuals', join(fixtures, 'henan-high-skill-actuals.yaml'), '-o', file],
    { cwd: root },
  );

  it('flags ≈25% a year against the ≈10.9% the 十四五 figures imply, with both 2030 figures, and asks to choose', () => {
    expect(r.code, r.stderr).toBe(0);
    const achieved = (700 / 226.59) ** (1 / 5) - 1;
    const assumed = (57 / (34 / 226.59) / 226.59) ** (1 / 5) - 1;
    expect(achieved).toBeGreaterThan(0.25);
    const continuing = 700 * (1 + achieved) ** 5;
    const atAssumed = 700 * (1 + assumed) ** 5;
    close(atAssumed, (700 * 57) / 34, 1e-9);
    const pct = (x: number) => `${(x * 100).toFixed(2)}%/年`;
    expect(r.stderr).toMatch(/请选择/);
    expect(r.stderr).toContain(
      `实际达到 ${pct(achieved)}，“十四五”假设 ${pct(assumed)} → 2030年：按实际延续 ${continuing.toFixed(2).replace(/\.?0+$/, '')}，按“十四五”假设 ${atAssumed.toFixed(2).replace(/\.?0+$/, '')}`,
    );
    const d = parse(readFileSync(file, 'utf8'));
    expect(d.assumptions.high_skill_growth.note).toMatch(/^CHOOSE/);
    expect(d.assumptions.high_skill_growth.default).toBe('cagr(226.59, 700, 5)');
    expect(d.notes.some((n: string) => /choose one/.test(n))).toBe(true);
    // the published figures keep their sources in the draft
    expect(d.indicators.high_skill.baseline.source.quote).toMatch(/高技能人才总量超700万人/);
  });

  it('a growth close to the 十四五 assumption is not flagged', () => {
    expect(rolled.stderr).not.toMatch(/工伤保险参保人数：实际达到/);
  });
});

describe('rollover: bad input', () => {
  it('--to at or before the base year, or more than 15 years on: exit 2, nothing written', () => {
    for (const to of ['2025', '2024', '2041']) {
      const file = join(out, `bad-${to}.yaml`);
      const r = cesuan(['rollover', ZHENGZHOU, '--actuals', ACTUALS, '--to', to, '-o', file], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--to ${to}`));
      expect(existsSync(file)).toBe(false);
    }
    expect(cesuan(['rollover', ZHENGZHOU, '--actuals', ACTUALS, '--to', '2040', '-o', join(out, 'ok-2040.yaml')], { cwd: root }).code).toBe(
      0,
    );
    expect(cesuan(['rollover', ZHENGZHOU, '--actuals', ACTUALS, '--to', 'soon'], { cwd: root }).code).toBe(2);
    expect(rolloverYearsProblem(2025, 2030)).toBeNull();
  });

  it('actuals of another model: exit 2 naming both files', () => {
    const other = join(root, 'models', 'henan-parent-14th.yaml');
    const r = cesuan(['rollover', other, '--actuals', ACTUALS], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/zhengzhou-actuals-2025\.yaml/);
    expect(r.stderr).toMatch(/henan-parent-14th\.yaml/);
  });

  it('partial actuals roll from their last year and name what is not rolled', () => {
    const partial = writeScenario(
      out,
      'partial',
      'actuals:\n  injury_insured: { 2021: 199, 2022: 202, 2023: 209.5 }\n  new_urban_jobs: { 2021: 13.2, 2022: 10.8 }\n',
    );
    const file = join(out, 'partial-15th.yaml');
    const r = cesuan(['rollover', ZHENGZHOU, '--actuals', partial, '--to', '2030', '-o', file], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const d = parse(readFileSync(file, 'utf8'));
    expect(d.years).toEqual({ base: 2023, target: 2030 });
    expect(d.indicators.injury_insured.derivations.basis2.formula).toBe('compound(209.5, injury_growth, 7)');
    expect(r.stderr).toMatch(/indicators\.new_urban_jobs: 实际值未到 2023 年/);
  });

  it('a draft from the mid-term actuals (2021–2022) runs too: no 十四五 prose names a field the draft changed', () => {
    const file = join(out, 'midterm-15th.yaml');
    expect(cesuan(['rollover', ZHENGZHOU, '--actuals', scenario('zhengzhou-midterm-2022'), '-o', file], { cwd: root }).code).toBe(0);
    const d = parse(readFileSync(file, 'utf8'));
    expect(d.years).toEqual({ base: 2022, target: 2030 });
    // 城镇职工养老 has actuals (rolled; its chosen value is the proposal), 基本养老 has none but its prose named pension_urban.chosen
    expect(d.indicators.pension_urban.chosen.value).toBe(d.indicators.pension_urban.target.value);
    expect(Object.values(d.indicators.pension_insured.derivations).some((x) => (x as { text?: string }).text)).toBe(false);
    for (const command of ['run', 'audit']) {
      const r = cesuan([command, file], { cwd: root });
      expect(r.code, r.stderr).toBe(0);
    }
    expect(cesuan(['write', file, '-f', 'md'], { cwd: root }).code).toBe(0);
  });

  it('a mean growth over a series with gaps falls back to the CAGR of the actuals', () => {
    const gaps = writeScenario(out, 'gaps', 'actuals:\n  injury_insured: { 2021: 199, 2023: 209.5, 2025: 223.4 }\n');
    const r = cesuan(['rollover', ZHENGZHOU, '--actuals', gaps], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const d = parse(r.stdout);
    expect(d.assumptions.injury_growth.default).toBe('cagr(195.97, 223.4, 5)');
    expect(d.series.injury_insured_actual.years).toEqual([2020, 2021, 2023, 2025]);
  });

  it('the draft name defaults to stdout; the English report follows --lang en', () => {
    const r = cesuan(['rollover', ZHENGZHOU, '--actuals', ACTUALS, '--lang', 'en'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# yaml-language-server/);
    expect(r.stderr).toMatch(/Not carried/);
  });
});

describe('proposalValue rounds towards the projection meeting the target', () => {
  it('down for ≥, up for ≤, a step of room for a strict comparator', () => {
    expect(proposalValue(6.128706, '>=', '万人')).toBe(6.12);
    expect(proposalValue(2.291, '<=', '%')).toBe(2.3);
    expect(proposalValue(75.7728, '>', '%')).toBe(75.77);
    expect(proposalValue(70, '>', '%')).toBe(69.99);
    expect(proposalValue(0.035329, '>=', 'ratio')).toBe(0.0353);
  });
});
