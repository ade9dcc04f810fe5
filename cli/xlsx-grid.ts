import type ExcelJS from 'exceljs';
import type { CellValue, Grid, MergeArea } from '../core';
import { columnIndex } from '../core/grid';
import { DEFAULT_SHEET_LIMITS, FileBudget, GridBuilder, SheetLimitError, SheetLimits, WorkbookRead } from '../core/grid-builder';
import { message } from '../core/messages';
import { UnreadableFileError, errorDetail, unreadable } from './errors';
import { loadWorkbook, valueType } from './exceljs';
import { readBytes } from './files';
import { isOdsPackage, readOdsPackage } from './ods-package';
import { DEFAULT_LIMITS, PackageLimits, checkPartsForExcelJs, readSpreadsheetMl } from './spreadsheetml';
import { ZipError } from './zip';

/**
 * THE module that turns a workbook file into grids, one per worksheet, in tab order (an .ods,
 * told by its bytes whatever its name, goes to `ods-package.ts`; the rest is about .xlsx):
 * values (rich text → plain text, formula → its cached result, hyperlink → its text,
 * error → '#N/A' etc. as text, dates as `Date`), each cell's number format, merged areas
 * (0-based, inclusive), the sheet name and the file label.
 *
 * The package is read by `spreadsheetml.ts` (zlib and `xml-scan`, only the parts a grid needs).
 * Should its XML scanner decline a part (a DOCTYPE, or XML it cannot make sense of), ExcelJS
 * reads the file the way it always has: a file either can read is read. That second try comes
 * only after every part was inflated within the limits, so a zip bomb never reaches it: a part
 * that inflates past the limits, or past its declared size, is refused at once; nor a sheet
 * ExcelJS would model past the readers' limits (`checkPartsForExcelJs`). Both readers build their
 * grids within `sheetLimits` (core/grid-builder.ts): a sheet past them is listed as not read.
 *
 * Whatever cannot be read (not a zip, damaged, a coordinate beyond Excel's grid,
 * password-protected, an .xls renamed, a text file renamed) throws an `UnreadableFileError`
 * naming the file and the reason.
 */
export async function readWorkbookGrids(
  input: Buffer | string,
  fileLabel?: string,
  limits: PackageLimits = DEFAULT_LIMITS,
  sheetLimits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<WorkbookRead> {
  const label = fileLabel ?? (typeof input === 'string' ? input : 'workbook.xlsx');
  const buffer = typeof input === 'string' ? await readBytes(input, label) : input;
  const kind = sniffWorkbook(buffer, label);
  const refuse = (err: unknown) => {
    if (err instanceof ZipError && err.kind === 'too-large') return unreadable(label, 'unreadable.too-large', { limit: `${Math.round((err.limit ?? limits.partBytes) / 1048576)} MB` });
    if (err instanceof SheetLimitError) return new UnreadableFileError(label, err.reason);
    if (err instanceof UnreadableFileError) return err;
    return unreadable(label, 'unreadable.corrupt', { detail: errorDetail(err) });
  };
  if (kind === 'ods') {
    try {
      return wallClockUtc(readOdsPackage(buffer, label, limits, sheetLimits));
    } catch (err) {
      throw refuse(err);
    }
  }
  let declined: unknown;
  try {
    return wallClockUtc(readSpreadsheetMl(buffer, label, limits, sheetLimits));
  } catch (err) {
    // What the scanner declined (XML it does not read) goes to ExcelJS; a limit never does.
    if (err instanceof ZipError || err instanceof SheetLimitError) throw refuse(err);
    declined = err;
  }
  try {
    checkPartsForExcelJs(buffer, limits);
  } catch (err) {
    throw refuse(err);
  }
  try {
    return wallClockUtc(await readWithExcelJs(buffer, label, sheetLimits));
  } catch (err) {
    // Should ExcelJS fail too, the scanner's reason says where the XML goes wrong; ExcelJS's own
    // (often a TypeError from deep inside it) would not.
    const limit = err instanceof SheetLimitError || err instanceof ZipError || err instanceof UnreadableFileError;
    throw refuse(limit || declined === undefined ? err : declined);
  }
}

/** Both readers turn a date cell into a Date at its UTC wall-clock time: core reads a
 * date-time as its date (SCORING.md §3). */
function wallClockUtc(read: WorkbookRead): WorkbookRead {
  for (const g of read.grids) g.timeZoneOffsetMinutes = 0;
  return read;
}

/** The grids as ExcelJS reads them: the fallback reader, and the oracle the tests hold the
 * first reader to. Within the same limits as the first reader (ExcelJS only ever sees a package
 * `checkPartsForExcelJs` let through). */
export async function readWithExcelJs(buffer: Buffer, label: string, sheetLimits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<WorkbookRead> {
  const { workbook, merges } = await loadWorkbook(buffer, READ_OPTIONS);
  const budget = new FileBudget(sheetLimits);
  const out: WorkbookRead = { grids: [], skipped: [] };
  for (const ws of workbook.worksheets) {
    try {
      out.grids.push(worksheetGrid(ws, label, budget, merges ? (merges.get(ws.id) ?? []) : null));
    } catch (err) {
      if (!(err instanceof SheetLimitError) || err.damaged) throw err;
      out.skipped.push({ sheet: ws.name, reason: message('sheet-not-read', { reason: err.reason }) });
      if (err.endsFile) break;
    }
  }
  return out;
}

/** Nodes scoring never reads are not parsed: faster, and less that can fail. */
const READ_OPTIONS = {
  ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'picture', 'drawing', 'legacyDrawing', 'tableParts', 'headerFooter', 'rowBreaks', 'colBreaks'],
};

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/** Tells what a file that should be a workbook really is, from its bytes: an .xlsx or an .ods
 * (whatever its name says), or an `UnreadableFileError` saying what it is. */
function sniffWorkbook(buf: Buffer, label: string): 'xlsx' | 'ods' {
  if (buf.length === 0) throw unreadable(label, 'unreadable.empty');
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    // An OLE compound file: Excel stores a password-protected .xlsx this way, and .xls/.doc.
    if (buf.includes(utf16('EncryptionInfo')) || buf.includes(utf16('EncryptedPackage'))) throw unreadable(label, 'unreadable.encrypted');
    if (buf.includes(utf16('WordDocument'))) throw unreadable(label, 'unreadable.other-office', { kind: 'Word (.doc)' });
    throw unreadable(label, 'unreadable.xls');
  }
  const zip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5 || buf[2] === 7) && (buf[3] === 4 || buf[3] === 6 || buf[3] === 8);
  if (zip) {
    if (isOdsPackage(buf)) return 'ods';
    if (buf.includes('application/vnd.oasis.opendocument')) throw unreadable(label, 'unreadable.other-office', { kind: 'OpenDocument' });
    if (buf.includes('xl/workbook.xml')) return 'xlsx';
    if (buf.includes('xl/workbook.bin')) throw unreadable(label, 'unreadable.other-office', { kind: 'Excel binary (.xlsb)' });
    if (buf.includes('word/document.xml')) throw unreadable(label, 'unreadable.other-office', { kind: 'Word (.docx)' });
    if (buf.includes('ppt/presentation.xml')) throw unreadable(label, 'unreadable.other-office', { kind: 'PowerPoint (.pptx)' });
    throw unreadable(label, 'unreadable.not-zip');
  }
  if (looksLikeText(buf)) throw unreadable(label, 'unreadable.text');
  throw unreadable(label, 'unreadable.not-zip');
}

