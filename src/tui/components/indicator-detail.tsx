/**
 * One indicator in full: baseline, target, projection and path; the assumptions it depends on (editable
 * here); every derivation with its formula, the numbers substituted, its result, the stated figures with
 * their verdicts, and the source quotes.
 */
import { Box } from 'ink';
import type { UncertainAssumption } from '../../engine/uncertainty/sample.js';
import type { AssumptionState, IndicatorResult, StatedFigureCheck } from '../../engine/types.js';
import type { LoadedModel } from '../../model/load.js';
import type { IndicatorSpec } from '../../model/schema.js';
import { formatIn, formatStated } from '../../report/numbers.js';
import { problemText } from '../../report/problems.js';
import { targetText } from '../../report/results.js';
import { safeText } from '../../report/safe-text.js';
import { formatAssumption, formatGap, textWidth, formatIndicator, isChanged, rangeText, sparkline, trajectoryValues } from '../format.js';
import { useScrollWindow } from '../hooks/use-scroll-window.js';
import { derivationsUsing } from '../order.js';
import { STRINGS, verdictLabel, type Strings } from '../strings.js';
import { assumptionLabel } from './assumptions.js';
import { basisName } from './overview.js';
import { Line, clipRow, wrapRow, type Row } from './line.js';
import { auditStyle, changed, verdictStyle } from './styles.js';
import { fitLabels, tableLayout, tableRow, type Cells, type TableColumn } from './table.js';

/** Rows of the assumptions panel: all of them when they fit, at most a third of the screen otherwise. */
export function panelRows(height: number, count: number, headerRows: number): number {
  const cap = Math.max(1, Math.floor((height - headerRows - 2) / 3));
  return Math.min(Math.max(1, count), cap);
}

/** Rows left for the scrolling derivations. */
export function detailBodyHeight(height: number, count: number, headerRows: number): number {
  return Math.max(1, height - headerRows - 1 - panelRows(height, count, headerRows) - 1);
}

function statedRows(c: StatedFigureCheck, s: Strings, width: number, pub: StatedFigureCheck | undefined, changedInputs: boolean): Row[] {
  const recomputed = c.recomputed === null ? '—' : formatIn(c.recomputed, c.unit, 4);
  // the document agreed with the published recomputation: a difference now is the user's change, not the document's
  const becauseChanged = changedInputs && pub !== undefined && pub.verdict !== c.verdict && pub.recomputed !== c.recomputed;
  const rows = wrapRow(
    [
      { text: `  ${s.detail.stated} ${c.label}: ${formatStated(c.stated, c.unit)} · ${s.detail.recomputed} ${recomputed} → ` },
      becauseChanged ? { text: s.detail.recomputedChanged, color: 'yellow' } : { text: s.audit[c.verdict], ...auditStyle(c.verdict) },
    ],
    width,
    '      ',
  );
  if (c.note) rows.push(...wrapRow([{ text: `      ${s.detail.note}: ${c.note}`, dim: true }], width, '      '));
  return rows;
}

const ANTONYMS: [string, string][] = [
  ['高于', '低于'],
  ['多于', '少于'],
  ['超过', '不足'],
  ['增加', '减少'],
  ['above', 'below'],
  ['higher', 'lower'],
  ['more', 'less'],
];

/**
 * A label that states a direction ("自定任务高于省下达目标") with a value whose sign the user's change flipped:
 * the direction word turns round and the value is shown without its sign ("低于 … 7.8").
 */
export function directedLabel(
  label: string,
  value: number | null,
  published: number | null,
): { label: string; value: number | null; flipped: boolean } {
  if (value === null || published === null || value === 0 || published === 0 || Math.sign(value) === Math.sign(published))
    return { label, value, flipped: false };
  for (const [a, b] of ANTONYMS) {
    if (label.includes(a)) return { label: label.replace(a, b), value: Math.abs(value), flipped: true };
    if (label.includes(b)) return { label: label.replace(b, a), value: Math.abs(value), flipped: true };
  }
  return { label, value, flipped: false };
}

/**
 * A label with the numbers of changed assumptions in it rebuilt from the current values: "全省目标任务500万人"
 * with henan.new_jobs_total = 600 reads "全省目标任务600*万人". A number is replaced only where the published
 * value appears exactly once, as a whole number in the text.
 * (Until the model's `text:` templates (src/report/template.ts) render titles, this is the TUI's own rule.)
 */
export function liveLabel(label: string, assumptions: AssumptionState[]): string {
  let out = label;
  for (const a of assumptions) {
    if (!isChanged(a.value, a.published)) continue;
    const shown = formatAssumption(a.published, a.unit);
    const forms = a.unit === 'ratio' ? [shown] : [shown, String(a.published)];
    for (const form of [...new Set(forms)]) {
      const re = new RegExp(`(?<![\\d.])${form.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}(?![\\d])`, 'g');
      const hits = out.match(re);
      if (hits && hits.length === 1) {
        out = out.replace(re, `${formatAssumption(a.value, a.unit)}*`);
        break;
      }
    }
  }
  return out;
}

