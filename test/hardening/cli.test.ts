/**
 * A handful of mutated files through the real binary, as scripts run it: exit 0/1 with output, or exit 2 with
 * exactly one line on stderr naming file:line:col — no stack trace, no internal error. Each runs twice: both
 * agree byte for byte, and nothing is written beside the file (cesuan keeps no cache).
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync } from 'node:fs';
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

  it(`${MUTANTS + MUTANTS / 2} mutants: a result or one clean line, the same on a second run`, () => {
    const texts = mutants();
    let valid = 0;
    texts.forEach((text, i) => {
      const name = `m${i}.yaml`;
      const file = writeCase(dir, name, text);
      const args = ['run', file, '--format', 'json'];
      const first = cesuan(args);
      expectClean(first, file);
      const second = cesuan(args);
      if (first.code !== 2) valid++;
      expect(second.code).toBe(first.code);
      expect(second.stdout).toBe(first.stdout);
      expect(second.stderr).toBe(first.stderr);
    });
    expect(valid, 'some mutants are still valid models').toBeGreaterThan(0);
    expect(
      readdirSync(dir).filter((f) => !f.endsWith('.yaml')),
      'nothing written beside them',
    ).toEqual([]);
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

describe('no cache', () => {
  it('a run reads the file named and writes nothing else: not under $XDG_CACHE_HOME, not under $HOME', () => {
    const home = mkdtempSync(join(tmpdir(), 'cesuan-home-'));
    const env = { HOME: home, XDG_CACHE_HOME: join(home, '.cache') };
    for (let i = 0; i < 2; i++) expect(cesuan(['run', 'models/zhengzhou-hrss-14th.yaml', '--format', 'json'], { env }).code).toBe(0);
    expect(readdirSync(home)).toEqual([]);
  });
});
