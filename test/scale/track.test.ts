/**
 * `cesuan track` — actuals against the planned path and what the remaining years require (engine/planning/track.ts).
 */
import { describe, expect, it } from 'vitest';
import { AT_RISK_SHORTFALL, checkActuals, shortfallOf, verdictFor } from '../../src/engine/planning/track.js';
import { cesuan } from '../helpers/cli.js';
import { INJURY_GROWTH, cesuanJson, close, root, scenario, tempDir, writeScenario } from './fixtures.js';

interface Track {
  indicator: string;
  last: number;
  last_year: number;
  remaining: number;
  required: number;
  pace: number;
  at_pace: number;
  deviation: number;
  verdict: string;
  measure: string;
  years: { year: number; actual: number | null; planned: number | null; deviation: number | null }[];
}

const dir = tempDir();
const file = writeScenario(
  dir,
  'midterm',
  `name: 手工中期数据
actuals:
  injury_insured: { 2021: 199, 2022: 202 }
  new_urban_jobs: { 2021: 13, 2022: 11 }
  pension_urban: { 2021: 580, 2022: 590 }
  unemployment_rate: { 2021: 2.5, 2022: 3.8 }
`,
);
const track = cesuanJson<{ indicators: Track[] }>(['track', file, '--format', 'json']);
const byId = (id: string) => track.indicators.find((t) => t.indicator === id)!;

describe('track with hand-made actuals for 2021–2022', () => {
  it('工伤保险 (stock): required growth (210/202)^(1/3) − 1; deviation from 186.5 × (1+g)²', () => {
    const t = byId('injury_insured');
    expect(t.last_year).toBe(2022);
    expect(t.remaining).toBe(3);
    expect(t.measure).toBe('growth');
    close(t.required, (210 / 202) ** (1 / 3) - 1);
    close(t.deviation, 202 - 186.5 * (1 + INJURY_GROWTH) ** 2, 1e-10);
    close(t.pace, (202 / 195.97) ** (1 / 2) - 1);
    close(t.at_pace, 202 * (202 / 195.97) ** (3 / 2), 1e-10);
    expect(t.verdict).toBe('on_track');
  });

  it('城镇新增就业 (cumulative): required amount (60 − 24) / 3 = 12 a year', () => {
    const t = byId('new_urban_jobs');
    expect(t.measure).toBe('amount');
    close(t.last, 24);
    close(t.required, (60 - 24) / 3);
    close(t.deviation, 24 - 24);
    expect(t.verdict).toBe('on_track');
  });

  it('城镇职工养老 (stock, ≥666): behind the path; at the pace so far it ends short → at risk or off track by the 5% rule', () => {
    const t = byId('pension_urban');
    close(t.required, (666 / 590) ** (1 / 3) - 1);
    const atPace = 590 * (590 / 568.14) ** (3 / 2);
    close(t.at_pace, atPace, 1e-10);
    const shortfall = (666 - atPace) / 666;
    expect(t.verdict).toBe(shortfall <= AT_RISK_SHORTFALL ? 'at_risk' : 'off_track');
  });

  it('城镇登记失业率 (rate, ≤4): the change still allowed is (4 − 3.8) / 3 points a year; rising 0.925 a year it ends off track', () => {
    const t = byId('unemployment_rate');
    expect(t.measure).toBe('change');
    close(t.required, (4 - 3.8) / 3);
    close(t.at_pace, 3.8 + ((3.8 - 1.95) / 2) * 3);
    expect(t.verdict).toBe('off_track');
  });

  it('the yearly rows pair actuals with the planned path', () => {
    const t = byId('injury_insured');
    const y2021 = t.years.find((y) => y.year === 2021)!;
    close(y2021.planned!, 186.5 * (1 + INJURY_GROWTH));
    close(y2021.deviation!, 199 - 186.5 * (1 + INJURY_GROWTH), 1e-10);
    expect(t.years.find((y) => y.year === 2024)!.actual).toBeNull();
  });

  it('the sample scenario with actuals runs, and --strict exits 1 only for an off-track binding indicator', () => {
    const r = cesuan(['track', scenario('zhengzhou-midterm-2022'), '--lang', 'en'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/工伤保险参保人数/);
    expect(r.stdout).toMatch(/on track|AT RISK|OFF TRACK/);
    expect(cesuan(['track', file, '--strict'], { cwd: root }).code).toBe(0);
  });
});

describe('track: bad actuals are bad input with file:line:col', () => {
  it('an unknown indicator', () => {
    const bad = writeScenario(dir, 'unknown', 'actuals:\n  injury: { 2021: 199 }\n');
    const r = cesuan(['track', bad], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/unknown\.yaml:3:3: actuals\.injury: "injury" is not an indicator/);
  });
  it('a cumulative indicator with a gap in its years', () => {
    const bad = writeScenario(dir, 'gap', 'actuals:\n  new_urban_jobs: { 2021: 12, 2023: 12 }\n');
    const r = cesuan(['track', bad], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gap\.yaml:3:\d+: actuals\.new_urban_jobs: .*missing 2022/);
  });
  it('a year outside the plan', () => {
    const bad = writeScenario(dir, 'year', 'actuals:\n  injury_insured: { 2019: 180 }\n');
    const r = cesuan(['track', bad], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/year\.yaml:3:\d+: actuals\.injury_insured\.2019: 2019 is outside/);
  });
  it('a model (no actuals) is refused', () => {
    expect(cesuan(['track', scenario('zhengzhou-slower-insurance')], { cwd: root }).code).toBe(2);
  });
});

describe('track engine', () => {
  it('shortfall honours the comparator and the ≈ band', () => {
    expect(shortfallOf(211, { op: '>=', value: 210 })).toBe(0);
    close(shortfallOf(199.5, { op: '>=', value: 210 }), 10.5 / 210);
    expect(shortfallOf(3.9, { op: '<=', value: 4 })).toBe(0);
    close(shortfallOf(4.2, { op: '<=', value: 4 }), 0.2 / 4);
    expect(shortfallOf(61, { op: '≈', value: 60 })).toBe(0);
    close(shortfallOf(63, { op: '≈', value: 60 }), (3 - 1.2) / 60);
  });
  it('verdict thresholds: 0 → on track, ≤ 5% → at risk, more → off track', () => {
    expect(verdictFor(0, true)).toBe('on_track');
    expect(verdictFor(0.05, true)).toBe('at_risk');
    expect(verdictFor(0.0501, true)).toBe('off_track');
    expect(verdictFor(null, false)).toBe('no_target');
  });
  it('checkActuals accepts stock years with gaps', () => {
    expect(checkActuals([{ id: 'a', kind: 'stock' }], { a: { 2021: 1, 2023: 2 } }, { base: 2020, target: 2025 })).toEqual([]);
  });
});
