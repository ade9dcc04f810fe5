/**
 * Fuzz over the files themselves (issue 13): the zip, the sheet XML and the .ods content, made
 * the ways crafted files are made — coordinates at, past and far past Excel's grid, garbled
 * references, merges of every size (over the whole sheet, one on another, past the grid), deep
 * nesting and unclosed elements, DOCTYPEs (the ExcelJS path), repeats and spans in .ods, sizes
 * that lie, bytes cut or flipped — and read the way `apa` reads them:
 *   1. reading never crashes: every file is read or named with a reason, never an internal error;
 *   2. no file stalls: each is read or refused within a bound (a stall detector, not a speed
 *      test: the bench measures speed);
 *   3. among good offices, every good office is consolidated and the report written, within a
 *      256 MB heap.
 *
 * Seeded like test/fuzz.test.ts: APA_FUZZ_SEED=<n> replays a run, APA_FUZZ_RUNS=<factor> scales it.
 */
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { dayFromYmd, scoreSettingsSchema } from '../core';
import { analyseFile, AnalyseTask, FileOutcome } from '../cli/analyse';
import { consolidateJsonSchema } from '../cli/json';
import { zipEntries } from '../cli/zip';
import { columnLetters } from '../core/grid';
import { buildOfficeWorkbook } from './fixtures/build-fixtures';
import { odsPackage, withPart } from './fixtures/hostile';

const FIXED_CI_SEED = 20261213;
const SEED = process.env.APA_FUZZ_SEED !== undefined ? Number(process.env.APA_FUZZ_SEED) : process.env.CI === 'true' ? FIXED_CI_SEED : Math.floor(Math.random() * 0x7fffffff);
const SCALE = Number(process.env.APA_FUZZ_RUNS ?? 1) || 1;
const RUNS = Math.max(1, Math.round(120 * SCALE));
/** Longer than any file within the readers' limits takes (about a second at most, bench/RESULTS.md). */
const STALL_MS = 15_000;

// ── What crafted files are made of ────────────────────────────────────────────────────────────

/** Coordinates of a case: near the table ('table'), some far from it ('far'), or at, past and
 * far past Excel's last row and column ('edges'). */
type Reach = 'table' | 'far' | 'edges';
const rowNumber = (reach: Reach) =>
  reach === 'table'
    ? fc.integer({ min: 1, max: 80 })
    : reach === 'edges'
    ? fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }) },
        { weight: 2, arbitrary: fc.integer({ min: 1_048_570, max: 1_048_580 }) },
        { weight: 1, arbitrary: fc.constantFrom(0, -1, 30_000, 999_999_999, 2 ** 31, 1e15) },
      )
    : fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 27, max: 80 }) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 26 }) }, { weight: 1, arbitrary: fc.integer({ min: 100, max: 5000 }) });
const columnNumber = (reach: Reach) =>
  reach === 'table'
    ? fc.integer({ min: 0, max: 30 })
    : reach === 'edges'
    ? fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 2, arbitrary: fc.integer({ min: 16_380, max: 16_390 }) }, { weight: 1, arbitrary: fc.constantFrom(18_277, 1_000_000) })
    : fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 200, max: 16_383 }) });
