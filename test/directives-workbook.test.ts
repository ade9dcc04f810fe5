import fs from 'fs';
import path from 'path';
import { createExcelWorkbook } from '../addin/src/workbook/excel-workbook';
import { createSheetsWorkbook } from '../appsscript/src/server/sheets-workbook';
import type { GasGlobals } from '../appsscript/src/server/gas-api';
import { cellMatrix } from '../core/cell-matrix';
import { dayFromYmd } from '../core/dates';
import { readDirectives } from '../core/directives';
import { directivesFromGrid, directivesMatrix, directivesSheetSpec, placeDirectives, shownHash } from '../core/directives-sheet';
import { docxTables } from '../core/docx-tables';
import type { Grid } from '../core/grid';
import type { MinutesTables, NextResult } from '../core/operations';
import { emptyRecord, readRecord } from '../core/ownership';
import { DEADLINE_STATES } from '../core/deadlines-sheet';
import { entryBytes, zipEntries } from '../cli/zip';
import { csvRows, inflateRaw, readMinutes } from '../pane/minutesFile';
import { minutesTables } from '../cli/minutes';
import { readSpreadsheetMl } from '../cli/spreadsheetml';
import { readXlsxBytes } from '../core/package-bytes';
import { ZipPartError } from '../core/zip-read';
import { snapshotWorkbook } from './addin/fake-excel';
import { loadFakeWorkbook } from './addin/fake-excel-load';
import { FakeGas } from './appsscript/fakes';
import { spreadsheetFromXlsx } from './appsscript/fakes-load';
import { minutesDocx } from './fixtures/minutes-fixtures';
import { specToWorkbook, workbookBuffer } from './fixtures/sheet-model';
import { SEED_003 } from './fixtures/seeds/seed-003-skt';

/** The ministry's minutes kept in the workbook (issue 16): core's directives sheet, read back, and
 * the Directives command in Excel and Google Sheets over the typed fakes. */

const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d)!;
/** 2024-03-20, noon in Dhaka. */
const NOW = Date.UTC(2024, 2, 20, 6, 0, 0);
const SHEETS = { maxLength: 31, refused: /[:\\/?*[\]]/g };

let minutes: MinutesTables;
let seed003: Buffer;
beforeAll(async () => {
  minutes = await readMinutes('minutes-2023-24.docx', new Uint8Array(minutesDocx()));
  const { wb } = specToWorkbook({ sheets: [SEED_003], created: new Date(Date.UTC(2023, 9, 4)) });
  seed003 = await workbookBuffer(wb);
});

/** A grid as a host reads a matrix back: text without the apostrophe that kept it text. */
function readBack(sheet: string, cells: (string | number)[][]): Grid {
  return { sheet, values: cells.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v === '' ? null : v))) };
}

