/**
 * Uncertainty: distributions on assumptions, seeded sampling, vectorised Monte Carlo over the graph,
 * quantiles and the sensitivity (tornado) swing.
 * May import: ../graph, ../methods, ../types, ../expression-error and src/model. Never planning/.
 */
export * from './distributions.js';
export * from './quantile.js';
export * from './random.js';
export * from './sample.js';
export * from './sensitivity.js';
export * from './vector.js';
