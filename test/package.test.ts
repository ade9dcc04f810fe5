/**
 * `npm run package` (tools/package.ts), run as a user runs it, into a temporary folder:
 *
 * - it writes release/apa-sheets-excel-<version>.zip and release/apa-sheets-google-<version>.zip,
 *   named by package.json's version, and refuses to build without an https APA_BASE_URL;
 * - each archive, unpacked by Info-ZIP's unzip (a reader other than the writer), holds exactly
 *   what docs/deploy.md lists for it, and its README.txt lists every file;
 * - the manifest inside keeps the element order of Microsoft's manifest schema and points only at
 *   the given host (and Microsoft's own namespaces); the pages and metadata beside it point
 *   nowhere else but Microsoft's office.js;
 * - the Apps Script files load as Apps Script loads them (test/appsscript/gas-project.ts) and
 *   =APA_SCORE scores.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { FUNCTIONS } from '../core/functions';
import { FakeGas } from './appsscript/fakes';
import { loadGasProject } from './appsscript/gas-project';
import { local, parseXml, schemaOrderProblems, urlsIn, walkAll } from './addin/manifest-xml';

const ROOT = path.join(__dirname, '..');
const BASE = 'https://apa.example.gov.bd/addin/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runPackage(out: string, env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [TSX, path.join(ROOT, 'tools', 'package.ts'), '--out', out], { cwd: ROOT, env, encoding: 'utf8', timeout: 900_000 });
}

const files = (dir: string, prefix = ''): string[] =>
  fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)]))
    .sort();

/** docs/deploy.md's list of an archive's files: the ```text block whose first line names it. */
function listed(archive: string): string[] {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8');
  const block = [...doc.matchAll(/^```text\n([\s\S]*?)^```/gm)].map((m) => m[1].split('\n')).find((lines) => lines[0].trim() === archive.replace(VERSION, '<version>'));
  if (!block) throw new Error(`docs/deploy.md lists no ${archive}`);
  return block.slice(1).filter((l) => l.trim()).map((l) => l.trim().split(/\s+/)[0]);
}
const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

