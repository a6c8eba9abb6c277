/**
 * Every shipped model (models/*.yaml), and a model whose series skips years, exported to xlsx; every live
 * formula in the workbook is evaluated by an independent spreadsheet engine (HyperFormula, excel-eval.ts) and
 * must give cesuan's own figure for that cell (projection, gap or verdict), within 1e-9 relative.
 */
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../src/report/xlsx.js';
import { cesuan } from '../helpers/cli.js';
import { ExcelEvaluator } from './excel-eval.js';
import { cesuanJson, root, tempDir } from './fixtures.js';

const MODELS = readdirSync(join(root, 'models'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => join(root, 'models', f));
/** demo data: hist = 100, 150, 200 in 2010, 2015, 2020 */
const GAPPED = join(root, 'test', 'fixtures', 'gapped-years.yaml');

const column = (name: (typeof RESULT_COLUMNS)[number]) => String.fromCharCode(65 + RESULT_COLUMNS.indexOf(name));

interface Row {
  scenario: string;
  indicator: string;
  projection: number | null;
  verdict: string;
  gap: number | null;
}

describe('every exported workbook, recomputed by HyperFormula, gives cesuan’s figures', () => {
  const workbook = new ExcelJS.Workbook();
  let rows: Row[];
  let evaluator: ExcelEvaluator;

  beforeAll(async () => {
    const out = join(tempDir(), 'every-model.xlsx');
    const r = cesuan(['batch', ...MODELS, GAPPED, '--out', out], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    rows = cesuanJson<{ rows: Row[] }>(['batch', ...MODELS, GAPPED, '-f', 'json']).rows;
    await workbook.xlsx.readFile(out);
    evaluator = new ExcelEvaluator(workbook);
  });

  /** cesuan's figure for a Results cell, by the row's scenario × indicator and the cell's column. */
  const expected = (address: string): number | string => {
    const [, letters, n] = /^([A-Z]+)(\d+)$/.exec(address)!;
    const sheet = workbook.getWorksheet('Results')!.getRow(Number(n));
    const row = rows.find(
      (x) => x.scenario === sheet.getCell(column('scenario')).value && x.indicator === sheet.getCell(column('indicator')).value,
    );
    if (!row) throw new Error(`Results row ${n} is not one of cesuan's rows`);
    if (letters === column('projection')) return row.projection!;
    if (letters === column('gap')) return row.gap!;
    if (letters === column('verdict')) return row.verdict;
    throw new Error(`a formula in column ${letters}, which holds no computed figure`);
  };

  it('every live formula (all models, and series with gaps in their years) finds cesuan’s value', () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(5);
    const scenarios = new Set(rows.map((r) => r.scenario));
    expect(scenarios.size).toBe(MODELS.length + 1);
    const perScenario = new Map<string, number>();
    for (const f of evaluator.formulas) {
      expect(f.sheet, `${f.sheet}!${f.address}: ${f.formula}`).toBe('Results');
      const want = expected(f.address);
      const got = evaluator.cell(f.sheet, f.address);
      const where = `${f.sheet}!${f.address} = ${f.formula}`;
      if (typeof want === 'number') {
        expect(typeof got, where).toBe('number');
        expect(Math.abs((got as number) - want), `${where}: ${got} against cesuan's ${want}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(want)),
        );
      } else {
        expect(got, where).toBe(want);
      }
      const s = String(workbook.getWorksheet('Results')!.getCell(`${column('scenario')}${/\d+/.exec(f.address)![0]}`).value);
      perScenario.set(s, (perScenario.get(s) ?? 0) + 1);
    }
    // live formulas to check in every model that projects anything (henan-parent publishes figures, derives none)
    for (const s of scenarios) {
      if (rows.some((r) => r.scenario === s && r.projection !== null)) expect(perScenario.get(s) ?? 0, s).toBeGreaterThan(0);
    }
    expect(perScenario.get('gapped-years')).toBe(6);
  });

  it('cagr(hist) spans 2010 → 2020: compound(200, cagr(hist), 5) = 200 × √2 = 282.84, in the workbook as in run', () => {
    const row = rows.find((r) => r.scenario === 'gapped-years' && r.indicator === 'spanned')!;
    expect(row.projection).toBeCloseTo(282.8427, 4);
    const f = evaluator.formulas.find((x) => expected(x.address) === row.projection);
    expect(f, 'the projection is a live formula').toBeDefined();
    expect(evaluator.cell('Results', f!.address) as number).toBeCloseTo(200 * Math.SQRT2, 9);
  });
});
