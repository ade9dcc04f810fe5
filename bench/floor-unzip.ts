/** The floor for `apa consolidate`: merely unzip each workbook and read its sheet XML and shared
 * strings as text, with the same number of worker processes. Nothing is parsed or scored.
 * Usage: tsx bench/floor-unzip.ts FOLDER [WORKERS] */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import JSZip from 'jszip';

async function readAll(files: string[]): Promise<number> {
  let bytes = 0;
  for (const f of files) {
    const zip = await JSZip.loadAsync(fs.readFileSync(f));
    for (const name of Object.keys(zip.files)) {
      if (name.startsWith('xl/worksheets/sheet') || name === 'xl/sharedStrings.xml') bytes += (await zip.file(name)!.async('string')).length;
    }
  }
  return bytes;
}

if (isMainThread) {
  const dir = process.argv[2];
  const workers = Number(process.argv[3] ?? os.availableParallelism());
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
  const t0 = performance.now();
  const parts = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  Promise.all(
    parts.map(
      (part) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: part, execArgv: process.execArgv });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  ).then((bytes) => {
    const seconds = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ files: files.length, seconds, perSecond: files.length / seconds, xmlChars: bytes.reduce((a, b) => a + b, 0) }));
  });
} else {
  readAll(workerData as string[]).then((b) => parentPort!.postMessage(b));
}
