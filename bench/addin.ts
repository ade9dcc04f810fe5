/** The Excel add-in's figures for `npm run bench` (`--only=addin` runs just these), each measured
 * next to its baseline in the same run:
 *
 * - task pane JavaScript size: the production build (the project's webpack.config.js, into a temp
 *   folder) — every local script taskpane.html loads (taskpane.js and functions.js), gzip level 9 —
 *   next to a bare React + Fluent UI page (test/addin/bare-page) built with the same options;
 * - time to first render in Debian's Chromium at 320×800: both builds served on 127.0.0.1 with
 *   office.js replaced by the stub (test/addin/office-stub.ts), each page opened fresh N times
 *   (a new browser context each time), medians;
 * - the add-in's sync budget: its commands run over the typed fake Excel (which counts every
 *   `context.sync()` and measures each request's and response's payload), next to naive code over
 *   the same fake that syncs once per tab read or per cell written.
 */
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { readWorkbookGrids } from '../cli/xlsx-grid';
import { allOffices } from '../core/consolidate';
import { PALETTE } from '../core/highlight';
import { readPlan } from '../core/layout';
import { createExcelWorkbook } from '../addin/src/workbook/excel-workbook';
import { buildOfficeWorkbook } from '../test/fixtures/build-fixtures';
import { ROOT, buildBarePage, buildDist, bundleOfficeStub, guardNetwork, launchChromium, serve } from '../test/addin/browser-helpers';
import { FakeSheetData, FakeWorkbook } from '../test/addin/fake-excel';
import { base64Loader, loadFakeWorkbook, sheetsFromXlsx } from '../test/addin/fake-excel-load';

/** One line of the bench table (the same shape as bench/run.ts's). */
export interface Row {
  what: string;
  command: string;
  ours: string;
  baseline: string;
  ratio: string;
  goal: string;
}

const args = process.argv.slice(2);
/** Page opens per page for the time to first render. */
const OPENS = Number(args.find((a) => a.startsWith('--opens='))?.split('=')[1] ?? 15);
const TABS = 200;
const SEED = '002-khulna-library.xlsx';
const VIEWPORT = { width: 320, height: 800 };
/** Excel on the web's limit per request and per response. */
const LIMIT = 5_000_000;
/** An element each page renders once React has rendered its app. */
const PANE_READY = '[data-testid="tab-check"]';
const BARE_READY = '[data-testid="bare-button"]';
const COMMAND = 'npm run bench -- --only=addin';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** Decimal units (kB = 1,000 bytes, MB = 1,000,000), as Excel's 5 MB payload limit is 5,000,000
 * bytes; for the size goal they are the stricter reading (a KiB figure would be smaller). */
