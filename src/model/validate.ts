/**
 * A parsed model or scenario file (plain data) → its validated spec, or the first problem: the field's path,
 * a message, and whether the problem is the key itself (an unknown field is reported at its key).
 * Messages are written for a planner editing YAML: `expected a number, not a string ("12%")`,
 * `expected one of "stock", "cumulative", "rate", not "stok"`, `required`.
 */
import * as v from 'valibot';
import type { FieldPath, SourceKind } from './positions.js';
import { type ModelSpec, modelSchema, scenarioSchema } from './schema.js';

export type Validation = { ok: true; spec: unknown } | { ok: false; message: string; path: FieldPath; key: boolean };

type Issue = v.BaseIssue<unknown>;

/**
 * Issues are made on the way to a success too (each union tries its options), so they get a marker, and only
 * the one reported is worded (plainMessage); messages a schema sets itself are kept.
 */
const UNWORDED = '\u0000unworded';
// the first problem is all that is reported, so stop there (also the fast path through valibot)
const CONFIG: v.Config<Issue> = { abortEarly: true, message: () => UNWORDED };

export function validateSpec(kind: SourceKind, data: unknown): Validation {
  const result = v.safeParse(kind === 'model' ? modelSchema : scenarioSchema, data, CONFIG);
  if (result.success) return mapProblem(kind, data) ?? { ok: true, spec: result.output };
  let issue: Issue = result.issues[0];
  let items: v.IssuePathItem[] = issue.path ?? [];
  // a union reports what each option found: follow the option that got furthest into the value
  while (issue.type === 'union' && issue.issues) {
    const deepest = issue.issues.reduce((a, b) => ((b.path?.length ?? 0) > (a.path?.length ?? 0) ? b : a));
    if (!deepest.path?.length) break;
    issue = deepest;
    items = [...items, ...deepest.path];
  }
  const path = items.map((item) => item.key as string | number);
  const last = items.at(-1);
  if (last?.type === 'object' && Array.isArray(last.input)) {
    // a list where a mapping belongs: valibot reads it as a mapping with missing or numbered fields
    return { ok: false, message: `expected a mapping, not a list`, path: path.slice(0, -1), key: false };
  }
  if (last?.origin === 'key' && issue.type === 'strict_object' && issue.expected === 'never') {
    const name = String(last.key);
    let message = `unknown field "${name}"`;
    // the comma trap: `{ expr: cagr(a, b, 5) }` unquoted is split by YAML at its commas into fields
    const unbalanced = (x: unknown) => typeof x === 'string' && x.split('(').length !== x.split(')').length;
    if (/[()[\]]/.test(name) || Object.values(last.input as object).some(unbalanced)) {
      message += ': an expression with commas inside { … } was split at its commas — quote this expression (expr: "cagr(186.5, 210, 5)")';
    }
    return { ok: false, message, path, key: true };
  }
  // a key of a map (an indicator id, a year) is itself wrong: point at the key; a missing field has none
  const key = last?.origin === 'key' && issue.type !== 'strict_object';
  return { ok: false, message: issue.message === UNWORDED ? plainMessage(issue) : issue.message, path, key };
}

/**
 * What valibot's record() takes and zod did not: a list (`set: [0.05]` would become { "0": 0.05 }, `[]` an empty
 * map), and the keys "constructor" and "prototype", which it drops without a word (`__proto__` is refused by
 * the YAML reader). Checked on the input once the schema has passed, so the maps are known to be there.
 */
