/**
 * `cesuan write`: the Zhengzhou 测算说明 generated from the model reads like the original, paragraph by paragraph
 * (differences only where the audit flags the original's number); every number in every paragraph recomputes
 * through the engine; the .docx has the indicator table (header row repeated) and the paragraphs.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compileExpression, type Resolver } from '../../src/engine/graph/expression.js';
import { evaluate, programFor } from '../../src/engine/graph/evaluate.js';
import { loadModel } from '../../src/model/load.js';
import { renderTemplate } from '../../src/report/template.js';
import { buildDocument, type Block, type WriteDocument } from '../../src/report/writer/index.js';
import { cesuan } from '../helpers/cli.js';
import { repoRoot } from '../helpers/model.js';

const ZZ = 'models/zhengzhou-hrss-14th.yaml';
const seed = readFileSync(resolve(repoRoot, '../shared/seeds/003_ec8b82c3b8b13a4a.txt'), 'utf8').split('\n');
const lines = (...ns: number[]) => ns.map((n) => seed[n - 1]!.replace(/^测算依据：/, '')).join('');
const odd = (from: number, to: number) => Array.from({ length: (to - from) / 2 + 1 }, (_, i) => from + 2 * i);

/** Each indicator's 测算依据 in the original appendix (003_…, lines 1043–1270); a page break splits some paragraphs. */
const ORIGINAL: Record<string, string> = {
  new_urban_jobs: lines(1059),
  rural_labour_transfer: lines(1067),
  returnee_entrepreneurship: lines(1077),
  rural_skills_training_total: lines(1085),
  unemployment_rate: lines(1093, 1095),
  pension_urban: lines(1107),
  pension_rural: lines(1115),
  unemployment_insured: lines(...odd(1123, 1143)),
  injury_insured: lines(1153, 1157),
  tech_talent: lines(1167, 1171, 1175),
  high_title_talent: lines(1183, 1187, 1189),
  cert_new_professional: lines(1199),
  high_skill_talent: lines(1207, 1211, 1213, 1217),
  advanced_certificates: lines(1223),
  mediation_success_rate: lines(1233),
  arbitration_closure_rate: lines(1241),
  labour_inspection_closure_rate: lines(1249),
  social_card_holders: lines(1259),
  ecard_coverage: lines(1267, 1269),
};

/** Notes the generated text adds on purpose: a chosen value says it is a choice; an unpublished model says so. */
const NOTES = [/（此为综合判断后选定的数值[^）]*）/g, /（文件未给出[^）]*）/g];

/** Whitespace out, ASCII punctuation as the full-width the document mostly uses, hedge words (约 近 左右 多 余) out. */
function normalise(text: string): string {
  const full: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };
  return text
    .replace(/\s+/g, '')
    .replace(/[,:;()?!]/g, (c) => full[c]!)
    .replace(/约|近|左右|多|余/g, '');
}

function tokens(text: string): { words: string; numbers: string[] } {
  const numbers: string[] = [];
  const words = text.replace(/\d+(?:\.\d+)?/g, (n) => {
    numbers.push(n);
    return '#';
  });
  return { words, numbers };
}

const model = loadModel(resolve(repoRoot, ZZ));
const result = evaluate(model);
const doc = buildDocument({ model, result, lang: 'zh' });
const paragraphs = (d: WriteDocument) => d.blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');

