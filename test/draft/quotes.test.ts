/**
 * Quotes against the shipped documents: every quote in the five models verbatim and at its line; audit reports
 * a quote that moved or is missing in its own section (table, md, json) and `--strict` exits 1 on it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.js';
import { checkQuotes, findQuote } from '../../src/model/quotes.js';
import { cesuan } from '../helpers/cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const MODELS = ['henan-parent-14th', 'shiyan-hrss-14th', 'xinxiang-talent-14th', 'zhejiang-hrss-14th', 'zhengzhou-hrss-14th'];

describe('quotes in the shipped models', () => {
  it('all 447 quotes are verbatim in documents/ and at their stated lines (±2)', () => {
    let checked = 0;
    for (const id of MODELS) {
      const r = checkQuotes(loadModel(join(root, 'models', `${id}.yaml`)));
      expect(
        r.findings.map((f) => `${f.position.line}: ${f.message}`),
        id,
      ).toEqual([]);
      checked += r.checked;
    }
    expect(checked).toBeGreaterThanOrEqual(447); // 447 when the issue was filed; models only gain quotes
  });

  it('ignores whitespace and finds a quote that runs over a line break', () => {
    const lines = ['第一行', '城镇新增就业 35万人', '', '以上，城镇', '调查失业率'];
    expect(findQuote(lines, '城镇新增就业35 万人')).toEqual([2]);
    expect(findQuote(lines, '以上，城镇调查失业率')).toEqual([4]);
    expect(findQuote(lines, '城镇', 5)).toEqual([4, 2]);
  });
});

function model(dir: string, baselineLine: number, statedQuote: string): string {
  const file = join(dir, 'quote-check.yaml');
  writeFileSync(
    file,
    [
      'id: quote-check',
      'title: 十堰 quote check',
      'years: { base: 2020, target: 2025 }',
      'sources:',
      '  plan: { title: 十堰, file: 002_6dfc5125a1bfd828.txt }',
      '  local: { title: a document beside the model, file: local.txt }',
      'indicators:',
      '  urban_new_jobs:',
      '    label: 城镇新增就业人数',
      '    unit: 万人',
      '    kind: cumulative',
      '    attribute: indicative',
      `    baseline: { value: 22, source: { ref: plan, line: ${baselineLine}, quote: "〔22〕" } }`,
      '    target: { op: ">=", value: 15, source: { ref: plan, line: 50, quote: "〔15〕" } }',
      '    stated:',
      `      - { label: 本地文件, value: 22, expr: urban_new_jobs.baseline, source: { ref: local, line: 2, quote: "${statedQuote}" } }`,
    ].join('\n'),
  );
  writeFileSync(join(dir, 'local.txt'), '第一行\n城镇新增就业22万人\n');
  return file;
}

describe('cesuan audit: provenance findings', () => {
  it('says "quote found at line N, not M" and "quote not found", in table, md and json; --strict exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-quotes-'));
    const file = model(dir, 60, '城镇新增就业23万人');
    const table = cesuan(['audit', file, '--lang', 'en']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Provenance: 3 quotes checked against their documents, 2 findings/);
    expect(table.stdout).toMatch(
      /quote-check\.yaml:13:\d+: indicators\.urban_new_jobs\.baseline\.source: quote found at line 50, not 60: “〔22〕”/,
    );
    expect(table.stdout).toMatch(/indicators\.urban_new_jobs\.stated\.0\.source: quote not found: “城镇新增就业23万人”/);
    expect(cesuan(['audit', file]).stdout).toMatch(/引文在第 50 行，不在第 60 行/);
    expect(cesuan(['audit', file, '-f', 'md', '--lang', 'en']).stdout).toMatch(
      /^## Provenance: 3 quotes[^\n]*\n\n- [^\n]*quote found at line 50, not 60/m,
    );
    const json = JSON.parse(cesuan(['audit', file, '-f', 'json']).stdout);
    expect(json.provenance.checked).toBe(3);
    expect(
      json.provenance.findings.map((f: { kind: string; found_at: number | null; message: string }) => [f.kind, f.found_at, f.message]),
    ).toEqual([
      ['wrong_line', 50, 'quote found at line 50, not 60'],
      ['not_found', null, 'quote not found'],
    ]);
    expect(cesuan(['audit', file, '--strict']).code).toBe(1);
  });

  it('a quote within two lines of its stated line passes; the document beside the model is found first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-quotes-'));
    const file = model(dir, 52, '城镇新增就业22万人');
    const r = cesuan(['audit', file, '--strict', '--lang', 'en']);
    expect(r.stdout).toMatch(/Provenance: 3 quotes checked against their documents, all verbatim and at their lines/);
    expect(r.code).toBe(0);
  });
});
