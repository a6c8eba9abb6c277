/**
 * Load model and scenario files: YAML with source positions, validated by the valibot schemas (validate.ts),
 * imports resolved (by id or path), reference cycles between models rejected.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FieldPath, LoadedModel, LoadedScenario } from './types.js';
import { checkModelDistributions, checkScenarioDistributions } from './distributions.js';
import { withPrimary } from './primary.js';
import { CesuanError } from './errors.js';
import type { ModelSpec, ScenarioSpec } from './schema.js';
import { readSpec, type SpecFile } from './spec-file.js';

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type { FieldPath, LoadedModel, LoadedScenario } from './types.js';

type ParsedFile = SpecFile<unknown>;

/** Where the bundled models live (for `model: <id>` references from anywhere). */
export const MODELS_DIR = ((): string => {
  // src/model/load.ts in development, dist/cli.js when bundled: walk up to the package root
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(resolve(dir, 'package.json'))) return resolve(dir, 'models');
    dir = dirname(dir);
  }
  return resolve('models');
})();

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function readText(path: string, shown: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new CesuanError('not a file', { file: shown, line: 1, col: 1 });
    size = stat.size;
  } catch (err) {
    if (err instanceof CesuanError) throw err;
    throw new CesuanError('cannot read file (does it exist?)', { file: shown, line: 1, col: 1 });
  }
  if (size > MAX_FILE_BYTES) {
    throw new CesuanError(`file is ${size} bytes; the limit is ${MAX_FILE_BYTES}`, { file: shown, line: 1, col: 1 });
  }
  return readFileSync(path, 'utf8');
}

/** Read, parse and validate a file (YAML + valibot: see spec-file.ts). */
function readSpecFile<T>(path: string, kind: 'model' | 'scenario', text?: string): SpecFile<T> {
  const file = displayPath(path);
  return readSpec<T>(text ?? readText(path, file), file, kind);
}

/** Resolve `ref` (a model id or a path) as seen from the file `from`. */
export function resolveModelRef(ref: string, from: string): string {
  const candidates =
    ref.endsWith('.yaml') || ref.endsWith('.yml') || ref.includes('/')
      ? [resolve(dirname(from), ref), resolve(ref)]
      : [
          resolve(dirname(from), `${ref}.yaml`),
          resolve(dirname(from), '..', 'models', `${ref}.yaml`),
          resolve('models', `${ref}.yaml`),
          resolve(MODELS_DIR, `${ref}.yaml`),
        ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`model "${ref}" not found (looked for ${[...new Set(candidates.map(displayPath))].join(', ')})`);
  return found;
}

/** Longest plan horizon accepted (years.target − years.base): trajectories have one point per year. */
export const MAX_HORIZON_YEARS = 100;

function checkIdentifiers(spec: ModelSpec, locate: ParsedFile['locate']): void {
  const { base, target } = spec.years;
  if (!(target > base && target - base <= MAX_HORIZON_YEARS)) {
    throw new CesuanError(
      `the target year ${target} must come after the base year ${base}, at most ${MAX_HORIZON_YEARS} years on`,
      locate(['years', 'target']),
      'years.target',
    );
  }
  const seen = new Map<string, string>();
  const claim = (name: string, kind: string, path: FieldPath) => {
    const earlier = seen.get(name);
    if (earlier)
      throw new CesuanError(
        `"${name}" is already used as ${earlier}; ids must be unique across series, assumptions, indicators and imports`,
        locate(path),
        path.join('.'),
      );
    seen.set(name, kind);
  };
  for (const a of Object.keys(spec.imports)) claim(a, 'an import alias', ['imports', a]);
  for (const s of Object.keys(spec.series)) claim(s, 'a series', ['series', s]);
  for (const a of Object.keys(spec.assumptions)) claim(a, 'an assumption', ['assumptions', a]);
  for (const i of Object.keys(spec.indicators)) claim(i, 'an indicator', ['indicators', i]);
  for (const [sid, s] of Object.entries(spec.series)) {
    if (s.years.length !== s.values.length) {
      throw new CesuanError(
        `series has ${s.years.length} years but ${s.values.length} values`,
        locate(['series', sid, 'values']),
        `series.${sid}.values`,
      );
    }
  }
  for (const [aid, a] of Object.entries(spec.assumptions)) {
    if (a.range && a.range[0] > a.range[1]) {
      throw new CesuanError(
        `range minimum ${a.range[0]} is above its maximum ${a.range[1]}`,
        locate(['assumptions', aid, 'range']),
        `assumptions.${aid}.range`,
      );
    }
  }
  const groups = new Set(spec.groups.map((g) => g.id));
  for (const [iid, ind] of Object.entries(spec.indicators)) {
    const base = ['indicators', iid];
    if (ind.primary && !ind.derivations[ind.primary]) {
      throw new CesuanError(
        `primary derivation "${ind.primary}" is not among this indicator's derivations (${Object.keys(ind.derivations).join(', ') || 'none'})`,
        locate([...base, 'primary']),
        `indicators.${iid}.primary`,
      );
    }
    if (ind.primary && ind.derivations[ind.primary]!.formula === undefined) {
      throw new CesuanError(
        `primary derivation "${ind.primary}" has no formula`,
        locate([...base, 'primary']),
        `indicators.${iid}.primary`,
      );
    }
    if (ind.parent && !spec.indicators[ind.parent]) {
      throw new CesuanError(`parent "${ind.parent}" is not an indicator`, locate([...base, 'parent']), `indicators.${iid}.parent`);
    }
    if (ind.group && groups.size && !groups.has(ind.group)) {
      throw new CesuanError(`group "${ind.group}" is not declared in groups`, locate([...base, 'group']), `indicators.${iid}.group`);
    }
    for (const [k, v] of Object.entries({
      ...Object.fromEntries(Object.entries(ind.derivations).map(([d, s]) => [d, s.source.ref])),
      baseline: ind.baseline.source?.ref,
    })) {
      if (v !== undefined && !(v in spec.sources)) {
        const path = k === 'baseline' ? [...base, 'baseline', 'source', 'ref'] : [...base, 'derivations', k, 'source', 'ref'];
        throw new CesuanError(`source "${v}" is not declared in sources`, locate(path), path.join('.'));
      }
    }
  }
}

