/**
 * The engine's warnings through the binary: Chinese by default (警告：… 超出其取值范围 …), today's English with
 * `--lang en`, the English `message` (and its `code`) in JSON whatever the language.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';

const base = readFileSync('test/fixtures/bad/base.yaml', 'utf8');
const FORMULA = 'formula: compound(people.baseline, growth, 5)';

/** `base.yaml` saved as `<stem>.yaml` in a fresh folder, after `edit`. */
function caseFile(stem: string, edit: (text: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cesuan-problem-lang-')), `${stem}.yaml`);
  writeFileSync(file, edit(base));
  return file;
}

describe('a --set value outside its range', () => {
  const args = ['run', 'models/zhengzhou-hrss-14th.yaml', '--set', 'injury_growth=0.5'];

  it('is a Chinese warning by default', () => {
    const r = cesuan(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('警告：--set:1:1: set.injury_growth: injury_growth = 0.5 超出其取值范围 [0, 0.08]\n');
  });
  it('is today’s English with --lang en', () => {
    const r = cesuan([...args, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('warning: --set:1:1: set.injury_growth: injury_growth = 0.5 is outside its range [0, 0.08]\n');
  });
  it('keeps its English message in JSON, with its code', () => {
    const r = cesuan([...args, '--format', 'json']);
    expect(JSON.parse(r.stdout).problems).toEqual([
      {
        severity: 'warning',
        field: 'set.injury_growth',
        message: 'injury_growth = 0.5 is outside its range [0, 0.08]',
        position: '--set:1:1',
        code: 'assumption_outside_range',
      },
    ]);
  });
});

describe('a number in no quote, a ratio written as a percentage, an id that is not the file name (run, stderr)', () => {
  const file = caseFile('renamed', (t) =>
    t.replace('range: [0, 0.1], ', '').replace('default: 0.04', 'default: 4').replace(FORMULA, `${FORMULA} * 1.37`),
  );

  it('in Chinese', () => {
    const r = cesuan(['run', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `警告：${file}:19:18: indicators.people.derivations.basis.formula: 数字 1.37 未出现在该公式所依据的任何来源引文中（出处核对）`,
      `警告：${file}:1:5: id: 模型 id“base”与文件名“renamed”不一致（引用和情景按 id 查找模型，即 models/<id>.yaml）`,
      `警告：${file}:7:47: assumptions.growth.default: growth：比率的默认值 4 大于 1——是否把百分数写成了普通数字？（应写作 0.04 或 4%）`,
    ]);
  });
  it('in English with --lang en', () => {
    const r = cesuan(['run', file, '--lang', 'en']);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `warning: ${file}:19:18: indicators.people.derivations.basis.formula: the number 1.37 appears in none of the quotes behind this formula (provenance)`,
      `warning: ${file}:1:5: id: the model id "base" differs from the file name "renamed" (imports and scenarios find a model by its id as models/<id>.yaml)`,
      `warning: ${file}:7:47: assumptions.growth.default: growth: default 4 for a ratio is above 1 — a percentage written as a plain number? (write 0.04 or 4%)`,
    ]);
  });
});

describe('a default outside its range, under the audit table', () => {
  const file = caseFile('base', (t) => t.replace('default: 0.04', 'default: 0.5'));
  const note = (r: { stdout: string }) => r.stdout.split('\n').find((l) => l.includes('assumptions.growth.default'));

  it('in Chinese', () => {
    expect(note(cesuan(['audit', file]))).toBe(`警告：${file}:7:47: assumptions.growth.default: growth = 0.5 超出其取值范围 [0, 0.1]`);
  });
  it('in English with --lang en', () => {
    expect(note(cesuan(['audit', file, '--lang', 'en']))).toBe(
      `warning: ${file}:7:47: assumptions.growth.default: growth = 0.5 is outside its range [0, 0.1]`,
    );
  });
});

describe('a derivation outside the plausible range, in explain', () => {
  const file = caseFile('base', (t) => t.replace(FORMULA, 'formula: people.baseline * (growth - 1)'));

  it('in Chinese', () => {
    const r = cesuan(['explain', file, 'people']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('数值问题：basis：-96 万人 超出合理取值范围 [0, ∞]');
    expect(r.stdout).not.toContain('plausible');
  });
  it('in English with --lang en, and in JSON', () => {
    expect(cesuan(['explain', file, 'people', '--lang', 'en']).stdout).toContain(
      'basis: -96 万人 is outside the plausible range [0, Infinity]',
    );
    const json = JSON.parse(cesuan(['explain', file, 'people', '--format', 'json']).stdout);
    expect(json.findings).toContain('basis: -96 万人 is outside the plausible range [0, Infinity]');
  });
});

describe('a yearly path that disagrees with the formula (plan, stderr)', () => {
  const file = caseFile('base', (t) =>
    t.replace(
      '        source: { ref: doc, quote: "按4%增长" }',
      '        path: "people.baseline + t"\n        source: { ref: doc, quote: "按4%增长" }',
    ),
  );

  it('is 警告： by default and warning: in English', () => {
    expect(cesuan(['plan', file]).stderr).toBe('警告：people: 逐年路径期末为 105，预测为 121.66529\n');
    expect(cesuan(['plan', file, '--lang', 'en']).stderr).toBe(
      'warning: people: the yearly path ends at 105, the projection is 121.66529\n',
    );
  });
});
