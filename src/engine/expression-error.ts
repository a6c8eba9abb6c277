/** A formula that cannot be compiled or evaluated; the caller adds file:line:col. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}
