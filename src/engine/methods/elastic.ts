import { ExpressionError } from '../expression-error.js';
import type { Value } from '../types.js';
import { excelNumbers, method } from './method.js';
import { asNumber } from './args.js';

/**
 * The elasticity method (弹性系数法): the indicator grows by elasticity × the driver's growth each year.
 *
 *     elastic(base, driver_growth, elasticity, years) = base × (1 + elasticity · driver_growth)^years
 *
 * years ≥ 0 (0 gives the base, so `path: elastic(…, t)` starts at the baseline); 1 + elasticity · growth > 0.
 *
 * Seed: 专业技术人才 84万 (郑州 item 9, “人才需求量与GDP之间存在着密切的相关关系”) with GDP growing 6% a year and
 * an elasticity of 0.7: 84 × 1.042⁵ ≈ 103.2, near the unexplained 104.
 */
export function elastic(base: number, driverGrowth: number, elasticity: number, years: number): number {
  const args = { base, driver_growth: driverGrowth, elasticity, years };
  for (const [name, v] of Object.entries(args)) if (!Number.isFinite(v)) throw new ExpressionError(`elastic(): ${name} is ${v}`);
  const factor = 1 + elasticity * driverGrowth;
  if (!(factor > 0)) throw new ExpressionError(`elastic(): 1 + elasticity × driver_growth is ${factor}; it must be above 0`);
  if (!(years >= 0)) throw new ExpressionError(`elastic(): years must be 0 or more, got ${years}`);
  return base * factor ** years;
}

export const elasticMethod = method({
  name: 'elastic',
  fn: (base: Value, growth: Value, e: Value, years: Value) =>
    elastic(
      asNumber(base, 'elastic', 'base'),
      asNumber(growth, 'elastic', 'driver_growth'),
      asNumber(e, 'elastic', 'elasticity'),
      asNumber(years, 'elastic', 'years'),
    ),
  arity: [4],
  vector: { arity: 4, f: elastic },
  excel: (args) => {
    const [base, growth, e, years] = excelNumbers(args, 'elastic');
    return `${base}*(1+${e}*${growth})^${years}`;
  },
});
