import { CellValue, Grid, MergeArea, columnIndex, columnLetters } from '../../../core/grid';

/**
 * THE Excel adapter: one sheet's used range as Office.js returns it (plain data only, so the real
 * host and the fake produce the same thing) → the core `Grid`.
 *
 * - `values`: what `Range.values` gives: `''` for an empty cell, numbers (dates are serial numbers
 *   with a date number format, percents fractions with a percent format), text, booleans, and
 *   error values as text (`#N/A`). A formula cell gives its result.
 * - `numberFormat`: `Range.numberFormat`, `'General'` for none.
 * - `merges`: the addresses of `Range.getMergedAreasOrNullObject().areas` (sheet-qualified or not).
 * - `address`: the range's address; its top-left cell becomes the grid's origin, so every address
 *   core makes names the real cell.
 * - `exclude`: sheet areas (0-based, inclusive) to leave out, e.g. the add-in's own columns and
 *   legend, so that what the add-in wrote is never read as part of the user's table.
 */
export interface ExcelSheetData {
  sheet: string;
  /** Address of the range `values` came from: `Sheet1!C5:M40`, `'My sheet'!C5`, `C5:M40`. */
  address: string;
  values: unknown[][];
  numberFormat?: unknown[][];
  merges?: string[];
}

/** A rectangle of sheet cells, 0-based and inclusive. */
export type Rect = MergeArea;

export function excelGrid(data: ExcelSheetData, options: { exclude?: Rect[] } = {}): Grid {
  const area = parseAreaAddress(data.address);
  if (!area) throw new Error(`not a range address: ${data.address}`);
  const origin = { row: area.top, col: area.left };
  const exclude = (options.exclude ?? []).filter((x) => x.bottom >= origin.row && x.right >= origin.col);
  const excluded = (r: number, c: number) => {
    for (const x of exclude) if (r >= x.top && r <= x.bottom && c >= x.left && c <= x.right) return true;
    return false;
  };

  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  const rows = data.values.length;
  for (let r = 0; r < rows; r++) {
    const src = data.values[r] ?? [];
    const fsrc = data.numberFormat?.[r] ?? [];
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    for (let c = 0; c < src.length; c++) {
      if (exclude.length && excluded(r + origin.row, c + origin.col)) continue;
      const v = cellValue(src[c]);
      if (v !== null) {
        while (vals.length < c) vals.push(null);
        vals[c] = v;
      }
      const f = fsrc[c];
      if (typeof f === 'string' && f !== '' && f !== 'General') {
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
  for (const address of data.merges ?? []) {
    const m = parseAreaAddress(address);
    if (!m) continue;
    const g = { top: m.top - origin.row, left: m.left - origin.col, bottom: m.bottom - origin.row, right: m.right - origin.col };
    if (g.bottom < 0 || g.right < 0) continue;
    g.top = Math.max(0, g.top);
    g.left = Math.max(0, g.left);
    if (g.top === g.bottom && g.left === g.right) continue;
    merges.push(g);
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);

  const grid: Grid = { sheet: data.sheet, values, merges, origin };
  if (anyFormat) grid.formats = formats;
  return grid;
}

function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** `Sheet1!A1:B2`, `'My ''sheet'''!A1`, `$A$1:$B$2` → the sheet (if named) and the area. */
export function parseAreaAddress(address: string): (Rect & { sheet?: string }) | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/.exec(address.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const r1 = Number(m[4]) - 1;
  const c1 = columnIndex(m[3]);
  const r2 = m[6] !== undefined ? Number(m[6]) - 1 : r1;
  const c2 = m[5] !== undefined ? columnIndex(m[5]) : c1;
  return { sheet, top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** Splits a multi-area address (`Sheet1!A1:B2, Sheet1!D4` or with `;`) into its areas, minding
 * quoted sheet names that contain commas. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if ((ch === ',' || ch === ';') && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** A1 text of a rectangle: `C5` or `C5:M40`. */
export function rectA1(r: Rect): string {
  const tl = `${columnLetters(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${columnLetters(r.right)}${r.bottom + 1}`;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
