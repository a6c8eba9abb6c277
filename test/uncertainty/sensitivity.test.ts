import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/engine/uncertainty/distributions.js';
import { Evaluator } from '../../src/engine/graph/evaluate.js';
import { compound } from '../../src/engine/methods/compound.js';
import { sensitivity, sensitivityWith } from '../../src/engine/uncertainty/sensitivity.js';
import { loadModel, loadScenario } from '../../src/model/load.js';
import { renderSensitivity } from '../../src/report/uncertainty.js';

const root = (path: string) => new URL(`../../${path}`, import.meta.url).pathname;
const scenario = loadScenario(root('scenarios/zhengzhou-uncertain.yaml'));

describe('one-at-a-time sensitivity (tornado)', () => {
  it('工伤保险: injury_growth swung over its P10–P90 crosses the 210 target', () => {
    const result = sensitivity(scenario.model, 'injury_insured', { uncertain: scenario.spec.uncertain });
    expect(result.swings).toHaveLength(1);
    const [s] = result.swings;
    const cut = truncate({ dist: 'normal', mean: 0.0353, sd: 0.0105 }, [0, 0.08]);
    expect(s).toMatchObject({
      key: 'injury_growth',
      basis: 'distribution',
      low: cut.quantile(0.1),
      high: cut.quantile(0.9),
      metAtLow: false,
      metAtHigh: true,
    });
    expect(s!.atLow).toBe(compound(186.5, cut.quantile(0.1), 5));
    expect(s!.atHigh).toBe(compound(186.5, cut.quantile(0.9), 5));
    expect(s!.swing).toBeCloseTo(28.82, 2);
  });

  it('社会保障卡: assumptions ranked by swing; the historical 2019 population (fixed: true) is not swung', () => {
    const result = sensitivity(scenario.model, 'social_card_holders', { uncertain: scenario.spec.uncertain });
    expect(result.swings.map((s) => s.key)).toEqual(['card_coverage_2025', 'pop_increase_per_year']);
    expect(result.fixed.map((f) => f.key)).toEqual(['resident_pop_2019']);
    for (let i = 1; i < result.swings.length; i++) expect(result.swings[i - 1]!.swing).toBeGreaterThanOrEqual(result.swings[i]!.swing);
  });

  it('one without a distribution swings over its range (工伤 growth on the model: 186.5 to 186.5 × 1.08^5)', () => {
    const result = sensitivity(scenario.published ?? scenario.model, 'injury_insured');
    const s = result.swings[0]!;
    expect(s).toMatchObject({ key: 'injury_growth', basis: 'range', low: 0, high: 0.08 });
    expect(s.atLow).toBeCloseTo(186.5, 9);
    expect(s.atHigh).toBeCloseTo(186.5 * 1.08 ** 5, 9);
  });

  it('leaves the evaluator as it found it', () => {
    const evaluator = new Evaluator(scenario.model, { injury_growth: 0.03 });
    const before = evaluator.value('injury_insured');
    sensitivityWith(evaluator, 'injury_insured', scenario.spec.uncertain);
    expect(evaluator.getOverrides()).toEqual({ injury_growth: 0.03 });
    expect(evaluator.value('injury_insured')).toBe(before);
  });

  it('a model without distributions swings every assumption over its range', () => {
    const result = sensitivity(loadModel(root('models/zhengzhou-hrss-14th.yaml')), 'pension_insured');
    expect(result.swings.every((s) => s.basis === 'range')).toBe(true);
    expect(result.swings.map((s) => s.key).sort()).toEqual(['pension_rural_growth', 'pension_urban_step']);
  });

  it('the tornado chart draws one bar per assumption, largest first, with the target', () => {
    const text = renderSensitivity(sensitivity(scenario.model, 'pension_insured', { uncertain: scenario.spec.uncertain }), 'table', {
      file: 'x',
      scenario: null,
      lang: 'en',
    });
    const lines = text.split('\n');
    const urban = lines.findIndex((l) => l.includes('pension_urban_step'));
    const rural = lines.findIndex((l) => l.includes('pension_rural_growth'));
    expect(urban).toBeGreaterThan(0);
    expect(rural).toBeGreaterThan(urban);
    expect(lines[urban]).toMatch(/▒+│█+/);
    expect(text).toContain('target ≥904');
  });
});
