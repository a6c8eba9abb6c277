/**
 * The 主要指标测算说明 as a list of blocks (title, the indicator table, each indicator's 测算依据 as prose, the
 * choice, appendices), built from a model's evaluated result. The formats (docx, md, html, json) only draw
 * these blocks. Every number in a paragraph comes from a placeholder the engine computed.
 */
import { ExpressionError } from '../../engine/expression-error.js';
import { programFor } from '../../engine/graph/evaluate.js';
import { proposalValue } from '../../engine/planning/rollover.js';
import { compileTemplate, type CompiledTemplate, type Program } from '../../engine/graph/program.js';
import type { UncertaintyResult } from '../../engine/uncertainty/sample.js';
import type { IndicatorResult, ModelResult, Value } from '../../engine/types.js';
import type { IndicatorSpec } from '../../model/schema.js';
import type { LoadedModel } from '../../model/types.js';
import { formatNumber, renderTemplate, unitOfExpression, type Lang, type TemplateValue } from '../template.js';
import { defaultSentence } from './sentences.js';

export type WriteOption = 'audit' | 'paths' | 'projection' | 'uncertainty';
export const WRITE_OPTIONS: WriteOption[] = ['audit', 'paths', 'projection', 'uncertainty'];

export interface TableRow {
  cells: string[];
  /** group: a 一、就业 row spanning the table; subrow: 其中 … indented */
  kind: 'group' | 'row' | 'subrow';
}

export interface Table {
  caption: string;
  header: string[];
  rows: TableRow[];
}

/** One paragraph of prose; for a 测算依据, the template it came from and every value it printed. */
export interface Paragraph {
  text: string;
  role: 'basis' | 'conclusion' | 'note';
  indicator?: string;
  derivation?: string;
  /** the template text (hand-written in the model, or the default sentence of the method) */
  template?: string;
  /** `text` when the model's own template, `default` for a method's default sentence */
  origin?: 'text' | 'default';
  values?: TemplateValue[];
}

export type Block =
  | { type: 'title'; text: string }
  | { type: 'subtitle'; text: string }
  | { type: 'heading'; level: 1 | 2 | 3; text: string; pageBreak?: boolean }
  | { type: 'label'; text: string }
  | ({ type: 'paragraph' } & Paragraph)
  | ({ type: 'table' } & Table);

export interface WriteDocument {
  title: string;
  lang: Lang;
  model: string;
  scenario: string | null;
  blocks: Block[];
}

export interface ScenarioChange {
  id: string;
  label: string;
  unit: string;
  published: number;
  value: number;
}

