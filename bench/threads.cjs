/** How much a second thread adds on this machine to plain work of three kinds, none of it the
 * product's: `compute` (integer arithmetic in registers), `allocate` (short-lived small objects
 * and strings, some kept a while, as a reader makes them) and `memory` (reads scattered over a
 * 128 MB array). WORKERS threads each do the same fixed amount; with a second core's full worth,
 * two take as long as one. Prints one JSON line: { kind, workers, seconds }.
 *   node bench/threads.cjs compute|allocate|memory WORKERS */
'use strict';
const { Worker, isMainThread, workerData } = require('worker_threads');

const kinds = {
  compute() {
    let x = 0;
    for (let i = 0; i < 3e8; i++) x = (x + i * 7) % 1000003;
    return x;
  },
  allocate() {
    let kept = [];
    let s = 0;
    for (let i = 0; i < 2e7; i++) {
      const o = { a: i, b: `x${i % 1000}`, c: [i] };
      if (i % 100 === 0) kept.push(o);
      if (kept.length > 50_000) kept = [];
      s += o.b.length;
    }
    return s;
  },
  memory() {
    const a = new Float64Array(1 << 24);
    let s = 0;
    for (let k = 0; k < 20; k++) {
      for (let i = 0; i < a.length; i += 8) {
        a[i] += i;
        s += a[(i * 7919) & (a.length - 1)];
      }
    }
    return s;
  },
};

if (!isMainThread) {
  kinds[workerData]();
  process.exit(0);
}

const kind = process.argv[2];
const workers = Number(process.argv[3] ?? 1);
if (!kinds[kind] || !(workers >= 1)) {
  console.error('usage: node bench/threads.cjs compute|allocate|memory WORKERS');
  process.exit(2);
}
const t0 = performance.now();
let left = workers;
for (let i = 0; i < workers; i++) {
  new Worker(__filename, { workerData: kind }).on('exit', (code) => {
    if (code !== 0) process.exitCode = 1;
    if (--left === 0) console.log(JSON.stringify({ kind, workers, seconds: (performance.now() - t0) / 1000 }));
  });
}