function mapProblem(kind: SourceKind, data: unknown): Validation | undefined {
  type Map = Record<string, unknown>;
  const d = data as Map;
  const maps: [FieldPath, unknown][] =
    kind === 'model'
      ? [
          [['sources'], d.sources],
          [['imports'], d.imports],
          [['series'], d.series],
          [['assumptions'], d.assumptions],
          [['indicators'], d.indicators],
          ...Object.entries(d.indicators as Map).map(([id, i]): [FieldPath, unknown] => [
            ['indicators', id, 'derivations'],
            (i as Map).derivations,
          ]),
        ]
      : [
          [['set'], d.set],
          [['uncertain'], d.uncertain],
          [['primary'], d.primary],
          [['actuals'], d.actuals],
          ...Object.entries((d.actuals ?? {}) as Map).map(([id, a]): [FieldPath, unknown] => [['actuals', id], a]),
        ];
  for (const [path, map] of maps) {
    if (Array.isArray(map)) return { ok: false, message: 'expected a mapping, not a list', path, key: false };
    for (const name of ['constructor', 'prototype']) {
      if (map && Object.hasOwn(map, name)) {
        return { ok: false, message: `"${name}" cannot be used as a name here; choose another`, path: [...path, name], key: true };
      }
    }
  }
  return undefined;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  Object: 'a mapping',
  Array: 'a list',
  null: 'nothing (null)',
};

/** What was found, for "not …": the text itself (short) for a string, the value for a number. */
function found(input: unknown): string {
  if (typeof input === 'string') return `a string ("${input.length > 40 ? `${input.slice(0, 40)}…` : input}")`;
  if (typeof input === 'number') return `the number ${input}`;
  if (typeof input === 'boolean') return String(input);
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'a mapping' : typeof input;
}

/** valibot's `expects` ("(number | string)", "\"a\" | \"b\"") as a list of alternatives. */
const alternatives = (expected: string | null) => (expected ?? '').replace(/^\((.*)\)$/, '$1').split(' | ');

/** The message of an issue the schema does not word itself. */
function plainMessage(issue: Issue): string {
  const { kind, type, input, expected } = issue;
  const requirement = issue.requirement as number;
  if (typeof input === 'number' && !Number.isFinite(input) && (kind === 'validation' || /number/.test(expected ?? ''))) {
    return 'must be a finite number';
  }
  if (kind === 'schema') {
    const options = alternatives(expected);
    const oneOf = type === 'picklist' || type === 'variant' || type === 'literal';
    if (input === undefined) return oneOf ? `required: one of ${options.join(', ')}` : 'required';
    if (oneOf) return `expected one of ${options.join(', ')}, not ${typeof input === 'string' ? JSON.stringify(input) : found(input)}`;
    const wanted = options.map((o) => EXPECTED[o] ?? o);
    return `expected ${wanted.length > 1 ? `${wanted.slice(0, -1).join(', ')} or ${wanted.at(-1)}` : wanted[0]}, not ${found(input)}`;
  }
  const length = (input as { length?: number } | null)?.length;
  const items = (n: number) => (typeof input === 'string' ? `${n} character${n === 1 ? '' : 's'}` : `${n} item${n === 1 ? '' : 's'}`);
  switch (type) {
    case 'min_length':
      return typeof input === 'string' && requirement === 1 ? 'must not be empty' : `needs at least ${items(requirement)}`;
    case 'max_length':
      return `has ${items(length ?? 0)}; at most ${requirement} allowed`;
    case 'min_value':
      return requirement === 0 ? 'must not be negative' : `must be at least ${requirement}`;
    case 'max_value':
      return `must be at most ${requirement}`;
    case 'gt_value':
      return `must be above ${requirement}`;
    case 'integer':
    case 'safe_integer':
      return Number.isInteger(input) ? `is too large (at most ${Number.MAX_SAFE_INTEGER})` : 'must be a whole number';
    default:
      return `expected ${issue.expected ?? type}, not ${found(input)}`;
  }
}

/** A model built in code (cesuan rollover's draft) → its spec with defaults filled in; throws on the first problem. */
export function parseModel(data: unknown): ModelSpec {
  const checked = validateSpec('model', data);
  if (!checked.ok) throw new Error(`the model does not validate: ${checked.path.join('.')}: ${checked.message}`);
  return checked.spec as ModelSpec;
}
