/**
 * `npm run package`: the two archives an office's ICT branch installs from, with no developer and
 * no Node on their side (docs/deploy.md says what to do with each):
 *
 *   APA_BASE_URL=https://apa.example.gov.bd/addin/ npm run package
 *
 * - release/apa-sheets-excel-<version>.zip: the Excel add-in's static files (the production
 *   webpack build: the page, the bundles, the functions' metadata in English and Bengali, the
 *   icons, the support, privacy and help pages) and manifest.xml, every URL of which is on
 *   APA_BASE_URL. Upload the files to that https address; install the manifest.
 * - release/apa-sheets-google-<version>.zip: the Apps Script project's files (what
 *   `npm run build:gas` writes: the bundle, Code.js, appsscript.json, Sidebar.html), to paste into
 *   a spreadsheet's script or push with clasp.
 *
 * Each archive has a README.txt that lists its files and says where they go. <version> is
 * package.json's (manifest.xml's Version is the same with a fourth part). The archives are written
 * by the project's own zip writer (cli/zip.ts: deflate by zlib, one pinned timestamp, so the same
 * sources give the same bytes). Options: --out DIR (default release/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, promises as fs, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeZip } from '../cli/zip';
import { buildGas } from '../appsscript/tools/build-gas';

const ROOT = path.resolve(__dirname, '..');
const WEBPACK = require.resolve('webpack-cli/bin/cli.js');
const SIDEBAR = 'Sidebar.html';

export interface Release {
  version: string;
  base: string;
  excel: { file: string; entries: string[] };
  google: { file: string; entries: string[] };
}

/** The add-in's host, checked as the build checks it (webpack.config.js: https, no query). */
function baseUrl(): string {
  if (!process.env.APA_BASE_URL) {
    throw new Error(
      'Set APA_BASE_URL to the https address the Excel add-in will be served from, e.g.\n  APA_BASE_URL=https://apa.example.gov.bd/addin/ npm run package',
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(ROOT, 'webpack.config.js')) as { baseUrl(dev: boolean): string }).baseUrl(false);
}

