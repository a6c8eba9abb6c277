// `npm run bench`: build dist/ (cold-start times the bundled binary), then run every bench/*.ts with tsx,
// one after another (timings must not compete), and exit non-zero when any of them failed or missed a goal.
// Never part of `npm test`. Options are passed on: `npm run bench -- --repeats 9`; `npm run bench -- cold-start`
// runs only the benchmarks whose file name contains one of the words given.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const words = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const options = args.filter((a) => !words.includes(a));

const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .filter((f) => words.length === 0 || words.some((w) => f.includes(w)))
  .sort();

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const failed = [];
for (const file of benches) {
  console.log(`\n── bench/${file} ${'─'.repeat(Math.max(0, 60 - file.length))}`);
  const r = spawnSync(process.execPath, [tsx, join('bench', file), ...options], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed.push(`${file} (exit ${r.status ?? r.signal})`);
}
if (failed.length) {
  console.error(`\nbench: ${failed.length} of ${benches.length} failed or missed a goal: ${failed.join(', ')}`);
  process.exit(1);
}
