/**
 * The exact way from YAML text to data and source positions: the `yaml` library's Document. It is what
 * words every YAML error with its position, and it reads what the fast path (yaml-events.ts) leaves to it:
 * anchors and aliases (with an expansion limit), tags, odd keys. Slow to start (~200 ms for a 76 KB model on
 * a cold process), so the CLI bundle loads it only when the fast path gives up (scripts/build.mjs, LAZY).
 * Errors come back as data, never as thrown classes, so the lazily loaded copy needs no shared class
 * identity with the rest of the bundle.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { FieldPath, PositionTree } from './positions.js';
import { FORMULA_KEYS, MAX_ALIAS_COUNT, MAX_YAML_DEPTH, YAML11_TIMESTAMP } from './yaml-limits.js';

export type ExactParse =
  | { ok: true; data: unknown; tree: PositionTree | null }
  | { ok: false; message: string; offset: number }
  | { ok: false; message: string; path: FieldPath; tree: PositionTree | null };

class ForbiddenKey extends Error {
  constructor(
    readonly key: string,
    readonly offset: number,
    message = `"${key}" is not allowed as a key`,
  ) {
    super(message);
  }
}

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

/** Parse one file's text with the `yaml` library: data and positions, or the first problem and where it is. */
export function parseYamlExact(text: string): ExactParse {
  let doc: ReturnType<typeof parseDocument>;
  try {
    // logLevel 'error': problems come back in doc.errors, never as Node warnings on stderr
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
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
    return { ok: false, message: `${date} is a date, not a number or a formula (quote it to mean the subtraction)`, path, tree };
  }
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), tree };
  } catch (err) {
    return { ok: false, message: `YAML: ${(err as Error).message.split('\n')[0]}`, offset: 0 };
  }
}
