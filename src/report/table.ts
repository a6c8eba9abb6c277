/**
 * Plain-text tables whose columns stay aligned with CJK text (string-width counts 郑 as two columns).
 */
import stringWidth from 'string-width';
import { safeText } from './safe-text.js';

/**
 * Text made only of these is measured without string-width: ASCII, Latin-1 (° ± × é), ‐…‧, ←↑→↓, the math
 * operators (≥ ≤ ≈ −), box drawing (─), ✓ ✗ — one column each — and the common CJK blocks, two.
 */
const SIMPLE =
  /^[\x20-\x7e\u00b0-\u00ff\u2010-\u2027\u2190-\u2193\u2200-\u22ff\u2500-\u257f\u2713\u2717\u3000-\u303e\u4e00-\u9fff\uff01-\uff60]*$/;
const WIDE = /[\u3000-\u303e\u4e00-\u9fff\uff01-\uff60]/g;

/**
 * Display width, as string-width gives it (tested against it). string-width segments graphemes and tests
 * emoji per character, the slowest part of a cold `cesuan audit` (~35 ms); model tables rarely need it.
 */
export function textWidth(text: string): number {
  if (!SIMPLE.test(text)) return stringWidth(text);
  return text.length + (text.match(WIDE)?.length ?? 0);
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** cells longer than this are cut with … */
  max?: number;
}

export function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - textWidth(text));
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

export function renderTable(columns: Column[], rows: string[][], options: { separator?: string } = {}): string {
  const sep = options.separator ?? '  ';
  // made safe before measuring: a stand-in takes columns an escape sequence would not
  const cells = rows.map((r) => r.map((c, i) => (columns[i]?.max ? truncate(safeText(c), columns[i]!.max!) : safeText(c))));
  const headers = columns.map((c) => safeText(c.header));
  const widths = columns.map((_, i) => Math.max(textWidth(headers[i]!), ...cells.map((r) => textWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i]!, columns[i]!.align))
      .join(sep)
      .trimEnd();
  return `${[line(headers), widths.map((w) => '─'.repeat(w)).join(sep), ...cells.map(line)].join('\n')}\n`;
}
