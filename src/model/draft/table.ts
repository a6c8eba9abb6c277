/**
 * Finding the indicator tables in a plan's text and cutting them into rows of cells, whatever the layout:
 * pipe-separated lines, one cell per line (blank lines between), labels wrapped over lines, a unit on its
 * own line, rows flattened into one line. Columns are named by the header, not by position.
 */
import { groupLabel, isAttribute, looksLikeValue, normalise, unitOnly } from './cell.js';

export interface Cell {
  /** as printed (trimmed) */
  raw: string;
  norm: string;
  line: number;
}

export type ColumnRole = 'baseline' | 'target' | 'attribute' | 'unit' | 'other';

export interface Column {
  header: string;
  role: ColumnRole;
  year: number | undefined;
}

export interface TableRow {
  kind: 'group' | 'row';
  /** label cells (several when the label is wrapped over lines) */
  label: Cell[];
  /** a unit cell printed apart from the label (own line or unit column) */
  unit: Cell | undefined;
  /** cells under the value columns, aligned to `Table.columns` (undefined: not printed in this layout) */
  values: Array<Cell | undefined>;
  attribute: Cell | undefined;
  /** how the values were aligned when the row has fewer cells than the header has columns */
  aligned: 'exact' | 'right' | 'extra';
}

export interface Table {
  /** 1-based, in document order */
  index: number;
  title: string;
  titleLine: number | undefined;
  headerLine: number | undefined;
  layout: 'pipe' | 'lines';
  columns: Column[];
  years: { base: number; target: number } | undefined;
  rows: TableRow[];
  /** lines inside the table that gave nothing readable */
  unparsed: Array<{ line: number; text: string; why: string }>;
  firstLine: number;
  lastLine: number;
  /** columns before the label: a 序号 column, a 类别 column naming the group */
  lead?: Array<'number' | 'group' | 'other'>;
  currentGroup?: string;
}

type Simplify = (s: string) => string;

const HEADER_LABEL = /^(?:主要)?指\s*标(?:\s*名\s*称)?$|^项\s*目$|^指标项$/;
const YEAR = /(19|20)\d\d/;
const PLAN_PERIOD: Record<string, number> = { 十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030, 十六五: 2035 };

function pipeCells(text: string, line: number, simplify: Simplify): Cell[] {
  // tabs separate cells as pipes do (tables copied from a spreadsheet or a web page)
  let t = text.replace(/^[ \u3000]+|[ \u3000]+$/g, '');
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split(/\||\t/).map((raw) => ({ raw: raw.trim(), norm: normalise(raw, simplify), line }));
}

function classifyHeader(cells: Cell[]): Column[] {
  return cells.map((c) => {
    const s = c.norm.replace(/\s+/g, '');
    const y = YEAR.exec(s);
    if (/属性|性质|类型/.test(s)) return { header: c.raw, role: 'attribute' as const, year: undefined };
    if (/^(计量)?单位$/.test(s)) return { header: c.raw, role: 'unit' as const, year: undefined };
    if (y) return { header: c.raw, role: 'other' as const, year: Number(/(?:19|20)\d\d/.exec(s)![0]) };
    return { header: c.raw, role: 'other' as const, year: undefined };
  });
}

/** The target column: the latest year (a 目标 column first); the baseline: the latest year before it. */
function assignYears(columns: Column[]): { base: number; target: number } | undefined {
  const years = columns.filter((c) => c.year !== undefined);
  if (years.length === 0) return undefined;
  const target = Math.max(...years.map((c) => c.year!));
  const targets = years.filter((c) => c.year === target);
  const targetCol = targets.find((c) => /目标|规划|预期/.test(c.header)) ?? targets[targets.length - 1]!;
  targetCol.role = 'target';
  const earlier = years.filter((c) => c.year! < target);
  if (earlier.length === 0) return { base: target - 5, target };
  const base = Math.max(...earlier.map((c) => c.year!));
  const baseCols = earlier.filter((c) => c.year === base);
  (baseCols.find((c) => /基数|基期|现状|完成|实际/.test(c.header)) ?? baseCols[baseCols.length - 1]!).role = 'baseline';
  return { base, target };
}

/** A headerless table (damaged): the last columns are read as baseline, target and attribute. */
function guessColumns(count: number): Column[] {
  const roles: ColumnRole[] = count >= 3 ? ['baseline', 'target', 'attribute'] : count === 2 ? ['baseline', 'target'] : ['target'];
  const cols: Column[] = Array.from({ length: count }, () => ({ header: '', role: 'other' as ColumnRole, year: undefined }));
  roles.forEach((r, i) => {
    cols[count - roles.length + i]!.role = r;
  });
  return cols;
}

