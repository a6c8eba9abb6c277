/**
 * `plan`: the annual decomposition. Table and Markdown are wide (one row per indicator, one column per year);
 * CSV is long (one row per indicator × year, with running totals, changes and growth); JSON has both levels.
 */
import type { IndicatorPlan } from '../engine/planning/plan.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn, formatSigned } from './numbers.js';
import { JSON_SCHEMA_VERSION, proposedLegend, targetText, type Format } from './results.js';
import { jsonText, safeText } from './safe-text.js';
import { csvHeader, reportStrings, type Lang, type ReportStrings } from './strings.js';
import { renderTable, type Column } from './table.js';

export interface PlanContext {
  title: string;
  model: string;
  scenario: string | null;
  years: { base: number; target: number };
  lang?: Lang;
}

function check(p: IndicatorPlan, t: ReportStrings): string {
  if (p.source === 'none') return t.plan.notModelled;
  if (p.consistent && p.flat) return t.plan.endsAtFlat;
  if (p.consistent) return p.kind === 'cumulative' ? t.plan.sumsTo : t.plan.endsAt;
  return t.plan.differs(formatSigned(p.difference, p.unit, 4, p.projection));
}

export function planRows(plans: IndicatorPlan[]) {
  return plans.flatMap((p) =>
    p.years.map((y) => ({
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
    })),
  );
}

export function renderPlan(plans: IndicatorPlan[], context: PlanContext, format: Format): string {
  if (format === 'json') {
    return `${jsonText(
      {
        version: JSON_SCHEMA_VERSION,
        model: context.model,
        scenario: context.scenario,
        years: context.years,
        indicators: plans.map((p) => ({
          id: p.id,
          label: p.label,
          unit: p.unit,
          kind: p.kind,
          attribute: p.attribute,
          baseline: p.baseline,
          target: p.target,
          projection: p.projection,
          total: p.total,
          difference: p.difference,
          consistent: p.consistent,
          path: p.source,
          years: p.years,
        })),
      },
      2,
    )}\n`;
  }
  if (format === 'csv') {
    const rows = planRows(plans);
    return renderCsv(
      csvHeader(Object.keys(rows[0] ?? { indicator: '' }), context.lang),
      rows.map((r) => Object.values(r)),
    );
  }
  const t = reportStrings(context.lang);
  const c = t.columns;
  const years = Array.from({ length: context.years.target - context.years.base + 1 }, (_, i) => context.years.base + i);
  const header = [c.number, c.indicator, c.unit, c.kind, ...years.map(String), t.plan.columns.total, c.target, t.plan.columns.check];
  const rows = plans.map((p) => {
    const byYear = new Map(p.years.map((y) => [y.year, y.value]));
    return [
      p.number ?? '',
      p.label,
      p.unit,
      t.kind[p.kind],
      ...years.map((y) => (byYear.has(y) ? formatIn(byYear.get(y), p.unit) : '—')),
      p.kind === 'cumulative' ? (p.total === null ? '—' : `[${formatIn(p.total, p.unit)}]`) : formatIn(p.total, p.unit),
      targetText(p, context.lang),
      check(p, t),
    ];
  });
  const title = `${context.title}${context.scenario ? ` — ${context.scenario}` : ''}\n${t.plan.title(context.years.base + 1, context.years.target, context.years.base)}`;
  const inconsistent = plans.filter((p) => !p.consistent);
  const legend = proposedLegend(plans, context.lang);
  const footer = `${legend ? `${format === 'md' ? '\n' : ''}${legend}\n` : ''}${inconsistent.length ? `\n${t.plan.disagree(inconsistent.map((p) => p.label).join(', '))}\n` : ''}`;
  if (format === 'md') {
    return (
      safeText(`## ${title.replace('\n', '\n\n')}\n\n`) +
      renderMarkdownTable(
        header,
        rows,
        header.map((_, i) => (i >= 4 && i < header.length - 1 ? 'right' : 'left')),
      ) +
      safeText(footer)
    );
  }
  const columns: Column[] = header.map((h, i) => ({
    header: h,
    align: i >= 4 && i < header.length - 1 ? 'right' : 'left',
    ...(i === 1 ? { max: 24 } : {}),
  }));
  return safeText(`${title}\n\n${renderTable(columns, rows)}${footer}`);
}
