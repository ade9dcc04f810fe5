/**
 * What the browser test serves in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js:
 * bundled into one IIFE (esbuild, `bundleOfficeStub()` in browser-helpers.ts). It defines the
 * globals the built page uses — `Office.onReady`, `Office.context`, `CustomFunctions.associate`
 * (no-op) and `CustomFunctions.Error`, `Excel.run` — with `Excel.run` backed by the typed fake
 * Excel (`FakeWorkbook`) built from the seed workbook the test injects as JSON (`window.__APA_SEED__`,
 * set by `page.addInitScript` before this runs). The test reads the fake back through
 * `window.__APA_FAKE__`. Inserting .xlsx files (`insertWorksheetsFromBase64`) goes back to Node
 * through `window.__apaLoadXlsx` when the test exposes it (ExcelJS does not run in the page).
 */
import { FakeWorkbook } from './fake-excel';
import type { FakeSheetData, FakeWorkbookData } from './fake-excel';
import type { XlRun } from '../../addin/src/workbook/excel-api';

export interface StubWindow {
  __APA_SEED__?: FakeWorkbookData;
  __APA_FAKE__?: FakeWorkbook;
  __apaLoadXlsx?: (base64: string) => Promise<FakeSheetData[]>;
  /** Calls to `CustomFunctions.associate`, by id (the functions bundle registers them). */
  __APA_ASSOCIATED__?: string[];
  /** Milliseconds every `context.sync()` waits first, to make a long command cancellable in a test. */
  __APA_SYNC_DELAY__?: number;
  /** Set by a test to open the page as if outside Excel: no `Excel` global. */
  __APA_NO_EXCEL__?: boolean;
  /** Set by a test: what `Office.context` says of the user's Office (display language, theme). */
  __APA_OFFICE__?: { displayLanguage?: string; officeTheme?: Record<string, unknown>; partitionKey?: string };
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
}

const w = window as unknown as StubWindow;
const seed: FakeWorkbookData = w.__APA_SEED__ ?? { sheets: [{ name: 'Sheet1', cells: {} }] };
const workbook = FakeWorkbook.fromJSON(seed, {
  loader: (base64) => {
    if (!w.__apaLoadXlsx) return Promise.reject(new Error('this page cannot read .xlsx files'));
    return w.__apaLoadXlsx(base64);
  },
});
w.__APA_FAKE__ = workbook;
w.__APA_ASSOCIATED__ = [];

const hostInfo = { host: 'Excel', platform: 'PC' };
// Like office.js: onReady resolves once, asynchronously, and calls the callback if one is given.
const ready = new Promise<typeof hostInfo>((resolve) => setTimeout(() => resolve(hostInfo), 0));

w.Office = {
  onReady(callback?: (info: typeof hostInfo) => void) {
    return ready.then((info) => {
      callback?.(info);
      return info;
    });
  },
  context: {
    host: 'Excel',
    platform: 'PC',
    // Office in Bengali with its light ("Colorful") theme, unless the test says otherwise.
    displayLanguage: w.__APA_OFFICE__?.displayLanguage ?? 'bn-BD',
    contentLanguage: 'bn-BD',
    officeTheme: w.__APA_OFFICE__?.officeTheme ?? { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#262626', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#262626', isDarkTheme: false, themeId: 'Colorful' },
    partitionKey: w.__APA_OFFICE__?.partitionKey,
    diagnostics: { host: 'Excel', platform: 'PC', version: '16.0.0.0' },
    requirements: { isSetSupported: () => true },
  },
  HostType: { Excel: 'Excel' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
};

class CustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

w.CustomFunctions = {
  associate(id: string | Record<string, unknown>) {
    if (typeof id === 'string') w.__APA_ASSOCIATED__!.push(id);
    else w.__APA_ASSOCIATED__!.push(...Object.keys(id));
  },
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
};

// `Excel.run` over the fake; each round trip optionally slowed down (read when a run starts).
const run: XlRun = (batch) =>
  workbook.run((ctx) => {
    const delay = w.__APA_SYNC_DELAY__ ?? 0;
    if (delay > 0) {
      const sync = ctx.sync.bind(ctx);
      (ctx as { sync: () => Promise<void> }).sync = async () => {
        await new Promise((r) => setTimeout(r, delay));
        return sync();
      };
    }
    return batch(ctx);
  });
if (!w.__APA_NO_EXCEL__) w.Excel = { run };
