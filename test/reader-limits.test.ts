import { csvRead, parseCsv } from '../cli/csv-grid';
import { DEFAULT_LIMITS, FALLBACK_CELLS, checkPartsForExcelJs, readSpreadsheetMl } from '../cli/spreadsheetml';
import { readWithExcelJs, readWorkbookGrids } from '../cli/xlsx-grid';
import { DEFAULT_SHEET_LIMITS, EXCEL_COLUMNS, EXCEL_ROWS, FileBudget, GridBuilder, SheetLimits } from '../core/grid-builder';
import { sheetXml, workbookPackage } from './fixtures/packages';

/**
 * Reading bounded by what is there (issue 13): coordinates beyond Excel's grid make a file
 * damaged, with its reason; a sheet costs the cells it holds, never their coordinates or the
 * area a merge covers; a sheet, and a file's sheets together, are read up to a cap; and the same
 * limits hold in the fallback reader (ExcelJS, for a DOCTYPE) and the CSV reader.
 */

const SMALL: SheetLimits = { sheetCells: 10, fileCells: 25, fileSheets: 6 };
const cell = (ref: string, v = '1') => `<c r="${ref}"><v>${v}</v></c>`;
const book = (...sheets: string[]) => workbookPackage(sheets.map((data, i) => ({ name: `S${i + 1}`, xml: sheetXml(data) })));
const withDoctype = (data: string, after = '') => sheetXml(data, after).replace('<worksheet ', '<!DOCTYPE worksheet [<!ELEMENT worksheet ANY>]><worksheet ');
const doctypeBook = (data: string, after = '') => workbookPackage([{ name: 'S1', xml: withDoctype(data, after) }]);

describe("Coordinates beyond Excel's grid (row > 1,048,576, column > XFD) make the file damaged, with its reason", () => {
  test.each([
    ['a cell in row 1,048,577', `<row r="1048577">${cell('A1048577')}</row>`, /cell A1048577 lies beyond the last row \(1,048,576\) or column \(XFD\) a sheet can have; the file is damaged/],
    ['a cell in row 999,999,999', `<row r="999999999">${cell('A999999999')}</row>`, /cell A999999999 lies beyond/],
    ['a cell in column XFE', `<row r="1">${cell('XFE1')}</row>`, /cell XFE1 lies beyond/],
    ['an empty cell in column XFE', '<row r="1"><c r="XFE1" s="0"/></row>', /cell XFE1 lies beyond/],
    ['a row past the last', '<row r="1048577"/>', /cell A1048577 lies beyond/],
  ])('%s', async (_, data, reason) => {
    await expect(readWorkbookGrids(book(data), 'x.xlsx')).rejects.toMatchObject({ reason: { en: expect.stringMatching(reason), bn: expect.stringMatching(/ফাইলটি নষ্ট/) } });
  });

  test('a dimension past the last column (the first reader too)', async () => {
    await expect(readWorkbookGrids(workbookPackage([{ name: 'S', xml: sheetXml(`<row r="1">${cell('A1')}</row>`).replace('<sheetData>', '<dimension ref="A1:XFE9"/><sheetData>') }]), 'x.xlsx')).rejects.toMatchObject({
      reason: { en: expect.stringMatching(/the range A1:XFE9 reaches beyond the last row/), bn: expect.stringMatching(/পরিসর A1:XFE9/) },
    });
  });

  test('a merge past the last column', async () => {
    await expect(readWorkbookGrids(workbookPackage([{ name: 'S', xml: sheetXml(`<row r="1">${cell('A1')}</row>`, '<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>') }]), 'x.xlsx')).rejects.toMatchObject({
      reason: { en: expect.stringMatching(/the range A1:XFE2 reaches beyond/) },
    });
  });

  test.each([
    ['a cell', `<row r="1">${cell('XFE1')}</row>`, ''],
    ['a row', '<row r="2000000"/>', ''],
    ['a merge', `<row r="1">${cell('A1')}</row>`, '<mergeCells><mergeCell ref="A1:A1048577"/></mergeCells>'],
    ['a column (ExcelJS makes one object per column up to max)', `<row r="1">${cell('A1')}</row>`, '<cols><col min="1" max="99999999" width="9"/></cols>'],
    ['the dimension a sheet says it spans', `<row r="1">${cell('A1')}</row>`, '<dimension ref="A1:XFE9"/>'],
  ])('the same in the fallback reader (a DOCTYPE goes to ExcelJS): %s', async (_, data, after) => {
    const buf = after.startsWith('<cols') || after.startsWith('<dimension') ? workbookPackage([{ name: 'S1', xml: withDoctype(data).replace('<sheetData>', `${after}<sheetData>`) }]) : doctypeBook(data, after);
    expect(() => readSpreadsheetMl(buf, 'x.xlsx')).toThrow(/document type declarations/);
    await expect(readWorkbookGrids(buf, 'x.xlsx')).rejects.toMatchObject({ reason: { en: expect.stringMatching(/beyond the last row \(1,048,576\) or column \(XFD\)/) } });
  });

  test('in a CSV too: a field past column XFD', () => {
    expect(() => csvRead(Buffer.from(`${'x,'.repeat(EXCEL_COLUMNS)}x\n`), 'wide.csv')).toThrow(/cell XFE1 lies beyond/);
  });
});

