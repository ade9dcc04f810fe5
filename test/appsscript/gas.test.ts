/**
 * The Apps Script side as Apps Script runs it: `npm run build:gas`'s push folder loaded into one
 * `node:vm` context in push order, with the typed fakes (fakes.ts) as the services.
 *
 * - build: the manifest, the files clasp pushes (clasp's own file collection, offline), an ES2020
 *   classic-script syntax check of every file, no Node built-ins, the bundle's size;
 * - entry points: every one a global function (in push order and reversed), the JSDoc
 *   `@customfunction` blocks, the APA menu, the sidebar;
 * - custom functions called exactly as Sheets calls them (2-D arrays, `""`, `Date`s, percent
 *   fractions) on every seed fixture give the core's results;
 * - every command on every seed fixture leaves the user's cells, formats and rules as they were;
 *   twice = once; Remove gives back the spreadsheet byte for byte; onEdit re-colours;
 * - consolidate: the seed tabs, then 200 generated tabs with its service calls counted next to the
 *   naive per-cell count (test/output/gas-calls.json), then a simulated clock that makes it stop
 *   before Apps Script's 6 minutes and resume to the same result.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import vm from 'vm';
import zlib from 'zlib';
import * as acorn from 'acorn';
import { buildOfficeWorkbook, buildSamples } from '../fixtures/build-fixtures';
import { readWorkbookGrids } from '../../cli/xlsx-grid';
import {
  FUNCTIONS,
  HighlightKey,
  LEGEND_ORDER,
  PALETTE,
  PlanScore,
  allOffices,
  consolidationWorkbook,
  dayFromJsDate,
  highlightKey,
  highlightSpec,
  message,
  parseA1,
  readCell,
  readPlan,
  scorePlan,
  todayInDhaka,
  validatePlan,
} from '../../core';
import { LEGEND_TITLE, OwnedRecord, RECORD_VERSION, SCORE_HEADER, TIER_HEADER, columnHeaders, legendLabel, legendTitle, readRecord } from '../../core/ownership';
import { highlightPlan } from '../../core/highlight-spec';
import { removalPreviewText } from '../../core/removal';
import { scoreColumns, valuesColumns } from '../../core/score-columns';
import { APP_VERSION } from '../../core/version';
import { nextResult } from '../../core/next';
import { LINK_FONT, columnOf } from '../../core/report';
import { MAX_CELL_TEXT } from '../../core/cell-matrix';
import { rectA1 } from '../../core/areas';
import { buildGas, BUNDLE_FILE, CODE_FILE, GasBuild } from '../../appsscript/tools/build-gas';
import { ENTRY_POINTS, MENU_ITEMS, SERVER_FUNCTIONS, TRIGGERS } from '../../appsscript/src/server/entry-points';
import { EXECUTION_LIMIT_MS, REPORT_KEY } from '../../appsscript/src/server/sheets-workbook';
import { FakeGas, FakeSheetData, FakeSpreadsheetData, cellA1, parseAreaText, snapshot, snapshotDiff, SpreadsheetSnapshot } from './fakes';
import { loadFakeGas, sheetsFromXlsx, spreadsheetFromXlsx } from './fakes-load';
import { GAS_BUILD, GAS_DIR, GasProject, htmlFiles, loadGasProject, pushOrder } from './gas-project';

const NOW = Date.UTC(2025, 0, 10, 3, 0, 0);
const TODAY = todayInDhaka(new Date(NOW));
const SEEDS = [
  '000-mopa-egov-2021-22-q1.xlsx',
  '001-lged-egov-2022-23-q3.xlsx',
  '002-khulna-library.xlsx',
  '002-khulna-library-typed.xlsx',
  '003-skt.xlsx',
  '003-skt-english.xlsx',
  'apa-main-with-history.xlsx',
];
const DAY = 86_400_000;

let dir: string;
let built: GasBuild;
const report: Record<string, unknown> = {};

beforeAll(async () => {
  built = await buildGas();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-gas-'));
  await buildSamples(dir);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  const out = path.join(__dirname, '..', 'output');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'gas-calls.json'), JSON.stringify({ measuredAt: new Date().toISOString(), ...report }, null, 2) + '\n');
});

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────

const newEnv = (data: FakeSpreadsheetData, options: { withSidebar?: boolean } = {}) =>
  FakeGas.fromJSON(data, { now: NOW, htmlFiles: options.withSidebar === false ? {} : htmlFiles() });

const json = (s: SpreadsheetSnapshot) => JSON.stringify(s);

function recordOf(env: FakeGas): OwnedRecord | null {
  const md = env.data.metadata.find((m) => m.key === 'apa-sheets.owned');
  return md ? readRecord(md.value) : null;
}

/** The areas the record says the script owns, by sheet name (its columns and legend). */
function ownedAreas(env: FakeGas): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const rec = recordOf(env);
  for (const [id, s] of Object.entries(rec?.sheets ?? {})) {
    const sheet = env.data.sheets.find((x) => String(x.id) === id);
    if (!sheet) continue;
    const areas: string[] = [];
    if (s.columns) areas.push(`${cellA1(s.columns.top, s.columns.score)}:${cellA1(s.columns.bottom, s.columns.tier)}`);
    if (s.legend) areas.push(`${cellA1(s.legend.top, s.legend.col)}:${cellA1(s.legend.bottom, s.legend.col)}`);
    out[sheet.name] = areas;
  }
  return out;
}

const userView = (env: FakeGas) => snapshot(env.data, { userOnly: true, ownedAreas: ownedAreas(env) });

/** Asserts a value is what google.script.run can carry: plain objects, arrays, strings, finite
 * numbers, booleans and null only (no undefined, Date, function, NaN). */
function expectPlainJson(x: unknown, where = 'result'): void {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new Error(`${where}: non-finite number`);
    return;
  }
  if (Array.isArray(x)) {
    x.forEach((v, i) => expectPlainJson(v, `${where}[${i}]`));
    return;
  }
  if (typeof x === 'object' && Object.prototype.toString.call(x) === '[object Object]') {
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      if (v === undefined) throw new Error(`${where}.${k}: undefined`);
      expectPlainJson(v, `${where}.${k}`);
    }
    return;
  }
  throw new Error(`${where}: ${Object.prototype.toString.call(x)} cannot cross google.script.run`);
}

/** The plan sheet of a seed file, as the CLI's .xlsx reader reads it, scored by core. */
async function corePlan(file: string) {
  const { grids } = await readWorkbookGrids(path.join(dir, file), file);
  for (const read of grids) {
    // A spreadsheet's tab has no file name: an office named nowhere is named by its tab, as in Sheets.
    const g = { ...read, file: undefined };
    const o = readPlan(g);
    if (o.kind === 'plan') {
      const result = scorePlan(o.plan);
      return { sheet: g.sheet, grid: g, result, problems: validatePlan(o.plan, { today: TODAY }, result) };
    }
  }
  throw new Error(`no plan in ${file}`);
}

/** The plan core read (for scoring it again under other settings). */
const readPlanOf = (c: { result: PlanScore }) => c.result.plan;

/** What Sheets passes for a reference in a formula: a bare value for one cell, a 2-D array for a
 * range; an empty cell is `""`, a date cell a `Date`, a covered merged cell `""`. */
function sheetsArg(sheet: FakeSheetData, ref: string): unknown {
  const literal = /^"(.*)"$/.exec(ref);
  if (literal) return literal[1];
  const a = parseAreaText(ref);
  const at = (r: number, c: number) => {
    const v = sheet.cells[cellA1(r, c)]?.v;
    if (v === undefined) return '';
    return typeof v === 'object' ? new Date(v.date) : v;
  };
  if (a.top === a.bottom && a.left === a.right) return at(a.top, a.left);
  const rows: unknown[][] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    const line: unknown[] = [];
    for (let c = a.left; c <= a.right; c++) line.push(at(r, c));
    rows.push(line);
  }
  return rows;
}

/** Calls a formula the script wrote (`=APA_SCORE(K14,F14:J14,E14,D14)`) in the project, with its
 * arguments as Sheets would pass them. */
