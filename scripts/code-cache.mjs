// Makes dist/cli.cjs.cache, V8's compiled code for dist/cli.cjs (see bin/load-cli.js), run by scripts/build.mjs
// in a child process of its own. The CLI runs a few commands on a shipped model, as a user's first runs do,
// so that the functions they call are compiled, then V8 writes out everything compiled so far.
// What the runs print is dropped; a run that fails fails this script (and the build says so).
import { renameSync, writeFileSync } from 'node:fs';
import { CODE_CACHE, cacheHeader, loadCli } from '../bin/load-cli.js';

const MODEL = 'models/zhengzhou-hrss-14th.yaml';
/** a model's run as a script (JSON) and as a person (the table) asks for it */
const RUNS = [
  ['run', MODEL, '--format', 'json'],
  ['run', MODEL],
];

const loaded = loadCli();
const write = { out: process.stdout.write, err: process.stderr.write };
try {
  process.stdout.write = process.stderr.write = () => true;
  for (const args of RUNS) {
    const code = await loaded.exports.main(args);
    if (code !== 0) throw new Error(`cesuan ${args.join(' ')} exited ${code}`);
  }
} finally {
  process.stdout.write = write.out;
  process.stderr.write = write.err;
}
const temp = `${CODE_CACHE}.${process.pid}.tmp`;
writeFileSync(temp, Buffer.concat([cacheHeader(loaded.id), loaded.script.createCachedData()]));
renameSync(temp, CODE_CACHE);
