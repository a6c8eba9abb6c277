/** RFC 4180 CSV: quote fields that contain a comma, quote or line break; text cells made safe (safe-text.ts). */
import { csvNumber } from './numbers.js';
import { safeText } from './safe-text.js';

export function csvField(value: unknown): string {
  if (typeof value === 'number') return csvNumber(value);
  const s = value === null || value === undefined ? '' : safeText(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

export function renderCsv(header: string[], rows: unknown[][]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}
