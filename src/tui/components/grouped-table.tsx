/**
 * The indicator table shared by Overview and Compare: group headings between the rows, a window that scrolls
 * to keep the selection (and its group heading) visible, and footer lines pinned to the bottom.
 */
import { Box } from 'ink';
import { useScrollWindow } from '../hooks/use-scroll-window.js';
import type { OverviewRow } from '../order.js';
import { Line, clipRow, type Row } from './line.js';
import { headerRow, tableLayout, tableRow, type Cells, type TableColumn } from './table.js';

export interface GroupedTableProps<Col extends string> {
  rows: OverviewRow[];
  /** one entry per row: the cells of an indicator row, null for a group heading */
  cells: (Cells<Col> | null)[];
  columns: TableColumn<Col>[];
  /** columns to drop, first to last, when the width does not fit them all */
  dropOrder: Col[];
  selected: number;
  width: number;
  height: number;
  footer: Row[];
}

export function GroupedTable<Col extends string>({
  rows,
  cells,
  columns,
  dropOrder,
  selected,
  width,
  height,
  footer,
}: GroupedTableProps<Col>) {
  const layout = tableLayout(
    columns,
    cells.filter((c): c is Cells<Col> => c !== null),
    width,
    dropOrder,
  );
  const listHeight = Math.max(1, height - 1 - footer.length);
  const selectedRow = rows.findIndex((r) => r.type === 'indicator' && r.index === selected);
  const first = selectedRow > 0 && rows[selectedRow - 1]!.type === 'group' ? selectedRow - 1 : selectedRow;
  const offset = useScrollWindow(Math.max(0, first), Math.max(0, selectedRow), rows.length, listHeight);
  const visible: Row[] = rows.slice(offset, offset + listHeight).map((r, i) => {
    const c = cells[offset + i];
    if (r.type === 'group' || !c) return [{ text: r.type === 'group' ? r.label : '', bold: true, color: 'cyan' }];
    return tableRow(layout, c);
  });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line segs={clipRow(headerRow(layout), width)} />
      {visible.map((row, i) => (
        <Line key={offset + i} segs={clipRow(row, width)} />
      ))}
      <Box flexGrow={1} />
      {footer.map((row, i) => (
        <Line key={`footer-${i}`} segs={clipRow(row, width)} />
      ))}
    </Box>
  );
}
