import { CellValue, Grid, MergeArea, columnLetters } from './grid';
import { MergeIndex } from './merge-index';
import { cleanText, compactOfClean, needsCleaning } from './text';
import { CellContext, Value, readCell, readText } from './values';

/**
 * A grid as the reader sees it: a merged area's value is read at every cell it covers. Bounded by
 * the cells the sheet holds, never by its coordinates or its merges' areas: merges are looked up
 * in a `MergeIndex` (rectangles, not filled grids), rows are scanned to their own length and
 * the merges that reach into them, and a cell is named by a key r × stride + c (a number: no
 * array is made per cell read).
 */
/** Rows longer than this are walked by their entries, not their length (see `filledColumns`). */
const SPARSE_ABOVE = 256;

export class SheetView {
  readonly rows: number;
  private readonly merges: MergeIndex;
  private readonly stride: number;
  private readonly originRow: number;
  private readonly originCol: number;
  /** The last row number made into text: addresses are made for every cell read. */
  private labelRow = -1;
  private label = '';
  // A cell is read by several passes (header search, columns, rows), a merged one once per cell
  // it covers: the text of a cell that needs cleaning (NFC, spaces) is cleaned once.
  private readonly cleaned = new Map<number, string>();
  private readonly compacts = new Map<number, string>();
  private readonly filled = new Map<number, ArrayLike<number>>();

  constructor(
    readonly grid: Grid,
    /** How real date cells are read (the fiscal year's plausible days, the host's time zone). */
    public context: CellContext = {},
  ) {
    this.rows = grid.values.length;
    this.merges = new MergeIndex(grid.merges ?? [], this.rows);
    let w = 1;
    for (const row of grid.values) if (row && row.length > w) w = row.length;
    for (const m of grid.merges ?? []) if (m.right + 1 > w) w = m.right + 1;
    this.stride = w;
    this.originRow = grid.origin?.row ?? 0;
    this.originCol = grid.origin?.col ?? 0;
  }

  /** How many cells row r holds itself. */
  rowLength(r: number): number {
    return this.grid.values[r]?.length ?? 0;
  }

  /** 1 + the last column of row r that holds or shows anything (its own cells, merges over it). */
  rowEnd(r: number): number {
    return Math.max(this.rowLength(r), this.merges.rowEnd(r));
  }

  own(r: number, c: number): CellValue {
    const row = this.grid.values[r];
    return row ? row[c] : undefined;
  }

  merge(r: number, c: number): MergeArea | undefined {
    return this.merges.count === 0 ? undefined : this.merges.at(r, c);
  }

  /** True when (r, c) is covered by a merge but is not its top-left cell. */
  isCovered(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return m !== undefined && (m.top !== r || m.left !== c);
  }

  /** The cell that holds (r, c)'s value — itself, or its merge's top-left cell — as a key. */
  holderKey(r: number, c: number): number {
    const m = this.merge(r, c);
    return m === undefined ? r * this.stride + c : m.top * this.stride + m.left;
  }

  private rowOfKey(k: number): number {
    return Math.floor(k / this.stride);
  }

  private valueOfKey(k: number): CellValue {
    const c = k % this.stride;
    return this.own((k - c) / this.stride, c);
  }

  /** Whether the cell of key k (`holderKey`) holds anything but nothing or empty text. */
  holdsValue(k: number): boolean {
    const v = this.valueOfKey(k);
    return v !== null && v !== undefined && v !== '';
  }

  value(r: number, c: number): CellValue {
    return this.valueOfKey(this.holderKey(r, c));
  }

  text(r: number, c: number): string {
    return this.textAt(this.holderKey(r, c));
  }

  ownText(r: number, c: number): string {
    if (this.own(r, c) === undefined || this.isCovered(r, c)) return '';
    return this.textAt(r * this.stride + c);
  }

  /** `compactText(text(r, c))`. */
  compact(r: number, c: number): string {
    const k = this.holderKey(r, c);
    let t = this.compacts.get(k);
    if (t === undefined) {
      t = compactOfClean(this.textAt(k));
      this.compacts.set(k, t);
    }
    return t;
  }

  private textAt(k: number): string {
    const v = this.valueOfKey(k);
    if (typeof v !== 'string') return textOf(v);
    if (!needsCleaning(v)) return v;
    let t = this.cleaned.get(k);
    if (t === undefined) {
      t = cleanText(v);
      this.cleaned.set(k, t);
    }
    return t;
  }

