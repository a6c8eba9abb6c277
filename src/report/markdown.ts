/** GitHub-flavoured Markdown tables. */
import { safeText } from './safe-text.js';

export function mdCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : safeText(String(value));
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderMarkdownTable(header: string[], rows: unknown[][], align?: ('left' | 'right')[]): string {
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return `${[header, rule, ...rows].map((r) => `| ${r.map(mdCell).join(' | ')} |`).join('\n')}\n`;
}
