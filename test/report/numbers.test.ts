/**
 * Issue #10 item 11(f): one formatter for every human output (src/report/numbers.ts on engine/graph/format.ts):
 * significant digits, no exponent for ordinary magnitudes, −0 printed as 0, a difference below 1e-9 of the
 * figures compared printed as 0. JSON keeps full precision; CSV keeps 15 significant digits.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvNumber, formatDecimals, formatIn, formatNumber, formatPublished, formatSigned } from '../../src/report/numbers.js';
import { humanNumber } from '../../src/report/rows.js';
import { cesuan } from '../helpers/cli.js';

/**
 * 85 × 0.19 / 0.19 is 84.99999999999999 in doubles (one ulp short of 85, the target); −1.865e48 × 0.1 is
 * −1.8650000000000002e+47. Neither may reach a person as raw digits.
 */
const NOISY_MODEL = `id: noisy
title: 浮点噪声
years: { base: 2020, target: 2025 }
sources:
  appendix: { title: 测算说明, file: 003_ec8b82c3b8b13a4a.txt }
assumptions:
  share:
    label: 份额
    unit: ratio
    default: 0.19
    range: [0, 0.25]
    step: 0.01
    source: { ref: appendix, quote: "份额0.19" }
indicators:
  jobs:
    label: 就业
    unit: 万人
    kind: stock
    attribute: binding
    baseline: { value: 80, source: { ref: appendix, quote: "2020年80万人" } }
    target: { op: ">=", value: 85, source: { ref: appendix, quote: "到2025年85万人" } }
    derivations:
      basis1:
        label: 依据1
        formula: "85 * share / share"
        source: { ref: appendix, quote: "按85万人与份额0.19测算" }
    primary: basis1
  huge:
    label: 巨大
    unit: 万人
    kind: stock
    attribute: indicative
    baseline: { value: 1, source: { ref: appendix, quote: "1万人" } }
    target: { op: ">=", value: 2, source: { ref: appendix, quote: "2万人" } }
    derivations:
      basis1:
        label: 依据1
        formula: "-1.865e48 * 0.1"
        source: { ref: appendix, quote: "-1.865e48 乘 0.1" }
    primary: basis1
`;

const dir = mkdtempSync(join(tmpdir(), 'cesuan-numbers-'));
const model = join(dir, 'noisy.yaml');
writeFileSync(model, NOISY_MODEL);

describe('the one formatter', () => {
  it('significant digits, an exponent only beyond ordinary magnitudes', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-1.8649999906749998e47)).toBe('-1.865e+47');
    expect(formatNumber(123456.789)).toBe('123457');
    expect(formatNumber(0.000012345678)).toBe('0.0000123457');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(221.85559)).toBe('221.856');
  });

  it('−0 is 0', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatIn(-0.001, '万人')).toBe('0');
    expect(formatIn(-0.00001, 'ratio')).toBe('0%');
    expect(formatSigned(-0, '万人')).toBe('0');
    // a real difference that would round to zero keeps its sign and digits (issue #14 bug 1), never "−0"
    expect(formatSigned(-0.001, '万人')).toBe('−0.001');
    expect(formatDecimals(-0.001, 1)).toBe('0.0');
    expect(formatDecimals(219, 1)).toBe('219.0');
  });

  it('a difference below 1e-9 of the figures compared is 0; a real one keeps its sign', () => {
    expect(formatSigned(85 - 84.99999999999999, '万人', undefined, 85)).toBe('0');
    expect(formatSigned(3e-4, '万人', undefined, 1e6)).toBe('0');
    expect(formatSigned(-11.86, '万人', undefined, 210)).toBe('−11.86');
    expect(humanNumber(-2.842170943040401e-14, 85)).toBe('0');
    expect(humanNumber(-1.8650000000000002e47)).toBe('-1.865e+47');
  });

  it('tables print huge values with a short exponent, published figures without noise', () => {
    expect(formatIn(-1.8650000000000002e47, '万人')).toBe('-1.865e+47');
    expect(formatPublished(0.1 + 0.2)).toBe('0.3');
    expect(formatPublished(195.97)).toBe('195.97');
  });

  it('CSV keeps 15 significant digits: 84.99999999999997 is 85, 0.035308 stays', () => {
    expect(csvNumber(84.99999999999997)).toBe('85');
    expect(csvNumber(0.035308)).toBe('0.035308');
    expect(csvNumber((210 / 186.5) ** (1 / 5) - 1)).toBe(String(Number(((210 / 186.5) ** (1 / 5) - 1).toPrecision(15))));
    expect(csvNumber(Number.NaN)).toBe('');
  });
});

describe('the issue’s examples through the CLI', () => {
  it('run: the table prints −1.865e+47, not -1.8650000000000002e+47, and 85 for 84.99999999999999', () => {
    const r = cesuan(['run', model, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('1.8650000000000002');
    expect(r.stdout).toMatch(/巨大 .* -1\.865e\+47 /);
    expect(r.stdout).toMatch(/就业 .* 85 +≥85 +met +0\n/);
  });

  it('run: the warning says 0.3, not 0.30000000000000004', () => {
    const r = cesuan(['run', model, '--set', 'share=0.1+0.2']);
    expect(r.stderr).toContain('share = 0.3 超出其取值范围 [0, 0.25]');
    expect(r.stderr).not.toContain('0.30000000000000004');
    expect(r.stderr).not.toContain('1.8650000000000002');
  });

  it('batch md: the gap of 84.99999999999999 against 85 is 0, not -1.42109e-14', () => {
    const r = cesuan(['batch', model, '-f', 'md']);
    expect(r.code, r.stderr).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes('| jobs |'))!;
    expect(row).not.toMatch(/e-1\d/);
    expect(
      row
        .split('|')
        .map((c) => c.trim())
        .slice(1, 8),
    ).toEqual(['noisy', 'jobs', '80', '85', '85', 'met', '0']);
  });

  it('CSV (run and batch) shows 85 where run shows 85; JSON keeps the full double', () => {
    const csv = cesuan(['run', model, '-f', 'csv', '--lang', 'en']).stdout.split('\n');
    const jobs = csv.find((l) => l.startsWith('jobs,'))!.split(',');
    const header = csv[0]!.split(',');
    expect(jobs[header.indexOf('projection')]).toBe('85');
    const batch = cesuan(['batch', model, '-f', 'csv']).stdout;
    expect(batch).not.toContain('84.99999999999999');
    const json = JSON.parse(cesuan(['run', model, '-f', 'json']).stdout);
    expect(json.indicators.find((i: { id: string }) => i.id === 'jobs').projection).toBe((85 * 0.19) / 0.19);
  });
});
