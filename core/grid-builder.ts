import { CellValue, Grid, MergeArea, a1 } from './grid';
import { Bilingual, message } from './messages';

/**
 * A sheet's grid as a file reader builds it, cell by cell, within limits that hold whatever the
 * file says (issue 13): coordinates beyond Excel's grid make the file damaged; a sheet holds at
 * most so many cells, and its cells may reach only so far (rows × columns from A1); so do all
 * the sheets of one file together. Memory follows the cells a sheet holds, never their
 * coordinates: a row is padded with nulls only over short gaps, a far-away cell is one entry of
 * a sparse row; a merge stays a rectangle, and making its covered cells empty visits only the
 * cells that are there. Host-free: the .xlsx, .ods, CSV and ExcelJS readers all build with it.
 */

/** Excel's grid: a sheet has rows 1–1,048,576 and columns A–XFD. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

export interface SheetLimits {
  /** Most cells of one sheet that may hold something (a value, a number format, a merge). */
  sheetCells: number;
  /** The same, for all the sheets of one file together. */
  fileCells: number;
  /** Most sheets of one file read (an office's workbook has a few; a crafted one can list the
   * same sheet tens of thousands of times). */
  fileSheets: number;
}

/** A large plan is some 500 rows × 30 columns (15,000 cells): every limit is far above any plan
 * and far below what would stall a run or exhaust a 256 MB heap. Nothing is limited by where the
 * cells are: a stray mark at XFD5 costs one cell, and the grid (and core's sheet view) is as
 * sparse as the sheet. */
export const DEFAULT_SHEET_LIMITS: SheetLimits = { sheetCells: 1_000_000, fileCells: 2_000_000, fileSheets: 1_000 };

export type SheetLimitKind = 'beyond-grid' | 'merges-overlap' | 'sheet-cells' | 'file-cells' | 'file-sheets';

/** A sheet past a limit. `damaged` (a coordinate beyond Excel's grid, merges that overlap): the
 * file is not one Excel can open, and is refused whole; otherwise the sheet is skipped with the
 * reason, and the file's other sheets are read (after `file-*`, none are). */
export class SheetLimitError extends Error {
  constructor(
    readonly kind: SheetLimitKind,
    readonly reason: Bilingual,
  ) {
    super(reason.en);
    this.name = 'SheetLimitError';
  }

  get damaged(): boolean {
    return this.kind === 'beyond-grid' || this.kind === 'merges-overlap';
  }

  /** A file limit: this sheet and every one after it are not read (a reader lists the first). */
  get endsFile(): boolean {
    return this.kind === 'file-cells' || this.kind === 'file-sheets';
  }
}

/** A sheet a reader did not turn into a grid, with the reason ('sheet-not-read'). */
export interface SheetNotRead {
  sheet: string;
  reason: Bilingual;
}

/** What a workbook reader gives: the grids in tab order, and the sheets it did not read. */
export interface WorkbookRead {
  grids: Grid[];
  skipped: SheetNotRead[];
}

/** Cell references in messages are the file's own text: kept short. */
const shortRef = (ref: string) => (ref.length > 24 ? `${ref.slice(0, 23)}…` : ref);

/** Throws 'beyond-grid' unless (row, col), 0-based, is inside Excel's grid. `ref` names the cell
 * (or the range, `A1:XFE2`) as the file wrote it; made from the coordinates when not given. */
export function checkInGrid(row: number, col: number, ref?: string): void {
  if (row >= 0 && row < EXCEL_ROWS && col >= 0 && col < EXCEL_COLUMNS) return;
  const cell = ref ?? (Number.isFinite(row) && Number.isFinite(col) && row < 1e9 && col < 1e6 ? a1(Math.max(0, row), Math.max(0, col)) : `R${row + 1}C${col + 1}`);
  const reason = cell.includes(':') ? message('limit.beyond-grid-range', { range: shortRef(cell), rows: EXCEL_ROWS }) : message('limit.beyond-grid', { cell: shortRef(cell), rows: EXCEL_ROWS });
  throw new SheetLimitError('beyond-grid', reason);
}

/** What the sheets of one file have used so far: `GridBuilder`s of one file share it. */
export class FileBudget {
  cells = 0;
  sheets = 0;
  constructor(readonly limits: SheetLimits = DEFAULT_SHEET_LIMITS) {}

  /** The reason the file's sheets from now on are not read, once a file limit was passed. */
  exhausted: SheetLimitError | null = null;
}

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Gaps up to this many columns are padded with nulls (dense rows, as readers always gave); a
 * cell further away is one entry of a sparse row. */
