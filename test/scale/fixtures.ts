/**
 * Shared by the scale tests: where things are, a temp folder, and the figures of the Zhengzhou model that the
 * closed forms start from (transcribed from the 测算说明, not read from cesuan's output).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { cesuan } from '../helpers/cli.js';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ZHENGZHOU = join(root, 'models', 'zhengzhou-hrss-14th.yaml');
export const scenario = (name: string) => join(root, 'scenarios', `${name}.yaml`);

/** 工伤保险 省定全年目标任务 2015–2020 (测算依据2; 2015 = 专栏1). */
export const INJURY_TARGETS = [156.86, 159, 168.3, 173.86, 181.3, 186.5];
/** mean of the year-on-year growth rates: the published injury_growth. */
export const INJURY_GROWTH = INJURY_TARGETS.slice(1).reduce((s, v, i) => s + v / INJURY_TARGETS[i]! - 1, 0) / 5;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cesuan-scale-'));
}

/** A scenario file in a temp folder, pointing at the Zhengzhou model by absolute path. */
export function writeScenario(dir: string, name: string, body: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `model: ${ZHENGZHOU}\n${body}`);
  return path;
}

/** Run the CLI and parse its JSON stdout (exit code checked). */
// biome-ignore lint/suspicious/noExplicitAny: tests read the JSON shapes they assert on
export function cesuanJson<T = any>(args: string[], code = 0): T {
  const r = cesuan(args, { cwd: root });
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code, r.stderr).toBe(code);
  return JSON.parse(r.stdout) as T;
}

export const close = (actual: number, expected: number, relative = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
