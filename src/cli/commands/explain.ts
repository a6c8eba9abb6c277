import type { Command } from 'commander';
import { renderExplain } from '../../report/results.js';
import { emit } from '../output.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseSet } from '../shared.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('show how an indicator is derived: formulas with numbers substituted, stated figures and verdicts, quotes')
    .argument('<file>', 'model or scenario')
    .argument('<indicator>', 'indicator id (or its label)')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('-s, --set <name=value>', 'override an assumption (repeatable)', collect, [])
    .action((file: string, indicator: string, opts: { format: string; set: string[] }) => {
      const { result } = loadAndEvaluate(file, parseSet(opts.set));
      const ind = result.indicators.find((i) => i.id === indicator || i.label === indicator);
      if (!ind) {
        throw new Exit(EXIT.badInput, `${file}: no indicator "${indicator}" (indicators: ${result.indicators.map((i) => i.id).join(', ')})`);
      }
      if (opts.format === 'json') emit(JSON.stringify(ind, null, 2) + '\n');
      else if (opts.format === 'text') emit(renderExplain(result, ind));
      else throw new Exit(EXIT.badInput, `--format must be text or json, not "${opts.format}"`);
    });
}
