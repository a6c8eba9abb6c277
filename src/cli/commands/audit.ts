import type { Command } from 'commander';
import { renderAudit } from '../../report/results.js';
import { emit } from '../output.js';
import { EXIT, Exit, loadAndEvaluate, parseFormat } from '../shared.js';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('recompute every figure the document states and classify it: match, rounding, approximate, mismatch, not reproducible')
    .argument('<file>', 'model or scenario')
    .option('-f, --format <format>', 'table | json | csv | md')
    .option('-o, --out <file>', 'write to a file (atomically)')
    .option('--strict', 'exit 1 when any figure is a mismatch (mismatches are findings, not errors)')
    .action((file: string, opts: { format?: string; out?: string; strict?: boolean }) => {
      const format = parseFormat(opts.format, opts.out);
      const { result, model, scenario } = loadAndEvaluate(file);
      emit(renderAudit(result, format, { file: scenario?.file ?? model.file }), opts.out);
      if (opts.strict && result.audit.some((s) => s.verdict === 'mismatch')) throw new Exit(EXIT.findings);
    });
}
