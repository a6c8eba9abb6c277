import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { type Draft, DraftError, draftModel } from '../../model/draft/index.js';
import { MAX_FILE_BYTES } from '../../model/load.js';
import type { ModelSpec } from '../../model/schema.js';
import { readSpec } from '../../model/spec-file.js';
import { draftWarningText, renderDraftYaml, renderTableList } from '../../report/draft.js';
import { safeText } from '../../report/safe-text.js';
import { emit } from '../output.js';
import { EXIT, Exit } from '../shared.js';

const WORDS = {
  zh: {
    tables: (n: number) => `找到 ${n} 个指标表（* 为本次起草的表；--table N 选另一个）：`,
    warnings: (n: number) => `${n} 处未能读取或需要核对：`,
    wrote: (file: string, n: number, sub: number) =>
      `已写出 ${file}：${n} 个指标${sub ? `（含 ${sub} 个子项）` : ''}。下一步：核对每一行，再为每个指标写出测算依据（derivations）。`,
  },
  en: {
    tables: (n: number) => `${n} indicator tables found (* is the one drafted; --table N picks another):`,
    warnings: (n: number) => `${n} lines could not be read or need checking:`,
    wrote: (file: string, n: number, sub: number) =>
      `wrote ${file}: ${n} indicators${sub ? ` (${sub} of them sub-rows)` : ''}. Next: check each row, then write each indicator's 测算依据 as derivations.`,
  },
};

/** `sources.plan.file` as the model will resolve it: a bare name when the document sits in documents/. */
function documentRef(doc: string, out: string | undefined): string {
  const abs = resolve(doc);
  if (basename(dirname(abs)) === 'documents') return basename(abs);
  return relative(out ? dirname(resolve(out)) : process.cwd(), abs)
    .split(sep)
    .join('/');
}

export function registerDraft(program: Command): void {
  program
    .command('draft')
    .description(
      "draft a model from a plan's text: its indicator table becomes indicators with baseline, target, kind, attribute and quotes",
    )
    .argument('<document>', 'the plan as UTF-8 text (simplified or traditional characters)')
    .option('-o, --out <file>', 'write the model here (models/<id>.yaml; the id is the file name); default: stdout')
    .option('--table <n>', 'which table to draft when the document has several (1-based; they are listed on stderr)')
    .option('--force', 'overwrite an existing --out file')
    .option('--lang <lang>', 'language of the messages: zh (default) | en', 'zh')
    .addHelpText(
      'after',
      '\nExamples:\n  cesuan draft documents/002_6dfc5125a1bfd828.txt -o models/shiyan-draft.yaml\n  cesuan draft plan.txt --table 2 > models/my-plan.yaml',
    )
    .action(async (document: string, opts: { out?: string; table?: string; force?: boolean; lang: string }) => {
      if (opts.lang !== 'zh' && opts.lang !== 'en') throw new Exit(EXIT.badInput, `--lang must be zh or en, not "${opts.lang}"`);
      const lang: 'zh' | 'en' = opts.lang;
      const words = WORDS[lang];
      let table: number | undefined;
      if (opts.table !== undefined) {
        table = Number(opts.table);
        if (!Number.isInteger(table) || table < 1)
          throw new Exit(EXIT.badInput, `--table must be a positive whole number, not "${opts.table}"`);
      }
      let id: string | undefined;
      if (opts.out) {
        id = basename(opts.out).replace(/\.ya?ml$/i, '');
        if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
          throw new Exit(
            EXIT.badInput,
            `${opts.out}: the file name is the model id and must be lower-case kebab-case (e.g. models/zhengzhou-hrss-15th.yaml)`,
          );
        if (existsSync(opts.out) && !opts.force) throw new Exit(EXIT.badInput, `${opts.out}: exists; pass --force to overwrite it`);
      }
      const stat = statSync(document);
      if (!stat.isFile()) throw new Exit(EXIT.badInput, `${document}: not a file`);
      if (stat.size > MAX_FILE_BYTES * 4)
        throw new Exit(EXIT.badInput, `${document}: ${stat.size} bytes; the limit is ${MAX_FILE_BYTES * 4}`);
      const text = readFileSync(document, 'utf8');
      // GBK and other legacy encodings decode to replacement characters: say so rather than find no table
      if ((text.match(/\uFFFD/g) ?? []).length > 20)
        throw new Exit(EXIT.badInput, `${document}: not UTF-8 text (convert it first, e.g. iconv -f GBK -t UTF-8)`);
      const { Converter } = await import('opencc-js/t2cn');
      let draft: Draft;
      try {
        draft = draftModel(text, {
          documentName: basename(document),
          documentFile: documentRef(document, opts.out),
          simplify: Converter({ from: 'tw', to: 'cn' }),
          table,
          id,
        });
      } catch (err) {
        if (err instanceof DraftError) throw new Exit(EXIT.badInput, `${document}: ${err.message}`);
        throw err;
      }
      const yaml = renderDraftYaml(draft);
      // the draft must load: check it against the schema before anything is written
      readSpec<ModelSpec>(yaml, opts.out ?? 'draft', 'model');
      if (draft.tables.length > 1)
        process.stderr.write(`${words.tables(draft.tables.length)}\n${safeText(renderTableList(draft.tables, draft.chosen, lang))}`);
      if (draft.warnings.length > 0) {
        process.stderr.write(`${words.warnings(draft.warnings.length)}\n`);
        for (const w of draft.warnings) process.stderr.write(`${safeText(`${document}:${w.line}: ${draftWarningText(w, lang)}`)}\n`);
      }
      emit(yaml, opts.out);
      if (opts.out) {
        const inds = Object.values(draft.spec.indicators);
        process.stderr.write(`${words.wrote(opts.out, inds.length, inds.filter((i) => i.parent).length)}\n`);
      }
    });
}
