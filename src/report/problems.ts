/**
 * The engine's warnings and errors for humans: Chinese by default, English with `--lang en`. The engine words
 * each problem in English (`message`, what JSON keeps) and names its kind and figures (`code`, `params`); the
 * table below words each kind in both languages — the English reproduces `message` exactly
 * (test/report/problems.test.ts), a problem without a known code prints its `message`.
 */
import type { Problem, ProblemCode, ProblemParams } from '../engine/types.js';
import { formatNumber } from './numbers.js';
import type { Lang } from './strings.js';

type Words = (p: ProblemParams) => string;

/** A parameter as text exactly as the engine printed it (`${x}`); a missing one aborts to `message`. */
function raw(p: ProblemParams, key: string): string {
  const v = p[key];
  if (v === undefined) throw new MissingParam();
  return String(v);
}

function numberOf(p: ProblemParams, key: string): number {
  const v = p[key];
  if (typeof v !== 'number') throw new MissingParam();
  return v;
}

/** A value printed the way the engine prints it in messages (12 significant digits, no float noise). */
const fig = (p: ProblemParams, key: string) => formatNumber(numberOf(p, key), 12);

/** A domain bound: the English keeps JavaScript's `Infinity`, the Chinese writes ∞. */
const boundZh = (p: ProblemParams, key: string) => raw(p, key).replace('Infinity', '∞');

class MissingParam extends Error {}

