import { describe, expect, it } from 'vitest';
import {
  Z95,
  intervalNormal,
  normalCdf,
  normalQuantile,
  pertShape,
  regularizedBeta,
  shapeOf,
  shiftDistribution,
  truncate,
} from '../../src/engine/uncertainty/distributions.js';
import { Xoshiro128 } from '../../src/engine/uncertainty/random.js';
import type { DistributionSpec } from '../../src/model/schema.js';

const draws = (spec: DistributionSpec, range?: [number, number], n = 200_000, seed = 11): Float64Array => {
  const out = new Float64Array(n);
  truncate(spec, range).fill(out, Xoshiro128.fromSeed(seed));
  return out;
};
const mean = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
const share = (xs: Float64Array, f: (x: number) => boolean) => xs.filter(f).length / xs.length;
const lowest = (xs: Float64Array) => xs.reduce((m, x) => Math.min(m, x), Number.POSITIVE_INFINITY);
const highest = (xs: Float64Array) => xs.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY);

describe('the standard normal', () => {
  // reference values: scipy.special.ndtri / ndtr
  it.each([
    [0.001, -3.090232306167813],
    [0.1, -1.2815515655446004],
    [0.975, 1.959963984540054],
    [1e-10, -6.361340902404056],
    [0.999999, 4.753424308817087],
  ])('Φ⁻¹(%d) = %d (AS 241)', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 13);
  });

  it.each([
    [-3, 0.0013498980316300933],
    [-1, 0.15865525393145707],
    [1.96, 0.9750021048517795],
    [5, 0.9999997133484281],
  ])('Φ(%d) = %d', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 14);
  });

  it('Φ(Φ⁻¹(p)) = p across (0, 1)', () => {
    for (let i = 1; i < 1000; i++) expect(Math.abs(normalCdf(normalQuantile(i / 1000)) - i / 1000)).toBeLessThan(1e-14);
  });

  it('the regularized incomplete beta matches scipy.special.betainc', () => {
    expect(regularizedBeta(0.3, 2.2, 3.8)).toBeCloseTo(0.3980278500942712, 13);
    expect(regularizedBeta(0.9, 1, 5)).toBeCloseTo(0.99999, 13);
  });
});

describe('distributions', () => {
  it('interval [a, b] is the normal with 90% of its mass in [a, b]', () => {
    const { mean: m, sd } = intervalNormal(0.02, 0.05);
    expect(m).toBeCloseTo(0.035, 15);
    expect(sd * Z95).toBeCloseTo(0.015, 15);
    const xs = draws({ dist: 'interval', to: [0.02, 0.05] });
    expect(share(xs, (x) => x >= 0.02 && x <= 0.05)).toBeCloseTo(0.9, 2);
  });

  it('triangular quantiles are the closed form; its mean is (min + mode + max) / 3', () => {
    const t = shapeOf({ dist: 'triangular', min: 0.015, mode: 0.025, max: 0.04 });
    // F(mode) = (mode − min)/(max − min) = 0.4
    expect(t.quantile(0.4)).toBeCloseTo(0.025, 15);
    expect(t.cdf(0.025)).toBeCloseTo(0.4, 15);
    expect(mean(draws({ dist: 'triangular', min: 0.015, mode: 0.025, max: 0.04 }))).toBeCloseTo(0.08 / 3, 4);
  });

  it('PERT has α = 1 + 4(mode − min)/(max − min) and mean (min + 4·mode + max) / 6', () => {
    expect(pertShape(10, 20, 30)).toEqual({ alpha: 3, beta: 3 });
    const xs = draws({ dist: 'pert', min: -0.01, mode: 0.0207, max: 0.05 });
    expect(mean(xs)).toBeCloseTo((-0.01 + 4 * 0.0207 + 0.05) / 6, 4);
    // the sampler and the CDF agree: P(x ≤ mode)
    const p = shapeOf({ dist: 'pert', min: -0.01, mode: 0.0207, max: 0.05 }).cdf(0.0207);
    expect(share(xs, (x) => x <= 0.0207)).toBeCloseTo(p, 2);
  });

  it('lognormal: median e^mu', () => {
    const xs = draws({ dist: 'lognormal', mu: Math.log(0.03), sigma: 0.3 });
    expect(share(xs, (x) => x <= 0.03)).toBeCloseTo(0.5, 2);
  });

  it('truncation to the range keeps every draw inside and renormalises: normal(0.0353, 0.02) cut to [0, 0.08]', () => {
    const spec: DistributionSpec = { dist: 'normal', mean: 0.0353, sd: 0.02 };
    const cut = truncate(spec, [0, 0.08]);
    // mass inside = Φ((0.08 − 0.0353)/0.02) − Φ(−0.0353/0.02)
    expect(cut.mass).toBeCloseTo(normalCdf(2.235) - normalCdf(-1.765), 12);
    const xs = draws(spec, [0, 0.08]);
    expect(lowest(xs)).toBeGreaterThanOrEqual(0);
    expect(highest(xs)).toBeLessThanOrEqual(0.08);
    // truncated quantile: P10 of the cut distribution
    const p10 = cut.quantile(0.1);
    expect(share(xs, (x) => x <= p10)).toBeCloseTo(0.1, 2);
  });

  it('a uniform cut by the range is the uniform on the overlap', () => {
    const xs = draws({ dist: 'uniform', min: -0.02, max: 0.06 }, [0, 0.08]);
    expect(lowest(xs)).toBeGreaterThanOrEqual(0);
    expect(mean(xs)).toBeCloseTo(0.03, 3);
  });

  it('PERT cut by the range (rejection) stays inside', () => {
    const xs = draws({ dist: 'pert', min: 0, mode: 0.01, max: 0.1 }, [0.005, 0.05], 20_000);
    expect(lowest(xs)).toBeGreaterThanOrEqual(0.005);
    expect(highest(xs)).toBeLessThanOrEqual(0.05);
  });

  it('shifting moves a distribution so a value `from` lands on `to`', () => {
    expect(shiftDistribution({ dist: 'normal', mean: 0.035, sd: 0.01 }, 0.035, 0.03)).toEqual({ dist: 'normal', mean: 0.03, sd: 0.01 });
    expect(shiftDistribution({ dist: 'triangular', min: 1, mode: 2, max: 4 }, 2, 3)).toEqual({
      dist: 'triangular',
      min: 2,
      mode: 3,
      max: 5,
    });
    const moved = shiftDistribution({ dist: 'lognormal', mu: Math.log(0.03), sigma: 0.3 }, 0.03, 0.06);
    expect(Math.exp((moved as { mu: number }).mu)).toBeCloseTo(0.06, 15);
  });
});
