/**
 * Random mutations of valid model and scenario files — deleted keys, wrong types, huge numbers, NaN, unicode,
 * deep nesting, cyclic references, duplicate ids, renamed keys, garbage formulas, and raw text edits — must
 * each give a result or one clean located error (CesuanError), never another exception and never a hang.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FUZZ_SEED, loadAndRun, root, runs, scratch, writeCase } from './harness.js';

type Data = unknown;
type Path = (string | number)[];

const mini = parse(readFileSync(join(root, 'test/fixtures/mini.yaml'), 'utf8')) as Data;
const zhengzhouText = readFileSync(join(root, 'models/zhengzhou-hrss-14th.yaml'), 'utf8');
const zhengzhou = parse(zhengzhouText) as Data;
const scenario = { model: 'mini', name: '场景', set: { injury_growth: 'injury_growth * 0.9' }, actuals: { injury_insured: { '2021': 200 } } };

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;

/** Follow `seeds` down the tree: each seed picks a child; a seed ≡ 0 (mod 5) stops early. */
function pickPath(data: Data, seeds: number[]): Path {
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

function parentOf(data: Data, path: Path): Record<string | number, unknown> | undefined {
  let node = data;
  for (const k of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[k];
  return isContainer(node) ? (node as Record<string | number, unknown>) : undefined;
}

/** Names written in a document (for formulas that refer to real things). */
function namesIn(data: Data): string[] {
  const d = data as Record<string, Record<string, unknown> | undefined>;
  return ['series', 'assumptions', 'indicators'].flatMap((s) => Object.keys(d[s] ?? {}));
}

const weirdNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e21, 0.1 + 0.2),
  fc.integer({ min: -1e9, max: 1e9 }),
);
const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\u001b[2J', '\u202eevil', 'é', '👩‍👩‍👧‍👦', '郑州', '〔60〕', '1e3', 'NaN', '.nan', 'null', '~', 'true', '- x', '{a: 1}', '[1, 2', '&a', '*a', '!!js/function', "'", '"', '\\', '\n\n', '#', 'x'.repeat(5000)),
);
const weirdKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '0', '1e3', 'a.b', 'a-b', '郑州', 'x'.repeat(300), 't', 'e', 'pi', 'at', 'sum', 'compound', 'baseline', 'henan'),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
);
const deep = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { k: v };
  return v;
};
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: weirdNumber },
  { weight: 3, arbitrary: weirdString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], [1, 'a', null], { label: 1 }) },
  { weight: 1, arbitrary: fc.array(weirdNumber, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.dictionary(weirdKey, weirdNumber, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 10, max: 300 }), fc.boolean()).map(([d, a]) => deep(d, 1, a)) },
);

/** Formulas over the document's own names: valid ones, near-misses and garbage. */
function formula(names: string[]): fc.Arbitrary<string> {
  const name = names.length ? fc.constantFrom(...names) : fc.constant('x');
  const leaf = fc.oneof(name, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.constantFrom('t', 'pi', '0', '1e999', '-0', '0x1f'));
  const expr = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '%', '==', '>', 'and', '?'), tie('e')).map(([a, op, b]) => (op === '?' ? `${a} ? ${b} : ${a}` : `${a} ${op} ${b}`)),
      fc.tuple(fc.constantFrom('compound', 'cagr', 'mean_growth', 'decay', 'decay_amount', 'regress', 'sum', 'mean', 'at', 'first', 'last', 'round', 'share', 'cos', 'evaluate', 'import'), fc.array(tie('e'), { maxLength: 4 }))
        .map(([f, args]) => `${f}(${args.join(', ')})`),
      tie('e').map((e) => `(${e})`),
      tie('e').map((e) => `-${e}`),
      fc.array(tie('e'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    ),
  })).e;
  return fc.oneof(expr, fc.string(), expr.map((e) => e.slice(0, Math.max(1, e.length - 2))));
}

type Mutation =
  | { kind: 'delete'; seeds: number[] }
  | { kind: 'set'; seeds: number[]; value: unknown }
  | { kind: 'rename'; seeds: number[]; key: string }
  | { kind: 'formula'; seeds: number[]; text: string }
  | { kind: 'duplicate'; from: number; to: number; seed: number }
  | { kind: 'cycle'; a: number; b: number }
  | { kind: 'wrap'; seeds: number[] };

