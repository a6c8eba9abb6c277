/** `?`: every key, what it does. */
import { Box } from 'ink';
import { fit, widest } from '../format.js';
import type { Strings } from '../strings.js';
import { Line, clipRow, wrapRow, type Row } from './line.js';

/** Every row of the help at this width. */
export function helpRows(s: Strings, width: number): Row[] {
  const keyWidth = Math.min(18, widest(s.fullHelp.map(([k]) => k)));
  return s.fullHelp.flatMap(([k, text]) =>
    k
      ? wrapRow([{ text: `${fit(k, keyWidth)}  `, bold: true, color: 'cyan' }, { text }], width, ' '.repeat(keyWidth + 2))
      : wrapRow([{ text, dim: !text.startsWith('cesuan') }], width),
  );
}

/** How far the help scrolls: the last row shows where it is when the help is longer than the screen. */
export function helpMaxScroll(rows: number, height: number): number {
  return rows > height ? rows - (height - 1) : 0;
}

export function HelpScreen({ rows, scroll, width, height }: { rows: Row[]; scroll: number; width: number; height: number }) {
  const long = rows.length > height;
  const shown = long ? height - 1 : height;
  const top = Math.max(0, Math.min(scroll, rows.length - shown));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {rows.slice(top, top + shown).map((r, i) => (
        <Line key={top + i} segs={clipRow(r, width)} />
      ))}
      {long ? (
        <Line
          segs={clipRow(
            [
              {
                text: `${top > 0 ? '↑' : ' '}${top + shown < rows.length ? '↓' : ' '} ${top + 1}–${top + shown}/${rows.length}`,
                dim: true,
              },
            ],
            width,
          )}
        />
      ) : null}
    </Box>
  );
}
