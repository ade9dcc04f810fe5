/**
 * The real production build (webpack.config.js through webpack-cli), once, into a temporary
 * dist/: functions.json as the metadata plugin writes it from functions.ts must describe every
 * function of the core registry, the page must load office.js from Microsoft's CDN and the bundles,
 * and nothing of HyperFormula (GPL, tests only) may be shipped.
 *
 * When addin/src/taskpane/index.tsx does not exist yet the build has no pane: the config builds the
 * functions alone (with a minimal page), and so does this test.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { FUNCTIONS } from '../../core/functions';

const ROOT = path.join(__dirname, '..', '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const BASE = 'https://apa.example.gov.bd/addin/';
// APA_FUNCTIONS_ONLY=1 builds (and checks) the functions without the pane, as webpack.config.js does.
const withTaskpane = !process.env.APA_FUNCTIONS_ONLY && fs.existsSync(path.join(ROOT, 'addin', 'src', 'taskpane', 'index.tsx'));

let dist: string;
let buildLog = '';
beforeAll(() => {
  dist = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'apa-build-')), 'dist');
  const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', dist], {
    cwd: ROOT,
    env: { ...process.env, APA_BASE_URL: BASE },
    encoding: 'utf8',
    timeout: 600_000,
  });
  buildLog = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`webpack failed (${r.status}):\n${buildLog}`);
}, 600_000);
afterAll(() => fs.rmSync(path.dirname(dist), { recursive: true, force: true }));

const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

interface MetadataParam {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface MetadataFunction {
  id: string;
  name: string;
  description: string;
  parameters: MetadataParam[];
  result: { dimensionality?: string; type?: string };
  options?: Record<string, boolean>;
}

describe('dist/functions.json (custom-functions-metadata-plugin, from functions.ts)', () => {
  let meta: { functions: MetadataFunction[] };
  beforeAll(() => (meta = JSON.parse(read('functions.json'))));

  test('lists every registry function under its name, and nothing else', () => {
    expect(meta.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.name));
    expect(meta.functions.map((f) => f.name)).toEqual(FUNCTIONS.map((f) => f.name));
  });

  test.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    "%s: parameters in order, with their optional flags and the registry's help in Bengali and English",
    (_, spec) => {
      const fn = meta.functions.find((f) => f.id === spec.name)!;
      expect(fn.parameters.map((p) => ({ name: p.name, optional: p.optional === true }))).toEqual(
        spec.params.map((p) => ({ name: p.name, optional: p.optional })),
      );
      expect(fn.description).toContain(spec.description.bn);
      expect(fn.description).toContain(spec.description.en);
      spec.params.forEach((p, i) => {
        const m = fn.parameters[i];
        expect(m.description).toContain(p.description.bn);
        expect(m.description).toContain(p.description.en);
        // Ranges are whole 2-D arrays of any values; single settings are scalars.
        if (p.shape === 'value') expect(m.dimensionality).toBeUndefined();
        else expect(m).toMatchObject({ dimensionality: 'matrix', type: 'any' });
      });
      // One result per row is a matrix (it spills); TOTAL is one value.
      expect(fn.result.dimensionality).toBe(spec.returns === 'column' ? 'matrix' : undefined);
      // Not volatile, not streaming, no invocation/address options.
      expect(fn.options).toBeUndefined();
    },
  );
});

describe('the bundles and the page', () => {
  test('functions.js associates every function with Excel (CustomFunctions.associate, added by the plugin)', () => {
    const js = read('functions.js');
    for (const f of FUNCTIONS) expect(js).toContain(`CustomFunctions.associate("${f.name}",`);
  });

  test('taskpane.html loads office.js from the CDN first, then the bundles, which exist', () => {
    const html = read('taskpane.html');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)["']?[^>]*>/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(OFFICE_JS);
    expect(scripts.filter((s) => s === OFFICE_JS)).toHaveLength(1);
    const bundles = scripts.slice(1);
    expect(bundles).toEqual(withTaskpane ? ['functions.js', 'taskpane.js'] : ['functions.js']);
    for (const b of bundles) expect(fs.existsSync(path.join(dist, b))).toBe(true);
    // office.js is not bundled.
    for (const b of bundles) expect(read(b)).not.toContain('appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });

  test('no HyperFormula (GPL, tests only) anywhere in dist/, and no add-in source imports it', () => {
    for (const f of files(path.join(ROOT, 'addin'))) {
      if (/\.(ts|tsx|js|html)$/.test(f))
        expect({ f, imports: /from ['"]hyperformula|require\(['"]hyperformula/.test(fs.readFileSync(f, 'utf8')) }).toEqual({ f, imports: false });
    }
    for (const f of files(dist)) {
      const text = fs.readFileSync(f, 'utf8');
      expect({ f, hyperformula: /hyperformula|handsoncode/i.test(text) }).toEqual({ f, hyperformula: false });
      expect({ f, gpl: /GNU (Affero |Lesser )?General Public License/i.test(text) }).toEqual({ f, gpl: false });
    }
  });

  test("production: minified, no eval (the page's Content-Security-Policy has no unsafe-eval), no Node globals", () => {
    for (const b of withTaskpane ? ['functions.js', 'taskpane.js'] : ['functions.js']) {
      const js = read(b);
      expect(js.split('\n').length).toBeLessThan(50);
      expect(js).not.toMatch(/\beval\(/);
      expect(js).not.toMatch(/\brequire\(["'](fs|path|os|child_process)["']\)/);
    }
  });

  test('bundle sizes (gzip), for the record', () => {
    const sizes = (withTaskpane ? ['functions.js', 'taskpane.js'] : ['functions.js']).map((b) => {
      const raw = fs.readFileSync(path.join(dist, b));
      return `${b}: ${(raw.length / 1024).toFixed(1)} KiB, gzip ${(zlib.gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KiB`;
    });
    console.log(`production bundles\n  ${sizes.join('\n  ')}`);
    // functions.js is the core and the adapter: it loads with every workbook that uses =APA.*.
    expect(zlib.gzipSync(fs.readFileSync(path.join(dist, 'functions.js'))).length).toBeLessThan(100 * 1024);
  });

  test("assets and manifest are copied; the manifest is on the build's base URL", () => {
    for (const f of ['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png', 'assets/support.html', 'manifest.xml'])
      expect(fs.existsSync(path.join(dist, f))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'assets', 'make-icons.js'))).toBe(false);
    expect(read('manifest.xml')).toContain(`${BASE}taskpane.html`);
  });
});
