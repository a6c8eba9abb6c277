/**
 * The model graph: a loaded model compiled to a dependency graph of restricted formulas (parser, expression,
 * straight-line), evaluated once (evaluate) into projections, target verdicts and stated-figure checks.
 * May import: ../methods, ../types, ../expression-error and src/model. Never uncertainty/ or planning/.
 */
export * from './audit.js';
export * from './evaluate.js';
export * from './expression.js';
export * from './format.js';
export * from './graph-node.js';
export * from './parser.js';
export * from './program.js';
export * from './straight-line.js';
export * from './target.js';
export * from './trajectory.js';
