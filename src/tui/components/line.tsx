/** One terminal row made of styled segments; rows are pre-cut to the width, so nothing wraps. */
import { Text } from 'ink';
import { safeText } from '../../report/safe-text.js';
import { charWidth, textWidth } from '../format.js';

export interface Seg {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export type Row = Seg[];

const sameStyle = (a: Seg, b: Seg) => a.color === b.color && !a.bold === !b.bold && !a.dim === !b.dim && !a.inverse === !b.inverse;

/**
 * Adjacent segments of the same style as one, spaces joined to their neighbour whatever its colour (a
 * space only shows its background), trailing spaces dropped: fewer nodes and colour changes for ink to draw.
 */
export function mergeRow(segs: Row): Row {
  const out: Row = [];
  for (const s of segs) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (last && (sameStyle(last, s) || (!s.inverse && !last.inverse && /^ +$/.test(s.text))))
      out[out.length - 1] = { ...last, text: last.text + s.text };
    else if (last && !last.inverse && !s.inverse && /^ +$/.test(last.text)) out[out.length - 1] = { ...s, text: last.text + s.text };
    else out.push(s);
  }
  while (out.length) {
    const last = out[out.length - 1]!;
    if (last.inverse) break;
    const trimmed = last.text.replace(/ +$/, '');
    if (trimmed) {
      out[out.length - 1] = { ...last, text: trimmed };
      break;
    }
    out.pop();
  }
  return out;
}

/** The one place the TUI draws text: model text reaches the terminal only through safeText. */
export function Line({ segs }: { segs: Row }) {
  const merged = mergeRow(segs).map((s) => ({ ...s, text: safeText(s.text) }));
  if (!merged.length) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {merged.map((s, i) =>
        s.color || s.bold || s.dim || s.inverse ? (
          <Text key={i} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse}>
            {s.text}
          </Text>
        ) : (
          s.text
        ),
      )}
    </Text>
  );
}

/**
 * Wrap styled segments to `width` columns; continuation rows start with `indent`. Latin words stay whole
 * (unless longer than a row); CJK text breaks between any two characters.
 */
export function wrapRow(segs: Row, width: number, indent = ''): Row[] {
  const rows: Row[] = [];
  const indentWidth = textWidth(indent);
  let row: Row = [];
  let w = 0;
  const add = (text: string, style: Seg) => {
    const last = row[row.length - 1];
    if (last && last.color === style.color && last.bold === style.bold && last.dim === style.dim && last.inverse === style.inverse)
      last.text += text;
    else row.push({ ...style, text });
  };
  const newRow = () => {
    rows.push(row);
    row = indent ? [{ text: indent }] : [];
    w = indentWidth;
  };
  for (const seg of segs) {
    for (const token of seg.text.match(/[\x21-\x7e]+|[\s\S]/gu) ?? []) {
      const tw = textWidth(token);
      if (w + tw <= width) {
        add(token, seg);
        w += tw;
        continue;
      }
      if (token === ' ') {
        newRow();
        continue;
      }
      if (w > indentWidth && tw <= width - indentWidth) {
        newRow();
        add(token, seg);
        w += tw;
        continue;
      }
      for (const ch of token) {
        const cw = charWidth(ch);
        if (w + cw > width && w > indentWidth) newRow();
        add(ch, seg);
        w += cw;
      }
    }
  }
  rows.push(row);
  return rows;
}

/** Cut a row to `width` columns (… at the cut). */
export function clipRow(segs: Row, width: number): Row {
  const out: Row = [];
  let w = 0;
  for (const seg of segs) {
    const sw = textWidth(seg.text);
    if (w + sw <= width) {
      out.push(seg);
      w += sw;
      continue;
    }
    let text = '';
    for (const ch of seg.text) {
      const cw = charWidth(ch);
      if (w + cw > width - 1) break;
      text += ch;
      w += cw;
    }
    out.push({ ...seg, text: `${text}…` });
    break;
  }
  return out;
}
