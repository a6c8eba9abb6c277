/**
 * The spec cache can never change an answer (issue 10 item 6): an entry edited after it was written — a
 * formula replaced, a kind made up, a label deleted, derivations nulled — fails its hash and is ignored and
 * rewritten; the run prints what a run without the cache prints.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';
import { root } from './harness.js';

const MODEL = 'models/zhengzhou-hrss-14th.yaml';
type Entry = {
  spec: { indicators: Record<string, Record<string, unknown> & { derivations: Record<string, Record<string, unknown>> }> };
};

/** Edit the model's cache entry in `dir` as data, whatever the entry's layout (a JSON object, or a header line and a JSON payload). */
function editEntry(dir: string, edit: (entry: Entry) => void): string {
  // the model's entry (the models it imports have their own)
  const names = readdirSync(dir).filter(
    (n) => n.endsWith('.json') && readFileSync(join(dir, n), 'utf8').includes('"id":"zhengzhou-hrss-14th"'),
  );
  expect(names.length).toBe(1);
  const path = join(dir, names[0]!);
  const text = readFileSync(path, 'utf8');
  const newline = text.indexOf('\n');
  const layered = newline > 0 && newline < text.length - 1;
  const entry = JSON.parse(layered ? text.slice(newline + 1) : text) as Entry;
  edit(entry);
  writeFileSync(path, layered ? `${text.slice(0, newline + 1)}${JSON.stringify(entry)}` : JSON.stringify(entry));
  return path;
}

const tampers: Record<string, (e: Entry) => void> = {
  'a formula replaced by the constant 999': (e) => {
    e.spec.indicators['injury_insured']!.derivations['basis2']!['formula'] = '999';
  },
  'kind: bogus': (e) => {
    e.spec.indicators['injury_insured']!['kind'] = 'bogus';
  },
  'a deleted label': (e) => {
    delete e.spec.indicators['injury_insured']!['label'];
  },
  'derivations: null': (e) => {
    (e.spec.indicators['injury_insured'] as Record<string, unknown>)['derivations'] = null;
  },
};

describe('an edited cache entry is ignored and rewritten', () => {
  const reference = cesuan(['run', MODEL, '--format', 'json'], { cwd: root, env: { CESUAN_CACHE: 'off' } });
  const explained = cesuan(['explain', MODEL, 'injury_insured'], { cwd: root, env: { CESUAN_CACHE: 'off' } });

  for (const [name, tamper] of Object.entries(tampers)) {
    it(name, () => {
      const dir = mkdtempSync(join(tmpdir(), 'cesuan-cache-'));
      const env = { CESUAN_CACHE_DIR: dir };
      expect(cesuan(['run', MODEL, '--format', 'json'], { cwd: root, env }).stdout).toBe(reference.stdout);
      const path = editEntry(dir, tamper);
      const edited = readFileSync(path, 'utf8');
      const run = cesuan(['run', MODEL, '--format', 'json'], { cwd: root, env });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(reference.stdout);
      const injury = (JSON.parse(run.stdout) as { indicators: { id: string; projection: number }[] }).indicators.find(
        (i) => i.id === 'injury_insured',
      )!;
      // 186.5 × (1 + 3.53%)^5 ≈ 221.86 (the document's 221 万人左右)
      expect(injury.projection).toBeCloseTo(221.86, 1);
      expect(readFileSync(path, 'utf8'), 'the entry was rewritten').not.toBe(edited);
      const explain = cesuan(['explain', MODEL, 'injury_insured'], { cwd: root, env });
      expect(explain.stdout).toBe(explained.stdout);
    });
  }
});
