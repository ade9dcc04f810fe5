import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main, Writer } from '../cli/apa';
import { parseCsv } from '../cli/csv-grid';
import { consolidateJsonSchema, ConsolidateJson } from '../cli/json';
import { buildOfficeFolder } from './fixtures/build-fixtures';
import { summaryColumns } from '../core';

/** A summary column's place (0-based), by its key in the report's table: the ranking's columns
 * come before the per-indicator ones, so no indicator is needed to find them. */
const SUMMARY = (key: string) => summaryColumns({ indicators: [] }).findIndex((c) => c.key === key);

/**
 * `apa consolidate` on 40 generated offices, read back by two independent readers: ExcelJS and
 * LibreOffice (headless, exporting CSV). Both must give the same offices, scores and percents.
 *
 * LibreOffice is required: without `soffice` the test fails, unless APA_SKIP_LIBREOFFICE=1,
 * which makes it an explicit, reported skip.
 */

const OFFICES = 40;
const SKIP_LO = process.env.APA_SKIP_LIBREOFFICE === '1';

function findSoffice(): string | null {
  if (process.env.SOFFICE && existsSync(process.env.SOFFICE)) return process.env.SOFFICE;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const d of [...dirs, '/usr/bin', '/usr/lib/libreoffice/program', '/opt/libreoffice/program']) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = path.join(d, name);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

const SOFFICE = findSoffice();
if (!SOFFICE && SKIP_LO) {
  // eslint-disable-next-line no-console
  console.warn('consolidate-readback: LibreOffice (soffice) not found and APA_SKIP_LIBREOFFICE=1: the LibreOffice read-back is SKIPPED.');
}

function exec(file: string, args: string[], timeout = 180_000): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** LibreOffice's version, e.g. [7, 4]. */
async function sofficeVersion(soffice: string, profile: string): Promise<[number, number]> {
  const { stdout } = await exec(soffice, [`-env:UserInstallation=${profile}`, '--version'], 60_000);
  const m = /LibreOffice\s+(\d+)\.(\d+)/.exec(stdout);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

interface OfficeNumbers {
  office: string;
  score: number;
  percent: number | null;
}

const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

let tmp: string;
let out: string;
let json: ConsolidateJson;
let summaryName: string;
let fromExcelJS: OfficeNumbers[];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-readback-'));
  const folder = path.join(tmp, 'offices');
  await buildOfficeFolder(folder, OFFICES);
  out = path.join(tmp, 'out.xlsx');
  let stdout = '';
  let stderr = '';
  const code = await main(['consolidate', folder, '-o', out, '--json'], {
    stdout: { write: (s: string) => (stdout += s) } as Writer,
    stderr: { write: (s: string) => (stderr += s) } as Writer,
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  json = consolidateJsonSchema.parse(JSON.parse(stdout));

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0];
  summaryName = ws.name;
  fromExcelJS = [];
  // The table's rows, down to the first row without an office (the chart's caption follows).
  for (let r = 4; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.getCell(SUMMARY('office') + 1).value) break;
    fromExcelJS.push({ office: String(row.getCell(SUMMARY('office') + 1).value), score: num(row.getCell(SUMMARY('marks') + 1).value)!, percent: num(row.getCell(SUMMARY('percent') + 1).value) });
  }
}, 300_000);

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test(`ExcelJS reads back all ${OFFICES} offices as consolidate reported them`, () => {
  const offices = json.groups.flatMap((g) => g.offices);
  expect(offices).toHaveLength(OFFICES);
  expect(fromExcelJS).toHaveLength(OFFICES);
  expect(new Set(fromExcelJS.map((o) => o.office)).size).toBe(OFFICES);
  fromExcelJS.forEach((o, i) => {
    expect(o.office).toBe(offices[i].office);
    expect(o.score).toBeCloseTo(offices[i].marks, 9);
    if (offices[i].percent === null) expect(o.percent).toBeNull();
    else expect(o.percent).toBeCloseTo(offices[i].percent!, 9);
  });
});

test('the worker pool and the in-process path write the same workbook', async () => {
  const single = path.join(tmp, 'single.xlsx');
  const code = await main(['consolidate', path.join(tmp, 'offices'), '-o', single, '--jobs', '1'], { stdout: { write: () => true }, stderr: { write: () => true } });
  expect(code).toBe(0);
  expect((await fs.readFile(single)).equals(await fs.readFile(out))).toBe(true);
});

const loTest = SOFFICE ? test : SKIP_LO ? test.skip : test;

loTest(
  'LibreOffice reads the same offices, scores and percents as ExcelJS',
  async () => {
    if (!SOFFICE) {
      throw new Error('LibreOffice (soffice) was not found on PATH: install libreoffice-calc (CI: .ci/run does), or set APA_SKIP_LIBREOFFICE=1 to skip this check explicitly.');
    }
    const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-lo-profile-'));
    const profile = `file://${profileDir}`;
    const csvDir = path.join(tmp, 'lo');
    try {
      const [major, minor] = await sofficeVersion(SOFFICE, profile);
      // Token 9 "false": numbers at full precision, not as shown. Token 12 (-1): every sheet
      // to its own CSV, from LibreOffice 7.2; before that, the first sheet (the summary) only.
      const allSheets = major > 7 || (major === 7 && minor >= 2);
      const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false${allSheets ? ',-1' : ''}`;
      await exec(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', csvDir, out]);
      const files = await fs.readdir(csvDir);
      const summaryFile = allSheets ? files.find((f) => f === `out-${summaryName}.csv`) : files.find((f) => f === 'out.csv');
      if (!summaryFile) throw new Error(`LibreOffice wrote no summary CSV; it wrote: ${files.join(', ') || 'nothing'}`);
      if (allSheets) expect(files).toHaveLength(3);
      const rows = parseCsv((await fs.readFile(path.join(csvDir, summaryFile), 'utf8')).replace(/^\uFEFF/, ''), ',');
      const fromLibreOffice: OfficeNumbers[] = rows
        .slice(3)
        .filter((r) => r.length > 1 && r[SUMMARY('office')] !== '')
        .map((r) => ({ office: r[SUMMARY('office')], score: num(r[SUMMARY('marks')])!, percent: num(r[SUMMARY('percent')]) }));

      expect(fromLibreOffice.map((o) => o.office)).toEqual(fromExcelJS.map((o) => o.office));
      const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
      fromLibreOffice.forEach((lo, i) => {
        const ex = fromExcelJS[i];
        expect(Math.abs(lo.score - ex.score)).toBeLessThanOrEqual(1e-6);
        if (ex.percent === null) expect(lo.percent).toBeNull();
        else {
          expect(lo.percent).not.toBeNull();
          expect(Math.abs(lo.percent! - ex.percent)).toBeLessThanOrEqual(1e-6);
          expect(Math.abs(round(lo.percent)! - round(ex.percent)!)).toBeLessThanOrEqual(1e-6);
        }
      });
    } finally {
      await fs.rm(profileDir, { recursive: true, force: true });
    }
  },
  300_000,
);
