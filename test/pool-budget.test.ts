import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dayFromYmd, scoreSettingsSchema } from '../core';
import type { AnalyseTask, FileOutcome } from '../cli/analyse';
import { consolidateJsonSchema } from '../cli/json';
import { FILE_MEMORY_MB, FILE_SECONDS, analyseAll } from '../cli/pool';
import { buildOfficeFolder } from './fixtures/build-fixtures';
import { craftedFiles } from './fixtures/hostile';

/**
 * A time and memory budget per file in the worker pool (issue 13): a file past it is named with
 * its reason, its worker is replaced, the run goes on, and every other file is read.
 */

let tmp: string;
let files: string[];
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-budget-'));
  files = await buildOfficeFolder(path.join(tmp, 'offices'), 10, 4);
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const task = (file: string, label = file): AnalyseTask => ({ path: file, label, settings: scoreSettingsSchema.parse({}), today: dayFromYmd(2025, 1, 20)!, want: 'consolidate' });
const script = path.join(__dirname, 'fixtures', 'budget-worker.ts');

async function runPool(tasks: AnalyseTask[], budget: { fileSeconds?: number; fileMemoryMb?: number }): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const order: number[] = [];
  await analyseAll(tasks, { jobs: 2, inProcessBelow: 1, workerScript: script, ...budget }, (o, i) => {
    outcomes.push(o);
    order.push(i);
  });
  expect(order).toEqual(tasks.map((_, i) => i));
  return outcomes;
}

test('the defaults: far above what a file within the readers\' limits needs', () => {
  expect(FILE_SECONDS).toBe(30);
  expect(FILE_MEMORY_MB).toBe(512);
});

test('a file past its time is named with the reason; its worker is replaced and every other file read', async () => {
  const tasks = files.map((f) => task(f));
  // Two files that never finish, the second read by the worker that replaced the first's.
  for (const i of [2, 7]) {
    const copy = path.join(tmp, `${i}-hang.xlsx`);
    await fs.copyFile(files[i], copy);
    tasks[i] = task(copy);
  }
  const outcomes = await runPool(tasks, { fileSeconds: 1 });
  outcomes.forEach((o, i) => {
    if (i === 2 || i === 7) {
      expect(o.unreadable).toEqual({ en: 'The file could not be read: reading the file took longer than 1 s; it was stopped', bn: 'ফাইলটি পড়া যায়নি: ফাইলটি পড়তে ১ সেকেন্ডের বেশি লেগেছে; পড়া বন্ধ করা হয়েছে' });
    } else {
      expect([i, o.unreadable, o.plans]).toEqual([i, undefined, 1]);
    }
  });
}, 180_000);

test('a file past its memory is named with the reason; its worker is replaced and every other file read', async () => {
  const tasks = files.map((f) => task(f));
  const copy = path.join(tmp, 'hog.xlsx');
  await fs.copyFile(files[4], copy);
  tasks[4] = task(copy);
  const outcomes = await runPool(tasks, { fileMemoryMb: 256 });
  outcomes.forEach((o, i) => {
    if (i === 4) expect(o.unreadable?.en).toBe('The file could not be read: reading the file needed more than 256 MB of memory; it was stopped');
    else expect([i, o.unreadable, o.plans]).toEqual([i, undefined, 1]);
  });
}, 180_000);

test('apa consolidate: a real file past APA_FILE_SECONDS is named, the good offices\' report is still written', async () => {
  const folder = path.join(tmp, 'inbox');
  await fs.mkdir(folder, { recursive: true });
  for (const f of files) await fs.copyFile(f, path.join(folder, path.basename(f)));
  // A million cells under the table: read and refused by the reader in about a second; the
  // budget here is under a third of that (a good office takes a few milliseconds).
  await fs.writeFile(path.join(folder, 'many-cells.xlsx'), craftedFiles(await fs.readFile(files[0]))['many-cells.xlsx'].bytes);
  const out = path.join(tmp, 'out', 'report.xlsx');
  const entry = `require(${JSON.stringify(path.join(__dirname, '..', 'cli', 'apa.ts'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', '-e', entry, 'consolidate', folder, '-o', out, '--json', '--jobs', '2'], { env: { ...process.env, APA_FILE_SECONDS: '0.3' }, maxBuffer: 1 << 26 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as NodeJS.ErrnoException).code) : 0, stdout, stderr }),
    ),
  );
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`apa: ${path.join(folder, 'many-cells.xlsx')}: The file could not be read: reading the file took longer than 0.3 s; it was stopped\n     ফাইলটি পড়া যায়নি: ফাইলটি পড়তে ০.৩ সেকেন্ডের বেশি লেগেছে`);
  const j = consolidateJsonSchema.parse(JSON.parse(r.stdout));
  expect(j.groups.flatMap((g) => g.offices)).toHaveLength(files.length);
  expect(j.skipped.map((k) => path.basename(k.file!))).toEqual(['many-cells.xlsx']);
  expect(existsSync(out)).toBe(true);
}, 180_000);
