/**
 * Rollover: a 十四五 model and its 2021–2025 actuals → a draft 十五五 model (base = last actual year, target = `to`).
 * Spec in, spec out; the YAML is written by the report layer.
 *
 *   baseline      stock / rate: the base-year actual; cumulative: the total of the actuals (printed 〔…〕)
 *   series        `<indicator>_actual` holds the baseline and the actuals; a series the indicator's derivations
 *                 or re-estimated assumptions read (last year = old base year, values of the same size) gains them
 *   derivations   keep their method, base moved: compound(186.5, g, 5) → compound(<2025 actual>, g, 5); a literal
 *                 equal to the old baseline becomes the new one; horizons n → new n; the old target year → `to`
 *   assumptions   re-estimated from the actuals with the same kind of estimate:
 *                   growth in compound(·, g, ·)   mean_growth(actuals) if it was a mean growth, else cagr(b, a_T, n)
 *                   step in linear(·, s, ·) or a stock's `s × n`      (a_T − b) / n
 *                   yearly amount of a cumulative `a × n`             mean(actuals)
 *                 the 十四五 value is kept in the note
 *   targets       the draft's own projections, marked `proposed`
 *   plausibility  a re-estimate at least FAR_POINTS from the 十四五 value, or off by a factor FAR_FACTOR (and at
 *                 least MIN_POINTS), is flagged with both `to` figures: continuing the growth achieved, and at the
 *                 十四五 assumption. Example: 河南 高技能人才 226.59 (2020) → 700 (2025) is ≈25.3% a year against
 *                 the ≈10.9% the 十四五 figures imply: 700 × 1.253^5 ≈ 2170 against 700 × 1.109^5 ≈ 1174 in 2030.
 * What cannot be carried (a derivation whose base is not an actual, an assumption with no known estimate, an
 * indicator without actuals to the base year) is returned as notes.
 */
import type { MathNode } from 'mathjs';
import type { ActualSources, ActualValues } from '../../model/actuals.js';
import { citeActual } from '../../model/actuals.js';
import type { AssumptionSpec, Comparator, IndicatorSpec, ModelSpec, SeriesSpec, Source } from '../../model/schema.js';
import type { LoadedModel } from '../../model/types.js';
import { basisLead, escapeTemplate } from '../../model/template.js';
import { parseModel } from '../../model/validate.js';
import { evaluate } from '../graph/evaluate.js';
import { calleeName, dottedName, formulaNode } from '../graph/nodes.js';
import { parseFormula } from '../graph/parser.js';
import { meanGrowth } from '../methods/mean-growth.js';
import type { ModelResult } from '../types.js';

/** Longest 十五五 horizon accepted (years after the base year). */
export const MAX_ROLLOVER_YEARS = 15;
export const FAR_POINTS = 0.05;
export const FAR_FACTOR = 2;
export const MIN_POINTS = 0.01;

export interface RolloverFiles {
  /** the 十四五 model file, as it should be cited */
  model: string;
  /** the actuals scenario file */
  scenario: string;
  scenarioName: string;
  /** where the draft will be written (for positions in messages) */
  out: string;
  /** the draft's id (default: the old id with -15th for -14th) */
  id?: string;
}

export interface RolloverNote {
  /** far: a plausibility flag (see `flags`); every other code is something not carried */
  code:
    | 'no_actuals'
    | 'short'
    | 'base_not_actual'
    | 'texts'
    | 'no_estimate'
    | 'no_baseline'
    | 'distribution'
    | 'far'
    | 'no_projection'
    | 'labels';
  field: string;
  /** English, as written into the draft's notes */
  message: string;
  /** the same in Chinese, for the report on stderr */
  zh: string;
}

export type EstimateKind = 'growth' | 'step' | 'amount';

export interface Reestimate {
  assumption: string;
  indicator: string;
  kind: EstimateKind;
  fourteenth: number;
  fourteenthDefault: string;
  value: number;
  expr: string;
}

export interface PlausibilityFlag extends Reestimate {
  label: string;
  unit: string;
  /** the base-year actual (stock) the figures grow from; for amounts the `to` figure is a total */
  base: number;
  year: number;
  /** the `to` figure continuing the value achieved */
  continuing: number;
  /** the `to` figure at the 十四五 assumption */
  atFourteenth: number;
}

