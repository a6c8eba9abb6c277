/**
 * Issue #12 "Reports in Chinese": run, audit, explain, plan, track, compare, solve, mc, sensitivity and list
 * speak Chinese by default (the TUI's terms: 基期, 预测, 目标, 达成/未达成, 约束性/预期性), English with
 * `--lang en`. JSON keys stay English; the CSV header follows --lang; columns stay aligned (string-width).
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cesuan } from '../helpers/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const ZHENGZHOU = 'models/zhengzhou-hrss-14th.yaml';
const run = (...args: string[]) => {
  const r = cesuan(args, { cwd: root });
  expect(r.stderr, args.join(' ')).not.toMatch(/internal error/);
  return r;
};

/** Display column at which `needle` starts in `line`. */
const columnOf = (line: string, needle: string) => stringWidth(line.slice(0, line.indexOf(needle)));

describe('reports are Chinese by default', () => {
  it('run: the TUI’s column names and verdicts; 工伤保险 221.86 against ≥210 is 达成', () => {
    const r = run('run', ZHENGZHOU);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('#'))!;
    for (const word of ['指标', '单位', '类型', '属性', '基期', '预测', '目标', '判定', '差距']) expect(header).toContain(word);
    const injury = lines.find((l) => l.includes('工伤保险参保人数'))!;
    expect(injury).toMatch(/存量 +约束性 +195\.97 +221\.86 +≥210 +达成 +\+11\.86$/);
    expect(r.stdout).not.toMatch(/\bmet\b|binding|projection/);
  });

  it('run: the Chinese columns line up, CJK counted two columns wide', () => {
    const lines = run('run', ZHENGZHOU).stdout.split('\n');
    const header = lines.find((l) => l.startsWith('#'))!;
    const rule = lines.findIndex((l) => l.startsWith('─'));
    const rows = lines.slice(rule + 1, lines.indexOf('', rule));
    expect(rows.length).toBeGreaterThan(15);
    // right-aligned numbers end where their header ends; the verdict column starts where 判定 starts
    const projectionEnd = columnOf(header, '预测') + stringWidth('预测');
    const verdictAt = columnOf(header, '判定');
    for (const row of rows) {
      const verdict = row.match(/(达成|未达成!?|无目标|未建模)/)![0];
      expect(columnOf(row, ` ${verdict} `) + 1, row).toBe(verdictAt);
      const cells = row.slice(0, row.indexOf(` ${verdict} `)).trimEnd();
      const throughProjection = cells.slice(0, cells.lastIndexOf(' ')).trimEnd();
      expect(stringWidth(throughProjection), row).toBe(projectionEnd);
    }
  });

  it('audit: 核对, 文件所述 / 复算 and the verdicts in Chinese', () => {
    const r = run('audit', ZHENGZHOU);
    expect(r.stdout).toMatch(/^核对 — 郑州市/);
    expect(r.stdout).toMatch(/文件所述数字 \d+ 个：一致 \d+，舍入一致 \d+，约数相符 \d+，不一致 \d+，不可复现 \d+/);
    expect(r.stdout).toContain('✓ 一致');
  });

  it('explain: 基期, 目标, 预测, 公式, 文件所述', () => {
    const r = run('explain', ZHENGZHOU, 'injury_insured');
    expect(r.stdout).toContain('万人，存量，约束性');
    expect(r.stdout).toMatch(/基期 2020：195\.97 +目标 2025：≥210/);
    expect(r.stdout).toContain('预测（basis2）：221.86 → 达成，差距 +11.86');
    expect(r.stdout).toContain('公式：compound(186.5, injury_growth, 5)');
    expect(r.stdout).toMatch(/· 2025年参保人数：文件所述 221，复算 221\.8556/);
  });

  it('plan, track, compare, solve', () => {
    expect(run('plan', ZHENGZHOU, '-i', 'injury_insured').stdout).toMatch(
      /年度分解 2021–2025：[\s\S]*工伤保险参保人数 +万人 +存量 +186\.5 +193\.09[\s\S]*✓ 期末 = 预测/,
    );
    const track = run('track', 'scenarios/zhengzhou-midterm-2022.yaml').stdout;
    expect(track).toContain('中期评估：实际值与规划路径');
    expect(track).toMatch(/工伤保险参保人数 \(约束性\) .* 进度正常/);
    const compare = run('compare', ZHENGZHOU, 'scenarios/zhengzhou-slower-insurance.yaml').stdout;
    expect(compare).toMatch(/判定 A +判定 B/);
    const solve = run('solve', ZHENGZHOU, 'injury_insured', '--for', 'injury_growth').stdout;
    expect(solve).toMatch(/求解 .*\(injury_growth\)|求解 .*（injury_growth）/);
    expect(solve).toMatch(/^ {2}解：injury_growth = 2\.40\d*%/m);
    expect(solve).toMatch(/^ {2}当前：injury_growth = 3\.5329% → 221\.8556 万人/m);
    expect(run('solve', ZHENGZHOU, 'injury_insured', '--for', 'injury_growth', '-t', '400').stdout).toMatch(/^ {2}无解：/m);
  });

  it('mc and sensitivity', () => {
    const mc = run('mc', 'scenarios/zhengzhou-uncertain.yaml', '-n', '500').stdout;
    expect(mc).toContain('蒙特卡洛：500 次抽样，种子 1');
    expect(mc).toMatch(/工伤保险参保人数.*!! 约束性 < 90%/);
    const sens = run('sensitivity', 'scenarios/zhengzhou-uncertain.yaml', 'social_card_holders').stdout;
    expect(sens).toContain('▒ 低端  █ 高端  │ 基准');
  });

  it('list', () => {
    const r = run('list');
    expect(r.stdout.split('\n')[0]).toMatch(/^id +指标 +假设 +引用 +标题$/);
    expect(r.stdout).toMatch(/zhengzhou-hrss-14th +20（含 2 个子项）/);
  });
});

describe('--lang en, CSV headers, JSON keys', () => {
  it('--lang en gives the English report', () => {
    const r = run('run', ZHENGZHOU, '--lang', 'en');
    expect(r.stdout).toMatch(/工伤保险参保人数 .* stock +binding +195\.97 +221\.86 +≥210 +met +\+11\.86/);
    expect(run('audit', ZHENGZHOU, '--lang', 'en').stdout).toMatch(/^Audit — /);
  });

  it('the CSV header follows --lang; the rows are the same', () => {
    const zh = run('run', ZHENGZHOU, '-f', 'csv').stdout.split('\n');
    const en = run('run', ZHENGZHOU, '-f', 'csv', '--lang', 'en').stdout.split('\n');
    expect(en[0]).toMatch(/^id,number,label,unit,group,kind,attribute,baseline,target_op,target,projection,verdict,gap/);
    expect(zh[0]).toMatch(/^代码,序号,名称,单位,分组,类型,属性,基期,目标比较,目标,预测,判定,差距/);
    expect(zh.slice(1)).toEqual(en.slice(1));
  });

  it('JSON keys stay English whatever --lang says', () => {
    const a = run('run', ZHENGZHOU, '-f', 'json').stdout;
    expect(run('run', ZHENGZHOU, '-f', 'json', '--lang', 'en').stdout).toBe(a);
    expect(JSON.parse(a).indicators[0]).toHaveProperty('projection');
  });

  it('an unknown language is bad input (exit 2)', () => {
    const r = run('run', ZHENGZHOU, '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang must be one of zh, en, not "fr"');
    expect(r.stdout).toBe('');
  });
});
