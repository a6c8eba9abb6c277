/**
 * File arguments with wildcards, for shells that did not expand them (quoted, or Windows): `*` and `?` within a
 * path segment, `**` for any number of folders. Matches are sorted so a batch always runs in the same order.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';

const MAGIC = /[*?[]/;

function segmentPattern(segment: string): RegExp {
  let re = '';
  for (const ch of segment) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, segments: string[], out: string[]): void {
  if (segments.length === 0) {
    out.push(dir);
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === '**') {
    walk(dir, rest, out);
    for (const entry of safeReaddir(dir)) {
      if (entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (isDirectory(path)) walk(path, segments, out);
    }
    return;
  }
  if (!MAGIC.test(head)) {
    const path = join(dir, head);
    if (existsSync(path)) walk(path, rest, out);
    return;
  }
  const pattern = segmentPattern(head);
  for (const entry of safeReaddir(dir)) {
    if (entry.startsWith('.') && !head.startsWith('.')) continue;
    if (pattern.test(entry)) walk(join(dir, entry), rest, out);
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Expand one argument: itself when it has no wildcard, else the sorted matching files (maybe none). */
export function expandGlob(pattern: string): string[] {
  if (!MAGIC.test(pattern)) return [pattern];
  const normalized = pattern.split(sep).join('/');
  const absolute = isAbsolute(normalized);
  const segments = normalized.split('/').filter((s, i) => s !== '' || (i === 0 && absolute));
  const start = absolute ? '/' : '.';
  const out: string[] = [];
  walk(start, absolute ? segments.slice(1) : segments, out);
  const files = out.filter((p) => !isDirectory(p)).map((p) => (absolute ? p : p.replace(/^\.\//, '')));
  return [...new Set(files)].sort();
}
