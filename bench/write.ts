/**
 * `cesuan write` speed: the Zhengzhou 测算说明 as a .docx, end to end with the bundled binary (start, load,
 * evaluate, build the document, pack the .docx, write it atomically), against `cesuan run … --format json`
 * and `node -e 0` measured in the same run. Medians over repeats, interleaved.
 *
 *     npx tsx bench/write.ts [--repeats 7]
 *
 * Goal (issue 12): writing the Zhengzhou .docx takes ≤ 1 s on this machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPEATS = arg('repeats', Number(process.env['BENCH_REPEATS'] ?? 7));
const GOAL_MS = 1000;
const MODEL = 'models/zhengzhou-hrss-14th.yaml';
const dir = mkdtempSync(join(tmpdir(), 'cesuan-bench-write-'));
const out = join(dir, 'zhengzhou.docx');

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs = { node: [] as number[], run: [] as number[], docx: [] as number[], md: [] as number[] };
time(['bin/cesuan.js', 'write', MODEL, '-o', out]); // warm-up: the file system's cache
for (let i = 0; i < REPEATS; i++) {
  runs.node.push(time(['-e', '0']));
  runs.run.push(time(['bin/cesuan.js', 'run', MODEL, '--format', 'json']));
  runs.docx.push(time(['bin/cesuan.js', 'write', MODEL, '-o', out]));
  runs.md.push(time(['bin/cesuan.js', 'write', MODEL, '--with', 'audit,paths,projection', '-o', join(dir, 'zhengzhou.md')]));
}
const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])) as Record<keyof typeof runs, number>;
const size = statSync(out).size;
rmSync(dir, { recursive: true, force: true });
console.log(`write zhengzhou .docx (${(size / 1024).toFixed(1)} KiB): ${m.docx.toFixed(0)} ms median of ${REPEATS}; goal ≤ ${GOAL_MS} ms`);
console.log(
  `  = ${(m.docx / m.run).toFixed(2)}× \`cesuan run --format json\` (${m.run.toFixed(0)} ms), ${(m.docx / m.node).toFixed(2)}× \`node -e 0\` (${m.node.toFixed(0)} ms)`,
);
console.log(`  write .md with audit, paths, projection: ${m.md.toFixed(0)} ms`);
if (m.docx > GOAL_MS) {
  console.error(`bench/write: ${m.docx.toFixed(0)} ms is over the ${GOAL_MS} ms goal`);
  process.exit(1);
}