const kb = (bytes: number) => `${fmt(bytes / 1000, 1)} kB`;
const bytes = (n: number) => (n >= 1_000_000 ? `${fmt(n / 1_000_000, 2)} MB` : n >= 1000 ? kb(n) : `${fmt(n)} B`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ── 1. Size ──────────────────────────────────────────────────────────────────────────────────

/** The local scripts a built page loads, in order (office.js and other URLs left out). */
async function pageScripts(dir: string, html: string): Promise<string[]> {
  const text = await fs.readFile(path.join(dir, html), 'utf8');
  // The production page is minified: attribute values may be unquoted.
  const srcs = [...text.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]).filter((s) => !/^[a-z]+:|^\/\//i.test(s));
  if (!srcs.length) throw new Error(`${html} loads no local script`);
  return srcs.map((s) => s.replace(/^\.?\//, ''));
}

async function gzipSizes(dir: string, files: string[]): Promise<{ file: string; raw: number; gzip: number }[]> {
  return Promise.all(
    files.map(async (file) => {
      const buf = await fs.readFile(path.join(dir, file));
      return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    }),
  );
}

function sizeRow(pane: { file: string; raw: number; gzip: number }[], bare: { file: string; raw: number; gzip: number }[]): Row {
  const paneTotal = pane.reduce((n, f) => n + f.gzip, 0);
  const bareTotal = bare.reduce((n, f) => n + f.gzip, 0);
  const paneRaw = pane.reduce((n, f) => n + f.raw, 0);
  const bareRaw = bare.reduce((n, f) => n + f.raw, 0);
  return {
    what: 'task pane JavaScript, gzip level 9: every local script taskpane.html loads (production build, webpack.config.js, into a temp folder)',
    command: COMMAND,
    ours: `${kb(paneTotal)} = ${pane.map((f) => `${f.file} ${kb(f.gzip)}`).join(' + ')} (${kb(paneRaw)} minified)`,
    baseline: `${kb(bareTotal)}: bare React + Fluent UI page, ${bare.map((f) => f.file).join(' + ')} (${kb(bareRaw)} minified; \`test/addin/bare-page\`, same webpack options)`,
    ratio: `${fmt(paneTotal / bareTotal, 2)}× the bare page (+${kb(paneTotal - bareTotal)})`,
    goal: '≤ 250 KB gzip with React and Fluent UI',
  };
}

// ── 2. Time to first render ──────────────────────────────────────────────────────────────────

interface Render {
  /** performance.now() when the known element entered the DOM (a MutationObserver). */
  dom: number;
  /** first-contentful-paint, when Chromium reports it. */
  fcp: number | null;
}

/** Opens `url` in a fresh browser context and returns when `selector` was first in the DOM. */
async function openOnce(browser: Browser, origin: string, url: string, selector: string, stub: string): Promise<Render> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'bn-BD', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { violations } = await guardNetwork(page, origin, stub);
    // Scripts as strings: tsx's transform would add helpers (`__name`) that the page lacks.
    await page.addInitScript(`(() => {
      const sel = ${JSON.stringify(selector)};
      const observer = new MutationObserver(() => {
        if (window.__benchRender === undefined && document.querySelector(sel)) {
          window.__benchRender = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    })()`);
    await page.goto(url);
    await page.waitForSelector(selector);
    await page.waitForFunction('window.__benchRender !== undefined');
    const result = (await page.evaluate(`new Promise((resolve) => {
      const dom = window.__benchRender;
      const observer = new PerformanceObserver((list) => {
        const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
        if (e) resolve({ dom, fcp: e.startTime });
      });
      observer.observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve({ dom, fcp: null }), 1000);
    })`)) as Render;
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    if (violations.length) throw new Error(`${url} requested ${violations.join(', ')}`);
    return result;
  } finally {
    await context.close();
  }
}

async function renderRow(paneDir: string, bareDir: string): Promise<Row> {
  const stub = await bundleOfficeStub();
  const paneServer = await serve(paneDir);
  const bareServer = await serve(bareDir);
  const browser = await launchChromium();
  try {
    const pane = () => openOnce(browser, paneServer.origin, `${paneServer.origin}/taskpane.html`, PANE_READY, stub);
    const bare = () => openOnce(browser, bareServer.origin, `${bareServer.origin}/bare.html`, BARE_READY, stub);
    // One uncounted open of each (Chromium's first page pays for process start-up), then
    // alternate the two so that load on the machine falls on both alike.
    await pane();
    await bare();
    const paneRuns: Render[] = [];
    const bareRuns: Render[] = [];
    for (let i = 0; i < OPENS; i++) {
      paneRuns.push(await pane());
      bareRuns.push(await bare());
    }
    const p = median(paneRuns.map((r) => r.dom));
    const b = median(bareRuns.map((r) => r.dom));
    const fcp = (runs: Render[]) => {
      const xs = runs.map((r) => r.fcp).filter((x): x is number => x !== null);
      return xs.length === runs.length ? `, first contentful paint ${fmt(median(xs))} ms` : '';
    };
    const spread = (runs: Render[]) => {
      const xs = runs.map((r) => r.dom).sort((x, y) => x - y);
      return `${fmt(xs[0])}–${fmt(xs[xs.length - 1])}`;
    };
    return {
      what: `time to first render in Debian's Chromium (headless via playwright-core, ${VIEWPORT.width}×${VIEWPORT.height}, served on 127.0.0.1, office.js stubbed), median of ${OPENS} fresh opens`,
      command: COMMAND,
      ours: `${fmt(p)} ms until the pane's tabs are in the DOM (range ${spread(paneRuns)} ms${fcp(paneRuns)})`,
      baseline: `${fmt(b)} ms: bare React + Fluent UI page, until its button is in the DOM (range ${spread(bareRuns)} ms${fcp(bareRuns)})`,
      ratio: `${fmt(p / b, 2)}× the bare page's time`,
      goal: '— (reported next to the bare page)',
    };
  } finally {
    await browser.close();
    await paneServer.close();
    await bareServer.close();
  }
}

// ── 3. Sync budget ───────────────────────────────────────────────────────────────────────────

interface Budget {
  syncs: number;
  maxRequest: number;
  maxResponse: number;
}

async function measured<T>(wb: FakeWorkbook, f: () => Promise<T>): Promise<{ result: T } & Budget> {
  const from = wb.syncs.length;
  const result = await f();
  await wb.idle();
  const failed = wb.syncs.slice(from).filter((s) => s.failed);
  if (failed.length) throw new Error(`a sync failed: ${failed.map((s) => s.failed).join(', ')}`);
  const s = wb.statsSince(from);
  return { result, syncs: s.syncs, maxRequest: s.maxRequest, maxResponse: s.maxResponse };
}

const payload = (s: Budget) => `largest request ${bytes(s.maxRequest)}, response ${bytes(s.maxResponse)}`;
const syncs = (n: number) => `${fmt(n)} sync${n === 1 ? '' : 's'}`;

/** The seed's plan sheet, as the CLI's reader finds it. */
async function planSheet(file: string): Promise<string> {
  const { grids } = await readWorkbookGrids(file, path.basename(file));
  const g = grids.find((x) => readPlan(x).kind === 'plan');
  if (!g) throw new Error(`no plan in ${file}`);
  return g.sheet;
}

async function seedWorkbook(file: string, sheet: string): Promise<FakeWorkbook> {
  const wb = await loadFakeWorkbook(await fs.readFile(file), { limit: LIMIT });
  wb.activate(sheet);
  return wb;
}

async function syncRows(): Promise<Row[]> {
  const file = path.join(ROOT, 'samples', SEED);
  const sheet = await planSheet(file);
  const wb = await seedWorkbook(file, sheet);
  const api = createExcelWorkbook(wb.run, { restoreHandlers: false });

  // check: ours, and the floor: one sync that reads the used range's values and number formats.
  const check = await measured(wb, () => api.checkActiveSheet());
  if (!check.result.plan) throw new Error(`check found no plan on ${SEED}`);
  const floor = await measured(wb, () =>
    wb.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
      used.load(['address', 'values', 'numberFormat']);
      await ctx.sync();
    }),
  );

  // highlight: ours, and naive code on a fresh copy: one sync per achievement cell coloured.
  const highlight = await measured(wb, () => api.highlightTiers());
  if (!highlight.result.ok) throw new Error(`highlight failed on ${SEED}`);
  const cells = check.result.indicators.flatMap((i) => i.cells.map((cell) => ({ cell, swatch: PALETTE[i.key] })));
  const naiveWb = await seedWorkbook(file, sheet);
  const naiveHighlight = await measured(naiveWb, () =>
    naiveWb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      for (const { cell, swatch } of cells) {
        const r = ws.getRange(cell);
        r.format.fill.color = swatch.fill;
        r.format.font.color = swatch.font;
        await ctx.sync();
      }
    }),
  );

  // consolidate over 200 generated office tabs: ours, and naive reads (one sync per tab).
  const tabs: FakeSheetData[] = [];
  for (let i = 1; i <= TABS; i++) tabs.push((await sheetsFromXlsx(await buildOfficeWorkbook(i)))[0]);
  const officeWorkbook = () => {
    const w = new FakeWorkbook({ loader: base64Loader, limit: LIMIT });
    for (const s of tabs) w.addSheetData(s, w.uniqueName(s.name));
    return w;
  };
  const cwb = officeWorkbook();
  const consolidate = await measured(cwb, () => createExcelWorkbook(cwb.run, { restoreHandlers: false }).consolidate({}));
  const offices = (consolidate.result.consolidation ? allOffices(consolidate.result.consolidation).length : 0);
  if (offices !== TABS) throw new Error(`consolidate found ${offices} of ${TABS} offices`);
  const nwb = officeWorkbook();
  const naiveReads = await measured(nwb, () =>
    nwb.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      for (const ws of sheets.items) {
        ws.getUsedRangeOrNullObject(true).load(['address', 'values', 'numberFormat']);
        await ctx.sync();
      }
    }),
  );

  const all = [check, highlight, consolidate];
  const largest = Math.max(...all.map((s) => Math.max(s.maxRequest, s.maxResponse)));
  const row = (what: string, s: Budget, base: string, baseSyncs: number, goal: string): Row => ({
    what: `${what} (typed fake Excel, test/addin/fake-excel.ts)`,
    command: COMMAND,
    ours: `${syncs(s.syncs)}; ${payload(s)}`,
    baseline: base,
    ratio: `${fmt(s.syncs / baseSyncs, s.syncs / baseSyncs < 0.1 ? 3 : 2)}× the baseline's syncs`,
    goal,
  });
  return [
    row(
      `add-in: Check this sheet on office 002 (\`${SEED}\`), \`context.sync()\` calls`,
      check,
      `${syncs(floor.syncs)}: the floor, one read of the used range's values + number formats (${payload(floor)})`,
      floor.syncs,
      `≤ 3 syncs, no payload over 5 MB`,
    ),
    row(
      `add-in: Highlight tiers on office 002, \`context.sync()\` calls`,
      highlight,
      `${syncs(naiveHighlight.syncs)}: naive, one sync per achievement cell coloured (${cells.length} cells, legend not counted; ${payload(naiveHighlight)})`,
      naiveHighlight.syncs,
      `≤ 3 syncs, no payload over 5 MB`,
    ),
    row(
      `add-in: Consolidate ${TABS} generated office tabs (\`buildOfficeWorkbook\`), \`context.sync()\` calls`,
      consolidate,
      `${syncs(naiveReads.syncs)}: naive, one sync to list the tabs + one per tab read, the report's writes not counted (${payload(naiveReads)})`,
      naiveReads.syncs,
      `≤ 5 syncs, no payload over 5 MB`,
    ),
    {
      what: 'add-in: largest request or response of the three commands above (UTF-8 JSON bytes, as the fake measures them)',
      command: COMMAND,
      ours: bytes(largest),
      baseline: `${bytes(LIMIT)}: Excel on the web's limit per request and per response`,
      ratio: `${fmt(largest / LIMIT, 3)}× the limit`,
      goal: 'no payload over 5 MB',
    },
  ];
}

// ── All of them ──────────────────────────────────────────────────────────────────────────────

export async function addinFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'apa-bench-addin-'));
  try {
    const paneDir = path.join(tmp, 'pane');
    const bareDir = path.join(tmp, 'bare');
    // The real build (never dist/, which a developer or a test may be using) and the bare page.
    await buildDist(['--output-path', paneDir]);
    await buildBarePage(bareDir);
    const paneScripts = await pageScripts(paneDir, 'taskpane.html');
    for (const must of ['taskpane.js', 'functions.js']) if (!paneScripts.includes(must)) throw new Error(`taskpane.html does not load ${must}: ${paneScripts.join(', ')}`);
    rows.push(sizeRow(await gzipSizes(paneDir, paneScripts), await gzipSizes(bareDir, await pageScripts(bareDir, 'bare.html'))));
    rows.push(await renderRow(paneDir, bareDir));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  rows.push(...(await syncRows()));
  return rows;
}
