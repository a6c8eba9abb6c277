/**
 * Render Monte Carlo and sensitivity results: table (with charts), md, csv, json.
 * JSON carries every number unrounded; the table rounds for reading.
 */
import { describeDistribution } from '../model/distributions.js';
import type { IndicatorUncertainty, UncertainAssumption, UncertaintyResult } from '../engine/uncertainty/sample.js';
import type { SensitivityResult } from '../engine/uncertainty/sensitivity.js';
import { COMPARATOR_SYMBOL } from '../engine/graph/target.js';
import { renderFan, renderHistogram, renderTornado, type Marker } from './charts.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatDecimals, formatFixed, formatIn, formatNumber, formatProbability, formatThreshold } from './numbers.js';
import { JSON_SCHEMA_VERSION, targetText, type Format } from './results.js';
import { severityPrefix } from './problems.js';
import { jsonText, safeText } from './safe-text.js';
import { csvHeader, DEFAULT_LANG, reportStrings, type Lang, type ReportStrings } from './strings.js';
import { renderTable, type Column } from './table.js';

export interface UncertaintyContext {
  file: string;
  scenario: string | null;
  lang?: Lang;
}

const threshold = formatThreshold;
const percent = formatProbability;

/** The largest 95% sampling margin of any P(met): 1.96·√(p(1−p)/N) at p = ½. */
export function pMetMargin(samples: number): number {
  return 1.96 * Math.sqrt(0.25 / samples);
}

/** An assumption value: ratios as percentages with up to two decimals, other units to 4 significant digits. */
function formatInput(x: number, unit: string): string {
  if (unit === 'ratio') return `${formatFixed(x * 100, 2)}%`;
  return formatNumber(x, 4);
}

function assumptionLine(a: UncertainAssumption, t: ReportStrings): string {
  const cut = a.truncatedTo
    ? `${t.mc.cut(a.truncatedTo[0], a.truncatedTo[1])}${a.mass < 0.999 ? t.mc.keeps((a.mass * 100).toFixed(1)) : ''}`
    : '';
  return `${describeDistribution(a.distribution)}${cut}`;
}

export function indicatorUncertaintyRecord(i: IndicatorUncertainty) {
  const s = i.summary;
  return {
    id: i.id,
    number: i.number ?? null,
    label: i.label,
    unit: i.unit,
    kind: i.kind,
    attribute: i.attribute,
    target_op: i.target?.op ?? null,
    target: i.target?.value ?? null,
    point: i.point,
    varies: i.varies,
    mean: s?.mean ?? null,
    sd: s?.sd ?? null,
    p5: s?.p5 ?? null,
    p10: s?.p10 ?? null,
    p50: s?.p50 ?? null,
    p90: s?.p90 ?? null,
    p95: s?.p95 ?? null,
    p_met: i.pMet,
    flagged: i.flagged,
    invalid_samples: s?.invalid ?? null,
    inputs: i.inputs.join(';'),
  };
}

export function uncertaintyJson(result: UncertaintyResult, context: UncertaintyContext, only?: string) {
  const indicators = only ? result.indicators.filter((i) => i.id === only) : result.indicators;
  return {
    version: JSON_SCHEMA_VERSION,
    model: result.modelId,
    title: result.title,
    file: context.file,
    scenario: context.scenario,
    samples: result.samples,
    seed: result.seed,
    threshold: result.threshold,
    assumptions: result.assumptions.map((a) => ({
      id: a.key,
      label: a.label,
      unit: a.unit,
      distribution: a.distribution,
      origin: a.origin,
      truncated_to: a.truncatedTo ?? null,
      mass_in_range: a.mass,
      point: a.point,
      p10: a.p10,
      p50: a.p50,
      p90: a.p90,
    })),
    indicators: indicators.map((i) => ({
      ...indicatorUncertaintyRecord(i),
      inputs: i.inputs,
      ...(i.histogram ? { histogram: i.histogram } : {}),
      ...(i.fan ? { fan: i.fan } : {}),
    })),
    problems: result.problems.map((p) => ({
      field: p.field,
      message: p.message,
      samples: p.count,
      position: `${p.position.file}:${p.position.line}:${p.position.col}`,
    })),
  };
}

