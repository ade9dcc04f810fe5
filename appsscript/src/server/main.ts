import { allOffices } from '../../../core/consolidate';
import { toBengaliDigits } from '../../../core/bengali-digits';
import { formatDay } from '../../../core/dates';
import { Bilingual, Language, MessageKey, message, text } from '../../../core/messages';
import { FunctionName, SheetsCell, createSheetsFunctions } from './custom-functions';
import { MENU_ITEMS, MENU_TITLE } from './entry-points';
import { GasGlobals, GasOnEditEvent, GasOnOpenEvent, gasGlobals } from './gas-api';
import { SheetsConsolidateOptions, SheetsConsolidateResult, SheetsWorkbook, createSheetsWorkbook } from './sheets-workbook';

/**
 * The bundle's entry: esbuild makes this module ONE global object (`APA_BUNDLE`, an IIFE), and the
 * plain `Code.js` stubs forward every top-level function to it (entry-points.ts). Everything here
 * reads the Apps Script globals when called, never when loaded, so the files may load in any order.
 *
 * The sidebar's targets answer plain JSON (a JSON round trip drops `undefined` and would turn a
 * `Date` into text: google.script.run carries primitives, arrays and plain objects only). Their
 * failures are thrown as an Error whose message is a bilingual JSON object, which the sidebar shows
 * in its language (appsscript/src/sidebar/gas-operations.ts, `toError`). Menu commands show their
 * outcome in a toast or an alert.
 */

const plain = <T>(x: T): T => (x === undefined ? (null as T) : (JSON.parse(JSON.stringify(x)) as T));

function workbook(g: GasGlobals = gasGlobals()): SheetsWorkbook {
  return createSheetsWorkbook(g);
}

const detailOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A bilingual text carried in an Error's message (what the sidebar parses back). */
function bilingualOf(err: unknown): Bilingual | null {
  const m = detailOf(err);
  const start = m.indexOf('{');
  if (start < 0) return null;
  try {
    const o = JSON.parse(m.slice(start)) as Bilingual;
    return typeof o?.bn === 'string' && typeof o?.en === 'string' ? o : null;
  } catch {
    return null;
  }
}

function failure(err: unknown): Error {
  const own = bilingualOf(err);
  return new Error(JSON.stringify(own ?? message('gas.failed', { detail: message('gas.host-error', { detail: detailOf(err) }) })));
}

function serve<T>(f: () => T): T {
  try {
    return plain(f());
  } catch (err) {
    throw failure(err);
  }
}

// ── Custom functions ────────────────────────────────────────────────────────────────────────

/** `=APA_SCORE(…)` and the others: the stubs in Code.js pass their arguments exactly as Sheets gave them. */
export function customFunction(name: FunctionName, args: unknown[]): SheetsCell | SheetsCell[][] {
  return createSheetsFunctions(gasGlobals()).call(name, args);
}

// ── Triggers and menu ───────────────────────────────────────────────────────────────────────

const caption = (key: MessageKey) => {
  const t = text(key);
  return t.bn === t.en ? t.bn : `${t.bn} (${t.en})`;
};

export function onOpen(_e?: GasOnOpenEvent): void {
  const menu = gasGlobals().SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item.separatorBefore) menu.addSeparator();
    menu.addItem(caption(item.caption), item.name);
  }
  menu.addToUi();
}

export function onInstall(e?: GasOnOpenEvent): void {
  onOpen(e);
}

export function onEdit(e: GasOnEditEvent): void {
  // A simple trigger must never fail loudly on someone's typing: errors end here.
  try {
    workbook().onEdit(e);
  } catch {
    // the next edit, or Highlight tiers, tries again
  }
}

const both = (m: Bilingual) => (m.bn === m.en ? m.bn : `${m.bn}\n\n${m.en}`);

function alert(m: Bilingual): void {
  const g = gasGlobals();
  const ui = g.SpreadsheetApp.getUi();
  ui.alert(text('ui.title').bn, both(m), ui.ButtonSet.OK);
}

function toast(m: Bilingual): void {
  gasGlobals().SpreadsheetApp.getActiveSpreadsheet().toast(both(m), text('ui.title').bn, 10);
}

function menuCommand(f: () => void): void {
  try {
    f();
  } catch (err) {
    alert(bilingualOf(err) ?? message('gas.failed', { detail: detailOf(err) }));
  }
}

const pct = (x: number | null, l: Language) => (x === null ? text('ui.none')[l] : l === 'bn' ? toBengaliDigits(x.toFixed(2)) : x.toFixed(2));

