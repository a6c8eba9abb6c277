/**
 * `cesuan sweep`: the full grid of three assumptions, streamed; exact point count and closed-form values.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axisValues, gridPoints, gridSize, makeAxis } from '../../src/engine/planning/grid.js';
import { cesuan } from '../helpers/cli.js';
import { ZHENGZHOU, cesuanJson, close, root, tempDir } from './fixtures.js';

interface SweepRow {
  point: number;
  injury_growth: number;
  pension_urban_step: number;
  new_jobs_per_year: number;
  indicator: string;
  projection: number;
  target: number;
  verdict: string;
  gap: number;
}

const VARY = ['--vary', 'injury_growth=0.02:0.03:0.0025', '--vary', 'pension_urban_step=15:25:5', '--vary', 'new_jobs_per_year=10:12:0.5'];

describe('grid generation', () => {
  it('axis(0.02, 0.03, 0.0025) has 5 clean values, no float drift', () => {
    expect(axisValues(makeAxis('g', 0.02, 0.03, 0.0025))).toEqual([0.02, 0.0225, 0.025, 0.0275, 0.03]);
    expect(axisValues(makeAxis('g', 0, 0.08, 0.001))).toHaveLength(81);
    expect(axisValues(makeAxis('g', 0, 0.08, 0.001))[31]).toBe(0.031);
  });
  it('a descending axis and a one-point axis', () => {
    expect(axisValues(makeAxis('g', 3, 1, -1))).toEqual([3, 2, 1]);
    expect(axisValues(makeAxis('g', 5, 5, 1))).toEqual([5]);
  });
  it('refuses a step that never arrives, and a zero step', () => {
    expect(() => makeAxis('g', 0, 1, -0.1)).toThrow(/never gets/);
    expect(() => makeAxis('g', 0, 1, 0)).toThrow(/must not be 0/);
  });
  it('visits every combination once, last axis fastest, reporting the lowest changed axis', () => {
    const axes = [makeAxis('a', 1, 2, 1), makeAxis('b', 0, 2, 1)];
    expect(gridSize(axes)).toBe(6);
    const seen: string[] = [];
    for (const p of gridPoints(axes)) seen.push(`${p.values.join(',')}@${p.changedFrom}`); // the point object is reused
    expect(seen).toEqual(['1,0@0', '1,1@1', '1,2@1', '2,0@0', '2,1@1', '2,2@1']);
  });
});

describe('sweep of 3 assumptions over the Zhengzhou model', () => {
  const sweep = cesuanJson<{ points: number; columns: string[]; rows: SweepRow[] }>(['sweep', ZHENGZHOU, ...VARY, '--format', 'json']);
  const points = 5 * 3 * 5;
  // the indicators that depend on a varied assumption
  const affected = ['new_urban_jobs', 'pension_insured', 'pension_urban', 'injury_insured'];

  it(`has ${points} points × ${affected.length} affected indicators`, () => {
    expect(sweep.points).toBe(points);
    expect(sweep.rows).toHaveLength(points * affected.length);
    expect(new Set(sweep.rows.map((r) => r.indicator))).toEqual(new Set(affected));
    const combos = new Set(sweep.rows.map((r) => `${r.injury_growth}|${r.pension_urban_step}|${r.new_jobs_per_year}`));
    expect(combos.size).toBe(points);
    expect(sweep.columns).toEqual([
      'point',
      'injury_growth',
      'pension_urban_step',
      'new_jobs_per_year',
      'indicator',
      'projection',
      'target',
      'verdict',
      'gap',
    ]);
  });

  it('every row equals its closed form', () => {
    const closedForm: Record<string, (r: SweepRow) => number> = {
      injury_insured: (r) => 186.5 * (1 + r.injury_growth) ** 5,
      pension_urban: (r) => 568.14 + r.pension_urban_step * 5,
      pension_insured: (r) => 568.14 + r.pension_urban_step * 5 + 233.83 * 1.004 ** 5,
      new_urban_jobs: (r) => r.new_jobs_per_year * 5,
    };
    for (const r of sweep.rows) {
      close(r.projection, closedForm[r.indicator]!(r));
      close(r.gap, r.projection - r.target);
      expect(r.verdict).toBe(r.projection >= r.target - 1e-9 * r.target ? 'met' : 'missed');
    }
  });

  it('CSV on stdout: header + one line per row', () => {
    const r = cesuan(['sweep', ZHENGZHOU, ...VARY], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('point,injury_growth,pension_urban_step,new_jobs_per_year,indicator,projection,target,verdict,gap');
    expect(lines).toHaveLength(points * affected.length + 1);
    expect(lines[1]).toMatch(/^1,0\.02,15,10,/);
  });

  it('--indicator restricts the rows; name alone uses the model range and step (81 values of injury_growth)', () => {
    const r = cesuanJson<{ rows: SweepRow[] }>([
      'sweep',
      ZHENGZHOU,
      '--vary',
      'injury_growth',
      '--indicator',
      'injury_insured',
      '-f',
      'json',
    ]);
    expect(r.rows).toHaveLength(81);
    expect(r.rows[80]!.injury_growth).toBe(0.08);
    close(r.rows[24]!.projection, 186.5 * 1.024 ** 5);
  });

  it('--out streams into a temp file and renames; bad input leaves the previous file', () => {
    const dir = tempDir();
    const out = join(dir, 'grid.csv');
    writeFileSync(out, 'previous\n');
    const bad = cesuan(['sweep', ZHENGZHOU, '--vary', 'injury_growth=0.03:0.02:0.001', '--out', out], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/never gets from 0.03 to 0.02/);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
    const ok = cesuan(['sweep', ZHENGZHOU, ...VARY, '--out', out], { cwd: root });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(points * affected.length + 1);
    expect(readdirSync(dir)).toEqual(['grid.csv']);
  });

  it('an unknown assumption is bad input naming the assumptions', () => {
    const r = cesuan(['sweep', ZHENGZHOU, '--vary', 'injury_grwth=0:0.1:0.01'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"injury_grwth" is not an assumption/);
  });

  it('a grid over --limit is refused before anything is written', () => {
    const dir = tempDir();
    const out = join(dir, 'big.csv');
    const r = cesuan(['sweep', ZHENGZHOU, ...VARY, '--limit', '10', '--out', out], { cwd: root });
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('Ctrl-C mid-stream: exit 130, the temp file is removed and the previous file stays', async () => {
    const dir = tempDir();
    const out = join(dir, 'grid.csv');
    writeFileSync(out, 'previous\n');
    const child = spawn(
      process.execPath,
      [
        join(root, 'bin', 'cesuan.js'),
        'sweep',
        ZHENGZHOU,
        '--vary',
        'injury_growth=0.00008:0.08:0.00008',
        '--vary',
        'resident_pop_2019=1000:1299.9:0.1',
        '--indicator',
        'injury_insured',
        '--out',
        out,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    // wait until rows are streaming into the temp file, then interrupt
    const started = Date.now();
    while (!readdirSync(dir).some((f) => f.endsWith('.tmp')) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    const streaming = readdirSync(dir).some((f) => f.endsWith('.tmp'));
    child.kill('SIGINT');
    expect(streaming, stderr).toBe(true);
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(readdirSync(dir)).toEqual(['grid.csv']);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });
});
