/**
 * Installable the way Node CLIs are (issue 10 item 13): `npm pack`, `npm install -g` into a temp prefix, then
 * `cesuan list`, `cesuan run <model id>` and `cesuan tui <model id>` from a folder that is not the project.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'cesuan-install-'));
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere');
let tarball = '';
let files: string[] = [];

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout: 280_000,
    env: {
      ...process.env,
      npm_config_loglevel: 'error',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    },
  });
const installed = (args: string[]) =>
  spawnSync(join(prefix, 'bin', 'cesuan'), args, {
    cwd: elsewhere,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });

beforeAll(() => {
  mkdirSync(elsewhere);
  const pack = npm(['pack', '--json', '--pack-destination', work], root);
  expect(pack.status, pack.stderr).toBe(0);
  const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info[0]!.filename);
  files = info[0]!.files.map((f) => f.path);
  const install = npm(['install', '-g', '--prefix', prefix, '--prefer-offline', tarball], work);
  expect(install.status, install.stderr).toBe(0);
}, 300_000);

describe('npm pack + npm install -g', () => {
  it('the package holds dist/, bin/, models/, scenarios/, schema/, docs/ — not test/, bench/ or src/', () => {
    for (const needed of [
      'dist/cli.cjs',
      'dist/cli.cjs.cache',
      'bin/cesuan.js',
      'bin/load-cli.js',
      'models/zhengzhou-hrss-14th.yaml',
      'scenarios/zhengzhou-growth-cut.yaml',
      'schema/model.schema.json',
      'docs/scenarios.md',
      'package.json',
    ]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((f) => /^(test|bench|src|\.ci)\//.test(f))).toEqual([]);
    expect(readdirSync(work)).toContain(tarball.split('/').pop());
  });

  it('cesuan list, from another folder, lists the shipped models', () => {
    const r = installed(['list']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('zhengzhou-hrss-14th');
    expect(r.stdout).toContain('henan-parent-14th');
  });

  it('cesuan run <model id> runs the shipped model of that id', () => {
    const r = installed(['run', 'zhengzhou-hrss-14th', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { model: string; indicators: { id: string; baseline: { value: number }; projection: number }[] };
    expect(out.model).toBe('zhengzhou-hrss-14th');
    // 186.5 × (1 + 3.53%)^5 ≈ 221.86 (万人, 工伤保险参保人数)
    const injury = out.indicators.find((i) => i.id === 'injury_insured')!;
    expect(injury.projection).toBeCloseTo(186.5 * 1.0353 ** 5, 1);
  });

  it('cesuan tui <model id> without a terminal: exit 2 and its message', () => {
    const r = installed(['tui', 'zhengzhou-hrss-14th']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cesuan tui 需要交互式终端/);
  });

  it('cesuan tui <model id> in a pseudo-terminal opens the model and quits on q', () => {
    if (spawnSync('script', ['--version']).status !== 0) return; // util-linux script is not installed
    const bin = join(prefix, 'bin', 'cesuan');
    const r = spawnSync(
      'bash',
      ['-c', `(for i in $(seq 40); do sleep 1; printf q; done) | script -qec "${bin} tui zhengzhou-hrss-14th" /dev/null`],
      {
        cwd: elsewhere,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, TERM: 'xterm-256color' },
      },
    );
    expect(r.status, r.stdout.slice(-500)).toBe(0);
    expect(r.stdout).toContain('郑州');
    expect(r.stdout).not.toMatch(/cannot read file|not found/);
  });
});

describe('a model id where a file is expected', () => {
  it('resolves to ./models/<id>.yaml first, then to the shipped model', async () => {
    const { cesuan } = await import('../helpers/cli.js');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-id-'));
    const shipped = cesuan(['run', 'zhengzhou-hrss-14th', '--format', 'json'], { cwd: dir });
    expect(shipped.stderr).toBe('');
    expect(JSON.parse(shipped.stdout).title).toMatch(/^郑州市/);
    mkdirSync(join(dir, 'models'));
    const text = readFileSync(join(root, 'models/zhengzhou-hrss-14th.yaml'), 'utf8').replace(/^title: .*$/m, 'title: 本地副本');
    writeFileSync(join(dir, 'models/zhengzhou-hrss-14th.yaml'), text);
    const local = cesuan(['run', 'zhengzhou-hrss-14th', '--format', 'json'], { cwd: dir });
    expect(local.stderr).toBe('');
    expect(JSON.parse(local.stdout).title).toBe('本地副本');
    expect(cesuan(['run', 'no-such-model'], { cwd: dir }).stderr).toBe('no-such-model:1:1: cannot read file (does it exist?)\n');
  });
});
