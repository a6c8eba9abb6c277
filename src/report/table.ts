/**
 * Plain-text tables whose columns stay aligned with CJK text (string-width counts 郑 as two columns).
 */
import stringWidth from 'string-width';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** cells longer than this are cut with … */
  max?: number;
}

export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - stringWidth(text));
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

export function renderTable(columns: Column[], rows: string[][], options: { separator?: string } = {}): string {
  const sep = options.separator ?? '  ';
  const cells = rows.map((r) => r.map((c, i) => (columns[i]?.max ? truncate(c, columns[i]!.max!) : c)));
  const widths = columns.map((c, i) => Math.max(stringWidth(c.header), ...cells.map((r) => stringWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!, columns[i]!.align)).join(sep).trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join(sep), ...cells.map(line)].join('\n') + '\n';
}
