/**
 * Goal-seek results: the assumption value that makes an indicator reach its target, or a plain statement that
 * no value in the range does (with the projections at both ends of the range).
 */
import type { SolveOutcome } from '../engine/planning/solve.js';
import type { AssumptionState, IndicatorResult } from '../engine/types.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn, formatNumber } from './numbers.js';
import { JSON_SCHEMA_VERSION, type Format } from './results.js';
import { jsonText, safeText } from './safe-text.js';
import { csvHeader, reportStrings, type Lang } from './strings.js';

export interface SolveContext {
  model: string;
  scenario: string | null;
  indicator: IndicatorResult;
  assumption: AssumptionState;
  lang?: Lang;
}

export function solveRecord(outcome: SolveOutcome, context: SolveContext) {
  const { indicator, assumption } = context;
  return {
    model: context.model,
    scenario: context.scenario,
    indicator: indicator.id,
    assumption: assumption.id,
    status: outcome.status,
    value: outcome.status === 'solved' ? outcome.value : null,
    /** the root before rounding to the shown precision (value is rounded to the side that meets the target) */
    exact_value: outcome.status === 'solved' ? outcome.exact : null,
    projection: outcome.status === 'solved' ? outcome.projection : null,
    target: outcome.target,
    iterations: outcome.status === 'solved' ? outcome.iterations : null,
    current_value: assumption.value,
    current_projection: indicator.projection,
    // the range searched (--range, else the assumption's own)
    range_from: outcome.range[0],
    range_to: outcome.range[1],
    projection_at_from: outcome.status === 'no_solution' ? outcome.projections[0] : null,
    projection_at_to: outcome.status === 'no_solution' ? outcome.projections[1] : null,
    reason: outcome.status === 'no_solution' ? outcome.reason : null,
  };
}

export function renderSolve(outcome: SolveOutcome, context: SolveContext, format: Format): string {
  const record = solveRecord(outcome, context);
  if (format === 'json') return `${jsonText({ version: JSON_SCHEMA_VERSION, ...record }, 2)}\n`;
  if (format === 'csv') return renderCsv(csvHeader(Object.keys(record), context.lang), [Object.values(record)]);
  const { indicator: ind, assumption: a } = context;
  const t = reportStrings(context.lang);
  const w = t.solve;
  const v = (x: number) => formatIn(x, a.unit, 4);
  const p = (x: number | null) => `${formatIn(x, ind.unit, 4)} ${ind.unit}`;
  const head = w.head(ind.label, ind.id, formatIn(outcome.target, undefined, 4), ind.unit, a.label, a.id);
  const lines: [string, string][] = [];
  if (outcome.status === 'solved') {
    lines.push([w.solved, `${a.id} = ${v(outcome.value)}  (${formatNumber(outcome.value, 12)})`]);
    lines.push([w.projectionThere, `${p(outcome.projection)}  (${w.brent(outcome.iterations)})`]);
    lines.push([w.now, `${a.id} = ${v(a.value)} → ${p(ind.projection)}`]);
  } else {
    const n = (x: number) => formatNumber(x, 6);
    const reason = /does not depend/.test(outcome.reason)
      ? w.noDependency(ind.id, a.id)
      : w.unreachable(n(outcome.range[0]), n(outcome.range[1]), n(outcome.target), n(outcome.projections[0]), n(outcome.projections[1]));
    lines.push([w.noSolution, reason]);
    lines.push([
      w.searched,
      `${v(outcome.range[0])} … ${v(outcome.range[1])} → ${w.projection} ${p(outcome.projections[0])} … ${p(outcome.projections[1])}`,
    ]);
    lines.push([w.now, `${a.id} = ${v(a.value)} → ${p(ind.projection)}`]);
  }
  if (format === 'md') return safeText(`## ${head}\n\n`) + renderMarkdownTable(['', ''], lines);
  return safeText(`${head}\n${lines.map(([label, text]) => `  ${label}${t.explain.colon}${text}`).join('\n')}\n`);
}
