/**
 * The wording of every human-readable report (run, audit, explain, plan, track, compare, solve, mc,
 * sensitivity, list): Chinese by default, English with `--lang en`, with the TUI's terms (src/tui/strings.ts:
 * 基期, 预测, 目标, 达成/未达成, 约束性/预期性 …). JSON keys stay English; CSV headers follow the language.
 * Model labels are data and stay as written.
 */
import type { IndicatorResult, TargetVerdict, Verdict } from '../engine/types.js';

type IndicatorKind = IndicatorResult['kind'];

export type Lang = 'zh' | 'en';
export const LANGS: Lang[] = ['zh', 'en'];
export const DEFAULT_LANG: Lang = 'zh';

/** The `--lang` option every report command takes (others' commands use the same wording). */
export const LANG_FLAGS = '--lang <lang>';
export const LANG_HELP = 'language of the report: zh | en (JSON keys stay English; the CSV header follows)';

/** `--lang` as given on the command line, or null when it names no language. */
export function parseLang(value: string | undefined): Lang | null {
  if (value === undefined) return DEFAULT_LANG;
  return (LANGS as string[]).includes(value) ? (value as Lang) : null;
}

type Attribute = 'binding' | 'indicative' | 'unknown';

const AUDIT_ZH: Record<Verdict, string> = {
  match: '✓ 一致',
  rounding: '✓ 舍入一致',
  approximate: '≈ 约数相符',
  mismatch: '✗ 不一致!',
  not_reproducible: '? 不可复现',
};
const AUDIT_COUNT_ZH: Record<Verdict, string> = {
  match: '一致',
  rounding: '舍入一致',
  approximate: '约数相符',
  mismatch: '不一致',
  not_reproducible: '不可复现',
};

