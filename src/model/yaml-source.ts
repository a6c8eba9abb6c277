/**
 * YAML text → validated spec and a tree of source positions. The only module of the loader that needs the
 * `yaml` and `zod` libraries: the CLI bundle loads it on demand (scripts/build.mjs), and not at all when
 * the spec cache (spec-file.ts) already holds the file. Errors come back as data, never as thrown classes,
 * so the lazily loaded copy needs no shared class identity with the rest of the bundle.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { validateSpec } from './validate.js';
import type { PositionTree, SourceKind, SourceParse } from './positions.js';

/** YAML alias expansion limit (guards against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** Collections nested deeper than this are refused (a YAML mapping is not a program). */
export const MAX_YAML_DEPTH = 64;

class ForbiddenKey extends Error {
  constructor(
    readonly key: string,
    readonly offset: number,
    message = `"${key}" is not allowed as a key`,
  ) {
    super(message);
  }
}

/** Fields that hold a formula (and a scenario's `set:` values): a plain date there would be read as a subtraction. */
const FORMULA_KEYS = new Set(['default', 'formula', 'path', 'expr']);
/** What YAML 1.1 reads as a timestamp (`2020-01-01`, `2020-1-1 10:00:00Z`); YAML 1.2 leaves it a string. */
const YAML11_TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;

/** The first plain date written where a formula is expected (2020-01-01 would evaluate to 2018). */
interface DateInFormula {
  path: (string | number)[];
  text: string;
}

function positionTree(
  node: unknown,
  depth: number,
  path: (string | number)[] = [],
  found: { date?: DateInFormula } = {},
): PositionTree | null {
  if (depth > MAX_YAML_DEPTH) throw new RangeError(`nested more than ${MAX_YAML_DEPTH} levels deep`);
  if (!node || typeof node !== 'object') return null;
  const range = (node as YamlNode).range;
  if (!range) return null;
  if (isScalar(node)) {
    const last = path[path.length - 1];
    const formula = (typeof last === 'string' && FORMULA_KEYS.has(last)) || (path.length === 2 && path[0] === 'set');
    if (formula && !found.date && node.type === 'PLAIN' && typeof node.value === 'string' && YAML11_TIMESTAMP.test(node.value)) {
      found.date = { path: [...path], text: node.value };
    }
    return [range[0], range[1]];
  }
  if (isMap(node)) {
    const entries: Record<string, [number, PositionTree | null]> = {};
    for (const pair of node.items as Pair[]) {
      if (pair.key && !isScalar(pair.key)) {
        // `? [a, b]`: JavaScript objects would hold it as the text "[ a, b ]"
        const start = (pair.key as YamlNode).range?.[0] ?? range[0];
        throw new ForbiddenKey('', start, `a key must be plain text, not ${isAlias(pair.key) ? 'an alias' : 'a collection'}`);
      }
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      // JavaScript objects cannot hold it as a plain key: it would vanish (or reshape the object) silently
      if (key === '__proto__') throw new ForbiddenKey(key, pair.key.range[0]);
      // first writing wins, as in yaml's getIn (duplicates are refused anyway)
      if (!Object.hasOwn(entries, key)) {
        // one path stack for the whole walk (copied only for a finding): no garbage per node
        path.push(key);
        entries[key] = [pair.key.range[0], positionTree(pair.value, depth + 1, path, found)];
        path.pop();
      }
    }
    return [range[0], -1, entries];
  }
  if (isSeq(node)) {
    return [
      range[0],
      -1,
      node.items.map((item, i) => {
        path.push(i);
        const tree = positionTree(item, depth + 1, path, found);
        path.pop();
        return tree;
      }),
    ];
  }
  if (isAlias(node)) return [range[0], -1];
  return [range[0], -1];
}

/** Parse and validate one model or scenario file's text. */
export function parseSource(text: string, kind: SourceKind): SourceParse {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    // logLevel 'error': problems come back in doc.errors, never as Node warnings on stderr
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (err) {
    return { ok: false, message: `YAML: ${(err as Error).message.split('\n')[0]}`, offset: 0 };
  }
  const yamlError = doc.errors[0];
  if (yamlError) return { ok: false, message: `YAML: ${yamlError.message.split('\n')[0]}`, offset: yamlError.pos[0] };
  let tree: PositionTree | null;
  const found: { date?: DateInFormula } = {};
  try {
    tree = positionTree(doc.contents, 0, [], found);
  } catch (err) {
    return { ok: false, message: `YAML: ${(err as Error).message}`, offset: err instanceof ForbiddenKey ? err.offset : 0 };
  }
  if (found.date) {
    const { path, text: date } = found.date;
    return {
      ok: false,
      message: `${date} is a date, not a number or a formula (quote it to mean the subtraction)`,
      path,
      key: false,
      field: path.join('.'),
      tree,
    };
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
  const checked = validateSpec(kind, data);
  if (checked.ok) return { ok: true, spec: checked.spec, tree };
  const { message, path, key } = checked;
  return { ok: false, message, path, key, field: path.length ? path.join('.') : undefined, tree };
}
