// Bundle the CLI into dist/ with esbuild (`npm run build`; `npm ci` runs it via `prepare`, `npm pack` via `prepack`).
//
// What a command loads is what it needs (measured by bench/cold-start.ts):
// - dist/cli.cjs: one CommonJS bundle — commander, the command table (src/cli/main.ts), every command, the
//   engine (mathjs's parser factories only, see src/engine/graph/parser.ts), the reports, js-yaml and valibot.
//   A command's modules are initialised when that command runs (esbuild wraps what is imported dynamically).
// - dist/cli.cjs.cache: V8's compiled code for cli.cjs, made here by running the CLI on a shipped model
//   (scripts/code-cache.mjs); bin/load-cli.js hands it to V8, which then neither parses nor compiles what it
//   holds. It is code, not data: no model's content is in it. V8 refuses it (and compiles as usual) under
//   another Node version or other V8 flags; bin/load-cli.js refuses it unless it was made from this cli.cjs.
// - files required when first needed, each a CommonJS bundle of its own: the `yaml` library behind
//   src/model/yaml-exact.ts (the fast reader, src/model/yaml-events.ts, hands it the odd files) and
//   string-width (see LAZY below); exceljs, docx, opencc's tables and `yaml` for the commands that write
//   them (see VENDORS);
// - dist/ui-<hash>.js: ink and react, an ES module (ink's layout engine awaits at top level), imported by
//   `cesuan tui` only (see UI below).
// Every file is replaced by temp file + rename, what is loaded before what loads it, so a CLI that is
// running while another build runs (parallel test suites) never finds dist/ missing or half written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
/** Files of earlier builds are removed once older than this (a running CLI may still import them). */
const STALE_MS = 10 * 60 * 1000;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

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

/** A file's name in dist/ with a hash of its contents, so a new build never changes a file a running CLI may load. */
const hashed = (name, contents, ext) => `${name}-${createHash('sha256').update(contents).digest('hex').slice(0, 8)}.${ext}`;
/** Files to write, in order: each before the files that load it. */
const outputs = [];

/** `require('./<file>.cjs')` in a bundle stays a require of the file beside it at run time. */
const siblingFiles = {
  name: 'sibling-files',
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w.-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Packages only some commands use (xlsx, docx, 测算说明 drafts from traditional script, YAML written back):
 * each is bundled on its own as CommonJS, and an import of it in the CLI becomes a require of that file,
 * made when the module importing it is initialised — which is never for a command that does not use it.
 */
const VENDORS = [
  { name: 'exceljs', entry: 'exceljs' },
  { name: 'docx', entry: 'docx' },
  { name: 't2cn', entry: 'opencc-js/t2cn' },
  { name: 'yaml', entry: 'yaml' },
];
/** Bundle `entry` on its own as CommonJS into dist/<name>-<hash>.cjs; returns that file's name. */
async function ownFile(name, entry, plugins = []) {
  const bundle = await build({ ...common, entryPoints: { [name]: entry }, format: 'cjs', outExtension: { '.js': '.cjs' }, plugins });
  const contents = bundle.outputFiles[0].contents;
  const file = hashed(name, contents, 'cjs');
  outputs.push({ path: join(dist, file), contents });
  return file;
}
for (const vendor of VENDORS) vendor.file = await ownFile(vendor.name, vendor.entry);
const vendors = {
  name: 'vendors',
  setup(b) {
    const pattern = new RegExp(`^(${VENDORS.map((v) => v.entry.replace(/[/.]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter: pattern }, (args) => ({ path: args.path, namespace: 'vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require('./${VENDORS.find((v) => v.entry === args.path).file}');`,
    }));
  },
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
for (const lazy of LAZY) lazy.file = await ownFile(lazy.name, lazy.entry, [vendors, siblingFiles]);
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
          'let loaded;',
          `const load = () => (loaded ??= require('./${lazy.file}'));`,
          ...lazy.exports.map((name) => (name === 'default' ? `export default ${call(name)};` : `export const ${name} = ${call(name)};`)),
        ].join('\n'),
      };
    });
  },
};

/**
 * The TUI's ink and react: an ES module of their own (ink's layout engine, yoga, awaits its WebAssembly at
 * top level, which CommonJS cannot), imported by `cesuan tui` before the TUI's modules are initialised.
 * In the CLI bundle, `ink`, `react` and `react/jsx-runtime` are stubs that hand out what that import gave,
 * and src/tui/index.tsx, as src/cli/commands/tui.ts imports it, is a stub that imports the UI first.
 */
