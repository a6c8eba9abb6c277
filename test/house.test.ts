/**
 * The house rules (STYLE.md, issue "The house"): imports run models → model → engine → report → cli/tui,
 * the engine's rooms import downwards only, the TUI never imports the CLI, and no file is part of a circle.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(new URL('..', import.meta.url).pathname);
const src = join(root, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Edge {
  from: string;
  to: string;
  dynamic: boolean;
}

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  const spec =
    /(import\s+type\s[^;]*?from\s*|import\s[^;]*?from\s*|export\s[^;]*?from\s*|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;
  for (const m of text.matchAll(spec)) {
    const target = resolve(dirname(file), m[3]!).replace(/\.js$/, '');
    const to = [`${target}.ts`, `${target}.tsx`, join(target, 'index.ts')].find((c) => {
      try {
        return statSync(c).isFile();
      } catch {
        return false;
      }
    });
    if (to) edges.push({ from: file, to, dynamic: m[1]!.includes('(') });
  }
  return edges;
}

const files = filesUnder(src);
const edges = files.flatMap(edgesOf);
const area = (file: string): string => {
  const rel = relative(src, file).split('/');
  return rel[0] === 'engine' && rel.length > 2 ? `engine/${rel[1]}` : rel.length > 1 ? rel[0]! : 'root';
};

/** What each area may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  engine: ['model'],
  'engine/methods': ['engine'],
  'engine/graph': ['engine', 'engine/methods', 'model'],
  'engine/uncertainty': ['engine', 'engine/methods', 'engine/graph', 'model'],
  'engine/planning': ['engine', 'engine/methods', 'engine/graph', 'engine/uncertainty', 'model'],
  report: ['model', 'engine', 'engine/methods', 'engine/graph', 'engine/uncertainty', 'engine/planning'],
  io: [],
  tui: ['io', 'report', 'model', 'engine', 'engine/methods', 'engine/graph', 'engine/uncertainty', 'engine/planning'],
  cli: ['io', 'tui', 'report', 'model', 'engine', 'engine/methods', 'engine/graph', 'engine/uncertainty', 'engine/planning'],
  root: ['cli'],
};

describe('the house: imports run one way', () => {
  it('every source file is in an area the rules know', () => {
    expect(files.map(area).filter((a) => !(a in ALLOWED))).toEqual([]);
  });

  it('each area imports only the areas below it (the CLI may start the TUI)', () => {
    const wrong = edges
      .filter((e) => area(e.from) !== area(e.to))
      .filter((e) => !(ALLOWED[area(e.from)] ?? []).includes(area(e.to)))
      .map((e) => `${relative(src, e.from)} → ${relative(src, e.to)}`);
    expect(wrong).toEqual([]);
  });

  it('no import circles, type-only imports included', () => {
    const next = new Map<string, string[]>();
    for (const e of edges) if (!e.dynamic) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const to of next.get(file) ?? []) {
        if (state.get(to) === 'open')
          circles.push(
            stack
              .slice(stack.indexOf(to))
              .concat(to)
              .map((f) => relative(src, f))
              .join(' → '),
          );
        else if (!state.has(to)) visit(to);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(circles).toEqual([]);
  });
});
