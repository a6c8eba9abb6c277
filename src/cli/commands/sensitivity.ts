import type { Command } from 'commander';
import { sensitivityWith } from '../../engine/uncertainty/sensitivity.js';
import { renderSensitivity } from '../../report/uncertainty.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseFormat, parseSet } from '../shared.js';

export function registerSensitivity(program: Command): void {
  withLang(
    program
      .command('sensitivity')
      .description(
        'tornado: swing each assumption an indicator depends on (P10–P90 of its distribution, else its range) and rank the effect',
      )
      .argument('<file>', 'model or scenario')
      .argument('<indicator>', 'indicator id')
      .option('-f, --format <format>', 'table | json | csv | md (default: from --out extension, else table)')
      .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
      .option('-s, --set <name=value>', 'override an assumption (repeatable)', collect, [])
      .addHelpText('after', '\nExample: cesuan sensitivity scenarios/zhengzhou-uncertain.yaml social_card_holders'),
  ).action((file: string, indicatorId: string, opts: { format?: string; out?: string; set: string[]; lang?: string }) => {
    const format = parseFormat(opts.format, opts.out);
    const lang = langOption(opts.lang);
    const { model, scenario, evaluator, result, name } = loadAndEvaluate(file, parseSet(opts.set));
    if (!result.indicators.some((i) => i.id === indicatorId)) {
      throw new Exit(
        EXIT.badInput,
        `${file}: no indicator "${indicatorId}" (indicators: ${result.indicators.map((i) => i.id).join(', ')})`,
      );
    }
    const outcome = sensitivityWith(evaluator, indicatorId, scenario?.spec.uncertain ?? {});
    emit(renderSensitivity(outcome, format, { file: scenario?.file ?? model.file, scenario: name ?? null, lang }), opts.out);
  });
}