const ui = await build({
  ...common,
  entryPoints: { ui: 'cesuan:ui' },
  entryNames: '[name]-[hash]',
  // ink imports its React devtools only when DEV=true: a chunk of its own, never loaded otherwise
  splitting: true,
  format: 'esm',
  // react-devtools-core is an optional dev-only import inside ink
  external: ['react-devtools-core'],
  banner: {
    js: "import { createRequire as __cesuanCreateRequire } from 'node:module'; const require = __cesuanCreateRequire(import.meta.url);",
  },
  metafile: true,
  plugins: [
    {
      name: 'ui-entry',
      setup(b) {
        b.onResolve({ filter: /^cesuan:ui$/ }, () => ({ path: 'ui', namespace: 'ui-modules' }));
        b.onLoad({ filter: /.*/, namespace: 'ui-modules' }, () => ({
          loader: 'js',
          resolveDir: root,
          contents: [
            "export * as ink from 'ink';",
            "export { default as react } from 'react';",
            "export { default as jsxRuntime } from 'react/jsx-runtime';",
          ].join('\n'),
        }));
      },
    },
  ],
});
const uiFile = basename(Object.entries(ui.metafile.outputs).find(([, o]) => o.entryPoint)[0]);
for (const f of ui.outputFiles) outputs.push({ path: f.path, contents: f.contents });
const UI_MODULES = { ink: 'ink', react: 'react', 'react/jsx-runtime': 'jsxRuntime' };
const uiStubs = {
  name: 'ui-stubs',
  setup(b) {
    b.onResolve({ filter: /^(ink|react|react\/jsx-runtime)$/ }, (args) => ({ path: args.path, namespace: 'ui' }));
    b.onResolve({ filter: /^cesuan:ui$/ }, () => ({ path: 'holder', namespace: 'ui-holder' }));
    b.onResolve({ filter: /[/\\]tui[/\\]index\.js$/ }, (args) =>
      /[/\\]cli[/\\]commands[/\\]tui\.ts$/.test(args.importer) ? { path: 'entry', namespace: 'ui-entry' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'ui' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require('cesuan:ui').uiModule(${JSON.stringify(UI_MODULES[args.path])});`,
    }));
    b.onLoad({ filter: /.*/, namespace: 'ui-holder' }, () => ({
      loader: 'js',
      contents: [
        'let loaded;',
        'export async function loadUi() {',
        `  const url = require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(uiFile)})).href;`,
        // bin/load-cli.js passes Node's import() in (a vm script cannot import by itself); required, cli.cjs can
        "  loaded ??= await (typeof __cesuanImport === 'function' ? __cesuanImport(url) : import(url));",
        '}',
        'export function uiModule(name) {',
        "  if (!loaded) throw new Error('cesuan: the UI modules are used before they are loaded');",
        '  return loaded[name];',
        '}',
      ].join('\n'),
    }));
    b.onLoad({ filter: /.*/, namespace: 'ui-entry' }, () => ({
      loader: 'js',
      resolveDir: join(root, 'src/tui'),
      contents: [
        "import { loadUi } from 'cesuan:ui';",
        'export async function runTui(options) {',
        '  await loadUi();',
        "  return (await import('./index.tsx')).runTui(options);",
        '}',
      ].join('\n'),
    }));
  },
};

/**
 * The parser's mathjs factories, imported from their own files: through mathjs's index, which re-exports
 * all of mathjs, a bundle whose modules are initialised lazily would initialise all of it (typed-function,
 * units, matrices …: ~150 ms).
 */
const mathjsFactories = {
  name: 'mathjs-factories',
  setup(b) {
    b.onResolve({ filter: /^mathjs$/ }, () => ({ path: 'factories', namespace: 'mathjs' }));
    b.onLoad({ filter: /.*/, namespace: 'mathjs' }, () => {
      const lib = join(root, 'node_modules/mathjs/lib/esm');
      const index = readFileSync(join(lib, 'factoriesAny.js'), 'utf8');
      const lines = [...index.matchAll(/export \{ (create\w+) \} from '\.\/([^']+)';/g)]
        .filter((m) => m[1] === 'createParse' || /Node$/.test(m[1]))
        .map((m) => `export { ${m[1]} } from ${JSON.stringify(join(lib, m[2]))};`);
      return { loader: 'js', contents: lines.join('\n'), resolveDir: lib };
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
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__cesuanModuleUrl' },
  plugins: [lazyModules, vendors, siblingFiles, uiStubs, mathjsFactories, lazyChildProcess],
  // ES modules are strict; so is their bundle
  banner: { js: '"use strict";const __cesuanModuleUrl=require("node:url").pathToFileURL(__filename).href;' },
  metafile: true,
});
/**
 * Non-ASCII characters as \uXXXX escapes. esbuild escapes them in strings but leaves them in regular expression
 * literals (the draft parser's Chinese), and one such character makes Node decode all of cli.cjs into a
 * two-byte string, ~3 ms slower to read. An escape means the same in a string, a template, a regular
 * expression (with or without the u flag: a surrogate pair of escapes is one code point there) and an
 * identifier — not in String.raw, refused here.
 */
function asciiOnly(code) {
  for (const raw of code.matchAll(/String\.raw`[^`]*`/g)) {
    if (/[^\x00-\x7f]/.test(raw[0])) throw new Error(`build: non-ASCII text in ${raw[0].slice(0, 60)}…`);
  }
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const cliCode = asciiOnly(cli.outputFiles[0].text);
// its first line names its contents: the code cache is used only with the cli.cjs it was made from (bin/load-cli.js)
const cliId = createHash('sha256').update(cliCode).digest('hex').slice(0, 16);
outputs.push({ path: join(dist, 'cli.cjs'), contents: Buffer.from(`// cesuan ${cliId}\n${cliCode}`) });

function writeAtomic(path, contents) {
  mkdirSync(join(path, '..'), { recursive: true });
  if (existsSync(path) && readFileSync(path).equals(Buffer.from(contents))) return;
  const temp = join(dist, `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, contents);
  renameSync(temp, path);
}
for (const f of outputs) writeAtomic(f.path, f.contents);

// the code cache, made by running what was just written (a child process: the V8 flags of a plain `node`)
const env = { ...process.env };
delete env.NODE_OPTIONS;
const made = spawnSync(process.execPath, [join(root, 'scripts/code-cache.mjs')], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (made.status !== 0) {
  console.error(`build: the code cache was not made (exit ${made.status ?? made.signal}); the CLI works without it, slower to start`);
}

const written = new Set([...outputs.map((f) => f.path), join(dist, 'cli.cjs.cache')]);
const now = Date.now();
for (const file of filesUnder(dist)) {
  if (written.has(file)) continue;
  try {
    if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
  } catch {
    // removed by a parallel build
  }
}
