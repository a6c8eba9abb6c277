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
import { jsonText, safeText } from './safe-text.js';
import { csvHeader, reportStrings, targetVerdictText, type Lang, type ReportStrings } from './strings.js';
import { renderTable, type Column } from './table.js';

export interface CompareContext {
  a: { name: string; file: string; model: string };
  b: { name: string; file: string; model: string };
  lang?: Lang;
}

/** A verdict in compare's narrow columns; a check against a draft's proposal says so, as run's does. */
const verdictShort = (t: ReportStrings, v: TargetVerdict | null, binding: boolean, proposed: boolean): string => {
  if (v === null) return '—';
  if (v === 'missed' && binding) return proposed ? t.proposed.verdict(t.verdict.missedBindingShort) : t.verdict.missedBindingShort;
  return targetVerdictText(t, v, binding, proposed);
};

export function renderCompare(comparison: Comparison, context: CompareContext, format: Format): string {
  const records = comparison.indicators.map((c) => ({
    indicator: c.id,
    label: c.label,
    unit: c.unit,
    attribute: c.attribute ?? null,
    target: c.target,
    proposed: c.proposed,
    a: c.a,
    b: c.b,
    difference: c.difference,
    relative: c.relative,
    verdict_a: c.verdictA,
    verdict_b: c.verdictB,
    verdict_changed: c.changed,
  }));
  if (format === 'json') {
    return `${jsonText({ version: JSON_SCHEMA_VERSION, a: context.a, b: context.b, indicators: records, assumptions: comparison.assumptions }, 2)}\n`;
  }
  if (format === 'csv')
    return renderCsv(
      csvHeader(Object.keys(records[0] ?? { indicator: '' }), context.lang),
      records.map((r) => Object.values(r)),
    );
  const t = reportStrings(context.lang);
  const k = t.columns;
  const header = [k.indicator, k.unit, k.target, 'A', 'B', 'B − A', t.compare.columns.relative, 'A', 'B'];
  const rows = comparison.indicators.map((c) => [
    c.label,
    c.unit,
    `${formatIn(c.target, c.unit)}${c.proposed ? t.proposed.mark : ''}`,
    formatIn(c.a, c.unit),
    formatIn(c.b, c.unit),
    formatSigned(c.difference, c.unit, undefined, c.a),
    c.relative === null ? '—' : `${formatSigned(c.relative * 100, undefined, 2)}%`,
    verdictShort(t, c.verdictA, c.attribute === 'binding', c.proposed),
    verdictShort(t, c.verdictB, c.attribute === 'binding', c.proposed) + (c.changed ? ' *' : ''),
  ]);
  const assumptionHeader = [k.assumption, 'A', 'B', 'B − A'];
  const assumptionRows = comparison.assumptions.map((s) => [
    `${s.id} ${s.label}`,
    formatIn(s.a, s.unit, 4),
    formatIn(s.b, s.unit, 4),
    formatSigned(s.difference, s.unit, undefined, s.a),
  ]);
  const title = `A: ${context.a.name} (${context.a.file})\nB: ${context.b.name} (${context.b.file})`;
  const changed = comparison.indicators.filter((c) => c.changed).length;
  const footer = changed ? `\n${t.compare.verdictDiffers(changed)}\n` : '';
  if (format === 'md') {
    const right: ('left' | 'right')[] = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'];
    return (
      safeText(`## ${t.compare.title}\n\n${title.replace('\n', '  \n')}\n\n`) +
      renderMarkdownTable(header, rows, right) +
      footer +
      (assumptionRows.length
        ? `\n### ${t.compare.assumptionsDiffer}\n\n${renderMarkdownTable(assumptionHeader, assumptionRows, ['left', 'right', 'right', 'right'])}`
        : '')
    );
  }
  const columns: Column[] = [
    { header: k.indicator, max: 28 },
    { header: k.unit },
    { header: k.target, align: 'right' },
    { header: 'A', align: 'right' },
    { header: 'B', align: 'right' },
    { header: 'B − A', align: 'right' },
    { header: t.compare.columns.relative, align: 'right' },
    { header: t.compare.columns.verdictA },
    { header: t.compare.columns.verdictB },
  ];
  const assumptionColumns: Column[] = [
    { header: t.compare.assumptionDiffers, max: 48 },
    { header: 'A', align: 'right' },
    { header: 'B', align: 'right' },
    { header: 'B − A', align: 'right' },
  ];
  return safeText(
    `${title}\n\n${renderTable(columns, rows)}${footer}` +
      (assumptionRows.length ? `\n${renderTable(assumptionColumns, assumptionRows)}` : `\n${t.compare.noAssumption}\n`),
  );
}
