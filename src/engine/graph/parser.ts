/**
 * The formula parser: mathjs's `parse` and node classes built straight from their factories with plain
 * numbers and inert stubs, instead of `create(...)`, so nothing else of mathjs is bundled or initialised
 * (no typed-function, BigNumber, Complex, Unit, matrices, evaluate, import …). Cold start is ~5 ms, not ~150.
 *
 * The nodes it returns can be printed (`toString`) but not called into: `compile`/`evaluate` see an empty
 * function namespace. Formulas run only through the whitelist compiler in expression.ts.
 *
 * Parsing ~150 formulas costs ~10 ms of a cold run; this module asks the spec cache (src/model/spec-file.ts)
 * to keep each file's parse trees as JSON (`formulaTrees`) and to hand them back (`primeFormulas`): rebuilding
 * a tree from JSON is ~5× cheaper than parsing its text. Only trees that survive JSON exactly are kept.
 */
import {
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createNode,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createParse,
  createRangeNode,
  createRelationalNode,
  createSymbolNode,
} from 'mathjs';
import type { MathNode } from 'mathjs';
import { setFormulaCache } from '../../model/spec-file.js';
import { fastParse, type NodeClasses } from './fast-parse.js';

/** mathjs exports its factories from the ESM entry but its typings do not declare them. */
// biome-ignore lint/suspicious/noExplicitAny: each factory returns a different mathjs class; the nodes are typed in nodes.ts
type Factory = (dependencies: Record<string, unknown>) => any;
declare module 'mathjs' {
  export const createAccessorNode: Factory,
    createArrayNode: Factory,
    createAssignmentNode: Factory,
    createBlockNode: Factory,
    createConditionalNode: Factory,
    createConstantNode: Factory,
    createFunctionAssignmentNode: Factory,
    createFunctionNode: Factory,
    createIndexNode: Factory,
    createNode: Factory,
    createObjectNode: Factory,
    createOperatorNode: Factory,
    createParenthesisNode: Factory,
    createParse: Factory,
    createRangeNode: Factory,
    createRelationalNode: Factory,
    createSymbolNode: Factory;
}

/** Nothing callable: a node that is compiled by mistake finds no functions. */
const inert = Object.freeze(Object.create(null) as Record<string, never>);
const refuse = (): never => {
  throw new Error('formulas are not evaluated by mathjs');
};

/** The one dispatch `parse` needs from typed-function: a string in, a node out. */
function typed(_name: string, signatures: Record<string, (...args: unknown[]) => unknown>) {
  const fromString = signatures['string']!;
  return (expression: unknown) => {
    if (typeof expression !== 'string') throw new TypeError('String expected');
    return fromString(expression);
  };
}
typed.addConversion = () => undefined;

const config = Object.freeze({ number: 'number', numberFallback: 'number' });
/** Number literals as JavaScript numbers (hex/binary/octal literals included); never BigNumber or bigint. */
const numeric = (text: string): number => Number(text);

const Node = createNode({ mathWithTransform: inert });
const SymbolNode = createSymbolNode({ math: inert, Node });
const nodes = {
  Node,
  SymbolNode,
  AccessorNode: createAccessorNode({ subset: refuse, Node }),
  ArrayNode: createArrayNode({ Node }),
  AssignmentNode: createAssignmentNode({ subset: refuse, matrix: refuse, Node }),
  BlockNode: createBlockNode({ ResultSet: refuse, Node }),
  ConditionalNode: createConditionalNode({ Node }),
  ConstantNode: createConstantNode({ Node, isBounded: (x: number) => Number.isFinite(x) }),
  FunctionAssignmentNode: createFunctionAssignmentNode({ typed: refuse, Node }),
  FunctionNode: createFunctionNode({ math: inert, Node, SymbolNode }),
  IndexNode: createIndexNode({ Node, size: refuse }),
  ObjectNode: createObjectNode({ Node }),
  OperatorNode: createOperatorNode({ Node }),
  ParenthesisNode: createParenthesisNode({ Node }),
  RangeNode: createRangeNode({ Node }),
  RelationalNode: createRelationalNode({ Node }),
};

const parseExpression = createParse({ typed, numeric, config, ...nodes }) as (expression: string) => MathNode;

/** mathjs's parse and the fast path (fast-parse.ts) on their own, for the test that compares them. */
export const parseWithMathjs = (text: string): MathNode => parseExpression(text);
export const parseFast = (text: string): MathNode | undefined => fastParse(text, nodes as unknown as NodeClasses);

/** Parse trees as JSON by formula text, from the spec cache. */
const primed = new Map<string, unknown>();

/** A node tree from mathjs's own JSON form ({ mathjs: 'OperatorNode', … }); throws on anything else. */
function revive(json: unknown, depth = 0): unknown {
  if (depth > 200) throw new RangeError('tree too deep');
  if (Array.isArray(json)) return json.map((item) => revive(item, depth + 1));
  if (json === null || typeof json !== 'object') return json;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) fields[k] = revive(v, depth + 1);
  const type = fields['mathjs'];
  if (type === undefined) return fields;
  if (typeof type !== 'string' || !Object.hasOwn(nodes, type) || type === 'Node')
    throw new TypeError(`not a formula node: ${String(type)}`);
  return (nodes[type as keyof typeof nodes] as unknown as { fromJSON: (j: unknown) => MathNode }).fromJSON(fields);
}

/**
 * Trees already parsed in this process, by formula text: a model writes the same formula in several places
 * (a derivation, its stated figures, its 测算依据 text), the spec cache collects them before the model is
 * compiled, and a cold parse is most of compiling one. Trees are only read, never changed, so sharing is safe.
 */
const parsed = new Map<string, MathNode>();
const MAX_PARSED = 5000;

/** Parse a formula into a mathjs node tree (syntax only; the whitelist walk decides what is allowed). */
export function parseFormula(text: string): MathNode {
  const known = parsed.get(text);
  if (known) return known;
  let tree: MathNode | undefined;
  const json = primed.get(text);
  if (json !== undefined) {
    try {
      // the node constructors check their arguments; the root must be a node too
      const revived = revive(json);
      if (!(revived instanceof Node)) throw new TypeError('not a formula node');
      tree = revived as MathNode;
    } catch {
      primed.delete(text); // not a tree after all: parse the text
    }
  }
  tree ??= parseFast(text) ?? parseExpression(text);
  if (parsed.size < MAX_PARSED) parsed.set(text, tree);
  return tree;
}

/** Parse trees of `texts` as JSON, for those that parse and come back from JSON as the same tree. */
export function formulaTrees(texts: Iterable<string>): Record<string, unknown> {
  const trees: Record<string, unknown> = {};
  for (const text of texts) {
    if (Object.hasOwn(trees, text)) continue;
    try {
      const tree = parseFormula(text);
      const json = JSON.stringify(tree);
      const back = revive(JSON.parse(json)) as MathNode;
      if (JSON.stringify(back) === json && back.toString() === tree.toString()) trees[text] = JSON.parse(json);
    } catch {
      // a syntax error: the compiler reports it when it parses the text
    }
  }
  return trees;
}

/** Parse trees (from `formulaTrees`, via the spec cache) that parseFormula uses instead of parsing. */
export function primeFormulas(trees: Record<string, unknown>): void {
  for (const [text, json] of Object.entries(trees)) {
    primed.set(text, json);
    parsed.delete(text); // the next parseFormula revives what was handed in (or parses, when it is no tree)
  }
}

setFormulaCache({ collect: formulaTrees, prime: primeFormulas });
