#!/usr/bin/env node
// The bundled CLI (dist/, built by `npm run build`, which `npm ci` runs via `prepare`).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node ≥ 22.1 can keep V8's compiled code between runs (Node 20 has no such API: a no-op there).
module.enableCompileCache?.();

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('cesuan: dist/cli.js is missing — run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
await import(entry.href);
