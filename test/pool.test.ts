import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dayFromYmd, scoreSettingsSchema } from '../core';
import type { AnalyseTask, FileOutcome } from '../cli/analyse';
import { analyseAll, defaultJobs } from '../cli/pool';
import { buildOfficeFolder } from './fixtures/build-fixtures';

/** The worker pool: files go to workers several at a time, outcomes come back in file order,
 * and a worker that dies costs only the file it was reading. */

let tmp: string;
let files: string[];
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-pool-'));
  files = await buildOfficeFolder(path.join(tmp, 'offices'), 12, 3);
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const task = (file: string, label = file): AnalyseTask => ({ path: file, label, settings: scoreSettingsSchema.parse({}), today: dayFromYmd(2025, 1, 20)!, want: 'consolidate' });

async function runPool(tasks: AnalyseTask[], workerScript?: string): Promise<{ outcomes: FileOutcome[]; order: number[]; workers: number }> {
  const outcomes: FileOutcome[] = [];
  const order: number[] = [];
  const workers = await analyseAll(tasks, { jobs: 2, inProcessBelow: 1, workerScript }, (o, i) => {
    outcomes.push(o);
    order.push(i);
  });
  return { outcomes, order, workers };
}

test('outcomes come back in file order, one per file, from two workers', async () => {
  const tasks = files.map((f) => task(f));
  const { outcomes, order, workers } = await runPool(tasks);
  expect(workers).toBe(2);
  expect(order).toEqual(tasks.map((_, i) => i));
  expect(outcomes.map((o) => o.file)).toEqual(files);
  for (const o of outcomes) expect(o.plans).toBe(1);
}, 120_000);

test('a worker that dies mid-run costs only the file it was reading; the files sent with it are read by another', async () => {
  const tasks = files.map((f) => task(f));
  // Two files kill their worker: the second one a fresh worker, with files queued behind it.
  tasks[4] = task(files[4], path.join(path.dirname(files[4]), 'crash.xlsx'));
  tasks[9] = task(files[9], path.join(path.dirname(files[9]), 'second-crash.xlsx'));
  const { outcomes, order } = await runPool(tasks, path.join(__dirname, 'fixtures', 'crashing-worker.ts'));
  expect(order).toEqual(tasks.map((_, i) => i));
  outcomes.forEach((o, i) => {
    if (i === 4 || i === 9) {
      expect(o.unreadable?.en).toMatch(/reading the file failed \(worker stopped with code 3\)/);
      expect(o.plans).toBe(0);
    } else {
      expect(o.unreadable).toBeUndefined();
      expect(o.plans).toBe(1);
    }
  });
}, 120_000);

test('by default one worker fewer than the cores, and a worker even on one or two cores, so that every file keeps its budget; --jobs 1 reads in this thread', async () => {
  for (const [cores, jobs] of [[1, 1], [2, 1], [4, 3], [8, 7]]) expect(defaultJobs(cores)).toBe(jobs);
  const tasks = files.map((f) => task(f));
  expect(await analyseAll(tasks, {}, () => undefined)).toBe(Math.min(defaultJobs(), tasks.length));
  expect(await analyseAll(tasks, { jobs: 1 }, () => undefined)).toBe(0);
}, 120_000);
