import type { Command } from 'commander';
import { missesAdoptedBindingTarget } from '../../engine/graph/target.js';
import type { LoadedModel } from '../../model/load.js';
import { BATCH_ALIGN, BATCH_COLUMNS, batchRow } from '../../report/batch.js';
import { buildWorkbook, type WorkbookEntry } from '../../report/xlsx.js';
import { expandGlob } from '../glob.js';
import { withoutBufferWarning, writeFileAtomic } from '../output.js';
import { progressBar } from '../progress.js';
import { checkpoint, fillSink, openRowSink, streamFormat } from '../rows.js';
import { EXIT, Exit, collect, loadAndEvaluate, parseSet } from '../shared.js';

/** Expand the file arguments (globs included), keeping command-line order and dropping repeats. */
export function expandFiles(patterns: string[]): string[] {
  const files: string[] = [];
  for (const p of patterns) {
    const matches = expandGlob(p);
    if (matches.length === 0) throw new Exit(EXIT.badInput, `cesuan: no files match "${p}"`);
    for (const m of matches) if (!files.includes(m)) files.push(m);
  }
  return files;
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description(
      'run many scenarios (or models): one row per scenario × indicator — scenario, indicator, baseline, projection, target, verdict, gap',
    )
    .argument('<files...>', 'scenario or model files; globs such as "scenarios/*.yaml" are expanded')
    .option('-f, --format <format>', 'csv | json | md | xlsx (default: from --out extension, else csv)')
    .option('-o, --out <file>', 'write to a file (atomically; streamed through a temp file) instead of stdout')
    .option('-s, --set <name=value>', 'override an assumption in every run (repeatable)', collect, [])
    .option('--strict', "exit 1 when a binding target is missed in any run (a draft's proposed target is not counted)")
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 a binding target missed (--strict), 2 bad input, 130 interrupted.\nxlsx: an Inputs sheet (assumptions and series with sources) and a Results sheet whose projections are live Excel formulas where the derivation is plain arithmetic.',
    )
    .action(async (patterns: string[], opts: { format?: string; out?: string; set: string[]; strict?: boolean }) => {
      const format = streamFormat(opts.format, opts.out);
      const extra = parseSet(opts.set);
      const files = expandFiles(patterns);
      const models = new Map<string, LoadedModel>();
      const bar = progressBar(files.length, 'files');
      let missedBinding = false;

      if (format === 'xlsx') {
        if (!opts.out) throw new Exit(EXIT.badInput, 'xlsx output needs --out <file.xlsx> (a workbook is not written to stdout)');
        const entries: WorkbookEntry[] = [];
        for (const [i, file] of files.entries()) {
          const { model, scenario, result, name } = loadAndEvaluate(file, extra, models);
          entries.push({ name: name ?? model.spec.id, file: scenario?.file ?? model.file, model, result });
          missedBinding ||= result.indicators.some(missesAdoptedBindingTarget);
          bar.update(i + 1);
          await checkpoint();
        }
        bar.finish();
        writeFileAtomic(opts.out, await withoutBufferWarning(() => buildWorkbook(entries)));
      } else {
        const sink = await openRowSink({
          format,
          out: opts.out,
          columns: BATCH_COLUMNS,
          align: BATCH_ALIGN,
          meta: { command: 'batch', files },
        });
        await fillSink(sink, bar, async () => {
          for (const [i, file] of files.entries()) {
            const { model, scenario, result, name } = loadAndEvaluate(file, extra, models);
            const scenarioName = name ?? model.spec.id;
            for (const ind of result.indicators) sink.write(batchRow(scenarioName, model.spec.id, scenario?.file ?? model.file, ind));
            missedBinding ||= result.indicators.some(missesAdoptedBindingTarget);
            bar.update(i + 1);
            if (!(await checkpoint())) break;
          }
        });
      }
      if (opts.strict && missedBinding) throw new Exit(EXIT.findings);
    });
}