function webpack(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, [WEBPACK, '--mode', 'production', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`webpack ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
}

/** Every file under `dir`, as sorted '/'-separated paths relative to it. */
async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesUnder(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Writes `file`: the files `names` of `dir`, then README.txt; returns the entries' names. */
async function zip(dir: string, names: string[], readme: string, file: string): Promise<string[]> {
  const files = names.filter((n) => n !== 'README.txt');
  const entries = [...(await Promise.all(files.map(async (name) => ({ name, data: await fs.readFile(path.join(dir, name)) })))), { name: 'README.txt', data: readme }];
  // Written beside and renamed into place: no one sees half an archive.
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, writeZip(entries, 9));
  await fs.rename(tmp, file);
  return entries.map((e) => e.name);
}

function excelReadme(version: string, base: string, files: string[]): string {
  return `APA Sheets for Excel ${version}: the add-in's files, built for ${base}

1. Upload every file and folder of this archive, as they are, to ${base}
   (any static web host with https and a publicly trusted certificate: nothing runs on the
   server). Do not add Cache-Control headers to the icons (Office then shows no icon).
2. Install manifest.xml, one of:
   - for a whole Microsoft 365 organisation: admin center -> Settings -> Integrated apps ->
     Upload custom apps -> this manifest.xml;
   - on Microsoft Marketplace: submit it in Partner Center;
   - on Windows without Microsoft 365 admin: put manifest.xml alone in a shared folder and add
     that folder as a Trusted Add-in Catalog (Group Policy or registry);
   - to try it: Excel on the web -> Insert -> Add-ins -> Upload My Add-in -> manifest.xml.
   The steps are in docs/deploy.md of the APA Sheets repository.

Runs in Microsoft 365, retail Office 2021 and later, Excel on the web, Excel for Mac 16.50+.
Volume-licensed Office 2019 and older cannot run it: use the APA Sheets command-line tool or
Google Sheets there.

APA শিট (Excel) ${version}: ফাইলগুলো ${base} ঠিকানায় রাখুন, তারপর manifest.xml দিয়ে add-in স্থাপন করুন
(docs/deploy.md)।

Files:
${files.map((f) => `  ${f}`).join('\n')}
  README.txt
`;
}

function googleReadme(version: string, files: string[]): string {
  return `APA Sheets for Google Sheets ${version}: the Apps Script project's files

  Code.js          the functions Sheets calls: =APA_SCORE and the others, the APA menu, the sidebar's calls
  apa-bundle.js    the program they call (one file: the scoring core and the Sheets code)
  appsscript.json  the project's manifest: V8, Asia/Dhaka, the two permissions it asks for
  Sidebar.html     the sidebar (one self-contained page)
  README.txt       this file

Put them in the script of a spreadsheet (for a template a ministry shares with "Make a copy"):
1. Open the spreadsheet -> Extensions -> Apps Script.
2. Project Settings (the gear) -> tick "Show appsscript.json manifest file in editor".
3. Editor: open appsscript.json and replace its text with this archive's appsscript.json.
4. Open Code.gs and replace its text with Code.js. Add a script file (+ -> Script) named
   apa-bundle and paste apa-bundle.js into it. Add an HTML file (+ -> HTML) named Sidebar and
   paste Sidebar.html into it.
5. Save, and reload the spreadsheet: the APA menu appears.
With Node.js, the same in one step: npx --yes @google/clasp@3 push (docs/deploy.md).

APA শিট (Google Sheets) ${version}: স্প্রেডশিটের Extensions -> Apps Script-এ ফাইলগুলো ওপরের ধাপে বসান
(docs/deploy.md)।

Files:
${files.map((f) => `  ${f}`).join('\n')}
  README.txt
`;
}

export async function packageRelease(options: { out?: string } = {}): Promise<Release> {
  const base = baseUrl();
  const { version } = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const out = path.resolve(options.out ?? path.join(ROOT, 'release'));
  await fs.mkdir(out, { recursive: true });
  const work = mkdtempSync(path.join(os.tmpdir(), 'apa-package-'));
  try {
    // Excel: the production build, on the base URL.
    const excelDir = path.join(work, 'excel');
    webpack(['--output-path', excelDir], { ...process.env, APA_BASE_URL: base });
    if (!existsSync(path.join(excelDir, 'manifest.xml'))) throw new Error('the Excel build wrote no manifest.xml');
    const excelFiles = await filesUnder(excelDir);
    const excelFile = path.join(out, `apa-sheets-excel-${version}.zip`);
    const excelEntries = await zip(excelDir, excelFiles, excelReadme(version, base, excelFiles), excelFile);

    // Google Sheets: the Apps Script files (npm run build:gas: the bundle and stubs, then the sidebar).
    const googleDir = path.join(work, 'google');
    const gas = await buildGas({ dir: googleDir });
    webpack(['--env', 'sidebar', '--output-path', googleDir], process.env);
    const googleFiles = [...gas.files, SIDEBAR];
    for (const f of googleFiles) if (!existsSync(path.join(googleDir, f))) throw new Error(`the Apps Script build wrote no ${f}`);
    const googleFile = path.join(out, `apa-sheets-google-${version}.zip`);
    const googleEntries = await zip(googleDir, googleFiles, googleReadme(version, googleFiles), googleFile);

    return { version, base, excel: { file: excelFile, entries: excelEntries }, google: { file: googleFile, entries: googleEntries } };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--out');
  packageRelease({ out: at > 0 ? process.argv[at + 1] : undefined })
    .then((r) => {
      const size = (f: string) => `${(statSync(f).size / 1024).toFixed(0)} KB`;
      console.log(`APA Sheets ${r.version} for ${r.base}`);
      console.log(`  ${path.relative(process.cwd(), r.excel.file)}  ${r.excel.entries.length} files, ${size(r.excel.file)}`);
      console.log(`  ${path.relative(process.cwd(), r.google.file)}  ${r.google.entries.length} files, ${size(r.google.file)}`);
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    });
}
