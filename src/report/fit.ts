/**
 * `cesuan fit` as text (Chinese by default, English with --lang en) or JSON: the stated figure, how many
 * formulas were tried, the candidates within its tolerance best first — each with its inputs, result,
 * difference and a derivation ready to paste — and, always, that a candidate is a hypothesis.
 */
import { Document } from 'yaml';
import type { FitCandidate, FitMethod, FitResult } from '../engine/planning/fit.js';
import type { Value } from '../engine/types.js';
import { formatAny, formatIn, formatSigned, formatStated } from './numbers.js';
import { safeText } from './safe-text.js';
import type { Lang } from './strings.js';

/** How many candidates the text lists in full (JSON has them all). */
export const FIT_SHOWN = 10;

const METHOD_ZH: Record<FitMethod, string> = {
  gm11: 'GM(1,1) 灰色预测',
  holt: 'Holt 双参数指数平滑',
  ses: '一次指数平滑',
  trend_linear: '直线趋势外推',
  trend_exp: '指数趋势外推',
  series_cagr: '按序列年均增长率外推',
  series_mean_growth: '按序列平均增长率外推',
  series_increment: '按序列年均增量外推',
  baseline_compound: '基数 × 模型中的增长率',
  elastic: '弹性系数法',
  baseline_linear: '基数 + 每年增量',
  share: '总量 × 比重',
  decay: '增量递减',
  series_mean: '序列均值 × 年数',
  series_last: '末年值 × 年数',
  per_year: '每年数量 × 年数',
  cagr: '序列年均增长率',
  mean_growth: '序列平均增长率',
};

const METHOD_EN: Record<FitMethod, string> = {
  gm11: 'GM(1,1) grey forecast',
  holt: 'Holt linear smoothing',
  ses: 'simple exponential smoothing',
  trend_linear: 'linear trend',
  trend_exp: 'exponential trend',
  series_cagr: 'the series’ compound growth continued',
  series_mean_growth: 'the series’ mean growth continued',
  series_increment: 'the series’ mean increment continued',
  baseline_compound: 'baseline × a growth rate of the model',
  elastic: 'elasticity method',
  baseline_linear: 'baseline + a yearly amount',
  share: 'total × share',
  decay: 'decaying increments',
  series_mean: 'series mean × years',
  series_last: 'last value × years',
  per_year: 'yearly amount × years',
  cagr: 'the series’ compound growth rate',
  mean_growth: 'the series’ mean growth rate',
};

const PARAM: Record<Lang, Record<string, string>> = {
  zh: { alpha: '平滑系数 α', beta: '趋势系数 β', elasticity: '弹性系数 ε' },
  en: { alpha: 'α', beta: 'β', elasticity: 'elasticity' },
};

const T = {
  zh: {
    colon: '：',
    comma: '，',
    open: '（',
    close: '）',
    semicolon: '；',
    figure: '说明中的数字',
    tolerance: '容差',
    audit: '审计',
    verdict: { match: '一致', rounding: '舍入一致', approximate: '约数相符', mismatch: '不一致', not_reproducible: '不可复现' },
    searched: (tried: number, hits: number) =>
      `检索：库中方法 × 模型的序列、该指标基期与模型假设（参数网格见 docs/fit.md），共计算 ${tried} 个公式，${hits} 个落在容差内。`,
    hypothesis: '注意：每个候选都只是假设，不是文件所用的模型；cesuan 不会修改模型。',
    none: '没有候选落在容差内。最接近的：',
    more: (k: number) => `另有 ${k} 个候选（-f json 列出全部）。`,
    inputs: '输入',
    params: '网格参数',
    result: '结果',
    difference: '差',
    related: '（使用该指标已有的输入）',
    paste: '可粘贴到该指标 derivations: 下的测算依据：',
    label: (method: string) => `假设：${method}（cesuan fit 候选）`,
    note: (stated: string, diff: string, tol: string) =>
      `cesuan fit 的候选，只是假设：文件未给出其模型。结果与说明中的 ${stated} 相差 ${diff}（容差 ±${tol}）。`,
  },
  en: {
    colon: ': ',
    comma: ', ',
    open: ' (',
    close: ')',
    semicolon: '; ',
    figure: 'Stated figure',
    tolerance: 'tolerance',
    audit: 'audit',
    verdict: {
      match: 'match',
      rounding: 'rounding',
      approximate: 'approximate',
      mismatch: 'mismatch',
      not_reproducible: 'not reproducible',
    },
    searched: (tried: number, hits: number) =>
      `Searched: the library's methods over the model's series, this indicator's baseline and the model's assumptions (parameter grids in docs/fit.md); ${tried} formulas computed, ${hits} within the tolerance.`,
    hypothesis: 'Note: every candidate is a hypothesis, not the document’s model; cesuan does not change the model.',
    none: 'No candidate lands within the tolerance. The nearest:',
    more: (k: number) => `${k} more candidates (-f json lists them all).`,
    inputs: 'inputs',
    params: 'grid parameters',
    result: 'result',
    difference: 'difference',
    related: ' (uses inputs this indicator already uses)',
    paste: 'A derivation to paste under the indicator’s derivations:',
    label: (method: string) => `Hypothesis: ${method} (cesuan fit candidate)`,
    note: (stated: string, diff: string, tol: string) =>
      `A cesuan fit candidate, a hypothesis only: the document does not give its model. The result differs from the stated ${stated} by ${diff} (tolerance ±${tol}).`,
  },
} as const;