export interface WriteInput {
  model: LoadedModel;
  result: ModelResult;
  lang: Lang;
  with?: Iterable<WriteOption>;
  scenario?: { name: string; changes: ScenarioChange[] };
  uncertainty?: UncertaintyResult;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

const WORDS = {
  zh: {
    titleSuffix: '主要指标测算说明',
    scenario: (name: string) => `（情景：${name}）`,
    change: (label: string, from: string, to: string) => `${label}由${from}调整为${to}`,
    changes: (list: string[]) => `本情景调整的假设：${list.join('；')}。`,
    noChanges: '本情景未调整任何假设。',
    tableCaption: '表1　主要指标',
    header: (base: number, target: number) => ['序号', '指标（单位）', `${base}年`, `${target}年`, '属性'],
    projectionHeader: ['测算值', '判断'],
    attribute: { indicative: '预期性', binding: '约束性', unknown: '—' } as Record<string, string>,
    verdict: { met: '达成', missed: '未达成', no_target: '—', not_modelled: '—' } as Record<string, string>,
    subrow: '其中：',
    basis: (n: number | undefined) => (n === undefined ? '测算依据：' : `测算依据${n}：`),
    cumulative: (v: string) => `五年累计${v}`,
    conclusion: (label: string, value: string) => `综合考虑，将${label}确定为${value}。`,
    proposedConclusion: (label: string, value: string) => `综合考虑，建议将${label}确定为${value}（建议目标，尚待确定）。`,
    proposed: '（建议）',
    proposedVerdict: (verdict: string) => `${verdict}（建议目标）`,
    choice: (computed: string) => `（此为综合判断后选定的数值，按上述测算为${computed}。）`,
    proposalRounding: (computed: string, proposal: string, down: boolean | undefined) =>
      `（建议值${proposal}为上述测算结果${computed}${down === undefined ? '四舍五入' : down ? '向下舍入' : '向上舍入'}至两位小数所得${down === undefined ? '' : `，测算结果${down ? '不低于' : '不高于'}建议值`}。）`,
    noDerivation: '文件未给出测算依据。',
    auditTitle: '附1　原文数字与重新测算的差异',
    auditIntro: (n: number, m: number) => `原文共陈述${n}个数字，其中${m}个与按原文自身数据重新测算的结果不一致，列示如下，供审核修订。`,
    auditNone: (n: number) => `原文共陈述${n}个数字，重新测算均一致。`,
    auditHeader: ['指标', '项目', '原文', '重新测算', '差异', '原文引述'],
    pathsTitle: '附2　年度分解',
    pathsIntro: '存量指标为各年末数值，累计指标为当年新增数量（五年合计即累计目标）。',
    pathsHeader: (years: number[]) => ['指标（单位）', ...years.map((y) => `${y}年`)],
    uncertaintyTitle: '附3　不确定性',
    uncertaintyIntro: (n: number) => `按各假设的分布抽样${n}次。`,
    uncertaintyHeader: ['指标（单位）', '测算值', 'P10', 'P90', '达成概率'],
    noUncertainty: '本模型及情景未给出任何假设的分布，无法进行不确定性分析。',
  },
  en: {
    titleSuffix: ': notes on the calculation of the main indicators',
    scenario: (name: string) => `(scenario: ${name})`,
    change: (label: string, from: string, to: string) => `${label} changed from ${from} to ${to}`,
    changes: (list: string[]) => `Assumptions this scenario changes: ${list.join('; ')}.`,
    noChanges: 'This scenario changes no assumption.',
    tableCaption: 'Table 1. Main indicators',
    header: (base: number, target: number) => ['No.', 'Indicator (unit)', String(base), String(target), 'Type'],
    projectionHeader: ['Projection', 'Verdict'],
    attribute: { indicative: 'indicative', binding: 'binding', unknown: '—' } as Record<string, string>,
    verdict: { met: 'met', missed: 'missed', no_target: '—', not_modelled: '—' } as Record<string, string>,
    subrow: 'of which: ',
    basis: (n: number | undefined) => (n === undefined ? 'Basis:' : `Basis ${n}:`),
    cumulative: (v: string) => `${v} over five years`,
    conclusion: (label: string, value: string) => `All things considered, the target for ${label} is ${value}.`,
    proposedConclusion: (label: string, value: string) =>
      `All things considered, the proposed target for ${label} is ${value} (a proposal, not yet adopted).`,
    proposed: ' (proposed)',
    proposedVerdict: (verdict: string) => `${verdict} (proposal)`,
    choice: (computed: string) => ` (A judgement: the calculation above gives ${computed}.)`,
    proposalRounding: (computed: string, proposal: string, down: boolean | undefined) =>
      ` (The proposal ${proposal} is the calculation above, ${computed}, rounded${down === undefined ? '' : down ? ' down' : ' up'} to two decimals${down === undefined ? '' : down ? ', so that the calculation is not below it' : ', so that the calculation is not above it'}.)`,
    noDerivation: 'The document gives no basis for this figure.',
    auditTitle: 'Appendix 1. Where the document’s figures differ from the recomputation',
    auditIntro: (n: number, m: number) =>
      `The document states ${n} figures; ${m} of them disagree with a recomputation from the document’s own inputs:`,
    auditNone: (n: number) => `The document states ${n} figures; all agree with the recomputation.`,
    auditHeader: ['Indicator', 'Figure', 'Stated', 'Recomputed', 'Difference', 'Quote'],
    pathsTitle: 'Appendix 2. Yearly path',
    pathsIntro: 'Stocks: year-end values; cumulative indicators: each year’s amount (the five add up to the total).',
    pathsHeader: (years: number[]) => ['Indicator (unit)', ...years.map(String)],
    uncertaintyTitle: 'Appendix 3. Uncertainty',
    uncertaintyIntro: (n: number) => `${n} samples of the assumptions’ distributions.`,
    uncertaintyHeader: ['Indicator (unit)', 'Projection', 'P10', 'P90', 'P(met)'],
    noUncertainty: 'Neither the model nor the scenario gives a distribution for any assumption.',
  },
};

/** 一、就业 — unless the plan's own label already numbers it. */
function groupHeading(label: string, index: number, lang: Lang): string {
  if (/^[一二三四五六七八九十]+[、.．]/.test(label) || /^\d+[.、]/.test(label)) return label;
  return `${lang === 'zh' ? `${NUMERALS[index] ?? index + 1}、` : `${index + 1}. `}${label}`;
}

/** A label without the table's “其中：” (a sub-row's own words in a sentence). */
function bare(label: string): string {
  return label.replace(/^其中[:：]\s*/, '');
}

const OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '', '≈': '≈' };

