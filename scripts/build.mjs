// Bundle the CLI into dist/ with esbuild (`npm run build`; `npm ci` runs it via `prepare`).
//
// What a command loads is what it needs (measured by bench/cold-start.ts):
// - dist/cli.js: commander and the command table (src/cli/main.ts); each command's module is a chunk of its own,
//   imported when that command runs, with the engine (mathjs parser factories only, see
//   src/engine/graph/parser.ts), js-yaml and valibot in chunks the commands share;
// - chunks that commands import dynamically: the TUI (ink + react), xlsx output (exceljs) …;
// - dist/yaml-exact-<hash>.cjs: the `yaml` library (src/model/yaml-exact.ts), required synchronously only
//   when the fast reader (src/model/yaml-events.ts) hands a file to the exact one; string-width the same way
//   (see LAZY below). A run answered from the spec cache (src/model/spec-file.ts) reads no YAML at all.
// Every file is replaced by temp file + rename, what is imported before what imports it, so a CLI that is
// running while another build runs (parallel test suites) never finds dist/ missing or half written.
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

/**
 * Modules the CLI loads on first use, synchronously: each is bundled on its own as CommonJS and, in the CLI
 * bundle, every import of it becomes a stub that requires that file when one of its exports is first called.
 * - yaml-exact: the `yaml` library, slow to start, needed only for what the fast reader leaves to it
 *   (errors, anchors, tags …: see src/model/yaml-events.ts);
 * - string-width: its module set-up (Intl.Segmenter, Unicode property regexes) costs ~5 ms, and tables of
 *   ASCII and CJK text never call it (src/report/table.ts measures those itself).
 * Exports listed here must be functions; esbuild fails the build if code imports anything else from them.
 */
const LAZY = [
  { name: 'yaml-exact', entry: 'src/model/yaml-exact.ts', filter: /[/\\]yaml-exact\.js$/, exports: ['parseYamlExact'] },
  { name: 'string-width', entry: 'string-width', filter: /^string-width$/, exports: ['default'] },
];

const lazyFiles = [];
for (const lazy of LAZY) {
  const bundle = await build({ ...common, entryPoints: { [lazy.name]: lazy.entry }, format: 'cjs', outExtension: { '.js': '.cjs' } });
  const contents = bundle.outputFiles[0].contents;
  lazy.file = `${lazy.name}-${createHash('sha256').update(contents).digest('hex').slice(0, 8)}.cjs`;
  lazyFiles.push({ path: join(dist, lazy.file), contents });
}

const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    for (const lazy of LAZY) b.onResolve({ filter: lazy.filter }, () => ({ path: lazy.name, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const lazy = LAZY.find((l) => l.name === args.path);
      const call = (name) => `(...args) => load()${name === 'default' ? '.default' : `.${name}`}(...args)`;
      return {
        loader: 'js',
        contents: [
          "import { createRequire } from 'node:module';",
          'let loaded;',
          `const load = () => (loaded ??= createRequire(import.meta.url)('./${lazy.file}'));`,
          ...lazy.exports.map((name) => (name === 'default' ? `export default ${call(name)};` : `export const ${name} = ${call(name)};`)),
        ].join('\n'),
      };
    });
  },
};

/**
 * commander requires node:child_process when it loads, for subcommands that are executables of their own
 * (cesuan has none): with net, dgram and streams behind it that is ~5 ms of every start. Its copy of the
 * module becomes a proxy that requires it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[/\\]commander[/\\]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      loader: 'js',
      contents: "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
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
  plugins: [lazyModules, lazyChildProcess],
  banner: {
    js: "import { createRequire as __cesuanCreateRequire } from 'node:module'; const require = __cesuanCreateRequire(import.meta.url);",
  },
  metafile: true,
});

function writeAtomic(path, contents) {
  mkdirSync(join(path, '..'), { recursive: true });
  if (existsSync(path) && readFileSync(path).equals(Buffer.from(contents))) return;
  const temp = join(dist, `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

const entries = new Set(
  Object.entries(cli.metafile.outputs)
    .filter(([, o]) => o.entryPoint)
    .map(([f]) => join(root, f)),
);
const written = new Set([...lazyFiles.map((f) => f.path), ...cli.outputFiles.map((f) => f.path)]);
// what others import before what imports them: lazy bundles, shared chunks, lazily imported entries, cli.js
const main = join(dist, 'cli.js');
for (const f of lazyFiles) writeAtomic(f.path, f.contents);
for (const f of cli.outputFiles) if (!entries.has(f.path)) writeAtomic(f.path, f.contents);
for (const f of cli.outputFiles) if (entries.has(f.path) && f.path !== main) writeAtomic(f.path, f.contents);
for (const f of cli.outputFiles) if (f.path === main) writeAtomic(f.path, f.contents);

const now = Date.now();
for (const file of filesUnder(dist)) {
  if (written.has(file)) continue;
  try {
    if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
  } catch {
    // removed by a parallel build
  }
}
