/** Every assumption a planner may vary: current value (changed ones marked), published value, unit, range. */
import { Box } from 'ink';
import type { AssumptionState } from '../../engine/types.js';
import { formatAssumption, isChanged, rangeText, unitText } from '../format.js';
import { useScrollWindow } from '../hooks/use-scroll-window.js';
import type { Strings } from '../strings.js';
import { stepOf } from '../assumption-edit.js';
import { Line, clipRow, type Row } from './line.js';
import { changed } from './styles.js';
import { fitLabels, headerRow, tableLayout, tableRow, type Cells, type TableColumn } from './table.js';

type Col = 'sel' | 'label' | 'value' | 'published' | 'unit' | 'range' | 'id';

export interface AssumptionsProps {
  assumptions: AssumptionState[];
  selected: number;
  width: number;
  height: number;
  strings: Strings;
  /** assumption → the indicators it feeds (affectsOf) */
  affects?: Map<string, string[]>;
  /** assumptions marked `fixed: true`: historical figures, not varied */
  fixed?: ReadonlySet<string>;
}

/** The label, with (反推) when back-solved — unless the label already says so, e.g. "（由277反推）". */
export function assumptionLabel(a: AssumptionState, s: Strings): string {
  return a.label + (a.backSolved && !a.label.includes(s.detail.backSolved) ? ` (${s.detail.backSolved})` : '');
}

export function assumptionCells(a: AssumptionState, isSel: boolean, s: Strings, fixed = false): Cells<Col> {
  return {
    sel: { text: isSel ? '>' : ' ', bold: true },
    label: { text: assumptionLabel(a, s), inverse: isSel, bold: isSel, ...(fixed && !isSel ? { dim: true } : {}) },
    value: changed(formatAssumption(a.value, a.unit), isChanged(a.value, a.published)),
    published: { text: formatAssumption(a.published, a.unit), dim: true },
    unit: { text: a.unit === 'ratio' ? '' : unitText(a.unit), dim: true },
    range: { text: fixed ? s.detail.fixed : rangeText(a), dim: true },
    id: { text: a.id, dim: true },
  };
}

/** About the selected assumption: its id (for `--set`), step and range; how it was obtained; its source. */
function aboutRows(a: AssumptionState, s: Strings, width: number, affects: string[], fixed: boolean): Row[] {
  const facts = [
    a.id,
    fixed ? s.detail.fixed : `${s.columns.range} ${rangeText(a) || '—'}`,
    `${s.detail.step} ${formatAssumption(stepOf(a), a.unit)}`,
  ];
  const rows: Row[] = [[{ text: facts.join(' · '), color: 'cyan' }]];
  rows.push([{ text: `${s.detail.affects}`, dim: true }, { text: affects.length ? affects.join('、') : s.none }]);
  const note = a.backSolved ? `${s.detail.backSolved}: ${a.backSolved}` : a.source?.quote ? `「${a.source.quote}」` : '';
  if (note) rows.push([{ text: note, dim: true }]);
  return rows.map((r) => clipRow(r, width));
}

export function Assumptions({ assumptions, selected, width, height, strings: s, affects, fixed }: AssumptionsProps) {
  const columns: TableColumn<Col>[] = [
    { key: 'sel', header: ' ' },
    { key: 'label', header: s.columns.assumption, flex: true, min: 12 },
    { key: 'value', header: s.columns.value, align: 'right' },
    { key: 'published', header: s.columns.published, align: 'right' },
    { key: 'unit', header: s.columns.unit },
    { key: 'range', header: s.columns.range },
    { key: 'id', header: 'id' },
  ];
  const cells = assumptions.map((a, i) => assumptionCells(a, i === selected, s, fixed?.has(a.id)));
  // the id is also under the list: it gives way before a label is cut
  const layout = tableLayout(columns, cells, width, ['id', 'range', 'unit', 'published'], ['id']);
  fitLabels(layout, cells);
  const current = assumptions[selected];
  const info = current ? aboutRows(current, s, width, affects?.get(current.id) ?? [], fixed?.has(current.id) ?? false) : [];
  const listHeight = Math.max(1, height - 1 - info.length);
  const offset = useScrollWindow(selected, selected, cells.length, listHeight);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line segs={clipRow(headerRow(layout), width)} />
      {cells.slice(offset, offset + listHeight).map((c, i) => (
        <Line key={offset + i} segs={clipRow(tableRow(layout, c), width)} />
      ))}
      <Box flexGrow={1} />
      {info.map((row, i) => (
        <Line key={`i${i}`} segs={clipRow(row, width)} />
      ))}
    </Box>
  );
}