describe('§10 Directives: the minutes as circulated, read in the pane without Node', () => {
  test('a Word file: word/document.xml through the browser\'s DecompressionStream gives the tables the CLI\'s zip reader gives', () => {
    const bytes = minutesDocx();
    const entry = zipEntries(bytes).get('word/document.xml')!;
    const xml = entryBytes(bytes, entry, 64 * 1024 * 1024).toString('utf8');
    expect(minutes.tables).toEqual(docxTables(xml));
    expect(readDirectives(minutes.tables).directives.map((d) => d.id)).toEqual(expect.arrayContaining(['1.1.1', '2.1.1', '4.1.1', '5.1.1', '6.1.1', '6.1.2']));
  });
  test('a CSV: quoted cells with commas and line breaks', () => {
    expect(csvRows('ক্রম,আলোচনার বিষয়,সিদ্ধান্তসমূহ\r\n১,"[১.১.১] ক, খ","এক\nদুই ""উদ্ধৃতি"""\n')).toEqual([
      ['ক্রম', 'আলোচনার বিষয়', 'সিদ্ধান্তসমূহ'],
      ['১', '[১.১.১] ক, খ', 'এক\nদুই "উদ্ধৃতি"'],
    ]);
  });
  const SAMPLES = path.join(__dirname, '..', 'samples');
  const minutesWorkbooks = fs.readdirSync(path.join(SAMPLES, 'minutes')).filter((f) => /\.xlsx$/i.test(f));
  test.each(minutesWorkbooks)('a workbook (%s): core\'s .xlsx reader through DecompressionStream gives the tables the CLI gives', async (name) => {
    const file = path.join(SAMPLES, 'minutes', name);
    const read = await readMinutes(name, new Uint8Array(fs.readFileSync(file)));
    expect(read.file).toBe(name);
    expect(read.tables).toEqual(await minutesTables(file));
    expect(readDirectives(read.tables).directives.map((d) => d.id)).toEqual(expect.arrayContaining(['1.1.1', '2.1.1', '4.1.1', '5.1.1', '6.1.1', '6.1.2']));
  });
  test.each(fs.readdirSync(SAMPLES).filter((f) => /\.xlsx$/i.test(f)))('%s: the pane\'s reading gives the grids Node\'s zlib gives (values, dates, formats, merges)', async (name) => {
    const bytes = fs.readFileSync(path.join(SAMPLES, name));
    expect(await readXlsxBytes(new Uint8Array(bytes), name, inflateRaw)).toEqual(readSpreadsheetMl(bytes, name));
  });
  test('a workbook part that inflates past the limit stops there (a zip bomb)', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, 'minutes', 'minutes-2023-24.xlsx')));
    await expect(readXlsxBytes(bytes, 'm.xlsx', inflateRaw, { partBytes: 200, totalBytes: 1000 })).rejects.toEqual(expect.objectContaining({ reason: 'too-large' }));
    await expect(readXlsxBytes(bytes, 'm.xlsx', inflateRaw, { partBytes: 200, totalBytes: 1000 })).rejects.toBeInstanceOf(ZipPartError);
    await expect(readMinutes('broken.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 9]))).rejects.toMatchObject({ bilingual: { en: expect.stringContaining('broken.xlsx'), bn: expect.stringContaining('broken.xlsx') } });
  });
  test('anything else is refused with the file named', async () => {
    await expect(readMinutes('minutes.doc', new Uint8Array([1, 2]))).rejects.toMatchObject({ bilingual: { en: expect.stringContaining('minutes.doc') } });
    await expect(readMinutes('broken.docx', new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ bilingual: { en: expect.stringContaining('broken.docx') } });
  });
});

