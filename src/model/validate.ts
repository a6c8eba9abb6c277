/**
 * A parsed model or scenario file (plain data) → its validated spec, or the first problem: the field's path,
 * a message, and whether the problem is the key itself (an unknown field is reported at its key).
 */
import { modelSchema, scenarioSchema } from './schema.js';
import type { FieldPath, SourceKind } from './positions.js';

export type Validation = { ok: true; spec: unknown } | { ok: false; message: string; path: FieldPath; key: boolean };

export function validateSpec(kind: SourceKind, data: unknown): Validation {
  const result = (kind === 'model' ? modelSchema : scenarioSchema).safeParse(data);
  if (result.success) return { ok: true, spec: result.data };
  const issue = result.error.issues[0]!;
  let path = issue.path as (string | number)[];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    path = [...path, issue.keys[0]!];
    message = `unknown field "${issue.keys[0]}"`;
    // the comma trap: `{ expr: cagr(a, b, 5) }` unquoted is split by YAML at its commas into fields
    let parent: unknown = data;
    for (const k of issue.path) parent = (parent as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey];
    const unbalanced = (v: unknown) => typeof v === 'string' && v.split('(').length !== v.split(')').length;
    if (/[()[\]]/.test(issue.keys[0]!) || (parent && typeof parent === 'object' && Object.values(parent).some(unbalanced))) {
      message += ': an expression with commas inside { … } was split at its commas — quote this expression (expr: "cagr(186.5, 210, 5)")';
    }
  }
  return { ok: false, message, path, key: issue.code === 'unrecognized_keys' };
}
