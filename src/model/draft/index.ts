/**
 * `cesuan draft`: a plan's text → a model skeleton (pure: text in, model spec out; no files, no terminal).
 * May import src/model only. cell.ts reads cells and labels; table.ts finds tables and rows in any layout.
 */
import type { Comparator, IndicatorSpec, ModelSpec, Source } from '../schema.js';
import { isAttribute, lowerIsBetter, normalise as normaliseText, parseCell, parseLabel, unitOnly, type CellValue } from './cell.js';
import { findTables, periodYears, valueColumns, type Cell, type Table, type TableRow } from './table.js';

export type { Table } from './table.js';

export interface DraftOptions {
  /** how the document is named in `sources` and messages (its file name) */
  documentName: string;
  /** `sources.plan.file` as the model should write it (relative to the model, or a name under documents/) */
  documentFile?: string;
  /** traditional → simplified, used for matching only; quotes stay as printed */
  simplify?: (s: string) => string;
  /** 1-based table to draft; default: the latest-period table, the last one on a tie */
  table?: number;
  id?: string;
}

export interface TableSummary {
  index: number;
  title: string;
  line: number;
  years: { base: number; target: number } | undefined;
  rows: number;
}

export interface Draft {
  spec: ModelSpec;
  tables: TableSummary[];
  chosen: number;
  /** "line N: …" — lines in the table that could not be read, guesses worth checking */
  warnings: DraftWarning[];
}

export type DraftWarningKind = 'unparsed' | 'no_years' | 'right_aligned' | 'extra_cells' | 'unreadable_cell' | 'no_figures' | 'prose_hint';

/** A line worth checking: `message` in English; kind, row, text and counts let a report word it in Chinese. */
export interface DraftWarning {
  line: number;
  kind: DraftWarningKind;
  /** the row number as drafted */
  row?: string;
  /** the line's text, the label or the cell */
  text: string;
  /** unparsed: why, in English */
  why?: string;
  figures?: number;
  columns?: number;
  message: string;
}

export class DraftError extends Error {}

type Baseline = IndicatorSpec['baseline'];
type Target = NonNullable<IndicatorSpec['target']>;

const REF = 'plan';

function source(cell: Cell, item: string): Source {
  return { ref: REF, item, line: cell.line, quote: cell.raw };
}

