/**
 * The plain grid every host adapter produces (Excel, Google Sheets, .xlsx/.csv files).
 * `core/` only ever sees this: values as the host holds them, number formats where known,
 * merge areas and the sheet name from which cell addresses are made.
 */

/** A cell value as hosts hand it over. Dates may come as `Date` (ExcelJS, Apps Script) or as
 * an Excel serial number with a date number format. Host error values come as text (`#N/A`). */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A merged area, 0-based inclusive, in grid coordinates. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet (tab) name, used in every cell address. */
  sheet: string;
  /** File the sheet came from, when there is one. */
  file?: string;
  /** Row-major cell values; rows may be ragged. */
  values: CellValue[][];
  /** Number format per cell, same shape as `values` where known (`'0.00%'`, `'dd/mm/yyyy'`). */
  formats?: (string | null | undefined)[][];
  /** Merged areas, in grid coordinates. */
  merges?: MergeArea[];
  /** Sheet coordinates (0-based) of `values[0][0]`; a host that reads a used range starting at
   * C5 passes `{ row: 4, col: 2 }` so that addresses name the real cells. */
  origin?: { row: number; col: number };
  /** Minutes east of UTC at which the host's `Date` values are wall-clock times (files read by
   * ExcelJS: 0), so that a date-time is read as its date. Absent, a `Date` is taken as a calendar
   * date at midnight in a zone within ±12 h of UTC (Apps Script's dates). */
  timeZoneOffsetMinutes?: number;
}

/** Column letters of a 0-based column index: 0 → A, 27 → AB. */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (col < 16384) LETTERS[col] = s;
  return s;
}

/** 0-based column index of column letters: A → 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a cell within its sheet (no sheet name): `H12`. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Sheet-qualified address, quoted the way spreadsheets quote it: `'Sheet name'!H12`. */
export function qualifiedAddress(sheet: string, cellA1: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  const name = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${cellA1}`;
}

/** Sheet-relative A1 address of grid cell (r, c), honouring the grid's origin. */
export function gridA1(grid: Grid, r: number, c: number): string {
  const o = grid.origin ?? { row: 0, col: 0 };
  return a1(r + o.row, c + o.col);
}

/** 1-based sheet row of grid row r. */
export function sheetRow(grid: Grid, r: number): number {
  return r + (grid.origin?.row ?? 0) + 1;
}

/** Parses `H12` or `'Sheet'!H12` into 0-based sheet coordinates. */
export function parseA1(address: string): { sheet?: string; row: number; col: number } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(address.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, row: Number(m[4]) - 1, col: columnIndex(m[3]) };
}
