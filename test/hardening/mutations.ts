/**
 * Generators for the fuzz tests: structural mutations of a parsed model or scenario (deleted keys, wrong
 * types, huge numbers, NaN, unicode, deep nesting, cyclic references, duplicate ids, renamed keys,
 * formulas over the document's own names) and the YAML they serialise to.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { root } from './harness.js';

export type Data = unknown;
export type Path = (string | number)[];

export const mini = parse(readFileSync(join(root, 'test/fixtures/mini.yaml'), 'utf8')) as Data;
export const zhengzhouText = readFileSync(join(root, 'models/zhengzhou-hrss-14th.yaml'), 'utf8');
export const zhengzhou = parse(zhengzhouText) as Data;
export const scenario = {
  model: 'mini',
  name: '场景',
  set: { injury_growth: 'injury_growth * 0.9' },
  actuals: { injury_insured: { '2021': 200 } },
};

export const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;

/** Follow `seeds` down the tree: each seed picks a child; a seed ≡ 0 (mod 5) stops early. */
export function pickPath(data: Data, seeds: number[]): Path {
  const path: Path = [];
  let node = data;
  for (const seed of seeds) {
    if (!isContainer(node) || seed % 5 === 0) break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[seed % keys.length]!;
    path.push(key);
    node = (node as Record<string | number, unknown>)[key];
  }
  return path;
}

export function parentOf(data: Data, path: Path): Record<string | number, unknown> | undefined {
  let node = data;
  for (const k of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[k];
  return isContainer(node) ? (node as Record<string | number, unknown>) : undefined;
}

/** Names written in a document (for formulas that refer to real things). */
export function namesIn(data: Data): string[] {
  const d = data as Record<string, Record<string, unknown> | undefined>;
  return ['series', 'assumptions', 'indicators'].flatMap((s) => Object.keys(d[s] ?? {}));
}

export const weirdNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e21, 0.1 + 0.2),
  fc.integer({ min: -1e9, max: 1e9 }),
);
export const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u001b[2J',
    '\u202eevil',
    'é',
    '👩‍👩‍👧‍👦',
    '郑州',
    '〔60〕',
    '1e3',
    'NaN',
    '.nan',
    'null',
    '~',
    'true',
    '- x',
    '{a: 1}',
    '[1, 2',
    '&a',
    '*a',
    '!!js/function',
    "'",
    '"',
    '\\',
    '\n\n',
    '#',
    'x'.repeat(5000),
  ),
);
export const weirdKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '',
    ' ',
    '0',
    '1e3',
    'a.b',
    'a-b',
    '郑州',
    'x'.repeat(300),
    't',
    'e',
    'pi',
    'at',
    'sum',
    'compound',
    'baseline',
    'henan',
  ),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
);
const deep = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { k: v };
  return v;
};
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: weirdNumber },
  { weight: 3, arbitrary: weirdString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], [1, 'a', null], { label: 1 }) },
  { weight: 1, arbitrary: fc.array(weirdNumber, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.dictionary(weirdKey, weirdNumber, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 10, max: 300 }), fc.boolean()).map(([d, a]) => deep(d, 1, a)) },
);

/** Formulas over the document's own names: valid ones, near-misses and garbage. */
export function formula(names: string[]): fc.Arbitrary<string> {
  const name = names.length ? fc.constantFrom(...names) : fc.constant('x');
  const leaf = fc.oneof(
    name,
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.constantFrom('t', 'pi', '0', '1e999', '-0', '0x1f'),
  );
  const expr = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '%', '==', '>', 'and', '?'), tie('e'))
        .map(([a, op, b]) => (op === '?' ? `${a} ? ${b} : ${a}` : `${a} ${op} ${b}`)),
      fc
        .tuple(
          fc.constantFrom(
            'compound',
            'cagr',
            'mean_growth',
            'decay',
            'decay_amount',
            'regress',
            'sum',
            'mean',
            'at',
            'first',
            'last',
            'round',
            'share',
            'cos',
            'evaluate',
            'import',
          ),
          fc.array(tie('e'), { maxLength: 4 }),
        )
        .map(([f, args]) => `${f}(${args.join(', ')})`),
      tie('e').map((e) => `(${e})`),
      tie('e').map((e) => `-${e}`),
      fc.array(tie('e'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    ),
  })).e;
  return fc.oneof(
    expr,
    fc.string(),
    expr.map((e) => e.slice(0, Math.max(1, e.length - 2))),
  );
}

export type Mutation =
  | { kind: 'delete'; seeds: number[] }
  | { kind: 'set'; seeds: number[]; value: unknown }
  | { kind: 'rename'; seeds: number[]; key: string }
  | { kind: 'formula'; seeds: number[]; text: string }
  | { kind: 'duplicate'; from: number; to: number; seed: number }
  | { kind: 'cycle'; a: number; b: number }
  | { kind: 'wrap'; seeds: number[] };

