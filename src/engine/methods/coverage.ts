import { ExpressionError } from '../expression-error.js';
import { asNumber } from './args.js';
import { excelNumbers, method } from './method.js';
import type { Value } from '../types.js';

/**
 * Population coverage: the share of a population that holds something (a card, an insurance).
 *
 *     coverage(holders, population) = holders / population
 *
 * Seed: coverage(1100, 1167.2) ≈ 94% — 郑州 社会保障卡 2025: 1100万 cards for a projected
 * 1035.2 + 22 × 6 ≈ 1167万 residents (item 17).
 */
export function coverage(holders: number, population: number): number {
  if (population <= 0) throw new ExpressionError(`coverage(): population must be positive, got ${population}`);
  return holders / population;
}

export const coverageMethod = method({
  name: 'coverage',
  fn: (holders: Value, population: Value) =>
    coverage(asNumber(holders, 'coverage', 'holders'), asNumber(population, 'coverage', 'population')),
  arity: [2],
  vector: { arity: 2, f: coverage },
  excel: (args) => {
    const [holders, population] = excelNumbers(args, 'coverage');
    return `${holders}/${population}`;
  },
});
