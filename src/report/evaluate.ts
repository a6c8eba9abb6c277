/**
 * `evaluate`: the final evaluation (终期评估) — final values against the targets, growth achieved against
 * assumed, a summary (n of N met, binding first; overshoots and shortfalls), and where the outcome fell against
 * the model's own uncertainty band. Formulas in engine/planning/evaluate.ts. Chinese by default, `--lang en`.
 */
import { WIDE_MARGIN, type EvaluationSummary, type IndicatorEvaluation } from '../engine/planning/evaluate.js';
import type { ActualSources } from '../model/actuals.js';
import { citeActual } from '../model/actuals.js';
import { renderCsv } from './csv.js';
import { renderMarkdownTable } from './markdown.js';
import { formatIn, formatSigned } from './numbers.js';
import { JSON_SCHEMA_VERSION, proposedLegend, targetText, type Format } from './results.js';
import { safeText } from './safe-text.js';
import { csvHeader, type Lang } from './strings.js';
import { renderTable, type Column } from './table.js';

export interface EvaluateContext {
  title: string;
  model: string;
  scenario: string | null;
  file: string;
  years: { base: number; target: number };
  lang: Lang;
  sources: ActualSources;
  /** samples behind the bands, when the scenario has distributions */
  samples: number | null;
}

const WORDS = {
  zh: {
    heading: (b: number, t: number) => `终期评估：${b + 1}—${t}年实际值对照规划目标`,
    header: ['指标', '单位', '终值', '目标', '结果', '差额', '相对目标', '实际年均', '规划假设', 'P5–P95', '区间外'],
    binding: '（约束性）',
    met: '达成',
    metBy: (op: string, p: string) => `达成（${op === '>=' || op === '>' ? '超出' : '优于目标'} ${p}）`,
    missed: (p: string) => `未达成（差 ${p}）`,
    noTarget: '无目标',
    missing: (ys: number[]) => `缺 ${ys.join('、')} 年实际值`,
    growth: '年均增长',
    amount: '年均',
    change: '年均变化',
    summary: '小结',
    count: (m: number, n: number, bm: number, bn: number) =>
      n ? `目标达成 ${m}/${n}${bn ? `，其中约束性 ${bm}/${bn}` : ''}` : '没有可做终期评估的目标（需有目标且实际值覆盖到目标年）',
    over: '超出最多',
    short: '差距最大',
    wide: (p: string) => `超出目标 ${p} 及以上的指标，请复核目标是否定得偏低。`,
    band: (n: number) =>
      `P5–P95：按情景中的分布抽样 ${n} 次得到的模型自身不确定区间；区间外：终值落在区间外的距离（括号内为区间宽度的倍数）。`,
    outsideBand: (items: string) => `落在模型自身不确定区间（P5–P95）之外：${items}`,
    outsideItem: (label: string, side: string, d: string, widths: string) =>
      `${label} ${side === 'above' ? '高于 P95' : '低于 P5'} ${d}（${widths} 倍区间宽度）`,
    insideBand: '终值均落在模型自身不确定区间（P5–P95）之内。',
    incomplete: (ys: string) => `以下指标实际值未覆盖到目标年，无法做终期评估，仅作中期评估：${ys}`,
    sources: '实际值来源',
    noSource: '（未注明来源）',
    noSourceAll: '所有实际值均未注明来源（如为示例数据，请替换为公报数据并用 { value, source } 注明出处）',
    legend:
      '终值：存量指标为目标年年末值，累计指标为五年合计〔〕，比率指标为目标年数值；实际年均：存量为年均增长率（实际），累计为年均数量，比率为年均变化；规划假设：模型预测值对应的同一口径。',
  },
  en: {
    heading: (b: number, t: number) => `Final evaluation: actuals ${b + 1}–${t} against the targets`,
    header: ['indicator', 'unit', 'final', 'target', 'result', 'margin', 'vs target', 'achieved/yr', 'assumed/yr', 'P5–P95', 'outside'],
    binding: ' (binding)',
    met: 'met',
    metBy: (_op: string, p: string) => `met (by ${p})`,
    missed: (p: string) => `MISSED (by ${p})`,
    noTarget: 'no target',
    missing: (ys: number[]) => `missing ${ys.join(', ')}`,
    growth: 'growth',
    amount: 'amount',
    change: 'change',
    summary: 'Summary',
    count: (m: number, n: number, bm: number, bn: number) =>
      n
        ? `${m} of ${n} targets met${bn ? `; binding: ${bm} of ${bn}` : ''}`
        : 'no target can be evaluated (it needs a target and actuals through the target year)',
    over: 'largest overshoots',
    short: 'largest shortfalls',
    wide: (p: string) => `Targets met by ${p} or more: was the target set too low?`,
    band: (n: number) =>
      `P5–P95: the model's own uncertainty band from ${n} samples of the scenario's distributions; outside: how far the final value fell outside it (in band widths).`,
    outsideBand: (items: string) => `outside the model's own uncertainty band (P5–P95): ${items}`,
    outsideItem: (label: string, side: string, d: string, widths: string) =>
      `${label} ${side === 'above' ? 'above P95' : 'below P5'} by ${d} (${widths} band widths)`,
    insideBand: "every final value fell inside the model's own uncertainty band (P5–P95).",
    incomplete: (ys: string) =>
      `Actuals do not reach the target year for these indicators; no final evaluation, mid-term tracking only: ${ys}`,
    sources: 'Sources of the actuals',
    noSource: '(no source given)',
    noSourceAll: 'no actual gives a source (demo data? replace them with published figures, written as { value, source })',
    legend:
      'final: target-year value (stock), five-year total [ ] (cumulative), target-year value (rate); achieved/assumed: growth a year (stock), amount a year (cumulative), change a year (rate), from the actuals and from the model projection.',
  },
} as const;