let out: string;
let excel: string;
let google: string;
let log = '';
beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-release-'));
  const r = runPackage(out, { ...process.env, APA_BASE_URL: BASE });
  log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`npm run package failed (${r.status}):\n${log}`);
  for (const [name, dir] of [
    [`apa-sheets-excel-${VERSION}.zip`, 'excel'],
    [`apa-sheets-google-${VERSION}.zip`, 'google'],
  ]) {
    const u = spawnSync('unzip', ['-q', path.join(out, name), '-d', path.join(out, dir)], { encoding: 'utf8' });
    if (u.status !== 0) throw new Error(`unzip ${name}: ${u.stderr}`);
  }
  excel = path.join(out, 'excel');
  google = path.join(out, 'google');
}, 900_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('npm run package', () => {
  test("writes the two archives, named by package.json's version, and says so", () => {
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.zip')).sort()).toEqual([`apa-sheets-excel-${VERSION}.zip`, `apa-sheets-google-${VERSION}.zip`]);
    expect(log).toContain(`APA Sheets ${VERSION} for ${BASE}`);
  });

  test('refuses without APA_BASE_URL, or with an http one, and writes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-release-refused-'));
    try {
      const env = { ...process.env };
      delete env.APA_BASE_URL;
      const none = runPackage(dir, env);
      expect(none.status).toBe(1);
      expect(none.stderr).toContain('Set APA_BASE_URL');
      const http = runPackage(dir, { ...process.env, APA_BASE_URL: 'http://apa.example.gov.bd/' });
      expect(http.status).toBe(1);
      expect(http.stderr).toMatch(/https/);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(`apa-sheets-excel-${VERSION}.zip`, () => {
  test('unpacks to what docs/deploy.md lists, each listed entry present', () => {
    const patterns = listed(`apa-sheets-excel-${VERSION}.zip`);
    const got = files(excel);
    for (const f of got) expect({ f, listedAs: patterns.filter((p) => globToRegExp(p).test(f)).length }).toEqual({ f, listedAs: 1 });
    for (const p of patterns) expect({ p, found: got.some((f) => globToRegExp(p).test(f)) }).toEqual({ p, found: true });
    // Every icon size the manifest names, the support, privacy and help pages, both metadata files.
    for (const f of ['assets/icon-16.png', 'assets/icon-20.png', 'assets/icon-80.png', 'assets/privacy.html', 'help/functions.bn.html', 'functions-bn.json'])
      expect(got).toContain(f);
  });

  test('README.txt names the host and lists every file', () => {
    const readme = fs.readFileSync(path.join(excel, 'README.txt'), 'utf8');
    expect(readme).toContain(BASE);
    for (const f of files(excel)) expect(readme).toContain(`  ${f}`);
  });

  test("the manifest keeps the schema's element order and points only at the given host and Microsoft's own", () => {
    const xml = fs.readFileSync(path.join(excel, 'manifest.xml'), 'utf8');
    const app = parseXml(xml);
    expect(local(app.name)).toBe('OfficeApp');
    expect(schemaOrderProblems(app)).toEqual([]);
    expect(app.children.find((c) => c.name === 'Version')!.text).toBe(`${VERSION}.0`);
    const urls = urlsIn(app);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect({ u, onHost: u.startsWith(BASE) }).toEqual({ u, onHost: true });
    // Namespaces: Microsoft's manifest schemas, and XML Schema's instance namespace for xsi:type.
    for (const e of walkAll(app))
      for (const [k, v] of Object.entries(e.attrs))
        if (k.startsWith('xmlns')) expect({ k, v, ok: v.startsWith('http://schemas.microsoft.com/office/') || v === 'http://www.w3.org/2001/XMLSchema-instance' }).toEqual({ k, v, ok: true });
    // No other address anywhere in the text (comments included).
    for (const u of xml.match(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi) ?? [])
      expect({ u, ok: u.startsWith(BASE) || u.startsWith('http://schemas.microsoft.com/office/') || u === 'http://www.w3.org/2001/XMLSchema-instance' }).toEqual({ u, ok: true });
    expect(xml).not.toContain('localhost');
  });

  test('every file the manifest names is in the archive', () => {
    const app = parseXml(fs.readFileSync(path.join(excel, 'manifest.xml'), 'utf8'));
    for (const u of urlsIn(app)) expect({ u, exists: fs.existsSync(path.join(excel, u.slice(BASE.length).split('#')[0])) }).toEqual({ u, exists: true });
  });

  test("the page, the metadata and the help point at the host, relative files or Microsoft's office.js only", () => {
    const textFiles = files(excel).filter((f) => /\.(html|json)$/.test(f));
    expect(textFiles.length).toBeGreaterThan(6);
    for (const f of textFiles) {
      const text = fs.readFileSync(path.join(excel, f), 'utf8');
      // Microsoft's office.js, and its origin in the page's Content-Security-Policy.
      for (const u of text.match(/https?:\/\/[^\s"'<>);]+/g) ?? [])
        expect({ f, u, ok: u.startsWith(BASE) || u === OFFICE_JS || u === new URL(OFFICE_JS).origin }).toEqual({ f, u, ok: true });
    }
    for (const file of ['functions.json', 'functions-bn.json']) {
      const meta = JSON.parse(fs.readFileSync(path.join(excel, file), 'utf8')) as { allowErrorForDataTypeAny: boolean; functions: { id: string; helpUrl: string }[] };
      expect(meta.allowErrorForDataTypeAny).toBe(true);
      expect(meta.functions.map((fn) => fn.id)).toEqual(FUNCTIONS.map((fn) => fn.name));
      for (const fn of meta.functions) expect(fs.existsSync(path.join(excel, fn.helpUrl.slice(BASE.length).split('#')[0]))).toBe(true);
    }
  });
});

describe(`apa-sheets-google-${VERSION}.zip`, () => {
  test('unpacks to exactly what docs/deploy.md lists', () => {
    expect(files(google)).toEqual([...listed(`apa-sheets-google-${VERSION}.zip`)].sort());
  });

  test('README.txt lists every file and says where they go', () => {
    const readme = fs.readFileSync(path.join(google, 'README.txt'), 'utf8');
    for (const f of files(google)) expect(readme).toContain(`  ${f}`);
    expect(readme).toContain('Extensions -> Apps Script');
  });

  test("appsscript.json is the project's manifest: V8 and the two narrow scopes", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(google, 'appsscript.json'), 'utf8'));
    expect(manifest).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript', 'appsscript.json'), 'utf8')));
    expect(manifest.runtimeVersion).toBe('V8');
  });

  test('Code.js and apa-bundle.js load as Apps Script loads them, and =APA_SCORE scores a column', () => {
    const env = new FakeGas();
    const project = loadGasProject(env, { dir: google, order: ['Code.js', 'apa-bundle.js'] });
    expect(typeof project.onOpen).toBe('function');
    const T = [4, 3, 2, 1, ''];
    expect(project.APA_SCORE([[3], [4]], [T, T], [[10], [5]])).toEqual([[9], [5]]);
  });

  test('Sidebar.html is one page: no script or style from elsewhere', () => {
    const html = fs.readFileSync(path.join(google, 'Sidebar.html'), 'utf8');
    expect(html).toMatch(/<script>/);
    expect(html).not.toMatch(/<script[^>]*\bsrc=|<link[^>]*\bhref=/);
  });
});
