import { execFile, execFileSync, spawn } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main, Writer } from '../cli/apa';
import { MAX_INPUT_BYTES, readBytes } from '../cli/files';
import { RECORD_PROPERTY, recordReport, reportState } from '../cli/report-record';
import { writeFileAtomically } from '../cli/safe-write';
import { workbookBuffer } from '../cli/write-workbook';
import { zipEntry } from '../cli/zip';
import { buildOfficeFolder } from './fixtures/build-fixtures';

/**
 * Writes that cannot be redirected or half-done, inputs that are only ever regular files, and
 * reports that stay the user's once changed (issue 13).
 */

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-writes-'));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const dirOf = async (name: string) => {
  const d = path.join(tmp, name);
  await fs.mkdir(d, { recursive: true });
  return d;
};

describe('the temp file is created exclusively, renamed into place, removed on SIGINT/SIGTERM', () => {
  test('a link planted at the old predictable temp name (<out>.<pid>.tmp) is never written through', async () => {
    const d = await dirOf('planted');
    const victim = path.join(d, 'victim.txt');
    await fs.writeFile(victim, 'the victim');
    const out = path.join(d, 'report.xlsx');
    await fs.symlink(victim, `${out}.${process.pid}.tmp`);
    await writeFileAtomically(out, Buffer.from('report'));
    expect(await fs.readFile(victim, 'utf8')).toBe('the victim');
    expect(await fs.readFile(out, 'utf8')).toBe('report');
  });

  test('the temp name is new each time and opened O_EXCL | O_NOFOLLOW: a link already there is an error, not a target', async () => {
    const d = await dirOf('excl');
    const victim = path.join(d, 'victim.txt');
    await fs.writeFile(victim, 'the victim');
    const out = path.join(d, 'report.xlsx');
    const fixed = Buffer.alloc(8, 7);
    // The CommonJS module object safe-write.ts calls randomBytes on.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const spy = jest.spyOn(require('crypto') as { randomBytes: (n: number) => Buffer }, 'randomBytes').mockImplementation(() => fixed);
    try {
      await fs.symlink(victim, path.join(d, `.report.xlsx.${fixed.toString('hex')}.tmp`));
      await expect(writeFileAtomically(out, Buffer.from('report'))).rejects.toMatchObject({ code: 'EEXIST' });
    } finally {
      spy.mockRestore();
    }
    expect(await fs.readFile(victim, 'utf8')).toBe('the victim');
    expect(existsSync(out)).toBe(false);
  });

  test('a link at the output name is replaced by the file, its target untouched; nothing is left behind', async () => {
    const d = await dirOf('link-out');
    const victim = path.join(d, 'victim.txt');
    await fs.writeFile(victim, 'the victim');
    const out = path.join(d, 'report.xlsx');
    await fs.symlink(victim, out);
    await writeFileAtomically(out, Buffer.from('report'));
    expect(await fs.readFile(victim, 'utf8')).toBe('the victim');
    expect((await fs.lstat(out)).isFile()).toBe(true);
    expect((await fs.readdir(d)).sort()).toEqual(['report.xlsx', 'victim.txt']);
    // A write that fails leaves no temp file either.
    await expect(writeFileAtomically(out, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect((await fs.readdir(d)).sort()).toEqual(['report.xlsx', 'victim.txt']);
    expect(await fs.readFile(out, 'utf8')).toBe('report');
  });

  test.each(['SIGTERM', 'SIGINT'] as const)('%s during the write: the temp file is removed, the output not made, the process ends by the signal', async (signal) => {
    const d = await dirOf(`signal-${signal}`);
    const out = path.join(d, 'report.xlsx');
    const code = `const { writeFileAtomically } = require(${JSON.stringify(path.join(__dirname, '..', 'cli', 'safe-write.ts'))});
setInterval(() => undefined, 1000);
writeFileAtomically(${JSON.stringify(out)}, async (h) => { await h.write('half a report'); process.stdout.write('writing\\n'); await new Promise(() => undefined); });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => c.toString().includes('writing') && resolve()));
    expect((await fs.readdir(d)).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, s) => resolve(s)));
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(await fs.readdir(d)).toEqual([]);
  }, 60_000);
});

describe('inputs are read only when they are regular files, within a size limit checked before reading', () => {
  test('a FIFO (no writer: the open does not wait), a link to one, /dev/zero, a folder, a file past the limit', async () => {
    const d = await dirOf('inputs');
    const fifo = path.join(d, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    await fs.symlink(fifo, path.join(d, 'link.xlsx'));
    await expect(readBytes(fifo)).rejects.toMatchObject({ reason: { en: 'The file could not be read: it is not a regular file (a named pipe (FIFO)); only files are read' } });
    await expect(readBytes(path.join(d, 'link.xlsx'))).rejects.toMatchObject({ reason: { en: expect.stringMatching(/named pipe/) } });
    await expect(readBytes('/dev/zero')).rejects.toMatchObject({ reason: { en: expect.stringMatching(/not a regular file \(a device\)/), bn: expect.stringMatching(/সাধারণ ফাইল নয় \(ডিভাইস\)/) } });
    await expect(readBytes(d)).rejects.toMatchObject({ reason: { en: expect.stringMatching(/folder, not a file/) } });
    const big = path.join(d, 'big.xlsx');
    await fs.writeFile(big, '');
    await fs.truncate(big, MAX_INPUT_BYTES + 1);
    await expect(readBytes(big)).rejects.toMatchObject({ reason: { en: expect.stringMatching(/the file is 64 MB, more than the 64 MB a file may be/) } });
    await fs.writeFile(path.join(d, 'small.txt'), 'twelve bytes');
    expect((await readBytes(path.join(d, 'small.txt'), 'small.txt', 12)).toString()).toBe('twelve bytes');
    await expect(readBytes(path.join(d, 'small.txt'), 'small.txt', 11)).rejects.toMatchObject({ reason: { en: expect.stringMatching(/more than the 0 MB/) } });
  });
});

describe('what the user changed stays theirs: a report records what it was when written', () => {
  let inbox: string;
  const quiet = () => {
    let stderr = '';
    const err: Writer = { write: (s: string) => (stderr += s) };
    return { out: { write: () => true } as Writer, err, text: () => stderr };
  };
  const consolidate = async (out: string, ...extra: string[]) => {
    const q = quiet();
    const code = await main(['consolidate', inbox, '-o', out, ...extra], { stdout: q.out, stderr: q.err, now: new Date(Date.UTC(2025, 0, 20)) });
    return { code, stderr: q.text() };
  };
  beforeAll(async () => {
    inbox = path.join(tmp, 'inbox');
    await buildOfficeFolder(inbox, 3, 2);
  });

  test('the record: a SHA-256 of the report\'s own content in a custom document property; running twice gives the same file', async () => {
    const out = path.join(tmp, 'twice', 'report.xlsx');
    expect((await consolidate(out)).code).toBe(0);
    const first = await fs.readFile(out);
    expect(zipEntry(first, 'docProps/custom.xml')!.toString()).toMatch(new RegExp(`name="${RECORD_PROPERTY}"><vt:lpwstr>sha256:[0-9a-f]{64}<`));
    expect(reportState(first)).toBe('unchanged');
    expect((await consolidate(out)).code).toBe(0);
    expect((await fs.readFile(out)).equals(first)).toBe(true);
    // Excel's own reader sees the property.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first as never);
    expect(wb.creator).toBe('APA Sheets');
  });

  test('a report edited and saved (ExcelJS keeps the creator) is not overwritten: a message in both languages, exit 1; --force replaces it', async () => {
    const out = path.join(tmp, 'edited', 'report.xlsx');
    expect((await consolidate(out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.worksheets[0].getCell('A1').value = 'my notes';
    await wb.xlsx.writeFile(out);
    const edited = await fs.readFile(out);
    expect(reportState(edited)).toBe('changed');
    const r = await consolidate(out);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `apa: ${out} was changed after apa wrote it (someone edited and saved it), so it was not overwritten. Give another name with -o, or --force to replace it.\n     ${out} apa লেখার পরে বদলানো হয়েছে (কেউ খুলে সংরক্ষণ করেছেন); তাই এটির ওপর লেখা হয়নি। অন্য নামে লিখতে -o দিন, অথবা বদলানো ফাইলটি মুছে নতুন করে লিখতে --force দিন।\n`,
    );
    expect((await fs.readFile(out)).equals(edited)).toBe(true);
    expect((await consolidate(out, '--force')).code).toBe(0);
    expect(reportState(await fs.readFile(out))).toBe('unchanged');
  });

  const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
  (!soffice && process.env.APA_SKIP_LIBREOFFICE === '1' ? test.skip : test)('a report opened and saved again by LibreOffice (which keeps "APA Sheets" as its creator) is not overwritten', async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) not found: install libreoffice-calc (CI: .ci/run does), or set APA_SKIP_LIBREOFFICE=1 to skip explicitly.');
    const d = await dirOf('libreoffice');
    const out = path.join(d, 'report.xlsx');
    expect((await consolidate(out)).code).toBe(0);
    const saved = path.join(d, 'saved');
    await new Promise<void>((resolve, reject) =>
      execFile(soffice, [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', saved, out], { timeout: 240_000 }, (err) => (err ? reject(err) : resolve())),
    );
    await fs.copyFile(path.join(saved, 'report.xlsx'), out);
    const bytes = await fs.readFile(out);
    expect(zipEntry(bytes, 'docProps/core.xml')!.toString()).toContain('<dc:creator>APA Sheets</dc:creator>');
    expect(reportState(bytes)).toBe('changed');
    expect((await consolidate(out)).code).toBe(1);
    expect((await fs.readFile(out)).equals(bytes)).toBe(true);
  }, 300_000);

  test('a report from before the record, untouched, is overwritten as before; an office\'s workbook never is', async () => {
    const d = await dirOf('legacy');
    const out = path.join(d, 'report.xlsx');
    // What writeWorkbook wrote before reports had a record: the same bytes without it.
    const legacy = await workbookBuffer({ sheets: [{ name: 'S', rows: [[{ v: 'old' }]], columnWidths: [] }] } as never, { outDir: d });
    expect(reportState(legacy)).toBe('unchanged');
    expect(reportState(recordReport(legacy))).toBe('unchanged');
    await fs.writeFile(out, legacy);
    expect((await consolidate(out)).code).toBe(0);
    expect(reportState(await fs.readFile(out))).toBe('unchanged');
    const office = path.join(d, 'office.xlsx');
    await fs.copyFile(path.join(inbox, (await fs.readdir(inbox))[0]), office);
    const r = await consolidate(office, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists and was not written by apa/);
  });
});