/** CSV column names of the final evaluation in Chinese (the shared ones come from strings.ts). */
const CSV_ZH: Record<string, string> = {
  final: '终值',
  missing: '缺少年份',
  met: '达成',
  margin: '差额',
  margin_relative: '相对目标',
  favourable_relative: '优于目标',
  wide: '大幅超出',
  achieved: '实际年均',
  assumed: '规划假设',
  outside: '区间外',
  outside_widths: '区间外倍数',
};

const pct = (x: number) => formatIn(Math.abs(x), 'ratio', 1);

/** "达成（超出 45%）", "未达成（差 12%）", "达成", … */
export function resultText(e: IndicatorEvaluation, lang: Lang): string {
  const w = WORDS[lang];
  if (e.final === null) return w.missing(e.missing);
  if (e.met === null) return w.noTarget;
  if (!e.met) return w.missed(pct(e.favourableRelative ?? 0));
  return e.wide ? w.metBy(e.target!.op, pct(e.favourableRelative!)) : w.met;
}

function perYear(value: number | null, e: IndicatorEvaluation): string {
  if (value === null) return '—';
  if (e.measure === 'growth') return formatIn(value, 'ratio', 2);
  if (e.measure === 'amount') return formatIn(value, e.unit);
  return `${formatSigned(value, undefined, 2)}${e.unit === '%' ? 'pp' : ''}`;
}

function finalText(e: IndicatorEvaluation): string {
  if (e.final === null) return '—';
  return e.kind === 'cumulative' ? `〔${formatIn(e.final, e.unit)}〕` : formatIn(e.final, e.unit);
}

export function evaluationRecord(e: IndicatorEvaluation) {
  return {
    indicator: e.id,
    label: e.label,
    unit: e.unit,
    kind: e.kind,
    attribute: e.attribute,
    baseline: e.baseline,
    final: e.final,
    missing: e.missing.join(' '),
    target_op: e.target?.op ?? null,
    target: e.target?.value ?? null,
    met: e.met,
    margin: e.margin,
    margin_relative: e.marginRelative,
    favourable_relative: e.favourableRelative,
    wide: e.wide,
    measure: e.measure,
    achieved: e.achieved,
    assumed: e.assumed,
    projection: e.projection,
    p5: e.band?.p5 ?? null,
    p95: e.band?.p95 ?? null,
    outside: e.outside,
    outside_widths: e.outsideWidths,
  };
}

function bandLines(evaluations: IndicatorEvaluation[], lang: Lang): string[] {
  const w = WORDS[lang];
  const banded = evaluations.filter((e) => e.band && e.outside !== null);
  if (!banded.length) return [];
  const outside = banded.filter((e) => e.outside! > 0).sort((a, b) => b.outsideWidths! - a.outsideWidths!);
  if (!outside.length) return [w.insideBand];
  return [
    w.outsideBand(
      outside
        .map((e) =>
          w.outsideItem(
            safeText(e.label),
            e.final! > e.band!.p95 ? 'above' : 'below',
            formatIn(e.outside, e.unit),
            formatIn(e.outsideWidths, undefined, 1),
          ),
        )
        .join(lang === 'zh' ? '；' : '; '),
    ),
  ];
}

function sourceLines(evaluations: IndicatorEvaluation[], ctx: EvaluateContext): string[] {
  const w = WORDS[ctx.lang];
  const lines: string[] = [];
  if (!evaluations.some((e) => Object.keys(ctx.sources[e.id] ?? {}).length)) return [w.noSourceAll];
  for (const e of evaluations) {
    const own = ctx.sources[e.id];
    if (!own || !Object.keys(own).length) {
      lines.push(`${safeText(e.label)}: ${w.noSource}`);
      continue;
    }
    for (const [year, source] of Object.entries(own).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`${safeText(e.label)} ${year}: ${safeText(citeActual(source))}`);
    }
  }
  return lines;
}