export function mutation(names: string[]): fc.Arbitrary<Mutation> {
  const seeds = fc.array(fc.nat(), { minLength: 1, maxLength: 7 });
  return fc.oneof(
    seeds.map((s) => ({ kind: 'delete' as const, seeds: s })),
    fc.record({ kind: fc.constant('set' as const), seeds, value: weirdValue }),
    fc.record({ kind: fc.constant('rename' as const), seeds, key: weirdKey }),
    fc.record({ kind: fc.constant('formula' as const), seeds, text: formula(names) }),
    fc.record({ kind: fc.constant('duplicate' as const), from: fc.nat(), to: fc.nat(), seed: fc.nat() }),
    fc.record({ kind: fc.constant('cycle' as const), a: fc.nat(), b: fc.nat() }),
    seeds.map((s) => ({ kind: 'wrap' as const, seeds: s })),
  );
}

const SECTIONS = ['series', 'assumptions', 'indicators', 'imports', 'sources'];

export function apply(data: Data, m: Mutation): void {
  const d = data as Record<string, unknown>;
  switch (m.kind) {
    case 'delete': {
      const path = pickPath(data, m.seeds);
      const parent = parentOf(data, path);
      if (!parent || path.length === 0) return;
      if (Array.isArray(parent)) parent.splice(path[path.length - 1] as number, 1);
      else delete parent[path[path.length - 1]!];
      return;
    }
    case 'set':
    case 'formula': {
      const path = pickPath(data, m.seeds);
      const parent = parentOf(data, path);
      if (!parent || path.length === 0) return;
      parent[path[path.length - 1]!] = m.kind === 'set' ? m.value : m.text;
      return;
    }
    case 'rename': {
      const path = pickPath(data, m.seeds);
      const parent = parentOf(data, path);
      const key = path[path.length - 1];
      if (!parent || Array.isArray(parent) || typeof key !== 'string') return;
      const value = parent[key];
      delete parent[key];
      Object.defineProperty(parent, m.key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    case 'duplicate': {
      const from = d[SECTIONS[m.from % SECTIONS.length]!] as Record<string, unknown> | undefined;
      const to = d[SECTIONS[m.to % SECTIONS.length]!] as Record<string, unknown> | undefined;
      if (!isContainer(from) || !isContainer(to) || Array.isArray(from) || Array.isArray(to)) return;
      const keys = Object.keys(from);
      if (!keys.length) return;
      const key = keys[m.seed % keys.length]!;
      const target = Object.values(to)[0];
      to[key] = target === undefined ? from[key] : structuredClone(target);
      return;
    }
    case 'cycle': {
      const assumptions = d['assumptions'] as Record<string, Record<string, unknown>> | undefined;
      if (!assumptions) return;
      const keys = Object.keys(assumptions);
      if (keys.length === 0) return;
      const a = keys[m.a % keys.length]!;
      const b = keys[m.b % keys.length]!;
      if (isContainer(assumptions[a])) assumptions[a]!['default'] = `${b} + 1`;
      if (isContainer(assumptions[b])) assumptions[b]!['default'] = `${a} * 2`;
      return;
    }
    case 'wrap': {
      const path = pickPath(data, m.seeds);
      const parent = parentOf(data, path);
      if (!parent || path.length === 0) return;
      const k = path[path.length - 1]!;
      parent[k] = Array.isArray(parent[k]) && (parent[k] as unknown[]).length === 1 ? (parent[k] as unknown[])[0] : [parent[k]];
      return;
    }
  }
}

export function toYaml(data: Data): string {
  try {
    return stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
  } catch {
    return JSON.stringify(data) ?? 'null';
  }
}

/** Every place a formula is written: formula, path, default, expr (and scenario overrides). */
export function formulaPaths(data: Data, path: Path = [], out: Path[] = []): Path[] {
  if (!isContainer(data)) return out;
  for (const [k, v] of Object.entries(data)) {
    const here = [...path, Array.isArray(data) ? Number(k) : k];
    if (['formula', 'path', 'default', 'expr'].includes(k) || path[path.length - 1] === 'set') out.push(here);
    formulaPaths(v, here, out);
  }
  return out;
}

/** An edit of a file's raw text. */
export type TextEdit = (text: string) => string;
const at = (n: number, text: string) => n % (text.length + 1);

/** Raw-text edits the fuzz tests combine: insert a piece, delete a run of characters, swap two lines. */
export const textEdits = {
  insert: (piece: fc.Arbitrary<string>): fc.Arbitrary<TextEdit> =>
    fc.tuple(fc.nat(), piece).map(
      ([n, s]) =>
        (t: string) =>
          t.slice(0, at(n, t)) + s + t.slice(at(n, t)),
    ),
  deleteRun: (max: number): fc.Arbitrary<TextEdit> =>
    fc.tuple(fc.nat(), fc.nat({ max })).map(
      ([n, length]) =>
        (t: string) =>
          t.slice(0, at(n, t)) + t.slice(at(n, t) + length),
    ),
  swapLines: (): fc.Arbitrary<TextEdit> =>
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string) => {
      const lines = t.split('\n');
      const i = a % lines.length;
      const j = b % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }),
};
