/**
 * A model compiled once into a dependency graph: one slot per assumption, series, derivation and
 * indicator (imported models included, under their alias), formulas compiled to closures, a topological
 * order, and for every slot the slots downstream of it (so one change recomputes only what depends on it).
 */
import { CesuanError } from '../../model/errors.js';
import type { FieldPath, LoadedModel } from '../../model/load.js';
import type { DerivationSpec, IndicatorSpec } from '../../model/schema.js';
import { parseTemplate, TemplateError, type ParsedTemplate } from '../../model/template.js';
import { compileExpression, type CompiledExpression, type Reference, type Resolver } from './expression.js';
import { ExpressionError } from '../expression-error.js';
import { compileStraightLine, type StraightLine } from './straight-line.js';
import type { Position, Value } from '../types.js';
import type { GraphNode, Locatable } from './graph-node.js';

export type { GraphNode, Locatable, NodeKind } from './graph-node.js';

export interface CompiledFigure {
  expr: CompiledExpression | undefined;
  path: FieldPath;
}

export interface CompiledDerivation {
  id: string;
  spec: DerivationSpec;
  slot: number | undefined;
  path: CompiledExpression | undefined;
  stated: CompiledFigure[];
  computed: CompiledFigure[];
  /** the `text:` template and one compiled expression per placeholder (names checked like a formula's) */
  text: CompiledTemplate | undefined;
}

export interface CompiledTemplate {
  template: ParsedTemplate;
  values: CompiledExpression[];
}

export interface CompiledIndicator {
  id: string;
  spec: IndicatorSpec;
  slot: number | undefined;
  derivations: CompiledDerivation[];
  checks: CompiledFigure[];
}

export interface Program {
  model: LoadedModel;
  nodes: GraphNode[];
  slotOf: Map<string, number>;
  order: number[];
  /** for each slot, the slots that (transitively) depend on it, in evaluation order */
  downstream: number[][];
  /** for each slot, the assumption keys it (transitively) depends on */
  upstreamAssumptions: string[][];
  /** resolver for names written in the root model (scenario overrides use it too) */
  resolve: Resolver;
  indicators: CompiledIndicator[];
  /** qualified keys of every assumption, root model first */
  assumptionKeys: string[];
  /** numeric literals in the root model's formulas that appear in none of the quotes behind them */
  unquotedLiterals: { field: string; literal: number; position: Position }[];
}

function fieldName(path: FieldPath): string {
  return path.join('.');
}

/** Compile an expression written at `path` in `model`, turning compile errors into file:line:col errors. */
export function compileAt(text: string, resolve: Resolver, model: Locatable, path: FieldPath, allowT = false): CompiledExpression {
  try {
    return compileExpression(text, resolve, { allowT });
  } catch (err) {
    if (err instanceof ExpressionError) throw new CesuanError(err.message, model.locate(path), fieldName(path));
    throw err;
  }
}

interface PendingExpr {
  slot: number;
  text: string;
  model: Locatable;
  resolve: Resolver;
  path: FieldPath;
}