export interface RolloverResult {
  spec: ModelSpec;
  base: number;
  target: number;
  rolled: string[];
  reestimated: Reestimate[];
  flags: PlausibilityFlag[];
  notes: RolloverNote[];
  /** the draft evaluated (its projections are the proposed targets) */
  result: ModelResult;
}

/** Why `to` is unusable for a draft whose base is `base`, or null. */
export function rolloverYearsProblem(base: number, to: number): string | null {
  if (!Number.isInteger(to)) return `--to must be a year, not ${to}`;
  if (to <= base) return `--to ${to} is not after the base year ${base} (the last actual year)`;
  if (to - base > MAX_ROLLOVER_YEARS) return `--to ${to} is more than ${MAX_ROLLOVER_YEARS} years after the base year ${base}`;
  return null;
}

/** The last year with an actual, over every indicator. */
export function lastActualYear(actuals: ActualValues): number | null {
  const years = Object.values(actuals).flatMap((ys) => Object.keys(ys).map(Number));
  return years.length ? Math.max(...years) : null;
}

const num = (x: number) => Number(x.toPrecision(10));
const round2 = (x: number) => Number(x.toFixed(2));
const constant = (x: number): MathNode => parseFormula(String(num(x)));
const isConstant = (node: MathNode, value?: number): boolean => {
  const n = formulaNode(node);
  return n.type === 'ConstantNode' && typeof n.value === 'number' && (value === undefined || n.value === value);
};
const constantValue = (node: MathNode): number | undefined => {
  const n = formulaNode(node);
  return n.type === 'ConstantNode' && typeof n.value === 'number' ? n.value : undefined;
};
const symbols = (text: string): string[] => {
  const out: string[] = [];
  parseFormula(text).traverse((node) => {
    const n = formulaNode(node);
    if (n.type === 'SymbolNode') out.push(n.name);
  });
  return out;
};

/** A figure as a label writes it: 12, 186.5, 3.53% (a percentage stands for its fraction). */
const LABEL_FIGURE = /\d+(?:\.\d+)?%?/g;

/**
 * Derivation labels of rolled indicators that quote the 十四五 value of an assumption the derivation reads and
 * rollover re-estimated (每年计划12万人 × 5年 over `new_jobs_per_year * 5`, new_jobs_per_year now 12.22): the
 * figure becomes the re-estimate (每年计划12.22万人 × 5年). A derivation that is plain arithmetic, which
 * `cesuan write` words through its label, gains a `text` with the assumption as a placeholder
 * (按每年计划{new_jobs_per_year}万人 × 5年测算，为{…:u}。), so that the sentence agrees with the formula whatever
 * the assumption is set to. Figures of moved bases (2020年底195.97万人) stay as written: `write` words a method's
 * base from the formula. Returns how many labels changed.
 */
function relabel(spec: ModelSpec, reestimated: Reestimate[], rolled: Iterable<string>): number {
  const byAssumption = new Map(reestimated.map((r) => [r.assumption, r]));
  let count = 0;
  for (const id of rolled) {
    for (const [did, d] of Object.entries(spec.indicators[id]!.derivations)) {
      if (typeof d.formula !== 'string' || d.text !== undefined) continue;
      const read = [d.formula, d.path].flatMap((t) => (typeof t === 'string' ? symbols(t) : []));
      let label = '';
      let template = '';
      let from = 0;
      for (const m of d.label.matchAll(LABEL_FIGURE)) {
        const percent = m[0].endsWith('%');
        const value = Number(percent ? m[0].slice(0, -1) : m[0]) / (percent ? 100 : 1);
        const r = read
          .map((a) => byAssumption.get(a))
          .find((x) => x && (x.kind === 'growth') === percent && Math.abs(x.fourteenth - value) <= 1e-9 * Math.max(1, Math.abs(value)));
        if (!r) continue;
        const before = d.label.slice(from, m.index);
        label += before + (percent ? `${round2(r.value * 100)}%` : String(round2(r.value)));
        template += escapeTemplate(before) + (percent ? `{${r.assumption}:.2%}` : `{${r.assumption}}`);
        from = m.index + m[0].length;
      }
      if (from === 0) continue;
      const rest = d.label.slice(from);
      d.label = label + rest;
      count++;
      // a method's call (compound(…), share(…) …) has its own sentence in cesuan write, with every figure as a
      // placeholder; other arithmetic is written as its label, led as write's default sentence is
      if (formulaNode(parseFormula(d.formula)).type === 'FunctionNode') continue;
      d.text = `${basisLead(`${template}${escapeTemplate(rest)}`)}为{${id}.${did}:u}。`;
    }
  }
  return count;
}

