/**
 * Row streams: a header, any number of rows, a footer — as CSV, JSON or Markdown text, one row at a time, so a
 * sweep of a million rows never holds more than one row. Pure: the CLI decides where the text goes.
 *
 * JSON is one document: `{ "version": 1, …meta, "columns": [...], "rows": [ {…}, … ] }`, rows as objects keyed
 * by column, non-finite numbers as null (JSON has no NaN).
 */
import { csvField, csvLine } from './csv.js';
import { mdCell } from './markdown.js';
import { csvNumber, formatNumber, isNoise } from './numbers.js';
import { JSON_SCHEMA_VERSION } from './results.js';
import { jsonText } from './safe-text.js';

export type RowFormat = 'csv' | 'json' | 'md';

export interface RowEncoder {
  head(): string;
  row(values: unknown[]): string;
  tail(): string;
}

/** Raw numbers for machines: full precision, non-finite → empty (CSV) / null (JSON). */
function machineValue(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v ?? null;
}

/** Numbers for people: six significant digits (numbers.ts); noise next to the row's figures (`scale`) is 0. */
export function humanNumber(v: unknown, scale = 1): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return String(v);
  return isNoise(v, scale) ? '0' : formatNumber(v, 6);
}

/** Columns whose magnitude says what is noise in a row (a gap of 1e-14 next to a target of 85). */
const SCALE_COLUMNS = new Set(['baseline', 'projection', 'target']);

/** The largest finite figure among a row's scale columns. */
function rowScale(values: unknown[], at: number[]): number {
  let scale = 1;
  for (const i of at) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  }
  return scale;
}

export function rowEncoder(
  format: RowFormat,
  columns: string[],
  meta: Record<string, unknown> = {},
  align?: ('left' | 'right')[],
): RowEncoder {
  switch (format) {
    case 'csv':
      return {
        head: () => csvLine(columns),
        // the hot path of a sweep: numbers never need quoting
        row: (values) => {
          let line = '';
          for (let i = 0; i < values.length; i++) {
            const v = values[i];
            if (i > 0) line += ',';
            if (typeof v === 'number') line += csvNumber(v);
            else if (v !== null && v !== undefined) line += csvField(v);
          }
          return `${line}\n`;
        },
        tail: () => '',
      };
    case 'md': {
      const rule = columns.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
      const line = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
      const scaleAt = columns.flatMap((c, i) => (SCALE_COLUMNS.has(c) ? [i] : []));
      return {
        head: () => line(columns.map(mdCell)) + line(rule),
        row: (values) => {
          const scale = rowScale(values, scaleAt);
          return line(values.map((v) => mdCell(humanNumber(v, scale))));
        },
        tail: () => '',
      };
    }
    case 'json': {
      let first = true;
      const keys = columns.map((c) => jsonText(c));
      return {
        head: () => {
          const header = jsonText({ version: JSON_SCHEMA_VERSION, ...meta, columns });
          return `${header.slice(0, -1)},"rows":[`;
        },
        row: (values) => {
          const body = values
            .map((v, i) => `${keys[i]}:${typeof v === 'string' ? jsonText(v) : JSON.stringify(machineValue(v))}`)
            .join(',');
          const out = `${first ? '\n' : ',\n'}{${body}}`;
          first = false;
          return out;
        },
        tail: () => `${first ? '' : '\n'}]}\n`,
      };
    }
  }
}
