/**
 * Files written atomically (a temp file in the same folder, then a rename), so a crash or a kill never
 * leaves a partial file where a previous good one stood. Shared by the CLI and the TUI; imports only node.
 *
 * - A target that is not a regular file (a FIFO, /dev/null, /dev/stdout, a terminal) is written straight
 *   into, never renamed over; sockets and block devices are refused.
 * - `checkOutputTarget` says before any work whether a target can be written (not a folder, its folder exists
 *   and is writable).
 * - Temp files are named `.<name>.<pid>.<ms>.tmp`; the next write to the same target removes those whose
 *   process is gone (left by a run killed with SIGKILL or a power cut).
 * - Every failure is an OutputFileError: the path and the reason, in one line.
 */
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A target that cannot be written: `early` when found before any work was done (bad input). */
export class OutputFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly early = false,
  ) {
    super(`cesuan: cannot write ${path}: ${reason}`);
  }
}

/** Node's "ENOSPC: no space left on device, write" → "no space left on device". */
export function errnoReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const m = /^[A-Z0-9_]+: ([^,]+)/.exec(e?.message ?? '');
  return m ? m[1]! : String(e?.message ?? err);
}

function wrap(path: string, err: unknown, early = false): OutputFileError {
  return err instanceof OutputFileError ? err : new OutputFileError(path, errnoReason(err), early);
}

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

const processGone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: it exists, owned by someone else
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

/** Remove temp files of `path` left by processes that no longer run (never those of live ones). */
export function removeStaleTemps(path: string): void {
  const name = basename(path);
  const prefix = `.${name}.`;
  let entries: string[];
  try {
    entries = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const m = /^(\d+)\.\d+\.tmp$/.exec(entry.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || !processGone(pid)) continue;
    try {
      rmSync(join(dirname(path), entry), { force: true });
    } catch {
      // not ours to remove after all (permissions): leave it
    }
  }
}

/** How a target is written: through a temp file and a rename, or straight into it. */
export type OutputMode = 'atomic' | 'direct';

function statOrUndefined(path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Names of this process's standard output (a socket there, as node's spawn makes, cannot be opened by name). */
const STDOUT_PATHS = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1', `/proc/${process.pid}/fd/1`]);

/**
 * Check that `path` can be written before any work starts; throws an early OutputFileError if not.
 * Targets under /dev and /proc, and anything that is not a regular file, are written straight into.
 */
export function checkOutputTarget(path: string): OutputMode {
  if (STDOUT_PATHS.has(resolve(path))) return 'direct';
  try {
    const stats = statOrUndefined(path, true);
    if (stats?.isDirectory()) throw new OutputFileError(path, 'it is a directory', true);
    if (stats && (stats.isSocket() || stats.isBlockDevice()))
      throw new OutputFileError(path, `it is a ${stats.isSocket() ? 'socket' : 'block device'}, not a file`, true);
    if (stats && !stats.isFile()) return 'direct';
    const absolute = resolve(path);
    if (/^\/(?:dev|proc)\//.test(absolute)) return 'direct';
    const folder = dirname(path);
    const dir = statOrUndefined(folder, true);
    if (!dir) throw new OutputFileError(path, `the folder ${folder} does not exist`, true);
    if (!dir.isDirectory()) throw new OutputFileError(path, `${folder} is not a folder`, true);
    try {
      accessSync(folder, constants.W_OK);
    } catch (err) {
      throw new OutputFileError(path, `the folder ${folder} is not writable (${errnoReason(err)})`, true);
    }
    if (stats && lstatSync(path).isSymbolicLink()) return 'direct'; // a rename would replace the link itself
    return 'atomic';
  } catch (err) {
    throw wrap(path, err, true);
  }
}

/** An output file being written: `commit` puts it in place, `abort` drops it (both idempotent). */
export interface OutputFile {
  readonly path: string;
  readonly mode: OutputMode;
  /** where the bytes go now (the temp file, or the target itself) */
  readonly writePath: string;
  write(data: string | Uint8Array, length?: number): void;
  commit(): void;
  abort(): void;
}

/** Open `path` for writing (see the file comment); errors are OutputFileErrors. */
export function openOutputFile(path: string): OutputFile {
  const mode = checkOutputTarget(path);
  if (mode === 'atomic') removeStaleTemps(path);
  const writePath = mode === 'atomic' ? tempPathFor(path) : path;
  let fd: number | undefined;
  try {
    fd = openSync(writePath, mode === 'atomic' ? 'wx' : 'w');
  } catch (err) {
    if (!(STDOUT_PATHS.has(resolve(path)) && (err as NodeJS.ErrnoException).code === 'ENXIO')) throw wrap(path, err);
    fd = 1; // standard output is a socket: write to it as it is
  }
  const shared = fd === 1;
  let done = false;
  const close = () => {
    if (fd === undefined) return;
    const f = fd;
    fd = undefined;
    if (!shared) closeSync(f);
  };
  const file: OutputFile = {
    path,
    mode,
    writePath,
    write(data, length) {
      try {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        const end = length ?? bytes.length;
        for (let at = 0; at < end; ) {
          try {
            at += writeSync(fd!, bytes, at, end - at);
          } catch (err) {
            // a non-blocking standard output that is full for now: try again
            if (!shared || (err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
          }
        }
      } catch (err) {
        file.abort();
        throw wrap(path, err);
      }
    },
    commit() {
      if (done) return;
      try {
        if (mode === 'atomic') fsyncSync(fd!);
        close();
        if (mode === 'atomic') renameSync(writePath, path);
        done = true;
      } catch (err) {
        file.abort();
        throw wrap(path, err);
      }
    },
    abort() {
      if (done) return;
      done = true;
      try {
        close();
      } catch {
        // already unusable: the temp file goes anyway
      }
      if (mode === 'atomic') rmSync(writePath, { force: true });
    },
  };
  return file;
}

/** Write `content` to `path` atomically (or straight into a FIFO or device). */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const file = openOutputFile(path);
  file.write(content);
  file.commit();
}
