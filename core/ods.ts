import type { CellValue } from './grid';
import { FileBudget, GridBuilder, MAX_CELL_TEXT, SheetLimitError, SheetLimits, WorkbookRead } from './grid-builder';
import { message } from './messages';
import { Attributes, XmlHandler, scanXml } from './xml-scan';

/** An encrypted document lists how each part was encrypted in its manifest (META-INF/manifest.xml). */
export const odsEncrypted = (manifest: string | null): boolean => manifest !== null && /<(?:\w+:)?encryption-data\b/.test(manifest);

/**
 * An OpenDocument spreadsheet (.ods, LibreOffice's own format) as grids, one per table, in
 * order: from its content.xml (and styles.xml, where named styles keep their number formats),
 * as text, so that every host can read one (the zip is the host's business: cli/ods-package.ts).
 *
 * - `table:table-row`, `table:table-cell`; `table:number-rows-repeated` and
 *   `table:number-columns-repeated` (LibreOffice writes a sheet's empty rest as one row repeated a
 *   million times: it costs nothing, and repeated content costs its cells, within the limits);
 * - spans (`table:number-columns-spanned`, `table:number-rows-spanned`) as merges, covered cells
 *   empty;
 * - values by `office:value-type`: float and currency → number; percentage → the fraction with a
 *   percent format ('0.00%'), as an .xlsx cell holds it; date → `Date` (UTC midnight, as the
 *   .xlsx reader gives a date serial) with its date format; time → the same `Date` an .xlsx
 *   time cell gives; boolean; string (paragraphs joined by line breaks, `text:s` spaces); an
 *   error result (`calcext:value-type="error"`) as its text, `#DIV/0!`.
 *
 * Built with `GridBuilder`, so the .xlsx reader's limits hold here too. Throws `XmlError` on XML
 * it cannot read, `SheetLimitError` (damaged) for content beyond Excel's grid.
 */
