/**
 * Table cells are measured without string-width when they hold only ASCII and the common CJK blocks (the
 * cold-start cost of `cesuan audit`); the widths must be exactly string-width's.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/report/table.js';
import { FUZZ_SEED, runs } from './harness.js';

describe('textWidth is string-width', () => {
  it('for every character of the fast ranges', () => {
    const ranges: [number, number][] = [
      [0x20, 0x7e],
      [0xa0, 0xff],
      [0x2010, 0x2027],
      [0x2190, 0x21ff],
      [0x2200, 0x22ff],
      [0x2500, 0x257f],
      [0x2713, 0x2717],
      [0x3000, 0x303f],
      [0x4e00, 0x9fff],
      [0xff01, 0xff60],
    ];
    for (const [from, to] of ranges) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCodePoint(c);
        if (textWidth(ch) !== stringWidth(ch)) expect.fail(`U+${c.toString(16)} ${ch}: ${textWidth(ch)} ≠ ${stringWidth(ch)}`);
      }
    }
  });

  it('for random mixes of ASCII, CJK, punctuation, emoji, combining marks and controls', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        '郑州',
        '〔60〕',
        '“十四五”',
        '—',
        '·',
        '万人次',
        '％',
        '①',
        'é',
        'é',
        '👩‍👩‍👧',
        '🇨🇳',
        '\u200b',
        '\t',
        '\u001b[31m',
        'ｱ',
        '한국',
        '\u0301',
        '…',
        '→',
        '≥',
        '±',
        '×',
        '─',
        '✓',
        '✗',
        '≈',
        '−',
        '↔',
        '↔\ufe0f',
        '✓\ufe0f',
        '\u00ad',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(textWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: runs(2000), seed: FUZZ_SEED },
    );
  });
});
