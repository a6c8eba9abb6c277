/**
 * YAML text → validated spec and a tree of source positions. Two readers give the same data and positions:
 * the fast one (yaml-events.ts, js-yaml's event stream) for what model and scenario files are made of, and
 * the exact one (yaml-exact.ts, the `yaml` library), which the fast one hands everything else to, errors
 * included; the CLI bundle loads the exact one only then. Validation is valibot's (validate.ts).
 */
import type { PositionTree, SourceKind, SourceParse } from './positions.js';
import { validateSpec } from './validate.js';
import { parseYamlEvents } from './yaml-events.js';
import { parseYamlExact } from './yaml-exact.js';

/** Parse and validate one model or scenario file's text. */
export function parseSource(text: string, kind: SourceKind): SourceParse {
  let parsed: { data: unknown; tree: PositionTree | null } | { unusual: string } = parseYamlEvents(text);
  if ('unusual' in parsed) {
    const exact = parseYamlExact(text);
    if (!exact.ok) {
      return 'offset' in exact
        ? exact
        : { ok: false, message: exact.message, path: exact.path, key: false, field: exact.path.join('.'), tree: exact.tree };
    }
    parsed = exact;
  }
  const { data, tree } = parsed;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: `a ${kind} file must be a YAML mapping`, path: [], key: false, tree };
  }
  const checked = validateSpec(kind, data);
  if (checked.ok) return { ok: true, spec: checked.spec, tree };
  const { message, path, key } = checked;
  return { ok: false, message, path, key, field: path.length ? path.join('.') : undefined, tree };
}