export const PROBLEM_WORDS: Record<ProblemCode, Record<Lang, Words>> = {
  value_not_finite: {
    zh: (p) => `${raw(p, 'key')} 算得 ${raw(p, 'value')}，不是有限数值`,
    en: (p) => `${raw(p, 'key')} is ${raw(p, 'value')}`,
  },
  series_not_finite: {
    zh: (p) => `${raw(p, 'key')} 是含非有限数值的序列`,
    en: (p) => `${raw(p, 'key')} is a series with non-finite values`,
  },
  figure_not_finite: {
    zh: (p) => `复算结果为 ${raw(p, 'value')}，不是有限数值`,
    en: (p) => `recomputes to ${raw(p, 'value')}`,
  },
  figure_series: {
    zh: (p) => `复算结果是 ${raw(p, 'count')} 个值的序列，而不是一个数值`,
    en: (p) => `recomputes to a series of ${raw(p, 'count')} values, not a number`,
  },
  figure_failed: {
    zh: (p) => `无法复算：${raw(p, 'reason')}`,
    en: (p) => raw(p, 'reason'),
  },
  primary_list: {
    zh: (p) => `主要测算依据须得出一个数值，而不是 ${raw(p, 'count')} 个值的列表`,
    en: (p) => `a primary derivation must give one number, not a list of ${raw(p, 'count')}`,
  },
  path_failed: {
    zh: (p) => `逐年路径无法计算：${raw(p, 'reason')}`,
    en: (p) => `path: ${raw(p, 'reason')}`,
  },
  path_not_finite: {
    zh: (p) => `逐年路径：${raw(p, 'year')} 年为 ${raw(p, 'value')}，不是有限数值`,
    en: (p) => `path: ${raw(p, 'year')} is ${raw(p, 'value')}`,
  },
  derivation_not_finite: {
    zh: (p) => `${raw(p, 'derivation')}：结果为 ${raw(p, 'value')}，不是有限数值`,
    en: (p) => `${raw(p, 'derivation')}: result is ${raw(p, 'value')}`,
  },
  derivation_outside_domain: {
    zh: (p) =>
      `${raw(p, 'derivation')}：${fig(p, 'value')} ${raw(p, 'unit')} 超出合理取值范围 [${boundZh(p, 'low')}, ${boundZh(p, 'high')}]`,
    en: (p) =>
      `${raw(p, 'derivation')}: ${fig(p, 'value')} ${raw(p, 'unit')} is outside the plausible range [${raw(p, 'low')}, ${raw(p, 'high')}]`,
  },
  path_outside_domain: {
    zh: (p) => `逐年路径：${raw(p, 'year')} 年的值 ${fig(p, 'value')} ${raw(p, 'unit')} 超出合理取值范围`,
    en: (p) => `path: ${raw(p, 'year')} value ${fig(p, 'value')} ${raw(p, 'unit')} is outside the plausible range`,
  },
  path_flat: {
    zh: (p) =>
      `逐年路径不随 t 变化（每年均为 ${raw(p, 'value')}，${raw(p, 'base')} 年亦然），而基期值为 ${raw(p, 'baseline')}、预测值为 ${raw(p, 'projection')}：` +
      '路径中的指标 id 表示其期末值，请用 t 写出路径',
    en: (p) =>
      `path does not vary with t (${raw(p, 'value')} in every year, ${raw(p, 'base')} included) while the baseline is ${raw(p, 'baseline')} ` +
      `and the projection ${raw(p, 'projection')}: inside a path an indicator id means its final value; write the path in t`,
  },
  assumption_outside_range: {
    zh: (p) => `${raw(p, 'assumption')} = ${fig(p, 'value')} 超出其取值范围 [${fig(p, 'low')}, ${fig(p, 'high')}]`,
    en: (p) => `${raw(p, 'assumption')} = ${fig(p, 'value')} is outside its range [${fig(p, 'low')}, ${fig(p, 'high')}]`,
  },
  unquoted_literal: {
    zh: (p) => `数字 ${raw(p, 'literal')} 未出现在该公式所依据的任何来源引文中（出处核对）`,
    en: (p) => `the number ${raw(p, 'literal')} appears in none of the quotes behind this formula (provenance)`,
  },
  id_not_file_name: {
    zh: (p) => `模型 id“${raw(p, 'id')}”与文件名“${raw(p, 'file')}”不一致（引用和情景按 id 查找模型，即 models/<id>.yaml）`,
    en: (p) =>
      `the model id "${raw(p, 'id')}" differs from the file name "${raw(p, 'file')}" (imports and scenarios find a model by its id as models/<id>.yaml)`,
  },
  ratio_above_one: {
    zh: (p) =>
      `${raw(p, 'assumption')}：比率的默认值 ${raw(p, 'value')} 大于 1——是否把百分数写成了普通数字？` +
      `（应写作 ${numberOf(p, 'value') / 100} 或 ${raw(p, 'value')}%）`,
    en: (p) =>
      `${raw(p, 'assumption')}: default ${raw(p, 'value')} for a ratio is above 1 — a percentage written as a plain number? ` +
      `(write ${numberOf(p, 'value') / 100} or ${raw(p, 'value')}%)`,
  },
};

/** A problem's message in `lang`; without a known code or its figures, the engine's English `message`. */
export function problemText(problem: Pick<Problem, 'message' | 'code' | 'params'>, lang: Lang): string {
  const words = problem.code && problem.params ? PROBLEM_WORDS[problem.code]?.[lang] : undefined;
  if (!words || !problem.params) return problem.message;
  try {
    return words(problem.params);
  } catch (err) {
    if (err instanceof MissingParam) return problem.message;
    throw err;
  }
}

const SEVERITY: Record<Lang, Record<Problem['severity'], string>> = {
  zh: { warning: '警告：', error: '错误：' },
  en: { warning: 'warning: ', error: 'error: ' },
};

/** `warning: ` / `警告：` before a problem line (the English keeps its space, the Chinese colon needs none). */
export function severityPrefix(severity: Problem['severity'], lang: Lang): string {
  return SEVERITY[lang][severity];
}

/** One problem as a line: `警告：file:line:col: field: 文字` (`warning: … message` in English). */
export function problemLine(problem: Problem, lang: Lang): string {
  const at = problem.position;
  return `${severityPrefix(problem.severity, lang)}${at.file}:${at.line}:${at.col}: ${problem.field}: ${problemText(problem, lang)}`;
}
