/**
 * A fast path for the formulas models are made of: numbers, names (`henan.new_jobs_total`), calls
 * (`compound(186.5, injury_growth, 5)`), lists (`[2015, 2016]`), parentheses, unary minus/plus and
 * + − × ÷ ^. It builds the very tree mathjs's `parse` builds — the same node classes from the same
 * constructor calls (src/engine/graph/parser.ts) — in a fraction of the time: mathjs tokenises and
 * climbs its twenty precedence levels for every operand, which is most of compiling a model cold.
 *
 * Whatever it does not know exactly — any other character or operator, implicit multiplication (`2 x`),
 * mathjs's keywords and constants (`mod`, `to`, `true`, `NaN` …), numbers it would read differently
 * (`.5`, `2.`, `0x1F`), indexing, a call on anything but a name, any syntax error — it declines
 * (undefined), and the caller asks mathjs. test/engine/fast-parse.test.ts compares the two trees on
 * every formula the shipped models hold and on generated ones.
 */
import type { MathNode } from 'mathjs';

/** The node classes parser.ts builds from mathjs's factories. */
export interface NodeClasses {
  SymbolNode: new (name: string) => MathNode;
  ConstantNode: new (value: unknown) => MathNode;
  OperatorNode: new (op: string, fn: string, args: MathNode[]) => MathNode;
  FunctionNode: new (fn: MathNode, args: MathNode[], optional: boolean) => MathNode;
  AccessorNode: new (object: MathNode, index: MathNode, optional: boolean) => MathNode;
  IndexNode: new (dimensions: MathNode[], dotNotation: boolean) => MathNode;
  ParenthesisNode: new (content: MathNode) => MathNode;
  ArrayNode: new (items: MathNode[]) => MathNode;
}

/** Names mathjs reads as operators or constants, not symbols. */
const RESERVED = new Set(['mod', 'to', 'in', 'and', 'xor', 'or', 'not', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);
const BINARY: Record<string, string> = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide' };
const UNARY: Record<string, string> = { '-': 'unaryMinus', '+': 'unaryPlus' };
/** How deep the fast path nests before leaving a formula to mathjs (whose own limits then apply). */
const MAX_DEPTH = 60;

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
/** What may follow a number or a name for mathjs to end the token where this does. */
const TOKEN_GOES_ON = /[A-Za-z0-9_$.\u0080-\uffff]/;

type Token = { kind: 'number' | 'name' | 'op' | 'end'; text: string };

class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

export function fastParse(text: string, nodes: NodeClasses): MathNode | undefined {
  let at = 0;
  let token: Token = { kind: 'end', text: '' };
  let depth = 0;

  const next = (): void => {
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (at >= text.length) {
      token = { kind: 'end', text: '' };
      return;
    }
    const c = text[at]!;
    if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = at;
      const m = NUMBER.exec(text)!;
      at += m[0].length;
      if (at < text.length && TOKEN_GOES_ON.test(text[at]!)) decline();
      token = { kind: 'number', text: m[0] };
      return;
    }
    NAME.lastIndex = at;
    const name = NAME.exec(text);
    if (name) {
      at += name[0].length;
      if (at < text.length && TOKEN_GOES_ON.test(text[at]!) && text[at] !== '.') decline();
      if (RESERVED.has(name[0])) decline();
      token = { kind: 'name', text: name[0] };
      return;
    }
    // '.' only as dot notation: '.*', './', '.^' and '.5' are other tokens to mathjs
    if ('+-*/^(),[]'.includes(c) || (c === '.' && /[A-Za-z_]/.test(text[at + 1] ?? ''))) {
      at++;
      token = { kind: 'op', text: c };
      return;
    }
    decline();
  };
  const is = (op: string) => token.kind === 'op' && token.text === op;
  const expect = (op: string) => {
    if (!is(op)) decline();
    next();
  };
  const nest = () => {
    if (++depth > MAX_DEPTH) decline();
  };

  /** Items up to `close`, comma-separated; none when `close` comes first. */
  const list = (close: string): MathNode[] => {
    const items: MathNode[] = [];
    next();
    if (!is(close)) {
      items.push(sum());
      while (is(',')) {
        next();
        items.push(sum());
      }
    }
    expect(close);
    return items;
  };

  /** mathjs's parseAccessors for a name: calls (of a name or a property, not of a call) and dot notation. */
  const accessors = (node: MathNode): MathNode => {
    let called = false;
    for (;;) {
      if (is('(') && !called) {
        node = new nodes.FunctionNode(node, list(')'), false);
        called = true;
      } else if (is('.')) {
        called = false;
        next();
        if (token.kind !== 'name') decline();
        const property = new nodes.ConstantNode(token.text);
        next();
        node = new nodes.AccessorNode(node, new nodes.IndexNode([property], true), false);
      } else return node;
    }
  };

  /** A value with nothing after it that mathjs would read as an accessor or an implicit product. */
  const primary = (): MathNode => {
    nest();
    let node: MathNode;
    if (token.kind === 'number') {
      node = new nodes.ConstantNode(Number(token.text));
      next();
    } else if (token.kind === 'name') {
      node = new nodes.SymbolNode(token.text);
      next();
      node = accessors(node);
    } else if (is('(')) {
      next();
      const inner = sum();
      expect(')');
      node = new nodes.ParenthesisNode(inner);
    } else if (is('[')) {
      node = new nodes.ArrayNode(list(']'));
    } else return decline();
    // what mathjs would index, call, multiply implicitly or read as a property: not here
    if (token.kind === 'number' || token.kind === 'name' || is('(') || is('[') || is('.')) decline();
    depth--;
    return node;
  };

  /** mathjs's parseUnary and parsePow: a power's exponent is again unary (2^-3), so ^ is right-associative. */
  const unary = (): MathNode => {
    if (token.kind === 'op' && Object.hasOwn(UNARY, token.text)) {
      const op = token.text;
      nest();
      next();
      const node = new nodes.OperatorNode(op, UNARY[op]!, [unary()]);
      depth--;
      return node;
    }
    const base = primary();
    if (!is('^')) return base;
    nest();
    next();
    const node = new nodes.OperatorNode('^', 'pow', [base, unary()]);
    depth--;
    return node;
  };

  const product = (): MathNode => {
    let node = unary();
    while (is('*') || is('/')) {
      const op = token.text;
      next();
      node = new nodes.OperatorNode(op, BINARY[op]!, [node, unary()]);
    }
    return node;
  };

  const sum = (): MathNode => {
    nest();
    let node = product();
    while (is('+') || is('-')) {
      const op = token.text;
      next();
      node = new nodes.OperatorNode(op, BINARY[op]!, [node, product()]);
    }
    depth--;
    return node;
  };

  try {
    next();
    const tree = sum();
    return token.kind === 'end' ? tree : undefined;
  } catch (err) {
    if (err instanceof Decline) return undefined;
    throw err;
  }
}
