/** How verdicts and changes look: colour for the eye, and a text mark that survives NO_COLOR. */
import type { TargetVerdict, Verdict } from '../../engine/types.js';
import type { Seg } from './line.js';

export function verdictStyle(verdict: TargetVerdict, binding: boolean): Omit<Seg, 'text'> {
  switch (verdict) {
    case 'met':
      return { color: 'green' };
    case 'missed':
      return binding ? { color: 'red', bold: true, inverse: true } : { color: 'yellow' };
    default:
      return { dim: true };
  }
}

export function auditStyle(verdict: Verdict): Omit<Seg, 'text'> {
  switch (verdict) {
    case 'match':
    case 'rounding':
      return { color: 'green' };
    case 'approximate':
      return { color: 'cyan' };
    case 'mismatch':
      return { color: 'red', bold: true };
    case 'not_reproducible':
      return { color: 'yellow' };
  }
}

/** A value that differs from the published model: marked * and highlighted. */
export function changed(text: string, isChanged: boolean): Seg {
  return isChanged ? { text: `${text}*`, color: 'yellow', bold: true } : { text: `${text} ` };
}
