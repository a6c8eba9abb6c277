import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { Evaluator } from '../../../src/engine/graph/evaluate.js';
import { FIT_ELASTICITY_GRID, FIT_SMOOTHING_GRID, FitInputError, fitFigure } from '../../../src/engine/planning/fit.js';
import { loadModel } from '../../../src/model/load.js';
import { fitSnippet } from '../../../src/report/fit.js';
import { repoRoot } from '../../helpers/model.js';

const model = loadModel(`${repoRoot}/models/zhengzhou-hrss-14th.yaml`);
const result = new Evaluator(model).result();
const list = (indicator: string, figure?: string) =>
  fitFigure(model, result, indicator, figure).candidates.map((c) => [c.formula, c.value] as const);

describe('cesuan fit on Zhengzhou’s not-reproducible figures', () => {
  it('专业技术人才 104 (“通过相关模型测算”): two elasticity hypotheses land within ±1.04, none from a series', () => {
    const fit = fitFigure(model, result, 'tech_talent');
    expect(fit.figure).toMatchObject({ key: 'tech_talent/basis1#0', value: 104, tolerance: 1.04, verdict: 'not_reproducible' });
    const found = list('tech_talent');
    expect(found.map(([f]) => f)).toEqual([
      'elastic(tech_talent.baseline, injury_growth_basis1, 1.1, 5)',
      'elastic(tech_talent.baseline, injury_growth, 1.2, 5)',
    ]);
    // recomputed apart: 84 × (1 + ε·r)^5
    expect(found[0]![1]).toBeCloseTo(84 * (1 + 1.1 * 0.04) ** 5, 9);
    expect(found[0]![1]).toBeCloseTo(104.18, 2);
    expect(found[1]![1]).toBeCloseTo(84 * (1 + 1.2 * result.assumptions.find((a) => a.id === 'injury_growth')!.value) ** 5, 9);
    expect(found[1]![1]).toBeCloseTo(103.38, 2);
    expect(fit.candidates.every((c) => !c.related)).toBe(true);
    // the back-solved 4.36% (from 104 itself) is never an input: it would “explain” the figure by construction
    expect(fit.candidates.some((c) => c.formula.includes('tech_talent_growth_basis1'))).toBe(false);
    expect(fit.nearest[0]!.formula).toBe('elastic(tech_talent.baseline, injury_growth, 1.3, 5)');
  });

  it('高技能人才 39: seven hypotheses within ±1, the one without a grid parameter first', () => {
    const found = list('high_skill_talent');
    expect(found.map(([f]) => f)).toEqual([
      'linear(high_skill_talent.baseline, returnee_per_year, 5)',
      'elastic(high_skill_talent.baseline, injury_growth_basis1, 0.7, 5)',
      'elastic(high_skill_talent.baseline, injury_growth, 0.8, 5)',
      'elastic(high_skill_talent.baseline, injury_growth, 0.7, 5)',
      'elastic(high_skill_talent.baseline, injury_growth_basis1, 0.6, 5)',
      'elastic(high_skill_talent.baseline, injury_growth, 0.9, 5)',
      'elastic(high_skill_talent.baseline, injury_growth_basis1, 0.8, 5)',
    ]);
    expect(found[0]![1]).toBeCloseTo(34 + 5 * 0.9625, 9); // 38.8125
    expect(found[1]![1]).toBeCloseTo(34 * 1.028 ** 5, 9); // 39.03
  });

  it('工伤 221 (a figure the document does explain): the search finds the document’s own method among related candidates', () => {
    const fit = fitFigure(model, result, 'injury_insured', '2025年参保人数');
    expect(fit.figure.tolerance).toBeCloseTo(2.21, 9);
    const formulas = fit.candidates.map((c) => c.formula);
    expect(formulas).toContain('compound(last(injury_provincial_targets), mean_growth(injury_provincial_targets), 5)');
    const own = fit.candidates.find((c) => c.method === 'series_mean_growth')!;
    expect(own.value).toBeCloseTo(186.5 * (1 + result.assumptions.find((a) => a.id === 'injury_growth')!.value) ** 5, 9);
    expect(own.related).toBe(true);
    // related first, then fewer grid parameters, then the smaller difference
    const firstUnrelated = fit.candidates.findIndex((c) => !c.related);
    expect(fit.candidates.slice(firstUnrelated).every((c) => !c.related)).toBe(true);
    expect(fit.candidates[0]!.formula).toBe('compound(last(injury_provincial_targets), cagr(injury_provincial_targets), 5)');
    expect(fit.candidates.filter((c) => c.method === 'holt').map((c) => c.formula)).toEqual([
      'holt(injury_provincial_targets, 0.4, 0.6, 5)',
      'holt(injury_provincial_targets, 0.6, 0.6, 5)',
      'holt(injury_provincial_targets, 0.6, 0.8, 5)',
      'holt(injury_provincial_targets, 0.2, 1, 5)',
      'holt(injury_provincial_targets, 0.6, 1, 5)',
    ]);
  });

  it('a growth-rate figure: the series’ mean growth is the nearest, 3.5329% against the stated 3.5308% (outside ±0.00005%)', () => {
    const fit = fitFigure(model, result, 'injury_insured', '省定目标平均增长率');
    expect(fit.candidates).toEqual([]);
    expect(fit.nearest[0]!.formula).toBe('mean_growth(injury_provincial_targets)');
    expect(fit.nearest[0]!.value).toBeCloseTo(0.035329, 6);
  });

  it('a cumulative figure: decay of the yearly increments is the nearest to the chosen 15 (13.79)', () => {
    const fit = fitFigure(model, result, 'rural_labour_transfer');
    expect(fit.figure.value).toBe(15);
    expect(fit.nearest[0]!.formula).toBe('decay(rural_transfer_increments, 5)');
    expect(fit.nearest[0]!.value).toBeCloseTo(13.79, 2);
  });

  it('bounded and deterministic: the same list twice, the declared grids only, the model untouched', () => {
    const before = JSON.stringify(model.spec);
    const a = fitFigure(model, result, 'injury_insured', '2025年参保人数');
    const b = fitFigure(model, result, 'injury_insured', '2025年参保人数');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(model.spec)).toBe(before);
    expect(a.tried).toBe(479);
    for (const c of a.candidates) {
      if ('alpha' in c.params) expect(FIT_SMOOTHING_GRID).toContain(c.params['alpha']);
      if ('beta' in c.params) expect(FIT_SMOOTHING_GRID).toContain(c.params['beta']);
      if ('elasticity' in c.params) expect(FIT_ELASTICITY_GRID).toContain(c.params['elasticity']);
    }
  });

  it('every candidate pasted into the model as a derivation (the report’s YAML snippet) computes its value there', () => {
    const fit = fitFigure(model, result, 'high_skill_talent');
    const dir = mkdtempSync(join(tmpdir(), 'cesuan-fit-'));
    copyFileSync(`${repoRoot}/models/henan-parent-14th.yaml`, join(dir, 'henan-parent-14th.yaml'));
    const doc = parseDocument(readFileSync(`${repoRoot}/models/zhengzhou-hrss-14th.yaml`, 'utf8'));
    for (const c of fit.candidates) {
      const snippet = parse(fitSnippet(fit, c, 'zh')) as Record<string, unknown>;
      doc.setIn(['indicators', 'high_skill_talent', 'derivations', c.derivation.id], doc.createNode(snippet[c.derivation.id]));
    }
    const path = join(dir, 'zhengzhou-hrss-14th.yaml');
    writeFileSync(path, doc.toString({ lineWidth: 0 }));
    const pasted = new Evaluator(loadModel(path)).result().indicators.find((i) => i.id === 'high_skill_talent')!;
    for (const c of fit.candidates) expect(pasted.derivations.find((d) => d.id === c.derivation.id)!.value).toBeCloseTo(c.value, 12);
    // pasted beside the primary, the projection is unchanged
    expect(pasted.projection).toBe(result.indicators.find((i) => i.id === 'high_skill_talent')!.projection);
  });

  it('bad input: an unknown indicator or figure names what there is', () => {
    expect(() => fitFigure(model, result, 'no_such')).toThrow(FitInputError);
    expect(() => fitFigure(model, result, 'no_such')).toThrow(/no indicator "no_such" \(indicators: new_urban_jobs,/);
    expect(() => fitFigure(model, result, 'tech_talent', '2030')).toThrow(
      /tech_talent: no stated figure "2030" \(figures: 2025年专业技术人才总量;/,
    );
  });

  it('runs on every not-reproducible or mismatched figure of every shipped model, each candidate within its tolerance', () => {
    let figures = 0;
    for (const file of readdirSync(`${repoRoot}/models`).filter((f) => f.endsWith('.yaml'))) {
      const m = loadModel(`${repoRoot}/models/${file}`);
      const r = new Evaluator(m).result();
      for (const c of r.audit.filter((x) => x.verdict === 'not_reproducible' || x.verdict === 'mismatch')) {
        const fit = fitFigure(m, r, c.indicator, c.key);
        figures++;
        expect(fit.figure.key).toBe(c.key);
        for (const k of fit.candidates) expect(Math.abs(k.value - c.stated)).toBeLessThanOrEqual(c.tolerance * (1 + 1e-9));
      }
    }
    expect(figures).toBeGreaterThan(20); // 34 when written; other models may gain or settle figures
  });
});