const ref = (reach: Reach) =>
  reach === 'edges'
    ? fc.oneof(
        { weight: 8, arbitrary: fc.tuple(columnNumber(reach), rowNumber(reach)).map(([c, r]) => `${columnLetters(c)}${r}`) },
        { weight: 1, arbitrary: fc.constantFrom('A', '1', '', 'A1A', '$B$2', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1', 'A99999999999999999999999', 'ZZZ0', '&amp;1') },
      )
    : fc.tuple(columnNumber(reach), rowNumber(reach)).map(([c, r]) => `${columnLetters(c)}${r}`);
const value = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom('১২', '61.54%', '16/03/2025', '', 'TRUE', '#N/A', '1e308', '-0', '45000', 'প্রযোজ্য নয়'),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[<&\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, '')),
);
const cellXml = (reach: Reach) =>
  fc
    .record({ ref: fc.option(ref(reach), { nil: undefined }), t: fc.constantFrom('', 'n', 's', 'str', 'inlineStr', 'b', 'e', 'd', 'zz'), v: value, s: fc.option(fc.integer({ min: -1, max: 40 }), { nil: undefined }), formula: fc.boolean() })
    .map(({ ref: r, t, v, s, formula }) => {
      const attrs = `${r !== undefined ? ` r="${r}"` : ''}${t ? ` t="${t}"` : ''}${s !== undefined ? ` s="${s}"` : ''}`;
      const body = t === 'inlineStr' ? `<is><t>${v}</t></is>` : `${formula ? '<f>1+1</f>' : ''}<v>${v}</v>`;
      return `<c${attrs}>${body}</c>`;
    });
const rowXml = (reach: Reach) =>
  fc.record({ r: fc.option(rowNumber(reach), { nil: undefined }), cells: fc.array(cellXml(reach), { maxLength: 12 }) }).map(({ r, cells }) => `<row${r !== undefined ? ` r="${r}"` : ''}>${cells.join('')}</row>`);
const mergeXml = (reach: Reach) =>
  fc.oneof(
    fc.tuple(ref(reach), ref(reach)).map(([a, b]) => `<mergeCell ref="${a}:${b}"/>`),
    fc.constantFrom('<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="A40:XFD1048576"/>', '<mergeCell ref="A30:XFD30"/>', '<mergeCell ref="M1:XFD26"/>', '<mergeCell ref="B2"/>', '<mergeCell/>'),
  );

interface SheetCase {
  /** Keep the office's own sheet (and add to it) or replace it whole. */
  keepOffice: boolean;
  rows: string[];
  merges: string[];
  mergeRepeat: number;
  nesting: number;
  doctype: boolean;
  unclosed: boolean;
}
const sheetCase: fc.Arbitrary<SheetCase> = fc.constantFrom<Reach>('table', 'table', 'far', 'edges').chain((reach) =>
  fc.record({
  keepOffice: fc.boolean(),
  rows: fc.array(rowXml(reach), { maxLength: 20 }),
  merges: fc.array(mergeXml(reach), { maxLength: 8 }),
  mergeRepeat: fc.constantFrom(1, 1, 1, 200),
  nesting: fc.constantFrom(0, 0, 0, 3, 5000),
  doctype: fc.constantFrom(false, false, true),
  unclosed: fc.constantFrom(false, false, false, false, true),
  }),
);

type ZipChange = { kind: 'none' } | { kind: 'cut'; at: number } | { kind: 'flip'; at: number; length: number } | { kind: 'size'; size: number } | { kind: 'method'; method: number };
const zipChange: fc.Arbitrary<ZipChange> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'cut' as const, at })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('size' as const), size: fc.constantFrom(0, 1, 100, 2 ** 31, 0xfffffffe) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('method' as const), method: fc.constantFrom(1, 12, 99) }) },
);

const odsRepeat = fc.constantFrom('1', '2', '3', '1000', '1048576', '1000000000', '0', '-5', 'x', '1e400');
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const odsCell = fc
  .record({ type: fc.constantFrom('float', 'percentage', 'date', 'time', 'boolean', 'string', 'currency', '', 'zz'), v: value, repeat: fc.option(odsRepeat, { nil: undefined }), span: fc.option(fc.tuple(odsRepeat, odsRepeat), { nil: undefined }), covered: fc.boolean(), spaces: fc.option(odsRepeat, { nil: undefined }) })
  .map(({ type, v, repeat, span, covered, spaces }) => {
    if (covered) return `<table:covered-table-cell${repeat ? ` table:number-columns-repeated="${repeat}"` : ''}/>`;
    const attrs = `${type ? ` office:value-type="${type}"` : ''} office:value="${attr(v)}" office:date-value="${attr(v)}" office:time-value="PT${attr(v)}H"${repeat ? ` table:number-columns-repeated="${repeat}"` : ''}${span ? ` table:number-columns-spanned="${span[0]}" table:number-rows-spanned="${span[1]}"` : ''}`;
    return `<table:table-cell${attrs}><text:p>${v}${spaces ? `<text:s text:c="${spaces}"/>` : ''}</text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell>`;
  });