function slug(name: string): string {
  const s = name
    .replace(/\.[A-Za-z0-9]+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'draft' : /^[a-z0-9]/.test(s) ? s : `draft-${s}`;
}

function summarise(t: Table): TableSummary {
  return {
    index: t.index,
    title: t.title,
    line: t.titleLine ?? t.firstLine,
    years: t.years,
    rows: t.rows.filter((r) => r.kind === 'row').length,
  };
}

function chooseTable(tables: Table[], wanted: number | undefined): Table {
  if (wanted !== undefined) {
    const t = tables[wanted - 1];
    if (!t) throw new DraftError(`--table ${wanted}: the document has ${tables.length} table${tables.length === 1 ? '' : 's'}`);
    return t;
  }
  // plans review the last period before setting the next: the latest period wins, then the later table
  return [...tables].sort((a, b) => (b.years?.target ?? 0) - (a.years?.target ?? 0) || b.firstLine - a.firstLine)[0]!;
}

function describe(cell: Cell | undefined): string {
  return cell ? `“${cell.raw}”` : '（无单元格）';
}

/** Draft a model from a plan's text. Throws DraftError when no indicator table is found. */
export function draftModel(text: string, options: DraftOptions): Draft {
  const simplify = options.simplify ?? ((s: string) => s);
  const tables = findTables(text, simplify);
  if (tables.length === 0) {
    throw new DraftError(
      'no indicator table found (looked for a header row starting 指标 with year or 属性 columns, and for runs of pipe-separated lines)',
    );
  }
  const table = chooseTable(tables, options.table);
  const warnings: Draft['warnings'] = table.unparsed.map((u) => ({
    line: u.line,
    kind: 'unparsed',
    text: u.text,
    why: u.why,
    message: `${u.why}: ${u.text}`,
  }));
  const docLines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const normalise = (s: string) => normaliseText(s, simplify);
  const firstLine = docLines.find((l) => l.trim() !== '')?.trim() ?? '';
  const docTitle = /规划|计划|纲要|方案|規劃|計劃|綱要/.test(firstLine) && firstLine.length <= 80 ? firstLine : '';
  let years = table.years;
  if (!years) {
    years = periodYears(simplify(text.slice(0, 4000))) ?? { base: 2020, target: 2025 };
    warnings.push({
      line: table.firstLine,
      kind: 'no_years',
      text: `${years.base}→${years.target}`,
      message: `the table names no years; assumed ${years.base}→${years.target} — check years:`,
    });
  }
  const cols = valueColumns(table);
  const baseAt = cols.findIndex((c) => c.role === 'baseline');
  const targetAt = cols.findIndex((c) => c.role === 'target');
  const tableName = table.title.replace(/\s+/g, ' ').slice(0, 40) || `表${table.index}`;

  const groups: ModelSpec['groups'] = [];
  const indicators: Record<string, IndicatorSpec> = {};
  let group: string | undefined;
  let lastTop: { id: string; number: string; unit: string | undefined; subs: number; printed: boolean } | undefined;
  let prevUnit: string | undefined;
  let unnumbered = 0;

  for (const row of table.rows) {
    if (row.kind === 'group') {
      group = `group_${groups.length + 1}`;
      const raw = row.label[0]!.raw.replace(/^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十]+[)）])\s*/, '').trim();
      groups.push({ id: group, label: raw || row.label[0]!.raw });
      lastTop = undefined;
      continue;
    }
    const labelRaw = row.label.map((c) => c.raw).join('');
    const labelNorm = row.label.map((c) => c.norm).join('');
    const line = row.label[0]!.line;
    const parts = parseLabel(labelRaw, labelNorm);
    const notes: string[] = [];

    // sub-rows: 其中 … , or a row without a number under a numbered one
    let parent: string | undefined;
    let number = parts.number;
    if (parts.subRow && lastTop) parent = lastTop.id;
    else if (!number && lastTop?.printed) {
      parent = lastTop.id;
      lastTop.subs++;
      number = `${lastTop.number}.${lastTop.subs}`;
    }
    if (!number) number = `u${++unnumbered}`;
    let id = `row_${number.replace(/\./g, '_')}`;
    for (let k = 2; id in indicators; k++) id = `row_${number.replace(/\./g, '_')}_${k}`;

    let unit = parts.unit ?? (row.unit ? (unitOnly(row.unit.norm) ?? row.unit.norm.replace(/[()（）\s]/g, '')) : undefined);
    if (!unit) {
      if (/率|比例|比重|占比|覆盖面/.test(labelNorm)) {
        unit = '%';
        notes.push('表中未注明单位：按“率/比例”读作 %');
      } else if (parent && lastTop?.unit) {
        unit = lastTop.unit;
        notes.push('表中未注明单位：沿用上级指标的单位');
      } else if (prevUnit) {
        unit = prevUnit;
        notes.push(`表中未注明单位：沿用上一行的单位 ${prevUnit}，请核对`);
      } else {
        unit = '未注明';
        notes.push('表中未注明单位');
      }
    }

    const baseCell = baseAt >= 0 ? row.values[baseAt] : undefined;
    const targetCell = targetAt >= 0 ? row.values[targetAt] : undefined;
    const baseHeader = baseAt >= 0 ? cols[baseAt]!.header || `${years.base}年` : `${years.base}年`;
    const targetHeader = targetAt >= 0 ? cols[targetAt]!.header || `${years.target}年` : `${years.target}年`;
    const item = (h: string) => `${tableName} 第${number}项 ${h.replace(/\s+/g, '')}`;
    const b = baseCell ? parseCell(baseCell.norm) : undefined;
    const t = targetCell ? parseCell(targetCell.norm) : undefined;
    if (row.aligned === 'right' && row.values.some((v) => v)) {
      const n = row.values.filter((v) => v).length;
      notes.push(`表中本行只有 ${n} 个数值单元格，按右对齐读（最后一个作为${targetHeader.replace(/\s+/g, '')}）；请核对`);
      warnings.push({
        line,
        kind: 'right_aligned',
        row: number,
        text: labelRaw,
        figures: n,
        columns: cols.length,
        message: `row ${number}: ${n} figure${n === 1 ? '' : 's'} for ${cols.length} columns, read from the right (the last as the target): ${labelRaw}`,
      });
    }
    if (row.aligned === 'extra')
      warnings.push({
        line,
        kind: 'extra_cells',
        row: number,
        text: labelRaw,
        message: `row ${number}: more cells than the header has columns; the extra ones are ignored: ${labelRaw}`,
      });

    const baseline = baselineOf(baseCell, b, item(baseHeader));
    const target = targetOf(targetCell, t, item(targetHeader), labelNorm);
    if (!target) {
      notes.push(`${years.target}年目标：${targetCell ? `表中为${describe(targetCell)}，没有可读的数值` : '表中没有该单元格'}`);
      // the prose often states the target the table lost: point at it, never fill it in
      const hint = proseHint(parts.label, normalise, docLines, tables);
      if (hint) {
        notes.push(`正文第 ${hint.line} 行或可补：“${hint.text}”（请核对后填入 target 并注明出处）`);
        warnings.push({
          line: hint.line,
          kind: 'prose_hint',
          row: number,
          text: hint.text,
          message: `row ${number}: no target in the table; the text may state it: ${hint.text}`,
        });
      }
    }
    for (const [cell, v] of [
      [baseCell, b],
      [targetCell, t],
    ] as const) {
      if (cell && v?.unreadable)
        warnings.push({
          line: cell.line,
          kind: 'unreadable_cell',
          row: number,
          text: cell.raw,
          message: `row ${number}: cannot read the cell “${cell.raw}” as a figure (left null)`,
        });
    }
    if (!row.values.some((v) => v && v.norm !== '') && !row.attribute?.norm) {
      warnings.push({
        line,
        kind: 'no_figures',
        row: number,
        text: labelRaw,
        message: `row ${number}: no figures could be read (empty cells): ${labelRaw}`,
      });
    }

    const kind: IndicatorSpec['kind'] = b?.cumulative || t?.cumulative ? 'cumulative' : unit === '%' || t?.percent ? 'rate' : 'stock';
    const attribute = row.attribute ? (isAttribute(row.attribute.norm) ?? 'unknown') : 'unknown';
    if (attribute === 'unknown')
      notes.push(row.attribute?.norm ? `属性单元格为${describe(row.attribute)}，无法读取` : '表中没有属性（预期性/约束性）');

    notes.push(
      `TODO 测算依据：写出${years.target}年目标从何而来——基数、方法（年均增长、占上级目标的份额、历史趋势…）、文件原文及行号——作为 derivations 下的一项，并设 primary。`,
    );
    const ind: IndicatorSpec = {
      label: parts.label,
      number,
      unit,
      ...(group ? { group } : {}),
      ...(parent ? { parent } : {}),
      kind,
      attribute,
      baseline,
      target,
      derivations: {},
      stated: [],
      note: notes.join('；'),
    };
    indicators[id] = ind;
    if (!parent) lastTop = { id, number, unit, subs: 0, printed: parts.number !== undefined };
    prevUnit = unit;
  }

  const id = options.id ?? slug(options.documentName);
  const modelNotes = [
    `由 cesuan draft 从 ${options.documentName} 的${table.title ? `“${table.title.replace(/\s+/g, ' ')}”` : `第 ${table.index} 个表`}（第 ${table.firstLine}–${table.lastLine} 行）起草：逐行核对基数、目标、比较符、类型和属性，再为每个指标写出测算依据。`,
  ];
  if (warnings.length > 0) modelNotes.push(`起草时有 ${warnings.length} 处未能读取或需要核对（见 cesuan draft 的警告）。`);
  const spec: ModelSpec = {
    id,
    title: docTitle || table.title || options.documentName,
    years,
    sources: { [REF]: { title: docTitle || table.title || options.documentName, file: options.documentFile ?? options.documentName } },
    imports: {},
    groups,
    notes: modelNotes,
    series: {},
    assumptions: {},
    indicators,
  };
  warnings.sort((a, b) => a.line - b.line);
  return { spec, tables: tables.map(summarise), chosen: table.index, warnings };
}

