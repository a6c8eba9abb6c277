import { asNumber } from './args.js';
import { excelNumbers, method } from './method.js';
import type { Value } from '../types.js';

/**
 * A part of a parent figure.
 *
 *     share(parent, ratio) = parent × ratio
 *
 * Seed: share(500, 11.3%) = 56.5 — 郑州 城镇新增就业: “全省新增就业目标任务500万人,郑州市…约占全省的11.3%,计算约56.5万人”.
 */
export function share(parent: number, ratio: number): number {
  return parent * ratio;
}

export const shareMethod = method({
  name: 'share',
  fn: (parent: Value, ratio: Value) => share(asNumber(parent, 'share', 'parent'), asNumber(ratio, 'share', 'ratio')),
  arity: [2],
  vector: { arity: 2, f: share },
  excel: (args) => {
    const [parent, ratio] = excelNumbers(args, 'share');
    return `${parent}*${ratio}`;
  },
});
