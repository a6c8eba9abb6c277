import { describe, expect, it } from 'vitest';
import {
  quantile,
  quantileSorted,
  selectInPlace,
  sortedFinite,
  summarize,
  summarizeSorted,
} from '../../src/engine/uncertainty/quantile.js';
import { Xoshiro128 } from '../../src/engine/uncertainty/random.js';

// Expected values are numpy.quantile(a, p) with numpy's default method="linear" (numpy 2.x), worked by hand:
// h = (n − 1)·p, j = ⌊h⌋, g = h − j; Q = x[j] + g·(x[j+1] − x[j]) for g < ½, else x[j+1] − (1 − g)·(x[j+1] − x[j]).
// Where binary rounding shows (7·0.9 is 6.2999…98 in doubles), the value is the one numpy prints.
const CASES: { values: number[]; expected: [number, number, number, number, number] }[] = [
  // sorted [1, 1, 2, 3, 4, 5, 6, 9]: P5 h=0.35 → 1; P10 h=0.7 → 1; P50 h=3.5 → 4 − 0.5·1 = 3.5;
  // P90 h≈6.3 → 6 + 0.3·3 ≈ 6.9; P95 h≈6.65 → 9 − 0.35·3 ≈ 7.95
  { values: [3, 1, 4, 1, 5, 9, 2, 6], expected: [1, 1, 3.5, 6.8999999999999995, 7.949999999999998] },
  // P5 h=0.15 → 11.5; P10 h=0.3 → 13; P50 h=1.5 → 25; P90 h=2.7 → 40 − 0.3·10 = 37; P95 h=2.85 → 38.5
  { values: [10, 20, 30, 40], expected: [11.5, 13, 25, 37, 38.5] },
  { values: [0, 1], expected: [0.05, 0.1, 0.5, 0.9, 0.95] },
  { values: [42], expected: [42, 42, 42, 42, 42] },
  // sorted [−2.5, −1, 0.5, 3, 7.25]: P5 h=0.2 → −2.2; P10 h=0.4 → −1.9; P50 → 0.5; P90 h=3.6 → 7.25 − 0.4·4.25 ≈ 5.55; P95 h=3.8 → ≈ 6.4
  { values: [-2.5, 7.25, 0.5, -1, 3], expected: [-2.2, -1.9, 0.5, 5.550000000000001, 6.3999999999999995] },
];
const PS = [0.05, 0.1, 0.5, 0.9, 0.95];

describe("quantiles: numpy's default (linear) definition", () => {
  for (const { values, expected } of CASES) {
    it(`[${values.join(', ')}] → P5/P10/P50/P90/P95 = ${expected.join(', ')}`, () => {
      expect(PS.map((p) => quantile(values, p))).toEqual(expected);
      const s = summarize(Float64Array.from(values));
      expect([s.p5, s.p10, s.p50, s.p90, s.p95]).toEqual(expected);
    });
  }

  it('the ends are the minimum and the maximum', () => {
    const sorted = [1, 2, 3, 10];
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 1)).toBe(10);
  });

  it('NaN and ±Infinity are left out and counted', () => {
    const s = summarize(Float64Array.from([10, Number.NaN, 20, Number.POSITIVE_INFINITY, 30, 40, Number.NEGATIVE_INFINITY]));
    expect(s.n).toBe(4);
    expect(s.invalid).toBe(3);
    expect([s.p5, s.p10, s.p50, s.p90, s.p95]).toEqual([11.5, 13, 25, 37, 38.5]);
    expect(s.mean).toBe(25);
  });

  it('small columns (quickselect) give the same quantiles as a full sort, on random, tied and ordered columns', () => {
    const rng = Xoshiro128.fromSeed(2025);
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + (rng.nextUint32() % 200);
      const kind = trial % 4;
      const column = Float64Array.from({ length: n }, (_, i) =>
        kind === 0 ? rng.nextOpen01() : kind === 1 ? rng.nextUint32() % 3 : kind === 2 ? i : -i,
      );
      const fast = summarize(column);
      const slow = summarizeSorted(sortedFinite(column).sorted, 0);
      expect([fast.p5, fast.p10, fast.p50, fast.p90, fast.p95, fast.min, fast.max]).toEqual([
        slow.p5,
        slow.p10,
        slow.p50,
        slow.p90,
        slow.p95,
        slow.min,
        slow.max,
      ]);
    }
  });

  it('the bucket pass for large columns gives the same quantiles as a full sort, heavy tails and ties included', () => {
    const rng = Xoshiro128.fromSeed(7);
    const kinds: ((i: number) => number)[] = [
      () => rng.nextOpen01(),
      () => rng.nextUint32() % 5,
      () => Math.exp(6 * (rng.nextOpen01() - 0.5)) ** 3,
      (i) => (i === 0 ? 1e300 : rng.nextOpen01()),
      (i) => -i,
    ];
    for (const kind of kinds) {
      for (const n of [4097, 10_000, 50_001]) {
        const column = Float64Array.from({ length: n }, (_, i) => kind(i));
        column[17] = Number.NaN;
        const fast = summarize(column);
        const slow = summarizeSorted(sortedFinite(column).sorted, 1);
        expect([fast.p5, fast.p10, fast.p50, fast.p90, fast.p95, fast.min, fast.max, fast.n, fast.invalid]).toEqual([
          slow.p5,
          slow.p10,
          slow.p50,
          slow.p90,
          slow.p95,
          slow.min,
          slow.max,
          slow.n,
          slow.invalid,
        ]);
      }
    }
  });

  it('selectInPlace puts the k-th smallest at k', () => {
    const a = Float64Array.from([5, 3, 8, 1, 9, 2, 7]);
    selectInPlace(a, 3);
    expect(a[3]).toBe(5);
    expect([...a.subarray(0, 3)].every((x) => x <= 5)).toBe(true);
    expect([...a.subarray(4)].every((x) => x >= 5)).toBe(true);
  });
});
