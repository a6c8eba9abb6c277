/** All indicators grouped as in the plan: baseline, projection, target, verdict, gap and the yearly path. */
import type { IndicatorResult } from '../../engine/types.js';
import { targetText } from '../../report/results.js';
import { formatGap, formatIndicator, isChanged, sparkline, trajectoryValues } from '../format.js';
import type { UncertaintyView } from '../hooks/use-uncertainty.js';
import type { OverviewRow } from '../order.js';
import { verdictLabel, type Strings } from '../strings.js';
import { GroupedTable } from './grouped-table.js';
import type { Row } from './line.js';
import { changed, verdictStyle } from './styles.js';
import type { Cells, TableColumn } from './table.js';
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
  const missed = rows.flatMap((r) => (r.type === 'indicator' && r.indicator.verdict === 'missed' && r.indicator.attribute === 'binding' ? [r.indicator.label] : []));
  const status = uncertaintyStatusRow(uncertainty, s);
  const footer: Row[] = [
    ...(missed.length ? [[{ text: s.bindingMissed(missed.join('、')), color: 'red', bold: true }] as Row] : []),
    ...(status ? [status] : []),
  ];
  return <GroupedTable rows={rows} cells={cells} columns={columns} dropOrder={dropOrder} selected={selected} width={width} height={height} footer={footer} />;
}
