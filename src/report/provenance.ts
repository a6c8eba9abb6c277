/**
 * What `audit` adds after the figures: the quotes checked against their documents (provenance findings, their
 * own section) and the model's notes (model `notes:`, each indicator's and derivation's `note:`).
 */
import type { ModelSpec } from '../model/schema.js';
import type { QuoteCheck, QuoteFinding } from '../model/quotes.js';
import type { Position } from '../model/types.js';
import { csvLine } from './csv.js';
import { safeText } from './safe-text.js';
import type { Lang } from './strings.js';

export interface NoteEntry {
  /** "model", an indicator id, or "indicator.derivation" */
  on: string;
  label: string;
  note: string;
}

/** Every note a reader should see, in model order. */
export function notesOf(spec: ModelSpec): NoteEntry[] {
  const out: NoteEntry[] = spec.notes.map((note) => ({ on: 'model', label: spec.title, note }));
  for (const [id, ind] of Object.entries(spec.indicators)) {
    if (ind.note) out.push({ on: id, label: ind.label, note: ind.note });
    if (ind.baseline.note) out.push({ on: `${id}.baseline`, label: ind.label, note: ind.baseline.note });
    for (const [did, d] of Object.entries(ind.derivations)) {
      if (d.note) out.push({ on: `${id}.${did}`, label: `${ind.label} · ${d.label}`, note: d.note });
    }
  }
  return out;
}

const WORDS = {
  zh: {
    provenance: (checked: number, n: number) =>
      `出处核对：${checked} 条引文对照文件原文，${n === 0 ? '全部逐字相符且行号正确' : `${n} 处问题`}`,
    notFound: '未找到引文',
    wrongLine: (found: number, stated: number) => `引文在第 ${found} 行，不在第 ${stated} 行`,
    noDocument: (file: string) => `找不到文件 ${file}（在模型旁和 documents/ 中查找）`,
    notes: '说明',
    model: '模型',
  },
  en: {
    provenance: (checked: number, n: number) =>
      `Provenance: ${checked} quotes checked against their documents, ${n === 0 ? 'all verbatim and at their lines' : `${n} finding${n === 1 ? '' : 's'}`}`,
    notFound: 'quote not found',
    wrongLine: (found: number, stated: number) => `quote found at line ${found}, not ${stated}`,
    noDocument: (file: string) => `document ${file} not found (looked beside the model and in documents/)`,
    notes: 'Notes',
    model: 'model',
  },
};

const where = (p: Position): string => `${p.file}:${p.line}:${p.col}`;

function findingText(f: QuoteFinding, lang: Lang): string {
  const w = WORDS[lang];
  const what =
    f.kind === 'not_found' ? w.notFound : f.kind === 'wrong_line' ? w.wrongLine(f.foundAt!, f.line!) : w.noDocument(f.document ?? f.ref);
  const quote = f.quote.length > 60 ? `${f.quote.slice(0, 60)}…` : f.quote;
  return `${where(f.position)}: ${f.field}: ${what}: “${quote}”`;
}

/** The two sections as text (table format) or Markdown. */
export function renderAuditExtras(quotes: QuoteCheck, notes: NoteEntry[], format: 'table' | 'md', lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [''];
  const head = w.provenance(quotes.checked, quotes.findings.length);
  out.push(format === 'md' ? `## ${head}` : head);
  if (format === 'md' && quotes.findings.length) out.push('');
  for (const f of quotes.findings)
    out.push(format === 'md' ? `- ${safeText(findingText(f, lang))}` : `  ✗ ${safeText(findingText(f, lang))}`);
  if (notes.length) {
    out.push('', format === 'md' ? `## ${w.notes}` : `${w.notes}:`);
    if (format === 'md') out.push('');
    for (const n of notes) {
      const on = n.on === 'model' ? w.model : n.on;
      out.push(format === 'md' ? `- **${safeText(on)}** ${safeText(n.note)}` : `  · ${safeText(on)}: ${safeText(n.note)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The JSON fields audit adds: `provenance` and `notes`. */
export function auditExtrasJson(quotes: QuoteCheck, notes: NoteEntry[]): { provenance: unknown; notes: NoteEntry[] } {
  return {
    provenance: {
      checked: quotes.checked,
      findings: quotes.findings.map((f) => ({
        kind: f.kind,
        field: f.field,
        ref: f.ref,
        line: f.line,
        found_at: f.foundAt ?? null,
        quote: f.quote,
        message:
          f.kind === 'not_found'
            ? WORDS.en.notFound
            : f.kind === 'wrong_line'
              ? WORDS.en.wrongLine(f.foundAt!, f.line!)
              : WORDS.en.noDocument(f.document ?? f.ref),
        position: f.position,
      })),
    },
    notes,
  };
}

export interface QuoteContext {
  field: string;
  quote: string;
  document: string | undefined;
  /** the line the quote is at (as stated, else where it was found) */
  line: number | undefined;
  lines: Array<{ line: number; text: string }>;
}

const CONTEXT_WORDS = {
  zh: { notes: '说明：', context: '引文及上下文：', noDocument: '（找不到文件，无法显示上下文）', noLine: '（文件中找不到这句引文）' },
  en: {
    notes: 'Notes:',
    context: 'Quotes in context:',
    noDocument: '(document not found: no context)',
    noLine: '(the quote is not in the document)',
  },
};

/** A long line cut to 160 characters around where the quote starts in it. */
function excerpt(text: string, quote: string): string {
  const t = text.trim();
  if (t.length <= 160) return t;
  const at = quote ? t.indexOf(quote.trim().slice(0, 8)) : -1;
  const from = at > 40 ? at - 40 : 0;
  return `${from > 0 ? '…' : ''}${t.slice(from, from + 160)}…`;
}

/** The indicator's own notes, and with --context each quote among its document's lines. */
export function renderExplainExtras(notes: NoteEntry[], contexts: QuoteContext[] | undefined, lang: Lang): string {
  const w = CONTEXT_WORDS[lang];
  const out: string[] = [];
  if (notes.length) {
    out.push('', `  ${w.notes}`);
    for (const n of notes) out.push(`    · ${safeText(n.on)}: ${safeText(n.note)}`);
  }
  if (contexts) {
    out.push('', `  ${w.context}`);
    for (const c of contexts) {
      out.push('', `  ${safeText(c.field)} — ${c.document ? safeText(c.document) : ''}${c.line ? `:${c.line}` : ''}`);
      if (!c.document) out.push(`    ${w.noDocument} 「${safeText(c.quote)}」`);
      else if (c.lines.length === 0) out.push(`    ${w.noLine} 「${safeText(c.quote)}」`);
      const width = String(c.lines[c.lines.length - 1]?.line ?? 0).length;
      for (const l of c.lines)
        out.push(
          `  ${l.line === c.line ? '▶' : ' '} ${String(l.line).padStart(width)}  ${safeText(excerpt(l.text, l.line === c.line ? c.quote : ''))}`,
        );
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/**
 * The notes as audit CSV rows after the figures: indicator (or "model"), derivation, label, verdict "note", and
 * the text in the last column (`note`); the columns between stay empty.
 */
export function auditNotesCsv(notes: NoteEntry[], columns: number): string {
  return notes
    .map((n) => {
      const [indicator, derivation] = n.on === 'model' ? ['model', ''] : n.on.split('.', 2);
      const row: unknown[] = Array.from({ length: columns }, () => '');
      row[0] = indicator;
      row[1] = derivation ?? '';
      row[2] = n.label;
      row[8] = 'note';
      row[columns - 1] = n.note;
      return csvLine(row);
    })
    .join('');
}
