/**
 * What a new user hit writing a model (issue #11 §4–6): baseline null, the comma trap, a flat path, an id that is
 * not the file name, a percentage written as a ratio, plain numbers checked against their quotes, `list`
 * wording, and `mc` suggesting a scenario that loads for a model outside models/.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';

const HEAD = ['title: 测试', 'years: { base: 2020, target: 2025 }', 'sources:', '  plan: { title: 测试文件 }'];

/** Write `models/<name>.yaml` in a fresh folder; `id` defaults to the name. */
function write(name: string, body: string[], id = name): string {
  const dir = mkdtempSync(join(tmpdir(), 'cesuan-format-'));
  mkdirSync(join(dir, 'models'));
  const file = join(dir, 'models', `${name}.yaml`);
  writeFileSync(file, `${[`id: ${id}`, ...HEAD, ...body].join('\n')}\n`);
  return file;
}

const indicator = (baseline: string, extra: string[] = []) => [
  'indicators:',
  '  jobs:',
  '    label: 城镇新增就业人数',
  '    unit: 万人',
  '    kind: stock',
  '    attribute: indicative',
  `    baseline: ${baseline}`,
  '    target: { op: ">=", value: 72, source: { ref: plan, quote: "72万人" } }',
  ...extra,
];

const warnings = (file: string): Array<{ field: string; message: string; line: number }> =>
  JSON.parse(cesuan(['run', file, '-f', 'json']).stdout).problems.map((p: { field: string; message: string; position: string }) => ({
    field: p.field,
    message: p.message,
    line: Number(p.position.split(':').at(-2)),
  }));

describe('baseline: null', () => {
  it('loads and runs with `baseline: null` and with `value: null` and no source', () => {
    for (const b of ['null', '{ value: null, note: 表中为“—” }']) {
      const r = cesuan(['run', write('nullbase', indicator(b)), '-f', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).indicators[0]).toMatchObject({ baseline: null, target: 72 });
    }
  });

  it('a baseline with a value still needs a source, at its position', () => {
    const file = write('nullbase', indicator('{ value: 60 }'));
    const r = cesuan(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nullbase\.yaml:12:\d+: indicators\.jobs\.baseline\.source: a baseline with a value needs a source/);
  });
});

describe('warnings at their positions', () => {
  it('the comma trap says "quote this expression"', () => {
    const file = write('comma', [
      'assumptions:',
      '  share_x: { label: 份额, unit: ratio, default: 0.5 }',
      ...indicator('{ value: 60, source: { ref: plan, quote: "60万人" } }', [
        '    stated:',
        '      - { label: 检查, value: 60, expr: max(jobs.baseline, share_x) }',
      ]),
    ]);
    const r = cesuan(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /comma\.yaml:\d+:\d+: indicators\.jobs\.stated\.0\.share_x\): unknown field "share_x\)": .*quote this expression/,
    );
  });

  it('the model id differs from the file name; a ratio default above 1', () => {
    const file = write(
      'right-name',
      [
        'assumptions:',
        '  growth:',
        '    label: 年均增长率',
        '    unit: ratio',
        '    default: 7',
        ...indicator('{ value: 60, source: { ref: plan, quote: "60万人" } }'),
      ],
      'wrong-name',
    );
    const w = warnings(file);
    expect(w).toContainEqual({
      field: 'id',
      line: 1,
      message: expect.stringMatching(/model id "wrong-name" differs from the file name "right-name"/),
    });
    expect(w).toContainEqual({
      field: 'assumptions.growth.default',
      line: 10,
      message: expect.stringMatching(/default 7 for a ratio is above 1 .*0\.07 or 7%/),
    });
  });

  it('a plain-number default and a stated value are checked against their quotes (0.07 vs 6%, 44 vs 42)', () => {
    const file = write('numbers', [
      'assumptions:',
      '  growth: { label: 年均增长率, unit: ratio, default: 0.07, source: { ref: plan, quote: "年均增长6%" } }',
      '  ok: { label: 年均增长率, unit: ratio, default: 0.06, source: { ref: plan, quote: "年均增长6%" } }',
      ...indicator('{ value: 60, source: { ref: plan, quote: "60万人" } }', [
        '    derivations:',
        '      basis:',
        '        label: 依据',
        '        formula: 60 * (1 + growth) ^ 5',
        '        stated:',
        '          - { label: 每年新增, value: 44 }',
        '          - { label: 2020年, value: 60 }',
        '        source: { ref: plan, quote: "每年新增42万人，2020年60万人，年均增长6%" }',
      ]),
    ]);
    const w = warnings(file).filter((x) => /appears in none of the quotes/.test(x.message));
    expect(w.map((x) => [x.field, x.line])).toEqual([
      ['assumptions.growth.default', 7],
      ['indicators.jobs.derivations.basis.stated.0.value', 22],
    ]);
  });

  it('a path that does not vary with t while the baseline differs: warned, and plan says it is flat', () => {
    const file = write(
      'flat',
      indicator('{ value: 60, source: { ref: plan, quote: "60万人" } }', [
        '    derivations:',
        '      basis: { label: 依据, formula: 72, path: jobs, source: { ref: plan, quote: "72万人" } }',
        '    primary: basis',
      ]),
    );
    expect(warnings(file)).toContainEqual({
      field: 'indicators.jobs.derivations.basis.path',
      line: 15,
      message: expect.stringMatching(/path does not vary with t \(72 in every year, 2020 included\) while the baseline is 60/),
    });
    const plan = cesuan(['plan', file, '--lang', 'en']);
    expect(plan.stdout).toContain('⚠ ends at projection, but the path is flat');
    expect(plan.stdout).not.toContain('✓ ends at projection');
    const fine = write(
      'moving',
      indicator('{ value: 60, source: { ref: plan, quote: "60万人" } }', [
        '    derivations:',
        '      basis: { label: 依据, formula: 72, path: 60 * (72 / 60) ^ (t / 5), source: { ref: plan, quote: "72万人" } }',
        '    primary: basis',
      ]),
    );
    expect(warnings(fine)).toEqual([]);
    expect(cesuan(['plan', fine, '--lang', 'en']).stdout).toContain('✓ ends at projection');
  });
});

