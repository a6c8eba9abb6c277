/**
 * Issue #14 bug 1 on the command line: `cesuan solve` prints a value rounded, at the precision it shows,
 * to the side that still meets the target, so `run --set` with the printed value meets it too. The exact
 * root is (210 / 186.5)^(1/5) − 1 ≈ 2.40188% (测算依据2: 186.5 × (1 + r)^5 ≥ 210).
 */
import { describe, expect, it } from 'vitest';
import { safeRound } from '../../src/engine/planning/solve.js';
import { cesuan } from '../helpers/cli.js';

const MODEL = 'models/zhengzhou-hrss-14th.yaml';
const exact = (210 / 186.5) ** (1 / 5) - 1;

describe('solve: the value shown is safe to type back', () => {
  it('prints injury_growth rounded up to 2.402% (not 2.4019%), and run --set with it meets ≥ 210', () => {
    const solved = cesuan(['solve', MODEL, 'injury_insured', '--for', 'injury_growth', '--format', 'json']);
    expect(solved.code).toBe(0);
    const record = JSON.parse(solved.stdout) as { value: number; exact_value: number; projection: number };
    expect(record.exact_value).toBeCloseTo(exact, 10);
    expect(record.value).toBe(Math.ceil(exact * 1e6) / 1e6);
    expect(record.projection).toBeGreaterThanOrEqual(210);
    const table = cesuan(['solve', MODEL, 'injury_insured', '--for', 'injury_growth']);
    const shown = /injury_growth = ([\d.]+%)/.exec(table.stdout)?.[1];
    expect(shown).toBe('2.402%');
    const run = cesuan(['run', MODEL, '--set', `injury_growth=${shown}`, '--format', 'json']);
    expect(run.code).toBe(0);
    const ind = (JSON.parse(run.stdout) as { indicators: { id: string; verdict: string; projection: number }[] }).indicators.find(
      (i) => i.id === 'injury_insured',
    )!;
    expect(ind.verdict).toBe('met');
    expect(ind.projection).toBeCloseTo(186.5 * 1.02402 ** 5, 9);
  });

  it('refuses to solve for a historical figure (fixed: true)', () => {
    const r = cesuan(['solve', MODEL, 'social_card_holders', '--for', 'resident_pop_2019']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixed: true');
  });

  it('safeRound: down when down still meets (a ≤ target), nearest when there is no comparator', () => {
    // projection falls as x rises; ≤ target met for x ≥ 0.1234567 → rounds up to 0.123457
    expect(safeRound(0.1234567, 6, [0, 1], (v) => v >= 0.1234567)).toBe(0.123457);
    // met for x ≤ root → rounds down
    expect(safeRound(0.1234567, 6, [0, 1], (v) => v <= 0.1234567)).toBe(0.123456);
    expect(safeRound(0.1234567, 6, [0, 1], (v) => Math.abs(v - 0.1234567))).toBe(0.123457);
    // no neighbour meets it: the exact value
    expect(safeRound(0.1234567, 6, [0, 1], () => false)).toBe(0.1234567);
  });
});
