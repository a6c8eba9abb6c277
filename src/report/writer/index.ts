/**
 * `cesuan write`: the 主要指标测算说明 generated from a model (document.ts arranges it; one file per format).
 * May import: the engine (results, compiled templates), src/model types, ../template.ts. Loaded on demand
 * by the write command, so the docx package costs the other commands nothing.
 */
import { buildDocument, WRITE_OPTIONS, type WriteDocument } from './document.js';
import { renderHtml, renderJson, renderMarkdown } from './text-formats.js';

export { buildDocument, renderHtml, renderJson, renderMarkdown, WRITE_OPTIONS };

/** The .docx bytes (the docx package is loaded only for this format). */
export async function renderDocx(doc: WriteDocument): Promise<Uint8Array> {
  return (await import('./docx.js')).renderDocx(doc);
}
export type { Block, Paragraph, Table, WriteDocument, WriteInput, WriteOption } from './document.js';

export const WRITE_FORMATS = ['docx', 'md', 'html', 'json'] as const;
export type WriteFormat = (typeof WRITE_FORMATS)[number];

/** The document in one format: text for md/html/json, bytes for docx. */
export async function renderDocument(doc: WriteDocument, format: WriteFormat): Promise<string | Uint8Array> {
  if (format === 'docx') return renderDocx(doc);
  if (format === 'html') return renderHtml(doc);
  if (format === 'json') return renderJson(doc);
  return renderMarkdown(doc);
}
