/** `?`: every key, what it does. */
import { Box } from 'ink';
import { fit, widest } from '../format.js';
import type { Strings } from '../strings.js';
import { Line, clipRow, wrapRow, type Row } from './line.js';

export function HelpScreen({ width, height, strings: s }: { width: number; height: number; strings: Strings }) {
  const keyWidth = Math.min(18, widest(s.fullHelp.map(([k]) => k)));
  const rows: Row[] = s.fullHelp.flatMap(([k, text]) =>
    k ? wrapRow([{ text: fit(k, keyWidth) + '  ', bold: true, color: 'cyan' }, { text }], width, ' '.repeat(keyWidth + 2)) : wrapRow([{ text, dim: !text.startsWith('cesuan') }], width),
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      {rows.slice(0, height).map((r, i) => (
        <Line key={i} segs={clipRow(r, width)} />
      ))}
    </Box>
  );
}
