/**
 * A drafted model as YAML text: the same key order every time, sources as one-line flow mappings, every string
 * double-quoted (so no cell such as "[60]" or "—" is read back as something else).
 */
import type { Draft, TableSummary } from '../model/draft/index.js';
import type { IndicatorSpec, Source } from '../model/schema.js';

const q = (s: string): string => JSON.stringify(s);
const num = (n: number): string => String(n);

function sourceYaml(s: Source): string {
  const parts = [`ref: ${s.ref}`];
  if (s.item !== undefined) parts.push(`item: ${q(String(s.item))}`);
  if (s.line !== undefined) parts.push(`line: ${s.line}`);
  parts.push(`quote: ${q(s.quote)}`);
  return `{ ${parts.join(', ')} }`;
}

function indicatorYaml(id: string, i: IndicatorSpec): string[] {
  const out = [`  ${id}:`];
  if (i.number !== undefined) out.push(`    number: ${q(i.number)}`);
  out.push(`    label: ${q(i.label)}`, `    unit: ${q(i.unit)}`);
  if (i.group) out.push(`    group: ${i.group}`);
  if (i.parent) out.push(`    parent: ${i.parent}`);
  out.push(`    kind: ${i.kind}`, `    attribute: ${i.attribute}`);
  const b = i.baseline;
  out.push('    baseline:', `      value: ${b.value === null ? 'null' : num(b.value)}`);
  if (b.published !== undefined) out.push(`      published: ${q(b.published)}`);
  if (b.note) out.push(`      note: ${q(b.note)}`);
  if (b.source) out.push(`      source: ${sourceYaml(b.source)}`);
  const t = i.target;
  if (t === null) out.push('    target: null');
  else {
    out.push('    target:', `      op: ${q(t.op)}`, `      value: ${num(t.value)}`);
    if (t.published !== undefined) out.push(`      published: ${q(t.published)}`);
    out.push(`      source: ${sourceYaml(t.source)}`);
  }
  out.push('    derivations: {}');
  if (i.note) out.push(`    note: ${q(i.note)}`);
  return out;
}

/** The draft as a model file. */
export function renderDraftYaml(draft: Draft): string {
  const m = draft.spec;
  const lines = [
    '# yaml-language-server: $schema=../schema/model.schema.json',
    `# Drafted by \`cesuan draft\` (table ${draft.chosen} of ${draft.tables.length}). Check every row against the document, then write each 测算依据 as a derivation.`,
    `id: ${q(m.id)}`,
    `title: ${q(m.title)}`,
    `years: { base: ${m.years.base}, target: ${m.years.target} }`,
    'sources:',
    ...Object.entries(m.sources).map(([ref, s]) => `  ${ref}: { title: ${q(s.title)}${s.file ? `, file: ${q(s.file)}` : ''} }`),
  ];
  if (m.groups.length > 0) {
    lines.push('groups:', ...m.groups.map((g) => `  - { id: ${g.id}, label: ${q(g.label)} }`));
  }
  lines.push('notes:', ...m.notes.map((n) => `  - ${q(n)}`));
  lines.push('indicators:');
  for (const [id, ind] of Object.entries(m.indicators)) lines.push(...indicatorYaml(id, ind));
  return `${lines.join('\n')}\n`;
}

/** One line a table: "2  line 311  专栏2 …  2020→2025  20 rows". */
export function renderTableList(tables: TableSummary[], chosen: number): string {
  return tables.map((t) => {
    const years = t.years ? `${t.years.base}→${t.years.target}` : '?';
    return `${t.index === chosen ? '*' : ' '} ${t.index}  line ${t.line}  ${years}  ${t.rows} rows  ${t.title || '(untitled)'}`;
  }).join('\n') + '\n';
}
