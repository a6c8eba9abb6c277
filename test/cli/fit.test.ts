import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';

const zhengzhou = 'models/zhengzhou-hrss-14th.yaml';

describe('cesuan fit', () => {
  it('Chinese by default: the figure, the count, the hypothesis warning, candidates with a derivation to paste', () => {
    const r = cesuan(['fit', zhengzhou, 'tech_talent']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('说明中的数字：2025年专业技术人才总量 104 万人（容差 ±1.04，审计：不可复现）');
    expect(r.stdout).toContain('共计算 479 个公式，2 个落在容差内');
    expect(r.stdout).toContain('每个候选都只是假设，不是文件所用的模型；cesuan 不会修改模型');
    expect(r.stdout).toContain('1. 弹性系数法\n   elastic(tech_talent.baseline, injury_growth_basis1, 1.1, 5)');
    expect(r.stdout).toContain('结果 104.18 万人，差 +0.18');
    expect(r.stdout).toContain(
      '     fit_elastic:\n       label: 假设：弹性系数法（cesuan fit 候选）\n       formula: elastic(tech_talent.baseline, injury_growth_basis1, 1.1, 5)',
    );
    expect(r.stdout).toContain('fit_elastic_2:');
  });

  it('--lang en, and --figure picks a figure by its label', () => {
    const r = cesuan(['fit', zhengzhou, 'injury_insured', '--figure', '2025年参保人数', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Stated figure: 2025年参保人数 221 万人 (tolerance ±2.21, audit: approximate)');
    expect(r.stdout).toContain('Note: every candidate is a hypothesis, not the document’s model');
    expect(r.stdout).toContain('1. the series’ compound growth continued (uses inputs this indicator already uses)');
    expect(r.stdout).toContain('\n10. ');
    expect(r.stdout).not.toMatch(/more candidates/);
  });

  it('-f json: every candidate with its snippet, keys in English, full precision', () => {
    const r = cesuan(['fit', zhengzhou, 'high_skill_talent', '-f', 'json']);
    expect(r.code).toBe(0);
    const fit = JSON.parse(r.stdout);
    expect(fit.figure.value).toBe(39);
    expect(fit.candidates).toHaveLength(7);
    expect(fit.candidates[0].formula).toBe('linear(high_skill_talent.baseline, returnee_per_year, 5)');
    expect(fit.candidates[0].value).toBeCloseTo(38.8125, 12);
    expect(fit.candidates[0].snippet).toMatch(/^fit_baseline_linear:\n {2}label: 假设：/);
  });

  it('bad input: one line, exit 2, nothing on stdout', () => {
    for (const [args, message] of [
      [['fit', zhengzhou, 'no_such'], /^models\/zhengzhou-hrss-14th\.yaml: no indicator "no_such" \(indicators: /],
      [
        ['fit', zhengzhou, 'tech_talent', '--figure', 'nothing like it'],
        /^models\/zhengzhou-hrss-14th\.yaml: tech_talent: no stated figure "nothing like it"/,
      ],
      [['fit', zhengzhou, 'tech_talent', '-f', 'csv'], /^--format must be table or json, not "csv"$/],
      [['fit', zhengzhou, 'tech_talent', '--lang', 'fr'], /^--lang must be one of zh, en, not "fr"$/],
    ] as [string[], RegExp][]) {
      const r = cesuan(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
  });

  it('a model whose method call is bad is refused at file:line:col before any search', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-fit-cli-'));
    const path = join(dir, 'bad.yaml');
    writeFileSync(
      path,
      `id: bad
title: t
years: { base: 2020, target: 2025 }
sources: { a: { title: a } }
series:
  s: { label: s, unit: 万人, years: [2017, 2018, 2019, 2020], values: [1, 2, 3, 4], source: { ref: a, quote: q } }
indicators:
  x:
    label: x
    unit: 万人
    kind: stock
    attribute: indicative
    baseline: { value: 4, source: { ref: a, quote: q } }
    target: null
    derivations:
      d: { label: d, formula: "holt(s, 0, 0.2, 5)", source: { ref: a, quote: q } }
    primary: d
`,
    );
    const r = cesuan(['fit', path, 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /bad\.yaml:16:\d+: indicators\.x\.derivations\.d\.formula: holt\(\): alpha must be in \(0, 1\], got 0$/,
    );
  });
});
