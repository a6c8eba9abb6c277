/**
 * Model text on a terminal: control characters become visible stand-ins, so a title or label cannot move the
 * cursor, retitle the window (OSC), ring the bell or recolour the screen (CSI). JSON keeps its own escaping.
 */

/** C0 except tab and newline, DEL, and all of C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The stand-in for one control character: its Control Pictures glyph (␛ ␇ ␍ ␡ …); a C1 code as ␛ and its 7-bit twin (CSI 0x9b → ␛[). */
function standIn(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  return `\u241b${String.fromCharCode(c - 0x40)}`;
}

/**
 * Text safe to print: every control character (C0 but tab and newline, DEL, C1) replaced by a visible stand-in.
 * An escape sequence loses its ESC and so prints as text: "\e]0;x\a\e[31m郑州" → "␛]0;x␇␛[31m郑州". Idempotent.
 */
export function safeText(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, standIn) : text;
}

/** Display columns of one stand-in (for layouts that measure text before it is made safe). */
export function standInWidth(codePoint: number): number {
  return codePoint >= 0x80 && codePoint <= 0x9f ? 2 : 1;
}

const C1 = /[\u007f-\u009f]/g;

/**
 * JSON as text: JSON.stringify escapes C0 (ESC as \u001b) but leaves DEL and C1 (U+009B acts as CSI on some
 * terminals) raw; they become \u007f … \u009f. The same document, parsed.
 */
export function jsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`) : text;
}