function mutation(names: string[]): fc.Arbitrary<Mutation> {
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

function apply(data: Data, m: Mutation): void {
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

function toYaml(data: Data): string {
  try {
    return stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
  } catch {
    return JSON.stringify(data) ?? 'null';
  }
}

describe('mutated model and scenario files: a result or one clean located error', () => {
  const dir = scratch();

  it('the mini model, one to four structural mutations', () => {
    const names = namesIn(mini);
    fc.assert(
      fc.property(fc.array(mutation(names), { minLength: 1, maxLength: 4 }), (mutations) => {
        const data = structuredClone(mini);
        for (const m of mutations) apply(data, m);
        const path = writeCase(dir, 'mutant.yaml', toYaml(data));
        loadAndRun(path, `mutations ${JSON.stringify(mutations).slice(0, 400)}`);
      }),
      { numRuns: runs(400), seed: FUZZ_SEED },
    );
  });

  it('the Zhengzhou model (imports Henan), one to three mutations', () => {
    const names = namesIn(zhengzhou);
    fc.assert(
      fc.property(fc.array(mutation(names), { minLength: 1, maxLength: 3 }), (mutations) => {
        const data = structuredClone(zhengzhou);
        for (const m of mutations) apply(data, m);
        const path = writeCase(dir, 'zhengzhou-mutant.yaml', toYaml(data));
        loadAndRun(path, `mutations ${JSON.stringify(mutations).slice(0, 400)}`);
      }),
      { numRuns: runs(60), seed: FUZZ_SEED },
    );
  });

  it('scenarios: mutated overrides, distributions and actuals', () => {
    const names = [...namesIn(mini), 'injury_growth'];
    fc.assert(
      fc.property(fc.array(mutation(names), { minLength: 1, maxLength: 3 }), (mutations) => {
        const data = structuredClone(scenario) as Record<string, unknown>;
        for (const m of mutations) apply(data, m);
        const path = writeCase(dir, 'scenario-mutant.yaml', toYaml(data));
        const outcome = loadAndRun(path, `mutations ${JSON.stringify(mutations).slice(0, 400)}`);
        if (!outcome.ok) expect(outcome.line).toMatch(/\.yaml:\d+:\d+: /);
      }),
      { numRuns: runs(200), seed: FUZZ_SEED },
    );
  });

  it('raw text edits of the model file (insertions, deletions, truncation, YAML syntax)', () => {
    const text = readFileSync(join(root, 'test/fixtures/mini.yaml'), 'utf8');
    const insert = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('\t', ':', '- ', '{', '}', '[', ']', '&a ', '*a', '<<: *a\n', '!!binary ', '!!js/function ', '%YAML 1.1\n', '---\n', '...\n', '\ufeff', '\r\n', '? ', '|\n', '>-\n', '"', "'", '#', '@', '`', '\u0000', '  ', 'x: 1\n'),
    );
    const edit = fc.oneof(
      fc.tuple(fc.nat(), insert).map(([at, s]) => (t: string) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))),
      fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([at, n]) => (t: string) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n)),
      fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1))),
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string) => {
        const lines = t.split('\n');
        const i = a % lines.length;
        const j = b % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        return lines.join('\n');
      }),
      fc.nat().map((a) => (t: string) => {
        const lines = t.split('\n');
        const i = a % lines.length;
        lines.splice(i, 0, lines[i]!);
        return lines.join('\n');
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const mutated = edits.reduce((t, e) => e(t), text);
        const path = writeCase(dir, 'text-mutant.yaml', mutated);
        loadAndRun(path, `text edits → ${JSON.stringify(mutated).slice(0, 300)}`);
      }),
      { numRuns: runs(400), seed: FUZZ_SEED },
    );
  });

  it('random garbage, any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const path = writeCase(dir, 'garbage.yaml', Buffer.from(bytes).toString('latin1'));
        loadAndRun(path, 'garbage bytes');
      }),
      { numRuns: runs(150), seed: FUZZ_SEED },
    );
  });
});

