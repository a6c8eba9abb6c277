/**
 * Every file cesuan writes goes through a temp file in the same folder and a rename: a process killed while
 * writing leaves the previous output exactly as it was — never empty, never half written.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';
import { root } from './harness.js';

const bin = join(root, 'bin/cesuan.js');
const PREVIOUS = 'previous output\n';

/** A sweep big enough to take seconds: 81 × 401 points × the indicators they reach. */
const bigSweep = (out: string) => [
  'sweep',
  'models/zhengzhou-hrss-14th.yaml',
  '--vary',
  'injury_growth=0:0.08:0.001',
  '--vary',
  'pension_urban_step=0:40:0.1',
  '--vary',
  'new_jobs_per_year=5:20:1',
  '--format',
  'csv',
  '--out',
  out,
];

const tempsIn = (dir: string, name: string) => readdirSync(dir).filter((f) => f.startsWith(`.${name}.`) && f.endsWith('.tmp'));

/** Start the command; once its temp file holds at least `bytes`, send `signal`; resolve with the exit. */
function killMidWrite(
  args: string[],
  dir: string,
  name: string,
  signal: NodeJS.Signals,
  bytes = 256 * 1024,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemp: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let sawTemp = 0;
    const poll = setInterval(() => {
      for (const t of tempsIn(dir, name)) {
        try {
          sawTemp = Math.max(sawTemp, statSync(join(dir, t)).size);
        } catch {
          // renamed or removed between readdir and stat
        }
      }
      if (sawTemp >= bytes) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 5);
    const limit = setTimeout(() => {
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(new Error(`the command finished writing nothing large enough to interrupt within 50 s (temp reached ${sawTemp} bytes)`));
    }, 50_000);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      clearTimeout(limit);
      resolve({ code, signal: sig, sawTemp });
    });
    child.on('error', reject);
  });
}

describe('atomic output: a killed write leaves the previous file intact', () => {
  it('SIGKILL in the middle of a streamed sweep: the previous file is untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-atomic-'));
    const out = join(dir, 'grid.csv');
    writeFileSync(out, PREVIOUS);
    const r = await killMidWrite(bigSweep(out), dir, 'grid.csv', 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    expect(r.sawTemp, 'the kill came while the temp file was being written').toBeGreaterThan(0);
    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
  }, 60_000);

  it('SIGTERM in the middle of a streamed sweep: exit 130, previous file untouched, temp file removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-atomic-'));
    const out = join(dir, 'grid.csv');
    writeFileSync(out, PREVIOUS);
    const r = await killMidWrite(bigSweep(out), dir, 'grid.csv', 'SIGTERM');
    expect(r.code).toBe(130);
    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
    expect(tempsIn(dir, 'grid.csv')).toEqual([]);
  }, 60_000);

  it('without an interruption the same sweep replaces the file whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-atomic-'));
    const out = join(dir, 'small.csv');
    writeFileSync(out, PREVIOUS);
    const r = cesuan(['sweep', 'models/zhengzhou-hrss-14th.yaml', '--vary', 'injury_growth=0.02:0.04:0.01', '--out', out], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toBe(PREVIOUS);
    expect(text.endsWith('\n')).toBe(true);
    expect(tempsIn(dir, 'small.csv')).toEqual([]);
  });

  it('`run --out` killed at random moments: the file is the previous one or the complete new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-atomic-'));
    const out = join(dir, 'run.json');
    const complete = cesuan(['run', 'models/zhengzhou-hrss-14th.yaml', '--format', 'json'], { cwd: root }).stdout;
    expect(complete.length).toBeGreaterThan(1000);
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      writeFileSync(out, PREVIOUS);
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [bin, 'run', 'models/zhengzhou-hrss-14th.yaml', '--format', 'json', '--out', out], {
          cwd: root,
          env: { ...process.env },
          stdio: 'ignore',
        });
        // from right after start to about when the write happens
        setTimeout(() => child.kill('SIGKILL'), 20 + i * 25);
        child.on('exit', () => resolve());
      });
      const text = readFileSync(out, 'utf8');
      expect([PREVIOUS, complete]).toContain(text);
      seen.add(text === PREVIOUS ? 'previous' : 'complete');
    }
    expect(seen.has('previous')).toBe(true);
    expect(existsSync(out)).toBe(true);
  }, 60_000);
});
