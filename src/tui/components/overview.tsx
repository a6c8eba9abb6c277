/** All indicators grouped as in the plan: baseline, projection, target, verdict, gap and the yearly path. */
import { missesAdoptedBindingTarget, missesProposedBindingTarget } from '../../engine/graph/target.js';
import type { IndicatorResult } from '../../engine/types.js';
import { targetText } from '../../report/results.js';
import { formatGap, formatIndicator, isChanged, sparkline, trajectoryValues } from '../format.js';
import type { UncertaintyView } from '../hooks/use-uncertainty.js';
import type { OverviewRow } from '../order.js';
import { verdictLabel, verdictLabels, type Strings } from '../strings.js';
import { GroupedTable } from './grouped-table.js';
import { wrapRow, type Row } from './line.js';
import { changed, verdictStyle } from './styles.js';
import type { Cells, TableColumn } from './table.js';
import { uncertaintyCells, uncertaintyStatusRow } from './uncertainty.js';

type Col =
  | 'sel'
  | 'number'
  | 'label'
  | 'unit'
  | 'baseline'
  | 'projection'
  | 'basis'
  | 'band'
  | 'pMet'
  | 'target'
  | 'verdict'
  | 'gap'
  | 'path';

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
    { key: 'basis', header: s.columns.basis },
    ...(bands
      ? ([
          { key: 'band', header: s.columns.band, align: 'right' },
          { key: 'pMet', header: s.columns.pMet, align: 'right' },
        ] satisfies TableColumn<Col>[])
      : []),
    { key: 'target', header: s.columns.target, align: 'right' },
    { key: 'verdict', header: s.columns.verdict, could: verdictLabels(s) },
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
      label: {
        text: (ind.parent ? '  ' : '') + ind.label,
        inverse: isSel,
        bold: isSel,
        ...(ind.verdict === 'missed' && binding && !isSel ? { color: 'red' } : {}),
      },
      unit: { text: ind.unit, dim: true },
      baseline: { text: formatIndicator(ind.baseline, ind.unit) },
      projection: changed(formatIndicator(ind.projection, ind.unit), isChanged(ind.projection, pub?.projection ?? null)),
      basis: basisCell(ind, pub),
      target: targetCell(ind, s),
      verdict: { text: verdictLabel(s, ind.verdict, binding), ...vstyle },
      gap: { text: formatGap(ind.gap, ind.unit, ind.target?.value), ...(ind.verdict === 'missed' ? { color: vstyle.color } : {}) },
      path: { text: sparkline(trajectoryValues(ind)), color: 'cyan' },
      ...(bands ? uncertaintyCells(bands.byId.get(ind.id), bands.run.threshold, s) : {}),
    };
  });
  // with bands: at 80 columns path, #, unit, baseline (and in English the gap) make room; narrower, the band goes next
  const dropOrder: Col[] = bands
    ? ['basis', 'path', 'number', 'unit', 'baseline', 'gap', 'band', 'target']
    : ['basis', 'path', 'number', 'unit', 'baseline', 'gap', 'target'];
  // as run's footer: a draft's proposed binding target missed is said apart from an adopted one
  const missed = rows.flatMap((r) => (r.type === 'indicator' && missesAdoptedBindingTarget(r.indicator) ? [r.indicator.label] : []));
  const missedProposals = rows.flatMap((r) =>
    r.type === 'indicator' && missesProposedBindingTarget(r.indicator) ? [r.indicator.label] : [],
  );
  const status = uncertaintyStatusRow(uncertainty, s);
  const footer: Row[] = [
    ...legendRows(s, width, height, anyProposed(rows)),
    ...(missed.length ? [[{ text: s.bindingMissed(missed.join('、')), color: 'red', bold: true }] as Row] : []),
    ...(missedProposals.length ? [[{ text: s.bindingProposalsMissed(missedProposals.join('、')), color: 'yellow' }] as Row] : []),
    ...(status ? [status] : []),
  ];
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

/** Which 测算依据 drives the projection: the head of its label (测算依据2), `*` when the scenario switched it. */
export function basisCell(
  ind: IndicatorResult,
  pub: IndicatorResult | undefined,
): { text: string; color?: string; bold?: boolean; dim?: boolean } {
  const d = ind.derivations.find((x) => x.id === ind.primary);
  if (!d) return { text: '' };
  const short = basisName(d.label, d.id);
  const switched = pub !== undefined && pub.primary !== ind.primary;
  return switched ? { text: `${short}*`, color: 'yellow', bold: true } : { text: ind.derivations.length > 1 ? short : '', dim: true };
}

/** 测算依据2 from "测算依据2 2020年省定目标…"; else the derivation's id (a label's head may hold numbers that go stale). */
export function basisName(label: string, id: string): string {
  return /^(?:测算)?依据[0-9一二三四五六七八九十]{1,2}/.exec(label)?.[0] ?? id;
}

/** The target as the tables show it: a draft's proposed target (cesuan rollover) carries `?`, in yellow. */
export function targetCell(ind: Pick<IndicatorResult, 'target' | 'kind'>, s: Strings): { text: string; color?: string } {
  const text = targetText(ind, undefined, false);
  return ind.target?.proposed ? { text: `${text}${s.proposed.mark}`, color: 'yellow' } : { text };
}

export function anyProposed(rows: OverviewRow[]): boolean {
  return rows.some((r) => r.type === 'indicator' && r.indicator.target?.proposed === true);
}

/** The line under the table that says what the marks mean (`?` first when a target is a proposal): two rows when it is cut and the screen is tall. */
export function legendRows(s: Strings, width: number, height: number, proposed = false): Row[] {
  if (height < 14) return [];
  const rows = wrapRow([{ text: proposed ? `${s.proposed.legend} · ${s.legend}` : s.legend, dim: true }], width, '  ');
  return rows.slice(0, height >= 20 ? 2 : 1);
}
