/**
 * Reading one table cell or label of a plan's indicator table: numbers with their comparator and brackets,
 * units in parentheses, row numbers, group rows, 其中 sub-rows. Pure text in, plain data out.
 */
import type { Comparator } from '../schema.js';

/** Text as matched: traditional → simplified (by the caller's converter), full-width ASCII → half-width. */
export function normalise(text: string, simplify: (s: string) => string): string {
  return simplify(text)
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

export interface CellValue {
  /** null: the cell says there is no figure ("—", "-") or is empty */
  value: number | null;
  /** the comparator written in the cell (<, ≤, >, ≥, 以上, 左右 …); undefined for a bare number */
  op: Comparator | undefined;
  /** in [ ] or 〔 〕: a five-year cumulative figure */
  cumulative: boolean;
  percent: boolean;
  empty: boolean;
  dash: boolean;
  /** the cell is not a number we can read (e.g. "<>", "1:4:5") */
  unreadable: boolean;
}

const DASH = /^[—–\-－─~〜/／…]+$/;
const BRACKETS: Array<[string, string]> = [
  ['[', ']'],
  ['〔', '〕'],
  ['【', '】'],
  ['〖', '〗'],
];
const PREFIX_OPS: Array<[RegExp, Comparator]> = [
  [/^(>=|≥|≧|不低于|不少于)/, '>='],
  [/^(<=|≤|≦|不高于|不超过|不大于)/, '<='],
  [/^(>|超过|高于|大于)/, '>'],
  [/^(<|低于|小于)/, '<'],
  [/^(约|大约|近)/, '≈'],
];
const SUFFIX_OPS: Array<[RegExp, Comparator]> = [
  [/(以上|及以上)$/, '>='],
  [/(以下|以内|及以下)$/, '<='],
  [/(左右|上下)$/, '≈'],
];
const NUMBER = /^-?\d+(?:,\d{3})*(?:\.\d+)?/;

/** Parse a normalised cell ("[60]", "≤4", ">5.5", "11.0 左右", "—", ""). */
export function parseCell(norm: string): CellValue {
  // footnote marks after a figure ("65.77*", "904①") are not part of it
  let s = norm.replace(/\s+/g, '').replace(/[*＊①-⑳]+$/, '');
  const out: CellValue = { value: null, op: undefined, cumulative: false, percent: false, empty: false, dash: false, unreadable: false };
  if (s === '') return { ...out, empty: true };
  if (DASH.test(s)) return { ...out, dash: true };
  const brackets = () => {
    for (const [open, close] of BRACKETS) {
      if (s.startsWith(open) && s.endsWith(close)) {
        s = s.slice(open.length, -close.length);
        out.cumulative = true;
        return;
      }
    }
  };
  brackets();
  for (const [re, op] of PREFIX_OPS) {
    if (re.test(s)) {
      s = s.replace(re, '');
      out.op = op;
      break;
    }
  }
  for (const [re, op] of SUFFIX_OPS) {
    if (re.test(s)) {
      s = s.replace(re, '');
      out.op ??= op;
      break;
    }
  }
  // "〔60〕左右", "≥[60]": the brackets inside the comparator
  if (!out.cumulative) brackets();
  const m = NUMBER.exec(s);
  if (!m) return { ...out, unreadable: true };
  let rest = s.slice(m[0].length);
  if (rest.startsWith('%')) {
    out.percent = true;
    rest = rest.slice(1);
  }
  // a unit printed in the cell ("500万人") is allowed; anything else (":4:5", "-6") is not a single figure
  if (rest !== '' && !UNIT_WORD.test(rest)) return { ...out, unreadable: true };
  out.value = Number(m[0].replace(/,/g, ''));
  return out;
}

/** Units as printed in a label's parentheses or a unit column. */
const UNIT_CORE =
  '(?:%|‰|[万亿千百]?(?:人次|人|户|元|美元|个|家|所|项|件|次|岁|年|天|台|套|张|册|辆|吨|平方米|亩|公里|小时|学时|人/年|元/月|元/人|元/年|人/万人)|[万亿]元|万|亿)';
export const UNIT_WORD = new RegExp(`^${UNIT_CORE}$`);
const UNIT_PAREN = new RegExp(`[(（]\\s*(${UNIT_CORE.replace(/\(\?:/g, '(?:')}(?:\\s*/\\s*${UNIT_CORE})?)\\s*[)）]`, 'g');

/** A cell that is a unit alone: "(万人)", "（%）", "万人". */
export function unitOnly(norm: string): string | undefined {
  const s = norm.replace(/\s+/g, '');
  const m = /^[(（](.+)[)）]$/.exec(s);
  const inner = m ? m[1]! : s;
  return UNIT_WORD.test(inner) ? inner : undefined;
}

export interface LabelParts {
  number: string | undefined;
  /** the label as printed, without its number and unit */
  label: string;
  unit: string | undefined;
  subRow: boolean;
}

const ROW_NUMBER = /^\s*(?:(\d+)\s*[.．、,，](?!\s*\d)|[(（]\s*(\d+)\s*[)）])\s*/;

/** Split "1 . 企业经营管理人才(万人)" into number, label and unit; `norm` is the same text normalised. */
export function parseLabel(raw: string, norm: string): LabelParts {
  let label = raw.trim();
  let n = norm;
  let number: string | undefined;
  const m = ROW_NUMBER.exec(n);
  if (m) {
    number = m[1] ?? m[2];
    // the raw text has the same prefix up to width: cut as many characters as the raw prefix has
    const rawPrefix = /^\s*(?:\d+\s*[.．、,，](?!\s*\d)|[(（]\s*\d+\s*[)）])\s*/.exec(label);
    label = rawPrefix ? label.slice(rawPrefix[0].length) : label;
    n = n.slice(m[0].length);
  }
  let unit: string | undefined;
  // the last parenthesis that holds a unit is the unit; other parentheses ("(含高专)") stay in the label
  let last: RegExpExecArray | undefined;
  for (const u of n.matchAll(UNIT_PAREN)) last = u as RegExpExecArray;
  if (last) {
    unit = last[1]!.replace(/\s+/g, '');
    const start = last.index;
    const end = start + last[0].length;
    // cut the same span from the raw label when normalising kept the length (it does for CJK text)
    if (n.length === label.length) label = (label.slice(0, start) + label.slice(end)).trim();
    else label = label.replace(/[(（][^()（）]*[)）]\s*$/, '').trim();
  }
  const subRow = /^其中\s*[:：,，]?/.test(n.slice(0)) || /^其中/.test(label);
  return { number, label: label.replace(/\s+/g, ' ').trim(), unit, subRow };
}

/** "一、就业", "二. 社会保障", "(一) 就业": a group row. */
export function groupLabel(norm: string, raw: string): string | undefined {
  const re = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十]+[)）])\s*/;
  if (!re.test(norm)) return undefined;
  const m = re.exec(raw);
  return (m ? raw.slice(m[0].length) : raw).trim();
}

export function isAttribute(norm: string): 'binding' | 'indicative' | undefined {
  const s = norm.replace(/\s+/g, '');
  if (/^约束性?$/.test(s)) return 'binding';
  if (/^预期性?$/.test(s)) return 'indicative';
  return undefined;
}

/** Rows where a smaller figure is the aim: a bare target there is an upper bound. */
export function lowerIsBetter(normLabel: string): boolean {
  return /失业率|下降|降低|减少|死亡率|事故|欠薪|拖欠|能耗|排放|发生率|差距|赤字|负债率|投诉率|缺口/.test(normLabel);
}

/** A number cell: it parses as one figure, or is one of the ways a table says "no figure". */
export function looksLikeValue(norm: string): boolean {
  const s = norm.replace(/\s+/g, '');
  if (s === '' || DASH.test(s)) return true;
  if (/^[<>≤≥]{1,2}$/.test(s)) return true; // "<>": a damaged comparator cell
  if (/^\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)+$/.test(s)) return true; // ratios "1:4:5"
  const c = parseCell(s);
  return !c.unreadable;
}
