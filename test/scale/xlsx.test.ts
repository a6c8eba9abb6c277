/**
 * The Excel workbook: written by `cesuan batch --out *.xlsx`, re-read with exceljs, and every formula
 * recomputed by an independent spreadsheet engine (HyperFormula, excel-eval.ts) — the numbers must be
 * cesuan's, and changing an input cell must give what cesuan gives for that input.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_COLUMNS, RESULT_COLUMNS } from '../../src/report/xlsx.js';
import { toExcelFormula } from '../../src/report/excel-formula.js';
import { cesuan } from '../helpers/cli.js';
import { ExcelEvaluator } from './excel-eval.js';
import { ZHENGZHOU, cesuanJson, close, root, scenario, tempDir } from './fixtures.js';

const FILES = [
  ZHENGZHOU,
  scenario('zhengzhou-slower-insurance'),
  scenario('zhengzhou-provincial-revised'),
  scenario('zhengzhou-growth-cut'),
];
const letter = (columns: readonly string[], name: string) => String.fromCharCode(65 + columns.indexOf(name));
const R = (name: (typeof RESULT_COLUMNS)[number]) => letter(RESULT_COLUMNS, name);
const I = (name: (typeof INPUT_COLUMNS)[number]) => letter(INPUT_COLUMNS, name);

interface Row {
  scenario: string;
  indicator: string;
  projection: number | null;
  verdict: string;
  gap: number | null;
}

describe('xlsx export', () => {
  const out = join(tempDir(), 'scenarios.xlsx');
  const workbook = new ExcelJS.Workbook();
  let rows: Row[];
  let evaluator: ExcelEvaluator;

  beforeAll(async () => {
    const r = cesuan(['batch', ...FILES, '--out', out], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    rows = cesuanJson<{ rows: Row[] }>(['batch', ...FILES, '-f', 'json']).rows;
    await workbook.xlsx.readFile(out);
    evaluator = new ExcelEvaluator(workbook);
  });

  const results = () => workbook.getWorksheet('Results')!;
  const resultRow = (scenarioName: string, indicator: string) => {
    for (let n = 2; n <= results().rowCount; n++) {
      const row = results().getRow(n);
      if (row.getCell(R('scenario')).value === scenarioName && row.getCell(R('indicator')).value === indicator) return n;
    }
    throw new Error(`no Results row ${scenarioName} × ${indicator}`);
  };
  const inputRow = (scenarioName: string, id: string) => {
    const sheet = workbook.getWorksheet('Inputs')!;
    for (let n = 2; n <= sheet.rowCount; n++) {
      const row = sheet.getRow(n);
      if (row.getCell(I('scenario')).value === scenarioName && row.getCell(I('id')).value === id) return n;
    }
    throw new Error(`no Inputs row ${scenarioName} × ${id}`);
  };

  it('has an Inputs sheet with provenance and a Results sheet, one row per scenario × indicator', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Inputs', 'Results']);
    expect(results().rowCount - 1).toBe(rows.length);
    const inputs = workbook.getWorksheet('Inputs')!;
    const growth = inputs.getRow(inputRow('zhengzhou-hrss-14th', 'injury_growth'));
    expect(growth.getCell(I('quote')).value).toMatch(/3\.5308%/);
    expect(growth.getCell(I('default')).value).toBe('mean_growth(injury_provincial_targets)');
    const series = inputs.getRow(inputRow('zhengzhou-hrss-14th', 'injury_provincial_targets'));
    expect(series.getCell(I('year')).value).toBe(2015);
    expect(series.getCell(I('value')).value).toBe(156.86);
  });

  it('工伤保险 is a live formula 186.5*(1+g)^5 over the Inputs cell of injury_growth', () => {
    const n = resultRow('zhengzhou-hrss-14th', 'injury_insured');
    const cell = results().getRow(n).getCell(R('projection')).value as { formula: string };
    expect(cell.formula).toBe(`186.5*(1+Inputs!${I('value')}${inputRow('zhengzhou-hrss-14th', 'injury_growth')})^5`);
  });

  it('every formula (projection, gap, verdict) recomputes to cesuan’s numbers', () => {
    let formulas = 0;
    for (const r of rows) {
      const n = resultRow(r.scenario, r.indicator);
      const cell = results().getRow(n).getCell(R('projection'));
      const value = cell.value as unknown;
      if (value && typeof value === 'object' && 'formula' in value) {
        formulas++;
        close(evaluator.cell('Results', `${R('projection')}${n}`) as number, r.projection!, 1e-12);
      } else {
        expect(value ?? null).toBe(r.projection);
      }
      if (r.gap !== null) close(evaluator.cell('Results', `${R('gap')}${n}`) as number, r.gap, 1e-12);
      if (r.verdict === 'met' || r.verdict === 'missed') expect(evaluator.cell('Results', `${R('verdict')}${n}`)).toBe(r.verdict);
    }
    // all but the decay()/constant rows are formulas
    expect(formulas).toBeGreaterThanOrEqual(rows.length * 0.7);
  });

  it('a derivation Excel cannot express (decay) is cesuan’s value with a comment saying why', () => {
    const n = resultRow('zhengzhou-hrss-14th', 'rural_labour_transfer');
    const cell = results().getRow(n).getCell(R('projection'));
    expect(typeof cell.value).toBe('number');
    expect(String(cell.note)).toMatch(/decay\(\)/);
  });

  it('changing an input in the workbook gives what cesuan gives for that input', () => {
    const set = (id: string, value: number) => evaluator.set('Inputs', `${I('value')}${inputRow('zhengzhou-hrss-14th', id)}`, value);
    set('injury_growth', 0.03);
    set('pension_urban_step', 25);
    set('henan.tech_talent_2025', 600);
    const expected = cesuanJson<{ indicators: { id: string; projection: number; gap: number }[] }>([
      'run',
      ZHENGZHOU,
      '-f',
      'json',
      '--set',
      'injury_growth=0.03',
      '--set',
      'pension_urban_step=25',
      '--set',
      'henan.tech_talent_2025=600',
    ]);
    for (const id of ['injury_insured', 'pension_urban', 'pension_insured', 'tech_talent']) {
      const n = resultRow('zhengzhou-hrss-14th', id);
      const want = expected.indicators.find((i) => i.id === id)!;
      close(evaluator.cell('Results', `${R('projection')}${n}`) as number, want.projection, 1e-12);
      close(evaluator.cell('Results', `${R('gap')}${n}`) as number, want.gap, 1e-12);
    }
  });

  it('xlsx needs --out (a workbook never goes to stdout)', () => {
    const r = cesuan(['batch', ZHENGZHOU, '--format', 'xlsx'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('cesuan formulas → Excel formulas', () => {
  const cells: Record<string, { cell: string } | { range: string; cells: string[]; years?: number[] }> = {
    g: { cell: 'A1' },
    b: { cell: 'A2' },
    s: { range: 'B1:B3', cells: ['B1', 'B2', 'B3'] },
    // a named series published every five years
    hist: { range: 'C1:C3', cells: ['C1', 'C2', 'C3'], years: [2010, 2015, 2020] },
  };
  const excel = (text: string) => toExcelFormula(text, (parts) => cells[parts.join('.')]);
  it.each([
    ['compound(186.5, g, 5)', '186.5*(1+A1)^5'],
    ['linear(568.14, b, 5)', '568.14+A2*5'],
    ['share(b, g)', 'A2*A1'],
    ['cagr(186.5, 210, 5)', '(210/186.5)^(1/5)-1'],
    ['cagr(s)', '(B3/B1)^(1/2)-1'],
    ['sum(s) + last(s)', 'SUM(B1:B3)+B3'],
    ['-g^2', '-(A1^2)'],
    ['(-g)^2', '(-A1)^2'],
    ['2^3^2', '2^(3^2)'],
    ['b - (g - 1)', 'A2-(A1-1)'],
    ['b / (g * 2)', 'A2/(A1*2)'],
  ])('%s → %s', (text, formula) => {
    expect(excel(text)).toEqual({ ok: true, formula });
  });
  it('refuses what has no closed form, with a reason', () => {
    expect(excel('decay(s, 5)')).toEqual({ ok: false, reason: 'decay() sums year by year; the workbook keeps cesuan’s total' });
    expect(excel('at(hist, 2016)').ok).toBe(false);
    expect(excel('s * 2').ok).toBe(false);
    expect(excel('g > 1 ? 1 : 2').ok).toBe(false);
  });
  it('the emitted forms evaluate like cesuan (precedence where Excel and mathjs differ)', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 0.5;
    const ev = new ExcelEvaluator(wb);
    const check = (text: string, expected: number) => {
      const t = excel(text);
      if (!t.ok) throw new Error(t.reason);
      close(ev.evaluate(t.formula, 'S') as number, expected);
    };
    check('-g^2', -(0.5 ** 2));
    check('2^3^2', 2 ** (3 ** 2));
    check('1 - g - g', 0);
  });
  it('cagr(<named series>) spans the series’ years in Excel as in the engine: 2010/2015/2020 = 100/150/200', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    [100, 150, 200].forEach((v, i) => {
      ws.getCell(`C${i + 1}`).value = v;
    });
    const ev = new ExcelEvaluator(wb);
    const t = excel('compound(200, cagr(hist), 5)');
    if (!t.ok) throw new Error(t.reason);
    // (200/100)^(1/10) a year for five years: 200 × √2 = 282.84 (counting cells gave (200/100)^(1/2): 1131.37)
    close(ev.evaluate(t.formula, 'S') as number, 200 * Math.SQRT2, 1e-12);
    const at = excel('at(hist, 2015)');
    expect(at).toEqual({ ok: true, formula: 'C2' });
  });
});
