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
import { formatIn, formatProbability, formatThreshold } from './numbers.js';
import type { IndicatorResult } from '../engine/types.js';
import { ATTRIBUTE_LABEL, JSON_SCHEMA_VERSION, targetText, type Format } from './results.js';
import { renderTable, type Column } from './table.js';

export interface UncertaintyContext {
  file: string;
  scenario: string | null;
}

const threshold = formatThreshold;
const percent = formatProbability;

function attr(i: { attribute: IndicatorResult['attribute'] }): string {
  return ATTRIBUTE_LABEL[i.attribute];
}

/** The largest 95% sampling margin of any P(met): 1.96·√(p(1−p)/N) at p = ½. */
export function pMetMargin(samples: number): number {
  return 1.96 * Math.sqrt(0.25 / samples);
}

/** An assumption value: ratios as percentages with up to two decimals, other units to 4 significant digits. */
function formatInput(x: number, unit: string): string {
  if (unit === 'ratio') return `${Number((x * 100).toFixed(2))}%`;
  return String(Number(x.toPrecision(4)));
}

function assumptionLine(a: UncertainAssumption): string {
  const cut = a.truncatedTo ? `, cut to [${a.truncatedTo[0]}, ${a.truncatedTo[1]}]${a.mass < 0.999 ? ` (keeps ${(a.mass * 100).toFixed(1)}%)` : ''}` : '';
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
    problems: result.problems.map((p) => ({ field: p.field, message: p.message, samples: p.count, position: `${p.position.file}:${p.position.line}:${p.position.col}` })),
  };
}

const MC_COLUMNS: Column[] = [
  { header: '#' },
  { header: 'indicator', max: 26 },
  { header: 'unit' },
  { header: 'attr' },
  { header: 'target', align: 'right' },
  { header: 'point', align: 'right' },
  { header: 'mean', align: 'right' },
  { header: 'P5', align: 'right' },
  { header: 'P10', align: 'right' },
  { header: 'P50', align: 'right' },
  { header: 'P90', align: 'right' },
  { header: 'P95', align: 'right' },
  { header: 'P(met)', align: 'right' },
  { header: '' },
];

function indicatorRow(i: IndicatorUncertainty, limit: number): string[] {
  const s = i.summary;
  const f = (v: number | undefined) => (i.varies && v !== undefined ? formatIn(v, i.unit) : '—');
  const flag = i.flagged ? `!! binding < ${threshold(limit)}` : !i.varies && s ? 'fixed' : '';
  return [
    i.number ?? '',
    i.label,
    i.unit,
    attr(i),
    targetText(i),
    formatIn(i.point, i.unit),
    f(s?.mean),
    f(s?.p5),
    f(s?.p10),
    f(s?.p50),
    f(s?.p90),
    f(s?.p95),
    s ? percent(i.pMet) : 'not modelled',
    flag,
  ];
}

/** Detail of one indicator: its line, the histogram of its 2025 value, its fan chart. */
export function renderIndicatorDetail(result: UncertaintyResult, i: IndicatorUncertainty): string {
  const fmt = (x: number) => formatIn(x, i.unit);
  const s = i.summary;
  const out: string[] = [];
  out.push(`${i.number ? `${i.number}. ` : ''}${i.label} (${i.id}) — ${i.unit}, ${i.kind}, ${ATTRIBUTE_LABEL[i.attribute]} ${i.attribute}`);
  if (!s) return `${out[0]}\n  not modelled: no projection to sample\n`;
  out.push(`  target ${targetText(i)} · point ${fmt(i.point ?? Number.NaN)} · mean ${fmt(s.mean)} · P10 ${fmt(s.p10)} · P50 ${fmt(s.p50)} · P90 ${fmt(s.p90)} · P(met) ${percent(i.pMet)}${i.flagged ? `  !! binding < ${threshold(result.threshold)}` : ''}`);
  out.push(`  uncertain inputs: ${i.inputs.length ? i.inputs.join(', ') : 'none — every sample equals the point value'}`);
  if (s.invalid) out.push(`  ${s.invalid} of ${result.samples} samples are not finite (left out of the quantiles, counted as not met)`);
  const target: Marker | undefined = i.target ? { value: i.target.value, label: `target ${targetText(i)}` } : undefined;
  if (i.histogram && i.varies) {
    out.push('', `  ${result.years.target}${i.kind === 'cumulative' ? ` (${result.years.base + 1}–${result.years.target} total)` : ''}, ${result.samples} samples:`);
    const markers: Marker[] = [{ value: s.p10, label: 'P10' }, { value: s.p50, label: 'P50' }, { value: s.p90, label: 'P90' }];
    if (target) markers.unshift(target);
    const width = i.histogram[0]!.to - i.histogram[0]!.from;
    const decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(width)) + 1));
    out.push(renderHistogram(i.histogram, (x) => x.toFixed(decimals), markers).trimEnd());
  }
  if (i.fan) {
    out.push('', `  ${i.kind === 'cumulative' ? `yearly amounts ${result.years.base + 1}` : `path ${result.years.base}`}–${result.years.target}:`);
    out.push(renderFan(i.fan, fmt, i.kind === 'cumulative' ? undefined : target).trimEnd());
  }
  return out.join('\n') + '\n';
}

