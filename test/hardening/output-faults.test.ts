/**
 * Output that fails (issue 10 items 1–5): standard output that is full or closed, `-o` targets that are
 * directories, missing folders, immutable files, FIFOs and devices, temp files left by killed runs, and a
 * clean stderr on a successful xlsx run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';
import { root } from './harness.js';

const bin = join(root, 'bin/cesuan.js');
const MODEL = 'models/zhengzhou-hrss-14th.yaml';
const env = { ...process.env, NO_COLOR: '1' };
/** The exit code for output that could not be written (README's exit-code table). */
const EXIT_OUTPUT = 4;

const commands: Record<string, string[]> = {
  run: ['run', MODEL],
  batch: ['batch', 'scenarios/zhengzhou-*.yaml'],
  sweep: ['sweep', MODEL, '--vary', 'injury_growth=0.02:0.04:0.001'],
  audit: ['audit', MODEL],
  plan: ['plan', MODEL],
  mc: ['mc', 'scenarios/zhengzhou-uncertain.yaml', '-n', '200'],
};

const immutable: string[] = [];
afterAll(() => {
  for (const p of immutable) spawnSync('chattr', ['-i', p]);
});

function tempsIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

describe('standard output that fails', () => {
  for (const [name, args] of Object.entries(commands)) {
    it(`${name} > /dev/full: one line, its own exit code`, () => {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [bin, ...args], {
          cwd: root,
          env,
          stdio: ['ignore', fd, 'pipe'],
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(r.stderr).toBe('cesuan: cannot write to standard output: no space left on device\n');
        expect(r.status).toBe(EXIT_OUTPUT);
      } finally {
        closeSync(fd);
      }
    });
  }

  for (const name of ['run', 'batch', 'audit', 'sweep']) {
    it(`${name} into a pipe whose reader has gone: a quiet exit`, async () => {
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...commands[name]!], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.destroy(); // the reader leaves before the first byte, as `| head -0` would
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stderr }));
        child.on('error', reject);
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
  }

  it('sweep | head -1 (a reader that leaves after one line): quiet, prompt', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; "${process.execPath}" "${bin}" sweep ${MODEL} --vary injury_growth=0.02:0.04:0.000001 | head -1; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      { cwd: root, env, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stdout.split('\n').length).toBe(2);
    expect(r.stderr).toBe('status 0\n');
  });
});

describe('-o checks before the work starts', () => {
  for (const name of ['batch', 'sweep', 'run']) {
    it(`${name} -o <existing directory>: exit 2, one line naming the path, before any work`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'cesuan-out-'));
      const target = join(dir, 'results.csv');
      mkdirSync(target);
      const r = cesuan([...commands[name]!, '-o', target], { cwd: root });
      expect(r.stderr).toBe(`cesuan: cannot write ${target}: it is a directory\n`);
      expect(r.code).toBe(2);
      expect(tempsIn(dir)).toEqual([]);
    });
  }

  it('a missing folder: exit 2 before the work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-out-'));
    const target = join(dir, 'nope', 'results.csv');
    const r = cesuan([...commands.sweep!, '-o', target], { cwd: root });
    expect(r.stderr).toBe(`cesuan: cannot write ${target}: the folder ${join(dir, 'nope')} does not exist\n`);
    expect(r.code).toBe(2);
  });

  it('a folder that cannot be written (chattr +i): exit 2 before the work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-out-'));
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    if (spawnSync('chattr', ['+i', locked]).status !== 0) return; // file system without attributes
    immutable.push(locked);
    const target = join(locked, 'results.csv');
    const r = cesuan([...commands.batch!, '-o', target], { cwd: root });
    expect(r.stderr).toMatch(
      new RegExp(`^cesuan: cannot write ${target}: the folder ${locked} is not writable \\(operation not permitted\\)\\n$`),
    );
    expect(r.code).toBe(2);
  });

  for (const name of ['batch', 'sweep', 'run']) {
    it(`${name}: a write error after the work (an immutable file, EPERM) is one line, the temp file removed`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'cesuan-out-'));
      const target = join(dir, 'results.csv');
      writeFileSync(target, 'previous\n');
      if (spawnSync('chattr', ['+i', target]).status !== 0) return;
      immutable.push(target);
      const r = cesuan([...commands[name]!, '-o', target], { cwd: root });
      expect(r.stderr).toBe(`cesuan: cannot write ${target}: operation not permitted\n`);
      expect(r.code).toBe(EXIT_OUTPUT);
      expect(tempsIn(dir)).toEqual([]);
      expect(readFileSync(target, 'utf8')).toBe('previous\n');
    });
  }
});

