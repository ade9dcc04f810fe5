import { Rect, parseArea } from '../../../core/areas';
import type { Grid } from '../../../core/grid';
import { SheetBlock, blockGrid } from '../../../core/sheet-block';

/**
 * THE Excel adapter: one sheet's used range as Office.js returns it (plain data only, so the real
 * host and the fake produce the same thing) → core's sheet block, and so the `Grid`.
 *
 * - `values`: what `Range.values` gives: `''` for an empty cell, numbers (dates are serial numbers
 *   with a date number format, percents fractions with a percent format), text, booleans, and
 *   error values as text (`#N/A`). A formula cell gives its result.
 * - `numberFormat`: `Range.numberFormat`, `'General'` for none.
 * - `merges`: the addresses of `Range.getMergedAreasOrNullObject().areas` (sheet-qualified or not).
 * - `address`: the range's address; its top-left cell becomes the grid's origin, so every address
 *   core makes names the real cell.
 */
export interface ExcelSheetData {
  sheet: string;
  /** Address of the range `values` came from: `Sheet1!C5:M40`, `'My sheet'!C5`, `C5:M40`. */
  address: string;
  values: unknown[][];
  numberFormat?: unknown[][];
  merges?: string[];
}

export function excelBlock(data: ExcelSheetData): SheetBlock {
  const area = parseArea(data.address);
  if (!area) throw new Error(`not a range address: ${data.address}`);
  const merges = (data.merges ?? []).map((a) => parseArea(a)).filter((m): m is Rect & { sheet?: string } => m !== null);
  return { sheet: data.sheet, top: area.top, left: area.left, values: data.values, formats: data.numberFormat, merges };
}

/** The grid of a used range; `exclude`: the add-in's own areas, never read as the user's table. */
export function excelGrid(data: ExcelSheetData, options: { exclude?: Rect[] } = {}): Grid {
  return blockGrid(excelBlock(data), options);
}
