import type { CellValue, Grid, MergeArea } from './grid';
import { DEFAULT_SHEET_LIMITS, EXCEL_COLUMNS, EXCEL_ROWS, FileBudget, GridBuilder, SheetLimitError, SheetLimits, WorkbookRead, checkInGrid } from './grid-builder';
import { message } from './messages';
import { PartMemo, StoredPart } from './part-memo';
import { Attributes, XmlHandler, scanXml } from './xml-scan';
import { ZipError } from './zip-error';

/**
 * Reads an .xlsx package straight into grids, host-free: the parts a grid needs (workbook, its
 * relationships, shared strings, number formats, worksheets) are given as text by the host's
 * `PackageParts` (the CLI inflates them with Node's zlib, cli/spreadsheetml.ts; the pane with
 * the browser's DecompressionStream, `readXlsxBytes` below) and read by `xml-scan`. Nothing else
 * is inflated or modelled, which is what makes a ministry's thousands of files fast to read
 * (bench/RESULTS.md).
 *
 * The grid is the one ExcelJS gives (cli/xlsx-grid.ts keeps that path as the fallback, and the
 * tests read every fixture both ways and compare): values (rich text joined, formula → cached
 * result, error → its text, a number in a date format → `Date`), number formats of cells that
 * hold something, merges, and a merged area's covered cells left empty. Where ExcelJS is wrong
 * this is not: `t="d"` cells are dates, and text in a formula result is entity-decoded once.
 *
 * Throws `ZipError` (damaged, unsupported, too large) or `XmlError`.
 */

/** A zip package's parts as the reader asks for them: synchronously, by name (no leading `/`). */
export interface PackageParts {
  has(name: string): boolean;
  /** The part as UTF-8 text, or null when there is no such part. */
  text(name: string): string | null;
  /** The part as stored, when the host has it without inflating: parts stored alike are read
   * once (core/part-memo.ts). */
  stored?(name: string): StoredPart | null;
}

/** Parts that offices' files share byte for byte (one template): read once per thread. */
const listedSheetsMemo = new PartMemo<{ listed: readonly { name: string; rId: string }[]; date1904: boolean }>();
const sheetTargetsMemo = new PartMemo<ReadonlyMap<string, string>>();
const stylesMemo = new PartMemo<readonly (string | undefined)[]>();

const REL_OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** The built-in number formats (ECMA-376 §18.8.30), as ExcelJS names them. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy',
  18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** A format shows a date when, outside quoted text and [brackets], it has a date or time letter
 * (ExcelJS's rule, so both readers turn the same numbers into dates). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serial → Date, as ExcelJS converts it. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** `_x000D_`-style escapes in shared strings, as Excel writes characters XML cannot hold. */
const ESCAPED = /_x([0-9A-F]{4})_/g;
const unescapeOoxml = (s: string) => (s.indexOf('_x') < 0 ? s : s.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));

/** Runs the scanner over a part, with text only when `text` is given. */
function parse(xml: string, open: (name: string, attrs: Attributes) => void, close: ((name: string) => void) | null, text: ((t: string) => void) | null, wantsText: () => boolean = () => text !== null): void {
  const handler: XmlHandler = {
    open,
    close: close ?? (() => undefined),
    text: text ?? (() => undefined),
    get wantsText() {
      return wantsText();
    },
  };
  scanXml(xml, handler);
}

export interface SheetRef {
  name: string;
  part: string;
}

/** Sheets in tab order with the part each is in, and the date system (the pane asks it which
 * worksheet parts to inflate). */
export function readWorkbook(pkg: PackageParts): { sheets: SheetRef[]; date1904: boolean } {
  const { listed, date1904 } = listedSheetsMemo.get(pkg.stored?.('xl/workbook.xml'), () => listedSheets(pkg));
  const targets = sheetTargetsMemo.get(pkg.stored?.('xl/_rels/workbook.xml.rels'), () => sheetTargets(pkg));
  const sheets: SheetRef[] = [];
  for (const s of listed) {
    const target = targets.get(s.rId);
    // Chart sheets and dialog sheets have no cells: like ExcelJS, leave them out.
    if (target === undefined) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (pkg.has(part)) sheets.push({ name: s.name, part });
  }
  return { sheets, date1904 };
}

/** The sheets workbook.xml lists, in tab order, with their relationship ids, and the date system. */
function listedSheets(pkg: PackageParts): { listed: { name: string; rId: string }[]; date1904: boolean } {
  const xml = pkg.text('xl/workbook.xml');
  if (xml === null) throw new ZipError('damaged', 'xl/workbook.xml is missing');
  const listed: { name: string; rId: string }[] = [];
  let date1904 = false;
  parse(
    xml,
    (name, a) => {
      if (name === 'sheet') {
        const rId = a.get('r:id') ?? a.getPrefixed('id');
        const sheetName = a.get('name');
        if (rId !== undefined && sheetName !== undefined) listed.push({ name: sheetName, rId });
      } else if (name === 'workbookPr') {
        const v = a.get('date1904');
        date1904 = v === '1' || v === 'true';
      }
    },
    null,
    null,
  );
  return { listed, date1904 };
}

