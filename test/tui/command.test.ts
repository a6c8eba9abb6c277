/**
 * `cesuan tui` as a command: without a terminal it says so and points to `cesuan run` (exit 2); the UI
 * (ink + react) is a lazily loaded chunk that no other command loads.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = 'models/zhengzhou-hrss-14th.yaml';

describe('cesuan tui without a terminal', () => {
  it('prints one line suggesting cesuan run and exits 2', () => {
    const r = cesuan(['tui', model], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`cesuan run ${model}`);
    expect(r.stderr).toContain('TTY');
  });

  it('in English with --lang en', () => {
    const r = cesuan(['tui', model, '--lang', 'en'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs an interactive terminal');
  });

  it('rejects an unknown --lang', () => {
    const r = cesuan(['tui', model, '--lang', 'fr'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang must be one of zh, en');
  });
});

describe('the UI is loaded lazily', () => {
  const dist = join(root, 'dist');
  const read = (file: string) => readFileSync(join(dist, file), 'utf8');

  it('cli.cjs contains neither react nor ink; the UI module it imports for `tui` does', () => {
    const cli = read('cli.cjs');
    expect(cli).not.toContain('react-reconciler');
    expect(cli).not.toContain('ink-root');
    const ui = readdirSync(dist).filter((f) => /^ui-\w+\.js$/.test(f) && read(f).includes('ink-root'));
    expect(ui.length).toBeGreaterThan(0);
    expect(ui.some((f) => cli.includes(JSON.stringify(f)))).toBe(true);
  });
});
