import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { dayFromYmd, scoreSettingsSchema, WorkbookSpec } from '../core';
import type { AnalyseTask, FileOutcome } from '../cli/analyse';
import { analyseAll } from '../cli/pool';
import { workbookBuffer } from '../cli/write-workbook';
import { buildOfficeFolder } from './fixtures/build-fixtures';

/** The pool posts outcomes several to a message: a worker that dies while reading a file, with
 * files it finished but had not yet posted, still costs only that file. And the report writer
 * shares one style object among the cells that look alike: each cell still reads back with its
 * own fill, font and format. */

let tmp: string;
let files: string[];
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-speed-pool-'));
  files = await buildOfficeFolder(path.join(tmp, 'offices'), 20, 5);
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const task = (file: string, label = file): AnalyseTask => ({ path: file, label, settings: scoreSettingsSchema.parse({}), today: dayFromYmd(2025, 1, 20)!, want: 'consolidate' });

test('a worker that dies while reading, with finished files not yet posted, costs only the file it was reading', async () => {
  // The real worker, except that reading a file named dies-reading.xlsx ends the thread (as an
  // out-of-memory would) in the middle of reading it.
  const script = path.join(tmp, 'dies-reading-worker.ts');
  await fs.writeFile(
    script,
    `const fs = require('fs');
const open = fs.openSync;
fs.openSync = function (file, ...rest) {
  if (String(file).endsWith('dies-reading.xlsx')) process.exit(5);
  return open.call(this, file, ...rest);
};
require(${JSON.stringify(path.join(__dirname, '..', 'cli', 'worker.ts'))});
`,
  );
  const dying = [5, 13];
  const tasks = files.map((f) => task(f));
  for (const i of dying) {
    const copy = path.join(tmp, `${i}-dies-reading.xlsx`);
    await fs.copyFile(files[i], copy);
    tasks[i] = task(copy);
  }
  const outcomes: FileOutcome[] = [];
  const order: number[] = [];
  await analyseAll(tasks, { jobs: 2, inProcessBelow: 1, workerScript: script }, (o, i) => {
    outcomes.push(o);
    order.push(i);
  });
  expect(order).toEqual(tasks.map((_, i) => i));
  outcomes.forEach((o, i) => {
    expect(o.file).toBe(tasks[i].label);
    if (dying.includes(i)) {
      expect(o.unreadable?.en).toMatch(/worker stopped with code 5/);
    } else {
      expect(o.unreadable).toBeUndefined();
      expect(o.plans).toBe(1);
    }
  });
}, 120_000);

test('cells that look alike share a style; each reads back with its own look', async () => {
  const spec: WorkbookSpec = {
    sheets: [
      {
        name: 'S',
        columnWidths: [10, 10, 10],
        rows: [
          [{ v: 'a', bold: true, fill: '#DDE3EA' }, { v: 1.5, format: '0.00' }, { v: 'plain' }],
          [{ v: 'b', bold: true, fill: '#DDE3EA' }, { v: 2, format: '0.00', fill: '#1B7F3B', font: '#FFFFFF' }, { v: null }],
          [{ v: 'c', fill: '#DDE3EA' }, { v: 3 }, { v: 'go', link: { sheet: 'S', cell: 'A1' } }],
        ],
      },
    ],
  };
  const buf = await workbookBuffer(spec, { outDir: tmp });
  // Deterministic: the same spec gives the same bytes.
  expect((await workbookBuffer(spec, { outDir: tmp })).equals(buf)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('S')!;
  const fill = (c: string) => (ws.getCell(c).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  expect([fill('A1'), fill('A2'), fill('A3'), fill('B1'), fill('B2'), fill('C1')]).toEqual(['FFDDE3EA', 'FFDDE3EA', 'FFDDE3EA', undefined, 'FF1B7F3B', undefined]);
  expect([ws.getCell('A1').font?.bold, ws.getCell('A2').font?.bold, ws.getCell('A3').font?.bold]).toEqual([true, true, undefined]);
  expect([ws.getCell('B1').numFmt, ws.getCell('B2').numFmt, ws.getCell('B3').numFmt]).toEqual(['0.00', '0.00', undefined]);
  expect(ws.getCell('B2').font?.color?.argb).toBe('FFFFFFFF');
  expect(ws.getCell('C3').font?.underline).toBe(true);
  expect(ws.getCell('C3').font?.color?.argb).toBe('FF0563C1');
  expect(ws.getCell('C1').font?.bold).toBeUndefined();
});
