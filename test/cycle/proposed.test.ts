/**
 * A rolled-over draft's targets are proposals (`proposed: true`): wherever a target is shown for people it is
 * marked （建议）/ (proposed), the verdict says it checks a proposal, and a legend line says what the mark means.
 * Drafts: the national 城镇新增就业 (published 2021–2024 actuals: 1269, 1206, 1244, 1256万) and the Zhengzhou
 * model with its demo actuals, one of whose targets the planner has adopted (proposed dropped).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { meanGrowth } from '../../src/engine/methods/mean-growth.js';
import { loadModel } from '../../src/model/load.js';
import { cesuan } from '../helpers/cli.js';
import { ZHENGZHOU, cesuanJson, root, scenario } from '../scale/fixtures.js';
import { KEY, drive, rowWith } from '../tui/drive.js';

const fixtures = join(root, 'test', 'fixtures', 'cycle');
const out = mkdtempSync(join(tmpdir(), 'cesuan-proposed-'));

// national: the 2021–2024 mean (1243.75) for each of 2025–2030, the six-year total proposed as the target
const nationalFile = join(out, 'national-jobs-15th.yaml');
const national = cesuan(
  ['rollover', join(fixtures, 'national-jobs-14th.yaml'), '--actuals', join(fixtures, 'national-jobs-2024.yaml'), '-o', nationalFile],
  { cwd: root },
);
const NATIONAL_TARGET = ((1269 + 1206 + 1244 + 1256) / 4) * 6;

// Zhengzhou, the planner adopts the 工伤 target: `proposed: true` dropped, the other targets stay proposals
copyFileSync(join(root, 'models', 'henan-parent-14th.yaml'), join(out, 'henan-parent-14th.yaml'));
const zzFile = join(out, 'zhengzhou-hrss-15th.yaml');
const zz = cesuan(['rollover', ZHENGZHOU, '--actuals', scenario('zhengzhou-actuals-2025'), '--to', '2030', '-o', zzFile], { cwd: root });
const doc = parseDocument(readFileSync(zzFile, 'utf8'));
doc.deleteIn(['indicators', 'injury_insured', 'target', 'proposed']);
doc.deleteIn(['indicators', 'injury_insured', 'target', 'published']);
writeFileSync(zzFile, doc.toString());
/** demo actuals of zhengzhou-actuals-2025 (made-up data): the 工伤 target is 223.4 grown at their mean growth, rounded down */
const INJURY_TARGET = Math.floor(223.4 * (1 + meanGrowth([195.97, 199, 202, 209.5, 216.1, 223.4])) ** 5 * 100) / 100;

