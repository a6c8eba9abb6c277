/**
 * A scenario's `primary: { <indicator>: <derivation> }`: drive an indicator's projection by another of its
 * 测算依据. Applied to the model once at load, so every command (run, batch, sweep, mc, write, the TUI)
 * computes the switched projection the same way.
 */
import { CesuanError } from './errors.js';
import type { FieldPath, LoadedModel, Position } from './types.js';

/** The model with the switches applied (the same object when there are none). */
export function withPrimary(model: LoadedModel, primary: Record<string, string>, locate?: (path: FieldPath) => Position): LoadedModel {
  const entries = Object.entries(primary).filter(([id, basis]) => model.spec.indicators[id]?.primary !== basis);
  if (!entries.length) return model;
  const at = (path: FieldPath) => (locate ?? model.locate)(path);
  const indicators = { ...model.spec.indicators };
  for (const [id, basis] of entries) {
    const ind = indicators[id];
    if (!ind)
      throw new CesuanError(
        `"${id}" is not an indicator of ${model.spec.id} (indicators: ${Object.keys(model.spec.indicators).join(', ')})`,
        at(['primary', id]),
        `primary.${id}`,
      );
    const d = ind.derivations[basis];
    const computable = Object.entries(ind.derivations)
      .filter(([, x]) => x.formula !== undefined)
      .map(([k]) => k);
    if (!d || d.formula === undefined) {
      throw new CesuanError(
        `"${basis}" is not a derivation of ${id} with a formula (choose one of: ${computable.join(', ') || 'none'})`,
        at(['primary', id]),
        `primary.${id}`,
      );
    }
    indicators[id] = { ...ind, primary: basis };
  }
  return { ...model, spec: { ...model.spec, indicators } };
}
