/**
 * Default sentences for derivations without a `text:` template, one per growth method, in Chinese and
 * English. Each is built as a template (names of the formula's own arguments as placeholders), so it is
 * rendered and recomputed exactly like a hand-written one.
 *   compound: 以2020年{186.5}万人为基数，按年均增长{injury_growth}测算，到2025年达到{injury_insured.basis2}万人。
 */
import type { MathNode } from 'mathjs';
import { calleeName, formulaNode } from '../../engine/graph/nodes.js';
import type { Program } from '../../engine/graph/program.js';
import type { Value } from '../../engine/types.js';
import type { LoadedModel } from '../../model/types.js';
import { basisLead } from '../../model/template.js';
import { escapeTemplate, namedEntry, unitOf, type Lang } from '../template.js';

/** What a default sentence needs to know about one derivation. */
export interface SentenceInput {
  model: LoadedModel;
  program: Program;
  values: Value[];
  indicator: string;
  derivation: string;
  lang: Lang;
}

interface Arg {
  /** formula text of the argument (a placeholder's name) */
  expr: string;
  value: Value | undefined;
  /** qualified key when the argument is a plain name */
  key: string | undefined;
  unit: string | undefined;
  label: string | undefined;
  years: number[] | undefined;
}

/** How a unit follows a number in running text: 万人 directly (zh), %, nothing for a ratio. */
function suffix(unit: string | undefined, lang: Lang): string {
  if (!unit || unit === 'ratio') return '';
  if (unit === '%') return '%';
  return lang === 'zh' ? escapeTemplate(unit) : ` ${escapeTemplate(unit)}`;
}

/** The assumptions a derivation reads directly whose value is back-solved from a stated result. */
function backSolved(input: SentenceInput): string[] {
  const slot = input.program.slotOf.get(`${input.indicator}.${input.derivation}`);
  const expr = slot === undefined ? undefined : input.program.nodes[slot]!.expr;
  const labels = new Set<string>();
  for (const ref of expr?.tree.refs.values() ?? []) {
    const parts = ref.key.split('.');
    let m = input.model;
    while (parts.length > 1 && Object.hasOwn(m.imports, parts[0]!)) m = m.imports[parts.shift()!]!;
    const a = parts.length === 1 ? m.spec.assumptions[parts[0]!] : undefined;
    if (a?.back_solved) labels.add(a.label);
  }
  return [...labels];
}

function labelOf(model: LoadedModel, key: string): string | undefined {
  return namedEntry(model, key)?.label;
}

function args(input: SentenceInput, callArgs: readonly MathNode[]): Arg[] {
  const slot = input.program.slotOf.get(`${input.indicator}.${input.derivation}`)!;
  const tree = input.program.nodes[slot]!.expr!.tree;
  return callArgs.map((a) => {
    const ref = tree.refs.get(a);
    const closure = tree.closures.get(a);
    let value: Value | undefined;
    try {
      value = closure?.(input.values, 0);
    } catch {
      value = undefined;
    }
    return {
      expr: a.toString(),
      value,
      key: ref?.key,
      unit: ref ? unitOf(input.model, ref.key) : undefined,
      label: ref ? labelOf(input.model, ref.key) : undefined,
      years: ref?.years,
    };
  });
}

