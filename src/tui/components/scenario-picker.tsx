/** `l`: the scenario files to load, with their names and models. */
import { Box } from 'ink';
import type { ScenarioEntry } from '../scenario-file.js';
import { useScrollWindow } from '../hooks/use-scroll-window.js';
import { Line, clipRow } from './line.js';

export interface PickerProps {
  title: string;
  entries: ScenarioEntry[];
  index: number;
  /** picked with space: loaded together, the first explored, the others compared beside it */
  marked?: number[];
  modelId: string;
  width: number;
  height: number;
}

export function ScenarioPicker({ title, entries, index, marked = [], modelId, width, height }: PickerProps) {
  const listHeight = Math.max(1, height - 1);
  const offset = useScrollWindow(index, index, entries.length, listHeight);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line segs={clipRow([{ text: title, bold: true }], width)} />
      {entries.slice(offset, offset + listHeight).map((e, i) => {
        const sel = offset + i === index;
        const other = e.model !== undefined && e.model !== modelId && !e.model.includes('/') && !e.model.endsWith('.yaml');
        return (
          <Line
            key={e.path}
            segs={clipRow(
              [
                { text: sel ? '> ' : '  ', bold: true },
                { text: marked.includes(offset + i) ? `[${marked.indexOf(offset + i) + 1}] ` : '    ', color: 'cyan', bold: true },
                { text: e.name ?? e.file, inverse: sel, bold: sel, ...(other ? { dim: true } : {}) },
                { text: `  ${e.file}`, dim: true },
                ...(other ? [{ text: `  (${e.model})`, dim: true }] : []),
              ],
              width,
            )}
          />
        );
      })}
    </Box>
  );
}
