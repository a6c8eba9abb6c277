/**
 * A model or scenario file's text → its validated spec and source positions, through a content-addressed
 * cache. Reading YAML and validating is a good part of a cold `cesuan run` (~50 ms for a 70 KB model, most of
 * it code that runs once, interpreted), yet scripts read the same files again and again; the cache keeps each
 * successful parse as JSON under the hash of (cesuan build, kind, text), so a hit is a JSON.parse (~2 ms).
 * Files with errors are never cached; a cache that cannot be read or written, or an entry that is not one, is
 * simply not used. (Formulas are parsed again on a hit: src/engine/graph/fast-parse.ts reads a model's
 * formulas about as fast as their trees came back from JSON, which the cache kept until format 3.)
 *
 * The cache can never change an answer: an entry is a header line `{"format":4,"hash":…}` and a JSON payload,
 * the hash covering the build, the kind, the file's text and the payload bytes. An entry whose hash does not
 * match (edited, truncated, moved to another file's name) or whose spec fails the shape checks below is
 * ignored and rewritten from the file. (Full validation of a hit would cost more than the parse it saves.)
 *
 * On by default in the bundled CLI only (scripts/build.mjs defines the build id); CESUAN_CACHE=off turns it
 * off, CESUAN_CACHE_DIR moves it (default $XDG_CACHE_HOME/cesuan or ~/.cache/cesuan).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Position } from './types.js';
import { CesuanError } from './errors.js';
import { lineColumn, locator, type Locator, type PositionTree, type SourceKind } from './positions.js';
import { parseSource } from './yaml-source.js';

declare const __CESUAN_BUILD__: string | undefined;

/** node:crypto and node:os, loaded when the cache is used: a run with CESUAN_CACHE=off never pays for them. */
const builtin = createRequire(import.meta.url);
const createHash: typeof import('node:crypto').createHash = (...args) =>
  (builtin('node:crypto') as typeof import('node:crypto')).createHash(...args);
const homedir = () => (builtin('node:os') as typeof import('node:os')).homedir();

/** Identifies the code that produced a cached spec; undefined (no cache) when running from sources. */
const BUILD = typeof __CESUAN_BUILD__ === 'string' ? __CESUAN_BUILD__ : undefined;
const CACHE_FORMAT = 4;
/** Past this many entries, the oldest half is removed when a new one is written. */
const MAX_ENTRIES = 400;

export interface SpecFile<T> extends Locator {
  spec: T;
  file: string;
}

interface CacheEntry {
  format: number;
  spec: unknown;
  tree: PositionTree | null;
}

function cacheDir(): string | undefined {
  const setting = process.env['CESUAN_CACHE'];
  if (!BUILD || setting === 'off' || setting === '0') return undefined;
  const dir = process.env['CESUAN_CACHE_DIR'];
  if (dir) return dir;
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'cesuan');
}

