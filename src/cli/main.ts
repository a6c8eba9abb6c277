/**
 * cesuan — the command line. Each command lives in commands/; this file wires them and turns errors into
 * one line and an exit code: 0 ok, 1 findings under --strict, 2 bad input, 3 internal error, 4 output not written.
 */
import { Command, CommanderError } from 'commander';
import { CesuanError } from '../model/errors.js';
import { safeText } from '../report/safe-text.js';
import { registerAudit } from './commands/audit.js';
import { registerBatch } from './commands/batch.js';
import { registerCompare } from './commands/compare.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerExplain } from './commands/explain.js';
import { registerFit } from './commands/fit.js';
import { registerDraft } from './commands/draft.js';
import { registerList } from './commands/list.js';
import { registerMc } from './commands/mc.js';
import { registerPlan } from './commands/plan.js';
import { registerRollover } from './commands/rollover.js';
import { registerRun } from './commands/run.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerSolve } from './commands/solve.js';
import { registerSweep } from './commands/sweep.js';
import { registerTrack } from './commands/track.js';
import { registerTui } from './commands/tui.js';
import { registerWrite } from './commands/write.js';
import { EXIT_OUTPUT, OutputFileError, checkOutputTarget, guardStdout } from './output.js';
import { EXIT, Exit } from './shared.js';

export function buildProgram(): Command {
  const program = new Command('cesuan')
    .description('测算 — executable, auditable target projections for five-year plans')
    .version('0.1.0')
    .showHelpAfterError('(cesuan --help for usage)')
    .exitOverride();
  registerRun(program);
  registerExplain(program);
  registerAudit(program);
  registerList(program);
  registerDraft(program);
  registerBatch(program);
  registerSweep(program);
  registerCompare(program);
  registerSolve(program);
  registerFit(program);
  registerPlan(program);
  registerTrack(program);
  registerEvaluate(program);
  registerRollover(program);
  registerMc(program);
  registerSensitivity(program);
  registerTui(program);
  registerWrite(program);
  // an --out that cannot be written is refused before any work (exit 2)
  program.hook('preAction', (_program, action) => {
    const out = action.opts()['out'];
    if (typeof out === 'string' && out !== '') checkOutputTarget(out);
  });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  guardStdout();
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (err instanceof CesuanError) {
      process.stderr.write(`${safeText(err.line)}\n`);
      return EXIT.badInput;
    }
    if (err instanceof OutputFileError) {
      process.stderr.write(`${err.message}\n`);
      return err.early ? EXIT.badInput : EXIT_OUTPUT;
    }
    if (err instanceof Exit) {
      if (err.message) process.stderr.write(`${safeText(err.message)}\n`);
      return err.code;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR' || e.code === 'ENOTDIR')) {
      process.stderr.write(`cesuan: ${e.message}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(`cesuan: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.internal;
  }
}

const isEntry = process.argv[1] && /(?:cesuan(?:\.js)?|cli\.js|main\.ts)$/.test(process.argv[1]);
if (isEntry) {
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
}
