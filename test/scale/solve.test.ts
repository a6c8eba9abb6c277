/**
 * `cesuan solve` — goal seek with Brent's method (engine/planning/solve.ts) from the command line.
 */
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';
import { INJURY_GROWTH, ZHENGZHOU, cesuanJson, close, root } from './fixtures.js';

describe('solve 工伤保险参保人数 for injury_growth', () => {
  it('210万 in 2025 from the 186.5 base needs (210/186.5)^(1/5) − 1 ≈ 2.40% a year', () => {
    const r = cesuanJson(['solve', ZHENGZHOU, 'injury_insured', '--for', 'injury_growth', '--format', 'json']);
    expect(r.status).toBe('solved');
    close(r.exact_value, (210 / 186.5) ** (1 / 5) - 1, 1e-10);
    // the value shown (4 decimals of a percent) is rounded up, so typing it back still reaches 210
    expect(r.value).toBe(Math.ceil(((210 / 186.5) ** (1 / 5) - 1) * 1e6) / 1e6);
    close(r.projection, 186.5 * (1 + r.value) ** 5, 1e-10);
    expect(r.projection).toBeGreaterThanOrEqual(210);
    close(r.current_value, INJURY_GROWTH);
  });

  it('prints the answer in the table format', () => {
    const r = cesuan(['solve', ZHENGZHOU, 'injury_insured', '--for', 'injury_growth', '--lang', 'en'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/solved: injury_growth = 2\.402%/);
  });

  it('--target 400 has no solution in [0, 8%]: said plainly, with the projections at both ends', () => {
    const r = cesuan(['solve', ZHENGZHOU, 'injury_insured', '--for', 'injury_growth', '--target', '400', '--lang', 'en'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NO SOLUTION: no value in \[0, 0\.08\] reaches 400/);
    const json = cesuanJson(['solve', ZHENGZHOU, 'injury_insured', '--for', 'injury_growth', '--target', '400', '-f', 'json']);
    expect(json.status).toBe('no_solution');
    close(json.projection_at_from, 186.5);
    close(json.projection_at_to, 186.5 * 1.08 ** 5);
    expect(
      cesuan(['solve', ZHENGZHOU, 'injury_insured', '--for', 'injury_growth', '--target', '400', '--strict'], { cwd: root }).code,
    ).toBe(1);
  });

  it('an assumption the indicator does not depend on has no solution, with the reason', () => {
    const json = cesuanJson(['solve', ZHENGZHOU, 'injury_insured', '--for', 'pension_urban_step', '-f', 'json']);
    expect(json.status).toBe('no_solution');
    expect(json.reason).toMatch(/does not depend on pension_urban_step/);
  });

  it('an unknown indicator or assumption is bad input (exit 2)', () => {
    expect(cesuan(['solve', ZHENGZHOU, 'injury', '--for', 'injury_growth'], { cwd: root }).code).toBe(2);
    expect(cesuan(['solve', ZHENGZHOU, 'injury_insured', '--for', 'growth'], { cwd: root }).code).toBe(2);
  });
});
