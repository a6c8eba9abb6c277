/**
 * Plain data about loaded files, shared by the loader and everything above it.
 */
import type { ModelSpec, ScenarioSpec } from './schema.js';

/** Where in a file a field was written (1-based). */
export interface Position {
  file: string;
  line: number;
  col: number;
}

export type FieldPath = (string | number)[];

export interface LoadedModel {
  spec: ModelSpec;
  /** path as given, relative to the working directory when possible (used in messages) */
  file: string;
  /** where a field's value was written; falls back to the nearest written ancestor */
  locate: (path: FieldPath) => Position;
  /** where a field's key was written (for "unknown field" messages) */
  locateKey: (path: FieldPath) => Position;
  /** decimals of a number as printed in the file (e.g. 0.035308 → 6), or undefined */
  decimalsAt: (path: FieldPath) => number | undefined;
  imports: Record<string, LoadedModel>;
}

export interface LoadedScenario {
  spec: ScenarioSpec;
  file: string;
  locate: (path: FieldPath) => Position;
  locateKey: (path: FieldPath) => Position;
  /** the model with the scenario's `primary:` switches applied (the published model when it has none) */
  model: LoadedModel;
  /** the model as published, before `primary:` */
  published?: LoadedModel;
}
