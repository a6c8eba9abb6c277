/**
 * Mid-term monitoring (中期评估): actuals against the planned path, and what the remaining years now require.
 *
 * With actuals up to year L, n = target year − L remaining years, `last` the latest actual (stock, rate) or the
 * sum of the actuals so far (cumulative), and e = L − base year elapsed years:
 *
 *     deviation(y)      = actual(y) − planned(y)                        (planned: the indicator's trajectory)
 *     required, stock   = (target / last)^(1/n) − 1                      growth a year still needed
 *     required, cum.    = (target − Σ actuals) / n                       amount a year still needed
 *     required, rate    = (target − last) / n                            change a year (percentage points)
 *     pace, stock       = (last / baseline)^(1/e) − 1                    growth achieved so far
 *     pace, cumulative  = Σ actuals / e                                  amount achieved a year
 *     pace, rate        = (last − baseline) / e
 *     at pace           = last × (1 + pace)^n | Σ + pace × n | last + pace × n   (the target year at that pace)
 *
 * Verdict — "at the pace achieved so far, where does the target year end?":
 *     on track   the value at pace meets the target (honouring its comparator; ≈ within its tolerance)
 *     at risk    it misses, by no more than AT_RISK_SHORTFALL (5%) of the target value
 *     off track  it misses by more than that
 *     no target  the indicator has no target: deviations only
 * With no years left (n = 0) the value at pace is `last` itself.
 *
 * Example: 工伤保险 (郑州, target ≥ 210) with actuals 199 (2021) and 202 (2022): required growth
 * (210/202)^(1/3) − 1 ≈ 1.30% a year; pace (202/195.97)^(1/2) − 1 ≈ 1.53% → 202 × 1.0153³ ≈ 211.4 → on track.
 */
import type { Comparator } from '../../model/schema.js';
import { defaultDomain, domainText } from '../graph/domain.js';
import { meetsTarget } from '../graph/target.js';
import type { IndicatorHead, IndicatorResult } from '../types.js';
import { indicatorHead } from './head.js';

/** A miss of at most this share of the target value is "at risk"; more is "off track". */
export const AT_RISK_SHORTFALL = 0.05;

export type TrackVerdict = 'on_track' | 'at_risk' | 'off_track' | 'no_target';

export interface TrackYear {
  year: number;
  actual: number | null;
  /** the planned path (stock/rate: year-end value; cumulative: that year's amount) */
  planned: number | null;
  /** actual − planned */
  deviation: number | null;
  /** cumulative: Σ actuals to this year; Σ planned to this year */
  actualToDate: number | null;
  plannedToDate: number | null;
}

export interface IndicatorTrack extends IndicatorHead {
  years: TrackYear[];
  lastYear: number;
  /** stock/rate: the latest actual; cumulative: Σ actuals */
  last: number;
  /** deviation of `last` from the planned path at lastYear (cumulative: of the sums) */
  deviation: number | null;
  elapsed: number;
  remaining: number;
  /** what `required` and `pace` measure */
  measure: 'growth' | 'amount' | 'change';
  /** growth / amount / change a year needed in the remaining years; null without a target or years left */
  required: number | null;
  /** the same measure on the planned path over the remaining years (what the plan itself assumes) */
  plannedRequired: number | null;
  /** growth / amount / change a year achieved so far; null without a starting value */
  pace: number | null;
  /** the target-year value at the pace achieved so far */
  atPace: number | null;
  /** how far atPace misses the target, as a share of the target value (0 when met) */
  shortfall: number | null;
  verdict: TrackVerdict;
}

export interface ActualsIssue {
  indicator: string;
  year?: string;
  message: string;
}

/**
 * Problems with a scenario's `actuals` (unknown indicators, years outside the plan, gaps in cumulative years,
 * values that are not finite or outside the indicator's domain: `domains` by indicator id, else from its unit).
 */
