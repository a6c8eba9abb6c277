/**
 * How the uncertainty toggle's numbers look (useUncertainty computes them): the P10–P90 band and P(met)
 * cells, the detail view's band line and the status line under the overview. P(met) is printed and
 * flagged as `cesuan mc` prints it: one decimal of a percent; a binding target below the threshold gets !!.
 */
import type { IndicatorUncertainty } from '../../engine/uncertainty/sample.js';
import { formatProbability, formatThreshold } from '../../report/numbers.js';
import { formatIndicator, textWidth } from '../format.js';
import type { UncertaintyView } from '../hooks/use-uncertainty.js';
import type { Strings } from '../strings.js';
import type { Row, Seg } from './line.js';

/** The band and P(met) cells of an indicator's row (Overview, Compare). */
export function uncertaintyCells(u: IndicatorUncertainty | undefined, threshold: number, s: Strings): { band: Seg; pMet: Seg } {
  if (!u) return { band: { text: '—', dim: true }, pMet: { text: '—', dim: true } };
  return {
    band: { text: bandText(u, s), ...bandCell(u) },
    pMet: { text: pMetText(u), ...pMetStyle(u, threshold) },
  };
}

export function bandText(u: IndicatorUncertainty, s: Strings): string {
  if (!u.summary) return '—';
  if (!u.varies) return s.uncertainty.fixed;
  return `${formatIndicator(u.summary.p10, u.unit)}–${formatIndicator(u.summary.p90, u.unit)}`;
}

export function bandCell(u: IndicatorUncertainty | undefined): Omit<Seg, 'text'> {
  return u?.varies ? { color: 'cyan' } : { dim: true };
}

export function pMetText(u: IndicatorUncertainty): string {
  if (!u.summary) return '—';
  return `${formatProbability(u.pMet)}${u.flagged ? ' !!' : ''}`;
}

/** flagged: loud as a missed binding target; otherwise green when likely, yellow when a coin toss or worse */
export function pMetStyle(u: IndicatorUncertainty | undefined, threshold: number): Omit<Seg, 'text'> {
  if (!u || u.pMet === null || !u.summary) return { dim: true };
  if (u.flagged) return { color: 'red', bold: true, inverse: true };
  const dim = u.varies ? {} : { dim: true };
  if (u.pMet >= threshold) return { color: 'green', ...dim };
  if (u.pMet < 0.5) return { color: 'yellow', ...dim };
  return dim;
}

/** `N=2000 · …` under the overview: the flagged binding targets, or how many distributions; problems. */
export function uncertaintyStatusRow(view: UncertaintyView, s: Strings): Row | null {
  switch (view.status) {
    case 'off': return null;
    case 'none': return [{ text: s.uncertainty.noneLoaded, color: 'yellow' }];
    case 'error': return [{ text: s.uncertainty.failed(view.message), color: 'red', bold: true }];
    case 'on': {
      const { run, refining } = view.bands;
      const row: Row = [{ text: s.uncertainty.samples(run.samples, refining), color: 'cyan' }, { text: ' · ' }];
      const flagged = run.indicators.filter((i) => i.flagged);
      if (flagged.length) {
        row.push({ text: s.uncertainty.flagged(formatThreshold(run.threshold), flagged.map((i) => `${i.label} ${formatProbability(i.pMet)}`).join('、')), color: 'red', bold: true });
      } else row.push({ text: s.uncertainty.distributions(run.assumptions.length), dim: true });
      const failures = run.problems.reduce((n, p) => n + p.count, 0);
      if (failures) row.push({ text: ` · ${s.uncertainty.problems(failures)}`, color: 'yellow' });
      return row;
    }
  }
}

/**
 * The detail view's rows under the projection: band and P50, then P(met) (flagged) and the sample count —
 * one row when it fits the width, else two; the status (no distributions, an error) when there are no bands.
 */
export function detailBandRows(indicator: string, view: UncertaintyView, s: Strings, width: number): Row[] {
  const u = view.status === 'on' ? view.bands.byId.get(indicator) : undefined;
  if (view.status !== 'on' || !u) {
    const status = uncertaintyStatusRow(view, s);
    return status ? [status] : [];
  }
  const bands = view.bands;
  const band: Row = [{ text: `${s.columns.band} `, dim: true }];
  if (!u.summary) band.push({ text: '—', dim: true });
  else if (!u.varies) band.push({ text: s.uncertainty.notVarying, dim: true });
  else {
    band.push({ text: bandText(u, s), color: 'cyan', bold: true });
    band.push({ text: ` (P50 ${formatIndicator(u.summary.p50, u.unit)})`, dim: true });
  }
  const met: Row = [];
  if (u.summary && u.pMet !== null) {
    met.push({ text: `${s.uncertainty.pMet} `, dim: true });
    met.push({ text: formatProbability(u.pMet), ...pMetStyle(u, bands.run.threshold) });
    if (u.flagged) met.push({ text: ` ${s.uncertainty.flag(formatThreshold(bands.run.threshold))}`, color: 'red', bold: true });
    met.push({ text: '   ' });
  }
  met.push({ text: s.uncertainty.samples(bands.run.samples, bands.refining), dim: true });
  const one: Row = [...band, { text: '   ' }, ...met];
  return rowWidth(one) <= width ? [one] : [band, met];
}

function rowWidth(row: Row): number {
  return row.reduce((w, seg) => w + textWidth(seg.text), 0);
}
