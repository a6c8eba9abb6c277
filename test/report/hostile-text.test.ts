/**
 * Issue #10 item 7: model text never reaches a terminal as control sequences. A model whose title, labels,
 * note and scenario name carry OSC (retitle the window), BEL and CSI (recolour, clear the screen) is run
 * through every human-readable output; each shows visible stand-ins (␛ ␇) and no raw ESC, BEL or C1 byte.
 * JSON keeps the exact text, escaped (\u001b, and \u009b for C1, which JSON.stringify leaves raw).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeText } from '../../src/report/safe-text.js';
import { cesuan } from '../helpers/cli.js';

/** The title of the issue: OSC 0 (set window title) ended by BEL, then CSI 31m (red), then 郑州. */
const HOSTILE = '\u001b]0;x\u0007\u001b[31m郑州';
const SHOWN = '␛]0;x␇␛[31m郑州';

/** Any byte a terminal acts on: C0 but tab and newline, DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const HOSTILE_MODEL = `id: hostile
title: "\\e]0;x\\a\\e[31m郑州"
years: { base: 2020, target: 2025 }
sources:
  appendix: { title: 测算说明, file: 003_ec8b82c3b8b13a4a.txt }
groups:
  - { id: jobs_group, label: "就业\\e[2J" }
assumptions:
  share:
    label: "份额\\e[2J\\x9b31m"
    unit: ratio
    default: 0.19
    range: [0, 0.25]
    step: 0.01
    source: { ref: appendix, quote: "份额0.19" }
indicators:
  jobs:
    label: "\\e]0;x\\a\\e[31m郑州就业"
    unit: 万人
    group: jobs_group
    kind: stock
    attribute: binding
    baseline: { value: 80, source: { ref: appendix, quote: "2020年80万人" } }
    target: { op: ">=", value: 85, source: { ref: appendix, quote: "到2025年85万人" } }
    derivations:
      basis1:
        label: "依据\\a1"
        formula: "85 * share / share"
        path: "80 + (85 * share / share - 80) * t / 5"
        stated:
          - { label: "2025年\\e[31m", value: 85 }
        note: "注\\e]0;y\\a"
        source: { ref: appendix, quote: "按85万人与份额0.19测算，2020年80万人，5年" }
    primary: basis1
`;

const dir = mkdtempSync(join(tmpdir(), 'cesuan-hostile-'));
const modelsDir = join(dir, 'models');
mkdirSync(modelsDir);
const model = join(modelsDir, 'hostile.yaml');
writeFileSync(model, HOSTILE_MODEL);
const scenario = join(dir, 'hostile-scenario.yaml');
writeFileSync(scenario, `model: ${model}\nname: "情景\\e]0;z\\a\\e[31m"\nset:\n  share: 0.2\n`);

function expectSafe(text: string, what: string) {
  const bad = text.match(CONTROL);
  expect(bad, `${what}: raw control character U+${bad?.[0]?.codePointAt(0)?.toString(16).padStart(4, '0')}`).toBeNull();
}

describe('safeText', () => {
  it('replaces C0 (not tab or newline), DEL and C1 with visible stand-ins; idempotent', () => {
    expect(safeText(HOSTILE)).toBe(SHOWN);
    expect(safeText('a\tb\nc\rd\u0000\u007f')).toBe('a\tb\nc␍d␀␡');
    expect(safeText('\u009b31m')).toBe('␛[31m');
    expect(safeText(safeText(HOSTILE))).toBe(SHOWN);
    expect(safeText('郑州 3.53%')).toBe('郑州 3.53%');
  });
});

describe('every human-readable output shows control characters as stand-ins', () => {
  const cases: [string, string[]][] = [
    ['run', ['run', model]],
    ['run --lang en', ['run', model, '--lang', 'en']],
    ['run md', ['run', model, '-f', 'md']],
    ['run csv', ['run', model, '-f', 'csv']],
    ['run scenario', ['run', scenario]],
    ['audit', ['audit', model]],
    ['audit md', ['audit', model, '-f', 'md']],
    ['explain', ['explain', model, 'jobs']],
    ['plan', ['plan', model]],
    ['plan md', ['plan', model, '-f', 'md']],
    ['batch md', ['batch', scenario, model, '-f', 'md']],
    ['batch csv', ['batch', scenario, model, '-f', 'csv']],
    ['list', ['list', modelsDir]],
    ['list json', ['list', modelsDir, '-f', 'json']],
    ['batch json', ['batch', scenario, model, '-f', 'json']],
    ['explain json', ['explain', model, 'jobs', '-f', 'json']],
    ['audit json', ['audit', model, '-f', 'json']],
    ['compare', ['compare', model, scenario]],
    ['solve', ['solve', model, 'jobs', '--for', 'share', '-t', '85']],
  ];
  for (const [what, args] of cases) {
    it(what, () => {
      const r = cesuan(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expectSafe(r.stdout, what);
      expectSafe(r.stderr, `${what} (stderr)`);
      // the text is still there: made visible, or escaped in JSON
      expect(r.stdout).toContain(what.endsWith('json') ? '\\u001b' : '␛');
    });
  }

  it('the title as the run table prints it', () => {
    const r = cesuan(['run', model], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toBe(SHOWN);
  });

  it('JSON keeps its own escaping: the exact title, escaped as \\u001b', () => {
    const r = cesuan(['run', model, '-f', 'json'], { cwd: dir });
    expect(r.stdout).toContain('\\u001b]0;x\\u0007\\u001b[31m郑州');
    expectSafe(r.stdout, 'json');
    expect(JSON.parse(r.stdout).title).toBe(HOSTILE);
    // C1 too: JSON.stringify leaves U+009B raw, cesuan writes \u009b
    const share = JSON.parse(r.stdout).assumptions.find((a: { id: string }) => a.id === 'share');
    expect(share.label).toBe('份额\u001b[2J\u009b31m');
    expect(r.stdout).toContain('\\u009b31m');
  });

  it('a bad-input message naming model text is made safe too', () => {
    const r = cesuan(['explain', model, '\u001b]0;evil\u0007'], { cwd: dir });
    expect(r.code).toBe(2);
    expectSafe(r.stderr, 'explain error');
    expect(r.stderr).toContain('␛]0;evil␇');
  });
});
