/** The pure pieces under the TUI: assumption steps and typed values, widths, wrapping, layout, scenario files. */
import { parse } from 'yaml';
import { fitHelp } from '../../src/tui/components/chrome.js';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { AssumptionState } from '../../src/engine/types.js';
import { parseTyped, stepOf, stepValue, typedValue } from '../../src/tui/assumption-edit.js';
import { mergeRow, wrapRow } from '../../src/tui/components/line.js';
import { fit, formatAssumption, layoutColumns, sparkline, textWidth, truncate } from '../../src/tui/format.js';
import { findIndex } from '../../src/tui/order.js';
import { scenarioSlug, scenarioYaml } from '../../src/tui/scenario-file.js';
import { STRINGS } from '../../src/tui/strings.js';

const growth = (value: number): Pick<AssumptionState, 'value' | 'step' | 'unit' | 'published' | 'range'> => ({
  value,
  step: 0.001,
  unit: 'ratio',
  published: 0.035308,
  range: [0, 0.08],
});

describe('stepping an assumption', () => {
  it('moves off-grid values to the next grid point first: 3.5308% → 3.6% / 3.5%', () => {
    expect(stepValue(growth(0.035308), 1)).toEqual({ status: 'ok', value: 0.036 });
    expect(stepValue(growth(0.035308), -1)).toEqual({ status: 'ok', value: 0.035 });
    expect(stepValue(growth(0.035308), 10)).toEqual({ status: 'ok', value: 0.045 });
  });

  it('lands exactly on the grid (no 0.030000000000000002)', () => {
    let a = growth(0);
    for (let i = 0; i < 30; i++) {
      const next = stepValue(a, 1);
      a = growth(next.status === 'ok' ? next.value : Number.NaN);
    }
    expect(a.value).toBe(0.03);
  });

  it('stops at the range with a clamp, never beyond', () => {
    expect(stepValue(growth(0.079), 10)).toEqual({ status: 'clamped', value: 0.08, bound: 'max' });
    expect(stepValue(growth(0.001), -10)).toEqual({ status: 'clamped', value: 0, bound: 'min' });
  });

  it('has a default step when the model gives none: 0.1% for ratios, a round 1% of the range otherwise', () => {
    expect(stepOf({ step: undefined, unit: 'ratio', published: 0.2, range: undefined })).toBe(0.001);
    expect(stepOf({ step: undefined, unit: '万人/年', published: 20, range: [5, 45] })).toBe(0.1);
    expect(stepOf({ step: undefined, unit: '万人', published: 0, range: undefined })).toBe(1);
  });
});

describe('typing a value', () => {
  it('reads ratios in percent, exactly: "2.3" is the double nearest 0.023', () => {
    expect(parseTyped('2.3', 'ratio')).toBe(0.023);
    expect(parseTyped('2.5%', 'ratio')).toBe(0.025);
    expect(parseTyped('18', '万人/年')).toBe(18);
    expect(parseTyped('-1.5', '百分点')).toBe(-1.5);
    expect(parseTyped('1e3', '万人')).toBe(1000);
    expect(parseTyped('abc', 'ratio')).toBeNull();
    expect(parseTyped('', 'ratio')).toBeNull();
    expect(parseTyped('1.2.3', 'ratio')).toBeNull();
  });

  it('refuses values outside the range', () => {
    expect(typedValue({ unit: 'ratio', range: [0, 0.08] }, '9')).toEqual({ status: 'out_of_range', value: 0.09, range: [0, 0.08] });
    expect(typedValue({ unit: 'ratio', range: undefined }, '90')).toEqual({ status: 'ok', value: 0.9 });
  });
});

