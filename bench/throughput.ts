/**
 * Throughput of a full evaluation of the Zhengzhou model (every slot of its graph, the imported Henan model
 * included: assumption defaults, derivations, indicator projections) — what the TUI, sweeps and Monte Carlo
 * do thousands of times — against
 *   - the limit: a hand-written TypeScript function of the same formulas (straight-line code calling the
 *     method functions directly), and
 *   - naive: mathjs's `evaluate(string, scope)` per formula per evaluation (parse + compile + run each time).
 * Every evaluation changes one assumption so nothing can be hoisted out of the loop. The engine is timed on its
 * default path (runProgram moves a program to straight-line code after a few full runs, see
 * src/engine/graph/straight-line.ts) and, for reference, on its per-slot closures. All are checked to agree before
 * timing. Medians over repeats, interleaved; ratios from the same run.
 *
 *     npm run bench            (all benchmarks)
 *     npx tsx bench/throughput.ts [--repeats 15] [--ms 150]
 *
 * Goals (issue 7): engine ≥ 50% of the limit, ≥ 20× naive.
 */
import { all, create } from 'mathjs';
import { Evaluator } from '../src/engine/graph/evaluate.js';
import { cagr } from '../src/engine/methods/cagr.js';
import { compound } from '../src/engine/methods/compound.js';
import { decay } from '../src/engine/methods/decay.js';
import { METHODS } from '../src/engine/methods/index.js';
import { linear } from '../src/engine/methods/linear.js';
import { meanGrowth } from '../src/engine/methods/mean-growth.js';
import { mean } from '../src/engine/methods/mean.js';
import { regress } from '../src/engine/methods/regress.js';
import { share } from '../src/engine/methods/share.js';
import { compileProgram, runProgram } from '../src/engine/graph/program.js';
import type { Value } from '../src/engine/types.js';
import { loadModel } from '../src/model/load.js';

const MODEL = 'models/zhengzhou-hrss-14th.yaml';
/** the assumption every evaluation changes */
const VARIED = 'new_jobs_share';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPEATS = arg('repeats', Number(process.env['BENCH_REPEATS'] ?? 15));
const SLICE_MS = arg('ms', 150);

const model = loadModel(MODEL);
const program = compileProgram(model);
const published = runProgram(program);
const slot = (key: string) => {
  const s = program.slotOf.get(key);
  if (s === undefined) throw new Error(`${MODEL} has no "${key}": bench/throughput.ts is out of date with the model`);
  return s;
};
const num = (key: string) => published[slot(key)] as number;
const series = (key: string) => published[slot(key)] as number[];
const variedSlot = slot(VARIED);
const variedBase = num(VARIED);
const variedAt = (i: number) => variedBase * (1 + (i % 97) * 1e-4);

// ── the limit: the Zhengzhou graph written out by hand ────────────────────────────────────────────────────
const inputs = {
  h_gdp_2020: num('henan.gdp_2020'),
  h_new_jobs_total: num('henan.new_jobs_total'),
  h_cert_new_2020: num('henan.cert_new_2020'),
  h_cert_new_total: num('henan.cert_new_total'),
  h_high_skill_2020: num('henan.high_skill_2020'),
  h_mediation_success_rate: num('henan.mediation_success_rate'),
  h_arbitration_closure_rate: num('henan.arbitration_closure_rate'),
  new_jobs_share: variedBase,
  new_jobs_per_year: num('new_jobs_per_year'),
  unemployment_rate_current: num('unemployment_rate_current'),
  unemployment_rate_uplift: num('unemployment_rate_uplift'),
  pension_urban_step: num('pension_urban_step'),
  pension_rural_growth: num('pension_rural_growth'),
  injury_growth_basis1: num('injury_growth_basis1'),
  high_title_increase: num('high_title_increase'),
  arbitration_margin: num('arbitration_margin'),
  resident_pop_2019: num('resident_pop_2019'),
  pop_increase_per_year: num('pop_increase_per_year'),
  ecard_working_age_uptake: num('ecard_working_age_uptake'),
  ecard_other_uptake: num('ecard_other_uptake'),
  tech_talent_baseline: num('tech_talent.baseline'),
  high_skill_talent_baseline: num('high_skill_talent.baseline'),
  rural_transfer_increments: series('rural_transfer_increments'),
  returnee_entrepreneurs: series('returnee_entrepreneurs'),
  rural_skills_training: series('rural_skills_training'),
  unemployment_insured_series: series('unemployment_insured_series'),
  injury_provincial_targets: series('injury_provincial_targets'),
  high_title_new: series('high_title_new'),
  cert_new: series('cert_new'),
};
type Inputs = typeof inputs;
const last = (s: number[]) => s[s.length - 1]!;
const YEARS_2015_2020 = [2015, 2016, 2017, 2018, 2019, 2020];

