import { DEFAULT_SHEET_LIMITS, EXCEL_COLUMNS, EXCEL_ROWS, SheetLimitError, SheetLimits, WorkbookRead, checkInGrid } from '../core/grid-builder';
import { message } from '../core/messages';
import type { StoredPart } from '../core/part-memo';
import { PackageParts, readSpreadsheetMlParts, refColumn, refRow } from '../core/spreadsheetml';
import { ZipEntry, ZipError, compressedBytes, entryBytes, zipEntries } from './zip';

/**
 * An .xlsx package read in Node: its parts inflated with Node's zlib, within the limits, and
 * given to core's reader (core/spreadsheetml.ts, which the pane shares); and the check a package
 * passes before it goes to ExcelJS, the second reader.
 *
 * Throws `ZipError` (damaged, unsupported, too large) or `XmlError`.
 */

export interface PackageLimits {
  /** Most bytes one part may inflate to. */
  partBytes: number;
  /** Most bytes all parts read may inflate to together. */
  totalBytes: number;
}

export const DEFAULT_LIMITS: PackageLimits = { partBytes: 256 * 1024 * 1024, totalBytes: 512 * 1024 * 1024 };

/** Reads a zip package's parts on demand, within the limits (the .ods reader uses it too). */
export class Package implements PackageParts {
  private readonly entries: Map<string, ZipEntry>;
  private inflated = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly limits: PackageLimits,
  ) {
    this.entries = zipEntries(buf);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  text(name: string): string | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const left = this.limits.totalBytes - this.inflated;
    if (entry.size > left && left < this.limits.partBytes) throw new ZipError('too-large', `the parts inflate to more than ${this.limits.totalBytes} bytes`, this.limits.totalBytes);
    const bytes = entryBytes(this.buf, entry, Math.min(this.limits.partBytes, left));
    this.inflated += bytes.length;
    return bytes.toString('utf8');
  }

  stored(name: string): StoredPart | null {
    const entry = this.entries.get(name);
    if (!entry || entry.encrypted) return null;
    return { key: `${name}:${entry.crc}:${entry.size}:${entry.method}:${entry.compressedSize}`, bytes: compressedBytes(this.buf, entry) };
  }
}

/** Every worksheet of an .xlsx package as a grid, in tab order, within `sheetLimits`: a sheet
 * past a limit is listed as not read, with the reason; one with a coordinate beyond Excel's grid
 * makes the file damaged (`SheetLimitError` thrown). */
export function readSpreadsheetMl(buf: Buffer, file: string, limits: PackageLimits = DEFAULT_LIMITS, sheetLimits: SheetLimits = DEFAULT_SHEET_LIMITS): WorkbookRead {
  return readSpreadsheetMlParts(new Package(buf, limits), file, sheetLimits);
}

/** The parts ExcelJS inflates (cli/exceljs.ts: these names, and its unanchored worksheet
 * pattern). */
const EXCELJS_NAMES = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']);
const readByExcelJs = (name: string) => EXCELJS_NAMES.has(name) || /xl\/worksheets\/sheet(\d+)[.]xml/.test(name);

/** Cells of one file ExcelJS is given at most (the second reader, for files whose XML the
 * scanner declines, such as a DOCTYPE): ExcelJS models every cell as an object of a few hundred
 * bytes. A plan is some 15,000 cells. */
export const FALLBACK_CELLS = 100_000;

/**
 * The check before a package goes to ExcelJS, which would inflate a bomb whole and model
 * whatever a sheet says: every part ExcelJS would read is inflated within the limits (else
 * `ZipError`), and each worksheet's XML is looked through as text for what ExcelJS would make
 * objects of: a cell, row, merge or column beyond Excel's grid makes the file damaged
 * (`SheetLimitError`), more than `fallbackCells` cells in all its sheets refuse it (`UnreadableFileError`-worthy
 * `SheetLimitError`). Merges and defined names ExcelJS never expands (cli/exceljs.ts).
 */
export function checkPartsForExcelJs(buf: Buffer, limits: PackageLimits = DEFAULT_LIMITS, fallbackCells = FALLBACK_CELLS): void {
  const pkg = new Package(buf, limits);
  let cells = 0;
  for (const name of pkg.names()) {
    if (!readByExcelJs(name)) continue;
    const xml = pkg.text(name);
    if (xml !== null && name.includes('worksheets/')) cells = lookThroughSheet(xml, name, fallbackCells, cells);
  }
}

/** Start tags ExcelJS turns into objects, found as text (a DOCTYPE stops the scanner): `<c>`,
 * `<row>`, `<mergeCell>`, `<col>` (a Column object per column from 1 to its max), and the
 * `<dimension>` a sheet says it spans. */
const MODELLED = /<(?:[A-Za-z_][\w.-]*:)?(c|row|mergeCell|col|dimension)[\s/>]([^>]*)/g;
const ATTRIBUTES = { r: /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/, ref: /(?:^|\s)ref\s*=\s*(?:"([^"]*)"|'([^']*)')/, max: /(?:^|\s)max\s*=\s*(?:"([^"]*)"|'([^']*)')/ };
const attributeOf = (attrs: string, name: keyof typeof ATTRIBUTES) => {
  const m = ATTRIBUTES[name].exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
};
/** 'beyond-grid' when a reference's row or column is past Excel's last. */
const checkRef = (ref: string, label = ref) => {
  const r = refRow(ref);
  const c = refColumn(ref);
  if (r >= EXCEL_ROWS || c >= EXCEL_COLUMNS) checkInGrid(r, c, label);
};

/** Looks through one sheet's XML; `cells`: those of the file's sheets before it. Returns the
 * count with this sheet's. */
function lookThroughSheet(xml: string, part: string, fallbackCells: number, before: number): number {
  let cells = before;
  for (const m of xml.matchAll(MODELLED)) {
    const [, tag, attrs] = m;
    if (tag === 'c') {
      if (++cells > fallbackCells) throw new SheetLimitError('sheet-cells', message('limit.fallback-cells', { limit: fallbackCells, part }));
      const r = attributeOf(attrs, 'r');
      if (r !== undefined) checkRef(r);
    } else if (tag === 'row') {
      const r = attributeOf(attrs, 'r');
      if (r !== undefined && !(Number(r) <= EXCEL_ROWS)) checkInGrid(EXCEL_ROWS, 0, `A${r}`);
    } else if (tag === 'mergeCell' || tag === 'dimension') {
      const ref = attributeOf(attrs, 'ref') ?? '';
      for (const end of ref.replace(/\$/g, '').split(':')) if (end) checkRef(end, ref);
    } else {
      const max = attributeOf(attrs, 'max');
      if (max !== undefined && !(Number(max) <= EXCEL_COLUMNS)) checkInGrid(0, EXCEL_COLUMNS, `${max}`);
    }
  }
  return cells;
}
