/**
 * Planning operations over a compiled model: goal seek (solve), the yearly plan (plan), mid-term and final
 * tracking against actuals (track), the final evaluation (evaluate), rolling a model forward to the next plan
 * (rollover), scenario comparison (compare) and sweep grids (grid).
 * May import: ../graph, ../uncertainty, ../methods, ../types, ../expression-error and src/model.
 */
export * from './compare.js';
export * from './evaluate.js';
export * from './grid.js';
export * from './head.js';
export * from './plan.js';
export * from './rollover.js';
export * from './solve.js';
export * from './track.js';
