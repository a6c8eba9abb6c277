/**
 * One indicator in full: baseline, target, projection and path; the assumptions it depends on (editable
 * here); every derivation with its formula, the numbers substituted, its result, the stated figures with
 * their verdicts, and the source quotes.
 */
import { Box } from 'ink';
import type { UncertainAssumption } from '../../engine/uncertainty/sample.js';
import type { AssumptionState, IndicatorResult, StatedFigureCheck } from '../../engine/types.js';
import { formatIn, formatStated } from '../../report/numbers.js';
import { targetText } from '../../report/results.js';
import { formatAssumption, formatGap, textWidth, formatIndicator, isChanged, rangeText, sparkline, trajectoryValues } from '../format.js';
import { useScrollWindow } from '../hooks/use-scroll-window.js';
import { derivationsUsing } from '../order.js';
import { verdictLabel, type Strings } from '../strings.js';
import { Line, clipRow, wrapRow, type Row } from './line.js';
import { auditStyle, changed, verdictStyle } from './styles.js';
import { tableLayout, tableRow, type Cells, type TableColumn } from './table.js';

/** Rows above the assumptions panel: title, baseline/target, projection, path, and the band rows if any. */
export function detailHeaderRows(bandRows: number): number {
  return 4 + bandRows;
}

/** Rows of the assumptions panel: all of them when they fit, at most a third of the screen otherwise. */
export function panelRows(height: number, count: number, headerRows = 4): number {
  const cap = Math.max(1, Math.floor((height - headerRows - 2) / 3));
  return Math.min(Math.max(1, count), cap);
}

/** Rows left for the scrolling derivations. */
export function detailBodyHeight(height: number, count: number, headerRows = 4): number {
  return Math.max(1, height - headerRows - 1 - panelRows(height, count, headerRows) - 1);
}

function statedRows(c: StatedFigureCheck, s: Strings, width: number): Row[] {
  const recomputed = c.recomputed === null ? '—' : formatIn(c.recomputed, c.unit, 4);
  const rows = wrapRow(
    [
      { text: `  ${s.detail.stated} ${c.label}: ${formatStated(c.stated, c.unit)} · ${s.detail.recomputed} ${recomputed} → ` },
      { text: s.audit[c.verdict], ...auditStyle(c.verdict) },
    ],
    width,
    '      ',
  );
  if (c.note) rows.push(...wrapRow([{ text: `      ${s.detail.note}: ${c.note}`, dim: true }], width, '      '));
  return rows;
}

/** The derivations, consistency checks and findings, wrapped to the width. */
export function detailBody(ind: IndicatorResult, s: Strings, width: number): Row[] {
  const rows: Row[] = [];
  // the primary derivation first: it is the projection
  const ordered = [...ind.derivations].sort((a, b) => Number(b.id === ind.primary) - Number(a.id === ind.primary));
  for (const d of ordered) {
    const primary = d.id === ind.primary;
    const title: Row = [
      { text: primary ? '▶ ' : '· ', bold: primary },
      { text: d.label, bold: true },
      { text: ` [${d.id}]`, dim: true },
    ];
    if (primary) title.push({ text: ` ${s.detail.primary}`, color: 'cyan' });
    if (d.status === 'not_reproducible') title.push({ text: ` — ${s.detail.notReproducible}`, color: 'yellow' });
    if (d.status === 'no_numbers') title.push({ text: ` — ${s.detail.noNumbers}`, dim: true });
    rows.push(...wrapRow(title, width, '  '));
    if (d.formula !== null) {
      rows.push(...wrapRow([{ text: `  ${s.detail.formula} ` , dim: true }, { text: d.formula }], width, '      '));
      if (d.substituted !== null && d.substituted !== d.formula) rows.push(...wrapRow([{ text: `     = ${d.substituted}` }], width, '       '));
      rows.push([{ text: '     = ' }, { text: `${formatIn(d.value, ind.unit, 4)} ${ind.unit}`, bold: primary }]);
    }
    for (const c of d.stated) rows.push(...statedRows(c, s, width));
    for (const c of d.computed) {
      rows.push(...wrapRow([{ text: `  ${s.detail.computed} ${c.label}: ` }, { text: formatIn(c.value, c.unit, 4), bold: true }, { text: `  (${c.substituted})`, dim: true }], width, '      '));
    }
    if (d.note) rows.push(...wrapRow([{ text: `  ${s.detail.note}: ${d.note}`, dim: true }], width, '    '));
    if (d.quote) rows.push(...wrapRow([{ text: `  「${d.quote}」`, color: 'gray' }], width, '   '));
    rows.push([]);
  }
  if (ind.checks.length) {
    rows.push([{ text: s.detail.checks, bold: true }]);
    for (const c of ind.checks) {
      rows.push(...statedRows(c, s, width));
      if (c.quote) rows.push(...wrapRow([{ text: `   「${c.quote}」`, color: 'gray' }], width, '    '));
    }
    rows.push([]);
  }
  if (ind.findings.length) {
    rows.push([{ text: s.detail.findings, bold: true, color: 'yellow' }]);
    for (const f of ind.findings) rows.push(...wrapRow([{ text: `  ${f}` }], width, '    '));
  }
  while (rows.length && !rows[rows.length - 1]!.length) rows.pop();
  return rows;
}

type Col = 'sel' | 'label' | 'value' | 'dist' | 'published' | 'range' | 'used';

export interface DetailProps {
  indicator: IndicatorResult;
  published: IndicatorResult | undefined;
  years: { base: number; target: number };
  assumptions: AssumptionState[];
  selected: number;
  body: Row[];
  scroll: number;
  width: number;
  height: number;
  strings: Strings;
  /** the uncertainty toggle: rows under the projection (detailBandRows), and the distributions by assumption */
  bandRows?: Row[];
  distributions?: Map<string, UncertainAssumption>;
}

