/**
 * An independent evaluator for the workbooks cesuan writes: HyperFormula, a spreadsheet engine of its own
 * (Excel's grammar, precedence and functions), fed the cells exceljs reads back. It shares nothing with
 * src/report/excel-formula.ts, so a test through it checks the translator instead of repeating its reading
 * (the hand-written evaluator this replaces could not catch cagr(<named series>) counting cells, issue #15).
 *
 * HyperFormula is GPL-3.0 (licenseKey 'gpl-v3'): a devDependency used only by tests, never bundled or shipped.
 */
import type ExcelJS from 'exceljs';
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';

export type CellResult = number | string | boolean | null;

/** A cell as HyperFormula reads it: formulas with their `=`, text forced to stay text. */
function content(value: ExcelJS.CellValue): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return `'${value}`; // a leading apostrophe: never parsed as a number or formula
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if (typeof value === 'object' && 'richText' in value) return `'${value.richText.map((r) => r.text).join('')}`;
  throw new Error(`a cell HyperFormula is not given: ${JSON.stringify(value)}`);
}

export class ExcelEvaluator {
  private readonly hf: HyperFormula;
  /** every formula cell: sheet, A1 address and the formula (without `=`) */
  readonly formulas: { sheet: string; address: string; formula: string }[] = [];

  constructor(workbook: ExcelJS.Workbook) {
    const sheets: Record<string, RawCellContent[][]> = {};
    workbook.eachSheet((ws) => {
      const rows: RawCellContent[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const cells: RawCellContent[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          cells[c - 1] = content(cell.value);
          const v = cell.value;
          if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
            this.formulas.push({ sheet: ws.name, address: cell.address, formula: v.formula });
          }
        });
        rows[r - 1] = Array.from(cells, (x) => x ?? null);
      });
      sheets[ws.name] = Array.from(rows, (x) => x ?? []);
    });
    // smartRounding off: the values as computed, not rounded for display
    this.hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  }

  private address(sheet: string, address: string) {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    const a = this.hf.simpleCellAddressFromString(address, id);
    if (!a) throw new Error(`not a cell address: ${address}`);
    return a;
  }

  private static check(v: unknown, where: string): CellResult {
    if (v instanceof DetailedCellError) throw new Error(`${where}: ${v.value} ${v.message}`);
    return v as CellResult;
  }

  /** The value of a cell, computed by HyperFormula (an error value throws). */
  cell(sheet: string, address: string): CellResult {
    return ExcelEvaluator.check(this.hf.getCellValue(this.address(sheet, address)), `${sheet}!${address}`);
  }

  /** Put a number in an input cell; every formula that reads it is recomputed. */
  set(sheet: string, address: string, value: number): void {
    this.hf.setCellContents(this.address(sheet, address), [[value]]);
  }

  /** A formula of our own, evaluated against the workbook's `sheet`. */
  evaluate(formula: string, sheet: string): CellResult {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    return ExcelEvaluator.check(this.hf.calculateFormula(`=${formula}`, id), formula);
  }
}
