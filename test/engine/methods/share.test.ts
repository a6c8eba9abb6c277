import { describe, expect, it } from 'vitest';
import { share } from '../../../src/engine/methods/share.js';

describe('share', () => {
  it('城镇新增就业 测算依据: 500万 × 11.3% = 56.5万', () => {
    expect(share(500, 0.113)).toBeCloseTo(56.5, 10);
  });
  it('专技职业资格证书: 120万 × 30% = 36万', () => {
    expect(share(120, 0.3)).toBeCloseTo(36, 10);
  });
});
