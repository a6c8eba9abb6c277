/**
 * Numeric hygiene through the binary: a NaN or an Infinity anywhere a model computes is bad input (exit 2, one
 * line naming the field that computed it); a value outside an indicator's plausible domain (negative people,
 * a rate above 100%) and a check that cannot be recomputed are warnings naming the derivation — reported,
 * never printed silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';
import { root, scratch, writeCase } from './harness.js';

const base = readFileSync(join(root, 'test/fixtures/bad/base.yaml'), 'utf8');
const FORMULA = 'formula: compound(people.baseline, growth, 5)';
const SOURCE = '        source: { ref: doc, quote: "按4%增长" }';

describe('NaN and Infinity are errors naming the field that computed them', () => {
  const dir = scratch();
  const fails = (name: string, text: string, args: string[], pattern: RegExp) => {
    const file = writeCase(dir, name, text);
    const r = cesuan([...args.slice(0, 1), file, ...args.slice(1)]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  };

  it('a derivation that computes NaN (sqrt of a negative)', () => {
    fails(
      'sqrt.yaml',
      base.replace(FORMULA, 'formula: sqrt(growth - 1)'),
      ['run'],
      /sqrt\.yaml:19:18: indicators\.people\.derivations\.basis\.formula: people\.basis is NaN$/,
    );
  });
  it('an assumption default that divides by zero', () => {
    fails(
      'div0.yaml',
      base.replace('default: 0.04', 'default: 1 / (2 - 2)'),
      ['run'],
      /div0\.yaml:7:47: assumptions\.growth\.default: growth is Infinity$/,
    );
  });
  it('a year of an explicit path', () => {
    fails(
      'path.yaml',
      base.replace(SOURCE, `        path: "t == 3 ? 0 / 0 : people.baseline"\n${SOURCE}`),
      ['run'],
      /path\.yaml:20:15: indicators\.people\.derivations\.basis\.path: path: 2023 is NaN$/,
    );
  });
  it('audit refuses the same model', () => {
    fails(
      'audit.yaml',
      base.replace(FORMULA, 'formula: people.baseline / (growth - 0.04)'),
      ['audit'],
      /audit\.yaml:19:18: indicators\.people\.derivations\.basis\.formula: people\.basis is (Infinity|NaN)$/,
    );
  });
  it('a scenario override that computes NaN names the scenario line', () => {
    const model = writeCase(dir, 'model.yaml', base);
    fails(
      'scenario.yaml',
      `model: ${model}\nset:\n  growth: growth * (0 / 0)\n`,
      ['run'],
      /scenario\.yaml:3:11: set\.growth: growth is NaN$/,
    );
  });
  it('a --set override of Infinity', () => {
    const r = cesuan(['run', 'test/fixtures/bad/base.yaml', '--set', 'growth=1/0']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/set\.growth: growth is Infinity/);
  });
  it('NaN written as a number in the file is refused by the schema', () => {
    fails('literal.yaml', base.replace('default: 0.04', 'default: .nan'), ['run'], /literal\.yaml:7:47: assumptions\.growth\.default: /);
  });
});

describe('implausible values and unrecomputable checks are warnings naming the derivation', () => {
  const dir = scratch();
  const warns = (name: string, text: string, patterns: RegExp[]) => {
    const file = writeCase(dir, name, text);
    const r = cesuan(['run', file, '--format', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { problems: { severity: string; field: string; message: string }[] };
    for (const p of patterns) {
      expect(r.stderr, `stderr should match ${p}`).toMatch(p);
      expect(
        json.problems.some((x) => p.test(`${x.field}: ${x.message}`)),
        `JSON problems should match ${p}`,
      ).toBe(true);
    }
    for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(/^warning: .+\.yaml:\d+:\d+: /);
    return json;
  };

  it('negative people', () => {
    const json = warns('negative.yaml', base.replace(FORMULA, 'formula: people.baseline * (growth - 1)'), [
      /indicators\.people\.derivations\.basis\.formula: basis: -96 万人 is outside the plausible range \[0, Infinity\]/,
    ]);
    expect(json.problems.every((p) => p.severity === 'warning')).toBe(true);
  });
  it('a rate above 100%', () => {
    warns('rate.yaml', base.replace('unit: 万人', 'unit: "%"').replace(FORMULA, 'formula: people.baseline * (1 + growth)'), [
      /indicators\.people\.derivations\.basis\.formula: basis: 104 % is outside the plausible range \[0, 100\]/,
    ]);
  });
  it('a declared domain', () => {
    warns('domain.yaml', base.replace('    primary: basis', '    domain: [0, 110]\n    primary: basis'), [
      /indicators\.people\.derivations\.basis\.formula: basis: .* is outside the plausible range \[0, 110\]/,
    ]);
  });
  it('a stated figure whose expression computes NaN', () => {
    warns('stated.yaml', base.replace(SOURCE, `        stated: [{ label: 数, value: 1, expr: "0 / 0" }]\n${SOURCE}`), [
      /indicators\.people\.derivations\.basis\.stated\.0\.expr: recomputes to NaN/,
    ]);
  });
  it('a stated figure whose method fails', () => {
    warns('stated-method.yaml', base.replace(SOURCE, `        stated: [{ label: 数, value: 1, expr: "cagr(0, 1, 5)" }]\n${SOURCE}`), [
      /indicators\.people\.derivations\.basis\.stated\.0\.expr: cagr\(\): needs a positive start/,
    ]);
  });
  it('a computed figure that computes Infinity', () => {
    warns('computed.yaml', base.replace(SOURCE, `        computed: [{ label: 数, expr: "1 / (growth - growth)" }]\n${SOURCE}`), [
      /indicators\.people\.derivations\.basis\.computed\.0\.expr: recomputes to Infinity/,
    ]);
  });
  it('the shipped models compute no NaN and print no hygiene warning', () => {
    for (const model of ['zhengzhou-hrss-14th', 'henan-parent-14th', 'shiyan-hrss-14th', 'xinxiang-talent-14th', 'zhejiang-hrss-14th']) {
      const r = cesuan(['run', `models/${model}.yaml`, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr, model).not.toMatch(/NaN|Infinity|recomputes to|outside the plausible range|复算结果|超出合理取值范围|不是有限数值/);
    }
  });
});
