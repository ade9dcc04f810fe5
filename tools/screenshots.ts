/**
 * `npm run screenshots`: the pictures in the README and in docs/user-guide.bn.md, made from the
 * project's own code into docs/images/:
 *
 * - excel-check.png, excel-highlight.png: the built Excel task pane (the production webpack build,
 *   what `npm run build` writes to dist/) in Debian's Chromium, office.js stubbed over the typed
 *   fake Excel holding seed workbook 002 — after "এই শিট যাচাই করুন" and after "স্তর অনুযায়ী রং করুন",
 *   in Bengali. The same set-up as test/addin/browser.test.ts.
 * - sheets-consolidate.png: the built Google Sheets sidebar (Sidebar.html and the Apps Script
 *   bundle, what `npm run build:gas` writes) over the typed fakes of the Apps Script services
 *   holding the four seed offices as tabs, after "একত্র করুন". The same set-up as
 *   test/appsscript/sidebar.test.ts.
 * - consolidated.png: the summary sheet of out/consolidated.xlsx, which `npm run demo` writes,
 *   rendered by LibreOffice (PDF, one page per sheet) and pdftoppm; consolidated-bn.png: the same
 *   workbook in Bengali (`apa consolidate samples --bn`). Both are cropped to the summary's
 *   columns before the tier legend (rank, office, score … problems) so the text stays readable.
 *
 * The builds go to temporary folders (dist/ and appsscript/build/ may be in use), nothing leaves
 * 127.0.0.1, and every PNG must stay under 300 KB.
 *
 * Needs /usr/bin/chromium, fonts-noto-core, soffice (libreoffice-calc) and pdftoppm/pdftotext
 * (poppler-utils).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Locator, Page } from 'playwright-core';
import { message } from '../core/messages';
import { PALETTE } from '../core/highlight';
import { CHROMIUM, ROOT, buildDist, bundleOfficeStub, guardNetwork, launchChromium, serve } from '../test/addin/browser-helpers';
import { sheetsFromXlsx as excelSheetsFromXlsx } from '../test/addin/fake-excel-load';
import type { FakeSheetData } from '../test/addin/fake-excel';
import type { FakeSpreadsheetData } from '../test/appsscript/fakes';
import { newSheetData } from '../test/appsscript/fakes';
import { sheetsFromXlsx as gasSheetsFromXlsx } from '../test/appsscript/fakes-load';
import { pushOrder } from '../test/appsscript/gas-project';
import { SIDEBAR_SIZE, bundleForPage } from '../test/appsscript/sidebar-helpers';

const run = promisify(execFile);

const IMAGES = path.join(ROOT, 'docs', 'images');
const SAMPLES = path.join(ROOT, 'samples');
const SEEDS = ['000-mopa-egov-2021-22-q1.xlsx', '001-lged-egov-2022-23-q3.xlsx', '002-khulna-library.xlsx', '003-skt.xlsx'];
const MAX_BYTES = 300 * 1024;
/** Screenshots at twice the CSS pixels: sharp Bengali on a high-density screen, still small files. */
const SCALE = 2;
/** The task pane's width in Excel on the web and on Windows (about 320 CSS px). */
const PANE = { width: 320, height: 720 } as const;

const started = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${s}`);

function need(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

/** Runs a command, its output shown only when it fails. */
async function sh(cmd: string, args: string[], options: { cwd?: string; timeout?: number } = {}): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { cwd: options.cwd ?? ROOT, timeout: options.timeout ?? 300_000, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** `npm run demo`, its output kept quiet. */
function npmRunDemo(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'demo'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm run demo exited with ${code}\n${stderr}`))));
  });
}

async function checkPng(file: string): Promise<void> {
  const bytes = (await fs.stat(file)).size;
  const head = await fs.readFile(file);
  const width = head.readUInt32BE(16);
  const height = head.readUInt32BE(20);
  log(`${path.relative(ROOT, file)}: ${width}×${height}, ${(bytes / 1024).toFixed(0)} KB`);
  need(bytes < MAX_BYTES, `${file} is ${bytes} bytes, over ${MAX_BYTES}`);
}

/** Waits for the page's fonts (Noto Sans Bengali) and two frames, so a screenshot shows settled text. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** A screenshot from the top of the page down to the bottom of `until` (or of the content), at most `maxHeight` CSS px. */
async function shoot(page: Page, name: string, maxHeight: number, until?: Locator): Promise<void> {
  await settle(page);
  const bottom = until
    ? await until.evaluate((el) => el.getBoundingClientRect().bottom)
    : await page.evaluate(() => (document.querySelector('main') ?? document.body).getBoundingClientRect().bottom);
  const { width } = page.viewportSize()!;
  await page.setViewportSize({ width, height: maxHeight });
  const file = path.join(IMAGES, name);
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width, height: Math.min(maxHeight, Math.ceil(bottom) + (until ? 2 : 12)) } });
  await checkPng(file);
}

/** Collects what the page must not do: page errors, console errors, requests elsewhere. */
function watch(page: Page, violations: string[]): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('websocket', (ws) => violations.push(ws.url()));
  return errors;
}

