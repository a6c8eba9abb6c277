/**
 * An Excel workbook a reviewer can audit and play with: one sheet of inputs with provenance (every assumption
 * and every series, with the document and the quoted sentence), one sheet of results (one row per scenario ×
 * indicator). Where a derivation is plain arithmetic (see excel-formula.ts) the projection is a live formula
 * over the input cells, and gap and verdict are formulas over the projection, so changing an input in Excel
 * gives the result cesuan gives; otherwise the projection is cesuan's value with a comment saying why.
 *
 * Layout (row 1 is the header on both sheets):
 *   Inputs:  scenario | kind | id | year | value | unit | label | published | default | range | source | quote | note
 *            (a series takes one row per year; formulas refer to its value column as a range)
 *   Results: scenario | indicator | label | unit | kind | attribute | baseline | target op | target | chosen |
 *            projection | verdict | gap | primary | formula | how
 */
import { programFor } from '../engine/graph/evaluate.js';
import type { GraphNode, Program } from '../engine/graph/program.js';
import { COMPARATOR_SYMBOL } from '../engine/graph/target.js';
import type { IndicatorResult, ModelResult, Value } from '../engine/types.js';
import type { LoadedModel } from '../model/load.js';
import type { Source } from '../model/schema.js';
import { excelNumber, toExcelFormula, type ExcelOperand, type Translation } from './excel-formula.js';

export interface WorkbookEntry {
  /** scenario name (or the model id for a model run) */
  name: string;
  file: string;
  model: LoadedModel;
  result: ModelResult;
}

export const INPUT_COLUMNS = [
  'scenario',
  'kind',
  'id',
  'year',
  'value',
  'unit',
  'label',
  'published',
  'default',
  'range',
  'source',
  'quote',
  'note',
] as const;
export const RESULT_COLUMNS = [
  'scenario',
  'indicator',
  'label',
  'unit',
  'kind',
  'attribute',
  'baseline',
  'target op',
  'target',
  'chosen',
  'projection',
  'verdict',
  'gap',
  'primary',
  'formula',
  'how',
] as const;

const col = (columns: readonly string[], name: string): string => String.fromCharCode(65 + columns.indexOf(name));
const IN = { value: col(INPUT_COLUMNS, 'value') };
const RES = {
  baseline: col(RESULT_COLUMNS, 'baseline'),
  target: col(RESULT_COLUMNS, 'target'),
  chosen: col(RESULT_COLUMNS, 'chosen'),
  projection: col(RESULT_COLUMNS, 'projection'),
};

/** Excel's formula length limit, with room to spare. */
const MAX_FORMULA = 8000;
/** The slack meetsTarget (engine/graph/target.ts) allows, so Excel's verdict agrees on exact hits. */
const slackFor = (target: number) => Number((1e-9 * Math.max(1, Math.abs(target))).toPrecision(3));

/** The id a graph node has inside its own model (`basis2` → `injury_insured.basis2`), to find its import prefix. */
function localKey(node: GraphNode): string {
  const p = node.path;
  if (p[0] === 'series' || p[0] === 'assumptions') return String(p[1]);
  if (p[0] === 'indicators' && p[2] === 'derivations') return `${p[1]}.${p[3]}`;
  if (p[0] === 'indicators' && p[2] === 'primary') return String(p[1]);
  if (p[0] === 'indicators') return `${p[1]}.${p[2]}`;
  return node.key;
}

function prefixOf(node: GraphNode): string {
  const local = localKey(node);
  return node.key.endsWith(local) ? node.key.slice(0, node.key.length - local.length) : '';
}

function sourceText(model: LoadedModel, source: Source | undefined): string {
  if (!source) return '';
  const doc = model.spec.sources[source.ref]?.title ?? source.ref;
  return [doc, source.item !== undefined ? `item ${source.item}` : '', source.line !== undefined ? `line ${source.line}` : '']
    .filter(Boolean)
    .join(' · ');
}

