/**
 * V8's code cache of the bundled CLI (dist/cli.cjs.cache, made by scripts/build.mjs through
 * scripts/code-cache.mjs, used by bin/load-cli.js): the build makes one this Node takes, and a cache that
 * was made from another cli.cjs, or is damaged, is never used — the CLI then answers the same, compiled as usual.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../hardening/harness.js';

const dist = join(root, 'dist');

/** Load a cli.cjs as bin/cesuan.js does, run it, and report whether V8 took the cache and what it printed. */
function run(cli: string, args: string[]) {
  const script = `
    const { loadCli } = await import(${JSON.stringify(join(root, 'bin/load-cli.js'))});
    const loaded = loadCli({ cli: ${JSON.stringify(cli)} });
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (s) => ((out += s), true);
    const code = await loaded.exports.main(${JSON.stringify(args)});
    process.stdout.write = write;
    process.stderr.write('RESULT ' + JSON.stringify({ cacheUsed: loaded.cacheUsed, code, out }) + '\\n');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(r.stderr);
  return JSON.parse(line.slice(7)) as { cacheUsed: boolean; code: number; out: string };
}

const args = ['run', 'models/zhengzhou-hrss-14th.yaml', '--format', 'json'];

describe('the code cache of the bundled CLI', () => {
  it('is made by the build for its cli.cjs, and this Node takes it', () => {
    const r = run(join(dist, 'cli.cjs'), args);
    expect(r.cacheUsed).toBe(true);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { indicators: { id: string; projection: number }[] };
    // 工伤保险参保人数, 测算依据2: 186.5 × (1 + 3.53%)^5 ≈ 221.86, computed through the cached code
    const injury = out.indicators.find((i) => i.id === 'injury_insured')!;
    expect(injury.projection).toBeCloseTo(221.86, 1);
  });

  it('is not used with another cli.cjs, nor when damaged; the answer is the same without it', () => {
    const expected = run(join(dist, 'cli.cjs'), args).out;
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-code-cache-'));
    const cli = join(dir, 'cli.cjs');
    copyFileSync(join(dist, 'cli.cjs'), cli);
    const cache = readFileSync(join(dist, 'cli.cjs.cache'));
    const header = cache.subarray(0, cache.indexOf(10) + 1);

    // made from another cli.cjs: the first line's id differs from the cache's
    const source = readFileSync(cli, 'utf8');
    writeFileSync(cli, source.replace(/^\/\/ cesuan [0-9a-f]{16}/, '// cesuan 0123456789abcdef'));
    writeFileSync(`${cli}.cache`, cache);
    let r = run(cli, args);
    expect(r.cacheUsed).toBe(false);
    expect(r.out).toBe(expected);

    // damaged: the right id, bytes V8 refuses
    writeFileSync(cli, source);
    writeFileSync(`${cli}.cache`, Buffer.concat([header, Buffer.alloc(cache.length - header.length, 7)]));
    r = run(cli, args);
    expect(r.cacheUsed).toBe(false);
    expect(r.out).toBe(expected);

    // no cache at all
    writeFileSync(`${cli}.cache`, '');
    r = run(cli, args);
    expect(r.cacheUsed).toBe(false);
    expect(r.out).toBe(expected);
  });
});
