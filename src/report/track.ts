/**
 * `track`: actuals against the planned path, what the remaining years require, and the verdict
 * (thresholds in engine/planning/track.ts).
 */
import { AT_RISK_SHORTFALL, type IndicatorTrack, type TrackVerdict } from '../engine/planning/track.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn, formatSigned } from './numbers.js';
import { JSON_SCHEMA_VERSION, proposedLegend, targetText, type Format } from './results.js';
import { jsonText, safeText } from './safe-text.js';
import { csvHeader, reportStrings, type Lang } from './strings.js';
import { renderTable, type Column } from './table.js';

export interface TrackContext {
  title: string;
  model: string;
  scenario: string | null;
  file: string;
  years: { base: number; target: number };
  lang?: Lang;
}

export const TRACK_VERDICT_TEXT: Record<TrackVerdict, string> = {
  on_track: 'on track',
  at_risk: 'AT RISK',
  off_track: 'OFF TRACK',
  no_target: 'no target',
};

/** A yearly requirement in its measure: growth as %, amounts in the unit a year, changes in points a year. */
function perYear(value: number | null, t: IndicatorTrack, lang?: Lang): string {
  if (value === null) return '—';
  const yr = reportStrings(lang).track.perYear;
  if (t.measure === 'growth') return `${formatIn(value, 'ratio', 2)}${yr}`;
  if (t.measure === 'amount') return `${formatIn(value, t.unit)}${yr}`;
  return `${formatSigned(value, undefined, 2)}${t.unit === '%' ? 'pp' : ''}${yr}`;
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
    return `${jsonText(
      {
        version: JSON_SCHEMA_VERSION,
        model: context.model,
        scenario: context.scenario,
        file: context.file,
        years: context.years,
        thresholds: { at_risk_shortfall: AT_RISK_SHORTFALL },
        indicators: tracks.map((t) => ({ ...trackRecord(t), years: t.years })),
      },
      2,
    )}\n`;
  }
  if (format === 'csv')
    return renderCsv(
      csvHeader(Object.keys(trackRecord(tracks[0]!)), context.lang),
      tracks.map((t) => Object.values(trackRecord(t))),
    );
  const s = reportStrings(context.lang);
  const w = s.track;
  const header = [
    s.columns.indicator,
    s.columns.unit,
    w.columns.actual,
    w.columns.vsPlan,
    w.columns.required,
    w.columns.planAssumes,
    w.columns.pace,
    w.columns.atPace(context.years.target),
    s.columns.target,
    s.columns.verdict,
  ];
  const rows = tracks.map((t) => [
    t.label + (t.attribute === 'binding' ? ` (${s.attribute.binding})` : ''),
    t.unit,
    `${t.kind === 'cumulative' ? 'Σ ' : ''}${formatIn(t.last, t.unit)} (${t.kind === 'cumulative' ? `${context.years.base + 1}–` : ''}${t.lastYear})`,
    formatSigned(t.deviation, t.unit, undefined, t.last),
    perYear(t.required, t, context.lang),
    perYear(t.plannedRequired, t, context.lang),
    perYear(t.pace, t, context.lang),
    t.kind === 'cumulative' && t.atPace !== null ? `[${formatIn(t.atPace, t.unit)}]` : formatIn(t.atPace, t.unit),
    targetText(t, context.lang),
    w.verdict[t.verdict],
  ]);
  const detailHeader = [s.columns.indicator, s.columns.year, w.columns.actual, w.detailColumns.planned, w.detailColumns.deviation];
  const detail = tracks.flatMap((t) =>
    t.years
      .filter((y) => y.actual !== null)
      .map((y) => [
        t.label,
        String(y.year),
        formatIn(y.actual, t.unit),
        formatIn(y.planned, t.unit),
        formatSigned(y.deviation, t.unit, undefined, y.planned),
      ]),
  );
  const proposed = proposedLegend(tracks, context.lang);
  const legend = `${w.legend(context.years.target, AT_RISK_SHORTFALL * 100)}${proposed ? `\n${proposed}` : ''}`;
  const title = `${context.title}${context.scenario ? ` — ${context.scenario}` : ''}\n${w.title}`;
  if (format === 'md') {
    return `${safeText(`## ${title.replace('\n', '\n\n')}\n\n`) + renderMarkdownTable(header, rows)}\n${legend}\n\n### ${w.years}\n\n${renderMarkdownTable(detailHeader, detail, ['left', 'left', 'right', 'right', 'right'])}`;
  }
  const columns: Column[] = header.map((h, i) => ({
    header: h,
    align: i >= 2 && i < header.length - 2 ? 'right' : 'left',
    ...(i === 0 ? { max: 26 } : {}),
  }));
  const detailColumns: Column[] = detailHeader.map((h, i) => ({
    header: h,
    align: i >= 2 ? 'right' : 'left',
    ...(i === 0 ? { max: 26 } : {}),
  }));
  return safeText(`${title}\n\n${renderTable(columns, rows)}\n${legend}\n\n${renderTable(detailColumns, detail)}`);
}
