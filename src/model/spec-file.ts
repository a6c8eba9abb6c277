/**
 * A model or scenario file's text → its validated spec and source positions: YAML read by the fast reader
 * (or the exact one, see yaml-source.ts), validated with valibot; errors name file:line:col and the field.
 *
 * Until issue 10 a cache of parsed files (~/.cache/cesuan) sat here, because a first run cost ~5× `node -e 0`.
 * Every run now costs what the cached one did (bench/cold-start.ts), so nothing is cached: no file outside the
 * ones named on the command line is read or written, and an edited model costs no more than any other.
 */
import type { Position } from './types.js';
import { CesuanError } from './errors.js';
import { lineColumn, locator, type Locator, type SourceKind } from './positions.js';
import { parseSource } from './yaml-source.js';

export interface SpecFile<T> extends Locator {
  spec: T;
  file: string;
}

/** Parse and validate a file's text; errors name file:line:col and the field. */
export function readSpec<T>(text: string, file: string, kind: SourceKind): SpecFile<T> {
  const parsed = parseSource(text, kind);
  if (!parsed.ok) {
    if ('offset' in parsed) {
      const position: Position = { file, ...lineColumn(text)(parsed.offset) };
      throw new CesuanError(parsed.message, position);
    }
    const where = locator(file, text, parsed.tree);
    throw new CesuanError(parsed.message, parsed.key ? where.locateKey(parsed.path) : where.locate(parsed.path), parsed.field);
  }
  return { spec: parsed.spec as T, file, ...locator(file, text, parsed.tree) };
}
