import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';

const bad = (name: string) => `test/fixtures/bad/${name}.yaml`;

/** One line `file:line:col: …`, exit 2, no stack trace. */
function expectOneLineError(args: string[], pattern: RegExp): string {
  const r = cesuan(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe('malformed models give one line file:line:col, exit 2, no stack trace', () => {
  it('bad YAML', () => {
    expectOneLineError(['run', bad('bad-yaml')], /^test\/fixtures\/bad\/bad-yaml\.yaml:\d+:\d+: YAML: /);
  });
  it('unknown reference names the field and the name', () => {
    expectOneLineError(
      ['run', bad('unknown-ref')],
      /^test\/fixtures\/bad\/unknown-ref\.yaml:19:18: indicators\.people\.derivations\.basis\.formula: unknown name "growht"$/,
    );
  });
  it('a dependency cycle names the cycle', () => {
    expectOneLineError(
      ['run', bad('cycle')],
      /^test\/fixtures\/bad\/cycle\.yaml:7:\d+: assumptions\.(growth|other)\.default: dependency cycle: (growth → other → growth|other → growth → other)$/,
    );
  });
  it('wrong type names the field and the allowed values', () => {
    expectOneLineError(['run', bad('wrong-type')], /^test\/fixtures\/bad\/wrong-type\.yaml:12:11: indicators\.people\.kind: .*"stock"/);
  });
  it('a NaN/Infinity result names the derivation', () => {
    expectOneLineError(
      ['run', bad('nan-result')],
      /^test\/fixtures\/bad\/nan-result\.yaml:19:18: indicators\.people\.derivations\.basis\.formula: people\.basis is (Infinity|NaN)$/,
    );
  });
  it('a forbidden function like import(...) is refused', () => {
    expectOneLineError(
      ['run', bad('forbidden')],
      /^test\/fixtures\/bad\/forbidden\.yaml:19:18: indicators\.people\.derivations\.basis\.formula: function "import" is not allowed/,
    );
  });
  it('an unknown field is named', () => {
    expectOneLineError(
      ['run', bad('unknown-field')],
      /^test\/fixtures\/bad\/unknown-field\.yaml:22:5: indicators\.people\.colour: unknown field "colour"$/,
    );
  });
  it('a missing file', () => {
    expectOneLineError(['run', 'models/no-such-model.yaml'], /^models\/no-such-model\.yaml:1:1: cannot read file/);
  });
  it('an unknown assumption in a scenario names the scenario line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-'));
    const scenario = join(dir, 's.yaml');
    writeFileSync(scenario, `model: ${process.cwd()}/test/fixtures/bad/base.yaml\nname: 错\nset:\n  growht: 0.01\n`);
    expectOneLineError(['run', scenario], /s\.yaml:4:3: set\.growht: "growht" is not an assumption of base/);
  });
  it('bad input leaves no output file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-'));
    const out = join(dir, 'out.csv');
    expect(cesuan(['run', bad('nan-result'), '--out', out]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
  it('a failed run leaves the previous output file intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-'));
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'previous\n');
    expect(cesuan(['run', bad('forbidden'), '--out', out]).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });
});

describe('good input', () => {
  it('run of a valid model exits 0 and prints the projection', () => {
    const r = cesuan(['run', bad('base'), '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.indicators[0].projection).toBeCloseTo(100 * 1.04 ** 5, 10);
    expect(json.indicators[0].verdict).toBe('met');
  });
  it('--set overrides an assumption from the command line', () => {
    const r = cesuan(['run', bad('base'), '--format', 'json', '--set', 'growth=0.03']);
    expect(JSON.parse(r.stdout).indicators[0].projection).toBeCloseTo(100 * 1.03 ** 5, 10);
    expect(JSON.parse(r.stdout).indicators[0].verdict).toBe('missed');
  });
});

describe('command-line overrides', () => {
  it('an unknown --set name is one line naming the flag, exit 2', () => {
    const r = cesuan(['run', bad('base'), '--set', 'growht=0.01']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('--set growht: "growht" is not an assumption of base (assumptions: growth)');
  });
  it('a value outside the assumption’s range runs, with a warning naming where it was set', () => {
    const r = cesuan(['run', bad('base'), '--set', 'growth=0.5', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).indicators[0].projection).toBeCloseTo(100 * 1.5 ** 5, 8);
    expect(r.stderr.trim()).toBe('警告：--set:1:1: set.growth: growth = 0.5 超出其取值范围 [0, 0.1]');
  });
});
