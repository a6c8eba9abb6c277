/**
 * `rollover`: the draft 十五五 model as YAML (a file that loads and runs), and what the planner must look at —
 * what could not be carried, re-estimated assumptions, growth far outside the history with both figures.
 */
import { Document, isScalar, visit } from 'yaml';
import type { PlausibilityFlag, RolloverResult } from '../engine/planning/rollover.js';
import type { ModelSpec } from '../model/schema.js';
import { formatIn } from './numbers.js';
import { safeText } from './safe-text.js';
import type { Lang } from './strings.js';

/** Drop what the loader fills in by default (empty lists and maps, status: reproducible) so the draft reads like a hand-written model. */
function prune(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => prune(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (k === 'status' && v === 'reproducible') continue;
      if (Array.isArray(v) && v.length === 0 && k !== 'years' && k !== 'values') continue;
      if (
        v &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        Object.keys(v).length === 0 &&
        key !== 'indicators' &&
        k !== 'indicators' &&
        k !== 'sources'
      )
        continue;
      out[k] = prune(v, k);
    }
    return out;
  }
  return value;
}

export function renderRolloverYaml(spec: ModelSpec, header: string[]): string {
  const doc = new Document(prune(spec));
  // lists of numbers and small source/years maps on one line, as the shipped models write them
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i) && typeof i.value === 'number')) node.flow = true;
    },
    Map(_, node) {
      const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
      if (
        (keys.includes('base') && keys.includes('target') && keys.length === 2) ||
        (keys.includes('ref') && keys.includes('quote') && node.items.every((p) => isScalar(p.value)))
      )
        node.flow = true;
    },
  });
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: true });
  return `${header.map((h) => `# ${h}`).join('\n')}\n${body}`;
}

const WORDS = {
  zh: {
    head: (r: RolloverResult, file: string) =>
      `rollover → ${file}：基期 ${r.base} 年，目标年 ${r.target} 年；沿用方法并移动基数的推导 ${r.rolled.length} 个，按实际值重估的假设 ${r.reestimated.length} 个；目标为建议值（proposed），请规划人员确定。`,
    notCarried: '未能沿用（已写入草案 notes）：',
    choose: '请选择（增长明显超出历史，可能是统计口径变化）：',
    flag: (f: PlausibilityFlag, a: string, b: string, c: string, d: string) =>
      `${f.label}：实际达到 ${a}，“十四五”假设 ${b} → ${f.year}年：按实际延续 ${c}，按“十四五”假设 ${d}；请选择（假设 ${f.assumption}）`,
    kind: { growth: '年均增长', step: '年均增加', amount: '年均数量' },
  },
  en: {
    head: (r: RolloverResult, file: string) =>
      `rollover → ${file}: base ${r.base}, target ${r.target}; ${r.rolled.length} derivations keep their method with the base moved, ${r.reestimated.length} assumptions re-estimated from the actuals; targets are proposals (proposed) for the planner to choose.`,
    notCarried: 'Not carried (listed in the draft notes):',
    choose: 'Choose (growth far outside the history — a change in statistical definition?):',
    flag: (f: PlausibilityFlag, a: string, b: string, c: string, d: string) =>
      `${f.label}: achieved ${a}, 十四五 assumed ${b} → ${f.year}: ${c} continuing the achieved, ${d} at the 十四五 assumption (assumption ${f.assumption})`,
    kind: { growth: 'growth', step: 'step', amount: 'amount' },
  },
} as const;

function perYear(x: number, f: PlausibilityFlag): string {
  return f.kind === 'growth' ? `${formatIn(x, 'ratio', 2)}/年` : `${formatIn(x, f.unit)}${f.unit === '%' ? 'pp' : ''}/年`;
}

/** The report on stderr: what was rolled, what was not, what to choose. */
export function renderRolloverNotes(r: RolloverResult, file: string, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [w.head(r, file)];
  const notCarried = r.notes.filter((n) => n.code !== 'far');
  if (notCarried.length) lines.push(w.notCarried, ...notCarried.map((n) => `  ${n.field}: ${safeText(lang === 'zh' ? n.zh : n.message)}`));
  if (r.flags.length) {
    lines.push(w.choose);
    for (const f of r.flags) {
      const y = (x: number) => (lang === 'en' ? perYear(x, f).replace('/年', '/yr') : perYear(x, f));
      lines.push(`  ${safeText(w.flag(f, y(f.value), y(f.fourteenth), formatIn(f.continuing, f.unit), formatIn(f.atFourteenth, f.unit)))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
