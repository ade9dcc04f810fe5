/**
 * The real production build (webpack.config.js through webpack-cli), once, into a temporary
 * dist/: functions.json and functions-bn.json (the metadata plugin's file from functions.ts,
 * passed through addin/tools/function-metadata.ts) must describe every function of the core
 * registry, in one language each, with allowErrorForDataTypeAny and help URLs that lead to the
 * help pages built from docs/; the page must load office.js from Microsoft's CDN and the bundles,
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
  helpUrl?: string;
  parameters: MetadataParam[];
  result: { dimensionality?: string; type?: string };
  options?: Record<string, boolean>;
}
interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: MetadataFunction[];
}

const BENGALI = /[\u0980-\u09ff]/;
/** Each metadata file, its language and the help page its functions lead to (manifest.xml's
 * Functions.Metadata.Url: functions.json by default, functions-bn.json for bn-BD). */
const LOCALES = [
  { file: 'functions.json', language: 'en', page: 'help/functions.html' },
  { file: 'functions-bn.json', language: 'bn', page: 'help/functions.bn.html' },
] as const;

/** The id attributes of an HTML page, with the text of the element each is on (headings). */
function anchors(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<(h[1-6])\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => [m[2], m[3].replace(/<[^>]+>/g, '')]));
}

describe('the custom functions\' metadata: functions.json (English) and functions-bn.json (Bengali)', () => {
  const meta = {} as Record<(typeof LOCALES)[number]['file'], Metadata>;
  beforeAll(() => {
    for (const l of LOCALES) meta[l.file] = JSON.parse(read(l.file));
  });

  test.each(LOCALES.map((l) => l.file))('%s: allowErrorForDataTypeAny at the root (Excel then runs a function over a range that holds an error cell)', (file) => {
    expect(meta[file].allowErrorForDataTypeAny).toBe(true);
    expect(meta[file].allowCustomDataForDataTypeAny).toBe(true);
  });

  test.each(LOCALES.map((l) => l.file))('%s lists every registry function under its name, and nothing else', (file) => {
    expect(meta[file].functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.name));
    expect(meta[file].functions.map((f) => f.name)).toEqual(FUNCTIONS.map((f) => f.name));
  });

  test.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s: parameters in order, with their optional flags, shapes and result', (_, spec) => {
    for (const l of LOCALES) {
      const fn = meta[l.file].functions.find((f) => f.id === spec.name)!;
      expect(fn.parameters.map((p) => ({ name: p.name, optional: p.optional === true }))).toEqual(spec.params.map((p) => ({ name: p.name, optional: p.optional })));
      spec.params.forEach((p, i) => {
        const m = fn.parameters[i];
        // Ranges are whole 2-D arrays of any values (so error cells come in); single settings are scalars.
        if (p.shape === 'value') expect(m.dimensionality).toBeUndefined();
        else expect(m).toMatchObject({ dimensionality: 'matrix', type: 'any' });
      });
      // One result per row is a matrix (it spills); TOTAL is one value.
      expect(fn.result.dimensionality).toBe(spec.returns === 'column' ? 'matrix' : undefined);
      // Not volatile, not streaming, no invocation/address options.
      expect(fn.options).toBeUndefined();
    }
    // The two files differ only in their texts and help pages.
    const shape = (f: MetadataFunction) => ({ ...f, description: '', helpUrl: '', parameters: f.parameters.map((p) => ({ ...p, description: '' })) });
    const [en, bn] = LOCALES.map((l) => meta[l.file].functions.find((f) => f.id === spec.name)!);
    expect(shape(bn)).toEqual(shape(en));
  });

  test.each(FUNCTIONS.map((f) => [f.name, f] as const))("%s: the registry's help, one language per file (never both joined)", (_, spec) => {
    for (const l of LOCALES) {
      const fn = meta[l.file].functions.find((f) => f.id === spec.name)!;
      expect(fn.description).toBe(spec.description[l.language]);
      expect(fn.parameters.map((p) => p.description)).toEqual(spec.params.map((p) => p.description[l.language]));
      for (const text of [fn.description, ...fn.parameters.map((p) => p.description!)]) expect(text).not.toContain(' · ');
    }
    const en = meta['functions.json'].functions.find((f) => f.id === spec.name)!;
    const bn = meta['functions-bn.json'].functions.find((f) => f.id === spec.name)!;
    expect(BENGALI.test(en.description)).toBe(false);
    expect(BENGALI.test(bn.description)).toBe(true);
  });

  test.each(FUNCTIONS.map((f) => [f.name, f] as const))("%s: helpUrl leads to the function's heading on its language's help page, on the base URL", (_, spec) => {
    for (const l of LOCALES) {
      const fn = meta[l.file].functions.find((f) => f.id === spec.name)!;
      expect(fn.helpUrl).toBe(`${BASE}${l.page}#apa${spec.name.toLowerCase()}`);
      const [page, anchor] = fn.helpUrl!.slice(BASE.length).split('#');
      expect(fs.existsSync(path.join(dist, page))).toBe(true);
      const html = read(page);
      expect(html).toContain(`<html lang="${l.language}">`);
      expect(anchors(html).get(anchor)).toBe(`APA.${spec.name}`);
    }
  });

  test("the manifest's metadata URL is functions.json, functions-bn.json for bn-BD; both are in dist/", () => {
    const manifest = read('manifest.xml');
    const url = /<bt:Url id="Functions\.Metadata\.Url" DefaultValue="([^"]+)">\s*<bt:Override Locale="bn-BD" Value="([^"]+)"\s*\/>\s*<\/bt:Url>/.exec(manifest);
    expect(url && [url[1], url[2]]).toEqual([`${BASE}functions.json`, `${BASE}functions-bn.json`]);
  });
});

describe('the help pages (dist/help/, built from docs/)', () => {
  const pages = () => files(path.join(dist, 'help')).filter((f) => f.endsWith('.html'));

  test('the functions in English and Bengali and the Bengali user guide', () => {
    expect(pages().map((f) => path.relative(dist, f)).sort()).toEqual(['help/functions.bn.html', 'help/functions.html', 'help/user-guide.bn.html']);
  });

  test('every link and picture leads to a file beside them (and an anchor on it); nothing leads outside', () => {
    for (const page of pages()) {
      const html = fs.readFileSync(page, 'utf8');
      const targets = [...html.matchAll(/<(?:a|img)\b[^>]*\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) {
        expect({ page, t, outside: /^[a-z][a-z0-9+.-]*:|^\/\//i.test(t) }).toEqual({ page, t, outside: false });
        const [file, anchor] = t.split('#');
        const target = file ? path.resolve(path.dirname(page), decodeURIComponent(file)) : page;
        expect({ t, exists: fs.existsSync(target) }).toEqual({ t, exists: true });
        if (anchor !== undefined) expect({ t, anchor: anchors(fs.readFileSync(target, 'utf8')).has(decodeURIComponent(anchor)) }).toEqual({ t, anchor: true });
      }
      // The page carries its style; it loads no script.
      expect(html).not.toMatch(/<script|<link\b/);
    }
  });
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
    const icons = [16, 20, 24, 32, 40, 48, 64, 80].map((n) => `assets/icon-${n}.png`);
    for (const f of [...icons, 'assets/support.html', 'assets/privacy.html', 'manifest.xml']) expect({ f, exists: fs.existsSync(path.join(dist, f)) }).toEqual({ f, exists: true });
    expect(fs.existsSync(path.join(dist, 'assets', 'make-icons.js'))).toBe(false);
    expect(read('manifest.xml')).toContain(`${BASE}taskpane.html`);
  });
});
