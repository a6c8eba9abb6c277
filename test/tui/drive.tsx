/** Drive the TUI by keystrokes in ink-testing-library and read the screen as plain text. */
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../src/tui/app.js';

export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  shiftRight: '\u001b[1;2C',
  shiftLeft: '\u001b[1;2D',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
  pageDown: '\u001b[6~',
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Driven {
  /** each argument is one keypress (or one pasted string) */
  press: (...keys: string[]) => Promise<void>;
  /** type text, then Enter */
  enter: (text: string) => Promise<void>;
  screen: () => string;
  lines: () => string[];
  unmount: () => void;
}

export async function drive(props: AppProps): Promise<Driven> {
  const instance = render(<App columns={80} rows={24} {...props} />);
  // ink listens for keys once its effects have run
  await sleep(5);
  const screen = () => stripVTControlCharacters(instance.lastFrame() ?? '');
  /** React commits asynchronously: every key redraws, so wait for the next frame (quitting draws none) */
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      const before = instance.frames.length;
      instance.stdin.write(key);
      const start = Date.now();
      while (instance.frames.length === before && Date.now() - start < 1500) await sleep(1);
    }
  };
  return {
    press,
    enter: async (text: string) => {
      for (const ch of text) await press(ch);
      await press(KEY.enter);
    },
    screen,
    lines: () => screen().split('\n'),
    unmount: () => instance.unmount(),
  };
}

/** The screen row that mentions `text` (first one). */
export function rowWith(screen: string, text: string): string {
  return screen.split('\n').find((l) => l.includes(text)) ?? '';
}
