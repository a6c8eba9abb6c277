/**
 * Streaming rows to stdout or to a file without ever holding them all: rows are encoded into a 64 KiB buffer that
 * is written synchronously when full; a file output goes into a temp file in the same folder and is renamed over the target
 * only when complete. On an error or an interrupt (Ctrl-C, SIGTERM) the temp file is removed and a previous
 * file at the target stays as it was.
 *
 * Long loops call `checkpoint()` every few thousand rows: it lets signals and stdout errors arrive (the loop is
 * otherwise synchronous) and raises Exit(130) once interrupted.
 */
import { renameSync, rmSync } from 'node:fs';
import { checkOutputTarget, removeStaleTemps, type OutputFile } from '../io/atomic-file.js';
import { rowEncoder, type RowEncoder, type RowFormat } from '../report/rows.js';
import type { Progress } from './progress.js';
import { OutputFileError, errnoReason, openOutputFile, stdoutClosed, suppressBufferWarning, tempPathFor } from './output.js';
import { EXIT, Exit } from './shared.js';

export type StreamFormat = RowFormat | 'xlsx';
export const STREAM_FORMATS: StreamFormat[] = ['csv', 'json', 'md', 'xlsx'];

/** Exit code after an interrupt (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

const CHUNK = 64 * 1024;
/** Excel's sheet limit, less the header row. */
export const XLSX_MAX_ROWS = 1_048_575;

export interface RowSink {
  write(values: unknown[]): void;
  /** finish the output: flush, fsync and rename the temp file into place */
  close(): Promise<void>;
  /** drop the output: remove the temp file (no-op once closed) */
  abort(): void;
  readonly rows: number;
}

/** `--format`, else the --out extension, else `fallback`. */
export function streamFormat(format: string | undefined, out: string | undefined, fallback: StreamFormat = 'csv'): StreamFormat {
  if (format) {
    if (!(STREAM_FORMATS as string[]).includes(format))
      throw new Exit(EXIT.badInput, `--format must be one of ${STREAM_FORMATS.join(', ')}, not "${format}"`);
    return format as StreamFormat;
  }
  const ext = out?.split('.').pop()?.toLowerCase();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'md') return 'md';
  if (ext === 'csv') return 'csv';
  return fallback;
}

let interrupted = false;
const temps = new Set<string>();
let installed = false;

/** Install once: signals set a flag the loops check; leftover temp files go on exit whatever happens. */
function installHandlers(): void {
  if (installed) return;
  installed = true;
  const onSignal = () => {
    if (interrupted) process.exit(EXIT_INTERRUPTED); // a second Ctrl-C: leave now
    interrupted = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => {
    for (const t of temps) rmSync(t, { force: true });
  });
}

/** Let pending signals and stream events in; raise when interrupted. Returns false once stdout is gone. */
export async function checkpoint(): Promise<boolean> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (interrupted) throw new Exit(EXIT_INTERRUPTED, 'cesuan: interrupted; no output file written');
  return !stdoutClosed();
}

export interface SinkOptions {
  format: StreamFormat;
  out: string | undefined;
  columns: string[];
  meta?: Record<string, unknown>;
  align?: ('left' | 'right')[];
  /** xlsx: sheet name */
  sheet?: string;
}

export async function openRowSink(options: SinkOptions): Promise<RowSink> {
  installHandlers();
  if (options.format === 'xlsx') return openXlsxSink(options);
  const encoder: RowEncoder = rowEncoder(options.format, options.columns, options.meta, options.align);
  const file: OutputFile | undefined = options.out ? openOutputFile(options.out) : undefined;
  const temp = file?.mode === 'atomic' ? file.writePath : undefined;
  if (temp) temps.add(temp);
  // rows are encoded straight into one reused buffer, so each row's string dies young (no garbage promoted to
  // the old generation while a chunk fills up: memory stays flat however many rows)
  const chunk = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  let rows = 0;
  let open = true;
  const flush = () => {
    if (used === 0) return;
    if (file) file.write(chunk, used);
    else if (!stdoutClosed()) process.stdout.write(Buffer.from(chunk.subarray(0, used))); // stdout may write later: copy
    used = 0;
  };
  const append = (text: string) => {
    if (text.length * 3 > CHUNK - used) {
      flush();
      if (text.length * 3 > CHUNK) {
        if (file) file.write(text);
        else if (!stdoutClosed()) process.stdout.write(text);
        return;
      }
    }
    used += chunk.write(text, used);
  };
  const cleanup = () => {
    file?.abort();
    if (temp) temps.delete(temp);
  };
  append(encoder.head());
  return {
    get rows() {
      return rows;
    },
    write(values) {
      append(encoder.row(values));
      rows++;
    },
    async close() {
      if (!open) return;
      try {
        append(encoder.tail());
        flush();
        file?.commit();
        if (temp) temps.delete(temp);
        open = false;
      } catch (err) {
        open = false;
        cleanup();
        throw err;
      }
    },
    abort() {
      if (!open) return;
      open = false;
      cleanup();
    },
  };
}

async function openXlsxSink(options: SinkOptions): Promise<RowSink> {
  if (!options.out) throw new Exit(EXIT.badInput, 'xlsx output needs --out <file.xlsx> (a workbook is not written to stdout)');
  const { default: ExcelJS } = await import('exceljs');
  const out = options.out;
  const atomic = checkOutputTarget(out) === 'atomic';
  if (atomic) removeStaleTemps(out);
  // a FIFO or a device is written straight into, never renamed over
  const temp = atomic ? tempPathFor(out) : out;
  if (atomic) temps.add(temp);
  // from the writer's creation to its commit (exceljs calls Buffer() in both)
  const restoreWarnings = suppressBufferWarning();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(options.sheet ?? 'Rows', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((c) => ({ header: c, key: c, width: Math.max(10, Math.min(40, c.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rows = 0;
  let open = true;
  return {
    get rows() {
      return rows;
    },
    write(values) {
      if (rows >= XLSX_MAX_ROWS)
        throw new Exit(
          EXIT.badInput,
          `more than ${XLSX_MAX_ROWS.toLocaleString('en')} rows do not fit in an Excel sheet; write CSV instead`,
        );
      sheet.addRow(values.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : (v ?? null)))).commit();
      rows++;
    },
    async close() {
      if (!open) return;
      open = false;
      try {
        sheet.commit();
        await workbook.commit();
        if (atomic) renameSync(temp, out);
        temps.delete(temp);
      } catch (err) {
        if (atomic) rmSync(temp, { force: true });
        temps.delete(temp);
        throw err instanceof Exit || err instanceof OutputFileError ? err : new OutputFileError(out, errnoReason(err));
      } finally {
        restoreWarnings();
      }
    },
    abort() {
      if (!open) return;
      open = false;
      // the writer may still hold the file open; removing the path is enough on POSIX
      if (atomic) rmSync(temp, { force: true });
      temps.delete(temp);
      restoreWarnings();
    },
  };
}

/**
 * Fill a row sink: on success finish the progress bar and close the sink (its temp file is renamed into
 * place); on any error abort it (the temp file is removed, a previous output file stays) and rethrow.
 */
export async function fillSink(sink: RowSink, bar: Progress, fill: () => Promise<void>): Promise<void> {
  try {
    await fill();
    bar.finish();
    await sink.close();
  } catch (err) {
    bar.finish();
    sink.abort();
    throw err;
  }
}