/** A table cell as the plan prints it: [x] → 〔x〕 for five-year totals, operators as published. */
export function publishedCell(
  published: string | undefined,
  value: number | null | undefined,
  kind: IndicatorSpec['kind'],
  op?: string,
): string {
  if (published !== undefined && published.trim() !== '') return published.trim().replace(/\[/g, '〔').replace(/\]/g, '〕');
  if (value === null || value === undefined) return '—';
  const body = `${op ? (OPS[op] ?? op) : ''}${formatNumber(value, undefined)}`;
  return kind === 'cumulative' ? `〔${body}〕` : body;
}

function unitWords(unit: string, lang: Lang): string {
  if (unit === '%' || unit === 'ratio') return '%';
  return lang === 'zh' ? unit : ` ${unit}`;
}

function numberWithUnit(value: number, unit: string, lang: Lang, decimals?: number): string {
  const printed = formatNumber(value, unit === 'ratio' ? 'ratio' : undefined, { decimals, type: undefined });
  return `${printed}${unit === 'ratio' ? '' : unitWords(unit, lang)}`;
}

/** Values aligned with the published program's slots (a scenario's result carries them by key). */
function alignedValues(program: Program, result: ModelResult): Value[] {
  return program.nodes.map((n) => result.values[n.key] ?? Number.NaN);
}

/** Split a rendered template into paragraphs at line breaks, each with the values printed in it. */
function paragraphsOf(
  template: CompiledTemplate,
  render: (parts: CompiledTemplate['template']['parts'], from: number) => { text: string; values: TemplateValue[] },
): { text: string; template: string; values: TemplateValue[] }[] {
  const out: { text: string; template: string; values: TemplateValue[] }[] = [];
  let current: CompiledTemplate['template']['parts'] = [];
  let startIndex = 0;
  let index = 0;
  const flush = () => {
    const { text, values } = render(current, startIndex);
    const templateText = current.map((p) => (typeof p === 'string' ? p.replace(/[{}]/g, (c) => c + c) : p.raw)).join('');
    if (text.trim()) out.push({ text: text.trim(), template: templateText.trim(), values });
    current = [];
    startIndex = index;
  };
  for (const part of template.template.parts) {
    if (typeof part !== 'string') {
      current.push(part);
      index++;
      continue;
    }
    const lines = part.split(/\n/);
    lines.forEach((line, i) => {
      if (i > 0) flush();
      if (line) current.push(line);
    });
  }
  flush();
  return out;
}

interface Context {
  model: LoadedModel;
  program: Program;
  values: Value[];
  lang: Lang;
}

function renderCompiled(ctx: Context, compiled: CompiledTemplate): { text: string; template: string; values: TemplateValue[] }[] {
  const evaluated = compiled.values.map((expr) => {
    let value: Value | null;
    try {
      value = expr.run(ctx.values);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      value = null;
    }
    return { value, unit: unitOfExpression(ctx.model, expr) };
  });
  return paragraphsOf(compiled, (parts, from) => renderTemplate({ text: '', parts }, (_name, _p, i) => evaluated[from + i], ctx.lang));
}

/** Which derivations' results a template of this indicator already cites (they get no sentence of their own). */
function citedDerivations(indicator: string, compiled: (CompiledTemplate | undefined)[]): Set<string> {
  const cited = new Set<string>();
  for (const c of compiled)
    for (const v of c?.values ?? [])
      for (const dep of v.deps) if (dep.startsWith(`${indicator}.`)) cited.add(dep.slice(indicator.length + 1));
  return cited;
}

/** The target cell; a proposal (cesuan rollover) is marked unless its published text already says （建议）. */
function targetCell(spec: IndicatorSpec, lang: Lang): string {
  if (!spec.target) return '—';
  const cell = publishedCell(spec.target.published, spec.target.value, spec.kind, spec.target.op);
  return spec.target.proposed && !/建议/.test(cell) ? `${cell}${WORDS[lang].proposed}` : cell;
}

