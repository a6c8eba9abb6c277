/**
 * The one typed view of a parsed formula's nodes. mathjs's typings describe its nodes with generic parameters
 * that do not match what the parser hands back (a ConstantNode's value may be a string, an operator's `fn` is
 * any name), so every walker used to cast. Here the cast happens once: `formulaNode(node)` gives a
 * discriminated union on `type` that the compilers (expression.ts, straight-line.ts, uncertainty/vector.ts)
 * and the Excel translator (report/excel-formula.ts) narrow with a plain `switch`.
 */
import type { MathNode } from 'mathjs';

export type FormulaNode =
  | { readonly type: 'ConstantNode'; readonly value: unknown }
  | { readonly type: 'ParenthesisNode'; readonly content: MathNode }
  | { readonly type: 'SymbolNode'; readonly name: string }
  | {
      readonly type: 'AccessorNode';
      readonly object: MathNode;
      readonly index: { readonly dotNotation: boolean; readonly dimensions: readonly MathNode[] };
    }
  | { readonly type: 'OperatorNode'; readonly fn: string; readonly op: string; readonly args: readonly MathNode[] }
  | { readonly type: 'ConditionalNode'; readonly condition: MathNode; readonly trueExpr: MathNode; readonly falseExpr: MathNode }
  | { readonly type: 'ArrayNode'; readonly items: readonly MathNode[] }
  | { readonly type: 'FunctionNode'; readonly fn: MathNode; readonly args: readonly MathNode[] }
  /** any other node type (assignments, ranges, objects …): refused by every walker */
  | { readonly type: 'other'; readonly nodeType: string };

const KNOWN = new Set([
  'ConstantNode',
  'ParenthesisNode',
  'SymbolNode',
  'AccessorNode',
  'OperatorNode',
  'ConditionalNode',
  'ArrayNode',
  'FunctionNode',
]);

/** `node` as a FormulaNode (the node itself for the known types, so no copy). */
export function formulaNode(node: MathNode): FormulaNode {
  return KNOWN.has(node.type) ? (node as unknown as FormulaNode) : { type: 'other', nodeType: node.type };
}

/** A node type as words for messages: `ConditionalNode` → "conditional". */
export function nodeTypeWord(node: FormulaNode): string {
  return (node.type === 'other' ? node.nodeType : node.type).replace(/Node$/, '').toLowerCase();
}

/** `a.b.c` written as nested AccessorNodes with dot notation → ['a', 'b', 'c']; anything else → undefined. */
export function dottedName(node: MathNode): string[] | undefined {
  const n = formulaNode(node);
  if (n.type === 'SymbolNode') return [n.name];
  if (n.type !== 'AccessorNode') return undefined;
  if (!n.index.dotNotation || n.index.dimensions.length !== 1) return undefined;
  const head = dottedName(n.object);
  const prop = formulaNode(n.index.dimensions[0]!);
  return head && prop.type === 'ConstantNode' && typeof prop.value === 'string' ? [...head, prop.value] : undefined;
}

/** The name of a called function (`compound` in `compound(a, b, c)`), when it is a plain name. */
export function calleeName(node: { readonly fn: MathNode }): string | undefined {
  const callee = formulaNode(node.fn);
  return callee.type === 'SymbolNode' ? callee.name : undefined;
}
