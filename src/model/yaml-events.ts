/**
 * The fast way from YAML text to data and source positions: js-yaml's flat event stream (offsets into the
 * text), walked once. It covers what model and scenario files are made of — block and flow mappings and
 * sequences, plain, quoted and block scalars, comments, anchors and their aliases — at about a fifth of the
 * cost of building a `yaml` Document on a cold start (issue 10 item 12: every run is a first run).
 *
 * Anything else gives `{ unusual: why }`, and the caller takes the exact path (yaml-exact.ts), which also
 * words every error: a syntax error, an empty value, tags, directives, several documents, an alias of a node
 * that holds aliases itself or one used more than MAX_ALIAS_COUNT times, a key that is not plain text or that
 * JavaScript would hold under another name (`007`, `1.50`, `null`), a repeated key, `__proto__`, a date where a
 * formula belongs, nesting past the limit. So this path never decides that a file is wrong, and what it
 * accepts gives the data and positions the exact path gives (test/model/yaml-events.test.ts checks both on
 * every shipped file, with LF and CRLF line ends, and on fuzzed text). */
import {
  boolCoreTag,
  COLLECTION_STYLE,
  EVENT_ID,
  type Event,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  parseEvents,
  SCALAR_STYLE,
  type ScalarEvent,
} from 'js-yaml';
import type { PositionTree } from './positions.js';
import { FORMULA_KEYS, MAX_ALIAS_COUNT, MAX_YAML_DEPTH, YAML11_TIMESTAMP } from './yaml-limits.js';

/** The core schema's implicit types, in the order YAML 1.2 resolves a plain scalar. */
const IMPLICIT = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

/** Not for this path: the exact one decides (see the header). */
class Unusual extends Error {}

/** First characters a null, boolean, integer or float can start with (or the empty scalar); anything else is text. */
const MAYBE_NOT_TEXT = /^(?:$|[-+.~0-9nNtTfF])/;