/** Output order of `limit` (engine keys), for the agreement check. */
const LIMIT_KEYS = [
  'henan.tech_talent_2025',
  'henan.high_skill_2025',
  'tech_talent_gdp_share',
  'high_skill_share',
  'mediation_success_rate.basis',
  'rural_labour_transfer.trend',
  'returnee_per_year',
  'rural_skills_training_total.trend',
  'unemployment_insured_growth',
  'unemployment_insured.trend',
  'injury_growth',
  'high_title_annual',
  'cert_share',
  'new_urban_jobs.basis1',
  'new_urban_jobs.basis2',
  'unemployment_rate.basis',
  'pension_urban.basis',
  'pension_rural.basis',
  'injury_insured.basis1',
  'high_title_talent.basis2',
  'arbitration_closure_rate.basis',
  'card_coverage_2025',
  'social_card_holders.basis',
  'ecard_coverage.basis',
  'tech_talent_growth_basis1',
  'high_skill_growth_basis1',
  'tech_talent.basis2',
  'high_skill_talent.basis2',
  'returnee_entrepreneurship.trend',
  'unemployment_insured.chosen_path',
  'injury_insured.basis2',
  'high_title_talent.basis1',
  'cert_new_professional.basis',
  'tech_talent.basis1',
  'high_skill_talent.basis1',
  'pension_insured.sum_of_parts',
] as const;

function limit(p: Inputs, out: Float64Array): void {
  const techTalent2025 = 130 / 0.218;
  const highSkill2025 = 57 / (34 / p.h_high_skill_2020);
  const techTalentGdpShare = 12003 / p.h_gdp_2020;
  const highSkillShare = 34 / p.h_high_skill_2020;
  const unemploymentInsuredGrowth = cagr(last(p.unemployment_insured_series), 277, 5);
  const injuryGrowth = meanGrowth(p.injury_provincial_targets);
  const returneePerYear = mean(p.returnee_entrepreneurs);
  const highTitleAnnual = mean(p.high_title_new);
  const certShare = last(p.cert_new) / p.h_cert_new_2020;
  const cardCoverage = 1100 / 1200;
  const techGrowth1 = cagr(p.tech_talent_baseline, 104, 5);
  const highSkillGrowth1 = cagr(p.high_skill_talent_baseline, 39, 5);
  const pensionUrban = linear(568.14, p.pension_urban_step, 5);
  const pensionRural = compound(233.83, p.pension_rural_growth, 5);
  out[0] = techTalent2025;
  out[1] = highSkill2025;
  out[2] = techTalentGdpShare;
  out[3] = highSkillShare;
  out[4] = p.h_mediation_success_rate;
  out[5] = decay(p.rural_transfer_increments, 5);
  out[6] = returneePerYear;
  out[7] = decay(p.rural_skills_training, 5);
  out[8] = unemploymentInsuredGrowth;
  out[9] = regress(YEARS_2015_2020, p.unemployment_insured_series, 2025);
  out[10] = injuryGrowth;
  out[11] = highTitleAnnual;
  out[12] = certShare;
  out[13] = share(p.h_new_jobs_total, p.new_jobs_share);
  out[14] = p.new_jobs_per_year * 5;
  out[15] = p.unemployment_rate_current + p.unemployment_rate_uplift;
  out[16] = pensionUrban;
  out[17] = pensionRural;
  out[18] = compound(195.97, p.injury_growth_basis1, 5);
  out[19] = 4.59 + p.high_title_increase;
  out[20] = p.h_arbitration_closure_rate + p.arbitration_margin;
  out[21] = cardCoverage;
  out[22] = (p.resident_pop_2019 + p.pop_increase_per_year * 6) * cardCoverage;
  out[23] = ((784.4 * p.ecard_working_age_uptake + (168.1 + 82.6) * p.ecard_other_uptake) / p.resident_pop_2019) * 100;
  out[24] = techGrowth1;
  out[25] = highSkillGrowth1;
  out[26] = share(techTalent2025, techTalentGdpShare);
  out[27] = share(highSkill2025, highSkillShare);
  out[28] = returneePerYear * 5;
  out[29] = compound(last(p.unemployment_insured_series), unemploymentInsuredGrowth, 5);
  out[30] = compound(186.5, injuryGrowth, 5);
  out[31] = 4.59 + highTitleAnnual * 5;
  out[32] = share(p.h_cert_new_total, certShare);
  out[33] = compound(p.tech_talent_baseline, techGrowth1, 5);
  out[34] = compound(p.high_skill_talent_baseline, highSkillGrowth1, 5);
  out[35] = pensionUrban + pensionRural;
}

