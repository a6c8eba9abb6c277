#!/usr/bin/env node
// The bundled CLI (dist/, built by `npm run build`, which `npm ci` runs via `prepare`), loaded by ./load-cli.js.
// CommonJS (bin/package.json): an ES module entry would start Node's ESM loader, ~12 ms of every run.
const { existsSync } = require('node:fs');
const { CLI, loadCli } = require('./load-cli.js');

// Node ≥ 22.1 can keep V8's compiled code of what cli.cjs requires later (Node 20 has no such API: a no-op there).
require('node:module').enableCompileCache?.();

if (!existsSync(CLI)) {
  process.stderr.write('cesuan: dist/cli.cjs is missing — run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
loadCli()
  .exports.main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
