import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { evaluate } from '../../engine/graph/evaluate.js';
import { checkActuals } from '../../engine/planning/track.js';
import { actualSources, actualValues } from '../../model/actuals.js';
import { CesuanError } from '../../model/errors.js';
import { displayPath, loadModel, loadScenario } from '../../model/load.js';
import { emit } from '../output.js';
import { EXIT, Exit, assertFinite } from '../shared.js';
import { langOption } from '../lang.js';

export function registerRollover(program: Command): void {
  program
    .command('rollover')
    .description(
      'roll a 十四五 model forward with its actuals: a draft 十五五 model (base = last actual year, target = --to) with moved bases, extended series, re-estimated assumptions and proposed targets',
    )
    .argument('<model>', 'the 十四五 model file')
    .requiredOption('-a, --actuals <scenario>', 'a scenario of that model with `actuals:` through the base year')
    .option('--to <year>', 'the target year of the draft', '2030')
    .option('-o, --out <file>', 'write the draft (atomically), e.g. models/<id>-15th.yaml; default: stdout')
    .option('--lang <lang>', 'language of the report on stderr: zh | en', 'zh')
    .addHelpText(
      'after',
      "\nExample: cesuan rollover models/zhengzhou-hrss-14th.yaml --actuals scenarios/zhengzhou-actuals-2025.yaml --to 2030 -o models/zhengzhou-hrss-15th.yaml\nWhat cannot be carried, and growth far outside the history (two figures to choose from), are listed on stderr and in the draft's notes.\nExit codes: 0 ok, 2 bad input (--to at or before the base year or more than 15 years on, actuals of another model).",
    )
    .action(async (file: string, opts: { actuals: string; to: string; out?: string; lang: string }) => {
      // rollover validates its draft with the model schema, and writes YAML: both are loaded here only, not by every command
      const [
        { lastActualYear, rollover, rolloverYearsProblem },
        { renderRolloverNotes, renderRolloverYaml },
        { default: YAML },
        { validateSpec },
      ] = await Promise.all([
        import('../../engine/planning/rollover.js'),
        import('../../report/rollover.js'),
        import('yaml'),
        import('../../model/validate.js'),
      ]);
      const lang = langOption(opts.lang);
      if (!/^\d{4}$/.test(opts.to)) throw new Exit(EXIT.badInput, `--to must be a year such as 2030, not "${opts.to}"`);
      const to = Number(opts.to);
      const model = loadModel(file);
      const scenario = loadScenario(opts.actuals);
      if (resolve(scenario.model.file) !== resolve(model.file) && scenario.model.spec.id !== model.spec.id) {
        throw new Exit(
          EXIT.badInput,
          `${displayPath(resolve(opts.actuals))}: its actuals are for model "${scenario.model.spec.id}" (${scenario.model.file}), not for ${model.file} ("${model.spec.id}")`,
        );
      }
      const actuals = actualValues(scenario.spec.actuals);
      const oldResult = evaluate(model, scenario.spec.set);
      assertFinite(oldResult);
      const domains = Object.fromEntries(Object.entries(model.spec.indicators).flatMap(([id, i]) => (i.domain ? [[id, i.domain]] : [])));
      const issue = checkActuals(oldResult.indicators, actuals, oldResult.years, domains)[0];
      if (issue) {
        const path = issue.year ? ['actuals', issue.indicator, issue.year] : ['actuals', issue.indicator];
        throw new CesuanError(issue.message, scenario.locateKey(path), path.join('.'));
      }
      const base = lastActualYear(actuals);
      if (base === null) throw new CesuanError('this scenario has no actuals to roll forward from', scenario.locate([]), 'actuals');
      const yearsProblem = rolloverYearsProblem(base, to);
      if (yearsProblem) throw new Exit(EXIT.badInput, yearsProblem);
      const out = opts.out ?? `${model.spec.id.replace(/-\d+th$/, '')}-15th.yaml`;
      const r = rollover(
        model,
        oldResult,
        actuals,
        actualSources(scenario.spec.actuals),
        {
          model: model.file,
          scenario: scenario.file,
          scenarioName: scenario.spec.name ?? scenario.file,
          out,
          // a model is found by its id as models/<id>.yaml: the file name given is the id
          ...(opts.out && /^[a-z0-9][a-z0-9-]*$/.test(basename(opts.out).replace(/\.ya?ml$/, ''))
            ? { id: basename(opts.out).replace(/\.ya?ml$/, '') }
            : {}),
        },
        to,
      );
      const broken = r.result.problems.find((p) => p.severity === 'error');
      if (broken)
        throw new Exit(
          EXIT.internal,
          `cesuan: internal error: the rolled-over draft does not evaluate: ${broken.field}: ${broken.message}`,
        );
      const yaml = renderRolloverYaml(r.spec, [
        'yaml-language-server: $schema=../schema/model.schema.json',
        `DRAFT written by \`cesuan rollover ${model.file} --actuals ${scenario.file} --to ${to}\`.`,
        'Targets are proposals (proposed: true); read the notes for what was not carried.',
      ]);
      // the text must load as a model again: check before anything is written
      const check = validateSpec('model', YAML.parse(yaml));
      if (!check.ok)
        throw new Exit(
          EXIT.internal,
          `cesuan: internal error: the rolled-over draft does not validate: ${check.path.join('.')}: ${check.message}`,
        );
      emit(yaml, opts.out);
      process.stderr.write(renderRolloverNotes(r, opts.out ?? 'stdout', lang));
    });
}
