/**
 * Side paths of issue 10: a complex YAML key (8), a date taken for arithmetic (9), limits that name the
 * wrong thing (10), absurd actuals (11d), a primary formula that gives an array (11e), a default outside its
 * own range (11g) and the range `solve --range` reports (11h). Each through the built CLI, as a user meets it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';
import { root } from './harness.js';

const MINI = readFileSync(join(root, 'test/fixtures/mini.yaml'), 'utf8');
const MODEL = join(root, 'models/zhengzhou-hrss-14th.yaml');

/** Write `text` as `name` in a fresh folder; returns the folder. */
function folderWith(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cesuan-edges-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

/** 1-based line and column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe('8: a complex YAML key', () => {
  it('`? [a, b]` is one line at the key, no Node warning', () => {
    const text = 'id: x\n? [a, b]\n: 1\n';
    const dir = folderWith('ck.yaml', text);
    const r = cesuan(['run', 'ck.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ck.yaml:2:3: YAML: a key must be plain text, not a collection\n');
  });
});

describe('9: a date where a number is expected', () => {
  it('`default: 2020-01-01` is refused as not a number, at the value', () => {
    const text = MINI.replace('default: mean_growth(injury_provincial_targets)', 'default: 2020-01-01');
    const dir = folderWith('mini.yaml', text);
    const r = cesuan(['run', 'mini.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      `mini.yaml:${positionOf(text, '2020-01-01')}: assumptions.injury_growth.default: 2020-01-01 is a date, not a number or a formula (quote it to mean the subtraction)\n`,
    );
    expect(r.code).toBe(2);
  });

  it("the same in a scenario's set:", () => {
    const text = `model: ${MODEL}\nset:\n  injury_growth: 2020-01-01\n`;
    const dir = folderWith('s.yaml', text);
    const r = cesuan(['run', 's.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      `s.yaml:3:18: set.injury_growth: 2020-01-01 is a date, not a number or a formula (quote it to mean the subtraction)\n`,
    );
    expect(r.code).toBe(2);
  });
});

describe('9 (--set): a date on the command line', () => {
  it('--set injury_growth=2020-01-01 is refused, not evaluated to 2018', () => {
    const r = cesuan(['run', MODEL, '--set', 'injury_growth=2020-01-01']);
    expect(r.stderr).toBe('--set injury_growth: 2020-01-01 is a date, not a number or a formula\n');
    expect(r.code).toBe(2);
  });
});

describe('10: limits name what was exceeded', () => {
  it('a flat sum of 42 terms is not "nested"; it passes', () => {
    const r = cesuan(['run', MODEL, '--format', 'json', '--set', `injury_growth=${Array(42).fill('0.001').join('+')}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout).assumptions.find((x: { id: string }) => x.id === 'injury_growth');
    expect(a.value).toBeCloseTo(0.042, 12);
  });

  it('depth: 45 nested parentheses name the depth limit and its value', () => {
    const r = cesuan(['run', MODEL, '--set', `injury_growth=${'('.repeat(45)}0.03${')'.repeat(45)}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^--set:1:1: set\.injury_growth: depth limit exceeded: expression is nested 45 levels deep; the limit is 40\n$/,
    );
  });

  it('length: 2,001 characters name the length limit', () => {
    const r = cesuan(['run', MODEL, '--set', `injury_growth=0.03${' '.repeat(1995)}+0`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--set:1:1: set.injury_growth: length limit exceeded: expression is 2001 characters long; the limit is 2000\n');
  });

  it('node count: 400 terms name the node limit', () => {
    const r = cesuan(['run', MODEL, '--set', `injury_growth=${Array(400).fill('0').join('+')}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--set:1:1: set.injury_growth: node limit exceeded: expression has 799 nodes; the limit is 500\n');
  });
});

describe('11(d): absurd actuals', () => {
  const scenario = (actuals: string) => `model: ${MODEL}\nactuals:\n${actuals}`;

  it('an unemployment rate of −199 % is outside [0, 100]: exit 2 at the actual', () => {
    const text = scenario('  unemployment_rate: { 2021: -199 }\n');
    const dir = folderWith('t.yaml', text);
    const r = cesuan(['track', 't.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      `t.yaml:${positionOf(text, '2021')}: actuals.unemployment_rate.2021: -199 % is outside the indicator's domain [0, 100]\n`,
    );
    expect(r.code).toBe(2);
  });

  it('a negative count is refused', () => {
    const text = scenario('  injury_insured: { 2021: -5 }\n');
    const dir = folderWith('t.yaml', text);
    const r = cesuan(['track', 't.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      `t.yaml:${positionOf(text, '2021')}: actuals.injury_insured.2021: -5 万人 is outside the indicator's domain [0, ∞)\n`,
    );
    expect(r.code).toBe(2);
  });

  it('1e308 is refused: the tracking figures would overflow (never "on track" with Infinity)', () => {
    const text = scenario('  injury_insured: { 2021: 1e308 }\n');
    const dir = folderWith('t.yaml', text);
    const r = cesuan(['track', 't.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      `t.yaml:${positionOf(text, '2021')}: actuals.injury_insured.2021: 1e+308 万人 is too large to track (the figures overflow)\n`,
    );
    expect(r.code).toBe(2);
  });
});

describe('11(e): a primary formula that gives an array', () => {
  it('exit 2 at the formula: a primary derivation must give one number', () => {
    const text = MINI.replace('formula: compound(186.5, injury_growth, 5)', 'formula: "[1, 2, 3]"').replace(
      '        path: compound(186.5, injury_growth, t)\n',
      '',
    );
    const dir = folderWith('mini.yaml', text);
    const r = cesuan(['run', 'mini.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      `mini.yaml:${positionOf(text, '"[1, 2, 3]"')}: indicators.injury_insured.derivations.basis2.formula: a primary derivation must give one number, not a list of 3\n`,
    );
    expect(r.code).toBe(2);
  });
});

describe('11(g): a default outside its own range', () => {
  const text = MINI.replace('default: mean_growth(injury_provincial_targets)', 'default: 0.5');

  it('warns at the default; the run itself succeeds', () => {
    const dir = folderWith('mini.yaml', text);
    const r = cesuan(['run', 'mini.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `警告：mini.yaml:${positionOf(text, '0.5')}: assumptions.injury_growth.default: injury_growth = 0.5 超出其取值范围 [0, 0.08]\n`,
    );
  });

  it('--strict makes it exit 1', () => {
    const dir = folderWith('mini.yaml', text);
    expect(cesuan(['run', 'mini.yaml', '--strict'], { cwd: dir }).code).toBe(1);
    expect(cesuan(['run', 'mini.yaml', '--strict'], { cwd: folderWith('mini.yaml', MINI) }).code).toBe(0);
  });
});

describe('11(h): solve --range reports the range it searched', () => {
  it('range_from/range_to in JSON are the --range given, solved or not', () => {
    const solved = cesuan(['solve', MODEL, 'injury_insured', '--for', 'injury_growth', '--range', '0.01:0.05', '--format', 'json']);
    expect(solved.code, solved.stderr).toBe(0);
    const a = JSON.parse(solved.stdout);
    expect(a.status).toBe('solved');
    expect([a.range_from, a.range_to]).toEqual([0.01, 0.05]);
    // 186.5 × (1 + g)^5 = 210 → g = (210 / 186.5)^(1/5) − 1 ≈ 2.4028 %
    expect(a.exact_value ?? a.value).toBeCloseTo((210 / 186.5) ** 0.2 - 1, 5);
    const none = JSON.parse(
      cesuan(['solve', MODEL, 'injury_insured', '--for', 'injury_growth', '--range', '0.001:0.002', '--format', 'json']).stdout,
    );
    expect(none.status).toBe('no_solution');
    expect([none.range_from, none.range_to]).toEqual([0.001, 0.002]);
  });
});
