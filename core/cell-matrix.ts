import { LINK_FONT, SheetSpec, SpecCell } from './report';

/**
 * A block of spec cells (a report sheet, the legend) as every spreadsheet host writes it: one
 * matrix of what each cell is set to (numbers, text kept as text, link formulas), and one matrix per
 * style (number format, fill, font colour, bold), from which a host takes whole 2-D arrays (Sheets)
 * or style runs (Excel, `styleRuns` in areas.ts); column widths as runs of equal widths.
 */
export interface CellMatrix {
  height: number;
  width: number;
  /** What each cell is set to: a finite number, text behind an apostrophe, a link formula, or ''. */
  cells: (string | number)[][];
  formats: (string | null)[][];
  fills: (string | null)[][];
  fonts: (string | null)[][];
  bold: (true | null)[][];
  /** Cells whose text wraps. */
  wraps: (true | null)[][];
  /** Runs of columns of the same width (character widths, as in ExcelJS). */
  widths: { first: number; count: number; width: number }[];
  rowHeights?: SheetSpec['rowHeights'];
  freeze?: SheetSpec['freeze'];
  chart?: SheetSpec['chart'];
  print?: SheetSpec['print'];
}

/** Excel's limit on the text of one cell, kept by every output (Sheets takes more; a report that
 * opens in Excel must not lose the end of a cell). */
export const MAX_CELL_TEXT = 32_767;
/** The longest text HYPERLINK shows. */
const MAX_LINK_TEXT = 255;

export const capText = (s: string): string => (s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s);

/** Text as a spreadsheet should keep it: a leading apostrophe stops `=…`, `1.6`, `2024-25`, `TRUE`
 * or `Jan 2025` from being read as a formula, number, date or boolean; it is not part of the value. */
export function asText(s: string): string {
  return s === '' ? '' : `'${capText(s)}`;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `=HYPERLINK("<target>","<text>")`: the host gives the target in its own form. */
export function hyperlinkFormula(target: string, text: string): string {
  return `=HYPERLINK(${quote(target)},${quote(text.slice(0, MAX_LINK_TEXT))})`;
}

/** The target of a link to a cell of a sheet of this workbook, as the host writes it, or null
 * when it cannot lead there (Sheets: no such tab). */
export type LinkTarget = (link: NonNullable<SpecCell['link']>) => string | null;

export function cellMatrix(spec: Pick<SheetSpec, 'rows'> & Partial<Pick<SheetSpec, 'columnWidths' | 'rowHeights' | 'freeze' | 'chart' | 'print'>>, linkTarget: LinkTarget): CellMatrix {
  const height = spec.rows.length;
  let width = 1;
  for (const r of spec.rows) if (r.length > width) width = r.length;
  const m: CellMatrix = { height, width, cells: [], formats: [], fills: [], fonts: [], bold: [], wraps: [], widths: [], rowHeights: spec.rowHeights, freeze: spec.freeze, chart: spec.chart, print: spec.print };
  for (const row of spec.rows) {
    const cells: (string | number)[] = [];
    const formats: (string | null)[] = [];
    const fills: (string | null)[] = [];
    const fonts: (string | null)[] = [];
    const bold: (true | null)[] = [];
    const wraps: (true | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      let v: string | number = '';
      let linked = false;
      if (cell) {
        if (typeof cell.v === 'number') v = Number.isFinite(cell.v) ? cell.v : '';
        else if (typeof cell.v === 'string') v = asText(cell.v);
        const target = cell.link && cell.v !== null && cell.v !== '' ? linkTarget(cell.link) : null;
        if (target !== null) {
          v = hyperlinkFormula(target, String(cell.v));
          linked = true;
        }
      }
      cells.push(v);
      formats.push(cell?.format ?? null);
      fills.push(cell?.fill ?? null);
      fonts.push(cell?.font ?? (linked ? LINK_FONT : null));
      bold.push(cell?.bold ? true : null);
      wraps.push(cell?.wrap ? true : null);
    }
    m.cells.push(cells);
    m.formats.push(formats);
    m.fills.push(fills);
    m.fonts.push(fonts);
    m.bold.push(bold);
    m.wraps.push(wraps);
  }
  const w = spec.columnWidths ?? [];
  for (let c = 0; c < w.length; ) {
    let e = c;
    while (e + 1 < w.length && w[e + 1] === w[c]) e++;
    m.widths.push({ first: c, count: e - c + 1, width: w[c] });
    c = e + 1;
  }
  return m;
}
