/**
 * Formulas come from files other people write. Known ways out of a mathjs expression — prototype and
 * constructor access, `import`, `createUnit`, `evaluate`/`parse` inside an expression, function definitions,
 * strings, property calls — and resource attacks (very long, deeply nested) must all be refused at compile
 * time with a clear one-line error; nothing may run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileExpression,
  ExpressionError,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  type Resolver,
} from '../../src/engine/graph/expression.js';
import { parseFormula } from '../../src/engine/graph/parser.js';
import { cesuan } from '../helpers/cli.js';
import { root, scratch, writeCase } from './harness.js';

const resolve: Resolver = (parts) => {
  const name = parts.join('.');
  if (name === 'x') return { slot: 0, key: 'x' };
  if (name === 's') return { slot: 1, key: 's', years: [2019, 2020] };
  return undefined;
};

/** [attempt, what the error must say] */
const REFUSED: [string, RegExp][] = [
  // prototype and constructor access
  ['constructor', /unknown name "constructor"/],
  ['__proto__', /unknown name "__proto__"/],
  ['toString', /unknown name "toString"/],
  ['valueOf + 1', /unknown name "valueOf"/],
  ['x.constructor', /unknown name "x\.constructor"/],
  ['x.__proto__', /unknown name "x\.__proto__"/],
  ['x["constructor"]', /property and index access are not allowed/],
  ['x["__proto__"]["polluted"]', /property and index access are not allowed/],
  ['[].constructor', /property and index access are not allowed/],
  ['x.toString()', /only named functions may be called/],
  ['sqrt.call(1)', /only named functions may be called/],
  ['cos.constructor("return process")()', /cannot parse|only named functions may be called/],
  ['compound.constructor("return process.exit(9)")', /only named functions may be called/],
  ['[1, 2].map(f)', /only named functions may be called/],
  ['[].map', /property and index access are not allowed/],
  ['x[1]', /property and index access are not allowed/],
  ['x?.y', /unknown name "x\.y"/],
  // mathjs functions that reach outside the expression
  ['import({}, {})', /function "import" is not allowed/],
  ['import("fs")', /function "import" is not allowed/],
  ['createUnit("foo")', /function "createUnit" is not allowed/],
  ['evaluate("1+1")', /function "evaluate" is not allowed/],
  ['parse("1")', /function "parse" is not allowed/],
  ['compile("1")', /function "compile" is not allowed/],
  ['simplify("x")', /function "simplify" is not allowed/],
  ['derivative("x^2", "x")', /function "derivative" is not allowed/],
  ['config({})', /function "config" is not allowed/],
  ['typed("a", {})', /function "typed" is not allowed/],
  ['resolve(x)', /function "resolve" is not allowed/],
  ['reviver("x")', /function "reviver" is not allowed/],
  ['require("fs")', /function "require" is not allowed/],
  ['cos(1)', /function "cos" is not allowed/],
  // definitions and statements
  ['f(x) = x', /functionassignment expressions are not allowed/],
  ['f(x) = x^2; f(2)', /block expressions are not allowed/],
  ['x = 1', /assignment expressions are not allowed/],
  ['x[1] = 2', /assignment expressions are not allowed/],
  ['x; x', /block expressions are not allowed/],
  ['x\nx', /block expressions are not allowed/],
  // values that are not numbers
  ['"abc"', /only numbers are allowed as constants/],
  ["'abc'", /only numbers are allowed as constants/],
  ['true', /only numbers are allowed as constants/],
  ['null', /only numbers are allowed as constants/],
  ['undefined', /only numbers are allowed as constants/],
  ['NaN', /not a finite number/],
  ['Infinity', /not a finite number/],
  ['1e999', /not a finite number/],
  ['{a: 1}', /object expressions are not allowed/],
  ['1:3', /range expressions are not allowed/],
  ['i * i', /unknown name "i"/],
  ['5 cm', /unknown name "cm"/],
  // operators outside the arithmetic whitelist
  ['x!', /operator "!" is not allowed/],
  ["x'", /operator "'" is not allowed/],
  ['1 & 2', /operator "&" is not allowed/],
  ['1 << 2', /operator "<<" is not allowed/],
  ['x xor 1', /operator "xor" is not allowed/],
  ['x ?? 1', /operator "\?\?" is not allowed/],
  // JavaScript that is not mathjs syntax
  ['globalThis', /unknown name "globalThis"/],
  ['process', /unknown name "process"/],
  ['this', /unknown name "this"/],
  ['new Function', /unknown name "new"/],
  ['x |> f', /cannot parse/],
  ['`x`', /cannot parse/],
  // size
  [`${'1+'.repeat(MAX_EXPRESSION_LENGTH)}1`, new RegExp(`the limit is ${MAX_EXPRESSION_LENGTH}`)],
  [`${'('.repeat(MAX_EXPRESSION_DEPTH + 5)}1${')'.repeat(MAX_EXPRESSION_DEPTH + 5)}`, /nested/],
  [`${'-'.repeat(MAX_EXPRESSION_DEPTH + 5)}1`, /nested/],
  [`${'['.repeat(MAX_EXPRESSION_DEPTH + 5)}1${']'.repeat(MAX_EXPRESSION_DEPTH + 5)}`, /nested/],
  [`${'sqrt('.repeat(MAX_EXPRESSION_DEPTH + 5)}1${')'.repeat(MAX_EXPRESSION_DEPTH + 5)}`, /nested/],
  [`${'('.repeat(990)}1${')'.repeat(990)}`, /nested/],
];

