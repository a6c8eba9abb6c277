/**
 * `cesuan fit` speed on the Zhengzhou model: the search for 专业技术人才 104 and 高技能人才 39 (479 formulas
 * each, compiled and run by the engine) against one full evaluation of the model measured in the same run,
 * so the ratio does not depend on how busy the machine is. Medians over repeats, interleaved.
 *
 *     npx tsx bench/fit.ts [--repeats 15]
 *
 * Goal (issue 16): well under 2 s on the Zhengzhou model.
 */
import { Evaluator } from '../src/engine/graph/evaluate.js';
import { fitFigure } from '../src/engine/planning/fit.js';
import { loadModel } from '../src/model/load.js';

const i = process.argv.indexOf('--repeats');
const REPEATS = i > 0 ? Number(process.argv[i + 1]) : Number(process.env['BENCH_REPEATS'] ?? 15);

const model = loadModel('models/zhengzhou-hrss-14th.yaml');
const result = new Evaluator(model).result();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

const fits: number[] = [];
const evals: number[] = [];
let found = '';
for (let r = 0; r < REPEATS; r++) {
  evals.push(time(() => new Evaluator(model).result()));
  fits.push(
    time(() => {
      const a = fitFigure(model, result, 'tech_talent');
      const b = fitFigure(model, result, 'high_skill_talent');
      found = `${a.candidates.length} + ${b.candidates.length} candidates of ${a.tried} + ${b.tried} formulas`;
    }),
  );
}
const fit = median(fits);
const evaluation = median(evals);
console.log(
  `fit, Zhengzhou 104 and 39 (${found}): median ${fit.toFixed(1)} ms for both (first run ${fits[0]!.toFixed(1)} ms); one full evaluation ${evaluation.toFixed(1)} ms → ${(fit / evaluation).toFixed(1)}× an evaluation; goal < 2000 ms each`,
);
if (fit / 2 >= 2000) process.exitCode = 1;
