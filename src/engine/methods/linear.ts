import { asNumber } from './args.js';
import { excelNumbers, method } from './method.js';
import type { Value } from '../types.js';

/**
 * Linear growth: a fixed increment each year.
 *
 *     linear(base, step, years) = base + step × years
 *
 * Seed: 74 + 5 × 2 = 84 — 郑州 专业技术人才 2018→2020 (专栏1 编制说明 “按照每年5万人递增测算”);
 * 0 + 12 × 5 = 60 — 城镇新增就业 “每年城镇新增就业人数计划为12万人,累计新增60万人左右”.
 */
export function linear(base: number, step: number, years: number): number {
  return base + step * years;
}

export const linearMethod = method({
  name: 'linear',
  fn: (base: Value, step: Value, years: Value) =>
    linear(asNumber(base, 'linear', 'base'), asNumber(step, 'linear', 'step'), asNumber(years, 'linear', 'years')),
  arity: [3],
  vector: { arity: 3, f: linear },
  excel: (args) => {
    const [base, step, years] = excelNumbers(args, 'linear');
    return `${base}+${step}*${years}`;
  },
});
