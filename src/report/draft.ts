/**
 * A drafted model as YAML text: the same key order every time, sources as one-line flow mappings, every string
 * double-quoted (so no cell such as "[60]" or "—" is read back as something else).
 */
import type { Draft, DraftWarning, TableSummary } from '../model/draft/index.js';
import type { Lang } from './strings.js';
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
export function renderTableList(tables: TableSummary[], chosen: number, lang: Lang = 'zh'): string {
  return `${tables
    .map((t) => {
      const years = t.years ? `${t.years.base}→${t.years.target}` : '?';
      const where =
        lang === 'zh'
          ? `第 ${t.line} 行  ${years}  ${t.rows} 行  ${t.title || '（无标题）'}`
          : `line ${t.line}  ${years}  ${t.rows} rows  ${t.title || '(untitled)'}`;
      return `${t.index === chosen ? '*' : ' '} ${t.index}  ${where}`;
    })
    .join('\n')}\n`;
}

const UNPARSED_ZH: Record<string, string> = {
  'attribute outside a row': '属性不在任何一行内',
  'a figure outside a row': '数值不在任何一行内',
  'a row without a label': '这一行没有指标名',
  'an empty row': '空行，没有可读的单元格',
};

/** One warning line, in the report's language. */
export function draftWarningText(w: DraftWarning, lang: Lang): string {
  if (lang === 'en') return w.message;
  switch (w.kind) {
    case 'unparsed':
      return `${UNPARSED_ZH[w.why ?? ''] ?? w.why}：${w.text}`;
    case 'no_years':
      return `表头没有年份，按 ${w.text} 起草——请核对 years:`;
    case 'right_aligned':
      return `第${w.row}项：${w.columns} 列只有 ${w.figures} 个数值，按右对齐读（最后一个作为目标）：${w.text}`;
    case 'extra_cells':
      return `第${w.row}项：单元格多于表头的列，多出的未读：${w.text}`;
    case 'unreadable_cell':
      return `第${w.row}项：单元格“${w.text}”无法读作数值（记为 null）`;
    case 'no_figures':
      return `第${w.row}项：没有可读的数值（单元格为空）：${w.text}`;
    case 'prose_hint':
      return `第${w.row}项：表中没有目标，正文或有：${w.text}`;
  }
}