export function compileProgram(
  root: LoadedModel,
  overrides: Record<string, number | string> = {},
  overridePath: (key: string) => { model: Locatable; path: FieldPath } = (key) => ({ model: root, path: ['set', key] }),
): Program {
  const nodes: GraphNode[] = [];
  const slotOf = new Map<string, number>();
  const pending: PendingExpr[] = [];
  const resolvers = new Map<string, Resolver>();
  const assumptionKeys: string[] = [];

  const add = (node: Omit<GraphNode, 'slot'>): number => {
    const slot = nodes.length;
    nodes.push({ ...node, slot });
    slotOf.set(node.key, slot);
    return slot;
  };

  const declare = (model: LoadedModel, prefix: string): Resolver => {
    const existing = resolvers.get(prefix);
    if (existing) return existing;
    const imports = new Map<string, Resolver>();
    for (const [alias, imported] of Object.entries(model.imports)) imports.set(alias, declare(imported, `${prefix}${alias}.`));
    const resolve: Resolver = (parts) => {
      const viaImport = parts.length > 1 ? imports.get(parts[0]!) : undefined;
      if (viaImport) return viaImport(parts.slice(1));
      const key = prefix + parts.join('.');
      const slot = slotOf.get(key);
      if (slot === undefined) return undefined;
      const ref: Reference = { slot, key, years: nodes[slot]!.years };
      return ref;
    };
    resolvers.set(prefix, resolve);
    const spec = model.spec;
    for (const [id, s] of Object.entries(spec.series)) {
      add({ key: prefix + id, kind: 'series', constant: s.values, model, path: ['series', id, 'values'], years: s.years });
    }
    for (const [id, a] of Object.entries(spec.assumptions)) {
      const path: FieldPath = ['assumptions', id, 'default'];
      const slot = add({ key: prefix + id, kind: 'assumption', model, path });
      assumptionKeys.push(prefix + id);
      if (typeof a.default === 'number') nodes[slot]!.constant = a.default;
      else pending.push({ slot, text: a.default, model, resolve, path });
    }
    for (const [id, ind] of Object.entries(spec.indicators)) {
      if (ind.baseline.value !== null)
        add({
          key: `${prefix}${id}.baseline`,
          kind: 'published',
          constant: ind.baseline.value,
          model,
          path: ['indicators', id, 'baseline', 'value'],
        });
      if (ind.target)
        add({
          key: `${prefix}${id}.target`,
          kind: 'published',
          constant: ind.target.value,
          model,
          path: ['indicators', id, 'target', 'value'],
        });
      if (ind.chosen)
        add({
          key: `${prefix}${id}.chosen`,
          kind: 'published',
          constant: ind.chosen.value,
          model,
          path: ['indicators', id, 'chosen', 'value'],
        });
      for (const [did, d] of Object.entries(ind.derivations)) {
        if (d.formula === undefined) continue;
        const path: FieldPath = ['indicators', id, 'derivations', did, 'formula'];
        const slot = add({ key: `${prefix}${id}.${did}`, kind: 'derivation', model, path });
        if (typeof d.formula === 'number') nodes[slot]!.constant = d.formula;
        else pending.push({ slot, text: d.formula, model, resolve, path });
      }
      if (ind.primary) {
        const path: FieldPath = ['indicators', id, 'primary'];
        const slot = add({ key: prefix + id, kind: 'indicator', model, path });
        pending.push({ slot, text: `${id}.${ind.primary}`, model, resolve, path });
      }
    }
    return resolve;
  };

  const resolveRoot = declare(root, '');

  for (const [key, value] of Object.entries(overrides)) {
    const slot = slotOf.get(key);
    const where = overridePath(key);
    if (slot === undefined || nodes[slot]!.kind !== 'assumption') {
      const known = assumptionKeys.slice(0, 12).join(', ');
      throw new CesuanError(
        `"${key}" is not an assumption of ${root.spec.id} (assumptions: ${known}${assumptionKeys.length > 12 ? ', …' : ''})`,
        (where.model.locateKey ?? where.model.locate)(where.path),
        fieldName(where.path),
      );
    }
    const node = nodes[slot]!;
    const i = pending.findIndex((p) => p.slot === slot);
    const publishedDefault = i >= 0 ? pending.splice(i, 1)[0]! : undefined;
    if (typeof value === 'number') {
      node.constant = value;
    } else {
      // in an override expression the assumption's own name means its published value: `g: g * 0.9`
      const previous = add({ key: `${key}#published`, kind: 'published', constant: node.constant, model: node.model, path: node.path });
      if (publishedDefault) pending.push({ ...publishedDefault, slot: previous });
      const resolveOverride: Resolver = (parts) =>
        parts.join('.') === key ? { slot: previous, key: `${key} (published)` } : resolveRoot(parts);
      node.constant = undefined;
      pending.push({ slot, text: value, model: where.model, resolve: resolveOverride, path: where.path });
    }
    node.model = where.model;
    node.path = where.path;
  }

  for (const p of pending) nodes[p.slot]!.expr = compileAt(p.text, p.resolve, p.model, p.path);

  const order = topologicalOrder(nodes);
  const position = new Map(order.map((slot, i) => [slot, i]));
  const dependents: number[][] = nodes.map(() => []);
  for (const n of nodes) for (const d of n.expr?.depSlots ?? []) dependents[d]!.push(n.slot);
  const downstream = nodes.map((n) => {
    const seen = new Set<number>();
    const stack = [n.slot];
    while (stack.length)
      for (const d of dependents[stack.pop()!]!)
        if (!seen.has(d)) {
          seen.add(d);
          stack.push(d);
        }
    return [...seen].sort((a, b) => position.get(a)! - position.get(b)!);
  });
  const upstream: Set<string>[] = nodes.map(() => new Set());
  for (const slot of order) {
    const n = nodes[slot]!;
    if (n.kind === 'assumption') upstream[slot]!.add(n.key);
    for (const d of n.expr?.depSlots ?? []) for (const a of upstream[d]!) upstream[slot]!.add(a);
  }

  const indicators: CompiledIndicator[] = Object.entries(root.spec.indicators).map(([id, spec]) => {
    const base: FieldPath = ['indicators', id];
    const derivations = Object.entries(spec.derivations).map(([did, d]): CompiledDerivation => {
      const dpath: FieldPath = [...base, 'derivations', did];
      return {
        id: did,
        spec: d,
        slot: slotOf.get(`${id}.${did}`),
        path: d.path ? compileAt(d.path, resolveRoot, root, [...dpath, 'path'], true) : undefined,
        stated: d.stated.map((s, i) => ({
          path: [...dpath, 'stated', i],
          expr: s.expr ? compileAt(s.expr, resolveRoot, root, [...dpath, 'stated', i, 'expr']) : undefined,
        })),
        computed: d.computed.map((c, i) => ({
          path: [...dpath, 'computed', i],
          expr: compileAt(c.expr, resolveRoot, root, [...dpath, 'computed', i, 'expr']),
        })),
        text: d.text === undefined ? undefined : compileTemplate(d.text, id, resolveRoot, root, [...dpath, 'text']),
      };
    });
    return {
      id,
      spec,
      slot: slotOf.get(id),
      derivations,
      checks: spec.stated.map((s, i) => ({
        path: [...base, 'stated', i],
        expr: compileAt(s.expr, resolveRoot, root, [...base, 'stated', i, 'expr']),
      })),
    };
  });

  return {
    model: root,
    unquotedLiterals: findUnquotedLiterals(root, indicators, nodes),
    nodes,
    slotOf,
    order,
    downstream,
    upstreamAssumptions: upstream.map((s) => [...s]),
    resolve: resolveRoot,
    indicators,
    assumptionKeys,
  };
}