export function apaMenuCheck(): void {
  menuCommand(() => {
    const r = workbook().checkActiveSheet();
    if (!r.plan || !r.totals) {
      alert(message('wb.no-plan', { sheet: r.sheet, reason: r.reason ?? '' }));
      return;
    }
    const t = r.totals;
    const m = (l: Language) =>
      message('gas.check.summary', {
        sheet: r.sheet,
        office: r.plan!.office,
        percent: pct(t.percent, l),
        score: pct(t.score, l),
        max: pct(t.max, l),
        indicators: r.indicators.length,
        problems: r.problems.length,
        errors: r.problems.filter((p) => p.severity === 'error').length,
      })[l];
    alert({ bn: m('bn'), en: m('en') });
  });
}

function commandMenu(run: (wb: SheetsWorkbook) => { ok: boolean; message: Bilingual }): void {
  menuCommand(() => {
    const r = run(workbook());
    if (r.ok) toast(r.message);
    else alert(r.message);
  });
}

export function apaMenuAddScoreColumns(): void {
  commandMenu((wb) => wb.addScoreColumns());
}

export function apaMenuHighlightTiers(): void {
  commandMenu((wb) => wb.highlightTiers());
}

export function apaMenuRemove(): void {
  commandMenu((wb) => wb.removeAll());
}

export function apaMenuWhatNext(): void {
  menuCommand(() => {
    const r = workbook().whatNext();
    if (!r.items.length) {
      alert(message('ui.next.none'));
      return;
    }
    const line = (l: Language) =>
      r.items
        .slice(0, 25)
        .map((i) => {
          const value = i.unit === 'date' ? formatDay(i.next.value, l) : `${l === 'bn' ? toBengaliDigits(String(Math.round(i.next.value * 100) / 100)) : Math.round(i.next.value * 100) / 100}${i.unit === 'percent' ? '%' : ''}`;
          const days = i.next.daysLeft !== null && i.next.daysLeft >= 0 ? message('gas.next.days', { days: i.next.daysLeft })[l] : '';
          return message('gas.next.item', { id: l === 'bn' ? toBengaliDigits(i.id) : i.id, name: i.name.slice(0, 60), tier: message(`tier.${i.next.tier}`), value, days })[l];
        })
        .join('\n');
    alert({ bn: line('bn'), en: line('en') });
  });
}

export function apaMenuConsolidate(): void {
  menuCommand(() => {
    const r = workbook().consolidate({});
    if (r.done < r.total) {
      alert(message('gas.consolidate.partial', { done: r.done, total: r.total }));
      return;
    }
    // Nothing to consolidate is a warning, not a success (SCORING.md §9).
    if (r.nothing || !r.consolidation) {
      alert(message('consolidate.nothing'));
      return;
    }
    toast(message('gas.consolidate.done', { count: allOffices(r.consolidation).length, skipped: r.skipped.length, sheets: r.written.join(', ') }));
  });
}

/** The sidebar: `Sidebar.html` of the project (built by `npm run build:gas:sidebar`). */
export function showSidebar(): void {
  const g = gasGlobals();
  let html;
  try {
    html = g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(text('ui.title').bn);
  } catch {
    alert(message('gas.sidebar-missing'));
    return;
  }
  g.SpreadsheetApp.getUi().showSidebar(html);
}

// ── google.script.run targets (the sidebar) ─────────────────────────────────────────────────

export function apaCheckActiveSheet() {
  return serve(() => workbook().checkActiveSheet());
}

export function apaSelectCell(sheet: unknown, cell: unknown): null {
  serve(() => workbook().selectCell(String(sheet ?? ''), String(cell ?? '')));
  return null;
}

export function apaAddScoreColumns() {
  return serve(() => workbook().addScoreColumns());
}

export function apaHighlightTiers() {
  return serve(() => workbook().highlightTiers());
}

export function apaRemoveAll() {
  return serve(() => workbook().removeAll());
}

export function apaWhatNext() {
  return serve(() => workbook().whatNext());
}

export function apaConsolidate(options?: unknown): SheetsConsolidateResult {
  const o = options && typeof options === 'object' ? (options as Record<string, unknown>) : {};
  const opts: SheetsConsolidateOptions = {
    resumeFrom: typeof o.resumeFrom === 'string' ? o.resumeFrom : undefined,
    language: o.language === 'en' || o.language === 'bn' ? o.language : undefined,
  };
  return serve(() => workbook().consolidate(opts));
}
