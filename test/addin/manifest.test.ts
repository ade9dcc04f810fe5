/**
 * manifest.xml, checked offline (`npm run validate` posts it to Microsoft's online validator: optional).
 *
 * The XML is read by the small reader in ./manifest-xml.ts (no XML dependency). Then the
 * invariants Office relies on: every element in the order Microsoft's manifest schema gives, a GUID id, every resid defined once and at most 32
 * characters, a shared runtime whose resid the custom functions' page and the function file use,
 * namespace APA, only ReadWriteDocument, https everywhere, every icon size the docs require and
 * support, the support and privacy pages, the custom functions' metadata in English and Bengali,
 * texts from core/messages.ts, the version package.json has; and the production build's copy,
 * dist/manifest.xml, on the base URL the build was given.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { MESSAGES, MessageKey } from '../../core/messages';
import { all, local, parseXml, schemaOrderProblems, urlsIn, walkAll, XmlElement } from './manifest-xml';

const one = (el: XmlElement, name: string): XmlElement => {
  const found = all(el, name);
  expect(found.map((f) => f.name)).toHaveLength(1);
  return found[0];
};
const child = (el: XmlElement, name: string): XmlElement => {
  const found = el.children.filter((c) => local(c.name) === name);
  expect(found.map((f) => f.name)).toHaveLength(1);
  return found[0];
};

// ---------------------------------------------------------------------------------------------

const ROOT = path.join(__dirname, '..', '..');
const SOURCE = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The manifest's resources: id → { kind, value, overrides by locale }. */
function resources(app: XmlElement) {
  const res = one(app, 'Resources');
  const out = new Map<string, { kind: string; value: string; overrides: Record<string, string> }[]>();
  for (const group of res.children) {
    for (const r of group.children) {
      const id = r.attrs.id;
      const overrides = Object.fromEntries(r.children.filter((c) => local(c.name) === 'Override').map((o) => [o.attrs.Locale, o.attrs.Value]));
      out.set(id, [...(out.get(id) ?? []), { kind: local(group.name), value: r.attrs.DefaultValue, overrides }]);
    }
  }
  return out;
}


