import type { Command } from 'commander';
import { FitInputError, type FitResult, fitFigure } from '../../engine/planning/fit.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { EXIT, Exit, loadAndEvaluate } from '../shared.js';

export function registerFit(program: Command): void {
  withLang(
    program
      .command('fit')
      .description(
        'which standard method, on the model’s own series, baseline and assumptions, gives a stated figure? (hypotheses; never changes the model)',
      )
      .argument('<file>', 'model or scenario')
      .argument('<indicator>', 'indicator id (or its label)')
      .option('--figure <label>', 'the stated figure to explain (default: the indicator’s first not-reproducible figure)')
      .option('-f, --format <format>', 'table | json', 'table'),
  )
    .addHelpText(
      'after',
      '\nExample: cesuan fit models/zhengzhou-hrss-14th.yaml tech_talent\nExit codes: 0 ok (also when nothing lands, which is printed), 2 bad input.',
    )
    .action(async (file: string, indicator: string, opts: { figure?: string; format: string; lang: string }) => {
      const lang = langOption(opts.lang);
      if (opts.format !== 'table' && opts.format !== 'json')
        throw new Exit(EXIT.badInput, `--format must be table or json, not "${opts.format}"`);
      const { model, result } = loadAndEvaluate(file);
      let fit: FitResult;
      try {
        fit = fitFigure(model, result, indicator, opts.figure);
      } catch (err) {
        if (err instanceof FitInputError) throw new Exit(EXIT.badInput, `${file}: ${err.message}`);
        throw err;
      }
      // the report writes YAML snippets: the yaml package is loaded here only, not by every command
      const { renderFitJson, renderFitText } = await import('../../report/fit.js');
      emit(opts.format === 'json' ? renderFitJson(fit, lang) : renderFitText(fit, lang));
    });
}
