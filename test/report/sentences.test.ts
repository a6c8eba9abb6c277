import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { loadModel } from '../../src/model/load.js';
import { buildDocument, type Block } from '../../src/report/writer/index.js';
import { repoRoot } from '../helpers/model.js';

const model = loadModel(resolve(repoRoot, 'test/fixtures/writer/methods.yaml'));
const result = evaluate(model);
const sentence = (lang: 'zh' | 'en', indicator: string, derivation: string) => {
  const doc = buildDocument({ model, result, lang });
  const found = doc.blocks.filter(
    (b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph' && b.indicator === indicator && b.derivation === derivation,
  );
  expect(found).toHaveLength(1);
  return found[0]!.text;
};

describe('default sentences, one per method (a derivation without `text:`)', () => {
  const cases: [string, string, string, string][] = [
    // 186.5 × 1.035308^5 = 221.83; 186.5 × 0.99^5 = 177.36
    [
      'stock',
      'by_compound',
      '以2020年186.5万人为基数，按年均增长3.53%测算，到2025年达到221.83万人。',
      'Taking 186.5 万人 in 2020 as the base and growing 3.53% a year, it reaches 221.83 万人 by 2025.',
    ],
    [
      'stock',
      'by_falling',
      '以2020年186.5万人为基数，按年均下降1%测算，到2025年达到177.36万人。',
      'Taking 186.5 万人 in 2020 as the base and falling 1% a year, it reaches 177.36 万人 by 2025.',
    ],
    [
      'stock',
      'by_linear',
      '以2020年568.14万人为基数，按每年增加20万人测算，到2025年达到668.14万人。',
      'Taking 568.14 万人 in 2020 as the base and adding 20 万人 a year, it reaches 668.14 万人 by 2025.',
    ],
    [
      'stock',
      'by_share',
      '按全省新增就业目标任务500万人的11.3%测算，为56.5万人。',
      'At 11.3% of 全省新增就业目标任务 (500 万人), it comes to 56.5 万人.',
    ],
    // least squares through 2015–2020: slope 110.33 / 17.5 = 6.3046 a year, 170.97 + 6.3046 × 7.5 = 218.25
    [
      'stock',
      'by_regress',
      '按工伤保险参保人数省定全年目标任务2015—2020年的直线趋势外推，到2025年为218.25万人。',
      'Extending the straight-line trend of 工伤保险参保人数省定全年目标任务, 2015–2020, gives 218.25 万人 in 2025.',
    ],
    [
      'total',
      'by_sum',
      '农村劳动力转移就业年度增量2016—2020年合计33.4万人。',
      '农村劳动力转移就业年度增量, 2016–2020 add up to 33.4 万人.',
    ],
    [
      'total',
      'by_mean',
      '农村劳动力转移就业年度增量2016—2020年平均每年6.68万人。',
      '农村劳动力转移就业年度增量, 2016–2020 average 6.68 万人 a year.',
    ],
    // ratio (4.6 / 9.5)^(1/4) continued five years: 13.79
    [
      'total',
      'by_decay',
      '农村劳动力转移就业年度增量2016—2020年由9.5万人降至4.6万人，按此逐年递减的趋势延续5年，合计13.79万人。',
      '农村劳动力转移就业年度增量, 2016–2020 fell from 9.5 万人 to 4.6 万人; continuing that decline for 5 years gives 13.79 万人 in total.',
    ],
    ['total', 'by_step', '按每年新增3万人测算，2021—2025年累计15万人。', 'At 3 万人 a year, 2021–2025 add up to 15 万人.'],
    ['rate', 'by_cagr', '由186.5增至210，5年间年均增长2.4%。', 'From 186.5 to 210 in 5 years is 2.4% a year.'],
    [
      'rate',
      'by_cagr_series',
      '工伤保险参保人数省定全年目标任务由2015年的156.86万人增至2020年的186.5万人，年均增长3.52%。',
      '工伤保险参保人数省定全年目标任务 went from 156.86 万人 in 2015 to 186.5 万人 in 2020: 3.52% a year on average.',
    ],
    [
      'rate',
      'by_mean_growth',
      '工伤保险参保人数省定全年目标任务2015—2020年逐年增长率的平均值为3.53%。',
      'The mean of the year-on-year growth rates of 工伤保险参保人数省定全年目标任务, 2015–2020, is 3.53%.',
    ],
    ['rate', 'by_coverage', '1100占1200的91.67%。', '1100 is 91.67% of 1200.'],
    [
      'rate',
      'by_points',
      '以2020年90%为基数，按每年增加0.5个百分点测算，到2025年达到92.5%。',
      'Taking 90% in 2020 as the base and adding 0.5 percentage points a year, it reaches 92.5% by 2025.',
    ],
    ['rate', 'by_other', '与省人社厅规划目标保持一致，测算为60%。', 'By 与省人社厅规划目标保持一致: 60%.'],
  ];
  for (const [indicator, derivation, zh, en] of cases) {
    it(`${derivation}: ${zh}`, () => {
      expect(sentence('zh', indicator, derivation)).toBe(zh);
      expect(sentence('en', indicator, derivation)).toBe(en);
    });
  }
  it('no default sentence has a Latin letter in Chinese', () => {
    for (const [indicator, derivation] of cases) expect(sentence('zh', indicator, derivation)).not.toMatch(/[A-Za-z]/);
  });
  it('a chosen value that differs from the calculation says it is a choice', () => {
    const doc = buildDocument({ model, result, lang: 'zh' });
    const conclusion = doc.blocks.find((b) => b.type === 'paragraph' && b.role === 'conclusion' && b.indicator === 'total');
    expect(conclusion && 'text' in conclusion ? conclusion.text : '').toBe(
      '综合考虑，将转移就业人数确定为15万人。（此为综合判断后选定的数值，按上述测算为13.79万人。）',
    );
  });
});
