import { dayFromExcelSerial, dayFromJsDate, formatDay, isDateFormat } from './dates';
import { a1, CellValue, Grid } from './grid';

/**
 * A table as text, rows × cells, whatever it came from: a Word document's table (docx-tables.ts)
 * or a sheet's grid. The minutes' decision table is read from this (directives.ts).
 */
export interface TextCell {
  /** The cell's text; its paragraphs joined with line breaks. */
  text: string;
  /** Covered by a merged cell: the one above it (`up`, Word's vMerge, a sheet's merge down) or
   * the one to its left (`left`, Word's gridSpan, a sheet's merge across); its text is ''. */
  merged?: 'up' | 'left';
}

/** Where a table is, for the addresses of its cells. */
export type TablePlace =
  /** A sheet: cells are named as the sheet names them (`origin` = the grid's first cell). */
  | { kind: 'sheet'; sheet: string; origin: { row: number; col: number } }
  /** The n-th table (1-based) of a Word document: column letter and row number inside it. */
  | { kind: 'document'; table: number };

export interface TextTable {
  place: TablePlace;
  /** Rows of cells by grid column (a cell spanning two columns is followed by a `left` one). */
  rows: TextCell[][];
}

/** The name of a table's place in a problem (`sheet` of the problem): the sheet's name, or
 * `Table 2` for a document's second table. */
export function placeName(place: TablePlace): string {
  return place.kind === 'sheet' ? place.sheet : `Table ${place.table}`;
}

/** A1 address of a table's cell (0-based row and column of the table). */
export function tableCellA1(place: TablePlace, row: number, col: number): string {
  return place.kind === 'sheet' ? a1(row + place.origin.row, col + place.origin.col) : a1(row, col);
}

/** A sheet's grid as a text table: every value as the sheet shows it (a date as dd/mm/yyyy),
 * merged areas' covered cells marked. */
export function gridTextTable(grid: Grid): TextTable {
  const covered = new Map<string, 'up' | 'left'>();
  for (const m of grid.merges ?? []) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        covered.set(`${r},${c}`, r > m.top ? 'up' : 'left');
      }
    }
  }
  const rows = grid.values.map((row, r) =>
    row.map((v, c): TextCell => {
      const merged = covered.get(`${r},${c}`);
      return merged ? { text: '', merged } : { text: cellText(v, grid.formats?.[r]?.[c]) };
    }),
  );
  return { place: { kind: 'sheet', sheet: grid.sheet, origin: grid.origin ?? { row: 0, col: 0 } }, rows };
}

function cellText(v: CellValue, format: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const day = dayFromJsDate(v);
    return day === null ? '' : formatDay(day);
  }
  if (typeof v === 'number') return isDateFormat(format) ? formatDay(dayFromExcelSerial(v)) : String(v);
  return String(v);
}
