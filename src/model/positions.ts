/**
 * Where things were written in a model or scenario file, as a compact tree of offsets (plain arrays, cheap
 * to build while the YAML is read): a scalar is `[start, end]`, a mapping `[start, -1, { key: [keyStart,
 * value] }]`, a sequence `[start, -1, [items]]`, an alias `[start, -1]`. Offsets are string indices into
 * the file's text; lines and columns are 1-based, as yaml's LineCounter gives them.
 */
import type { Position } from './types.js';

export type { FieldPath } from './types.js';
import type { FieldPath } from './types.js';
export type SourceKind = 'model' | 'scenario';

export type PositionTree =
  | [start: number, end: number]
  | [start: number, end: -1, entries: Record<string, [keyStart: number, value: PositionTree | null]>]
  | [start: number, end: -1, items: (PositionTree | null)[]];

/** What yaml-source.ts returns: a validated spec, or an error with where it is. */
export type SourceParse =
  | { ok: true; spec: unknown; tree: PositionTree | null }
  | { ok: false; message: string; offset: number }
  | { ok: false; message: string; path: FieldPath; key: boolean; field?: string; tree: PositionTree | null };

export interface Locator {
  /** where a field's value was written; falls back to the nearest written ancestor */
  locate: (path: FieldPath) => Position;
  /** where a field's key was written (for "unknown field" messages) */
  locateKey: (path: FieldPath) => Position;
  /** decimals of a number as printed in the file (e.g. 0.035308 → 6), or undefined */
  decimalsAt: (path: FieldPath) => number | undefined;
}

/** Offset → line and column, computed on first use (most runs never print a position). */
export function lineColumn(text: string): (offset: number) => { line: number; col: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offset < starts[mid]!) high = mid;
      else low = mid + 1;
    }
    return { line: low, col: offset - starts[low - 1]! + 1 };
  };
}

function child(tree: PositionTree | null, step: string | number): PositionTree | null | undefined {
  const inner = tree?.[2];
  if (!inner) return undefined;
  if (Array.isArray(inner)) {
    const i = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : -1;
    return i >= 0 && i < inner.length ? inner[i] : undefined;
  }
  const key = String(step);
  return Object.hasOwn(inner, key) ? inner[key]![1] : undefined;
}

function keyStart(tree: PositionTree | null, step: string | number): number | undefined {
  const inner = tree?.[2];
  if (!inner || Array.isArray(inner)) return undefined;
  const key = String(step);
  return Object.hasOwn(inner, key) ? inner[key]![0] : undefined;
}

export function locator(file: string, text: string, tree: PositionTree | null): Locator {
  const toLine = lineColumn(text);
  const at = (offset: number): Position => ({ file, ...toLine(offset) });
  /** the deepest written node along `path`, and whether it is the node at `path` itself */
  const nodeAt = (path: FieldPath): { node: PositionTree; exact: boolean } | undefined => {
    let node = tree;
    if (!node) return undefined;
    for (let i = 0; i < path.length; i++) {
      const next = child(node, path[i]!);
      if (!next) return { node, exact: false };
      node = next;
    }
    return { node, exact: true };
  };
  const locate = (path: FieldPath): Position => {
    const found = nodeAt(path);
    return found ? at(found.node[0]) : { file, line: 1, col: 1 };
  };
  const locateKey = (path: FieldPath): Position => {
    if (path.length) {
      const parent = nodeAt(path.slice(0, -1));
      const start = parent?.exact ? keyStart(parent.node, path[path.length - 1]!) : undefined;
      if (start !== undefined) return at(start);
    }
    return locate(path);
  };
  const decimalsAt = (path: FieldPath): number | undefined => {
    const found = nodeAt(path);
    if (!found?.exact || found.node[1] < 0) return undefined;
    const written = text.slice(found.node[0], found.node[1]).trim();
    const m = /^[-+]?\d*(?:\.(\d+))?$/.exec(written);
    return m ? (m[1]?.length ?? 0) : undefined;
  };
  return { locate, locateKey, decimalsAt };
}
