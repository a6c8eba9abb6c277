/**
 * Terminal charts for uncertainty: a histogram of one indicator's samples, a fan chart of its path
 * (P5–P95 and P10–P90 bands around the median, one row a year), and a tornado of one-at-a-time swings.
 * Plain text with block characters; labels are padded with CJK-aware widths.
 */
import type { FanYear } from '../engine/uncertainty/sample.js';
import type { HistogramBin } from '../engine/uncertainty/quantile.js';
import { reportStrings, type ReportStrings } from './strings.js';
import { pad, truncate } from './table.js';
import stringWidth from 'string-width';

type ChartWords = ReportStrings['charts'];
const EN: ChartWords = reportStrings('en').charts;

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `value / max × width` cells, in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  if (!(max > 0) || !(value > 0)) return '';
  const eighths = Math.round((value / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** Maps values onto `width` columns between lo and hi. */
function scale(lo: number, hi: number, width: number): (x: number) => number {
  const span = hi - lo || Math.abs(lo) || 1;
  return (x) => Math.max(0, Math.min(width - 1, Math.round(((x - lo) / span) * (width - 1))));
}

/** An axis under a chart: the low and high values at its ends, ▲ under the target when there is room. */
function axisLine(lo: string, hi: string, width: number, markAt?: number): string {
  const cells = Array<string>(width).fill(' ');
  const loWidth = stringWidth(lo);
  const hiWidth = stringWidth(hi);
  if (markAt !== undefined && markAt > loWidth && markAt < width - hiWidth - 1) cells[markAt] = '▲';
  const middle = cells.slice(loWidth, Math.max(loWidth, width - hiWidth)).join('');
  return `${lo}${middle}${loWidth + hiWidth >= width ? ' ' : ''}${hi}`;
}

export interface Marker {
  value: number;
  label: string;
}

/**
 * Histogram, one row per bin: `from – to │████▌  12.3%`, with markers (target, P10, P50, P90) named beside
 * the bin they fall in.
 */
export function renderHistogram(
  bins: HistogramBin[],
  format: (x: number) => string,
  markers: Marker[] = [],
  width = 40,
  words: ChartWords = EN,
): string {
  if (!bins.length) return `${words.noSamples}\n`;
  const total = bins.reduce((s, b) => s + b.count, 0);
  const max = Math.max(...bins.map((b) => b.count));
  const edges = bins.map((b) => `${format(b.from)} – ${format(b.to)}`);
  const edgeWidth = Math.max(...edges.map((e) => stringWidth(e)));
  return `${bins
    .map((b, i) => {
      const last = i === bins.length - 1;
      const here = markers.filter((m) => (m.value >= b.from || i === 0) && (m.value < b.to || last)).map((m) => m.label);
      const share = `${((b.count / total) * 100).toFixed(1)}%`;
      return `  ${pad(edges[i]!, edgeWidth, 'right')} │${pad(bar(b.count, max, width), width)} ${pad(share, 6, 'right')}${here.length ? `  ◀ ${here.join(', ')}` : ''}`.trimEnd();
    })
    .join('\n')}\n`;
}

/**
 * Fan chart, one row a year: ░ P5–P95, ▒ P10–P90, ● median, ┊ the target (in every row, as a reference line).
 */
export function renderFan(years: FanYear[], format: (x: number) => string, target?: Marker, width = 48, words: ChartWords = EN): string {
  const finite = years.filter((y) => Number.isFinite(y.p50));
  if (!finite.length) return `${words.noSamples}\n`;
  const values = finite.flatMap((y) => [y.p5, y.p95]);
  if (target) values.push(target.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const at = scale(lo, hi, width);
  const rows = years.map((y) => {
    const cells = Array<string>(width).fill(' ');
    if (target) cells[at(target.value)] = '┊';
    if (Number.isFinite(y.p50)) {
      for (let c = at(y.p5); c <= at(y.p95); c++) cells[c] = '░';
      for (let c = at(y.p10); c <= at(y.p90); c++) cells[c] = '▒';
      cells[at(y.p50)] = '●';
    }
    const numbers = Number.isFinite(y.p50)
      ? y.p10 === y.p90
        ? format(y.p50)
        : `P10 ${format(y.p10)} · P50 ${format(y.p50)} · P90 ${format(y.p90)}`
      : '—';
    return `  ${y.year} │${cells.join('')}│ ${numbers}`;
  });
  const axis = `       ${axisLine(format(lo), format(hi), width + 2, target ? at(target.value) + 1 : undefined)}`;
  const legend = `       ░ P5–P95  ▒ P10–P90  ● ${words.median}${target ? `  ┊▲ ${target.label}` : ''}`;
  return `${[...rows, axis, legend].join('\n')}\n`;
}

export interface TornadoRow {
  label: string;
  /** the input's two ends, as text */
  inputs: string;
  atLow: number | null;
  atHigh: number | null;
}

/**
 * Tornado, one row per assumption, largest swing first: the bar runs from the indicator's value at the
 * assumption's low end (▒) to its value at the high end (█), through the base value (│).
 */
export function renderTornado(
  rows: TornadoRow[],
  base: number,
  format: (x: number) => string,
  target?: Marker,
  width = 40,
  words: ChartWords = EN,
): string {
  const values = [base, ...rows.flatMap((r) => [r.atLow, r.atHigh]).filter((v): v is number => v !== null)];
  if (target) values.push(target.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const at = scale(lo, hi, width);
  const labelWidth = Math.min(30, Math.max(...rows.map((r) => stringWidth(r.label)), 10));
  const inputWidth = Math.max(...rows.map((r) => stringWidth(r.inputs)), 6);
  const lines = rows.map((r) => {
    const cells = Array<string>(width).fill(' ');
    if (target) cells[at(target.value)] = '┊';
    const paint = (v: number | null, ch: string) => {
      if (v === null) return;
      const [a, b] = [at(Math.min(v, base)), at(Math.max(v, base))];
      for (let c = a; c <= b; c++) cells[c] = ch;
    };
    paint(r.atLow, '▒');
    paint(r.atHigh, '█');
    cells[at(base)] = '│';
    const ends = `${r.atLow === null ? '—' : format(r.atLow)} … ${r.atHigh === null ? '—' : format(r.atHigh)}`;
    return `  ${pad(truncate(r.label, labelWidth), labelWidth)}  ${pad(r.inputs, inputWidth)}  ${cells.join('')}  ${ends}`;
  });
  const indent = 2 + labelWidth + 2 + inputWidth + 2;
  const axis = `${' '.repeat(indent)}${axisLine(format(lo), format(hi), width, target ? at(target.value) : undefined)}`;
  const legend = `${' '.repeat(indent)}▒ ${words.atLow}  █ ${words.atHigh}  │ ${words.base} ${format(base)}${target ? `  ┊▲ ${target.label}` : ''}`;
  return `${[...lines, axis, legend].join('\n')}\n`;
}
