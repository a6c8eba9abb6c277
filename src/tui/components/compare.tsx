/** The published model and the current scenario side by side: projection and verdict of each, and the change. */
import type { IndicatorResult } from '../../engine/types.js';
import { formatGap, formatIndicator, isChanged, truncate } from '../format.js';
import type { CompareColumn } from '../update.js';
import type { UncertaintyView } from '../hooks/use-uncertainty.js';
import type { OverviewRow } from '../order.js';
import { verdictLabel, verdictLabels, type Strings } from '../strings.js';
import { GroupedTable } from './grouped-table.js';
import { anyProposed, legendRows, targetCell } from './overview.js';
import { verdictStyle } from './styles.js';
import type { Cells, TableColumn } from './table.js';
import { uncertaintyCells, uncertaintyStatusRow } from './uncertainty.js';

type Col =
  | 'sel'
  | 'number'
  | 'label'
  | 'unit'
  | 'target'
  | 'published'
  | 'publishedVerdict'
  | 'current'
  | 'currentVerdict'
  | 'currentGap'
  | 'band'
  | 'pMet'
  | 'delta'
  | `o${number}`
  | `o${number}v`
  | `o${number}g`;

export interface CompareProps {
  rows: OverviewRow[];
  published: Map<string, IndicatorResult>;
  selected: number;
  /** what the right-hand side is called: the scenario's name, or "current" */
  currentName: string;
  width: number;
  height: number;
  strings: Strings;
  /** the uncertainty toggle: P10–P90 and P(met) of the current side */
  uncertainty?: UncertaintyView;
  /** more scenarios beside the current one: projection, verdict and gap of each */
  others?: CompareColumn[];
}

export function Compare({
  rows,
  published,
  selected,
  currentName,
  width,
  height,
  strings: s,
  uncertainty = { status: 'off' },
  others = [],
}: CompareProps) {
  const many = others.length > 0;
  const otherById = others.map((o) => new Map(o.result.indicators.map((i) => [i.id, i])));
  const bands = uncertainty.status === 'on' ? uncertainty.bands : undefined;
  const columns: TableColumn<Col>[] = [
    { key: 'sel', header: ' ' },
    { key: 'number', header: '#' },
    // with bands, the change goes before the label shrinks below 16 (8 CJK characters)
    { key: 'label', header: s.columns.indicator, flex: true, min: bands ? 16 : 10 },
    { key: 'unit', header: s.columns.unit },
    { key: 'target', header: s.columns.target, align: 'right' },
    { key: 'published', header: s.columns.publishedModel, align: 'right' },
    { key: 'publishedVerdict', header: s.columns.verdict, could: verdictLabels(s) },
    { key: 'current', header: truncate(currentName, many ? 16 : 12), align: 'right' },
    { key: 'currentVerdict', header: s.columns.verdict, could: verdictLabels(s) },
    ...(many ? ([{ key: 'currentGap', header: s.columns.gap, align: 'right' }] satisfies TableColumn<Col>[]) : []),
    ...others.flatMap((o, k): TableColumn<Col>[] => [
      { key: `o${k}`, header: truncate(o.name, 16), align: 'right' },
      { key: `o${k}v`, header: s.columns.verdict, could: verdictLabels(s) },
      { key: `o${k}g`, header: s.columns.gap, align: 'right' },
    ]),
    ...(bands
      ? ([
          { key: 'band', header: s.columns.band, align: 'right' },
          { key: 'pMet', header: s.columns.pMet, align: 'right' },
        ] satisfies TableColumn<Col>[])
      : []),
    { key: 'delta', header: s.columns.delta, align: 'right' },
  ];
  const cells = rows.map((r): Cells<Col> | null => {
    if (r.type === 'group') return null;
    const ind = r.indicator;
    const pub = published.get(ind.id);
    const binding = ind.attribute === 'binding';
    const isSel = r.index === selected;
    const differs = isChanged(ind.projection, pub?.projection ?? null);
    const delta = ind.projection !== null && pub?.projection != null && differs ? ind.projection - pub.projection : null;
    return {
      sel: { text: isSel ? '>' : ' ', bold: true },
      number: { text: ind.number ?? '' },
      label: { text: (ind.parent ? '  ' : '') + ind.label, inverse: isSel, bold: isSel },
      unit: { text: ind.unit, dim: true },
      target: targetCell(ind, s),
      published: { text: formatIndicator(pub?.projection ?? null, ind.unit) },
      publishedVerdict: pub ? { text: verdictLabel(s, pub.verdict, binding), ...verdictStyle(pub.verdict, binding) } : { text: '' },
      current: differs
        ? { text: formatIndicator(ind.projection, ind.unit), color: 'yellow', bold: true }
        : { text: formatIndicator(ind.projection, ind.unit) },
      currentVerdict: { text: verdictLabel(s, ind.verdict, binding), ...verdictStyle(ind.verdict, binding) },
      delta: delta === null ? { text: '' } : { text: formatGap(delta, ind.unit), color: 'yellow' },
      currentGap: {
        text: formatGap(ind.gap, ind.unit, ind.target?.value),
        ...(ind.verdict === 'missed' ? { color: verdictStyle(ind.verdict, binding).color } : {}),
      },
      ...Object.fromEntries(
        others.flatMap((_, k) => {
          const o = otherById[k]!.get(ind.id);
          if (!o) return [];
          const moved = isChanged(o.projection, pub?.projection ?? null);
          return [
            [
              `o${k}`,
              moved
                ? { text: formatIndicator(o.projection, ind.unit), color: 'yellow', bold: true }
                : { text: formatIndicator(o.projection, ind.unit) },
            ],
            [`o${k}v`, { text: verdictLabel(s, o.verdict, binding), ...verdictStyle(o.verdict, binding) }],
            [`o${k}g`, { text: formatGap(o.gap, ind.unit, ind.target?.value), dim: o.verdict !== 'missed' }],
          ];
        }),
      ),
      ...(bands ? uncertaintyCells(bands.byId.get(ind.id), bands.run.threshold, s) : {}),
    };
  });
  // several scenarios: the change column gives way first, then gaps (right to left), then units and numbers
  const gaps = others.map((_, k) => `o${k}g` as Col).reverse();
  // narrower still: the other scenarios' verdicts, then (last first) the other scenarios themselves
  const otherVerdicts = others.map((_, k) => `o${k}v` as Col).reverse();
  const otherColumns = others.map((_, k) => `o${k}` as Col).reverse();
  const dropOrder: Col[] = many
    ? ['delta', 'number', 'unit', ...gaps, 'currentGap', 'publishedVerdict', 'target', 'band', ...otherVerdicts, ...otherColumns]
    : bands
      ? ['number', 'unit', 'target', 'publishedVerdict', 'delta', 'band']
      : ['number', 'unit', 'target', 'publishedVerdict'];
  const status = uncertaintyStatusRow(uncertainty, s);
  const footer = [...legendRows(s, width, height, anyProposed(rows)), ...(status ? [status] : [])];
  return (
    <GroupedTable
      rows={rows}
      cells={cells}
      columns={columns}
      dropOrder={dropOrder}
      selected={selected}
      width={width}
      height={height}
      footer={footer}
    />
  );
}
