import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ResourceLimits, Worker } from 'worker_threads';
import type { Bilingual } from '../core';
import { message } from '../core/messages';
import type { AnalyseTask, FileOutcome } from './analyse';
import { cliMessage } from './messages';
import type { WorkerInit, WorkerReply } from './worker';

export interface PoolOptions {
  /** Worker threads; default `defaultJobs()`. 1, asked for, reads in this thread. */
  jobs?: number;
  /** Fewer files than this are read in this thread: starting workers costs more. */
  inProcessBelow?: number;
  /** Another worker script (a .ts file under tests): for testing how the pool survives a
   * worker that dies. */
  workerScript?: string;
  /** Most seconds a worker may spend on one file (default `APA_FILE_SECONDS`, else 30): a file
   * past it is reported with the reason, its worker replaced, and the run goes on. */
  fileSeconds?: number;
  /** Most megabytes of heap a worker may use for one file (default `APA_FILE_MEMORY_MB`, else
   * 512): the same. */
  fileMemoryMb?: number;
}

/** The per-file budget of a pool worker: far above what any file within the readers' limits
 * needs (bench/RESULTS.md), so that it only ever stops what nothing else bounded. */
export const FILE_SECONDS = 30;
export const FILE_MEMORY_MB = 512;

function budgetOf(value: number | undefined, env: string | undefined, fallback: number): number {
  const n = value ?? (env !== undefined && env !== '' ? Number(env) : fallback);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export const IN_PROCESS_BELOW = 8;

/** Files sent to a worker ahead of its answers, twice its REPLY_BATCH: enough that it never
 * waits for this thread between its batched replies, few enough that the last files still
 * spread over the workers. */
const IN_FLIGHT = 64;

/** One worker fewer than the cores, at least one: this thread (which takes the outcomes in and
 * writes the report) and V8's compiler and collector threads need a core too. On two cores one
 * worker reads 1,000 files faster than two (bench/RESULTS.md). */
export function defaultJobs(cores: number = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length): number {
  return Math.max(1, (cores || 1) - 1);
}

/**
 * Reads and scores every file, on a pool of worker threads for many files (each worker reads
 * and scores one file at a time and posts back compact outcomes, several at once), in this
 * thread for few.
 * Outcomes are handed to `onOutcome` in task order whatever order they finish in, so every
 * output is deterministic. Only outcomes finished ahead of an unfinished earlier file are held.
 * Returns how many workers were used (0 = in this thread).
 */
export async function analyseAll(
  tasks: AnalyseTask[],
  options: PoolOptions,
  onOutcome: (outcome: FileOutcome, index: number) => void,
): Promise<number> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  // `--jobs 1` reads here; the default keeps a worker even on two cores, for the per-file budget.
  if (tasks.length < (options.inProcessBelow ?? IN_PROCESS_BELOW) || options.jobs === 1) {
    // Loaded on demand: with a pool, this thread never needs ExcelJS for reading.
    const { analyseFile } = await import('./analyse');
    for (let i = 0; i < tasks.length; i++) onOutcome(await analyseFile(tasks[i]), i);
    return 0;
  }
  const size = Math.min(jobs, tasks.length);
  const fileSeconds = budgetOf(options.fileSeconds, process.env.APA_FILE_SECONDS, FILE_SECONDS);
  const fileMemoryMb = budgetOf(options.fileMemoryMb, process.env.APA_FILE_MEMORY_MB, FILE_MEMORY_MB);
  await new Promise<void>((resolve, reject) => {
    const ready = new Map<number, FileOutcome>();
    let nextTask = 0;
    let nextDelivery = 0;
    let live = 0;
    let finished = false;

    const deliver = (index: number, outcome: FileOutcome) => {
      ready.set(index, outcome);
      try {
        while (ready.has(nextDelivery)) {
          const o = ready.get(nextDelivery)!;
          ready.delete(nextDelivery);
          onOutcome(o, nextDelivery);
          nextDelivery++;
        }
      } catch (err) {
        finish(err);
        return;
      }
      if (nextDelivery === tasks.length) finish();
    };

    const workers = new Set<Worker>();
    // Each live worker's watchdog: called every WATCH_MS, it stops a worker past its file's time.
    const watchdogs = new Set<() => void>();
    const timer = setInterval(() => {
      for (const w of [...watchdogs]) w();
    }, Math.min(WATCH_MS, fileSeconds * 250));
    const finish = (err?: unknown) => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      for (const w of workers) void w.terminate();
      workers.clear();
      if (err) reject(err);
      else resolve();
    };

    const failed = (index: number, reason: Bilingual): FileOutcome => ({
      file: tasks[index].label,
      sheets: [],
      offices: [],
      skipped: [],
      plans: 0,
      unreadable: message('file-unreadable', { reason }),
    });
    const crashed = (detail: string) => cliMessage('unreadable.worker', { detail });

    // Tasks taken back from a worker that died, given out again before new ones.
    const retry: number[] = [];
    const takeTask = (): number => (retry.length ? retry.shift()! : nextTask < tasks.length ? nextTask++ : -1);
    const tasksLeft = () => retry.length > 0 || nextTask < tasks.length;

    // At first each worker gets an even share (up to IN_FLIGHT), so that a short run is spread.
    const firstShare = Math.max(1, Math.min(IN_FLIGHT, Math.ceil(tasks.length / size)));

    const spawn = (share = IN_FLIGHT) => {
      let worker: Worker;
      // How many files the worker has finished (it counts them; see WorkerInit).
      const finishedCount = new Int32Array(new SharedArrayBuffer(4));
      // When the worker started the file it is reading (ms since the epoch), 0 between files.
      const startedAt = new Float64Array(new SharedArrayBuffer(8));
      try {
        worker = startWorker(
          options.workerScript,
          { finished: finishedCount.buffer as SharedArrayBuffer, started: startedAt.buffer as SharedArrayBuffer },
          { maxOldGenerationSizeMb: fileMemoryMb },
        );
      } catch (err) {
        finish(err);
        return;
      }
      workers.add(worker);
      live++;
      // Sent and not yet answered, oldest first: the worker reads them in this order. Several
      // are in flight so that a worker never waits for this thread between files.
      const inFlight: number[] = [];
      let answered = 0;
      let dead = false;
      let errorReason: Bilingual | undefined;
      // Set when the watchdog stopped the worker: how many files it had finished then (the next
      // one is the file past its time, whatever happened since).
      let stoppedAt: number | undefined;
      let limit = share;
      const watchdog = () => {
        if (dead || stoppedAt !== undefined) return;
        const started = startedAt[0];
        if (started > 0 && Date.now() - started > fileSeconds * 1000) {
          stoppedAt = Atomics.load(finishedCount, 0);
          errorReason = message('unreadable.time-budget', { seconds: fileSeconds });
          void worker.terminate();
        }
      };
      watchdogs.add(watchdog);
      const give = () => {
        if (finished || dead) return;
        while (inFlight.length < limit) {
          const index = takeTask();
          if (index < 0) break;
          inFlight.push(index);
          worker.postMessage({ index, task: tasks[index] });
        }
        limit = IN_FLIGHT;
        if (inFlight.length === 0) {
          dead = true;
          watchdogs.delete(watchdog);
          workers.delete(worker);
          live--;
          void worker.terminate();
        }
      };
      const die = (reason: Bilingual) => {
        if (dead) return;
        dead = true;
        watchdogs.delete(watchdog);
        workers.delete(worker);
        live--;
        // The worker reads its files in the order sent and counts those it finished: the first
        // it had not finished is the one it was reading, reported as failed. Files it finished
        // but had not yet posted, and those waiting, go to another worker.
        const unposted = Math.max(0, (stoppedAt ?? Atomics.load(finishedCount, 0)) - answered);
        const lost = unposted < inFlight.length ? inFlight.splice(unposted, 1)[0] : undefined;
        retry.unshift(...inFlight);
        inFlight.length = 0;
        if (lost !== undefined) deliver(lost, failed(lost, reason));
        // Go on with a fresh worker while files remain.
        if (!finished && tasksLeft()) spawn();
        else if (!finished && live === 0 && nextDelivery < tasks.length) finish(new Error('worker pool stopped before every file was read'));
      };
      worker.on('message', (msg: WorkerReply) => {
        if (dead) return;
        for (const d of msg.done) {
          answered++;
          // Answers come in the order sent: almost always the first in flight.
          const at = inFlight[0] === d.index ? 0 : inFlight.indexOf(d.index);
          if (at < 0) continue;
          inFlight.splice(at, 1);
          deliver(d.index, d.outcome ?? failed(d.index, crashed(d.error ?? 'unknown error')));
          if (finished) return;
        }
        give();
      });
      // An uncaught error ends the worker: its reason is kept for the 'exit' that follows, which
      // comes after every message the worker posted (the counts are then final).
      worker.on('error', (err) => {
        if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') errorReason ??= message('unreadable.memory-budget', { mb: fileMemoryMb });
        errorReason ??= crashed(err instanceof Error ? err.message : String(err));
      });
      worker.on('exit', (code) => {
        if (!finished && !dead) die(errorReason ?? crashed(`worker stopped with code ${code}`));
      });
      give();
    };

    for (let i = 0; i < size; i++) spawn(firstShare);
  });
  return size;
}

/** How often the pool looks at how long each worker has been on its file. */
const WATCH_MS = 250;

/** The worker script: compiled JS beside this file, or under ts-jest/tsx the TS source, loaded
 * through tsx's require hook. */
function startWorker(script: string | undefined, workerData: WorkerInit, resourceLimits: ResourceLimits): Worker {
  const js = path.join(__dirname, 'worker.js');
  if (!script && existsSync(js) && !__filename.endsWith('.ts')) return new Worker(js, { workerData, resourceLimits });
  const ts = script ?? path.join(__dirname, 'worker.ts');
  if (ts.endsWith('.ts') && existsSync(ts)) {
    const tsx = require.resolve('tsx/cjs/api');
    const code = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(ts)});`;
    return new Worker(code, { eval: true, workerData, resourceLimits });
  }
  return new Worker(script ?? js, { workerData, resourceLimits });
}