const num = (v: Value | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The top-level method of a derivation's formula, if it is one call. */
export function methodOf(program: Program, key: string): { name: string; args: readonly MathNode[] } | undefined {
  const slot = program.slotOf.get(key);
  const expr = slot === undefined ? undefined : program.nodes[slot]!.expr;
  if (!expr) return undefined;
  let root = formulaNode(expr.tree.root);
  while (root.type === 'ParenthesisNode') root = formulaNode(root.content);
  const name = root.type === 'FunctionNode' ? calleeName(root) : undefined;
  return root.type === 'FunctionNode' && name !== undefined ? { name, args: root.args } : undefined;
}

/** A series argument described: its label and years (“农村劳动力转移就业年度增量2016—2020年”). */
function seriesWords(a: Arg, lang: Lang): string {
  const label = escapeTemplate(a.label ?? a.expr);
  if (!a.years || a.years.length === 0) return label;
  const first = a.years[0]!;
  const last = a.years[a.years.length - 1]!;
  return lang === 'zh' ? `${label}${first}—${last}年` : `${label}, ${first}–${last}`;
}

/**
 * The default template of one derivation (zh or en), or undefined when its formula is no method we describe
 * (the caller then uses the generic sentence).
 */
export function methodSentence(input: SentenceInput): string | undefined {
  const { model, program, indicator, derivation, lang } = input;
  const key = `${indicator}.${derivation}`;
  const found = methodOf(program, key);
  if (!found) return undefined;
  const a = args(input, found.args);
  const spec = model.spec.indicators[indicator]!;
  const u = suffix(spec.unit, lang);
  const base = model.spec.years.base;
  const d = `{${key}}`;
  const zh = lang === 'zh';
  const unitOfArg = (x: Arg) => suffix(x.unit ?? spec.unit, lang);
  switch (found.name) {
    case 'compound':
    case 'linear': {
      if (a.length !== 3 || num(a[2]!.value) === undefined) return undefined;
      const n = num(a[2]!.value)!;
      const year = base + n;
      const rate = a[1]!;
      const falling = (num(rate.value) ?? 0) < 0;
      const magnitude = falling ? `-(${rate.expr})` : rate.expr;
      if (found.name === 'compound') {
        const step = zh
          ? `按年均${falling ? '下降' : '增长'}{${magnitude}:%}测算`
          : `${falling ? 'falling' : 'growing'} {${magnitude}:%} a year`;
        return zh
          ? `以${base}年{${a[0]!.expr}}${u}为基数，${step}，到${year}年达到${d}${u}。`
          : `Taking {${a[0]!.expr}}${u} in ${base} as the base and ${step}, it reaches ${d}${u} by ${year}.`;
      }
      // a step of a rate is in percentage points; a step per year drops its “/年”
      const points = spec.unit === '%' || rate.unit === '百分点' || rate.unit === '%';
      const stepUnit = points ? (zh ? '个百分点' : ' percentage points') : unitOfArg(rate).replace(/\/年$/, '');
      const stepWords = zh
        ? `每年${falling ? '减少' : '增加'}{${magnitude}}${stepUnit}`
        : `${falling ? 'subtracting' : 'adding'} {${magnitude}}${stepUnit} a year`;
      if (spec.kind === 'cumulative' && num(a[0]!.value) === 0) {
        return zh
          ? `按每年新增{${magnitude}}${stepUnit}测算，${base + 1}—${year}年累计${d}${u}。`
          : `At {${magnitude}}${stepUnit} a year, ${base + 1}–${year} add up to ${d}${u}.`;
      }
      return zh
        ? `以${base}年{${a[0]!.expr}}${u}为基数，按${stepWords}测算，到${year}年达到${d}${u}。`
        : `Taking {${a[0]!.expr}}${u} in ${base} as the base and ${stepWords}, it reaches ${d}${u} by ${year}.`;
    }
    case 'share': {
      if (a.length !== 2) return undefined;
      const total = a[0]!;
      const what = escapeTemplate(total.label ?? '');
      return zh
        ? `按${what}{${total.expr}}${unitOfArg(total)}的{${a[1]!.expr}:%}测算，为${d}${u}。`
        : `At {${a[1]!.expr}:%} of ${what ? `${what} ` : ''}({${total.expr}}${unitOfArg(total)}), it comes to ${d}${u}.`;
    }
    case 'cagr': {
      if (a.length === 1 && a[0]!.years) {
        const s = a[0]!;
        const [y0, y1] = [s.years![0]!, s.years![s.years!.length - 1]!];
        return zh
          ? `${escapeTemplate(s.label ?? s.expr)}由${y0}年的{first(${s.expr})}${unitOfArg(s)}增至${y1}年的{last(${s.expr})}${unitOfArg(s)}，年均增长{${key} * 100:n}%。`
          : `${escapeTemplate(s.label ?? s.expr)} went from {first(${s.expr})}${unitOfArg(s)} in ${y0} to {last(${s.expr})}${unitOfArg(s)} in ${y1}: {${key} * 100:n}% a year on average.`;
      }
      if (a.length !== 3) return undefined;
      return zh
        ? `由{${a[0]!.expr}}${suffix(a[0]!.unit, lang)}增至{${a[1]!.expr}}${suffix(a[1]!.unit, lang)}，{${a[2]!.expr}:.0}年间年均增长{${key} * 100:n}%。`
        : `From {${a[0]!.expr}}${suffix(a[0]!.unit, lang)} to {${a[1]!.expr}}${suffix(a[1]!.unit, lang)} in {${a[2]!.expr}:.0} years is {${key} * 100:n}% a year.`;
    }
    case 'mean_growth': {
      if (a.length !== 1) return undefined;
      return zh
        ? `${seriesWords(a[0]!, lang)}逐年增长率的平均值为{${key} * 100:n}%。`
        : `The mean of the year-on-year growth rates of ${seriesWords(a[0]!, lang)}${a[0]!.years ? ',' : ''} is {${key} * 100:n}%.`;
    }
    case 'sum':
    case 'mean': {
      if (a.length !== 1 || !a[0]!.years) return undefined;
      const words = seriesWords(a[0]!, lang);
      if (found.name === 'sum') return zh ? `${words}合计${d}${unitOfArg(a[0]!)}。` : `${words} add up to ${d}${unitOfArg(a[0]!)}.`;
      return zh ? `${words}平均每年${d}${unitOfArg(a[0]!)}。` : `${words} average ${d}${unitOfArg(a[0]!)} a year.`;
    }
    case 'decay': {
      if (a.length !== 2 || !a[0]!.years) return undefined;
      const s = a[0]!;
      const su = unitOfArg(s);
      return zh
        ? `${seriesWords(s, lang)}由{first(${s.expr})}${su}降至{last(${s.expr})}${su}，按此逐年递减的趋势延续{${a[1]!.expr}:.0}年，合计${d}${u}。`
        : `${seriesWords(s, lang)} fell from {first(${s.expr})}${su} to {last(${s.expr})}${su}; continuing that decline for {${a[1]!.expr}:.0} years gives ${d}${u} in total.`;
    }
    case 'regress': {
      if (a.length !== 3) return undefined;
      const ys = a[1]!;
      const xs = Array.isArray(a[0]!.value) ? a[0]!.value : undefined;
      const span = xs?.length ? (zh ? `${xs[0]}—${xs[xs.length - 1]}年` : `${xs[0]}–${xs[xs.length - 1]}`) : '';
      return zh
        ? `按${escapeTemplate(ys.label ?? ys.expr)}${span}的直线趋势外推，到{${a[2]!.expr}:.0n}年为${d}${u}。`
        : `Extending the straight-line trend of ${escapeTemplate(ys.label ?? ys.expr)}${span ? `, ${span},` : ''} gives ${d}${u} in {${a[2]!.expr}:.0n}.`;
    }
    case 'coverage': {
      if (a.length !== 2) return undefined;
      return zh
        ? `{${a[0]!.expr}}${suffix(a[0]!.unit, lang)}占{${a[1]!.expr}}${suffix(a[1]!.unit, lang)}的{${key} * 100:n}%。`
        : `{${a[0]!.expr}}${suffix(a[0]!.unit, lang)} is {${key} * 100:n}% of {${a[1]!.expr}}${suffix(a[1]!.unit, lang)}.`;
    }
    default:
      return undefined;
  }
}

/** The sentence for any derivation without a template: its method's, else its label and result. */
export function defaultSentence(input: SentenceInput): string {
  const { model, indicator, derivation, lang } = input;
  const spec = model.spec.indicators[indicator]!;
  const d = spec.derivations[derivation]!;
  const zh = lang === 'zh';
  const u = suffix(spec.unit, lang);
  const label = escapeTemplate(d.label);
  if (d.formula === undefined) {
    const quote = escapeTemplate(d.source.quote.trim());
    return zh ? `${label}。文件所述：“${quote}”` : `${label}. The document: “${quote}”`;
  }
  const lead = basisLead(label);
  let sentence =
    methodSentence(input) ?? (zh ? `${lead}为{${indicator}.${derivation}}${u}。` : `By ${label}: {${indicator}.${derivation}}${u}.`);
  const solved = backSolved(input).map(escapeTemplate);
  if (solved.length && d.status !== 'not_reproducible') {
    const named = solved.filter((l) => !l.includes('反推'));
    sentence += zh
      ? `（${named.length ? `其中${named.join('、')}` : '所用假设'}系由目标或结论反推，并非文件给出的测算依据。）`
      : ` (${solved.join(', ')}: back-solved from the target or a stated result, not a basis the document gives.)`;
  }
  if (d.status === 'not_reproducible') {
    sentence += zh
      ? '（文件未给出测算模型，此值由文件所述结论反推，不可复现。）'
      : ' (The document gives no model; this value is back-solved from its stated result and cannot be reproduced.)';
  }
  return sentence;
}
