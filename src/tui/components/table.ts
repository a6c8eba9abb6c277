/** Rows of a table as styled segments: each cell fitted (CJK-aware) to its column, one space between. */
import { distinctFit, fit, layoutColumns, widest, type ColumnSpec } from '../format.js';
import type { Row, Seg } from './line.js';

export type Cells<K extends string> = Partial<Record<K, Seg>>;

export interface TableColumn<K extends string> {
  key: K;
  header: string;
  align?: 'left' | 'right';
  flex?: boolean;
  min?: number;
  /** texts the column may come to hold (every verdict label): the width never changes when one appears */
  could?: string[];
}

/** Column widths from the header and every cell (not only the visible ones, so scrolling never shifts them). */
export function tableLayout<K extends string>(
  columns: TableColumn<K>[],
  rows: Cells<K>[],
  width: number,
  dropOrder: K[],
  yieldTo: K[] = [],
): ColumnSpec<K>[] {
  const specs: ColumnSpec<K>[] = columns.map((c) => ({
    ...c,
    width: widest([c.header, ...(c.could ?? []), ...rows.map((r) => r[c.key]?.text ?? '')]),
  }));
  return layoutColumns(specs, width, dropOrder, yieldTo);
}

/**
 * Fit the labels of `cells` to the label column of `layout`, in place; two labels that would be cut to the same
 * text ("工伤保险参保人…") are cut in the middle instead (distinctFit).
 */
export function fitLabels<K extends string>(layout: ColumnSpec<K>[], cells: Cells<K>[]): void {
  const labelWidth = layout.find((c) => c.key === 'label')?.width ?? 0;
  const labelled = cells as Cells<'label'>[];
  const labels = distinctFit(
    labelled.map((c) => c.label!.text),
    labelWidth,
  );
  labelled.forEach((c, i) => {
    c.label = { ...c.label!, text: labels[i]! };
  });
}

export function tableRow<K extends string>(layout: ColumnSpec<K>[], cells: Cells<K>): Row {
  const row: Row = [];
  layout.forEach((c, i) => {
    const cell = cells[c.key] ?? { text: '' };
    row.push({ ...cell, text: fit(cell.text, c.width, c.align) });
    if (i < layout.length - 1) row.push({ text: ' ' });
  });
  return row;
}

export function headerRow<K extends string>(layout: ColumnSpec<K>[]): Row {
  return [{ text: layout.map((c) => fit(c.header, c.width, c.align)).join(' '), dim: true }];
}
