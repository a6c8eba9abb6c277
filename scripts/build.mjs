// Bundle the CLI into dist/ with esbuild: one file for the commands, a lazily loaded chunk for the TUI
// (ink + react), so `cesuan run` never pays for them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // react-devtools-core is an optional dev-only import inside ink
  external: ['react-devtools-core'],
  banner: { js: "import { createRequire as __cesuanCreateRequire } from 'node:module'; const require = __cesuanCreateRequire(import.meta.url);" },
  absWorkingDir: new URL('..', import.meta.url).pathname,
});