function methodName(m: FitMethod, lang: Lang): string {
  return (lang === 'zh' ? METHOD_ZH : METHOD_EN)[m];
}

/** The candidate as a YAML derivation (id: { label, formula, note, source }). */
export function fitSnippet(fit: FitResult, c: FitCandidate, lang: Lang): string {
  const t = T[lang];
  const unit = fit.figure.unit;
  const body: Record<string, unknown> = {
    label: t.label(methodName(c.method, lang)),
    formula: c.formula,
    note: t.note(formatStated(fit.figure.value, unit), formatSigned(c.difference, unit), formatIn(fit.figure.tolerance, unit, 4)),
  };
  if (c.derivation.source) body['source'] = c.derivation.source;
  const doc = new Document({ [c.derivation.id]: body });
  return doc.toString({ lineWidth: 0 });
}

function inputText(i: { name: string; label: string; unit: string; value: Value }, lang: Lang): string {
  const t = T[lang];
  return `${i.name} = ${formatAny(i.value, i.unit)}${i.unit === 'ratio' ? '' : ` ${safeText(i.unit)}`}${t.open}${safeText(i.label)}${t.close}`;
}

function candidateText(fit: FitResult, c: FitCandidate, index: number, lang: Lang): string[] {
  const t = T[lang];
  const unit = fit.figure.unit;
  const lines = [`${index}. ${methodName(c.method, lang)}${c.related ? t.related : ''}`, `   ${c.formula}`];
  lines.push(`   ${t.inputs}${t.colon}${c.inputs.map((i) => inputText(i, lang)).join(t.semicolon)}`);
  const params = Object.entries(c.params);
  if (params.length) lines.push(`   ${t.params}${t.colon}${params.map(([k, v]) => `${PARAM[lang][k] ?? k} = ${v}`).join(t.comma)}`);
  lines.push(
    `   ${t.result} ${formatIn(c.value, unit)}${unit === 'ratio' ? '' : ` ${safeText(unit)}`}${t.comma}${t.difference} ${formatSigned(c.difference, unit)}`,
  );
  return lines;
}

export function renderFitText(fit: FitResult, lang: Lang, shown = FIT_SHOWN): string {
  const t = T[lang];
  const f = fit.figure;
  const unit = f.unit === 'ratio' ? '' : ` ${safeText(f.unit)}`;
  const out: string[] = [
    `${safeText(fit.indicator.label)}${T[lang].open}${fit.indicator.id}${T[lang].close}`,
    `${t.figure}${t.colon}${safeText(f.label)} ${formatStated(f.value, f.unit)}${unit}${t.open}${t.tolerance} ±${formatIn(f.tolerance, f.unit, 4)}${t.comma}${t.audit}${t.colon}${t.verdict[f.verdict]}${t.close}`,
    t.searched(fit.tried, fit.candidates.length),
    t.hypothesis,
    '',
  ];
  if (fit.candidates.length === 0) {
    out.push(t.none);
    fit.nearest.forEach((c, i) => {
      out.push(...candidateText(fit, c, i + 1, lang));
    });
    return `${out.join('\n')}\n`;
  }
  fit.candidates.slice(0, shown).forEach((c, i) => {
    out.push(...candidateText(fit, c, i + 1, lang));
    out.push(`   ${t.paste}`);
    out.push(
      ...fitSnippet(fit, c, lang)
        .trimEnd()
        .split('\n')
        .map((l) => `     ${safeText(l)}`),
    );
    out.push('');
  });
  if (fit.candidates.length > shown) out.push(t.more(fit.candidates.length - shown));
  return `${out.join('\n').trimEnd()}\n`;
}

/** JSON: the search result, each candidate with its snippet (keys English, numbers at full precision). */
export function renderFitJson(fit: FitResult, lang: Lang): string {
  const withSnippets = {
    ...fit,
    hypothesis: T[lang].hypothesis,
    candidates: fit.candidates.map((c) => ({ ...c, snippet: fitSnippet(fit, c, lang) })),
  };
  return `${JSON.stringify(withSnippets, null, 2)}\n`;
}