describe('text on the terminal', () => {
  it('counts CJK as two columns, as string-width does', () => {
    for (const s of ['工伤保险参保人数', '（省定目标）', 'abc', '▁▂▃', '3.5%·≥210', '〔60〕', '—…'])
      expect(textWidth(s)).toBe(stringWidth(s));
  });

  it('fits and truncates by display width', () => {
    expect(fit('工伤保险', 10)).toBe('工伤保险  ');
    expect(fit('12.5', 6, 'right')).toBe('  12.5');
    expect(truncate('工伤保险参保人数', 9)).toBe('工伤保险…');
    expect(textWidth(truncate('工伤保险参保人数', 9))).toBeLessThanOrEqual(9);
  });

  it('wraps CJK anywhere and Latin words whole, within the width', () => {
    const rows = wrapRow(
      [{ text: '按照此基数和3.5308%的平均增长率测算，到2025年，我市工伤保险参保人数将达到221万人左右 and some english words here' }],
      20,
      '  ',
    );
    for (const r of rows) expect(textWidth(r.map((s) => s.text).join(''))).toBeLessThanOrEqual(20);
    expect(rows.map((r) => r.map((s) => s.text).join('')).join('|')).toContain('english');
    expect(rows.length).toBeGreaterThan(3);
  });

  it('merges same-style segments and drops trailing spaces', () => {
    expect(mergeRow([{ text: 'a' }, { text: ' ' }, { text: 'b', bold: true }, { text: '  ' }])).toEqual([
      { text: 'a ' },
      { text: 'b', bold: true },
    ]);
    expect(
      mergeRow([
        { text: 'x', inverse: true },
        { text: ' ', inverse: true },
      ]),
    ).toEqual([{ text: 'x ', inverse: true }]);
  });

  it('draws the path as a sparkline scaled to its own range', () => {
    expect(sparkline([186.5, 193.09, 199.91, 206.97, 214.29, 221.86])).toBe('▁▂▄▅▇█');
    expect(sparkline([12, 12, 12])).toBe('▄▄▄');
    expect(sparkline([])).toBe('');
  });

  it('shows assumption values in their unit', () => {
    expect(formatAssumption(0.035308, 'ratio')).toBe('3.5308%');
    expect(formatAssumption(0.025, 'ratio')).toBe('2.5%');
    expect(formatAssumption(20, '万人/年')).toBe('20');
  });

  it('drops columns in order when the width is short, the flexible column keeps its minimum', () => {
    const cols = [
      { key: 'label', header: '', width: 30, flex: true, min: 10 },
      { key: 'a', header: '', width: 10 },
      { key: 'b', header: '', width: 10 },
      { key: 'path', header: '', width: 6 },
    ];
    expect(layoutColumns(cols, 80, ['path', 'b']).map((c) => [c.key, c.width])).toEqual([
      ['label', 30],
      ['a', 10],
      ['b', 10],
      ['path', 6],
    ]);
    expect(layoutColumns(cols, 40, ['path', 'b']).map((c) => [c.key, c.width])).toEqual([
      ['label', 11],
      ['a', 10],
      ['b', 10],
      ['path', 6],
    ]);
    expect(layoutColumns(cols, 30, ['path', 'b']).map((c) => [c.key, c.width])).toEqual([
      ['label', 19],
      ['a', 10],
    ]);
  });

  it('fits every help line to 80 and 60 columns by whole items, keeping ? and q, in both languages', () => {
    for (const s of Object.values(STRINGS)) {
      for (const line of Object.values(s.help)) {
        for (const width of [80, 60]) {
          const shown = fitHelp(line, width);
          expect(textWidth(shown), shown).toBeLessThanOrEqual(width);
          if (line.includes('? ')) expect(shown).toMatch(/\? \S+ {2}q /);
        }
      }
    }
  });
});

describe('finding by id or label', () => {
  const items = [
    { id: 'injury_growth_basis1', label: '工伤保险参保人数年增长率（测算依据1）' },
    { id: 'injury_growth', label: '工伤保险参保人数年均增长率' },
  ];
  it('prefers an exact id, then an exact label, then a part of either', () => {
    expect(findIndex(items, 'injury_growth')).toBe(1);
    expect(findIndex(items, 'INJURY')).toBe(0);
    expect(findIndex(items, '年均')).toBe(1);
    expect(findIndex(items, 'nothing')).toBe(-1);
  });
});

describe('scenario files', () => {
  it('make a file name from any name: letters of any script, digits, - and _', () => {
    expect(scenarioSlug('工伤放缓 2.5%')).toBe('工伤放缓-2-5');
    expect(scenarioSlug('  slow.yaml ')).toBe('slow');
    expect(scenarioSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(scenarioSlug(' %% ')).toBeNull();
  });

  it('write model, name and set, with a comment per override, and every number survives the round trip', () => {
    const text = scenarioYaml({
      model: 'zhengzhou-hrss-14th',
      name: '工伤放缓',
      set: { injury_growth: 0.024019181450079405, pension_urban_step: 18, x: 'injury_growth_basis1 / 2' },
      comments: { injury_growth: '工伤保险参保人数年均增长率' },
      header: 'saved by a test',
    });
    expect(text.startsWith('# saved by a test\n')).toBe(true);
    expect(text).toContain('injury_growth: 0.024019181450079405 # 工伤保险参保人数年均增长率');
    expect(parse(text)).toEqual({
      model: 'zhengzhou-hrss-14th',
      name: '工伤放缓',
      set: { injury_growth: 0.024019181450079405, pension_urban_step: 18, x: 'injury_growth_basis1 / 2' },
    });
  });
});
