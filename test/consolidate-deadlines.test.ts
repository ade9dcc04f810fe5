/**
 * Issue 16, SCORING.md §10 in the consolidation: `apa consolidate … --directives MINUTES
 * [--today]` adds the deadlines sheet (offices × indicators against the minutes on the day) and
 * gives each office its due items in --json. Over the bundled samples and seed 004's minutes.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main, Writer } from '../cli/apa';
import { consolidateJsonSchema } from '../cli/json';
import { DEADLINE_STATES } from '../core/deadlines-sheet';
import { text } from '../core/messages';

const ROOT = path.join(__dirname, '..');
const SAMPLES = path.join(ROOT, 'samples');
const MINUTES = path.join(SAMPLES, 'minutes', 'minutes-2023-24.docx');

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out: Writer = { write: (s: string) => (stdout += s) };
  const err: Writer = { write: (s: string) => (stderr += s) };
  const code = await main(argv, { stdout: out, stderr: err, now: new Date(Date.UTC(2025, 0, 20)) });
  return { code, stdout, stderr };
}

const fillOf = (state: string) => `FF${DEADLINE_STATES.find((x) => x.state === state)!.fill!.slice(1)}`;
const argbOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

/** The cell of `office` (a row whose first cell is its name) under the indicator `header`. */
function cellAt(ws: ExcelJS.Worksheet, office: string, header: string): ExcelJS.Cell {
  let headerRow = 0;
  let row = 0;
  ws.eachRow((r, n) => {
    const first = String(r.getCell(1).value ?? '');
    if (!headerRow && (first === text('col.office').en || first === text('col.office').bn)) headerRow = n;
    else if (headerRow && !row && first === office) row = n;
  });
  const headers = (ws.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ''));
  const col = headers.indexOf(header);
  if (!row || col < 0) throw new Error(`no cell for ${office} × ${header}`);
  return ws.getRow(row).getCell(col);
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-deadlines-'));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('consolidate --directives: the deadlines sheet (SCORING.md §10)', () => {
  test('an English report: offices × indicators on the day, overdue in red, due in N days in amber, under a legend', async () => {
    const out = path.join(tmp, 'en.xlsx');
    const r = await run(['consolidate', SAMPLES, '-o', out, '--directives', MINUTES, '--today', '2024-03-20']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('APA Deadlines')!;
    expect(ws).toBeDefined();
    expect(String(ws.getCell('A1').value)).toBe('Deadlines and evidence from the minutes, on 2024-03-20');
    // The legend: a swatch per state with its words.
    expect(ws.getCell('A2').value).toBe('Colours:');
    const legend = DEADLINE_STATES.map((_, i) => ws.getRow(2).getCell(i + 2));
    expect(legend.map((c) => c.value)).toEqual(['done', 'done, evidence not said to be attached', 'due', 'overdue', 'no deadline', 'not applicable']);
    expect(argbOf(legend[3])).toBe(fillOf('overdue'));
    // Seed 003 (its English layout): [1.1.1] due 16/03/2024 with nothing achieved; [6.1.2] due 25/03.
    const overdue = cellAt(ws, 'Shishu Kalyan Trust', '1.1.1');
    expect(overdue.value).toBe('overdue by 4 days');
    expect(argbOf(overdue)).toBe(fillOf('overdue'));
    const due = cellAt(ws, 'Shishu Kalyan Trust', '6.1.2');
    expect(due.value).toBe('due in 5 days');
    expect(argbOf(due)).toBe(fillOf('due'));
    // Every other report sheet is still there, the deadlines sheet last.
    expect(wb.worksheets.map((w) => w.name).slice(-3)).toEqual(['APA Indicators', 'APA Problems', 'APA Deadlines']);
  });

  test('a Bengali report (--bn): the sheet, its legend and cells in Bengali words and digits', async () => {
    const out = path.join(tmp, 'bn.xlsx');
    const r = await run(['consolidate', SAMPLES, '-o', out, '--directives', MINUTES, '--today', '2024-03-20', '--bn']);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('APA সময়সীমা')!;
    expect(ws).toBeDefined();
    expect(String(ws.getCell('A1').value)).toContain('২০২৪-০৩-২০');
    expect(ws.getCell('A2').value).toBe('রঙের অর্থ:');
    // Seed 003 sent in two layouts is one office: its ranked copy's row (a duplicate has none).
    const overdue = cellAt(ws, 'Shishu Kalyan Trust', '১.১.১');
    expect(overdue.value).toBe('৪ দিন পেরিয়ে গেছে');
    expect(argbOf(overdue)).toBe(fillOf('overdue'));
    expect(() => cellAt(ws, 'শিশু কল্যাণ ট্রাস্ট', '১.১.১')).toThrow();
    const due = cellAt(ws, 'Shishu Kalyan Trust', '৬.১.২');
    expect(due.value).toBe('৫ দিন বাকি');
    expect(argbOf(due)).toBe(fillOf('due'));
  });

  test("--json: today, and each office's items as `apa due --json` prints them (seed 003 on 2024-03-20)", async () => {
    const out = path.join(tmp, 'json.xlsx');
    const r = await run(['consolidate', SAMPLES, '-o', out, '--directives', MINUTES, '--today', '2024-03-20', '--json']);
    expect(r.code).toBe(0);
    const doc = consolidateJsonSchema.parse(JSON.parse(r.stdout));
    expect(doc.today).toBe('2024-03-20');
    const skt = doc.groups.flatMap((g) => g.offices).find((o) => o.file === path.join(SAMPLES, '003-skt.xlsx'))!;
    const item = (id: string) => skt.items!.find((i) => i.id === id)!;
    expect(item('1.1.1')).toMatchObject({ deadline: '2024-03-16', daysLeft: -4, status: 'overdue' });
    expect(item('6.1.2')).toMatchObject({ daysLeft: 5, status: 'due' });
    expect(item('2.1.1').evidenceAttached).toBe(true);
    expect(item('5.1.1').evidenceAttached).toBe(true);
    expect(item('1.1.1').evidence.length).toBeGreaterThan(0);
    expect(Object.keys(item('1.1.1'))).toEqual(['id', 'name', 'deadline', 'daysLeft', 'status', 'text', 'next', 'cadence', 'evidence', 'evidenceAttached', 'planDates']);
    // The same items as `apa due` gives for the same sheet on the same day.
    const due = await run(['due', path.join(SAMPLES, '003-skt.xlsx'), '--directives', MINUTES, '--today', '2024-03-20', '--json']);
    expect(skt.items).toEqual(JSON.parse(due.stdout).offices[0].items);
    // Every office has its items.
    for (const o of doc.groups.flatMap((g) => g.offices)) expect(o.items!.length).toBeGreaterThan(0);
  });

  test('running it twice gives the same file', async () => {
    const out = path.join(tmp, 'twice.xlsx');
    const argv = ['consolidate', SAMPLES, '-o', out, '--directives', MINUTES, '--today', '2024-03-20'];
    expect((await run(argv)).code).toBe(0);
    const first = await fs.readFile(out);
    const again = await run(argv);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect((await fs.readFile(out)).equals(first)).toBe(true);
  });

  test('without --directives: no deadlines sheet, no items in --json', async () => {
    const out = path.join(tmp, 'plain.xlsx');
    const r = await run(['consolidate', SAMPLES, '-o', out, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.today).toBeUndefined();
    expect(doc.groups[0].offices[0].items).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('APA Deadlines')).toBeUndefined();
  });

  test('a bad minutes file: a message in both languages naming it, exit status 1, nothing written', async () => {
    const bad = path.join(tmp, 'minutes-broken.docx');
    await fs.writeFile(bad, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('word/document.xml'), Buffer.alloc(64)]));
    const noTable = path.join(tmp, 'minutes-no-table.csv');
    await fs.writeFile(noTable, 'a,b\n1,2\n');
    for (const minutes of [bad, noTable, path.join(tmp, 'missing.docx')]) {
      const out = path.join(tmp, `never-${path.basename(minutes)}.xlsx`);
      const r = await run(['consolidate', SAMPLES, '-o', out, '--directives', minutes, '--today', '2024-03-20']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(minutes);
      expect(r.stderr).toContain('no report was written');
      expect(r.stderr).toContain('কোনো প্রতিবেদন লেখা হয়নি');
      await expect(fs.stat(out)).rejects.toThrow();
    }
  });

  test('--today must be a date; --directives and --today are for consolidate (and due)', async () => {
    const r = await run(['consolidate', SAMPLES, '-o', path.join(tmp, 'x.xlsx'), '--directives', MINUTES, '--today', '2024-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--today');
    expect((await run(['score', SAMPLES, '--directives', MINUTES])).code).toBe(2);
  });
});
