/**
 * `cesuan draft` against the hand-written models (the same rows: baseline, target, operator, kind, attribute,
 * unit) and against small documents in other layouts (header order, unit column, wrapped labels, tabs).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Converter } from 'opencc-js/t2cn';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { draftModel, type Draft } from '../../src/model/draft/index.js';
import type { IndicatorSpec, ModelSpec } from '../../src/model/schema.js';
import { cesuan } from '../helpers/cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const simplify = Converter({ from: 'tw', to: 'cn' });
const doc = (name: string) => readFileSync(join(root, 'documents', name), 'utf8');
const draftOf = (name: string, table?: number): Draft => draftModel(doc(name), { documentName: name, simplify, table });
const handModel = (id: string): ModelSpec => parse(readFileSync(join(root, 'models', `${id}.yaml`), 'utf8')) as ModelSpec;
const row = (i: IndicatorSpec) => ({
  baseline: i.baseline?.value ?? null,
  target: i.target?.value ?? null,
  op: i.target?.op ?? null,
  kind: i.kind,
  attribute: i.attribute,
  unit: i.unit,
});

/**
 * Where the hand-written model reads the plan's prose instead of the cell, the draft keeps the cell as written
 * (the issue: "< ≤ > ≥ as written"): those rows differ in the operator (or a target the table lacks) only.
 */
function compare(draft: Draft, hand: ModelSpec, prose: Record<string, Partial<ReturnType<typeof row>>>): void {
  const drafted = Object.values(draft.spec.indicators);
  const written = Object.values(hand.indicators);
  expect(drafted.length).toBe(written.length);
  written.forEach((h, k) => {
    const d = drafted[k]!;
    expect({ ...row(d), ...prose[h.number!] }, `row ${h.number} ${h.label}`).toEqual({ ...row(h), ...prose[h.number!] });
    if (prose[h.number!]) expect(row(d), `row ${h.number} as written`).toMatchObject(prose[h.number!]!);
    expect(d.parent !== undefined, `row ${h.number} sub-row`).toBe(h.parent !== undefined || /^其中/.test(d.label));
  });
}

