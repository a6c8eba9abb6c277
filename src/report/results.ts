/**
 * Render a ModelResult: the run table, the explanation of one indicator, the stated-figure audit.
 * Formats: table (aligned text), md, csv, json. JSON is the stable interface for scripts (see README).
 */
import { COMPARATOR_SYMBOL } from '../engine/graph/target.js';
import type { IndicatorResult, ModelResult, StatedFigureCheck, Verdict } from '../engine/types.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn, formatPublished, formatSigned, formatStated } from './numbers.js';
import { renderTable, type Column } from './table.js';

export type Format = 'table' | 'json' | 'csv' | 'md';
export const FORMATS: Format[] = ['table', 'json', 'csv', 'md'];

export const JSON_SCHEMA_VERSION = 1;

/** 属性 as the tables print it. */
export const ATTRIBUTE_LABEL: Record<IndicatorResult['attribute'], string> = { binding: '约束性', indicative: '预期性', unknown: '属性不详' };

export function targetText(ind: Pick<IndicatorResult, 'target' | 'kind'>): string {
  if (!ind.target) return '—';
  const v = formatPublished(ind.target.value);
  return `${COMPARATOR_SYMBOL[ind.target.op]}${ind.kind === 'cumulative' ? `[${v}]` : v}`;
}

export function verdictText(ind: Pick<IndicatorResult, 'verdict' | 'attribute'>): string {
  switch (ind.verdict) {
    case 'met': return 'met';
    case 'missed': return ind.attribute === 'binding' ? 'MISSED (binding)' : 'missed';
    case 'no_target': return 'no target';
    case 'not_modelled': return 'not modelled';
  }
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
  };
}

export interface RunContext {
  scenario?: string | undefined;
  file: string;
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
    assumptions: result.assumptions.map((a) => ({ id: a.id, label: a.label, unit: a.unit, value: a.value, published: a.published, overridden: a.overridden })),
    problems: result.problems.map((p) => ({ severity: p.severity, field: p.field, message: p.message, position: `${p.position.file}:${p.position.line}:${p.position.col}` })),
  };
}

const RUN_COLUMNS: Column[] = [
  { header: '#' },
  { header: 'indicator', max: 30 },
  { header: 'unit' },
  { header: 'kind' },
  { header: 'attr' },
  { header: 'baseline', align: 'right' },
  { header: 'projection', align: 'right' },
  { header: 'target', align: 'right' },
  { header: 'verdict' },
  { header: 'gap', align: 'right' },
];

export function renderRun(result: ModelResult, format: Format, context: RunContext): string {
  if (format === 'json') return JSON.stringify(runJson(result, context), null, 2) + '\n';
  const records = result.indicators.map(indicatorRecord);
  if (format === 'csv') {
    const header = Object.keys(records[0] ?? indicatorRecord(result.indicators[0]!));
    return renderCsv(header, records.map((r) => Object.values(r)));
  }
  const rows = result.indicators.map((ind) => [
    ind.number ?? '',
    (ind.parent ? '  ' : '') + ind.label,
    ind.unit,
    ind.kind,
    ATTRIBUTE_LABEL[ind.attribute],
    formatPublished(ind.baseline),
    formatIn(ind.projection, ind.unit),
    targetText(ind),
    verdictText(ind),
    formatSigned(ind.gap, ind.unit),
  ]);
  const title = `${result.title}${context.scenario ? ` — ${context.scenario}` : ''}`;
  if (format === 'md') {
    return `## ${title}\n\n` + renderMarkdownTable(RUN_COLUMNS.map((c) => c.header), rows, RUN_COLUMNS.map((c) => c.align ?? 'left'));
  }
  const missedBinding = result.indicators.filter((i) => i.verdict === 'missed' && i.attribute === 'binding');
  const footer = missedBinding.length ? `\n!! binding targets missed: ${missedBinding.map((i) => i.label).join(', ')}\n` : '';
  const overridden = result.assumptions.filter((a) => a.overridden);
  const changes = overridden.length
    ? `\nassumptions changed: ${overridden.map((a) => `${a.id} = ${formatIn(a.value, a.unit, 4)} (published ${formatIn(a.published, a.unit, 4)})`).join('; ')}\n`
    : '';
  return `${title}\n${result.years.base} → ${result.years.target}\n\n${renderTable(RUN_COLUMNS, rows)}${changes}${footer}`;
}

export const VERDICT_MARK: Record<Verdict, string> = {
  match: '✓ match',
  rounding: '✓ rounding',
  approximate: '≈ approximate',
  mismatch: '✗ MISMATCH',
  not_reproducible: '? not reproducible',
};

function statedLine(s: StatedFigureCheck): string {
  const stated = formatStated(s.stated, s.unit);
  const recomputed = s.recomputed === null ? '—' : formatIn(s.recomputed, s.unit, s.unit === 'ratio' ? 4 : 4);
  return `    · ${s.label}: stated ${stated}, recomputed ${recomputed} (${s.substituted}), diff ${formatSigned(s.difference, s.unit)} → ${VERDICT_MARK[s.verdict]}${s.note ? `\n      note: ${s.note}` : ''}`;
}