describe('the Zhengzhou 测算说明 generated from the model reads like the original', () => {
  const differences: string[] = [];
  for (const [id, original] of Object.entries(ORIGINAL)) {
    it(`${model.spec.indicators[id]!.number} ${model.spec.indicators[id]!.label}: same words; numbers differ only where the audit flags the original`, () => {
      let generated = paragraphs(doc)
        .filter((p) => p.indicator === id && p.role === 'basis')
        .map((p) => p.text)
        .join('');
      expect(generated).not.toBe('');
      for (const note of NOTES) generated = generated.replace(note, '');
      const a = tokens(normalise(original));
      const b = tokens(normalise(generated));
      expect(b.words).toBe(a.words);
      expect(b.numbers).toHaveLength(a.numbers.length);
      const flagged = result.audit.filter((c) => c.indicator === id && c.verdict !== 'match');
      a.numbers.forEach((stated, i) => {
        const written = b.numbers[i]!;
        if (Number(stated) === Number(written)) return;
        const n = Number(stated);
        const scaled = (x: number, k: number, y: number, eps: number) => Math.abs(x * k - y) <= eps;
        const candidates = flagged.filter((c) => [1, 100, 10000].some((k) => scaled(c.stated, k, n, 1e-9 * Math.max(1, n))));
        // several checks may state the same number (近10 twice): the one whose recomputation was printed
        const half = 0.5 * 10 ** -(written.split('.')[1]?.length ?? 0) + 1e-9;
        const check =
          candidates.find((c) => c.recomputed !== null && [1, 100, 10000].some((k) => scaled(c.recomputed!, k, Number(written), half))) ??
          candidates[0];
        differences.push(`${id}: ${stated} → ${written} (${check ? `${check.verdict}: ${check.label}` : 'NOT FLAGGED'})`);
        expect(check, `${id}: the original's ${stated} became ${written}, and the audit does not flag ${stated}`).toBeDefined();
      });
    });
  }
  it('the known inconsistencies are corrected: 250.01 − 166.80 = 83.21 (not 83.93), the mean growth 3.5329% (not 3.5308%), 992 cards (not 993)', () => {
    const text = (id: string) =>
      paragraphs(doc)
        .filter((p) => p.indicator === id)
        .map((p) => p.text)
        .join('');
    expect(text('unemployment_insured')).toContain('比“十二五”末166.80万人增加83.21万人');
    expect(text('injury_insured')).toContain('平均增长率为3.5329%');
    expect(text('injury_insured')).toContain('将达到222万人左右'); // 186.5 × 1.035329^5 = 221.86
    expect(text('social_card_holders')).toContain('持卡人数为992万人');
    expect(text('pension_urban')).toContain('按每年增加20万人测算为668.14万人'); // 568.14 + 5 × 20, the choice is 666
    console.info(`differences from the original (${differences.length}):\n  ${differences.join('\n  ')}`);
    expect(differences.filter((d) => d.includes('NOT FLAGGED'))).toEqual([]);
  });
});

/** Names resolve as in templates: the model's, then the indicator's own (basis2, chosen). */
function recompute(name: string, indicator: string | undefined, overrides: Record<string, number>): number | number[] {
  const program = programFor(model);
  const local: Resolver = (parts) => program.resolve(parts) ?? (indicator ? program.resolve([indicator, ...parts]) : undefined);
  const expr = compileExpression(name, local);
  const values = evaluate(model, overrides).values;
  return expr.run(program.nodes.map((n) => values[n.key]!));
}

describe('cesuan write --format json: every number in every paragraph recomputes through the engine', () => {
  for (const set of [{}, { injury_growth: 0.04, new_jobs_share: 0.12 }] as Record<string, number>[]) {
    it(`with ${
      Object.keys(set).length
        ? Object.entries(set)
            .map(([k, v]) => `--set ${k}=${v}`)
            .join(' ')
        : 'the published assumptions'
    }`, () => {
      const args = ['write', ZZ, '--format', 'json', ...Object.entries(set).flatMap(([k, v]) => ['--set', `${k}=${v}`])];
      const r = cesuan(args);
      expect(r.code, r.stderr).toBe(0);
      const written = JSON.parse(r.stdout) as WriteDocument & { version: number };
      expect(written.version).toBe(1);
      const withValues = paragraphs(written).filter((p) => p.values?.length);
      expect(withValues.length).toBeGreaterThan(25);
      let count = 0;
      for (const p of withValues) {
        for (const v of p.values!) {
          expect(recompute(v.name, p.indicator, set), `${p.indicator}: {${v.name}}`).toEqual(v.value);
          count++;
        }
        const again = renderTemplate(p.template!, (_n, _ph, i) => p.values![i]);
        expect(again.text.trim()).toBe(p.text);
      }
      expect(count).toBeGreaterThan(150);
      const injury = paragraphs(written)
        .filter((p) => p.indicator === 'injury_insured' && p.derivation === 'basis2')
        .map((p) => p.text)
        .join('');
      expect(injury).toContain(Object.keys(set).length ? '将达到227万人左右' : '将达到222万人左右'); // 186.5 × 1.04^5 = 226.91
      if (Object.keys(set).length)
        expect(written.blocks.some((b) => b.type === 'paragraph' && b.text.includes('由11.3%调整为12%'))).toBe(true);
    });
  }
});