function checkStructure(app: XmlElement) {
  expect(app.name).toBe('OfficeApp');
  expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(child(app, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  expect(child(app, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(child(app, 'ProviderName').text.trim()).not.toBe('');
  // Only the workbook host, only ReadWriteDocument.
  expect(child(app, 'Hosts').children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
  expect(child(app, 'Permissions').text.trim()).toBe('ReadWriteDocument');
  const vo = child(app, 'VersionOverrides');
  expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  return vo;
}

describe('manifest.xml', () => {
  const app = parseXml(SOURCE);
  const res = resources(app);

  test('parses; a TaskPaneApp for Excel with a fixed GUID id, ReadWriteDocument and nothing more', () => {
    checkStructure(app);
    expect(all(app, 'Permissions')).toHaveLength(1);
    expect(all(app, 'AppDomain')).toHaveLength(0);
  });

  test("every element's children in the order of Microsoft's manifest schema (OfficeApp/TaskPaneApp, VersionOverrides V1.0)", () => {
    expect(schemaOrderProblems(app)).toEqual([]);
  });

  test('the order check fails a manifest whose elements are out of order', () => {
    const swapped = SOURCE.replace(/(<IconUrl [^>]*\/>)(\s*)(<HighResolutionIconUrl [^>]*\/>)/, '$3$2$1');
    expect(swapped).not.toBe(SOURCE);
    expect(schemaOrderProblems(parseXml(swapped))).toEqual([expect.stringContaining('<IconUrl> comes after <HighResolutionIconUrl>')]);
    const misplaced = SOURCE.replace(/(\s*<Permissions>ReadWriteDocument<\/Permissions>)/, '').replace('<Hosts>', '<Permissions>ReadWriteDocument</Permissions>\n  <Hosts>');
    // Everything the moved element now stands before is reported.
    expect(schemaOrderProblems(parseXml(misplaced))).toEqual(['Hosts', 'Requirements', 'DefaultSettings'].map((e) => expect.stringContaining(`<${e}> comes after <Permissions>`)));
  });

  test("the version is package.json's, with a fourth part (the release archives are named by it)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(child(app, 'Version').text).toBe(`${pkg.version}.0`);
  });

  test('requirement sets: SharedRuntime 1.1, CustomFunctionsRuntime (1.2: CustomFunctions.Error), ExcelApi 1.13', () => {
    const sets = Object.fromEntries(all(child(app, 'Requirements'), 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(sets).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.2', ExcelApi: '1.13' });
  });

  test('every resid used is defined exactly once and is at most 32 characters; every resource is used', () => {
    const used = new Set(walkAll(app).flatMap((e) => (e.attrs.resid ? [e.attrs.resid] : [])));
    for (const [id, defs] of res) {
      expect({ id, definitions: defs.length }).toEqual({ id, definitions: 1 });
      expect(id.length).toBeLessThanOrEqual(32);
      expect(used.has(id)).toBe(true);
    }
    for (const id of used) {
      expect({ id, defined: res.has(id) }).toEqual({ id, defined: true });
      expect(id.length).toBeLessThanOrEqual(32);
    }
    // Control and group ids are unique too.
    const ids = walkAll(one(app, 'DesktopFormFactor')).flatMap((e) => (e.attrs.id ? [e.attrs.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("one shared runtime: the custom functions' page and the function file use the Runtime's resid", () => {
    const host = one(app, 'VersionOverrides').children[0].children[0];
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const runtimes = all(host, 'Runtime');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    const cf = all(host, 'ExtensionPoint').filter((e) => e.attrs['xsi:type'] === 'CustomFunctions');
    expect(cf).toHaveLength(1);
    expect(child(child(cf[0], 'Page'), 'SourceLocation').attrs.resid).toBe(runtimes[0].attrs.resid);
    expect(one(host, 'FunctionFile').attrs.resid).toBe(runtimes[0].attrs.resid);
    // The ribbon button opens that same page; so does DefaultSettings.
    const action = one(host, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'SourceLocation').attrs.resid).toBe(runtimes[0].attrs.resid);
    const pageUrl = res.get('Taskpane.Url')![0];
    expect(pageUrl).toMatchObject({ kind: 'Urls', value: `${DEV_URL}taskpane.html` });
    expect(child(child(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(pageUrl.value);
    // Script and metadata: the bundle and the metadata plugin's functions.json.
    expect(res.get(child(child(cf[0], 'Script'), 'SourceLocation').attrs.resid)![0].value).toBe(`${DEV_URL}functions.js`);
    expect(res.get(child(child(cf[0], 'Metadata'), 'SourceLocation').attrs.resid)![0].value).toBe(`${DEV_URL}functions.json`);
  });

  test('namespace APA (=APA.SCORE), not localised', () => {
    const ns = one(app, 'Namespace').attrs.resid;
    expect(ns).toBe('Functions.Namespace');
    expect(res.get(ns)).toEqual([{ kind: 'ShortStrings', value: 'APA', overrides: {} }]);
  });

  test('the group and the button carry every icon size the docs require (16, 32, 80) and support (20, 24, 40, 48, 64)', () => {
    for (const icon of all(app, 'Icon')) expect(icon.children.map((i) => Number(i.attrs.size))).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
    expect(all(app, 'Icon')).toHaveLength(2);
  });

  test('a button on the Home tab, with icons that exist as PNGs of their sizes', () => {
    const tab = one(app, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    expect(all(tab, 'Control').map((c) => c.attrs['xsi:type'])).toEqual(['Button']);
    const images = [...all(app, 'Image').filter((i) => i.attrs.resid), ...[child(app, 'IconUrl'), child(app, 'HighResolutionIconUrl')]];
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) {
      const url = img.attrs.resid ? res.get(img.attrs.resid)![0].value : img.attrs.DefaultValue;
      expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
      const file = path.join(ROOT, 'addin', 'assets', url.slice(`${DEV_URL}assets/`.length));
      const png = fs.readFileSync(file);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const size = png.readUInt32BE(16);
      expect(png.readUInt32BE(20)).toBe(size);
      if (img.attrs.size) expect(size).toBe(Number(img.attrs.size));
      expect(url).toBe(`${DEV_URL}assets/icon-${size}.png`);
    }
    expect(child(app, 'IconUrl').attrs.DefaultValue).toBe(`${DEV_URL}assets/icon-32.png`);
    expect(child(app, 'HighResolutionIconUrl').attrs.DefaultValue).toBe(`${DEV_URL}assets/icon-64.png`);
  });

  test("texts are the catalogue's (core/messages.ts), English by default with a bn-BD override; lengths within limits", () => {
    const expectText = (el: { value: string; overrides: Record<string, string> }, key: MessageKey) => {
      expect(el.value).toBe(MESSAGES[key].en);
      expect(el.overrides).toEqual({ 'bn-BD': MESSAGES[key].bn });
    };
    const setting = (name: string) => {
      const e = child(app, name);
      return { value: e.attrs.DefaultValue, overrides: Object.fromEntries(e.children.map((o) => [o.attrs.Locale, o.attrs.Value])) };
    };
    expect(child(app, 'DefaultLocale').text).toBe('en-US');
    expectText(setting('DisplayName'), 'addin.name');
    expectText(setting('Description'), 'addin.description');
    const strings: [string, MessageKey][] = [
      ['GetStarted.Title', 'addin.get-started'],
      ['GetStarted.Description', 'addin.get-started-tip'],
      ['Group.Label', 'addin.ribbon-group'],
      ['TaskpaneButton.Label', 'addin.open-pane'],
      ['TaskpaneButton.Tooltip', 'addin.open-pane-tip'],
    ];
    for (const [id, key] of strings) expectText(res.get(id)![0], key);
    for (const [, defs] of res) {
      const max = defs[0].kind === 'ShortStrings' ? 125 : defs[0].kind === 'LongStrings' ? 250 : 2048;
      for (const v of [defs[0].value, ...Object.values(defs[0].overrides)]) expect(v.length).toBeLessThanOrEqual(max);
    }
    expect(setting('DisplayName').value.length).toBeLessThanOrEqual(125);
    expect(setting('Description').value.length).toBeLessThanOrEqual(250);
  });

  test("Microsoft's own reader (office-addin-manifest, offline) reads the same manifest", () => {
    // In a child Node: the package pulls an ES-module-only dependency that jest 29's CommonJS runtime cannot load.
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)))`;
    const r = spawnSync(process.execPath, ['-e', script, path.join(ROOT, 'manifest.xml')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({
      id: child(app, 'Id').text,
      officeAppType: 'TaskPaneApp',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      displayName: MESSAGES['addin.name'].en,
      description: MESSAGES['addin.description'].en,
      defaultLocale: 'en-US',
      iconUrl: `${DEV_URL}assets/icon-32.png`,
      highResolutionIconUrl: `${DEV_URL}assets/icon-64.png`,
      supportUrl: `${DEV_URL}assets/support.html`,
      defaultSettings: { sourceLocation: `${DEV_URL}taskpane.html` },
      appDomains: [],
    });
  });

  test("every URL is https on the dev server's base (the build moves them), SupportUrl included", () => {
    const urls = urlsIn(app);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(DEV_URL)).toBe(true);
    expect(child(app, 'SupportUrl').attrs.DefaultValue).toBe(`${DEV_URL}assets/support.html`);
    expect(fs.existsSync(path.join(ROOT, 'addin', 'assets', 'support.html'))).toBe(true);
  });

  test('the support page leads to the help and to the privacy page, which says in Bengali and English that no data leaves the machine', () => {
    const support = fs.readFileSync(path.join(ROOT, 'addin', 'assets', 'support.html'), 'utf8');
    for (const link of ['privacy.html', '../help/user-guide.bn.html', '../help/functions.bn.html', '../help/functions.html']) expect(support).toContain(`href="${link}`);
    const privacy = fs.readFileSync(path.join(ROOT, 'addin', 'assets', 'privacy.html'), 'utf8');
    expect(privacy).toContain('<section lang="bn" id="bn">');
    expect(privacy).toContain('<section lang="en" id="en">');
    expect(privacy).toContain('আপনার শিটের কোনো তথ্য আপনার কম্পিউটারের বাইরে যায় না।');
    expect(privacy).toContain('No data from your sheets leaves your computer.');
    // Neither page loads anything from elsewhere, nor links outside.
    for (const page of [support, privacy]) expect(page).not.toMatch(/<script|<link\b|(?:href|src)="(?:https?:)?\/\//);
  });

  test("the custom functions' metadata: functions.json by default, functions-bn.json for bn-BD", () => {
    const metadata = res.get(child(child(all(app, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'CustomFunctions')!, 'Metadata'), 'SourceLocation').attrs.resid)!;
    expect(metadata).toEqual([{ kind: 'Urls', value: `${DEV_URL}functions.json`, overrides: { 'bn-BD': `${DEV_URL}functions-bn.json` } }]);
  });
});

describe('the base URL is a build setting', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../webpack.config.js') as {
    baseUrl(dev: boolean): string;
    rewriteManifest(xml: string, base: string): string;
    PLACEHOLDER_URL: string;
  };
  const saved = process.env.APA_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.APA_BASE_URL;
    else process.env.APA_BASE_URL = saved;
  });

  test('defaults: https://localhost:3000/ in development, a placeholder in production; only https is accepted', () => {
    delete process.env.APA_BASE_URL;
    expect(config.baseUrl(true)).toBe(DEV_URL);
    expect(config.baseUrl(false)).toBe(config.PLACEHOLDER_URL);
    expect(config.PLACEHOLDER_URL.startsWith('https://')).toBe(true);
    process.env.APA_BASE_URL = 'https://apa.example.gov.bd/office';
    expect(config.baseUrl(false)).toBe('https://apa.example.gov.bd/office/');
    process.env.APA_BASE_URL = 'http://apa.example.gov.bd/';
    expect(() => config.baseUrl(false)).toThrow(/https/);
    process.env.APA_BASE_URL = 'not a url';
    expect(() => config.baseUrl(false)).toThrow(/not a URL/);
  });

  describe('a production build: APA_BASE_URL=https://x.example/ webpack --mode production', () => {
    const BASE = 'https://x.example/';
    let out: string;
    let deployed: string;
    beforeAll(() => {
      out = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-manifest-'));
      // The functions only (--env functionsOnly): the manifest's copy does not depend on the pane's bundle,
      // which test/addin/build.test.ts builds.
      const r = spawnSync(
        process.execPath,
        [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'functionsOnly', '--output-path', out],
        {
          cwd: ROOT,
          env: { ...process.env, APA_BASE_URL: BASE },
          encoding: 'utf8',
          timeout: 300_000,
        },
      );
      if (r.status !== 0) throw new Error(`webpack failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
      deployed = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    }, 300_000);
    afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

    test('every URL in dist/manifest.xml is https and starts with the base', () => {
      const app = parseXml(deployed);
      checkStructure(app);
      const urls = urlsIn(app);
      expect(urls).toHaveLength(urlsIn(parseXml(SOURCE)).length);
      for (const u of urls) {
        if (u === OFFICE_JS) continue;
        expect(u.startsWith('https://')).toBe(true);
        expect(u.startsWith(BASE)).toBe(true);
      }
      expect(deployed).not.toContain('localhost');
    });

    test('only the URLs changed: the same elements, ids and texts as manifest.xml', () => {
      const strip = (e: XmlElement): unknown => ({
        name: e.name,
        attrs: Object.fromEntries(Object.entries(e.attrs).map(([k, v]) => [k, v.split(BASE).join(DEV_URL)])),
        text: e.text.trim(),
        children: e.children.map(strip),
      });
      expect(strip(parseXml(deployed))).toEqual(strip(parseXml(SOURCE)));
    });

    test('the files the manifest names are in dist/', () => {
      for (const u of urlsIn(parseXml(deployed))) expect({ u, exists: fs.existsSync(path.join(out, u.slice(BASE.length))) }).toEqual({ u, exists: true });
    });
  });
});
