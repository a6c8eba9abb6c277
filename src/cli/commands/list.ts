import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CesuanError } from '../../model/errors.js';
import { MODELS_DIR, displayPath, loadModel } from '../../model/load.js';
import { reportStrings } from '../../report/strings.js';
import { renderTable } from '../../report/table.js';
import { langOption, withLang } from '../lang.js';
import { emit } from '../output.js';
import { jsonText } from '../../report/safe-text.js';

export function registerList(program: Command): void {
  withLang(
    program
      .command('list')
      .description('list the models with their indicator counts')
      .argument('[dir]', 'folder of models', undefined)
      .option('-f, --format <format>', 'table | json', 'table'),
  ).action((dir: string | undefined, opts: { format: string; lang?: string }) => {
    const t = reportStrings(langOption(opts.lang)).list;
    const folder = resolve(dir ?? MODELS_DIR);
    const rows = readdirSync(folder)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => {
        const path = join(folder, f);
        try {
          const m = loadModel(path);
          const indicators = Object.values(m.spec.indicators);
          return {
            id: m.spec.id,
            title: m.spec.title,
            file: displayPath(path),
            indicators: indicators.length,
            top_level: indicators.filter((i) => !i.parent).length,
            sub_rows: indicators.filter((i) => i.parent).length,
            assumptions: Object.keys(m.spec.assumptions).length,
            imports: Object.values(m.spec.imports),
            error: null as string | null,
          };
        } catch (err) {
          if (!(err instanceof CesuanError)) throw err;
          return {
            id: f.replace(/\.yaml$/, ''),
            title: '',
            file: displayPath(path),
            indicators: 0,
            top_level: 0,
            sub_rows: 0,
            assumptions: 0,
            imports: [],
            error: err.line,
          };
        }
      });
    if (opts.format === 'json') return emit(`${jsonText(rows, 2)}\n`);
    emit(
      renderTable(
        [
          { header: t.columns.id },
          { header: t.columns.indicators, align: 'right' },
          { header: t.columns.assumptions, align: 'right' },
          { header: t.columns.imports },
          { header: t.columns.title, max: 40 },
        ],
        rows.map((r) => [
          r.id,
          r.error ? t.error : `${r.indicators}${r.sub_rows ? t.subRows(r.sub_rows) : ''}`,
          String(r.assumptions),
          r.imports.join(', '),
          r.error ?? r.title,
        ]),
      ),
    );
  });
}