export function renderExplain(result: ModelResult, ind: IndicatorResult): string {
  const out: string[] = [];
  out.push(`${ind.number ? `${ind.number}. ` : ''}${ind.label} (${ind.id}) — ${ind.unit}, ${ind.kind}, ${ATTRIBUTE_LABEL[ind.attribute]} ${ind.attribute}`);
  out.push(`  baseline ${result.years.base}: ${formatPublished(ind.baseline)}   target ${result.years.target}: ${targetText(ind)}   chosen: ${formatPublished(ind.chosen)}`);
  out.push(`  projection (${ind.primary ?? 'no primary derivation'}): ${formatIn(ind.projection, ind.unit)} → ${verdictText(ind)}${ind.gap !== null ? `, gap ${formatSigned(ind.gap, ind.unit)}` : ''}`);
  if (ind.trajectory.length) {
    const label = ind.kind === 'cumulative' ? 'yearly amounts' : 'path';
    out.push(`  ${label}: ${ind.trajectory.map((p) => `${p.year} ${formatIn(p.value, ind.unit)}`).join(' · ')}`);
  }
  for (const d of ind.derivations) {
    out.push('');
    out.push(`  ${d.id === ind.primary ? '▶' : '·'} ${d.label} [${d.id}]${d.status !== 'reproducible' ? ` — ${d.status === 'not_reproducible' ? 'NOT REPRODUCIBLE from the document' : 'no numbers in the document'}` : ''}`);
    if (d.formula !== null) {
      out.push(`    formula: ${d.formula}`);
      out.push(`           = ${d.substituted}`);
      out.push(`           = ${formatIn(d.value, ind.unit, 4)} ${ind.unit}`);
    }
    if (d.assumptions.length) out.push(`    assumptions: ${d.assumptions.join(', ')}`);
    if (d.stated.length) out.push('    stated figures:');
    for (const s of d.stated) out.push(statedLine(s));
    for (const c of d.computed) out.push(`    = ${c.label}: ${formatIn(c.value, c.unit, 4)} (${c.substituted})`);
    if (d.note) out.push(`    note: ${d.note}`);
    out.push(`    「${d.quote}」`);
  }
  if (ind.checks.length) {
    out.push('');
    out.push('  consistency checks:');
    for (const s of ind.checks) out.push(statedLine(s), `      「${s.quote ?? ''}」`);
  }
  if (ind.findings.length) {
    out.push('');
    out.push(`  findings: ${ind.findings.join('; ')}`);
  }
  const used = new Set(ind.derivations.flatMap((d) => d.assumptions));
  const assumptions = result.assumptions.filter((a) => used.has(a.id));
  if (assumptions.length) {
    out.push('');
    out.push('  assumptions:');
    for (const a of assumptions) {
      out.push(`    ${a.id} = ${formatIn(a.value, a.unit, 4)}${a.overridden ? ` (published ${formatIn(a.published, a.unit, 4)})` : ''} — ${a.label}${a.range ? ` [${formatIn(a.range[0], a.unit)} … ${formatIn(a.range[1], a.unit)}]` : ''}`);
      if (a.backSolved) out.push(`      BACK-SOLVED: ${a.backSolved}`);
    }
  }
  return out.join('\n') + '\n';
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
    return JSON.stringify({ version: JSON_SCHEMA_VERSION, model: result.modelId, file: context.file, summary: auditSummary(result), figures: records, problems: runJson(result, context).problems }, null, 2) + '\n';
  }
  if (format === 'csv') return renderCsv(Object.keys(records[0] ?? { indicator: '' }), records.map((r) => Object.values(r)));
  const labels = new Map(result.indicators.map((i) => [i.id, i.label]));
  const rows = result.audit.map((s) => [
    labels.get(s.indicator) ?? s.indicator,
    s.derivation ?? '(check)',
    s.label,
    formatStated(s.stated, s.unit),
    s.recomputed === null ? '—' : formatIn(s.recomputed, s.unit, 4),
    formatSigned(s.difference, s.unit),
    VERDICT_MARK[s.verdict],
    s.quote ?? '',
  ]);
  const header = ['indicator', 'basis', 'figure', 'stated', 'recomputed', 'diff', 'verdict', 'quote'];
  const summary = auditSummary(result);
  const summaryLine = `${result.audit.length} stated figures: ${Object.entries(summary).map(([k, v]) => `${v} ${k.replace('_', ' ')}`).join(', ')}\n`;
  if (format === 'md') return `## Audit — ${result.title}\n\n${summaryLine}\n` + renderMarkdownTable(header, rows);
  const columns: Column[] = [
    { header: 'indicator', max: 18 }, { header: 'basis' }, { header: 'figure', max: 28 }, { header: 'stated', align: 'right' },
    { header: 'recomputed', align: 'right' }, { header: 'diff', align: 'right' }, { header: 'verdict' }, { header: 'quote', max: 48 },
  ];
  const notes = result.indicators.length && (result.problems.length)
    ? '\n' + result.problems.map((p) => `${p.severity}: ${p.position.file}:${p.position.line}:${p.position.col}: ${p.field}: ${p.message}`).join('\n') + '\n'
    : '';
  return `Audit — ${result.title}\n${summaryLine}\n${renderTable(columns, rows)}${notes}`;
}
