import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplate, TemplateError } from '../../src/model/template.js';
import { formatNumber, renderTemplate } from '../../src/report/template.js';
import { cesuan } from '../helpers/cli.js';

const values: Record<string, { value: number | number[]; unit: string }> = {
  'henan.new_jobs_total': { value: 500, unit: '万人' },
  share: { value: 0.113, unit: 'ratio' },
  injury_growth: { value: 0.0353292, unit: 'ratio' },
  basis2: { value: 221.8597, unit: '万人' },
  rate: { value: 2.29, unit: '%' },
  cert_new: { value: [4.32, 4.45, 5.65, 6.56, 6.83], unit: '万人' },
};
const lookup = (name: string) => values[name];

describe('text: templates — parse', () => {
  it('splits literal text and placeholders with their format and hedge', () => {
    const t = parseTemplate('以{~basis2:.0}为准，{injury_growth:.2%}，{basis2:u~}，{{literal}}');
    const ph = t.parts.filter((p) => typeof p !== 'string');
    expect(ph.map((p) => typeof p !== 'string' && [p.expr, p.spec.decimals, p.spec.type, p.hedge])).toEqual([
      ['basis2', 0, undefined, 'before'],
      ['injury_growth', 2, '%', undefined],
      ['basis2', undefined, 'u', 'after'],
    ]);
    expect(t.parts.at(-1)).toBe('，{literal}');
  });
  it('an unclosed brace, a stray }, a bad format spec and an empty placeholder are errors with their offset', () => {
    expect(() => parseTemplate('达到{basis2万人')).toThrow(TemplateError);
    expect(() => parseTemplate('达到{basis2万人')).toThrow(/unclosed/);
    try {
      parseTemplate('达到{basis2万人');
    } catch (e) {
      expect((e as TemplateError).offset).toBe(2);
    }
    expect(() => parseTemplate('达到}')).toThrow(/unmatched/);
    expect(() => parseTemplate('{injury_growth:.2x}')).toThrow(/bad format spec ":.2x"/);
    expect(() => parseTemplate('{:.2}')).toThrow(/empty placeholder/);
  });
});

describe('text: templates — render by unit with the precision asked for', () => {
  it('renders the TUI label example', () => {
    const r = renderTemplate('全省目标任务{henan.new_jobs_total}万人 × 郑州占比{share:.1%}', lookup);
    expect(r.text).toBe('全省目标任务500万人 × 郑州占比11.3%');
    expect(r.values.map((v) => v.name)).toEqual(['henan.new_jobs_total', 'share']);
  });
  it('ratios print as percentages, values in % keep their number, .N fixes decimals, u adds the unit', () => {
    expect(
      renderTemplate('{injury_growth:.4%}|{injury_growth}|{injury_growth:n}|{rate}|{rate:%}|{basis2:.0}|{basis2}|{basis2:.1u}', lookup)
        .text,
    ).toBe('3.5329%|3.53%|0.04|2.29|2.29%|222|221.86|221.9万人');
  });
  it('the hedge marker adds 约 before or 左右 after (about in English); a series prints as a list', () => {
    expect(renderTemplate('{~basis2:.1}；{basis2:.0u~}；{cert_new}', lookup).text).toBe(
      '约221.9；222万人左右；4.32、4.45、5.65、6.56、6.83',
    );
    expect(renderTemplate('{~basis2:.1}; {basis2:.0u~}; {cert_new}', lookup, 'en').text).toBe(
      'about 221.9; about 222万人; 4.32, 4.45, 5.65, 6.56, 6.83',
    );
  });
  it('a missing value prints —, never NaN', () => {
    expect(renderTemplate('{nothing:.2}', lookup).text).toBe('—');
    expect(formatNumber(Number.NaN, '万人')).toBe('—');
  });
});

describe('text: template errors are load-time errors for every command (file:line:col, exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cesuan-template-'));
  const mini = readFileSync('test/fixtures/mini.yaml', 'utf8');
  const withText = (text: string) => {
    const file = join(dir, `t${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, mini.replace('        label: 测算依据2\n', `        label: 测算依据2\n        text: "${text}"\n`));
    return file;
  };
  const textLine = mini.split('\n').indexOf('        label: 测算依据2') + 2;
  const cases: [string, string, RegExp][] = [
    ['unknown name', '按{injury_grwth:.2%}测算', /template \{injury_grwth:\.2%\}: unknown name "injury_grwth"/],
    ['bad format spec', '按{injury_growth:.2q}测算', /template: bad format spec ":\.2q"/],
    ['unclosed brace', '达到{basis2万人', /template: unclosed "\{"/],
  ];
  for (const [what, text, message] of cases) {
    for (const command of [['run'], ['audit'], ['explain', '_', 'injury_insured'], ['plan'], ['write']]) {
      it(`${what}: cesuan ${command[0]}`, () => {
        const file = withText(text);
        const args = command.length === 3 ? [command[0]!, file, command[2]!] : [command[0]!, file];
        const out = join(dir, 'out.md');
        const r = cesuan(command[0] === 'write' ? [...args, '-o', out] : args);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        const lines = r.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(
          new RegExp(
            `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${textLine}:\\d+: indicators\\.injury_insured\\.derivations\\.basis2\\.text: `,
          ),
        );
        expect(lines[0]).toMatch(message);
        if (command[0] === 'write') expect(existsSync(out)).toBe(false);
      });
    }
  }
});

describe('valuesLookup: a template over a model’s evaluated values (the TUI’s labels)', () => {
  it('renders names with their units from the model, the indicator’s own fields by short name', async () => {
    const { loadModel } = await import('../../src/model/load.js');
    const { evaluate } = await import('../../src/engine/graph/evaluate.js');
    const { valuesLookup } = await import('../../src/report/template.js');
    const model = loadModel('models/zhengzhou-hrss-14th.yaml');
    const result = evaluate(model);
    const label = renderTemplate(
      '全省目标任务{henan.new_jobs_total}万人 × 郑州占比{new_jobs_share:.1%} = {basis1:u}',
      valuesLookup(model, result.values, 'new_urban_jobs'),
    );
    expect(label.text).toBe('全省目标任务500万人 × 郑州占比11.3% = 56.5万人');
    expect(renderTemplate('{nowhere}', valuesLookup(model, result.values)).text).toBe('—');
  });
});

describe('a multi-line template (text: |-) reports the placeholder’s own line and column', () => {
  it('unknown name on the second line of the block', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-template-'));
    const file = join(dir, 'block.yaml');
    const mini = readFileSync('test/fixtures/mini.yaml', 'utf8');
    writeFileSync(
      file,
      mini.replace(
        '        label: 测算依据2\n',
        '        label: 测算依据2\n        text: |-\n          第一段{basis2}万人。\n          第二段按{injury_grwth:.2%}测算。\n',
      ),
    );
    const r = cesuan(['run', file]);
    expect(r.code).toBe(2);
    const line = mini.split('\n').indexOf('        label: 测算依据2') + 4; // 1-based: label, text, first, second
    // “          第二段按” is 10 spaces and 4 characters: the brace is column 15
    expect(r.stderr.trim()).toBe(
      `${file}:${line}:15: indicators.injury_insured.derivations.basis2.text: template {injury_grwth:.2%}: unknown name "injury_grwth"`,
    );
  });
});
