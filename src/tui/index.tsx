/**
 * `cesuan tui`: draw the App on the terminal's alternate screen and give the terminal back as it was on
 * quit, Ctrl+C or a signal. Loaded lazily by src/cli/commands/tui.ts so other commands never load ink.
 */
import { render } from 'ink';
import type { LoadedModel, LoadedScenario } from '../model/load.js';
import { App } from './app.js';
import type { Lang } from './strings.js';

export { App } from './app.js';
export type { AppProps } from './app.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

export interface TuiOptions {
  model: LoadedModel;
  scenario?: LoadedScenario | undefined;
  others?: LoadedScenario[];
  lang: Lang;
  scenariosDir?: string;
}

export async function runTui(options: TuiOptions): Promise<void> {
  const out = process.stdout;
  let onScreen = true;
  const leave = () => {
    if (!onScreen) return;
    onScreen = false;
    out.write(LEAVE_ALT_SCREEN);
  };
  out.write(ENTER_ALT_SCREEN);
  process.once('exit', leave);
  try {
    const instance = render(
      <App
        model={options.model}
        scenario={options.scenario}
        others={options.others}
        lang={options.lang}
        scenariosDir={options.scenariosDir}
      />,
      {
        exitOnCtrlC: true,
        patchConsole: true,
        maxFps: 60,
      },
    );
    await instance.waitUntilExit();
  } finally {
    leave();
    process.removeListener('exit', leave);
  }
}
