/**
 * Render a ModelResult: the run table, the explanation of one indicator, the stated-figure audit.
 * Formats: table (aligned text), md, csv, json. JSON is the stable interface for scripts (see README).
 */
import { COMPARATOR_SYMBOL, missesAdoptedBindingTarget, missesProposedBindingTarget } from '../engine/graph/target.js';
import type { IndicatorResult, ModelResult, StatedFigureCheck, Verdict } from '../engine/types.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn, formatPublished, formatSigned, formatStated } from './numbers.js';
import { problemLine, problemText } from './problems.js';
import { jsonText, safeText } from './safe-text.js';
import { csvHeader, DEFAULT_LANG, reportStrings, targetVerdictText, type Lang } from './strings.js';
import { renderTable, type Column } from './table.js';

export type Format = 'table' | 'json' | 'csv' | 'md';
export const FORMATS: Format[] = ['table', 'json', 'csv', 'md'];

export const JSON_SCHEMA_VERSION = 1;

/** `≥[61.1]`; a draft's proposed target is marked `≥[61.1]（建议）` (`mark: false` where the caller marks it itself). */
export function targetText(ind: Pick<IndicatorResult, 'target' | 'kind'>, lang?: Lang, mark = true): string {
  if (!ind.target) return '—';
  const v = formatPublished(ind.target.value);
  const text = `${COMPARATOR_SYMBOL[ind.target.op]}${ind.kind === 'cumulative' ? `[${v}]` : v}`;
  return mark && ind.target.proposed ? `${text}${reportStrings(lang).proposed.mark}` : text;
}

export function verdictText(ind: Pick<IndicatorResult, 'verdict' | 'attribute' | 'target'>, lang?: Lang): string {
  return targetVerdictText(reportStrings(lang), ind.verdict, ind.attribute === 'binding', ind.target?.proposed === true);
}

/** The line under a table that says what （建议） means, when any of its targets is a proposal. */
export function proposedLegend(indicators: Pick<IndicatorResult, 'target'>[], lang?: Lang): string | null {
  return indicators.some((i) => i.target?.proposed) ? reportStrings(lang).proposed.legend : null;
}

/** One record per indicator, the shape of `run --format json|csv`. */
export function indicatorRecord(ind: IndicatorResult) {
  return {
    id: ind.id,
    number: ind.number ?? null,
    label: ind.label,
    unit: ind.unit,
    group: ind.groupLabel ?? ind.group ?? null,
    kind: ind.kind,
    attribute: ind.attribute,
    baseline: ind.baseline,
    target_op: ind.target?.op ?? null,
    target: ind.target?.value ?? null,
    projection: ind.projection,
    verdict: ind.verdict,
    gap: ind.gap,
    chosen: ind.chosen,
    primary: ind.primary,
    // last, so the columns scripts already read keep their places
    /** the target is a draft's proposal (cesuan rollover), not an adopted one */
    proposed: ind.target?.proposed === true,
  };
}

export interface RunContext {
  scenario?: string | undefined;
  file: string;
  /** language of the human formats and the CSV header (default zh) */
  lang?: Lang;
}

export function runJson(result: ModelResult, context: RunContext) {
  return {
    version: JSON_SCHEMA_VERSION,
    model: result.modelId,
    title: result.title,
    file: context.file,
    scenario: context.scenario ?? null,
    years: result.years,
    indicators: result.indicators.map((ind) => ({ ...indicatorRecord(ind), trajectory: ind.trajectory })),
    assumptions: result.assumptions.map((a) => ({
      id: a.id,
      label: a.label,
      unit: a.unit,
      value: a.value,
      published: a.published,
      overridden: a.overridden,
    })),
    problems: result.problems.map((p) => ({
      severity: p.severity,
      field: p.field,
      message: p.message,
      position: `${p.position.file}:${p.position.line}:${p.position.col}`,
      ...(p.code ? { code: p.code } : {}),
    })),
  };
}

function runColumns(lang?: Lang): Column[] {
  const c = reportStrings(lang).columns;
  return [
    { header: c.number },
    { header: c.indicator, max: 30 },
    { header: c.unit },
    { header: c.kind },
    { header: c.attribute },
    { header: c.baseline, align: 'right' },
    { header: c.projection, align: 'right' },
    { header: c.target, align: 'right' },
    { header: c.verdict },
    { header: c.gap, align: 'right' },
  ];
}

