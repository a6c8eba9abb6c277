/**
 * `text:` templates on derivations (the 测算依据 as prose), parsed once at load time; rendered by
 * src/report/template.ts. Pure: no engine, no I/O. Names are checked where formulas' names are resolved
 * (src/engine/graph/program.ts), so every command refuses a template that names something unknown.
 *
 * Syntax (after Python's format mini-language):
 *   {name}           any name a formula knows (`injury_growth`, `henan.new_jobs_total`,
 *                    `injury_insured.target`), a derivation or field of the same indicator (`basis2`, `chosen`,
 *                    `target`, `baseline`), or any formula (`{last(unemployment_insured_series) - 166.80}`)
 *   {name:.2}        two decimals (fixed); without a precision: up to two, trailing zeros dropped
 *   {name:.2%}       as a percentage (a ratio × 100; a value already in % as it is) with a % sign
 *   {name:n}         the number only, even for a ratio (no % sign, not × 100)
 *   {name:u}         the number and its unit: 60万人, 3.53% (a ratio), 4% (a value in %); `.1u` with precision
 *   {~name}          hedged before: 约56.5 (English: about 56.5)
 *   {name:u~}        hedged after, the document's 左右: 60万人左右 (English: about 60 万人); the hedge is
 *                    printed whatever the value, as the document wrote it: it marks the figure as approximate
 *   {{ and }}        literal braces
 * A ratio without a type prints as a percentage; other units print the number only (the unit is written
 * in the text, as the documents do: “{basis2:.0}万人左右”). A line break starts a new paragraph.
 */

export interface FormatSpec {
  /** fixed decimals; undefined: up to two, trailing zeros dropped */
  decimals: number | undefined;
  /** '%': percentage with a sign; 'n': the bare number; 'u': with its unit; undefined: by unit */
  type: '%' | 'n' | 'u' | undefined;
}

export interface Placeholder {
  /** the placeholder as written, braces included */
  raw: string;
  /** the name or formula inside it */
  expr: string;
  spec: FormatSpec;
  /** 约 before / 左右 after */
  hedge: 'before' | 'after' | undefined;
  /** character offset of the opening brace in the template */
  offset: number;
}

export type TemplatePart = string | Placeholder;

export interface ParsedTemplate {
  text: string;
  parts: TemplatePart[];
}

/** A template that cannot be parsed; `offset` is where in its text. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const SPEC = /^(?:\.(\d{1,2}))?([%nu])?$/;

/** Parse a format spec (the part after `:`), or throw. */
export function parseFormatSpec(spec: string, offset = 0): FormatSpec {
  const m = SPEC.exec(spec);
  if (!m)
    throw new TemplateError(
      `bad format spec ":${spec}" (use .N for N decimals, % for a percentage, n for the bare number, u for number and unit: {x:.2%})`,
      offset,
    );
  return { decimals: m[1] === undefined ? undefined : Number(m[1]), type: m[2] as FormatSpec['type'] };
}

function placeholder(raw: string, offset: number): Placeholder {
  let body = raw.slice(1, -1).trim();
  let hedge: Placeholder['hedge'];
  if (body.startsWith('~')) {
    hedge = 'before';
    body = body.slice(1).trim();
  } else if (body.endsWith('~')) {
    hedge = 'after';
    body = body.slice(0, -1).trim();
  }
  let spec: FormatSpec = { decimals: undefined, type: undefined };
  const colon = body.lastIndexOf(':');
  if (colon >= 0) {
    spec = parseFormatSpec(body.slice(colon + 1).trim(), offset);
    body = body.slice(0, colon).trim();
  }
  if (body === '') throw new TemplateError(`empty placeholder ${raw}: name a value, e.g. {injury_growth:.2%}`, offset);
  return { raw, expr: body, spec, hedge, offset };
}

/** Parse a template once; errors carry the offset of the offending brace. */
export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (c === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (c === '}') {
      throw new TemplateError('unmatched "}" (write }} for a literal brace)', i);
    } else if (c === '{') {
      const end = text.indexOf('}', i + 1);
      const nested = text.indexOf('{', i + 1);
      if (end < 0 || (nested >= 0 && nested < end)) throw new TemplateError(`unclosed "{" in "${text.slice(i, i + 24)}…"`, i);
      if (literal) parts.push(literal);
      literal = '';
      parts.push(placeholder(text.slice(i, end + 1), i));
      i = end + 1;
    } else {
      literal += c;
      i += 1;
    }
  }
  if (literal) parts.push(literal);
  return { text, parts };
}

/** Escape text (a label from a model) for use inside a template: braces doubled. */
export function escapeTemplate(text: string): string {
  return text.replace(/[{}]/g, (c) => c + c);
}

/**
 * How a sentence of the 测算说明 leads into a derivation's label: `按{label}测算，` — or `{label}，测算` when the
 * label leads itself (按…, 以…, 根据…, 依据…, 保持…, 与…). `cesuan write` and `cesuan rollover` both word with it.
 */
export function basisLead(label: string): string {
  return /^(按|以|根据|依据|保持|与)/.test(label) ? `${label}，测算` : `按${label}测算，`;
}

/** The placeholders of a parsed template. */
export function placeholders(template: ParsedTemplate): Placeholder[] {
  return template.parts.filter((p): p is Placeholder => typeof p !== 'string');
}
