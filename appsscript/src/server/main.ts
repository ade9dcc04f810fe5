import { allOffices } from '../../../core/consolidate';
import { toBengaliDigits } from '../../../core/bengali-digits';
import { formatDay } from '../../../core/dates';
import { Bilingual, Language, MessageKey, message, text } from '../../../core/messages';
import type { CommandContext, Preferences } from '../../../core/operations';
import { removalPreviewText } from '../../../core/removal';
import { LANGUAGE_KEY, SETTINGS_KEY, languageOfLocale, readContext, readLanguage, readSettings, storedSettings } from '../../../core/preferences';
import { DEFAULT_SETTINGS } from '../../../core/score';
import { FunctionName, SheetsCell, createSheetsFunctions } from './custom-functions';
import type { MinutesTables } from '../../../core/operations';
import { MENU_ITEMS, PREFERENCES_GLOBAL } from './entry-points';
import { GasGlobals, GasOnEditEvent, GasOnOpenEvent, gasGlobals } from './gas-api';
import { SheetsConsolidateOptions, SheetsConsolidateResult, SheetsWorkbook, createSheetsWorkbook } from './sheets-workbook';

/**
 * The bundle's entry: esbuild makes this module ONE global object (`APA_BUNDLE`, an IIFE), and the
 * plain `Code.js` stubs forward every top-level function to it (entry-points.ts). Everything here
 * reads the Apps Script globals when called, never when loaded, so the files may load in any order.
 *
 * The sidebar's targets answer plain JSON (a JSON round trip drops `undefined` and would turn a
 * `Date` into text: google.script.run carries primitives, arrays and plain objects only). Their
 * failures are thrown as an Error whose message is a bilingual JSON object (with the host's own
 * words, if any, as `detail`), which the sidebar shows in its language
 * (appsscript/src/sidebar/gas-operations.ts, `toError`). Menu commands show their outcome in a
 * toast or an alert, in the user's language once they have picked one (both languages before).
 *
 * Every command runs with the context the sidebar sends (its language and settings); the menu's,
 * with what is remembered: the user's language in user properties, the spreadsheet's settings in
 * document properties (core/preferences.ts). Commands that write take the document lock first, so
 * two users' runs never interleave; a second run waits up to LOCK_WAIT_MS, then is told kindly.
 *
 * An Editor add-on: the menu is the add-on menu (Extensions → APA Sheets; a bound script's under
 * its project's name), `onInstall` builds it, and `onOpen` builds only it — it runs before the
 * user has authorised anything (AuthMode.NONE) and touches neither the spreadsheet nor any service.
 */

/** How long a command waits for another user's run in the same spreadsheet. */
export const LOCK_WAIT_MS = 30_000;

const plain = <T>(x: T): T => (x === undefined ? (null as T) : (JSON.parse(JSON.stringify(x)) as T));

function workbook(g: GasGlobals = gasGlobals()): SheetsWorkbook {
  return createSheetsWorkbook(g);
}

const detailOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A bilingual text carried in an Error's message (what the sidebar parses back). */
function bilingualOf(err: unknown): (Bilingual & { detail?: string }) | null {
  const m = detailOf(err);
  const start = m.indexOf('{');
  if (start < 0) return null;
  try {
    const o = JSON.parse(m.slice(start)) as Bilingual & { detail?: unknown };
    if (typeof o?.bn !== 'string' || typeof o?.en !== 'string') return null;
    return typeof o.detail === 'string' ? { bn: o.bn, en: o.en, detail: o.detail } : { bn: o.bn, en: o.en };
  } catch {
    return null;
  }
}

/** What a failure says: our own text, or the catalogue's with Google's words as the detail. */
function failureText(err: unknown): Bilingual & { detail?: string } {
  return bilingualOf(err) ?? { ...message('gas.failed'), detail: detailOf(err) };
}

function failure(err: unknown): Error {
  return new Error(JSON.stringify(failureText(err)));
}

function serve<T>(f: () => T): T {
  try {
    return plain(f());
  } catch (err) {
    throw failure(err);
  }
}

// ── What is remembered: the user's language, the spreadsheet's settings ─────────────────────

function remembered(g: GasGlobals = gasGlobals()): Preferences & { displayLanguage: Language } {
  const props = g.PropertiesService;
  const language = props ? readLanguage(props.getUserProperties().getProperty(LANGUAGE_KEY)) : null;
  const settings = props ? readSettings(props.getDocumentProperties().getProperty(SETTINGS_KEY)) : { ...DEFAULT_SETTINGS };
  let locale = '';
  try {
    locale = g.Session.getActiveUserLocale();
  } catch {
    // not known: English, as languageOfLocale says for anything but Bengali
  }
  return { language, settings, displayLanguage: languageOfLocale(locale) };
}

