/**
 * Sample statistics for Monte Carlo columns: quantiles by numpy's default ("linear", Hyndman & Fan type 7)
 * definition, the mean, and histograms. Non-finite samples are left out and counted.
 */

/** The quantiles reported for every indicator. */
export const REPORTED_QUANTILES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/**
 * Quantile p of an ascending array, numpy's default method:
 *
 *     h = (n − 1)·p,  j = ⌊h⌋,  g = h − j
 *     Q(p) = x[j] + g·(x[j+1] − x[j])            (g < ½)
 *     Q(p) = x[j+1] − (1 − g)·(x[j+1] − x[j])    (g ≥ ½, numpy's _lerp, which keeps Q monotone)
 *
 * Example: [1, 2, 3, 4] at p = 0.1 → h = 0.3 → 1 + 0.3·1 = 1.3 (numpy.quantile([1, 2, 3, 4], 0.1) = 1.3).
 * https://numpy.org/doc/stable/reference/generated/numpy.quantile.html
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  if (h >= n - 1) return sorted[n - 1]!;
  const j = Math.floor(h);
  return lerpQuantile(sorted[j]!, sorted[j + 1]!, h - j);
}

/** Quantile p of an unsorted array (numpy's default definition; non-finite values dropped). */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedFinite(values).sorted, p);
}

/** The finite values in ascending order, and how many were not finite. */
export function sortedFinite(values: ArrayLike<number>): { sorted: Float64Array; invalid: number } {
  const copy = values instanceof Float64Array ? values.slice() : Float64Array.from(values as ArrayLike<number>);
  copy.sort(); // typed-array sort is numeric; NaN sorts last
  let end = copy.length;
  while (end > 0 && Number.isNaN(copy[end - 1]!)) end--;
  let start = 0;
  while (start < end && copy[start] === Number.NEGATIVE_INFINITY) start++;
  let stop = end;
  while (stop > start && copy[stop - 1] === Number.POSITIVE_INFINITY) stop--;
  return { sorted: copy.subarray(start, stop), invalid: copy.length - (stop - start) };
}

export interface ColumnSummary {
  /** samples with a finite value */
  n: number;
  /** samples that were NaN or ±Infinity */
  invalid: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

/** The summary of a column whose every sample is `value` (no sort needed). */
export function constantSummary(value: number, n: number): ColumnSummary {
  if (!Number.isFinite(value))
    return {
      n: 0,
      invalid: n,
      mean: Number.NaN,
      sd: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
      p5: Number.NaN,
      p10: Number.NaN,
      p50: Number.NaN,
      p90: Number.NaN,
      p95: Number.NaN,
    };
  return { n, invalid: 0, mean: value, sd: 0, min: value, max: value, p5: value, p10: value, p50: value, p90: value, p95: value };
}

/**
 * Put the k-th smallest of a[lo..hi] at a[k], smaller-or-equal ones before it and larger-or-equal ones after
 * (Hoare's quickselect, median-of-three pivot): O(n) on average, in place.
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three to a[mid]
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Buckets of the counting pass in summarize(). */
const BUCKETS = 4096;

/**
 * The summary of a column without sorting it. Large columns: one pass for the range and the mean, one that
 * counts the values into 4096 equal-width buckets (and sums the squares), one that gathers only the buckets
 * holding the order statistics the quantiles need, which are then sorted — a few hundred values, not N.
 * Small or degenerate columns: a copy and quickselect. The quantiles are exactly quantileSorted's.
 */
export function summarize(column: Float64Array, scratch?: Float64Array): ColumnSummary {
  let n = 0;
  let total = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x - x !== 0) continue; // NaN or ±Infinity
    n++;
    total += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const invalid = column.length - n;
  if (n === 0) return constantSummary(Number.NaN, column.length);
  const mean = total / n;
  const ranks: number[] = [];
  for (const p of REPORTED_QUANTILES) {
    const h = (n - 1) * p;
    const j = Math.floor(h);
    ranks.push(j);
    if (j + 1 < n && h > j) ranks.push(j + 1);
  }
  const scale = BUCKETS / (max - min);
  let squares = 0;
  let ordered: Map<number, number>;
  if (n <= BUCKETS || !Number.isFinite(scale) || !(scale > 0)) {
    for (let i = 0; i < column.length; i++) {
      const x = column[i]!;
      if (x - x === 0) squares += (x - mean) ** 2;
    }
    ordered = selectRanks(column, n, ranks, scratch);
  } else {
    // monotone bucket index: subtraction and multiplication round monotonically, so x ≤ y ⇒ bucket(x) ≤ bucket(y)
    const counts = new Int32Array(BUCKETS);
    for (let i = 0; i < column.length; i++) {
      const x = column[i]!;
      if (x - x !== 0) continue;
      squares += (x - mean) ** 2;
      const b = Math.floor((x - min) * scale);
      counts[b < BUCKETS ? b : BUCKETS - 1]!++;
    }
    const starts = new Float64Array(BUCKETS + 1);
    for (let b = 0; b < BUCKETS; b++) starts[b + 1] = starts[b]! + counts[b]!;
    const bucketOf = (rank: number): number => {
      let lo = 0;
      let hi = BUCKETS - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= rank) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const wanted = new Map<number, { values: Float64Array; filled: number }>();
    for (const r of ranks) {
      const b = bucketOf(r);
      if (!wanted.has(b)) wanted.set(b, { values: new Float64Array(counts[b]!), filled: 0 });
    }
    const wantedFlags = new Uint8Array(BUCKETS);
    for (const b of wanted.keys()) wantedFlags[b] = 1;
    for (let i = 0; i < column.length; i++) {
      const x = column[i]!;
      if (x - x !== 0) continue;
      let b = Math.floor((x - min) * scale);
      if (b >= BUCKETS) b = BUCKETS - 1;
      if (wantedFlags[b]) {
        const bucket = wanted.get(b)!;
        bucket.values[bucket.filled++] = x;
      }
    }
    for (const bucket of wanted.values()) bucket.values.sort();
    ordered = new Map(
      ranks.map((r) => {
        const b = bucketOf(r);
        return [r, wanted.get(b)!.values[r - starts[b]!]!];
      }),
    );
  }
  const at = (p: number): number => {
    const h = (n - 1) * p;
    const j = Math.floor(h);
    const a = ordered.get(j)!;
    if (j + 1 >= n || h === j) return a;
    return lerpQuantile(a, ordered.get(j + 1)!, h - j);
  };
  return {
    n,
    invalid,
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min,
    max,
    p5: at(0.05),
    p10: at(0.1),
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
  };
}

