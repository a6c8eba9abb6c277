/**
 * A progress bar on stderr for long runs: only when stderr is a terminal, and only once a run has taken longer
 * than a second (a quick run prints nothing). stdout stays data only.
 */
const START_AFTER_MS = 1000;
const REDRAW_MS = 100;
const WIDTH = 24;

export interface Progress {
  /** `done` units of `total` (undefined: unknown) finished */
  update(done: number): void;
  /** erase the bar */
  finish(): void;
}

export function progressBar(total: number | undefined, unit: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CESUAN_NO_PROGRESS) return { update: () => {}, finish: () => {} };
  const started = performance.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done) {
      const now = performance.now();
      if (now - started < START_AFTER_MS || now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const rate = done / ((now - started) / 1000);
      let text: string;
      if (total) {
        const share = Math.min(1, done / total);
        const filled = Math.round(share * WIDTH);
        const eta = rate > 0 ? (total - done) / rate : 0;
        text = `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit} · ${Math.round(rate).toLocaleString('en')}/s · ${eta.toFixed(0)}s left`;
      } else {
        text = `${done.toLocaleString('en')} ${unit} · ${Math.round(rate).toLocaleString('en')}/s`;
      }
      stream.write(`\r\x1b[K${text}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
