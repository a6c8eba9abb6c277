/**
 * Source positions now come from a compact tree (src/model/positions.ts) that the spec cache can keep, not
 * from the YAML document. For every field of every shipped model and scenario they must be what the YAML
 * document says: the value's line and column (the nearest written ancestor when the field is not written),
 * the key's for locateKey, and the decimals as printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { locator } from '../../src/model/positions.js';
import { parseSource } from '../../src/model/yaml-source.js';
import { root } from './harness.js';

type Path = (string | number)[];

/**
 * The previous implementation, on the YAML document itself: the reference — except that a key written as a
 * number (the years of `actuals`) now matches its path element ("2021"), where doc.getIn missed it and pointed
 * at the parent.
 */
function reference(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const getIn = (path: Path): unknown => {
    let node: unknown = doc.contents;
    for (const step of path) {
      if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))?.value;
      else if (isSeq(node)) node = node.items[Number(step)];
      else return undefined;
    }
    return node;
  };
  const nodeAt = (path: Path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = getIn(path.slice(0, n)) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return { node, exact: n === path.length };
    }
    return undefined;
  };
  const at = (offset: number) => lineCounter.linePos(offset);
  return {
    data: doc.toJS() as unknown,
    locate: (path: Path) => {
      const found = nodeAt(path);
      return found?.node.range ? at(found.node.range[0]) : { line: 1, col: 1 };
    },
    locateKey: (path: Path) => {
      const parent = path.length ? getIn(path.slice(0, -1)) : undefined;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
        const key = pair?.key as { range?: [number, number, number] } | undefined;
        if (key?.range) return at(key.range[0]);
      }
      const found = nodeAt(path);
      return found?.node.range ? at(found.node.range[0]) : { line: 1, col: 1 };
    },
    decimalsAt: (path: Path) => {
      const found = nodeAt(path);
      if (!found?.exact || !isScalar(found.node) || !found.node.range) return undefined;
      const written = text.slice(found.node.range[0], found.node.range[1]).trim();
      const m = /^[-+]?\d*(?:\.(\d+))?$/.exec(written);
      return m ? (m[1]?.length ?? 0) : undefined;
    },
  };
}

function allPaths(data: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (typeof data === 'object' && data !== null) {
    for (const [k, v] of Object.entries(data)) allPaths(v, [...path, Array.isArray(data) ? Number(k) : k], out);
  }
  return out;
}

const files = [
  ...readdirSync(join(root, 'models'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join('models', f)),
  ...readdirSync(join(root, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join('scenarios', f)),
  'test/fixtures/mini.yaml',
];

describe('positions from the tree equal positions from the YAML document', () => {
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(root, file), 'utf8');
      const kind = /^model\s*:/m.test(text) && !/^indicators\s*:/m.test(text) ? 'scenario' : 'model';
      const parsed = parseSource(text, kind);
      expect(parsed.ok, JSON.stringify(parsed).slice(0, 300)).toBe(true);
      if (!parsed.ok) return;
      const mine = locator(file, text, parsed.tree);
      const ref = reference(text);
      const paths = allPaths(ref.data);
      // fields that are not written fall back to an ancestor
      paths.push(['indicators', 'no_such', 'formula'], ['set', 'missing'], ['assumptions', 0, 'x'], ['title', 'deeper']);
      for (const path of paths) {
        expect(mine.locate(path), `locate ${path.join('.')}`).toEqual({ file, ...ref.locate(path) });
        expect(mine.locateKey(path), `locateKey ${path.join('.')}`).toEqual({ file, ...ref.locateKey(path) });
        expect(mine.decimalsAt(path), `decimalsAt ${path.join('.')}`).toBe(ref.decimalsAt(path));
      }
    });
  }
});
