import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator, evaluate } from '../../src/engine/graph/evaluate.js';
import { CesuanError } from '../../src/model/errors.js';
import { loadModel } from '../../src/model/load.js';
import { jsonSchemas } from '../../src/model/json-schema.js';
import { readFileSync } from 'node:fs';

const mini = loadModel('test/fixtures/mini.yaml');
const injury = (r: ReturnType<typeof evaluate>) => r.indicators.find((i) => i.id === 'injury_insured')!;

describe('evaluate', () => {
  it('测算依据2: 186.5 at the mean growth of provincial targets gives ≈221.86 in 2025, meeting ≥210', () => {
    const r = evaluate(mini);
    const g = (159 / 156.86 + 168.3 / 159 + 173.86 / 168.3 + 181.3 / 173.86 + 186.5 / 181.3 - 5) / 5;
    expect(r.values.injury_growth).toBeCloseTo(g, 14);
    expect(injury(r).projection).toBeCloseTo(186.5 * (1 + g) ** 5, 10);
    expect(injury(r).verdict).toBe('met');
    expect(injury(r).gap).toBeCloseTo(186.5 * (1 + g) ** 5 - 210, 10);
  });
  it('the path follows the derivation year by year from 186.5', () => {
    const r = evaluate(mini, { injury_growth: 0.025 });
    expect(injury(r).trajectory.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    injury(r).trajectory.forEach((p, t) => expect(p.value).toBeCloseTo(186.5 * 1.025 ** t, 10));
  });
  it('at 2.5% the projection is 186.5 × 1.025^5 ≈ 211.0 and still meets 210', () => {
    const r = evaluate(mini, { injury_growth: 0.025 });
    expect(injury(r).projection).toBeCloseTo(211.008, 3);
    expect(injury(r).verdict).toBe('met');
    expect(evaluate(mini, { injury_growth: 0.02 }).indicators[0]!.verdict).toBe('missed');
  });
  it('an override expression may use the assumption’s own published value', () => {
    const published = evaluate(mini).values.injury_growth as number;
    const r = evaluate(mini, { injury_growth: 'injury_growth - 0.01' });
    expect(r.values.injury_growth).toBeCloseTo(published - 0.01, 14);
    expect(r.assumptions[0]!.published).toBeCloseTo(published, 14);
  });
  it('formulas are substituted with the numbers used', () => {
    const d = injury(evaluate(mini, { injury_growth: 0.025 })).derivations[0]!;
    expect(d.substituted).toBe('compound(186.5, 0.025, 5)');
  });
  it('an unknown assumption in overrides is an error naming it', () => {
    expect(() => evaluate(mini, { injury_grwth: 0.01 })).toThrow(CesuanError);
    expect(() => evaluate(mini, { injury_grwth: 0.01 })).toThrow(/"injury_grwth" is not an assumption/);
  });
  it('incremental recompute after set() equals a fresh evaluation, for any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.08, noNaN: true }), { minLength: 1, maxLength: 8 }), (rates) => {
        const e = new Evaluator(mini);
        for (const r of rates) e.set('injury_growth', r);
        const last = rates[rates.length - 1]!;
        expect(injury(e.result()).projection).toBe(injury(evaluate(mini, { injury_growth: last })).projection);
        e.reset('injury_growth');
        expect(injury(e.result()).projection).toBe(injury(evaluate(mini)).projection);
      }),
      { numRuns: 50 },
    );
  });
  it('same inputs give the same outputs to the last bit', () => {
    expect(JSON.stringify(evaluate(mini))).toBe(JSON.stringify(evaluate(loadModel('test/fixtures/mini.yaml'))));
  });
});

describe('imports', () => {
  it('a reference cycle between two models is a clear error naming the cycle', () => {
    expect(() => loadModel('test/fixtures/imports/a.yaml')).toThrow(
      /import cycle: test\/fixtures\/imports\/a\.yaml → test\/fixtures\/imports\/b\.yaml → test\/fixtures\/imports\/a\.yaml/,
    );
  });
});

describe('JSON Schema', () => {
  it('the shipped schema/*.schema.json match the valibot schemas (run `npm run schema` after changing them)', () => {
    const schemas = jsonSchemas();
    expect(JSON.parse(readFileSync('schema/model.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(schemas.model)));
    expect(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(schemas.scenario)));
  });
});