describe('the seed documents give the hand-written models’ rows', () => {
  it('郑州 专栏2 (000): 18 rows + 2 sub-rows, years 2020→2025, 专栏1 listed as well', () => {
    const d = draftOf('000_c5530f7d589473d0.txt');
    expect(d.tables.map((t) => t.years)).toEqual([
      { base: 2015, target: 2020 },
      { base: 2020, target: 2025 },
    ]);
    expect(d.chosen).toBe(2);
    expect(d.spec.years).toEqual({ base: 2020, target: 2025 });
    // the model reads 14/15 from the prose (达60%以上, 92%以上) and 16 as 达到100%; the cells say >60, >92, 100
    compare(d, handModel('zhengzhou-hrss-14th'), { 14: { op: '>' }, 15: { op: '>' }, 16: { op: '>=' } });
    const ids = Object.keys(d.spec.indicators);
    expect(ids.filter((id) => d.spec.indicators[id]!.parent === 'row_6')).toEqual(['row_6_1', 'row_6_2']);
    expect(d.spec.groups.map((g) => g.label)).toEqual(['就业', '社会保障', '人才队伍建设', '劳动关系', '公共服务']);
  });

  it('郑州 in the gazette (003, tab-separated, header repeated after a page break): the same 20 rows', () => {
    const d = draftOf('003_ec8b82c3b8b13a4a.txt');
    compare(d, handModel('zhengzhou-hrss-14th'), { 14: { op: '>' }, 15: { op: '>' }, 16: { op: '>=' } });
  });

  it('新乡 (001): 30 rows; single-cell rows read as the 2025 target with a null baseline', () => {
    const d = draftOf('001_ec30a6b184c889d4.txt');
    // the model takes ≥ for ">x" (以上 in the prose), ≈40 (prose) and ≤5.5 for the garbled “<>” (prose, line 61)
    const asWritten = { op: '>' as const };
    compare(d, handModel('xinxiang-talent-14th'), {
      8: asWritten,
      11: { op: '>=' },
      16: asWritten,
      23: { op: null, target: null },
      24: asWritten,
      26: asWritten,
      27: asWritten,
      28: asWritten,
      29: asWritten,
    });
    const r8 = d.spec.indicators['row_8']!;
    expect(r8.baseline.value).toBeNull();
    expect(r8.baseline.source).toBeUndefined();
    expect(r8.target).toMatchObject({ value: 5.5, published: '>5.5', source: { line: 136, quote: '>5.5' } });
    expect(d.warnings.map((w) => w.line)).toEqual(expect.arrayContaining([134, 140, 260, 262, 266, 280]));
    expect(d.spec.indicators['row_30']!.target).toMatchObject({ op: '≈', value: 11, published: '11.0 左右' });
    // the garbled “<>” target: the text's sentence is pointed at (line 61), never filled in
    expect(d.spec.indicators['row_23']!.target).toBeNull();
    expect(d.spec.indicators['row_23']!.note).toContain('正文第 61 行或可补：“城镇调查失业率控制在5.5%以内”');
    expect(d.warnings).toContainEqual(expect.objectContaining({ line: 61, kind: 'prose_hint', row: '23' }));
  });

  it('十堰 (002, pipes, a 十三五 column the header names): 16 rows incl. 3 sub-rows', () => {
    const d = draftOf('002_6dfc5125a1bfd828.txt');
    compare(d, handModel('shiyan-hrss-14th'), {});
    expect(Object.values(d.spec.indicators).filter((i) => i.parent).length).toBe(3);
    expect(d.spec.indicators['row_2']!.baseline).toMatchObject({ value: null, published: '—', source: { line: 51, quote: '—' } });
    // --table 1 is the 十三五 review: 2015 base, 2020 column as the target
    expect(draftOf('002_6dfc5125a1bfd828.txt', 1).spec.years).toEqual({ base: 2015, target: 2020 });
  });

  it('浙江 (004, traditional, damaged): drafts the three labelled rows, warns about every empty row', () => {
    const d = draftOf('004_667e7b2015fa3219.txt');
    expect(d.spec.years).toEqual({ base: 2020, target: 2025 });
    const inds = Object.values(d.spec.indicators);
    expect(inds.map((i) => [i.number, i.unit, i.baseline.value, i.target])).toEqual([
      ['7', '万人', null, null],
      ['13', '万人', null, null],
      ['14', '万人', null, null],
    ]);
    expect(inds[0]!.label).toBe('專業技術人才總量(含在管理崗位的專技人才)'); // quoted as printed, matched simplified
    expect(inds[2]!.parent).toBe('row_13');
    expect(d.warnings.length).toBeGreaterThan(20);
    expect(d.warnings.some((w) => w.line === 53 && /no figures/.test(w.message))).toBe(true);
    // --table 1: the 十三五 table flattened into one line (line 6) is cut back into its five rows
    const t1 = Object.values(draftOf('004_667e7b2015fa3219.txt', 1).spec.indicators);
    expect(t1.map((i) => [i.number, i.label, i.unit, i.baseline.value, i.target?.value ?? null, i.baseline.source?.line ?? null])).toEqual([
      ['1', '人才資源總量', '万人', 1075, 1400, 6],
      ['2', '專業技術人才總量', '万人', 480, 650, 6],
      ['3', '高、中、初級專業技術人才比例', '%', null, null, 6],
      ['4', '高技能人才總量', '万人', 220, 320, 6],
      ['5', '人才貢獻率', '%', 35.5, 40, 6],
    ]);
  });

  it('every quote is the cell at its line, verbatim', () => {
    for (const name of ['000_c5530f7d589473d0.txt', '001_ec30a6b184c889d4.txt', '002_6dfc5125a1bfd828.txt', '003_ec8b82c3b8b13a4a.txt']) {
      const lines = doc(name).split('\n');
      for (const ind of Object.values(draftOf(name).spec.indicators)) {
        for (const s of [ind.baseline.source, ind.target?.source])
          if (s) expect(lines[s.line! - 1], `${name}:${s.line}`).toContain(s.quote);
      }
    }
  });
});

