/**
 * The forecasting methods (gm11, gm11_fit, holt, ses, elastic, trend_exp, trend_linear) where a model uses
 * them: formulas, `path`, Monte Carlo, the Excel form (recomputed by HyperFormula, an independent spreadsheet
 * engine), and bad input surfacing as file:line:col through the loader and evaluator.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../../src/engine/graph/evaluate.js';
import { METHODS, type ExcelArg } from '../../../src/engine/methods/index.js';
import { monteCarlo } from '../../../src/engine/uncertainty/sample.js';
import { CesuanError } from '../../../src/model/errors.js';
import { toExcelFormula } from '../../../src/report/excel-formula.js';
import { loadModel } from '../../../src/model/load.js';

const dir = mkdtempSync(join(tmpdir(), 'cesuan-forecasting-'));
const targets = [156.86, 159, 168.3, 173.86, 181.3, 186.5];

function model(name: string, body: { series?: string; derivation: string; assumptions?: string }): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    `id: ${name}
title: 预测方法
years: { base: 2020, target: 2025 }
sources:
  appendix: { title: 测算说明 }
series:
  injury_provincial_targets:
    label: 工伤保险参保人数省定全年目标任务
    unit: 万人
    years: [2015, 2016, 2017, 2018, 2019, 2020]
    values: [156.86, 159, 168.3, 173.86, 181.3, 186.5]
    source: { ref: appendix, quote: "省定全年目标任务分别为159万人、168.3万人、173.86万人、181.3万人、186.5万人" }
${body.series ?? ''}assumptions:
  gdp_growth:
    label: 生产总值年均增长率（演示数据）
    unit: ratio
    default: 0.06
    range: [0.02, 0.1]
    uncertain: { dist: uniform, min: 0.04, max: 0.08 }
${body.assumptions ?? ''}indicators:
  injury_insured:
    label: 工伤保险参保人数
    unit: 万人
    kind: stock
    attribute: binding
    baseline: { value: 186.5, source: { ref: appendix, quote: "186.5万人" } }
    target: { op: ">=", value: 210, source: { ref: appendix, quote: "210万人" } }
    derivations:
      grey:
${body.derivation}
        source: { ref: appendix, quote: "省定全年目标任务分别为159万人" }
    primary: grey
`,
  );
  return path;
}

/** The one error line a command would print for this model (compile errors throw; run errors are problems). */
function errorLine(path: string): string {
  try {
    const result = new Evaluator(loadModel(path)).result();
    const error = result.problems.find((p) => p.severity === 'error');
    return error ? `${error.position.file}:${error.position.line}:${error.position.col}: ${error.field}: ${error.message}` : '';
  } catch (err) {
    expect(err).toBeInstanceOf(CesuanError);
    return (err as CesuanError).line;
  }
}

