/**
 * The methods formulas may call: one line per method file, naming its descriptor(s). index.ts builds the
 * registry from these exports (keyed by each descriptor's `name`); nothing else lists methods.
 */
export { cagrMethod } from './cagr.js';
export { compoundMethod } from './compound.js';
export { coverageMethod } from './coverage.js';
export { decayAmountMethod, decayMethod } from './decay.js';
export { elasticMethod } from './elastic.js';
export { elasticityMethod } from './elasticity.js';
export {
  absMethod,
  atMethod,
  expMethod,
  firstMethod,
  lastMethod,
  logMethod,
  maxMethod,
  minMethod,
  roundMethod,
  sqrtMethod,
} from './elementary.js';
export { gm11FitMethod, gm11Method } from './gm11.js';
export { growthRatesMethod } from './growth-rates.js';
export { holtMethod } from './holt.js';
export { incrementsMethod } from './increments.js';
export { linearMethod } from './linear.js';
export { meanGrowthMethod } from './mean-growth.js';
export { meanMethod } from './mean.js';
export { regressMethod } from './regress.js';
export { sesMethod } from './ses.js';
export { shareMethod } from './share.js';
export { sumMethod } from './sum.js';
export { trendExpMethod } from './trend-exp.js';
export { trendLinearMethod } from './trend-linear.js';
