import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { loadScenario } from '../../src/model/load.js';
import { cesuan } from '../helpers/cli.js';

/** A scenario that revises the Henan 新增就业 task, written where a user would keep it. */
function henanScenario(total: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'cesuan-henan-'));
  const path = join(dir, 'henan-jobs.yaml');
  writeFileSync(
    path,
    `model: ${resolve('models/zhengzhou-hrss-14th.yaml')}\nname: 全省新增就业任务调整为${total}万\nset:\n  henan.new_jobs_total: ${total}\n`,
  );
  return path;
}

describe('a scenario that overrides a parent (Henan) value', () => {
  it('moves Zhengzhou’s 依据1 (11.3% of the provincial task) and nothing unrelated', () => {
    const scenario = loadScenario(henanScenario(560));
    const revised = evaluate(scenario.model, scenario.spec.set, scenario);
    const published = evaluate(scenario.model);
    const basis1 = (r: typeof revised) => r.indicators.find((i) => i.id === 'new_urban_jobs')!.derivations.find((d) => d.id === 'basis1')!;
    expect(basis1(published).value).toBeCloseTo(500 * 0.113, 10);
    expect(basis1(revised).value).toBeCloseTo(560 * 0.113, 10);
    const changed = Object.keys(published.values).filter((k) => JSON.stringify(published.values[k]) !== JSON.stringify(revised.values[k]));
    expect(changed.sort()).toEqual(['henan.new_jobs_total', 'new_urban_jobs.basis1'].sort());
  });
  it('through the CLI: run prints the revised share', () => {
    const r = cesuan(['explain', henanScenario(600), 'new_urban_jobs', '--format', 'json']);
    expect(r.code).toBe(0);
    const basis1 = JSON.parse(r.stdout).derivations.find((d: { id: string }) => d.id === 'basis1');
    expect(basis1.value).toBeCloseTo(67.8, 10);
  });
});
