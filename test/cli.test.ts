import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { jsonDocumentSchema, JsonDocument, MessageKey, PROBLEM_COLUMNS, WorkbookSpec, text } from '../core';
import { main, Writer } from '../cli/apa';
import { parseCsv, csvGrid } from '../cli/csv-grid';
import { consolidateJsonSchema } from '../cli/json';
import { readWorkbookGrids } from '../cli/xlsx-grid';
import { workbookBuffer, hyperlinkTarget } from '../cli/write-workbook';
import { entryBytes, zipEntries, zipEntry, writtenByApa } from '../cli/zip';
import { MAX_CELL_TEXT } from '../core/cell-matrix';
import { buildSamples } from './fixtures/build-fixtures';
import { fiveTierGrid } from './helpers';

/** `main` run in this process with captured output. */
async function run(argv: string[], opts: { tty?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out: Writer = { write: (s: string) => (stdout += s) };
  const err: Writer = { write: (s: string) => (stderr += s), isTTY: opts.tty };
  const code = await main(argv, { stdout: out, stderr: err, now: new Date(Date.UTC(2025, 0, 20)) });
  return { code, stdout, stderr };
}

/** A deterministic pseudo-random byte string. */
function noise(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    b[i] = a >>> 24;
  }
  return b;
}

const SEED_WORKBOOKS = ['000-mopa-egov-2021-22-q1.xlsx', '001-lged-egov-2022-23-q3.xlsx', '002-khulna-library.xlsx', '003-skt.xlsx'];

