/**
 * The distributions an uncertain assumption may take, as samplers truncated to the assumption's range. The
 * shapes themselves (CDF, quantile, support) are in src/model/distribution-shape.ts, where the loader's checks
 * use them too.
 *
 * Sampling is by inversion — x = F⁻¹(F(lo) + u·(F(hi) − F(lo))) — for every distribution with a closed-form
 * or cheap quantile (normal, lognormal, uniform, triangular, interval): one uniform per draw, exact
 * truncation, no rejection. PERT (a scaled Beta) is drawn as X/(X+Y) from two Marsaglia–Tsang gammas, and
 * truncated by rejection. Only IEEE arithmetic and V8's software Math.log/exp/sqrt/pow are used, so draws
 * are bit-identical across machines for a given seed.
 */
import { cutTo, shapeOf } from '../../model/distribution-shape.js';
import type { DistributionSpec } from '../../model/schema.js';
import type { Xoshiro128 } from './random.js';

export {
  Z95,
  erfc,
  normalCdf,
  normalQuantile,
  logGamma,
  regularizedBeta,
  pertShape,
  intervalNormal,
  shapeOf,
  type Shape,
} from '../../model/distribution-shape.js';

/** A distribution truncated to an assumption's range: what the sampler and the sensitivity swing use. */
export interface Truncated {
  spec: DistributionSpec;
  /** the range it is cut to, when the range cuts it */
  range: [number, number] | undefined;
  /** probability the untruncated distribution puts inside the range (1 when uncut) */
  mass: number;
  /** quantile of the truncated distribution */
  quantile: (p: number) => number;
  /** fill `out` with independent draws from `rng` */
  fill: (out: Float64Array, rng: Xoshiro128) => void;
}

/** Give up on a PERT draw inside a narrow range after this many tries (validation keeps mass ≥ 1%). */
const MAX_REJECTIONS = 100_000;

export function truncate(spec: DistributionSpec, range?: [number, number]): Truncated {
  const shape = shapeOf(spec);
  const { lo, hi, cut, fLo, fHi, mass } = cutTo(shape, range);
  const clamp = (x: number) => (x < lo ? lo : Math.min(x, hi));
  const quantile = cut ? (p: number) => clamp(shape.quantile(fLo + p * (fHi - fLo))) : shape.quantile;
  let fill: Truncated['fill'];
  if (shape.draw) {
    const draw = shape.draw;
    fill = (out, rng) => {
      for (let i = 0; i < out.length; i++) {
        let x = draw(rng);
        for (let tries = 1; cut && (x < lo || x > hi); tries++) {
          if (tries >= MAX_REJECTIONS)
            throw new RangeError(`cannot draw inside [${lo}, ${hi}]: the range keeps too little of the distribution`);
          x = draw(rng);
        }
        out[i] = x;
      }
    };
  } else if (cut) {
    const q = shape.quantile;
    const span = fHi - fLo;
    fill = (out, rng) => {
      for (let i = 0; i < out.length; i++) out[i] = clamp(q(fLo + rng.nextOpen01() * span));
    };
  } else {
    const q = shape.quantile;
    fill = (out, rng) => {
      for (let i = 0; i < out.length; i++) out[i] = q(rng.nextOpen01());
    };
  }
  return { spec, range: cut ? [lo, hi] : undefined, mass, quantile, fill };
}

/** The same distribution moved so that a value `from` becomes `to`: translated, or scaled for a lognormal. */
export function shiftDistribution(spec: DistributionSpec, from: number, to: number): DistributionSpec {
  const d = to - from;
  switch (spec.dist) {
    case 'normal':
      return { ...spec, mean: spec.mean + d };
    case 'lognormal':
      return from > 0 && to > 0 ? { ...spec, mu: spec.mu + Math.log(to / from) } : spec;
    case 'uniform':
      return { ...spec, min: spec.min + d, max: spec.max + d };
    case 'triangular':
    case 'pert':
      return { ...spec, min: spec.min + d, mode: spec.mode + d, max: spec.max + d };
    case 'interval':
      return { ...spec, to: [spec.to[0] + d, spec.to[1] + d] };
  }
}