describe('sandbox: known mathjs escapes are refused when the formula is compiled', () => {
  for (const [attempt, expected] of REFUSED) {
    it(JSON.stringify(attempt.length > 60 ? `${attempt.slice(0, 40)}… (${attempt.length} chars)` : attempt), () => {
      let error: unknown;
      try {
        compileExpression(attempt, resolve);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ExpressionError);
      const message = (error as Error).message;
      expect(message).toMatch(expected);
      expect(message.length).toBeLessThan(2000 + 200);
    });
  }

  it('nothing runs: no payload reaches the global object', () => {
    const g = globalThis as Record<string, unknown>;
    g['__cesuanPwned'] = false;
    const payloads = [
      'cos.constructor("globalThis.__cesuanPwned = true")()',
      'compound.constructor("globalThis.__cesuanPwned = true")()',
      'evaluate("globalThis.__cesuanPwned = true")',
      'import({ pwn: 1 })',
      'f(x) = x; f.constructor("globalThis.__cesuanPwned = true")()',
    ];
    for (const p of payloads) {
      try {
        compileExpression(p, resolve).run([1, [1, 2]]);
      } catch {
        // refused: what we want
      }
    }
    expect(g['__cesuanPwned']).toBe(false);
    delete g['__cesuanPwned'];
  });

  it('the parser instance holds no functions: a parsed tree cannot be evaluated into a call', () => {
    expect(() => (parseFormula('1 + 1') as unknown as { evaluate: () => unknown }).evaluate()).toThrow(/missing/);
    expect(() => (parseFormula('cos(0)') as unknown as { evaluate: () => unknown }).evaluate()).toThrow();
  });

  it('what is allowed still works: arithmetic, conditions, arrays, methods, constants', () => {
    const run = (text: string) => compileExpression(text, resolve).run([2, [1, 2]]);
    expect(run('x ^ 2 + 1')).toBe(5);
    expect(run('x > 1 ? 10 : 20')).toBe(10);
    expect(run('sum(s) + sum([1, 2])')).toBe(6);
    expect(run('compound(100, 0.1, 2)')).toBeCloseTo(121, 12);
    expect(run('at(s, 2020)')).toBe(2);
    expect(run('round(pi, 2)')).toBe(3.14);
  });
});

describe('sandbox through the binary: one line on stderr, exit 2, nothing else', () => {
  const dir = scratch();
  const mini = readFileSync(join(root, 'test/fixtures/mini.yaml'), 'utf8');
  const oneLine = (args: string[], pattern: RegExp) => {
    const r = cesuan(args);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  };

  it('a model formula calling import()', () => {
    const file = writeCase(dir, 'import.yaml', mini.replace('formula: compound(186.5, injury_growth, 5)', 'formula: "import(\\"fs\\")"'));
    oneLine(
      ['run', file],
      /import\.yaml:34:18: indicators\.injury_insured\.derivations\.basis2\.formula: function "import" is not allowed/,
    );
  });
  it('a constructor escape in an assumption default', () => {
    const file = writeCase(
      dir,
      'ctor.yaml',
      mini.replace('default: mean_growth(injury_provincial_targets)', 'default: compound.constructor("return process")()'),
    );
    oneLine(['run', file], /ctor\.yaml:\d+:\d+: assumptions\.injury_growth\.default: (only named functions may be called|cannot parse)/);
  });
  it('a --set override that defines a function', () => {
    oneLine(
      ['run', 'test/fixtures/mini.yaml', '--set', 'injury_growth=f(x) = x'],
      /set\.injury_growth: functionassignment expressions are not allowed/,
    );
  });
  it('a scenario override that reaches for evaluate()', () => {
    const file = writeCase(dir, 'evil-scenario.yaml', `model: ${join(dir, 'mini.yaml')}\nset:\n  injury_growth: evaluate("1")\n`);
    oneLine(['run', file], /evil-scenario\.yaml:3:18: set\.injury_growth: function "evaluate" is not allowed/);
  });
  it('a formula with a line break and an escape sequence prints on one line without them', () => {
    const file = writeCase(dir, 'ctl.yaml', mini.replace('formula: compound(186.5, injury_growth, 5)', 'formula: "1 +\\n\\u001b[2J @"'));
    const r = cesuan(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\u001b/);
  });
});
