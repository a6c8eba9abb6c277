import { asSeries } from './args.js';
import { growthRates } from './growth-rates.js';
import { excelSeries, method } from './method.js';
import { mean } from './mean.js';
import type { Value } from '../types.js';

/**
 * Arithmetic mean of the year-on-year growth rates (not the CAGR).
 *
 *     mean_growth(v) = (1 / (n − 1)) × Σ (v[i+1] / v[i] − 1)
 *
 * Seed: 工伤保险 省定全年目标任务 2015–2020 [156.86, 159, 168.3, 173.86, 181.3, 186.5] → 3.5329%,
 * against the “平均增长率为3.5308%” the 测算说明 states (郑州, item 8, 测算依据2).
 */
export function meanGrowth(values: number[]): number {
  return mean(growthRates(values));
}

export const meanGrowthMethod = method({
  name: 'mean_growth',
  fn: (series: Value) => meanGrowth(asSeries(series, 'mean_growth', 'series', 2)),
  arity: [1],
  excel: (args) => {
    const { cells } = excelSeries(args[0], 'mean_growth', 2);
    return {
      atom: `AVERAGE(${cells
        .slice(1)
        .map((c, i) => `${c}/${cells[i]}-1`)
        .join(',')})`,
    };
  },
});