export function checkActuals(
  indicators: (Pick<IndicatorResult, 'id' | 'kind'> & { unit?: string })[],
  actuals: Record<string, Record<string, number>>,
  years: { base: number; target: number },
  domains: Record<string, [number, number]> = {},
): ActualsIssue[] {
  const issues: ActualsIssue[] = [];
  const byId = new Map(indicators.map((i) => [i.id, i]));
  for (const [id, series] of Object.entries(actuals)) {
    const ind = byId.get(id);
    if (!ind) {
      issues.push({
        indicator: id,
        message: `"${id}" is not an indicator of the model (indicators: ${[...byId.keys()].slice(0, 12).join(', ')}${byId.size > 12 ? ', …' : ''})`,
      });
      continue;
    }
    const ys = Object.keys(series)
      .map(Number)
      .sort((a, b) => a - b);
    if (ys.length === 0) issues.push({ indicator: id, message: 'no years given' });
    const domain = domains[id] ?? (ind.unit === undefined ? undefined : defaultDomain(ind.unit));
    for (const [y, v] of Object.entries(series)) {
      const unit = ind.unit ? ` ${ind.unit}` : '';
      if (!Number.isFinite(v)) issues.push({ indicator: id, year: y, message: `${v} is not a finite number` });
      else if (domain && (v < domain[0] || v > domain[1]))
        issues.push({ indicator: id, year: y, message: `${v}${unit} is outside the indicator's domain ${domainText(domain)}` });
    }
    for (const y of ys) {
      if (y <= years.base || y > years.target) {
        issues.push({
          indicator: id,
          year: String(y),
          message: `${y} is outside the plan years ${years.base + 1}–${years.target} (${years.base} is the base year)`,
        });
      }
    }
    if (ind.kind === 'cumulative') {
      const missing = ys.length
        ? Array.from({ length: ys[ys.length - 1]! - years.base }, (_, i) => years.base + 1 + i).filter((y) => !ys.includes(y))
        : [];
      if (missing.length) {
        issues.push({
          indicator: id,
          message: `a cumulative indicator needs every year from ${years.base + 1} to its last actual; missing ${missing.join(', ')}`,
        });
      }
    }
  }
  return issues;
}

/**
 * The first track whose figures overflowed (an actual so large that sums, growth or the pace carried to the
 * target year are no longer finite): such a track must not give a verdict.
 */
export function overflowIn(tracks: IndicatorTrack[]): ActualsIssue | undefined {
  for (const t of tracks) {
    const figures = [
      t.last,
      t.deviation,
      t.required,
      t.plannedRequired,
      t.pace,
      t.atPace,
      t.shortfall,
      ...t.years.flatMap((y) => [y.deviation, y.actualToDate]),
    ];
    if (figures.every((f) => f === null || Number.isFinite(f))) continue;
    const year = t.years.filter((y) => y.actual !== null).reduce((a, b) => (Math.abs(b.actual!) > Math.abs(a.actual!) ? b : a));
    return {
      indicator: t.id,
      year: String(year.year),
      message: `${year.actual}${t.unit ? ` ${t.unit}` : ''} is too large to track (the figures overflow)`,
    };
  }
  return undefined;
}

/** How far `value` misses the target, as a share of the target value; 0 when it meets it. */
export function shortfallOf(value: number, target: { op: Comparator; value: number; tolerance?: number }): number {
  if (meetsTarget(value, target.op, target.value, target.tolerance)) return 0;
  const band = target.op === '≈' ? (target.tolerance ?? 0.02 * Math.abs(target.value)) : 0;
  return Math.max(0, Math.abs(value - target.value) - band) / Math.max(Math.abs(target.value), Number.MIN_VALUE);
}

export function verdictFor(shortfall: number | null, hasTarget: boolean): TrackVerdict {
  if (!hasTarget || shortfall === null) return 'no_target';
  if (shortfall === 0) return 'on_track';
  return shortfall <= AT_RISK_SHORTFALL ? 'at_risk' : 'off_track';
}

