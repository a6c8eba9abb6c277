/**
 * The model and scenario file formats, as valibot schemas (valibot rather than zod: ~2 ms to load and ~8 ms
 * to check a large model cold, against ~50 ms, in a CLI whose first run should cost little more than Node).
 * Messages that are not set here are written by validate.ts. The JSON Schema shipped in schema/ is generated
 * from these (`npm run schema`).
 */
import * as v from 'valibot';

const id = v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier (letters, digits, _; not starting with a digit)'));

// v.number() takes Infinity (YAML .inf) and refuses NaN; validate.ts words NaN the same way
const finite = v.pipe(v.number(), v.finite('must be a finite number'));
const integer = v.pipe(v.number(), v.safeInteger());
const nonEmpty = v.pipe(v.string(), v.minLength(1));
const expression = v.pipe(v.string(), v.minLength(1), v.maxLength(2000));
const describe = <T extends v.GenericSchema>(schema: T, description: string) => v.pipe(schema, v.description(description));

// two finite numbers [low, high]; an array of length 2 rather than a tuple so that a short list is named as such
const pair = v.pipe(
  v.array(finite),
  v.length(2, (issue) => `expected two numbers [low, high], not a list of ${issue.input.length}`),
) as unknown as v.GenericSchema<[number, number], [number, number]>;

/** Where a number comes from: which document, which item, the quoted sentence. */
export const sourceSchema = v.strictObject({
  ref: describe(nonEmpty, 'key into the model `sources` map'),
  item: v.optional(describe(v.union([v.string(), finite]), 'item / 测算依据 / table row in the document')),
  line: v.optional(describe(v.pipe(integer, v.gtValue(0)), 'line in the seed file')),
  quote: describe(nonEmpty, 'the sentence quoted verbatim from the document'),
});
export type Source = v.InferOutput<typeof sourceSchema>;

const formula = v.union([finite, expression]);

export const statedFigureSchema = v.strictObject({
  label: nonEmpty,
  value: describe(finite, 'the figure as the document states it (percentages as ratios when unit is ratio)'),
  unit: v.optional(v.string()),
  expr: v.optional(describe(expression, 'how to recompute it; default: the derivation formula')),
  approx: v.optional(describe(v.boolean(), 'the document hedges: 约, 左右, 近, 多, 余')),
  tolerance: v.optional(
    describe(v.pipe(finite, v.minValue(0)), 'absolute tolerance for an approximate figure; default max(one unit of the last digit, 1%)'),
  ),
  decimals: v.optional(
    describe(v.pipe(integer, v.minValue(0), v.maxValue(12)), 'decimals as printed; default: inferred from the YAML text'),
  ),
  reproducible: v.optional(describe(v.boolean(), 'false: the document gives no way to recompute it')),
  note: v.optional(v.string()),
  note_zh: v.optional(describe(v.string(), 'the note in Chinese, shown by the TUI (note stays as written)')),
  source: v.optional(sourceSchema),
});
export type StatedFigureSpec = v.InferOutput<typeof statedFigureSchema>;

export const computedFigureSchema = v.strictObject({
  label: nonEmpty,
  expr: expression,
  unit: v.optional(v.string()),
  note: v.optional(v.string()),
});

const noteZh = () => v.optional(describe(v.string(), 'the note in Chinese, shown by the TUI and Chinese reports (note stays as written)'));

export const derivationSchema = v.strictObject({
  label: nonEmpty,
  formula: v.optional(
    describe(formula, 'the 2025 value (stock/rate) or five-year total (cumulative); omitted when the document gives no numbers'),
  ),
  path: v.optional(describe(expression, 'year-by-year value in t = 0..5 (stock/rate) or the amount of year t = 1..5 (cumulative)')),
  status: v.optional(v.picklist(['reproducible', 'not_reproducible', 'no_numbers']), 'reproducible'),
  note: v.optional(v.string()),
  note_zh: noteZh(),
  stated: v.optional(v.array(statedFigureSchema), []),
  computed: v.optional(v.array(computedFigureSchema), []),
  text: v.optional(
    describe(
      v.pipe(v.string(), v.minLength(1), v.maxLength(8000)),
      'the 测算依据 as prose for `cesuan write`: {name}, {name:.2%}, {~name} (约), {name~} (左右); see src/model/template.ts',
    ),
  ),
  source: sourceSchema,
});
export type DerivationSpec = v.InferOutput<typeof derivationSchema>;

export const comparatorSchema = v.picklist(['>=', '<=', '>', '<', '=', '≈']);
export type Comparator = v.InferOutput<typeof comparatorSchema>;

const baselineSchema = v.pipe(
  v.nullable(
    v.pipe(
      v.strictObject({
        value: v.nullable(finite),
        published: v.optional(describe(v.string(), 'the table cell as printed')),
        note: v.optional(v.string()),
        source: v.optional(describe(sourceSchema, 'required when value is a number')),
      }),
      v.forward(
        v.check((b) => b.value === null || b.source !== undefined, 'a baseline with a value needs a source'),
        ['source'],
      ),
    ),
  ),
  v.description('the base-year value as published; null (or value: null) when the table has none'),
  v.transform((b) => b ?? { value: null }),
);