export function IndicatorDetail({ indicator: ind, published: pub, years, assumptions, selected, body, scroll, width, height, strings: s, bandRows = [], distributions }: DetailProps) {
  const binding = ind.attribute === 'binding';
  const projChanged = isChanged(ind.projection, pub?.projection ?? null);
  const header: Row[] = [
    [
      { text: `${ind.number ? `${ind.number}. ` : ''}${ind.label}`, bold: true },
      { text: `  ${ind.id} · ${ind.unit} · ${s.kind[ind.kind]} · ` , dim: true },
      { text: s.attribute[ind.attribute], ...(binding ? { color: 'magenta' } : { dim: true }) },
    ],
    [
      { text: `${s.detail.baseline(years.base)} ` , dim: true },
      { text: formatIndicator(ind.baseline, ind.unit) },
      { text: `   ${s.detail.target(years.target)} `, dim: true },
      { text: targetText(ind) },
      { text: `   ${s.detail.chosen} `, dim: true },
      { text: formatIndicator(ind.chosen, ind.unit) },
    ],
    [
      { text: `${s.detail.projection} `, dim: true },
      { ...changed(formatIndicator(ind.projection, ind.unit), projChanged), bold: true },
      { text: ' ' },
      { text: verdictLabel(s, ind.verdict, binding), ...verdictStyle(ind.verdict, binding) },
      { text: `   ${s.detail.gap} `, dim: true },
      { text: formatGap(ind.gap, ind.unit), ...(ind.verdict === 'missed' ? { color: verdictStyle(ind.verdict, binding).color } : {}) },
      ...(projChanged ? [{ text: `   ${s.columns.published} `, dim: true }, { text: `${formatIndicator(pub?.projection ?? null, ind.unit)} ${pub ? verdictLabel(s, pub.verdict, binding) : ''}`, dim: true }] : []),
    ],
    [
      { text: `${ind.kind === 'cumulative' ? s.detail.yearly : s.detail.path} `, dim: true },
      { text: sparkline(trajectoryValues(ind)), color: 'cyan' },
      { text: `  ${ind.trajectory.map((p) => `${p.year} ${formatIndicator(p.value, ind.unit)}`).join(' · ')}` },
    ],
  ];
  header.splice(3, 0, ...bandRows);

  const headerRows = detailHeaderRows(bandRows.length);
  const panel = panelRows(height, assumptions.length, headerRows);
  const columns: TableColumn<Col>[] = [
    { key: 'sel', header: '' },
    { key: 'label', header: '', flex: true, min: 12 },
    { key: 'value', header: '', align: 'right' },
    { key: 'dist', header: '' },
    { key: 'published', header: '' },
    { key: 'range', header: '' },
    { key: 'used', header: '' },
  ];
  const cells: Cells<Col>[] = assumptions.map((a, i) => ({
    sel: { text: i === selected ? '>' : ' ', bold: true },
    label: { text: a.label + (a.backSolved ? ` (${s.detail.backSolved})` : ''), inverse: i === selected, bold: i === selected },
    value: changed(formatAssumption(a.value, a.unit), isChanged(a.value, a.published)),
    dist: distCell(distributions?.get(a.id)),
    published: { text: `${s.columns.published} ${formatAssumption(a.published, a.unit)}`, dim: true },
    range: { text: rangeText(a), dim: true },
    used: { text: derivationsUsing(ind, a.id).join(','), dim: true },
  }));
  const layout = tableLayout(columns, cells, width, ['used', 'range', 'published', 'dist']);
  const panelOffset = useScrollWindow(selected, selected, cells.length, panel);

  const bodyHeight = detailBodyHeight(height, assumptions.length, headerRows);
  const top = Math.max(0, Math.min(scroll, body.length - bodyHeight));
  const shownTo = Math.min(body.length, top + bodyHeight);
  const rule = `── ${s.detail.derivations} ${body.length > bodyHeight ? `${top + 1}–${shownTo}/${body.length} ` : ''}`;

  return (
    <Box flexDirection="column" width={width} height={height}>
      {header.map((row, i) => (
        <Line key={`h${i}`} segs={clipRow(row, width)} />
      ))}
      <Line segs={clipRow([{ text: `${s.detail.assumptions}${assumptions.length > panel ? ` (${selected + 1}/${assumptions.length})` : ''}`, bold: true }], width)} />
      {assumptions.length ? (
        cells.slice(panelOffset, panelOffset + panel).map((c, i) => <Line key={`a${panelOffset + i}`} segs={clipRow(tableRow(layout, c), width)} />)
      ) : (
        <Line segs={[{ text: `  ${s.detail.noAssumptions}`, dim: true }]} />
      )}
      <Line segs={clipRow([{ text: rule + '─'.repeat(Math.max(0, width - textWidth(rule))), dim: true }], width)} />
      {body.slice(top, shownTo).map((row, i) => (
        <Line key={`b${top + i}`} segs={clipRow(row, width)} />
      ))}
    </Box>
  );
}

/** An assumption's distribution as its P10–P90 (after any shift with the assumption), `~` for "uncertain". */
function distCell(a: UncertainAssumption | undefined): Cells<Col>['dist'] {
  if (!a) return { text: '' };
  return { text: `~${formatAssumption(round4(a.p10), a.unit)}–${formatAssumption(round4(a.p90), a.unit)}`, color: 'cyan' };
}

/** four significant digits: the band of a distribution, not a value to type */
function round4(x: number): number {
  return Number(x.toPrecision(4));
}