export function readOdsContent(contentXml: string, stylesXml: string | null, file: string, limits?: SheetLimits): WorkbookRead {
  const formats = new DataStyles();
  if (stylesXml !== null) formats.read(stylesXml);
  formats.read(contentXml);
  const budget = new FileBudget(limits);
  const out: WorkbookRead = { grids: [], skipped: [] };
  let grid: GridBuilder | null = null;
  let sheet = '';
  // A table past a limit is skipped to its end; the next one is read (unless a file limit).
  let refused: SheetLimitError | null = null;
  let fileEnded = false;

  let depth = 0;
  let tableDepth = -1;
  let row = 0;
  let rowRepeat = 1;
  let rowCells: { col: number; repeat: number; value: CellValue; format: string | undefined; rows: number; cols: number }[] = [];
  let col = 0;
  // The cell being read.
  let cellDepth = -1;
  let cell: { repeat: number; type: string; error: boolean; value?: string; date?: string; time?: string; bool?: string; stringValue?: string; style?: string; rows: number; cols: number } | null = null;
  let paragraphs: string[] = [];
  let paragraph = '';
  let inParagraph = false;
  /** Inside a cell, the depth of an element whose content is not the cell's text (a comment, a
   * drawing, a table in the cell), or -1. */
  let skipDepth = -1;
  let textLength = 0;

  const addText = (t: string) => {
    // A cell holds at most 32,767 characters (Excel's limit): `text:s text:c="999999999"` is
    // not a billion spaces.
    const room = MAX_TEXT - textLength;
    if (room <= 0) return;
    const piece = t.length > room ? t.slice(0, room) : t;
    paragraph += piece;
    textLength += piece.length;
  };

  const startTable = (name: string) => {
    sheet = name;
    refused = null;
    row = 0;
    try {
      grid = new GridBuilder(name, file, budget);
    } catch (err) {
      grid = null;
      refuse(err);
    }
  };
  const refuse = (err: unknown) => {
    if (!(err instanceof SheetLimitError) || err.damaged) throw err;
    refused = err;
    grid = null;
  };
  const endTable = () => {
    if (grid) {
      try {
        out.grids.push(grid.finish());
      } catch (err) {
        refuse(err);
      }
    }
    // After a file limit, only the first table not read is listed (its reason says the rest).
    if (refused && !(refused.endsFile && fileEnded)) out.skipped.push({ sheet, reason: message('sheet-not-read', { reason: refused.reason }) });
    if (refused?.endsFile) fileEnded = true;
    grid = null;
    refused = null;
  };

  /** The row just read, `rowRepeat` times: an empty row (the sheet's rest) costs nothing. */
  const endRow = () => {
    if (grid && rowCells.length) {
      try {
        let perRow = 0;
        for (const c of rowCells) perRow += c.repeat * (c.rows > 1 || c.cols > 1 ? 2 : 1);
        grid.ensureRoom(perRow * rowRepeat);
        for (let k = 0; k < rowRepeat; k++) {
          const r = row + k;
          for (const c of rowCells) {
            for (let j = 0; j < c.repeat; j++) {
              grid.put(r, c.col + j, c.value, c.format);
              if (c.rows > 1 || c.cols > 1) grid.merge({ top: r, left: c.col + j, bottom: r + c.rows - 1, right: c.col + j + c.cols - 1 });
            }
          }
        }
      } catch (err) {
        refuse(err);
      }
    }
    row += rowRepeat;
    rowCells = [];
  };

  const endCell = () => {
    const c = cell!;
    const text = paragraphs.length ? paragraphs.join('\n') : null;
    const { value, format } = cellValue(c, text, formats);
    if ((value !== null && value !== undefined) || c.rows > 1 || c.cols > 1) rowCells.push({ col, repeat: c.repeat, value, format, rows: c.rows, cols: c.cols });
    col += c.repeat;
    cell = null;
  };

  const handler: XmlHandler = {
    wantsText: false,
    open(name: string, a: Attributes) {
      depth++;
      if (skipDepth >= 0) return;
      if (cell) {
        if (name === 'p' && depth === cellDepth + 1) {
          inParagraph = true;
          paragraph = '';
          handler.wantsText = true;
        } else if (inParagraph && name === 's') addText(' '.repeat(Math.min(MAX_TEXT, count(a.get('text:c') ?? a.getPrefixed('c'), 1))));
        else if (inParagraph && name === 'tab') addText('\t');
        else if (inParagraph && name === 'line-break') addText('\n');
        else if (!(inParagraph && TEXT_SPANS.has(name))) {
          // A comment, a drawing, anything else in the cell: not its text.
          skipDepth = depth;
          handler.wantsText = false;
        }
        return;
      }
      if (name === 'table' && tableDepth < 0) {
        tableDepth = depth;
        startTable(a.get('table:name') ?? a.getPrefixed('name') ?? `Sheet${out.grids.length + out.skipped.length + 1}`);
      } else if (tableDepth < 0) return;
      else if (name === 'table-row') {
        rowRepeat = count(a.get('table:number-rows-repeated') ?? a.getPrefixed('number-rows-repeated'), 1);
        col = 0;
        rowCells = [];
      } else if (name === 'table-cell' || name === 'covered-table-cell') {
        const repeat = count(a.get('table:number-columns-repeated') ?? a.getPrefixed('number-columns-repeated'), 1);
        if (name === 'covered-table-cell') {
          // Covered by a span: empty in the grid (its master holds the value); skipped whole.
          col += repeat;
          skipDepth = depth;
          return;
        }
        cellDepth = depth;
        cell = {
          repeat,
          type: a.get('office:value-type') ?? a.getPrefixed('value-type') ?? '',
          error: a.get('calcext:value-type') === 'error',
          value: a.get('office:value'),
          date: a.get('office:date-value'),
          time: a.get('office:time-value'),
          bool: a.get('office:boolean-value'),
          stringValue: a.get('office:string-value'),
          style: a.get('table:style-name'),
          rows: count(a.get('table:number-rows-spanned'), 1),
          cols: count(a.get('table:number-columns-spanned'), 1),
        };
        paragraphs = [];
        textLength = 0;
      }
    },
    close(name: string) {
      if (skipDepth >= 0) {
        if (depth === skipDepth) skipDepth = -1;
        depth--;
        return;
      }
      if (cell) {
        if (depth === cellDepth) {
          endCell();
          cellDepth = -1;
        } else if (name === 'p' && inParagraph && depth === cellDepth + 1) {
          paragraphs.push(paragraph);
          if (paragraphs.length > 1) textLength++;
          inParagraph = false;
          handler.wantsText = false;
        }
      } else if (name === 'table-row' && tableDepth >= 0) endRow();
      else if (name === 'table' && depth === tableDepth) {
        endTable();
        tableDepth = -1;
      }
      depth--;
    },
    text(t: string) {
      if (inParagraph && skipDepth < 0) addText(t);
    },
  };
  scanXml(contentXml, handler);
  return out;
}

/** Excel's limit on the text of a cell (cut as the text is read: a `text:s` of a billion spaces
 * is never made). */
const MAX_TEXT = MAX_CELL_TEXT;

/** Elements of a paragraph whose text is the paragraph's. */
const TEXT_SPANS = new Set(['span', 'a', 's', 'tab', 'line-break', 'soft-page-break', 'bookmark', 'bookmark-start', 'bookmark-end']);

/** A repeat or span count: a positive integer, else `fallback`. */
function count(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 1 ? n : fallback;
}

type CellAttrs = { type: string; error: boolean; value?: string; date?: string; time?: string; bool?: string; stringValue?: string; style?: string };

/** A cell's value as the .xlsx reader would give the same cell, and its number format where one
 * matters (percent, date, time). */