function targetPhrase(spec: IndicatorSpec, lang: Lang): string {
  if (!spec.target) return '—';
  const cell = targetCell(spec, lang).replace(/[〔〕]/g, '');
  // a cell that is only a number (and an operator) takes the unit; one with words (500万人以上) is kept as printed
  const withUnit = /^[<>≤≥=≈]*\s*-?[\d.]+$/.test(cell) ? `${cell}${unitWords(spec.unit, lang)}` : cell;
  if (spec.kind === 'cumulative' && /累计/.test(cell)) return withUnit;
  return spec.kind === 'cumulative' ? WORDS[lang].cumulative(withUnit) : withUnit;
}

/** The target in words for the conclusion: 60%以上, 4%以内, 五年累计60万人以上. */
function targetWords(spec: IndicatorSpec, lang: Lang): string {
  if (!spec.target) return '—';
  const v = numberWithUnit(spec.target.value, spec.unit, lang);
  const zh: Record<string, (x: string) => string> = {
    '>=': (x) => `${x}以上`,
    '<=': (x) => `${x}以内`,
    '>': (x) => `高于${x}`,
    '<': (x) => `低于${x}`,
    '=': (x) => x,
    '≈': (x) => `${x}左右`,
  };
  const en: Record<string, (x: string) => string> = {
    '>=': (x) => `at least ${x}`,
    '<=': (x) => `at most ${x}`,
    '>': (x) => `above ${x}`,
    '<': (x) => `below ${x}`,
    '=': (x) => x,
    '≈': (x) => `about ${x}`,
  };
  const phrase = (lang === 'zh' ? zh : en)[spec.target.op]?.(v) ?? v;
  return spec.kind === 'cumulative' ? WORDS[lang].cumulative(phrase) : phrase;
}

/** Build the document. Pure: the CLI loads, evaluates and writes; this only arranges. */
export function buildDocument(input: WriteInput): WriteDocument {
  const { model, result, lang } = input;
  const words = WORDS[lang];
  const options = new Set(input.with ?? []);
  const program = programFor(model);
  const ctx: Context = { model, program, values: alignedValues(program, result), lang };
  const spec = model.spec;
  const blocks: Block[] = [];
  const title = lang === 'zh' ? `《${spec.title}》${words.titleSuffix}` : `${spec.title}${words.titleSuffix}`;
  blocks.push({ type: 'title', text: title });
  if (input.scenario) {
    blocks.push({ type: 'subtitle', text: words.scenario(input.scenario.name) });
    const changes = input.scenario.changes.map((c) =>
      words.change(c.label, numberWithUnit(c.published, c.unit, lang), numberWithUnit(c.value, c.unit, lang)),
    );
    blocks.push({ type: 'paragraph', role: 'note', text: changes.length ? words.changes(changes) : words.noChanges });
  }

  blocks.push({ type: 'table', ...indicatorTable(result, model, lang, options.has('projection')) });

  const groupLabels = new Map(spec.groups.map((g) => [g.id, g.label]));
  let group: string | undefined;
  let groupIndex = 0;
  for (const ind of result.indicators) {
    const is = spec.indicators[ind.id]!;
    if (is.group !== group) {
      group = is.group;
      if (group !== undefined)
        blocks.push({ type: 'heading', level: 1, text: groupHeading(groupLabels.get(group) ?? group, groupIndex, lang) });
      groupIndex++;
    }
    const unit = is.unit === 'ratio' ? '%' : is.unit;
    const head = `${ind.number ? `${ind.number}${is.parent ? ' ' : '. '}` : ''}${ind.label}${lang === 'zh' ? `（${unit}）：` : ` (${unit}): `}${targetPhrase(is, lang)}`;
    blocks.push({ type: 'heading', level: is.parent ? 3 : 2, text: head });
    blocks.push(...indicatorParagraphs(ctx, ind, is));
  }

  if (options.has('audit')) blocks.push(...auditAppendix(result, lang));
  if (options.has('paths')) blocks.push(...pathsAppendix(result, model, lang));
  if (options.has('uncertainty')) blocks.push(...uncertaintyAppendix(input.uncertainty, lang));
  return { title, lang, model: spec.id, scenario: input.scenario?.name ?? null, blocks };
}