const PAD_GAP = 64;

export class GridBuilder {
  private readonly values: (CellValue[] | undefined)[] = [];
  private readonly formats: ((string | null)[] | undefined)[] = [];
  private readonly merges: MergeArea[] = [];
  private cells = 0;
  /** The last row and column that hold a value (-1: none). */
  private lastRow = -1;
  private lastCol = -1;
  private anyFormat = false;
  private readonly limits: SheetLimits;

  constructor(
    readonly sheet: string,
    readonly file: string | undefined,
    private readonly budget: FileBudget = new FileBudget(),
  ) {
    this.limits = budget.limits;
    if (budget.exhausted) throw budget.exhausted;
    if (++budget.sheets > this.limits.fileSheets) throw this.exhaust('file-sheets', this.limits.fileSheets);
  }

  /** Cell (row, col), 0-based: its value (null: none) and number format (undefined or
   * 'General': none). A later put of the same cell replaces it. */
  put(row: number, col: number, value: CellValue, format?: string | null): void {
    // Excel holds at most 32,767 characters in a cell: a longer text (a crafted file's, 100 MB)
    // is cut there, so that nothing downstream reads more.
    if (typeof value === 'string' && value.length > MAX_CELL_TEXT) value = value.slice(0, MAX_CELL_TEXT);
    const hasFormat = !!format && format !== 'General';
    if ((value === null || value === undefined) && !hasFormat) return;
    checkInGrid(row, col);
    this.count(1);
    if (value !== null && value !== undefined) {
      if (row > this.lastRow) this.lastRow = row;
      if (col > this.lastCol) this.lastCol = col;
      const vals = this.values[row];
      // A row's first cell in column A makes an array of one (a sheet of one-cell rows costs a
      // small array a row, not a growable one).
      if (vals === undefined) this.values[row] = col === 0 ? [value] : newRow(col, value);
      else setCell(vals, col, value);
    }
    if (hasFormat) {
      const fmts = this.formats[row];
      if (fmts === undefined) this.formats[row] = col === 0 ? [format!] : newRow(col, format!);
      else setCell(fmts, col, format!);
      this.anyFormat = true;
    }
  }

  /** Throws the limit `cells` more cells would pass, before they are made (an .ods row repeated
   * a million times is refused at once). */
  ensureRoom(cells: number): void {
    if (this.cells + cells > this.limits.sheetCells) throw new SheetLimitError('sheet-cells', message('limit.sheet-cells', { limit: this.limits.sheetCells }));
    if (this.budget.cells + cells > this.limits.fileCells) throw this.exhaust('file-cells', this.limits.fileCells);
  }

  /** A merged area, 0-based inclusive. */
  merge(area: MergeArea): void {
    checkInGrid(area.top, area.left);
    checkInGrid(area.bottom, area.right);
    this.count(1);
    this.merges.push({ top: Math.min(area.top, area.bottom), left: Math.min(area.left, area.right), bottom: Math.max(area.top, area.bottom), right: Math.max(area.left, area.right) });
  }

  private count(n: number): void {
    this.cells += n;
    this.budget.cells += n;
    if (this.cells > this.limits.sheetCells) throw new SheetLimitError('sheet-cells', message('limit.sheet-cells', { limit: this.limits.sheetCells }));
    if (this.budget.cells > this.limits.fileCells) throw this.exhaust('file-cells', this.limits.fileCells);
  }

  private exhaust(kind: 'file-cells' | 'file-sheets', limit: number): SheetLimitError {
    this.budget.exhausted = new SheetLimitError(kind, message(`limit.${kind}`, { limit }));
    return this.budget.exhausted;
  }