function mcColumns(t: ReportStrings): Column[] {
  return [
    { header: t.columns.number },
    { header: t.columns.indicator, max: 26 },
    { header: t.columns.unit },
    { header: t.columns.attribute },
    { header: t.columns.target, align: 'right' },
    { header: t.mc.columns.point, align: 'right' },
    { header: t.mc.columns.mean, align: 'right' },
    { header: 'P5', align: 'right' },
    { header: 'P10', align: 'right' },
    { header: 'P50', align: 'right' },
    { header: 'P90', align: 'right' },
    { header: 'P95', align: 'right' },
    { header: t.mc.columns.pMet, align: 'right' },
    { header: '' },
  ];
}

function indicatorRow(i: IndicatorUncertainty, limit: number, t: ReportStrings, lang?: Lang): string[] {
  const s = i.summary;
  const f = (v: number | undefined) => (i.varies && v !== undefined ? formatIn(v, i.unit) : '—');
  const flag = i.flagged ? t.mc.flag(threshold(limit)) : !i.varies && s ? t.mc.fixed : '';
  return [
    i.number ?? '',
    i.label,
    i.unit,
    t.attribute[i.attribute],
    targetText(i, lang),
    formatIn(i.point, i.unit),
    f(s?.mean),
    f(s?.p5),
    f(s?.p10),
    f(s?.p50),
    f(s?.p90),
    f(s?.p95),
    s ? percent(i.pMet) : t.mc.notModelled,
    flag,
  ];
}

/** Detail of one indicator: its line, the histogram of its 2025 value, its fan chart. */
export function renderIndicatorDetail(result: UncertaintyResult, i: IndicatorUncertainty, lang?: Lang): string {
  const t = reportStrings(lang);
  const d = t.mc.detail;
  const fmt = (x: number) => formatIn(x, i.unit);
  const s = i.summary;
  const out: string[] = [];
  out.push(`${i.number ? `${i.number}. ` : ''}${i.label} (${i.id}) — ${t.explain.head(i.unit, t.kind[i.kind], t.attribute[i.attribute])}`);
  if (!s) return safeText(`${out[0]}\n  ${d.notModelled}\n`);
  out.push(
    `  ${d.target} ${targetText(i, lang)} · ${d.point} ${fmt(i.point ?? Number.NaN)} · ${d.mean} ${fmt(s.mean)} · P10 ${fmt(s.p10)} · P50 ${fmt(s.p50)} · P90 ${fmt(s.p90)} · ${t.mc.columns.pMet} ${percent(i.pMet)}${i.flagged ? `  ${t.mc.flag(threshold(result.threshold))}` : ''}`,
  );
  out.push(`  ${d.inputs}${i.inputs.length ? i.inputs.join(', ') : d.noInputs}`);
  if (s.invalid) out.push(`  ${d.invalid(s.invalid, result.samples)}`);
  const target: Marker | undefined = i.target ? { value: i.target.value, label: `${d.target} ${targetText(i, lang)}` } : undefined;
  if (i.histogram && i.varies) {
    out.push(
      '',
      `  ${result.years.target}${i.kind === 'cumulative' ? d.total(result.years.base + 1, result.years.target) : ''}${t.explain.comma}${d.samples(result.samples)}`,
    );
    const markers: Marker[] = [
      { value: s.p10, label: 'P10' },
      { value: s.p50, label: 'P50' },
      { value: s.p90, label: 'P90' },
    ];
    if (target) markers.unshift(target);
    const width = i.histogram[0]!.to - i.histogram[0]!.from;
    const decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(width)) + 1));
    out.push(renderHistogram(i.histogram, (x) => formatDecimals(x, decimals), markers, 40, t.charts).trimEnd());
  }
  if (i.fan) {
    out.push(
      '',
      `  ${i.kind === 'cumulative' ? d.yearly(result.years.base + 1) : d.path(result.years.base)}–${result.years.target}${t.explain.colon.trim()}`,
    );
    out.push(renderFan(i.fan, fmt, i.kind === 'cumulative' ? undefined : target, 48, t.charts).trimEnd());
  }
  return safeText(`${out.join('\n')}\n`);
}