/** A note in the interface's language: `note_zh` for Chinese when the model gives one. */
function noteIn(s: Strings, note: string | undefined, noteZh: string | undefined): string | undefined {
  return s === STRINGS.zh ? (noteZh ?? note) : note;
}

export interface BodyContext {
  published?: IndicatorResult | undefined;
  /** every assumption, current values (for labels rebuilt from values) */
  assumptions?: AssumptionState[];
  /** the model spec, for notes (`note`, `note_zh`) */
  model?: LoadedModel;
}

/** The derivations, consistency checks and findings, wrapped to the width. */
export function detailBody(ind: IndicatorResult, s: Strings, width: number, context: BodyContext = {}): Row[] {
  const rows: Row[] = [];
  const pub = context.published;
  const byId = new Map((context.assumptions ?? []).map((a) => [a.id, a]));
  const spec = context.model?.spec.indicators[ind.id] as (IndicatorSpec & { note_zh?: string }) | undefined;
  const indicatorNote = noteIn(s, spec?.note, spec?.note_zh);
  if (indicatorNote) {
    rows.push(...wrapRow([{ text: `${s.detail.note}: `, bold: true }, { text: safeText(indicatorNote) }], width, '    '));
    rows.push([]);
  }
  /** a stated figure's note in the interface's language (note_zh from the model spec, by the check's key) */
  const statedNote = (c: StatedFigureCheck): string | undefined => {
    const m = /^[^/#]+(?:\/([^#]+))?#(\d+)$/.exec(c.key);
    const list = m?.[1] ? spec?.derivations[m[1]]?.stated : spec?.stated;
    const entry = m ? (list?.[Number(m[2])] as { note_zh?: string } | undefined) : undefined;
    return noteIn(s, c.note, entry?.note_zh);
  };
  const pubChecks = new Map([...(pub?.derivations.flatMap((d) => d.stated) ?? []), ...(pub?.checks ?? [])].map((c) => [c.key, c]));
  // the primary derivation first: it is the projection
  const ordered = [...ind.derivations].sort((a, b) => Number(b.id === ind.primary) - Number(a.id === ind.primary));
  for (const d of ordered) {
    const primary = d.id === ind.primary;
    const used = d.assumptions.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const changedInputs = used.some((a) => isChanged(a.value, a.published));
    const pubD = pub?.derivations.find((x) => x.id === d.id);
    const title: Row = [
      { text: primary ? '▶ ' : '· ', bold: primary },
      { text: safeText(liveLabel(d.label, used)), bold: true },
      { text: ` [${d.id}]`, dim: true },
    ];
    if (primary) title.push({ text: ` ${s.detail.primary}`, color: 'cyan' });
    if (d.status === 'not_reproducible') title.push({ text: ` — ${s.detail.notReproducible}`, color: 'yellow' });
    if (d.status === 'no_numbers') title.push({ text: ` — ${s.detail.noNumbers}`, dim: true });
    rows.push(...wrapRow(title, width, '  '));
    if (d.formula !== null) {
      rows.push(...wrapRow([{ text: `  ${s.detail.formula} `, dim: true }, { text: d.formula }], width, '      '));
      if (d.substituted !== null && d.substituted !== d.formula)
        rows.push(...wrapRow([{ text: `     = ${d.substituted}` }], width, '       '));
      rows.push([{ text: '     = ' }, { text: `${formatIn(d.value, ind.unit, 4)} ${ind.unit}`, bold: primary }]);
    }
    for (const c of d.stated)
      rows.push(
        ...statedRows(
          { ...c, label: safeText(liveLabel(c.label, used)), note: statedNote(c) },
          s,
          width,
          pubChecks.get(c.key),
          changedInputs,
        ),
      );
    d.computed.forEach((c, i) => {
      const shown = directedLabel(liveLabel(c.label, used), c.value, pubD?.computed[i]?.value ?? null);
      rows.push(
        ...wrapRow(
          [
            { text: `  ${s.detail.computed} ${safeText(shown.label)}: ` },
            { text: `${formatIn(shown.value, c.unit, 4)}${shown.flipped ? '*' : ''}`, bold: true },
            { text: `  (${c.substituted})`, dim: true },
          ],
          width,
          '      ',
        ),
      );
    });
    const dSpec = spec?.derivations[d.id] as { note?: string; note_zh?: string } | undefined;
    const note = noteIn(s, d.note, dSpec?.note_zh);
    if (note) rows.push(...wrapRow([{ text: `  ${s.detail.note}: ${safeText(note)}`, dim: true }], width, '    '));
    if (d.quote) rows.push(...wrapRow([{ text: `  「${safeText(d.quote)}」`, color: 'gray' }], width, '   '));
    rows.push([]);
  }
  if (ind.checks.length) {
    rows.push([{ text: s.detail.checks, bold: true }]);
    const changedAny = [...byId.values()].some((a) => isChanged(a.value, a.published));
    for (const c of ind.checks) {
      rows.push(...statedRows({ ...c, note: statedNote(c) }, s, width, pubChecks.get(c.key), changedAny));
      if (c.quote) rows.push(...wrapRow([{ text: `   「${c.quote}」`, color: 'gray' }], width, '    '));
    }
    rows.push([]);
  }
  if (ind.findings.length) {
    rows.push([{ text: s.detail.findings, bold: true, color: 'yellow' }]);
    for (const f of ind.findings)
      rows.push(...wrapRow([{ text: `  ${safeText(problemText(f, s === STRINGS.en ? 'en' : 'zh'))}` }], width, '    '));
  }
  // the model's own notes, after the indicator's: what holds for every row (how baselines and comparators were read)
  const spec0 = context.model?.spec;
  const modelNotes = spec0 ? (s === STRINGS.zh ? (spec0.notes_zh ?? spec0.notes) : spec0.notes) : [];
  if (modelNotes.length) {
    while (rows.length && !rows[rows.length - 1]!.length) rows.pop();
    rows.push([], [{ text: s.detail.modelNote, bold: true }]);
    for (const n of modelNotes) rows.push(...wrapRow([{ text: `  · ${safeText(n)}`, dim: true }], width, '    '));
  }
  while (rows.length && !rows[rows.length - 1]!.length) rows.pop();
  return rows;
}

type Col = 'sel' | 'label' | 'value' | 'dist' | 'published' | 'range' | 'used';

/** The path as "2020 186.5 · 2021 193.09 · … · 2025 221.86", shortened to the width so the target year stays. */
export function pathText(ind: IndicatorResult, width: number): string {
  const points = ind.trajectory.map((p) => ({ year: p.year, text: formatIndicator(p.value, ind.unit) }));
  const full = points.map((p) => `${p.year} ${p.text}`).join(' · ');
  if (textWidth(full) <= width || points.length < 3) return full;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const values = `${first.year} ${points
    .slice(0, -1)
    .map((p) => p.text)
    .join(' · ')} · ${last.year} ${last.text}`;
  if (textWidth(values) <= width) return values;
  return `${first.year} ${first.text} … ${last.year} ${last.text}`;
}

export interface HeaderInput {
  indicator: IndicatorResult;
  published: IndicatorResult | undefined;
  years: { base: number; target: number };
  width: number;
  strings: Strings;
  bandRows: Row[];
}

/** A verdict against a draft's proposed target says it checks a proposal. */
function proposedVerdict(s: Strings, ind: IndicatorResult, label: string): string {
  return ind.target?.proposed && (ind.verdict === 'met' || ind.verdict === 'missed') ? s.proposed.verdict(label) : label;
}

/** Rows above the assumptions panel: title and basis, baseline/target, projection, band, path, where it starts. */
export function detailHeader({ indicator: ind, published: pub, years, width, strings: s, bandRows }: HeaderInput): Row[] {
  const binding = ind.attribute === 'binding';
  const projChanged = isChanged(ind.projection, pub?.projection ?? null);
  const primary = ind.derivations.find((d) => d.id === ind.primary);
  const switched = pub !== undefined && pub.primary !== ind.primary;
  const computable = ind.derivations.filter((d) => d.formula !== null && d.value !== null).length;
  const rows: Row[] = [
    [
      { text: `${ind.number ? `${ind.number}. ` : ''}${ind.label}`, bold: true },
      { text: `  ${ind.id} · ${ind.unit} · ${s.kind[ind.kind]} · `, dim: true },
      { text: s.attribute[ind.attribute], ...(binding ? { color: 'magenta' } : { dim: true }) },
      ...(primary
        ? [
            { text: ` · ${s.columns.basis} `, dim: true },
            {
              text: `${basisName(primary.label, primary.id)}${switched ? '*' : ''}`,
              ...(switched ? { color: 'yellow', bold: true } : { color: 'cyan' }),
            },
            ...(computable > 1 ? [{ text: ' (b)', dim: true }] : []),
          ]
        : []),
    ],
    [
      { text: `${s.detail.baseline(years.base)} `, dim: true },
      { text: formatIndicator(ind.baseline, ind.unit) },
      { text: `   ${s.detail.target(years.target)} `, dim: true },
      {
        text: `${targetText(ind, undefined, false)}${ind.target?.proposed ? s.proposed.text : ''}`,
        ...(ind.target?.proposed ? { color: 'yellow' } : {}),
      },
      { text: `   ${s.detail.chosen} `, dim: true },
      { text: formatIndicator(ind.chosen, ind.unit) },
    ],
    [
      { text: `${s.detail.projection} `, dim: true },
      { ...changed(formatIndicator(ind.projection, ind.unit), projChanged), bold: true },
      { text: ' ' },
      { text: proposedVerdict(s, ind, verdictLabel(s, ind.verdict, binding)), ...verdictStyle(ind.verdict, binding) },
      { text: `   ${s.detail.gap} `, dim: true },
      {
        text: formatGap(ind.gap, ind.unit, ind.target?.value),
        ...(ind.verdict === 'missed' ? { color: verdictStyle(ind.verdict, binding).color } : {}),
      },
      ...(projChanged
        ? [
            { text: `   ${s.columns.published} `, dim: true },
            {
              text: `${formatIndicator(pub?.projection ?? null, ind.unit)} ${pub ? verdictLabel(s, pub.verdict, binding) : ''}`,
              dim: true,
            },
          ]
        : []),
    ],
    ...bandRows,
  ];
  const spark = sparkline(trajectoryValues(ind));
  const label = `${ind.kind === 'cumulative' ? s.detail.yearly : s.detail.path} `;
  rows.push([
    { text: label, dim: true },
    { text: spark, color: 'cyan' },
    { text: `  ${pathText(ind, width - textWidth(label) - textWidth(spark) - 2)}` },
  ]);
  // the path starts from another figure than the baseline (工伤: the 2020 provincial target 186.5, not 195.97): say so
  const start = ind.trajectory[0];
  if (
    ind.kind !== 'cumulative' &&
    start &&
    ind.baseline !== null &&
    primary &&
    isChanged(start.value, ind.baseline) &&
    start.year === years.base
  ) {
    rows.push(
      ...wrapRow(
        [
          {
            text: s.detail.startsFrom(
              formatIndicator(start.value, ind.unit),
              formatIndicator(ind.baseline, ind.unit),
              basisName(primary.label, primary.id),
            ),
            color: 'yellow',
          },
        ],
        width,
        '  ',
      ).slice(0, 2),
    );
  }
  return rows;
}

export interface DetailProps {
  indicator: IndicatorResult;
  assumptions: AssumptionState[];
  selected: number;
  /** detailHeader's rows */
  header: Row[];
  /** the derivations, or the chart's rows when the chart is on */
  body: Row[];
  scroll: number;
  width: number;
  height: number;
  strings: Strings;
  distributions?: Map<string, UncertainAssumption> | undefined;
  fixed?: ReadonlySet<string>;
  chart?: boolean;
}

export function IndicatorDetail({
  indicator: ind,
  assumptions,
  selected,
  header,
  body,
  scroll,
  width,
  height,
  strings: s,
  distributions,
  fixed,
  chart = false,
}: DetailProps) {
  const headerRows = header.length;
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
    label: { text: assumptionLabel(a, s), inverse: i === selected, bold: i === selected },
    value: changed(formatAssumption(a.value, a.unit), isChanged(a.value, a.published)),
    dist: distCell(distributions?.get(a.id)),
    published: { text: `${s.columns.published} ${formatAssumption(a.published, a.unit)}`, dim: true },
    range: { text: fixed?.has(a.id) ? s.detail.fixed : rangeText(a), dim: true },
    used: { text: derivationsUsing(ind, a.id).join(','), dim: true },
  }));
  const layout = tableLayout(columns, cells, width, ['used', 'range', 'published', 'dist']);
  fitLabels(layout, cells);
  const panelOffset = useScrollWindow(selected, selected, cells.length, panel);

  const bodyHeight = detailBodyHeight(height, assumptions.length, headerRows);
  const top = chart ? 0 : Math.max(0, Math.min(scroll, body.length - bodyHeight));
  const shownTo = Math.min(body.length, top + bodyHeight);
  const title = chart ? s.chart.hint : s.detail.derivations;
  const rule = `── ${title} ${!chart && body.length > bodyHeight ? `${top + 1}–${shownTo}/${body.length} ` : ''}`;

  return (
    <Box flexDirection="column" width={width} height={height}>
      {header.map((row, i) => (
        <Line key={`h${i}`} segs={clipRow(row, width)} />
      ))}
      <Line
        segs={clipRow(
          [{ text: `${s.detail.assumptions}${assumptions.length > panel ? ` (${selected + 1}/${assumptions.length})` : ''}`, bold: true }],
          width,
        )}
      />
      {assumptions.length ? (
        cells
          .slice(panelOffset, panelOffset + panel)
          .map((c, i) => <Line key={`a${panelOffset + i}`} segs={clipRow(tableRow(layout, c), width)} />)
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