  /**
   * The grid: rows up to the last that holds a value (trailing empty rows are not the sheet's
   * content), a merge's covered cells empty, merges sorted. A merge is kept as far as it covers
   * the sheet's cells: one that starts beyond the last row or column is left out (it covers
   * nothing), and one reaching beyond them is cut back to two rows or columns past them at most,
   * so that a merge across whole rows (A1:XFD1) costs the columns the sheet has, and a merge
   * that spans three or more rows or columns still does.
   */
  finish(): Grid {
    const rows = this.lastRow + 1;
    const cols = this.lastCol + 1;
    // A row that holds nothing is one shared empty row (frozen: nothing may write into it), so a
    // sheet with a cell at A1 and one at A1048576 costs two rows, not a million arrays.
    const values: CellValue[][] = new Array(rows);
    for (let r = 0; r < rows; r++) values[r] = this.values[r] ?? EMPTY_ROW;
    const merges: MergeArea[] = [];
    let covered = 0;
    for (const m of this.merges) {
      if (m.top >= rows || m.left >= cols) continue;
      const clipped = { top: m.top, left: m.left, bottom: cut(m.bottom, m.top, rows - 1), right: cut(m.right, m.left, cols - 1) };
      covered += (clipped.bottom - clipped.top + 1) * (clipped.right - clipped.left + 1);
      merges.push(clipped);
    }
    // Merges that do not overlap cover at most the area they are cut to: more means they overlap,
    // which Excel itself calls damaged.
    if (covered > (rows + 2) * (cols + 2)) throw new SheetLimitError('merges-overlap', message('limit.merges-overlap'));
    const formats = this.anyFormat ? this.formats : null;
    // A merge's covered cells are empty (its top-left holds its value). Only the rows and cells
    // the sheet holds are visited, never the merge's area.
    const held = heldRows(this.values, formats);
    for (const m of merges) {
      for (let i = firstAtLeast(held, m.top); i < held.length && held[i] <= m.bottom; i++) {
        const r = held[i];
        const vals = values[r];
        const fmts = formats?.[r];
        clearCovered(vals, m, r);
        if (fmts) clearCovered(fmts, m, r);
        if (vals !== EMPTY_ROW) trimRow(vals);
      }
    }
    let height = rows;
    while (height > 0 && values[height - 1].length === 0) height--;
    values.length = height;
    const grid: Grid = { sheet: this.sheet, values, merges: merges.sort((a, b) => a.top - b.top || a.left - b.left) };
    if (this.file !== undefined) grid.file = this.file;
    if (formats) {
      const f: (string | null)[][] = new Array(height);
      let any = false;
      for (let r = 0; r < height; r++) {
        f[r] = formats[r] ?? (EMPTY_ROW as (string | null)[]);
        if (!any && f[r].some((x) => x)) any = true;
      }
      if (any) grid.formats = f;
    }
    return grid;
  }
}

const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** The rows that hold a value or a format, ascending (array index keys come in order). */
function heldRows(values: (CellValue[] | undefined)[], formats: ((string | null)[] | undefined)[] | null): number[] {
  const rows = new Set<number>();
  for (const k of Object.keys(values)) rows.add(Number(k));
  if (formats) for (const k of Object.keys(formats)) rows.add(Number(k));
  return [...rows].sort((a, b) => a - b);
}

function firstAtLeast(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Empties the cells of `row` (sheet row r) that merge m covers, but its top-left: the row's
 * entries are visited (a sparse row by its keys), never the merge's width. */
function clearCovered<T>(row: (T | null)[], m: MergeArea, r: number): void {
  const last = Math.min(m.right, row.length - 1);
  if (last < m.left) return;
  const clear = (c: number) => {
    if ((r !== m.top || c !== m.left) && row[c] !== null && row[c] !== undefined) row[c] = null;
  };
  if (last - m.left <= PAD_GAP * 4) {
    for (let c = m.left; c <= last; c++) clear(c);
    return;
  }
  for (const k of Object.keys(row)) {
    const c = Number(k);
    if (c >= m.left && c <= last) clear(c);
  }
}

/** `end` cut back to at most two past `last`, never below `start + 2` when it was there. */
function cut(end: number, start: number, last: number): number {
  return Math.min(end, Math.max(last, start + 2));
}

function newRow<T>(col: number, v: T): (T | null)[] {
  const row: (T | null)[] = [];
  setCell(row, col, v);
  return row;
}

/** A row's cell set: nulls over a short gap, a sparse entry over a long one. */
function setCell<T>(row: (T | null)[], col: number, v: T): void {
  if (col >= row.length && col - row.length <= PAD_GAP) while (row.length < col) row.push(null);
  row[col] = v;
}

/** Trailing empty cells off a row (a merge emptied them). */
function trimRow(row: CellValue[]): void {
  let n = row.length;
  if (n > PAD_GAP * 4) {
    // A sparse row: its last entry that holds something, found among its entries.
    n = 0;
    for (const k of Object.keys(row)) {
      const c = Number(k);
      if (row[c] !== null && row[c] !== undefined && c + 1 > n) n = c + 1;
    }
  } else while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
  if (n < row.length) row.length = n;
}
