/**
 * Writing results: stdout, or a file written atomically (src/io/atomic-file.ts).
 */
import { writeFileAtomic } from '../io/atomic-file.js';

export { tempPathFor, writeFileAtomic } from '../io/atomic-file.js';

export function emit(text: string, out?: string): void {
  if (out) writeFileAtomic(out, text);
  else process.stdout.write(text);
}
