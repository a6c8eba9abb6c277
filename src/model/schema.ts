/**
 * The model and scenario file formats, as zod schemas.
 * The JSON Schema shipped in schema/ is generated from these (`npm run schema`).
 */
import * as z from 'zod';

const id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier (letters, digits, _; not starting with a digit)');

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** Where a number comes from: which document, which item, the quoted sentence. */
export const sourceSchema = z.strictObject({
  ref: z.string().min(1).describe('key into the model `sources` map'),
  item: z.union([z.string(), z.number()]).optional().describe('item / 测算依据 / table row in the document'),
  line: z.number().int().positive().optional().describe('line in the seed file'),
  quote: z.string().min(1).describe('the sentence quoted verbatim from the document'),
});
export type Source = z.infer<typeof sourceSchema>;

const formula = z.union([finite, z.string().min(1).max(2000)]);

export const statedFigureSchema = z.strictObject({
  label: z.string().min(1),
  value: finite.describe('the figure as the document states it (percentages as ratios when unit is ratio)'),
  unit: z.string().optional(),
  expr: z.string().min(1).max(2000).optional().describe('how to recompute it; default: the derivation formula'),
  approx: z.boolean().optional().describe('the document hedges: 约, 左右, 近, 多, 余'),
  tolerance: finite
    .nonnegative()
    .optional()
    .describe('absolute tolerance for an approximate figure; default max(one unit of the last digit, 1%)'),
  decimals: z.number().int().min(0).max(12).optional().describe('decimals as printed; default: inferred from the YAML text'),
  reproducible: z.boolean().optional().describe('false: the document gives no way to recompute it'),
  note: z.string().optional(),
  note_zh: z.string().optional().describe('the note in Chinese, shown by the TUI (note stays as written)'),
  source: sourceSchema.optional(),
});
export type StatedFigureSpec = z.infer<typeof statedFigureSchema>;

export const computedFigureSchema = z.strictObject({
  label: z.string().min(1),
  expr: z.string().min(1).max(2000),
  unit: z.string().optional(),
  note: z.string().optional(),
});

export const derivationSchema = z.strictObject({
  label: z.string().min(1),
  formula: formula
    .optional()
    .describe('the 2025 value (stock/rate) or five-year total (cumulative); omitted when the document gives no numbers'),
  path: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .describe('year-by-year value in t = 0..5 (stock/rate) or the amount of year t = 1..5 (cumulative)'),
  status: z.enum(['reproducible', 'not_reproducible', 'no_numbers']).default('reproducible'),
  note: z.string().optional(),
  note_zh: z.string().optional().describe('the note in Chinese, shown by the TUI and Chinese reports (note stays as written)'),
  stated: z.array(statedFigureSchema).default([]),
  computed: z.array(computedFigureSchema).default([]),
  text: z
    .string()
    .min(1)
    .max(8000)
    .optional()
    .describe('the 测算依据 as prose for `cesuan write`: {name}, {name:.2%}, {~name} (约), {name~} (左右); see src/model/template.ts'),
  source: sourceSchema,
});
export type DerivationSpec = z.infer<typeof derivationSchema>;

export const comparatorSchema = z.enum(['>=', '<=', '>', '<', '=', '≈']);
export type Comparator = z.infer<typeof comparatorSchema>;

export const indicatorSchema = z.strictObject({
  label: z.string().min(1),
  number: z.string().optional().describe('row number in the plan table, e.g. "6" or "6.1"'),
  unit: z.string().min(1),
  group: z.string().optional(),
  parent: id.optional().describe('for sub-rows (其中…)'),
  kind: z.enum(['stock', 'cumulative', 'rate']),
  attribute: z.enum(['indicative', 'binding', 'unknown']).describe('预期性 indicative, 约束性 binding, or unknown when the source lost it'),
  baseline: z
    .strictObject({
      value: finite.nullable(),
      published: z.string().optional().describe('the table cell as printed'),
      note: z.string().optional(),
      source: sourceSchema.optional().describe('required when value is a number'),
    })
    .refine((b) => b.value === null || b.source !== undefined, { message: 'a baseline with a value needs a source', path: ['source'] })
    .nullable()
    .transform((b) => b ?? { value: null })
    .describe('the base-year value as published; null (or value: null) when the table has none'),
  target: z
    .strictObject({
      op: comparatorSchema,
      value: finite,
      tolerance: finite.nonnegative().optional().describe('for ≈ targets: how close counts as met'),
      published: z.string().optional(),
      proposed: z.boolean().optional().describe('a proposal for the planner to choose (cesuan rollover), not an adopted target'),
      source: sourceSchema,
    })
    .nullable(),
  derivations: z.record(id, derivationSchema).default({}),
  primary: id.optional(),
  chosen: z.strictObject({ value: finite, source: sourceSchema }).optional(),
  domain: z.tuple([finite, finite]).optional().describe('plausible values; default from unit (people ≥ 0, % in 0..100)'),
  stated: z
    .array(statedFigureSchema.extend({ expr: z.string().min(1).max(2000) }))
    .default([])
    .describe('consistency checks between figures the document states in different places'),
  note: z.string().optional(),
  note_zh: z.string().optional().describe('the note in Chinese, shown by the TUI and Chinese reports (note stays as written)'),
});
export type IndicatorSpec = z.infer<typeof indicatorSchema>;

