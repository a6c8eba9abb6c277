/**
 * Random mutations of valid model and scenario files — deleted keys, wrong types, huge numbers, NaN, unicode,
 * deep nesting, cyclic references, duplicate ids, renamed keys, garbage formulas, and raw text edits — must
 * each give a result or one clean located error (CesuanError), never another exception and never a hang.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUZZ_SEED, loadAndRun, root, runs, scratch, writeCase } from './harness.js';
import { apply, formula, formulaPaths, mini, mutation, namesIn, parentOf, scenario, textEdits, toYaml, zhengzhou } from './mutations.js';

describe('mutated model and scenario files: a result or one clean located error', () => {
  const dir = scratch();

  it('formulas: every place a formula goes, in the mini and Zhengzhou models', () => {
    for (const [base, runsOf] of [
      [mini, 300],
      [zhengzhou, 60],
    ] as const) {
      const places = formulaPaths(base);
      const names = namesIn(base);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), formula(names)), { minLength: 1, maxLength: 3 }), (edits) => {
          const data = structuredClone(base);
          for (const [i, text] of edits) {
            const path = places[i % places.length]!;
            const parent = parentOf(data, path)!;
            parent[path[path.length - 1]!] = text;
          }
          const path = writeCase(dir, 'formula-mutant.yaml', toYaml(data));
          loadAndRun(path, `formulas ${JSON.stringify(edits).slice(0, 400)}`);
        }),
        { numRuns: runs(runsOf), seed: FUZZ_SEED },
      );
    }
  });

  it('the mini model, one to four structural mutations', () => {
    const names = namesIn(mini);
    fc.assert(
      fc.property(fc.array(mutation(names), { minLength: 1, maxLength: 4 }), (mutations) => {
        const data = structuredClone(mini);
        for (const m of mutations) apply(data, m);
        const path = writeCase(dir, 'mutant.yaml', toYaml(data));
        loadAndRun(path, `mutations ${JSON.stringify(mutations).slice(0, 400)}`);
      }),
      { numRuns: runs(400), seed: FUZZ_SEED },
    );
  });

  it('the Zhengzhou model (imports Henan), one to three mutations', () => {
    const names = namesIn(zhengzhou);
    fc.assert(
      fc.property(fc.array(mutation(names), { minLength: 1, maxLength: 3 }), (mutations) => {
        const data = structuredClone(zhengzhou);
        for (const m of mutations) apply(data, m);
        const path = writeCase(dir, 'zhengzhou-mutant.yaml', toYaml(data));
        loadAndRun(path, `mutations ${JSON.stringify(mutations).slice(0, 400)}`);
      }),
      { numRuns: runs(60), seed: FUZZ_SEED },
    );
  });

  it('scenarios: mutated overrides, distributions and actuals', () => {
    const names = [...namesIn(mini), 'injury_growth'];
    fc.assert(
      fc.property(fc.array(mutation(names), { minLength: 1, maxLength: 3 }), (mutations) => {
        const data = structuredClone(scenario) as Record<string, unknown>;
        for (const m of mutations) apply(data, m);
        const path = writeCase(dir, 'scenario-mutant.yaml', toYaml(data));
        const outcome = loadAndRun(path, `mutations ${JSON.stringify(mutations).slice(0, 400)}`);
        if (!outcome.ok) expect(outcome.line).toMatch(/\.yaml:\d+:\d+: /);
      }),
      { numRuns: runs(200), seed: FUZZ_SEED },
    );
  });

  it('raw text edits of the model file (insertions, deletions, truncation, YAML syntax)', () => {
    const text = readFileSync(join(root, 'test/fixtures/mini.yaml'), 'utf8');
    const insert = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '\t',
        ':',
        '- ',
        '{',
        '}',
        '[',
        ']',
        '&a ',
        '*a',
        '<<: *a\n',
        '!!binary ',
        '!!js/function ',
        '%YAML 1.1\n',
        '---\n',
        '...\n',
        '\ufeff',
        '\r\n',
        '? ',
        '|\n',
        '>-\n',
        '"',
        "'",
        '#',
        '@',
        '`',
        '\u0000',
        '  ',
        'x: 1\n',
      ),
    );
    const edit = fc.oneof(
      textEdits.insert(insert),
      textEdits.deleteRun(200),
      fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1))),
      textEdits.swapLines(),
      fc.nat().map((a) => (t: string) => {
        const lines = t.split('\n');
        const i = a % lines.length;
        lines.splice(i, 0, lines[i]!);
        return lines.join('\n');
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const mutated = edits.reduce((t, e) => e(t), text);
        const path = writeCase(dir, 'text-mutant.yaml', mutated);
        loadAndRun(path, `text edits → ${JSON.stringify(mutated).slice(0, 300)}`);
      }),
      { numRuns: runs(400), seed: FUZZ_SEED },
    );
  });

  it('random garbage, any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const path = writeCase(dir, 'garbage.yaml', Buffer.from(bytes).toString('latin1'));
        loadAndRun(path, 'garbage bytes');
      }),
      { numRuns: runs(150), seed: FUZZ_SEED },
    );
  });
});

describe('hostile files, one by one', () => {
  const dir = scratch();
  const miniText = readFileSync(join(root, 'test/fixtures/mini.yaml'), 'utf8');
  const error = (name: string, text: string, pattern: RegExp) => {
    const outcome = loadAndRun(writeCase(dir, name, text), name);
    expect(outcome.ok, name).toBe(false);
    if (!outcome.ok) expect(outcome.line).toMatch(pattern);
  };

  it('a billion-laughs alias bomb is refused, quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    error('laughs.yaml', `${levels.join('\n')}\n`, /laughs\.yaml:\d+:\d+: YAML: .*[Aa]lias/);
  });
  it('aliases that only repeat a value are fine below the limit', () => {
    const text = miniText
      .replace('quote: "2020年底参保人数为195.97万人"', 'quote: &q "2020年底参保人数为195.97万人"')
      .replace('quote: "设定为210万人比较合适" } }\n    derivations', 'quote: *q } }\n    derivations');
    expect(loadAndRun(writeCase(dir, 'alias-ok.yaml', text), 'alias-ok').ok).toBe(true);
  });
  it('a self-referencing alias', () => {
    error('self-alias.yaml', 'a: &a [*a]\n', /self-alias\.yaml:\d+:\d+: /);
  });
  it('10 000 levels of flow nesting', () => {
    error('deep-flow.yaml', `id: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, /deep-flow\.yaml:\d+:\d+: /);
  });
  it('2 000 levels of block nesting', () => {
    error(
      'deep-block.yaml',
      `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
      /deep-block\.yaml:\d+:\d+: /,
    );
  });
  it('a file over the size limit is refused before parsing', () => {
    error('huge.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`, /huge\.yaml:1:1: file is \d+ bytes; the limit is/);
  });
  it('an empty file, a comment, a null, a list, a scalar, several documents', () => {
    for (const [name, text] of [
      ['empty.yaml', ''],
      ['comment.yaml', '# nothing\n'],
      ['null.yaml', '~\n'],
      ['list.yaml', '- 1\n- 2\n'],
      ['scalar.yaml', '42\n'],
      ['multi.yaml', `${miniText}\n---\n${miniText}`],
    ] as const) {
      error(name, text, new RegExp(`${name.replace('.', '\\.')}:\\d+:\\d+: `));
    }
  });
  it('duplicate keys', () => {
    error(
      'dup.yaml',
      miniText.replace('title: 最小模型\n', 'title: 最小模型\ntitle: 又一个\n'),
      /dup\.yaml:3:1: YAML: .*[Uu]nique|dup\.yaml:3:1: YAML: .*[Dd]uplicate/,
    );
  });
  it('"__proto__" as a key anywhere is refused, not silently dropped', () => {
    error(
      'proto1.yaml',
      miniText.replaceAll('injury_growth', '__proto__'),
      /proto1\.yaml:\d+:\d+: YAML: "__proto__" is not allowed as a key/,
    );
    error(
      'proto2.yaml',
      miniText.replace('  injury_insured:\n', '  __proto__:\n'),
      /proto2\.yaml:\d+:\d+: YAML: "__proto__" is not allowed as a key/,
    );
  });
  it('a key with control characters prints as one line without them', () => {
    error(
      'ctl.yaml',
      miniText.replace('title: 最小模型\n', 'title: 最小模型\n"evil\\u001b[2J\\nkey": 1\n'),
      /ctl\.yaml:\d+:\d+: .*evil\\u001b\[2J key/,
    );
  });
  it('a 2 000-character formula and a 40-deep one are refused with the limit named', () => {
    error(
      'long.yaml',
      miniText.replace('formula: compound(186.5, injury_growth, 5)', `formula: "${'1+'.repeat(1000)}1"`),
      /too long|limit is 2000|characters/,
    );
    error(
      'nested.yaml',
      miniText.replace('formula: compound(186.5, injury_growth, 5)', `formula: "${'('.repeat(60)}1${')'.repeat(60)}"`),
      /nested/,
    );
  });
  it('an import cycle between two files names the cycle', () => {
    writeCase(dir, 'cyc-a.yaml', miniText.replace('id: mini', 'id: cyc-a').replace('groups:', 'imports: { b: cyc-b.yaml }\ngroups:'));
    writeCase(dir, 'cyc-b.yaml', miniText.replace('id: mini', 'id: cyc-b').replace('groups:', 'imports: { a: cyc-a.yaml }\ngroups:'));
    const outcome = loadAndRun(join(dir, 'cyc-a.yaml'), 'import cycle');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.line).toMatch(/import cycle: .*cyc-a\.yaml → .*cyc-b\.yaml → .*cyc-a\.yaml/);
  });
  it('a scenario pointing at itself or at nothing', () => {
    error('self-scenario.yaml', 'model: self-scenario.yaml\nset: {}\n', /self-scenario\.yaml:\d+:\d+: /);
    error('no-model.yaml', 'model: no-such-model\nset: {}\n', /no-model\.yaml:1:8: model: model "no-such-model" not found/);
  });
});
