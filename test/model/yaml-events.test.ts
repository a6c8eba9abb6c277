/**
 * The fast YAML reader (js-yaml events) against the exact one (the `yaml` library's Document): whatever the
 * fast one accepts, the exact one accepts too, with the same data (numbers compared with Object.is: -0, NaN,
 * Infinity) and the same positions — locate, locateKey and decimalsAt of every field — so which reader read
 * a file never shows. What the fast one declines, the exact one reads or words the error for.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locator } from '../../src/model/positions.js';
import { parseYamlEvents } from '../../src/model/yaml-events.js';
import { parseYamlExact } from '../../src/model/yaml-exact.js';
import { FUZZ_SEED, root, runs } from '../hardening/harness.js';
import { textEdits } from '../hardening/mutations.js';

type Path = (string | number)[];

function sameData(a: unknown, b: unknown, path = ''): string | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) ? undefined : `${path}: ${a} vs ${b}`;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return a === b ? undefined : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.join('\0') !== kb.join('\0')) return `${path}: keys ${ka.join(',')} vs ${kb.join(',')}`;
  for (const k of ka) {
    const d = sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function allPaths(data: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (typeof data === 'object' && data !== null && out.length < 5000) {
    for (const [k, v] of Object.entries(data)) allPaths(v, [...path, Array.isArray(data) ? Number(k) : k], out);
  }
  return out;
}

/** undefined when the readers agree (or the fast one declined); otherwise what differs */
function disagreement(text: string): string | undefined {
  const fast = parseYamlEvents(text);
  if ('unusual' in fast) return undefined;
  const exact = parseYamlExact(text);
  if (!exact.ok) return `the fast reader accepted what the exact one refuses: ${exact.message}`;
  const data = sameData(fast.data, exact.data);
  if (data) return `data differ at ${data}`;
  const mine = locator('f', text, fast.tree);
  const ref = locator('f', text, exact.tree);
  const paths = allPaths(exact.data);
  paths.push(['no_such'], ['indicators', 'no_such', 'formula'], [0, 'x']);
  for (const path of paths) {
    for (const how of ['locate', 'locateKey', 'decimalsAt'] as const) {
      const a = JSON.stringify(mine[how](path));
      const b = JSON.stringify(ref[how](path));
      if (a !== b) return `${how}(${path.join('.')}): ${a} vs ${b}`;
    }
  }
  return undefined;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
const shipped = [...yamlFiles('models'), ...yamlFiles('scenarios'), ...yamlFiles('test/fixtures')];

describe('the fast YAML reader reads every shipped file as the exact one does', () => {
  for (const file of shipped) {
    it(file, () => {
      const text = readFileSync(join(root, file), 'utf8');
      const fast = parseYamlEvents(text);
      // the one file the fast reader leaves to the exact one: its syntax error is worded there
      if (file.endsWith('bad-yaml.yaml')) expect(fast).toHaveProperty('unusual');
      else expect(fast, JSON.stringify(fast).slice(0, 200)).toHaveProperty('data');
      expect(disagreement(text)).toBeUndefined();
    });
  }
  it('every shipped file with Windows line ends (CRLF) too', () => {
    for (const file of shipped.filter((f) => !f.endsWith('bad-yaml.yaml'))) {
      const text = readFileSync(join(root, file), 'utf8').replace(/\r?\n/g, '\r\n');
      expect(parseYamlEvents(text), file).toHaveProperty('data');
      expect(disagreement(text), file).toBeUndefined();
    }
  });
});

describe('what the fast reader leaves to the exact one', () => {
  const declined = (text: string) => {
    const fast = parseYamlEvents(text);
    return 'unusual' in fast ? fast.unusual : undefined;
  };
  it.each([
    ['a tag', 'a: !!str 5\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a collection as key', '? [a, b]\n: 1\n'],
    ['a key JavaScript holds under another name', '007: x\n1.50: y\n'],
    ['a null key', '~: x\n'],
    ['a repeated key', 'a: 1\na: 2\n'],
    ['__proto__', '__proto__: {}\n'],
    ['a date where a formula belongs', 'default: 2020-01-01\n'],
    ['an alias of a node holding an alias', 'a: &x 1\nb: &y [*x]\nc: *y\n'],
    ['an alias used more than 100 times', `a: &x 1\nb: [${Array(101).fill('*x').join(', ')}]\n`],
    ['an unknown alias', 'a: *nope\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['nesting past the limit', `${'['.repeat(70)}${']'.repeat(70)}\n`],
  ])('%s', (_, text) => {
    expect(declined(text)).toBeDefined();
  });
  it('a date elsewhere is text, and is read the fast way', () => {
    expect(parseYamlEvents('label: 2020-01-01\n')).toEqual({ data: { label: '2020-01-01' }, tree: [0, -1, { label: [0, [7, 17]] }] });
  });
});

describe('scalars resolve as YAML 1.2 core says, in both readers', () => {
  const scalars = [
    '~',
    'null',
    'Null',
    'NULL',
    '',
    'true',
    'True',
    'FALSE',
    'yes',
    'on',
    '0x1F',
    '0o17',
    '0b101',
    '007',
    '1_000',
    '.inf',
    '-.Inf',
    '+.INF',
    '.nan',
    '.NaN',
    '1e3',
    '1E-3',
    '+5',
    '-0',
    '.5',
    '5.',
    '1.50',
    '12345678901234567890',
    '2020-01-01',
    '3.53%',
    '1,000',
    '"3"',
    "'x''y'",
    '"\\u00e9\\t"',
    '>-\n  a\n  b',
    '|\n  a\n\n  b\n',
    '"a\n  b"',
    'a b  c',
    '-',
    '--',
    '-.5',
    '0.',
    '00',
    '+0x1',
    '0xG',
    '1e',
    '.',
    '..',
    'e3',
    '- x',
  ];
  it.each(scalars)('%j', (scalar) => {
    for (const text of [`a: ${scalar}\n`, `- ${scalar}\n`, `{a: ${scalar.replace(/\n/g, ' ')}}\n`]) {
      expect(disagreement(text), text).toBeUndefined();
    }
  });
});

describe('fuzzed text', () => {
  const pieces = fc.constantFrom(
    '\t',
    ':',
    ': ',
    '- ',
    '{',
    '}',
    '[',
    ']',
    ',',
    '&a ',
    '*a',
    '&b ',
    '*b',
    '!!str ',
    '%YAML 1.2\n',
    '---\n',
    '...\n',
    '\ufeff',
    '\r\n',
    '\n',
    '? ',
    '|\n',
    '>-\n',
    '|2\n',
    '"',
    "'",
    '#',
    ' # c',
    '  ',
    '    ',
    'x: 1\n',
    '- y\n',
    'k: "q"\n',
    "k: 'q'\n",
    'k: |\n  t\n',
    'k: >\n  t\n\n',
    '2021: 5\n',
    '1.0: x\n',
    'default: 2020-01-01\n',
    '__proto__: 1\n',
    'é',
    '中文',
    '\\',
    '\u0085',
    '\u2028',
  );
  const edit = fc.oneof(textEdits.insert(fc.oneof(pieces, fc.string({ maxLength: 8 }))), textEdits.deleteRun(40), textEdits.swapLines());
  const seeds = ['test/fixtures/mini.yaml', 'models/shiyan-hrss-14th.yaml', 'scenarios/zhengzhou-uncertain.yaml'].map((f) =>
    readFileSync(join(root, f), 'utf8'),
  );
  it('edits of shipped files: the fast reader never disagrees with the exact one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 }), (seed, edits) => {
        const text = edits.reduce((t, e) => e(t), seed);
        const d = disagreement(text);
        if (d) throw new Error(`${d}\n--- text: ${JSON.stringify(text)}`);
      }),
      { numRuns: runs(300), seed: FUZZ_SEED },
    );
  });
  it('small documents built from YAML pieces', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const d = disagreement(text);
        if (d) throw new Error(`${d}\n--- text: ${JSON.stringify(text)}`);
      }),
      { numRuns: runs(3000), seed: FUZZ_SEED },
    );
  });
});