  /** `ownText(r, c) !== ''`, without cleaning the text when its first character is visible. */
  hasOwnText(r: number, c: number): boolean {
    const v = this.own(r, c);
    if (v === null || v === undefined || v === '') return false;
    if (this.isCovered(r, c)) return false;
    if (typeof v === 'string') {
      const first = v.charCodeAt(0);
      if (first > 32 && first < 127) return true;
    }
    return textOf(v) !== '';
  }

  /** Each column of row r whose own cell holds text, in order; `f` returning true stops. */
  forEachOwn(r: number, f: (c: number, text: string) => boolean | void): void {
    const cols = this.filledColumns(r);
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i];
      if (this.isCovered(r, c)) continue;
      const t = this.textAt(r * this.stride + c);
      if (t && f(c, t) === true) return;
    }
  }

  /** The columns of row r whose own cell holds anything, ascending. A far-away cell (a stray
   * mark at XFD5) leaves a sparse row of the grid's width: its holes are never visited, so a row
   * costs the cells it holds, not its length. */
  private filledColumns(r: number): ArrayLike<number> {
    let cols = this.filled.get(r);
    if (cols !== undefined) return cols;
    const row = this.grid.values[r];
    const list: number[] = [];
    if (row) {
      const holds = (v: CellValue) => v !== null && v !== undefined && v !== '';
      if (row.length <= SPARSE_ABOVE) {
        for (let c = 0; c < row.length; c++) if (holds(row[c])) list.push(c);
      } else {
        // Array index keys come in ascending order and only for the entries a row has.
        for (const k of Object.keys(row)) {
          const c = Number(k);
          if (Number.isInteger(c) && holds(row[c])) list.push(c);
        }
      }
    }
    cols = Int32Array.from(list);
    this.filled.set(r, cols);
    return cols;
  }

  /**
   * Each cell row r shows, in order — its own cells and the merges over it, a merge once (at its
   * first column in the row) — that holds something; `f` gets the column and the holder's key,
   * and returning true stops. Merged spans and the gaps between them are stepped over, so the
   * cost is the row's own cells and the merges it meets, whatever the sheet's width.
   */
  forEachVisible(r: number, f: (c: number, key: number) => boolean | void): void {
    const cols = this.filledColumns(r);
    const end = this.rowEnd(r);
    let i = 0;
    let c = 0;
    while (c < end) {
      // The next column that shows anything: the row's next own cell, or the next merge over it.
      while (i < cols.length && cols[i] < c) i++;
      const nextOwn = i < cols.length ? cols[i] : end;
      let m = this.merges.count === 0 ? undefined : this.merges.firstFrom(r, c);
      if (m && m.left > nextOwn) m = undefined;
      if (!m && nextOwn >= end) return;
      if (m) c = Math.max(c, m.left);
      else c = nextOwn;
      // An own cell under a merge is the merge's (its top-left holds the value).
      const over = m ?? this.merge(r, c);
      const key = over === undefined ? r * this.stride + c : over.top * this.stride + over.left;
      if (this.holdsValue(key) && f(c, key) === true) return;
      c = over === undefined ? c + 1 : Math.max(c + 1, over.right + 1);
    }
  }

  /** Whether the key names the cell (r, c) itself (not a merge's top-left elsewhere). */
  isKeyOf(key: number, r: number, c: number): boolean {
    return key === r * this.stride + c;
  }

  /** Sheet-relative A1 address of the cell that holds (r, c)'s value. */
  address(r: number, c: number): string {
    const k = this.holderKey(r, c);
    const hr = this.rowOfKey(k);
    const hc = k - hr * this.stride;
    if (hr !== this.labelRow) {
      this.labelRow = hr;
      this.label = String(hr + this.originRow + 1);
    }
    return columnLetters(hc + this.originCol) + this.label;
  }

  /** The value at (r, c) as SCORING.md §3 reads a cell (merges honoured). */
  read(r: number, c: number): Value {
    const k = this.holderKey(r, c);
    const hr = this.rowOfKey(k);
    const hc = k - hr * this.stride;
    const raw = this.own(hr, hc);
    // Text never depends on its number format: skip the format look-up.
    if (typeof raw === 'string') return readText(raw);
    return readCell(raw, this.grid.formats?.[hr]?.[hc], this.context);
  }
}

function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanText(v);
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString().slice(0, 10) : '';
  return String(v);
}
