/**
 * Quotes against their documents: each `source: { ref, line, quote }` in a model is looked up in the file its
 * `sources.<ref>.file` names — verbatim once whitespace is ignored, and at its stated line within ±2 lines.
 * A document resolves relative to the model file, then to documents/ beside models/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FieldPath, LoadedModel, Position } from './types.js';
import { MODELS_DIR } from './load.js';

/** How far from its stated line a quote may start and still count as "at its line". */
export const LINE_SLACK = 2;

export const DOCUMENTS_DIR = resolve(MODELS_DIR, '..', 'documents');

export interface QuoteFinding {
  kind: 'not_found' | 'wrong_line' | 'no_document';
  /** e.g. indicators.injury_insured.baseline.source */
  field: string;
  ref: string;
  document: string | undefined;
  /** the line the model states */
  line: number | undefined;
  /** where the quote is, when it is elsewhere */
  foundAt: number | undefined;
  quote: string;
  position: Position;
  message: string;
}

export interface QuoteCheck {
  checked: number;
  findings: QuoteFinding[];
}

interface SourceAt {
  path: FieldPath;
  ref: string;
  line: number | undefined;
  quote: string;
}

/** Every `source` in a model spec, with its path. */
export function sourcesOf(spec: unknown, path: FieldPath = []): SourceAt[] {
  if (Array.isArray(spec)) return spec.flatMap((v, i) => sourcesOf(v, [...path, i]));
  if (spec === null || typeof spec !== 'object') return [];
  const out: SourceAt[] = [];
  for (const [k, v] of Object.entries(spec as Record<string, unknown>)) {
    if (k === 'source' && v && typeof v === 'object' && typeof (v as { quote?: unknown }).quote === 'string') {
      const s = v as { ref: string; line?: number; quote: string };
      out.push({ path: [...path, k], ref: s.ref, line: s.line, quote: s.quote });
    } else if (k !== 'sources' && k !== 'imports') out.push(...sourcesOf(v, [...path, k]));
  }
  return out;
}

/** The document behind `sources.<ref>`, or undefined when it has no file or the file is missing. */
export function documentPath(model: LoadedModel, ref: string): string | undefined {
  const file = model.spec.sources[ref]?.file;
  if (!file) return undefined;
  for (const candidate of [resolve(dirname(model.file), file), resolve(DOCUMENTS_DIR, file), resolve('documents', file)]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Lines of a document, read once per run. */
const cache = new Map<string, string[]>();
export function documentLines(path: string): string[] {
  let lines = cache.get(path);
  if (!lines) {
    lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    cache.set(path, lines);
  }
  return lines;
}

/** The document without whitespace, with where each line starts in it (computed once a document). */
const squashCache = new WeakMap<string[], { text: string; offsets: number[] }>();
function squashed(lines: string[]): { text: string; offsets: number[] } {
  let hit = squashCache.get(lines);
  if (!hit) {
    const offsets: number[] = [];
    let text = '';
    for (const l of lines) {
      offsets.push(text.length);
      text += squash(l);
    }
    hit = { text, offsets };
    squashCache.set(lines, hit);
  }
  return hit;
}

/** The 1-based lines where `quote` starts (it may run over a line break), nearest to `near` first. */
export function findQuote(lines: string[], quote: string, near?: number): number[] {
  const q = squash(quote);
  if (q === '') return [];
  const starts: number[] = [];
  const { text, offsets } = squashed(lines);
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) {
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    // an empty line shares its offset with the next: the quote starts on the last line at that offset
    if (starts[starts.length - 1] !== lo + 1) starts.push(lo + 1);
  }
  return near === undefined ? starts : starts.sort((a, b) => Math.abs(a - near) - Math.abs(b - near) || a - b);
}

/** Check every quote in `model` (not its imports) against its document. */
export function checkQuotes(model: LoadedModel): QuoteCheck {
  const findings: QuoteFinding[] = [];
  let checked = 0;
  for (const s of sourcesOf(model.spec)) {
    const doc = documentPath(model, s.ref);
    const position = model.locate([...s.path, 'quote']);
    const field = s.path.join('.');
    const base = { field, ref: s.ref, document: doc, line: s.line, quote: s.quote, position };
    if (!doc) {
      // a source without a file (a press release, a provincial notice) cannot be checked; say so only when a file was named
      if (model.spec.sources[s.ref]?.file)
        findings.push({
          ...base,
          kind: 'no_document',
          foundAt: undefined,
          message: `document "${model.spec.sources[s.ref]!.file}" not found (looked beside the model and in documents/)`,
        });
      continue;
    }
    checked++;
    const found = findQuote(documentLines(doc), s.quote, s.line);
    if (found.length === 0) {
      findings.push({ ...base, kind: 'not_found', foundAt: undefined, message: 'quote not found' });
    } else if (s.line !== undefined && Math.abs(found[0]! - s.line) > LINE_SLACK) {
      findings.push({ ...base, kind: 'wrong_line', foundAt: found[0], message: `quote found at line ${found[0]}, not ${s.line}` });
    }
  }
  return { checked, findings };
}

/** Line `line` with `around` non-empty lines either side (blank lines between cells say nothing), numbered. */
export function contextLines(lines: string[], line: number, around: number): Array<{ line: number; text: string }> {
  const before: Array<{ line: number; text: string }> = [];
  for (let n = line - 1; n >= 1 && before.length < around; n--)
    if (lines[n - 1]!.trim() !== '') before.unshift({ line: n, text: lines[n - 1]! });
  const after: Array<{ line: number; text: string }> = [];
  for (let n = line + 1; n <= lines.length && after.length < around; n++)
    if (lines[n - 1]!.trim() !== '') after.push({ line: n, text: lines[n - 1]! });
  return [...before, { line, text: lines[line - 1] ?? '' }, ...after];
}

/** Each quote behind one indicator with `around` lines either side, for `explain --context`. */
export function quoteContexts(
  model: LoadedModel,
  indicator: string,
  around: number,
): Array<{
  field: string;
  quote: string;
  document: string | undefined;
  line: number | undefined;
  lines: Array<{ line: number; text: string }>;
}> {
  const spec = model.spec.indicators[indicator];
  if (!spec) return [];
  return sourcesOf(spec, ['indicators', indicator]).map((s) => {
    const doc = documentPath(model, s.ref);
    const field = s.path.slice(2).join('.');
    if (!doc) return { field, quote: s.quote, document: undefined, line: s.line, lines: [] };
    const lines = documentLines(doc);
    const at = findQuote(lines, s.quote, s.line)[0];
    const shown = model.spec.sources[s.ref]!.file!;
    return { field, quote: s.quote, document: shown, line: at ?? s.line, lines: at === undefined ? [] : contextLines(lines, at, around) };
  });
}
