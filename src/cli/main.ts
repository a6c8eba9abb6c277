/**
 * cesuan — the command line. Each command lives in commands/; this file wires them and turns errors into
 * one line and an exit code: 0 ok, 1 findings under --strict, 2 bad input, 3 internal error, 4 output not written.
 */
import { Command, CommanderError } from 'commander';
import { CesuanError } from '../model/errors.js';
import { safeText } from '../report/safe-text.js';
import { EXIT_OUTPUT, OutputFileError, checkOutputTarget, guardStdout } from './output.js';
import { EXIT, Exit } from './shared.js';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded when it is the one run (or all of them, for help and errors): a run of
 * `cesuan run` compiles the engine and its report, not the TUI's strings, draft's parser or Monte Carlo.
 * In the order `cesuan --help` lists them.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  run: async () => (await import('./commands/run.js')).registerRun,
  explain: async () => (await import('./commands/explain.js')).registerExplain,
  audit: async () => (await import('./commands/audit.js')).registerAudit,
  list: async () => (await import('./commands/list.js')).registerList,
  draft: async () => (await import('./commands/draft.js')).registerDraft,
  batch: async () => (await import('./commands/batch.js')).registerBatch,
  sweep: async () => (await import('./commands/sweep.js')).registerSweep,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  solve: async () => (await import('./commands/solve.js')).registerSolve,
  fit: async () => (await import('./commands/fit.js')).registerFit,
  plan: async () => (await import('./commands/plan.js')).registerPlan,
  track: async () => (await import('./commands/track.js')).registerTrack,
  evaluate: async () => (await import('./commands/evaluate.js')).registerEvaluate,
  rollover: async () => (await import('./commands/rollover.js')).registerRollover,
  mc: async () => (await import('./commands/mc.js')).registerMc,
  sensitivity: async () => (await import('./commands/sensitivity.js')).registerSensitivity,
  tui: async () => (await import('./commands/tui.js')).registerTui,
  write: async () => (await import('./commands/write.js')).registerWrite,
};

/** The program with the command `argv` names, none for --version, or every command (help, no command, an unknown one). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('cesuan')
    .description('测算 — executable, auditable target projections for five-year plans')
    .version('0.1.0')
    .showHelpAfterError('(cesuan --help for usage)')
    .exitOverride();
  const named = argv.find((a) => !a.startsWith('-'));
  const versionOnly = named === undefined && argv.some((a) => a === '-V' || a === '--version');
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : versionOnly ? [] : Object.keys(COMMANDS);
  const registers = await Promise.all(wanted.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program);
  // an --out that cannot be written is refused before any work (exit 2)
  program.hook('preAction', (_program, action) => {
    const out = action.opts()['out'];
    if (typeof out === 'string' && out !== '') checkOutputTarget(out);
  });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  guardStdout();
  try {
    const program = await buildProgram(argv);
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

// run directly (`tsx src/cli/main.ts`, `node dist/cli.cjs`); bin/cesuan.js calls main() itself
const isEntry = process.argv[1] && /[/\\](?:main\.ts|cli\.cjs)$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