export function renderRun(result: ModelResult, format: Format, context: RunContext): string {
  if (format === 'json') return `${jsonText(runJson(result, context), 2)}\n`;
  const records = result.indicators.map(indicatorRecord);
  if (format === 'csv') {
    const header = Object.keys(records[0] ?? indicatorRecord(result.indicators[0]!));
    return renderCsv(
      csvHeader(header, context.lang),
      records.map((r) => Object.values(r)),
    );
  }
  const t = reportStrings(context.lang);
  const columns = runColumns(context.lang);
  const rows = result.indicators.map((ind) => [
    ind.number ?? '',
    (ind.parent ? '  ' : '') + ind.label,
    ind.unit,
    t.kind[ind.kind],
    t.attribute[ind.attribute],
    formatPublished(ind.baseline),
    formatIn(ind.projection, ind.unit),
    targetText(ind, context.lang),
    verdictText(ind, context.lang),
    formatSigned(ind.gap, ind.unit, undefined, ind.target?.value),
  ]);
  const legend = proposedLegend(result.indicators, context.lang);
  const title = `${result.title}${context.scenario ? ` — ${context.scenario}` : ''}`;
  if (format === 'md') {
    return (
      safeText(`## ${title}\n\n`) +
      renderMarkdownTable(
        columns.map((c) => c.header),
        rows,
        columns.map((c) => c.align ?? 'left'),
      ) +
      (legend ? safeText(`\n${legend}\n`) : '')
    );
  }
  const adopted = result.indicators.filter(missesAdoptedBindingTarget);
  const proposals = result.indicators.filter(missesProposedBindingTarget);
  const footer =
    (adopted.length ? `\n${t.run.bindingMissed(adopted.map((i) => i.label).join(', '))}\n` : '') +
    (proposals.length ? `\n${t.run.bindingProposalMissed(proposals.map((i) => i.label).join(', '))}\n` : '');
  const overridden = result.assumptions.filter((a) => a.overridden);
  const changes = overridden.length
    ? `\n${t.run.changed(overridden.map((a) => t.run.changedOne(a.id, formatIn(a.value, a.unit, 4), formatIn(a.published, a.unit, 4))).join('; '))}\n`
    : '';
  return safeText(
    `${title}\n${t.years(result.years.base, result.years.target)}\n\n${renderTable(columns, rows)}${legend ? `${legend}\n` : ''}${changes}${footer}`,
  );
}

function statedLine(s: StatedFigureCheck, lang?: Lang): string {
  const t = reportStrings(lang);
  const e = t.explain;
  const stated = formatStated(s.stated, s.unit);
  const recomputed = s.recomputed === null ? '—' : formatIn(s.recomputed, s.unit, 4);
  return `    · ${s.label}${e.colon}${e.stated} ${stated}${e.comma}${e.recomputed} ${recomputed} (${s.substituted})${e.comma}${e.diff} ${formatSigned(s.difference, s.unit, undefined, s.stated)} → ${t.audit[s.verdict]}${s.note ? `\n      ${e.note}${s.note}` : ''}`;
}

export function renderExplain(result: ModelResult, ind: IndicatorResult, lang?: Lang): string {
  const t = reportStrings(lang);
  const e = t.explain;
  const out: string[] = [];
  out.push(
    `${ind.number ? `${ind.number}. ` : ''}${ind.label} (${ind.id}) — ${e.head(ind.unit, t.kind[ind.kind], t.attribute[ind.attribute])}`,
  );
  out.push(
    `  ${e.baseline(result.years.base)}${formatPublished(ind.baseline)}   ${e.target(result.years.target)}${targetText(ind, lang)}   ${e.chosen}${formatPublished(ind.chosen)}`,
  );
  out.push(
    `  ${e.projection(ind.primary)}${formatIn(ind.projection, ind.unit)} → ${verdictText(ind, lang)}${ind.gap !== null ? `${e.gap}${formatSigned(ind.gap, ind.unit, undefined, ind.target?.value)}` : ''}`,
  );
  if (ind.trajectory.length) {
    const label = ind.kind === 'cumulative' ? e.yearly : e.path;
    out.push(`  ${label}${e.colon}${ind.trajectory.map((p) => `${p.year} ${formatIn(p.value, ind.unit)}`).join(' · ')}`);
  }
  for (const d of ind.derivations) {
    out.push('');
    out.push(
      `  ${d.id === ind.primary ? '▶' : '·'} ${d.label} [${d.id}]${d.status !== 'reproducible' ? ` — ${d.status === 'not_reproducible' ? e.notReproducible : e.noNumbers}` : ''}`,
    );
    if (d.formula !== null) {
      out.push(`    ${e.formula}${d.formula}`);
      out.push(`           = ${d.substituted}`);
      out.push(`           = ${formatIn(d.value, ind.unit, 4)} ${ind.unit}`);
    }
    if (d.assumptions.length) out.push(`    ${e.assumptionsUsed}${d.assumptions.join(', ')}`);
    if (d.stated.length) out.push(`    ${e.statedFigures}`);
    for (const s of d.stated) out.push(statedLine(s, lang));
    for (const c of d.computed) out.push(`    = ${c.label}${e.colon}${formatIn(c.value, c.unit, 4)} (${c.substituted})`);
    if (d.note) out.push(`    ${e.note}${d.note}`);
    out.push(`    「${d.quote}」`);
  }
  if (ind.checks.length) {
    out.push('');
    out.push(`  ${e.checks}`);
    for (const s of ind.checks) out.push(statedLine(s, lang), `      「${s.quote ?? ''}」`);
  }
  if (ind.findings.length) {
    out.push('');
    out.push(`  ${e.findings}${ind.findings.map((f) => problemText(f, lang ?? DEFAULT_LANG)).join('; ')}`);
  }
  const used = new Set(ind.derivations.flatMap((d) => d.assumptions));
  const assumptions = result.assumptions.filter((a) => used.has(a.id));
  if (assumptions.length) {
    out.push('');
    out.push(`  ${e.assumptions}`);
    for (const a of assumptions) {
      out.push(
        `    ${a.id} = ${formatIn(a.value, a.unit, 4)}${a.overridden ? e.published(formatIn(a.published, a.unit, 4)) : ''} — ${a.label}${a.range ? ` [${formatIn(a.range[0], a.unit)} … ${formatIn(a.range[1], a.unit)}]` : ''}`,
      );
      if (a.backSolved) out.push(`      ${e.backSolved}${a.backSolved}`);
    }
  }
  return safeText(`${out.join('\n')}\n`);
}

