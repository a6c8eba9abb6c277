import { describe, expect, it } from 'vitest';
import { linear } from '../../../src/engine/methods/linear.js';

describe('linear', () => {
  it('专栏1 编制说明: 74万 in 2018 + 5万 a year → 84万 at end-2020', () => {
    expect(linear(74, 5, 2)).toBe(84);
  });
  it('城镇新增就业: 12万 a year over five years = 60万', () => {
    expect(linear(0, 12, 5)).toBe(60);
  });
});