describe('the forecasting methods in a model', () => {
  it('formulas, computed figures and `path`: gm11, holt, ses, trend_exp, trend_linear, gm11_fit, elastic', () => {
    const path = model('formulas', {
      derivation: `        label: GM(1,1)
        formula: gm11(injury_provincial_targets, 5)
        path: "t == 0 ? last(injury_provincial_targets) : gm11(injury_provincial_targets, t)"
        computed:
          - { label: holt, expr: "holt(injury_provincial_targets, 0.8, 0.2, 5)" }
          - { label: ses, expr: "ses(injury_provincial_targets, 0.5)" }
          - { label: trend_exp, expr: "trend_exp(injury_provincial_targets, 2025)" }
          - { label: trend_linear, expr: "trend_linear(injury_provincial_targets, 2025)" }
          - { label: C, expr: "first(gm11_fit(injury_provincial_targets))" }
          - { label: P, expr: "last(gm11_fit(injury_provincial_targets))" }
          - { label: elastic, expr: "elastic(186.5, gdp_growth, 0.6, 5)" }`,
    });
    const result = new Evaluator(loadModel(path)).result();
    const ind = result.indicators[0]!;
    expect(ind.projection).toBeCloseTo(227.915, 3);
    expect(ind.trajectory.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(ind.trajectory[0]!.value).toBe(186.5);
    expect(ind.trajectory[5]!.value).toBeCloseTo(227.915, 3);
    expect(ind.trajectory[1]!.value).toBeGreaterThan(186.5);
    const computed = Object.fromEntries(ind.derivations[0]!.computed.map((c) => [c.label, c.value]));
    expect(computed['holt']).toBeCloseTo(210.231, 3);
    expect(computed['ses']).toBeCloseTo(180.697, 3);
    expect(computed['trend_exp']).toBeCloseTo(225.034, 3);
    expect(computed['trend_linear']).toBeCloseTo(218.254, 3);
    expect(computed['C']).toBeCloseTo(0.0948, 4);
    expect(computed['P']).toBe(1);
    expect(computed['elastic']).toBeCloseTo(186.5 * 1.036 ** 5, 9);
  });

  it('Monte Carlo: elastic() over an uncertain driver gives, sample by sample, what the formula gives', () => {
    const path = model('mc', {
      derivation: `        label: 弹性系数法
        formula: elastic(186.5, gdp_growth, 0.6, 5) + 0 * gm11(injury_provincial_targets, 5)`,
    });
    const loaded = loadModel(path);
    const run = monteCarlo(loaded, { samples: 400, seed: 7, detail: ['injury_insured'] });
    const column = run.column('injury_insured')!;
    expect(column.length).toBe(400);
    const lo = 186.5 * (1 + 0.6 * 0.04) ** 5;
    const hi = 186.5 * (1 + 0.6 * 0.08) ** 5;
    for (const v of column) expect(v >= lo - 1e-9 && v <= hi + 1e-9).toBe(true);
    const summary = run.result.indicators[0]!.summary!;
    expect(summary.mean).toBeGreaterThan(lo);
    expect(summary.mean).toBeLessThan(hi);
    // a series method over a series that varies with the sample: GM(1,1) scales with its series, so each
    // sample is 227.915… × (1 + g), evaluated sample by sample
    const scaled = loadModel(
      model('mc-series', {
        derivation: `        label: GM(1,1) 随增长缩放
        formula: gm11(injury_provincial_targets * (1 + gdp_growth), 5)`,
      }),
    );
    const g = monteCarlo(scaled, { samples: 200, seed: 3 });
    const gm = g.column('injury_insured')!;
    const base = new Evaluator(scaled, { gdp_growth: 0 }).result().indicators[0]!.projection!;
    expect(base).toBeCloseTo(227.915, 3);
    for (const v of gm) {
      const growth = v / base - 1;
      expect(growth >= 0.04 - 1e-12 && growth <= 0.08 + 1e-12).toBe(true);
    }
    expect(new Set(gm).size).toBeGreaterThan(150);
    // the sample at the point value equals the deterministic run
    const point = new Evaluator(loaded, { gdp_growth: 0.05 }).result().indicators[0]!.projection!;
    expect(point).toBeCloseTo(186.5 * 1.03 ** 5, 9);
  });

  it('bad input in a formula: an error at file:line:col naming the method and the reason', () => {
    const cases: [string, string, RegExp][] = [
      ['h0', 'gm11(injury_provincial_targets, 0)', /gm11\(\): h .* must be above 0, got 0/],
      ['alpha', 'holt(injury_provincial_targets, 1.5, 0.2, 5)', /holt\(\): alpha must be in \(0, 1\], got 1.5/],
      ['short', 'gm11([1, 2, 3], 5)', /gm11\(\): the series is too short: needs at least 4 values, got 3/],
      ['negative', 'gm11([1, 2, -3, 4], 5)', /gm11\(\): value 3 of the series is -3; GM\(1,1\) needs positive values/],
      ['nan', 'gm11(injury_provincial_targets * 0 / 0, 5)', /gm11\(\): value 1 of the series is NaN/],
      ['unnamed', 'trend_exp([1, 2, 3], 2025)', /trend_exp\(series, year\) needs a named series/],
    ];
    for (const [name, formula, message] of cases) {
      const path = model(`bad-${name}`, { derivation: `        label: bad\n        formula: "${formula}"` });
      expect(errorLine(path), name).toMatch(
        new RegExp(`${name}\\.yaml:\\d+:\\d+: indicators\\.injury_insured\\.derivations\\.grey\\.formula: .*${message.source}`),
      );
    }
  });

  it('a named series with a missing year is a gap: refused by gm11, holt and ses, not closed up', () => {
    const series = `  gappy:
    label: 有缺年的序列
    unit: 万人
    years: [2015, 2016, 2018, 2019, 2020]
    values: [156.86, 159, 173.86, 181.3, 186.5]
    source: { ref: appendix, quote: "演示数据" }
`;
    for (const formula of ['gm11(gappy, 5)', 'holt(gappy, 0.8, 0.2, 5)', 'ses(gappy, 0.5)']) {
      const path = model('gap', { series, derivation: `        label: gap\n        formula: "${formula}"` });
      expect(errorLine(path), formula).toMatch(
        /^.*gap\.yaml:\d+:\d+: indicators\.injury_insured\.derivations\.grey\.formula: (gm11|holt|ses)\(\): gappy has a gap between 2016 and 2018; the method needs one value a year$/,
      );
    }
    // trend_exp reads the years as they are (a regression does not need them evenly spaced)
    const path = model('gap-trend', { series, derivation: '        label: gap\n        formula: "trend_exp(gappy, 2025)"' });
    expect(new Evaluator(loadModel(path)).result().indicators[0]!.projection).toBeGreaterThan(200);
  });
});

describe('Excel forms, recomputed by HyperFormula', () => {
  const cells = targets.map((_, i) => `A${i + 1}`);
  const series = (years?: number[]): ExcelArg => ({ kind: 'series', parts: [`A1:A${targets.length}`], cells, ...(years ? { years } : {}) });
  const number = (v: number): ExcelArg => ({ kind: 'number', text: String(v), value: v });
  // HyperFormula rounds what it returns to about 8 decimals: the comparisons below allow for it
  function excel(name: string, args: ExcelArg[]): number {
    const form = METHODS[name]!.excel;
    if (typeof form !== 'function') throw new Error(`${name} has no Excel form`);
    const out = form(args);
    const text = typeof out === 'string' ? out : out.atom;
    const hf = HyperFormula.buildFromArray([...targets.map((v) => [v]), [`=${text}`]], { licenseKey: 'gpl-v3' });
    const v = hf.getCellValue({ sheet: 0, col: 0, row: targets.length });
    hf.destroy();
    if (typeof v !== 'number') throw new Error(`${name}: ${text} gave ${JSON.stringify(v)}`);
    return v;
  }
  const years = [2015, 2016, 2017, 2018, 2019, 2020];
  const named = { key: 'injury_provincial_targets', years };

  it('ses: the weighted-sum closed form', () => {
    expect(excel('ses', [series(), number(0.5)])).toBeCloseTo(METHODS.ses!.fn(targets, 0.5) as number, 6);
    expect(excel('ses', [series(), number(0.2)])).toBeCloseTo(METHODS.ses!.fn(targets, 0.2) as number, 6);
  });
  it('elastic: base*(1+e*g)^years', () => {
    expect(excel('elastic', [number(84), number(0.06), number(0.7), number(5)])).toBeCloseTo(103.1853, 4);
  });
  it('trend_linear and trend_exp: the least-squares line written out over the series’ years', () => {
    expect(excel('trend_linear', [series(years), number(2025)])).toBeCloseTo(
      METHODS.trend_linear!.years!.fn(named, targets, 2025) as number,
      6,
    );
    expect(excel('trend_exp', [series(years), number(2025)])).toBeCloseTo(225.034, 3);
  });
  it('gm11, gm11_fit and holt say why they have no Excel form', () => {
    for (const name of ['gm11', 'gm11_fit', 'holt']) {
      const form = METHODS[name]!.excel;
      expect(typeof form === 'function' ? '' : form.none, name).toMatch(/workbook keeps cesuan’s value/);
    }
  });

  it('through the workbook translator: a formula using them becomes an Excel formula, or a reason', () => {
    const resolve = (parts: string[]) =>
      parts[0] === 'injury_provincial_targets'
        ? { range: `A1:A${targets.length}`, cells, years }
        : parts[0] === 'g'
          ? { cell: 'B1' }
          : undefined;
    const t = toExcelFormula('trend_exp(injury_provincial_targets, 2025) - elastic(186.5, g, 0.6, 5)', resolve);
    if (!t.ok) throw new Error(t.reason);
    const hf = HyperFormula.buildFromArray([[targets[0], 0.06], ...targets.slice(1).map((v) => [v]), [`=${t.formula}`]], {
      licenseKey: 'gpl-v3',
    });
    expect(hf.getCellValue({ sheet: 0, col: 0, row: targets.length }) as number).toBeCloseTo(225.034284 - 186.5 * 1.036 ** 5, 5);
    hf.destroy();
    expect(toExcelFormula('gm11(injury_provincial_targets, 5)', resolve)).toEqual({
      ok: false,
      reason: 'GM(1,1) is a least-squares fit on the accumulated series; the workbook keeps cesuan’s value',
    });
    expect(toExcelFormula('trend_linear([1, 2, 3], 2025)', resolve)).toEqual({
      ok: false,
      reason: 'trend_linear(series, year) needs a named series: its years come from the model',
    });
  });
});
