import { describe, expect, it } from 'vitest';
import { increments } from '../../../src/engine/methods/increments.js';

describe('increments', () => {
  it('失业保险参保 2017 → 2018: 190.29 − 189.32 = 0.97 (“比上年增长1万人”)', () => {
    expect(increments([189.32, 190.29])[0]).toBeCloseTo(0.97, 10);
  });
  it('2015 → 2020 increments add up to 250.01 − 166.80 = 83.21 (the text states 83.93)', () => {
    const series = [166.8, 181.93, 189.32, 190.29, 212.0, 250.01];
    expect(increments(series).reduce((a, b) => a + b, 0)).toBeCloseTo(250.01 - 166.8, 10);
  });
});
