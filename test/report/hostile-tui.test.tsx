/**
 * Issue #10 item 7 in the TUI: the one place it draws text (components/line.tsx) shows model text's control
 * characters as stand-ins. The frame ink writes keeps its own styling (CSI …m) but no OSC, BEL or model CSI.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.js';
import { App } from '../../src/tui/app.js';

const dir = mkdtempSync(join(tmpdir(), 'cesuan-hostile-tui-'));
const file = join(dir, 'hostile.yaml');
writeFileSync(
  file,
  `id: hostile
title: "\\e]0;x\\a\\e[31m郑州"
years: { base: 2020, target: 2025 }
sources:
  appendix: { title: 测算说明, file: 003_ec8b82c3b8b13a4a.txt }
assumptions:
  growth:
    label: "增长率\\e[2J"
    unit: ratio
    default: 0.02
    range: [0, 0.1]
    step: 0.005
    source: { ref: appendix, quote: "增长2%" }
indicators:
  jobs:
    label: "\\e]0;y\\a就业\\x9b31m"
    unit: 万人
    kind: stock
    attribute: binding
    baseline: { value: 80, source: { ref: appendix, quote: "2020年80万人" } }
    target: { op: ">=", value: 85, source: { ref: appendix, quote: "到2025年85万人" } }
    derivations:
      basis1:
        label: 依据1
        formula: compound(80, growth, 5)
        path: compound(80, growth, t)
        source: { ref: appendix, quote: "2020年80万人，增长2%，5年" }
    primary: basis1
`,
);

afterEach(() => cleanup());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the TUI draws model text through safeText', () => {
  it('shows the hostile title and label as ␛]0;x␇␛[31m郑州 and sends no OSC, BEL or C1 to the terminal', async () => {
    const model = loadModel(file);
    const app = render(<App model={model} columns={100} rows={24} scenariosDir={dir} />);
    await sleep(50);
    const frame = app.lastFrame() ?? '';
    expect(frame).toContain('␛]0;x␇␛[31m郑州');
    expect(frame).toContain('␛]0;y␇就业␛[31m');
    // ink's own styling is CSI … m; nothing else may carry ESC, and no BEL, OSC or C1 at all
    expect(frame).not.toMatch(/\u0007|\u001b\]|[\u0080-\u009f]/);
    expect(frame.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
