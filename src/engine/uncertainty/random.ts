/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, https://prng.di.unimi.it/), its 128-bit
 * state filled by splitmix64 as its authors recommend.
 *
 * Every operation is 32-bit integer arithmetic (Math.imul, shifts) or exact BigInt, so the same seed gives
 * the same stream, bit for bit, on every machine. Each uncertain assumption draws from its own stream,
 * derived from (seed, assumption key): adding, removing or reshaping one distribution leaves the draws of
 * every other assumption unchanged (common random numbers — the TUI's band moves, it does not jitter).
 */

const MASK64 = (1n << 64n) - 1n;

/**
 * splitmix64: one step from `state`, returning [next state, output].
 *
 *     z = (state + 0x9e3779b97f4a7c15); z = (z ^ z>>30)·0xbf58476d1ce4e5b9; z = (z ^ z>>27)·0x94d049bb133111eb; z ^ z>>31
 */
export function splitmix64(state: bigint): [bigint, bigint] {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [next, z ^ (z >> 31n)];
}

/** FNV-1a (64-bit) over the UTF-8 bytes of `text`: a stable stream id for an assumption key. */
export function fnv1a64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & MASK64;
  }
  return h;
}

/** A seed as the unsigned 64-bit integer the generators use (integers only; negatives wrap). */
export function seedBits(seed: number | bigint): bigint {
  if (typeof seed === 'number' && !Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return BigInt(seed) & MASK64;
}

/** xoshiro128**: 32-bit outputs, period 2^128 − 1. */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** State words as unsigned 32-bit integers (not all zero). */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** The state seeded by two splitmix64 outputs from `seed` (low word of each output first). */
  static fromSeed(seed: number | bigint): Xoshiro128 {
    const [next, a] = splitmix64(seedBits(seed));
    const [, b] = splitmix64(next);
    return new Xoshiro128(Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n));
  }

  /** The stream for one assumption: seed mixed with the key's FNV-1a hash. */
  static forKey(seed: number | bigint, key: string): Xoshiro128 {
    return Xoshiro128.fromSeed(seedBits(seed) ^ fnv1a64(key));
  }

  /** Next output as an unsigned 32-bit integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  /**
   * A uniform number strictly inside (0, 1): 52 random bits k, returned as (k + ½)·2⁻⁵².
   * Never 0 or 1, so inverse CDFs stay finite.
   */
  nextOpen01(): number {
    const hi = this.nextUint32() >>> 6;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo + 0.5) * 2.220446049250313e-16;
  }
}