/** The context a command runs with: what the sidebar sent, completed from what is remembered. */
function contextFor(given: unknown): CommandContext {
  const o = (given && typeof given === 'object' ? given : {}) as Record<string, unknown>;
  const language = readLanguage(o.language);
  if (language && o.settings && typeof o.settings === 'object') return { language, settings: readSettings(o.settings) };
  const r = remembered();
  return readContext(given, { language: r.language ?? r.displayLanguage, settings: r.settings });
}

/** Runs `f` holding the spreadsheet's document lock, so that another user's run of a command that
 * writes cannot interleave with it; after `waitMs` of waiting, says that someone else is running one. */
function locked<T>(f: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = gasGlobals().LockService?.getDocumentLock() ?? null;
  // No document lock (the script runs outside a document): there is no one to keep apart.
  if (!lock) return f();
  if (!lock.tryLock(waitMs)) throw new Error(JSON.stringify(message('gas.busy')));
  try {
    return f();
  } finally {
    lock.releaseLock();
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

/** The add-on menu, in both languages (which one the user picked cannot be read before they
 * authorise the add-on). Nothing else: see the module's comment. */
// Apps Script passes the event; it is not read (in AuthMode.NONE its `source` is out of bounds).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the trigger's signature
export function onOpen(_e?: GasOnOpenEvent): void {
  const menu = gasGlobals().SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item.separatorBefore) menu.addSeparator();
    menu.addItem(caption(item.caption), item.name);
  }
  menu.addToUi();
}

/** Installing the add-on (AuthMode.FULL) builds its menu at once, in the spreadsheet open now. */
export function onInstall(e?: GasOnOpenEvent): void {
  onOpen(e);
}

export function onEdit(e: GasOnEditEvent): void {
  // A simple trigger must never fail loudly on someone's typing: errors end here. It does not
  // wait for another user's command: the next edit, or Highlight tiers, colours again.
  try {
    workbook().onEdit(e, (write) => locked(write, 0));
  } catch {
    // the next edit, or Highlight tiers, tries again
  }
}

/** A text for an alert or toast: in the user's language once they have picked one, else both. */
function shown(m: Bilingual): string {
  let language: Language | null = null;
  try {
    language = remembered().language;
  } catch {
    language = null;
  }
  if (language) return m[language];
  return m.bn === m.en ? m.bn : `${m.bn}\n\n${m.en}`;
}

function alert(m: Bilingual): void {
  const g = gasGlobals();
  const ui = g.SpreadsheetApp.getUi();
  ui.alert(text('ui.title').bn, shown(m), ui.ButtonSet.OK);
}

function toast(m: Bilingual): void {
  gasGlobals().SpreadsheetApp.getActiveSpreadsheet().toast(shown(m), text('ui.title').bn, 10);
}

function menuCommand(f: () => void): void {
  try {
    f();
  } catch (err) {
    const t = failureText(err);
    alert(t.detail ? message('gas.failed-detail', { text: t, detail: t.detail }) : t);
  }
}

const pct = (x: number | null, l: Language) => (x === null ? text('ui.none')[l] : l === 'bn' ? toBengaliDigits(x.toFixed(2)) : x.toFixed(2));

