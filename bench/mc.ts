/**
 * Monte Carlo speed: 100,000 samples of the full Zhengzhou model under scenarios/zhengzhou-uncertain.yaml
 * (11 distributions; every derivation and indicator they reach) through the engine — monteCarlo(): draw,
 * evaluate the graph column-wise, summarise (mean, P5–P95, P(met)) — against
 *   (a) the limit: a hand-written TypeScript loop of the same formulas, fed the same draws and summarised by
 *       the same code, so the difference is the engine's evaluation alone;
 *   (b) @quri/squiggle-lang (devDependency, benchmark only) on an equivalent small model — 工伤保险:
 *       growth ~ normal(0.0353, 0.0105) cut to [0, 0.08], 186.5·(1+g)^5, mean, P5–P95, P(≥ 210) — against the
 *       engine on the same small model (test/fixtures/mini.yaml with that distribution).
 * The engine's columns are checked to equal the hand-written ones, bit for bit, before timing. Medians over
 * repeats, interleaved, each phase after a full garbage collection; every ratio comes from the same run.
 *
 *     npx tsx bench/mc.ts [--samples 100000] [--repeats 9]
 *
 * Goals (issue 6): engine ≥ 50% of the hand-written speed, faster than squiggle-lang, < 1 s for 100k samples.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { truncate } from '../src/engine/uncertainty/distributions.js';
import { programFor } from '../src/engine/graph/evaluate.js';
import { compound } from '../src/engine/methods/compound.js';
import { linear } from '../src/engine/methods/linear.js';
import { share } from '../src/engine/methods/share.js';
import { summarize } from '../src/engine/uncertainty/quantile.js';
import { Xoshiro128 } from '../src/engine/uncertainty/random.js';
import { evaluateSamples, monteCarlo } from '../src/engine/uncertainty/sample.js';
import { runProgram } from '../src/engine/graph/program.js';
import { meetsTarget } from '../src/engine/graph/target.js';
import { findAssumption } from '../src/model/distributions.js';
import { loadModel, loadScenario } from '../src/model/load.js';
import type { DistributionSpec } from '../src/model/schema.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('samples', 100_000);
const REPEATS = arg('repeats', Number(process.env['BENCH_REPEATS'] ?? 9));
const SEED = 1;

const scenario = loadScenario('scenarios/zhengzhou-uncertain.yaml');
const model = scenario.model;
const uncertain = scenario.spec.uncertain;
const program = programFor(model);
const point = runProgram(program);
const num = (key: string): number => {
  const slot = program.slotOf.get(key);
  if (slot === undefined) throw new Error(`the model has no "${key}": bench/mc.ts is out of date with models/zhengzhou-hrss-14th.yaml`);
  return point[slot] as number;
};

// ── the limit: draws as the engine draws them, the varying formulas written out, the same summary ──
const KEYS = Object.keys(uncertain).sort();
function draw(): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const key of KEYS) {
    const column = new Float64Array(N);
    truncate(uncertain[key]!, findAssumption(model, key)!.spec.range).fill(column, Xoshiro128.forKey(SEED, key));
    out[key] = column;
  }
  return out;
}

const UR_CURRENT = num('unemployment_rate_current');
const RES_POP = num('resident_pop_2019');
const H_HIGH_SKILL_2025 = num('henan.high_skill_2025');
const H_CERT_TOTAL = num('henan.cert_new_total');
const UNINS_LAST = (point[program.slotOf.get('unemployment_insured_series')!] as number[]).at(-1)!;

/** models/zhengzhou-hrss-14th.yaml, every formula that an uncertain assumption reaches */
function evaluateByHand(d: Record<string, Float64Array>): Record<string, Float64Array> {
  const njpy = d['new_jobs_per_year']!,
    uplift = d['unemployment_rate_uplift']!,
    step = d['pension_urban_step']!;
  const rg = d['pension_rural_growth']!,
    pop = d['pop_increase_per_year']!,
    cov = d['card_coverage_2025']!;
  const hss = d['high_skill_share']!,
    rpy = d['returnee_per_year']!,
    ug = d['unemployment_insured_growth']!;
  const ig = d['injury_growth']!,
    cs = d['cert_share']!;
  const newJobs = new Float64Array(N),
    unemp = new Float64Array(N),
    urban = new Float64Array(N),
    rural = new Float64Array(N);
  const card = new Float64Array(N),
    skill = new Float64Array(N),
    returnee = new Float64Array(N),
    unins = new Float64Array(N);
  const injury = new Float64Array(N),
    cert = new Float64Array(N),
    pension = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    newJobs[i] = njpy[i]! * 5;
    unemp[i] = UR_CURRENT + uplift[i]!;
    urban[i] = linear(568.14, step[i]!, 5);
    rural[i] = compound(233.83, rg[i]!, 5);
    card[i] = (RES_POP + pop[i]! * 6) * cov[i]!;
    skill[i] = share(H_HIGH_SKILL_2025, hss[i]!);
    returnee[i] = rpy[i]! * 5;
    unins[i] = compound(UNINS_LAST, ug[i]!, 5);
    injury[i] = compound(186.5, ig[i]!, 5);
    cert[i] = share(H_CERT_TOTAL, cs[i]!);
    pension[i] = urban[i]! + rural[i]!;
  }
  return {
    new_urban_jobs: newJobs,
    unemployment_rate: unemp,
    pension_urban: urban,
    pension_rural: rural,
    social_card_holders: card,
    high_skill_talent: skill,
    returnee_entrepreneurship: returnee,
    unemployment_insured: unins,
    injury_insured: injury,
    cert_new_professional: cert,
    pension_insured: pension,
  };
}