function indicatorTable(result: ModelResult, model: LoadedModel, lang: Lang, projection: boolean): Table {
  const words = WORDS[lang];
  const { base, target } = model.spec.years;
  const header = [...words.header(base, target), ...(projection ? words.projectionHeader : [])];
  const rows: TableRow[] = [];
  const groupLabels = new Map(model.spec.groups.map((g) => [g.id, g.label]));
  let group: string | undefined;
  let groupIndex = 0;
  const firstChild = new Set<string>();
  const seenParent = new Set<string>();
  for (const ind of result.indicators) {
    const is = model.spec.indicators[ind.id]!;
    if (is.parent && !seenParent.has(is.parent)) {
      seenParent.add(is.parent);
      firstChild.add(ind.id);
    }
  }
  for (const ind of result.indicators) {
    const is = model.spec.indicators[ind.id]!;
    if (is.group !== group) {
      group = is.group;
      if (group !== undefined) {
        const label = groupHeading(groupLabels.get(group) ?? group, groupIndex, lang);
        rows.push({ kind: 'group', cells: [label, ...header.slice(1).map(() => '')] });
      }
      groupIndex++;
    }
    const unit = is.unit === 'ratio' ? '%' : is.unit;
    const label = `${is.parent && firstChild.has(ind.id) && !/^其中/.test(ind.label) ? words.subrow : ''}${ind.label}（${unit}）`;
    const cells = [
      is.parent ? '' : (ind.number ?? ''),
      label,
      publishedCell(is.baseline.published, is.baseline.value, is.kind),
      targetCell(is, lang),
      words.attribute[is.attribute] ?? is.attribute,
    ];
    if (projection) {
      const verdict = words.verdict[ind.verdict] ?? ind.verdict;
      const checked = is.target?.proposed && (ind.verdict === 'met' || ind.verdict === 'missed');
      cells.push(ind.projection === null ? '—' : formatNumber(ind.projection, is.unit), checked ? words.proposedVerdict(verdict) : verdict);
    }
    rows.push({ kind: is.parent ? 'subrow' : 'row', cells });
  }
  return { caption: words.tableCaption, header, rows };
}

function indicatorParagraphs(ctx: Context, ind: IndicatorResult, is: IndicatorSpec): Block[] {
  const { program, model, lang } = ctx;
  const words = WORDS[lang];
  const compiled = program.indicators.find((c) => c.id === ind.id)!;
  const texts = compiled.derivations.map((d) => d.text);
  const cited = citedDerivations(ind.id, texts);
  const sections: {
    derivation: string;
    paragraphs: { text: string; template: string; values: TemplateValue[] }[];
    origin: 'text' | 'default';
  }[] = [];
  for (const d of compiled.derivations) {
    if (d.text) {
      sections.push({ derivation: d.id, paragraphs: renderCompiled(ctx, d.text), origin: 'text' });
      continue;
    }
    // cited by a template, or a formula-less note beside hand-written text: the text covers it
    if (cited.has(d.id) || (d.spec.formula === undefined && texts.some(Boolean))) continue;
    const sentence = defaultSentence({ model, program, values: ctx.values, indicator: ind.id, derivation: d.id, lang });
    const template = compileTemplate(sentence, ind.id, program.resolve, model, ['indicators', ind.id, 'derivations', d.id, 'text']);
    sections.push({ derivation: d.id, paragraphs: renderCompiled(ctx, template), origin: 'default' });
  }
  const blocks: Block[] = [];
  if (sections.length === 0) blocks.push({ type: 'paragraph', role: 'note', indicator: ind.id, text: words.noDerivation });
  sections.forEach((s, i) => {
    blocks.push({ type: 'label', text: words.basis(sections.length > 1 ? i + 1 : undefined) });
    for (const p of s.paragraphs)
      blocks.push({
        type: 'paragraph',
        role: 'basis',
        indicator: ind.id,
        derivation: s.derivation,
        template: p.template,
        origin: s.origin,
        values: p.values,
        text: p.text,
      });
  });
  // the choice, unless a template already states it
  const decided = [`${ind.id}.chosen`, `${ind.id}.target`, ...(is.chosen || !is.primary ? [] : [`${ind.id}.${is.primary}`])];
  const citesChoice = texts.some((t) => t?.values.some((v) => v.deps.some((dep) => decided.includes(dep))));
  if (!citesChoice && (is.chosen || is.target)) {
    const chosen = is.chosen?.value ?? null;
    const value = chosen !== null ? numberWithUnit(chosen, is.unit, lang) : targetWords(is, lang);
    // a proposed target (cesuan rollover; a draft's `chosen` is the same proposal) is not a decision yet: the sentence proposes it
    let text = (is.target?.proposed ? words.proposedConclusion : words.conclusion)(bare(ind.label), value);
    const primary = ind.derivations.find((d) => d.id === ind.primary)?.value ?? null;
    if (chosen !== null && primary !== null && Math.abs(primary - chosen) > 1e-9 * Math.max(1, Math.abs(chosen))) {
      // a draft's proposal is the projection rounded (cesuan rollover), not a judgement: say so, with the digits that show it
      const op = is.target?.op ?? '>=';
      text +=
        is.target?.proposed && chosen === proposalValue(primary, op, is.unit)
          ? words.proposalRounding(
              numberWithUnit(primary, is.unit, lang, 4),
              numberWithUnit(chosen, is.unit, lang),
              op === '>=' || op === '>' ? true : op === '<=' || op === '<' ? false : undefined,
            )
          : words.choice(numberWithUnit(primary, is.unit, lang));
    }
    blocks.push({ type: 'paragraph', role: 'conclusion', indicator: ind.id, text });
  }
  return blocks;
}