function num(v: Value | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

interface Layout {
  assumptionRow: Map<string, number>;
  seriesRows: Map<string, [number, number]>;
  indicatorRow: Map<string, number>;
}

/** The verdict as an Excel formula over the projection and target cells (null when there is nothing to judge). */
export function verdictFormula(ind: Pick<IndicatorResult, 'target'>, projection: string, target: string): string | null {
  if (!ind.target) return null;
  const slack = excelNumber(slackFor(ind.target.value));
  const test = (() => {
    switch (ind.target.op) {
      case '>=':
        return `${projection}>=${target}-${slack}`;
      case '<=':
        return `${projection}<=${target}+${slack}`;
      case '>':
        return `${projection}>${target}+${slack}`;
      case '<':
        return `${projection}<${target}-${slack}`;
      case '=':
        return `ABS(${projection}-${target})<=${slack}`;
      case '≈':
        return `ABS(${projection}-${target})<=${excelNumber((ind.target.tolerance ?? 0.02 * Math.abs(ind.target.value)) + slackFor(ind.target.value))}`;
    }
  })();
  return `IF(${test},"met","missed")`;
}

/** Translate every computed node of one entry into an Excel formula (or the reason it cannot be). */
function translator(program: Program, layout: Layout) {
  const memo = new Map<number, Translation>();
  const nodeAt = (key: string) => {
    const slot = program.slotOf.get(key);
    return slot === undefined ? undefined : program.nodes[slot];
  };
  const rootPrimary = new Map<string, string>();
  for (const ind of program.indicators) if (ind.spec.primary) rootPrimary.set(`${ind.id}.${ind.spec.primary}`, ind.id);

  const operandFor = (node: GraphNode): ExcelOperand | { error: string } => {
    switch (node.kind) {
      case 'assumption': {
        const row = layout.assumptionRow.get(node.key);
        return row ? { cell: `Inputs!${IN.value}${row}` } : { error: `${node.key} is not on the Inputs sheet` };
      }
      case 'series': {
        const rows = layout.seriesRows.get(node.key);
        if (!rows) return { error: `${node.key} is not on the Inputs sheet` };
        const cells = Array.from({ length: rows[1] - rows[0] + 1 }, (_, i) => `Inputs!${IN.value}${rows[0] + i}`);
        return { range: `Inputs!${IN.value}${rows[0]}:${IN.value}${rows[1]}`, cells, years: node.years };
      }
      case 'published': {
        const m = /^(.*)\.(baseline|target|chosen)$/.exec(node.key);
        const row = m ? layout.indicatorRow.get(m[1]!) : undefined;
        if (row && m) return { cell: `${RES[m[2] as 'baseline' | 'target' | 'chosen']}${row}` };
        return typeof node.constant === 'number' ? { formula: excelNumber(node.constant) } : { error: `${node.key} is not a number` };
      }
      case 'indicator': {
        const row = layout.indicatorRow.get(node.key);
        if (row) return { cell: `${RES.projection}${row}` };
        return inline(node);
      }
      case 'derivation': {
        const owner = rootPrimary.get(node.key);
        const row = owner ? layout.indicatorRow.get(owner) : undefined;
        if (row) return { cell: `${RES.projection}${row}` };
        return inline(node);
      }
    }
  };

  const inline = (node: GraphNode): ExcelOperand | { error: string } => {
    const t = translate(node);
    return t.ok ? { formula: t.formula } : { error: t.reason };
  };

  /** A node's own formula, references resolved within its model (imports under their alias prefix). */
  const translate = (node: GraphNode): Translation => {
    const cached = memo.get(node.slot);
    if (cached) return cached;
    let t: Translation;
    if (typeof node.constant === 'number') t = { ok: true, formula: excelNumber(node.constant) };
    else if (!node.expr) t = { ok: false, reason: `${node.key} has no formula` };
    else {
      const prefix = prefixOf(node);
      t = toExcelFormula(node.expr.text, (parts) => {
        const target = nodeAt(prefix + parts.join('.'));
        return target ? operandFor(target) : undefined;
      });
      if (t.ok && t.formula.length > MAX_FORMULA) t = { ok: false, reason: `the formula would be ${t.formula.length} characters long` };
    }
    memo.set(node.slot, t);
    return t;
  };

  return { translate, nodeAt };
}

/** Build the workbook (exceljs is loaded on demand: most commands never need it). */
export async function buildWorkbook(entries: WorkbookEntry[]): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'cesuan';
  workbook.calcProperties.fullCalcOnLoad = true;
  const inputs = workbook.addWorksheet('Inputs', { views: [{ state: 'frozen', ySplit: 1 }] });
  const results = workbook.addWorksheet('Results', { views: [{ state: 'frozen', ySplit: 1 }] });
  inputs.columns = INPUT_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: ({ label: 36, quote: 60, source: 36, default: 30, note: 30, id: 28 } as Record<string, number>)[c] ?? 12,
  }));
  results.columns = RESULT_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: ({ label: 30, formula: 40, how: 40, indicator: 24 } as Record<string, number>)[c] ?? 12,
  }));
  inputs.getRow(1).font = { bold: true };
  results.getRow(1).font = { bold: true };

  let inputRow = 2;
  let resultRow = 2;
  for (const entry of entries) {
    const program = programFor(entry.model);
    const values = entry.result.values;
    const layout: Layout = { assumptionRow: new Map(), seriesRows: new Map(), indicatorRow: new Map() };

    // rows first, so formulas can point forward (pension_insured reads pension_urban, written after it)
    // the model's own inputs first, then those of imported models (alias.name)
    const own = (n: GraphNode) => (n.key.includes('.') ? 1 : 0);
    const assumptionNodes = program.assumptionKeys.map((k) => program.nodes[program.slotOf.get(k)!]!).sort((x, y) => own(x) - own(y));
    const seriesNodes = program.nodes.filter((n) => n.kind === 'series').sort((x, y) => own(x) - own(y));
    let r = inputRow;
    for (const n of assumptionNodes) layout.assumptionRow.set(n.key, r++);
    for (const n of seriesNodes) {
      const length = (n.constant as number[]).length;
      layout.seriesRows.set(n.key, [r, r + length - 1]);
      r += length;
    }
    entry.result.indicators.forEach((ind, i) => {
      layout.indicatorRow.set(ind.id, resultRow + i);
    });

    // Inputs: assumptions, then series one row per year
    const states = new Map(entry.result.assumptions.map((a) => [a.id, a]));
    for (const n of assumptionNodes) {
      const owner = n.model as LoadedModel;
      const id = String(n.path[1]);
      const spec = owner.spec.assumptions[id]!;
      const state = states.get(n.key);
      const row = inputs.getRow(layout.assumptionRow.get(n.key)!);
      const value = values[n.key];
      row.values = [
        entry.name,
        'assumption',
        n.key,
        null,
        num(value) ?? (Array.isArray(value) ? value.join(', ') : null),
        spec.unit,
        spec.label,
        state?.published ?? null,
        String(spec.default),
        spec.range ? `${spec.range[0]} … ${spec.range[1]}` : null,
        sourceText(owner, spec.source),
        spec.source?.quote ?? null,
        [state?.overridden ? `scenario sets ${n.key}` : '', spec.back_solved ? `back-solved: ${spec.back_solved}` : '', spec.note ?? '']
          .filter(Boolean)
          .join('; ') || null,
      ];
      if (spec.unit === 'ratio') {
        row.getCell(IN.value).numFmt = '0.0000%';
        row.getCell(col(INPUT_COLUMNS, 'published')).numFmt = '0.0000%';
      }
    }
    for (const n of seriesNodes) {
      const owner = n.model as LoadedModel;
      const spec = owner.spec.series[String(n.path[1])]!;
      const [first] = layout.seriesRows.get(n.key)!;
      spec.values.forEach((v, i) => {
        inputs.getRow(first + i).values = [
          entry.name,
          'series',
          n.key,
          spec.years[i] ?? null,
          v,
          spec.unit,
          spec.label,
          null,
          null,
          null,
          i === 0 ? sourceText(owner, spec.source) : null,
          i === 0 ? spec.source.quote : null,
          i === 0 ? (spec.note ?? null) : null,
        ];
      });
    }
    inputRow = r;

    // Results: one row per indicator, projections as formulas where the derivation is plain arithmetic
    const { translate, nodeAt } = translator(program, layout);
    for (const ind of entry.result.indicators) {
      const rowNumber = layout.indicatorRow.get(ind.id)!;
      const row = results.getRow(rowNumber);
      const primary = ind.primary ? nodeAt(`${ind.id}.${ind.primary}`) : undefined;
      const formulaText = primary ? (primary.expr?.text ?? String(primary.constant)) : null;
      row.values = [
        entry.name,
        ind.id,
        ind.label,
        ind.unit,
        ind.kind,
        ind.attribute,
        ind.baseline,
        ind.target ? COMPARATOR_SYMBOL[ind.target.op] : null,
        ind.target?.value ?? null,
        ind.chosen,
        null,
        ind.verdict,
        null,
        ind.primary,
        formulaText,
        null,
      ];
      const projectionCell = row.getCell(RES.projection);
      const how = row.getCell(col(RESULT_COLUMNS, 'how'));
      if (ind.projection === null || !primary) {
        how.value = 'not modelled: no primary derivation';
        continue;
      }
      const t = translate(primary);
      const p = `${RES.projection}${rowNumber}`;
      const tgt = `${RES.target}${rowNumber}`;
      if (t.ok && typeof primary.constant !== 'number') {
        projectionCell.value = { formula: t.formula, result: ind.projection };
        how.value = 'live Excel formula over the Inputs sheet';
      } else {
        projectionCell.value = ind.projection;
        const why = t.ok ? 'a constant in the model' : `cesuan's value: ${t.reason}`;
        how.value = why;
        if (!t.ok) projectionCell.note = `Computed by cesuan, not by Excel: ${t.reason}.\n${formulaText} = ${ind.projection}`;
      }
      if (ind.target) {
        row.getCell(col(RESULT_COLUMNS, 'gap')).value = { formula: `${p}-${tgt}`, result: ind.gap ?? undefined };
        row.getCell(col(RESULT_COLUMNS, 'verdict')).value = { formula: verdictFormula(ind, p, tgt)!, result: ind.verdict };
      }
    }
    resultRow += entry.result.indicators.length;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
