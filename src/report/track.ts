/**
 * `track`: actuals against the planned path, what the remaining years require, and the verdict
 * (thresholds in engine/planning/track.ts).
 */
import { AT_RISK_SHORTFALL, type IndicatorTrack, type TrackVerdict } from '../engine/planning/track.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn, formatSigned } from './numbers.js';
import { JSON_SCHEMA_VERSION, targetText, type Format } from './results.js';
import { renderTable, type Column } from './table.js';

export interface TrackContext {
  title: string;
  model: string;
  scenario: string | null;
  file: string;
  years: { base: number; target: number };
}

export const TRACK_VERDICT_TEXT: Record<TrackVerdict, string> = {
  on_track: 'on track',
  at_risk: 'AT RISK',
  off_track: 'OFF TRACK',
  no_target: 'no target',
};

/** A yearly requirement in its measure: growth as %, amounts in the unit a year, changes in points a year. */
function perYear(value: number | null, t: IndicatorTrack): string {
  if (value === null) return '—';
  if (t.measure === 'growth') return `${formatIn(value, 'ratio', 2)}/yr`;
  if (t.measure === 'amount') return `${formatIn(value, t.unit)}/yr`;
  return `${formatSigned(value, undefined, 2)}${t.unit === '%' ? 'pp' : ''}/yr`;
}

export function trackRecord(t: IndicatorTrack) {
  return {
    indicator: t.id,
    label: t.label,
    unit: t.unit,
    kind: t.kind,
    attribute: t.attribute,
    last_year: t.lastYear,
    last: t.last,
    deviation: t.deviation,
    elapsed: t.elapsed,
    remaining: t.remaining,
    measure: t.measure,
    required: t.required,
    planned_required: t.plannedRequired,
    pace: t.pace,
    at_pace: t.atPace,
    target_op: t.target?.op ?? null,
    target: t.target?.value ?? null,
    projection: t.projection,
    shortfall: t.shortfall,
    verdict: t.verdict,
  };
}

export function renderTrack(tracks: IndicatorTrack[], context: TrackContext, format: Format): string {
  if (format === 'json') {
    return JSON.stringify({
      version: JSON_SCHEMA_VERSION,
      model: context.model,
      scenario: context.scenario,
      file: context.file,
      years: context.years,
      thresholds: { at_risk_shortfall: AT_RISK_SHORTFALL },
      indicators: tracks.map((t) => ({ ...trackRecord(t), years: t.years })),
    }, null, 2) + '\n';
  }
  if (format === 'csv') return renderCsv(Object.keys(trackRecord(tracks[0]!)), tracks.map((t) => Object.values(trackRecord(t))));
  const header = ['indicator', 'unit', 'actual', 'vs plan', 'required', 'plan assumes', 'pace so far', `at pace ${context.years.target}`, 'target', 'verdict'];
  const rows = tracks.map((t) => [
    t.label + (t.attribute === 'binding' ? ' (约束性)' : ''),
    t.unit,
    `${t.kind === 'cumulative' ? 'Σ ' : ''}${formatIn(t.last, t.unit)} (${t.kind === 'cumulative' ? `${context.years.base + 1}–` : ''}${t.lastYear})`,
    formatSigned(t.deviation, t.unit),
    perYear(t.required, t),
    perYear(t.plannedRequired, t),
    perYear(t.pace, t),
    t.kind === 'cumulative' && t.atPace !== null ? `[${formatIn(t.atPace, t.unit)}]` : formatIn(t.atPace, t.unit),
    targetText(t),
    TRACK_VERDICT_TEXT[t.verdict],
  ]);
  const detailHeader = ['indicator', 'year', 'actual', 'planned', 'deviation'];
  const detail = tracks.flatMap((t) => t.years.filter((y) => y.actual !== null).map((y) => [
    t.label, String(y.year), formatIn(y.actual, t.unit), formatIn(y.planned, t.unit), formatSigned(y.deviation, t.unit),
  ]));
  const legend = `required: growth (stock), amount (cumulative) or change (rate) a year in the remaining years to reach the target; `
    + `plan assumes: the same along the planned path; verdict: at the pace so far the ${context.years.target} value meets the target → on track, `
    + `misses by ≤ ${AT_RISK_SHORTFALL * 100}% of the target → at risk, by more → off track`;
  const title = `${context.title}${context.scenario ? ` — ${context.scenario}` : ''}\n中期评估: actuals against the planned path`;
  if (format === 'md') {
    return `## ${title.replace('\n', '\n\n')}\n\n` + renderMarkdownTable(header, rows) + `\n${legend}\n\n### Years\n\n` + renderMarkdownTable(detailHeader, detail, ['left', 'left', 'right', 'right', 'right']);
  }
  const columns: Column[] = header.map((h, i) => ({ header: h, align: i >= 2 && i < header.length - 2 ? 'right' : 'left', ...(i === 0 ? { max: 26 } : {}) }));
  const detailColumns: Column[] = detailHeader.map((h, i) => ({ header: h, align: i >= 2 ? 'right' : 'left', ...(i === 0 ? { max: 26 } : {}) }));
  return `${title}\n\n${renderTable(columns, rows)}\n${legend}\n\n${renderTable(detailColumns, detail)}`;
}
