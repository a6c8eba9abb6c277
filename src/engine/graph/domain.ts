/**
 * Plausible values of an indicator: its own `domain:`, else one from its unit (a percentage in [0, 100],
 * a count of people, money or households ≥ 0). Used for warnings on projections and to refuse actuals.
 */
export function defaultDomain(unit: string): [number, number] | undefined {
  if (unit === '%') return [0, 100];
  if (/人|万|亿|元|户|个|家/.test(unit)) return [0, Number.POSITIVE_INFINITY];
  return undefined;
}

/** `[lo, hi]` as a reader writes it: `[0, 100]`, `[0, ∞)`. */
export function domainText(domain: [number, number]): string {
  return `[${domain[0] === Number.NEGATIVE_INFINITY ? '(−∞' : domain[0]}, ${domain[1] === Number.POSITIVE_INFINITY ? '∞)' : `${domain[1]}]`}`;
}
