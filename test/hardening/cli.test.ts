/**
 * A handful of mutated files through the real binary, as scripts run it: exit 0/1 with output, or exit 2 with
 * exactly one line on stderr naming file:line:col — no stack trace, no internal error. Each runs twice with the
 * spec cache on (second run answered from it when the first succeeded) and once with it off: all three agree
 * byte for byte.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan, type CliRun } from '../helpers/cli.js';
import { FUZZ_SEED, scratch, writeCase } from './harness.js';
import { apply, formula, formulaPaths, mini, mutation, namesIn, parentOf, toYaml } from './mutations.js';

const MUTANTS = 12;

function mutants(): string[] {
  const names = namesIn(mini);
  const places = formulaPaths(mini);
  const structural = fc.sample(fc.array(mutation(names), { minLength: 1, maxLength: 3 }), { numRuns: MUTANTS, seed: FUZZ_SEED });
  const formulas = fc.sample(fc.array(fc.tuple(fc.nat(), formula(names)), { minLength: 1, maxLength: 2 }), {
    numRuns: MUTANTS / 2,
    seed: FUZZ_SEED,
  });
  return [
    ...structural.map((ms) => {
      const data = structuredClone(mini);
      for (const m of ms) apply(data, m);
      return toYaml(data);
    }),
    ...formulas.map((edits) => {
      const data = structuredClone(mini);
      for (const [i, text] of edits) {
        const path = places[i % places.length]!;
        parentOf(data, path)![path[path.length - 1]!] = text;
      }
      return toYaml(data);
    }),
  ];
}

function expectClean(r: CliRun, file: string): void {
  expect([0, 1, 2], r.stderr).toContain(r.code);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|Error:/);
  if (r.code === 2) {
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  } else {
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^警告：.+:\d+:\d+: /);
  }
}

describe('mutated files through the binary', () => {
  const dir = scratch();
  const cache = mkdtempSync(join(tmpdir(), 'cesuan-cache-'));

  it(`${MUTANTS + MUTANTS / 2} mutants: a result or one clean line, the same with and without the spec cache`, () => {
    const texts = mutants();
    let cached = 0;
    texts.forEach((text, i) => {
      const name = `m${i}.yaml`;
      const file = writeCase(dir, name, text);
      const args = ['run', file, '--format', 'json'];
      const first = cesuan(args, { env: { CESUAN_CACHE_DIR: cache } });
      expectClean(first, file);
      const before = readdirSync(cache).length;
      const second = cesuan(args, { env: { CESUAN_CACHE_DIR: cache } });
      const off = cesuan(args, { env: { CESUAN_CACHE: 'off' } });
      if (first.code !== 2) cached++;
      expect(readdirSync(cache).length, 'a second run adds nothing to the cache').toBe(before);
      for (const r of [second, off]) {
        expect(r.code).toBe(first.code);
        expect(r.stdout).toBe(first.stdout);
        expect(r.stderr).toBe(first.stderr);
      }
    });
    expect(cached, 'some mutants are still valid models').toBeGreaterThan(0);
  });

  it('a file that is not YAML at all, a directory, a missing file, a binary file', () => {
    const garbage = writeCase(dir, 'garbage.yaml', '\u0000\u0001\u0002{{{[[[: : :');
    for (const file of [garbage, dir, join(dir, 'missing.yaml')]) {
      const r = cesuan(['run', file]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    }
  });
});

describe('the spec cache never changes an answer', () => {
  const run = (file: string, env: Record<string, string>) => cesuan(['run', file, '--format', 'json'], { env });

  it('an edited file is parsed again, not taken from the cache', () => {
    const dir = scratch();
    const cache = mkdtempSync(join(tmpdir(), 'cesuan-cache-'));
    const file = join(dir, 'mini.yaml');
    const before = run(file, { CESUAN_CACHE_DIR: cache });
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('formula: compound(186.5, injury_growth, 5)', 'formula: compound(186.5, injury_growth, 4)'));
    const after = run(file, { CESUAN_CACHE_DIR: cache });
    expect(JSON.parse(after.stdout).indicators[0].projection).not.toBe(JSON.parse(before.stdout).indicators[0].projection);
    writeFileSync(file, text.replace('formula: compound(186.5, injury_growth, 5)', 'formula: compound(186.5, injury_growth, 5) +'));
    const broken = run(file, { CESUAN_CACHE_DIR: cache });
    expect(broken.code).toBe(2);
  });

  it('corrupt, truncated or foreign cache entries are ignored', () => {
    const dir = scratch();
    const cache = mkdtempSync(join(tmpdir(), 'cesuan-cache-'));
    const file = join(dir, 'mini.yaml');
    const reference = run(file, { CESUAN_CACHE: 'off' });
    run(file, { CESUAN_CACHE_DIR: cache });
    const entries = readdirSync(cache).filter((f) => f.endsWith('.json'));
    expect(entries.length).toBeGreaterThan(0);
    // an entry is a header line (format, hash) and a JSON payload
    const split = (text: string) => [text.slice(0, text.indexOf('\n') + 1), text.slice(text.indexOf('\n') + 1)] as const;
    const good = Object.fromEntries(entries.map((e) => [e, split(readFileSync(join(cache, e), 'utf8'))]));
    // parse trees as format 3 kept them, not trees at all (the hash no longer matches: the whole entry is ignored)
    for (const e of entries) {
      const [header, payload] = good[e]!;
      const entry = JSON.parse(payload) as Record<string, unknown>;
      entry['formulas'] = { 'compound(186.5, injury_growth, 5)': { mathjs: 'ConstantNode', value: 999 }, x: { mathjs: 'Evil' } };
      writeFileSync(join(cache, e), header + JSON.stringify(entry));
    }
    const revived = run(file, { CESUAN_CACHE_DIR: cache });
    expect(revived.stdout).toBe(reference.stdout);
    for (const damage of [
      '',
      '{',
      'null',
      '{"format":1,"spec":null,"tree":null}',
      '{"format":99,"spec":{},"tree":null}',
      '[1,2,3]',
      '{"format":3,"hash":"0"}\n{}',
      `${good[entries[0]!]![0]}{}`,
    ]) {
      for (const e of entries) writeFileSync(join(cache, e), damage);
      const r = run(file, { CESUAN_CACHE_DIR: cache });
      expect(r.code, `${damage}: ${r.stderr}`).toBe(reference.code);
      expect(r.stdout).toBe(reference.stdout);
    }
  });

  it('a cache folder that cannot be created is simply not used', () => {
    const dir = scratch();
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const r = run(join(dir, 'mini.yaml'), { CESUAN_CACHE_DIR: join(blocker, 'cache') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});