export function apaMenuCheck(): void {
  menuCommand(() => {
    const r = workbook().checkActiveSheet(contextFor(null));
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

function commandMenu(run: (wb: SheetsWorkbook, context: CommandContext) => { ok: boolean; message: Bilingual }): void {
  menuCommand(() => {
    const r = locked(() => run(workbook(), contextFor(null)));
    if (r.ok) toast(r.message);
    else alert(r.message);
  });
}

export function apaMenuAddScoreColumns(): void {
  commandMenu((wb, context) => wb.addScoreColumns(context));
}

export function apaMenuValuesOnly(): void {
  commandMenu((wb, context) => wb.valuesOnly(context));
}

export function apaMenuHighlightTiers(): void {
  commandMenu((wb, context) => wb.highlightTiers(context));
}

/** Remove: everything the script added, and the settings remembered for this spreadsheet. */
function removeEverything() {
  const r = locked(() => workbook().removeAll());
  gasGlobals().PropertiesService?.getDocumentProperties().deleteProperty(SETTINGS_KEY);
  return r;
}

/** Remove, from the menu: says what it will take away and asks (Yes / No) before it does. */
export function apaMenuRemove(): void {
  menuCommand(() => {
    const preview = workbook().previewRemoval();
    if (preview.nothing) {
      alert(message('wb.nothing-to-remove'));
      return;
    }
    const ui = gasGlobals().SpreadsheetApp.getUi();
    const answer = ui.alert(text('ui.title').bn, shown(message('gas.remove.ask', { what: removalPreviewText(preview) })), ui.ButtonSet.YES_NO);
    if (answer !== ui.Button.YES) return;
    const r = removeEverything();
    if (r.ok) toast(r.message);
    else alert(r.message);
  });
}

export function apaMenuWhatNext(): void {
  menuCommand(() => {
    const r = workbook().whatNext(contextFor(null));
    if (r.noPlan) {
      alert(message('ui.next.no-plan', { sheet: r.sheet }));
      return;
    }
    if (!r.items.length) {
      const fixes = r.invalid.slice(0, 10).map((x) => ({ bn: `${toBengaliDigits(x.id)} (${x.cell}): ${x.fix.bn}`, en: `${x.id} (${x.cell}): ${x.fix.en}` }));
      alert(fixes.length ? { bn: [message('ui.next.invalid', { count: r.invalid.length }).bn, ...fixes.map((f) => f.bn)].join('\n'), en: [message('ui.next.invalid', { count: r.invalid.length }).en, ...fixes.map((f) => f.en)].join('\n') } : message('ui.next.all-top'));
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
    const r = locked(() => workbook().consolidate({}, contextFor(null)));
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

/** The sidebar: `Sidebar.html` of the project (built by `npm run build:gas:sidebar`), with what is
 * remembered (language, settings) handed to it in the page, so it opens in the user's language
 * without asking the server first. */
export function showSidebar(): void {
  const g = gasGlobals();
  let html;
  try {
    html = g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(text('ui.title').bn);
  } catch {
    alert(message('gas.sidebar-missing'));
    return;
  }
  let preferences: ReturnType<typeof remembered> | null = null;
  try {
    preferences = remembered(g);
  } catch {
    preferences = null; // the sidebar asks for them itself
  }
  // `<` written as \u003c: the JSON cannot close the script or open a comment.
  if (preferences) html = html.append(`<script>window.${PREFERENCES_GLOBAL} = ${JSON.stringify(preferences).replace(/</g, '\\u003c')};</script>`);
  g.SpreadsheetApp.getUi().showSidebar(html);
}

// ── google.script.run targets (the sidebar) ─────────────────────────────────────────────────

export function apaCheckActiveSheet(context?: unknown) {
  return serve(() => workbook().checkActiveSheet(contextFor(context)));
}

export function apaSelectCell(sheet: unknown, cell: unknown): null {
  serve(() => workbook().selectCell(String(sheet ?? ''), String(cell ?? '')));
  return null;
}

export function apaAddScoreColumns(context?: unknown) {
  return serve(() => locked(() => workbook().addScoreColumns(contextFor(context))));
}

export function apaValuesOnly(context?: unknown) {
  return serve(() => locked(() => workbook().valuesOnly(contextFor(context))));
}

export function apaHighlightTiers(context?: unknown) {
  return serve(() => locked(() => workbook().highlightTiers(contextFor(context))));
}

export function apaPreviewRemoval() {
  return serve(() => workbook().previewRemoval());
}

export function apaRemoveAll() {
  return serve(() => removeEverything());
}

export function apaWhatNext(context?: unknown) {
  return serve(() => workbook().whatNext(contextFor(context)));
}

/** The minutes' tables as the sidebar sends them: checked for shape, else a bad argument. */
function minutesArgument(x: unknown): MinutesTables {
  const m = x as Partial<MinutesTables> | null;
  const ok =
    !!m &&
    typeof m.file === 'string' &&
    Array.isArray(m.tables) &&
    m.tables.every((t) => t && typeof t === 'object' && t.place && Array.isArray(t.rows) && t.rows.every((r) => Array.isArray(r) && r.every((c) => c && typeof c.text === 'string')));
  if (!ok) throw new Error(JSON.stringify(message('gas.bad-argument', { detail: 'keepDirectives(minutes)' })));
  return m as MinutesTables;
}

export function apaKeepDirectives(minutes: unknown, context?: unknown) {
  return serve(() => locked(() => workbook().keepDirectives(minutesArgument(minutes), contextFor(context))));
}

export function apaConsolidate(options?: unknown): SheetsConsolidateResult {
  const o = options && typeof options === 'object' ? (options as Record<string, unknown>) : {};
  const opts: SheetsConsolidateOptions = { resumeFrom: typeof o.resumeFrom === 'string' ? o.resumeFrom : undefined };
  // The context rides in the options (an earlier sidebar sent only `language` there).
  const given = o.context && typeof o.context === 'object' ? o.context : { language: o.language };
  return serve(() => locked(() => workbook().consolidate(opts, contextFor(given))));
}

/** The user's remembered language (null: never picked), the spreadsheet's settings, and the
 * language of the user's Google account (what the sidebar follows until they pick one). */
export function apaPreferences() {
  return serve(() => remembered());
}

export function apaSaveLanguage(language: unknown): null {
  serve(() => {
    const l = readLanguage(language);
    if (!l) throw new Error(JSON.stringify(message('gas.bad-argument', { detail: String(language) })));
    gasGlobals().PropertiesService?.getUserProperties().setProperty(LANGUAGE_KEY, l);
  });
  return null;
}

export function apaSaveSettings(settings: unknown): null {
  serve(() => {
    if (!settings || typeof settings !== 'object') throw new Error(JSON.stringify(message('gas.bad-argument', { detail: String(settings) })));
    gasGlobals().PropertiesService?.getDocumentProperties().setProperty(SETTINGS_KEY, storedSettings(readSettings(settings)));
  });
  return null;
}
