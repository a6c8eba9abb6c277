/**
 * Goal-seek results: the assumption value that makes an indicator reach its target, or a plain statement that
 * no value in the range does (with the projections at both ends of the range).
 */
import type { SolveOutcome } from '../engine/planning/solve.js';
import type { AssumptionState, IndicatorResult } from '../engine/types.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn } from './numbers.js';
import { JSON_SCHEMA_VERSION, type Format } from './results.js';

export interface SolveContext {
  model: string;
  scenario: string | null;
  indicator: IndicatorResult;
  assumption: AssumptionState;
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
    projection: outcome.status === 'solved' ? outcome.projection : null,
    target: outcome.target,
    iterations: outcome.status === 'solved' ? outcome.iterations : null,
    current_value: assumption.value,
    current_projection: indicator.projection,
    range_from: outcome.status === 'no_solution' ? outcome.range[0] : assumption.range?.[0] ?? null,
    range_to: outcome.status === 'no_solution' ? outcome.range[1] : assumption.range?.[1] ?? null,
    projection_at_from: outcome.status === 'no_solution' ? outcome.projections[0] : null,
    projection_at_to: outcome.status === 'no_solution' ? outcome.projections[1] : null,
    reason: outcome.status === 'no_solution' ? outcome.reason : null,
  };
}

export function renderSolve(outcome: SolveOutcome, context: SolveContext, format: Format): string {
  const record = solveRecord(outcome, context);
  if (format === 'json') return JSON.stringify({ version: JSON_SCHEMA_VERSION, ...record }, null, 2) + '\n';
  if (format === 'csv') return renderCsv(Object.keys(record), [Object.values(record)]);
  const { indicator: ind, assumption: a } = context;
  const v = (x: number) => formatIn(x, a.unit, 4);
  const p = (x: number | null) => `${formatIn(x, ind.unit, 4)} ${ind.unit}`;
  const head = `${ind.label} (${ind.id}) → ${formatIn(outcome.target, undefined, 4)} ${ind.unit}, solving for ${a.label} (${a.id})`;
  const lines: string[] = [];
  if (outcome.status === 'solved') {
    lines.push(`solved: ${a.id} = ${v(outcome.value)}  (${outcome.value})`);
    lines.push(`projection there: ${p(outcome.projection)}  (Brent, ${outcome.iterations} iterations)`);
    lines.push(`now: ${a.id} = ${v(a.value)} → ${p(ind.projection)}`);
  } else {
    lines.push(`NO SOLUTION: ${outcome.reason}`);
    lines.push(`range searched: ${v(outcome.range[0])} … ${v(outcome.range[1])} → projection ${p(outcome.projections[0])} … ${p(outcome.projections[1])}`);
    lines.push(`now: ${a.id} = ${v(a.value)} → ${p(ind.projection)}`);
  }
  if (format === 'md') {
    return `## ${head}\n\n` + renderMarkdownTable(['', ''], lines.map((l) => {
      const i = l.indexOf(': ');
      return [l.slice(0, i), l.slice(i + 2)];
    }));
  }
  return `${head}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}