describe('the bundled CLI', () => {
  /** which files a run of the bundled CLI (loaded as bin/cesuan.js loads it) required after cli.cjs (scripts/build.mjs) */
  const lazyLoaded = (args: string[]) => {
    const script = `
      import { createRequire } from 'node:module';
      const { loadCli } = await import(${JSON.stringify(join(root, 'bin/load-cli.js'))});
      const { cache } = createRequire(import.meta.url);
      const cli = loadCli();
      const before = new Set(Object.keys(cache));
      const code = await cli.exports.main(${JSON.stringify(args)});
      const loaded = Object.keys(cache).filter((k) => !before.has(k)).map((k) => k.split('/').pop());
      process.stderr.write('LOADED ' + JSON.stringify({ code, loaded }) + '\\n');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
    if (!line) throw new Error(r.stderr);
    return JSON.parse(line.slice(7)) as { code: number; loaded: string[] };
  };
  it('reads every shipped model without loading the yaml library (the slow, exact reader) or any other file', () => {
    for (const file of yamlFiles('models')) {
      const { code, loaded } = lazyLoaded(['run', file, '--format', 'json']);
      expect(code, file).toBe(0);
      expect(loaded, file).toEqual([]);
    }
  });
  it('loads it for a file with a YAML error, and words the error from it', () => {
    const { code, loaded } = lazyLoaded(['run', 'test/fixtures/bad/bad-yaml.yaml']);
    expect(code).toBe(2);
    expect(loaded.some((f) => f.startsWith('yaml-exact'))).toBe(true);
  });
});