function clean(what: string, violations: string[], errors: string[]): void {
  need(violations.length === 0, `${what}: requests outside 127.0.0.1: ${violations.join(', ')}`);
  need(errors.length === 0, `${what}: ${errors.join('\n')}`);
}

// ── The Excel task pane ──────────────────────────────────────────────────────────────────────────

async function excelPane(browser: Browser, dist: string): Promise<void> {
  const server = await serve(dist);
  try {
    const stub = await bundleOfficeStub();
    const seed = { sheets: (await excelSheetsFromXlsx(await fs.readFile(path.join(SAMPLES, '002-khulna-library.xlsx')))) as FakeSheetData[] };
    const context = await browser.newContext({ viewport: PANE, deviceScaleFactor: SCALE, reducedMotion: 'reduce', locale: 'bn-BD', serviceWorkers: 'block' });
    const page = await context.newPage();
    const { violations } = await guardNetwork(page, server.origin, stub);
    const errors = watch(page, violations);
    await page.addInitScript((s) => {
      (window as unknown as { __APA_SEED__: unknown }).__APA_SEED__ = s;
    }, seed);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByTestId('tab-check').waitFor();
    need((await page.locator('html').getAttribute('lang')) === 'bn', 'the pane did not open in Bengali');

    // Check this sheet.
    await page.getByRole('button', { name: message('ui.check.run').bn }).click();
    await page.getByTestId('plan-office').waitFor();
    need((await page.getByTestId('plan-office').innerText()) === 'বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা', 'the pane shows another office');
    await page.locator('[data-problem-cell="G17"]').waitFor();
    // Down to the first two indicators with their tier chips.
    await shoot(page, 'excel-check.png', 1000, page.getByTestId('indicator-list').locator('li').nth(1));

    // Highlight tiers (the legend and the result).
    await page.getByTestId('tab-highlight').click();
    await page.getByTestId('panel-highlight').waitFor({ state: 'visible' });
    await page.getByTestId('highlight-run').click();
    await page.getByTestId('command-result').waitFor();
    await page.getByTestId('legend').waitFor();
    await shoot(page, 'excel-highlight.png', PANE.height);

    await context.close();
    clean('Excel task pane', violations, errors);
  } finally {
    await server.close();
  }
}

// ── The Google Sheets sidebar ────────────────────────────────────────────────────────────────────

function spreadsheet(sheets: FakeSpreadsheetData['sheets'], active: number): FakeSpreadsheetData {
  return { timeZone: 'Asia/Dhaka', sheets, metadata: [], activeSheetId: active, activeRange: 'A1', nextId: 1_000_000 };
}