const own = (text: string) => draftModel(text, { documentName: 'own.txt' });

describe('layouts no seed uses', () => {
  it('the target column before the baseline, a unit column, a 2015 column the header rules out', () => {
    const d = own(
      [
        '附表 某市“十五五”就业主要指标',
        '| 指标名称 | 单位 | 2030年目标 | 2015年 | 2025年基数 | 指标属性 |',
        '| 一、就业 | | | | | |',
        '| 1.城镇新增就业 | 万人 | [50] | 40 | 48.5 | 预期性 |',
        '| 2.城镇调查失业率 | % | 5.5左右 | — | 5.1 | 预期性 |',
        '| 3.技能人才占比 | % | 30 | 18 | 24 | 约束性 |',
        '| 4.农民工欠薪案件数 | 件 | 100 | 300 | 150 | |',
        '注：[ ]内为五年累计数。',
      ].join('\n'),
    );
    expect(d.spec.years).toEqual({ base: 2025, target: 2030 });
    expect(
      Object.values(d.spec.indicators).map((i) => [i.unit, i.kind, i.attribute, i.baseline.value, i.target?.op, i.target?.value]),
    ).toEqual([
      ['万人', 'cumulative', 'indicative', 48.5, '>=', 50],
      ['%', 'rate', 'indicative', 5.1, '≈', 5.5],
      ['%', 'rate', 'binding', 24, '>=', 30],
      ['件', 'stock', 'unknown', 150, '<=', 100], // 欠薪: lower is better, a bare target is an upper bound
    ]);
    expect(d.spec.indicators['row_1']!.baseline.source).toEqual({
      ref: 'plan',
      item: '附表 某市“十五五”就业主要指标 第1项 2025年基数',
      line: 4,
      quote: '48.5',
    });
  });

  it('one cell per line with a label wrapped over two lines and a unit on its own line', () => {
    const d = own(
      [
        '专栏1 主要指标',
        '',
        '指标',
        '',
        '2025年',
        '',
        '2030年',
        '',
        '属性',
        '',
        '一、社会保障',
        '',
        '1.基本养老保险',
        '',
        '参保率',
        '',
        '(%)',
        '',
        '95',
        '',
        '≥97',
        '',
        '约束性',
        '',
        '2.其中：城乡居民',
        '',
        '养老保险参保人数（万人）',
        '',
        '233.8',
        '',
        '240',
        '',
        '预期性',
        '',
        '3.失业保险参保人数',
        '',
        '（万人）',
        '',
        '250',
        '',
        '约 280',
        '',
        '预期性',
        '',
        '注：以上为预测数。',
      ].join('\n'),
    );
    const inds = Object.values(d.spec.indicators);
    expect(inds.map((i) => [i.number, i.label, i.unit, i.kind, i.baseline.value, i.target?.op, i.target?.value, i.parent ?? null])).toEqual(
      [
        ['1', '基本养老保险参保率', '%', 'rate', 95, '>=', 97, null],
        ['2', '其中：城乡居民养老保险参保人数', '万人', 'stock', 233.8, '>=', 240, 'row_1'],
        ['3', '失业保险参保人数', '万人', 'stock', 250, '≈', 280, null],
      ],
    );
    expect(inds[1]!.target!.source).toMatchObject({ line: 31, quote: '240' });
    expect(d.warnings).toEqual([]);
  });

  it('a Markdown table with a 序号 column; footnote marks and hedges around brackets', () => {
    const d = own(
      [
        '表1 “十五五”时期主要指标',
        '',
        '| 序号 | 指标 | 单位 | 2025年 | 2030年 | 属性 |',
        '| :---: | --- | --- | ---: | ---: | --- |',
        '| 一 | 就业 | | | | |',
        '| 1 | 城镇新增就业人数 | 万人 | 65.77* | 〔60〕左右 | 预期性 |',
        '| 2 | 城镇调查失业率 | % | 5.2① | 5.5 | 预期性 |',
      ].join('\n'),
    );
    expect(d.spec.groups).toEqual([{ id: 'group_1', label: '就业' }]);
    expect(
      Object.values(d.spec.indicators).map((i) => [i.number, i.label, i.unit, i.kind, i.baseline.value, i.target?.op, i.target?.value]),
    ).toEqual([
      ['1', '城镇新增就业人数', '万人', 'cumulative', 65.77, '≈', 60],
      ['2', '城镇调查失业率', '%', 'rate', 5.2, '<=', 5.5],
    ]);
    expect(d.spec.indicators['row_1']!.baseline.source).toMatchObject({ line: 6, quote: '65.77*' });
    expect(d.warnings).toEqual([]);
  });

  it('pipe rows whose label wraps onto the next line, before or after its figures', () => {
    const d = own(
      [
        '专栏3 主要指标',
        '指标 | 2020年 | 2025年 | 属性',
        '1.新增取得高级工以上职业资格 | | | |',
        '证书人数(万人) | 2 | [24] | 预期性 |',
        '2.劳动人事争议调解 | 65.3 | >60 | 预期性 |',
        '成功率(%) | | | |',
        '3.社会保障卡持卡人数(万人) | 992 | 1100 | 预期性 |',
      ].join('\n'),
    );
    expect(
      Object.values(d.spec.indicators).map((i) => [
        i.number,
        i.label,
        i.unit,
        i.kind,
        i.baseline.value,
        i.target?.op,
        i.target?.value,
        i.parent ?? null,
      ]),
    ).toEqual([
      ['1', '新增取得高级工以上职业资格证书人数', '万人', 'cumulative', 2, '>=', 24, null],
      ['2', '劳动人事争议调解成功率', '%', 'rate', 65.3, '>', 60, null],
      ['3', '社会保障卡持卡人数', '万人', 'stock', 992, '>=', 1100, null],
    ]);
  });

  it('a 类别 column names the groups; the label column comes second', () => {
    const d = own(
      [
        '附件 主要指标',
        '类别\t指标\t2025年基期值\t2030年目标值\t指标属性',
        '就业\t城镇新增就业人数（万人）\t[55]\t[50]\t预期性',
        '\t城镇调查失业率（%）\t5.1\t<5.5\t预期性',
        '社会保障\t基本养老保险参保率（%）\t95\t97\t约束性',
      ].join('\n'),
    );
    expect(d.spec.groups.map((g) => g.label)).toEqual(['就业', '社会保障']);
    expect(
      Object.values(d.spec.indicators).map((i) => [
        i.group,
        i.label,
        i.unit,
        i.kind,
        i.attribute,
        i.baseline.value,
        i.target?.op,
        i.target?.value,
        i.parent ?? null,
      ]),
    ).toEqual([
      ['group_1', '城镇新增就业人数', '万人', 'cumulative', 'indicative', 55, '>=', 50, null],
      ['group_1', '城镇调查失业率', '%', 'rate', 'indicative', 5.1, '<', 5.5, null],
      ['group_2', '基本养老保险参保率', '%', 'rate', 'binding', 95, '>=', 97, null],
    ]);
  });

  it('rows and header with cells separated by spaces (text extracted from a PDF)', () => {
    const d = own(
      [
        '专栏2 主要指标',
        '指 标 2020 年 2025 年 属性',
        '一、就业',
        '1.城镇新增就业人数(万人) 65.77 [60] 预期性',
        '2.城镇登记失业率(%) 1.95 ≤4 预期性',
        '3.劳动年龄人口平均受教育年限(年) 10.2 11.0 左右 约束性',
        '4.社会保障卡持卡人数 万人 992 1100 预期性',
        '注：[ ]内为五年累计数。',
      ].join('\n'),
    );
    expect(d.spec.years).toEqual({ base: 2020, target: 2025 });
    expect(
      Object.values(d.spec.indicators).map((i) => [
        i.label,
        i.unit,
        i.kind,
        i.attribute,
        i.baseline.value,
        i.target?.op,
        i.target?.value,
        i.target?.published,
      ]),
    ).toEqual([
      ['城镇新增就业人数', '万人', 'cumulative', 'indicative', 65.77, '>=', 60, '[60]'],
      ['城镇登记失业率', '%', 'rate', 'indicative', 1.95, '<=', 4, '≤4'],
      ['劳动年龄人口平均受教育年限', '年', 'stock', 'binding', 10.2, '≈', 11, '11.0 左右'],
      ['社会保障卡持卡人数', '万人', 'stock', 'indicative', 992, '>=', 1100, '1100'],
    ]);
    expect(d.spec.indicators['row_3']!.target!.source).toMatchObject({ line: 6, quote: '11.0 左右' });
  });

  it('one cell per line with a 序号 column and a unit column', () => {
    const d = own(
      [
        '表2 主要指标',
        '序号',
        '指标',
        '单位',
        '2025年',
        '2030年',
        '属性',
        '一、就业',
        '1',
        '城镇新增就业人数',
        '万人',
        '[60]',
        '[55]',
        '预期性',
        '2',
        '城镇调查失业率',
        '%',
        '5.2',
        '5.5左右',
        '预期性',
        '注：[ ]内为五年累计数。',
      ].join('\n'),
    );
    expect(
      Object.values(d.spec.indicators).map((i) => [i.number, i.label, i.unit, i.kind, i.baseline.value, i.target?.op, i.target?.value]),
    ).toEqual([
      ['1', '城镇新增就业人数', '万人', 'cumulative', 60, '>=', 55],
      ['2', '城镇调查失业率', '%', 'rate', 5.2, '≈', 5.5],
    ]);
    expect(d.warnings).toEqual([]);
  });

  it('output is the same text every time, and a document without a table is bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-draft-'));
    const a = cesuan(['draft', join(root, 'documents', '001_ec30a6b184c889d4.txt')]);
    const b = cesuan(['draft', join(root, 'documents', '001_ec30a6b184c889d4.txt')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toContain('001_ec30a6b184c889d4.txt:262: 第23项：单元格“<>”无法读作数值（记为 null）');
    const prose = join(dir, 'prose.txt');
    writeFileSync(prose, '这是一段没有表格的文字。\n');
    const r = cesuan(['draft', prose]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no indicator table found/);
    const gbk = join(dir, 'gbk.txt');
    writeFileSync(gbk, Buffer.from(Array.from({ length: 200 }, (_, i) => [0xb3, 0xc7, 0xca, 0xd0][i % 4]!))); // 城市 in GBK, again and again
    expect(cesuan(['draft', gbk]).stderr).toMatch(/not UTF-8 text/);
    expect(cesuan(['draft', join(root, 'documents', '002_6dfc5125a1bfd828.txt'), '--table', '3']).stderr).toMatch(
      /--table 3: the document has 2 tables/,
    );
  });

  it('a draft written under models/ loads and runs, and 004 exits 0 with its warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-draft-'));
    const out = join(dir, 'zhejiang-draft.yaml');
    const r = cesuan(['draft', join(root, 'documents', '004_667e7b2015fa3219.txt'), '-o', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/004_667e7b2015fa3219\.txt:53: row 7: no figures/);
    const run = cesuan(['run', out, '-f', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).indicators.map((i: { number: string }) => i.number)).toEqual(['7', '13', '14']);
    const shiyan = join(dir, 'shiyan-draft.yaml');
    expect(cesuan(['draft', join(root, 'documents', '002_6dfc5125a1bfd828.txt'), '-o', shiyan]).code).toBe(0);
    const result = JSON.parse(cesuan(['run', shiyan, '-f', 'json']).stdout);
    expect(result.indicators).toHaveLength(16);
    expect(result.indicators[6]).toMatchObject({ baseline: 27.29, target_op: '>=', target: 25, attribute: 'binding' });
    expect(cesuan(['draft', join(root, 'documents', '002_6dfc5125a1bfd828.txt'), '-o', shiyan]).code).toBe(2); // exists: --force
  });
});