interface Subject {
  id: string;
  spec: IndicatorSpec;
  /** the actuals B0+1..base by year */
  years: number[];
  values: number[];
  final: number;
  baseline: number | null;
  /** id of the `<indicator>_actual` series written for it */
  series?: string;
}

interface Use {
  assumption: string;
  subject: string;
  kind: EstimateKind;
}

export function rollover(
  model: LoadedModel,
  oldResult: ModelResult,
  actuals: ActualValues,
  sources: ActualSources,
  files: RolloverFiles,
  to: number,
): RolloverResult {
  const old = model.spec;
  const b0 = old.years.base;
  const n0 = old.years.target - b0;
  const base = lastActualYear(actuals) ?? old.years.target;
  const n = to - base;
  const elapsed = base - b0;
  const notes: RolloverNote[] = [];
  const spec = structuredClone(old) as ModelSpec;

  const stem = old.id.replace(/-\d+th$/, '');
  spec.id = files.id ?? `${stem}-15th`;
  spec.title = old.title.includes('十四五')
    ? `${old.title.replace(/十四五/g, '十五五')}（草案）`
    : `${old.title}（${base + 1}—${to}年草案）`;
  spec.years = { base, target: to };
  const key = (wanted: string) => {
    let k = wanted;
    for (let i = 2; k in spec.sources; i++) k = `${wanted}_${i}`;
    return k;
  };
  const fourteenthRef = key('fourteenth');
  spec.sources[fourteenthRef] = {
    title: old.title,
    file: files.model,
    note: `the ${b0 + 1}–${old.years.target} model this draft was rolled from (cesuan rollover)`,
  };
  const actualsRef = key('actuals');
  spec.sources[actualsRef] = {
    title: files.scenarioName,
    file: files.scenario,
    note: `the ${b0 + 1}–${base} actuals: new baselines, extended series, re-estimated assumptions`,
  };
  const proposalRef = key('proposal');
  spec.sources[proposalRef] = {
    title: `cesuan rollover: proposed ${to} targets (this draft's own projections)`,
    note: 'targets marked proposed are for the planner to choose',
  };

  const cite = (id: string, year: number, label: string, value: number): string => {
    const s = sources[id]?.[String(year)];
    return s ? citeActual(s) : `${files.scenarioName}: ${label} ${year}: ${num(value)}`;
  };

  // ── subjects: indicators with actuals to the base year
  const subjects = new Map<string, Subject>();
  for (const [id, ind] of Object.entries(old.indicators)) {
    const a = actuals[id];
    if (!a || !Object.keys(a).length) {
      notes.push({
        code: 'no_actuals',
        zh: '无实际值：未滚动（基期、推导和目标仍为十四五的）',
        field: `indicators.${id}`,
        message: `no actuals: not rolled (baseline, derivations and target are still the ${old.years.target} ones)`,
      });
      continue;
    }
    const years = Object.keys(a)
      .map(Number)
      .filter((y) => y > b0 && y <= base)
      .sort((x, y) => x - y);
    const values = years.map((y) => a[String(y)]!);
    const complete = ind.kind === 'cumulative' ? years.length === elapsed : years.includes(base);
    if (!complete) {
      const missing = Array.from({ length: elapsed }, (_, i) => b0 + 1 + i).filter((y) => !years.includes(y));
      notes.push({
        code: 'short',
        zh: `实际值未到 ${base} 年：未滚动`,
        field: `indicators.${id}`,
        message: `actuals stop short of ${base} (missing ${(ind.kind === 'cumulative' ? missing : [base]).join(', ')}): not rolled`,
      });
      continue;
    }
    const final = ind.kind === 'cumulative' ? values.reduce((s, v) => s + v, 0) : values[values.length - 1]!;
    subjects.set(id, { id, spec: ind, years, values, final, baseline: ind.baseline.value });
  }

  // ── derivations: move the base, extend the horizon; collect which assumption is estimated how
  const uses: Use[] = [];
  const extendSeries = new Set<string>();
  const rolled: string[] = [];
  let textsDropped = 0;
  const seriesIds = new Set(Object.keys(old.series));
  const assumptionIds = new Set(Object.keys(old.assumptions));
  for (const [id, ind] of Object.entries(spec.indicators)) {
    const subject = subjects.get(id);
    if (!subject) continue;
    const oldBaseline = subject.baseline;
    for (const [did, d] of Object.entries(ind.derivations)) {
      let changed = false;
      const indicatorIds = new Set(Object.keys(old.indicators));
      const visit = (node: MathNode, _path: string, parent: MathNode | null): MathNode => {
        const f = formulaNode(node);
        const again = (args: MathNode[]) =>
          rebuild(
            node,
            args.map((a) => a.transform(visit)),
          );
        if (f.type === 'FunctionNode') {
          const name = calleeName(f);
          const args = [...f.args];
          if ((name === 'compound' || name === 'linear') && args.length === 3) {
            const head = dottedName(args[0]!);
            // `X.baseline` as the base: X's baseline is its base-year actual once X is rolled
            const via = head && head.length === 2 && head[1] === 'baseline' ? head[0]! : null;
            const g = dottedName(args[1]!);
            const owner = subjects.get(via ?? id)?.spec.kind ?? subject.spec.kind;
            // compound on a cumulative total has no yearly growth to re-estimate; linear from 0 is a yearly amount
            const kind: EstimateKind | null =
              name === 'compound' ? (owner === 'cumulative' ? null : 'growth') : owner === 'cumulative' ? 'amount' : 'step';
            if (kind && g && g.length === 1 && assumptionIds.has(g[0]!)) uses.push({ assumption: g[0]!, subject: via ?? id, kind });
            if (isConstant(args[2]!, n0)) args[2] = constant(n);
            if (via) {
              if (subjects.has(via)) changed = true;
              return rebuild(node, args);
            }
            if (subject.spec.kind !== 'cumulative') {
              changed = true;
              return rebuild(node, [constant(subject.final), args[1]!, args[2]!]);
            }
            if (kind === 'amount') changed = true;
            return again(args);
          }
          for (const a of args) {
            const s = dottedName(a);
            if (s && s.length === 1 && seriesIds.has(s[0]!)) {
              extendSeries.add(`${s[0]}\u0000${id}`);
              changed = true;
            }
          }
          if (args.length > 1 && isConstant(args[args.length - 1]!, n0)) {
            args[args.length - 1] = constant(n);
            return again(args);
          }
          return node;
        }
        if (f.type === 'SymbolNode' && indicatorIds.has(f.name) && subjects.has(f.name)) changed = true; // a sum of rolled parts
        if (
          f.type === 'ArrayNode' &&
          f.items.length > 1 &&
          f.items.every((i) => isConstant(i)) &&
          constantValue(f.items[f.items.length - 1]!) === b0
        ) {
          changed = true;
          return parseFormula(`[${[...f.items.map((i) => constantValue(i)!), ...subject.years].join(', ')}]`);
        }
        if (f.type === 'OperatorNode' && (f.op === '*' || f.op === '/') && f.args.length === 2) {
          const k = f.args.findIndex((a) => isConstant(a, n0));
          if (k >= 0) {
            const other = dottedName(f.args[1 - k]!);
            if (f.op === '*' && other && other.length === 1 && assumptionIds.has(other[0]!)) {
              uses.push({ assumption: other[0]!, subject: id, kind: subject.spec.kind === 'cumulative' ? 'amount' : 'step' });
              changed = true;
            }
            const args = [...f.args];
            args[k] = constant(n);
            return again(args);
          }
        }
        if (f.type === 'ConstantNode' && typeof f.value === 'number' && (!parent || formulaNode(parent).type !== 'ArrayNode')) {
          if (f.value === old.years.target) return constant(to);
          if (oldBaseline !== null && subject.spec.kind !== 'cumulative' && f.value === oldBaseline && f.value !== n0) {
            changed = true;
            return constant(subject.final);
          }
        }
        return node;
      };
      const rewrite = (text: string): string => parseFormula(text).transform(visit).toString();
      if (typeof d.formula === 'string') d.formula = rewrite(d.formula);
      if (d.path) {
        const path = d.path.trim();
        if (subject.spec.kind === 'cumulative' && assumptionIds.has(path)) {
          uses.push({ assumption: path, subject: id, kind: 'amount' });
          changed = true;
        } else {
          d.path = rewrite(d.path);
        }
      }
      const dropped = d.stated.length + d.computed.length;
      d.stated = [];
      d.computed = [];

      if (changed) {
        rolled.push(`${id}.${did}`);
        // the rolled formula is the model now; "not reproducible" described the 十四五 document's own result
        if (d.status === 'not_reproducible') d.status = 'reproducible';
        d.note = [
          `十四五: ${typeof old.indicators[id]!.derivations[did]!.formula === 'string' ? old.indicators[id]!.derivations[did]!.formula : String(old.indicators[id]!.derivations[did]!.formula ?? '—')}; base moved to the ${base} actual${dropped ? `; the ${dropped} 十四五 stated/computed figures are not carried` : ''}.`,
          d.note,
        ]
          .filter(Boolean)
          .join(' ');
      } else if (d.formula !== undefined) {
        notes.push({
          code: 'base_not_actual',
          zh: `基数不是实际值（${String(old.indicators[id]!.derivations[did]!.formula)}）：沿用十四五公式，请手工修改`,
          field: `indicators.${id}.derivations.${did}`,
          message: `its base is not an actual (${String(old.indicators[id]!.derivations[did]!.formula)}): kept as in the 十四五 model, rework it by hand`,
        });
        d.note = [`NOT ROLLED: the base of this derivation is not an actual; formula kept from the 十四五 model.`, d.note]
          .filter(Boolean)
          .join(' ');
      }
    }
  }

  // the 十四五 prose quotes 十四五 figures and reasons (and names fields the draft changes): `write` falls back to
  // its default sentence per method
  for (const ind of Object.values(spec.indicators)) {
    for (const d of Object.values(ind.derivations)) {
      const prose = d as { text?: unknown };
      if (prose.text !== undefined) {
        delete prose.text;
        textsDropped++;
      }
    }
  }
  if (textsDropped)
    notes.push({
      code: 'texts',
      zh: `${textsDropped} 段十四五测算依据文字未沿用：cesuan write 按方法生成默认表述，请重写十五五的测算理由`,
      field: 'indicators.*.derivations.*.text',
      message: `the ${textsDropped} 十四五 text templates (测算依据 prose) are not carried: cesuan write uses its default sentence per method; write the 十五五 reasoning anew`,
    });

  // assumptions read through series (mean_growth(S), mean(S)) and series the re-estimated ones read
  const estimates = new Map<string, Use>();
  for (const u of uses) if (!estimates.has(u.assumption) && subjects.has(u.subject)) estimates.set(u.assumption, u);
  for (const [aid, u] of estimates) {
    const def = old.assumptions[aid]!.default;
    if (typeof def === 'string') for (const s of symbols(def)) if (seriesIds.has(s)) extendSeries.add(`${s}\u0000${u.subject}`);
  }

  // ── series: the actuals of each subject, and the old series extended
  for (const subject of subjects.values()) {
    let sid = `${subject.id}_actual`;
    while (sid in spec.series || sid in spec.assumptions || sid in spec.indicators || sid in spec.imports) sid = `${sid}_`;
    const stock = subject.spec.kind !== 'cumulative';
    const years = stock && subject.baseline !== null ? [b0, ...subject.years] : subject.years;
    const values = stock && subject.baseline !== null ? [subject.baseline, ...subject.values] : subject.values;
    const series: SeriesSpec = {
      label: `${subject.spec.label}（${years[0]}—${base}年${stock ? '' : '年度'}实际值）`,
      unit: subject.spec.unit,
      years,
      values,
      note: `${stock && subject.baseline !== null ? `${b0}: the 十四五 baseline; ` : ''}${subject.years[0]}–${base}: actuals from ${files.scenario}`,
      source: { ref: actualsRef, quote: cite(subject.id, base, subject.spec.label, subject.values[subject.values.length - 1]!) },
    };
    spec.series[sid] = series;
    subject.series = sid;
  }
  for (const entry of extendSeries) {
    const [sid, iid] = entry.split('\u0000') as [string, string];
    const s = spec.series[sid]!;
    const subject = subjects.get(iid);
    if (!subject || s.years[s.years.length - 1] !== b0 || s.unit !== subject.spec.unit || s.years.length !== s.values.length) continue;
    const scale = subject.spec.kind === 'cumulative' ? (subject.baseline ?? subject.final) / n0 : subject.baseline;
    const last = s.values[s.values.length - 1]!;
    // a series of the same quantity: the indicator's level (stock) or yearly amount (cumulative), within a factor 2
    if (scale === null || !(last > 0 && scale > 0 && last / scale <= 2 && scale / last <= 2)) continue;
    s.years = [...s.years, ...subject.years];
    s.values = [...s.values, ...subject.values];
    s.note = [s.note, `${subject.years[0]}–${base} appended by cesuan rollover: actuals of ${subject.spec.label} from ${files.scenario}.`]
      .filter(Boolean)
      .join(' ');
  }

  // ── assumptions: re-estimate from the actuals, 十四五 value kept in the note
  const reestimated: Reestimate[] = [];
  const flags: PlausibilityFlag[] = [];
  for (const [aid, a] of Object.entries(spec.assumptions)) {
    const u = estimates.get(aid);
    const usedBySubject = Object.entries(old.indicators).some(
      ([iid, ind]) =>
        subjects.has(iid) &&
        Object.values(ind.derivations).some((d) => [d.formula, d.path].some((t) => typeof t === 'string' && symbols(t).includes(aid))),
    );
    if (!u) {
      if (usedBySubject) {
        notes.push({
          code: 'no_estimate',
          zh: '无法由实际值重估（不是已滚动指标的增长率、年增加数或年均数量）：保留十四五取值',
          field: `assumptions.${aid}`,
          message: `cannot re-estimate from the actuals (not a growth rate, yearly step or yearly amount of a rolled indicator): kept at its 十四五 value`,
        });
      }
      continue;
    }
    const subject = subjects.get(u.subject)!;
    const sid = subject.series!;
    const oldValue = oldResult.values[aid];
    const fourteenth = typeof oldValue === 'number' ? oldValue : Number.NaN;
    const fourteenthDefault = String(a.default);
    let value: number;
    let expr: string;
    if (u.kind === 'growth') {
      if (subject.baseline === null || subject.baseline <= 0 || subject.final <= 0) {
        notes.push({
          code: 'no_baseline',
          zh: `${subject.id} 没有 ${b0} 年正的基期值，无法重估增长率：保留十四五取值`,
          field: `assumptions.${aid}`,
          message: `cannot re-estimate a growth rate without a positive ${b0} baseline of ${subject.id}: kept at its 十四五 value`,
        });
        continue;
      }
      // a mean of year-on-year rates needs every year; with gaps the CAGR is the honest estimate
      const everyYear = subject.years.length === elapsed;
      const wasMean = everyYear && typeof a.default === 'string' && /^\s*mean_growth\(/.test(a.default);
      if (wasMean) {
        value = meanGrowth([subject.baseline, ...subject.values]);
        expr = `mean_growth(${sid})`;
      } else {
        value = (subject.final / subject.baseline) ** (1 / elapsed) - 1;
        expr = `cagr(${num(subject.baseline)}, ${num(subject.final)}, ${elapsed})`;
      }
    } else if (u.kind === 'step') {
      if (subject.baseline === null) {
        notes.push({
          code: 'no_baseline',
          zh: `${subject.id} 没有 ${b0} 年基期值，无法重估年增加数：保留十四五取值`,
          field: `assumptions.${aid}`,
          message: `cannot re-estimate a yearly step without a ${b0} baseline of ${subject.id}: kept at its 十四五 value`,
        });
        continue;
      }
      value = (subject.final - subject.baseline) / elapsed;
      expr = `(${num(subject.final)} - ${num(subject.baseline)}) / ${elapsed}`;
    } else {
      value = subject.final / elapsed;
      expr = `mean(${sid})`;
    }
    const next: AssumptionSpec = { ...a, default: expr };
    delete next.back_solved;
    if (next.uncertain) {
      delete next.uncertain;
      notes.push({
        code: 'distribution',
        zh: '十四五的分布（以十四五取值为中心）已去掉，请重新设定',
        field: `assumptions.${aid}`,
        message: 'its 十四五 distribution is dropped (it was centred on the 十四五 value): write a new one',
      });
    }
    if (a.range)
      next.range = [Math.min(a.range[0], value, fourteenth), Math.max(a.range[1], value, fourteenth)].map(num) as [number, number];
    const show = (x: number) => (u.kind === 'growth' ? `${Number((x * 100).toFixed(2))}% a year` : `${Number(x.toFixed(4))} a year`);
    const kindText = u.kind === 'growth' ? 'growth' : u.kind === 'step' ? 'yearly change' : 'yearly amount';
    next.note = [
      `Re-estimated from the ${b0 + 1}–${base} actuals of ${subject.spec.label} (${kindText}: ${expr} = ${num(value)}). 十四五: ${num(fourteenth)} (${fourteenthDefault})${a.back_solved ? `, back-solved: ${a.back_solved.trim()}` : ''}.`,
      a.note,
    ]
      .filter(Boolean)
      .join(' ');
    next.source = { ref: actualsRef, quote: cite(subject.id, base, subject.spec.label, subject.values[subject.values.length - 1]!) };
    spec.assumptions[aid] = next;
    const r: Reestimate = { assumption: aid, indicator: subject.id, kind: u.kind, fourteenth, fourteenthDefault, value, expr };
    reestimated.push(r);

    const gap = Math.abs(value - fourteenth);
    const ratio = fourteenth !== 0 ? value / fourteenth : Infinity;
    const far =
      u.kind === 'growth'
        ? gap >= FAR_POINTS || (gap >= MIN_POINTS && (ratio >= FAR_FACTOR || ratio <= 1 / FAR_FACTOR))
        : Number.isFinite(fourteenth) && (ratio >= FAR_FACTOR || ratio <= 1 / FAR_FACTOR);
    if (far && Number.isFinite(fourteenth)) {
      const at = (x: number) => (u.kind === 'growth' ? subject.final * (1 + x) ** n : u.kind === 'step' ? subject.final + x * n : x * n);
      const flag: PlausibilityFlag = {
        ...r,
        label: subject.spec.label,
        unit: subject.spec.unit,
        base: subject.final,
        year: to,
        continuing: at(value),
        atFourteenth: at(fourteenth),
      };
      flags.push(flag);
      next.note = `CHOOSE: the ${kindText} achieved (${show(value)}) is far from the 十四五 assumption (${show(fourteenth)}); ${to}: ${round2(flag.continuing)} continuing it, ${round2(flag.atFourteenth)} at the 十四五 value. A change in statistical definition? ${next.note}`;
      notes.push({
        code: 'far',
        zh: '',
        field: `assumptions.${aid}`,
        message: `the ${kindText} achieved, ${show(value)}, is far outside the 十四五 assumption ${show(fourteenth)}: ${to} would be ${round2(flag.continuing)} continuing it, ${round2(flag.atFourteenth)} at the 十四五 value — choose one`,
      });
    }
  }

  // ── labels quoting the 十四五 value of an assumption re-estimated above (每年计划12万人 × 5年, now 12.22 a year)
  const relabelled = relabel(spec, reestimated, subjects.keys());
  if (relabelled)
    notes.push({
      code: 'labels',
      zh: `${relabelled} 个测算依据名称中的十四五假设值已改为重估值，cesuan write 的表述随假设取值`,
      field: 'indicators.*.derivations.*.label',
      message: `${relabelled} derivation label(s) quoted a 十四五 assumption value: the figure is now the re-estimate, and cesuan write's sentence follows the assumption`,
    });

  // ── baselines, then targets as proposals from the draft's own projections
  for (const [id, subject] of subjects) {
    const ind = spec.indicators[id]!;
    const cumulative = ind.kind === 'cumulative';
    const last = subject.values[subject.values.length - 1]!;
    ind.baseline = {
      value: num(subject.final),
      published: cumulative ? `〔${num(subject.final)}〕` : String(num(subject.final)),
      note: `${cumulative ? `${b0 + 1}–${base} total of the actuals` : `${base} actual`}; 十四五 baseline ${subject.baseline ?? '—'} (${b0}).`,
      source: { ref: actualsRef, quote: cite(id, base, ind.label, last) },
    };
    const droppedChecks = ind.stated.length;
    ind.stated = [];
    if (droppedChecks) ind.note = [ind.note, `The ${droppedChecks} 十四五 consistency check(s) are not carried.`].filter(Boolean).join(' ');
  }
  for (const [id, ind] of Object.entries(spec.indicators)) {
    if (!subjects.has(id)) {
      ind.note = [`NOT ROLLED: no actuals to ${base}; baseline, derivations and target are the 十四五 ones.`, ind.note]
        .filter(Boolean)
        .join(' ');
    }
  }
  let parsed = parseModel(spec);
  const draft = (s: ModelSpec): LoadedModel => ({
    spec: s,
    file: files.out,
    locate: () => ({ file: files.out, line: 1, col: 1 }),
    locateKey: () => ({ file: files.out, line: 1, col: 1 }),
    decimalsAt: () => undefined,
    imports: model.imports,
  });
  const first = evaluate(draft(parsed));
  for (const ind of first.indicators) {
    const s = spec.indicators[ind.id]!;
    if (!subjects.has(ind.id)) continue;
    const old14 = old.indicators[ind.id]!.target;
    const source: Source = { ref: proposalRef, quote: `${ind.label} ${to}: proposed from the draft's projection (${ind.primary ?? '—'})` };
    if (ind.projection !== null && Number.isFinite(ind.projection)) {
      const value = proposalValue(ind.projection, old14?.op ?? '>=', ind.unit);
      // `chosen` was the value the 十四五 document settled on; in the draft it is the proposal
      if (s.chosen) s.chosen = { value, source };
      s.target = {
        op: old14?.op ?? '>=',
        value,
        ...(old14?.tolerance !== undefined ? { tolerance: old14.tolerance } : {}),
        published: `${ind.kind === 'cumulative' ? `〔${value}〕` : value}（建议）`,
        proposed: true,
        source,
      };
    } else if (old14) {
      s.target = { ...old14, proposed: true, published: `${old14.published ?? old14.value}（十四五目标，待定）` };
      notes.push({
        code: 'no_projection',
        zh: '无预测值：暂以十四五目标作为建议值占位',
        field: `indicators.${ind.id}.target`,
        message: `no projection: the 十四五 target is kept as a placeholder proposal`,
      });
    }
  }
  spec.notes = [
    `Draft rolled forward by cesuan rollover from ${files.model} with the actuals in ${files.scenario}: base ${base}, target ${to}. Targets are proposals (proposed: true): this draft's own projections, for the planner to choose.`,
    ...notes.map((x) => `${x.field}: ${x.message}`),
    ...old.notes.map((x) => `十四五: ${x}`),
  ];
  parsed = parseModel(spec);
  const result = evaluate(draft(parsed));
  return { spec: parsed, base, target: to, rolled, reestimated, flags, notes, result };
}

/** A copy of a function node with new arguments (mathjs nodes are immutable in spirit). */
function rebuild(node: MathNode, args: MathNode[]): MathNode {
  const copy = node.clone() as MathNode & { args: MathNode[] };
  copy.args = args;
  return copy;
}

/**
 * The projection rounded as plan tables print it (2 decimals; 4 for a ratio), in the direction that keeps the
 * draft's own projection meeting it: down for ≥ and >, up for ≤ and <, to the nearest for = and ≈.
 */
export function proposalValue(projection: number, op: Comparator, unit: string): number {
  const scale = unit === 'ratio' ? 1e4 : 1e2;
  const x = projection * scale;
  const r =
    Math.abs(x - Math.round(x)) < 1e-6
      ? Math.round(x)
      : op === '>=' || op === '>'
        ? Math.floor(x)
        : op === '<=' || op === '<'
          ? Math.ceil(x)
          : Math.round(x);
  // a strict comparator needs a step of room
  const strict = op === '>' ? r - (r === x ? 1 : 0) : op === '<' ? r + (r === x ? 1 : 0) : r;
  return Number((strict / scale).toFixed(unit === 'ratio' ? 4 : 2));
}
