/**
 * What every hardening test checks: loading and evaluating a file either works or fails with a CesuanError
 * that prints as one line `file:line:col: …` — never another exception, never a hang.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { Evaluator } from '../../src/engine/graph/evaluate.js';
import { CesuanError } from '../../src/model/errors.js';
import { loadModelOrScenario } from '../../src/model/load.js';
import { renderRun } from '../../src/report/results.js';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bounded by default; CESUAN_FUZZ_RUNS=… CESUAN_FUZZ_SEED=… explore further. */
export const FUZZ_SEED = process.env['CESUAN_FUZZ_SEED'] ? Number(process.env['CESUAN_FUZZ_SEED']) : 20251123;
export const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env['CESUAN_FUZZ_RUNS'] ?? 1)));

/** A scratch folder holding copies of the models a fuzzed file may import. */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cesuan-fuzz-'));
  copyFileSync(join(root, 'models/henan-parent-14th.yaml'), join(dir, 'henan-parent-14th.yaml'));
  copyFileSync(join(root, 'test/fixtures/mini.yaml'), join(dir, 'mini.yaml'));
  return dir;
}

export type Outcome = { ok: true; indicators: number } | { ok: false; line: string };

/** One line, located in a file, no stack trace: the shape of every error cesuan prints. */
export function expectCleanError(err: unknown, context: string): string {
  if (!(err instanceof CesuanError)) {
    throw new Error(
      `${context}: expected a CesuanError, got ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`,
    );
  }
  const line = err.line;
  expect(line, context).not.toMatch(/[\n\r]/);
  expect(line, context).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(err.message.trim().length, context).toBeGreaterThan(0);
  expect(line, context).toMatch(/^.+\.ya?ml:\d+:\d+: /);
  return line;
}

/** Load (model or scenario), evaluate under its overrides, render: a result, or a clean error. */
export function loadAndRun(path: string, context: string, maxMs = 5000): Outcome {
  const started = performance.now();
  let outcome: Outcome;
  try {
    const { model, scenario } = loadModelOrScenario(path);
    const evaluator = new Evaluator(model, scenario?.spec.set ?? {}, scenario ? { locate: scenario.locate } : undefined);
    const result = evaluator.result();
    renderRun(result, 'json', { file: path });
    renderRun(result, 'table', { file: path });
    outcome = { ok: true, indicators: result.indicators.length };
  } catch (err) {
    outcome = { ok: false, line: expectCleanError(err, context) };
  }
  const ms = performance.now() - started;
  expect(ms, `${context}: took ${ms.toFixed(0)} ms`).toBeLessThan(maxMs);
  return outcome;
}

export function writeCase(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
