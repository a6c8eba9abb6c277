/**
 * Semantic checks of `uncertain:` distributions, in models and scenarios. The valibot schema checks types;
 * these check that a distribution means something: min below max, the mode between them, a positive
 * spread, and enough of it inside the assumption's range (the sampler truncates to the range). Each error
 * names file:line:col and the field.
 */
import { cutTo, shapeOf } from './distribution-shape.js';
import type { Position } from './types.js';
import { CesuanError } from './errors.js';
import type { FieldPath, LoadedModel } from './types.js';
import type { AssumptionSpec, DistributionSpec, ModelSpec, ScenarioSpec } from './schema.js';

/** Less than this share of a distribution inside the assumption's range is taken for a mistake. */
export const MIN_MASS_IN_RANGE = 0.01;

/** An assumption by qualified key (`injury_growth`, `henan.gdp_growth`), following imports. */
export function findAssumption(model: LoadedModel, key: string): { spec: AssumptionSpec; owner: LoadedModel; id: string } | undefined {
  const parts = key.split('.');
  let owner = model;
  for (const alias of parts.slice(0, -1)) {
    const next = Object.hasOwn(owner.imports, alias) ? owner.imports[alias] : undefined;
    if (!next) return undefined;
    owner = next;
  }
  const id = parts[parts.length - 1]!;
  const spec = Object.hasOwn(owner.spec.assumptions, id) ? owner.spec.assumptions[id] : undefined;
  return spec ? { spec, owner, id } : undefined;
}

function percent(x: number): string {
  if (x === 0) return '0%';
  if (x < 0.0001) return 'less than 0.01%';
  return `${Number((x * 100).toPrecision(2))}%`;
}

function short(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** One-line description, e.g. `triangular(0.015, 0.025, 0.04)`. */
export function describeDistribution(d: DistributionSpec): string {
  switch (d.dist) {
    case 'normal':
      return `normal(mean ${short(d.mean)}, sd ${short(d.sd)})`;
    case 'lognormal':
      return `lognormal(mu ${short(d.mu)}, sigma ${short(d.sigma)})`;
    case 'uniform':
      return `uniform(${short(d.min)}, ${short(d.max)})`;
    case 'triangular':
      return `triangular(${short(d.min)}, ${short(d.mode)}, ${short(d.max)})`;
    case 'pert':
      return `pert(${short(d.min)}, ${short(d.mode)}, ${short(d.max)})`;
    case 'interval':
      return `90% in [${short(d.to[0])}, ${short(d.to[1])}]`;
  }
}

/**
 * Check one distribution.
 * @param at where a field of the distribution was written (`[]` = the distribution itself)
 * @param field dotted name of the distribution (e.g. `assumptions.injury_growth.uncertain`)
 */
export function checkDistribution(
  d: DistributionSpec,
  assumption: Pick<AssumptionSpec, 'range' | 'unit'>,
  at: (sub: FieldPath) => Position,
  field: string,
): void {
  const fail = (message: string, sub: FieldPath = []): never => {
    throw new CesuanError(message, at(sub), [field, ...sub].join('.'));
  };
  const noSpread = 'the distribution has no spread; to fix the value use `set:` (scenario) or `default:` instead';
  switch (d.dist) {
    case 'normal':
      if (d.sd === 0) fail(`sd is 0: ${noSpread}`, ['sd']);
      break;
    case 'lognormal':
      if (d.sigma === 0) fail(`sigma is 0: ${noSpread}`, ['sigma']);
      break;
    case 'uniform':
      if (d.min > d.max) fail(`min ${d.min} is above max ${d.max}`, ['min']);
      if (d.min === d.max) fail(`min and max are both ${d.min}: ${noSpread}`, ['max']);
      break;
    case 'triangular':
    case 'pert':
      if (d.min > d.max) fail(`min ${d.min} is above max ${d.max}`, ['min']);
      if (d.min === d.max) fail(`min and max are both ${d.min}: ${noSpread}`, ['max']);
      if (d.mode < d.min || d.mode > d.max) fail(`mode ${d.mode} is outside [min, max] = [${d.min}, ${d.max}]`, ['mode']);
      break;
    case 'interval':
      if (d.to[0] > d.to[1]) fail(`the interval [${d.to[0]}, ${d.to[1]}] runs backwards: write the low end first`, ['to']);
      if (d.to[0] === d.to[1]) fail(`the interval [${d.to[0]}, ${d.to[1]}] is empty: ${noSpread}`, ['to']);
      break;
  }
  const range = assumption.range;
  if (!range) return;
  const { mass } = cutTo(shapeOf(d), range);
  if (mass >= MIN_MASS_IN_RANGE) return;
  const median = shapeOf(d).quantile(0.5);
  const hints: string[] = [];
  if (assumption.unit === 'ratio' && d.dist !== 'lognormal' && Math.abs(median) > 1 && range[1] <= 1)
    hints.push(`rates are ratios here (0.035 = 3.5%)`);
  if (d.dist === 'lognormal') {
    const mid = (range[0] + range[1]) / 2;
    hints.push(
      `mu and sigma are of ln x (this median is e^mu = ${short(median)})${mid > 0 ? `; for a median of ${short(mid)} write mu: ${short(Math.log(mid))}` : ''}`,
    );
  }
  fail(
    `${describeDistribution(d)} puts ${percent(mass)} of its probability inside the assumption's range [${range[0]}, ${range[1]}] (it is cut to the range; at least ${percent(MIN_MASS_IN_RANGE)} must remain)${hints.length ? `; ${hints.join('; ')}` : ''}`,
  );
}

/** Every `assumptions.<id>.uncertain` of a model. */
export function checkModelDistributions(spec: ModelSpec, locate: (path: FieldPath) => Position): void {
  for (const [id, a] of Object.entries(spec.assumptions)) {
    if (!a.uncertain) continue;
    const base: FieldPath = ['assumptions', id, 'uncertain'];
    checkDistribution(a.uncertain, a, (sub) => locate([...base, ...sub]), base.join('.'));
  }
}

/** Every `uncertain.<key>` of a scenario: the key must be an assumption of the model (or of an import). */
export function checkScenarioDistributions(spec: ScenarioSpec, locate: (path: FieldPath) => Position, model: LoadedModel): void {
  for (const [key, d] of Object.entries(spec.uncertain)) {
    const found = findAssumption(model, key);
    if (!found) {
      const known = Object.keys(model.spec.assumptions);
      throw new CesuanError(
        `"${key}" is not an assumption of ${model.spec.id} (assumptions: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}; imported ones as alias.name)`,
        locate(['uncertain', key]),
        `uncertain.${key}`,
      );
    }
    checkDistribution(d, found.spec, (sub) => locate(['uncertain', key, ...sub]), `uncertain.${key}`);
  }
}
