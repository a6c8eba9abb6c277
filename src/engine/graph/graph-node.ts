/**
 * One slot of a compiled model's graph (see program.ts), in a file of its own so that the straight-line
 * compiler can name it without importing the program.
 */
import type { FieldPath } from '../../model/types.js';
import type { Position, Value } from '../types.js';
import type { CompiledExpression } from './expression.js';

export type NodeKind = 'series' | 'assumption' | 'indicator' | 'derivation' | 'published';

export interface GraphNode {
  key: string;
  slot: number;
  kind: NodeKind;
  /** a literal value, or … */
  constant?: Value;
  /** … an expression */
  expr?: CompiledExpression;
  /** the file and field that define this node (for error positions) */
  model: Locatable;
  path: FieldPath;
  years?: number[];
}

/** Anything that can say where a field was written: a loaded model or scenario. */
export interface Locatable {
  locate: (path: FieldPath) => Position;
  locateKey?: (path: FieldPath) => Position;
}
