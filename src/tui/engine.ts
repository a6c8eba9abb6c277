/**
 * The engine as the TUI's update function sees it: a deterministic function from a scenario (overrides and
 * basis switches) to its result, and goal seek. Behind it one Evaluator per set of basis switches, moved
 * incrementally (one changed assumption recomputes only what depends on it), and the last results by scenario.
 */
import { Evaluator, type Overrides } from '../engine/graph/evaluate.js';
import { solveWith } from '../engine/planning/solve.js';
import type { ModelResult } from '../engine/types.js';
import type { LoadedModel, LoadedScenario } from '../model/load.js';
import { withPrimary } from '../model/primary.js';
import { messageOf, type Doc, type Engine, type LoadedDoc, type SeekOutcome, type Work } from './update.js';

const CACHE = 32;

function primaryKey(primary: Record<string, string>): string {
  return Object.keys(primary)
    .sort()
    .map((k) => `${k}=${primary[k]}`)
    .join(',');
}

function docKey(doc: Doc): string {
  const o = doc.overrides;
  return `${primaryKey(doc.primary)}|${Object.keys(o)
    .sort()
    .map((k) => `${k}=${typeof o[k] === 'number' ? (o[k] as number).toString() : JSON.stringify(o[k])}`)
    .join(',')}`;
}

export class TuiEngine implements Engine {
  private evaluators = new Map<string, Evaluator>();
  private results = new Map<string, ModelResult>();
  /** assumptions marked `fixed: true` in the model and its imports (qualified ids) */
  readonly fixed: Set<string>;

  constructor(readonly model: LoadedModel) {
    this.fixed = fixedAssumptions(model);
  }

  /** The evaluator for the doc's basis switches, moved to the doc's overrides. */
  private at(doc: Doc, locate?: LoadedScenario['locate']): Evaluator {
    const pk = primaryKey(doc.primary);
    const expressions = Object.values(doc.overrides).some((v) => typeof v === 'string');
    let ev = this.evaluators.get(pk);
    if (!ev || expressions) {
      const model = withPrimary(this.model, doc.primary);
      ev = new Evaluator(model, doc.overrides, locate ? { locate } : undefined);
      if (!expressions) this.evaluators.set(pk, ev);
      return ev;
    }
    move(ev, doc.overrides);
    return ev;
  }

  evaluate(doc: Doc, locate?: LoadedScenario['locate']): ModelResult {
    const key = docKey(doc);
    const hit = this.results.get(key);
    if (hit) return hit;
    const result = this.at(doc, locate).result();
    this.results.set(key, result);
    if (this.results.size > CACHE) this.results.delete(this.results.keys().next().value!);
    return result;
  }

  seek(doc: Doc, indicatorId: string, key: string): SeekOutcome {
    const result = this.evaluate(doc);
    const ind = result.indicators.find((i) => i.id === indicatorId);
    const a = result.assumptions.find((x) => x.id === key);
    if (!ind || !a) return { status: 'error', message: `${indicatorId} / ${key}` };
    if (this.fixed.has(key)) return { status: 'fixed' };
    if (!ind.primary || ind.projection === null) return { status: 'no_primary' };
    if (!ind.target) return { status: 'no_target' };
    if (!ind.derivations.find((d) => d.id === ind.primary)?.assumptions.includes(key)) return { status: 'no_dependency' };
    if (!a.range) return { status: 'no_range' };
    try {
      const ev = this.at(doc);
      const outcome = solveWith(ev, { indicator: indicatorId, assumption: key, decimals: a.unit === 'ratio' ? 6 : 4 });
      // the root is the published value itself (a default back-solved from this very target): offer it, unrounded
      if (outcome.status === 'solved' && Math.abs(outcome.exact - a.published) <= 1e-9 * Math.max(1, Math.abs(a.published))) {
        const published = this.evaluate({ ...doc, overrides: withoutKey(doc.overrides, key) }).indicators.find((i) => i.id === indicatorId);
        if (published?.verdict === 'met') return { ...outcome, value: a.published, projection: published.projection ?? outcome.projection };
      }
      return outcome;
    } catch (err) {
      return { status: 'error', message: messageOf(err) };
    }
  }
}

function withoutKey(o: Overrides, key: string): Overrides {
  const { [key]: _gone, ...rest } = o;
  return rest;
}

/** Move an evaluator to `overrides` with as little recomputation as possible. */
function move(ev: Evaluator, overrides: Overrides): void {
  const now = ev.getOverrides();
  const keys = new Set([...Object.keys(now), ...Object.keys(overrides)]);
  const changed = [...keys].filter((k) => !Object.is(now[k], overrides[k]));
  if (!changed.length) return;
  if (changed.length > 3) {
    ev.setAll(overrides);
    return;
  }
  try {
    for (const k of changed) {
      if (k in overrides) ev.set(k, overrides[k] as number);
      else ev.reset(k);
    }
  } catch (err) {
    ev.setAll(now);
    throw err;
  }
}

/** Qualified ids of the assumptions marked `fixed: true`, in the model and (as alias.id) its imports. */
export function fixedAssumptions(model: LoadedModel, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [id, a] of Object.entries(model.spec.assumptions)) if ((a as { fixed?: boolean }).fixed) out.add(prefix + id);
  for (const [alias, m] of Object.entries(model.imports)) for (const id of fixedAssumptions(m, `${prefix}${alias}.`)) out.add(id);
  return out;
}

export function docOf(scenario: LoadedScenario): Doc {
  return { overrides: { ...scenario.spec.set }, primary: { ...(scenario.spec.primary ?? {}) } };
}

export function loadedDoc(scenario: LoadedScenario): LoadedDoc {
  const { model: _model, name, set: _set, primary: _primary, ...rest } = scenario.spec;
  const extra = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && !Object.keys(v).length)),
  );
  return { name: name ?? scenario.file, file: scenario.file, doc: docOf(scenario), extra, reference: scenario, locate: scenario.locate };
}

export function workFor(engine: TuiEngine, scenarios: LoadedScenario[]): Work {
  const [first, ...others] = scenarios.map(loadedDoc);
  const doc = first?.doc ?? { overrides: {}, primary: {} };
  return {
    doc,
    result: engine.evaluate(doc, first?.locate),
    saved: doc,
    source: first ? { name: first.name, file: first.file, extra: first.extra } : undefined,
    reference: first?.reference,
    compare: others.map((o) => ({ name: o.name, file: o.file, result: engine.evaluate(o.doc, o.locate) })),
  };
}
