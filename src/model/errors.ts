import type { Position } from '../engine/types.js';

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
    return `${where}${field}${this.message}`;
  }
}
