/**
 * The detail view's year-by-year chart, as rows of text: the published path (·), the current scenario's path
 * (●), the target as a line (┄), the P10–P90 band of the target year when uncertainty is on (│), a y axis
 * with values and an x axis with years. Cumulative indicators are drawn as running totals, so the target
 * (a five-year total) is a level the line must reach. Pure: the rows depend only on the arguments.
 */
import type { IndicatorResult } from '../../engine/types.js';
import { targetText } from '../../report/results.js';
import { formatIndicator, pad, textWidth } from '../format.js';
import type { Strings } from '../strings.js';
import type { Row, Seg } from './line.js';

export interface ChartInput {
  indicator: IndicatorResult;
  published: IndicatorResult | undefined;
  /** P10–P90 of the projection when the uncertainty toggle is on */
  band?: [number, number] | undefined;
  width: number;
  height: number;
  strings: Strings;
}

/** The points drawn for an indicator: year-end values, or running totals for a cumulative one. */
export function chartPoints(ind: IndicatorResult): { year: number; value: number }[] {
  if (ind.kind !== 'cumulative') return ind.trajectory.map((p) => ({ year: p.year, value: p.value }));
  let sum = 0;
  return ind.trajectory.map((p) => {
    sum += p.value;
    return { year: p.year, value: sum };
  });
}

export function chartRows({ indicator: ind, published: pub, band, width, height, strings: s }: ChartInput): Row[] {
  const current = chartPoints(ind).filter((p) => Number.isFinite(p.value));
  const before = pub ? chartPoints(pub).filter((p) => Number.isFinite(p.value)) : [];
  if (current.length < 2) return [[{ text: s.chart.noPath, dim: true }]];
  const target = ind.target?.value;
  const values = [...current, ...before].map((p) => p.value);
  if (target !== undefined) values.push(target);
  if (band) values.push(band[0], band[1]);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9 * Math.max(1, Math.abs(hi))) {
    lo -= 1;
    hi += 1;
  }
  const padY = (hi - lo) * 0.05;
  lo -= padY;
  hi += padY;

  const plotRows = Math.max(3, height - 2);
  const labels = Array.from({ length: plotRows }, (_, r) => formatIndicator(hi - ((hi - lo) * r) / (plotRows - 1), ind.unit));
  const axisWidth = Math.max(...labels.map(textWidth), target !== undefined ? textWidth(formatIndicator(target, ind.unit)) : 0) + 1;
  const plotWidth = Math.max(10, width - axisWidth - 1);
  const years = current.map((p) => p.year);
  const y0 = Math.min(...years, ...before.map((p) => p.year));
  const y1 = Math.max(...years, ...before.map((p) => p.year));
  const colOf = (year: number) => Math.round(((year - y0) / Math.max(1, y1 - y0)) * (plotWidth - 1));
  const rowOf = (v: number) => Math.round(((hi - v) / (hi - lo)) * (plotRows - 1));

  type Cell = { ch: string; style: Omit<Seg, 'text'> };
  const grid: Cell[][] = Array.from({ length: plotRows }, () => Array.from({ length: plotWidth }, () => ({ ch: ' ', style: {} })));
  const put = (r: number, c: number, ch: string, style: Omit<Seg, 'text'>) => {
    if (r >= 0 && r < plotRows && c >= 0 && c < plotWidth) grid[r]![c] = { ch, style };
  };
  if (target !== undefined) for (let c = 0; c < plotWidth; c++) put(rowOf(target), c, '┄', { color: 'red', dim: true });
  const line = (points: { year: number; value: number }[], ch: string, style: Omit<Seg, 'text'>) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      const ca = colOf(a.year);
      const cb = colOf(b.year);
      for (let c = ca; c <= cb; c++) {
        const v = a.value + ((b.value - a.value) * (c - ca)) / Math.max(1, cb - ca);
        put(rowOf(v), c, c === ca || c === cb ? ch : ch === '●' ? '•' : '·', style);
      }
    }
    if (points.length === 1) put(rowOf(points[0]!.value), colOf(points[0]!.year), ch, style);
  };
  const moved =
    before.length && before.some((p, i) => Math.abs(p.value - (current[i]?.value ?? p.value)) > 1e-12 * Math.max(1, Math.abs(p.value)));
  if (moved) line(before, '○', { dim: true });
  line(current, '●', { color: 'cyan', bold: true });
  if (band) {
    const c = colOf(current[current.length - 1]!.year);
    for (let r = rowOf(band[1]); r <= rowOf(band[0]); r++) if (grid[r]![c]!.ch !== '●') put(r, c, '│', { color: 'cyan' });
  }

  const rows: Row[] = grid.map((cells, r) => {
    const onTarget = target !== undefined && r === rowOf(target);
    const label = onTarget
      ? formatIndicator(target, ind.unit)
      : r === 0 || r === plotRows - 1 || r === Math.floor((plotRows - 1) / 2)
        ? labels[r]!
        : '';
    const row: Row = [{ text: `${pad(label, axisWidth - 1, 'right')} ┤`, dim: true }];
    for (const cell of cells) row.push({ text: cell.ch, ...cell.style });
    return row;
  });
  // x axis: every year that fits, base and target always
  const axis = [...' '.repeat(plotWidth)];
  const yearsShown = [...new Set([...years, ...before.map((p) => p.year)])].sort((a, b) => a - b);
  let lastEnd = -2;
  yearsShown.forEach((year, i) => {
    const text = String(year);
    const c = Math.min(plotWidth - text.length, Math.max(0, colOf(year) - (i === yearsShown.length - 1 ? text.length - 1 : 0)));
    if (c <= lastEnd + 1 && i !== yearsShown.length - 1) return;
    for (let k = 0; k < text.length; k++) axis[c + k] = text[k]!;
    lastEnd = c + text.length - 1;
  });
  rows.push([{ text: `${' '.repeat(axisWidth)}${axis.join('')}`, dim: true }]);
  const legend: Row = [
    { text: `● ${s.chart.current}`, color: 'cyan', bold: true },
    ...(moved ? [{ text: `  ○ ${s.chart.published}`, dim: true }] : []),
    ...(target !== undefined
      ? [{ text: `  ┄ ${s.chart.target} ${targetText(ind, undefined, false)}${ind.target?.proposed ? s.proposed.text : ''}`, color: 'red' }]
      : []),
    ...(band ? [{ text: `  │ P10–P90`, color: 'cyan' }] : []),
    ...(ind.kind === 'cumulative' ? [{ text: `  ${s.chart.runningTotal}`, dim: true }] : []),
  ];
  rows.push(legend);
  return rows;
}