export function auditRecords(result: ModelResult) {
  return result.audit.map((s) => ({
    indicator: s.indicator,
    derivation: s.derivation,
    label: s.label,
    unit: s.unit ?? null,
    stated: s.stated,
    recomputed: s.recomputed,
    difference: s.difference,
    tolerance: s.tolerance,
    verdict: s.verdict,
    expr: s.expr,
    quote: s.quote ?? null,
    note: s.note ?? null,
  }));
}

export function auditSummary(result: ModelResult): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { match: 0, rounding: 0, approximate: 0, mismatch: 0, not_reproducible: 0 };
  for (const s of result.audit) counts[s.verdict]++;
  return counts;
}

export function renderAudit(result: ModelResult, format: Format, context: RunContext): string {
  const records = auditRecords(result);
  if (format === 'json') {
    return `${jsonText({ version: JSON_SCHEMA_VERSION, model: result.modelId, file: context.file, summary: auditSummary(result), figures: records, problems: runJson(result, context).problems }, 2)}\n`;
  }
  if (format === 'csv')
    return renderCsv(
      csvHeader(Object.keys(records[0] ?? { indicator: '' }), context.lang),
      records.map((r) => Object.values(r)),
    );
  const t = reportStrings(context.lang);
  const a = t.auditReport;
  const labels = new Map(result.indicators.map((i) => [i.id, i.label]));
  const rows = result.audit.map((s) => [
    labels.get(s.indicator) ?? s.indicator,
    s.derivation ?? a.check,
    s.label,
    formatStated(s.stated, s.unit),
    s.recomputed === null ? '—' : formatIn(s.recomputed, s.unit, 4),
    formatSigned(s.difference, s.unit, undefined, s.stated),
    t.audit[s.verdict],
    s.quote ?? '',
  ]);
  const c = a.columns;
  const header = [c.indicator, c.basis, c.figure, c.stated, c.recomputed, c.diff, c.verdict, c.quote];
  const summary = auditSummary(result);
  const summaryLine = `${a.summary(result.audit.length, (Object.entries(summary) as [Verdict, number][]).map(([k, v]) => a.summaryPart(v, k)).join(t.listSep))}\n`;
  if (format === 'md') return safeText(`## ${a.title(result.title)}\n\n${summaryLine}\n`) + renderMarkdownTable(header, rows);
  const columns: Column[] = [
    { header: c.indicator, max: 18 },
    { header: c.basis },
    { header: c.figure, max: 28 },
    { header: c.stated, align: 'right' },
    { header: c.recomputed, align: 'right' },
    { header: c.diff, align: 'right' },
    { header: c.verdict },
    { header: c.quote, max: 48 },
  ];
  const notes =
    result.indicators.length && result.problems.length
      ? `\n${result.problems.map((p) => problemLine(p, context.lang ?? DEFAULT_LANG)).join('\n')}\n`
      : '';
  return safeText(`${a.title(result.title)}\n${summaryLine}\n${renderTable(columns, rows)}${notes}`);
}
