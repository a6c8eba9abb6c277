/**
 * Cold start: wall time of whole `cesuan` processes (the bundled binary, as a user or a script runs it)
 * against `node -e 0`, the floor of any Node CLI. Rounds are interleaved (every command once per round) so
 * a busy machine slows all of them alike; medians over the rounds, ratios from the same run.
 *
 *     npm run bench            (builds dist/ first, then every benchmark)
 *     npx tsx bench/cold-start.ts [--repeats 21]
 *
 * cesuan keeps no cache of model files (src/model/spec-file.ts): every run reads and validates its YAML, so
 * every run is a model's first run. It is timed on the shipped model and, as a planner editing YAML meets it,
 * on a just-edited copy (a comment line with a fresh random number appended before each run).
 * Goals: `cesuan run models/zhengzhou-hrss-14th.yaml --format json` ≤ 2.5× `node -e 0` (issue 7), and the same
 * for the first run of a just-edited model (issue 10 item 12).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/cesuan.js');
const MODEL = 'models/zhengzhou-hrss-14th.yaml';
const GOAL = 2.5;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPEATS = arg('repeats', Number(process.env['BENCH_REPEATS'] ?? 21));

if (!existsSync(join(root, 'dist/cli.cjs'))) {
  console.error('cold-start: dist/cli.cjs is missing — run `npm run build` first (npm run bench does)');
  process.exit(1);
}

const env = { ...process.env, NO_COLOR: '1' };
// a copy under the model's own file name (the id check wants it), edited before each of its runs
const scratch = mkdtempSync(join(tmpdir(), 'cesuan-bench-edit-'));
const edited = join(scratch, basename(MODEL));
copyFileSync(join(root, MODEL), edited);

interface Case {
  label: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** runs before each timed run, outside the timing */
  before?: () => void;
  /** the goal applies to this one */
  goal?: boolean;
}
const cases: Case[] = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: `cesuan run ${MODEL} --format json`, args: [bin, 'run', MODEL, '--format', 'json'], goal: true },
  {
    label: 'cesuan run … --format json, a just-edited copy',
    args: [bin, 'run', edited, '--format', 'json'],
    before: () => appendFileSync(edited, `# edited ${Math.random()}\n`),
    goal: true,
  },
  { label: `cesuan run ${MODEL} (the table)`, args: [bin, 'run', MODEL] },
  { label: `cesuan audit ${MODEL}`, args: [bin, 'audit', MODEL] },
  { label: 'cesuan tui --help', args: [bin, 'tui', '--help'] },
];

function time(c: Case): number {
  c.before?.();
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { cwd: root, env: c.env ?? env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${c.label} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

try {
  for (const c of cases) time(c); // warm-up: the file system's cache
  const times = cases.map(() => [] as number[]);
  for (let r = 0; r < REPEATS; r++) cases.forEach((c, i) => times[i]!.push(time(c)));
  const base = median(times[0]!);
  console.log(`cold start — median wall time of ${REPEATS} interleaved rounds (Node ${process.version}, ${process.platform})`);
  let failed = false;
  const width = Math.max(...cases.map((c) => c.label.length));
  cases.forEach((c, i) => {
    const m = median(times[i]!);
    const ratio = m / base;
    const verdict = c.goal ? `   (goal ≤ ${GOAL}×)  ${ratio <= GOAL ? 'ok' : 'MISSED'}` : '';
    if (c.goal && ratio > GOAL) failed = true;
    console.log(`  ${c.label.padEnd(width)} ${m.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2).padStart(5)}×${verdict}`);
  });
  if (failed) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
