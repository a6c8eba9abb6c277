/**
 * `cesuan plan` — the annual decomposition 2021–2025 (engine/planning/plan.ts).
 */
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';
import { INJURY_GROWTH, ZHENGZHOU, cesuanJson, close, root, scenario } from './fixtures.js';

interface PlanYear {
  year: number;
  value: number;
  toDate: number | null;
  change: number | null;
  growth: number | null;
}
interface Plan {
  id: string;
  kind: string;
  projection: number | null;
  total: number | null;
  consistent: boolean;
  years: PlanYear[];
}

const plan = cesuanJson<{ indicators: Plan[] }>(['plan', ZHENGZHOU, '--format', 'json']);
const byId = (id: string) => plan.indicators.find((p) => p.id === id)!;

describe('plan: annual decomposition', () => {
  it('城镇新增就业 (cumulative): 12万 a year, 2021–2025, summing to the five-year [60]', () => {
    const p = byId('new_urban_jobs');
    expect(p.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const y of p.years) close(y.value, 12);
    close(
      p.years.reduce((s, y) => s + y.value, 0),
      60,
    );
    close(p.years[4]!.toDate!, 60);
  });

  it('every cumulative indicator sums back to its five-year figure', () => {
    const cumulative = plan.indicators.filter((p) => p.kind === 'cumulative' && p.projection !== null);
    expect(cumulative.length).toBeGreaterThanOrEqual(4);
    for (const p of cumulative) {
      expect(p.years).toHaveLength(5);
      close(
        p.years.reduce((s, y) => s + y.value, 0),
        p.projection!,
        1e-9,
      );
      expect(p.consistent).toBe(true);
    }
  });

  it('新增农村劳动力转移就业 (decaying increments) sums to its decay() total', () => {
    const p = byId('rural_labour_transfer');
    const amounts = p.years.map((y) => y.value);
    for (let i = 1; i < amounts.length; i++) expect(amounts[i]!).toBeLessThan(amounts[i - 1]!);
    close(
      amounts.reduce((s, v) => s + v, 0),
      p.projection!,
      1e-9,
    );
  });

  it('工伤保险 (stock): year-end values 186.5 × (1 + g)^t, each year growing by g', () => {
    const p = byId('injury_insured');
    expect(p.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    p.years.forEach((y, t) => close(y.value, 186.5 * (1 + INJURY_GROWTH) ** t));
    for (const y of p.years.slice(1)) close(y.growth!, INJURY_GROWTH, 1e-9);
    close(p.total!, p.projection!);
  });

  it('a scenario plans its own path: 职工养老 568.14 + 15t under 社保扩面放缓', () => {
    const s = cesuanJson<{ indicators: Plan[] }>(['plan', scenario('zhengzhou-slower-insurance'), '-f', 'json', '-i', 'pension_urban']);
    expect(s.indicators).toHaveLength(1);
    s.indicators[0]!.years.forEach((y, t) => close(y.value, 568.14 + 15 * t));
  });

  it('the table shows the years as columns and the Σ of cumulative indicators in brackets', () => {
    const r = cesuan(['plan', ZHENGZHOU], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2021\s+2022\s+2023\s+2024\s+2025/);
    expect(r.stdout).toMatch(/城镇新增就业人数.*\[60\]/);
  });
});
