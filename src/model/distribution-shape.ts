/**
 * What a distribution written in a model means: its CDF, quantile function and support (and, for PERT, a
 * draw). The loader checks distributions with it (src/model/distributions.ts); the engine samples with it
 * (src/engine/uncertainty/distributions.ts). Pure arithmetic: imports only the schema's types.
 *
 * Sampling is by inversion — x = F⁻¹(F(lo) + u·(F(hi) − F(lo))) — for every distribution with a closed-form
 * or cheap quantile (normal, lognormal, uniform, triangular, interval): one uniform per draw, exact
 * truncation, no rejection. PERT (a scaled Beta) is drawn as X/(X+Y) from two Marsaglia–Tsang gammas, and
 * truncated by rejection. Only IEEE arithmetic and V8's software Math.log/exp/sqrt/pow are used, so draws
 * are bit-identical across machines for a given seed.
 */
import type { DistributionSpec } from './schema.js';

/** Any source of uniform draws in (0, 1) (the engine's Xoshiro128). */
export interface UniformSource {
  nextOpen01(): number;
}

/** Φ⁻¹(0.95): a 90% interval [a, b] is mean ± 1.6449·sd. */
export const Z95 = 1.6448536269514722;

// ── the standard normal ─────────────────────────────────────────────────────────────────────────────

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x), absolute error below 1e-15: the series erf(x) = 2/√π·e^{−x²}·Σ (2x²)ⁿ·x / (1·3·…·(2n+1)) for
 * |x| < 2.5, the continued fraction erfc(x) = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))) beyond.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 0; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x2) / (2 * n + 3);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x2) * sum;
  }
  if (x > 27) return 0;
  // modified Lentz for the continued fraction 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** Φ(x), the standard normal CDF. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Φ⁻¹(p), the standard normal quantile: Wichura's algorithm AS 241 (PPND16), relative error about 1e-16.
 * Applied Statistics 37 (1988) 477–484.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852545561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -x : x;
}

// ── the Beta function (for PERT) ────────────────────────────────────────────────────────────────────

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes §6.4). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** I_x(a, b), the regularized incomplete beta function (the Beta(a, b) CDF). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** A Gamma(shape, 1) draw for shape ≥ 1: Marsaglia & Tsang (2000), ACM TOMS 26(3). */
function gammaDraw(shape: number, rng: UniformSource): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normalQuantile(rng.nextOpen01());
    let v = 1 + c * z;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.nextOpen01();
    if (u < 1 - 0.0331 * z * z * z * z) return d * v;
    if (Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
  }
}

// ── the distributions ───────────────────────────────────────────────────────────────────────────────

/** A distribution as the engine uses it: CDF, quantile, and where it lives. */
export interface Shape {
  /** [lowest, highest] possible value (±Infinity when unbounded) */
  support: [number, number];
  cdf: (x: number) => number;
  quantile: (p: number) => number;
  /** a draw by some other means than inversion (PERT); inversion when absent */
  draw?: (rng: UniformSource) => number;
}

/** Parameters of the PERT's Beta: α = 1 + 4·(mode − min)/(max − min), β = 1 + 4·(max − mode)/(max − min). */
export function pertShape(min: number, mode: number, max: number): { alpha: number; beta: number } {
  const width = max - min;
  return { alpha: 1 + (4 * (mode - min)) / width, beta: 1 + (4 * (max - mode)) / width };
}

/** Mean and sd of the normal whose central 90% is [a, b]. */
export function intervalNormal(a: number, b: number): { mean: number; sd: number } {
  return { mean: (a + b) / 2, sd: (b - a) / (2 * Z95) };
}

/** Quantile by bisection on a monotone CDF (for PERT; used once per assumption, never per draw). */
function bisectQuantile(cdf: (x: number) => number, lo: number, hi: number, p: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo), Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The untruncated distribution.
 *
 *     normal      x = mean + sd·Φ⁻¹(u)
 *     lognormal   x = exp(mu + sigma·Φ⁻¹(u))         (mu, sigma of ln x; median e^mu)
 *     uniform     x = min + u·(max − min)
 *     triangular  x = min + √(u·(max−min)·(mode−min))         for u < (mode−min)/(max−min)
 *                 x = max − √((1−u)·(max−min)·(max−mode))     otherwise
 *     pert        x = min + (max − min)·Beta(α, β), α and β as in pertShape
 *     interval    the normal with mean (a+b)/2 and sd (b−a)/(2·1.6449): 90% of it in [a, b]
 */
export function shapeOf(spec: DistributionSpec): Shape {
  switch (spec.dist) {
    case 'normal':
    case 'interval': {
      const { mean, sd } = spec.dist === 'normal' ? spec : intervalNormal(spec.to[0], spec.to[1]);
      return {
        support: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
        cdf: (x) => normalCdf((x - mean) / sd),
        quantile: (p) => mean + sd * normalQuantile(p),
      };
    }
    case 'lognormal': {
      const { mu, sigma } = spec;
      return {
        support: [0, Number.POSITIVE_INFINITY],
        cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
        quantile: (p) => Math.exp(mu + sigma * normalQuantile(p)),
      };
    }
    case 'uniform': {
      const { min, max } = spec;
      return {
        support: [min, max],
        cdf: (x) => (x <= min ? 0 : x >= max ? 1 : (x - min) / (max - min)),
        quantile: (p) => min + p * (max - min),
      };
    }
    case 'triangular': {
      const { min, mode, max } = spec;
      const width = max - min;
      const split = (mode - min) / width;
      return {
        support: [min, max],
        cdf: (x) => {
          if (x <= min) return 0;
          if (x >= max) return 1;
          return x <= mode ? ((x - min) * (x - min)) / (width * (mode - min)) : 1 - ((max - x) * (max - x)) / (width * (max - mode));
        },
        quantile: (p) => (p < split ? min + Math.sqrt(p * width * (mode - min)) : max - Math.sqrt((1 - p) * width * (max - mode))),
      };
    }
    case 'pert': {
      const { min, mode, max } = spec;
      const width = max - min;
      const { alpha, beta } = pertShape(min, mode, max);
      const cdf = (x: number) => regularizedBeta((x - min) / width, alpha, beta);
      return {
        support: [min, max],
        cdf,
        quantile: (p) => (p <= 0 ? min : p >= 1 ? max : bisectQuantile(cdf, min, max, p)),
        draw: (rng) => {
          const x = gammaDraw(alpha, rng);
          const y = gammaDraw(beta, rng);
          return min + (width * x) / (x + y);
        },
      };
    }
  }
}

/** Where a range cuts a distribution: its bounds inside the support, and the CDF at each. */
export interface Cut {
  lo: number;
  hi: number;
  /** whether the range cuts the support at all */
  cut: boolean;
  fLo: number;
  fHi: number;
  /** probability the untruncated distribution puts inside the range (1 when uncut) */
  mass: number;
}

export function cutTo(shape: Shape, range?: [number, number]): Cut {
  const lo = range ? Math.max(range[0], shape.support[0]) : shape.support[0];
  const hi = range ? Math.min(range[1], shape.support[1]) : shape.support[1];
  const cut = range !== undefined && (range[0] > shape.support[0] || range[1] < shape.support[1]);
  const fLo = cut ? shape.cdf(lo) : 0;
  const fHi = cut ? shape.cdf(hi) : 1;
  return { lo, hi, cut, fLo, fHi, mass: Math.max(0, fHi - fLo) };
}
