import type { Writer } from './apa';

/**
 * Text that came from an input (a file's name, a sheet's or an office's name, a cell's text
 * quoted in a message), made safe to show on a terminal (issue 13): an office named
 * `\x1b[2J\x1b[H✓ no problems` must not clear the screen and print a verdict of its own. Control
 * characters — C0 (line breaks, tab and ESC included), DEL, C1 — and the bidirectional controls
 * that reorder what follows them (embeddings, overrides, isolates, marks; U+2028/2029, which
 * some terminals break lines at) are written as escapes: `\n`, `\x1b`, `\u202e`. Bengali's
 * joiners (U+200C, U+200D) are letters' business and stay. `--json` output is not passed
 * through here: JSON escapes C0 itself and stays exact.
 */
export function shown(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escape) : text;
}

// eslint-disable-next-line no-control-regex
const UNSAFE_SOURCE = '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]';
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'g');
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_LINE_ENDS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A writer for human-readable output (tables, problem lists, file messages) that lets through
 * only the line breaks that end its lines: whatever a render missed, no escape sequence reaches
 * the terminal. The progress line, which moves the cursor on purpose, is written past it.
 */
export function guarded(w: Writer): Writer {
  return {
    write: (chunk: string) => w.write(chunk.replace(UNSAFE_BUT_LINE_ENDS, escape)),
    isTTY: w.isTTY,
  };
}
