/**
 * Final evaluation (终期评估, `cesuan evaluate`) and actuals with provenance. Expected figures are computed here
 * from the published numbers (national 城镇新增就业, the Zhengzhou 测算说明) and the demo actuals, never read
 * from cesuan's output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateIndicator, summarizeEvaluation, WIDE_MARGIN } from '../../src/engine/planning/evaluate.js';
import type { IndicatorResult } from '../../src/engine/types.js';
import { actualSources, actualValues, citeActual } from '../../src/model/actuals.js';
import { cesuan } from '../helpers/cli.js';
import { INJURY_GROWTH, cesuanJson, close, root, scenario, tempDir, writeScenario } from '../scale/fixtures.js';

const fixtures = join(root, 'test', 'fixtures', 'cycle');
const NATIONAL = join(fixtures, 'national-jobs-2024.yaml');
const ZZ_ACTUALS = scenario('zhengzhou-actuals-2025');
const dir = tempDir();

interface Evaluation {
  indicator: string;
  final: number | null;
  missing: number[];
  met: boolean | null;
  margin: number | null;
  margin_relative: number | null;
  favourable_relative: number | null;
  wide: boolean;
  measure: string;
  achieved: number | null;
  assumed: number | null;
  p5: number | null;
  p95: number | null;
  outside: number | null;
  outside_widths: number | null;
  sources: Record<string, unknown>;
}
interface Report {
  summary: {
    evaluated: number;
    met: number;
    binding: { evaluated: number; met: number };
    overshoots: string[];
    shortfalls: string[];
    incomplete: string[];
  };
  indicators: Evaluation[];
}

describe('national 城镇新增就业 (target 5500万以上; published actuals 2021–2024)', () => {
  it('mid-term tracking still reports 525万 required in 2025 and 6218.75万 at the pace so far', () => {
    const t = cesuanJson<{ indicators: { required: number; at_pace: number; pace: number; last: number }[] }>([
      'track',
      NATIONAL,
      '--format',
      'json',
    ]).indicators[0]!;
    const sum = 1269 + 1206 + 1244 + 1256;
    close(t.last, sum);
    close(t.required, 5500 - sum);
    close(t.required, 525);
    close(t.pace, sum / 4);
    close(t.at_pace, 6218.75);
  });

  it('evaluate with actuals short of 2025 names the missing year and tracks the rest mid-term', () => {
    const r = cesuan(['evaluate', NATIONAL], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/缺 2025 年实际值/);
    expect(r.stdout).toMatch(/仅作中期评估/);
    expect(r.stdout).toMatch(/6218\.75/); // the mid-term table follows
    const json = cesuanJson<Report>(['evaluate', NATIONAL, '-f', 'json']);
    expect(json.indicators[0]!.missing).toEqual([2025]);
    expect(json.indicators[0]!.final).toBeNull();
    expect(json.summary.incomplete).toEqual(['new_urban_jobs']);
    expect(cesuan(['evaluate', NATIONAL, '--lang', 'en'], { cwd: root }).stdout).toMatch(/missing 2025/);
  });

  it('with a 2025 value (hypothetical here, 1200) the five-year total is final: met, margin, mean yearly amount vs 1100 planned', () => {
    const file = join(dir, 'national-2025.yaml');
    writeFileSync(
      file,
      `model: ${join(fixtures, 'national-jobs-14th.yaml')}\nactuals:\n  new_urban_jobs: { 2021: 1269, 2022: 1206, 2023: 1244, 2024: 1256, 2025: 1200 }\n`,
    );
    const e = cesuanJson<Report>(['evaluate', file, '-f', 'json']).indicators[0]!;
    const total = 1269 + 1206 + 1244 + 1256 + 1200;
    close(e.final!, total);
    expect(e.met).toBe(true);
    close(e.margin!, total - 5500);
    close(e.margin_relative!, (total - 5500) / 5500);
    expect(e.measure).toBe('amount');
    close(e.achieved!, total / 5);
    close(e.assumed!, 1100);
    expect(e.wide).toBe((total - 5500) / 5500 >= WIDE_MARGIN);
    const text = cesuan(['evaluate', file], { cwd: root }).stdout;
    expect(text).toMatch(new RegExp(`达成（超出 ${(((total - 5500) / 5500) * 100).toFixed(1)}%）`));
    expect(text).toMatch(/〔6175〕/);
  });

  it('each actual carries its source; the report prints document, quote and address', () => {
    const r = cesuan(['evaluate', NATIONAL], { cwd: root });
    expect(r.stdout).toMatch(/2022: 中华人民共和国2022年国民经济和社会发展统计公报.*“全年城镇新增就业1206万人,比上年少增63万人。”/);
    expect(r.stdout).toMatch(/2024: 人力资源和社会保障部新闻发布会/);
    const json = cesuanJson<Report>(['evaluate', NATIONAL, '-f', 'json']);
    expect(Object.keys(json.indicators[0]!.sources)).toEqual(['2021', '2022', '2023', '2024']);
  });
});

describe('Zhengzhou with demo actuals for 2021–2025', () => {
  const report = cesuanJson<Report>(['evaluate', ZZ_ACTUALS, '-f', 'json']);
  const byId = (id: string) => report.indicators.find((e) => e.indicator === id)!;

  it('工伤保险 (stock, ≥ 210): final 223.4, margin +13.4, CAGR of actuals vs the projected CAGR from 186.5 × (1 + g)^5', () => {
    const e = byId('injury_insured');
    expect(e.final).toBe(223.4);
    expect(e.met).toBe(true);
    close(e.margin!, 13.4, 1e-9);
    close(e.margin_relative!, 13.4 / 210, 1e-9);
    expect(e.measure).toBe('growth');
    close(e.achieved!, (223.4 / 195.97) ** (1 / 5) - 1);
    close(e.assumed!, ((186.5 * (1 + INJURY_GROWTH) ** 5) / 195.97) ** (1 / 5) - 1);
  });

  it('城镇登记失业率 (rate, ≤ 4): 2.7 is met; the favourable margin counts the 1.3 points below the cap', () => {
    const e = byId('unemployment_rate');
    expect(e.met).toBe(true);
    close(e.margin!, 2.7 - 4, 1e-9);
    close(e.favourable_relative!, 1.3 / 4, 1e-9);
    expect(e.measure).toBe('change');
    close(e.achieved!, (2.7 - 1.95) / 5, 1e-9);
  });

  it('新增农村劳动力转移就业 (cumulative, ≥ 15): 12.3 over five years misses by 18%', () => {
    const e = byId('rural_labour_transfer');
    close(e.final!, 12.3, 1e-9);
    expect(e.met).toBe(false);
    close(e.favourable_relative!, (12.3 - 15) / 15, 1e-9);
    close(e.achieved!, 12.3 / 5, 1e-9);
  });

  it('summary: n of N met with binding ones apart; overshoots and shortfalls ranked by the relative margin', () => {
    const withTarget = report.indicators.filter((e) => e.met !== null);
    expect(report.summary.evaluated).toBe(withTarget.length);
    expect(report.summary.met).toBe(withTarget.filter((e) => e.met).length);
    expect(report.summary.binding).toEqual({ evaluated: 2, met: 2 });
    // 返乡创业 5.42 against 3.5 is the widest overshoot; 农村劳动力转移 12.3 against 15 the worst shortfall
    expect(report.summary.overshoots[0]).toBe('returnee_entrepreneurship');
    close(byId('returnee_entrepreneurship').favourable_relative!, (5.42 - 3.5) / 3.5, 1e-9);
    expect(report.summary.shortfalls[0]).toBe('rural_labour_transfer');
    const text = cesuan(['evaluate', ZZ_ACTUALS], { cwd: root }).stdout;
    expect(text).toMatch(/目标达成 \d+\/\d+，其中约束性 2\/2/);
    expect(text).toMatch(new RegExp(`新增返乡下乡创业人数 达成（超出 ${((1.92 / 3.5) * 100).toFixed(1)}%）`));
    expect(text).toMatch(/未达成（差 18%）/);
    // binding indicators first
    const rows = text.split('\n').filter((l) => /万人|%/.test(l) && /达成/.test(l));
    expect(rows[0]).toMatch(/（约束性）/);
    expect(rows[1]).toMatch(/（约束性）/);
    expect(cesuan(['evaluate', ZZ_ACTUALS, '--lang', 'en'], { cwd: root }).stdout).toMatch(/of \d+ targets met; binding: 2 of 2/);
  });

  it('CSV headers follow --lang; JSON keys stay English', () => {
    expect(cesuan(['evaluate', ZZ_ACTUALS, '-f', 'csv'], { cwd: root }).stdout.split('\n')[0]).toMatch(
      /^指标,名称,单位,.*终值,缺少年份,.*实际年均,规划假设/,
    );
    expect(cesuan(['evaluate', ZZ_ACTUALS, '-f', 'csv', '--lang', 'en'], { cwd: root }).stdout.split('\n')[0]).toMatch(
      /^indicator,label,unit,.*final,missing,.*achieved,assumed/,
    );
  });

  it('demo actuals say they have no source', () => {
    expect(cesuan(['evaluate', ZZ_ACTUALS], { cwd: root }).stdout).toMatch(/所有实际值均未注明来源/);
  });

  it('with distributions, how far outside the model’s own P5–P95 band the outcome fell', () => {
    const file = writeScenario(
      dir,
      'band',
      `uncertain:\n  injury_growth: { dist: normal, mean: 0.0353, sd: 0.002 }\nactuals:\n  injury_insured: { 2021: 199, 2022: 202, 2023: 209.5, 2024: 216.1, 2025: 223.4 }\n`,
    );
    const e = cesuanJson<Report>(['evaluate', file, '-f', 'json', '-n', '2000']).indicators[0]!;
    expect(e.p5).not.toBeNull();
    // 186.5 × (1 + g)^5 with g ~ N(3.53%, 0.2%): P95 ≈ 186.5 × (1.0353 + 1.645 × 0.002)^5 ≈ 223.6, so 223.4 is inside or at the edge
    close(e.p95!, 186.5 * (1 + 0.0353 + 1.645 * 0.002) ** 5, 0.01);
    expect(e.outside).toBe(Math.max(0, e.p5! - 223.4, 223.4 - e.p95!));
    const far = writeScenario(
      dir,
      'band-far',
      `uncertain:\n  injury_growth: { dist: normal, mean: 0.0353, sd: 0.002 }\nactuals:\n  injury_insured: { 2021: 199, 2022: 202, 2023: 209.5, 2024: 226, 2025: 240 }\n`,
    );
    const f = cesuanJson<Report>(['evaluate', far, '-f', 'json', '-n', '2000']).indicators[0]!;
    close(f.outside!, 240 - f.p95!, 1e-12);
    close(f.outside_widths!, (240 - f.p95!) / (f.p95! - f.p5!), 1e-12);
    const text = cesuan(['evaluate', far, '-n', '2000'], { cwd: root }).stdout;
    expect(text).toMatch(/P5–P95/);
    expect(text).toContain(
      `落在模型自身不确定区间（P5–P95）之外：工伤保险参保人数 高于 P95 ${(240 - f.p95!).toFixed(2).replace(/\.?0+$/, '')}（${f.outside_widths!.toFixed(1).replace(/\.0$/, '')} 倍区间宽度）`,
    );
  });

  it('--strict exits 1 when a binding target was missed', () => {
    const missed = writeScenario(dir, 'missed', 'actuals:\n  injury_insured: { 2025: 205 }\n');
    expect(cesuan(['evaluate', missed, '--strict'], { cwd: root }).code).toBe(1);
    expect(cesuan(['evaluate', missed], { cwd: root }).code).toBe(0);
  });
});

describe('evaluate: bad input', () => {
  it('a model (no actuals) is refused; bad actuals point at their line', () => {
    expect(cesuan(['evaluate', join(root, 'models', 'zhengzhou-hrss-14th.yaml')], { cwd: root }).code).toBe(2);
    const bad = writeScenario(dir, 'bad-year', 'actuals:\n  injury_insured: { 2026: 230 }\n');
    const r = cesuan(['evaluate', bad], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-year\.yaml:3:\d+: actuals\.injury_insured\.2026: 2026 is outside/);
    expect(cesuan(['evaluate', ZZ_ACTUALS, '--lang', 'fr'], { cwd: root }).code).toBe(2);
  });
  it('a source that is neither a string nor { document, … } is bad input at its line', () => {
    const bad = writeScenario(dir, 'bad-source', 'actuals:\n  injury_insured:\n    2025: { value: 223.4, source: { title: x } }\n');
    const r = cesuan(['evaluate', bad], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-source\.yaml:4:\d+: actuals\.injury_insured\.2025/);
  });
});

describe('evaluate engine', () => {
  const ind = (over: Partial<IndicatorResult>): IndicatorResult => ({
    id: 'x',
    label: 'x',
    number: undefined,
    unit: '万人',
    group: undefined,
    groupLabel: undefined,
    parent: undefined,
    kind: 'stock',
    attribute: 'indicative',
    baseline: 100,
    target: { op: '>=', value: 120 },
    chosen: null,
    primary: null,
    projection: 121,
    verdict: 'met',
    gap: 1,
    trajectory: [],
    derivations: [],
    checks: [],
    findings: [],
    ...over,
  });
  it('a stock needs only the target year; the achieved CAGR runs from the baseline', () => {
    const e = evaluateIndicator(ind({}), { 2025: 150 }, { base: 2020, target: 2025 });
    expect(e.missing).toEqual([]);
    close(e.achieved!, 1.5 ** 0.2 - 1);
    close(e.assumed!, 1.21 ** 0.2 - 1);
    expect(e.wide).toBe(true);
    expect(evaluateIndicator(ind({}), { 2021: 101, 2023: 110 }, { base: 2020, target: 2025 }).missing).toEqual([2024, 2025]);
  });
  it('a cumulative indicator needs every year', () => {
    expect(
      evaluateIndicator(ind({ kind: 'cumulative' }), { 2021: 1, 2022: 1, 2024: 1, 2025: 1 }, { base: 2020, target: 2025 }).missing,
    ).toEqual([2023]);
  });
  it('= and ≈ targets: any distance is unfavourable; a met ≈ is not "wide"', () => {
    const e = evaluateIndicator(ind({ target: { op: '≈', value: 100, tolerance: 5 } }), { 2025: 104 }, { base: 2020, target: 2025 });
    expect(e.met).toBe(true);
    close(e.favourableRelative!, -0.04);
    expect(e.wide).toBe(false);
  });
  it('summary counts binding targets apart and lists the incomplete', () => {
    const a = evaluateIndicator(ind({ id: 'a', attribute: 'binding' }), { 2025: 119 }, { base: 2020, target: 2025 });
    const b = evaluateIndicator(ind({ id: 'b' }), { 2025: 130 }, { base: 2020, target: 2025 });
    const c = evaluateIndicator(ind({ id: 'c' }), { 2024: 130 }, { base: 2020, target: 2025 });
    const s = summarizeEvaluation([a, b, c]);
    expect(s).toMatchObject({
      evaluated: 2,
      met: 1,
      binding: { evaluated: 1, met: 0 },
      overshoots: ['b'],
      shortfalls: ['a'],
      incomplete: ['c'],
    });
  });
  it('actuals: numbers and { value, source } read alike; sources cite document, quote and address', () => {
    const written = {
      a: { 2021: 1, 2022: { value: 2, source: { document: 'D', quote: 'Q', url: 'U', line: 3 } } },
      b: { 2021: { value: 5, source: 'plain' } },
    };
    expect(actualValues(written)).toEqual({ a: { 2021: 1, 2022: 2 }, b: { 2021: 5 } });
    const s = actualSources(written);
    expect(citeActual(s.a!['2022']!)).toBe('D, line 3: “Q” (U)');
    expect(citeActual(s.b!['2021']!)).toBe('plain');
  });
});