function plainValue(source: string): unknown {
  // most scalars of a model are labels, quotes and formulas: skip the four resolvers for them
  if (!MAYBE_NOT_TEXT.test(source)) return source;
  for (const tag of IMPLICIT) {
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return source;
}

/** Tabs in indentation (yaml refuses them, js-yaml reads some), NEL, Unicode line and paragraph separators, a byte-order mark. */
const ODD_TEXT = /^[ ]*\t|[\u0085\u2028\u2029\ufeff]/m;

/** `---` and `...` lines: one `---` before any content is one document as both libraries read it; others may not be. */
const MARKER = /^[ \t]*(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
function oneDocument(text: string): boolean {
  const markers = [...text.matchAll(MARKER)];
  if (markers.length === 0) return true;
  const first = markers[0]!;
  return markers.length === 1 && first[0] === '---' && /^(?:[ \t]*(?:#.*)?\r?\n)*$/.test(text.slice(0, first.index));
}

/** A block scalar's header (`|`, `>-`, `|2 # comment`) ends the line before its content starts. */
const BLOCK_HEADER = /^[|>][-+1-9]{0,2}(?:[ \t]+#.*)?[ \t]*\r?$/;

export interface EventParse {
  data: unknown;
  tree: PositionTree | null;
}

/** Parse `text` the fast way, or say why the exact path must decide (see the header). */
export function parseYamlEvents(text: string): EventParse | { unusual: string } {
  // where the two libraries read these characters differently
  if (ODD_TEXT.test(text)) return { unusual: 'tabs, line separators or a byte-order mark' };
  if (!oneDocument(text)) return { unusual: 'document markers' };
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_YAML_DEPTH + 1 });
  } catch (err) {
    return { unusual: `YAML: ${(err as Error).message.split('\n')[0]}` };
  }
  const first = events[0];
  // one document, no directives, and a root node
  if (!first || first.type !== EVENT_ID.DOCUMENT || first.directives.length > 0 || events.length < 3)
    return { unusual: 'not one document' };
  let at = 1;
  const path: (string | number)[] = [];
  /** anchor name → its node's value (an alias gives that same value, as yaml's toJS does), and its uses */
  const anchors = new Map<string, { value: unknown; uses: number }>();
  let aliases = 0;
  /** `&name` on a node: remember what it gave, unless it holds an alias (yaml's expansion count decides then) */
  const anchored = (e: { anchorStart: number; anchorEnd: number }, aliasesBefore: number, value: unknown) => {
    if (e.anchorStart < 0) return;
    if (aliases > aliasesBefore) throw new Unusual('an anchored node that holds an alias');
    anchors.set(text.slice(e.anchorStart, e.anchorEnd), { value, uses: 0 });
  };

  /** Where yaml's Document puts a scalar: the opening quote, the block header; its end for a plain one. */
  const scalarRange = (e: ScalarEvent): [number, number] => {
    switch (e.style) {
      case SCALAR_STYLE.PLAIN:
        return [e.valueStart, e.valueEnd];
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        return [e.valueStart - 1, e.valueEnd + 1];
      default: {
        // the header line: the one that ends just before the content (or the text, for an empty block at the end)
        const lineEnd = text.charCodeAt(e.valueStart - 1) === 10 ? e.valueStart - 1 : e.valueStart;
        const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
        let header = -1;
        for (let i = text.indexOf('|', lineStart); i >= 0 && i < lineEnd; i = text.indexOf('|', i + 1)) {
          if (BLOCK_HEADER.test(text.slice(i, lineEnd))) header = header < 0 ? i : -2;
        }
        for (let i = text.indexOf('>', lineStart); i >= 0 && i < lineEnd; i = text.indexOf('>', i + 1)) {
          if (BLOCK_HEADER.test(text.slice(i, lineEnd))) header = header < 0 ? i : -2;
        }
        if (header < 0) throw new Unusual('a block scalar header that is not plain'); // none, or two candidates (`"a | #": |`)
        // an explicit indentation (`|2`): the libraries differ on lines that hold only spaces
        if (/\d/.test(text.charAt(header + 1)) || /\d/.test(text.charAt(header + 2))) throw new Unusual('an indentation indicator');
        // a block scalar never prints as a number: its end only has to keep decimalsAt from reading one
        return [header, header + 1];
      }
    }
  };

  /**
   * A flow collection (`[…]`, `{…}`) that closes on the line it opens on: its end, past the bracket. Comments
   * and line breaks inside brackets are where the libraries disagree (yaml refuses `[1,\n#c\n]`).
   */
  const flowEnd = (e: { start: number; style: number }, lastEnd: number, closer: string): number => {
    let p = lastEnd < 0 ? e.start + 1 : lastEnd;
    while (text[p] === ' ' || text[p] === ',') p++;
    if (text[p] !== closer || text.slice(e.start, p).includes('\n')) throw new Unusual('a flow collection over several lines');
    return p + 1;
  };

  /** the node at `at`: its value, its positions, and where it ends (-1 for a block collection: not needed) */
  const node = (depth: number): { value: unknown; tree: PositionTree; end: number } => {
    if (depth > MAX_YAML_DEPTH) throw new Unusual('nesting');
    const e = events[at++]!;
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        if (e.tagStart >= 0) throw new Unusual('a tag');
        // an empty value: yaml places it by rules of its own (after `: `, before a comment, or nowhere)
        if (e.valueStart < 0) throw new Unusual('an empty value');
        const source = getScalarValue(text, e);
        const value = e.style === SCALAR_STYLE.PLAIN ? plainValue(source) : source;
        anchored(e, aliases, value);
        const last = path[path.length - 1];
        const formula = (typeof last === 'string' && FORMULA_KEYS.has(last)) || (path.length === 2 && path[0] === 'set');
        if (e.style === SCALAR_STYLE.PLAIN && formula && typeof value === 'string' && YAML11_TIMESTAMP.test(value)) {
          throw new Unusual('a date in a formula');
        }
        const range = scalarRange(e);
        return { value, tree: range, end: e.style === SCALAR_STYLE.PLAIN ? e.valueEnd : e.valueEnd + 1 };
      }
      case EVENT_ID.MAPPING: {
        if (e.tagStart >= 0) throw new Unusual('a tag');
        const aliasesBefore = aliases;
        const value: Record<string, unknown> = {};
        const entries: Record<string, [number, PositionTree | null]> = {};
        let lastEnd = -1;
        while (events[at]!.type !== EVENT_ID.POP) {
          const k = events[at++]!;
          if (k.type !== EVENT_ID.SCALAR || k.anchorStart >= 0 || k.tagStart >= 0) throw new Unusual('a key that is not plain text');
          const written = getScalarValue(text, k);
          // a plain key is held under String(its value): only where that is what was written
          if (k.style === SCALAR_STYLE.PLAIN && String(plainValue(written)) !== written) throw new Unusual(`the key ${written}`);
          if (written === '__proto__' || Object.hasOwn(entries, written)) throw new Unusual(`the key ${written}`);
          path.push(written);
          const child = node(depth + 1);
          path.pop();
          value[written] = child.value;
          entries[written] = [scalarRange(k)[0], child.tree];
          lastEnd = child.end;
        }
        at++;
        anchored(e, aliasesBefore, value);
        return { value, tree: [e.start, -1, entries], end: e.style === COLLECTION_STYLE.FLOW ? flowEnd(e, lastEnd, '}') : -1 };
      }
      case EVENT_ID.SEQUENCE: {
        if (e.tagStart >= 0) throw new Unusual('a tag');
        const aliasesBefore = aliases;
        const value: unknown[] = [];
        const items: PositionTree[] = [];
        let lastEnd = -1;
        while (events[at]!.type !== EVENT_ID.POP) {
          path.push(items.length);
          const child = node(depth + 1);
          path.pop();
          value.push(child.value);
          items.push(child.tree);
          lastEnd = child.end;
        }
        at++;
        anchored(e, aliasesBefore, value);
        return { value, tree: [e.start, -1, items], end: e.style === COLLECTION_STYLE.FLOW ? flowEnd(e, lastEnd, ']') : -1 };
      }
      case EVENT_ID.ALIAS: {
        const anchor = anchors.get(text.slice(e.anchorStart, e.anchorEnd));
        if (!anchor || ++anchor.uses > MAX_ALIAS_COUNT) throw new Unusual('an alias the exact path has to judge');
        aliases++;
        // where yaml puts an alias: its `*`
        return { value: anchor.value, tree: [e.anchorStart - 1, -1], end: e.anchorEnd };
      }
      default:
        throw new Unusual('a second document');
    }
  };

  // a file that is one scalar is no model; the exact path says so (and reads odd root block scalars its own way)
  if (events[1]!.type === EVENT_ID.SCALAR) return { unusual: 'a scalar document' };
  try {
    const root = node(0);
    // the document's own end, and nothing after it
    if (events[at]?.type !== EVENT_ID.POP || at + 1 !== events.length) return { unusual: 'more than one document' };
    return { data: root.value, tree: root.tree };
  } catch (err) {
    if (err instanceof Unusual) return { unusual: err.message };
    throw err;
  }
}
