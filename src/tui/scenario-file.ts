/**
 * Scenario files written and listed by the TUI: `model`, `name`, `set` (the format of scenarioSchema in
 * src/model/schema.ts), written atomically and never over an existing file without being asked to.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Document, isMap, isScalar, parse } from 'yaml';
import type { Overrides } from '../engine/graph/evaluate.js';
import type { LoadedModel } from '../model/load.js';
import { displayPath, resolveModelRef } from '../model/load.js';
import { writeFileAtomic } from '../io/atomic-file.js';

/** A file name from a scenario name: letters (any script), digits, - and _ kept; the rest become -. */
export function scenarioSlug(name: string): string | null {
  const slug = name
    .trim()
    .replace(/\.ya?ml$/i, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 80);
  return slug ? slug : null;
}

/** How the scenario refers to its model: the id when that resolves to the same file, else a relative path. */
export function modelRefFor(model: LoadedModel, scenarioPath: string): string {
  const modelFile = resolve(model.file);
  try {
    if (resolveModelRef(model.spec.id, scenarioPath) === modelFile) return model.spec.id;
  } catch {
    // not found by id from there: fall through to a path
  }
  return relative(resolve(scenarioPath, '..'), modelFile).split('\\').join('/');
}

export interface ScenarioContent {
  model: string;
  name: string;
  set: Overrides;
  /** basis switches, indicator → derivation (written only when there are some) */
  primary?: Record<string, string>;
  /** one comment per override: the assumption's label and published value */
  comments?: Record<string, string>;
  /** carried over from a loaded scenario */
  extra?: Record<string, unknown>;
  header?: string;
}

export function scenarioYaml(content: ScenarioContent): string {
  const primary = content.primary && Object.keys(content.primary).length ? { primary: content.primary } : {};
  const doc = new Document({ model: content.model, name: content.name, set: content.set, ...primary, ...(content.extra ?? {}) });
  if (content.header)
    doc.commentBefore = content.header
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
  const set = doc.get('set', true);
  if (isMap(set)) {
    for (const pair of set.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const comment = content.comments?.[key];
      if (comment && isScalar(pair.value)) pair.value.comment = ` ${comment}`;
    }
  }
  const text = doc.toString({ lineWidth: 0 });
  // the file must say exactly what the TUI computed: every number survives the round trip
  const back = parse(text) as { set?: Overrides };
  for (const [key, value] of Object.entries(content.set)) {
    if (!Object.is(back.set?.[key], value)) throw new Error(`${key} does not survive YAML: ${String(value)}`);
  }
  return text;
}

export type SaveOutcome = { status: 'saved'; file: string } | { status: 'exists'; file: string };

/** Write `text` to dir/<slug>.yaml atomically; an existing file is only replaced when `overwrite`. */
export function writeScenario(dir: string, slug: string, text: string, overwrite: boolean): SaveOutcome {
  const path = join(dir, `${slug}.yaml`);
  if (existsSync(path) && !overwrite) return { status: 'exists', file: displayPath(resolve(path)) };
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(path, text);
  return { status: 'saved', file: displayPath(resolve(path)) };
}

export function scenarioPath(dir: string, slug: string): string {
  return join(dir, `${slug}.yaml`);
}

export interface ScenarioEntry {
  path: string;
  file: string;
  name: string | undefined;
  model: string | undefined;
  /** it writes distributions (`uncertain:`) */
  uncertain: boolean;
}

/** The scenario files in `dir` (sorted), with their name and model as written; unreadable files too, unnamed. */
export function listScenarios(dir: string): ScenarioEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('.'))
      .sort();
  } catch {
    return [];
  }
  return names.map((f) => {
    const path = join(dir, f);
    let name: string | undefined;
    let model: string | undefined;
    let uncertain = false;
    try {
      const data = parse(readFileSync(path, 'utf8')) as { name?: unknown; model?: unknown; uncertain?: unknown } | null;
      if (data && typeof data === 'object') {
        if (typeof data.name === 'string') name = data.name;
        if (typeof data.model === 'string') model = data.model;
        uncertain = typeof data.uncertain === 'object' && data.uncertain !== null && Object.keys(data.uncertain).length > 0;
      }
    } catch {
      // shown without a name; loading it reports the located error
    }
    return { path, file: displayPath(resolve(path)), name, model, uncertain };
  });
}

/** A scenario in `dir` for `model` that writes distributions: what to suggest when the model has none. */
export function uncertainScenarioFor(dir: string, model: LoadedModel): ScenarioEntry | undefined {
  const modelFile = resolve(model.file);
  return listScenarios(dir).find((e) => {
    if (!e.uncertain || e.model === undefined) return false;
    if (e.model === model.spec.id) return true;
    try {
      return resolveModelRef(e.model, e.path) === modelFile;
    } catch {
      return false;
    }
  });
}

/**
 * Where `s` saves and `l` looks, beside the model's own files: only the folder given, when one is (tests);
 * else `scenarios/` next to the model's folder when the model sits in a `models/` folder (the project
 * layout: models/x.yaml → scenarios/), otherwise `scenarios/` inside the model's folder. `l` also lists
 * `<cwd>/scenarios/` and scenario files (those with a `model:` key) in the model's own folder.
 */
export function scenarioDirsFor(modelFile: string, given?: string): { save: string; list: string[] } {
  const folder = dirname(resolve(modelFile));
  const beside = basename(folder) === 'models' ? join(folder, '..', 'scenarios') : join(folder, 'scenarios');
  if (given) return { save: resolve(given), list: [resolve(given)] };
  const save = resolve(beside);
  const list = [...new Set([save, resolve('scenarios'), folder].map((d) => resolve(d)))];
  return { save, list };
}

/** The scenario files of several folders, each file once; in a model's own folder only files with `model:`. */
export function listScenarioDirs(dirs: string[]): ScenarioEntry[] {
  const seen = new Set<string>();
  const out: ScenarioEntry[] = [];
  for (const dir of dirs) {
    for (const e of listScenarios(dir)) {
      const key = resolve(e.path);
      // outside a scenarios folder (a model's own folder) only scenario files: the models there have no `model:`
      if (seen.has(key) || (basename(resolve(dir)) !== 'scenarios' && e.model === undefined)) continue;
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}
