import type { Command } from 'commander';
import type { LoadedScenario } from '../../model/load.js';
import { LANGS, notATerminal, type Lang } from '../../tui/strings.js';
import { EXIT, Exit, loadAndEvaluate } from '../shared.js';

export function registerTui(program: Command): void {
  program
    .command('tui')
    .description(
      'interactive terminal UI: vary assumptions, watch the 2025 projections, verdicts and paths; save scenarios; compare several',
    )
    .argument('<file>', 'model (models/*.yaml) or scenario (scenarios/*.yaml)')
    .argument('[more...]', 'more scenarios of the same model, compared side by side with the first')
    .option('--lang <lang>', 'language of the interface chrome: zh | en (model labels stay as written)', 'zh')
    .action(async (file: string, more: string[], opts: { lang: string }) => {
      if (!(LANGS as string[]).includes(opts.lang))
        throw new Exit(EXIT.badInput, `--lang must be one of ${LANGS.join(', ')}, not "${opts.lang}"`);
      const lang = opts.lang as Lang;
      if (!process.stdout.isTTY || !process.stdin.isTTY) throw new Exit(EXIT.badInput, notATerminal(lang, file));
      // a model that does not load or computes NaN fails here, before the screen is taken over
      const { model, scenario } = loadAndEvaluate(file);
      const base = scenario?.published ?? model;
      const others: LoadedScenario[] = [];
      for (const f of more) {
        const other = loadAndEvaluate(f).scenario;
        if (!other)
          throw new Exit(EXIT.badInput, `${f}: not a scenario (it has no model: key); cesuan tui compares scenarios of one model`);
        const otherBase = other.published ?? other.model;
        if (otherBase.file !== base.file && otherBase.spec.id !== base.spec.id)
          throw new Exit(EXIT.badInput, `${f}: scenario of model ${otherBase.spec.id}, not ${base.spec.id}`);
        others.push(other);
      }
      if (others.length && !scenario)
        throw new Exit(EXIT.badInput, `${file}: to compare scenarios, give scenario files (the model is shown as "published" beside them)`);
      // React's production build: the development one is several times slower per keypress
      process.env['NODE_ENV'] ??= 'production';
      const { runTui } = await import('../../tui/index.js');
      await runTui({ model, scenario, others, lang });
    });
}
