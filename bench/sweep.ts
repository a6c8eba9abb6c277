/**
 * Sweep benchmark: does `cesuan sweep` stream at a steady memory as the grid grows?
 *
 *     npx tsx bench/sweep.ts [--repeat 3] [--max 1000000]
 *
 * Runs the built CLI (node bin/cesuan.js sweep …, as a user would) on grids of 1, 10k, 100k and 1M rows of
 * the Zhengzhou model, writing CSV to a temp file. For each: wall time (median of --repeat runs), rows/s (also
 * net of the start-up time of the 1-row run), and peak RSS (getrusage maxRSS of the child, read by a probe
 * loaded with --import). Prints the ratios measured in this run: peak RSS at 100k / 10k rows (goal ≈ 1 while
 * rows grow 10×) and at 1M / 100k.
 *
 * Not a unit test: numbers depend on the machine and its load.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'cesuan.js');
const model = join(root, 'models', 'zhengzhou-hrss-14th.yaml');

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const repeat = option('--repeat', 3);
const max = option('--max', 1_000_000);

// the probe reports the child's peak RSS (kB) on stderr when it exits
const PROBE = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@@maxrss '+process.resourceUsage().maxRSS+'\\n'))`;

/** Grids with an exact row count: one indicator (injury_insured) × points of two axes. */
const GRIDS: { rows: number; vary: string[] }[] = [
  { rows: 1, vary: ['injury_growth=0.03:0.03:0.001', 'resident_pop_2019=1000:1000:0.1'] },
  { rows: 10_000, vary: ['injury_growth=0.0008:0.08:0.0008', 'resident_pop_2019=1000:1009.9:0.1'] },
  { rows: 100_000, vary: ['injury_growth=0.0008:0.08:0.0008', 'resident_pop_2019=1000:1099.9:0.1'] },
  { rows: 1_000_000, vary: ['injury_growth=0.00008:0.08:0.00008', 'resident_pop_2019=1000:1099.9:0.1'] },
].filter((g) => g.rows <= max);

interface Measure {
  rows: number;
  seconds: number;
  peakRssMb: number;
  bytes: number;
}

function runOnce(grid: (typeof GRIDS)[number], dir: string): { seconds: number; rssKb: number; bytes: number; lines: number } {
  const out = join(dir, `sweep-${grid.rows}.csv`);
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['--import', PROBE, bin, 'sweep', model, ...grid.vary.flatMap((v) => ['--vary', v]), '--indicator', 'injury_insured', '--out', out],
    {
      encoding: 'utf8',
      env: { ...process.env, CESUAN_NO_PROGRESS: '1' },
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`sweep of ${grid.rows} rows failed (${r.status}): ${r.stderr}`);
  const rss = /@@maxrss (\d+)/.exec(r.stderr);
  if (!rss) throw new Error(`no RSS report from the probe: ${r.stderr}`);
  const text = readFileSync(out, 'utf8');
  const lines = text.length ? text.split('\n').length - 2 : 0; // header and trailing newline
  const bytes = statSync(out).size;
  rmSync(out);
  return { seconds, rssKb: Number(rss[1]), bytes, lines };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

if (!existsSync(join(root, 'dist', 'cli.cjs'))) {
  console.log('building dist/ …');
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
}

const dir = mkdtempSync(join(tmpdir(), 'cesuan-bench-'));
const results: Measure[] = [];
try {
  for (const grid of GRIDS) {
    const runs = Array.from({ length: repeat }, () => runOnce(grid, dir));
    for (const r of runs) if (r.lines !== grid.rows) throw new Error(`expected ${grid.rows} rows, the file has ${r.lines}`);
    results.push({
      rows: grid.rows,
      seconds: median(runs.map((r) => r.seconds)),
      peakRssMb: Math.max(...runs.map((r) => r.rssKb)) / 1024,
      bytes: runs[0]!.bytes,
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const startup = results.find((r) => r.rows === 1)?.seconds ?? 0;
const fmt = (n: number, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`cesuan sweep → CSV file, Zhengzhou model, 1 indicator × grid points; median of ${repeat} runs; node ${process.version}`);
console.log('');
console.log(
  `${'rows'.padStart(10)}  ${'wall s'.padStart(7)}  ${'rows/s'.padStart(10)}  ${'rows/s net'.padStart(10)}  ${'peak RSS MB'.padStart(11)}  ${'CSV MB'.padStart(7)}`,
);
for (const r of results) {
  const net = r.seconds - startup;
  console.log(
    `${fmt(r.rows).padStart(10)}  ${fmt(r.seconds, 2).padStart(7)}  ${(r.rows > 1 ? fmt(r.rows / r.seconds) : '—').padStart(10)}  ${(r.rows > 1 && net > 0 ? fmt(r.rows / net) : '—').padStart(10)}  ${fmt(r.peakRssMb, 1).padStart(11)}  ${fmt(r.bytes / 1e6, 1).padStart(7)}`,
  );
}
const at = (rows: number) => results.find((r) => r.rows === rows);
const ratio = (a: number, b: number) => {
  const x = at(a);
  const y = at(b);
  return x && y ? x.peakRssMb / y.peakRssMb : undefined;
};
console.log('');
console.log(`start-up (1-row sweep): ${fmt(startup, 2)} s, ${fmt(at(1)?.peakRssMb ?? 0, 1)} MB`);
const r10 = ratio(100_000, 10_000);
if (r10 !== undefined) console.log(`peak RSS 100k / 10k rows: ${fmt(r10, 2)}× (rows 10×)`);
const r100 = ratio(1_000_000, 100_000);
if (r100 !== undefined) console.log(`peak RSS 1M / 100k rows:  ${fmt(r100, 2)}× (rows 10×)`);
const t10 = at(100_000);
if (t10)
  console.log(
    `100k-row sweep: ${fmt(t10.rows / t10.seconds)} rows/s wall, ${fmt(t10.rows / (t10.seconds - startup))} rows/s net of start-up`,
  );