export function renderEvaluation(
  evaluations: IndicatorEvaluation[],
  summary: EvaluationSummary,
  ctx: EvaluateContext,
  format: Format,
): string {
  if (format === 'json') {
    return `${JSON.stringify(
      {
        version: JSON_SCHEMA_VERSION,
        model: ctx.model,
        scenario: ctx.scenario,
        file: ctx.file,
        years: ctx.years,
        thresholds: { wide_margin: WIDE_MARGIN },
        samples: ctx.samples,
        summary,
        indicators: evaluations.map((e) => ({ ...evaluationRecord(e), missing: e.missing, sources: ctx.sources[e.id] ?? {} })),
      },
      null,
      2,
    )}\n`;
  }
  if (format === 'csv') {
    const keys = Object.keys(evaluationRecord(evaluations[0]!));
    const header = ctx.lang === 'zh' ? keys.map((k) => CSV_ZH[k] ?? csvHeader([k], 'zh')[0]!) : keys;
    return renderCsv(
      header,
      evaluations.map((e) => Object.values(evaluationRecord(e))),
    );
  }
  const w = WORDS[ctx.lang];
  const withBand = evaluations.some((e) => e.band);
  const header = withBand ? [...w.header] : w.header.slice(0, -2);
  const rows = evaluations.map((e) => {
    const row = [
      safeText(e.label) + (e.attribute === 'binding' ? w.binding : ''),
      safeText(e.unit),
      finalText(e),
      targetText(e, ctx.lang),
      resultText(e, ctx.lang),
      formatSigned(e.margin, e.unit),
      e.marginRelative === null ? '—' : `${formatSigned(e.marginRelative * 100, undefined, 1)}%`,
      perYear(e.achieved, e),
      perYear(e.assumed, e),
    ];
    if (withBand) {
      row.push(e.band ? `${formatIn(e.band.p5, e.unit)}–${formatIn(e.band.p95, e.unit)}` : '—');
      row.push(
        e.outside === null ? '—' : e.outside === 0 ? '0' : `${formatIn(e.outside, e.unit)} (${formatIn(e.outsideWidths, undefined, 1)}×)`,
      );
    }
    return row;
  });
  const label = (id: string) => {
    const e = evaluations.find((x) => x.id === id)!;
    return `${safeText(e.label)} ${resultText(e, ctx.lang)}`;
  };
  const sep = ctx.lang === 'zh' ? '；' : '; ';
  const summaryLines = [
    w.count(summary.met, summary.evaluated, summary.binding.met, summary.binding.evaluated),
    ...(summary.overshoots.length ? [`${w.over}: ${summary.overshoots.map(label).join(sep)}`] : []),
    ...(summary.shortfalls.length ? [`${w.short}: ${summary.shortfalls.map(label).join(sep)}`] : []),
    ...(evaluations.some((e) => e.wide) ? [w.wide(pct(WIDE_MARGIN))] : []),
    ...bandLines(evaluations, ctx.lang),
    ...(summary.incomplete.length
      ? [
          w.incomplete(
            summary.incomplete
              .map((id) => {
                const e = evaluations.find((x) => x.id === id)!;
                return `${safeText(e.label)}（${w.missing(e.missing)}）`;
              })
              .join(sep),
          ),
        ]
      : []),
  ];
  // binding indicators first, then model order
  const order = evaluations
    .map((e, i) => [e.attribute === 'binding' ? 0 : 1, i] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([, i]) => i);
  const sorted = order.map((i) => rows[i]!);
  const title = `${safeText(ctx.title)}${ctx.scenario ? ` — ${safeText(ctx.scenario)}` : ''}\n${w.heading(ctx.years.base, ctx.years.target)}`;
  const proposed = proposedLegend(evaluations, ctx.lang);
  const legend = [w.legend, ...(withBand && ctx.samples ? [w.band(ctx.samples)] : []), ...(proposed ? [proposed] : [])].join('\n');
  const sources = sourceLines(evaluations, ctx);
  if (format === 'md') {
    return `## ${title.replace('\n', '\n\n')}\n\n${renderMarkdownTable(header, sorted)}\n${legend}\n\n### ${w.summary}\n\n${summaryLines.map((l) => `- ${l}`).join('\n')}\n\n### ${w.sources}\n\n${sources.map((l) => `- ${l}`).join('\n')}\n`;
  }
  const columns: Column[] = header.map((h, i) => ({
    header: h,
    align: i >= 2 && i !== 4 ? 'right' : 'left',
    ...(i === 0 ? { max: 28 } : {}),
  }));
  return `${title}\n\n${renderTable(columns, sorted)}\n${legend}\n\n${w.summary}\n${summaryLines.map((l) => `  ${l}`).join('\n')}\n\n${w.sources}\n${sources.map((l) => `  ${l}`).join('\n')}\n`;
}
