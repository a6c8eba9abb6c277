/**
 * A scenario's `primary: { <indicator>: <derivation> }` (issue #14 item 12): applied when the scenario loads,
 * so run, batch, sweep, mc and write all compute the switched projection. 测算依据1 of 工伤保险参保人数:
 * 195.97 × (1 + 4%)^5 ≈ 238.43 instead of 测算依据2's 186.5 × (1 + 3.53%)^5 ≈ 221.86.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { loadScenario } from '../../src/model/load.js';
import { cesuan } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cesuan-primary-'));
const model = resolve('models/zhengzhou-hrss-14th.yaml');
function scenario(name: string, body: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `model: ${model}\nname: ${name}\n${body}`);
  return file;
}
const injury = (json: string) =>
  (JSON.parse(json) as { indicators: { id: string; primary: string; projection: number }[] }).indicators.find(
    (i) => i.id === 'injury_insured',
  )!;

describe('primary: in scenario files', () => {
  it('switches the projection at load: 195.97 × 1.04^5 from 测算依据1', () => {
    const file = scenario('basis1', 'primary:\n  injury_insured: basis1\n');
    const loaded = loadScenario(file);
    const result = evaluate(loaded.model, loaded.spec.set);
    const ind = result.indicators.find((i) => i.id === 'injury_insured')!;
    expect(ind.primary).toBe('basis1');
    expect(ind.projection).toBeCloseTo(195.97 * 1.04 ** 5, 9);
    // the published model is kept beside it, unswitched
    expect(loaded.published?.spec.indicators['injury_insured']?.primary).toBe('basis2');
  });

  it('run and batch honour it', () => {
    const file = scenario('basis1-run', 'primary:\n  injury_insured: basis1\nset:\n  injury_growth_basis1: 0.03\n');
    const run = cesuan(['run', file, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(injury(run.stdout).projection).toBeCloseTo(195.97 * 1.03 ** 5, 9);
    const batch = cesuan(['batch', file, '--format', 'csv']);
    expect(batch.code).toBe(0);
    expect(batch.stdout).toContain(String(Number((195.97 * 1.03 ** 5).toFixed(2))).slice(0, 5));
  });

  it('an unknown derivation is bad input at its line', () => {
    const file = scenario('bad', 'primary:\n  injury_insured: basis9\n');
    const r = cesuan(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4:\d+: primary\.injury_insured: "basis9" is not a derivation of injury_insured/);
  });
});
