/**
 * `--lang zh|en` for every command that prints a report (wording in src/report/strings.ts); bad values exit 2.
 */
import type { Command } from 'commander';
import { DEFAULT_LANG, LANGS, LANG_FLAGS, LANG_HELP, parseLang, type Lang } from '../report/strings.js';
import { EXIT, Exit } from './shared.js';

/** Add `--lang <lang>` (default zh) to a command. */
export function withLang(command: Command): Command {
  return command.option(LANG_FLAGS, LANG_HELP, DEFAULT_LANG);
}

/** The language `--lang` names; anything else is bad input. */
export function langOption(value: string | undefined): Lang {
  const lang = parseLang(value);
  if (!lang) throw new Exit(EXIT.badInput, `--lang must be one of ${LANGS.join(', ')}, not "${value}"`);
  return lang;
}
