/**
 * The 测算说明 as Markdown (for version control and review diffs), self-contained HTML (inline CSS, no
 * scripts) and JSON (paragraphs with their templates and the values they printed).
 */
import { safeText } from '../safe-text.js';
import type { Block, Table, WriteDocument } from './document.js';

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function mdTable(t: Table): string {
  const lines: string[] = [];
  if (t.caption) lines.push(`**${t.caption}**`, '');
  lines.push(`| ${t.header.map(mdCell).join(' | ')} |`, `|${t.header.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const r of t.rows) {
    if (r.kind === 'group')
      lines.push(
        `| **${mdCell(r.cells[0]!)}** |${r.cells
          .slice(1)
          .map(() => ' ')
          .join('|')}|`,
      );
    else lines.push(`| ${r.cells.map((c, i) => (i === 1 && r.kind === 'subrow' ? `　　${mdCell(c)}` : mdCell(c))).join(' | ')} |`);
  }
  return lines.join('\n');
}

function mdBlock(b: Block): string {
  switch (b.type) {
    case 'title':
      return `# ${b.text}`;
    case 'subtitle':
      return `*${b.text}*`;
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${b.text}`;
    case 'label':
      return `**${b.text}**`;
    case 'paragraph':
      return b.text;
    case 'table':
      return mdTable(b);
  }
}

export function renderMarkdown(doc: WriteDocument): string {
  return safeText(`${doc.blocks.map(mdBlock).join('\n\n')}\n`);
}

function esc(text: string): string {
  // control characters have no place in HTML text; show them as their stand-ins
  return safeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = `
body { font-family: "FangSong", "仿宋", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #000; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.4; }
h2, h3, h4 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.3em; }
h4 { font-family: "KaiTi", "楷体", "楷体_GB2312", "Noto Serif CJK SC", serif; }
p { text-indent: 2em; margin: 0.2em 0; text-align: justify; }
p.subtitle { text-align: center; text-indent: 0; font-family: "KaiTi", "楷体", serif; }
p.label { font-family: "SimHei", "黑体", sans-serif; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.4; margin: 0.5em 0 1em; }
caption { font-family: "SimHei", "黑体", sans-serif; margin-bottom: 0.3em; }
th, td { border: 1px solid #000; padding: 0.2em 0.4em; text-align: center; }
td.label { text-align: left; }
tr.group td { text-align: left; font-family: "SimHei", "黑体", sans-serif; }
tr.subrow td.label { padding-left: 2em; }
@media print { body { margin: 0; max-width: none; } thead { display: table-header-group; } }
`.trim();

function htmlTable(t: Table): string {
  const labelColumn = t.header[0] === '序号' || t.header[0] === 'No.' ? 1 : 0;
  const head = `<thead><tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map((r) => {
      if (r.kind === 'group') return `<tr class="group"><td colspan="${t.header.length}">${esc(r.cells[0]!)}</td></tr>`;
      return `<tr class="${r.kind}">${r.cells.map((c, i) => `<td${i === labelColumn ? ' class="label"' : ''}>${esc(c)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<table>${t.caption ? `<caption>${esc(t.caption)}</caption>` : ''}${head}<tbody>\n${body}\n</tbody></table>`;
}

function htmlBlock(b: Block): string {
  switch (b.type) {
    case 'title':
      return `<h1>${esc(b.text)}</h1>`;
    case 'subtitle':
      return `<p class="subtitle">${esc(b.text)}</p>`;
    case 'heading':
      return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
    case 'label':
      return `<p class="label">${esc(b.text)}</p>`;
    case 'paragraph':
      return `<p class="${b.role}">${esc(b.text)}</p>`;
    case 'table':
      return htmlTable(b);
  }
}

export function renderHtml(doc: WriteDocument): string {
  return `<!DOCTYPE html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(doc.title)}</title>
<style>
${CSS}
</style>
</head>
<body>
${doc.blocks.map(htmlBlock).join('\n')}
</body>
</html>
`;
}

/** JSON (`version: 1`): the blocks as they are, paragraphs with `template` and `values` [{ name, value, unit, text }]. */
export function renderJson(doc: WriteDocument): string {
  return `${JSON.stringify({ version: 1, ...doc }, null, 2)}\n`;
}
