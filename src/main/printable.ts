/** Make untrusted strings (file names, URLs, page text, reasons) safe to print on a terminal or in one log line. */

// C0 controls, DEL, C1 controls, and the bidirectional overrides and line/paragraph separators.
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  const n = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** One line: every control character (newlines too) escaped as `\n`, `\x1b`, `\u202e`. */
export function printable(s: string): string {
  return s.replace(UNSAFE_LINE, escapeChar);
}

/** Multi-line text: newlines and tabs kept, every other control character (ANSI escapes first of all) escaped. */
export function printableText(s: string): string {
  return s.replace(UNSAFE_TEXT, escapeChar);
}