describe('A sheet costs the cells it holds, never their coordinates or merge areas', () => {
  test('a far-away cell is one entry of a sparse row, not a row padded to its column; near ones are padded with nulls as before', () => {
    const [g] = readSpreadsheetMl(book(`<row r="1">${cell('A1')}${cell('C1')}${cell('XFD1')}</row>`), 'x.xlsx').grids;
    expect(g.values[0].length).toBe(EXCEL_COLUMNS);
    expect(Object.keys(g.values[0])).toEqual(['0', '1', '2', String(EXCEL_COLUMNS - 1)]);
    expect(g.values[0].slice(0, 3)).toEqual([1, null, 1]);
  });

  test('30,000 cells in column XFD are 30,000 entries', () => {
    const g = new GridBuilder('S', 'f', new FileBudget(DEFAULT_SHEET_LIMITS));
    for (let r = 0; r < 30_000; r++) g.put(r, EXCEL_COLUMNS - 1, 1);
    const grid = g.finish();
    expect(grid.values).toHaveLength(30_000);
    let entries = 0;
    for (const row of grid.values) entries += Object.keys(row).length;
    expect(entries).toBe(30_000);
  });

  test('a merge stays a rectangle, cut to the cells the sheet holds; what it covers is empty', async () => {
    const data = `<row r="1">${cell('A1')}${cell('B1')}</row><row r="2">${cell('A2')}${cell('B2')}</row>`;
    const after = '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>';
    // Cut to at most two rows and columns past the sheet's last (a merge of three or more keeps
    // that span).
    const [g] = readSpreadsheetMl(workbookPackage([{ name: 'S1', xml: sheetXml(data, after) }]), 'x.xlsx').grids;
    expect(g).toMatchObject({ values: [[1]], merges: [{ top: 0, left: 0, bottom: 2, right: 2 }] });
    // The fallback reader gives the same grid, and ExcelJS never models the merge cell by cell.
    const viaExcelJs = (await readWorkbookGrids(doctypeBook(data, after), 'x.xlsx')).grids[0];
    // (readWorkbookGrids also says that a date cell's time is wall-clock UTC: a file has no zone.)
    expect(viaExcelJs).toEqual({ ...g, timeZoneOffsetMinutes: 0 });
  });

  test('a cell holds at most 32,767 characters (Excel\'s limit), however long the text a file gives it', () => {
    const [g] = readSpreadsheetMl(book(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'ক'.repeat(100_000)}</t></is></c></row>`), 'x.xlsx').grids;
    expect((g.values[0][0] as string).length).toBe(32_767);
    const [csv] = csvRead(Buffer.from(`${'x'.repeat(50_000)},y\n`), 'long.csv').grids;
    expect(csv.values[0].map((v) => (v as string).length)).toEqual([32_767, 1]);
  });

  test('merges wholly outside the cells the sheet holds are left out; merges that overlap make the file damaged', async () => {
    const data = `<row r="1">${cell('A1')}${cell('B1')}</row>`;
    const [g] = readSpreadsheetMl(workbookPackage([{ name: 'S', xml: sheetXml(data, '<mergeCells><mergeCell ref="A40:XFD1048576"/><mergeCell ref="D1:XFD1"/></mergeCells>') }]), 'x.xlsx').grids;
    expect(g.merges).toEqual([]);
    const overlapping = `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(3)}</mergeCells>`;
    await expect(readWorkbookGrids(workbookPackage([{ name: 'S', xml: sheetXml(data, overlapping) }]), 'x.xlsx')).rejects.toMatchObject({ reason: { en: expect.stringMatching(/merged areas overlap one another; the file is damaged/) } });
  });
});

describe('A cap on the cells read per sheet and per file', () => {
  test('the defaults: far above any plan (some 500 rows × 30 columns)', () => {
    expect(DEFAULT_SHEET_LIMITS).toEqual({ sheetCells: 1_000_000, fileCells: 2_000_000, fileSheets: 1_000 });
    expect(FALLBACK_CELLS).toBe(100_000);
  });

  const letters = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
  const cells = (n: number, row = 1) => `<row r="${row}">${Array.from({ length: n }, (_, c) => cell(`${letters(c % 1000)}${row + Math.floor(c / 1000)}`)).join('')}</row>`;

  test('a sheet past its cells is not read, with its reason; the file\'s other sheets are', () => {
    const r = readSpreadsheetMl(book(cells(11), cells(5)), 'x.xlsx', DEFAULT_LIMITS, SMALL);
    expect(r.grids.map((g) => g.sheet)).toEqual(['S2']);
    expect(r.skipped).toEqual([{ sheet: 'S1', reason: { en: 'This sheet was not read: more than 10 of its cells hold something, more than any plan has', bn: expect.stringMatching(/^এই শিটটি পড়া হয়নি: শিটে ১০টির বেশি ঘরে/) } }]);
  });

  test('where the cells are costs nothing: a sheet with cells at A1, J200 and XFD1048576 is three cells and read', () => {
    const r = readSpreadsheetMl(book(`<row r="1">${cell('A1')}</row><row r="200">${cell('J200')}</row><row r="1048576">${cell('XFD1048576')}</row>`), 'x.xlsx', DEFAULT_LIMITS, SMALL);
    expect(r.skipped).toEqual([]);
    const g = r.grids[0];
    expect(g.values).toHaveLength(EXCEL_ROWS);
    // Rows hold their entries only (a short gap is padded with nulls: J200 is A200…J200).
    const held = [...new Set(g.values)].flatMap((row) => Object.keys(row).filter((k) => row[Number(k)] !== null));
    expect(held).toHaveLength(3);
    expect(Object.keys(g.values[199])).toHaveLength(10);
  });

  test('a merge over the whole sheet above a far cell empties only the cells the sheet holds', () => {
    const data = `<row r="1">${cell('A1')}${cell('B1')}</row><row r="1048576">${cell('XFD1048576')}</row>`;
    const [g] = readSpreadsheetMl(workbookPackage([{ name: 'S1', xml: sheetXml(data, '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>') }]), 'x.xlsx').grids;
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: EXCEL_ROWS - 1, right: EXCEL_COLUMNS - 1 }]);
    expect(g.values[0]).toEqual([1]);
    expect(g.values).toHaveLength(1);
  });

  test('the sheets of a file share its cap: the sheets after it is reached are not read, the first of them named', () => {
    const r = readSpreadsheetMl(book(cells(9), cells(9), cells(9), cells(1)), 'x.xlsx', DEFAULT_LIMITS, SMALL);
    expect(r.grids.map((g) => g.sheet)).toEqual(['S1', 'S2']);
    expect(r.skipped).toEqual([{ sheet: 'S3', reason: expect.objectContaining({ en: "This sheet was not read: the file's sheets hold more than 25 cells together; this sheet and the ones after it were not read" }) }]);
  });

  test('a file is read for at most so many sheets (a crafted one lists one sheet thousands of times)', async () => {
    const sheets = Array.from({ length: 9 }, () => cells(1));
    const r = readSpreadsheetMl(book(...sheets), 'x.xlsx', DEFAULT_LIMITS, SMALL);
    expect(r.grids).toHaveLength(6);
    expect(r.skipped).toEqual([{ sheet: 'S7', reason: expect.objectContaining({ en: 'This sheet was not read: the file has more than 6 sheets; this sheet and the ones after it were not read' }) }]);
    expect((await readWithExcelJs(book(...sheets), 'x.xlsx', SMALL)).skipped.map((s) => s.sheet)).toEqual(['S7']);
  });

  test('the fallback reader: the same caps on the grid ExcelJS gives, and at most 100,000 cells given to ExcelJS', async () => {
    const r = await readWithExcelJs(book(cells(11), cells(5)), 'x.xlsx', SMALL);
    expect(r.grids.map((g) => g.sheet)).toEqual(['S2']);
    expect(r.skipped.map((s) => s.sheet)).toEqual(['S1']);
    const many = doctypeBook(cells(FALLBACK_CELLS + 1));
    expect(() => checkPartsForExcelJs(many)).toThrow(/reads at most 100,000 cells a file/);
    await expect(readWorkbookGrids(many, 'x.xlsx')).rejects.toMatchObject({ reason: { en: expect.stringMatching(/needs the second reader \(it has a DOCTYPE\), which reads at most 100,000 cells a file/) } });
    // Counted over all its sheets.
    const half = cells(FALLBACK_CELLS / 2 + 1);
    expect(() => checkPartsForExcelJs(workbookPackage([{ name: 'A', xml: withDoctype(half) }, { name: 'B', xml: withDoctype(half) }]))).toThrow(/100,000 cells a file/);
  });

  test('a CSV: its fields are counted as they are read, and past the cap its sheet is not read', () => {
    expect(() => parseCsv('a,b,c\nd,e,f\n', undefined, 5)).toThrow(/more than 5 of its cells/);
    const r = csvRead(Buffer.from('a,b,c\nd,e,f\n'), 'x.csv', SMALL);
    expect(r.grids).toHaveLength(1);
    const big = csvRead(Buffer.from('a,b,c,d,e,f\n'.repeat(3)), 'big.csv', SMALL);
    expect(big).toEqual({ grids: [], skipped: [{ sheet: 'big', reason: expect.objectContaining({ en: expect.stringMatching(/This sheet was not read: more than 10 of its cells/) }) }] });
  });
});