export function renderMonteCarlo(result: UncertaintyResult, format: Format, context: UncertaintyContext, only?: string): string {
  if (format === 'json') return `${jsonText(uncertaintyJson(result, context, only), 2)}\n`;
  const focus = only ? result.indicators.find((i) => i.id === only) : undefined;
  if (format === 'csv') {
    if (focus?.fan)
      return renderCsv(
        csvHeader(['year', 'p5', 'p10', 'p50', 'p90', 'p95'], context.lang),
        focus.fan.map((y) => [y.year, y.p5, y.p10, y.p50, y.p90, y.p95]),
      );
    const records = result.indicators.map(indicatorUncertaintyRecord);
    return renderCsv(
      csvHeader(Object.keys(records[0] ?? indicatorUncertaintyRecord(result.indicators[0]!)), context.lang),
      records.map((r) => Object.values(r)),
    );
  }
  const t = reportStrings(context.lang);
  const columns = mcColumns(t);
  const title = `${result.title}${context.scenario ? ` — ${context.scenario}` : ''}`;
  const rows = (focus ? [focus] : result.indicators).map((i) => indicatorRow(i, result.threshold, t, context.lang));
  if (format === 'md') {
    return (
      safeText(`## ${title}\n\n${t.mc.mdHeader(result.samples, result.seed)}\n\n`) +
      renderMarkdownTable(
        columns.map((c) => c.header),
        rows,
        columns.map((c) => c.align ?? 'left'),
      )
    );
  }
  const out: string[] = [];
  out.push(title);
  out.push(t.mc.header(result.samples, result.seed, (pMetMargin(result.samples) * 100).toFixed(1)));
  out.push('');
  out.push(t.mc.uncertain(result.assumptions.length));
  const keyWidth = Math.max(...result.assumptions.map((a) => a.key.length));
  for (const a of result.assumptions) {
    out.push(
      `  ${a.key.padEnd(keyWidth)}  ${assumptionLine(a, t)} → P10 ${formatInput(a.p10, a.unit)} · P50 ${formatInput(a.p50, a.unit)} · P90 ${formatInput(a.p90, a.unit)}${a.origin === 'model' ? t.mc.inModel : ''}`,
    );
  }
  out.push('');
  if (focus) {
    out.push(renderIndicatorDetail(result, focus, context.lang));
  } else {
    out.push(renderTable(columns, rows));
    const flagged = result.indicators.filter((i) => i.flagged);
    if (flagged.length)
      out.push(`${t.mc.flagged(threshold(result.threshold), flagged.map((i) => `${i.label} ${percent(i.pMet)}`).join(', '))}\n`);
  }
  for (const p of result.problems)
    out.push(
      `${severityPrefix('warning', context.lang ?? DEFAULT_LANG)}${p.position.file}:${p.position.line}:${p.position.col}: ${p.field}: ${t.mc.sampleProblem(p.count, result.samples, p.message)}`,
    );
  return safeText(out.join('\n').replace(/\n*$/, '\n'));
}

// ── sensitivity ─────────────────────────────────────────────────────────────────────────────────────