let tmp: string;
let samples: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-cli-'));
  samples = path.join(tmp, 'samples');
  await buildSamples(samples);
});

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('apa score', () => {
  let doc: JsonDocument;
  beforeAll(async () => {
    const r = await run(['score', samples, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    doc = jsonDocumentSchema.parse(JSON.parse(r.stdout));
  });

  test('--json validates against jsonDocumentSchema and lists the seed workbooks’ sheets', () => {
    const byName = new Map(doc.files.map((f) => [path.basename(f.file), f]));
    for (const name of SEED_WORKBOOKS) {
      const f = byName.get(name);
      expect(f).toBeDefined();
      expect(f!.sheets.length).toBeGreaterThanOrEqual(1);
      for (const s of f!.sheets) {
        expect(s.indicators.length).toBeGreaterThan(0);
        expect(s.settings).toEqual({ mode: 'interpolate', na: 'rescale', final: false });
      }
    }
    // A folder is its .xlsx/.csv files, sorted; the expected-values .json is not read.
    const names = doc.files.map((f) => path.basename(f.file));
    expect(names).toEqual([...names].sort());
    expect(names.some((n) => n.endsWith('.json'))).toBe(false);
  });

  test('a CSV sample is read, and scores like its workbook', () => {
    const csv = doc.files.find((f) => f.file.endsWith('002-khulna-library.csv'))!;
    const xlsx = doc.files.find((f) => f.file.endsWith('002-khulna-library.xlsx'))!;
    expect(csv.sheets).toHaveLength(1);
    expect(csv.sheets[0].sheet).toBe('002-khulna-library');
    expect(csv.sheets[0].indicators.map((i) => i.id)).toEqual(xlsx.sheets[0].indicators.map((i) => i.id));
    expect(csv.sheets[0].totals.percent).toBeCloseTo(xlsx.sheets[0].totals.percent!, 9);
  });

  test('a non-plan sheet is listed as skipped with its reason', () => {
    const f = doc.files.find((x) => x.file.endsWith('apa-main-with-history.xlsx'))!;
    expect(f.sheets).toHaveLength(1);
    expect(f.skipped).toHaveLength(1);
    expect(f.skipped[0].sheet).toBeTruthy();
    expect(f.skipped[0].reason.en).toMatch(/not a plan/);
    expect(f.skipped[0].reason.bn).toMatch(/কর্মপরিকল্পনা নয়/);
  });

  test('the readable table names office, layout, year, every indicator and the totals, in core\'s words', async () => {
    const r = await run(['score', path.join(samples, '002-khulna-library.xlsx')]);
    expect(r.code).toBe(0);
    const en = (k: MessageKey) => text(k).en;
    expect(r.stdout).toContain(`${en('col.office')}: বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা`);
    expect(r.stdout).toContain(`${en('ui.field.layout')}: ${en('ui.layout.five-tier')} · ${en('ui.field.fiscal-year')}: 2024-25 · ${en('ui.field.quarter')}: 2`);
    expect(r.stdout).toMatch(new RegExp(`4\\.1\\.2\\s+${en('unit.percent')}\\s+7\\.00\\s+61\\.54\\s+4\\.31\\s+${en('status.scored')}\\s+${en('tier.below-fair')}`));
    expect(r.stdout).toMatch(/Total: 19\.81 of 27\.00 = 73\.36% · to date/);
    const bn = await run(['score', path.join(samples, '002-khulna-library.xlsx'), '--bn']);
    expect(bn.stdout).toContain(`${text('col.office').bn}: বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা`);
    expect(bn.stdout).toMatch(/৭৩\.৩৬%/);
    expect(bn.stdout).not.toMatch(/73\.36/);
  });

  test('scoring flags reach the scores and are validated', async () => {
    const floor = await run(['score', path.join(samples, '002-khulna-library.xlsx'), '--json', '--mode', 'floor', '--final']);
    const d = jsonDocumentSchema.parse(JSON.parse(floor.stdout));
    expect(d.files[0].sheets[0].settings).toEqual({ mode: 'floor', na: 'rescale', final: true });
    const ind = d.files[0].sheets[0].indicators.find((i) => i.id === '4.1.2')!;
    expect(ind.raw).toBe(60);
    const bad = await run(['score', samples, '--mode', 'round']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--mode/);
    expect(bad.stdout).toBe('');
  });

  test('three weights of 1e308 and a negative one: --json still validates against its schema, every total a number, and the weight cells named', async () => {
    const row = (id: string, weight: number) => ({ id, weight, targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' });
    const g = fiveTierGrid([row('1.1.1', 1e308), row('1.1.2', 1e308), row('1.1.3', 1e308), row('1.1.4', -2), row('1.1.5', 5)]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('অগ্রগতি');
    g.values.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
    for (const m of g.merges ?? []) if (m.bottom > m.top || m.right > m.left) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    const file = path.join(tmp, 'huge-weights.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run(['score', file, '--json']);
    const sheet = jsonDocumentSchema.parse(JSON.parse(r.stdout)).files[0].sheets[0];
    for (const [k, v] of Object.entries(sheet.totals)) if (typeof v !== 'boolean' && v !== null) expect([k, Number.isFinite(v)]).toEqual([k, true]);
    expect(sheet.totals.percent).toBeCloseTo(90, 9);
    expect(sheet.indicators.map((i) => i.status)).toEqual(['scored', 'invalid', 'invalid', 'invalid', 'scored']);
    expect(sheet.problems.filter((p) => p.code === 'sum-not-finite' || p.code === 'weight-negative').map((p) => [p.code, p.cell])).toEqual([
      ['sum-not-finite', 'E9'],
      ['sum-not-finite', 'E10'],
      ['weight-negative', 'E11'],
    ]);
  });
});

describe('apa check', () => {
  test('exits 1 because the seeds have errors, naming sheet!cell in both languages', async () => {
    const r = await run(['check', samples]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/003-skt\.xlsx: 'অগ্রগতি'!G64: error \[not-a-value\]: .*is not a value/);
    expect(r.stdout).toMatch(/হিসাবযোগ্য মান নয়/);
    expect(r.stdout).toMatch(/errors?, \d+ warnings/);
  });

  test('--json is the same document, with the problems per sheet', async () => {
    const r = await run(['check', samples, '--json']);
    expect(r.code).toBe(1);
    const d = jsonDocumentSchema.parse(JSON.parse(r.stdout));
    const errors = d.files.flatMap((f) => f.sheets.flatMap((s) => s.problems)).filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const p of errors) {
      expect(p.message.bn).toBeTruthy();
      expect(p.message.en).toBeTruthy();
    }
  });
});

describe('files that cannot be read', () => {
  let folder: string;
  const bad = ['corrupt.xlsx', 'empty.xlsx', 'text.xlsx'];
  beforeAll(async () => {
    folder = path.join(tmp, 'mixed');
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'corrupt.xlsx'), noise(4096, 7));
    await fs.writeFile(path.join(folder, 'empty.xlsx'), Buffer.alloc(0));
    await fs.writeFile(path.join(folder, 'text.xlsx'), 'ক্রম,কর্মসম্পাদন সূচক\n১,এটি একটি লেখা ফাইল\n', 'utf8');
    await fs.copyFile(path.join(samples, '002-khulna-library.xlsx'), path.join(folder, 'good.xlsx'));
  });

  test.each(['score', 'check'])('%s: one clear message per bad file, in both languages, and the run goes on', async (command) => {
    const r = await run([command, folder]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    // Each file: a line in the user's language naming it, the other language indented below.
    expect(lines).toHaveLength(2 * bad.length);
    for (const name of bad) {
      const at = lines.findIndex((l) => l.includes(path.join(folder, name)));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(lines[at]).toMatch(/^apa: .*could not be read: \S/);
      expect(lines[at + 1]).toMatch(/^ {5}ফাইলটি পড়া যায়নি: \S/);
    }
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toMatch(/good\.xlsx/);
  });

  test('each reason says what is wrong', async () => {
    const r = await run(['score', folder, '--json']);
    const d = jsonDocumentSchema.parse(JSON.parse(r.stdout));
    const reason = (name: string) => d.files.find((f) => f.file.endsWith(name))!.skipped[0].reason.en;
    expect(reason('empty.xlsx')).toMatch(/empty/);
    expect(reason('text.xlsx')).toMatch(/text file/);
    expect(reason('corrupt.xlsx')).toMatch(/not an Excel/);
    expect(d.files.find((f) => f.file.endsWith('good.xlsx'))!.sheets).toHaveLength(1);
  });

  test('consolidate skips them, lists them in the problems sheet, and still writes', async () => {
    const out = path.join(tmp, 'mixed-out', 'c.xlsx');
    const r = await run(['consolidate', folder, '-o', out, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(2 * bad.length);
    const j = consolidateJsonSchema.parse(JSON.parse(r.stdout));
    expect(j.groups.flatMap((g) => g.offices)).toHaveLength(1);
    expect(j.skipped.map((k) => path.basename(k.file!)).sort()).toEqual([...bad].sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const problems = wb.worksheets[2];
    const files: string[] = [];
    // Columns by their key in the report's table (1-based for ExcelJS).
    const col = (key: string) => PROBLEM_COLUMNS.findIndex((c) => c.key === key) + 1;
    problems.eachRow((row, n) => {
      if (n > 1 && row.getCell(col('code')).value === 'skipped') files.push(String(row.getCell(col('file')).value));
    });
    expect(files.sort()).toEqual([...bad].sort());
  });

  test('a missing input is reported and the others are read', async () => {
    const r = await run(['score', path.join(tmp, 'nope.xlsx'), path.join(samples, '003-skt.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.xlsx: no such file or folder/);
    expect(r.stdout).toMatch(/003-skt\.xlsx/);
  });
});

/** Every sheet's cell values, as text rows. */
async function cellValues(file: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'text' in (v as object) ? (v as { text: unknown }).text : v));
    });
    out[ws.name] = rows;
  }
  return out;
}

describe('apa consolidate', () => {
  let out: string;
  let json: ReturnType<typeof consolidateJsonSchema.parse>;
  let scoreDoc: JsonDocument;

  beforeAll(async () => {
    out = path.join(tmp, 'out', 'consolidated.xlsx');
    const r = await run(['consolidate', samples, '-o', out, '--json']);
    expect(r.code).toBe(0);
    json = consolidateJsonSchema.parse(JSON.parse(r.stdout));
    scoreDoc = jsonDocumentSchema.parse(JSON.parse((await run(['score', samples, '--json'])).stdout));
  });

  test('writes one summary per group (SCORING.md §9), then the per-indicator and problems sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(json.groups.length + 2);
    expect(names.slice(-2)).toEqual(['APA Indicators', 'APA Problems']);
    expect(names[0]).toBe('e-Gov 2024-25 Q2');
    expect(json.output).toBe(out);
  });

  test('the summary rows equal the per-office percents of score --json', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The percent ranked by is the marks earned so far out of the applicable weight (§9).
    const expected = new Map<string, number | null>();
    for (const f of scoreDoc.files) for (const s of f.sheets) expected.set(`${path.basename(f.file)}|${s.sheet}`, s.totals.earnedPercent);
    let rows = 0;
    for (const ws of wb.worksheets.slice(0, -2)) {
      const header = (ws.getRow(3).values as unknown[]).slice(1);
      const col = (name: string) => header.indexOf(name) + 1;
      for (let r = 4; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        if (!row.getCell(col('Office')).value) break;
        const file = String(row.getCell(col('File')).value);
        const sheet = row.getCell(col('Sheet')).value as { text: string } | string;
        const key = `${file}|${typeof sheet === 'object' ? sheet.text : sheet}`;
        expect(expected.has(key)).toBe(true);
        const want = expected.get(key)!;
        const got = row.getCell(col('Percent')).value as number | null;
        if (want === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(want, 9);
        rows++;
      }
    }
    expect(rows).toBe(expected.size);
    expect(json.groups.flatMap((g) => g.offices)).toHaveLength(expected.size);
  });

  test('links lead back to the source file and sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const v = ws.getRow(4).getCell(header.indexOf('Sheet') + 1).value as { text: string; hyperlink: string };
    expect(v.hyperlink).toMatch(/^\.\/\.\.\/samples\/[^#]+\.(xlsx|csv)#'[^']+'!A[0-9]+$/); // the table's header row
  });

  test('the --json document is stable: the documented keys in their order, the same bytes for the same offices', async () => {
    const again = await run(['consolidate', samples, '-o', path.join(tmp, 'out', 'json-again.xlsx'), '--json']);
    const first = await run(['consolidate', samples, '-o', path.join(tmp, 'out', 'json-again.xlsx'), '--json']);
    expect(again.stdout.replace(/json-again/g, 'x')).toBe(first.stdout.replace(/json-again/g, 'x'));
    const doc = JSON.parse(first.stdout);
    expect(Object.keys(doc)).toEqual(['output', 'settings', 'groups', 'skipped']);
    expect(Object.keys(doc.groups[0])).toEqual(['plan', 'fiscalYear', 'quarter', 'offices', 'indicators']);
    expect(Object.keys(doc.groups[0].offices[0])).toEqual(['office', 'file', 'sheet', 'rank', 'marks', 'outOf', 'percent', 'assessed', 'toDatePercent', 'pending', 'na', 'invalid', 'duplicateOf']);
    expect(Object.keys(doc.groups[0].indicators[0])).toEqual(['id', 'name', 'unit', 'weight', 'offices', 'tiers', 'averageRaw']);
  });

  test('running it twice gives identical cell values (and bytes)', async () => {
    const again = path.join(tmp, 'out', 'again.xlsx');
    const r = await run(['consolidate', samples, '-o', again]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Wrote .*again\.xlsx: 8 offices/);
    expect(await cellValues(again)).toEqual(await cellValues(out));
    expect((await fs.readFile(again)).equals(await fs.readFile(out))).toBe(true);
  });

  test('--bn writes a Bengali workbook; the output file inside an input folder is not read back', async () => {
    const target = path.join(samples, 'report-bn.xlsx');
    const r1 = await run(['consolidate', samples, '-o', target, '--bn']);
    expect(r1.code).toBe(0);
    const r2 = await run(['consolidate', samples, '-o', target, '--bn']);
    expect(r2.code).toBe(0);
    expect(r2.stderr).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('ই-গভর্ন্যান্স ২০২৪-২৫ ২য় ত্রৈ.');
    expect(names.slice(-2)).toEqual(['APA সূচকভিত্তিক', 'APA সমস্যা']);
    await fs.rm(target);
  });

  test('an existing workbook it did not write is never overwritten', async () => {
    const victim = path.join(tmp, 'victim.xlsx');
    await fs.copyFile(path.join(samples, '003-skt.xlsx'), victim);
    const before = await fs.readFile(victim);
    const r = await run(['consolidate', samples, '-o', victim]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists and was not written by apa/);
    expect((await fs.readFile(victim)).equals(before)).toBe(true);
    expect(writtenByApa(before)).toBe(false);
    expect(writtenByApa(await fs.readFile(out))).toBe(true);
    const self = await run(['consolidate', path.join(samples, '003-skt.xlsx'), '-o', path.join(samples, '003-skt.xlsx')]);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/is one of the inputs/);
  });

  test('progress goes to a terminal only', async () => {
    const folder = path.join(tmp, 'many');
    await fs.mkdir(folder, { recursive: true });
    for (let i = 0; i < 10; i++) await fs.copyFile(path.join(samples, '002-khulna-library.xlsx'), path.join(folder, `o${i}.xlsx`));
    const tty = await run(['consolidate', folder, '-o', path.join(tmp, 'many.xlsx'), '--jobs', '1'], { tty: true });
    expect(tty.stderr).toMatch(/\r\[10\/10\] files, \d+\/s/);
    const pipe = await run(['consolidate', folder, '-o', path.join(tmp, 'many.xlsx'), '--jobs', '1']);
    expect(pipe.stderr).toBe('');
  });
});

describe('usage', () => {
  test.each([[[]], [['help']], [['--help']], [['score', '--help']]])('%j prints usage in English and Bengali', async (argv) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:/);
    expect(r.stdout).toMatch(/ব্যবহার:/);
  });

  test.each([
    [['score', 'x.xlsx', '--nope']],
    [['frobnicate', 'x.xlsx']],
    [['consolidate', 'x.xlsx']],
    [['consolidate', 'x.xlsx', '-o', 'out.csv']],
    [['score']],
    [['score', 'x.xlsx', '-o', 'out.xlsx']],
    [['score', 'x.xlsx', '--na']],
  ])('%j: usage and exit 2', async (argv) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage:/);
    expect(r.stdout).toBe('');
  });
});

