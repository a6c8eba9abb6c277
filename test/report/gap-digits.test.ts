/**
 * Issue #14 bug 1, on the command line: a target missed by less than the shown precision must not read
 * "未达成  0". 186.5 × 1.024019^5 = 209.99981… misses 210 (binding) by 0.00019; the gap shows those digits.
 */
import { describe, expect, it } from 'vitest';
import { formatSigned } from '../../src/report/numbers.js';
import { cesuan } from '../helpers/cli.js';

const ZHENGZHOU = 'models/zhengzhou-hrss-14th.yaml';

describe('a gap that rounds to zero is shown with the digits that explain the verdict', () => {
  it('工伤 at 2.4019%: 186.5 × 1.024019^5 ≈ 209.99981, 未达成! with gap −0.00019, never 0', () => {
    const projection = 186.5 * 1.024019 ** 5;
    expect(projection).toBeCloseTo(209.99981, 5);
    const r = cesuan(['run', ZHENGZHOU, '--set', 'injury_growth=2.4019%']);
    const row = r.stdout.split('\n').find((l) => l.startsWith('8 '));
    expect(row).toMatch(/未达成!\s+−0\.00019\s*$/);
  });

  it('the formatter: 2 decimals as usual, significant digits only when they would read 0', () => {
    expect(formatSigned(-0.000187, '万人', undefined, 210)).toBe('−0.00019');
    expect(formatSigned(0.0000842, 'ratio', undefined, 0.5)).toBe('+0.0084pp');
    expect(formatSigned(-1.21, '万人', undefined, 15)).toBe('−1.21');
    expect(formatSigned(210 * 1e-12, '万人', undefined, 210)).toBe('0');
  });
});
