// Bundle the CLI into dist/ with esbuild (`npm run build`; `npm ci` runs it via `prepare`).
//
// What a command loads is what it needs (measured by bench/cold-start.ts):
// - dist/cli.js: commander, the engine (mathjs parser factories only, see src/engine/parser.ts), reports;
// - chunks that commands import dynamically: the TUI (ink + react), xlsx output (exceljs) …;
// - dist/yaml-source-<hash>.cjs: YAML + zod (src/model/yaml-source.ts), required synchronously on first
//   use, which a run answered from the spec cache (src/model/spec-file.ts) never makes.
// Every file is replaced by temp file + rename, chunks before entries, so a CLI that is running while
// another build runs (parallel test suites) never finds dist/ missing or half written.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
/** Files of earlier builds are removed once older than this (a running CLI may still import them). */
const STALE_MS = 10 * 60 * 1000;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

// Identifies this build's code for the spec cache: sources and locked dependency versions.
const buildHash = createHash('sha256');
for (const file of [...filesUnder(join(root, 'src')).sort(), join(root, 'package-lock.json')]) {
  if (!existsSync(file)) continue;
  buildHash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
}
const buildId = buildHash.digest('hex').slice(0, 16);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  write: false,
  outdir: dist,
  // keep names readable: an internal error prints a stack the user can send
  minifyWhitespace: true,
  minifySyntax: true,
};

const yamlSource = await build({
  ...common,
  entryPoints: { 'yaml-source': 'src/model/yaml-source.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
});
const yamlCode = yamlSource.outputFiles[0].contents;
const yamlFile = `yaml-source-${createHash('sha256').update(yamlCode).digest('hex').slice(0, 8)}.cjs`;

/** In the CLI bundle, `./yaml-source.js` becomes a stub that requires the CommonJS bundle on first call. */
const lazyYamlSource = {
  name: 'lazy-yaml-source',
  setup(b) {
    b.onResolve({ filter: /[/\\]yaml-source\.js$/ }, () => ({ path: 'yaml-source', namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      loader: 'js',
      contents: `
        import { createRequire } from 'node:module';
        let loaded;
        const load = () => (loaded ??= createRequire(import.meta.url)('./${yamlFile}'));
        export function parseSource(text, kind) { return load().parseSource(text, kind); }
      `,
    }));
  },
};

const cli = await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  splitting: true,
  format: 'esm',
  // react-devtools-core is an optional dev-only import inside ink
  external: ['react-devtools-core'],
  define: { __CESUAN_BUILD__: JSON.stringify(buildId) },
  plugins: [lazyYamlSource],
  banner: { js: "import { createRequire as __cesuanCreateRequire } from 'node:module'; const require = __cesuanCreateRequire(import.meta.url);" },
  metafile: true,
});

function writeAtomic(path, contents) {
  mkdirSync(join(path, '..'), { recursive: true });
  if (existsSync(path) && readFileSync(path).equals(Buffer.from(contents))) return;
  const temp = join(dist, `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

const entries = new Set(Object.entries(cli.metafile.outputs).filter(([, o]) => o.entryPoint).map(([f]) => join(root, f)));
const written = new Set([join(dist, yamlFile), ...cli.outputFiles.map((f) => f.path)]);
writeAtomic(join(dist, yamlFile), yamlCode);
for (const f of cli.outputFiles) if (!entries.has(f.path)) writeAtomic(f.path, f.contents);
for (const f of cli.outputFiles) if (entries.has(f.path)) writeAtomic(f.path, f.contents);

const now = Date.now();
for (const file of filesUnder(dist)) {
  if (written.has(file)) continue;
  try {
    if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
  } catch {
    // removed by a parallel build
  }
}
