import { parentPort } from 'worker_threads';
import { AnalyseTask, analyseFile } from './analyse';

/** A pool worker: reads and scores one file per message and posts back the compact outcome
 * (plain data, structured-cloned). The workbook and its grids die with the task. */
export interface WorkerRequest {
  index: number;
  task: AnalyseTask;
}

if (parentPort) {
  const port = parentPort;
  // Files arrive ahead of time; they are read one at a time, in the order sent (the pool counts
  // on that to know which file a crash was reading).
  const queue: WorkerRequest[] = [];
  let busy = false;
  const next = async () => {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const msg = queue.shift()!;
      try {
        port.postMessage({ index: msg.index, outcome: await analyseFile(msg.task) });
      } catch (err) {
        port.postMessage({ index: msg.index, error: err instanceof Error ? err.message : String(err) });
      }
    }
    busy = false;
  };
  port.on('message', (msg: WorkerRequest) => {
    queue.push(msg);
    void next();
  });
}
