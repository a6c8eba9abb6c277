/**
 * The 测算说明 as a Word document (the `docx` package), laid out after the custom of Chinese official
 * documents (GB/T 9704): A4, margins 37/35/28/26 mm, body 仿宋 三号 (16 pt) at a fixed 28.95 pt line,
 * headings 黑体, the title 方正小标宋 二号, page numbers “— 1 —” at the foot; tables bordered, header row
 * repeated on every page. Fonts are named, not embedded: Word substitutes where one is missing.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, Table as TableBlock, WriteDocument } from './document.js';

const MM = 56.6929; // twips per millimetre
const FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' },
  subheading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体', cs: 'Times New Roman' },
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体', cs: 'Times New Roman' },
  page: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体' },
};
/** half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt */
const SIZE = { title: 44, body: 32, page: 28, table: 21 };
const LINE = { line: 579, lineRule: LineRuleType.EXACT }; // 28.95 pt: 22 lines on a GB/T 9704 page
const TABLE_LINE = { line: 300, lineRule: LineRuleType.EXACT };

/** XML 1.0 refuses control characters; a model's text must not break the file. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '\ufffd');
}

function run(text: string, font: keyof typeof FONTS, size: number, bold = false): TextRun {
  return new TextRun({ text: clean(text), font: FONTS[font], size, bold });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(
  text: string,
  options: { header?: boolean; align?: 'left' | 'center'; span?: number; indent?: boolean; width?: number } = {},
): TableCell {
  return new TableCell({
    borders,
    columnSpan: options.span,
    verticalAlign: VerticalAlign.CENTER,
    width: options.width === undefined ? undefined : { size: options.width, type: WidthType.DXA },
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: options.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: TABLE_LINE,
        indent: options.indent ? { left: 420 } : undefined,
        children: [run(text, options.header ? 'heading' : 'body', SIZE.table)],
      }),
    ],
  });
}

/** Text width of the page in twips (A4 210 mm − 28 − 26). */
const TEXT_WIDTH = Math.round((210 - 28 - 26) * MM);

/** Left-aligned columns: the indicator's name, the audit's figure label and quote. */
function isTextColumn(t: TableBlock, i: number): boolean {
  const numbered = t.header[0] === '序号' || t.header[0] === 'No.';
  return i === (numbered ? 1 : 0) || ['项目', '原文引述', 'Figure', 'Quote'].includes(t.header[i]!);
}

function columnWidths(t: TableBlock): number[] {
  const weights: number[] = t.header.map((h, i) => {
    if (h === '序号' || h === 'No.') return 0.75;
    if (h === '原文引述' || h === 'Quote') return 3.6;
    if (h === '项目' || h === 'Figure') return 2.2;
    if (h === '指标' || h === 'Indicator') return 1.6;
    return isTextColumn(t, i) ? 3.2 : 1;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.round((w / total) * TEXT_WIDTH));
}

function table(t: TableBlock): (Paragraph | Table)[] {
  const widths = columnWidths(t);
  const labelColumn = t.header[0] === '序号' || t.header[0] === 'No.' ? 1 : 0;
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h, i) => cell(h, { header: true, width: widths[i] })) }),
    ...t.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children:
            r.kind === 'group'
              ? [cell(r.cells[0]!, { header: true, align: 'left', span: t.header.length, width: TEXT_WIDTH })]
              : r.cells.map((c, i) =>
                  cell(c, {
                    align: isTextColumn(t, i) ? 'left' : 'center',
                    indent: i === labelColumn && r.kind === 'subrow',
                    width: widths[i],
                  }),
                ),
        }),
    ),
  ];
  const out: (Paragraph | Table)[] = [];
  if (t.caption)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(t.caption, 'heading', SIZE.body)] }));
  out.push(new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths }));
  out.push(new Paragraph({ spacing: LINE, children: [] }));
  return out;
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 300 },
          children: [run(b.text, 'title', SIZE.title)],
        }),
      ];
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(b.text, 'subheading', SIZE.body)] })];
    case 'heading':
      return [
        new Paragraph({
          spacing: LINE,
          indent: { firstLine: 640 },
          keepNext: true,
          pageBreakBefore: b.pageBreak,
          children: [run(b.text, b.level === 1 ? 'heading' : b.level === 2 ? 'subheading' : 'body', SIZE.body, b.level === 3)],
        }),
      ];
    case 'label':
      return [new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, keepNext: true, children: [run(b.text, 'heading', SIZE.body)] })];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: LINE,
          indent: { firstLine: 640 },
          alignment: AlignmentType.JUSTIFIED,
          children: [run(b.text, 'body', SIZE.body)],
        }),
      ];
    case 'table':
      return table(b);
  }
}

/** The document as the bytes of a .docx file. */
export async function renderDocx(doc: WriteDocument): Promise<Uint8Array> {
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.page, size: SIZE.page })],
      }),
    ],
  });
  const document = new Document({
    title: clean(doc.title),
    creator: 'cesuan',
    description: `cesuan write ${doc.model}${doc.scenario ? ` (${clean(doc.scenario)})` : ''}`,
    styles: { default: { document: { run: { font: FONTS.body, size: SIZE.body }, paragraph: { spacing: LINE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              footer: Math.round(20 * MM),
            },
          },
        },
        footers: { default: footer },
        children: doc.blocks.flatMap(block),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
