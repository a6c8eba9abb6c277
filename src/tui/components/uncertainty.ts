/**
 * How the uncertainty toggle's numbers look (useUncertainty computes them): the P10–P90 band and P(met)
 * cells, the detail view's band line and the status line under the overview. P(met) is printed and
 * flagged as `cesuan mc` prints it: one decimal of a percent; a binding target below the threshold gets !!.
 */
import type { IndicatorUncertainty } from '../../engine/uncertainty/sample.js';
import { formatProbability, formatThreshold } from '../../report/numbers.js';
import { formatAssumption, formatIndicator, textWidth } from '../format.js';
import type { Bands, UncertaintyView } from '../hooks/use-uncertainty.js';
import type { Strings } from '../strings.js';
import { wrapRow, type Row, type Seg } from './line.js';

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
  const side = outsideSide(u);
  return `${formatIndicator(u.summary.p10, u.unit)}–${formatIndicator(u.summary.p90, u.unit)}${side === 'below' ? ' ‹' : side === 'above' ? ' ›' : ''}`;
}

/**
 * Where the projection lies against its own P10–P90. The band is the spread of outcomes when the uncertain
 * assumptions are drawn from their distributions (cut to their ranges); it is not an error band around the
 * projection, so the projection can lie outside it when an assumption's value sits outside its distribution's
 * middle (a distribution centred elsewhere, or cut by the range after the value was moved to its edge).
 */
export function outsideSide(u: IndicatorUncertainty): 'below' | 'above' | null {
  if (!u.summary || u.point === null || !u.varies) return null;
  const slack = 1e-9 * Math.max(1, Math.abs(u.point));
  if (u.point < u.summary.p10 - slack) return 'below';
  if (u.point > u.summary.p90 + slack) return 'above';
  return null;
}

/** Why the projection lies outside its band: the uncertain inputs whose value is outside their own P10–P90. */
export function outsideRows(u: IndicatorUncertainty, bands: Bands, s: Strings, width: number): Row[] {
  const side = outsideSide(u);
  if (!side) return [];
  const causes = u.inputs.flatMap((key) => {
    const a = bands.byAssumption.get(key);
    if (!a || (a.point >= a.p10 && a.point <= a.p90)) return [];
    const f = (x: number) => formatAssumption(Number(x.toPrecision(4)), a.unit);
    return [
      s.uncertainty.outsideCause(
        a.label,
        f(a.point),
        f(a.p10),
        f(a.p90),
        a.truncatedTo ? `[${f(a.truncatedTo[0])}, ${f(a.truncatedTo[1])}]` : undefined,
      ),
    ];
  });
  return wrapRow(
    [{ text: s.uncertainty.outside(formatIndicator(u.point, u.unit), side === 'below', causes.join('；')), color: 'yellow' }],
    width,
    '  ',
  ).slice(0, 3);
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
    case 'off':
      return null;
    case 'none':
      return [{ text: s.uncertainty.noneLoaded, color: 'yellow' }];
    case 'error':
      return [{ text: s.uncertainty.failed(view.message), color: 'red', bold: true }];
    case 'on': {
      const { run, refining } = view.bands;
      const row: Row = [{ text: s.uncertainty.samples(run.samples, refining), color: 'cyan' }, { text: ' · ' }];
      const flagged = run.indicators.filter((i) => i.flagged);
      if (flagged.length) {
        row.push({
          text: s.uncertainty.flagged(
            formatThreshold(run.threshold),
            flagged.map((i) => `${i.label} ${formatProbability(i.pMet)}`).join('、'),
          ),
          color: 'red',
          bold: true,
        });
      } else row.push({ text: s.uncertainty.distributions(run.assumptions.length), dim: true });
      if (run.indicators.some((i) => outsideSide(i))) row.push({ text: ` · ${s.uncertainty.outsideMark}`, color: 'yellow' });
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
  const why = outsideRows(u, bands, s, width);
  return [...(rowWidth(one) <= width ? [one] : [band, met]), ...why];
}

function rowWidth(row: Row): number {
  return row.reduce((w, seg) => w + textWidth(seg.text), 0);
}