async function sheetsSidebar(browser: Browser, out: string): Promise<void> {
  const scripts = await Promise.all(pushOrder(out).filter((f) => f.endsWith('.js')).map(async (name) => ({ name, code: await fs.readFile(path.join(out, name), 'utf8') })));
  const prelude = await bundleForPage(path.join(ROOT, 'test', 'appsscript', 'sidebar-page.ts'));
  // The four seed offices as tabs (ids kept unique) and a tab that is not a plan, active.
  const tabs: FakeSpreadsheetData['sheets'] = [];
  for (const file of SEEDS) {
    const sheets = await gasSheetsFromXlsx(await fs.readFile(path.join(SAMPLES, file)), { firstId: 100 * (tabs.length + 1) });
    tabs.push(...sheets.map((s) => ({ ...s, name: `${file.slice(0, 3)} ${s.name}` })));
  }
  const notes = newSheetData(9, 'নির্দেশনা', { cells: { A1: { v: 'প্রতিটি দপ্তরের অগ্রগতি আলাদা ট্যাবে রাখুন।' } } });
  const seed = spreadsheet([...tabs, notes], notes.id);

  const server = await serve(out);
  try {
    const context = await browser.newContext({ viewport: { width: SIDEBAR_SIZE.width, height: PANE.height }, deviceScaleFactor: SCALE, reducedMotion: 'reduce', locale: 'bn-BD', serviceWorkers: 'block' });
    const page = await context.newPage();
    const violations: string[] = [];
    const errors = watch(page, violations);
    const local = (url: string) => url.startsWith(`${server.origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
    page.on('request', (req) => {
      if (!local(req.url())) violations.push(req.url());
    });
    await page.route('**/*', (route) => (local(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    await page.addInitScript((s) => {
      (window as unknown as { __APA_SEED__: unknown }).__APA_SEED__ = s;
    }, seed);
    await page.addInitScript({ content: prelude });
    await page.goto(`${server.origin}/Sidebar.html`);
    await page.getByTestId('tab-check').waitFor();
    // The server's files as classic scripts: their top-level functions become the page's globals.
    for (const s of scripts) await page.addScriptTag({ content: `${s.code}\n//# sourceURL=${s.name}` });
    await page.evaluate(() => ((window as unknown as { __APA_SERVER_READY__: boolean }).__APA_SERVER_READY__ = true));
    need((await page.locator('html').getAttribute('lang')) === 'bn', 'the sidebar did not open in Bengali');

    await page.getByTestId('tab-consolidate').click();
    await page.getByTestId('panel-consolidate').waitFor({ state: 'visible' });
    await page.getByTestId('consolidate-run').click();
    await page.getByTestId('ranking').waitFor();
    need((await page.getByTestId('ranking').innerText()).includes('বিভাগীয় সরকারি গণগ্রন্থাগার'), 'the ranking lacks office 002');
    await shoot(page, 'sheets-consolidate.png', PANE.height);

    const refused = await page.evaluate(() => (window as unknown as { __APA_RUN_REFUSED__?: string[] }).__APA_RUN_REFUSED__ ?? []);
    await context.close();
    need(refused.length === 0, `google.script.run refused: ${refused.join(', ')}`);
    clean('Sheets sidebar', violations, errors);
  } finally {
    await server.close();
  }
}

// ── The consolidated workbook, rendered by LibreOffice ───────────────────────────────────────────

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** The words of a PDF page with their boxes (pdftotext -bbox), in points. */
async function words(pdf: string, pageNo: number): Promise<{ width: number; height: number; words: Word[] }> {
  const html = await sh('pdftotext', ['-f', String(pageNo), '-l', String(pageNo), '-bbox', pdf, '-']);
  const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html);
  need(page !== null, `pdftotext found no page ${pageNo} in ${pdf}`);
  const list: Word[] = [];
  for (const m of html.matchAll(/<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">([^<]*)<\/word>/g)) {
    list.push({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
  }
  return { width: +page![1], height: +page![2], words: list };
}

/**
 * The summary sheet of `xlsx` as a PNG: LibreOffice exports every sheet as one PDF page
 * (SinglePageSheets; the summary is the first), pdftoppm renders the first page cropped at the
 * first column of the tier legend (found by its header text with pdftotext), at a resolution that
 * keeps the picture about 1400 px wide.
 */
async function renderSummary(xlsx: string, language: 'bn' | 'en', png: string, tmp: string): Promise<void> {
  const work = await fs.mkdtemp(path.join(tmp, 'lo-'));
  const input = path.join(work, 'consolidated.xlsx');
  await fs.copyFile(xlsx, input);
  const profile = `file://${path.join(work, 'profile')}`;
  const filter = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';
  await sh('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', work, input], { timeout: 180_000 });
  const pdf = path.join(work, 'consolidated.pdf');
  need(existsSync(pdf), `LibreOffice wrote no PDF for ${xlsx}`);

  const page = await words(pdf, 1);
  const title = message('report.title')[language];
  need(page.words.some((w) => title.startsWith(w.text)), `page 1 of ${pdf} is not the summary sheet (no "${title}")`);
  const legend = PALETTE.excellent.label[language].split(' ')[0];
  const first = page.words.find((w) => w.text === legend);
  need(first !== undefined, `no "${legend}" legend header on the summary sheet`);
  const right = Math.min(page.width, first!.xMin - 2);
  const bottom = Math.min(page.height, Math.max(...page.words.map((w) => w.yMax)) + 6);
  const dpi = Math.round(Math.min(144, Math.max(72, (1400 / right) * 72)));
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const base = path.join(work, 'summary');
  await sh('pdftoppm', ['-f', '1', '-l', '1', '-singlefile', '-png', '-r', String(dpi), '-x', '0', '-y', '0', '-W', String(px(right)), '-H', String(px(bottom)), pdf, base]);
  await fs.copyFile(`${base}.png`, png);
  await checkPng(png);
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  need(existsSync(CHROMIUM), `no ${CHROMIUM}: apt-get install chromium fonts-noto-core`);
  await fs.mkdir(IMAGES, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'apa-screenshots-'));
  let browser: Browser | undefined;
  try {
    const dist = path.join(tmp, 'dist');
    const gas = path.join(tmp, 'gas');
    log('building the add-in (webpack production), the Sheets sidebar and the Apps Script bundle; npm run demo');
    await Promise.all([
      buildDist(['--output-path', dist]).then(() => log('add-in built')),
      (async () => {
        await buildDist(['--env', 'sidebar', '--output-path', gas]);
        const { buildGas } = await import('../appsscript/tools/build-gas');
        await buildGas({ dir: gas });
        log('sidebar and Apps Script bundle built');
      })(),
      (async () => {
        await npmRunDemo();
        log('npm run demo wrote out/consolidated.xlsx');
        const bn = path.join(tmp, 'consolidated-bn.xlsx');
        await sh(process.execPath, [path.join(ROOT, 'bin', 'apa.js'), 'consolidate', 'samples', '--bn', '-o', bn]).catch((err: Error) => {
          // Exit status 1 only means a file was skipped; the workbook is still written.
          if (!existsSync(bn)) throw err;
        });
      })(),
    ]);

    await renderSummary(path.join(ROOT, 'out', 'consolidated.xlsx'), 'en', path.join(IMAGES, 'consolidated.png'), tmp);
    await renderSummary(path.join(tmp, 'consolidated-bn.xlsx'), 'bn', path.join(IMAGES, 'consolidated-bn.png'), tmp);

    browser = await launchChromium();
    await excelPane(browser, dist);
    await sheetsSidebar(browser, gas);
    log(`done: docs/images/ in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
