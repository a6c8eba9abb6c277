/**
 * Text for the terminal: numbers in their unit, sparklines, CJK-aware fitting and wrapping, and the
 * column layout that keeps a table inside the terminal width (dropping the least important columns first).
 */
import stringWidth from 'string-width';
import type { AssumptionState, IndicatorResult } from '../engine/types.js';
import { formatIn, formatSigned } from '../report/numbers.js';
import { standInWidth } from '../report/safe-text.js';

const widths = new Map<string, number>();

/** Display width of one character (string-width), with fast paths for ASCII and the common CJK blocks. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x20 && c < 0x7f) return 1;
  // drawn as a visible stand-in (report/safe-text.ts), so measured as one
  if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return standInWidth(c);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60)) return 2;
  let w = widths.get(ch);
  if (w === undefined) {
    w = stringWidth(ch);
    widths.set(ch, w);
  }
  return w;
}

/** Display width of a string: CJK characters count two columns. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Cut to at most `width` columns, ending in … when cut. */
export function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - textWidth(text));
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

const BARS = '▁▂▃▄▅▆▇█';

/** One bar per value, scaled between the smallest and the largest; a flat path is a flat line. */
export function sparkline(values: number[]): string {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return '';
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) return BARS[3]!;
      return BARS[Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))]!;
    })
    .join('');
}

/** An assumption value: ratios as percentages with up to 4 decimals, other units with up to 4 decimals. */
export function formatAssumption(value: number, unit: string): string {
  return formatIn(value, unit, 4);
}

/** An indicator value in its unit (2 decimals, zeros trimmed); cumulative totals in 〔〕 as in the plans. */
export function formatIndicator(value: number | null, unit: string): string {
  return formatIn(value, unit);
}

/**
 * A gap with its sign, 2 decimals; a gap that rounds to zero but is not noise gets the digits that show it,
 * so a missed target never reads "−0" or "0".
 */
export function formatGap(value: number | null, unit: string, scale?: number | null): string {
  const text = formatSigned(value, unit, 2, scale);
  if (value === null || !/^[−+-]?0(pp)?$/.test(text) || Math.abs(value) < 1e-9 * Math.max(1, Math.abs(scale ?? 1))) return text;
  for (let d = 3; d <= 12; d++) {
    const more = formatSigned(value, unit, d, scale);
    if (!/^[−+-]?0(pp)?$/.test(more)) return more;
  }
  return text;
}

/** Cut to `width` columns (with …) and pad to exactly `width`. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  return pad(truncate(text, width), width, align);
}

export function clip(text: string, width: number): string {
  return width <= 0 ? '' : truncate(text, width);
}

/** Wrap text to `width` columns, breaking anywhere (CJK has no spaces), continuation lines indented. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  const indentWidth = textWidth(indent);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    let limit = width;
    for (const ch of paragraph) {
      const w = charWidth(ch);
      if (lineWidth + w > limit && line !== '') {
        lines.push(line);
        line = indent;
        lineWidth = indentWidth;
        limit = width;
      }
      line += ch;
      lineWidth += w;
    }
    lines.push(line);
  }
  return lines;
}

export function rangeText(a: Pick<AssumptionState, 'range' | 'unit'>): string {
  return a.range ? `[${formatAssumption(a.range[0], a.unit)}, ${formatAssumption(a.range[1], a.unit)}]` : '';
}

export function unitText(unit: string): string {
  return unit === 'ratio' ? '%' : unit;
}

export function isChanged(current: number | null, published: number | null): boolean {
  if (current === null || published === null) return current !== published;
  return Math.abs(current - published) > 1e-12 * Math.max(1, Math.abs(published));
}

export function trajectoryValues(ind: IndicatorResult): number[] {
  return ind.trajectory.map((p) => p.value);
}

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  align?: 'left' | 'right';
  /** widest cell (including the header) */
  width: number;
  /** the flexible column takes what is left, at least `min` */
  flex?: boolean;
  min?: number;
}

/**
 * Widths for `columns` inside `total` columns (one space between columns). The flexible column gets the
 * rest; when even its minimum does not fit, columns in `dropOrder` are dropped one by one.
 */
export function layoutColumns<K extends string>(
  columns: ColumnSpec<K>[],
  total: number,
  dropOrder: K[],
  yieldTo: K[] = [],
): ColumnSpec<K>[] {
  let shown = [...columns];
  const need = (cols: ColumnSpec<K>[]) =>
    cols.reduce((sum, c) => sum + (c.flex ? (c.min ?? 8) : c.width), 0) + Math.max(0, cols.length - 1);
  for (const key of dropOrder) {
    if (need(shown) <= total) break;
    shown = shown.filter((c) => c.key !== key);
  }
  // columns in `yieldTo` (shown elsewhere too) give way before the flexible column is cut
  const full = (cols: ColumnSpec<K>[]) => cols.reduce((sum, c) => sum + c.width, 0) + Math.max(0, cols.length - 1);
  for (const key of yieldTo) {
    if (full(shown) <= total) break;
    shown = shown.filter((c) => c.key !== key);
  }
  const fixed = shown.reduce((sum, c) => sum + (c.flex ? 0 : c.width), 0) + Math.max(0, shown.length - 1);
  return shown.map((c) => (c.flex ? { ...c, width: Math.max(c.min ?? 8, Math.min(c.width, total - fixed)) } : c));
}

export function widest(texts: string[]): number {
  return texts.reduce((w, t) => Math.max(w, textWidth(t)), 0);
}

/**
 * Fit each text to `width`; when cutting the end would make two of them read alike ("工伤保险参保人…" twice),
 * cut those in the middle instead, keeping the end that tells them apart ("工伤保险…（测算依据1）").
 */
export function distinctFit(texts: string[], width: number): string[] {
  const cut = texts.map((t) => truncate(t, width));
  const count = new Map<string, number>();
  for (const c of cut) count.set(c, (count.get(c) ?? 0) + 1);
  return texts.map((t, i) => (count.get(cut[i]!)! > 1 && t !== cut[i] ? middleCut(t, width) : cut[i]!));
}

function middleCut(text: string, width: number): string {
  const chars = [...text];
  const tailWidth = Math.floor((width - 1) / 2);
  let tail = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = charWidth(chars[i]!);
    if (w + cw > tailWidth) break;
    tail = chars[i]! + tail;
    w += cw;
  }
  let head = '';
  let hw = 0;
  for (const ch of chars) {
    const cw = charWidth(ch);
    if (hw + cw > width - 1 - w) break;
    head += ch;
    hw += cw;
  }
  return `${head}…${tail}`;
}

/** What each assumption feeds: indicator labels, those it drives (via the primary derivation) first. */
export function affectsOf(result: { indicators: IndicatorResult[] }): Map<string, string[]> {
  const out = new Map<string, { primary: string[]; other: string[] }>();
  for (const ind of result.indicators) {
    for (const d of ind.derivations) {
      for (const a of d.assumptions) {
        const e = out.get(a) ?? { primary: [], other: [] };
        const list = d.id === ind.primary ? e.primary : e.other;
        if (!e.primary.includes(ind.label) && !list.includes(ind.label)) list.push(ind.label);
        out.set(a, e);
      }
    }
  }
  return new Map([...out].map(([k, e]) => [k, [...e.primary, ...e.other.filter((l) => !e.primary.includes(l)).map((l) => `(${l})`)]]));
}
