/** The frame around every view: title and tabs above; message or prompt, and the key help, below. */
import { Box } from 'ink';
import type { Mode, Message } from '../hooks/use-controller.js';
import type { Strings, View } from '../strings.js';
import { Line, clipRow, wrapRow, type Row } from './line.js';

export interface HeaderProps {
  title: string;
  years: { base: number; target: number };
  view: View;
  scenarioName: string | undefined;
  changedCount: number;
  /** values the engine could not compute (NaN, ∞) under the current assumptions */
  errorCount: number;
  dirty: boolean;
  width: number;
  strings: Strings;
}

export function Header({ title, years, view, scenarioName, changedCount, errorCount, dirty, width, strings: s }: HeaderProps) {
  const tabs: Row = (['overview', 'assumptions', 'compare', 'detail'] as View[]).flatMap((v) => [
    { text: ` ${s.views[v]} `, ...(v === view ? { inverse: true, bold: true } : { dim: v === 'detail' }) },
    { text: ' ' },
  ]);
  const status: Row = [
    { text: ' ' },
    scenarioName ? { text: `${s.scenario}: ${scenarioName}`, color: 'cyan' } : { text: s.published, dim: true },
  ];
  if (changedCount) status.push({ text: ` · ${s.changedCount(changedCount)}`, color: 'yellow' });
  if (dirty) status.push({ text: ` · ${s.unsaved}`, color: 'yellow', bold: true });
  if (errorCount) status.push({ text: ` · ${s.errors(errorCount)}`, color: 'red', bold: true });
  return (
    <Box flexDirection="column">
      <Line segs={clipRow([{ text: title, bold: true }, { text: `  ${years.base}→${years.target}`, dim: true }], width)} />
      <Line segs={clipRow([...tabs, ...status], width)} />
    </Box>
  );
}

/** The message (wrapped, at most `maxRows`), then the prompt being typed, if any. */
export function footerMessageRows(mode: Mode, message: Message | null, promptLabel: string, width: number, maxRows = 3): Row[] {
  const rows: Row[] = [];
  if (message) {
    const color = message.tone === 'error' ? 'red' : message.tone === 'warn' ? 'yellow' : 'green';
    rows.push(...wrapRow([{ text: message.text, color, bold: message.tone !== 'info' }], width, '  ').slice(0, maxRows));
  }
  if (mode.kind === 'typing' || mode.kind === 'prompt') {
    rows.push(...wrapRow([{ text: promptLabel, bold: true }, { text: mode.buffer }, { text: ' ', inverse: true }], width, '  ').slice(-1));
  }
  return rows;
}

export function Footer({ rows, help, width }: { rows: Row[]; help: string; width: number }) {
  return (
    <Box flexDirection="column">
      {rows.map((r, i) => (
        <Line key={i} segs={clipRow(r, width)} />
      ))}
      <Line segs={clipRow([{ text: help, dim: true }], width)} />
    </Box>
  );
}