/** The values of the given ranks (0-based, among the finite values) by quickselect on a copy. */
function selectRanks(column: Float64Array, n: number, ranks: number[], scratch?: Float64Array): Map<number, number> {
  const values = (scratch && scratch.length >= n ? scratch : new Float64Array(n)).subarray(0, n);
  let k = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x - x === 0) values[k++] = x;
  }
  // positions already in their sorted place; each new search runs between its nearest fixed neighbours
  const fixed: number[] = [];
  const out = new Map<number, number>();
  for (const r of [...ranks].sort((a, b) => Math.abs(a - n / 2) - Math.abs(b - n / 2))) {
    let lo = 0;
    let hi = n - 1;
    for (const f of fixed) {
      if (f < r && f + 1 > lo) lo = f + 1;
      if (f > r && f - 1 < hi) hi = f - 1;
    }
    if (!fixed.includes(r)) {
      selectInPlace(values, r, lo, hi);
      fixed.push(r);
    }
    out.set(r, values[r]!);
  }
  return out;
}

/** numpy's _lerp: a + g·(b − a) below g = ½, b − (1 − g)·(b − a) from there (monotone in g). */
function lerpQuantile(a: number, b: number, g: number): number {
  const d = b - a;
  return g >= 0.5 ? b - d * (1 - g) : a + d * g;
}

/** Mean (two-pass), sample standard deviation and the reported quantiles of a column. */
export function summarizeSorted(sorted: Float64Array, invalid: number): ColumnSummary {
  const n = sorted.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i]!;
  const mean = n ? total / n : Number.NaN;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i]! - mean) ** 2;
  return {
    n,
    invalid,
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: n ? sorted[0]! : Number.NaN,
    max: n ? sorted[n - 1]! : Number.NaN,
    p5: quantileSorted(sorted, 0.05),
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
  };
}

export interface HistogramBin {
  /** [from, to) — the last bin includes its upper edge */
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins over [lo, hi] (default: the P0.5–P99.5 span, so a few outliers do not squeeze the
 * picture); values beyond the span are counted in the first or last bin.
 */
export function histogram(sorted: Float64Array, bins = 20, span?: [number, number]): HistogramBin[] {
  if (sorted.length === 0) return [];
  let [lo, hi] = span ?? [quantileSorted(sorted, 0.005), quantileSorted(sorted, 0.995)];
  if (!(hi > lo)) {
    const pad = Math.abs(lo) * 1e-6 || 1e-6;
    lo -= pad;
    hi += pad;
  }
  const width = (hi - lo) / bins;
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({
    from: lo + i * width,
    to: i === bins - 1 ? hi : lo + (i + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < sorted.length; i++) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor((sorted[i]! - lo) / width)));
    out[k]!.count++;
  }
  return out;
}
