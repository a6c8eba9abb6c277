/** All indicators grouped as in the plan: baseline, projection, target, verdict, gap and the yearly path. */
import { Box } from 'ink';
import type { IndicatorResult } from '../../engine/types.js';
import { targetText } from '../../report/results.js';
import { formatGap, formatIndicator, isChanged, sparkline, trajectoryValues } from '../format.js';
import type { UncertaintyView } from '../hooks/use-uncertainty.js';
import { useScrollWindow } from '../hooks/use-scroll-window.js';
import type { OverviewRow } from '../order.js';
import { verdictLabel, type Strings } from '../strings.js';
import { Line, clipRow, type Row } from './line.js';
import { changed, verdictStyle } from './styles.js';
import { headerRow, tableLayout, tableRow, type Cells, type TableColumn } from './table.js';
import { uncertaintyCells, uncertaintyStatusRow } from './uncertainty.js';

type Col = 'sel' | 'number' | 'label' | 'unit' | 'baseline' | 'projection' | 'band' | 'pMet' | 'target' | 'verdict' | 'gap' | 'path';

export interface OverviewProps {
  rows: OverviewRow[];
  published: Map<string, IndicatorResult>;
  selected: number;
  width: number;
  height: number;
  strings: Strings;
  /** the uncertainty toggle: with bands, P10–P90 and P(met) columns beside the projection */
  uncertainty?: UncertaintyView;
}

export function Overview({ rows, published, selected, width, height, strings: s, uncertainty = { status: 'off' } }: OverviewProps) {
  const bands = uncertainty.status === 'on' ? uncertainty.bands : undefined;
  const columns: TableColumn<Col>[] = [
    { key: 'sel', header: ' ' },
    { key: 'number', header: '#' },
    // with bands, the baseline goes before the label shrinks below 18 (9 CJK characters)
    { key: 'label', header: s.columns.indicator, flex: true, min: bands ? 18 : 12 },
    { key: 'unit', header: s.columns.unit },
    { key: 'baseline', header: s.columns.baseline, align: 'right' },
    { key: 'projection', header: s.columns.projection, align: 'right' },
    ...(bands ? [{ key: 'band', header: s.columns.band, align: 'right' }, { key: 'pMet', header: s.columns.pMet, align: 'right' }] satisfies TableColumn<Col>[] : []),
    { key: 'target', header: s.columns.target, align: 'right' },
    { key: 'verdict', header: s.columns.verdict },
    { key: 'gap', header: s.columns.gap, align: 'right' },
    { key: 'path', header: s.columns.path },
  ];
  const cells = rows.map((r): Cells<Col> | null => {
    if (r.type === 'group') return null;
    const ind = r.indicator;
    const pub = published.get(ind.id);
    const binding = ind.attribute === 'binding';
    const vstyle = verdictStyle(ind.verdict, binding);
    const isSel = r.index === selected;
    return {
      sel: { text: isSel ? '>' : ' ', bold: true },
      number: { text: ind.number ?? '' },
      label: { text: (ind.parent ? '  ' : '') + ind.label, inverse: isSel, bold: isSel, ...(ind.verdict === 'missed' && binding && !isSel ? { color: 'red' } : {}) },
      unit: { text: ind.unit, dim: true },
      baseline: { text: formatIndicator(ind.baseline, ind.unit) },
      projection: changed(formatIndicator(ind.projection, ind.unit), isChanged(ind.projection, pub?.projection ?? null)),
      target: { text: targetText(ind) },
      verdict: { text: verdictLabel(s, ind.verdict, binding), ...vstyle },
      gap: { text: formatGap(ind.gap, ind.unit), ...(ind.verdict === 'missed' ? { color: vstyle.color } : {}) },
      path: { text: sparkline(trajectoryValues(ind)), color: 'cyan' },
      ...(bands ? uncertaintyCells(bands.byId.get(ind.id), bands.run.threshold, s) : {}),
    };
  });
  // with bands: at 80 columns path, #, unit, baseline (and in English the gap) make room; narrower, the band goes next
  const dropOrder: Col[] = bands ? ['path', 'number', 'unit', 'baseline', 'gap', 'band', 'target'] : ['path', 'number', 'unit', 'baseline', 'gap', 'target'];
  const layout = tableLayout(columns, cells.filter((c): c is Cells<Col> => c !== null), width, dropOrder);
  const missed = rows.flatMap((r) => (r.type === 'indicator' && r.indicator.verdict === 'missed' && r.indicator.attribute === 'binding' ? [r.indicator.label] : []));
  const status = uncertaintyStatusRow(uncertainty, s);
  const listHeight = Math.max(1, height - 1 - (missed.length ? 1 : 0) - (status ? 1 : 0));
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
      {missed.length ? <Line segs={clipRow([{ text: s.bindingMissed(missed.join('、')), color: 'red', bold: true }], width)} /> : null}
      {status ? <Line segs={clipRow(status, width)} /> : null}
    </Box>
  );
}