describe('cesuan write --format docx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cesuan-write-'));
  const out = join(dir, '测算说明.docx');
  const r = cesuan(['write', ZZ, '--with', 'audit,projection', '-o', out]);
  it('writes a .docx: A4, page numbers, the indicator table with a repeating header row, the paragraphs', async () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/footer\d*\.xml/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers.join('')).toMatch(/PAGE/);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(2); // the indicators, the audit's differences
    const rows = tables[0]!.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    const text = (x: string) => (x.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('');
    expect(rows[0]).toMatch(/<w:tblHeader\/>/);
    expect(text(rows[0]!)).toBe('序号指标（单位）2020年2025年属性测算值判断');
    expect(rows).toHaveLength(1 + 5 + 20); // header, 5 groups, 18 rows + 2 sub-rows
    expect(rows.map(text)).toContain('1城镇新增就业人数（万人）65.77〔60〕预期性60达成');
    expect(rows.map(text)).toContain('其中：城乡居民养老保险参保人数（万人）233.83238预期性238.54达成');
    expect(tables[0]).toMatch(/w:val="single"/);
    const body = text(xml);
    expect(body).toContain('《郑州市“十四五”人力资源和社会保障事业发展规划》主要指标测算说明');
    expect(body).toContain('比“十二五”末166.80万人增加83.21万人');
    expect(body).toContain('测算依据2：');
    expect(body).toContain('原文引述');
    expect(xml + (await zip.file('word/styles.xml')!.async('string'))).toMatch(/w:eastAsia="仿宋"/);
  });
  it('--format docx to a terminal is refused; a bad --with is exit 2 and writes nothing', () => {
    const bad = cesuan(['write', ZZ, '--with', 'audit,colour', '-o', join(dir, 'x.docx')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--with colour/);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });
});

describe('default sentences and the other formats', () => {
  const others = ['henan-parent-14th', 'xinxiang-talent-14th', 'shiyan-hrss-14th', 'zhejiang-hrss-14th'];
  for (const id of others) {
    it(`${id}: default sentences are Chinese (no Latin letters) and every number in them recomputes`, () => {
      const m = loadModel(resolve(repoRoot, 'models', `${id}.yaml`));
      const res = evaluate(m);
      const d = buildDocument({ model: m, result: res, lang: 'zh' });
      const program = programFor(m);
      const values = program.nodes.map((n) => res.values[n.key]!);
      for (const p of paragraphs(d)) {
        if (p.origin === 'default') expect(p.text, `${id} ${p.indicator}`).not.toMatch(/[A-Za-z]/);
        for (const v of p.values ?? []) {
          const local: Resolver = (parts) => program.resolve(parts) ?? (p.indicator ? program.resolve([p.indicator, ...parts]) : undefined);
          expect(compileExpression(v.name, local).run(values), `${id} ${p.indicator} {${v.name}}`).toEqual(v.value);
        }
      }
    });
  }
  it('compound, falling and cumulative sentences read as the method says (十堰)', () => {
    const m = loadModel(resolve(repoRoot, 'models/shiyan-hrss-14th.yaml'));
    const text = paragraphs(buildDocument({ model: m, result: evaluate(m), lang: 'zh' }))
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('以2020年27.29万人为基数，按年均下降'); // 失业保险 27.29 → 25: a fall, not “增长 −1.74%”
    expect(text).toContain('按每年新增3万人测算，2021—2025年累计15万人。');
    expect(text).toContain('按每年增加0.1个百分点测算');
  });
  it('the Zhengzhou document in English: English chrome and sentences, the model’s Chinese templates as written', () => {
    const en = buildDocument({ model, result, lang: 'en' });
    expect(en.title).toBe('郑州市“十四五”人力资源和社会保障事业发展规划: notes on the calculation of the main indicators');
    const table = en.blocks.find((b) => b.type === 'table') as Extract<Block, { type: 'table' }>;
    expect(table.header).toEqual(['No.', 'Indicator (unit)', '2020', '2025', 'Type']);
    expect(en.blocks.some((b) => b.type === 'label' && b.text === 'Basis 2:')).toBe(true);
  });
  it('HTML is self-contained (inline CSS, no scripts, no external resources); Markdown keeps the table', () => {
    const html = cesuan(['write', ZZ, '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).toContain('<style>');
    expect(html.stdout).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html.stdout).toContain('<td colspan="5">一、就业</td>');
    const md = cesuan(['write', ZZ]);
    expect(md.stdout).toContain('| 1 | 城镇新增就业人数（万人） | 65.77 | 〔60〕 | 预期性 |');
    expect(md.stdout).toContain('**测算依据2：**');
  });
});
