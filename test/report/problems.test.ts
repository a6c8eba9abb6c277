/**
 * The engine's problems worded for humans (src/report/problems.ts): every code the engine sets is met here by a
 * real model that triggers it, and for each the English template gives back the engine's `message` exactly
 * (so `--lang en` and JSON say what they always said) while the Chinese wording differs and keeps its digits.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import type { Finding, Problem } from '../../src/engine/types.js';
import { loadModel } from '../../src/model/load.js';
import { PROBLEM_WORDS, problemLine, problemText } from '../../src/report/problems.js';
import { repoRoot } from '../helpers/model.js';

const base = readFileSync(join(repoRoot, 'test/fixtures/bad/base.yaml'), 'utf8');
const FORMULA = 'formula: compound(people.baseline, growth, 5)';
const SOURCE = '        source: { ref: doc, quote: "按4%增长" }';
const withSource = (line: string) => base.replace(SOURCE, `${line}\n${SOURCE}`);

/** [file stem, model text, overrides]: together they make the engine raise every code it has. */
const CASES: [string, string, Record<string, number>][] = [
  ['base', base.replace('default: 0.04', 'default: 0.5'), { growth: 0.7 }],
  ['base', base.replace(FORMULA, `${FORMULA} * 1.37`), {}],
  ['other', base.replace('range: [0, 0.1], ', '').replace('default: 0.04', 'default: 4'), {}],
  ['base', base.replace(FORMULA, 'formula: people.baseline * (growth - 1)'), {}],
  ['base', withSource('        path: "t == 3 ? -5 : people.baseline"'), {}],
  ['base', withSource('        path: "110"'), {}],
  [
    'base',
    withSource(
      '        stated: [{ label: 数, value: 1, expr: "0 / 0" }, { label: 数2, value: 1, expr: "cagr(0, 1, 5)" }]\n' +
        '        computed: [{ label: 列, expr: "[1, 2]" }]',
    ),
    {},
  ],
  ['base', base.replace(FORMULA, 'formula: "[1, 2, 3]"'), {}],
  ['base', base.replace(FORMULA, 'formula: sqrt(growth - 1)'), {}],
  ['base', withSource('        path: "t == 3 ? 0 / 0 : people.baseline"'), {}],
  ['base', withSource('        path: "cagr(0, 1, t)"'), {}],
  [
    'base',
    base.replace(
      '    primary: basis',
      '      other:\n        label: 列\n        formula: "[1, 0 / 0]"\n        source: { ref: doc, quote: "按4%增长" }\n    primary: basis',
    ),
    {},
  ],
];

function everyProblem(): (Problem | Finding)[] {
  const out: (Problem | Finding)[] = [];
  CASES.forEach(([stem, text, overrides], i) => {
    const file = join(mkdtempSync(join(tmpdir(), `cesuan-problems-${i}-`)), `${stem}.yaml`);
    writeFileSync(file, text);
    const result = evaluate(loadModel(file), overrides);
    out.push(...result.problems, ...result.indicators.flatMap((ind) => ind.findings));
  });
  return out;
}

describe('problem wording', () => {
  const problems = everyProblem();

  it('the cases raise every code the table words, and every problem has a code', () => {
    expect(problems.every((p) => p.code !== undefined && p.params !== undefined)).toBe(true);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(Object.keys(PROBLEM_WORDS)));
  });

  it('in English each code gives back the engine’s message exactly', () => {
    for (const p of problems) expect(problemText(p, 'en'), p.code).toBe(p.message);
  });

  it('in Chinese each code is worded anew, with the same figures', () => {
    for (const p of problems) {
      const zh = problemText(p, 'zh');
      expect(zh, p.code).not.toBe(p.message);
      expect(zh, p.code).toMatch(/[\u4e00-\u9fff]/);
      // every number of the English text is in the Chinese one (Infinity is written ∞)
      for (const n of p.message.replace(/Infinity/g, '∞').match(/-?\d+(\.\d+)?/g) ?? []) expect(zh, p.code).toContain(n);
    }
  });

  it('the common ones read as a planning bureau writes them', () => {
    const byCode = (code: string) => problems.find((p) => p.code === code)!;
    expect(problemText(byCode('assumption_outside_range'), 'zh')).toBe('growth = 0.7 超出其取值范围 [0, 0.1]');
    expect(problemText(byCode('unquoted_literal'), 'zh')).toBe('数字 1.37 未出现在该公式所依据的任何来源引文中（出处核对）');
    expect(problemText(byCode('ratio_above_one'), 'zh')).toBe(
      'growth：比率的默认值 4 大于 1——是否把百分数写成了普通数字？（应写作 0.04 或 4%）',
    );
    expect(problemText(byCode('derivation_outside_domain'), 'zh')).toBe('basis：-96 万人 超出合理取值范围 [0, ∞]');
    expect(problemText(byCode('figure_not_finite'), 'zh')).toBe('复算结果为 NaN，不是有限数值');
  });

  it('numbers go through the report’s formatter: 0.1 + 0.2 reads 0.3 in both languages', () => {
    const p: Problem = {
      severity: 'warning',
      message: 'share = 0.3 is outside its range [0, 0.25]',
      field: 'set.share',
      position: { file: '--set', line: 1, col: 1 },
      code: 'assumption_outside_range',
      params: { assumption: 'share', value: 0.1 + 0.2, low: 0, high: 0.25 },
    };
    expect(problemLine(p, 'zh')).toBe('警告：--set:1:1: set.share: share = 0.3 超出其取值范围 [0, 0.25]');
    expect(problemLine(p, 'en')).toBe('warning: --set:1:1: set.share: share = 0.3 is outside its range [0, 0.25]');
    expect(problemLine({ ...p, severity: 'error' }, 'zh')).toMatch(/^错误：--set:1:1: /);
    expect(problemLine({ ...p, severity: 'error' }, 'en')).toMatch(/^error: --set:1:1: /);
  });

  it('a problem without a code, with an unknown code or without its figures prints its message', () => {
    const message = 'something the engine words only in English';
    expect(problemText({ message }, 'zh')).toBe(message);
    expect(problemText({ message, code: 'no_such_code' as never, params: {} }, 'zh')).toBe(message);
    expect(problemText({ message, code: 'assumption_outside_range', params: { assumption: 'g' } }, 'zh')).toBe(message);
    expect(problemText({ message, code: 'assumption_outside_range' }, 'zh')).toBe(message);
  });
});
