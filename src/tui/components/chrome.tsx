/** The frame around every view: title and tabs above; message or prompt, and the key help, below. */
import { Box } from 'ink';
import type { Mode, Message } from '../update.js';
import type { Strings, View } from '../strings.js';
import { textWidth } from '../format.js';
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
  // the tabs Tab cycles through; the detail shows as a fourth tab only while it is open (Esc returns)
  const shownViews: View[] = view === 'detail' ? ['overview', 'assumptions', 'compare', 'detail'] : ['overview', 'assumptions', 'compare'];
  const tabs: Row = shownViews.flatMap((v) => [
    { text: ` ${s.views[v]} `, ...(v === view ? { inverse: true, bold: true } : {}) },
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
      <Line
        segs={clipRow(
          [
            { text: title, bold: true },
            { text: `  ${years.base}→${years.target}`, dim: true },
          ],
          width,
        )}
      />
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

/**
 * The key help cut to the width by whole items (two spaces apart): items before the last two drop from the
 * end first, so `? 帮助` and `q 退出` stay on screen at any width.
 */
export function fitHelp(help: string, width: number): string {
  if (textWidth(help) <= width) return help;
  const items = help.split(/ {2,}/);
  const keep = items.slice(-2);
  const head = items.slice(0, -2);
  while (head.length && textWidth([...head, ...keep].join('  ')) > width) head.pop();
  let out = [...head, ...keep].join('  ');
  if (textWidth(out) > width) out = keep.map((k) => k.split(' ')[0]).join(' ');
  return out;
}

export function Footer({ rows, help, width }: { rows: Row[]; help: string; width: number }) {
  return (
    <Box flexDirection="column">
      {rows.map((r, i) => (
        <Line key={i} segs={clipRow(r, width)} />
      ))}
      <Line segs={clipRow([{ text: fitHelp(help, width), dim: true }], width)} />
    </Box>
  );
}
