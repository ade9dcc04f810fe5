import { parentPort, workerData } from 'worker_threads';
import { AnalyseTask, FileOutcome, analyseFile } from './analyse';

/** A pool worker: reads and scores one file per message and posts back the compact outcomes
 * (plain data, structured-cloned), several to a message. The workbook and its grids die with
 * the task. */
export interface WorkerRequest {
  index: number;
  task: AnalyseTask;
}

/** What the worker posts: outcomes (or errors) of files read, in the order they were sent. */
export interface WorkerReply {
  done: { index: number; outcome?: FileOutcome; error?: string }[];
}

/** What the pool gives each worker (`workerData`). */
export interface WorkerInit {
  /** One Int32: how many files this worker has finished, posted or not. Shared memory, so that
   * the pool knows, should the worker die, which file it was reading (the first it had not
   * finished) without a message per file. */
  finished?: SharedArrayBuffer;
  /** One Float64: when this worker started the file it is reading (ms since the epoch), 0
   * between files, so that the pool can stop a file past its time budget. */
  started?: SharedArrayBuffer;
}

/** Outcomes posted together at most: each message wakes the main thread, which on two busy
 * cores takes the CPU from a worker (a post measured 0.1 to 20 ms), so fewer, larger messages. */
export const REPLY_BATCH = 32;

if (parentPort) {
  const port = parentPort;
  const init = (workerData ?? {}) as WorkerInit;
  const finished = init.finished ? new Int32Array(init.finished) : null;
  const started = init.started ? new Float64Array(init.started) : null;
  // Files arrive ahead of time; they are read one at a time, in the order sent (the pool counts
  // on that to know which file a crash was reading). Each message's file is read before the next
  // message is taken (the reading is synchronous), so finished files are always a prefix.
  const queue: WorkerRequest[] = [];
  let done: WorkerReply['done'] = [];
  let flushQueued = false;
  const flush = () => {
    flushQueued = false;
    if (done.length === 0) return;
    const reply: WorkerReply = { done };
    done = [];
    port.postMessage(reply);
  };
  let busy = false;
  const next = async () => {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const msg = queue.shift()!;
      if (started) started[0] = Date.now();
      try {
        done.push({ index: msg.index, outcome: await analyseFile(msg.task) });
      } catch (err) {
        done.push({ index: msg.index, error: err instanceof Error ? err.message : String(err) });
      }
      if (started) started[0] = 0;
      if (finished) Atomics.add(finished, 0, 1);
      if (done.length >= REPLY_BATCH) flush();
      else if (!flushQueued) {
        // The rest go once the files already here are read: setImmediate runs after the
        // messages waiting on the port.
        flushQueued = true;
        setImmediate(flush);
      }
    }
    busy = false;
  };
  port.on('message', (msg: WorkerRequest) => {
    queue.push(msg);
    void next();
  });
}
