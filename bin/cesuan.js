#!/usr/bin/env node
// The bundled CLI (dist/, built by `npm run build`, which `npm ci` runs via `prepare`), loaded by ./load-cli.js.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { CLI, loadCli } from './load-cli.js';

// Node ≥ 22.1 can keep V8's compiled code of what cli.cjs requires later (Node 20 has no such API: a no-op there).
module.enableCompileCache?.();

if (!existsSync(CLI)) {
  process.stderr.write('cesuan: dist/cli.cjs is missing — run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
process.exitCode = await loadCli().exports.main(process.argv.slice(2));