// ── naive: mathjs evaluate(string) per formula, every time ───────────────────────────────────────────────
const math = create(all!, { matrix: 'Array' });
math.import(
  Object.fromEntries(
    Object.entries(METHODS)
      .filter(([n]) => n !== 'at')
      .map(([n, m]) => [n, m.fn]),
  ),
  { override: true },
);
const flat = (key: string) => key.replace(/\./g, '__');
const aliases = Object.keys(model.imports);
const naiveSteps = program.order.map((s) => {
  const node = program.nodes[s]!;
  if (!node.expr) return { name: flat(node.key), constant: node.constant as Value };
  // names in an imported model's formula are relative to that model
  const prefix = aliases.find((a) => node.key.startsWith(`${a}.`) && node.kind !== 'derivation' && node.kind !== 'indicator') ?? '';
  const text = node.expr.text.replace(/(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?!\s*\(|\w)/g, (name: string) =>
    program.slotOf.has(prefix ? `${prefix}.${name}` : name) ? flat(prefix ? `${prefix}.${name}` : name) : name,
  );
  return { name: flat(node.key), text };
});
const variedName = flat(VARIED);
function naive(scope: Record<string, unknown>, varied: number): void {
  for (const step of naiveSteps) {
    if (step.text !== undefined) scope[step.name] = math.evaluate(step.text, scope);
    else scope[step.name] = step.name === variedName ? varied : step.constant;
  }
}

// ── the engine: every slot of the compiled graph, the varied assumption pinned ───────────────────────────
// runProgram moves a program to straight-line code (src/engine/graph/straight-line.ts) after a few full runs of
// `program.order`; given a copy of the order it keeps to the per-slot closures, the reference path.
const closureOrder = [...program.order];
const values: Value[] = new Array(program.nodes.length);
const pinned = new Map<number, number>();
function engine(varied: number, order = program.order): Value[] {
  pinned.set(variedSlot, varied);
  return runProgram(program, values, order, pinned);
}

// ── agreement ─────────────────────────────────────────────────────────────────────────────────────────────
function agree(): string[] {
  const problems: string[] = [];
  const v = variedAt(41);
  const closures = [...engine(v, closureOrder)];
  for (let i = 0; i < 20; i++) engine(variedAt(i)); // past the tier-up to straight-line code
  const e = engine(v);
  program.order.forEach((s) => {
    if (!Object.is(e[s], closures[s]) && JSON.stringify(e[s]) !== JSON.stringify(closures[s]))
      problems.push(`straight-line ${program.nodes[s]!.key}: ${e[s]} ≠ closures ${closures[s]}`);
  });
  const out = new Float64Array(LIMIT_KEYS.length);
  limit({ ...inputs, new_jobs_share: v }, out);
  const scope: Record<string, unknown> = {};
  naive(scope, v);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  LIMIT_KEYS.forEach((key, i) => {
    const ev = e[slot(key)] as number;
    if (!close(ev, out[i]!)) problems.push(`limit ${key}: ${out[i]} ≠ engine ${ev}`);
  });
  for (const s of program.order) {
    const node = program.nodes[s]!;
    const ev = e[s]!;
    const nv = scope[flat(node.key)] as Value;
    const same = Array.isArray(ev) ? Array.isArray(nv) && ev.every((x, i) => close(x, nv[i]!)) : typeof nv === 'number' && close(ev, nv);
    if (!same) problems.push(`naive ${node.key}: ${JSON.stringify(nv)} ≠ engine ${JSON.stringify(ev)}`);
  }
  // indicator slots only name their primary derivation: the limit needs no code for them
  const computed = program.order.filter((s) => program.nodes[s]!.expr && program.nodes[s]!.kind !== 'indicator').length;
  if (computed !== LIMIT_KEYS.length)
    problems.push(`the model computes ${computed} formulas, the limit ${LIMIT_KEYS.length}: bench/throughput.ts is out of date`);
  return problems;
}

// ── timing ───────────────────────────────────────────────────────────────────────────────────────────────
let sink = 0;
const variants: Record<string, (i: number) => void> = {
  limit: (() => {
    const out = new Float64Array(LIMIT_KEYS.length);
    const p = { ...inputs };
    return (i: number) => {
      p.new_jobs_share = variedAt(i);
      limit(p, out);
      sink += out[35]!;
    };
  })(),
  engine: (i: number) => {
    sink += engine(variedAt(i))[slot('pension_insured')] as number;
  },
  'engine, closures only': (i: number) => {
    sink += engine(variedAt(i), closureOrder)[slot('pension_insured')] as number;
  },
  'engine, one assumption (Evaluator.set)': (() => {
    const ev = new Evaluator(model);
    return (i: number) => {
      ev.set(VARIED, variedAt(i));
      sink += ev.value('new_urban_jobs.basis1') as number;
    };
  })(),
  naive: (() => {
    const scope: Record<string, unknown> = {};
    return (i: number) => {
      naive(scope, variedAt(i));
      sink += scope['pension_insured'] as number;
    };
  })(),
};

/** evaluations per second over one slice of SLICE_MS */
function rate(f: (i: number) => void, ms: number): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 16; k++) f(n++);
    now = performance.now();
  }
  return (n / (now - start)) * 1000;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const problems = agree();