/** A line outside the table naming the row's label (simplified, without 其中 and notes in parentheses) and a figure after it. */
function proseHint(
  label: string,
  normalise: (s: string) => string,
  lines: string[],
  tables: Table[],
): { line: number; text: string } | undefined {
  const key = normalise(label)
    .replace(/^其中[:：]?/, '')
    .replace(/[(（][^)）]*[)）]/g, '')
    .trim();
  if (key.length < 3) return undefined;
  for (let i = 0; i < lines.length; i++) {
    if (tables.some((t) => i + 1 >= t.firstLine && i + 1 <= t.lastLine) || lines[i]!.includes('|') || lines[i]!.includes('\t')) continue;
    const norm = normalise(lines[i]!);
    const at = norm.indexOf(key);
    if (at < 0 || !/\d/.test(norm.slice(at + key.length, at + key.length + 16))) continue;
    // quote the clause as printed: from the label to the next sentence break
    const raw = lines[i]!;
    const from = Math.max(0, Math.min(at, raw.length));
    const end = raw.slice(from).search(/[，。；,;]/);
    const clause = raw.slice(from, end < 0 ? undefined : from + end).trim();
    return { line: i + 1, text: clause.length > 60 ? `${clause.slice(0, 60)}…` : clause };
  }
  return undefined;
}

function baselineOf(cell: Cell | undefined, v: CellValue | undefined, item: string): Baseline {
  if (!cell || !v || v.empty) return { value: null, note: cell ? '表中单元格为空' : '表中本行没有该列的单元格' };
  const src = source(cell, item);
  if (v.dash) return { value: null, published: cell.raw, note: `表中为${describe(cell)}：没有数值`, source: src };
  if (v.value === null) return { value: null, published: cell.raw, note: `表中为${describe(cell)}：无法读作一个数值`, source: src };
  const out: Baseline = { value: v.value, published: cell.raw, source: src };
  if (v.op) out.note = `表中为${describe(cell)}：是一个界限，不是确数`;
  return out;
}

function targetOf(cell: Cell | undefined, v: CellValue | undefined, item: string, label: string): Target | null {
  if (!cell || !v || v.value === null) return null;
  const op: Comparator = v.op ?? (lowerIsBetter(label) ? '<=' : '>=');
  return { op, value: v.value, published: cell.raw, source: source(cell, item) };
}

export type { TableRow };