const odsRow = fc.record({ repeat: fc.option(odsRepeat, { nil: undefined }), cells: fc.array(odsCell, { maxLength: 8 }) }).map(({ repeat, cells }) => `<table:table-row${repeat ? ` table:number-rows-repeated="${repeat}"` : ''}>${cells.join('')}</table:table-row>`);
const odsCase = fc.record({ tables: fc.array(fc.array(odsRow, { maxLength: 12 }), { minLength: 1, maxLength: 3 }), unclosed: fc.constantFrom(false, false, false, true) });

type FileCase = { kind: 'xlsx'; sheet: SheetCase; zip: ZipChange } | { kind: 'ods'; ods: { tables: string[][]; unclosed: boolean }; zip: ZipChange };
const fileCase: fc.Arbitrary<FileCase> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('xlsx' as const), sheet: sheetCase, zip: zipChange }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('ods' as const), ods: odsCase, zip: zipChange }) },
);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheetBytes(base: Buffer, c: SheetCase): Buffer {
  return withPart(base, 'xl/worksheets/sheet1.xml', (xml) => {
    const deep = c.nesting ? `${'<ext>'.repeat(c.nesting)}${'</ext>'.repeat(c.nesting)}` : '';
    const merges = Array.from({ length: c.mergeRepeat }, () => c.merges.join('')).join('');
    let out: string;
    if (c.keepOffice) {
      out = xml.replace('</sheetData>', `${c.rows.join('')}${deep}</sheetData>`).replace('</mergeCells>', `${merges}</mergeCells>`);
    } else {
      out = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${c.rows.join('')}${deep}</sheetData>${merges ? `<mergeCells>${merges}</mergeCells>` : ''}</worksheet>`;
    }
    if (c.doctype) out = out.replace(/<worksheet /, '<!DOCTYPE worksheet [<!ELEMENT worksheet ANY>]><worksheet ');
    if (c.unclosed) out = out.slice(0, out.lastIndexOf('</'));
    return out;
  });
}

function zipChanged(buf: Buffer, change: ZipChange): Buffer {
  const out = Buffer.from(buf);
  switch (change.kind) {
    case 'none':
      return out;
    case 'cut':
      return out.subarray(0, Math.floor(out.length * change.at));
    case 'flip': {
      const at = Math.floor((out.length - 1) * change.at);
      for (let i = at; i < Math.min(out.length, at + change.length); i++) out[i] ^= 0x5a;
      return out;
    }
    default: {
      // The sheet's (or content's) central directory entry: its declared size or its method.
      const entries = [...zipEntries(out).values()];
      const target = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml' || e.name === 'content.xml') ?? entries[0];
      let p = out.readUInt32LE(out.length - 22 + 16);
      for (let i = 0; i < entries.length; i++) {
        const name = out.toString('utf8', p + 46, p + 46 + out.readUInt16LE(p + 28));
        if (name === target.name) {
          if (change.kind === 'size') out.writeUInt32LE(change.size >>> 0, p + 24);
          else out.writeUInt16LE(change.method, p + 10);
          break;
        }
        p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
      }
      return out;
    }
  }
}

function fileBytes(base: Buffer, c: FileCase): Buffer {
  if (c.kind === 'xlsx') return zipChanged(sheetBytes(base, c.sheet), c.zip);
  let ods = odsPackage(c.ods.tables.map((rows, i) => ({ name: `T${i + 1}`, rows: rows.join('') })));
  if (c.ods.unclosed) ods = withPart(ods, 'content.xml', (x) => x.slice(0, x.lastIndexOf('</')));
  return zipChanged(ods, c.zip);
}

/** What no reader may ever give: an internal error in place of a reason. */
const INTERNAL = /TypeError|RangeError|ReferenceError|SyntaxError|call stack|Invalid array length|heap|internal error|undefined|NaN/;

// ── The properties ────────────────────────────────────────────────────────────────────────────

let tmp: string;
let base: Buffer;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-fuzz-files-'));
  base = await buildOfficeWorkbook(1);
  console.log(`fuzz-files seed ${SEED} (replay: APA_FUZZ_SEED=${SEED} npx jest test/fuzz-files.test.ts)`);
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const task = (file: string): AnalyseTask => ({ path: file, label: path.basename(file), settings: scoreSettingsSchema.parse({}), today: dayFromYmd(2025, 1, 20)!, want: 'consolidate' });
const kept: string[] = [];

test('every crafted file is read or named with a reason, never an internal error, and none stalls', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fileCase, async (c) => {
      const file = path.join(tmp, `case-${n++}.${c.kind}`);
      await fs.writeFile(file, fileBytes(base, c));
      const t0 = Date.now();
      const o: FileOutcome = await analyseFile(task(file));
      const ms = Date.now() - t0;
      if (ms > STALL_MS) throw new Error(`${path.basename(file)} took ${ms} ms`);
      if (o.unreadable) {
        expect(o.unreadable.en).toMatch(/^The file could not be read: \S/);
        expect(o.unreadable.bn).toMatch(/^ফাইলটি পড়া যায়নি: \S/);
        expect(o.unreadable.en).not.toMatch(INTERNAL);
      }
      for (const k of o.skipped) expect(k.reason.en).not.toMatch(INTERNAL);
      if (kept.length < 40 && n % 3 === 0) kept.push(file);
    }),
    { seed: SEED, numRuns: RUNS, ...(process.env.APA_FUZZ_PATH ? { path: process.env.APA_FUZZ_PATH } : {}) },
  );
}, 600_000);

test('among good offices, in the pool and within a 256 MB heap: every good office is consolidated, every file accounted for, the report written', async () => {
  const folder = path.join(tmp, 'inbox');
  await fs.mkdir(folder);
  const good: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const name = `good-${i}.xlsx`;
    await fs.writeFile(path.join(folder, name), await buildOfficeWorkbook(i + 10));
    good.push(name);
  }
  for (const f of kept) await fs.copyFile(f, path.join(folder, path.basename(f)));
  const names = (await fs.readdir(folder)).sort();
  const out = path.join(tmp, 'out', 'report.xlsx');
  const entry = `require(${JSON.stringify(path.join(__dirname, '..', 'cli', 'apa.ts'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', '-e', entry, 'consolidate', folder, '-o', out, '--json', '--jobs', '2'], { maxBuffer: 1 << 26, timeout: 300_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as NodeJS.ErrnoException).code) : 0, stdout, stderr }),
    ),
  );
  expect(r.stderr).not.toMatch(/\n\s+at |heap out of memory|FATAL|worker stopped/);
  expect([0, 1]).toContain(r.code);
  const j = consolidateJsonSchema.parse(JSON.parse(r.stdout));
  const consolidated = new Set(j.groups.flatMap((g) => g.offices).map((o) => path.basename(o.file!)));
  for (const g of good) expect(consolidated.has(g)).toBe(true);
  // Every file is consolidated, or skipped with its reason (a file with no plan is both named and
  // skipped: its sheets are).
  const skipped = new Set(j.skipped.map((k) => path.basename(k.file!)));
  for (const n of names) expect([n, consolidated.has(n) || skipped.has(n)]).toEqual([n, true]);
  expect(existsSync(out)).toBe(true);
}, 600_000);
