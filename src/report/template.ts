/**
 * Render `text:` templates (parsed by src/model/template.ts) with values: each placeholder formatted by its
 * unit with the precision it asks for. Used by `cesuan write` and by the TUI for labels that contain numbers.
 *
 *   const label = renderTemplate('全省目标任务{henan.new_jobs_total}万人 × 郑州占比{share:.1%}',
 *     (name) => ({ value: values[name], unit: units[name] }));
 *   label.text   // "全省目标任务500万人 × 郑州占比11.3%"
 *
 * `valuesLookup(model, result.values, indicator)` is that lookup over an evaluated model (names, units from
 * the model). A lookup that returns undefined (or a non-finite value) renders "—"; parsing errors throw
 * TemplateError.
 */
import type { LoadedModel } from '../model/types.js';
import { escapeTemplate, parseTemplate, type FormatSpec, type ParsedTemplate, type Placeholder } from '../model/template.js';
import type { CompiledExpression } from '../engine/graph/expression.js';
import { calleeName, formulaNode } from '../engine/graph/nodes.js';
import type { Value } from '../engine/types.js';

export type Lang = 'zh' | 'en';

export type { FormatSpec, ParsedTemplate, Placeholder };
export { escapeTemplate, parseTemplate };

/** A value a placeholder used: its name (or formula), the value, its unit and how it was printed. */
export interface TemplateValue {
  name: string;
  value: Value | null;
  unit: string | undefined;
  text: string;
}

export interface RenderedTemplate {
  text: string;
  values: TemplateValue[];
}

export type TemplateLookup = (
  name: string,
  placeholder: Placeholder,
  index: number,
) => { value: Value | null | undefined; unit?: string | undefined } | undefined;

function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function fixed(x: number, decimals: number | undefined): string {
  const s = decimals === undefined ? trim(x.toFixed(2)) : x.toFixed(decimals);
  return s === '-0' || /^-0\.0*$/.test(s) ? s.slice(1) : s;
}

/** One number as a placeholder prints it: ratios as percentages unless `n`, precision from the spec. */
export function formatNumber(value: number, unit: string | undefined, spec: FormatSpec = { decimals: undefined, type: undefined }): string {
  if (!Number.isFinite(value)) return '—';
  if (spec.type === 'u')
    return `${formatNumber(value, unit, { decimals: spec.decimals, type: undefined })}${unit === 'ratio' || unit === undefined ? '' : unit === '%' ? '%' : unit}`;
  const percent = spec.type === '%' || (spec.type === undefined && unit === 'ratio');
  if (!percent) return fixed(value, spec.decimals);
  return `${fixed(unit === '%' ? value : value * 100, spec.decimals)}%`;
}

/** A placeholder's value as printed: a number, or a series as a list (4.32、4.45 …), hedged if asked. */
export function formatPlaceholder(
  value: Value | null | undefined,
  unit: string | undefined,
  placeholder: Pick<Placeholder, 'spec' | 'hedge'>,
  lang: Lang = 'zh',
): string {
  let body: string;
  if (value === null || value === undefined) body = '—';
  else if (Array.isArray(value)) body = value.map((v) => formatNumber(v, unit, placeholder.spec)).join(lang === 'zh' ? '、' : ', ');
  else body = formatNumber(value, unit, placeholder.spec);
  if (placeholder.hedge === undefined || body === '—') return body;
  if (lang === 'en') return `about ${body}`;
  return placeholder.hedge === 'before' ? `约${body}` : `${body}左右`;
}

/** Render a template (text or parsed once) with values from `lookup`. */
export function renderTemplate(template: string | ParsedTemplate, lookup: TemplateLookup, lang: Lang = 'zh'): RenderedTemplate {
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  let text = '';
  const values: TemplateValue[] = [];
  let index = 0;
  for (const part of parsed.parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const found = lookup(part.expr, part, index++);
    const printed = formatPlaceholder(found?.value, found?.unit, part, lang);
    values.push({ name: part.expr, value: found?.value ?? null, unit: found?.unit, text: printed });
    text += printed;
  }
  return { text, values };
}

/**
 * What a qualified name in a model names: `henan.new_jobs_total` (an imported assumption), `injury_insured.basis2`
 * / `injury_insured.target` (the indicator itself), a series or an assumption.
 */
export function namedEntry(model: LoadedModel, key: string): { unit?: string; label?: string } | undefined {
  const parts = key.split('.');
  let m = model;
  while (parts.length > 1 && Object.hasOwn(m.imports, parts[0]!)) m = m.imports[parts.shift()!]!;
  const [id, field] = parts as [string, string | undefined];
  const spec = m.spec;
  if (field === undefined) return spec.assumptions[id] ?? spec.series[id] ?? spec.indicators[id];
  return spec.indicators[id];
}

/** The unit of a qualified name in a model (see namedEntry). */
export function unitOf(model: LoadedModel, key: string): string | undefined {
  return namedEntry(model, key)?.unit;
}

/** Methods whose result is a growth rate or a share, whatever their arguments' units. */
const RATIO_METHODS = new Set(['cagr', 'mean_growth', 'growth_rates', 'coverage']);

/** The unit of a compiled placeholder: a name's own; a rate method's ratio; else its first name's unit. */
export function unitOfExpression(model: LoadedModel, expr: CompiledExpression): string | undefined {
  let root = formulaNode(expr.tree.root);
  while (root.type === 'ParenthesisNode') root = formulaNode(root.content);
  if (root.type === 'FunctionNode' && RATIO_METHODS.has(calleeName(root) ?? '')) return 'ratio';
  // a product or quotient has no unit we can name (12003 = share × GDP); sums and differences keep theirs
  if (root.type === 'OperatorNode' && /^(multiply|divide|pow)$/.test(root.fn)) return undefined;
  const first = expr.deps[0];
  return first === undefined ? undefined : unitOf(model, first);
}

/**
 * A lookup over a model's evaluated values (`result.values`, keyed by qualified name), for front ends that
 * render a template outside `cesuan write` — the TUI's labels with numbers:
 *
 *   renderTemplate('全省目标任务{henan.new_jobs_total}万人 × 郑州占比{new_jobs_share:.1%}', valuesLookup(model, result.values))
 *
 * Plain names only (the indicator's own fields with `indicator`); a formula inside braces prints “—” here
 * (formulas are compiled with the model: see compileTemplate in src/engine/graph/program.ts).
 */
export function valuesLookup(model: LoadedModel, values: Readonly<Record<string, Value>>, indicator?: string): TemplateLookup {
  return (name) => {
    const key = name in values ? name : indicator !== undefined && `${indicator}.${name}` in values ? `${indicator}.${name}` : undefined;
    return key === undefined ? undefined : { value: values[key], unit: unitOf(model, key) };
  };
}