/**
 * Load a model file and, recursively, the models it imports.
 * @param stack files being loaded above this one (for cycle detection)
 * @param text the file's text, when the caller has read it already
 */
export function loadModel(path: string, stack: string[] = [], text?: string): LoadedModel {
  const absolute = resolve(path);
  const parsed = readSpecFile<ModelSpec>(absolute, 'model', text);
  const spec = parsed.spec;
  checkIdentifiers(spec, parsed.locate);
  checkModelDistributions(spec, parsed.locate);
  const imports: Record<string, LoadedModel> = {};
  for (const [alias, ref] of Object.entries(spec.imports)) {
    const where = parsed.locate(['imports', alias]);
    let target: string;
    try {
      target = resolveModelRef(ref, absolute);
    } catch (err) {
      throw new CesuanError((err as Error).message, where, `imports.${alias}`);
    }
    const chain = [...stack, absolute];
    if (chain.includes(target)) {
      const cycle = [...chain.slice(chain.indexOf(target)), target].map(displayPath).join(' → ');
      throw new CesuanError(`import cycle: ${cycle}`, where, `imports.${alias}`);
    }
    imports[alias] = loadModel(target, chain);
  }
  return { spec, file: parsed.file, locate: parsed.locate, locateKey: parsed.locateKey, decimalsAt: parsed.decimalsAt, imports };
}

/**
 * @param models loaded models by absolute path, shared across calls (a batch of scenarios loads its model once)
 * @param text the file's text, when the caller has read it already
 */
export function loadScenario(path: string, models?: Map<string, LoadedModel>, text?: string): LoadedScenario {
  const absolute = resolve(path);
  const parsed = readSpecFile<ScenarioSpec>(absolute, 'scenario', text);
  const spec = parsed.spec;
  let modelPath: string;
  try {
    modelPath = resolveModelRef(spec.model, absolute);
  } catch (err) {
    throw new CesuanError((err as Error).message, parsed.locate(['model']), 'model');
  }
  const model = models?.get(modelPath) ?? loadModel(modelPath);
  models?.set(modelPath, model);
  checkScenarioDistributions(spec, parsed.locate, model);
  // `primary:` switches apply here, once, so every command computes the switched projection
  const switched = withPrimary(model, spec.primary ?? {}, parsed.locate);
  return { spec, file: parsed.file, locate: parsed.locate, locateKey: parsed.locateKey, model: switched, published: model };
}

/**
 * A file named on the command line, or a model id given in its place (`cesuan run zhengzhou-hrss-14th`):
 * ./models/<id>.yaml first, then the models shipped with cesuan. A path that exists always wins.
 */
export function resolveCommandLineFile(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute) || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(path) || /\.ya?ml$/.test(path)) return absolute;
  return [resolve('models', `${path}.yaml`), resolve(MODELS_DIR, `${path}.yaml`)].find((c) => existsSync(c)) ?? absolute;
}

/** A file given on the command line (or a model id: see resolveCommandLineFile): a model, or a scenario (it has a `model:` key) with its model. */
export function loadModelOrScenario(path: string, models?: Map<string, LoadedModel>): { model: LoadedModel; scenario?: LoadedScenario } {
  const absolute = resolveCommandLineFile(path);
  const shown = displayPath(absolute);
  const text = readText(absolute, shown);
  if (/^model\s*:/m.test(text) && !/^indicators\s*:/m.test(text)) {
    const scenario = loadScenario(absolute, models, text);
    return { model: scenario.model, scenario };
  }
  return { model: loadModel(absolute, [], text) };
}
