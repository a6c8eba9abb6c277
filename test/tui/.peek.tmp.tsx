import React from 'react';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { App } from '../../src/tui/app.js';
import { loadModel } from '../../src/model/load.js';
const [cols, rows, ...keys] = process.argv.slice(2);
const model = loadModel('models/zhengzhou-hrss-14th.yaml');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const inst = render(<App model={model} columns={Number(cols)} rows={Number(rows)} scenariosDir="/tmp/tuiw" />);
await sleep(20);
const map: Record<string, string> = { ENTER: '\r', ESC: '\u001b', DOWN: '\u001b[B', UP: '\u001b[A', TAB: '\t', PGDN: '\u001b[6~', RIGHT: '\u001b[C' };
for (const k of keys) { inst.stdin.write(map[k] ?? k); await sleep(30); }
console.log(stripVTControlCharacters(inst.lastFrame() ?? ''));
inst.unmount(); process.exit(0);
