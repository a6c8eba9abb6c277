/**
 * The straight-line fast path (src/engine/graph/straight-line.ts) must give exactly the closures' values — to the
 * bit, for every slot, every shipped model and scenario, under any pins — and leave errors to the closures.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram, runProgram, type Program } from '../../src/engine/graph/program.js';
import { compileStraightLine } from '../../src/engine/graph/straight-line.js';
import type { Value } from '../../src/engine/types.js';
import { CesuanError } from '../../src/model/errors.js';
import { loadModel, loadScenario } from '../../src/model/load.js';
import { FUZZ_SEED, root, runs, scratch, writeCase } from './harness.js';

const pinnableOf = (p: Program) => new Set(p.nodes.filter((n) => n.kind === 'assumption').map((n) => n.slot));

/** The closures' values: runProgram keeps to them when given a copy of the order. */
function closures(program: Program, pins: Map<number, number>): Value[] {
  return runProgram(program, new Array(program.nodes.length), [...program.order], pins);
}

function straight(program: Program, pins: Map<number, number>): Value[] {
  const line = compileStraightLine(program.nodes, program.order, pinnableOf(program));
  expect(line, 'every shipped model compiles to straight-line code').toBeDefined();
  const flags = new Uint8Array(program.nodes.length);
  const pinned = new Float64Array(program.nodes.length);
  for (const [slot, v] of pins) {
    flags[slot] = 1;
    pinned[slot] = v;
  }
  return line!(new Array(program.nodes.length), flags, pinned);
}

function expectSameBits(a: Value[], b: Value[], program: Program): void {
  for (const slot of program.order) {
    const x = a[slot]!;
    const y = b[slot]!;
    const same = Array.isArray(x) ? Array.isArray(y) && x.length === y.length && x.every((v, i) => Object.is(v, y[i])) : Object.is(x, y);
    if (!same) expect.fail(`${program.nodes[slot]!.key}: straight-line ${JSON.stringify(y)} ≠ closures ${JSON.stringify(x)}`);
  }
}

const programs: [string, Program][] = [
  ...readdirSync(join(root, 'models'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f): [string, Program] => [f, compileProgram(loadModel(join(root, 'models', f)))]),
  ...readdirSync(join(root, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f): [string, Program] => {
      const s = loadScenario(join(root, 'scenarios', f));
      return [f, compileProgram(s.model, s.spec.set, (key) => ({ model: s, path: ['set', key] }))];
    }),
];

describe('straight-line code computes exactly what the closures compute', () => {
  for (const [name, program] of programs) {
    it(`${name}: published values, to the bit`, () => {
      expectSameBits(closures(program, new Map()), straight(program, new Map()), program);
    });
  }

  it('under random pins of random assumptions, every model', () => {
    for (const [, program] of programs) {
      const assumptions = [...pinnableOf(program)];
      if (!assumptions.length) continue;
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...assumptions), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 4 }),
          (pairs) => {
            const pins = new Map(pairs);
            let expected: Value[] | undefined;
            try {
              expected = closures(program, pins);
            } catch (err) {
              expect(err).toBeInstanceOf(CesuanError); // a method refusing a pinned value: the closures locate it
              return;
            }
            expectSameBits(expected, straight(program, pins), program);
          },
        ),
        { numRuns: runs(40), seed: FUZZ_SEED },
      );
    }
  });

  it('runProgram switches to it after repeated full runs, and the values do not change', () => {
    const program = compileProgram(loadModel(join(root, 'models/zhengzhou-hrss-14th.yaml')));
    const slot = program.slotOf.get('injury_growth')!;
    const reference = closures(program, new Map([[slot, 0.03]]));
    const values: Value[] = new Array(program.nodes.length);
    for (let i = 0; i < 20; i++) {
      runProgram(program, values, undefined, new Map([[slot, 0.03]]));
      expectSameBits(reference, values, program);
    }
  });

  it('an error after the switch is still raised by the closures, located at the field', () => {
    const base = readFileSync(join(root, 'test/fixtures/bad/base.yaml'), 'utf8');
    const file = writeCase(
      scratch(),
      'cagr.yaml',
      base.replace('formula: compound(people.baseline, growth, 5)', 'formula: people.baseline * (1 + cagr(growth, 2, 5))'),
    );
    const program = compileProgram(loadModel(file));
    const slot = program.slotOf.get('growth')!;
    for (let i = 0; i < 20; i++) runProgram(program, undefined, undefined, new Map([[slot, 0.05]]));
    let error: unknown;
    try {
      runProgram(program, undefined, undefined, new Map([[slot, -1]]));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CesuanError);
    expect((error as CesuanError).line).toMatch(
      /cagr\.yaml:19:18: indicators\.people\.derivations\.basis\.formula: cagr\(\): needs a positive start/,
    );
    // and the next good run is right again
    const values = runProgram(program, undefined, undefined, new Map([[slot, 0.05]]));
    expectSameBits(closures(program, new Map([[slot, 0.05]])), values, program);
  });
});
