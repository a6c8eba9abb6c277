/**
 * Plain data shared by the engine, the reports, the CLI and the TUI.
 */
import type { Comparator, DistributionSpec, Source } from '../model/schema.js';

import type { Position } from '../model/types.js';

export type { Position };

export type Verdict = 'match' | 'rounding' | 'approximate' | 'mismatch' | 'not_reproducible';
export type TargetVerdict = 'met' | 'missed' | 'not_modelled' | 'no_target';
export type Value = number | number[];

export interface StatedFigureCheck {
  /** `indicator/derivation#index` or `indicator#index` for indicator-level checks */
  key: string;
  indicator: string;
  derivation: string | null;
  label: string;
  unit: string | undefined;
  stated: number;
  recomputed: number | null;
  difference: number | null;
  tolerance: number;
  verdict: Verdict;
  expr: string;
  substituted: string;
  quote: string | undefined;
  note: string | undefined;
}

export interface ComputedFigure {
  label: string;
  unit: string | undefined;
  expr: string;
  substituted: string;
  value: number | null;
}

export interface DerivationResult {
  id: string;
  label: string;
  status: 'reproducible' | 'not_reproducible' | 'no_numbers';
  formula: string | null;
  substituted: string | null;
  value: number | null;
  note: string | undefined;
  quote: string;
  stated: StatedFigureCheck[];
  computed: ComputedFigure[];
  /** qualified ids of the assumptions this derivation depends on (transitively) */
  assumptions: string[];
}

export interface YearValue {
  year: number;
  value: number;
}

export interface IndicatorResult {
  id: string;
  label: string;
  number: string | undefined;
  unit: string;
  group: string | undefined;
  groupLabel: string | undefined;
  parent: string | undefined;
  kind: 'stock' | 'cumulative' | 'rate';
  /** 预期性 indicative, 约束性 binding, or unknown (the source lost it) */
  attribute: 'indicative' | 'binding' | 'unknown';
  baseline: number | null;
  /** proposed: a draft's proposal (cesuan rollover) for the planner to choose, not an adopted target */
  target: { op: Comparator; value: number; tolerance?: number; proposed?: true } | null;
  chosen: number | null;
  primary: string | null;
  /** 2025 value (stock, rate) or five-year total (cumulative) from the primary derivation */
  projection: number | null;
  verdict: TargetVerdict;
  /** projection − target value (positive = above the target) */
  gap: number | null;
  /** stock/rate: year-end values base..target; cumulative: yearly amounts base+1..target */
  trajectory: YearValue[];
  derivations: DerivationResult[];
  checks: StatedFigureCheck[];
  /** numeric hygiene findings: NaN/Infinity, values outside the plausible domain */
  findings: Finding[];
}

/** What every per-indicator report (plan, track) repeats of an indicator. */
export type IndicatorHead = Pick<IndicatorResult, 'id' | 'label' | 'unit' | 'kind' | 'attribute' | 'baseline' | 'target' | 'projection'>;

export interface AssumptionState {
  id: string;
  label: string;
  unit: string;
  value: number;
  published: number;
  overridden: boolean;
  range: [number, number] | undefined;
  step: number | undefined;
  backSolved: string | undefined;
  uncertain: DistributionSpec | undefined;
  source: Source | undefined;
}

export interface ModelResult {
  modelId: string;
  title: string;
  years: { base: number; target: number };
  indicators: IndicatorResult[];
  assumptions: AssumptionState[];
  /** every stated figure of every derivation and indicator, in model order */
  audit: StatedFigureCheck[];
  /** value of every node by qualified id (assumptions, series, indicators, derivations) */
  values: Record<string, Value>;
  /** non-finite results (errors) and values outside an indicator's plausible domain (warnings) */
  problems: Problem[];
}

/** A problem found while evaluating: non-finite numbers are errors, implausible values warnings. */
export interface Problem {
  severity: 'error' | 'warning';
  /** in English; front ends may word it anew from `code` and `params` */
  message: string;
  /** dotted field path, e.g. indicators.injury_insured.derivations.basis2.formula */
  field: string;
  position: Position;
  /** which kind of problem, for wording it in another language (absent: only `message` says it) */
  code?: ProblemCode;
  /** the figures and names `message` is built from, raw (numbers unformatted) */
  params?: ProblemParams;
}

export type ProblemParams = Record<string, number | string>;

/** A numeric hygiene finding of one indicator, worded like a problem. */
export type Finding = Pick<Problem, 'message' | 'code' | 'params'>;

/** The problems evaluation finds, by kind (their English wording is `message`; src/report/problems.ts words each). */
export type ProblemCode =
  | 'value_not_finite'
  | 'series_not_finite'
  | 'figure_not_finite'
  | 'figure_series'
  | 'figure_failed'
  | 'primary_list'
  | 'path_failed'
  | 'path_not_finite'
  | 'derivation_not_finite'
  | 'derivation_outside_domain'
  | 'path_outside_domain'
  | 'path_flat'
  | 'assumption_outside_range'
  | 'unquoted_literal'
  | 'id_not_file_name'
  | 'ratio_above_one';
