/**
 * Writing results: stdout, or a file written atomically (src/io/atomic-file.ts). Standard output that fails
 * ends the run with one line and its own exit code; a reader that went away (`… | head`) ends it quietly.
 */
import { writeFileAtomic } from '../io/atomic-file.js';

export { OutputFileError, checkOutputTarget, errnoReason, openOutputFile, tempPathFor, writeFileAtomic } from '../io/atomic-file.js';

/** Exit code when an output (stdout or an `--out` file) could not be written. */
export const EXIT_OUTPUT = 4;

let stdoutGone = false;
let guarded = false;

/** True once the reader of stdout has gone (EPIPE): loops stop producing. */
export function stdoutClosed(): boolean {
  return stdoutGone;
}

/** Install once, before anything is printed: turn stdout's asynchronous errors into an exit. */
export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    stdoutGone = true;
    if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    const m = /^[A-Z0-9_]+: ([^,]+)/.exec(err.message);
    process.stderr.write(`cesuan: cannot write to standard output: ${m ? m[1] : err.message}\n`);
    process.exit(EXIT_OUTPUT);
  });
}

export function emit(text: string, out?: string): void {
  if (out) writeFileAtomic(out, text);
  else if (!stdoutGone) process.stdout.write(text);
}

/**
 * Drop Node's DEP0005 warning (`Buffer()` is deprecated), which exceljs triggers, until the returned function
 * is called; every other warning still shows. Stderr stays clean on a successful xlsx run.
 */
export function suppressBufferWarning(): () => void {
  const original = process.emitWarning;
  const filtered = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const options = rest[0];
    const code = typeof options === 'object' && options !== null ? (options as { code?: string }).code : rest[1];
    if (code === 'DEP0005') return;
    return (original as (...a: unknown[]) => void).call(process, warning, ...rest);
  };
  process.emitWarning = filtered as typeof process.emitWarning;
  return () => {
    if (process.emitWarning === filtered) process.emitWarning = original;
  };
}

export async function withoutBufferWarning<T>(work: () => Promise<T>): Promise<T> {
  const restore = suppressBufferWarning();
  try {
    return await work();
  } finally {
    restore();
  }
}
