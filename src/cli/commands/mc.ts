import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  DEFAULT_THRESHOLD,
  MAX_SAMPLES,
  modelDistributions,
  monteCarlo,
} from '../../engine/uncertainty/sample.js';
import { MODELS_DIR, displayPath, type LoadedModel } from '../../model/load.js';
import { formatIn } from '../../report/numbers.js';
import { renderMonteCarlo } from '../../report/uncertainty.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseFormat, parseSet } from '../shared.js';

export function parseInteger(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\s*[-+]?\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new Exit(EXIT.badInput, `${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return n;
}

export function parseProbability(name: string, text: string): number {
  const n = Number(text.endsWith('%') ? text.slice(0, -1) : text) / (text.endsWith('%') ? 100 : 1);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Exit(EXIT.badInput, `${name} must be a probability (0.9 or 90%), not "${text}"`);
  return n;
}

/** Scenario files for this model that give distributions (for the hint when a model has none). */
function scenariosWithDistributions(model: LoadedModel): string[] {
  const dirs = [...new Set([resolve('scenarios'), resolve(dirname(resolve(model.file)), '..', 'scenarios')])];
  const own = new RegExp(`^model\\s*:\\s*["']?(?:${model.spec.id}|[^\\n]*${basename(model.file).replace(/[.]/g, '\\.')})["']?\\s*$`, 'm');
  const found: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      if (own.test(text) && /^uncertain\s*:\s*(?:#.*)?$/m.test(text)) found.push(displayPath(join(dir, name)));
    }
  }
  return found;
}

function noDistributions(model: LoadedModel): Exit {
  const found = scenariosWithDistributions(model);
  const example = Object.entries(model.spec.assumptions).find(([, a]) => a.range);
  const lines = [`${model.file}: no assumption of ${model.spec.id} has a distribution (\`uncertain:\`), so there is nothing to sample.`];
  if (found.length) {
    lines.push(`Run a scenario that gives some, e.g.:`, ...found.map((f) => `  cesuan mc ${f}`));
  } else {
    // a scenario finds `model: <id>` in ../models or the bundled models; elsewhere it names the file beside it
    const dir = dirname(resolve(model.file));
    const inModels = dir === resolve(MODELS_DIR) || dir === resolve('models');
    const scenario = inModels
      ? 'scenarios/my-uncertainty.yaml'
      : displayPath(join(dir, `${basename(model.file).replace(/\.ya?ml$/i, '')}-uncertainty.yaml`));
    lines.push(
      `Write a scenario with \`uncertain:\` distributions and run that, e.g. ${scenario}:`,
      `  model: ${inModels ? model.spec.id : basename(model.file)}`,
      '  uncertain:',
    );
    if (example) {
      const [id, a] = example;
      const [lo, hi] = a.range!;
      lines.push(
        `    ${id}: { dist: triangular, min: ${lo}, mode: ${typeof a.default === 'number' ? a.default : formatIn((lo + hi) / 2, undefined, 6)}, max: ${hi} }`,
      );
    } else {
      lines.push('    <assumption>: { dist: normal, mean: …, sd: … }');
    }
    lines.push('(distributions: normal, lognormal, uniform, triangular, pert, interval `to: [a, b]`; see docs/uncertainty.md)');
  }
  return new Exit(EXIT.badInput, lines.join('\n'));
}

export function registerMc(program: Command): void {
  withLang(
    program
      .command('mc')
      .description('Monte Carlo: sample the uncertain assumptions; mean, P5–P95 and P(target met) per indicator')
      .argument('<file>', 'model or scenario with `uncertain:` distributions')
      .option('-n, --samples <n>', `number of samples (default ${DEFAULT_SAMPLES})`)
      .option('--seed <seed>', `random seed; the same seed gives the same numbers (default ${DEFAULT_SEED})`)
      .option('-i, --indicator <id>', 'one indicator: histogram of its value and fan chart of its path')
      .option('--threshold <p>', `flag binding targets met with less than this probability (default ${DEFAULT_THRESHOLD})`)
      .option('-f, --format <format>', 'table | json | csv | md (default: from --out extension, else table)')
      .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
      .option('-s, --set <name=value>', 'override an assumption (repeatable; a distribution on it still wins)', collect, [])
      .option('--strict', 'exit 1 when a binding target is flagged')
      .addHelpText(
        'after',
        '\nExample: cesuan mc scenarios/zhengzhou-uncertain.yaml --indicator injury_insured\nExit codes: 0 ok, 1 flagged binding target under --strict, 2 bad input (also: nothing to sample).',
      ),
  ).action(
    (
      file: string,
      opts: {
        samples?: string;
        seed?: string;
        indicator?: string;
        threshold?: string;
        format?: string;
        out?: string;
        set: string[];
        strict?: boolean;
        lang?: string;
      },
    ) => {
      const format = parseFormat(opts.format, opts.out);
      const lang = langOption(opts.lang);
      const samples = opts.samples === undefined ? DEFAULT_SAMPLES : parseInteger('--samples', opts.samples, 1, MAX_SAMPLES);
      const seed = opts.seed === undefined ? DEFAULT_SEED : parseInteger('--seed', opts.seed, 0, Number.MAX_SAFE_INTEGER);
      const threshold = opts.threshold === undefined ? DEFAULT_THRESHOLD : parseProbability('--threshold', opts.threshold);
      const { model, scenario, evaluator, result: point, name } = loadAndEvaluate(file, parseSet(opts.set));
      const uncertain = scenario?.spec.uncertain ?? {};
      if (!Object.keys(uncertain).length && !Object.keys(modelDistributions(model)).length) throw noDistributions(model);
      if (opts.indicator && !point.indicators.some((i) => i.id === opts.indicator)) {
        throw new Exit(
          EXIT.badInput,
          `${file}: no indicator "${opts.indicator}" (indicators: ${point.indicators.map((i) => i.id).join(', ')})`,
        );
      }
      const { result } = monteCarlo(model, {
        samples,
        seed,
        threshold,
        overrides: evaluator.getOverrides(),
        uncertain,
        overrideSource: scenario,
        detail: opts.indicator ? [opts.indicator] : [],
      });
      emit(
        renderMonteCarlo(result, format, { file: scenario?.file ?? model.file, scenario: name ?? null, lang }, opts.indicator),
        opts.out,
      );
      if (opts.strict && result.indicators.some((i) => i.flagged)) throw new Exit(EXIT.findings);
    },
  );
}
