/**
 * What every command shares: loading a model or scenario given on the command line, evaluating it,
 * turning bad input into one line `file:line:col: field: message` with exit code 2.
 */
import { Evaluator, programFor } from '../engine/graph/evaluate.js';
import type { Locatable } from '../engine/graph/program.js';
import type { ModelResult } from '../engine/types.js';
import { CesuanError } from '../model/errors.js';
import { loadModelOrScenario, type FieldPath, type LoadedModel, type LoadedScenario } from '../model/load.js';
import { FORMATS, type Format } from '../report/results.js';

export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;

/** Raised to leave with a message and an exit code (caught in main). */
export class Exit extends Error {
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
  }
}

export interface Loaded {
  model: LoadedModel;
  scenario: LoadedScenario | undefined;
  evaluator: Evaluator;
  result: ModelResult;
  /** what to call this run in outputs */
  name: string | undefined;
}

/** Raise the first non-finite result as a located error (a model that computes NaN is bad input). */
export function assertFinite(result: ModelResult): void {
  const error = result.problems.find((p) => p.severity === 'error');
  if (error) throw new CesuanError(error.message, error.position, error.field);
}

/**
 * Where overrides were written, for messages: `--set name=value` on the command line, else the scenario's
 * `set:` block. Unknown `--set` names are refused here, naming the flag.
 */
export function overrideSource(
  model: LoadedModel,
  scenario: LoadedScenario | undefined,
  extra: Record<string, number | string>,
): Locatable | undefined {
  const known = new Set(programFor(model).assumptionKeys);
  for (const key of Object.keys(extra)) {
    if (!known.has(key)) {
      const list = [...known].slice(0, 12).join(', ');
      throw new Exit(
        EXIT.badInput,
        `--set ${key}: "${key}" is not an assumption of ${model.spec.id} (assumptions: ${list}${known.size > 12 ? ', …' : ''})`,
      );
    }
  }
  if (Object.keys(extra).length === 0) return scenario;
  const commandLine = { file: '--set', line: 1, col: 1 };
  const fromScenario = (path: FieldPath) => path[0] === 'set' && typeof path[1] === 'string' && path[1] in extra;
  return {
    locate: (path) => (fromScenario(path) || !scenario ? commandLine : scenario.locate(path)),
    locateKey: (path) => (fromScenario(path) || !scenario ? commandLine : scenario.locateKey(path)),
  };
}

/** Load a model or a scenario file and evaluate it under the scenario's overrides and `extra` ones. */
export function loadAndEvaluate(path: string, extra: Record<string, number | string> = {}, models?: Map<string, LoadedModel>): Loaded {
  const { model, scenario } = loadModelOrScenario(path, models);
  const overrides = { ...(scenario?.spec.set ?? {}), ...extra };
  const evaluator = new Evaluator(model, overrides, overrideSource(model, scenario, extra));
  const result = evaluator.result();
  assertFinite(result);
  return { model, scenario, evaluator, result, name: scenario ? (scenario.spec.name ?? scenario.file) : undefined };
}

export function parseFormat(value: string | undefined, out?: string): Format {
  if (value) {
    if (!(FORMATS as string[]).includes(value))
      throw new Exit(EXIT.badInput, `--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
    return value as Format;
  }
  const ext = out?.split('.').pop()?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  if (ext === 'md') return 'md';
  return 'table';
}

/** `--set name=value` (repeatable): a number, or an expression. */
export function parseSet(values: string[] = []): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw new Exit(EXIT.badInput, `--set expects name=value, got "${v}"`);
    const raw = v.slice(i + 1).trim();
    // 2020-01-01 would be read as the subtraction 2018
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(raw))
      throw new Exit(EXIT.badInput, `--set ${v.slice(0, i).trim()}: ${raw} is a date, not a number or a formula`);
    const n = Number(raw);
    out[v.slice(0, i).trim()] = raw !== '' && Number.isFinite(n) ? n : raw;
  }
  return out;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
