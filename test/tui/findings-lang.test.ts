/**
 * The indicator detail's numeric findings (数值问题) in the interface's language: worded from the engine's code
 * in Chinese, the engine's English message in English.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { loadModel } from '../../src/model/load.js';
import { detailBody } from '../../src/tui/components/indicator-detail.js';
import { STRINGS } from '../../src/tui/strings.js';
import { repoRoot } from '../helpers/model.js';

describe('findings in the indicator detail', () => {
  const text = readFileSync(join(repoRoot, 'test/fixtures/bad/base.yaml'), 'utf8').replace(
    'formula: compound(people.baseline, growth, 5)',
    'formula: people.baseline * (growth - 1)',
  );
  const file = join(mkdtempSync(join(tmpdir(), 'cesuan-findings-')), 'base.yaml');
  writeFileSync(file, text);
  const ind = evaluate(loadModel(file)).indicators[0]!;
  const lines = (lang: 'zh' | 'en') => detailBody(ind, STRINGS[lang], 200).map((row) => row.map((c) => c.text).join(''));

  it('reads in Chinese by default', () => {
    expect(lines('zh')).toContain('  basis：-96 万人 超出合理取值范围 [0, ∞]');
    expect(lines('zh')).toContain('  逐年路径：2025 年的值 -96 万人 超出合理取值范围');
  });
  it('reads as the engine’s English message in English', () => {
    expect(lines('en')).toContain('  basis: -96 万人 is outside the plausible range [0, Infinity]');
  });
});
