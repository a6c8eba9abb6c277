import type { Command } from 'commander';
import { LANGS, notATerminal, type Lang } from '../../tui/strings.js';
import { EXIT, Exit, loadAndEvaluate } from '../shared.js';

export function registerTui(program: Command): void {
  program
    .command('tui')
    .description('interactive terminal UI: vary assumptions, watch the 2025 projections, verdicts and paths; save scenarios')
    .argument('<file>', 'model (models/*.yaml) or scenario (scenarios/*.yaml)')
    .option('--lang <lang>', 'language of the interface chrome: zh | en (model labels stay as written)', 'zh')
    .action(async (file: string, opts: { lang: string }) => {
      if (!(LANGS as string[]).includes(opts.lang)) throw new Exit(EXIT.badInput, `--lang must be one of ${LANGS.join(', ')}, not "${opts.lang}"`);
      const lang = opts.lang as Lang;
      if (!process.stdout.isTTY || !process.stdin.isTTY) throw new Exit(EXIT.badInput, notATerminal(lang, file));
      // a model that does not load or computes NaN fails here, before the screen is taken over
      const { model, scenario } = loadAndEvaluate(file);
      // React's production build: the development one is several times slower per keypress
      process.env['NODE_ENV'] ??= 'production';
      const { runTui } = await import('../../tui/index.js');
      await runTui({ model, scenario, lang });
    });
}
