/**
 * `compare`: two runs side by side — projections, differences, verdicts per indicator, and the assumptions
 * that differ.
 */
import type { Comparison } from '../engine/planning/compare.js';
import type { TargetVerdict } from '../engine/types.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn, formatSigned } from './numbers.js';
import { JSON_SCHEMA_VERSION, type Format } from './results.js';
import { renderTable, type Column } from './table.js';

export interface CompareContext {
  a: { name: string; file: string; model: string };
  b: { name: string; file: string; model: string };
}

const verdictShort = (v: TargetVerdict | null, binding: boolean): string => {
  if (v === null) return '—';
  if (v === 'missed') return binding ? 'MISSED' : 'missed';
  return v.replace('_', ' ');
};

export function renderCompare(comparison: Comparison, context: CompareContext, format: Format): string {
  const records = comparison.indicators.map((c) => ({
    indicator: c.id,
    label: c.label,
    unit: c.unit,
    attribute: c.attribute ?? null,
    target: c.target,
    a: c.a,
    b: c.b,
    difference: c.difference,
    relative: c.relative,
    verdict_a: c.verdictA,
    verdict_b: c.verdictB,
    verdict_changed: c.changed,
  }));
  if (format === 'json') {
    return JSON.stringify({ version: JSON_SCHEMA_VERSION, a: context.a, b: context.b, indicators: records, assumptions: comparison.assumptions }, null, 2) + '\n';
  }
  if (format === 'csv') return renderCsv(Object.keys(records[0] ?? { indicator: '' }), records.map((r) => Object.values(r)));
  const header = ['indicator', 'unit', 'target', 'A', 'B', 'B − A', 'B/A − 1', 'A', 'B'];
  const rows = comparison.indicators.map((c) => [
    c.label,
    c.unit,
    formatIn(c.target, c.unit),
    formatIn(c.a, c.unit),
    formatIn(c.b, c.unit),
    formatSigned(c.difference, c.unit),
    c.relative === null ? '—' : formatSigned(c.relative * 100, undefined, 2) + '%',
    verdictShort(c.verdictA, c.attribute === 'binding'),
    verdictShort(c.verdictB, c.attribute === 'binding') + (c.changed ? ' *' : ''),
  ]);
  const assumptionHeader = ['assumption', 'A', 'B', 'B − A'];
  const assumptionRows = comparison.assumptions.map((s) => [`${s.id} ${s.label}`, formatIn(s.a, s.unit, 4), formatIn(s.b, s.unit, 4), formatSigned(s.difference, s.unit)]);
  const title = `A: ${context.a.name} (${context.a.file})\nB: ${context.b.name} (${context.b.file})`;
  const changed = comparison.indicators.filter((c) => c.changed).length;
  const footer = changed ? `\n* verdict differs (${changed} indicator${changed > 1 ? 's' : ''})\n` : '';
  if (format === 'md') {
    const right: ('left' | 'right')[] = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'];
    return `## Compare\n\n${title.replace('\n', '  \n')}\n\n` + renderMarkdownTable(header, rows, right) + footer
      + (assumptionRows.length ? `\n### Assumptions that differ\n\n` + renderMarkdownTable(assumptionHeader, assumptionRows, ['left', 'right', 'right', 'right']) : '');
  }
  const columns: Column[] = [
    { header: 'indicator', max: 28 }, { header: 'unit' }, { header: 'target', align: 'right' }, { header: 'A', align: 'right' },
    { header: 'B', align: 'right' }, { header: 'B − A', align: 'right' }, { header: 'B/A − 1', align: 'right' }, { header: 'verdict A' }, { header: 'verdict B' },
  ];
  const assumptionColumns: Column[] = [{ header: 'assumption that differs', max: 48 }, { header: 'A', align: 'right' }, { header: 'B', align: 'right' }, { header: 'B − A', align: 'right' }];
  return `${title}\n\n${renderTable(columns, rows)}${footer}`
    + (assumptionRows.length ? `\n${renderTable(assumptionColumns, assumptionRows)}` : '\n(no assumption differs)\n');
}