/** Worksheet relationship id → target, from the workbook's relationships. */
function sheetTargets(pkg: PackageParts): Map<string, string> {
  const targets = new Map<string, string>();
  const rels = pkg.text('xl/_rels/workbook.xml.rels');
  if (rels !== null) {
    parse(
      rels,
      (name, a) => {
        if (name !== 'Relationship') return;
        const id = a.get('Id');
        const target = a.get('Target');
        const type = a.get('Type') ?? '';
        if (id && target && (type === `${REL_OFFICE}worksheet` || type === `${REL_STRICT}worksheet`)) targets.set(id, target);
      },
      null,
      null,
    );
  }
  return targets;
}

/** Shared strings, rich text joined, phonetic guides left out. */
function readSharedStrings(pkg: PackageParts): string[] {
  const xml = pkg.text('xl/sharedStrings.xml');
  const strings: string[] = [];
  if (xml === null) return strings;
  let inSi = false;
  let phonetic = 0;
  let current = '';
  // `wantsText` (inside a <t> of an <si>, not of a phonetic guide) is the handler's own field.
  const handler: XmlHandler = {
    wantsText: false,
    open(name: string) {
      if (name === 'si') {
        inSi = true;
        current = '';
      } else if (name === 't') handler.wantsText = inSi && phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close(name: string) {
      if (name === 'si') {
        strings.push(unescapeOoxml(current));
        inSi = false;
      } else if (name === 't') handler.wantsText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(t: string) {
      if (handler.wantsText) current += t;
    },
  };
  scanXml(xml, handler);
  return strings;
}

/** The number format of each cell style (`s` index), or undefined for General/none. */
function readStyles(pkg: PackageParts): readonly (string | undefined)[] {
  return stylesMemo.get(pkg.stored?.('xl/styles.xml'), () => cellFormats(pkg));
}

function cellFormats(pkg: PackageParts): (string | undefined)[] {
  const xml = pkg.text('xl/styles.xml');
  const formats: (string | undefined)[] = [];
  if (xml === null) return formats;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  parse(
    xml,
    (name, a) => {
      if (name === 'numFmt') {
        const id = a.get('numFmtId');
        const code = a.get('formatCode');
        if (id !== undefined && code !== undefined) custom.set(Number(id), code);
      }
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(a.get('numFmtId') ?? 0) || 0);
    },
    (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
    null,
  );
  for (const id of ids) formats.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined);
  return formats;
}

/** 0-based column of a cell reference's letters (`AB12` → 27), or -1. */
export function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

/** 0-based row of a cell reference's digits (`AB12` → 11), or -1. */
export function refRow(ref: string): number {
  let i = 0;
  while (i < ref.length && (ref.charCodeAt(i) | 0x20) >= 97 && (ref.charCodeAt(i) | 0x20) <= 122) i++;
  // Digits only (as every writer spells a reference): read in place, no string cut out.
  if (ref.length - i > 0 && ref.length - i <= 9) {
    let n = 0;
    let j = i;
    for (; j < ref.length; j++) {
      const d = ref.charCodeAt(j) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (j === ref.length) return n > 0 ? n - 1 : -1;
  }
  const n = parseInt(ref.slice(i), 10);
  return n > 0 ? n - 1 : -1;
}

function parseRef(range: string): MergeArea | null {
  const [a, b = a] = range.replace(/\$/g, '').split(':');
  const top = refRow(a), left = refColumn(a), bottom = refRow(b), right = refColumn(b);
  if (top < 0 || left < 0 || bottom < 0 || right < 0) return null;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

interface Styles {
  formats: readonly (string | undefined)[];
  strings: string[];
  date1904: boolean;
}

/** One worksheet part → its grid, built within the file's limits (core/grid-builder.ts). */
function readWorksheet(xml: string, sheet: string, file: string, book: Styles, budget: FileBudget): Grid {
  const grid = new GridBuilder(sheet, file, budget);

  let inSheetData = false;
  let row = -1;
  let col = -1;
  // The cell being read.
  let type = '';
  let style = 0;
  let hasFormula = false;
  let text: string | undefined;
  let inInline = false;
  let phonetic = 0;

  const endCell = () => {
    if (!hasFormula && text === undefined) return;
    // ExcelJS gives a cell style only for s > 0; s="0" is the default style.
    const format = style > 0 ? book.formats[style] : undefined;
    let v: CellValue = null;
    if (hasFormula) {
      if (text) {
        if (type === 'str') v = text;
        else if (type === 'b') v = parseInt(text, 10) !== 0;
        else if (type === 'e') v = text;
        else if (type === 'd') v = isoDate(text);
        else {
          const n = parseFloat(text);
          v = isDateFormat(format) ? serialToDate(n, book.date1904) : n;
        }
      }
    } else if (text !== undefined) {
      switch (type) {
        case 's': {
          const s = book.strings[parseInt(text, 10)];
          v = s === undefined ? null : s;
          break;
        }
        case 'str':
        case 'inlineStr':
          v = text;
          break;
        case 'b':
          v = parseInt(text, 10) !== 0;
          break;
        case 'e':
          v = text;
          break;
        case 'd':
          v = isoDate(text);
          break;
        default: {
          const n = parseFloat(text);
          v = isDateFormat(format) ? serialToDate(n, book.date1904) : n;
        }
      }
    }
    grid.put(row, col, v, format);
  };

  // `wantsText` (whether the text being scanned is the cell's value) is a field of the handler,
  // read for every text, rather than a getter calling a closure.
  const handler: XmlHandler = {
    wantsText: false,
    open(name: string, a: Attributes) {
      if (name === 'c' && inSheetData) {
        const ref = a.get('r');
        if (ref !== undefined) {
          const c = refColumn(ref);
          const r = refRow(ref);
          col = c >= 0 ? c : col + 1;
          if (r >= 0) row = r;
          // Any cell beyond Excel's grid, holding something or not: no writer makes one.
          if (row >= EXCEL_ROWS || col >= EXCEL_COLUMNS) checkInGrid(row, col, ref);
        } else if (++col >= EXCEL_COLUMNS) checkInGrid(row, col);
        type = a.get('t') ?? '';
        const s = a.get('s');
        style = s !== undefined ? parseInt(s, 10) || 0 : 0;
        hasFormula = false;
        text = undefined;
        handler.wantsText = false;
        inInline = false;
        phonetic = 0;
      } else if (name === 'v') handler.wantsText = true;
      else if (name === 'f') hasFormula = true;
      else if (name === 'is') inInline = true;
      else if (name === 't') handler.wantsText = inInline && phonetic === 0;
      else if (name === 'rPh') phonetic++;
      else if (name === 'row' && inSheetData) {
        const ref = a.get('r');
        const r = ref !== undefined ? parseInt(ref, 10) : NaN;
        row = r > 0 ? r - 1 : row + 1;
        if (row >= EXCEL_ROWS) checkInGrid(row, 0, `A${ref ?? row + 1}`);
        col = -1;
      } else if (name === 'sheetData') inSheetData = true;
      else if (name === 'dimension') {
        // What the sheet says it spans: never beyond the grid in a file Excel can open.
        const ref = a.get('ref') ?? '';
        const m = parseRef(ref);
        if (m && (m.bottom >= EXCEL_ROWS || m.right >= EXCEL_COLUMNS)) checkInGrid(m.bottom, m.right, ref);
      } else if (name === 'mergeCell') {
        const ref = a.get('ref') ?? '';
        const m = parseRef(ref);
        if (m) {
          if (m.bottom >= EXCEL_ROWS || m.right >= EXCEL_COLUMNS) checkInGrid(m.bottom, m.right, ref);
          grid.merge(m);
        }
      }
    },
    close(name: string) {
      if (name === 'c' && inSheetData) {
        endCell();
        handler.wantsText = false;
      } else if (name === 'v' || name === 't') handler.wantsText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'is') inInline = false;
      else if (name === 'sheetData') inSheetData = false;
    },
    text(t: string) {
      if (handler.wantsText) text = text === undefined ? t : text + t;
    },
  };
  scanXml(xml, handler);
  return grid.finish();
}

/** `t="d"` cells hold an ISO 8601 date. */
function isoDate(text: string): Date | string {
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || text.length <= 10 ? text : `${text}Z`);
  return Number.isNaN(d.getTime()) ? text : d;
}

/** Every worksheet of an .xlsx package as a grid, in tab order, within `sheetLimits`: a sheet
 * past a limit is listed as not read, with the reason; one with a coordinate beyond Excel's grid
 * makes the file damaged (`SheetLimitError` thrown). */
export function readSpreadsheetMlParts(pkg: PackageParts, file: string, sheetLimits: SheetLimits = DEFAULT_SHEET_LIMITS): WorkbookRead {
  const { sheets, date1904 } = readWorkbook(pkg);
  const book: Styles = { formats: readStyles(pkg), strings: readSharedStrings(pkg), date1904 };
  const budget = new FileBudget(sheetLimits);
  const out: WorkbookRead = { grids: [], skipped: [] };
  for (const s of sheets) {
    if (budget.exhausted) {
      out.skipped.push({ sheet: s.name, reason: message('sheet-not-read', { reason: budget.exhausted.reason }) });
      break;
    }
    const xml = pkg.text(s.part);
    if (xml === null) throw new ZipError('damaged', `${s.part} is missing`);
    try {
      out.grids.push(readWorksheet(xml, s.name, file, book, budget));
    } catch (err) {
      if (!(err instanceof SheetLimitError) || err.damaged) throw err;
      out.skipped.push({ sheet: s.name, reason: message('sheet-not-read', { reason: err.reason }) });
      if (err.endsFile) break;
    }
  }
  return out;
}
