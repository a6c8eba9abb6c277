/**
 * The fast formula parser (src/engine/graph/fast-parse.ts) against mathjs's parse: for every text, either it
 * declines or it builds the very tree mathjs builds (same node classes, fields, printed form) — on every
 * string and 测算依据 placeholder of the shipped models, scenarios and fixtures, on generated formulas of the
 * shapes models use, and on token soup meant to find where the two would read a text apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { MathNode } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { parseFast, parseFormula, parseWithMathjs } from '../../src/engine/graph/parser.js';
import { parseTemplate, placeholders } from '../../src/model/template.js';
import { FUZZ_SEED, root, runs } from '../hardening/harness.js';

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );

/** Every string a file holds, and the expression of every {placeholder} in those that are templates. */
function textsOf(file: string): string[] {
  let data: unknown;
  try {
    data = load(readFileSync(join(root, file), 'utf8'));
  } catch {
    return []; // the bad fixtures
  }
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      out.push(v);
      try {
        for (const p of placeholders(parseTemplate(v))) out.push(p.expr);
      } catch {
        // not a template
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return out;
}

/** The node's class, its fields (as mathjs writes them to JSON) and children, recursively. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  const fields: Record<string, unknown> = { class: (node as object).constructor.name };
  for (const [k, v] of Object.entries((node as { toJSON: () => object }).toJSON?.() ?? node)) fields[k] = shape(v);
  return fields;
}

/** Why the two parsers disagree on `text`, or undefined when they agree (or the fast one declines). */
function disagreement(text: string): string | undefined {
  let fast: MathNode | undefined;
  try {
    fast = parseFast(text);
  } catch (err) {
    return `the fast parser threw ${String(err)}`;
  }
  if (fast === undefined) return undefined;
  let exact: MathNode;
  try {
    exact = parseWithMathjs(text);
  } catch (err) {
    return `mathjs refuses it (${(err as Error).message}), the fast parser read ${fast.toString()}`;
  }
  if (fast.toString() !== exact.toString()) return `printed ${fast.toString()} vs ${exact.toString()}`;
  const [a, b] = [JSON.stringify(shape(fast)), JSON.stringify(shape(exact))];
  if (a !== b) return `trees differ:\n${a}\n${b}`;
  return undefined;
}

describe('the fast formula parser builds the tree mathjs builds, or declines', () => {
  const texts = [...new Set([...yamlFiles('models'), ...yamlFiles('scenarios'), ...yamlFiles('test/fixtures')].flatMap(textsOf))];

  it('on every string and placeholder of the shipped models, scenarios and fixtures', () => {
    expect(texts.length).toBeGreaterThan(1500);
    const problems = texts.map((t) => [t, disagreement(t)]).filter(([, d]) => d !== undefined);
    expect(problems).toEqual([]);
  });

  it('reads most of the Zhengzhou model’s formulas itself (else it saves nothing)', () => {
    const zhengzhou = [...new Set(textsOf('models/zhengzhou-hrss-14th.yaml'))];
    const formulas = zhengzhou.filter((t) => {
      try {
        parseWithMathjs(t);
        return /[a-z_]\w*\s*\(|[-+*/^]/.test(t); // calls or arithmetic: formulas, not prose that happens to parse
      } catch {
        return false;
      }
    });
    const fast = formulas.filter((t) => parseFast(t) !== undefined);
    expect(formulas.length).toBeGreaterThan(100);
    expect(fast.length / formulas.length).toBeGreaterThan(0.9);
    // what it read is what the compiler gets
    for (const t of fast.slice(0, 20)) expect(parseFormula(t).toString()).toBe(parseWithMathjs(t).toString());
  });

  it('examples: precedence, associativity, unary minus under ^, calls, dot notation, lists', () => {
    const cases: Record<string, string> = {
      'compound(186.5, injury_growth, 5)': 'compound(186.5, injury_growth, 5)',
      '1 - 2 - 3': '1 - 2 - 3',
      '2 ^ 3 ^ 2': '2 ^ 3 ^ 2',
      '-2 ^ 2': '-2 ^ 2',
      '2 ^ -3': '2 ^ (-3)',
      '(784.4 * a + (168.1 + 82.6) * b) / c * 100': '(784.4 * a + (168.1 + 82.6) * b) / c * 100',
      'henan.new_jobs_total / 5': 'henan.new_jobs_total / 5',
      'regress([2015, 2016], s, 2025)': 'regress([2015, 2016], s, 2025)',
      'f()': 'f()',
      '[]': '[]',
      'a.b(1).c': 'a.b(1).c',
    };
    for (const [text, printed] of Object.entries(cases)) {
      expect(parseFast(text)?.toString(), text).toBe(printed);
      expect(disagreement(text), text).toBeUndefined();
    }
    // left to mathjs: implicit products, keywords, other number forms, indexing, comparisons, blocks
    const declined = ['2 x', '2(3)', '(a)(b)', 'f(1)(2)', 'a mod b', 'true', 'NaN', '.5', '2.', '0x1F', 'a[1]', 'a < b'];
    declined.push('a\nb', 'a; b', '5%', "a'", 'a?.b', '', 'x $', '人数 + 1', 'a .* b');
    for (const text of declined) {
      expect(parseFast(text), text).toBeUndefined();
    }
  });

  const names = 'a b1 x_y henan compound e pi mod to in not true NaN Infinity end i cm $a é a$';
  const name = fc.constantFrom(...names.split(' '));
  const number = fc.constantFrom(...'0 1 5 186.5 0.0353 1e3 1E-3 2e+4 .5 2. 1.2.3 0x1F 0b11 1e 1e999 007 2i'.split(' '));
  const space = fc.constantFrom('', ' ', '  ', '\t', '\n', '\u00a0');

  it('on generated formulas of the shapes models use', () => {
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        number,
        name,
        fc.tuple(name, fc.constantFrom('.'), name).map((p) => p.join('')),
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', ' + ', ' * ', '.*', '%', ' mod '), tie('e')).map((p) => p.join('')),
        fc.tuple(fc.constantFrom('-', '+', '- ', '--'), tie('e')).map((p) => p.join('')),
        tie('e').map((e) => `(${e})`),
        fc.tuple(name, fc.array(tie('e'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
        fc.array(tie('e'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
        fc.tuple(tie('e'), space, tie('e')).map((p) => p.join('')),
      ),
    })).e;
    let read = 0;
    let total = 0;
    fc.assert(
      fc.property(expr, (text) => {
        const d = disagreement(text);
        if (d) throw new Error(`${JSON.stringify(text)}: ${d}`);
        total++;
        if (parseFast(text) !== undefined) read++;
      }),
      { numRuns: runs(3000), seed: FUZZ_SEED },
    );
    // not a test of declining only: a good share of them is read by the fast path, and agrees
    expect(read / total).toBeGreaterThan(0.2);
  });

  it('on token soup', () => {
    const token = fc.oneof(name, number, space, fc.constantFrom(...`+ - * / ^ ( ) [ ] , . .* ^| % ! ' ? : = < ; # " { }`.split(' ')));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
        const text = tokens.join('');
        const d = disagreement(text);
        if (d) throw new Error(`${JSON.stringify(text)}: ${d}`);
      }),
      { numRuns: runs(5000), seed: FUZZ_SEED },
    );
  });
});
