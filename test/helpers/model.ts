/**
 * Lookups shared by the model tests: load and evaluate a model once, then find an indicator, its spec, a
 * derivation, a computed figure, an audit check, a value or a trajectory point — failing loudly when absent.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../../src/engine/graph/evaluate.js';
import { loadModel } from '../../src/model/load.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Exactly one item whose label is `label`, else exactly one whose label contains it. */
function byLabel<T extends { label: string }>(items: T[], label: string, what: string): T {
  const exact = items.filter((x) => x.label === label);
  const found = exact.length ? exact : items.filter((x) => x.label.includes(label));
  if (found.length !== 1) throw new Error(`${found.length} ${what} labelled “…${label}…”`);
  return found[0]!;
}

export function modelUnderTest(id: string) {
  const model = loadModel(resolve(repoRoot, 'models', `${id}.yaml`));
  const result = evaluate(model);
  const indicator = (iid: string) => {
    const found = result.indicators.find((i) => i.id === iid);
    if (!found) throw new Error(`no indicator ${iid}`);
    return found;
  };
  const spec = (iid: string) => {
    const found = model.spec.indicators[iid];
    if (!found) throw new Error(`no indicator ${iid} in the model`);
    return found;
  };
  const derivation = (iid: string, d: string) => {
    const found = indicator(iid).derivations.find((x) => x.id === d);
    if (!found) throw new Error(`no derivation ${iid}.${d}`);
    return found;
  };
  const computed = (iid: string, d: string, label: string) =>
    byLabel(derivation(iid, d).computed, label, `computed figures in ${iid}.${d}`).value;
  const check = (iid: string, label: string) =>
    byLabel(
      result.audit.filter((c) => c.indicator === iid),
      label,
      `checks of ${iid}`,
    );
  const value = (key: string) => {
    const v = result.values[key];
    if (typeof v !== 'number') throw new Error(`${key} is not a number: ${String(v)}`);
    return v;
  };
  const at = (iid: string, year: number) => {
    const p = indicator(iid).trajectory.find((x) => x.year === year);
    if (!p) throw new Error(`${iid} has no trajectory point for ${year}`);
    return p.value;
  };
  return { model, result, indicator, spec, derivation, computed, check, value, at };
}
