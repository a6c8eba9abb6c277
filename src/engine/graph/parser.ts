/**
 * The formula parser: mathjs's `parse` and node classes built straight from their factories with plain
 * numbers and inert stubs, instead of `create(...)`, so nothing else of mathjs is bundled or initialised
 * (no typed-function, BigNumber, Complex, Unit, matrices, evaluate, import …). Cold start is ~5 ms, not ~150.
 *
 * The nodes it returns can be printed (`toString`) but not called into: `compile`/`evaluate` see an empty
 * function namespace. Formulas run only through the whitelist compiler in expression.ts.
 *
 * Most formulas of a model never reach mathjs's parser: fast-parse.ts builds the same trees for the shapes
 * models use, several times faster; mathjs parses the rest (and words every syntax error).
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

/**
 * Trees already parsed in this process, by formula text: a model writes the same formula in several places
 * (a derivation, its stated figures, its 测算依据 text). Trees are only read, never changed, so sharing is safe.
 */
const parsed = new Map<string, MathNode>();
const MAX_PARSED = 5000;

/** Parse a formula into a mathjs node tree (syntax only; the whitelist walk decides what is allowed). */
export function parseFormula(text: string): MathNode {
  const known = parsed.get(text);
  if (known) return known;
  const tree = parseFast(text) ?? parseExpression(text);
  if (parsed.size < MAX_PARSED) parsed.set(text, tree);
  return tree;
}
