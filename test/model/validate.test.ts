/**
 * validateSpec: the schema's defaults, the baseline rule, finite numbers, and the first problem's path, key flag
 * and wording — for a planner, not a schema library ("expected one of …", "required").
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { ModelSpec, ScenarioSpec } from '../../src/model/schema.js';
import { type Validation, validateSpec } from '../../src/model/validate.js';

const source = { ref: 'doc', quote: '2020年底参保人数为195.97万人' };
// biome-ignore lint/suspicious/noExplicitAny: the tests write files freely, wrong shapes included
type Data = Record<string, any>;

/** A minimal model: one indicator, one derivation; `edit` changes it before validation. */
function model(edit: (m: Data) => void = () => {}): Data {
  const m: Data = {
    id: 'tiny',
    title: '模型',
    years: { base: 2020, target: 2025 },
    sources: { doc: { title: '测算说明' } },
    indicators: {
      insured: {
        label: '参保人数',
        unit: '万人',
        kind: 'stock',
        attribute: 'binding',
        baseline: { value: 195.97, source },
        target: { op: '>=', value: 210, source },
        derivations: { basis: { label: '测算依据', formula: 'compound(186.5, 0.035, 5)', source } },
      },
    },
  };
  edit(m);
  return m;
}

const fails = (r: Validation) => {
  if (r.ok) throw new Error('expected a problem');
  return { path: r.path.join('.'), message: r.message, key: r.key };
};
const spec = (r: Validation) => {
  if (!r.ok) throw new Error(`${r.path.join('.')}: ${r.message}`);
  return r.spec;
};
/** A model written as YAML (to get .inf, .nan and the comma trap exactly as a planner would write them). */
const fromYaml = (edit: string) => YAML.parse(YAML.stringify(model()).replace('formula: compound(186.5, 0.035, 5)', edit));

describe('defaults', () => {
  it('a model without the optional sections gets empty ones, derivations reproducible with no figures', () => {
    const m = spec(validateSpec('model', model())) as ModelSpec;
    expect(m.imports).toEqual({});
    expect(m.groups).toEqual([]);
    expect(m.notes).toEqual([]);
    expect(m.series).toEqual({});
    expect(m.assumptions).toEqual({});
    const ind = m.indicators.insured!;
    expect(ind.stated).toEqual([]);
    expect(ind.derivations.basis).toMatchObject({ status: 'reproducible', stated: [], computed: [] });
    expect('notes_zh' in m).toBe(false);
  });

  it('an indicator without derivations gets an empty map', () => {
    const m = spec(
      validateSpec(
        'model',
        model((x) => delete x.indicators.insured.derivations),
      ),
    ) as ModelSpec;
    expect(m.indicators.insured!.derivations).toEqual({});
  });

  it('a scenario naming only its model gets empty set, uncertain, primary and actuals', () => {
    expect(spec(validateSpec('scenario', { model: 'zhengzhou-hrss-14th' }))).toEqual({
      model: 'zhengzhou-hrss-14th',
      set: {},
      uncertain: {},
      primary: {},
      actuals: {},
    });
  });

  it('defaults are fresh for every file: changing one spec does not reach the next', () => {
    const first = spec(validateSpec('model', model())) as ModelSpec;
    first.groups.push({ id: 'g', label: 'g' });
    first.indicators.insured!.stated.push({ label: 'x', value: 1, expr: '1' });
    const second = spec(validateSpec('model', model())) as ModelSpec;
    expect(second.groups).toEqual([]);
    expect(second.indicators.insured!.stated).toEqual([]);
  });
});

describe('the baseline', () => {
  it('null becomes { value: null }; value: null needs no source', () => {
    const nullBase = spec(
      validateSpec(
        'model',
        model((m) => (m.indicators.insured.baseline = null)),
      ),
    ) as ModelSpec;
    expect(nullBase.indicators.insured!.baseline).toEqual({ value: null });
    const noValue = spec(
      validateSpec(
        'model',
        model((m) => (m.indicators.insured.baseline = { value: null, published: '—' })),
      ),
    );
    expect((noValue as ModelSpec).indicators.insured!.baseline).toEqual({ value: null, published: '—' });
  });

  it('a baseline with a value needs a source, reported at baseline.source', () => {
    expect(
      fails(
        validateSpec(
          'model',
          model((m) => delete m.indicators.insured.baseline.source),
        ),
      ),
    ).toEqual({
      path: 'indicators.insured.baseline.source',
      message: 'a baseline with a value needs a source',
      key: false,
    });
  });
});