/** "专栏2 …主要指标": the title a few lines above the header. */
function findTitle(lines: string[], norms: string[], from: number): { title: string; line: number | undefined } {
  let seen = 0;
  for (let i = from - 1; i >= 0 && seen < 4; i--) {
    if (norms[i]!.trim() === '') continue;
    seen++;
    if (/专栏|表\s*\d|指标|附表/.test(norms[i]!) && norms[i]!.length <= 80) return { title: lines[i]!.trim(), line: i + 1 };
  }
  return { title: '', line: undefined };
}

/** The period a title or nearby text names ("十四五" → 2020–2025); the latest when it names several. */
export function periodYears(text: string): { base: number; target: number } | undefined {
  const found = [...text.replace(/[“”"\s]/g, '').matchAll(/十[一二三四五六]五/g)].map((m) => PLAN_PERIOD[m[0]]!);
  if (found.length === 0) return undefined;
  const target = Math.max(...found);
  return { base: target - 5, target };
}

const NOTE_LINE = /^(注|说明|备注|资料来源|数据来源)\s*[:：]|^注\d?[:：.]/;
const SPLIT = /[|\t]/;

function endsTable(norm: string): boolean {
  const s = norm.trim();
  return NOTE_LINE.test(s) || /^第[一二三四五六七八九十\d]+[章节篇部]/.test(s) || /。/.test(s) || s.length > 70;
}

const NUMBERED = /^\s*(?:\d+\s*[.．、](?!\s*\d)|[(（]\s*\d+\s*[)）])/;

/** Group one-cell-per-line tokens into rows. */
function groupTokens(tokens: Cell[], table: Table): void {
  let cur: TableRow | undefined;
  const valueCols = table.columns.filter((c) => c.role !== 'attribute' && c.role !== 'unit').length || 2;
  const unitColumn = table.columns.some((c) => c.role === 'unit');
  const finish = () => {
    if (cur?.kind !== 'row') return;
    const vals = cur.values;
    if (vals.length === valueCols) cur.aligned = 'exact';
    else if (vals.length < valueCols) {
      cur.values = [...Array<Cell | undefined>(valueCols - vals.length).fill(undefined), ...vals];
      cur.aligned = 'right';
    } else {
      cur.aligned = 'extra';
      cur.values = vals.slice(0, valueCols);
    }
  };
  let pending: Cell | undefined;
  for (const [k, tok0] of tokens.entries()) {
    const next = tokens[k + 1];
    let tok = tok0;
    if (pending && !looksLikeValue(tok.norm)) {
      // the row number printed in a cell of its own joins the label
      tok = { raw: `${pending.raw}.${tok.raw}`, norm: `${pending.norm}.${tok.norm}`, line: tok.line };
      pending = undefined;
    }
    const s = tok.norm;
    if (isAttribute(s)) {
      if (cur?.kind === 'row' && !cur.attribute) cur.attribute = tok;
      else table.unparsed.push({ line: tok.line, text: tok.raw, why: 'attribute outside a row' });
      continue;
    }
    const unit = unitOnly(s);
    if (unit !== undefined && cur?.kind === 'row' && !cur.unit && (cur.values.length === 0 || unitColumn)) {
      cur.unit = tok;
      continue;
    }
    // a 序号 cell: a bare whole number where a row has just ended and a label follows
    if (
      /^\d{1,3}$/.test(s) &&
      (!cur || cur.kind === 'group' || cur.attribute || cur.values.length >= valueCols) &&
      next &&
      !looksLikeValue(next.norm) &&
      !isAttribute(next.norm) &&
      !NUMBERED.test(next.norm) &&
      groupLabel(next.norm, next.raw) === undefined
    ) {
      pending = tok;
      continue;
    }
    if (looksLikeValue(s) && !NUMBERED.test(s)) {
      if (cur?.kind === 'row' && !cur.attribute) cur.values.push(tok);
      else table.unparsed.push({ line: tok.line, text: tok.raw, why: 'a figure outside a row' });
      continue;
    }
    const group = groupLabel(s, tok.raw);
    if (group !== undefined) {
      finish();
      cur = { kind: 'group', label: [tok], unit: undefined, values: [], attribute: undefined, aligned: 'exact' };
      table.rows.push(cur);
      continue;
    }
    // a label: the continuation of a wrapped label, or a new row
    const wrapped = cur?.kind === 'row' && cur.values.length === 0 && !cur.attribute && !cur.unit && !NUMBERED.test(s) && !/^其中/.test(s);
    if (wrapped) {
      cur!.label.push(tok);
      continue;
    }
    finish();
    cur = { kind: 'row', label: [tok], unit: undefined, values: [], attribute: undefined, aligned: 'exact' };
    table.rows.push(cur);
  }
  finish();
}

const SUFFIX_WORD = /^(左右|以上|以下|以内|上下)$/;
const PREFIX_WORD = /^(约|大约|近|不低于|不少于|不高于|不超过|超过|高于|低于|[<>≤≥]=?)$/;

/**
 * "1.城镇新增就业人数(万人) 65.77 [60] 预期性": a row whose cells are separated by spaces. Cells are peeled off the
 * right while they are figures, an attribute or a unit; a line that is all figures ("11.0 左右") stays whole.
 */
function splitSpaced(cell: Cell, simplify: Simplify): Cell[] {
  const chunks = cell.raw.split(/[\s\u3000]+/).filter(Boolean);
  if (chunks.length < 2) return [cell];
  // "11.0 左右": a hedge word belongs to the figure before it
  const merged: string[] = [];
  let glue = false;
  for (const c of chunks) {
    const n = normalise(c, simplify);
    if (merged.length && (glue || SUFFIX_WORD.test(n))) merged[merged.length - 1] += ` ${c}`;
    else merged.push(c);
    // "约 280", "> 60": a comparator word belongs to the figure after it
    glue = PREFIX_WORD.test(n);
  }
  const tail: Cell[] = [];
  let k = merged.length;
  while (k > 1) {
    const norm = normalise(merged[k - 1]!, simplify);
    if (!(looksLikeValue(norm) || isAttribute(norm) || unitOnly(norm) !== undefined) || NUMBERED.test(norm)) break;
    tail.unshift({ raw: merged[k - 1]!, norm, line: cell.line });
    k--;
  }
  const head = merged.slice(0, k).join(' ');
  const headNorm = normalise(head, simplify);
  if (tail.length === 0 || looksLikeValue(headNorm) || /^[<>≤≥]+$/.test(headNorm)) return [cell];
  // the label keeps its text as printed, spaces included: cut it from the line rather than re-join chunks
  const at = cell.raw.indexOf(tail[0]!.raw, head.length);
  const rawHead = at > 0 ? cell.raw.slice(0, at).trim() : head;
  return [{ raw: rawHead, norm: normalise(rawHead, simplify), line: cell.line }, ...tail];
}

/** Rows flattened into one cell ("1.人才资源总量(万人) 1075 1400 1400 2.专业…"): split on spaces. */
function flattenedTokens(cell: Cell, simplify: Simplify): Cell[] | undefined {
  const numbered = cell.norm.match(/(?:^|\s)\d+\s*[.．、](?![\d\s])\S/g) ?? [];
  if (numbered.length < 2) return undefined;
  const raws = cell.raw.split(/\s+/).filter(Boolean);
  const out: Cell[] = [];
  for (const raw of raws) {
    const norm = normalise(raw, simplify);
    out.push({ raw, norm, line: cell.line });
  }
  return out;
}

/** Find every indicator table in the document. */
export function findTables(text: string, simplify: Simplify): Table[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const norms = lines.map((l) => normalise(l, simplify));
  const tables: Table[] = [];
  const used = new Set<number>();
  const docPeriod = periodYears(norms.slice(0, 60).join(''));

  for (let i = 0; i < lines.length; i++) {
    if (used.has(i)) continue;
    const norm = norms[i]!;
    const isPipe = SPLIT.test(lines[i]!);
    const headCells = isPipe ? pipeCells(lines[i]!, i + 1, simplify) : [];
    // the label column may follow a 序号 or 类别 column
    const labelCol = isPipe ? headCells.findIndex((c, k) => k < 3 && HEADER_LABEL.test(c.norm.replace(/\s+/g, ' ').trim())) : -1;
    const firstCell = isPipe ? (headCells[labelCol]?.norm ?? '') : norm;
    // one line "指标 2020年 2025年 属性": a header whose cells are separated by spaces
    const spaced = !isPipe ? /^((?:主要)?指\s*标(?:\s*名\s*称)?)\s+(.*(?:19|20)\d\d.*)$/.exec(norm) : null;
    if (!spaced && !HEADER_LABEL.test(firstCell.replace(/\s+/g, ' ').trim())) continue;

    const { title, line: titleLine } = findTitle(lines, norms, i);
    const table: Table = {
      index: 0,
      title,
      titleLine,
      headerLine: i + 1,
      layout: isPipe ? 'pipe' : 'lines',
      columns: [],
      years: undefined,
      rows: [],
      unparsed: [],
      firstLine: i + 1,
      lastLine: i + 1,
    };
    let j = i + 1;
    if (isPipe) {
      table.columns = classifyHeader(headCells.slice(labelCol + 1));
      const lead = headCells
        .slice(0, labelCol)
        .map((c) =>
          /^(序\s*号|编\s*号|序)$/.test(c.norm)
            ? ('number' as const)
            : /类\s*别|领\s*域|分\s*类|方\s*面|类\s*型/.test(c.norm)
              ? ('group' as const)
              : ('other' as const),
        );
      if (lead.length) table.lead = lead;
    } else if (spaced) {
      const names = spaced[2]!
        .replace(/((?:19|20)\d\d)\s+年/g, '$1年')
        .split(/\s+/)
        .filter(Boolean);
      table.columns = classifyHeader(names.map((n) => ({ raw: n, norm: n, line: i + 1 })));
    } else {
      // header cells: short lines naming years, 属性, 单位 or 目标, until the first group row or label
      const header: Cell[] = [];
      for (; j < lines.length; j++) {
        const s = norms[j]!;
        if (s === '') continue;
        if (s.length > 16 || groupLabel(s, s) !== undefined || NUMBERED.test(s)) break;
        if (!(YEAR.test(s) || /属性|单位|目标|基数|规划|完成|预计|实际|性质/.test(s))) break;
        header.push({ raw: lines[j]!.trim(), norm: s, line: j + 1 });
      }
      if (header.length === 0) continue;
      table.columns = classifyHeader(header);
    }
    table.years = assignYears(table.columns) ?? periodYears(title) ?? docPeriod;
    if (!table.columns.some((c) => c.role === 'target')) {
      const guessed = guessColumns(table.columns.length);
      table.columns.forEach((c, k) => {
        if (c.role === 'other') c.role = guessed[k]!.role;
      });
    }
    used.add(i);

    if (isPipe) {
      for (; j < lines.length; j++) {
        const s = norms[j]!;
        if (s === '') continue;
        if (!SPLIT.test(lines[j]!) || NOTE_LINE.test(s.split(SPLIT)[0]!.trim())) break;
        used.add(j);
        pipeRow(pipeCells(lines[j]!, j + 1, simplify), table, simplify);
        table.lastLine = j + 1;
      }
    } else {
      const tokens: Cell[] = [];
      for (; j < lines.length; j++) {
        const s = norms[j]!;
        if (s === '') continue;
        if (HEADER_LABEL.test(s)) {
          // the header repeated after a page break: skip it and its column names
          while (
            j + 1 < lines.length &&
            (norms[j + 1] === '' || (norms[j + 1]!.length <= 16 && /(19|20)\d\d|属性|单位|目标/.test(norms[j + 1]!)))
          )
            j++;
          continue;
        }
        if (endsTable(s) || /^专栏/.test(s)) break;
        tokens.push(...splitSpaced({ raw: lines[j]!.trim(), norm: s, line: j + 1 }, simplify));
        used.add(j);
        table.lastLine = j + 1;
      }
      groupTokens(tokens, table);
    }
    tables.push(table);
  }

  // tables without a header: runs of at least three pipe lines (a damaged table)
  for (let i = 0; i < lines.length; i++) {
    if (used.has(i) || !lines[i]!.includes('|')) continue;
    let j = i;
    const run: number[] = [];
    for (; j < lines.length && (lines[j]!.includes('|') || norms[j]!.trim() === '') && !used.has(j); j++) {
      if (!lines[j]!.includes('|')) continue;
      if (NOTE_LINE.test(norms[j]!.split('|')[0]!.trim())) break;
      run.push(j);
    }
    if (run.length < 3) {
      i = j;
      continue;
    }
    const width = Math.max(...run.map((k) => pipeCells(lines[k]!, k + 1, simplify).length));
    const { title, line: titleLine } = findTitle(lines, norms, run[0]!);
    const table: Table = {
      index: 0,
      title,
      titleLine,
      headerLine: undefined,
      layout: 'pipe',
      columns: guessColumns(Math.max(width - 1, 1)),
      years: periodYears(title) ?? docPeriod,
      rows: [],
      unparsed: [],
      firstLine: run[0]! + 1,
      lastLine: run[run.length - 1]! + 1,
    };
    for (const k of run) {
      used.add(k);
      pipeRow(pipeCells(lines[k]!, k + 1, simplify), table, simplify);
    }
    tables.push(table);
    i = j;
  }

  tables.sort((a, b) => a.firstLine - b.firstLine);
  tables.forEach((t, k) => {
    t.index = k + 1;
  });
  return tables;
}

function pipeRow(all: Cell[], table: Table, simplify: Simplify): void {
  // a Markdown rule (| --- | :---: |) separates the header from the rows
  if (all.every((c) => /^[\s:：\-—–=]*$/.test(c.norm)) && all.some((c) => c.norm !== '')) return;
  let cells = all;
  if (table.lead && cells.length > table.lead.length) {
    // a 序号 column: "1 | 城镇新增就业" reads as "1.城镇新增就业", "一 | 就业" as a group row; a 类别 column opens a group
    const leadCells = cells.slice(0, table.lead.length);
    const label = cells[table.lead.length]!;
    let raw = label.raw;
    let norm = label.norm;
    table.lead.forEach((role, k) => {
      const c = leadCells[k]!;
      if (c.norm === '') return;
      if (role === 'group' && c.norm !== table.currentGroup) {
        table.currentGroup = c.norm;
        table.rows.push({ kind: 'group', label: [c], unit: undefined, values: [], attribute: undefined, aligned: 'exact' });
      } else if (role === 'number' && /^\d+$/.test(c.norm)) {
        raw = `${c.raw}.${raw}`;
        norm = `${c.norm}.${norm}`;
      } else if (role === 'number' && /^[一二三四五六七八九十]+$/.test(c.norm)) {
        raw = `${c.raw}、${raw}`;
        norm = `${c.norm}、${norm}`;
      }
    });
    cells = [{ raw, norm, line: label.line }, ...cells.slice(table.lead.length + 1)];
  }
  const [labelCell, ...rest] = cells;
  const line = cells[0]?.line ?? 0;
  const text = `| ${all.map((c) => c.raw).join(' | ')} |`.replace(/\s+/g, ' ');
  if (!labelCell || labelCell.norm === '') {
    table.unparsed.push({ line, text, why: rest.some((c) => c.norm !== '') ? 'a row without a label' : 'an empty row' });
    return;
  }
  const flat = rest.every((c) => c.norm === '') ? flattenedTokens(labelCell, simplify) : undefined;
  if (flat) {
    // keep its own column count: the header of the table it sits in may not describe it
    groupTokens(flat, table);
    return;
  }
  // the header repeated after a page break
  if (HEADER_LABEL.test(labelCell.norm.trim())) return;
  const group = groupLabel(labelCell.norm, labelCell.raw);
  if (group !== undefined && rest.every((c) => c.norm === '')) {
    table.rows.push({ kind: 'group', label: [labelCell], unit: undefined, values: [], attribute: undefined, aligned: 'exact' });
    return;
  }
  const prev = table.rows[table.rows.length - 1];
  // a wrapped label: the row above had a label and no cells, this one has no number of its own
  if (
    prev?.kind === 'row' &&
    prev.values.every((v) => !v || v.norm === '') &&
    !prev.attribute?.norm &&
    !NUMBERED.test(labelCell.norm) &&
    !/^其中/.test(labelCell.norm) &&
    prev.label.length === 1 &&
    !/[)）]$/.test(prev.label[0]!.norm)
  ) {
    prev.label.push(labelCell);
    prev.values = [];
    fillPipeCells(prev, rest, table);
    return;
  }
  // the label's second line printed below its figures: the row above has them, this line only the rest of a label
  if (
    prev?.kind === 'row' &&
    rest.every((c) => c.norm === '') &&
    !NUMBERED.test(labelCell.norm) &&
    !/^其中/.test(labelCell.norm) &&
    prev.values.some((v) => v && v.norm !== '') &&
    !/[)）]$/.test(prev.label[prev.label.length - 1]!.norm)
  ) {
    prev.label.push(labelCell);
    return;
  }
  const row: TableRow = { kind: 'row', label: [labelCell], unit: undefined, values: [], attribute: undefined, aligned: 'exact' };
  fillPipeCells(row, rest, table);
  table.rows.push(row);
}

function fillPipeCells(row: TableRow, cells: Cell[], table: Table): void {
  row.values = [];
  row.aligned = cells.length === table.columns.length ? 'exact' : cells.length < table.columns.length ? 'right' : 'extra';
  table.columns.forEach((col, k) => {
    const cell = cells[k];
    if (col.role === 'attribute') row.attribute = cell;
    else if (col.role === 'unit') row.unit = cell;
    else row.values.push(cell);
  });
}

/** The value columns (attribute and unit columns taken out), in row.values order. */
export function valueColumns(table: Table): Column[] {
  return table.columns.filter((c) => c.role !== 'attribute' && c.role !== 'unit');
}