describe('-o onto something that is not a regular file', () => {
  const viaFifo = (args: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-fifo-'));
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const captured = join(dir, 'captured');
    // a reader on the FIFO, as `cat pipe > captured` in another terminal
    const r = spawnSync(
      'bash',
      [
        '-c',
        `cat "${fifo}" > "${captured}" & reader=$!; "${process.execPath}" "${bin}" "$@" -o "${fifo}"; code=$?; (sleep 5; kill $reader) >/dev/null 2>&1 & wait $reader; exit $code`,
        'sh',
        ...args,
      ],
      { cwd: root, env, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' },
    );
    return { r, dir, fifo, captured };
  };

  it('run -o <FIFO>: written straight into it, never replaced by a regular file', () => {
    const { r, dir, fifo, captured } = viaFifo(['run', MODEL, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(captured, 'utf8')).model).toBe('zhengzhou-hrss-14th');
    expect(tempsIn(dir)).toEqual([]);
  });

  it('sweep -o <FIFO> (streamed): the rows arrive through the FIFO', () => {
    const { r, fifo, captured } = viaFifo(['sweep', MODEL, '--vary', 'injury_growth=0.02:0.04:0.01', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(captured, 'utf8').split('\n')[0]).toMatch(/^point,injury_growth,/);
  });

  it('run -o /dev/null works and /dev/null stays a device', () => {
    const r = cesuan(['run', MODEL, '-o', '/dev/null'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((f) => f.startsWith('.null.'))).toEqual([]);
  });

  it('run -o /dev/stdout writes to standard output (a socket, a pipe, a file)', () => {
    const r = cesuan(['run', MODEL, '--format', 'json', '-o', '/dev/stdout'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).model).toBe('zhengzhou-hrss-14th');
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-stdout-'));
    const piped = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" run ${MODEL} --format json -o /dev/stdout | cat; "${process.execPath}" "${bin}" run ${MODEL} --format json -o /dev/stdout > "${dir}/file.json"`,
      ],
      { cwd: root, env, encoding: 'utf8' },
    );
    expect(piped.stderr).toBe('');
    expect(JSON.parse(piped.stdout).model).toBe('zhengzhou-hrss-14th');
    expect(JSON.parse(readFileSync(join(dir, 'file.json'), 'utf8')).model).toBe('zhengzhou-hrss-14th');
    expect(tempsIn(dir)).toEqual([]);
  });

  it('-o /dev/full (a device that fails on write): one line with the path and the reason', () => {
    const r = cesuan(['run', MODEL, '-o', '/dev/full'], { cwd: root });
    expect(r.stderr).toBe('cesuan: cannot write /dev/full: no space left on device\n');
    expect(r.code).toBe(EXIT_OUTPUT);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});

describe('temp files of killed runs', () => {
  it('the next write to the same target removes the temp files of processes that are gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-stale-'));
    const target = join(dir, 'out.csv');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = join(dir, `.out.csv.${dead}.1700000000000.tmp`);
    const alive = join(dir, `.out.csv.${process.pid}.1700000000000.tmp`);
    const other = join(dir, `.other.csv.${dead}.1700000000000.tmp`);
    for (const f of [stale, alive, other]) writeFileSync(f, 'partial');
    const r = cesuan([...commands.sweep!, '-o', target], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(alive), 'a running process keeps its temp file').toBe(true);
    expect(existsSync(other), 'another target keeps its temp files').toBe(true);
  });
});

describe('xlsx output', () => {
  it('batch -o x.xlsx and sweep -o x.xlsx leave stderr clean (no DEP0005 Buffer() warning)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-xlsx-'));
    const a = cesuan([...commands.batch!, '-o', join(dir, 'b.xlsx')], { cwd: root });
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const b = cesuan([...commands.sweep!, '-o', join(dir, 's.xlsx')], { cwd: root });
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(statSync(join(dir, 'b.xlsx')).size).toBeGreaterThan(1000);
  });
});
