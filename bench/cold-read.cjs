/** Where a 1,000-file consolidate's reading time goes on this machine: each file read, scored
 * and summarised in turn by the built CLI's own `analyseFile` (what a pool worker runs), in one
 * fresh thread, four times over the folder. The first pass starts with nothing compiled, as a worker
 * does; three more run the same files with the code warm (the best of them is reported). Plain JavaScript over build/, run by
 * node itself like the CLI. Prints one JSON line: milliseconds per file for files 1–100,
 * 101–500 and 501–N of the first pass, and for the best warm pass.
 *   node bench/cold-read.cjs FOLDER */
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const { analyseFile } = require(path.join(__dirname, '..', 'build', 'cli', 'analyse'));
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
const task = (f) => ({ path: path.join(dir, f), label: f, settings: { mode: 'interpolate', na: 'rescale', final: false }, today: 20_000, want: 'consolidate' });

async function pass() {
  const marks = [];
  const t0 = performance.now();
  let plans = 0;
  for (let i = 0; i < files.length; i++) {
    plans += (await analyseFile(task(files[i]))).plans;
    if (i === 99 || i === 499) marks.push(performance.now() - t0);
  }
  marks.push(performance.now() - t0);
  if (plans < files.length) throw new Error(`read ${plans} plans from ${files.length} files`);
  return marks;
}

(async () => {
  if (files.length < 1000) throw new Error(`${dir}: at least 1,000 workbooks wanted, found ${files.length}`);
  const [to100, to500, all] = await pass();
  // Warm: the best of three more passes (this machine's speed drifts from second to second).
  let warm = Infinity;
  for (let i = 0; i < 3; i++) warm = Math.min(warm, (await pass())[2]);
  const n = files.length;
  console.log(
    JSON.stringify({
      files: n,
      firstPassSeconds: all / 1000,
      msPerFile: { first100: to100 / 100, next400: (to500 - to100) / 400, rest: (all - to500) / (n - 500), warm: warm / n },
    }),
  );
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