const targets = Object.fromEntries(Object.entries(model.spec.indicators).map(([id, ind]) => [id, ind.target]));
function summarizeByHand(columns: Record<string, Float64Array>) {
  const scratch = new Float64Array(N);
  return Object.entries(columns).map(([id, column]) => {
    const t = targets[id];
    let met = 0;
    if (t) for (let i = 0; i < N; i++) if (meetsTarget(column[i]!, t.op, t.value, t.tolerance)) met++;
    return { id, summary: summarize(column, scratch), pMet: met / N };
  });
}

// ── agreement before timing ──
{
  const engine = monteCarlo(model, { samples: N, seed: SEED, uncertain });
  const hand = evaluateByHand(draw());
  const varying = engine.result.indicators
    .filter((i) => i.varies)
    .map((i) => i.id)
    .sort();
  const written = Object.keys(hand).sort();
  if (varying.join() !== written.join()) {
    console.log(
      `!! the model changed: the engine varies ${varying.join(', ')}; the hand-written loop has ${written.join(', ')} — update bench/mc.ts`,
    );
  }
  for (const id of written) {
    const a = engine.column(id);
    if (!a || Buffer.compare(Buffer.from(a.buffer), Buffer.from(hand[id]!.buffer)) !== 0) {
      console.log(`!! ${id}: engine and hand-written columns differ — update bench/mc.ts`);
    }
  }
}

// ── squiggle ──
const SMALL: DistributionSpec = { dist: 'normal', mean: 0.0353, sd: 0.0105 };
const SQUIGGLE_CODE = `
g = truncate(normal(0.0353, 0.0105), 0, 0.08)
x = 186.5 * (1 + g) ^ 5
{mean: mean(x), p5: inv(x, 0.05), p10: inv(x, 0.1), p50: inv(x, 0.5), p90: inv(x, 0.9), p95: inv(x, 0.95), pMet: 1 - cdf(x, 210)}
`;
type SquiggleRun = (
  code: string,
  options: { environment: { sampleCount: number; xyPointLength: number; seed: string } },
) => Promise<{ result: { ok: boolean; value: { toString(): string } } }>;
let squiggle: { run: SquiggleRun; version: string } | undefined;
let squiggleProblem = '';
try {
  const mod = (await import('@quri/squiggle-lang')) as unknown as { run: SquiggleRun };
  const { createRequire } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  const entry = createRequire(import.meta.url).resolve('@quri/squiggle-lang');
  const version = (JSON.parse(readFileSync(new URL('../package.json', `file://${entry}`), 'utf8')) as { version: string }).version;
  const probe = await mod.run(SQUIGGLE_CODE, { environment: { sampleCount: 1000, xyPointLength: 1000, seed: 'bench' } });
  if (!probe.result.ok) throw new Error(probe.result.value.toString());
  squiggle = { run: mod.run, version };
} catch (err) {
  squiggleProblem = (err as Error).message.split('\n')[0]!;
}
const mini = loadModel('test/fixtures/mini.yaml');
const smallEngine = () => monteCarlo(mini, { samples: N, seed: SEED, uncertain: { injury_growth: SMALL } }).result;

