import { describe, expect, it } from 'vitest';
import { compileExpression, type Resolver } from '../../src/engine/graph/expression.js';

const names: Record<string, { slot: number; years?: number[] }> = {
  g: { slot: 0 },
  pension_rural: { slot: 1, years: [2015, 2020] },
  yearly: { slot: 2, years: [2016, 2017, 2018] },
};
const values = [0.035, [226.31, 233.83], [10, 11, 12.1]];
const resolve: Resolver = (parts) => {
  const n = names[parts.join('.')];
  return n ? { key: parts.join('.'), ...n } : undefined;
};
const run = (text: string) => compileExpression(text, resolve).run(values);

describe('expressions', () => {
  it('percent literals are ratios: 11.3% of 500 is 56.5', () => {
    expect(run('500 * 11.3%')).toBeCloseTo(56.5, 12);
  });
  it('cagr of a named series spans its years: 专栏1 城乡居民养老 226.31 (2015) → 233.83 (2020) ≈ 0.66% a year', () => {
    expect(run('cagr(pension_rural)')).toBeCloseTo((233.83 / 226.31) ** (1 / 5) - 1, 14);
  });
  it('cagr of a yearly series and of an unnamed array count one value a year', () => {
    expect(run('cagr(yearly)')).toBeCloseTo(0.1, 12);
    expect(run('cagr([10, 11, 12.1])')).toBeCloseTo(0.1, 12);
  });
  it('at(series, year) reads one year', () => {
    expect(run('at(pension_rural, 2020)')).toBe(233.83);
    expect(() => run('at(pension_rural, 2019)')).toThrow(/no value for 2019/);
  });
  it('series arithmetic is element-wise', () => {
    expect(run('yearly * 2')).toEqual([20, 22, 24.2]);
  });
  it('substitution shows the numbers used', () => {
    expect(compileExpression('compound(186.5, g, 5)', resolve).substitute(values)).toBe('compound(186.5, 0.035, 5)');
  });
  it('lists its dependencies and literals', () => {
    const c = compileExpression('compound(186.5, g, 5) + sum(yearly)', resolve);
    expect(c.deps.sort()).toEqual(['g', 'yearly']);
    expect(c.constants).toEqual([186.5, 5]);
  });
  it.each([
    ['import(1)', /function "import" is not allowed/],
    ['evaluate(1)', /function "evaluate" is not allowed/],
    ['createUnit(1)', /function "createUnit" is not allowed/],
    ['f(x) = x', /not allowed/],
    ['g.constructor', /unknown name "g\.constructor"/],
    ['g["constructor"]', /property and index access are not allowed/],
    ['"text"', /only numbers/],
    ['x = 1', /not allowed/],
    ['unknown_thing + 1', /unknown name "unknown_thing"/],
    ['1e999', /not a finite number/],
  ])('refuses %s', (text, message) => {
    expect(() => compileExpression(text, resolve)).toThrow(message);
  });
});