describe('hostile files, one by one', () => {
  const dir = scratch();
  const miniText = readFileSync(join(root, 'test/fixtures/mini.yaml'), 'utf8');
  const error = (name: string, text: string, pattern: RegExp) => {
    const outcome = loadAndRun(writeCase(dir, name, text), name);
    expect(outcome.ok, name).toBe(false);
    if (!outcome.ok) expect(outcome.line).toMatch(pattern);
  };

  it('a billion-laughs alias bomb is refused, quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    error('laughs.yaml', `${levels.join('\n')}\n`, /laughs\.yaml:\d+:\d+: YAML: .*[Aa]lias/);
  });
  it('aliases that only repeat a value are fine below the limit', () => {
    const text = miniText.replace('quote: "2020年底参保人数为195.97万人"', 'quote: &q "2020年底参保人数为195.97万人"').replace('quote: "设定为210万人比较合适" } }\n    derivations', 'quote: *q } }\n    derivations');
    expect(loadAndRun(writeCase(dir, 'alias-ok.yaml', text), 'alias-ok').ok).toBe(true);
  });
  it('a self-referencing alias', () => {
    error('self-alias.yaml', 'a: &a [*a]\n', /self-alias\.yaml:\d+:\d+: /);
  });
  it('10 000 levels of flow nesting', () => {
    error('deep-flow.yaml', `id: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, /deep-flow\.yaml:\d+:\d+: /);
  });
  it('2 000 levels of block nesting', () => {
    error('deep-block.yaml', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n', /deep-block\.yaml:\d+:\d+: /);
  });
  it('a file over the size limit is refused before parsing', () => {
    error('huge.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`, /huge\.yaml:1:1: file is \d+ bytes; the limit is/);
  });
  it('an empty file, a comment, a null, a list, a scalar, several documents', () => {
    for (const [name, text] of [['empty.yaml', ''], ['comment.yaml', '# nothing\n'], ['null.yaml', '~\n'], ['list.yaml', '- 1\n- 2\n'], ['scalar.yaml', '42\n'], ['multi.yaml', `${miniText}\n---\n${miniText}`]] as const) {
      error(name, text, new RegExp(`${name.replace('.', '\\.')}:\\d+:\\d+: `));
    }
  });
  it('duplicate keys', () => {
    error('dup.yaml', miniText.replace('title: 最小模型\n', 'title: 最小模型\ntitle: 又一个\n'), /dup\.yaml:3:1: YAML: .*[Uu]nique|dup\.yaml:3:1: YAML: .*[Dd]uplicate/);
  });
  it('"__proto__" as a key anywhere is refused, not silently dropped', () => {
    error('proto1.yaml', miniText.replaceAll('injury_growth', '__proto__'), /proto1\.yaml:\d+:\d+: YAML: "__proto__" is not allowed as a key/);
    error('proto2.yaml', miniText.replace('  injury_insured:\n', '  __proto__:\n'), /proto2\.yaml:\d+:\d+: YAML: "__proto__" is not allowed as a key/);
  });
  it('a key with control characters prints as one line without them', () => {
    error('ctl.yaml', miniText.replace('title: 最小模型\n', 'title: 最小模型\n"evil\\u001b[2J\\nkey": 1\n'), /ctl\.yaml:\d+:\d+: .*evil\\u001b\[2J key/);
  });
  it('a 2 000-character formula and a 40-deep one are refused with the limit named', () => {
    error('long.yaml', miniText.replace('formula: compound(186.5, injury_growth, 5)', `formula: "${'1+'.repeat(1000)}1"`), /too long|limit is 2000|characters/);
    error('nested.yaml', miniText.replace('formula: compound(186.5, injury_growth, 5)', `formula: "${'('.repeat(60)}1${')'.repeat(60)}"`), /nested/);
  });
  it('an import cycle between two files names the cycle', () => {
    writeCase(dir, 'cyc-a.yaml', miniText.replace('id: mini', 'id: cyc-a').replace('groups:', 'imports: { b: cyc-b.yaml }\ngroups:'));
    writeCase(dir, 'cyc-b.yaml', miniText.replace('id: mini', 'id: cyc-b').replace('groups:', 'imports: { a: cyc-a.yaml }\ngroups:'));
    const outcome = loadAndRun(join(dir, 'cyc-a.yaml'), 'import cycle');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.line).toMatch(/import cycle: .*cyc-a\.yaml → .*cyc-b\.yaml → .*cyc-a\.yaml/);
  });
  it('a scenario pointing at itself or at nothing', () => {
    error('self-scenario.yaml', 'model: self-scenario.yaml\nset: {}\n', /self-scenario\.yaml:\d+:\d+: /);
    error('no-model.yaml', 'model: no-such-model\nset: {}\n', /no-model\.yaml:1:8: model: model "no-such-model" not found/);
  });
});