export function sensitivityRecords(result: SensitivityResult) {
  return result.swings.map((s) => ({
    indicator: result.indicator.id,
    assumption: s.key,
    label: s.label,
    unit: s.unit,
    basis: s.basis,
    point: s.point,
    low: s.low,
    high: s.high,
    at_low: s.atLow,
    at_high: s.atHigh,
    swing: s.swing,
    met_at_low: s.metAtLow,
    met_at_high: s.metAtHigh,
    note: s.note ?? null,
  }));
}

export function renderSensitivity(result: SensitivityResult, format: Format, context: UncertaintyContext): string {
  const ind = result.indicator;
  if (format === 'json') {
    return `${jsonText(
      {
        version: JSON_SCHEMA_VERSION,
        model: result.modelId,
        file: context.file,
        scenario: context.scenario,
        indicator: ind,
        base: result.base,
        swings: sensitivityRecords(result),
        skipped: result.skipped,
      },
      2,
    )}\n`;
  }
  const records = sensitivityRecords(result);
  if (format === 'csv') {
    const header = Object.keys(records[0] ?? { indicator: '', assumption: '' });
    return renderCsv(
      csvHeader(header, context.lang),
      records.map((r) => Object.values(r)),
    );
  }
  const t = reportStrings(context.lang);
  const w = t.sensitivity;
  const fmt = (x: number) => formatIn(x, ind.unit);
  const inputs = (s: SensitivityResult['swings'][number]) => `${formatInput(s.low, s.unit)} … ${formatInput(s.high, s.unit)}`;
  const target = ind.target
    ? `${COMPARATOR_SYMBOL[ind.target.op]}${fmt(ind.target.value)}${ind.target.proposed ? t.proposed.mark : ''}`
    : null;
  const head = `${ind.label} (${ind.id}), ${ind.unit} · ${result.years.target}${ind.kind === 'cumulative' ? w.total(result.years.base + 1, result.years.target) : ''} · ${w.base} ${result.base === null ? '—' : fmt(result.base)}${target ? ` · ${w.target} ${target}` : ''} · ${t.attribute[ind.attribute]}`;
  if (format === 'md') {
    const c = w.columns;
    const header = [t.columns.assumption, c.basis, c.lowHigh, c.atLow(ind.id), c.atHigh(ind.id), c.swing];
    const rows = result.swings.map((s) => [
      s.key,
      s.basis === 'distribution' ? 'P10–P90' : w.basisRange,
      inputs(s),
      s.atLow === null ? '—' : fmt(s.atLow),
      s.atHigh === null ? '—' : fmt(s.atHigh),
      fmt(s.swing),
    ]);
    return safeText(`## ${head}\n\n`) + renderMarkdownTable(header, rows, ['left', 'left', 'right', 'right', 'right', 'right']);
  }
  const out: string[] = [head];
  out.push(`${w.method}${context.scenario ? ` · ${context.scenario}` : ''}`);
  out.push('');
  if (result.base === null) {
    out.push(w.notModelled);
  } else if (!result.swings.length) {
    out.push(w.none);
  } else {
    const rows = result.swings.map((s) => ({
      label: `${s.key}${s.basis === 'distribution' ? '' : w.range}`,
      inputs: inputs(s),
      atLow: s.atLow,
      atHigh: s.atHigh,
    }));
    out.push(
      renderTornado(
        rows,
        result.base,
        fmt,
        ind.target ? { value: ind.target.value, label: `${w.target} ${target}` } : undefined,
        40,
        t.charts,
      ).trimEnd(),
    );
    if (ind.target) {
      const crossing = result.swings.filter((s) => s.metAtLow !== null && s.metAtHigh !== null && s.metAtLow !== s.metAtHigh);
      if (crossing.length) out.push('', w.crossing(crossing.map((s) => s.key).join(', ')));
    }
  }
  for (const s of result.swings) if (s.note) out.push(`${w.note}${s.key}: ${s.note}`);
  if (result.skipped.length) out.push('', w.skipped(result.skipped.map((s) => s.key).join(', ')));
  return safeText(`${out.join('\n')}\n`);
}