describe('write-workbook', () => {
  test('text that looks like a formula stays text; fills, fonts, formats, widths, freeze and links are written', async () => {
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: 'S',
          columnWidths: [12, 30],
          freeze: { rows: 1, columns: 1 },
          rows: [
            [{ v: '=SUM(A1:A2)' }, { v: '+8801' }, { v: '-x' }, { v: '@cmd' }],
            [{ v: 3.14159, format: '0.00', fill: '#1B7F3B', font: '#FFFFFF', bold: true }, { v: null }, { v: 'go', link: { sheet: "O'Brien", cell: 'B2' } }],
          ],
        },
      ],
    };
    const buf = await workbookBuffer(spec, { outDir: tmp });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('S')!;
    for (const [c, v] of [['A1', '=SUM(A1:A2)'], ['B1', '+8801'], ['C1', '-x'], ['D1', '@cmd']]) {
      expect(ws.getCell(c).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(c).value).toBe(v);
    }
    const a2 = ws.getCell('A2');
    expect(a2.value).toBe(3.14159);
    expect(a2.numFmt).toBe('0.00');
    expect((a2.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF1B7F3B');
    expect(a2.font.color?.argb).toBe('FFFFFFFF');
    expect(a2.font.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    const xml = zipEntry(buf, 'xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(xml).not.toMatch(/<f>/);
    // An in-workbook link is a location, with no relationship to follow.
    expect(xml).toContain('<hyperlink ref="C2" location="&apos;O&apos;&apos;Brien&apos;!B2"/>');
    expect(hyperlinkTarget({ sheet: "O'Brien", cell: 'B2' }, { outDir: tmp })).toBe("#'O''Brien'!B2");
    expect(hyperlinkTarget({ file: path.join(tmp, 'a b', 'x#1.xlsx'), sheet: 'S', cell: 'C3' }, { outDir: path.join(tmp, 'out') })).toBe("./../a%20b/x%231.xlsx#'S'!C3");
  });
});

/** The elements of a worksheet, in the order the schema (CT_Worksheet, ECMA-376 §18.3.1.99) has them. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems',
  'tableParts', 'extLst',
];

/** The root element and its children's names, or the first well-formedness error saxes finds. */
function parseXml(xml: string): { root: string; children: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let root = '';
  const children: string[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    if (depth === 0) root = tag.local;
    else if (depth === 1) children.push(tag.local);
    if (!tag.isSelfClosing) depth++;
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  parser.write(xml).close();
  return { root, children };
}

describe('write-workbook: the report is SpreadsheetML written directly, well-formed, in schema order, read as written by ExcelJS and LibreOffice', () => {
  const long = 'ক'.repeat(MAX_CELL_TEXT + 10);
  const spec = (): WorkbookSpec => ({
    sheets: [
      {
        name: "O'Brien & Co <1>",
        columnWidths: [8, 40, 12, 12, 9, 9],
        freeze: { rows: 2, columns: 1 },
        rowHeights: [{ row: 1, height: 33 }],
        rows: [
          [{ v: 'Title <b> & "q"', bold: true }],
          [
            { v: 'Rank', bold: true, fill: '#DDE3EA', wrap: true },
            { v: 'Office', bold: true, fill: '#DDE3EA', wrap: true },
            { v: 'Marks', bold: true, fill: '#DDE3EA', wrap: true },
            { v: 'Share', bold: true, fill: '#DDE3EA', wrap: true },
            { v: 'Sheet', bold: true, fill: '#DDE3EA', wrap: true },
          ],
          [{ v: 1 }, { v: ' padded\nline two ', wrap: true }, { v: 12.5, format: '0.00', fill: '#1B7F3B', font: '#FFFFFF' }, { v: 0.905, format: '0.0%' }, { v: 'S', link: { file: path.join(tmp, 'in', 'a b.xlsx'), sheet: "O'Brien", cell: 'A7' } }],
          [{ v: 2 }, { v: '=SUM(A1:A2)' }, { v: 7.25, format: '0.00', fill: '#1B7F3B', font: '#FFFFFF' }, { v: Number.NaN, fill: '#FFCC80' }, { v: 'back', link: { sheet: 'Problems', cell: 'B2' } }],
          [{ v: 3 }, { v: '_x0041_ stays' }, { v: Number.POSITIVE_INFINITY }, { v: 1234.5, format: '#,##0.000' }, { v: 'bad\u0001char' }, { v: long }],
          [],
          [{ v: 'Chart', bold: true }],
        ],
        print: { landscape: true, titleRows: 2, columns: 5, rows: 30, breaks: [6] },
        chart: { title: 'Marks', categories: { column: 1, firstRow: 2, lastRow: 4 }, series: [{ name: 'Marks', column: 2, fill: '#1B7F3B' }], valueAxis: '%', anchor: { top: 7, left: 0, bottom: 25, right: 5 } },
      },
      { name: 'Problems', columnWidths: [20, 20], rows: [[{ v: 'p' }, { v: -0 }], [{ v: 'q' }, { v: 'r' }]], print: { landscape: false, titleRows: 0, columns: 2, rows: 2 } },
    ],
  });
  const outDir = () => path.join(tmp, 'direct-out');
  const parts = (buf: Buffer) => new Map([...zipEntries(buf)].map(([name, e]) => [name, entryBytes(buf, e, 1 << 26).toString('utf8')]));

  test('every part is well-formed XML (saxes), each where its content type and relationship say; the same spec gives the same bytes', async () => {
    expect(() => parseXml('<a>&</a>')).toThrow();
    expect(() => parseXml('<a><b></a>')).toThrow();
    const buf = await workbookBuffer(spec(), { outDir: outDir() });
    expect((await workbookBuffer(spec(), { outDir: outDir() })).equals(buf)).toBe(true);
    const xml = parts(buf);
    expect([...xml.keys()].sort()).toEqual(
      [
        '[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet2.xml',
        'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels',
      ].sort(),
    );
    const roots = new Map([...xml].map(([name, text]) => [name, parseXml(text).root]));
    expect(Object.fromEntries(roots)).toMatchObject({
      '[Content_Types].xml': 'Types', 'xl/workbook.xml': 'workbook', 'xl/styles.xml': 'styleSheet', 'xl/sharedStrings.xml': 'sst', 'xl/worksheets/sheet1.xml': 'worksheet',
      'xl/charts/chart1.xml': 'chartSpace', 'xl/drawings/drawing1.xml': 'wsDr', 'docProps/core.xml': 'coreProperties', 'docProps/app.xml': 'Properties',
    });
    const types = xml.get('[Content_Types].xml')!;
    for (const name of xml.keys()) if (!name.endsWith('.rels') && name !== '[Content_Types].xml') expect([name, types.includes(`PartName="/${name}"`)]).toEqual([name, true]);
    // Every relationship leads to a part of the zip, except the links to other files.
    for (const [name, text] of xml) {
      if (!name.endsWith('.rels')) continue;
      const base = path.posix.dirname(path.posix.dirname(name));
      for (const m of text.matchAll(/<Relationship Id="[^"]+" Type="[^"]+" Target="([^"]+)"( TargetMode="External")?\/>/g)) {
        if (m[2]) continue;
        expect([name, xml.has(path.posix.normalize(path.posix.join(base, m[1])))]).toEqual([name, true]);
      }
    }
    const core = xml.get('docProps/core.xml')!;
    expect(core).toContain('<dc:creator>APA Sheets</dc:creator><cp:lastModifiedBy>APA Sheets</cp:lastModifiedBy>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>');
    expect(writtenByApa(buf)).toBe(true);
  });

  test("a worksheet's elements follow the schema's order; links, page setup, breaks and the drawing are where Excel looks", async () => {
    const xml = parts(await workbookBuffer(spec(), { outDir: outDir() }));
    const sheet = xml.get('xl/worksheets/sheet1.xml')!;
    const { children } = parseXml(sheet);
    expect(children).toEqual(['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'hyperlinks', 'pageMargins', 'pageSetup', 'rowBreaks', 'drawing']);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const order = parseXml(xml.get(name)!).children.map((c) => WORKSHEET_ORDER.indexOf(c));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:F7"/>');
    expect(sheet).toContain('<pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/>');
    expect(sheet).toContain('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    // The chart's caption (row 7) starts a page: the break is below row 6.
    expect(sheet).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="6" max="16383" man="1"/></rowBreaks>');
    // A link within the workbook is a location with no relationship; one to another file an
    // external relationship whose target holds the cell, with no location.
    expect(sheet).toContain('<hyperlink ref="E4" location="&apos;Problems&apos;!B2"/>');
    expect(sheet).toMatch(/<hyperlink ref="E3" r:id="(rId\d+)"\/>/);
    const rId = /<hyperlink ref="E3" r:id="(rId\d+)"\/>/.exec(sheet)![1];
    const rels = xml.get('xl/worksheets/_rels/sheet1.xml.rels')!;
    expect(rels).toContain(`<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="./../in/a%20b.xlsx#&apos;O&apos;&apos;Brien&apos;!A7" TargetMode="External"/>`);
    expect(rels.match(/\/hyperlink"/g)).toHaveLength(1);
    const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)![1];
    expect(rels).toContain(`<Relationship Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>`);
    // The print names, absolute, the sheet's name quoted (its quote doubled) and escaped.
    const workbook = xml.get('xl/workbook.xml')!;
    expect(workbook).toContain('<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'O\'\'Brien &amp; Co &lt;1&gt;\'!$A$1:$E$30</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">\'O\'\'Brien &amp; Co &lt;1&gt;\'!$1:$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">\'Problems\'!$A$1:$B$2</definedName></definedNames>');
    expect(sheet).not.toMatch(/<f[\s>/]/);
  });

  test('styles: one cellXfs entry per distinct look, the fills Excel requires first, custom number formats from 164', async () => {
    const styles = parts(await workbookBuffer(spec(), { outDir: outDir() })).get('xl/styles.xml')!;
    expect(parseXml(styles).children).toEqual(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles']);
    expect(styles).toContain('<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>');
    expect(styles).toContain('<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="#,##0.000"/></numFmts>');
    // The looks: none, bold title, header, green score, percent, orange, link, number, … each once.
    const xfs = /<cellXfs count="(\d+)">(.*)<\/cellXfs>/.exec(styles)!;
    const entries = xfs[2].match(/<xf [^>]*?(\/>|>.*?<\/xf>)/g)!;
    expect(entries).toHaveLength(Number(xfs[1]));
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries).toHaveLength(9);
  });

  test('ExcelJS reads back the values, styles, widths, heights, frozen panes, links and print setup', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBuffer(spec(), { outDir: outDir() })) as unknown as ExcelJS.Buffer);
    expect(wb.creator).toBe('APA Sheets');
    expect(wb.worksheets.map((w) => w.name)).toEqual(["O'Brien & Co <1>", 'Problems']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('Title <b> & "q"');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('B3').value).toBe(' padded\nline two ');
    expect(ws.getCell('B3').alignment).toEqual({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('B4').value).toBe('=SUM(A1:A2)');
    expect(ws.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B5').value).toBe('_x0041_ stays');
    expect(ws.getCell('E5').value).toBe('badchar');
    expect(ws.getCell('F5').value).toBe(long.slice(0, MAX_CELL_TEXT));
    expect(ws.getCell('C3').value).toBe(12.5);
    expect(ws.getCell('C3').numFmt).toBe('0.00');
    expect((ws.getCell('C3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF1B7F3B');
    expect(ws.getCell('C3').font.color?.argb).toBe('FFFFFFFF');
    expect(ws.getCell('D3').numFmt).toBe('0.0%');
    expect(ws.getCell('D5').numFmt).toBe('#,##0.000');
    // Not finite: empty, its fill kept.
    expect(ws.getCell('D4').value).toBeNull();
    expect((ws.getCell('D4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFCC80');
    expect(ws.getCell('C5').value).toBeNull();
    expect(ws.getCell('A2').font.bold).toBe(true);
    expect((ws.getCell('A2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDE3EA');
    expect(ws.getCell('E3').value).toEqual({ text: 'S', hyperlink: "./../in/a%20b.xlsx#'O''Brien'!A7" });
    expect(ws.getCell('E3').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
    expect(ws.getCell('E4').value).toBe('back');
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getColumn(c).width)).toEqual([8, 40, 12, 12, 9, 9]);
    expect(ws.getRow(2).height).toBe(33);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 }, printArea: 'A1:E30', printTitlesRow: '1:2',
    });
    const problems = wb.worksheets[1];
    expect(problems.getCell('B1').value).toBe(0);
    expect(problems.pageSetup).toMatchObject({ orientation: 'portrait', printArea: 'A1:B2' });
    expect(problems.pageSetup.printTitlesRow).toBeUndefined();
    expect(problems.views[0]?.state ?? 'normal').toBe('normal');
  });

  test('a sheet too big for one chunk of XML is written whole: well-formed, every row read back, its links numbered on', async () => {
    const rows = 6000;
    const big: WorkbookSpec = {
      sheets: [
        {
          name: 'Big',
          columnWidths: [10, 30, 10],
          rows: Array.from({ length: rows }, (_, r) => [{ v: r + 1 }, { v: `অফিস ${r} & <co>`, wrap: r % 3 === 0 }, { v: 'src', link: { file: path.join(tmp, 'in', `o${r % 50}.xlsx`), sheet: 'S', cell: `A${r + 1}` } }]),
        },
      ],
    };
    const buf = await workbookBuffer(big, { outDir: outDir() });
    expect((await workbookBuffer(big, { outDir: outDir() })).equals(buf)).toBe(true);
    const xml = parts(buf);
    const sheet = xml.get('xl/worksheets/sheet1.xml')!;
    expect(sheet.length).toBeGreaterThan(4 * (1 << 16));
    expect(parseXml(sheet).children).toEqual(['dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'hyperlinks']);
    expect(sheet).toContain(`<dimension ref="A1:C${rows}"/>`);
    expect(sheet.match(/<row /g)).toHaveLength(rows);
    expect(xml.get('xl/worksheets/_rels/sheet1.xml.rels')!.match(/<Relationship /g)).toHaveLength(rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(rows);
    for (const r of [1, 2, 1000, rows]) {
      expect(ws.getCell(`A${r}`).value).toBe(r);
      expect(ws.getCell(`B${r}`).value).toBe(`অফিস ${r - 1} & <co>`);
      expect(ws.getCell(`C${r}`).value).toEqual({ text: 'src', hyperlink: `./../in/o${(r - 1) % 50}.xlsx#'S'!A${r}` });
    }
  });

  const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
  (!soffice && process.env.APA_SKIP_LIBREOFFICE === '1' ? test.skip : test)('LibreOffice opens it: every sheet\'s text and numbers as written, text that looks like a formula still text', async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) not found: install libreoffice-calc (CI: .ci/run does), or set APA_SKIP_LIBREOFFICE=1 to skip explicitly.');
    const dir = path.join(tmp, 'direct-lo');
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, 'report.xlsx');
    await fs.writeFile(file, await workbookBuffer(spec(), { outDir: outDir() }));
    // Token 9 "false": numbers at full precision; token 12 (-1): every sheet to its own CSV.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
    await new Promise<void>((resolve, reject) =>
      execFile(soffice, [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile-direct')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, file], { timeout: 240_000 }, (err) => (err ? reject(err) : resolve())),
    );
    const csv = async (name: string) => parseCsv((await fs.readFile(path.join(dir, name), 'utf8')).replace(/^\uFEFF/, ''), ',');
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toHaveLength(2);
    const first = await csv(files.find((f) => f !== 'report-Problems.csv')!);
    expect(first[0][0]).toBe('Title <b> & "q"');
    // A percent keeps its format even at full precision: LibreOffice read the custom format.
    expect(first[2].slice(0, 5)).toEqual(['1', ' padded\nline two ', '12.5', '90.5%', 'S']);
    expect(first[3].slice(0, 5)).toEqual(['2', '=SUM(A1:A2)', '7.25', '', 'back']);
    expect(first[4].slice(0, 5)).toEqual(['3', '_x0041_ stays', '', '1234.5', 'badchar']);
    expect(first[4][5]).toHaveLength(MAX_CELL_TEXT);
    expect(first[6][0]).toBe('Chart');
    expect((await csv('report-Problems.csv')).slice(0, 2)).toEqual([['p', '0'], ['q', 'r']]);
  }, 300_000);
});

describe('grids', () => {
  test('xlsx: rich text, formula results, hyperlinks, errors, dates, formats and merges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ট্যাব');
    ws.getCell('A1').value = { richText: [{ text: 'কর্মসম্পাদন ' }, { text: 'সূচক', font: { bold: true } }] };
    ws.getCell('B1').value = { formula: '1+1', result: 2 };
    ws.getCell('C1').value = { text: 'লিংক', hyperlink: 'https://example.org' };
    ws.getCell('D1').value = { error: '#N/A' };
    ws.getCell('E1').value = new Date(Date.UTC(2025, 2, 16));
    ws.getCell('E1').numFmt = 'dd/mm/yyyy';
    ws.getCell('F1').value = 0.9059;
    ws.getCell('F1').numFmt = '0.00%';
    ws.getCell('A3').value = 'merged';
    ws.mergeCells('A3:C4');
    const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const { grids } = await readWorkbookGrids(buf, 'book.xlsx');
    expect(grids).toHaveLength(1);
    const g = grids[0];
    expect(g.sheet).toBe('ট্যাব');
    expect(g.file).toBe('book.xlsx');
    expect(g.values[0].slice(0, 4)).toEqual(['কর্মসম্পাদন সূচক', 2, 'লিংক', '#N/A']);
    expect(g.values[0][4]).toEqual(new Date(Date.UTC(2025, 2, 16)));
    expect(g.values[0][5]).toBe(0.9059);
    expect(g.formats?.[0][4]).toBe('dd/mm/yyyy');
    expect(g.formats?.[0][5]).toBe('0.00%');
    expect(g.values[2][0]).toBe('merged');
    expect(g.values[2][1] ?? null).toBeNull();
    expect(g.merges).toEqual([{ top: 2, left: 0, bottom: 3, right: 2 }]);
  });

  test('csv: UTF-16 without a byte-order mark is recognised, little- and big-endian; a binary file still is not text', async () => {
    const utf8 = await fs.readFile(path.join(samples, '002-khulna-library.csv'));
    const text = utf8.toString('utf8').replace(/^\uFEFF/, '');
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const want = csvGrid(utf8, 'office.csv');
    expect(want.values.length).toBeGreaterThan(20);
    expect(csvGrid(le, 'office.csv')).toEqual(want);
    expect(csvGrid(be, 'office.csv')).toEqual(want);
    // With the BOM, as before.
    expect(csvGrid(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'office.csv')).toEqual(want);
    expect(() => csvGrid(noise(4096, 3), 'noise.csv')).toThrow(/not a text file|not UTF-8/);
    expect(() => csvGrid(Buffer.from([0, 0, 0, 1, 0, 2, 0, 27, 0, 3]), 'zeros.csv')).toThrow(/not a text file/);
    // The CLI reads it like the UTF-8 file: the same scores.
    const dir = path.join(tmp, 'utf16');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'office.csv'), le);
    const r = await run(['score', path.join(dir, 'office.csv'), path.join(samples, '002-khulna-library.csv'), '--json']);
    expect(r.stderr).toBe('');
    const d = jsonDocumentSchema.parse(JSON.parse(r.stdout));
    expect(d.files[0].sheets[0].totals).toEqual(d.files[1].sheets[0].totals);
  });

  test('csv: BOM, quoted fields with commas, quotes and line breaks', () => {
    const text = '\uFEFFa,"b, c","say ""hi""","two\r\nlines"\r\n,x,,\r\n';
    expect(parseCsv(text.slice(1))).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\r\nlines'],
      ['', 'x', '', ''],
    ]);
    const g = csvGrid(Buffer.from(text, 'utf8'), 'dir/ফাইল.csv');
    expect(g.sheet).toBe('ফাইল');
    expect(g.values[0][0]).toBe('a');
    expect(g.values[1]).toEqual([null, 'x']);
  });
});