describe('§10 Directives: the directives sheet (নির্দেশনা) holds each decision\'s id, topic, deadlines with their words, cadence and evidence, and reads back', () => {
  test.each(['bn', 'en'] as const)('written in %s, read back the same', (language) => {
    const read = readDirectives(minutes.tables);
    const spec = directivesSheetSpec(read, 'minutes-2023-24.docx', language);
    expect(spec.name).toBe(language === 'bn' ? 'নির্দেশনা' : 'Directives');
    const back = directivesFromGrid(readBack(spec.name, directivesMatrix(spec).cells))!;
    expect(back.problems).toEqual([]);
    const shape = (ds: typeof read.directives) => ds.map((d) => ({ id: d.id, topic: d.topic, cadence: d.cadence, evidence: d.evidence, deadlines: d.deadlines.map((x) => [x.day, x.text]) }));
    expect(shape(back.directives)).toEqual(shape(read.directives));
    const d111 = back.directives.find((d) => d.id === '1.1.1')!;
    expect(d111.deadlines.map((x) => x.day)).toContain(day(2024, 3, 16));
    expect(back.directives.find((d) => d.id === '4.1.1')!.cadence).toBe('quarterly');
    expect(back.directives.find((d) => d.id === '6.1.1')!.cadence).toBe('half-yearly');
  });
  test('a date the user mistyped on the sheet is a problem at its cell', () => {
    const spec = directivesSheetSpec(readDirectives(minutes.tables), 'm.docx', 'en');
    const cells = directivesMatrix(spec).cells.map((r) => [...r]);
    const row = cells.findIndex((r, i) => i > 1 && r[2] !== '');
    cells[row][2] = '31/02/2024';
    const back = directivesFromGrid(readBack('Directives', cells))!;
    expect(back.problems).toEqual([expect.objectContaining({ code: 'directives-bad-date', sheet: 'Directives', cell: `C${row + 1}` })]);
  });
  test('a sheet that is not a directives sheet is not read as one', () => {
    expect(directivesFromGrid({ sheet: 'x', values: [['ক্রম', 'বিষয়']] })).toBeNull();
  });
  test('where it goes: a new sheet, the same one again, never one the user changed or made', () => {
    const spec = directivesSheetSpec(readDirectives(minutes.tables), 'm.docx', 'bn');
    const m = directivesMatrix(spec);
    const written = readBack('নির্দেশনা', m.cells).values;
    const fresh = placeDirectives(null, [{ id: '1', name: 'অগ্রগতি' }], m, 'bn', SHEETS);
    expect(fresh).toMatchObject({ kind: 'write', replace: null, name: 'নির্দেশনা' });
    const record = { ...emptyRecord('t'), directives: { sheet: '2', name: 'নির্দেশনা', hash: shownHash(m.cells) } };
    expect(placeDirectives(record, [{ id: '2', name: 'নির্দেশনা', values: written }], m, 'bn', SHEETS)).toMatchObject({ kind: 'same' });
    const changed = written.map((r) => [...r]);
    changed[3][1] = 'আমার নোট';
    expect(placeDirectives(record, [{ id: '2', name: 'নির্দেশনা', values: changed }], m, 'bn', SHEETS)).toMatchObject({ kind: 'changed' });
    const other = cellMatrix({ rows: [[{ v: 'x' }]] }, () => null);
    expect(placeDirectives(record, [{ id: '2', name: 'নির্দেশনা', values: written }], other, 'bn', SHEETS)).toMatchObject({ kind: 'write', replace: '2' });
    const users = placeDirectives(null, [{ id: '1', name: 'নির্দেশনা' }], m, 'bn', SHEETS);
    expect(users).toMatchObject({ kind: 'write', replace: null, name: 'নির্দেশনা (2)' });
  });
});

/** What a person reads on 2024-03-20 of seed 003 held against seed 004, in What is needed. */
function expectSeed003OnMarch20(r: NextResult) {
  expect(r.minutes).not.toBeNull();
  const all = new Map([...r.items.map((i) => [i.id, i.due!] as const), ...r.minutes!.others.map((d) => [d.id, d] as const)]);
  expect(all.get('1.1.1')).toMatchObject({ status: 'overdue', deadline: day(2024, 3, 16), daysLeft: -4 });
  expect(all.get('6.1.2')).toMatchObject({ status: 'due', daysLeft: 5 });
  expect(all.get('2.1.1')!.evidenceAttached).toBe(true);
  expect(all.get('5.1.1')!.evidenceAttached).toBe(true);
  expect(all.get('2.1.1')!.evidence.length).toBeGreaterThan(0);
}