/**
 * A derivation's `text:` template: parsed, and each placeholder compiled like a formula. Names resolve as in
 * formulas, then within the indicator (`basis2`, `chosen`, `target` of the same indicator).
 */
export function compileTemplate(text: string, indicator: string, resolve: Resolver, model: Locatable, path: FieldPath): CompiledTemplate {
  // a multi-line template is a block scalar (text: |-): point at the placeholder's own line, indented under the key
  const at = (offset: number): Position => {
    const start = model.locate(path);
    const key = model.locateKey?.(path);
    const before = text.slice(0, offset);
    if (!text.includes('\n') || !key) return start;
    const newlines = before.split('\n').length - 1;
    return { ...start, line: start.line + 1 + newlines, col: key.col + 2 + (offset - before.lastIndexOf('\n') - 1) };
  };
  let template: ParsedTemplate;
  try {
    template = parseTemplate(text);
  } catch (err) {
    if (err instanceof TemplateError) throw new CesuanError(`template: ${err.message}`, at(err.offset), fieldName(path));
    throw err;
  }
  const local: Resolver = (parts) => resolve(parts) ?? resolve([indicator, ...parts]);
  const values = template.parts.flatMap((part) => {
    if (typeof part === 'string') return [];
    try {
      return [compileExpression(part.expr, local)];
    } catch (err) {
      if (err instanceof ExpressionError) throw new CesuanError(`template ${part.raw}: ${err.message}`, at(part.offset), fieldName(path));
      throw err;
    }
  });
  return { template, values };
}

/** Kahn's algorithm; on a cycle, an error naming it (a → b → a) at the first node's field. */
function topologicalOrder(nodes: GraphNode[]): number[] {
  const indegree = nodes.map((n) => n.expr?.depSlots.length ?? 0);
  const dependents: number[][] = nodes.map(() => []);
  for (const n of nodes) for (const d of n.expr?.depSlots ?? []) dependents[d]!.push(n.slot);
  const ready = nodes.filter((_, i) => indegree[i] === 0).map((n) => n.slot);
  const order: number[] = [];
  while (ready.length) {
    const slot = ready.shift()!;
    order.push(slot);
    for (const d of dependents[slot]!) if (--indegree[d]! === 0) ready.push(d);
  }
  if (order.length === nodes.length) return order;
  const cycle = findCycle(nodes, indegree);
  const first = nodes[cycle[0]!]!;
  const names = [...cycle, cycle[0]!].map((s) => nodes[s]!.key).join(' → ');
  throw new CesuanError(`dependency cycle: ${names}`, first.model.locate(first.path), fieldName(first.path));
}