describe('list and mc', () => {
  it('list says "1 sub-row"', () => {
    const file = write(
      'subrow',
      indicator('{ value: 60, source: { ref: plan, quote: "60万人" } }', [
        '  jobs_rural:',
        '    label: 其中：农村',
        '    unit: 万人',
        '    parent: jobs',
        '    kind: stock',
        '    attribute: indicative',
        '    baseline: null',
        '    target: null',
      ]),
    );
    const r = cesuan(['list', join(file, '..'), '--lang', 'en']);
    expect(r.stdout).toContain('2 (incl. 1 sub-row)');
    expect(r.stdout).not.toContain('sub-rows');
  });

  it('mc on a model outside models/ suggests a scenario beside it that loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-elsewhere-'));
    const file = join(dir, 'city-plan.yaml');
    writeFileSync(
      file,
      `${[
        'id: city-plan',
        ...HEAD,
        'assumptions:',
        '  growth: { label: 年均增长率, unit: ratio, default: 0.03, range: [0, 0.1] }',
        ...indicator('{ value: 60, source: { ref: plan, quote: "60万人" } }', [
          '    derivations:',
          '      basis: { label: 依据, formula: 60 * (1 + growth) ^ 5, source: { ref: plan, quote: "60万人 年均增长3%" } }',
          '    primary: basis',
        ]),
      ].join('\n')}\n`,
    );
    const r = cesuan(['mc', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('city-plan-uncertainty.yaml:');
    expect(r.stderr).toContain('  model: city-plan.yaml');
    // write what it suggests: it loads
    const scenario = r.stderr.split('\n');
    const start = scenario.findIndex((l) => l.startsWith('  model:'));
    const yaml = scenario
      .slice(start, start + 3)
      .map((l) => l.slice(2))
      .join('\n');
    writeFileSync(join(dir, 'city-plan-uncertainty.yaml'), `${yaml}\n`);
    const mc = cesuan(['mc', 'city-plan-uncertainty.yaml', '-n', '200', '-f', 'json'], { cwd: dir });
    expect(mc.stderr).toBe('');
    expect(mc.code).toBe(0);
    // a model that is nowhere: each path searched is listed once
    // scenarios/../models and ./models are the same folder from here: it is listed once
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(join(dir, 'scenarios', 'lost.yaml'), 'model: nowhere\n');
    const lost = cesuan(['run', 'scenarios/lost.yaml'], { cwd: dir });
    expect(lost.code).toBe(2);
    const listed = /looked for (.*)\)/.exec(lost.stderr)![1]!.split(', ');
    expect(listed.slice(0, 2)).toEqual(['scenarios/nowhere.yaml', 'models/nowhere.yaml']);
    expect(listed.length).toBe(new Set(listed).size);
    expect(readFileSync(join(dir, 'scenarios', 'lost.yaml'), 'utf8')).toBe('model: nowhere\n');
  });
});