describe('Directives in Excel (typed fake): ownership, Remove and idempotence', () => {
  test('kept, held against in What is needed, twice = once, never over the user\'s change, removed by Remove', async () => {
    const wb = await loadFakeWorkbook(seed003);
    const plan = wb.sheets[0].name;
    wb.activate(plan);
    const ops = createExcelWorkbook(wb.run, { now: () => new Date(NOW), restoreHandlers: false });
    const before = snapshotWorkbook(wb, { userOnly: true });
    expect((await ops.whatNext()).minutes).toBeNull();

    const r = await ops.keepDirectives(minutes);
    expect(r).toMatchObject({ ok: true, sheet: 'নির্দেশনা' });
    expect(r.directives).toBe(readDirectives(minutes.tables).directives.length);
    await wb.idle();
    const once = JSON.stringify(snapshotWorkbook(wb));
    expect(wb.sheets.map((s) => s.name)).toEqual([plan, 'নির্দেশনা']);

    const again = await ops.keepDirectives(minutes);
    expect(again).toMatchObject({ ok: true, changed: 0 });
    await wb.idle();
    expect(JSON.stringify(snapshotWorkbook(wb))).toBe(once);

    wb.activate(plan);
    expectSeed003OnMarch20(await ops.whatNext());

    await wb.userEdit('নির্দেশনা', 'B3', 'আমার সংশোধন');
    const refused = await ops.keepDirectives(minutes);
    expect(refused.ok).toBe(false);
    expect(refused.message.en).toMatch(/changed after APA Sheets wrote it/);
    expect(wb.sheet('নির্দেশনা').cell(2, 1)?.v).toBe('আমার সংশোধন');

    await ops.removeAll();
    await wb.idle();
    expect(wb.sheets.map((s) => s.name)).toEqual([plan]);
    expect(JSON.stringify(snapshotWorkbook(wb, { userOnly: true }))).toBe(JSON.stringify(before));
  });

  test('a sheet of the user\'s named নির্দেশনা is never overwritten', async () => {
    const wb = await loadFakeWorkbook(seed003);
    wb.addSheetData({ name: 'নির্দেশনা', cells: { A1: { v: 'আমার নিজের নোট' } } });
    const ops = createExcelWorkbook(wb.run, { now: () => new Date(NOW), restoreHandlers: false });
    const r = await ops.keepDirectives(minutes);
    expect(r.sheet).toBe('নির্দেশনা (2)');
    expect(r.message.en).toContain('your own sheet');
    expect(wb.sheet('নির্দেশনা').cell(0, 0)?.v).toBe('আমার নিজের নোট');
  });

  test('minutes with no decision table: nothing written, the file named', async () => {
    const wb = await loadFakeWorkbook(seed003);
    const ops = createExcelWorkbook(wb.run, { now: () => new Date(NOW), restoreHandlers: false });
    const r = await ops.keepDirectives({ file: 'letter.docx', tables: [] });
    expect(r).toMatchObject({ ok: false, changed: 0 });
    expect(r.message.en).toContain('letter.docx');
    expect(wb.sheets).toHaveLength(1);
  });
});

describe('Directives in Google Sheets (typed fake): ownership, Remove and idempotence', () => {
  test('kept, held against in What is needed, twice = once, never over the user\'s change, removed by Remove', async () => {
    const env = FakeGas.fromJSON(await spreadsheetFromXlsx(seed003), { now: NOW });
    const plan = env.data.sheets[0].name;
    env.activate(plan);
    const wb = createSheetsWorkbook(env as unknown as GasGlobals, { now: () => NOW });
    const before = JSON.stringify(env.data.sheets);

    const r = wb.keepDirectives(JSON.parse(JSON.stringify(minutes)));
    expect(r).toMatchObject({ ok: true, sheet: 'নির্দেশনা' });
    const once = JSON.stringify(env.toJSON());
    expect(wb.keepDirectives(minutes)).toMatchObject({ ok: true, changed: 0 });
    expect(JSON.stringify(env.toJSON())).toBe(once);

    env.activate(plan);
    expectSeed003OnMarch20(wb.whatNext());

    env.userEdit('নির্দেশনা', 'B3', 'আমার সংশোধন');
    const refused = wb.keepDirectives(minutes);
    expect(refused.ok).toBe(false);
    expect(env.sheetData('নির্দেশনা').cells.B3?.v).toBe('আমার সংশোধন');

    wb.removeAll();
    expect(env.data.sheets.map((s) => s.name)).toEqual([plan]);
    const record = env.data.metadata.find((m) => m.key === 'apa-sheets.owned');
    expect(record ? readRecord(record.value)?.directives : undefined).toBeUndefined();
    expect(JSON.stringify(env.data.sheets)).toBe(before);
  });
});

