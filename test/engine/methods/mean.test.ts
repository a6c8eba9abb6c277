import { describe, expect, it } from 'vitest';
import { mean } from '../../../src/engine/methods/mean.js';

describe('mean', () => {
  it('技能培训 2016–2020: 26.43 / 5 = 5.286万人次 a year', () => {
    expect(mean([6.45, 5.82, 4.74, 4.93, 4.49])).toBeCloseTo(5.286, 12);
  });
});
