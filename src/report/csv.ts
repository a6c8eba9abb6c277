/** RFC 4180 CSV: quote fields that contain a comma, quote or line break. */
export function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

export function renderCsv(header: string[], rows: unknown[][]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}