function auditAppendix(result: ModelResult, lang: Lang): Block[] {
  const words = WORDS[lang];
  const mismatches = result.audit.filter((a) => a.verdict === 'mismatch');
  const labelOf = new Map(result.indicators.map((i) => [i.id, i.label]));
  const blocks: Block[] = [{ type: 'heading', level: 1, text: words.auditTitle, pageBreak: true }];
  blocks.push({
    type: 'paragraph',
    role: 'note',
    text: mismatches.length ? words.auditIntro(result.audit.length, mismatches.length) : words.auditNone(result.audit.length),
  });
  if (mismatches.length) {
    blocks.push({
      type: 'table',
      caption: '',
      header: words.auditHeader,
      rows: mismatches.map((m) => ({
        kind: 'row' as const,
        cells: [
          labelOf.get(m.indicator) ?? m.indicator,
          m.label,
          formatNumber(m.stated, m.unit === 'ratio' ? 'ratio' : undefined, {
            decimals: undefined,
            type: m.unit === 'ratio' ? '%' : undefined,
          }),
          m.recomputed === null
            ? '—'
            : formatNumber(m.recomputed, m.unit === 'ratio' ? 'ratio' : undefined, {
                decimals: m.unit === 'ratio' ? 2 : undefined,
                type: undefined,
              }),
          m.difference === null
            ? '—'
            : formatNumber(m.difference, m.unit === 'ratio' ? 'ratio' : undefined, {
                decimals: m.unit === 'ratio' ? 2 : undefined,
                type: undefined,
              }),
          m.quote ?? '',
        ],
      })),
    });
  }
  return blocks;
}

function pathsAppendix(result: ModelResult, model: LoadedModel, lang: Lang): Block[] {
  const words = WORDS[lang];
  const { base, target } = model.spec.years;
  const years = Array.from({ length: target - base + 1 }, (_, i) => base + i);
  const rows: TableRow[] = result.indicators
    .filter((i) => i.trajectory.length > 0)
    .map((i) => {
      const by = new Map(i.trajectory.map((p) => [p.year, p.value]));
      const unit = i.unit === 'ratio' ? '%' : i.unit;
      return {
        kind: i.parent ? ('subrow' as const) : ('row' as const),
        cells: [`${i.label}（${unit}）`, ...years.map((y) => (by.has(y) ? formatNumber(by.get(y)!, i.unit) : '—'))],
      };
    });
  return [
    { type: 'heading', level: 1, text: words.pathsTitle, pageBreak: true },
    { type: 'paragraph', role: 'note', text: words.pathsIntro },
    { type: 'table', caption: '', header: words.pathsHeader(years), rows },
  ];
}

function uncertaintyAppendix(u: UncertaintyResult | undefined, lang: Lang): Block[] {
  const words = WORDS[lang];
  const blocks: Block[] = [{ type: 'heading', level: 1, text: words.uncertaintyTitle, pageBreak: true }];
  if (!u || u.assumptions.length === 0) {
    blocks.push({ type: 'paragraph', role: 'note', text: words.noUncertainty });
    return blocks;
  }
  blocks.push({ type: 'paragraph', role: 'note', text: words.uncertaintyIntro(u.samples) });
  blocks.push({
    type: 'table',
    caption: '',
    header: words.uncertaintyHeader,
    rows: u.indicators
      .filter((i) => i.summary)
      .map((i) => ({
        kind: 'row' as const,
        cells: [
          `${i.label}（${i.unit === 'ratio' ? '%' : i.unit}）`,
          i.point === null ? '—' : formatNumber(i.point, i.unit),
          formatNumber(i.summary!.p10, i.unit),
          formatNumber(i.summary!.p90, i.unit),
          i.pMet === null ? '—' : `${(i.pMet * 100).toFixed(1)}%`,
        ],
      })),
  });
  return blocks;
}