// ── timing ──
// a full collection before each timed phase, so no phase pays for the garbage of the one before it
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const time = async (f: () => unknown): Promise<number> => {
  collect();
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};
const PHASES = ['engine', 'drawing', 'engineEval', 'handEval', 'summary', 'small', 'squiggle'] as const;
const timings = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<(typeof PHASES)[number], number[]>;
for (let r = 0; r < REPEATS + 1; r++) {
  const engine = await time(() => monteCarlo(model, { samples: N, seed: SEED, uncertain }));
  let draws: Record<string, Float64Array> = {};
  let columns: Record<string, Float64Array> = {};
  const drawing = await time(() => {
    draws = draw();
  });
  const engineEval = await time(() => evaluateSamples(model, draws));
  const handEval = await time(() => {
    columns = evaluateByHand(draws);
  });
  const summary = await time(() => summarizeByHand(columns));
  const small = await time(smallEngine);
  const sq = squiggle
    ? await time(() => squiggle!.run(SQUIGGLE_CODE, { environment: { sampleCount: N, xyPointLength: 1000, seed: 'bench' } }))
    : Number.NaN;
  if (r === 0) continue; // warm-up
  const got = { engine, drawing, engineEval, handEval, summary, small, squiggle: sq };
  for (const p of PHASES) timings[p].push(got[p]);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const m = Object.fromEntries(PHASES.map((p) => [p, median(timings[p])])) as Record<(typeof PHASES)[number], number>;
const hand = m.drawing + m.handEval + m.summary;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

console.log(
  `Monte Carlo, ${N.toLocaleString('en')} samples, seed ${SEED}, median of ${REPEATS} interleaved runs — Node ${process.version}, ${process.arch}`,
);
console.log('');
console.log(`full 郑州 model (scenarios/zhengzhou-uncertain.yaml: ${KEYS.length} distributions; 11 formulas and their indicators vary)`);
console.log(`  engine, monteCarlo() end to end      ${ms(m.engine)}   goal < 1 s ${m.engine < 1000 ? '✓' : '✗'}`);
console.log(
  `  hand-written, end to end             ${ms(hand)}   (draw ${ms(m.drawing)} + evaluate ${ms(m.handEval)} + summarise ${ms(m.summary)}, same draw and summary code)`,
);
console.log(
  `  → engine at ${pct(hand / m.engine)} of the hand-written speed end to end   goal ≥ 50% ${hand / m.engine >= 0.5 ? '✓' : '✗'}`,
);
console.log(`  evaluation alone, same draws: engine evaluateSamples() ${ms(m.engineEval)}, hand-written loop ${ms(m.handEval)}`);
console.log(`  → engine at ${pct(m.handEval / m.engineEval)} of the hand-written speed for the evaluation step`);
console.log('');
console.log('small model (工伤保险: normal growth cut to [0, 0.08] → 186.5·(1+g)^5 → mean, P5–P95, P(≥210))');
console.log(`  engine, monteCarlo() on test/fixtures/mini.yaml   ${ms(m.small)}`);
if (squiggle) {
  console.log(`  @quri/squiggle-lang ${squiggle.version}, run()              ${ms(m.squiggle)}`);
  console.log(`  → engine ${(m.squiggle / m.small).toFixed(1)}× faster than squiggle-lang   goal > 1× ${m.squiggle > m.small ? '✓' : '✗'}`);
  console.log(
    `    (the full 郑州 model through the engine, ${ms(m.engine)}, against squiggle's small model: ${(m.squiggle / m.engine).toFixed(1)}×)`,
  );
} else {
  console.log(`  @quri/squiggle-lang: not run — ${squiggleProblem || 'not installed'} (it is a devDependency: npm ci installs it)`);
}
