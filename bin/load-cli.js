// Loads the bundled CLI, dist/cli.cjs (built by scripts/build.mjs), with V8's code cache for it,
// dist/cli.cjs.cache, when that cache was made from this very cli.cjs: V8 then takes the compiled functions
// it holds instead of parsing and compiling them again (~35 ms of every start). V8 itself refuses a cache
// made by another Node version or under other V8 flags, and the CLI is then compiled as usual.
// Required directly (`require('dist/cli.cjs')`), cli.cjs works too, without the cache.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const CLI = join(__dirname, '..', 'dist', 'cli.cjs');
const CODE_CACHE = `${CLI}.cache`;

/** cli.cjs's first line, `// cesuan <id>`, names its contents; the cache starts with the same id and a newline. */
const idOf = (source) => /^\/\/ cesuan ([0-9a-f]{16})\n/.exec(source)?.[1];
const cacheHeader = (id) => Buffer.from(`${id}\n`, 'latin1');

/**
 * Compile and run cli.cjs as Node runs a CommonJS module, with one more argument: `__cesuanImport`, this
 * module's import(), for the ES module cli.cjs imports (the TUI's ink and react: scripts/build.mjs).
 * `cli` and `codeCache` name other files (tests). `cacheUsed` says whether V8 took the cache.
 */
function loadCli({ cli = CLI, codeCache = `${cli}.cache` } = {}) {
  const source = readFileSync(cli, 'utf8');
  const id = idOf(source);
  let cachedData;
  if (id) {
    try {
      const cache = readFileSync(codeCache);
      const header = cacheHeader(id);
      if (cache.subarray(0, header.length).equals(header)) cachedData = cache.subarray(header.length);
    } catch {
      // no cache: compile
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __cesuanImport) {${source}\n})`, {
    filename: cli,
    cachedData,
  });
  const module = { exports: {}, filename: cli, id: cli };
  const run = script.runInThisContext();
  run.call(module.exports, module.exports, createRequire(cli), module, cli, dirname(cli), (url) => import(url));
  return { exports: module.exports, script, id, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

exports.CLI = CLI;
exports.CODE_CACHE = CODE_CACHE;
exports.cacheHeader = cacheHeader;
exports.loadCli = loadCli;
