import { dayFromJsDate, excelSerialOfDay } from './dates';
import type { CellValue, Grid } from './grid';
import type { SpecCell } from './report';

/**
 * An office's sheet read from a file no host opens as a workbook (an .ods, a .csv) as the rows a
 * host writes into a new tab (core/cell-matrix.ts): numbers as numbers, dates as date serials in
 * their format (dd/mm/yyyy when the file gave none), text kept as text (a CSV's `=…` never
 * becomes a formula), TRUE/FALSE as text. A CSV's field that is plainly a number (`75`, `-2.5`)
 * is written as the number it says, as Excel reads it when it opens a CSV (an .ods's text stays text).
 */
export function gridSheetRows(grid: Grid, options: { csv?: boolean } = {}): SpecCell[][] {
  return grid.values.map((row, r) => row.map((v, c) => sheetCell(v, grid.formats?.[r]?.[c] ?? undefined, options.csv === true)));
}

const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d{1,15})?$/;

function sheetCell(v: CellValue, format: string | undefined, csv: boolean): SpecCell {
  if (v === null || v === undefined) return { v: null };
  if (v instanceof Date) {
    const day = dayFromJsDate(v);
    return day === null ? { v: null } : { v: excelSerialOfDay(day), format: format ?? 'dd/mm/yyyy' };
  }
  if (typeof v === 'number') return Number.isFinite(v) ? (format ? { v, format } : { v }) : { v: String(v) };
  if (typeof v === 'boolean') return { v: v ? 'TRUE' : 'FALSE' };
  const s = String(v);
  return csv && PLAIN_NUMBER.test(s.trim()) ? { v: Number(s.trim()) } : { v: s };
}