if (problems.length) {
  console.error(`throughput: the three implementations disagree on ${MODEL}:\n  ${problems.slice(0, 10).join('\n  ')}`);
  process.exit(1);
}
const names = Object.keys(variants);
for (const n of names) rate(variants[n]!, 300); // warm up: let V8 optimise each
const rates: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < REPEATS; r++) for (const n of names) rates[n]!.push(rate(variants[n]!, n === 'naive' ? SLICE_MS * 2 : SLICE_MS));

const med = Object.fromEntries(names.map((n) => [n, median(rates[n]!)]));
const fmt = (x: number) => (x >= 1e4 ? `${(x / 1000).toFixed(0)}k` : x.toFixed(0));
console.log(
  `throughput — ${MODEL}: ${program.nodes.length} slots, ${LIMIT_KEYS.length} formulas; full evaluations per second (median of ${REPEATS} × ${SLICE_MS} ms, Node ${process.version})`,
);
for (const n of names)
  console.log(`  ${n.padEnd(40)} ${fmt(med[n]!).padStart(8)}/s   ${(1e6 / med[n]!).toFixed(2).padStart(9)} µs per evaluation`);
const ofLimit = med['engine']! / med['limit']!;
const overNaive = med['engine']! / med['naive']!;
console.log(
  `  engine / limit = ${(ofLimit * 100).toFixed(0)}%   (goal ≥ 50%)  ${ofLimit >= 0.5 ? 'ok' : 'MISSED'}   closures only: ${((med['engine, closures only']! / med['limit']!) * 100).toFixed(0)}%`,
);
console.log(`  engine / naive = ${overNaive.toFixed(0)}×   (goal ≥ 20×)  ${overNaive >= 20 ? 'ok' : 'MISSED'}`);
console.log(
  '  (engine: straight-line code after a few full runs, which computes once what no assumption reaches; the limit recomputes every formula)',
);
if (ofLimit < 0.5 || overNaive < 20) process.exitCode = 1;
if (!Number.isFinite(sink)) console.log('  (sink', sink, ')');
