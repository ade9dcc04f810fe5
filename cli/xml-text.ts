import { MAX_CELL_TEXT } from '../core/cell-matrix';

/** Text as the .xlsx parts written here hold it (cli/sheet-xml.ts, cli/chart-xml.ts): what XML 1.0
 * cannot hold left out, and escaped for an attribute or for element content. */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** What `safeText` may change: a character XML cannot hold, or a surrogate (which may be alone). */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

/** Text safe for XML 1.0 and within Excel's cell limit. */
export function safeText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s;
  let t = s.replace(NOT_XML, '');
  t = t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return t.length > MAX_CELL_TEXT ? t.slice(0, MAX_CELL_TEXT) : t;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** An attribute's value: `&<>"'` escaped, and tab and line breaks as references (an attribute's
 * white space is otherwise read as spaces). */
export function escAttr(s: string): string {
  return s.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]);
}

/** Element content: `&<>"` escaped, a carriage return as a reference (a reader would make it
 * a line feed). */
export function escContent(s: string): string {
  return s.replace(NOT_XML, '').replace(/[&<>"\r]/g, (c) => ENTITIES[c]);
}

/** A cell's text (a shared string): as element content, with a literal `_xHHHH_` escaped the way
 * Excel reads it (`_x005F_` is the underscore), so that it is not read as the character HHHH. */
export function escText(s: string): string {
  return escContent(s).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}