function cellValue(c: CellAttrs, text: string | null, formats: DataStyles): { value: CellValue; format: string | undefined } {
  const asText = () => (c.stringValue ?? text ?? null);
  if (c.error) return { value: text, format: undefined };
  switch (c.type) {
    case 'float':
    case 'currency': {
      const n = c.value !== undefined ? Number(c.value) : NaN;
      return { value: Number.isFinite(n) ? n : asText(), format: undefined };
    }
    case 'percentage': {
      const n = c.value !== undefined ? Number(c.value) : NaN;
      if (!Number.isFinite(n)) return { value: asText(), format: undefined };
      return { value: n, format: formats.of(c.style, 'percentage') ?? '0%' };
    }
    case 'date': {
      const d = c.date !== undefined ? isoDay(c.date) : null;
      return d ? { value: d, format: formats.of(c.style, 'date') ?? 'dd/mm/yyyy' } : { value: asText(), format: undefined };
    }
    case 'time': {
      const f = c.time !== undefined ? dayFraction(c.time) : null;
      // An .xlsx time cell is a fraction of a day in a time format, which its reader makes a
      // date of Excel's day zero.
      return f === null ? { value: asText(), format: undefined } : { value: new Date(Math.round((f - 25569) * 86_400_000)), format: 'hh:mm:ss' };
    }
    case 'boolean':
      return { value: c.bool === 'true' || c.bool === '1', format: undefined };
    default:
      return { value: asText(), format: undefined };
  }
}

/** `2025-03-16` or `2025-03-16T10:30:00` → that moment, read as UTC. */
function isoDay(s: string): Date | null {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?)?/.exec(s.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0, Math.round(Number(m[6] ?? 0) * 1000)));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An ISO 8601 duration (`PT13H30M00S`) as a fraction of a day. */
function dayFraction(s: string): number | null {
  const m = /^-?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s.trim());
  if (!m) return null;
  const days = Number(m[1] ?? 0) + Number(m[2] ?? 0) / 24 + Number(m[3] ?? 0) / 1440 + Number(m[4] ?? 0) / 86400;
  return Number.isFinite(days) ? days : null;
}

/** The number formats of the cell styles (content.xml's automatic styles, styles.xml's named
 * ones), as Excel format codes, for percent and date styles. */
class DataStyles {
  /** Cell style → its parent style and data style. */
  private readonly cellStyles = new Map<string, { parent?: string; data?: string }>();
  /** Data style → its kind and format code. */
  private readonly data = new Map<string, { kind: 'percentage' | 'date'; code: string }>();

  read(xml: string): void {
    let current: { name: string; kind: 'percentage' | 'date'; code: string } | null = null;
    let inText = false;
    const handler: XmlHandler = {
      wantsText: false,
      open: (name, a) => {
        if (name === 'style' && (a.get('style:family') ?? a.getPrefixed('family')) === 'table-cell') {
          const styleName = a.get('style:name');
          if (styleName !== undefined) this.cellStyles.set(styleName, { parent: a.get('style:parent-style-name'), data: a.get('style:data-style-name') });
        } else if (name === 'percentage-style' || name === 'date-style') {
          const styleName = a.get('style:name');
          current = styleName === undefined ? null : { name: styleName, kind: name === 'percentage-style' ? 'percentage' : 'date', code: '' };
        } else if (current) {
          const style = a.get('number:style');
          const long = style === 'long';
          if (name === 'number') {
            const places = count(a.get('number:decimal-places'), 0);
            current.code += places > 0 ? `0.${'0'.repeat(Math.min(places, 15))}` : '0';
          } else if (name === 'day') current.code += long ? 'dd' : 'd';
          else if (name === 'month') current.code += a.get('number:textual') === 'true' ? (long ? 'mmmm' : 'mmm') : long ? 'mm' : 'm';
          else if (name === 'year') current.code += long ? 'yyyy' : 'yy';
          else if (name === 'day-of-week') current.code += long ? 'dddd' : 'ddd';
          else if (name === 'hours') current.code += long ? 'hh' : 'h';
          else if (name === 'minutes') current.code += 'mm';
          else if (name === 'seconds') current.code += 'ss';
          else if (name === 'text') {
            inText = true;
            handler.wantsText = true;
          }
        }
      },
      close: (name) => {
        if (name === 'text' && inText) {
          inText = false;
          handler.wantsText = false;
        } else if ((name === 'percentage-style' || name === 'date-style') && current) {
          if (current.code.length < 200) this.data.set(current.name, { kind: current.kind, code: current.code });
          current = null;
        }
      },
      text: (t) => {
        // Literal text of a format, quoted as Excel quotes it (a percent sign is the format's own).
        if (current && inText) current.code += t === '%' || /^[\s/.,:-]+$/.test(t) ? t : `"${t.replace(/"/g, '')}"`;
      },
    };
    scanXml(xml, handler);
  }

  /** The format code of a cell style's data style when it is of `kind`, following parents. */
  of(style: string | undefined, kind: 'percentage' | 'date'): string | undefined {
    for (let s = style, hops = 0; s !== undefined && hops < 16; hops++) {
      const cellStyle = this.cellStyles.get(s);
      if (!cellStyle) return undefined;
      if (cellStyle.data !== undefined) {
        const d = this.data.get(cellStyle.data);
        return d && d.kind === kind ? d.code : undefined;
      }
      s = cellStyle.parent;
    }
    return undefined;
  }
}