/** Track one indicator; `actuals` maps year ("2021") → value, already checked by checkActuals. */
export function trackIndicator(
  ind: IndicatorResult,
  actuals: Record<string, number>,
  years: { base: number; target: number },
): IndicatorTrack {
  const planned = new Map(ind.trajectory.map((p) => [p.year, p.value]));
  const actual = new Map(Object.entries(actuals).map(([y, v]) => [Number(y), v]));
  const lastYear = Math.max(...actual.keys());
  const cumulative = ind.kind === 'cumulative';
  const rows: TrackYear[] = [];
  let actualSum = 0;
  let plannedSum: number | null = 0;
  for (let y = years.base + 1; y <= years.target; y++) {
    const a = actual.get(y) ?? null;
    const p = planned.get(y) ?? null;
    if (cumulative) {
      if (a !== null) actualSum += a;
      plannedSum = plannedSum === null || p === null ? null : plannedSum + p;
    }
    rows.push({
      year: y,
      actual: a,
      planned: p,
      deviation: a !== null && p !== null ? a - p : null,
      actualToDate: cumulative && y <= lastYear ? actualSum : null,
      plannedToDate: cumulative ? plannedSum : null,
    });
  }
  const elapsed = lastYear - years.base;
  const remaining = years.target - lastYear;
  const lastRow = rows.find((r) => r.year === lastYear)!;
  const last = cumulative ? lastRow.actualToDate! : lastRow.actual!;
  const deviation = cumulative ? (lastRow.plannedToDate === null ? null : last - lastRow.plannedToDate) : lastRow.deviation;
  const start = ind.baseline ?? planned.get(years.base) ?? null;
  const geometric = ind.kind === 'stock' && last > 0 && (start === null || start > 0);
  const measure: IndicatorTrack['measure'] = cumulative ? 'amount' : geometric ? 'growth' : 'change';

  // what the remaining years need, and what the plan's own path assumes for them
  const target = ind.target;
  const plannedEnd = ind.projection;
  const plannedAtLast = cumulative ? lastRow.plannedToDate : lastRow.planned;
  const need = (from: number, to: number): number => (measure === 'growth' ? (to / from) ** (1 / remaining) - 1 : (to - from) / remaining);
  const required = target && remaining > 0 && (measure !== 'growth' || target.value > 0) ? need(last, target.value) : null;
  const plannedRequired =
    plannedEnd !== null && plannedAtLast !== null && remaining > 0 && (measure !== 'growth' || (plannedAtLast > 0 && plannedEnd > 0))
      ? need(plannedAtLast, plannedEnd)
      : null;

  // the pace achieved so far, carried to the target year
  let pace: number | null = null;
  if (cumulative) pace = actualSum / elapsed;
  else if (start !== null) pace = measure === 'growth' ? (last / start) ** (1 / elapsed) - 1 : (last - start) / elapsed;
  let atPace: number | null = null;
  if (remaining === 0) atPace = last;
  else if (pace !== null) atPace = measure === 'growth' ? last * (1 + pace) ** remaining : last + pace * remaining;

  const shortfall = target && atPace !== null ? shortfallOf(atPace, target) : null;
  return {
    ...indicatorHead(ind),
    years: rows,
    lastYear,
    last,
    deviation,
    elapsed,
    remaining,
    measure,
    required,
    plannedRequired,
    pace,
    atPace,
    shortfall,
    verdict: verdictFor(shortfall, target !== null),
  };
}

/** Track every indicator that has actuals, in model order. */
export function trackResult(
  indicators: IndicatorResult[],
  actuals: Record<string, Record<string, number>>,
  years: { base: number; target: number },
): IndicatorTrack[] {
  return indicators.filter((i) => actuals[i.id] && Object.keys(actuals[i.id]!).length).map((i) => trackIndicator(i, actuals[i.id]!, years));
}
