import type { Position } from './types.js';

/**
 * A problem in a model or scenario file, or in what it computes.
 * Printed as one line: `file:line:col: field: message`.
 */
export class CesuanError extends Error {
  constructor(
    message: string,
    readonly position?: Position,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CesuanError';
  }

  /** The one-line form the CLI prints. */
  get line(): string {
    const where = this.position ? `${this.position.file}:${this.position.line}:${this.position.col}: ` : '';
    const field = this.field ? `${this.field}: ` : '';
    return oneLine(`${where}${field}${this.message}`);
  }
}

/**
 * Text from a model file (a key, a formula) shown in a message: line breaks become spaces and other control
 * characters \u escapes, so a message stays one line and cannot drive the terminal (ESC sequences).
 */
export function oneLine(text: string): string {
  return text
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
