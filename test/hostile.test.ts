import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consolidateJsonSchema } from '../cli/json';
import { buildOfficeWorkbook } from './fixtures/build-fixtures';
import { hostileFiles } from './fixtures/hostile';

/**
 * `apa consolidate` over a folder where good office workbooks sit next to hostile files: cut
 * short, damaged inside, zip bombs (honest and lying about their size), password-protected, an
 * .xls and an .ods renamed .xlsx, a CSV in another encoding, and a sheet followed by a million
 * empty formatted rows. Each bad file gets one clear line naming it; the good ones (and the
 * million-row one, which is a real office) are consolidated.
 *
 * The CLI runs as its own process with its heap capped at 256 MB: a reader that inflated a bomb
 * or modelled a million rows would die, and the test with it. (Time is the bench's business:
 * `npm run bench` measures these files; here jest's timeout is the only clock.)
 */

const HEAP_MB = 256;
let tmp: string;
let folder: string;

const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
const skipLibreOffice = !soffice && process.env.APA_SKIP_LIBREOFFICE === '1';

function exec(file: string, args: string[], options: { timeout?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: options.timeout ?? 240_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? Number((err as NodeJS.ErrnoException).code) : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const GOOD = ['office-a.xlsx', 'office-b.xlsx', 'office-c.xlsx'];
const BAD: Record<string, RegExp> = {
  'cut-short.xlsx': /damaged or incomplete|not an Excel/,
  'damaged-inside.xlsx': /damaged or incomplete/,
  'bomb.xlsx': /unpacks to more than 256 MB/,
  'bomb-lying.xlsx': /damaged or incomplete \(.*more than its declared 2000 bytes/,
  'password.xlsx': /password-protected/,
  'latin1.csv': /not UTF-8/,
};
const LIBREOFFICE_BAD: Record<string, RegExp> = {
  'old-format.xlsx': /Excel 97-2003 \(\.xls\)/,
  'calc.xlsx': /OpenDocument|\.ods/,
};

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-hostile-'));
  folder = path.join(tmp, 'inbox');
  await fs.mkdir(folder);
  const good = await Promise.all(GOOD.map((_, i) => buildOfficeWorkbook(i + 1)));
  await Promise.all(GOOD.map((name, i) => fs.writeFile(path.join(folder, name), good[i])));
  const base = good[0];
  for (const [name, bytes] of Object.entries(await hostileFiles(base))) await fs.writeFile(path.join(folder, name), bytes);
  if (soffice) {
    // A real .xls and a real .ods, made by LibreOffice, renamed .xlsx as offices e-mail them.
    const lo = path.join(tmp, 'lo');
    await fs.mkdir(lo);
    await fs.writeFile(path.join(lo, 'source.xlsx'), base);
    for (const [filter, ext] of [
      ['xls:MS Excel 97', 'xls'],
      ['ods', 'ods'],
    ]) {
      const r = await exec(soffice, [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', lo, path.join(lo, 'source.xlsx')]);
      if (r.code !== 0) throw new Error(`LibreOffice could not write .${ext}: ${r.stderr}`);
    }
    await fs.copyFile(path.join(lo, 'source.xls'), path.join(folder, 'old-format.xlsx'));
    await fs.copyFile(path.join(lo, 'source.ods'), path.join(folder, 'calc.xlsx'));
  }
}, 300_000);

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('every bad file gets one clear line naming it; every good office is consolidated; within a 256 MB heap', async () => {
  if (!soffice && !skipLibreOffice) throw new Error('LibreOffice (soffice) not found: it makes the real .xls and .ods; install libreoffice-calc (CI: .ci/run does), or set APA_SKIP_LIBREOFFICE=1.');
  const out = path.join(tmp, 'out', 'consolidated.xlsx');
  const entry = `require(${JSON.stringify(path.join(__dirname, '..', 'cli', 'apa.ts'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  const r = await exec(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', '-e', entry, 'consolidate', folder, '-o', out, '--json'], { timeout: 240_000 });
  expect(r.stderr).not.toMatch(/\n\s+at |heap out of memory|FATAL/);
  expect(r.code).toBe(1);

  const expected = { ...BAD, ...(soffice ? LIBREOFFICE_BAD : {}) };
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(Object.keys(expected).length);
  for (const [name, reason] of Object.entries(expected)) {
    const line = lines.find((l) => l.includes(path.join(folder, name)));
    expect(line).toBeDefined();
    expect(line).toMatch(/could not be read: \S/);
    expect(line).toMatch(reason);
  }

  const j = consolidateJsonSchema.parse(JSON.parse(r.stdout));
  expect(j.offices.map((o) => path.basename(o.file!)).sort()).toEqual([...GOOD, 'office-million-rows.xlsx'].sort());
  expect(j.skipped.map((k) => path.basename(k.file!)).sort()).toEqual(Object.keys(expected).sort());
  // The million-row office is the same office as office-a, read whole: the same score.
  const a = j.offices.find((o) => o.file!.endsWith('office-a.xlsx'))!;
  const m = j.offices.find((o) => o.file!.endsWith('office-million-rows.xlsx'))!;
  expect(m.score).toBeCloseTo(a.score, 10);
  expect(m.percent).toBeCloseTo(a.percent!, 10);
  expect(existsSync(out)).toBe(true);
}, 300_000);
