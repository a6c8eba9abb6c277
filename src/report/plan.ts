/**
 * `plan`: the annual decomposition. Table and Markdown are wide (one row per indicator, one column per year);
 * CSV is long (one row per indicator × year, with running totals, changes and growth); JSON has both levels.
 */
import type { IndicatorPlan } from '../engine/planning/plan.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn, formatSigned } from './numbers.js';
import { JSON_SCHEMA_VERSION, targetText, type Format } from './results.js';
import { renderTable, type Column } from './table.js';

export interface PlanContext {
  title: string;
  model: string;
  scenario: string | null;
  years: { base: number; target: number };
}

function check(p: IndicatorPlan): string {
  if (p.source === 'none') return 'not modelled';
  if (p.consistent) return p.kind === 'cumulative' ? '✓ Σ = projection' : '✓ ends at projection';
  return `✗ differs by ${formatSigned(p.difference, p.unit, 4)}`;
}

export function planRows(plans: IndicatorPlan[]) {
  return plans.flatMap((p) => p.years.map((y) => ({
    indicator: p.id,
    label: p.label,
    unit: p.unit,
    kind: p.kind,
    year: y.year,
    value: y.value,
    to_date: y.toDate,
    change: y.change,
    growth: y.growth,
    projection: p.projection,
    target: p.target?.value ?? null,
    path: p.source,
  })));
}

export function renderPlan(plans: IndicatorPlan[], context: PlanContext, format: Format): string {
  if (format === 'json') {
    return JSON.stringify({
      version: JSON_SCHEMA_VERSION,
      model: context.model,
      scenario: context.scenario,
      years: context.years,
      indicators: plans.map((p) => ({
        id: p.id, label: p.label, unit: p.unit, kind: p.kind, attribute: p.attribute, baseline: p.baseline,
        target: p.target, projection: p.projection, total: p.total, difference: p.difference, consistent: p.consistent,
        path: p.source, years: p.years,
      })),
    }, null, 2) + '\n';
  }
  if (format === 'csv') {
    const rows = planRows(plans);
    return renderCsv(Object.keys(rows[0] ?? { indicator: '' }), rows.map((r) => Object.values(r)));
  }
  const years = Array.from({ length: context.years.target - context.years.base + 1 }, (_, i) => context.years.base + i);
  const header = ['#', 'indicator', 'unit', 'kind', ...years.map(String), 'Σ / end', 'target', 'check'];
  const rows = plans.map((p) => {
    const byYear = new Map(p.years.map((y) => [y.year, y.value]));
    return [
      p.number ?? '',
      p.label,
      p.unit,
      p.kind,
      ...years.map((y) => (byYear.has(y) ? formatIn(byYear.get(y), p.unit) : '—')),
      p.kind === 'cumulative' ? (p.total === null ? '—' : `[${formatIn(p.total, p.unit)}]`) : formatIn(p.total, p.unit),
      targetText(p),
      check(p),
    ];
  });
  const title = `${context.title}${context.scenario ? ` — ${context.scenario}` : ''}\n年度分解 ${context.years.base + 1}–${context.years.target}: stock and rate are year-end values (${context.years.base} = start of the path); cumulative are each year's amount, Σ = the five-year figure`;
  const inconsistent = plans.filter((p) => !p.consistent);
  const footer = inconsistent.length ? `\n!! path and formula disagree: ${inconsistent.map((p) => p.label).join(', ')}\n` : '';
  if (format === 'md') {
    return `## ${title.replace('\n', '\n\n')}\n\n` + renderMarkdownTable(header, rows, header.map((_, i) => (i >= 4 && i < header.length - 1 ? 'right' : 'left'))) + footer;
  }
  const columns: Column[] = header.map((h, i) => ({ header: h, align: i >= 4 && i < header.length - 1 ? 'right' : 'left', ...(h === 'indicator' ? { max: 24 } : {}) }));
  return `${title}\n\n${renderTable(columns, rows)}${footer}`;
}
