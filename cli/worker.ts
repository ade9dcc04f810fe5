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
  port.on('message', (msg: WorkerRequest) => {
    analyseFile(msg.task).then(
      (outcome) => port.postMessage({ index: msg.index, outcome }),
      (err: unknown) => port.postMessage({ index: msg.index, error: err instanceof Error ? err.message : String(err) }),
    );
  });
}