function findCycle(nodes: GraphNode[], indegree: number[]): number[] {
  const state = new Map<number, 'open' | 'done'>();
  const stack: number[] = [];
  const visit = (slot: number): number[] | undefined => {
    state.set(slot, 'open');
    stack.push(slot);
    for (const d of nodes[slot]!.expr?.depSlots ?? []) {
      if (state.get(d) === 'open') return stack.slice(stack.indexOf(d));
      if (!state.has(d)) {
        const found = visit(d);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(slot, 'done');
    return undefined;
  };
  for (const n of nodes) {
    if (indegree[n.slot]! > 0 && !state.has(n.slot)) {
      const found = visit(n.slot);
      if (found) return found;
    }
  }
  return [nodes.findIndex((_, i) => indegree[i]! > 0)];
}

/**
 * What runProgram reads per slot, in flat arrays: graph nodes have many shapes (constant, expression,
 * series …) and reading them in the hot loop made every property access megamorphic (~4 µs of a 12 µs
 * evaluation of the Zhengzhou model was the loop itself). Built once per program.
 */
interface RunPlan {
  nodes: GraphNode[];
  run: (((values: Value[], t?: number) => Value) | undefined)[];
  constant: Value[];
  /** scratch for the pinned slots of one call (flag + value), cleared before it returns */
  pinnedFlag: Uint8Array;
  pinnedValue: Float64Array;
  /** full evaluations so far, and the straight-line function once compiled (null: not available) */
  fullRuns: number;
  straight: StraightLine | null | undefined;
  pinnable: Set<number>;
  pinnableFlag: Uint8Array;
}

/** Full evaluations of one program before it is compiled to a straight-line function (see straight-line.ts). */
const TIER_UP_AFTER = 8;

const plans = new WeakMap<Program, RunPlan>();

function planFor(program: Program): RunPlan {
  let plan = plans.get(program);
  if (!plan || plan.nodes !== program.nodes || plan.run.length !== program.nodes.length) {
    const n = program.nodes.length;
    plan = {
      nodes: program.nodes,
      run: program.nodes.map((node) => node.expr?.run),
      constant: program.nodes.map((node) => node.constant!),
      pinnedFlag: new Uint8Array(n),
      pinnedValue: new Float64Array(n),
      fullRuns: 0,
      straight: undefined,
      pinnable: new Set(program.nodes.filter((node) => node.kind === 'assumption').map((node) => node.slot)),
      pinnableFlag: Uint8Array.from(program.nodes, (node) => (node.kind === 'assumption' ? 1 : 0)),
    };
    plans.set(program, plan);
  }
  return plan;
}

function tierUp(program: Program, plan: RunPlan): StraightLine | null {
  if (plan.straight === undefined && ++plan.fullRuns >= TIER_UP_AFTER) {
    plan.straight = compileStraightLine(program.nodes, program.order, plan.pinnable) ?? null;
  }
  return plan.straight ?? null;
}

function runClosures(program: Program, plan: RunPlan, values: Value[], order: number[], pinned: boolean): Value[] {
  const { run, constant, pinnedFlag, pinnedValue } = plan;
  let slot = -1;
  try {
    for (let i = 0; i < order.length; i++) {
      slot = order[i]!;
      if (pinned && pinnedFlag[slot] === 1) {
        values[slot] = pinnedValue[slot]!;
        continue;
      }
      const f = run[slot];
      values[slot] = f === undefined ? constant[slot]! : f(values);
    }
  } catch (err) {
    const node = program.nodes[slot];
    if (node && err instanceof ExpressionError) throw new CesuanError(err.message, node.model.locate(node.path), fieldName(node.path));
    throw err;
  }
  return values;
}

/** Evaluate every slot in order. Method errors become file:line:col errors at the node's field. */
export function runProgram(
  program: Program,
  values: Value[] = new Array(program.nodes.length),
  only?: number[],
  fixed?: Map<number, number>,
): Value[] {
  const plan = planFor(program);
  const { pinnedFlag, pinnedValue, pinnableFlag } = plan;
  const order = only ?? program.order;
  const pins = fixed !== undefined && fixed.size > 0 ? fixed : undefined;
  let pinsArePinnable = true;
  if (pins) {
    for (const [slot, value] of pins) {
      if (slot >= 0 && slot < pinnedFlag.length) {
        pinnedFlag[slot] = 1;
        pinnedValue[slot] = value;
        if (pinnableFlag[slot] !== 1) pinsArePinnable = false;
      }
    }
  }
  try {
    if (order === program.order && pinsArePinnable) {
      const straight = tierUp(program, plan);
      if (straight) {
        try {
          return straight(values, pinnedFlag, pinnedValue);
        } catch {
          // rerun with the closures, which raise the error at the slot's field
        }
      }
    }
    return runClosures(program, plan, values, order, pins !== undefined);
  } finally {
    if (pins) for (const slot of pins.keys()) if (slot >= 0 && slot < pinnedFlag.length) pinnedFlag[slot] = 0;
  }
}

/** Small integers and calendar years are structure (5 years, 1 + r, 100%, 2025), not data needing a source. */
const STRUCTURAL = (x: number) => Number.isInteger(x) && (Math.abs(x) <= 10 || x === 100 || x === 10000 || (x >= 1949 && x <= 2100));

/** Ways a number may be printed in a quote: 186.5, 3.5308 for 0.035308 (as a percentage), 12003. */
function printedForms(x: number): string[] {
  const forms = new Set<string>([String(x), x.toFixed(2).replace(/\.?0+$/, '')]);
  const percent = Number((x * 100).toPrecision(12));
  forms.add(String(percent));
  const tenThousands = Number((x * 10000).toPrecision(12)); // 万人 written as 人 (33293人 = 3.3293万)
  forms.add(String(tenThousands));
  return [...forms];
}

/**
 * Provenance check: every numeric literal in a derivation's formula or stated expression should appear in
 * a quote behind it (the derivation's, its stated figures', the indicator's baseline/target/chosen).
 */
function findUnquotedLiterals(root: LoadedModel, indicators: CompiledIndicator[], nodes: GraphNode[]): Program['unquotedLiterals'] {
  const out: Program['unquotedLiterals'] = [];
  const check = (expr: CompiledExpression | undefined, path: FieldPath, quotes: string) => {
    for (const literal of new Set(expr?.constants ?? [])) {
      if (STRUCTURAL(literal)) continue;
      if (printedForms(literal).some((f) => quotes.includes(f))) continue;
      out.push({ field: path.join('.'), literal, position: root.locate(path) });
    }
  };
  const joinQuotes = (quotes: (string | undefined)[]) =>
    quotes
      .filter(Boolean)
      .join(' ')
      .replace(/[,，](?=\d{3})/g, '');
  for (const [id, a] of Object.entries(root.spec.assumptions)) {
    const node = nodes.find((n) => n.key === id);
    check(node?.expr, ['assumptions', id, 'default'], joinQuotes([a.source?.quote, a.back_solved, a.note]));
  }
  for (const ind of indicators) {
    const is = ind.spec;
    for (const [i, c] of ind.checks.entries()) {
      check(c.expr, [...c.path, 'expr'], joinQuotes([is.stated[i]!.source?.quote, is.baseline.source?.quote, is.target?.source.quote]));
    }
  }
  for (const ind of indicators) {
    const is = ind.spec;
    const indicatorQuotes = [
      is.baseline.source?.quote,
      is.target?.source.quote,
      is.chosen?.source.quote,
      ...is.stated.map((s) => s.source?.quote),
    ];
    for (const d of ind.derivations) {
      const quotes = joinQuotes([d.spec.source.quote, ...d.spec.stated.map((s) => s.source?.quote), ...indicatorQuotes]);
      const exprs = [
        {
          expr: d.slot === undefined ? undefined : nodes[d.slot]!.expr,
          path: ['indicators', ind.id, 'derivations', d.id, 'formula'] as FieldPath,
        },
        ...d.stated.map((s) => ({ expr: s.expr, path: [...s.path, 'expr'] })),
        ...d.computed.map((c) => ({ expr: c.expr, path: [...c.path, 'expr'] })),
        { expr: d.path, path: ['indicators', ind.id, 'derivations', d.id, 'path'] as FieldPath },
      ];
      for (const { expr, path } of exprs) check(expr, path, quotes);
    }
  }
  // plain numbers stand for what the document prints too: a literal default, a stated figure's value
  const checkNumber = (value: number, path: FieldPath, quotes: string) => {
    if (quotes === '' || STRUCTURAL(value) || printedForms(value).some((f) => quotes.includes(f))) return;
    out.push({ field: path.join('.'), literal: value, position: root.locate(path) });
  };
  for (const [id, a] of Object.entries(root.spec.assumptions)) {
    if (typeof a.default === 'number' && a.source)
      checkNumber(a.default, ['assumptions', id, 'default'], joinQuotes([a.source.quote, a.back_solved, a.note]));
  }
  for (const [id, is] of Object.entries(root.spec.indicators)) {
    const own = [is.baseline.source?.quote, is.target?.source.quote, is.chosen?.source.quote];
    is.stated.forEach((f, i) => checkNumber(f.value, ['indicators', id, 'stated', i, 'value'], joinQuotes([f.source?.quote, ...own])));
    for (const [did, d] of Object.entries(is.derivations)) {
      d.stated.forEach((f, i) =>
        checkNumber(
          f.value,
          ['indicators', id, 'derivations', did, 'stated', i, 'value'],
          joinQuotes([f.source?.quote, d.source.quote, ...own]),
        ),
      );
    }
  }
  return out;
}