function evaluate(p: GasProject, sheet: FakeSheetData, formula: string): unknown {
  const m = /^=(APA_[A-Z]+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(formula);
  const args = m[2].split(',').map((x) => sheetsArg(sheet, x));
  return p[m[1]](...args);
}

/** The cell reference of an indicator's formula arguments, from core's plan. */
function formulaRefs(s: PlanScore['indicators'][number]) {
  const ind = s.indicator;
  const ach = ind.achievements.find((a) => a.cumulative) ?? ind.achievements[ind.achievements.length - 1];
  if (!ach || !ind.targets.length) return null;
  const t = ind.targets.map((x) => parseA1(x.cell)!);
  const left = Math.min(...t.map((x) => x.col));
  const right = Math.max(...t.map((x) => x.col));
  const targets = left === right ? cellA1(t[0].row, left) : `${cellA1(t[0].row, left)}:${cellA1(t[0].row, right)}`;
  return { achievement: ach.cell, targets, weight: ind.weightCell || '""' };
}

const isDhakaMidnight = (d: Date) => (d.getTime() + 6 * 3_600_000) % DAY === 0;

// ── Build ───────────────────────────────────────────────────────────────────────────────────

describe('build: npm run build:gas', () => {
  test('the manifest: V8, Asia/Dhaka, the two narrowest scopes; copied into the push folder', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(GAS_BUILD, 'appsscript.json'), 'utf8'));
    expect(manifest).toEqual(JSON.parse(fs.readFileSync(path.join(GAS_DIR, 'appsscript.json'), 'utf8')));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Dhaka');
    expect([...manifest.oauthScopes].sort()).toEqual(['https://www.googleapis.com/auth/script.container.ui', 'https://www.googleapis.com/auth/spreadsheets.currentonly']);
  });

  test('clasp (its own file collection, offline; fetched by npx as push:gas does) pushes only the build folder\'s project files', () => {
    const claspExample = JSON.parse(fs.readFileSync(path.join(GAS_DIR, '.clasp.json.example'), 'utf8'));
    expect(claspExample.rootDir).toBe('build');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-clasp-'));
    try {
      fs.mkdirSync(path.join(tmp, 'build'));
      for (const f of fs.readdirSync(GAS_BUILD)) fs.copyFileSync(path.join(GAS_BUILD, f), path.join(tmp, 'build', f));
      for (const decoy of ['notes.txt', 'apa-bundle.js.map', 'old.js']) fs.writeFileSync(path.join(tmp, 'build', decoy), '');
      fs.copyFileSync(path.join(GAS_DIR, '.claspignore'), path.join(tmp, '.claspignore'));
      fs.writeFileSync(path.join(tmp, '.clasp.json'), JSON.stringify({ ...claspExample, scriptId: 'test-script-id' }));
      // clasp as `npm run push:gas` runs it: fetched by npx (it is not among the project's
      // dependencies), from npm's usual cache; HOME elsewhere so no user's login is read.
      const cache = process.env.npm_config_cache ?? path.join(os.homedir(), '.npm');
      const out = execFileSync('npx', ['--yes', '@google/clasp@3', 'show-file-status', '--json'], {
        cwd: tmp,
        env: { ...process.env, HOME: tmp, npm_config_cache: cache },
        encoding: 'utf8',
        timeout: 300_000,
      });
      const status = JSON.parse(out.slice(out.indexOf('{'))) as { filesToPush: string[]; untrackedFiles: string[] };
      const expected = ['build/apa-bundle.js', 'build/appsscript.json', 'build/Code.js', ...(fs.existsSync(path.join(GAS_BUILD, 'Sidebar.html')) ? ['build/Sidebar.html'] : [])];
      expect([...status.filesToPush].sort()).toEqual([...expected].sort());
      expect(status.untrackedFiles.sort()).toEqual(['build/apa-bundle.js.map', 'build/notes.txt', 'build/old.js']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 320_000);

  test('every file is an ES2020 classic script (V8): no modules, no require, no Node built-ins; the bundle is one global', () => {
    const files = pushOrder();
    expect(files).toEqual([BUNDLE_FILE, CODE_FILE]);
    for (const f of files) {
      const src = fs.readFileSync(path.join(GAS_BUILD, f), 'utf8');
      expect(() => new vm.Script(src, { filename: f })).not.toThrow();
      expect(() => acorn.parse(src, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
      expect(/\brequire\s*\(/.test(src)).toBe(false);
      expect(/\bimport\s*\(/.test(src)).toBe(false);
      expect(/(^|[;\n])\s*(import|export)\s[\w{*]/.test(src)).toBe(false);
      // Node's globals, read as globals (a method named `process` is fine).
      const node = /(?<![.\w$])(process|Buffer|__dirname|__filename|global)\s*[.[]/.exec(src);
      expect(node ? src.slice(node.index - 60, node.index + 40) : null).toBeNull();
    }
    const bundle = fs.readFileSync(path.join(GAS_BUILD, BUNDLE_FILE), 'utf8');
    // One top-level binding: `var APA_BUNDLE = (() => { … })();`
    const ast = acorn.parse(bundle, { ecmaVersion: 2020, sourceType: 'script' }) as unknown as { body: { type: string; declarations?: { id: { name: string } }[]; expression?: { type: string } }[] };
    const top = ast.body.filter((n) => !(n.type === 'ExpressionStatement' && n.expression?.type === 'Literal'));
    expect(top).toHaveLength(1);
    expect(top[0].type).toBe('VariableDeclaration');
    expect(top[0].declarations?.map((d) => d.id.name)).toEqual(['APA_BUNDLE']);
    // Loading the bundle alone in a bare context (no Node, no Apps Script services) runs nothing that needs them.
    const bare = vm.createContext({});
    new vm.Script(bundle).runInContext(bare);
    expect(typeof (bare as Record<string, { customFunction?: unknown }>).APA_BUNDLE.customFunction).toBe('function');
    report.bundle = {
      file: `appsscript/build/${BUNDLE_FILE}`,
      bytes: built.bundleBytes,
      gzipBytes: zlib.gzipSync(bundle).length,
      codeJsBytes: built.codeBytes,
    };
    expect(built.bundleBytes).toBeLessThan(1_000_000);
  });

  test('Code.js keeps a JSDoc @customfunction block for every registry function, with its Bengali and English help', () => {
    const code = fs.readFileSync(path.join(GAS_BUILD, CODE_FILE), 'utf8');
    for (const f of FUNCTIONS) {
      const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction APA_${f.name}\\(([^)]*)\\)`).exec(code);
      expect(m).not.toBeNull();
      const doc = m![1];
      expect(doc).toContain('@customfunction');
      expect(doc).toContain(f.description.bn);
      expect(doc).toContain(f.description.en);
      expect(m![2].split(',').map((s) => s.trim()).filter(Boolean)).toEqual(f.params.map((p) => p.name));
      for (const p of f.params) {
        expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${p.name} `));
        expect(doc).toContain(p.description.en);
      }
      expect(doc).toMatch(/@return \{/);
    }
  });
});

describe('the fakes run in a browser too', () => {
  test('fakes.ts bundles for the browser with no Node built-in', async () => {
    const { build } = await import('esbuild');
    const out = await build({ entryPoints: [path.join(__dirname, 'fakes.ts')], bundle: true, write: false, platform: 'browser', format: 'esm', target: 'es2020', logLevel: 'silent' });
    const code = out.outputFiles[0].text;
    expect(/\brequire\s*\(/.test(code)).toBe(false);
    expect(/(?<![.\w$])(process|Buffer|__dirname)\s*[.[]/.test(code)).toBe(false);
  });
});

describe('entry points', () => {
  // The order is read inside the test: the push folder is built in beforeAll, after collection.
  test.each([['push order'], ['reversed']])('every entry point is a global function (%s)', (label) => {
    const order = label === 'reversed' ? [...pushOrder()].reverse() : undefined;
    const env = newEnv({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 1 });
    env.addSheetData({ name: 'Sheet1', maxRows: 1000, maxColumns: 26, cells: { A1: { v: '১৬/০৩/২০২৫' } }, merges: [], rules: [], metadata: [], charts: [], frozenRows: 0, frozenColumns: 0, columnWidths: {} });
    const p = loadGasProject(env, { order });
    const names = [...FUNCTIONS.map((f) => `APA_${f.name}`), ...ENTRY_POINTS.map((e) => e.name)];
    for (const n of names) expect(typeof p[n]).toBe('function');
    for (const n of ['onOpen', 'onInstall', 'onEdit', 'showSidebar', ...SERVER_FUNCTIONS.map((s) => s.name)]) expect(names).toContain(n);
    // Loading ran no service: everything waits until called.
    expect(env.calls.total).toBe(0);
    const v = p.APA_VALUE('১৬/০৩/২০২৫') as Date[][];
    expect(dayFromJsDate(v[0][0])).toBe(Date.UTC(2025, 2, 16) / DAY);
  });

  test('onInstall builds the add-on menu (Extensions → APA Sheets) with every command; onOpen builds the same', () => {
    const env = newEnv({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 1 });
    const p = loadGasProject(env);
    p.onInstall({ authMode: env.ScriptApp.AuthMode.FULL });
    expect(env.menus).toHaveLength(1);
    const menu = env.menus[0];
    expect(menu.addon).toBe(true);
    expect(menu.caption).toBe(env.addonName);
    // An Editor add-on adds no menu of its own to the spreadsheet's menu bar.
    expect(env.calls.byMethod['Ui.createMenu']).toBeUndefined();
    const items = menu.items.filter((i): i is { caption: string; functionName: string } => 'functionName' in i);
    expect(items.map((i) => i.functionName)).toEqual(MENU_ITEMS.map((m) => m.name));
    const english = ['Check this sheet', 'Add score columns', 'Values only', 'Highlight tiers', 'Remove', 'What is needed', 'Consolidate', 'Open sidebar'];
    items.forEach((item, i) => {
      expect(item.caption).toContain(english[i]);
      expect(typeof p[item.functionName]).toBe('function');
    });
    p.onOpen({ authMode: env.ScriptApp.AuthMode.LIMITED });
    expect(env.menus).toEqual([menu]);
    expect(TRIGGERS.map((t) => t.name)).toEqual(['onOpen', 'onInstall', 'onEdit']);
  });

  test('before the user has authorised the add-on (AuthMode.NONE), onOpen builds the menu and touches nothing else', async () => {
    const env = FakeGas.fromJSON(await spreadsheetFromXlsx(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx'))), { now: NOW, htmlFiles: htmlFiles(), authMode: 'NONE' });
    const p = loadGasProject(env);
    // The fake refuses, as Apps Script does, everything but the menu in this mode.
    expect(() => env.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/AuthMode\.NONE/);
    expect(() => env.PropertiesService.getUserProperties()).toThrow(/AuthMode\.NONE/);
    const event = { authMode: env.ScriptApp.AuthMode.NONE, get source(): never { throw new Error('the event\'s source was read in AuthMode.NONE'); } };
    p.onOpen(event);
    expect(env.menus).toHaveLength(1);
    expect(env.menus[0].addon).toBe(true);
    const items = env.menus[0].items.filter((i): i is { caption: string; functionName: string } => 'functionName' in i);
    expect(items.map((i) => i.functionName)).toEqual(MENU_ITEMS.map((m) => m.name));
    expect(Object.keys(env.calls.byMethod).sort()).toEqual(['Menu.addItem', 'Menu.addSeparator', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu']);
  });

  test('the template spreadsheet\'s bound script: the same onOpen gives the menu under Extensions, named after the script project', () => {
    const env = newEnv({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 1 });
    env.addonName = 'APA Sheets';
    loadGasProject(env).onOpen({ authMode: env.ScriptApp.AuthMode.LIMITED });
    expect(env.menus.map((m) => [m.caption, m.addon])).toEqual([['APA Sheets', true]]);
  });

  test('a sidebar call that fails throws an Error whose message is the bilingual reason (JSON)', async () => {
    const env = newEnv(await spreadsheetFromXlsx(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx'))));
    const p = loadGasProject(env);
    expect(p.apaSelectCell('অগ্রগতি', 'K14')).toBeNull();
    expect(env.data.activeRange).toBe('K14');
    let err: unknown;
    try {
      p.apaSelectCell('no such tab', 'A1');
    } catch (e) {
      err = e;
    }
    const text = JSON.parse((err as Error).message);
    expect(text).toEqual(message('gas.bad-argument', { detail: 'no such tab' }));
    // A sheet with no plan is an answer, not a failure.
    env.addSheetData({ name: 'খালি', maxRows: 1000, maxColumns: 26, cells: {}, merges: [], rules: [], metadata: [], charts: [], frozenRows: 0, frozenColumns: 0, columnWidths: {} });
    env.activate('খালি');
    const r = p.apaCheckActiveSheet();
    expect(r.plan).toBeNull();
    expect(r.reason.en).toContain(message('wb.empty-sheet').en);
    expect(p.apaAddScoreColumns().ok).toBe(false);
    expect(p.apaHighlightTiers().ok).toBe(false);
  });

  test('showSidebar serves Sidebar.html; without it, an alert says how to build it', () => {
    const data: FakeSpreadsheetData = { timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 1 };
    const env = FakeGas.fromJSON(data, { htmlFiles: { Sidebar: '<!doctype html><title>APA</title>' } });
    loadGasProject(env).showSidebar();
    expect(env.sidebars.map(({ file, title }) => ({ file, title }))).toEqual([{ file: 'Sidebar', title: 'APA শিট' }]);
    // What is remembered goes into the page, so the sidebar opens in the user's language at once.
    const handed = /^<script>window\.__APA_PREFERENCES__ = (.*);<\/script>$/.exec(env.sidebars[0].appended);
    expect(JSON.parse(handed![1])).toEqual({ language: null, settings: { mode: 'interpolate', na: 'rescale', final: false }, displayLanguage: 'bn' });
    const bare = FakeGas.fromJSON(data, { htmlFiles: {} });
    loadGasProject(bare).showSidebar();
    expect(bare.sidebars).toHaveLength(0);
    expect(bare.alerts[0].prompt).toContain(message('gas.sidebar-missing').en);
  });
});

// ── Custom functions ────────────────────────────────────────────────────────────────────────

describe('custom functions, called as Sheets calls them, on every seed fixture', () => {
  test.each(SEEDS)('%s: APA_SCORE / RAW / TIER / NEXT / TOTAL / VALUE give the core\'s results', async (file) => {
    const core = await corePlan(file);
    const env = await loadFakeGas(fs.readFileSync(path.join(dir, file)), { now: NOW });
    const sheet = env.sheetData(core.sheet);
    const p = loadGasProject(env);
    const fn = (name: string) => FUNCTIONS.find((f) => f.name === name)!;
    let compared = 0;
    let checked = 0;
    const rowsA: unknown[][] = [];
    const rowsT: unknown[][] = [];
    const rowsW: unknown[][] = [];
    for (const s of core.result.indicators) {
      const refs = formulaRefs(s);
      if (!refs) continue;
      const a = sheetsArg(sheet, refs.achievement);
      const t = sheetsArg(sheet, refs.targets);
      const w = sheetsArg(sheet, refs.weight);
      // Omitted optional arguments are undefined, as Sheets passes them. A blank single cell (Sheets
      // passes "") has no row to score: the answer is one blank cell.
      const first = (x: unknown) => (Array.isArray(x) ? (x as unknown[][])[0]?.[0] ?? '' : x);
      const score = [[first(p.APA_SCORE(a, t, w))]];
      const raw = [[first(p.APA_RAW(a, t))]];
      const tier = [[first(p.APA_TIER(a, t, undefined, 'en'))]];
      const next = [[first(p.APA_NEXT(a, t))]];
      // The adapter gives exactly what the registry gives on the same arguments (dates as Dhaka midnights).
      const registry = (name: string, args: unknown[]) => (fn(name).impl(...(args as Parameters<ReturnType<typeof fn>['impl']>)) as unknown[][])[0]?.[0] ?? '';
      const expectSame = (got: unknown, want: unknown) => {
        if (typeof want === 'object' && want !== null && 'date' in want) {
          expect(Object.prototype.toString.call(got)).toBe('[object Date]');
          expect(isDhakaMidnight(got as Date)).toBe(true);
          expect(dayFromJsDate(got as Date)).toBe((want as { date: number }).date);
        } else if (typeof want === 'object' && want !== null && 'error' in want) {
          const e = want as { error: 'value' | 'na'; message: { bn: string; en: string } };
          expect(got).toBe(`${e.error === 'na' ? '#N/A' : '#VALUE!'} ${e.message.bn} / ${e.message.en}`);
        } else expect(got).toEqual(want);
      };
      const cell = (x: unknown) => (x instanceof Date || typeof x !== 'object' || x === null ? x : null);
      const wrap = (x: unknown) => (Array.isArray(x) ? (x as unknown[][]).map((r) => r.map(cell)) : x === '' ? null : cell(x));
      expectSame(score[0][0], registry('SCORE', [wrap(a), wrap(t), wrap(w), null, null]));
      expectSame(raw[0][0], registry('RAW', [wrap(a), wrap(t), null, null]));
      expectSame(tier[0][0], registry('TIER', [wrap(a), wrap(t), null, 'en']));
      expectSame(next[0][0], registry('NEXT', [wrap(a), wrap(t), null]));
      // And core's plan reading agrees on every scored row.
      checked++;
      if (s.status === 'scored') {
        expect(score[0][0]).toBeCloseTo(s.score!, 9);
        expect(raw[0][0]).toBeCloseTo(s.raw!, 9);
        expect(tier[0][0]).toBe(message(`tier.${s.tier ?? 'not-achieved'}`).en);
        compared++;
      } else if (s.status === 'pending' || s.status === 'in-words' || s.status === 'na') {
        expect(score[0][0]).toBe('');
      } else {
        expect(String(score[0][0])).toMatch(/^#VALUE! .+ \/ .+/);
      }
      if (Array.isArray(t)) {
        rowsA.push([a]);
        rowsT.push((t as unknown[][])[0]);
        rowsW.push([w]);
      }
    }
    expect(checked).toBe(core.result.indicators.filter((s) => formulaRefs(s)).length);
    expect(checked).toBeGreaterThan(0);
    report.customFunctionRows = { ...(report.customFunctionRows as object), [file]: { rows: checked, scored: compared } };

    // Whole ranges in, one column out: one call scores every row (what a column formula passes).
    const width = Math.max(...rowsT.map((r) => r.length));
    const same = rowsT.filter((r) => r.length === width);
    if (same.length === rowsT.length && rowsT.length > 1) {
      const column = p.APA_SCORE(rowsA, rowsT, rowsW) as unknown[][];
      expect(column).toHaveLength(rowsA.length);
      const total = p.APA_TOTAL(rowsA, rowsT, rowsW);
      const single = rowsA.map((_, i) => p.APA_SCORE([rowsA[i]], [rowsT[i]], [rowsW[i]])[0][0]);
      expect(column.map((r) => r[0])).toEqual(single);
      const registryTotal = fn('TOTAL').impl(rowsA.map((r) => r.map((x) => (x === '' ? null : x))) as never, rowsT as never, rowsW.map((r) => r.map((x) => (x === '' ? null : x))) as never, null, null);
      if (typeof registryTotal === 'number') expect(total).toBeCloseTo(registryTotal, 9);
      else expect(total === '' || String(total).startsWith('#')).toBe(true);
    }

    // APA_VALUE on every achievement cell as Sheets passes it: numbers, text, Dates.
    for (const s of core.result.indicators) {
      for (const ach of s.indicator.achievements) {
        const v = sheetsArg(sheet, ach.cell);
        const got = p.APA_VALUE(v) as unknown[][] | unknown;
        const out = Array.isArray(got) ? (got as unknown[][])[0][0] : got;
        const want = typeof v === 'string' ? readCell(v === '' ? null : v) : readCell(v as never);
        if (want.kind === 'number') expect(out).toBeCloseTo(want.value, 9);
        else if (want.kind === 'date') expect(dayFromJsDate(out as Date)).toBe(want.day);
        else if (want.kind === 'empty') expect(out).toBe('');
      }
    }
    // No service needing authorisation was called: only read-only SpreadsheetApp and Utilities (for dates).
    for (const m of Object.keys(env.calls.byMethod)) expect(m).toMatch(/^(SpreadsheetApp\.getActiveSpreadsheet|Spreadsheet\.getSpreadsheetTimeZone|Utilities\.formatDate)$/);
  });

  test('Sheets\' argument conventions: "" blanks, omitted arguments, percent fractions, Dates, single cells, errors as clear text', () => {
    const env = newEnv({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 1 });
    const p = loadGasProject(env);
    const dhaka = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 6 * 3_600_000);
    // A percent-formatted cell arrives as its fraction: 90.59% of a 100-90-80-70-60% row.
    expect(p.APA_RAW([[0.9059]], [[1, 0.9, 0.8, 0.7, 0.6]])[0][0]).toBeCloseTo(90.59, 9);
    // Date cells (midnight in Dhaka) against date targets; the result of NEXT is a Date at midnight in Dhaka.
    const targets = [[dhaka(2025, 3, 1), dhaka(2025, 3, 15), dhaka(2025, 3, 31), dhaka(2025, 4, 15), dhaka(2025, 4, 30)]];
    expect(p.APA_RAW([[dhaka(2025, 3, 1)]], targets)[0][0]).toBe(100);
    const next = p.APA_NEXT([['']], targets)[0][0] as Date;
    expect(isDhakaMidnight(next)).toBe(true);
    expect(dayFromJsDate(next)).toBe(Date.UTC(2025, 3, 30) / DAY);
    // Blank rows (""), a single cell passed bare, omitted optional arguments.
    expect(p.APA_SCORE([[''], ['৫০']], [['', '', '', '', ''], ['১০০', '৯০', '৮০', '৭০', '৬০']], [[''], [10]])).toEqual([[''], [0]]);
    expect(p.APA_SCORE('৯০', [['১০০', '৯০', '৮০', '৭০', '৬০']], 10)).toEqual([[9]]);
    // A row that cannot be scored: the reason in the cell, Bengali / English.
    const bad = p.APA_SCORE([['৩১০-০৬-২০২০']], [['১০০', '৯০', '৮০', '৭০', '৬০']], [[10]])[0][0] as string;
    expect(bad).toMatch(/^#VALUE! .*৩১০-০৬-২০২০.* \/ .*is not a value/);
    // A whole call that fails shows text too, never a thrown error.
    expect(String(p.APA_TIER([['৯০']], [['১০০', '৯০']]))).toMatch(/^#VALUE! /);
    expect(p.APA_VALUE([['৯০.৫৯%', '১,২০০'], ['', 'প্রযোজ্য নয়']])).toEqual([[90.59, 1200], ['', message('status.na').bn]]);
    expect(p.APA_TOTAL([['৯০'], ['']], [['১০০', '৯০', '৮০', '৭০', '৬০'], ['১০০', '৯০', '৮০', '৭০', '৬০']], [[10], [10]])).toBeCloseTo(90, 9);
  });

  test('a date result is midnight in the spreadsheet\'s own time zone', () => {
    const env = newEnv({ timeZone: 'America/New_York', sheets: [], metadata: [], activeSheetId: 0, nextId: 1 });
    const p = loadGasProject(env);
    const d = (p.APA_VALUE('১৬/০৩/২০২৫') as Date[][])[0][0];
    // 16 March 2025 00:00 in New York (EDT, UTC−4) is 04:00 UTC.
    expect(d.getTime()).toBe(Date.UTC(2025, 2, 16, 4));
  });
});

// ── Commands on every seed fixture ──────────────────────────────────────────────────────────

const calls: Record<string, Record<string, number>> = {};
function noteCalls(section: string, key: string, env: FakeGas, from: ReturnType<FakeGas['mark']>): number {
  const n = env.callsSince(from).total;
  calls[section] = calls[section] ?? {};
  calls[section][key] = n;
  report.commands = calls;
  return n;
}

describe.each(SEEDS)('commands on %s', (file) => {
  let env: FakeGas;
  let p: GasProject;
  let sheet: FakeSheetData;
  let before: SpreadsheetSnapshot;
  let beforeUser: SpreadsheetSnapshot;
  let core: Awaited<ReturnType<typeof corePlan>>;

  beforeAll(async () => {
    core = await corePlan(file);
    env = newEnv(await spreadsheetFromXlsx(fs.readFileSync(path.join(dir, file))));
    sheet = env.sheetData(core.sheet);
    env.activate(sheet.name);
    // The user's own formatting: a fill on the first achievement cell and a rule of their own.
    const cells = core.result.indicators.flatMap((s) => s.achievementCells);
    env.setCell(sheet.name, cells[0], { bg: '#123456' });
    env.addUserRule(sheet.name, cells.slice(0, 3), '=LEN(A1)>100', '#FF00FF');
    before = snapshot(env.data);
    beforeUser = snapshot(env.data, { userOnly: true });
    p = loadGasProject(env);
  });

  test('check: the plan, totals, indicators and problems are core\'s; nothing is written', () => {
    const from = env.mark();
    const r = p.apaCheckActiveSheet();
    noteCalls('check', file, env, from);
    expectPlainJson(r);
    expect(r.sheet).toBe(sheet.name);
    expect(r.plan).toMatchObject({ office: core.result.plan.office, layout: core.result.plan.layout, headerRow: core.result.plan.headerRow, quarter: core.result.plan.quarter });
    expect(r.totals).toEqual(JSON.parse(JSON.stringify(core.result.totals)));
    expect(r.indicators.map((i: { id: string; raw: number | null; score: number | null; key: string; cells: string[] }) => [i.id, i.raw, i.score, i.key, i.cells])).toEqual(
      core.result.indicators.map((x) => [x.indicator.id, x.raw, x.score, highlightKey(x.status, x.tier), x.achievementCells.length ? x.achievementCells : [x.indicator.cell]]),
    );
    expect(r.problems.map((x: { code: string; cell: string }) => `${x.code}@${x.cell}`).sort()).toEqual(core.problems.map((x) => `${x.code}@${x.cell}`).sort());
    expect(json(snapshot(env.data))).toBe(json(before));
  });

  test('add score columns: live =APA_SCORE / =APA_TIER formulas beside the table that compute core\'s scores; twice = once', () => {
    const from = env.mark();
    const r = p.apaAddScoreColumns();
    noteCalls('addScoreColumns', file, env, from);
    expectPlainJson(r);
    expect(r.ok).toBe(true);
    const rec = recordOf(env)!;
    const cols = rec.sheets[String(sheet.id)].columns!;
    // Right of everything the user has (values, merges).
    const rightmost = Math.max(...Object.keys(sheet.cells).filter((k) => !ownedAreas(env)[sheet.name].some((a) => {
      const x = parseAreaText(a);
      const q = parseA1(k)!;
      return q.row >= x.top && q.row <= x.bottom && q.col >= x.left && q.col <= x.right;
    })).map((k) => parseA1(k)!.col), ...sheet.merges.map((m) => parseAreaText(m).right));
    expect(cols.score).toBeGreaterThan(rightmost);
    expect(sheet.cells[cellA1(cols.top, cols.score)]?.v).toBe(SCORE_HEADER);
    expect(sheet.cells[cellA1(cols.top, cols.tier)]?.v).toBe(TIER_HEADER);
    // The spec (its rules: test/specs.test.ts), cell by cell: the header pair, then each row's two formulas.
    const spec = scoreColumns(core.grid, core.result, 'sheets');
    expect(cols).toEqual({ score: cols.score, tier: cols.score + 1, top: spec.top, bottom: spec.bottom });
    spec.body.forEach(([score, tier], i) => {
      const row = spec.top + 1 + i;
      expect([sheet.cells[cellA1(row, cols.score)]?.f, sheet.cells[cellA1(row, cols.tier)]?.f]).toEqual([score || undefined, tier || undefined]);
    });
    // One formula per column per run: evaluated by the pushed project's own =APA_* functions as
    // Sheets calls them, its array result fills the run's rows with core's scores and tiers.
    const filled = new Map<number, [unknown, unknown]>();
    for (const run of spec.runs) {
      // One cell's result may come back as the value itself.
      const column = (x: unknown) => (Array.isArray(x) ? (x as unknown[][]) : [[x]]);
      const scores = column(evaluate(p, sheet, sheet.cells[cellA1(run.row, cols.score)]!.f!));
      const tiers = column(evaluate(p, sheet, sheet.cells[cellA1(run.row, cols.tier)]!.f!));
      expect(scores).toHaveLength(run.rows);
      scores.forEach((x, i) => filled.set(run.row + i, [x[0], tiers[i][0]]));
    }
    for (const s of core.result.indicators.filter((x) => x.status === 'scored')) {
      const ach = s.indicator.achievements.find((a) => a.cumulative) ?? s.indicator.achievements[s.indicator.achievements.length - 1];
      const [score, tier] = filled.get(parseA1(ach.cell)!.row)!;
      expect(score).toBeCloseTo(s.score!, 9);
      expect(tier).toBe(message(`tier.${s.tier ?? 'not-achieved'}`).bn);
    }
    expect(json(userView(env))).toBe(json(beforeUser));
    const once = json(snapshot(env.data));
    p.apaAddScoreColumns();
    expect(json(snapshot(env.data))).toBe(once);
    // Reading the sheet again leaves the script's columns out.
    expect(p.apaCheckActiveSheet().totals).toEqual(JSON.parse(JSON.stringify(core.result.totals)));
  });

  test('highlight tiers: one marked rule per tier over its cells, ahead of the user\'s rule; a legend; twice = once', () => {
    const from = env.mark();
    const r = p.apaHighlightTiers();
    noteCalls('highlightTiers', file, env, from);
    expect(r.ok).toBe(true);
    const expected = new Map<HighlightKey, Set<string>>();
    for (const h of highlightSpec(core.result)) expected.set(h.key, new Set([...(expected.get(h.key) ?? []), h.cell]));
    const owned = sheet.rules.filter((x) => String(x.values[0]).includes('"apa-sheets:'));
    const user = sheet.rules.filter((x) => !String(x.values[0]).includes('"apa-sheets:'));
    expect(user).toEqual([{ ranges: core.result.indicators.flatMap((s) => s.achievementCells).slice(0, 3), criteria: 'CUSTOM_FORMULA', values: ['=LEN(A1)>100'], background: '#ff00ff' }]);
    expect(sheet.rules.slice(0, owned.length)).toEqual(owned);
    const got = new Map<string, Set<string>>();
    for (const rule of owned) {
      const key = /"apa-sheets:([a-z-]+)"/.exec(String(rule.values[0]))![1] as HighlightKey;
      expect(rule.values[0]).toBe(`=N("apa-sheets:${key}")=0`);
      expect(rule.background).toBe(PALETTE[key].fill.toLowerCase());
      expect(rule.fontColor).toBe(PALETTE[key].font.toLowerCase());
      const cells = new Set<string>();
      for (const a of rule.ranges) {
        const x = parseAreaText(a);
        for (let row = x.top; row <= x.bottom; row++) for (let col = x.left; col <= x.right; col++) cells.add(cellA1(row, col));
      }
      got.set(key, cells);
    }
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, cells] of expected) expect([...got.get(k)!].sort()).toEqual([...cells].sort());
    const rec = recordOf(env)!.sheets[String(sheet.id)];
    expect(rec.highlight).toBe(true);
    // One record for both hosts, with the areas core says edits must touch to change a tier.
    expect(JSON.parse(env.data.metadata.find((m) => m.key === 'apa-sheets.owned')!.value!).version).toBe(RECORD_VERSION);
    expect(rec.watch).toEqual(highlightPlan(core.result).watch.map(rectA1));
    // In the command's language (Bengali, what the spreadsheet's user has at first: the fake's locale is bn).
    expect(sheet.cells[cellA1(rec.legend!.top, rec.legend!.col)]?.v).toBe(legendTitle('bn'));
    LEGEND_ORDER.forEach((k, i) => expect(sheet.cells[cellA1(rec.legend!.top + 1 + i, rec.legend!.col)]?.bg).toBe(PALETTE[k].fill.toLowerCase()));
    expect(json(userView(env))).toBe(json(beforeUser));
    const once = json(snapshot(env.data));
    p.apaHighlightTiers();
    expect(json(snapshot(env.data))).toBe(once);
  });

  test('onEdit: an edited achievement is re-coloured; other cells cost only the record look-up', () => {
    // An indicator below the top tier whose best target can be typed into its achievement cell.
    const target = core.result.indicators.find((s) => {
      if (s.analysis.kind !== 'points' || highlightKey(s.status, s.tier) === 'excellent' || s.achievementCells.length !== 1) return false;
      const best = s.indicator.targets.find((t) => t.value.kind === 'number' || t.value.kind === 'date');
      return !!best && sheet.cells[best.cell]?.v !== undefined && sheet.cells[best.cell]?.nf === sheet.cells[s.achievementCells[0]]?.nf;
    });
    // A cell far from the table (the sheet's last row), where the user types a note.
    const far = cellA1(sheet.maxRows - 1, 0);
    let from = env.mark();
    expect(p.onEdit(env.userEdit(sheet.name, far, 'নোট'))).toBeUndefined();
    const quiet = noteCalls('onEdit (other cell)', file, env, from);
    expect(quiet).toBeLessThanOrEqual(10);
    expect(Object.keys(env.callsSince(from).byMethod).some((m) => /set|Range\.getValues/.test(m))).toBe(false);
    env.setCell(sheet.name, far, { v: undefined });
    if (!target) return;
    const cell = target.achievementCells[0];
    const original = sheet.cells[cell]?.v ?? null;
    const best = sheet.cells[target.indicator.targets.find((t) => t.value.kind === 'number' || t.value.kind === 'date')!.cell]!.v!;
    from = env.mark();
    p.onEdit(env.userEdit(sheet.name, cell, best));
    noteCalls('onEdit (achievement)', file, env, from);
    const ruleFor = (key: string) => sheet.rules.find((x) => x.values[0] === `=N("apa-sheets:${key}")=0`);
    const covers = (key: string) => (ruleFor(key)?.ranges ?? []).some((a) => {
      const x = parseAreaText(a);
      const q = parseA1(cell)!;
      return q.row >= x.top && q.row <= x.bottom && q.col >= x.left && q.col <= x.right;
    });
    expect(covers('excellent')).toBe(true);
    p.onEdit(env.userEdit(sheet.name, cell, original));
    expect(covers(highlightKey(target.status, target.tier))).toBe(true);
  });

  test('what is needed: core\'s answer for the sheet (the next and the top tier, days left from today in Dhaka), as plain JSON; nothing written', () => {
    const r = p.apaWhatNext();
    expectPlainJson(r);
    expect(r).toEqual(JSON.parse(JSON.stringify(nextResult(sheet.name, core.result, TODAY, { problems: core.problems }))));
    expect(json(userView(env))).toBe(json(beforeUser));
  });

  test('the menu commands report in alerts and toasts and change nothing of the user\'s', () => {
    const alerts = env.alerts.length;
    p.apaMenuCheck();
    expect(env.alerts[alerts].prompt).toContain(core.result.plan.office);
    p.apaMenuWhatNext();
    expect(env.alerts.length).toBe(alerts + 2);
    const toasts = env.toasts.length;
    p.apaMenuAddScoreColumns();
    p.apaMenuHighlightTiers();
    expect(env.toasts.length).toBe(toasts + 2);
    expect(json(userView(env))).toBe(json(beforeUser));
  });

  test('remove: the spreadsheet is byte for byte what it was; a second remove changes nothing', () => {
    const from = env.mark();
    const r = p.apaRemoveAll();
    noteCalls('removeAll', file, env, from);
    expectPlainJson(r);
    expect(r.changed).toBeGreaterThan(0);
    expect(snapshotDiff(before, snapshot(env.data))).toEqual([]);
    expect(p.apaRemoveAll().changed).toBe(0);
    expect(json(snapshot(env.data))).toBe(json(before));
    // Un-highlighted: an edit costs the record look-up only and writes nothing.
    const from2 = env.mark();
    p.onEdit(env.userEdit(sheet.name, core.result.indicators.flatMap((s) => s.achievementCells)[0], sheet.cells[core.result.indicators.flatMap((s) => s.achievementCells)[0]]?.v ?? null));
    expect(env.callsSince(from2).total).toBeLessThanOrEqual(4);
  });
});

describe('placement beside a table keeps clear of the user\'s formatting, and of the grid\'s edge', () => {
  test('formatted empty columns are skipped; columns the script appends are taken away by Remove', async () => {
    const data = await spreadsheetFromXlsx(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx')));
    const env = newEnv(data);
    const s = env.data.sheets[0];
    // The table ends at column K; the user coloured column M (empty) and the grid ends at column P.
    const lastCol = Math.max(...Object.keys(s.cells).map((k) => parseA1(k)!.col));
    for (let r = 0; r < 30; r++) env.setCell(s.name, cellA1(r, lastCol + 2), { bg: '#fff2cc' });
    s.maxColumns = lastCol + 6;
    const before = snapshot(env.data);
    const beforeUser = snapshot(env.data, { userOnly: true });
    const p = loadGasProject(env);
    expect(p.apaAddScoreColumns().ok).toBe(true);
    expect(p.apaHighlightTiers().ok).toBe(true);
    const rec = recordOf(env)!.sheets[String(s.id)];
    expect(rec.columns!.score).toBe(lastCol + 3);
    expect(rec.legend!.col).toBe(lastCol + 3 + 3);
    expect(rec.grown?.columns).toEqual({ after: lastCol + 6, count: 1 });
    expect(s.maxColumns).toBe(lastCol + 7);
    expect(json(userView(env))).toBe(json(beforeUser));
    p.apaRemoveAll();
    expect(snapshotDiff(before, snapshot(env.data))).toEqual([]);
  });
});

describe('the user\'s language, the spreadsheet\'s settings, one run at a time (Sheets)', () => {
  const file = '002-khulna-library.xlsx';
  const english = { language: 'en', settings: { mode: 'interpolate', na: 'rescale', final: false } };
  let env: FakeGas;
  let p: GasProject;
  let before: SpreadsheetSnapshot;
  let core: Awaited<ReturnType<typeof corePlan>>;

  beforeEach(async () => {
    env = newEnv(await spreadsheetFromXlsx(fs.readFileSync(path.join(dir, file))));
    p = loadGasProject(env);
    before = snapshot(env.data);
    core = await corePlan(file);
  });

  test('what the sidebar\'s commands write is in its language: headers, TIER\'s names (evaluated by the project\'s own =APA_TIER), the legend', () => {
    const s = env.data.sheets[0];
    expect(p.apaAddScoreColumns(english).ok).toBe(true);
    expect(p.apaHighlightTiers(english).ok).toBe(true);
    const rec = recordOf(env)!.sheets[String(s.id)];
    const cols = rec.columns!;
    expect([s.cells[cellA1(cols.top, cols.score)]?.v, s.cells[cellA1(cols.top, cols.tier)]?.v]).toEqual(columnHeaders('en'));
    // One array formula per run of the table: each ends with "en", and what it spills on an
    // indicator's row is that indicator's tier in English.
    const spilled = new Map<number, unknown>();
    for (let r = cols.top + 1; r <= cols.bottom; r++) {
      const f = s.cells[cellA1(r, cols.tier)]?.f;
      if (!f) continue;
      expect(f).toMatch(/,"en"\)$/);
      (evaluate(p, s, f) as unknown[][]).forEach((row, k) => spilled.set(r + k, row[0]));
    }
    const scored = core.result.indicators.filter((i) => i.status === 'scored');
    expect(scored.length).toBeGreaterThan(0);
    for (const x of scored) {
      const ach = x.indicator.achievements.find((a) => a.cumulative) ?? x.indicator.achievements[x.indicator.achievements.length - 1];
      expect(spilled.get(parseA1(ach.cell)!.row)).toBe(message(`tier.${x.tier ?? 'not-achieved'}`).en);
    }
    expect(s.cells[cellA1(rec.legend!.top, rec.legend!.col)]?.v).toBe('Legend');
    LEGEND_ORDER.forEach((k, i) => expect(s.cells[cellA1(rec.legend!.top + 1 + i, rec.legend!.col)]?.v).toBe(legendLabel(k, 'en')));
    // Back in Bengali: the same places, Bengali words.
    p.apaAddScoreColumns({ ...english, language: 'bn' });
    p.apaHighlightTiers({ ...english, language: 'bn' });
    expect(recordOf(env)!.sheets[String(s.id)].columns).toEqual(cols);
    expect(s.cells[cellA1(cols.top, cols.score)]?.v).toBe(SCORE_HEADER);
    expect(s.cells[cellA1(rec.legend!.top, rec.legend!.col)]?.v).toBe(legendTitle('bn'));
    p.apaRemoveAll();
    expect(snapshotDiff(before, snapshot(env.data))).toEqual([]);
  });

  test('the language is remembered per user (user properties), the settings in the spreadsheet (document properties); the menu\'s commands use both', () => {
    expect(p.apaPreferences()).toEqual({ language: null, settings: { mode: 'interpolate', na: 'rescale', final: false }, displayLanguage: 'bn' });
    expect(p.apaSaveLanguage('en')).toBeNull();
    const settings = { mode: 'floor', na: 'zero', final: true };
    expect(p.apaSaveSettings(settings)).toBeNull();
    expect(env.userProperties.get('apa-sheets.language')).toBe('en');
    expect(JSON.parse(env.documentProperties.get('apa-sheets.settings')!)).toEqual(settings);
    expect(p.apaPreferences()).toEqual({ language: 'en', settings, displayLanguage: 'bn' });
    expect(() => p.apaSaveLanguage('fr')).toThrow();
    // A command the sidebar sends without a context (or the menu's) runs with what is remembered.
    const r = p.apaCheckActiveSheet();
    expect(r.settings).toEqual(settings);
    expect(r.totals).toEqual(JSON.parse(JSON.stringify(scorePlan(readPlanOf(core), settings as never).totals)));
    p.apaMenuAddScoreColumns();
    const s = env.data.sheets[0];
    const cols = recordOf(env)!.sheets[String(s.id)].columns!;
    expect(s.cells[cellA1(cols.top, cols.score)]?.v).toBe('APA score');
    const formulas = Object.entries(s.cells).filter(([k, c]) => parseA1(k)!.col === cols.score && c.f).map(([, c]) => c.f!);
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/,"floor"\)$/);
    // The toast is in the user's language only, now that they picked one.
    const toast = env.toasts[env.toasts.length - 1].msg;
    expect(toast).toContain('Score and tier columns');
    expect(toast).not.toContain('কলাম');
    // Remove takes the settings away with everything else.
    env.SpreadsheetApp.getUi().answers.push('YES');
    p.apaMenuRemove();
    expect(env.documentProperties.has('apa-sheets.settings')).toBe(false);
    expect(snapshotDiff(before, snapshot(env.data))).toEqual([]);
  });

  test('a user who never picked a language gets their Google account\'s (English for en_US)', () => {
    env.userLocale = 'en_US';
    expect(p.apaPreferences().displayLanguage).toBe('en');
    p.apaMenuHighlightTiers();
    const s = env.data.sheets[0];
    const rec = recordOf(env)!.sheets[String(s.id)];
    expect(s.cells[cellA1(rec.legend!.top, rec.legend!.col)]?.v).toBe('Legend');
  });

  test('Remove from the menu says what it will take away and asks; No changes nothing', () => {
    p.apaMenuAddScoreColumns();
    p.apaMenuHighlightTiers();
    const once = json(snapshot(env.data));
    const preview = p.apaPreviewRemoval();
    expect(json(snapshot(env.data))).toBe(once);
    expect(preview).toMatchObject({ reportSheets: [], columns: 2, legends: 1, sheets: 1, nothing: false });
    expect(preview.rules).toBe(env.data.sheets[0].rules.filter((r) => String(r.values[0]).includes('"apa-sheets:')).length);
    env.SpreadsheetApp.getUi().answers.push('NO');
    p.apaMenuRemove();
    const asked = env.alerts[env.alerts.length - 1].prompt;
    expect(asked).toContain(removalPreviewText(preview).bn);
    expect(json(snapshot(env.data))).toBe(once);
    env.SpreadsheetApp.getUi().answers.push('YES');
    p.apaMenuRemove();
    expect(snapshotDiff(before, snapshot(env.data))).toEqual([]);
    expect(p.apaPreviewRemoval().nothing).toBe(true);
  });

  test('two users: a command that writes holds the document lock; while another\'s run holds it, the second waits, then is told kindly, and nothing is written', () => {
    const from = env.mark();
    p.apaAddScoreColumns(english);
    const used = env.callsSince(from).byMethod;
    expect(used['Lock.tryLock']).toBe(1);
    expect(used['Lock.releaseLock']).toBe(1);
    expect(env.documentLock.held).toBe(false);
    const once = json(snapshot(env.data));
    env.documentLock.other = true;
    const t0 = env.clock.now;
    let err: unknown;
    try {
      p.apaHighlightTiers(english);
    } catch (e) {
      err = e;
    }
    expect(JSON.parse((err as Error).message)).toEqual(message('gas.busy'));
    expect(env.clock.now - t0).toBeGreaterThanOrEqual(30_000);
    expect(() => p.apaConsolidate({ context: english })).toThrow(/Someone else is running/);
    expect(() => p.apaRemoveAll()).toThrow(/Someone else is running/);
    // The menu says the same in an alert.
    p.apaMenuHighlightTiers();
    expect(env.alerts[env.alerts.length - 1].prompt).toContain(message('gas.busy').bn);
    // Reading is not held up.
    expect(p.apaCheckActiveSheet(english).plan).not.toBeNull();
    // An edit does not wait: it is skipped, and the next one colours.
    p.onEdit(env.userEdit(env.data.sheets[0].name, 'A1', env.data.sheets[0].cells.A1?.v ?? null));
    expect(json(snapshot(env.data))).toBe(once);
    env.documentLock.other = false;
    expect(p.apaHighlightTiers(english).ok).toBe(true);
  });

  test('a failure Google reports is shown in our words, Google\'s as the detail', () => {
    env.data.sheets[0].maxRows = 1;
    let err: unknown;
    try {
      p.apaSelectCell(env.data.sheets[0].name, 'ZZ9999');
    } catch (e) {
      err = e;
    }
    const text = JSON.parse((err as Error).message);
    expect(text).toMatchObject({ bn: message('gas.failed').bn, en: message('gas.failed').en });
    expect(typeof text.detail).toBe('string');
  });
});

describe('the rules both hosts share', () => {
  test('the recorded place first: a copy of the header pair the user typed elsewhere is theirs, and stays', async () => {
    const env = newEnv(await spreadsheetFromXlsx(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx'))));
    const s = env.data.sheets[0];
    const p = loadGasProject(env);
    expect(p.apaAddScoreColumns().ok).toBe(true);
    const cols = recordOf(env)!.sheets[String(s.id)].columns!;
    // Above the script's columns, in a row that a scan row by row would meet first.
    env.setCell(s.name, cellA1(0, cols.score), { v: SCORE_HEADER });
    env.setCell(s.name, cellA1(0, cols.tier), { v: TIER_HEADER });
    const withDecoy = json(snapshot(env.data));
    p.apaAddScoreColumns();
    expect(json(snapshot(env.data))).toBe(withDecoy);
    p.apaRemoveAll();
    expect([s.cells[cellA1(0, cols.score)]?.v, s.cells[cellA1(0, cols.tier)]?.v]).toEqual([SCORE_HEADER, TIER_HEADER]);
    expect(s.cells[cellA1(cols.top, cols.score)]?.v).toBeUndefined();
  });

  test('a version-1 record of an earlier script (one watched rectangle) is read: edits are followed and Remove takes all away', async () => {
    const env = newEnv(await spreadsheetFromXlsx(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx'))));
    const s = env.data.sheets[0];
    const before = snapshot(env.data);
    const p = loadGasProject(env);
    expect(p.apaHighlightTiers().ok).toBe(true);
    const md = env.data.metadata.find((m) => m.key === 'apa-sheets.owned')!;
    const rec = JSON.parse(md.value!);
    const watched = (rec.sheets[String(s.id)].watch as string[]).map((a) => parseAreaText(a));
    const box = { top: Math.min(...watched.map((w) => w.top)), left: Math.min(...watched.map((w) => w.left)), bottom: Math.max(...watched.map((w) => w.bottom)), right: Math.max(...watched.map((w) => w.right)) };
    md.value = JSON.stringify({ ...rec, version: 1, sheets: { [String(s.id)]: { ...rec.sheets[String(s.id)], watch: box } }, imports: undefined });
    const core = await corePlan('002-khulna-library.xlsx');
    const pending = core.result.indicators.find((x) => x.status === 'pending' && x.achievementCells.length === 1)!;
    const original = s.cells[pending.achievementCells[0]]?.v ?? null;
    // An impossible date cannot be scored (progress in words would be pending, not invalid).
    p.onEdit(env.userEdit(s.name, pending.achievementCells[0], '৩১০-০৬-২০২০'));
    const rule = s.rules.find((x) => x.values[0] === '=N("apa-sheets:invalid")=0')!;
    expect(rule.ranges.some((a) => { const x = parseAreaText(a); const q = parseA1(pending.achievementCells[0])!; return q.row >= x.top && q.row <= x.bottom && q.col >= x.left && q.col <= x.right; })).toBe(true);
    env.userEdit(s.name, pending.achievementCells[0], original);
    p.apaRemoveAll();
    expect(snapshotDiff(before, snapshot(env.data))).toEqual([]);
  });

  test(`cell text: at most Excel's ${MAX_CELL_TEXT.toLocaleString('en')} characters, as in Excel and the CLI's files`, async () => {
    const data = await spreadsheetFromXlsx(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx')));
    const env = newEnv(data);
    const s = env.data.sheets[0];
    const core = await corePlan('002-khulna-library.xlsx');
    const ind = core.result.indicators[0].indicator;
    env.setCell(s.name, ind.cell, { v: `[${ind.id}] ${ind.name} ${'ক'.repeat(40_000)}` });
    const r = loadGasProject(env).apaConsolidate({});
    expect(r.done).toBe(r.total);
    const spec = consolidationWorkbook(r.consolidation).sheets[1];
    const sheet = env.data.sheets.find((x) => x.name === r.written[1])!;
    const col = columnOf(spec, 'name');
    const texts = Object.entries(sheet.cells).filter(([k]) => parseA1(k)!.col === col).map(([, c]) => String(c.v ?? ''));
    expect(Math.max(...texts.map((t) => t.length))).toBe(MAX_CELL_TEXT);
  });
});

// ── Consolidate ─────────────────────────────────────────────────────────────────────────────

/** A spreadsheet whose tabs are the seed plan sheets (named by seed) plus a non-plan tab. */
// ── What the user changed stays theirs: ownership follows the sheet's id (Sheets) ────────────

describe('what the user changed stays theirs in Sheets: ownership follows the sheet\'s id', () => {
  const FILE = '002-khulna-library.xlsx';
  const load = async () => newEnv(await spreadsheetFromXlsx(fs.readFileSync(path.join(dir, FILE))));
  const sheetSnap = (env: FakeGas, name: string) => snapshot(env.data).sheets.find((x) => x.name === name);
  const headerPairs = (s: FakeSheetData) => Object.values(s.cells).filter((c) => c.v === SCORE_HEADER).length;
  const apaFormulas = (env: FakeGas) => env.data.sheets.flatMap((s) => Object.entries(s.cells).filter(([, c]) => /^=APA_/i.test(c.f ?? '')).map(([k, c]) => `${s.name}!${k}: ${c.f}`));
  const renamed = (snap: SpreadsheetSnapshot, from: string, to: string): SpreadsheetSnapshot => ({ ...snap, sheets: snap.sheets.map((x) => (x.name === from ? { ...x, name: to } : x)) });

  test('a renamed owned sheet is still owned: its columns and colours are replaced where they are, and Remove takes them away', async () => {
    const env = await load();
    const s = env.data.sheets[0];
    const before = snapshot(env.data);
    const p = loadGasProject(env);
    expect(p.apaAddScoreColumns().ok).toBe(true);
    expect(p.apaHighlightTiers().ok).toBe(true);
    const cols = recordOf(env)!.sheets[String(s.id)].columns!;
    const rules = s.rules.length;
    const name = s.name;
    env.userRenameSheet(name, 'অগ্রগতি ২০২৫');
    expect(p.apaAddScoreColumns().ok).toBe(true);
    expect(p.apaHighlightTiers().ok).toBe(true);
    expect(recordOf(env)!.sheets[String(s.id)].columns).toEqual(cols);
    expect(headerPairs(s)).toBe(1);
    expect(s.rules).toHaveLength(rules);
    p.apaRemoveAll();
    expect(snapshotDiff(renamed(before, name, 'অগ্রগতি ২০২৫'), snapshot(env.data))).toEqual([]);
  });

  test('a renamed report sheet is still owned: the next run replaces it', async () => {
    const env = await load();
    const p = loadGasProject(env);
    const first = p.apaConsolidate({});
    env.userRenameSheet(first.written[0], 'আমার সারাংশ');
    const again = p.apaConsolidate({});
    expect(again.written).toEqual(first.written);
    expect(env.data.sheets.map((x) => x.name)).not.toContain('আমার সারাংশ');
    expect(env.data.sheets).toHaveLength(1 + first.written.length);
  });

  test('a duplicate of an owned sheet is the user\'s (its metadata copied, a new id): never cleared or written over — with the user\'s notes in it — on a re-run or Remove', async () => {
    const env = await load();
    const s = env.data.sheets[0];
    const before = snapshot(env.data);
    const p = loadGasProject(env);
    p.apaAddScoreColumns();
    p.apaHighlightTiers();
    p.apaConsolidate({});
    const cols = recordOf(env)!.sheets[String(s.id)].columns!;
    const copy = env.userDuplicateSheet(s.name);
    expect(copy.id).not.toBe(s.id);
    expect(copy.metadata.length).toBe(s.metadata.length);
    env.setCell(copy.name, cellA1(cols.top + 1, cols.score), { v: 'পরিদর্শনের নোট' });
    env.setCell(copy.name, cellA1(cols.bottom + 3, cols.score), { v: 'স্বাক্ষর' });
    const copied = sheetSnap(env, copy.name);
    env.activate(s.name);
    p.apaAddScoreColumns();
    p.apaHighlightTiers();
    const report = p.apaConsolidate({});
    expect(report.consolidation.groups.flatMap((g: { offices: { sheet: string }[] }) => g.offices.map((o) => o.sheet))).toContain(copy.name);
    expect(sheetSnap(env, copy.name)).toEqual(copied);
    p.apaRemoveAll();
    expect(sheetSnap(env, copy.name)).toEqual(copied);
    expect(sheetSnap(env, s.name)).toEqual(before.sheets[0]);
  });

  test('a duplicate of a report sheet (its mark copied with it) is the user\'s: kept, with the user\'s notes in it, on a re-run and on Remove', async () => {
    const env = await load();
    const p = loadGasProject(env);
    const first = p.apaConsolidate({});
    const copy = env.userDuplicateSheet(first.written[0]);
    expect(copy.metadata.some((m) => m.key === REPORT_KEY)).toBe(true);
    env.setCell(copy.name, 'A1', { v: 'সভায় আলোচিত' });
    const copied = sheetSnap(env, copy.name);
    env.activate(env.data.sheets[0].name);
    p.apaConsolidate({});
    expect(sheetSnap(env, copy.name)).toEqual(copied);
    p.apaRemoveAll();
    expect(sheetSnap(env, copy.name)).toEqual(copied);
    expect(env.data.sheets.map((x) => x.name)).toEqual([env.data.sheets[0].name, copy.name]);
  });

  test('a sheet copied into another spreadsheet without the record keeps the signature below its table: Add score columns never writes over a cell that is not recorded and is not empty', async () => {
    const src = await load();
    loadGasProject(src).apaAddScoreColumns();
    const cols = recordOf(src)!.sheets[String(src.data.sheets[0].id)].columns!;
    const data = src.toJSON();
    // The tab goes with its cells and its row and column marks; the spreadsheet's record stays behind.
    const env = newEnv({ ...data, metadata: [] });
    const name = env.data.sheets[0].name;
    env.setCell(name, cellA1(cols.bottom + 2, cols.score), { v: 'স্বাক্ষর: পরিচালক' });
    env.setCell(name, cellA1(cols.bottom + 3, cols.tier), { v: 'তারিখ: ২০/০১/২০২৫' });
    const before = snapshot(env.data).sheets[0].cells;
    const p = loadGasProject(env);
    expect(p.apaAddScoreColumns().ok).toBe(true);
    const after = snapshot(env.data).sheets[0].cells;
    for (const [a, v] of Object.entries(before)) expect([a, after[a]]).toEqual([a, v]);
    expect(recordOf(env)!.sheets[String(env.data.sheets[0].id)].columns!.score).toBeGreaterThan(cols.tier);
    p.apaRemoveAll();
    expect(snapshot(env.data).sheets[0].cells).toEqual(before);
  });

  test('owned formulas and formats are found after rows are inserted above the header and inside the table, and a column before it: Remove leaves no =APA_ formula behind, and the sheet as the user\'s insertions made it', async () => {
    const env = await load();
    const untouched = newEnv(JSON.parse(JSON.stringify(env.toJSON())));
    const s = env.data.sheets[0];
    const core = await corePlan(FILE);
    const p = loadGasProject(env);
    p.apaAddScoreColumns();
    p.apaHighlightTiers();
    const cols = recordOf(env)!.sheets[String(s.id)].columns!;
    const firstRow = Math.min(...core.result.indicators.flatMap((x) => x.achievementCells).map((c) => parseA1(c)!.row));
    const insert = (e: FakeGas) => {
      e.userInsertRows(s.name, 2, 3);
      e.userInsertRows(s.name, firstRow + 3 + 2, 2);
      e.userInsertColumns(s.name, 'A', 1);
    };
    insert(env);
    insert(untouched);
    expect(p.apaAddScoreColumns().ok).toBe(true);
    expect(headerPairs(s)).toBe(1);
    expect(recordOf(env)!.sheets[String(s.id)].columns).toMatchObject({ score: cols.score + 1, top: cols.top + 3 });
    expect(p.apaCheckActiveSheet().totals).toEqual(JSON.parse(JSON.stringify(core.result.totals)));
    p.apaRemoveAll();
    expect(apaFormulas(env)).toEqual([]);
    expect(snapshotDiff(snapshot(untouched.data), snapshot(env.data))).toEqual([]);
  });

  test('values only: the scores and tiers as plain values where the columns go, the note (date, settings, "APA Sheets <version>"); twice = once; live columns again in place; Remove takes it away', async () => {
    const env = await load();
    const s = env.data.sheets[0];
    const core = await corePlan(FILE);
    const before = snapshot(env.data);
    const beforeUser = snapshot(env.data, { userOnly: true });
    const p = loadGasProject(env);
    const r = p.apaValuesOnly();
    expectPlainJson(r);
    expect(r.ok).toBe(true);
    const cols = recordOf(env)!.sheets[String(s.id)].columns!;
    const spec = valuesColumns(core.grid, core.result, { language: 'bn', today: TODAY, version: APP_VERSION });
    expect(cols).toEqual({ score: cols.score, tier: cols.score + 1, top: spec.top, bottom: spec.bottom, values: true });
    spec.rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        const got = s.cells[cellA1(spec.top + i, cols.score + j)];
        expect(got?.f).toBeUndefined();
        expect(got?.v ?? '').toBe(cell.v ?? '');
      }),
    );
    expect(String(s.cells[cellA1(spec.bottom, cols.score)]?.v)).toContain(`APA Sheets ${APP_VERSION}`);
    expect(json(userView(env))).toBe(json(beforeUser));
    const once = json(snapshot(env.data));
    p.apaValuesOnly();
    expect(json(snapshot(env.data))).toBe(once);
    p.apaAddScoreColumns();
    expect(recordOf(env)!.sheets[String(s.id)].columns!.score).toBe(cols.score);
    expect(apaFormulas(env).length).toBeGreaterThan(0);
    p.apaValuesOnly();
    expect(json(snapshot(env.data))).toBe(once);
    p.apaRemoveAll();
    expect(snapshotDiff(before, snapshot(env.data))).toEqual([]);
  });
});

async function seedSpreadsheet(): Promise<{ env: FakeGas; tabs: string[] }> {
  const env = newEnv({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 100 });
  const tabs: string[] = [];
  for (const file of SEEDS) {
    const core = await corePlan(file);
    const data = (await sheetsFromXlsx(fs.readFileSync(path.join(dir, file)))).find((s) => s.name === core.sheet)!;
    const name = file.replace(/\.xlsx$/, '');
    env.addSheetData({ ...data, id: undefined }, name);
    tabs.push(name);
  }
  env.addSheetData({ name: 'নির্দেশনা', maxRows: 1000, maxColumns: 26, cells: { A1: { v: 'এই ফাইলে দপ্তরগুলোর অগ্রগতি প্রতিবেদন আছে।' }, A2: { v: 'Instructions' } }, merges: [], rules: [], metadata: [], charts: [], frozenRows: 0, frozenColumns: 0, columnWidths: {} });
  env.addUserRule(tabs[2], ['K14:K20'], '=K14=""', '#EEEEEE');
  return { env, tabs };
}

/** The user's tabs hold exactly what they held (cells, merges, rules, grid, metadata). */
function expectUserTabsUnchanged(before: SpreadsheetSnapshot, env: FakeGas, names: string[]): void {
  const now = snapshot(env.data);
  expect(now.sheets.slice(0, names.length).map((s) => s.name)).toEqual(names);
  for (const name of names) expect(now.sheets.find((s) => s.name === name)).toEqual(before.sheets.find((s) => s.name === name));
}

describe('consolidate the seed tabs', () => {
  let env: FakeGas;
  let p: GasProject;
  let tabs: string[];
  let before: SpreadsheetSnapshot;

  beforeAll(async () => {
    ({ env, tabs } = await seedSpreadsheet());
    before = snapshot(env.data);
    p = loadGasProject(env);
  });

  test('every other tab is one office; summary, per-indicator and problems sheets with links and a chart', async () => {
    const from = env.mark();
    const r = p.apaConsolidate({});
    noteCalls('consolidate', 'seed tabs', env, from);
    expectPlainJson(r);
    expect(r.done).toBe(r.total);
    expect(r.total).toBe(tabs.length + 2);
    expect(r.resumeFrom).toBeUndefined();
    expect(allOffices(r.consolidation)).toHaveLength(tabs.length);
    expect(r.skipped.map((s: { sheet: string }) => s.sheet)).toEqual(['নির্দেশনা']);
    // One summary per group of plan kind, year and quarter (§9), then the per-indicator and problems sheets.
    expect(r.written).toHaveLength(r.consolidation.groups.length + 2);
    const names = env.data.sheets.map((s) => s.name);
    expect(names.slice(0, tabs.length + 1)).toEqual([...tabs, 'নির্দেশনা']);
    expect(names.slice(tabs.length + 1)).toEqual(r.written);
    const reports = env.data.sheets.slice(tabs.length + 1);
    for (const s of reports) expect(s.metadata.map((m) => m.key)).toEqual([REPORT_KEY]);
    const summaries = reports.slice(0, -2);
    const [summary] = summaries;
    const problems = reports[reports.length - 1];
    // Office rows: the tab's link leads to its header row; percents carry their tier colour.
    const gid = new Map(env.data.sheets.map((s) => [s.name, s.id]));
    const links = summaries.flatMap((x) => Object.values(x.cells)).map((c) => c.f).filter((f): f is string => !!f && f.startsWith('=HYPERLINK('));
    expect(links).toHaveLength(tabs.length);
    for (const f of links) {
      const m = /^=HYPERLINK\("#gid=(\d+)&range=(A\d+)","(.+)"\)$/.exec(f)!;
      expect(m).not.toBeNull();
      expect(gid.get(m[3])).toBe(Number(m[1]));
    }
    // Problems lead to their cells.
    const problemLinks = Object.values(problems.cells).map((c) => c.f).filter((f): f is string => !!f);
    expect(problemLinks.length).toBeGreaterThan(0);
    for (const f of problemLinks) expect(f).toMatch(/^=HYPERLINK\("#gid=\d+&range=[A-Z]+\d+","[A-Z]+\d+"\)$/);
    // One link colour in every output.
    const linkCells = [...Object.values(summary.cells), ...Object.values(problems.cells)].filter((c) => c.f?.startsWith('=HYPERLINK('));
    for (const c of linkCells) expect(c.fc?.toLowerCase()).toBe(LINK_FONT.toLowerCase());
    // Text stays text (ids like 4.1.2 are not numbers or dates).
    const ids = Object.values(reports[reports.length - 2].cells).map((c) => c.v).filter((v) => typeof v === 'string' && /^\d+(\.\d+)+$/.test(v));
    expect(ids.length).toBeGreaterThan(0);
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0].type).toBe('BAR');
    // The chart's categories are the office column; one series per band (from the header row:
    // the series' names), each in its band's colour, stacked, with a legend.
    const chart = consolidationWorkbook(r.consolidation).sheets[0].chart!;
    const { categories } = chart;
    const column = (c: number) => `${cellA1(categories.firstRow - 1, c)}:${cellA1(categories.lastRow, c)}`;
    expect(summary.charts[0].ranges).toEqual([column(categories.column), ...chart.series.map((x) => column(x.column))]);
    expect(summary.charts[0].options).toMatchObject({ numHeaders: 1, isStacked: true, legend: { position: 'bottom' }, title: chart.title });
    expect(Object.values(summary.charts[0].options.series as Record<string, { color: string }>).map((x) => x.color)).toEqual(chart.series.map((x) => x.fill));
    expect(summary.frozenRows).toBe(3);
    expectUserTabsUnchanged(before, env, [...tabs, 'নির্দেশনা']);
  });

  test('re-running replaces only the report sheets (twice = once); the user\'s tabs are untouched; Remove restores everything', () => {
    const once = json(snapshot(env.data));
    p.apaConsolidate({});
    expect(json(snapshot(env.data))).toBe(once);
    expectUserTabsUnchanged(before, env, [...tabs, 'নির্দেশনা']);
    const r = p.apaRemoveAll();
    expect(r.changed).toBeGreaterThanOrEqual(3);
    expect(snapshotDiff(before, snapshot(env.data))).toEqual([]);
  });

  test('a report sheet copied from another spreadsheet (another token) is the user\'s and stays', () => {
    p.apaConsolidate({});
    const copy = env.data.sheets.find((s) => s.metadata.some((m) => m.key === REPORT_KEY))!;
    env.addSheetData({ ...JSON.parse(JSON.stringify(copy)), id: undefined, metadata: [{ id: 1, key: REPORT_KEY, value: 'another-token', visibility: 'DOCUMENT' }] }, 'copied report');
    p.apaConsolidate({});
    expect(env.data.sheets.map((s) => s.name)).toContain('copied report');
    p.apaRemoveAll();
    expect(env.data.sheets.map((s) => s.name)).toContain('copied report');
  });
});

/** Simulated cost of a service call on a slow day: what reads or writes the spreadsheet 1.5 s, the rest 20 ms. */
const slowDay = (m: string) =>
  /^(Range\.(get(Values|NumberFormats|MergedRanges|Formulas|Backgrounds|FontColors|FontWeights)|set\w+|clear)|RangeList\.set|Sheet\.(insert|delete|setConditionalFormatRules|getConditionalFormatRules|set)|Spreadsheet\.(insertSheet|deleteSheet|getSheets)|DeveloperMetadataFinder\.find)/.test(m) ? 1500 : 20;

describe('consolidate: a run whose reading ends past the write deadline writes in the next call', () => {
  test('three slow tabs: the first call reads them all and stops; the second only writes', async () => {
    const { env } = await seedSpreadsheet();
    env.data.sheets = env.data.sheets.slice(0, 3);
    const untouched = json(snapshot(env.data));
    // 100 s per read of a tab's values: the third tab ends at ≈ 5 minutes, past the 4.5-minute deadline for writing.
    env.clock.cost = (m) => (m === 'Range.getValues' ? 100_000 : 0);
    const p = loadGasProject(env);
    const first = p.apaConsolidate({});
    expect([first.done, first.total]).toEqual([3, 4]);
    expect(json(snapshot(env.data))).toBe(untouched);
    const from = env.mark();
    const second = p.apaConsolidate({ resumeFrom: first.resumeFrom });
    expect([second.done, second.total]).toEqual([4, 4]);
    expect(env.callsSince(from).byMethod['Range.getValues']).toBeUndefined();
    expect(allOffices(second.consolidation)).toHaveLength(3);
    expect(second.written).toHaveLength(second.consolidation.groups.length + 2);
  });
});

describe('consolidate 200 generated office tabs', () => {
  let base: FakeSpreadsheetData;

  beforeAll(async () => {
    const env = newEnv({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 100 });
    for (let i = 1; i <= 200; i++) {
      const [s] = await sheetsFromXlsx(await buildOfficeWorkbook(i));
      env.addSheetData({ ...s, id: undefined }, `দপ্তর ${i}`);
    }
    base = env.toJSON();
  }, 300_000);

  test('one read per tab, batched writes: a bounded number of service calls, next to the naive per-cell count', () => {
    const env = newEnv(base);
    const p = loadGasProject(env);
    const from = env.mark();
    const t0 = Date.now();
    const r = p.apaConsolidate({});
    const ms = Date.now() - t0;
    const used = env.callsSince(from);
    expect(r.done).toBe(r.total);
    expect(allOffices(r.consolidation)).toHaveLength(200);
    // One data range, one getValues, one getNumberFormats and one getMergedRanges per tab.
    expect(used.byMethod['Range.getValues']).toBe(200);
    expect(used.byMethod['Range.getNumberFormats']).toBe(200);
    expect(used.byMethod['Range.getMergedRanges']).toBe(200);
    expect(used.byMethod['Sheet.getDataRange']).toBe(200);
    // Writes: one setValues and one call per format kind per report sheet.
    expect(used.byMethod['Range.setValues']).toBe(3);
    expect(used.byMethod['Range.setBackgrounds']).toBe(3);
    expect(used.byMethod['Range.setFontColors']).toBe(3);
    expect(used.byMethod['Range.setFontWeights']).toBe(3);
    const merges = env.data.sheets.slice(0, 200).reduce((n, s) => n + s.merges.length, 0);
    expect(used.total).toBeLessThanOrEqual(200 * 6 + merges + 200);

    // The naive way: every cell of every tab read by itself (getRange + getValue + getNumberFormat),
    // every report cell written by itself (getRange + setValue + setNumberFormat + setBackground +
    // setFontColor + setFontWeight).
    const sourceCells = env.data.sheets.slice(0, 200).reduce((n, s) => {
      let rows = 0;
      let cols = 0;
      for (const k of Object.keys(s.cells)) {
        if (s.cells[k].v === undefined && s.cells[k].f === undefined) continue;
        const q = parseA1(k)!;
        rows = Math.max(rows, q.row + 1);
        cols = Math.max(cols, q.col + 1);
      }
      return n + rows * cols;
    }, 0);
    const reportSheets = env.data.sheets.filter((s) => s.metadata.some((m) => m.key === REPORT_KEY));
    const reportCells = reportSheets.reduce((n, s) => {
      let rows = 0;
      let cols = 0;
      for (const k of Object.keys(s.cells)) {
        const q = parseA1(k)!;
        rows = Math.max(rows, q.row + 1);
        cols = Math.max(cols, q.col + 1);
      }
      return n + rows * cols;
    }, 0);
    const naive = sourceCells * 3 + 200 * 2 + reportCells * 6;
    // Calls that read or write the spreadsheet's data (the slow ones); the rest read properties of
    // objects already in hand (names, ids, the merged areas' A1 addresses) or build requests.
    const dataCalls = Object.entries(used.byMethod).reduce((n, [m, k]) => n + (slowDay(m) > 20 ? k : 0), 0);
    report.consolidate200 = {
      tabs: 200,
      serviceCalls: used.total,
      dataCalls,
      byMethod: used.byMethod,
      perTab: Math.round((used.total / 200) * 10) / 10,
      mergedAreasRead: merges,
      naive: { serviceCalls: naive, sourceCells, reportCells, rule: 'per source cell: getRange + getValue + getNumberFormat; per tab: getSheets entry + getMergedRanges; per report cell: getRange + setValue + setNumberFormat + setBackground + setFontColor + setFontWeight' },
      ratio: Math.round((naive / used.total) * 10) / 10,
      nodeMilliseconds: ms,
    };
    expect(naive / used.total).toBeGreaterThan(20);
  });

  test('with the advanced Sheets service enabled (a deployer\'s choice): the merged areas are computed from one Sheets API answer, not asked of each area; the same workbook', () => {
    const plain = newEnv(base);
    loadGasProject(plain).apaConsolidate({});
    const env = FakeGas.fromJSON(base, { now: NOW, htmlFiles: htmlFiles(), sheetsApi: true });
    const from = env.mark();
    const r = loadGasProject(env).apaConsolidate({});
    const used = env.callsSince(from);
    expect(r.done).toBe(r.total);
    expect(json(snapshot(env.data))).toBe(json(snapshot(plain.data)));
    expect(used.byMethod['Sheets.Spreadsheets.get']).toBe(1);
    expect(used.byMethod['Range.getA1Notation']).toBeUndefined();
    expect(used.byMethod['Range.getMergedRanges']).toBeUndefined();
    const merges = env.data.sheets.slice(0, 200).reduce((n, s) => n + s.merges.length, 0);
    expect(merges).toBeGreaterThan(0);
    expect(used.total).toBeLessThanOrEqual(200 * 5 + 200 + 2);
    report.consolidate200WithSheetsApi = { tabs: 200, serviceCalls: used.total, byMethod: used.byMethod };
  });

  test('the Sheets API refusing (service enabled, API off in the Cloud project): each tab asks SpreadsheetApp, the same workbook', () => {
    const plain = newEnv(base);
    loadGasProject(plain).apaConsolidate({});
    const env = FakeGas.fromJSON(base, { now: NOW, htmlFiles: htmlFiles(), sheetsApi: true });
    env.Sheets!.Spreadsheets.get = () => {
      throw new Error('GoogleJsonResponseException: API call to sheets.spreadsheets.get failed with error: Google Sheets API has not been used in project 1 before or it is disabled.');
    };
    loadGasProject(env).apaConsolidate({});
    expect(json(snapshot(env.data))).toBe(json(snapshot(plain.data)));
  });

  test('near Apps Script\'s 6 minutes it stops, says how far it got, and resumes to the same result; nothing is written until the end', () => {
    const oneShot = newEnv(base);
    loadGasProject(oneShot).apaConsolidate({});
    const expected = json(snapshot(oneShot.data));

    const env = newEnv(base);
    const untouched = json(snapshot(env.data));
    // A slow day: every call that reads or writes the spreadsheet takes 1.5 s of simulated time,
    // any other call 20 ms (200 tabs ≈ 25 minutes of reading).
    env.clock.cost = slowDay;
    const p = loadGasProject(env);
    const runs: { done: number; total: number; simulatedSeconds: number; resumeFromBytes: number }[] = [];
    let resumeFrom: string | undefined;
    for (let i = 0; i < 50; i++) {
      const start = env.clock.now;
      const r = p.apaConsolidate(resumeFrom === undefined ? {} : { resumeFrom });
      const took = env.clock.now - start;
      expectPlainJson(r);
      runs.push({ done: r.done, total: r.total, simulatedSeconds: Math.round(took / 1000), resumeFromBytes: r.resumeFrom ? Buffer.byteLength(r.resumeFrom) : 0 });
      expect(took).toBeLessThan(EXECUTION_LIMIT_MS);
      if (r.done === r.total) break;
      expect(r.resumeFrom).toEqual(expect.any(String));
      expect(r.consolidation).toBeNull();
      // Between calls the spreadsheet is as it was: stopping (or cancelling) leaves nothing behind.
      expect(json(snapshot(env.data))).toBe(untouched);
      if (runs.length > 1) expect(r.done).toBeGreaterThan(runs[runs.length - 2].done);
      resumeFrom = r.resumeFrom;
    }
    expect(runs.length).toBeGreaterThan(2);
    expect(runs[runs.length - 1].done).toBe(runs[runs.length - 1].total);
    expect(json(snapshot(env.data))).toBe(expected);
    report.timeLimit = { costModel: 'data reads and writes 1.5 s each, other calls 20 ms', executionLimitSeconds: EXECUTION_LIMIT_MS / 1000, runs };

    // A stale resumeFrom (the tabs changed meanwhile) starts again from the first tab.
    const changed = newEnv(base);
    changed.data.sheets.pop();
    changed.clock.cost = slowDay;
    const r = loadGasProject(changed).apaConsolidate({ resumeFrom: runs.length > 1 ? JSON.stringify({ v: 1, tabs: [1, 2, 3], settings: {}, language: 'bn', next: 0, offices: [], skipped: [] }) : undefined });
    expect(r.done).toBeLessThan(r.total);
    const garbage = loadGasProject(newEnv(base)).apaConsolidate({ resumeFrom: '{"not":"a state"}' });
    expect(garbage.done).toBe(garbage.total);
  }, 300_000);
});