const run = (...args: string[]) => {
  const r = cesuan(args, { cwd: root });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
/** the table row of an indicator (not the title, which may hold its label) */
const line = (text: string, label: string) => text.split('\n').find((l) => l.includes(label) && l.includes('万人')) ?? '';

afterEach(() => cleanup());

describe('run of a rolled-over draft marks its proposed targets', () => {
  it('the drafts are written (national: every target proposed; Zhengzhou: 工伤 adopted)', () => {
    expect(national.code, national.stderr).toBe(0);
    expect(zz.code, zz.stderr).toBe(0);
    expect(NATIONAL_TARGET).toBe(7462.5);
    expect(INJURY_TARGET).toBeCloseTo(254.72, 2);
  });

  it('table: （建议） on the target, 达成（建议目标） as the verdict, and a legend line under the table', () => {
    const text = run('run', nationalFile);
    expect(line(text, '城镇新增就业')).toContain(`≥[${NATIONAL_TARGET}]（建议）`);
    expect(line(text, '城镇新增就业')).toContain('达成（建议目标）');
    expect(text).toMatch(/\n（建议）：草案的建议目标.*尚待确定/);
  });

  it('an adopted target next to proposed ones carries no mark; a model without proposals has no legend', () => {
    const text = run('run', zzFile);
    const injury = line(text, '工伤保险参保人数');
    expect(injury).toContain(`≥${INJURY_TARGET}`);
    expect(injury).not.toContain('建议');
    expect(injury).toMatch(/达成\s/);
    expect(line(text, '失业保险参保人数')).toMatch(/≥[\d.]+（建议）\s+达成（建议目标）/);
    expect(text).toContain('（建议）：草案的建议目标');
    const adopted = run('run', ZHENGZHOU);
    expect(adopted).not.toContain('建议');
  });

  it('JSON: `proposed` true on a proposal, false on an adopted target; CSV: a proposed column named per --lang', () => {
    const json = cesuanJson<{ indicators: { id: string; target: number; proposed: boolean; verdict: string }[] }>([
      'run',
      zzFile,
      '-f',
      'json',
    ]);
    const byId = (id: string) => json.indicators.find((i) => i.id === id)!;
    expect(byId('injury_insured')).toMatchObject({ target: INJURY_TARGET, proposed: false, verdict: 'met' });
    expect(byId('unemployment_insured').proposed).toBe(true);
    const nat = cesuanJson<{ indicators: { target: number; proposed: boolean }[] }>(['run', nationalFile, '-f', 'json']);
    expect(nat.indicators[0]).toMatchObject({ target: NATIONAL_TARGET, proposed: true });

    const zh = run('run', nationalFile, '-f', 'csv').trim().split('\n');
    const en = run('run', nationalFile, '-f', 'csv', '--lang', 'en').trim().split('\n');
    const column = (lines: string[], name: string) => lines[1]!.split(',')[lines[0]!.split(',').indexOf(name)];
    expect(column(zh, '建议目标')).toBe('true');
    expect(column(en, 'proposed')).toBe('true');
    expect(column(en, 'target')).toBe(String(NATIONAL_TARGET));
    const adopted = run('run', ZHENGZHOU, '-f', 'csv', '--lang', 'en').trim().split('\n');
    expect(column(adopted, 'proposed')).toBe('false');
  });

  it('--lang en: (proposed) on the target, met (proposal), the legend in English; markdown has the legend too', () => {
    const text = run('run', nationalFile, '--lang', 'en');
    expect(line(text, '城镇新增就业')).toContain(`≥[${NATIONAL_TARGET}] (proposed)`);
    expect(line(text, '城镇新增就业')).toContain('met (proposal)');
    expect(text).toMatch(/\n\(proposed\): a draft's proposed target .*not yet adopted/);
    const md = run('run', nationalFile, '-f', 'md');
    expect(line(md, '城镇新增就业')).toContain(`| ≥[${NATIONAL_TARGET}]（建议） | 达成（建议目标） |`);
    expect(md).toContain('（建议）：草案的建议目标');
  });
});

describe('--strict counts adopted binding targets, not proposals', () => {
  it('a missed binding proposal is said under the table, and run --strict still exits 0', () => {
    // 失业保险参保人数 (binding) keeps its proposal: at 1% a year from 280.5 it misses ≥314.7
    const r = cesuan(['run', zzFile, '--set', 'unemployment_insured_growth=0.01', '--strict'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(line(r.stdout, '失业保险参保人数')).toContain('未达成!（建议目标）');
    expect(r.stdout).toContain('约束性指标的建议目标未达成（草案，--strict 不计）：失业保险参保人数');
    expect(r.stdout).not.toContain('!! 约束性指标未达成');
    const en = cesuan(['run', zzFile, '--set', 'unemployment_insured_growth=0.01', '--lang', 'en'], { cwd: root });
    expect(en.stdout).toContain('binding proposals missed (a draft: not counted by --strict): 失业保险参保人数');
  });
  it('the adopted 工伤 target missed: the !! line and exit 1 under --strict', () => {
    // 223.4 × 1.02^5 ≈ 246.65 < 254.72
    expect(223.4 * 1.02 ** 5).toBeCloseTo(246.65, 2);
    const r = cesuan(['run', zzFile, '--set', 'injury_growth=0.02', '--strict'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('!! 约束性指标未达成：工伤保险参保人数');
    expect(r.stdout).not.toContain('约束性指标的建议目标未达成');
  });
  it('batch, compare and sweep --strict count the same way: the missed proposal exits 0, the adopted target 1', () => {
    const proposal = 'unemployment_insured_growth=0.01';
    const adopted = 'injury_growth=0.02';
    const runs = (set: string) => ({
      batch: cesuan(['batch', zzFile, '--set', set, '--strict', '-f', 'csv'], { cwd: root }),
      compare: cesuan(['compare', zzFile, zzFile, '--set', set, '--strict'], { cwd: root }),
      sweep: cesuan(['sweep', zzFile, '--vary', `${set}:${set.split('=')[1]}:0.01`, '--strict', '-f', 'csv'], { cwd: root }),
    });
    for (const [command, r] of Object.entries(runs(proposal))) {
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
      expect(r.stdout, command).toMatch(/未达成|missed/);
    }
    for (const [command, r] of Object.entries(runs(adopted))) expect(r.code, `${command}: ${r.stderr}`).toBe(1);
    // compare's verdicts say what they check against, as run's do; its JSON says which targets are proposals
    expect(line(runs(proposal).compare.stdout, '失业保险参保人数')).toContain('未达成!（建议目标）');
    const json = JSON.parse(run('compare', zzFile, zzFile, '-f', 'json')) as { indicators: { indicator: string; proposed: boolean }[] };
    const proposedOf = (id: string) => json.indicators.find((i) => i.indicator === id)?.proposed;
    expect([proposedOf('unemployment_insured'), proposedOf('injury_insured')]).toEqual([true, false]);
    const [header, ...rows] = run('batch', zzFile, '-f', 'csv')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const column = header!.indexOf('proposed');
    const batchProposed = (id: string) => rows.find((r) => r[1] === id)?.[column];
    expect([batchProposed('unemployment_insured'), batchProposed('injury_insured')]).toEqual(['true', 'false']);
  });
});

describe('the other reports mark a proposal too', () => {
  it('explain, plan, and the 测算说明 (which proposes rather than decides)', () => {
    const explain = run('explain', nationalFile, 'new_urban_jobs');
    expect(explain).toContain(`目标 2030：≥[${NATIONAL_TARGET}]（建议）`);
    expect(explain).toContain('→ 达成（建议目标）');
    expect(run('explain', nationalFile, 'new_urban_jobs', '--lang', 'en')).toContain(`target 2030: ≥[${NATIONAL_TARGET}] (proposed)`);

    const plan = run('plan', nationalFile);
    expect(line(plan, '城镇新增就业')).toContain(`≥[${NATIONAL_TARGET}]（建议）`);
    expect(plan).toContain('（建议）：草案的建议目标');

    const write = run('write', nationalFile, '-f', 'md', '--with', 'projection');
    expect(write).toContain(`综合考虑，建议将城镇新增就业确定为五年累计${NATIONAL_TARGET}万人以上（建议目标，尚待确定）。`);
    expect(line(write, '城镇新增就业（万人） |')).toContain('达成（建议目标）');
    // the adopted 工伤 target is decided; 失业保险's (its chosen value is the same proposal) is proposed
    const zzWrite = run('write', zzFile, '-f', 'md');
    expect(zzWrite).toContain(`综合考虑，将工伤保险参保人数确定为${INJURY_TARGET}万人。`);
    expect(zzWrite).toMatch(/综合考虑，建议将失业保险参保人数确定为[\d.]+万人（建议目标，尚待确定）。/);
  });

  it('compare and sensitivity mark the target too', () => {
    const scenarioFile = join(out, 'national-1200.yaml');
    writeFileSync(scenarioFile, `model: ${nationalFile}\nset:\n  jobs_per_year: 1200\n`);
    expect(line(run('compare', nationalFile, scenarioFile), '城镇新增就业')).toMatch(
      new RegExp(`^城镇新增就业\\s+万人\\s+${NATIONAL_TARGET}（建议）\\s`),
    );
    expect(run('sensitivity', nationalFile, 'new_urban_jobs')).toContain(`目标 ≥${NATIONAL_TARGET}（建议）`);
  });

  it('track: the target column is marked and the legend says why', () => {
    // made-up 2025–2026 figures (demo data): only the rendering of the target is under test
    const scenarioFile = join(out, 'national-demo-actuals.yaml');
    writeFileSync(scenarioFile, `model: ${nationalFile}\nactuals:\n  new_urban_jobs: { 2025: 1267, 2026: 1250 }\n`);
    const text = run('track', scenarioFile);
    expect(line(text, '城镇新增就业  ')).toContain(`≥[${NATIONAL_TARGET}]（建议）`);
    expect(text).toContain('（建议）：草案的建议目标');
  });
});

describe('the TUI marks a proposal', () => {
  it('overview: ? after a proposed target, none after the adopted one, the legend first; labels keep their width', async () => {
    const d = await drive({ model: loadModel(zzFile), scenariosDir: out });
    const screen = d.screen();
    expect(rowWith(screen, '工伤保险参保人数')).toMatch(new RegExp(`≥${INJURY_TARGET}\\s`));
    expect(rowWith(screen, '失业保险参保人数')).toMatch(/≥[\d.]+\? /);
    expect(screen).toContain('? 建议目标（草案，尚待确定）');
    // the mark costs one column at 80: 新增返乡下乡创业人数 (20 columns, shown whole without proposals) loses one character
    expect(rowWith(screen, '新增返乡下乡创业人…')).toBeTruthy();
    for (const l of d.lines()) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    d.unmount();

    const published = await drive({ model: loadModel(ZHENGZHOU), scenariosDir: out });
    expect(published.screen()).not.toContain('建议目标');
    expect(published.screen()).not.toMatch(/≥[\d.]+\?/);
    published.unmount();
  });

  it('footer: a missed binding proposal is said apart, not as “!! 约束性指标未达成”', async () => {
    // 失业保险参保人数 (binding, proposed) at 1% a year misses its proposal, as in run --strict above
    const slow = parseDocument(readFileSync(zzFile, 'utf8'));
    slow.setIn(['assumptions', 'unemployment_insured_growth', 'default'], 0.01);
    const file = join(out, 'slow', 'zhengzhou-hrss-15th.yaml');
    mkdirSync(join(out, 'slow'), { recursive: true });
    copyFileSync(join(root, 'models', 'henan-parent-14th.yaml'), join(out, 'slow', 'henan-parent-14th.yaml'));
    writeFileSync(file, slow.toString());
    const d = await drive({ model: loadModel(file), scenariosDir: out, rows: 40 });
    expect(d.screen()).toContain('约束性指标的建议目标未达成（草案）：失业保险参保人数');
    expect(d.screen()).not.toContain('!! 约束性指标未达成');
    d.unmount();
  });

  it('detail: the target spelled out （建议） and the verdict a check against the proposal; English too', async () => {
    const d = await drive({ model: loadModel(nationalFile), scenariosDir: out });
    await d.press(KEY.enter);
    expect(d.screen()).toContain(`目标 2030 ≥[${NATIONAL_TARGET}]（建议）`);
    expect(d.screen()).toContain('达成（建议目标）');
    d.unmount();

    const en = await drive({ model: loadModel(nationalFile), scenariosDir: out, lang: 'en' });
    expect(en.screen()).toContain('? proposed target (draft, not yet adopted)');
    await en.press(KEY.enter);
    expect(en.screen()).toContain(`≥[${NATIONAL_TARGET}] (proposed)`);
    expect(en.screen()).toContain('met (proposal)');
    en.unmount();
  });
});
