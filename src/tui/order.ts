/**
 * The order things are shown in: indicators grouped as the plan groups them, the model's own assumptions
 * before imported ones, and for one indicator the assumptions of its primary derivation first.
 */
import type { AssumptionState, IndicatorResult, ModelResult } from '../engine/types.js';
import type { LoadedModel } from '../model/load.js';

export type OverviewRow = { type: 'group'; label: string } | { type: 'indicator'; indicator: IndicatorResult; index: number };

/** Indicators in display order with a heading row before each group. */
export function overviewRows(result: ModelResult, model: LoadedModel, otherLabel: string): OverviewRow[] {
  const groups = model.spec.groups.map((g) => ({ id: g.id as string | undefined, label: g.label }));
  const known = new Set(groups.map((g) => g.id));
  if (result.indicators.some((i) => !i.group || !known.has(i.group))) groups.push({ id: undefined, label: otherLabel });
  const rows: OverviewRow[] = [];
  let index = 0;
  for (const g of groups) {
    const members = result.indicators.filter((i) => (g.id === undefined ? !i.group || !known.has(i.group) : i.group === g.id));
    if (!members.length) continue;
    if (groups.length > 1 || g.id !== undefined) rows.push({ type: 'group', label: g.label });
    for (const indicator of members) rows.push({ type: 'indicator', indicator, index: index++ });
  }
  return rows;
}

export function indicatorOrder(rows: OverviewRow[]): IndicatorResult[] {
  return rows.flatMap((r) => (r.type === 'indicator' ? [r.indicator] : []));
}

/** The model's own assumptions first, then those of imported models, each in model order. */
export function assumptionOrder(result: ModelResult): AssumptionState[] {
  const own = result.assumptions.filter((a) => !a.id.includes('.'));
  const imported = result.assumptions.filter((a) => a.id.includes('.'));
  return [...own, ...imported];
}

/** The assumptions an indicator depends on: its primary derivation's first, then the other derivations'. */
export function indicatorAssumptions(ind: IndicatorResult, result: ModelResult): AssumptionState[] {
  const ordered = [...ind.derivations].sort((a, b) => Number(b.id === ind.primary) - Number(a.id === ind.primary));
  const ids = [...new Set(ordered.flatMap((d) => d.assumptions))];
  const byId = new Map(result.assumptions.map((a) => [a.id, a]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Which derivations of an indicator use an assumption (ids). */
export function derivationsUsing(ind: IndicatorResult, assumption: string): string[] {
  return ind.derivations.filter((d) => d.assumptions.includes(assumption)).map((d) => d.id);
}

/** Find by id or label: exact id, exact label, id containing, label containing (case-insensitive). */
export function findIndex<T extends { id: string; label: string }>(items: T[], text: string): number {
  const q = text.trim().toLowerCase();
  if (!q) return -1;
  const tests: ((x: T) => boolean)[] = [
    (x) => x.id.toLowerCase() === q,
    (x) => x.label.toLowerCase() === q,
    (x) => x.id.toLowerCase().includes(q),
    (x) => x.label.toLowerCase().includes(q),
  ];
  for (const t of tests) {
    const i = items.findIndex(t);
    if (i >= 0) return i;
  }
  return -1;
}