const zh = {
  columns: {
    number: '#',
    indicator: '指标',
    unit: '单位',
    kind: '类型',
    attribute: '属性',
    baseline: '基期',
    projection: '预测',
    target: '目标',
    verdict: '判定',
    gap: '差距',
    assumption: '假设',
    value: '取值',
    year: '年份',
  },
  kind: { stock: '存量', cumulative: '五年累计', rate: '比率' } satisfies Record<IndicatorKind, string>,
  attribute: { binding: '约束性', indicative: '预期性', unknown: '属性不详' } satisfies Record<Attribute, string>,
  verdict: {
    met: '达成',
    missed: '未达成',
    missedBinding: '未达成!',
    missedBindingShort: '未达成!',
    no_target: '无目标',
    not_modelled: '未建模',
  },
  audit: AUDIT_ZH,
  /** a draft's proposed target (cesuan rollover, `proposed: true`): marked wherever a target is printed */
  proposed: {
    mark: '（建议）',
    verdict: (verdict: string) => `${verdict}（建议目标）`,
    legend: '（建议）：草案的建议目标（cesuan rollover），尚待确定；判定只是对建议值的核对',
  },
  run: {
    bindingMissed: (labels: string) => `!! 约束性指标未达成：${labels}`,
    /** a draft's proposal for a binding indicator: said, but not a failure of --strict until it is adopted */
    bindingProposalMissed: (labels: string) => `约束性指标的建议目标未达成（草案，--strict 不计）：${labels}`,
    changed: (list: string) => `已改假设：${list}`,
    changedOne: (id: string, value: string, published: string) => `${id} = ${value}（发布值 ${published}）`,
  },
  explain: {
    head: (unit: string, kind: string, attribute: string) => `${unit}，${kind}，${attribute}`,
    baseline: (year: number) => `基期 ${year}：`,
    target: (year: number) => `目标 ${year}：`,
    chosen: '综合值：',
    projection: (primary: string | null) => `预测（${primary ?? '无主要依据'}）：`,
    gap: '，差距 ',
    path: '路径',
    yearly: '逐年',
    notReproducible: '文件未给出模型，不可复现',
    noNumbers: '无数值（仅文字论证）',
    formula: '公式：',
    assumptionsUsed: '依赖的假设：',
    statedFigures: '文件所述：',
    stated: '文件所述',
    recomputed: '复算',
    diff: '差',
    note: '注：',
    checks: '一致性核对：',
    findings: '数值问题：',
    assumptions: '假设：',
    published: (v: string) => `（发布值 ${v}）`,
    backSolved: '反推：',
    colon: '：',
    comma: '，',
  },
  auditReport: {
    title: (model: string) => `核对 — ${model}`,
    check: '（核对）',
    columns: {
      indicator: '指标',
      basis: '依据',
      figure: '数字',
      stated: '文件所述',
      recomputed: '复算',
      diff: '差',
      verdict: '判定',
      quote: '原文',
    },
    summary: (n: number, parts: string) => `文件所述数字 ${n} 个：${parts}`,
    summaryPart: (count: number, verdict: Verdict) => `${AUDIT_COUNT_ZH[verdict]} ${count}`,
  },
  plan: {
    columns: { total: 'Σ / 期末', check: '核对' },
    title: (first: number, last: number, base: number) =>
      `年度分解 ${first}–${last}：存量与比率为年末值（${base} 为起点）；五年累计为每年的量，Σ 为五年合计`,
    notModelled: '未建模',
    sumsTo: '✓ Σ = 预测',
    endsAt: '✓ 期末 = 预测',
    endsAtFlat: '⚠ 期末 = 预测，但路径每年相同（路径中的指标 id 是其期末值）',
    differs: (d: string) => `✗ 相差 ${d}`,
    disagree: (labels: string) => `!! 路径与公式不一致：${labels}`,
    warning: (id: string, cumulative: boolean, total: string, projection: string) =>
      `警告：${id}: 逐年路径${cumulative ? '合计' : '期末'}为 ${total}，预测为 ${projection}`,
  },
  track: {
    title: '中期评估：实际值与规划路径',
    columns: {
      actual: '实际',
      vsPlan: '偏离规划',
      required: '尚需',
      planAssumes: '规划假定',
      pace: '已有速度',
      atPace: (year: number) => `按此速度 ${year}`,
    },
    detailColumns: { planned: '规划', deviation: '偏离' },
    verdict: { on_track: '进度正常', at_risk: '有风险!', off_track: '滞后!', no_target: '无目标' },
    perYear: '/年',
    years: '逐年',
    legend: (target: number, atRisk: number) =>
      `尚需：其余年份每年需要的增长（存量）、量（五年累计）或变化（比率）才能达到目标；规划假定：规划路径上的同一量；` +
      `判定：按已有速度 ${target} 年的值达到目标 → 进度正常，差距不超过目标的 ${atRisk}% → 有风险，更多 → 滞后`,
  },
  compare: {
    title: '对比',
    columns: { relative: 'B/A − 1', verdictA: '判定 A', verdictB: '判定 B' },
    verdictDiffers: (n: number) => `* 判定不同（${n} 项指标）`,
    assumptionsDiffer: '不同的假设',
    assumptionDiffers: '不同的假设',
    noAssumption: '（假设均相同）',
  },
  solve: {
    head: (label: string, id: string, target: string, unit: string, aLabel: string, aId: string) =>
      `${label}（${id}）→ ${target} ${unit}，求解 ${aLabel}（${aId}）`,
    solved: '解',
    projectionThere: '此时预测',
    brent: (n: number) => `Brent 法，迭代 ${n} 次`,
    now: '当前',
    noSolution: '无解',
    searched: '搜索范围',
    projection: '预测',
    noDependency: (indicator: string, assumption: string) => `${indicator} 的预测不依赖 ${assumption}`,
    unreachable: (lo: string, hi: string, target: string, pLo: string, pHi: string) =>
      `范围 [${lo}, ${hi}] 内没有值能达到 ${target}：预测只能在 ${pLo} 到 ${pHi} 之间`,
  },
  mc: {
    columns: { point: '点值', mean: '均值', pMet: 'P(达成)' },
    fixed: '固定',
    notModelled: '未建模',
    flag: (threshold: string) => `!! 约束性 < ${threshold}`,
    header: (samples: number, seed: number, margin: string) =>
      `蒙特卡洛：${samples} 次抽样，种子 ${seed}；P(达成) = 达到目标的样本比例（误差至多 ±${margin} 个百分点，95%）`,
    mdHeader: (samples: number, seed: number) => `蒙特卡洛，${samples} 次抽样，种子 ${seed}。`,
    uncertain: (n: number) => `不确定的假设（${n} 个）：`,
    inModel: '（模型中给出）',
    flagged: (threshold: string, list: string) => `!! 约束性指标达成概率低于 ${threshold}：${list}`,
    sampleProblem: (n: number, samples: number, example: string) =>
      `${samples} 次抽样中 ${n} 次无法计算（NaN，计为未达成），例如 ${example}`,
    cut: (lo: number, hi: number) => `，截断到 [${lo}, ${hi}]`,
    keeps: (share: string) => `（保留 ${share}%）`,
    detail: {
      notModelled: '未建模：没有可抽样的预测',
      target: '目标',
      point: '点值',
      mean: '均值',
      inputs: '不确定输入：',
      noInputs: '无 — 每次抽样都等于点值',
      invalid: (n: number, samples: number) => `${samples} 次抽样中 ${n} 次不是有限值（不计入分位数，计为未达成）`,
      total: (from: number, to: number) => `（${from}–${to} 合计）`,
      samples: (n: number) => `${n} 次抽样：`,
      yearly: (from: number) => `逐年量 ${from}`,
      path: (from: number) => `路径 ${from}`,
    },
  },
  sensitivity: {
    total: (from: number, to: number) => `（${from}–${to} 合计）`,
    base: '基准',
    target: '目标',
    method: '逐一变动，每个假设从低端到高端（其分布的 P10–P90，否则其范围），其余取点值',
    notModelled: '  未建模：此指标没有预测',
    none: '  没有带范围或分布的假设影响此指标',
    crossing: (list: string) => `以下假设在一端达成目标、另一端未达成：${list}`,
    note: '注：',
    skipped: (list: string) => `未变动（无范围、无分布）：${list}`,
    range: '（范围）',
    columns: {
      basis: '依据',
      lowHigh: '低 … 高',
      atLow: (id: string) => `${id} 低端`,
      atHigh: (id: string) => `${id} 高端`,
      swing: '摆幅',
    },
    basisRange: '范围',
  },
  charts: {
    atLow: '低端',
    atHigh: '高端',
    base: '基准',
    median: '中位数',
    noSamples: '（没有有限的样本）',
  },
  list: {
    columns: { id: 'id', indicators: '指标', assumptions: '假设', imports: '引用', title: '标题' },
    subRows: (n: number) => `（含 ${n} 个子项）`,
    error: '错误',
  },
  years: (base: number, target: number) => `${base} → ${target}`,
  listSep: '，',
  /** CSV headers in this language (unknown keys stay as they are) */
  csv: {
    id: '代码',
    number: '序号',
    label: '名称',
    unit: '单位',
    group: '分组',
    kind: '类型',
    attribute: '属性',
    baseline: '基期',
    target_op: '目标比较',
    target: '目标',
    proposed: '建议目标',
    projection: '预测',
    verdict: '判定',
    gap: '差距',
    chosen: '综合值',
    primary: '主要依据',
    indicator: '指标',
    derivation: '测算依据',
    stated: '文件所述',
    recomputed: '复算',
    difference: '差',
    tolerance: '容差',
    expr: '表达式',
    quote: '原文',
    note: '注',
    year: '年份',
    value: '取值',
    to_date: '累计至当年',
    change: '变化',
    growth: '增长率',
    path: '路径来源',
    a: 'A',
    b: 'B',
    relative: '相对差',
    verdict_a: '判定A',
    verdict_b: '判定B',
    verdict_changed: '判定改变',
    model: '模型',
    scenario: '情景',
    assumption: '假设',
    status: '状态',
    iterations: '迭代次数',
    current_value: '当前取值',
    current_projection: '当前预测',
    range_from: '范围下限',
    range_to: '范围上限',
    projection_at_from: '下限处预测',
    projection_at_to: '上限处预测',
    reason: '原因',
    point: '点值',
    varies: '可变',
    mean: '均值',
    sd: '标准差',
    p5: 'P5',
    p10: 'P10',
    p50: 'P50',
    p90: 'P90',
    p95: 'P95',
    p_met: '达成概率',
    flagged: '标记',
    invalid_samples: '无效样本',
    inputs: '不确定输入',
    basis: '依据',
    low: '低端',
    high: '高端',
    at_low: '低端时',
    at_high: '高端时',
    swing: '摆幅',
    met_at_low: '低端达成',
    met_at_high: '高端达成',
    last_year: '最近年份',
    last: '最近实际',
    deviation: '偏离',
    elapsed: '已过年数',
    remaining: '剩余年数',
    measure: '度量',
    required: '尚需',
    planned_required: '规划假定',
    pace: '已有速度',
    at_pace: '按此速度',
    shortfall: '缺口',
    file: '文件',
    title: '标题',
  } as Record<string, string>,
};

