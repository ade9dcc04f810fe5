import { Rect, inRect } from './areas';
import type { CellValue, Grid, MergeArea } from './grid';

/**
 * A block of a sheet as a host reads it — Excel's used range, Google Sheets' data range — with its
 * place on the sheet: the values as the host gives them (`''` for a blank; Excel gives dates as
 * serial numbers with a date format, Sheets as `Date`s), the number formats beside them, the merged
 * areas. Every host turns its read into this and core makes the one `Grid` of it.
 */
export interface SheetBlock {
  sheet: string;
  /** Sheet coordinates (0-based) of `values[0][0]`. */
  top: number;
  left: number;
  values: unknown[][];
  formats?: unknown[][];
  /** Merged areas, in sheet coordinates. */
  merges?: Rect[];
}

export interface BlockGridOptions {
  /** Sheet areas to leave out (what APA Sheets wrote), so its own cells are never read as the user's table. */
  exclude?: Rect[];
  /** Number formats that say nothing in this host (its automatic format): left out of the grid. */
  plainFormats?: ReadonlySet<string>;
}

const PLAIN = new Set(['', 'General']);

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A cell as core takes it: a blank is null; a `Date` of another realm (a test's fakes, a host's
 * sandbox) becomes a `Date` of this one; a number that is not finite is an error value. */
export function hostCell(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (isDate(v)) return new Date(v.getTime());
  return String(v);
}

/** The value at sheet coordinates (row, col), or undefined outside the block. */
export function blockValue(block: Pick<SheetBlock, 'top' | 'left' | 'values'>, row: number, col: number): unknown {
  return block.values[row - block.top]?.[col - block.left];
}

/** The block's last row, in sheet coordinates. */
export const blockBottom = (block: Pick<SheetBlock, 'top' | 'values'>): number => block.top + block.values.length - 1;

/** True when the block holds no value at all. */
export function blockIsBlank(block: Pick<SheetBlock, 'values'>): boolean {
  return block.values.every((row) => row.every((v) => v === '' || v === null || v === undefined));
}

/** THE grid of a host's block: values and formats by grid coordinates (its origin the block's
 * place), merges moved and clipped into the grid, trailing blank rows dropped. */
export function blockGrid(block: SheetBlock, options: BlockGridOptions = {}): Grid {
  const origin = { row: block.top, col: block.left };
  const plain = options.plainFormats ?? PLAIN;
  const exclude = (options.exclude ?? []).filter((x) => x.bottom >= origin.row && x.right >= origin.col);
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  for (let r = 0; r < block.values.length; r++) {
    const src = block.values[r] ?? [];
    const fsrc = block.formats?.[r] ?? [];
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    for (let c = 0; c < src.length; c++) {
      if (exclude.length && exclude.some((x) => inRect(x, r + origin.row, c + origin.col))) continue;
      const v = hostCell(src[c]);
      if (v !== null) {
        while (vals.length < c) vals.push(null);
        vals[c] = v;
      }
      const f = fsrc[c];
      if (typeof f === 'string' && !plain.has(f)) {
        while (fmts.length < c) fmts.push(null);
        fmts[c] = f;
        anyFormat = true;
      }
    }
    values.push(vals);
    formats.push(fmts);
  }
  while (values.length && values[values.length - 1].length === 0) {
    values.pop();
    formats.pop();
  }
  const merges: MergeArea[] = [];
  for (const m of block.merges ?? []) {
    const g = { top: Math.max(0, m.top - origin.row), left: Math.max(0, m.left - origin.col), bottom: m.bottom - origin.row, right: m.right - origin.col };
    if (g.bottom < 0 || g.right < 0 || (g.top === g.bottom && g.left === g.right)) continue;
    merges.push(g);
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const grid: Grid = { sheet: block.sheet, values, merges, origin };
  if (anyFormat) grid.formats = formats;
  return grid;
}
