/**
 * The method library callable from formulas. Each method lives in its own file with its formula and a
 * seed example; this registry is the whitelist the expression compiler accepts.
 */
import type { Value } from '../types.js';
import { cagrMethod } from './cagr.js';
import { compoundMethod } from './compound.js';
import { coverageMethod } from './coverage.js';
import { decayAmountMethod, decayMethod } from './decay.js';
import { elasticityMethod } from './elasticity.js';
import { elementaryMethods } from './elementary.js';
import { growthRatesMethod } from './growth-rates.js';
import { incrementsMethod } from './increments.js';
import { linearMethod } from './linear.js';
import { meanGrowthMethod } from './mean-growth.js';
import { meanMethod } from './mean.js';
import { regressMethod } from './regress.js';
import { shareMethod } from './share.js';
import { sumMethod } from './sum.js';

export interface Method {
  fn: (...args: Value[]) => Value;
  /** allowed argument counts; any when absent */
  arity?: number[];
}

export const METHODS: Record<string, Method> = {
  compound: compoundMethod,
  linear: linearMethod,
  cagr: cagrMethod,
  mean_growth: meanGrowthMethod,
  growth_rates: growthRatesMethod,
  increments: incrementsMethod,
  share: shareMethod,
  sum: sumMethod,
  mean: meanMethod,
  decay: decayMethod,
  decay_amount: decayAmountMethod,
  regress: regressMethod,
  elasticity: elasticityMethod,
  coverage: coverageMethod,
  /** at(series, year): compiled specially (it needs the series' years) */
  at: { fn: () => { throw new Error('at() is compiled by the expression compiler'); }, arity: [2] },
  ...(elementaryMethods as Record<string, Method>),
};
