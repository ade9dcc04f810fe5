/** The floor for `apa consolidate`: merely unzip each workbook and read its sheet XML and shared
 * strings as text, with as many worker threads as the CLI uses. Nothing is parsed or scored.
 * Plain JavaScript, run by node itself like the built CLI (worker threads cannot load .ts).
 *   node bench/floor-unzip.cjs FOLDER [WORKERS] [jszip|zlib]
 * jszip: JSZip, the unzipper ExcelJS reads with; zlib: the central directory read by hand and
 * Node's zlib inflating, the fastest unzip at hand here. Prints one JSON line. */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const wanted = (name) => name.startsWith('xl/worksheets/sheet') || name === 'xl/sharedStrings.xml';

async function withJsZip(files) {
  const JSZip = require('jszip');
  let chars = 0;
  for (const f of files) {
    const zip = await JSZip.loadAsync(fs.readFileSync(f));
    for (const name of Object.keys(zip.files)) if (wanted(name)) chars += (await zip.file(name).async('string')).length;
  }
  return chars;
}

function withZlib(files) {
  let chars = 0;
  for (const f of files) {
    const buf = fs.readFileSync(f);
    let eocd = buf.length - 22;
    while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    let p = buf.readUInt32LE(eocd + 16);
    for (let e = buf.readUInt16LE(eocd + 10); e > 0; e--) {
      const nameLen = buf.readUInt16LE(p + 28);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      if (wanted(name)) {
        const local = buf.readUInt32LE(p + 42);
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + buf.readUInt32LE(p + 20));
        chars += (buf.readUInt16LE(p + 10) === 8 ? zlib.inflateRawSync(data) : data).toString('utf8').length;
      }
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
  }
  return chars;
}

if (isMainThread) {
  const [dir, n, how = 'jszip'] = process.argv.slice(2);
  const workers = Number(n || os.availableParallelism());
  const t0 = performance.now();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
  const parts = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  Promise.all(
    parts.map(
      (part) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: { files: part, how } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  ).then((chars) => {
    const seconds = (performance.now() - t0) / 1000;
    const xmlChars = chars.reduce((a, b) => a + b, 0);
    if (!(xmlChars > 0)) throw new Error('read no sheet XML');
    console.log(JSON.stringify({ files: files.length, how, workers, seconds, perSecond: files.length / seconds, xmlChars }));
  });
} else {
  const { files, how } = workerData;
  Promise.resolve(how === 'zlib' ? withZlib(files) : withJsZip(files)).then((chars) => parentPort.postMessage(chars));
}
