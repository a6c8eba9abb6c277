import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CesuanError } from '../../src/model/errors.js';
import { loadModel, loadScenario } from '../../src/model/load.js';

const dir = mkdtempSync(join(tmpdir(), 'cesuan-uncertain-'));
const mini = new URL('../../test/fixtures/mini.yaml', import.meta.url).pathname;

/** Load a scenario on the mini model whose `uncertain:` block is `body`; return the error line. */
function scenarioError(name: string, body: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `model: ${mini}\nname: ${name}\nuncertain:\n${body}`);
  try {
    loadScenario(path);
  } catch (err) {
    expect(err).toBeInstanceOf(CesuanError);
    return (err as CesuanError).line.replace(path, `${name}.yaml`);
  }
  throw new Error('expected an error');
}

describe('distribution validation names file:line:col and the field', () => {
  it('min above max (uniform)', () => {
    expect(scenarioError('uniform', '  injury_growth: { dist: uniform, min: 0.05, max: 0.02 }\n')).toBe(
      'uniform.yaml:4:40: uncertain.injury_growth.min: min 0.05 is above max 0.02',
    );
  });

  it('the mode outside [min, max] (triangular), written as a block mapping', () => {
    expect(scenarioError('triangular', '  injury_growth:\n    dist: triangular\n    min: 0.01\n    mode: 0.05\n    max: 0.04\n')).toBe(
      'triangular.yaml:7:11: uncertain.injury_growth.mode: mode 0.05 is outside [min, max] = [0.01, 0.04]',
    );
  });

  it('a negative sd (normal)', () => {
    expect(scenarioError('negative-sd', '  injury_growth: { dist: normal, mean: 0.035, sd: -0.01 }\n')).toBe(
      'negative-sd.yaml:4:51: uncertain.injury_growth.sd: sd must not be negative',
    );
  });

  it('no spread: sd 0, or min = max', () => {
    expect(scenarioError('zero-sd', '  injury_growth: { dist: normal, mean: 0.035, sd: 0 }\n')).toMatch(
      /^zero-sd\.yaml:4:51: uncertain\.injury_growth\.sd: sd is 0: the distribution has no spread/,
    );
    expect(scenarioError('flat', '  injury_growth: { dist: pert, min: 0.03, mode: 0.03, max: 0.03 }\n')).toMatch(
      /^flat\.yaml:4:60: uncertain\.injury_growth\.max: min and max are both 0\.03/,
    );
  });

  it('a backwards interval', () => {
    expect(scenarioError('interval', '  injury_growth: { dist: interval, to: [0.05, 0.02] }\n')).toBe(
      'interval.yaml:4:40: uncertain.injury_growth.to: the interval [0.05, 0.02] runs backwards: write the low end first',
    );
  });

  it('a percentage where a ratio belongs: nothing left inside the range, with the hint', () => {
    expect(scenarioError('percent', '  injury_growth: { dist: normal, mean: 3.5, sd: 1 }\n')).toBe(
      "percent.yaml:4:18: uncertain.injury_growth: normal(mean 3.5, sd 1) puts less than 0.01% of its probability inside the assumption's range [0, 0.08] (it is cut to the range; at least 1% must remain); rates are ratios here (0.035 = 3.5%)",
    );
  });

  it('lognormal parameters given as the value instead of its logarithm', () => {
    expect(scenarioError('lognormal', '  injury_growth: { dist: lognormal, mu: 0.035, sigma: 0.2 }\n')).toMatch(
      /mu and sigma are of ln x \(this median is e\^mu = 1\.03562\); for a median of 0\.04 write mu: -3\.21888$/,
    );
  });

  it('an unknown assumption', () => {
    expect(scenarioError('unknown', '  injury_grwth: { dist: uniform, min: 0.01, max: 0.05 }\n')).toBe(
      'unknown.yaml:4:17: uncertain.injury_grwth: "injury_grwth" is not an assumption of mini (assumptions: injury_growth; imported ones as alias.name)',
    );
  });

  it('an unknown distribution', () => {
    expect(scenarioError('gamma', '  injury_growth: { dist: gamma, shape: 2 }\n')).toMatch(
      /^gamma\.yaml:4:26: uncertain\.injury_growth\.dist: expected one of "normal", "lognormal", "uniform", "triangular", "pert", "interval", not "gamma"$/,
    );
  });

  it('in a model: assumptions.<id>.uncertain', () => {
    const path = join(dir, 'model.yaml');
    writeFileSync(
      path,
      [
        'id: bad-model',
        'title: 模型',
        'years: { base: 2020, target: 2025 }',
        'sources: { a: { title: t } }',
        'assumptions:',
        '  g:',
        '    label: 增长率',
        '    unit: ratio',
        '    default: 0.03',
        '    range: [0, 0.08]',
        '    uncertain: { dist: triangular, min: 0.04, mode: 0.03, max: 0.05 }',
        'indicators: {}',
        '',
      ].join('\n'),
    );
    expect(() => loadModel(path)).toThrow(CesuanError);
    try {
      loadModel(path);
    } catch (err) {
      expect((err as CesuanError).line).toBe(
        `${(err as CesuanError).position!.file}:11:53: assumptions.g.uncertain.mode: mode 0.03 is outside [min, max] = [0.04, 0.05]`,
      );
    }
  });

  it('the shipped scenario is valid', () => {
    expect(() => loadScenario(new URL('../../scenarios/zhengzhou-uncertain.yaml', import.meta.url).pathname)).not.toThrow();
  });
});