describe('numbers must be finite', () => {
  it.each([
    ['baseline', 'value: 195.97', 'value: .inf', 'indicators.insured.baseline.value'],
    ['target', 'value: 210', 'value: -.inf', 'indicators.insured.target.value'],
    ['formula', 'formula: compound(186.5, 0.035, 5)', 'formula: .nan', 'indicators.insured.derivations.basis.formula'],
  ])('%s: %s written as %s', (_name, written, instead, path) => {
    const data = YAML.parse(YAML.stringify(model()).replace(written, instead));
    expect(fails(validateSpec('model', data))).toEqual({ path, message: 'must be a finite number', key: false });
  });

  it('an observed value of .inf in a scenario', () => {
    const data = YAML.parse('model: m\nactuals:\n  insured: { 2021: .inf }\n');
    expect(fails(validateSpec('scenario', data))).toEqual({ path: 'actuals.insured.2021', message: 'must be a finite number', key: false });
  });
});

describe('the first problem, worded for a planner', () => {
  it('an unknown field is reported at its key', () => {
    expect(
      fails(
        validateSpec(
          'model',
          model((m) => (m.indicators.insured.colour = 'red')),
        ),
      ),
    ).toEqual({
      path: 'indicators.insured.colour',
      message: 'unknown field "colour"',
      key: true,
    });
  });

  it('an unquoted expression split at its commas gets the hint to quote it', () => {
    const data = fromYaml('stated: [{ label: 增长率, value: 0.0353, expr: cagr(186.5, 221, 5) }]');
    const problem = fails(validateSpec('model', data));
    expect(problem.path).toBe('indicators.insured.derivations.basis.stated.0.221');
    expect(problem.key).toBe(true);
    expect(problem.message).toBe(
      'unknown field "221": an expression with commas inside { … } was split at its commas — quote this expression (expr: "cagr(186.5, 210, 5)")',
    );
  });

  it('a wrong kind lists the choices', () => {
    expect(
      fails(
        validateSpec(
          'model',
          model((m) => (m.indicators.insured.kind = 'stok')),
        ),
      ),
    ).toEqual({
      path: 'indicators.insured.kind',
      message: 'expected one of "stock", "cumulative", "rate", not "stok"',
      key: false,
    });
  });

  it('an unknown distribution lists the distributions; a missing one says required', () => {
    const scenario = (dist: object) => validateSpec('scenario', { model: 'm', uncertain: { g: dist } });
    expect(fails(scenario({ dist: 'gamma', shape: 2 }))).toEqual({
      path: 'uncertain.g.dist',
      message: 'expected one of "normal", "lognormal", "uniform", "triangular", "pert", "interval", not "gamma"',
      key: false,
    });
    expect(fails(scenario({ mean: 1, sd: 0.1 })).message).toBe(
      'required: one of "normal", "lognormal", "uniform", "triangular", "pert", "interval"',
    );
    expect(fails(scenario({ dist: 'normal', mean: 1, sd: -0.1 }))).toMatchObject({
      path: 'uncertain.g.sd',
      message: 'sd must not be negative',
    });
  });

  it('wrong types, missing fields, lengths and bounds', () => {
    const problem = (edit: (m: Data) => void) => fails(validateSpec('model', model(edit)));
    expect(problem((m) => (m.indicators.insured.target.value = '12%'))).toMatchObject({
      path: 'indicators.insured.target.value',
      message: 'expected a number, not a string ("12%")',
    });
    expect(problem((m) => delete m.indicators.insured.unit)).toEqual({ path: 'indicators.insured.unit', message: 'required', key: false });
    expect(problem((m) => (m.indicators.insured.label = ''))).toMatchObject({ message: 'must not be empty' });
    expect(problem((m) => (m.indicators.insured.derivations.basis.path = 'x'.repeat(2001)))).toMatchObject({
      path: 'indicators.insured.derivations.basis.path',
      message: 'has 2001 characters; at most 2000 allowed',
    });
    expect(problem((m) => (m.indicators.insured.derivations.basis.formula = true))).toMatchObject({
      message: 'expected a number or a string, not true',
    });
    expect(problem((m) => (m.years.base = 2020.5))).toMatchObject({ path: 'years.base', message: 'must be a whole number' });
    expect(problem((m) => (m.indicators.insured.target.source = { ...source, line: 0 }))).toMatchObject({
      path: 'indicators.insured.target.source.line',
      message: 'must be above 0',
    });
    expect(problem((m) => (m.indicators.insured.domain = [0]))).toMatchObject({
      path: 'indicators.insured.domain',
      message: 'expected two numbers [low, high], not a list of 1',
    });
    expect(problem((m) => (m.indicators.insured.baseline = [195.97]))).toEqual({
      path: 'indicators.insured.baseline',
      message: 'expected a mapping, not a list',
      key: false,
    });
  });

  it('a bad name is reported at the key itself', () => {
    expect(
      fails(
        validateSpec(
          'model',
          model((m) => (m.indicators['2nd'] = m.indicators.insured)),
        ),
      ),
    ).toEqual({
      path: 'indicators.2nd',
      message: 'must be an identifier (letters, digits, _; not starting with a digit)',
      key: true,
    });
    expect(fails(validateSpec('scenario', { model: 'm', actuals: { insured: { 21: 190 } } }))).toEqual({
      path: 'actuals.insured.21',
      message: 'must be a year (four digits)',
      key: true,
    });
    // valibot's record() would drop these keys silently
    expect(
      fails(
        validateSpec(
          'model',
          model((m) => (m.indicators.constructor = m.indicators.insured)),
        ),
      ),
    ).toEqual({
      path: 'indicators.constructor',
      message: '"constructor" cannot be used as a name here; choose another',
      key: true,
    });
  });

  it('a list where a map belongs is refused, even an empty one', () => {
    expect(fails(validateSpec('scenario', { model: 'm', set: [0.05] }))).toEqual({
      path: 'set',
      message: 'expected a mapping, not a list',
      key: false,
    });
    expect(
      fails(
        validateSpec(
          'model',
          model((m) => (m.indicators = [])),
        ),
      ),
    ).toEqual({
      path: 'indicators',
      message: 'expected a mapping, not a list',
      key: false,
    });
  });

  it('an observed value: the problem inside { value, source } is found, not "invalid union"', () => {
    const actual = (value: unknown) => fails(validateSpec('scenario', { model: 'm', actuals: { insured: { 2021: value } } }));
    expect(actual('190')).toMatchObject({ path: 'actuals.insured.2021', message: 'expected a number or a mapping, not a string ("190")' });
    expect(actual({ value: '190' })).toMatchObject({
      path: 'actuals.insured.2021.value',
      message: 'expected a number, not a string ("190")',
    });
    expect(actual({ value: 190, source: { url: 'u' } })).toMatchObject({
      path: 'actuals.insured.2021.source.document',
      message: 'required',
    });
  });
});

describe('the shipped models and scenarios', () => {
  /** The file with the defaults the format promises filled in, independently of the schema. */
  function filled(kind: 'model' | 'scenario', d: Data): Data {
    const c = structuredClone(d);
    if (kind === 'scenario') return { set: {}, uncertain: {}, primary: {}, actuals: {}, ...c };
    for (const i of Object.values<Data>(c.indicators)) {
      i.baseline ??= { value: null };
      i.stated ??= [];
      i.derivations ??= {};
      for (const der of Object.values<Data>(i.derivations)) {
        der.status ??= 'reproducible';
        der.stated ??= [];
        der.computed ??= [];
      }
    }
    return { imports: {}, groups: [], notes: [], series: {}, assumptions: {}, ...c };
  }
  const files = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `${dir}/${f}`);

  it.each([...files('models'), ...files('scenarios')])('%s: its spec is the file plus the defaults', (file) => {
    const kind = file.startsWith('models/') ? 'model' : 'scenario';
    const data = YAML.parse(readFileSync(file, 'utf8'));
    const s = spec(validateSpec(kind, data)) as ModelSpec | ScenarioSpec;
    expect(s).toStrictEqual(filled(kind, data));
  });
});