export type ReportStrings = typeof zh;

const AUDIT_EN: Record<Verdict, string> = {
  match: '✓ match',
  rounding: '✓ rounding',
  approximate: '≈ approximate',
  mismatch: '✗ MISMATCH',
  not_reproducible: '? not reproducible',
};

const en: ReportStrings = {
  columns: {
    number: '#',
    indicator: 'indicator',
    unit: 'unit',
    kind: 'kind',
    attribute: 'attr',
    baseline: 'baseline',
    projection: 'projection',
    target: 'target',
    verdict: 'verdict',
    gap: 'gap',
    assumption: 'assumption',
    value: 'value',
    year: 'year',
  },
  kind: { stock: 'stock', cumulative: 'cumulative', rate: 'rate' },
  attribute: { binding: 'binding', indicative: 'indicative', unknown: 'unknown' },
  verdict: {
    met: 'met',
    missed: 'missed',
    missedBinding: 'MISSED (binding)',
    missedBindingShort: 'MISSED',
    no_target: 'no target',
    not_modelled: 'not modelled',
  },
  audit: AUDIT_EN,
  proposed: {
    mark: ' (proposed)',
    verdict: (verdict) => `${verdict} (proposal)`,
    legend:
      "(proposed): a draft's proposed target (cesuan rollover), not yet adopted; the verdict only checks the projection against the proposal",
  },
  run: {
    bindingMissed: (labels) => `!! binding targets missed: ${labels}`,
    bindingProposalMissed: (labels) => `binding proposals missed (a draft: not counted by --strict): ${labels}`,
    changed: (list) => `assumptions changed: ${list}`,
    changedOne: (id, value, published) => `${id} = ${value} (published ${published})`,
  },
  explain: {
    head: (unit, kind, attribute) => `${unit}, ${kind}, ${attribute}`,
    baseline: (year) => `baseline ${year}: `,
    target: (year) => `target ${year}: `,
    chosen: 'chosen: ',
    projection: (primary) => `projection (${primary ?? 'no primary derivation'}): `,
    gap: ', gap ',
    path: 'path',
    yearly: 'yearly amounts',
    notReproducible: 'NOT REPRODUCIBLE from the document',
    noNumbers: 'no numbers in the document',
    formula: 'formula: ',
    assumptionsUsed: 'assumptions: ',
    statedFigures: 'stated figures:',
    stated: 'stated',
    recomputed: 'recomputed',
    diff: 'diff',
    note: 'note: ',
    checks: 'consistency checks:',
    findings: 'findings: ',
    assumptions: 'assumptions:',
    published: (v) => ` (published ${v})`,
    backSolved: 'BACK-SOLVED: ',
    colon: ': ',
    comma: ', ',
  },
  auditReport: {
    title: (model) => `Audit — ${model}`,
    check: '(check)',
    columns: {
      indicator: 'indicator',
      basis: 'basis',
      figure: 'figure',
      stated: 'stated',
      recomputed: 'recomputed',
      diff: 'diff',
      verdict: 'verdict',
      quote: 'quote',
    },
    summary: (n, parts) => `${n} stated figures: ${parts}`,
    summaryPart: (count, verdict) => `${count} ${verdict.replace('_', ' ')}`,
  },
  plan: {
    columns: { total: 'Σ / end', check: 'check' },
    title: (first, last, base) =>
      `年度分解 ${first}–${last}: stock and rate are year-end values (${base} = start of the path); cumulative are each year's amount, Σ = the five-year figure`,
    notModelled: 'not modelled',
    sumsTo: '✓ Σ = projection',
    endsAt: '✓ ends at projection',
    endsAtFlat: '⚠ ends at projection, but the path is flat (an indicator id in a path is its final value)',
    differs: (d) => `✗ differs by ${d}`,
    disagree: (labels) => `!! path and formula disagree: ${labels}`,
    warning: (id, cumulative, total, projection) =>
      `warning: ${id}: the yearly path ${cumulative ? 'sums' : 'ends'} at ${total}, the projection is ${projection}`,
  },
  track: {
    title: '中期评估: actuals against the planned path',
    columns: {
      actual: 'actual',
      vsPlan: 'vs plan',
      required: 'required',
      planAssumes: 'plan assumes',
      pace: 'pace so far',
      atPace: (year) => `at pace ${year}`,
    },
    detailColumns: { planned: 'planned', deviation: 'deviation' },
    verdict: { on_track: 'on track', at_risk: 'AT RISK', off_track: 'OFF TRACK', no_target: 'no target' },
    perYear: '/yr',
    years: 'Years',
    legend: (target, atRisk) =>
      `required: growth (stock), amount (cumulative) or change (rate) a year in the remaining years to reach the target; ` +
      `plan assumes: the same along the planned path; verdict: at the pace so far the ${target} value meets the target → on track, ` +
      `misses by ≤ ${atRisk}% of the target → at risk, by more → off track`,
  },
  compare: {
    title: 'Compare',
    columns: { relative: 'B/A − 1', verdictA: 'verdict A', verdictB: 'verdict B' },
    verdictDiffers: (n) => `* verdict differs (${n} indicator${n > 1 ? 's' : ''})`,
    assumptionsDiffer: 'Assumptions that differ',
    assumptionDiffers: 'assumption that differs',
    noAssumption: '(no assumption differs)',
  },
  solve: {
    head: (label, id, target, unit, aLabel, aId) => `${label} (${id}) → ${target} ${unit}, solving for ${aLabel} (${aId})`,
    solved: 'solved',
    projectionThere: 'projection there',
    brent: (n) => `Brent, ${n} iterations`,
    now: 'now',
    noSolution: 'NO SOLUTION',
    searched: 'range searched',
    projection: 'projection',
    noDependency: (indicator, assumption) => `${indicator}'s projection does not depend on ${assumption}`,
    unreachable: (lo, hi, target, pLo, pHi) => `no value in [${lo}, ${hi}] reaches ${target}: the projection runs from ${pLo} to ${pHi}`,
  },
  mc: {
    columns: { point: 'point', mean: 'mean', pMet: 'P(met)' },
    fixed: 'fixed',
    notModelled: 'not modelled',
    flag: (threshold) => `!! binding < ${threshold}`,
    header: (samples, seed, margin) =>
      `Monte Carlo: ${samples} samples, seed ${seed}; P(met) = share of samples meeting the target (±${margin} points at most, 95%)`,
    mdHeader: (samples, seed) => `Monte Carlo, ${samples} samples, seed ${seed}.`,
    uncertain: (n) => `uncertain assumptions (${n}):`,
    inModel: ' (in the model)',
    flagged: (threshold, list) => `!! binding targets met with less than ${threshold} probability: ${list}`,
    sampleProblem: (n, samples, example) => `${n} of ${samples} samples failed (NaN, counted as not met), e.g. ${example}`,
    cut: (lo, hi) => `, cut to [${lo}, ${hi}]`,
    keeps: (share) => ` (keeps ${share}%)`,
    detail: {
      notModelled: 'not modelled: no projection to sample',
      target: 'target',
      point: 'point',
      mean: 'mean',
      inputs: 'uncertain inputs: ',
      noInputs: 'none — every sample equals the point value',
      invalid: (n, samples) => `${n} of ${samples} samples are not finite (left out of the quantiles, counted as not met)`,
      total: (from, to) => ` (${from}–${to} total)`,
      samples: (n) => `${n} samples:`,
      yearly: (from) => `yearly amounts ${from}`,
      path: (from) => `path ${from}`,
    },
  },
  sensitivity: {
    total: (from, to) => ` (${from}–${to} total)`,
    base: 'base',
    target: 'target',
    method:
      "one at a time, each assumption from low to high (its distribution's P10–P90, else its range), the others at their point values",
    notModelled: '  not modelled: the indicator has no projection',
    none: '  no assumption with a range or a distribution reaches this indicator',
    crossing: (list) => `the target is met at one end and missed at the other for: ${list}`,
    note: 'note: ',
    skipped: (list) => `not swung (no range, no distribution): ${list}`,
    range: ' (range)',
    columns: { basis: 'basis', lowHigh: 'low … high', atLow: (id) => `${id} at low`, atHigh: (id) => `${id} at high`, swing: 'swing' },
    basisRange: 'range',
  },
  charts: {
    atLow: 'at the low end',
    atHigh: 'at the high end',
    base: 'base',
    median: 'median',
    noSamples: '(no finite samples)',
  },
  list: {
    columns: { id: 'id', indicators: 'indicators', assumptions: 'assumptions', imports: 'imports', title: 'title' },
    subRows: (n) => ` (incl. ${n} sub-row${n === 1 ? '' : 's'})`,
    error: 'ERROR',
  },
  years: (base, target) => `${base} → ${target}`,
  listSep: ', ',
  csv: {},
};

export const REPORT_STRINGS: Record<Lang, ReportStrings> = { zh, en };

export function reportStrings(lang: Lang = DEFAULT_LANG): ReportStrings {
  return REPORT_STRINGS[lang];
}

/** A verdict on a target as the tables print it; a missed binding target is loud; a check against a proposal says so. */
export function targetVerdictText(s: ReportStrings, verdict: TargetVerdict, binding: boolean, proposed = false): string {
  const text = verdict === 'missed' ? (binding ? s.verdict.missedBinding : s.verdict.missed) : s.verdict[verdict];
  return proposed && (verdict === 'met' || verdict === 'missed') ? s.proposed.verdict(text) : text;
}

/** CSV column names in the report language (JSON keeps the English keys). */
export function csvHeader(keys: string[], lang: Lang = DEFAULT_LANG): string[] {
  const names = REPORT_STRINGS[lang].csv;
  return keys.map((k) => names[k] ?? k);
}