/** A spec survives JSON exactly when it holds only finite numbers (no -0), strings, booleans, null, arrays and plain objects. */
function jsonExact(value: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((v) => jsonExact(v, depth + 1));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([k, v]) => k !== '__proto__' && v !== undefined && jsonExact(v, depth + 1));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The hash an entry carries: of the code (build), the kind, the source text and the payload as written. */
function entryHash(kind: SourceKind, text: string, payload: string): string {
  return createHash('sha256').update(`${BUILD}\0${kind}\0`).update(text).update('\0').update(payload).digest('hex');
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isFormula = (v: unknown) => isText(v) || (typeof v === 'number' && Number.isFinite(v));
const KINDS = new Set(['stock', 'cumulative', 'rate']);

/** The spec's shape where the engine reads it without checking (a second line of defence behind the hash). */
function plausibleSpec(spec: Record<string, unknown>, kind: SourceKind): boolean {
  if (kind === 'scenario') {
    const set = spec['set'];
    return isText(spec['model']) && (set === undefined || (isRecord(set) && Object.values(set).every(isFormula)));
  }
  const { indicators, assumptions, years, sources } = spec;
  if (!isRecord(indicators) || !isRecord(assumptions) || !isRecord(years) || !isRecord(sources)) return false;
  if (!Number.isInteger(years['base']) || !Number.isInteger(years['target'])) return false;
  for (const a of Object.values(assumptions)) {
    if (!isRecord(a) || !isText(a['label']) || !isText(a['unit']) || !isFormula(a['default'])) return false;
  }
  for (const ind of Object.values(indicators)) {
    if (!isRecord(ind) || !isText(ind['label']) || !isText(ind['unit']) || !KINDS.has(ind['kind'] as string)) return false;
    if (!isRecord(ind['derivations']) || !Array.isArray(ind['stated'])) return false;
    for (const d of Object.values(ind['derivations'])) {
      if (
        !isRecord(d) ||
        !isText(d['label']) ||
        !(d['formula'] === undefined || isFormula(d['formula'])) ||
        !(d['path'] === undefined || isText(d['path']))
      )
        return false;
      if (!Array.isArray(d['stated']) || !Array.isArray(d['computed']) || !isRecord(d['source'])) return false;
    }
  }
  return true;
}

function readEntry(path: string, kind: SourceKind, text: string): CacheEntry | undefined {
  try {
    const raw = readFileSync(path, 'utf8');
    const newline = raw.indexOf('\n');
    if (newline < 0) return undefined;
    const header = JSON.parse(raw.slice(0, newline)) as unknown;
    const payload = raw.slice(newline + 1);
    if (!isRecord(header) || header['format'] !== CACHE_FORMAT || header['hash'] !== entryHash(kind, text, payload)) return undefined;
    const entry = JSON.parse(payload) as unknown;
    if (!isRecord(entry) || !isRecord(entry['spec'])) return undefined;
    if (entry['tree'] !== null && !Array.isArray(entry['tree'])) return undefined;
    if (!plausibleSpec(entry['spec'], kind)) return undefined;
    return { format: CACHE_FORMAT, spec: entry['spec'], tree: entry['tree'] as PositionTree | null };
  } catch {
    return undefined;
  }
}

function writeEntry(dir: string, path: string, entry: CacheEntry, kind: SourceKind, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const payload = JSON.stringify({ spec: entry.spec, tree: entry.tree });
    writeFileSync(temp, `${JSON.stringify({ format: CACHE_FORMAT, hash: entryHash(kind, text, payload) })}\n${payload}`);
    renameSync(temp, path);
    const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    if (names.length > MAX_ENTRIES) {
      const byAge = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
      for (const { n } of byAge.slice(0, names.length - MAX_ENTRIES / 2)) rmSync(join(dir, n), { force: true });
    }
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the folder is not usable: nothing was written
    }
  }
}

/** Parse and validate a file's text (or take it from the cache); errors name file:line:col and the field. */
export function readSpec<T>(text: string, file: string, kind: SourceKind): SpecFile<T> {
  const dir = cacheDir();
  const path = dir && join(dir, `${createHash('sha256').update(`${BUILD}\0${kind}\0`).update(text).digest('hex').slice(0, 40)}.json`);
  const cached = path ? readEntry(path, kind, text) : undefined;
  if (cached) {
    return { spec: cached.spec as T, file, ...locator(file, text, cached.tree) };
  }
  const parsed = parseSource(text, kind);
  if (!parsed.ok) {
    if ('offset' in parsed) {
      const position: Position = { file, ...lineColumn(text)(parsed.offset) };
      throw new CesuanError(parsed.message, position);
    }
    const where = locator(file, text, parsed.tree);
    throw new CesuanError(parsed.message, parsed.key ? where.locateKey(parsed.path) : where.locate(parsed.path), parsed.field);
  }
  if (dir && path && jsonExact(parsed.spec)) {
    writeEntry(dir, path, { format: CACHE_FORMAT, spec: parsed.spec, tree: parsed.tree }, kind, text);
  }
  return { spec: parsed.spec as T, file, ...locator(file, text, parsed.tree) };
}
