import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';

const cwd = new URL('../../', import.meta.url).pathname;
const run = (...args: string[]) => cesuan(args, { cwd });

describe('cesuan mc', () => {
  it('prints P(met) per indicator and flags binding targets below the threshold', () => {
    const r = run('mc', 'scenarios/zhengzhou-uncertain.yaml', '--samples', '4000', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Monte Carlo: 4000 samples, seed 1');
    expect(r.stdout).toMatch(/工伤保险参保人数.*!! binding < 90%/);
    expect(r.stdout).toContain('!! binding targets met with less than 90% probability');
  });

  it('JSON carries every number; the same seed gives the same bytes, another seed other numbers', () => {
    const a = run('mc', 'scenarios/zhengzhou-uncertain.yaml', '-n', '3000', '--seed', '5', '--format', 'json');
    const b = run('mc', 'scenarios/zhengzhou-uncertain.yaml', '-n', '3000', '--seed', '5', '--format', 'json');
    const c = run('mc', 'scenarios/zhengzhou-uncertain.yaml', '-n', '3000', '--seed', '6', '--format', 'json');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    const json = JSON.parse(a.stdout);
    expect(json).toMatchObject({ model: 'zhengzhou-hrss-14th', samples: 3000, seed: 5, threshold: 0.9 });
    const injury = json.indicators.find((i: { id: string }) => i.id === 'injury_insured');
    expect(injury.p_met).toBeGreaterThan(0.8);
    expect(injury.p_met).toBeLessThan(0.9);
    expect(injury.flagged).toBe(true);
  });

  it('--indicator draws a histogram and a fan chart', () => {
    const r = run('mc', 'scenarios/zhengzhou-uncertain.yaml', '--indicator', 'injury_insured', '-n', '2000', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('◀ target ≥210');
    expect(r.stdout).toContain('path 2020–2025:');
    expect(r.stdout).toMatch(/2025 │ *░+▒+●▒+░+/);
  });

  it('csv: one line per indicator', () => {
    const r = run('mc', 'scenarios/zhengzhou-uncertain.yaml', '-n', '1000', '--format', 'csv', '--lang', 'en');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id,number,label,unit,kind,attribute,target_op,target,point,varies,mean,sd,p5,p10,p50,p90,p95,p_met,flagged/);
    const ids = JSON.parse(run('mc', 'scenarios/zhengzhou-uncertain.yaml', '-n', '10', '--format', 'json').stdout).indicators.map(
      (i: { id: string }) => i.id,
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(ids);
  });

  it('a model without distributions says so and points at a scenario', () => {
    const r = run('mc', 'models/zhengzhou-hrss-14th.yaml');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no assumption of zhengzhou-hrss-14th has a distribution');
    expect(r.stderr).toContain('cesuan mc scenarios/zhengzhou-uncertain.yaml');
  });

  it('bad options are bad input', () => {
    expect(run('mc', 'scenarios/zhengzhou-uncertain.yaml', '--samples', '0').code).toBe(2);
    expect(run('mc', 'scenarios/zhengzhou-uncertain.yaml', '--seed', '1.5').code).toBe(2);
    expect(run('mc', 'scenarios/zhengzhou-uncertain.yaml', '--indicator', 'nope').stderr).toContain('no indicator "nope"');
  });

  it('--strict exits 1 when a binding target is flagged', () => {
    expect(run('mc', 'scenarios/zhengzhou-uncertain.yaml', '-n', '1000', '--strict').code).toBe(1);
    expect(run('mc', 'scenarios/zhengzhou-uncertain.yaml', '-n', '1000', '--strict', '--threshold', '40%').code).toBe(0);
  });
});

describe('cesuan sensitivity', () => {
  it('draws a tornado, largest swing first', () => {
    const r = run('sensitivity', 'scenarios/zhengzhou-uncertain.yaml', 'social_card_holders', '--lang', 'en');
    expect(r.code).toBe(0);
    // resident_pop_2019 is a historical figure (fixed: true): not swung
    expect(r.stdout).not.toContain('resident_pop_2019');
    const order = ['card_coverage_2025', 'pop_increase_per_year'].map((k) => r.stdout.indexOf(k));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.stdout).toContain('▒ at the low end  █ at the high end');
  });

  it('json lists the swings', () => {
    const r = run('sensitivity', 'models/zhengzhou-hrss-14th.yaml', 'injury_insured', '--format', 'json');
    const json = JSON.parse(r.stdout);
    expect(json.swings[0]).toMatchObject({ assumption: 'injury_growth', basis: 'range', low: 0, high: 0.08 });
  });
});