/** The deadlines sheet's cell of the first office row under the indicator header `id`, from a
 * host's cell reader (0-based row, column). */
function deadlineCell<C>(cell: (r: number, c: number) => C | undefined, value: (c: C | undefined) => unknown, id: string): C | undefined {
  const header = [...Array(10).keys()].find((r) => value(cell(r, 1)) === id);
  if (header === undefined) return undefined;
  return cell(header + 1, 1);
}

describe('Consolidate with the minutes kept: the deadlines sheet (SCORING.md §10), owned as the other report sheets', () => {
  const overdueFill = DEADLINE_STATES.find((x) => x.state === 'overdue')!.fill;

  test('Excel (typed fake): added on 2024-03-20 with [১.১.১] overdue in red; twice = once; Remove takes it away', async () => {
    const wb = await loadFakeWorkbook(seed003);
    const plan = wb.sheets[0].name;
    const ops = createExcelWorkbook(wb.run, { now: () => new Date(NOW), restoreHandlers: false });
    // Without kept minutes: no deadlines sheet.
    await ops.consolidate({});
    await wb.idle();
    expect(wb.sheets.map((s) => s.name)).not.toContain('APA সময়সীমা');
    await ops.keepDirectives(minutes);
    await ops.consolidate({});
    await wb.idle();
    expect(wb.sheets.map((s) => s.name)).toContain('APA সময়সীমা');
    const sheet = wb.sheet('APA সময়সীমা');
    expect(String(sheet.cell(0, 0)?.v)).toContain('২০২৪-০৩-২০');
    const c = deadlineCell((r, col) => sheet.cell(r, col), (x) => x?.v, '১.১.১');
    expect(c?.v).toBe('৪ দিন পেরিয়ে গেছে');
    expect(c?.fill?.toUpperCase()).toBe(overdueFill);
    // The directives sheet is the workbook's minutes, not an office that holds no plan.
    const problems = wb.sheet('APA সমস্যা');
    for (let r = 0; r < 10; r++) expect(problems.cell(r, 2)?.v).not.toBe('নির্দেশনা');
    const once = JSON.stringify(snapshotWorkbook(wb));
    await ops.consolidate({});
    await wb.idle();
    expect(JSON.stringify(snapshotWorkbook(wb))).toBe(once);
    await ops.removeAll();
    await wb.idle();
    expect(wb.sheets.map((s) => s.name)).toEqual([plan]);
  });

  test('Google Sheets (typed fake): the same sheet; twice = once; Remove takes it away', async () => {
    const env = FakeGas.fromJSON(await spreadsheetFromXlsx(seed003), { now: NOW });
    const plan = env.data.sheets[0].name;
    const wb = createSheetsWorkbook(env as unknown as GasGlobals, { now: () => NOW });
    wb.keepDirectives(JSON.parse(JSON.stringify(minutes)));
    expect(wb.consolidate({}).written).toContain('APA সময়সীমা');
    const data = env.sheetData('APA সময়সীমা');
    const a1 = (r: number, col: number) => `${String.fromCharCode(65 + col)}${r + 1}`;
    const c = deadlineCell((r, col) => data.cells[a1(r, col)], (x) => x?.v, '১.১.১');
    expect(c?.v).toBe('৪ দিন পেরিয়ে গেছে');
    expect(c?.bg?.toUpperCase()).toBe(overdueFill);
    expect(Object.values(env.sheetData('APA সমস্যা').cells).map((c) => c.v)).not.toContain('নির্দেশনা');
    // The report's sheets are made anew (new ids); what they show is the same.
    const shown = () => JSON.stringify(env.data.sheets.map((x) => [x.name, x.cells, x.merges, x.frozenRows, x.frozenColumns]));
    const once = shown();
    wb.consolidate({});
    expect(shown()).toBe(once);
    wb.removeAll();
    expect(env.data.sheets.map((s) => s.name)).toEqual([plan]);
  });
});

