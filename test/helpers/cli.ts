import { spawnSync } from 'node:child_process';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built binary as a user would (node bin/cesuan.js …). */
export function cesuan(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [new URL('../../bin/cesuan.js', import.meta.url).pathname, ...args], {
    cwd: options.cwd ?? process.cwd(),
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
