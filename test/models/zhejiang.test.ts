/**
 * models/zhejiang-hrss-14th.yaml against its document: 浙江省人力资源和社会保障事业发展“十四五”规划
 * (seed 004_667e7b2015fa3219.txt, traditional characters). Both indicator tables came through damaged:
 * the 13th-plan results table (lines 4–22) keeps only line 6, the 14th-plan table (lines 42–68) only three
 * row labels with empty cells. The targets are recovered from the text: 主要目標 (lines 36, 38) and 專欄6 (line 107).
 *
 * Expected figures are transcribed from the document (line numbers in comments) or computed here in
 * closed form — never copied from engine output.
 */
import { describe, expect, it } from 'vitest';
import { modelUnderTest } from '../helpers/model.js';
import { evaluate } from '../../src/engine/graph/evaluate.js';

const { model, result, indicator, spec, derivation, computed, value, at } = modelUnderTest('zhejiang-hrss-14th');

/** Every `quote` anywhere in the model. */
const quotes = (): string[] => {
  const out: string[] = [];
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) {
        if (k === 'quote' && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(model.spec);
  return out;
};

describe('浙江 targets recovered from the text', () => {
  it('recovers the five targets of 主要目標: 城鎮新增就業, 調查失業率, 職業技能培訓, 專技人才, 技能人才', () => {
    const withTarget = result.indicators.filter((i) => i.target !== null).map((i) => i.id);
    expect(withTarget).toEqual(['urban_new_jobs', 'surveyed_unemployment', 'vocational_training', 'professional_talent', 'skilled_talent']);
  });

  it('models eight indicators: the five targets plus 高技能人才, 人才資源總量 and table row 14, which have none', () => {
    expect(result.indicators).toHaveLength(8);
    const withoutTarget = result.indicators.filter((i) => i.target === null).map((i) => i.id);
    expect(withoutTarget).toEqual(['high_skilled_talent', 'talent_resources_total', 'new_advanced_certificates']);
    for (const id of withoutTarget) expect(indicator(id).verdict).toBe('no_target');
  });

  // [id, unit, kind, comparator, target, published, line]
  const targets: [string, string, 'stock' | 'cumulative' | 'rate', string, number, string, number][] = [
    ['urban_new_jobs', '萬人', 'cumulative', '>=', 500, '500萬人以上', 36], // 累計實現城鎮新增就業500萬人以上
    ['surveyed_unemployment', '%', 'rate', '≈', 5.5, '5.5%左右', 36], // 城鎮調查失業率控制在5.5%左右
    ['vocational_training', '萬人次', 'cumulative', '>=', 500, '500萬人次', 36], // 實施職業技能培訓500萬人次
    ['professional_talent', '萬人', 'stock', '>=', 680, '680萬', 38], // 專業技術人才…達到680萬
    ['skilled_talent', '萬人', 'stock', '>=', 1150, '1150萬', 38], // 技能人才總量…1150萬
  ];
  it.each(targets)('%s reads as the text prints it', (id, unit, kind, op, target, published, line) => {
    const s = spec(id);
    expect(s.unit).toBe(unit);
    expect(s.kind).toBe(kind);
    expect(s.target?.op).toBe(op);
    expect(s.target?.value).toBe(target);
    expect(s.target?.published).toBe(published);
    expect(s.target?.source.line).toBe(line);
    expect(s.target?.source.quote).toContain(published);
  });

  it('numbers only the rows whose label survived in the table: 7 (專業技術人才總量) and 14', () => {
    expect(result.indicators.filter((i) => i.number !== undefined).map((i) => [i.id, i.number])).toEqual([
      ['professional_talent', '7'],
      ['new_advanced_certificates', '14'],
    ]);
  });

  it('leaves the 2020 base null where the text gives none, so 調查失業率 and 技能人才 are not modelled', () => {
    for (const id of ['urban_new_jobs', 'surveyed_unemployment', 'vocational_training', 'skilled_talent', 'new_advanced_certificates']) {
      expect(spec(id).baseline.value, id).toBeNull();
    }
    expect(indicator('surveyed_unemployment').verdict).toBe('not_modelled');
    expect(indicator('skilled_talent').verdict).toBe('not_modelled');
    expect(indicator('skilled_talent').projection).toBeNull();
  });

  it('quotes the document in its traditional characters', () => {
    const simplifiedOnly = /[万业专术计职训员总规划资证书级数与时发镇]/;
    const all = quotes();
    expect(all.length).toBeGreaterThan(10);
    for (const q of all) expect(q, q).not.toMatch(simplifiedOnly);
    expect(spec('professional_talent').target?.source.quote).toContain(
      '專業技術人才、技能人才總量分別達到680萬(含在管理崗位的專技人才)和1150萬',
    );
  });
});

describe('浙江 what could not be recovered from the damaged tables', () => {
  it('names in the model notes the three 14th-plan rows whose labels survive with empty cells', () => {
    const notes = model.spec.notes.join('\n');
    expect(notes).toContain('7.專業技術人才總量(萬人)(含在管理崗位的專技人才)');
    expect(notes).toContain('13.新增取得職業資格證書或職業技能等級證書人數(萬人)');
    expect(notes).toContain('14.其中:新增取得高級工以上職業資格證書或職業技能等級證書人數(萬人)');
    expect(notes).toMatch(/24行全為空/);
    expect(notes).toMatch(/其餘18行全為空/);
  });

  it('says per indicator which table cells are missing', () => {
    expect(spec('professional_talent').note).toContain('7.專業技術人才總量(萬人)(含在管理崗位的專技人才)');
    expect(spec('new_advanced_certificates').note).toContain('13.新增取得職業資格證書或職業技能等級證書人數(萬人)');
    for (const id of ['urban_new_jobs', 'surveyed_unemployment', 'vocational_training', 'skilled_talent']) {
      expect(spec(id).note, id).toMatch(/無法找回/);
    }
  });
});

describe('浙江 “十三五” results (table line 6) as series', () => {
  // [series, 2015, 2020 完成數]  line 6: 1075 1400 1400 / 480 650 610 / 220 320 321.8
  const history: [string, number, number, string][] = [
    ['talent_resources_13th', 1075, 1400, '1.人才資源總量(萬人) 1075 1400 1400'],
    ['professional_talent_13th', 480, 610, '2.專業技術人才總量(萬人) 480 650 610'],
    ['high_skilled_talent_13th', 220, 321.8, '4.高技能人才總量(萬人) 220 320 321.8'],
  ];
  it.each(history)('%s: 2015 %s → 2020 %s', (id, v2015, v2020, quote) => {
    const s = model.spec.series[id]!;
    expect(s.years).toEqual([2015, 2020]);
    expect(s.values).toEqual([v2015, v2020]);
    expect(s.source.line).toBe(6);
    expect(s.source.quote).toBe(quote);
  });

  it('takes the 2020 bases of 專技人才, 高技能人才 and 人才資源總量 from the 完成數 column', () => {
    expect(indicator('professional_talent').baseline).toBe(610);
    expect(indicator('high_skilled_talent').baseline).toBe(321.8);
    expect(indicator('talent_resources_total').baseline).toBe(1400);
  });
});

describe('浙江 implied derivations', () => {
  it('專業技術人才總量 610 → 680 implies (680/610)^(1/5) − 1 ≈ 2.2% a year', () => {
    const g = (680 / 610) ** (1 / 5) - 1;
    expect(value('professional_talent_growth')).toBeCloseTo(g, 12);
    expect(computed('professional_talent', 'implied', '年均增長率')).toBeCloseTo(g, 12);
    expect(indicator('professional_talent').projection).toBeCloseTo(680, 9);
    expect(at('professional_talent', 2023)).toBeCloseTo(610 * (1 + g) ** 3, 9);
    expect(g).toBeCloseTo(0.022, 3);
  });

  it('城鎮新增就業 〔500〕 and 職業技能培訓 〔500〕 are 100萬 a year', () => {
    expect(value('urban_new_jobs_yearly')).toBeCloseTo(500 / 5, 12);
    expect(value('vocational_training_yearly')).toBeCloseTo(500 / 5, 12);
    const jobs = indicator('urban_new_jobs');
    expect(jobs.trajectory.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const p of jobs.trajectory) expect(p.value).toBeCloseTo(100, 12);
    expect(jobs.projection).toBeCloseTo(500, 12);
  });

  it('專欄6 “每年開展技能人才培訓100萬人次以上” over five years agrees with 職業技能培訓500萬人次', () => {
    const d = derivation('vocational_training', 'column6');
    expect(d.value).toBeCloseTo(100 * 5, 12);
    expect(d.stated).toHaveLength(1);
    expect(d.stated[0]!.stated).toBe(500);
    expect(d.stated[0]!.verdict).toBe('match');
  });

  it('lets a planner vary the growth: 專技人才 at 1.5% a year misses 680萬', () => {
    const varied = evaluate(model, { professional_talent_growth: 0.015 }).indicators.find((x) => x.id === 'professional_talent')!;
    expect(varied.projection).toBeCloseTo(610 * 1.015 ** 5, 9);
    expect(varied.verdict).toBe('missed');
  });
});

describe('浙江 trend derivations and 專欄6', () => {
  it('專業技術人才總量: 480 → 610 carried on gives 610²/480 ≈ 775萬, above the 680 target', () => {
    const trend = (610 * 610) / 480;
    expect(derivation('professional_talent', 'trend').value).toBeCloseTo(trend, 9);
    expect(computed('professional_talent', 'trend', '“十三五”年均增長率')).toBeCloseTo((610 / 480) ** 0.2 - 1, 12);
    expect(computed('professional_talent', 'trend', '目標/趨勢')).toBeCloseTo(680 / trend, 12);
  });

  it('高技能人才總量: 專欄6 “每年新增高技能人才20萬人以上” gives 321.8 + 5 × 20 = 421.8萬', () => {
    const i = indicator('high_skilled_talent');
    expect(i.primary).toBe('column6');
    expect(i.projection).toBeCloseTo(321.8 + 5 * 20, 9);
    expect(at('high_skilled_talent', 2022)).toBeCloseTo(321.8 + 2 * 20, 9);
    expect(computed('high_skilled_talent', 'column6', '淨增')).toBeCloseTo((321.8 - 220) / 5, 12);
    expect(computed('high_skilled_talent', 'column6', '1150')).toBeCloseTo((321.8 + 100) / 1150, 12);
  });

  it('高技能人才總量: 220 → 321.8 carried on gives 321.8²/220 ≈ 470.7萬', () => {
    expect(derivation('high_skilled_talent', 'trend').value).toBeCloseTo((321.8 * 321.8) / 220, 9);
  });

  it('人才資源總量: 1075 → 1400 carried on gives 1400²/1075 ≈ 1823萬', () => {
    expect(indicator('talent_resources_total').projection).toBeCloseTo((1400 * 1400) / 1075, 9);
  });

  it('row 14 新增取得高級工以上證書: 專欄6’s 20萬 a year makes 〔100〕 (an inference; the cell is empty)', () => {
    const i = indicator('new_advanced_certificates');
    expect(i.kind).toBe('cumulative');
    expect(i.projection).toBeCloseTo(100, 12);
    expect(i.target).toBeNull();
  });
});

describe('浙江 consistency', () => {
  it('“十三五”規劃主要目標任務順利完成, yet 專業技術人才 reached 610 against a planned 650: mismatch', () => {
    const c = result.audit.filter((x) => x.indicator === 'professional_talent');
    expect(c).toHaveLength(1);
    expect(c[0]!.stated).toBe(650);
    expect(c[0]!.recomputed).toBe(610);
    expect(c[0]!.verdict).toBe('mismatch');
  });

  it('evaluates without numeric problems', () => {
    expect(result.problems).toEqual([]);
  });
});

describe('浙江 属性 (預期性/約束性): lost with the table', () => {
  it('records every indicator’s attribute as unknown rather than guessing, and says so in the notes', () => {
    for (const i of result.indicators) expect(i.attribute, i.id).toBe('unknown');
    expect(model.spec.notes.some((n) => n.includes('屬性無法找回') && n.includes('unknown'))).toBe(true);
  });
});
