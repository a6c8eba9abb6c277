/**
 * YAML text → validated spec and a tree of source positions. The only module of the loader that needs the
 * `yaml` and `zod` libraries: the CLI bundle loads it on demand (scripts/build.mjs), and not at all when
 * the spec cache (spec-file.ts) already holds the file. Errors come back as data, never as thrown classes,
 * so the lazily loaded copy needs no shared class identity with the rest of the bundle.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { modelSchema, scenarioSchema } from './schema.js';
import type { PositionTree, SourceKind, SourceParse } from './positions.js';

/** YAML alias expansion limit (guards against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** Collections nested deeper than this are refused (a YAML mapping is not a program). */
export const MAX_YAML_DEPTH = 64;

class ForbiddenKey extends Error {
  constructor(readonly key: string, readonly offset: number) {
    super(`"${key}" is not allowed as a key`);
  }
}

function positionTree(node: unknown, depth: number): PositionTree | null {
  if (depth > MAX_YAML_DEPTH) throw new RangeError(`nested more than ${MAX_YAML_DEPTH} levels deep`);
  if (!node || typeof node !== 'object') return null;
  const range = (node as YamlNode).range;
  if (!range) return null;
  if (isScalar(node)) return [range[0], range[1]];
  if (isMap(node)) {
    const entries: Record<string, [number, PositionTree | null]> = {};
    for (const pair of node.items as Pair[]) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      // JavaScript objects cannot hold it as a plain key: it would vanish (or reshape the object) silently
      if (key === '__proto__') throw new ForbiddenKey(key, pair.key.range[0]);
      // first writing wins, as in yaml's getIn (duplicates are refused anyway)
      if (!Object.hasOwn(entries, key)) entries[key] = [pair.key.range[0], positionTree(pair.value, depth + 1)];
    }
    return [range[0], -1, entries];
  }
  if (isSeq(node)) return [range[0], -1, node.items.map((item) => positionTree(item, depth + 1))];
  if (isAlias(node)) return [range[0], -1];
  return [range[0], -1];
}

/** Parse and validate one model or scenario file's text. */
export function parseSource(text: string, kind: SourceKind): SourceParse {
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return { ok: false, message: `YAML: ${(err as Error).message.split('\n')[0]}`, offset: 0 };
  }
  const yamlError = doc.errors[0];
  if (yamlError) return { ok: false, message: `YAML: ${yamlError.message.split('\n')[0]}`, offset: yamlError.pos[0] };
  let tree: PositionTree | null;
  try {
    tree = positionTree(doc.contents, 0);
  } catch (err) {
    return { ok: false, message: `YAML: ${(err as Error).message}`, offset: err instanceof ForbiddenKey ? err.offset : 0 };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { ok: false, message: `YAML: ${(err as Error).message.split('\n')[0]}`, offset: 0 };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: `a ${kind} file must be a YAML mapping`, path: [], key: false, tree };
  }
  const result = (kind === 'model' ? modelSchema : scenarioSchema).safeParse(data);
  if (result.success) return { ok: true, spec: result.data, tree };
  const issue = result.error.issues[0]!;
  let path = issue.path as (string | number)[];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    path = [...path, issue.keys[0]!];
    message = `unknown field "${issue.keys[0]}"`;
  }
  return { ok: false, message, path, key: issue.code === 'unrecognized_keys', field: path.length ? path.join('.') : undefined, tree };
}
