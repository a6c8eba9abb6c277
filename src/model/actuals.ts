/**
 * A scenario's `actuals:` as plain numbers and, beside them, where each number comes from.
 * A year's entry is either a number (`2021: 1269`) or `{ value, source }` with a citation string or
 * `{ document, url, line, quote }` (schema.ts, actualSourceSchema).
 */
import type { ActualSource, ScenarioSpec } from './schema.js';

export type ActualValues = Record<string, Record<string, number>>;
export type ActualSources = Record<string, Record<string, ActualSource>>;

/** indicator → year → value, whatever form each entry was written in. */
export function actualValues(actuals: ScenarioSpec['actuals']): ActualValues {
  const out: ActualValues = {};
  for (const [id, years] of Object.entries(actuals)) {
    out[id] = Object.fromEntries(Object.entries(years).map(([y, v]) => [y, typeof v === 'number' ? v : v.value]));
  }
  return out;
}

/** indicator → year → source, for the entries that give one. */
export function actualSources(actuals: ScenarioSpec['actuals']): ActualSources {
  const out: ActualSources = {};
  for (const [id, years] of Object.entries(actuals)) {
    for (const [y, v] of Object.entries(years)) {
      if (typeof v === 'number' || v.source === undefined) continue;
      out[id] ??= {};
      out[id][y] = v.source;
    }
  }
  return out;
}

/** One line for a source: the citation string, or "document, line N: “quote” (url)". */
export function citeActual(source: ActualSource): string {
  if (typeof source === 'string') return source;
  const parts = [source.document];
  if (source.line !== undefined) parts.push(`line ${source.line}`);
  let text = parts.join(', ');
  if (source.quote) text += `: “${source.quote}”`;
  if (source.url) text += ` (${source.url})`;
  return text;
}
