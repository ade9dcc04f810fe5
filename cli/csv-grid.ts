import * as path from 'path';
import type { Grid } from '../core';
import { DEFAULT_SHEET_LIMITS, FileBudget, GridBuilder, SheetLimitError, SheetLimits, WorkbookRead } from '../core/grid-builder';
import { parseCsv } from '../core/csv';
import { message } from '../core/messages';

export { parseCsv };
import { UnreadableFileError, unreadable } from './errors';
import { readBytes } from './files';

/**
 * A CSV file as one grid (sheet name = the file's stem), the way Excel's "CSV UTF-8" save
 * writes it: a BOM, quoted fields with `""` for a quote, line breaks inside quotes, CRLF or LF.
 * UTF-16 (Excel's "Unicode text"), with a byte-order mark or without, is decoded too. The delimiter is a comma unless the
 * file is plainly separated by semicolons or tabs. Values stay text: core reads them. CSV has
 * no number formats, so `readPlan` must be called with `formatsUnknown: true`.
 */
export async function readCsvGrid(input: Buffer | string, fileLabel?: string): Promise<Grid> {
  const label = fileLabel ?? (typeof input === 'string' ? input : 'sheet.csv');
  const buffer = typeof input === 'string' ? await readBytes(input, label) : input;
  return csvGrid(buffer, label);
}

export function csvGrid(buffer: Buffer, label: string, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Grid {
  const text = decodeCsv(buffer, label);
  const rows = parseCsv(text, undefined, limits.sheetCells);
  const grid = new GridBuilder(stem(label), label, new FileBudget(limits));
  for (let r = 0; r < rows.length; r++) {
    const fields = rows[r];
    for (let c = 0; c < fields.length; c++) if (fields[c] !== '') grid.put(r, c, fields[c]);
  }
  return grid.finish();
}

/** The CSV as a workbook read: its one grid, or, past a limit, its one sheet not read. */
export function csvRead(buffer: Buffer, label: string, limits: SheetLimits = DEFAULT_SHEET_LIMITS): WorkbookRead {
  try {
    return { grids: [csvGrid(buffer, label, limits)], skipped: [] };
  } catch (err) {
    if (!(err instanceof SheetLimitError)) throw err;
    if (err.damaged) throw new UnreadableFileError(label, err.reason);
    return { grids: [], skipped: [{ sheet: stem(label), reason: message('sheet-not-read', { reason: err.reason }) }] };
  }
}

function stem(label: string): string {
  const base = label.split(/[\\/]/).pop() ?? label;
  const ext = path.extname(base);
  return (ext ? base.slice(0, -ext.length) : base) || base;
}

/** UTF-8 (BOM stripped), or UTF-16 with a BOM or without one (Excel's "Unicode text" saved by
 * some tools without it); anything else is an unreadable file. */
export function decodeCsv(buf: Buffer, label: string): string {
  if (buf.length === 0) throw unreadable(label, 'unreadable.empty');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return utf16be(buf.subarray(2));
  // UTF-8 text never holds a zero byte; UTF-16 text holds one in most of its characters.
  const utf16 = buf.includes(0) ? utf16WithoutBom(buf) : null;
  if (utf16 !== null) return utf16;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    if (buf.includes(0)) throw unreadable(label, 'unreadable.binary-csv');
    throw unreadable(label, 'unreadable.not-utf8');
  }
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(text) || (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 3 && buf[3] === 4)) throw unreadable(label, 'unreadable.binary-csv');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function utf16be(body: Buffer): string {
  return new TextDecoder('utf-16le').decode(Buffer.from(body.subarray(0, body.length & ~1)).swap16());
}

/**
 * UTF-16 without a byte-order mark, little- or big-endian: the one of the two whose first
 * characters read as text (letters and digits of Latin, Bengali and the other scripts of a
 * sheet, punctuation, spaces; no control characters, no unpaired surrogates), or null when
 * neither does. ASCII in the wrong byte order reads as CJK ideographs, Bengali as Hangul or
 * ideographs: a sheet's text is neither.
 */
export function utf16WithoutBom(buf: Buffer): string | null {
  if (buf.length < 2) return null;
  const sample = buf.subarray(0, Math.min(buf.length, 8192) & ~1);
  for (const le of [true, false]) {
    const head = le ? new TextDecoder('utf-16le').decode(sample) : utf16be(sample);
    if (plausibleText(head)) return le ? new TextDecoder('utf-16le').decode(buf.subarray(0, buf.length & ~1)) : utf16be(buf);
  }
  return null;
}

/** Most characters of a sheet's text, and none of what UTF-16 read in the wrong order gives. */
function plausibleText(s: string): boolean {
  let good = 0;
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n++;
    // Controls other than tab and line ends, unpaired surrogates, private use: not text.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c < 0xa0) || (c >= 0xd800 && c < 0xe000) || c === 0xfffd) return false;
    if (c < 0x250 || (c >= 0x900 && c < 0xe00) || (c >= 0x2000 && c < 0x2070) || (c >= 0x20a0 && c < 0x2100) || c === 0xfeff) good++;
  }
  return n > 0 && good / n >= 0.9;
}