export function renderMonteCarlo(result: UncertaintyResult, format: Format, context: UncertaintyContext, only?: string): string {
  if (format === 'json') return JSON.stringify(uncertaintyJson(result, context, only), null, 2) + '\n';
  const focus = only ? result.indicators.find((i) => i.id === only) : undefined;
  if (format === 'csv') {
    if (focus?.fan) return renderCsv(['year', 'p5', 'p10', 'p50', 'p90', 'p95'], focus.fan.map((y) => [y.year, y.p5, y.p10, y.p50, y.p90, y.p95]));
    const records = result.indicators.map(indicatorUncertaintyRecord);
    return renderCsv(Object.keys(records[0] ?? indicatorUncertaintyRecord(result.indicators[0]!)), records.map((r) => Object.values(r)));
  }
  const title = `${result.title}${context.scenario ? ` — ${context.scenario}` : ''}`;
  const rows = (focus ? [focus] : result.indicators).map((i) => indicatorRow(i, result.threshold));
  if (format === 'md') {
    return `## ${title}\n\nMonte Carlo, ${result.samples} samples, seed ${result.seed}.\n\n` + renderMarkdownTable(MC_COLUMNS.map((c) => c.header), rows, MC_COLUMNS.map((c) => c.align ?? 'left'));
  }
  const out: string[] = [];
  out.push(title);
  out.push(`Monte Carlo: ${result.samples} samples, seed ${result.seed}; P(met) = share of samples meeting the target (±${(pMetMargin(result.samples) * 100).toFixed(1)} points at most, 95%)`);
  out.push('');
  out.push(`uncertain assumptions (${result.assumptions.length}):`);
  const keyWidth = Math.max(...result.assumptions.map((a) => a.key.length));
  for (const a of result.assumptions) {
    out.push(`  ${a.key.padEnd(keyWidth)}  ${assumptionLine(a)} → P10 ${formatInput(a.p10, a.unit)} · P50 ${formatInput(a.p50, a.unit)} · P90 ${formatInput(a.p90, a.unit)}${a.origin === 'model' ? ' (in the model)' : ''}`);
  }
  out.push('');
  if (focus) {
    out.push(renderIndicatorDetail(result, focus));
  } else {
    out.push(renderTable(MC_COLUMNS, rows));
    const flagged = result.indicators.filter((i) => i.flagged);
    if (flagged.length) out.push(`!! binding targets met with less than ${threshold(result.threshold)} probability: ${flagged.map((i) => `${i.label} ${percent(i.pMet)}`).join(', ')}\n`);
  }
  for (const p of result.problems) out.push(`warning: ${p.position.file}:${p.position.line}:${p.position.col}: ${p.field}: ${p.count} of ${result.samples} samples failed (NaN, counted as not met), e.g. ${p.message}`);
  return out.join('\n').replace(/\n*$/, '\n');
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
    return JSON.stringify({
      version: JSON_SCHEMA_VERSION,
      model: result.modelId,
      file: context.file,
      scenario: context.scenario,
      indicator: ind,
      base: result.base,
      swings: sensitivityRecords(result),
      skipped: result.skipped,
    }, null, 2) + '\n';
  }
  const records = sensitivityRecords(result);
  if (format === 'csv') {
    const header = Object.keys(records[0] ?? { indicator: '', assumption: '' });
    return renderCsv(header, records.map((r) => Object.values(r)));
  }
  const fmt = (x: number) => formatIn(x, ind.unit);
  const inputs = (s: SensitivityResult['swings'][number]) => `${formatInput(s.low, s.unit)} … ${formatInput(s.high, s.unit)}`;
  const target = ind.target ? `${COMPARATOR_SYMBOL[ind.target.op]}${fmt(ind.target.value)}` : null;
  const head = `${ind.label} (${ind.id}), ${ind.unit} · ${result.years.target}${ind.kind === 'cumulative' ? ` (${result.years.base + 1}–${result.years.target} total)` : ''} · base ${result.base === null ? '—' : fmt(result.base)}${target ? ` · target ${target}` : ''} · ${ATTRIBUTE_LABEL[ind.attribute]}`;
  if (format === 'md') {
    const header = ['assumption', 'basis', 'low … high', `${ind.id} at low`, `${ind.id} at high`, 'swing'];
    const rows = result.swings.map((s) => [s.key, s.basis === 'distribution' ? 'P10–P90' : 'range', inputs(s), s.atLow === null ? '—' : fmt(s.atLow), s.atHigh === null ? '—' : fmt(s.atHigh), fmt(s.swing)]);
    return `## ${head}\n\n` + renderMarkdownTable(header, rows, ['left', 'left', 'right', 'right', 'right', 'right']);
  }
  const out: string[] = [head];
  out.push(`one at a time, each assumption from low to high (its distribution's P10–P90, else its range), the others at their point values${context.scenario ? ` · ${context.scenario}` : ''}`);
  out.push('');
  if (result.base === null) {
    out.push('  not modelled: the indicator has no projection');
  } else if (!result.swings.length) {
    out.push('  no assumption with a range or a distribution reaches this indicator');
  } else {
    const rows = result.swings.map((s) => ({ label: `${s.key}${s.basis === 'distribution' ? '' : ' (range)'}`, inputs: inputs(s), atLow: s.atLow, atHigh: s.atHigh }));
    out.push(renderTornado(rows, result.base, fmt, ind.target ? { value: ind.target.value, label: `target ${target}` } : undefined).trimEnd());
    if (ind.target) {
      const crossing = result.swings.filter((s) => s.metAtLow !== null && s.metAtHigh !== null && s.metAtLow !== s.metAtHigh);
      if (crossing.length) out.push('', `the target is met at one end and missed at the other for: ${crossing.map((s) => s.key).join(', ')}`);
    }
  }
  for (const s of result.swings) if (s.note) out.push(`note: ${s.key}: ${s.note}`);
  if (result.skipped.length) out.push('', `not swung (no range, no distribution): ${result.skipped.map((s) => s.key).join(', ')}`);
  return out.join('\n') + '\n';
}
