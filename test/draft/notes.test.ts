/**
 * Notes reach the reader: model `notes:` and indicator / derivation `note:` in audit (table, md, json) and explain;
 * `explain --context` shows each quote among its document's lines.
 */
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';

const shiyan = 'models/shiyan-hrss-14th.yaml';

describe('notes in audit and explain', () => {
  it('audit prints the model notes and each indicator’s and derivation’s note, in every format', () => {
    const table = cesuan(['audit', shiyan]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/说明:\n {2}· 模型: 专栏2 列出16项“十四五”指标/);
    expect(table.stdout).toContain('· surveyed_unemployment: 无2020年基数，也无历史数据，不建模');
    expect(table.stdout).toContain('· urban_new_jobs.trend: 五年累计按年复合');
    const md = cesuan(['audit', shiyan, '-f', 'md', '--lang', 'en']).stdout;
    expect(md).toMatch(/^## Notes\n\n- \*\*model\*\* 专栏2 列出16项/m);
    const csv = cesuan(['audit', shiyan, '-f', 'csv']).stdout;
    expect(csv).toContain('\nsurveyed_unemployment,baseline,城镇调查失业率,,,,,,note,,,表中2020年基数为“—”\n');
    expect(csv).toMatch(/\nmodel,,[^\n]*,note,,,专栏2 列出16项/);
    const json = JSON.parse(cesuan(['audit', shiyan, '-f', 'json']).stdout);
    expect(json.notes[0]).toEqual({ on: 'model', label: expect.any(String), note: expect.stringMatching(/^专栏2 列出16项/) });
    expect(json.notes).toContainEqual({ on: 'surveyed_unemployment.baseline', label: '城镇调查失业率', note: '表中2020年基数为“—”' });
  });

  it('explain prints the indicator’s notes; --context shows the quoted line among its neighbours', () => {
    const r = cesuan(['explain', shiyan, 'surveyed_unemployment', '--context', '1', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('· surveyed_unemployment: 无2020年基数，也无历史数据，不建模');
    // the target cell "<6" is on line 51 of 002, between rows 1 and 3
    expect(r.stdout).toMatch(
      /target\.source — 002_6dfc5125a1bfd828\.txt:51\n {4}50 {2}1\.城镇新增就业人数[^\n]*\n {2}▶ 51 {2}2\.城镇调查失业率[^\n]*<6[^\n]*\n {4}52 {2}3\.城镇登记失业率/,
    );
    expect(cesuan(['explain', shiyan, 'surveyed_unemployment', '--context', 'x']).code).toBe(2);
  });
});