export const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('normal'), mean: finite, sd: finite.nonnegative('sd must not be negative') }),
  z.strictObject({ dist: z.literal('lognormal'), mu: finite, sigma: finite.nonnegative('sigma must not be negative') }),
  z.strictObject({ dist: z.literal('uniform'), min: finite, max: finite }),
  z.strictObject({ dist: z.literal('triangular'), min: finite, mode: finite, max: finite }),
  z.strictObject({ dist: z.literal('pert'), min: finite, mode: finite, max: finite }),
  z.strictObject({ dist: z.literal('interval'), to: z.tuple([finite, finite]) }),
]);
export type DistributionSpec = z.infer<typeof distributionSchema>;

export const assumptionSchema = z.strictObject({
  label: z.string().min(1),
  unit: z.string().min(1),
  default: formula,
  range: z.tuple([finite, finite]).optional(),
  step: finite.positive().optional(),
  back_solved: z.string().optional().describe('the default is back-solved from a stated result; says from what'),
  fixed: z
    .boolean()
    .optional()
    .describe('a historical fact (e.g. a census figure), not a lever: solve, sensitivity and the TUI do not vary it'),
  uncertain: distributionSchema.optional(),
  note: z.string().optional(),
  note_zh: z.string().optional().describe('the note in Chinese, shown by the TUI and Chinese reports (note stays as written)'),
  source: sourceSchema.optional(),
});
export type AssumptionSpec = z.infer<typeof assumptionSchema>;

export const seriesSchema = z.strictObject({
  label: z.string().min(1),
  unit: z.string().min(1),
  years: z.array(z.number().int()).min(1),
  values: z.array(finite).min(1),
  note: z.string().optional(),
  source: sourceSchema,
});
export type SeriesSpec = z.infer<typeof seriesSchema>;

export const modelSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case kebab-case'),
  title: z.string().min(1),
  region: z.string().optional(),
  years: z.strictObject({ base: z.number().int(), target: z.number().int() }),
  sources: z.record(z.string(), z.strictObject({ title: z.string(), file: z.string().optional(), note: z.string().optional() })),
  imports: z.record(id, z.string().min(1)).default({}).describe('alias → model id or path; use as alias.name in formulas'),
  groups: z.array(z.strictObject({ id, label: z.string() })).default([]),
  notes: z.array(z.string()).default([]),
  notes_zh: z.array(z.string()).optional().describe('the notes in Chinese, shown by the TUI (notes stay as written)'),
  series: z.record(id, seriesSchema).default({}),
  assumptions: z.record(id, assumptionSchema).default({}),
  indicators: z.record(id, indicatorSchema),
});
export type ModelSpec = z.infer<typeof modelSchema>;

/** Where an observed value comes from: a plain citation, or a document with line and quoted sentence. */
export const actualSourceSchema = z.union([
  z.string().min(1),
  z.strictObject({
    document: z.string().min(1).describe('title of the publication (统计公报, 人社 statistics report, press release)'),
    url: z.string().optional(),
    line: z.number().int().positive().optional(),
    quote: z.string().min(1).optional().describe('the sentence quoted verbatim'),
    note: z.string().optional(),
  }),
]);
export type ActualSource = z.infer<typeof actualSourceSchema>;
const actualSchema = z.strictObject({ value: finite, source: actualSourceSchema.optional(), note: z.string().optional() });

export const scenarioSchema = z.strictObject({
  model: z.string().min(1).describe('model id or path (relative to the scenario file)'),
  name: z.string().optional(),
  description: z.string().optional(),
  set: z.record(z.string(), formula).default({}).describe('assumption overrides, literal or expression; alias.name for imported models'),
  uncertain: z.record(z.string(), distributionSchema).default({}),
  primary: z.record(z.string(), id).default({}).describe('indicator → derivation: drive the projection by another 测算依据'),
  actuals: z
    .record(z.string(), z.record(z.string().regex(/^\d{4}$/), z.union([finite, actualSchema])))
    .default({})
    .describe('indicator → year → observed value (stock: year-end; cumulative: that year’s amount), or { value, source }'),
});
export type ScenarioSpec = z.infer<typeof scenarioSchema>;
