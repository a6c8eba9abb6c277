/**
 * The spec cache keeps formulas' parse trees as JSON (engine/graph/parser.ts: formulaTrees / primeFormulas). A tree
 * rebuilt from JSON must be the tree parsed from the text; anything in the cache that is not a tree must be
 * ignored (the text is parsed) and never crash. (A well-formed tree is trusted, as the cached spec itself is:
 * the cache is the user's own folder, keyed by a hash of the file.)
 */
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/engine/graph/program.js';
import { formulaTrees, parseFormula, primeFormulas } from '../../src/engine/graph/parser.js';
import { loadModel } from '../../src/model/load.js';
import { FUZZ_SEED, root, runs } from './harness.js';

function formulasOf(file: string): string[] {
  const program = compileProgram(loadModel(file));
  const texts = new Set<string>();
  for (const n of program.nodes) if (n.expr) texts.add(n.expr.text);
  for (const i of program.indicators) {
    for (const d of i.derivations) {
      if (d.path) texts.add(d.path.text);
      for (const f of [...d.stated, ...d.computed]) if (f.expr) texts.add(f.expr.text);
    }
    for (const c of i.checks) if (c.expr) texts.add(c.expr.text);
  }
  return [...texts];
}

const texts = readdirSync(join(root, 'models'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => formulasOf(join(root, 'models', f)));
const fresh = new Map(texts.map((t) => [t, JSON.stringify(parseFormula(t))]));

describe('parse trees from the spec cache', () => {
  it('every formula of every shipped model comes back from JSON as the tree parsed from its text', () => {
    const trees = formulaTrees(texts);
    expect(Object.keys(trees).length).toBe(new Set(texts).size);
    primeFormulas(JSON.parse(JSON.stringify(trees)) as Record<string, unknown>);
    for (const t of texts) {
      const tree = parseFormula(t);
      expect(JSON.stringify(tree), t).toBe(fresh.get(t));
      expect(tree.toString(), t).toBe(parseFormula(`${t} `).toString());
    }
  });

  it('trees that do not survive JSON (NaN, Infinity) and texts that do not parse are not kept', () => {
    expect(formulaTrees(['NaN', '1e999', 'x +', '(', 'Infinity * 2'])).toEqual({});
  });

  it('anything else in the cache is ignored: the text is parsed', () => {
    const sample = texts.slice(0, 25);
    fc.assert(
      fc.property(fc.constantFrom(...sample), fc.jsonValue({ maxDepth: 4 }), (text, junk) => {
        primeFormulas({ [text]: junk });
        const tree = parseFormula(text);
        expect(JSON.stringify(tree)).toBe(fresh.get(text));
      }),
      { numRuns: runs(300), seed: FUZZ_SEED },
    );
    // shapes close to real trees, with one field wrong
    const valid = formulaTrees(sample);
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(valid)),
        fc.constantFrom('args', 'fn', 'op', 'name', 'value', 'content', 'items', 'object', 'index', 'mathjs'),
        fc.jsonValue({ maxDepth: 2 }),
        (text, field, junk) => {
          const tree = structuredClone(valid[text]) as Record<string, unknown>;
          if (!(field in tree)) return;
          tree[field] = junk;
          primeFormulas({ [text]: tree });
          const parsed = parseFormula(text);
          expect(typeof parsed.toString()).toBe('string');
        },
      ),
      { numRuns: runs(300), seed: FUZZ_SEED },
    );
  });
});