/** True when the first few KB decode as UTF-8 (or UTF-16 with a BOM) without control bytes. */
export function looksLikeText(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  const head = buf.subarray(0, 4096);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch (err) {
    // A multi-byte character cut at the 4 KB boundary is still text.
    if (head.length < 4096) return false;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, trimPartialUtf8(head)));
    } catch {
      return false;
    }
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text);
}

function trimPartialUtf8(b: Buffer): number {
  let end = b.length;
  let back = 0;
  while (end > 0 && back < 4 && (b[end - 1] & 0xc0) === 0x80) {
    end--;
    back++;
  }
  if (end > 0 && b[end - 1] >= 0xc0) end--;
  return end;
}

type AnyValue = ExcelJS.CellValue | ExcelJS.CellErrorValue | ExcelJS.RichText[] | undefined;

/** A cell value as the grid holds it. */
export function plainValue(v: AnyValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (Array.isArray(v)) return v.map((r) => r?.text ?? '').join('');
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r?.text ?? '').join('');
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result as AnyValue);
    if ('text' in o) return plainValue(o.text as AnyValue);
    if ('result' in o) return plainValue(o.result as AnyValue);
  }
  return String(v);
}

/** `A1:C3` → 0-based inclusive area. */
export function parseRange(range: string): MergeArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(range.trim());
  if (!m) return null;
  const a = { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  const b = m[3] ? { row: Number(m[4]) - 1, col: columnIndex(m[3]) } : a;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function worksheetMerges(ws: ExcelJS.Worksheet): MergeArea[] {
  const merges: MergeArea[] = [];
  const internal = (ws as unknown as { _merges?: Record<string, { top?: number; left?: number; bottom?: number; right?: number; range?: string }> })._merges;
  if (internal && typeof internal === 'object') {
    for (const m of Object.values(internal)) {
      if (!m) continue;
      if (typeof m.top === 'number' && typeof m.left === 'number' && typeof m.bottom === 'number' && typeof m.right === 'number') {
        merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
      } else if (typeof m.range === 'string') {
        const a = parseRange(m.range);
        if (a) merges.push(a);
      }
    }
    return sortMerges(merges);
  }
  const model = (ws as unknown as { model?: { merges?: string[] } }).model;
  for (const r of model?.merges ?? []) {
    const a = parseRange(r);
    if (a) merges.push(a);
  }
  return sortMerges(merges);
}

function sortMerges(m: MergeArea[]): MergeArea[] {
  return m.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** One ExcelJS worksheet → its grid. `merges`: the sheet's merged ranges as `loadWorkbook` took
 * them out of the model (null: ExcelJS made them itself, and a covered cell is of type Merge). */
function worksheetGrid(ws: ExcelJS.Worksheet, file: string, budget: FileBudget, merges: string[] | null): Grid {
  const MERGE = valueType().Merge;
  const grid = new GridBuilder(ws.name, file, budget);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === MERGE) return;
      // The grid's own bounds are Excel's: ExcelJS reads any number it is given.
      grid.put(rowNumber - 1, colNumber - 1, plainValue(cell.value as AnyValue), cell.numFmt);
    });
  });
  if (merges) {
    for (const r of merges) {
      const a = parseRange(r);
      if (a) grid.merge(a);
    }
  } else for (const a of worksheetMerges(ws)) grid.merge(a);
  return grid.finish();
}