export const indicatorSchema = v.strictObject({
  label: nonEmpty,
  number: v.optional(describe(v.string(), 'row number in the plan table, e.g. "6" or "6.1"')),
  unit: nonEmpty,
  group: v.optional(v.string()),
  parent: v.optional(describe(id, 'for sub-rows (其中…)')),
  kind: v.picklist(['stock', 'cumulative', 'rate']),
  attribute: describe(
    v.picklist(['indicative', 'binding', 'unknown']),
    '预期性 indicative, 约束性 binding, or unknown when the source lost it',
  ),
  baseline: baselineSchema,
  target: v.nullable(
    v.strictObject({
      op: comparatorSchema,
      value: finite,
      tolerance: v.optional(describe(v.pipe(finite, v.minValue(0)), 'for ≈ targets: how close counts as met')),
      published: v.optional(v.string()),
      proposed: v.optional(describe(v.boolean(), 'a proposal for the planner to choose (cesuan rollover), not an adopted target')),
      source: sourceSchema,
    }),
  ),
  derivations: v.optional(v.record(id, derivationSchema), {}),
  primary: v.optional(id),
  chosen: v.optional(v.strictObject({ value: finite, source: sourceSchema })),
  domain: v.optional(describe(pair, 'plausible values; default from unit (people ≥ 0, % in 0..100)')),
  stated: v.optional(
    describe(
      v.array(v.strictObject({ ...statedFigureSchema.entries, expr: expression })),
      'consistency checks between figures the document states in different places',
    ),
    [],
  ),
  note: v.optional(v.string()),
  note_zh: noteZh(),
});
export type IndicatorSpec = v.InferOutput<typeof indicatorSchema>;

export const distributionSchema = v.variant('dist', [
  v.strictObject({ dist: v.literal('normal'), mean: finite, sd: v.pipe(finite, v.minValue(0, 'sd must not be negative')) }),
  v.strictObject({ dist: v.literal('lognormal'), mu: finite, sigma: v.pipe(finite, v.minValue(0, 'sigma must not be negative')) }),
  v.strictObject({ dist: v.literal('uniform'), min: finite, max: finite }),
  v.strictObject({ dist: v.literal('triangular'), min: finite, mode: finite, max: finite }),
  v.strictObject({ dist: v.literal('pert'), min: finite, mode: finite, max: finite }),
  v.strictObject({ dist: v.literal('interval'), to: pair }),
]);
export type DistributionSpec = v.InferOutput<typeof distributionSchema>;

export const assumptionSchema = v.strictObject({
  label: nonEmpty,
  unit: nonEmpty,
  default: formula,
  range: v.optional(pair),
  step: v.optional(v.pipe(finite, v.gtValue(0))),
  back_solved: v.optional(describe(v.string(), 'the default is back-solved from a stated result; says from what')),
  fixed: v.optional(
    describe(v.boolean(), 'a historical fact (e.g. a census figure), not a lever: solve, sensitivity and the TUI do not vary it'),
  ),
  uncertain: v.optional(distributionSchema),
  note: v.optional(v.string()),
  note_zh: noteZh(),
  source: v.optional(sourceSchema),
});
export type AssumptionSpec = v.InferOutput<typeof assumptionSchema>;

export const seriesSchema = v.strictObject({
  label: nonEmpty,
  unit: nonEmpty,
  years: v.pipe(v.array(integer), v.minLength(1)),
  values: v.pipe(v.array(finite), v.minLength(1)),
  note: v.optional(v.string()),
  source: sourceSchema,
});
export type SeriesSpec = v.InferOutput<typeof seriesSchema>;

export const modelSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case kebab-case')),
  title: nonEmpty,
  region: v.optional(v.string()),
  years: v.strictObject({ base: integer, target: integer }),
  sources: v.record(v.string(), v.strictObject({ title: v.string(), file: v.optional(v.string()), note: v.optional(v.string()) })),
  imports: v.optional(describe(v.record(id, nonEmpty), 'alias → model id or path; use as alias.name in formulas'), {}),
  groups: v.optional(v.array(v.strictObject({ id, label: v.string() })), []),
  notes: v.optional(v.array(v.string()), []),
  notes_zh: v.optional(describe(v.array(v.string()), 'the notes in Chinese, shown by the TUI (notes stay as written)')),
  series: v.optional(v.record(id, seriesSchema), {}),
  assumptions: v.optional(v.record(id, assumptionSchema), {}),
  indicators: v.record(id, indicatorSchema),
});
export type ModelSpec = v.InferOutput<typeof modelSchema>;

/** Where an observed value comes from: a plain citation, or a document with line and quoted sentence. */
export const actualSourceSchema = v.union([
  nonEmpty,
  v.strictObject({
    document: describe(nonEmpty, 'title of the publication (统计公报, 人社 statistics report, press release)'),
    url: v.optional(v.string()),
    line: v.optional(v.pipe(integer, v.gtValue(0))),
    quote: v.optional(describe(nonEmpty, 'the sentence quoted verbatim')),
    note: v.optional(v.string()),
  }),
]);
export type ActualSource = v.InferOutput<typeof actualSourceSchema>;
const actualSchema = v.strictObject({ value: finite, source: v.optional(actualSourceSchema), note: v.optional(v.string()) });
const year = v.pipe(v.string(), v.regex(/^\d{4}$/, 'must be a year (four digits)'));

export const scenarioSchema = v.strictObject({
  model: describe(nonEmpty, 'model id or path (relative to the scenario file)'),
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  set: v.optional(
    describe(v.record(v.string(), formula), 'assumption overrides, literal or expression; alias.name for imported models'),
    {},
  ),
  uncertain: v.optional(v.record(v.string(), distributionSchema), {}),
  primary: v.optional(describe(v.record(v.string(), id), 'indicator → derivation: drive the projection by another 测算依据'), {}),
  actuals: v.optional(
    describe(
      v.record(v.string(), v.record(year, v.union([finite, actualSchema]))),
      'indicator → year → observed value (stock: year-end; cumulative: that year’s amount), or { value, source }',
    ),
    {},
  ),
});
export type ScenarioSpec = v.InferOutput<typeof scenarioSchema>;
