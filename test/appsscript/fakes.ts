/**
 * Typed fakes of exactly the Apps Script subset the Apps Script side calls
 * (`appsscript/src/server/gas-api.ts`, which the compiler proves the real
 * `@types/google-apps-script` types satisfy): SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList,
 * ConditionalFormatRule(Builder), BooleanCondition, DeveloperMetadata(+Finder, Location),
 * EmbeddedChart(Builder), the Ui (menus, alerts, sidebars), HtmlService, Utilities, Session and
 * PropertiesService.
 *
 * Every call on a fake service object is counted (`FakeGas.calls`, per `Class.method`) and advances
 * a simulated clock by a cost the test chooses (`FakeGas.clock`), so tests can assert service-call
 * budgets and simulate Apps Script's 6-minute limit.
 *
 * It behaves like Sheets where the script's correctness depends on it:
 * - `getValues()` gives `''` for an empty cell, `Date`s for date cells (midnight in the spreadsheet's
 *   time zone), numbers (percent cells as fractions), text, booleans, a formula's last value;
 * - `setValues()` reads strings as Sheets reads typed input: `=…` is a formula, and so is `+…`/`-…`
 *   that is not a number (`+1+1`, `-2+3`); a leading `'` forces text (and is not kept), as does the
 *   plain-text number format `@`; numbers, booleans and dates typed as text become numbers, booleans and
 *   dates; dimensions must match the range exactly;
 * - a range outside the sheet's grid (`getMaxRows`/`getMaxColumns`) throws, as Sheets does;
 * - `setConditionalFormatRules` replaces the sheet's whole list; `getConditionalFormatRules` gives
 *   fresh rule objects, which can be set back unchanged;
 * - a spreadsheet keeps at least one sheet; sheet names are unique regardless of case;
 * - developer metadata lives on the spreadsheet, a sheet, or one whole row or column of a sheet
 *   (`Range.addDeveloperMetadata` on `5:5` or `M:M`; any other range is refused, as a
 *   DeveloperMetadataLocation's DimensionRange must be one row or column); row and column metadata
 *   move with inserted rows and columns and go with deleted ones, and all of a sheet's goes with it;
 * - inserting rows or columns (the script's `insertRowsAfter`, a user's `userInsertRows`) moves the
 *   cells, merges, rules and metadata below (right of) them and adjusts every formula's references
 *   to the sheet (`references.ts`);
 * - what a user does to the tabs, as Sheets does it: `userRenameSheet` keeps the sheet's id;
 *   `userDuplicateSheet` makes "Copy of X" with a new id right after it, holding copies of the
 *   cells, merges, rules, charts and developer metadata (each with a new id).
 *
 * No Node API is used here, so the same fakes run in a browser (the sidebar's test): the spreadsheet
 * is plain JSON data (`FakeGas.fromJSON` / `toJSON`). Reading .xlsx files into that data is
 * `fakes-load.ts` (Node only).
 */
import { shiftFormula } from '../fixtures/references';
import type {
  GasBooleanCondition,
  GasConditionalFormatRule,
  GasConditionalFormatRuleBuilder,
  GasDeveloperMetadata,
  GasDeveloperMetadataFinder,
  GasDeveloperMetadataLocation,
  GasEmbeddedBarChartBuilder,
  GasEmbeddedChart,
  GasEmbeddedChartBuilder,
  GasEnumValue,
  GasFontWeight,
  GasGlobals,
  GasGridRange,
  GasHtmlOutput,
  GasHtmlService,
  GasLock,
  GasLockService,
  GasMenu,
  GasProperties,
  GasPropertiesService,
  GasRange,
  GasRangeList,
  GasSession,
  GasSheet,
  GasSheetsApi,
  GasSpreadsheet,
  GasSpreadsheetApp,
  GasUi,
  GasUtilities,
} from '../../appsscript/src/server/gas-api';

// ── The spreadsheet as plain data ───────────────────────────────────────────────────────────

/** A date cell's value: the instant (ms since the epoch), as `getValues()` gives it. */
export interface FakeDate {
  date: number;
}
export type FakeValue = string | number | boolean | FakeDate;

export interface FakeCell {
  v?: FakeValue;
  /** Formula text, `=…`. */
  f?: string;
  /** Number format (absent: Sheets' automatic format). */
  nf?: string;
  /** Background `#rrggbb` (absent: white). */
  bg?: string;
  /** Font colour `#rrggbb` (absent: black). */
  fc?: string;
  fw?: 'bold';
  /** Text wraps. */
  wrap?: true;
}

export interface FakeRuleData {
  /** A1 areas of the rule's sheet. */
  ranges: string[];
  criteria: string;
  values: unknown[];
  background?: string;
  fontColor?: string;
}

export interface FakeMetadataData {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
  /** On one row or one column of its sheet (0-based); neither: on the sheet (or spreadsheet). */
  row?: number;
  column?: number;
}

export interface FakeChartData {
  type: string;
  /** A1 areas of the chart's sheet. */
  ranges: string[];
  options: Record<string, unknown>;
  position: number[];
}

export interface FakeSheetData {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  cells: Record<string, FakeCell>;
  /** A1 areas. */
  merges: string[];
  rules: FakeRuleData[];
  metadata: FakeMetadataData[];
  charts: FakeChartData[];
  frozenRows: number;
  frozenColumns: number;
  /** Column (1-based) → width in pixels, where set. */
  columnWidths: Record<string, number>;
}

export interface FakeSpreadsheetData {
  timeZone: string;
  sheets: FakeSheetData[];
  metadata: FakeMetadataData[];
  activeSheetId: number;
  activeRange?: string;
  nextId: number;
}

/** What Sheets' getNumberFormats gives for a cell with the automatic format. */
export const AUTOMATIC_FORMAT = '0.###############';
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

// ── A1 helpers ──────────────────────────────────────────────────────────────────────────────

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellA1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export function areaText(a: Area): string {
  const tl = cellA1(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${cellA1(a.bottom, a.right)}`;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseAreaText(text: string): Area {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/.exec(text.trim());
  if (!m) throw new Error(`Range not found: ${text}`);
  const r1 = Number(m[2]) - 1;
  const c1 = colIndex(m[1]);
  const r2 = m[4] !== undefined ? Number(m[4]) - 1 : r1;
  const c2 = m[3] !== undefined ? colIndex(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export function parseCellKey(key: string): { row: number; col: number } {
  const a = parseAreaText(key);
  return { row: a.top, col: a.left };
}

const isDateObject = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const isFakeDate = (v: unknown): v is FakeDate => typeof v === 'object' && v !== null && typeof (v as FakeDate).date === 'number';
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// ── Time zones (Intl: the same in Node and browsers) ────────────────────────────────────────

/** Offset of `zone` from UTC at `instant`, in milliseconds (Asia/Dhaka: +6 h). */
export function zoneOffsetMs(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock date and time in `zone`. */
export function instantInZone(zone: string, y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss);
  let t = wall - zoneOffsetMs(zone, wall);
  const again = wall - zoneOffsetMs(zone, t);
  if (again !== t) t = again;
  return t;
}

// ── Accounting ──────────────────────────────────────────────────────────────────────────────

export interface CallLog {
  total: number;
  byMethod: Record<string, number>;
}

export interface FakeClock {
  /** Simulated milliseconds since the epoch. */
  now: number;
  /** Simulated cost of one call (ms), by `Class.method`. */
  cost: (method: string) => number;
}

export interface FakeAlert {
  title: string;
  prompt: string;
}

export interface FakeMenuData {
  caption: string;
  /** The add-on menu (Extensions → the add-on's name), rather than a menu of the spreadsheet's own. */
  addon?: boolean;
  items: ({ caption: string; functionName: string } | { separator: true })[];
}

export interface FakeGasOptions {
  /** HTML files of the project (name without `.html` → content): what createHtmlOutputFromFile finds. */
  htmlFiles?: Record<string, string>;
  scriptTimeZone?: string;
  /** Start of the simulated clock. */
  now?: number;
  /** The user's locale (`Session.getActiveUserLocale`); default `bn`. */
  userLocale?: string;
  /** How the script runs: `NONE` is an Editor add-on's onOpen before the user has authorised it
   * in this file — every service call but the menu's throws, as Apps Script refuses them. */
  authMode?: FakeAuthMode;
  /** The advanced Sheets service enabled (a `Sheets` global), as a deployer may choose. */
  sheetsApi?: boolean;
}

export type FakeAuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** What Apps Script lets a script call in AuthMode.NONE: building the add-on menu, nothing else. */
const ALLOWED_WITHOUT_AUTHORISATION = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu', 'Menu.addItem', 'Menu.addSeparator', 'Menu.addSubMenu', 'Menu.addToUi']);

// ── The environment: one spreadsheet, its services, the UI ──────────────────────────────────

export class FakeGas {
  data: FakeSpreadsheetData;
  readonly calls: CallLog = { total: 0, byMethod: {} };
  readonly clock: FakeClock;
  readonly alerts: FakeAlert[] = [];
  readonly toasts: { msg: string; title: string }[] = [];
  readonly menus: FakeMenuData[] = [];
  readonly sidebars: { file: string; title: string; appended: string }[] = [];
  /** The spreadsheet's document lock: `other` is another user's run holding it (a test sets it). */
  readonly documentLock = { held: false, other: false };
  userLocale: string;
  authMode: FakeAuthMode;
  /** What the add-on menu is named (its listing's name, or a bound script's project name). */
  addonName = 'APA Sheets';
  htmlFiles: Record<string, string>;
  scriptTimeZone: string;
  readonly documentProperties = new Map<string, string>();
  readonly userProperties = new Map<string, string>();
  private uuid = 0;

  readonly SpreadsheetApp: FakeSpreadsheetApp;
  readonly HtmlService: FakeHtmlService;
  readonly Utilities: FakeUtilities;
  readonly Session: FakeSession;
  readonly PropertiesService: FakePropertiesService;
  readonly LockService: FakeLockService;
  /** The advanced Sheets service, when the test enabled it. */
  readonly Sheets: FakeSheetsApi | undefined;
  /** The spreadsheet's id (what `getId` gives and the Sheets API is asked about). */
  readonly spreadsheetId = '1FakeSpreadsheetId';
  /** Apps Script's own enumeration of authorisation modes (what `e.authMode` holds). */
  readonly ScriptApp = { AuthMode: { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const };

  constructor(data?: FakeSpreadsheetData, options: FakeGasOptions = {}) {
    this.data = data ? clone(data) : emptySpreadsheet();
    this.htmlFiles = { ...(options.htmlFiles ?? {}) };
    this.scriptTimeZone = options.scriptTimeZone ?? 'Asia/Dhaka';
    this.clock = { now: options.now ?? Date.UTC(2025, 0, 10, 3, 0, 0), cost: () => 0 };
    this.SpreadsheetApp = new FakeSpreadsheetApp(this);
    this.HtmlService = new FakeHtmlService(this);
    this.Utilities = new FakeUtilities(this);
    this.Session = new FakeSession(this);
    this.PropertiesService = new FakePropertiesService(this);
    this.LockService = new FakeLockService(this);
    this.userLocale = options.userLocale ?? 'bn';
    this.authMode = options.authMode ?? 'FULL';
    this.Sheets = options.sheetsApi ? new FakeSheetsApi(this) : undefined;
  }

  static fromJSON(data: FakeSpreadsheetData, options: FakeGasOptions = {}): FakeGas {
    return new FakeGas(data, options);
  }

  toJSON(): FakeSpreadsheetData {
    return clone(this.data);
  }

  /** Counts one service call and advances the simulated clock by its cost. */
  count(method: string): void {
    if (this.authMode === 'NONE' && !ALLOWED_WITHOUT_AUTHORISATION.has(method)) {
      throw new Error(`Exception: You do not have permission to call ${method} before the add-on is authorised (AuthMode.NONE).`);
    }
    this.calls.total++;
    this.calls.byMethod[method] = (this.calls.byMethod[method] ?? 0) + 1;
    this.clock.now += this.clock.cost(method);
  }

  /** The calls made since `from` (a copy of `calls` taken earlier). */
  callsSince(from: CallLog): CallLog {
    const byMethod: Record<string, number> = {};
    for (const [k, n] of Object.entries(this.calls.byMethod)) {
      const d = n - (from.byMethod[k] ?? 0);
      if (d) byMethod[k] = d;
    }
    return { total: this.calls.total - from.total, byMethod };
  }

  mark(): CallLog {
    return { total: this.calls.total, byMethod: { ...this.calls.byMethod } };
  }

  nextUuid(): string {
    this.uuid++;
    return `00000000-0000-4000-8000-${this.uuid.toString(16).padStart(12, '0')}`;
  }

  nextId(): number {
    return this.data.nextId++;
  }

  /** The globals the server code reads (`gasGlobals()`), for a vm context or `globalThis`. */
  globals(): GasGlobals & { PropertiesService: GasPropertiesService; LockService: GasLockService; ScriptApp: FakeGas['ScriptApp'] } {
    return {
      SpreadsheetApp: this.SpreadsheetApp,
      HtmlService: this.HtmlService,
      Utilities: this.Utilities,
      Session: this.Session,
      PropertiesService: this.PropertiesService,
      LockService: this.LockService,
      ScriptApp: this.ScriptApp,
      ...(this.Sheets ? { Sheets: this.Sheets } : {}),
    };
  }

  /** Puts the globals on `target` (a vm context's global, or a browser's window). */
  install(target: Record<string, unknown>): void {
    Object.assign(target, this.globals());
  }

  // Direct (uncounted) access for tests and loaders.

  sheetData(nameOrId: string | number): FakeSheetData {
    const s = this.data.sheets.find((x) => (typeof nameOrId === 'number' ? x.id === nameOrId : x.name.toLowerCase() === nameOrId.toLowerCase()));
    if (!s) throw new Error(`no sheet ${nameOrId}`);
    return s;
  }

  activate(name: string, range = 'A1'): void {
    this.data.activeSheetId = this.sheetData(name).id;
    this.data.activeRange = range;
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    return this.sheetData(sheet).cells[a1];
  }

  /** Sets a cell's parts (undefined deletes a part), as a user would. */
  setCell(sheet: string, a1: string, patch: Partial<Record<keyof FakeCell, FakeCell[keyof FakeCell] | undefined>>): void {
    const s = this.sheetData(sheet);
    const c: FakeCell = { ...(s.cells[a1] ?? {}) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete (c as Record<string, unknown>)[k];
      else (c as Record<string, unknown>)[k] = v;
    }
    if (Object.keys(c).length) s.cells[a1] = c;
    else delete s.cells[a1];
    const p = parseCellKey(a1);
    s.maxRows = Math.max(s.maxRows, p.row + 1);
    s.maxColumns = Math.max(s.maxColumns, p.col + 1);
  }

  /** A conditional-format rule of the user's own. */
  addUserRule(sheet: string, ranges: string[], formula: string, background: string): void {
    this.sheetData(sheet).rules.push({ ranges, criteria: 'CUSTOM_FORMULA', values: [formula], background: background.toLowerCase() });
  }

  addSheetData(sheet: Omit<FakeSheetData, 'id'> & { id?: number }, name = sheet.name): FakeSheetData {
    const s: FakeSheetData = { ...clone(sheet), id: sheet.id ?? this.nextId(), name };
    if (this.data.sheets.some((x) => x.id === s.id)) s.id = this.nextId();
    this.data.sheets.push(s);
    if (this.data.sheets.length === 1) this.data.activeSheetId = s.id;
    return s;
  }

  /** A user renaming a tab: the id stays; formulas that name the tab follow it. */
  userRenameSheet(sheet: string, name: string): void {
    const s = this.sheetData(sheet);
    if (this.data.sheets.some((x) => x !== s && x.name.toLowerCase() === name.toLowerCase())) throw new Error(`A sheet with the name "${name}" already exists.`);
    const quote = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);
    for (const other of this.data.sheets) for (const c of Object.values(other.cells)) if (c.f) c.f = c.f.split(`${quote(s.name)}!`).join(`${quote(name)}!`);
    s.name = name;
  }

  /** A user's "Duplicate": "Copy of X" right after X, a new id, copies of everything on it
   * (developer metadata included, each with a new id); it becomes the active tab. */
  userDuplicateSheet(sheet: string): FakeSheetData {
    const s = this.sheetData(sheet);
    let name = `Copy of ${s.name}`;
    for (let i = 2; this.data.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()); i++) name = `Copy ${i} of ${s.name}`;
    const copy: FakeSheetData = { ...clone(s), id: this.nextId(), name };
    copy.metadata = copy.metadata.map((m) => ({ ...m, id: this.nextId() }));
    this.data.sheets.splice(this.data.sheets.indexOf(s) + 1, 0, copy);
    this.data.activeSheetId = copy.id;
    return copy;
  }

  /** A user inserting `count` rows above row `row` (1-based). */
  userInsertRows(sheet: string, row: number, count: number): void {
    const s = this.sheetData(sheet);
    shiftSheet(this.data, s, 'row', row - 1, count);
    s.maxRows += count;
  }

  /** A user inserting `count` columns left of column `letters`. */
  userInsertColumns(sheet: string, letters: string, count: number): void {
    const s = this.sheetData(sheet);
    shiftSheet(this.data, s, 'col', colIndex(letters), count);
    s.maxColumns += count;
  }

  /** A user's edit: the cell changes, then the simple onEdit trigger gets its event (call `onEdit`
   * with it). Scripts' own writes never raise onEdit (Apps Script triggers guide). */
  userEdit(sheet: string, a1: string, value: FakeValue | null): { range: GasRange; source: GasSpreadsheet } {
    this.setCell(sheet, a1, { v: value === null || value === '' ? undefined : value, f: undefined });
    const ss = new FakeSpreadsheet(this);
    const s = this.sheetData(sheet);
    return { range: new FakeRange(this, s.id, parseAreaText(a1)), source: ss };
  }
}

function emptySpreadsheet(): FakeSpreadsheetData {
  return { timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 1 };
}

export function newSheetData(id: number, name: string, init: Partial<FakeSheetData> = {}): FakeSheetData {
  return {
    id,
    name,
    maxRows: DEFAULT_ROWS,
    maxColumns: DEFAULT_COLUMNS,
    cells: {},
    merges: [],
    rules: [],
    metadata: [],
    charts: [],
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: {},
    ...init,
  };
}

// ── SpreadsheetApp ──────────────────────────────────────────────────────────────────────────

export class FakeSpreadsheetApp implements GasSpreadsheetApp {
  readonly BooleanCriteria = { CUSTOM_FORMULA: 'CUSTOM_FORMULA' } as const;
  readonly DeveloperMetadataVisibility = { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' } as const;
  readonly DeveloperMetadataLocationType = { SPREADSHEET: 'SPREADSHEET', SHEET: 'SHEET', ROW: 'ROW', COLUMN: 'COLUMN' } as const;
  private readonly ui: FakeUi;
  constructor(private readonly env: FakeGas) {
    this.ui = new FakeUi(env);
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    this.env.count('SpreadsheetApp.getActiveSpreadsheet');
    return new FakeSpreadsheet(this.env);
  }
  getUi(): FakeUi {
    this.env.count('SpreadsheetApp.getUi');
    return this.ui;
  }
  flush(): void {
    this.env.count('SpreadsheetApp.flush');
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.env.count('SpreadsheetApp.newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder(this.env);
  }
}

// ── Spreadsheet ─────────────────────────────────────────────────────────────────────────────

export class FakeSpreadsheet implements GasSpreadsheet {
  constructor(private readonly env: FakeGas) {}
  private get d(): FakeSpreadsheetData {
    return this.env.data;
  }
  getId(): string {
    this.env.count('Spreadsheet.getId');
    return this.env.spreadsheetId;
  }
  getActiveSheet(): FakeSheet {
    this.env.count('Spreadsheet.getActiveSheet');
    const s = this.d.sheets.find((x) => x.id === this.d.activeSheetId) ?? this.d.sheets[0];
    return new FakeSheet(this.env, s.id);
  }
  getSheets(): FakeSheet[] {
    this.env.count('Spreadsheet.getSheets');
    return this.d.sheets.map((s) => new FakeSheet(this.env, s.id));
  }
  getSheetByName(name: string): FakeSheet | null {
    this.env.count('Spreadsheet.getSheetByName');
    const s = this.d.sheets.find((x) => x.name === name);
    return s ? new FakeSheet(this.env, s.id) : null;
  }
  insertSheet(sheetName: string, sheetIndex: number): FakeSheet {
    this.env.count('Spreadsheet.insertSheet');
    if (this.d.sheets.some((x) => x.name.toLowerCase() === sheetName.toLowerCase())) throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    if (!Number.isInteger(sheetIndex) || sheetIndex < 0 || sheetIndex > this.d.sheets.length) throw new Error(`Invalid sheet index ${sheetIndex}`);
    const s = newSheetData(this.env.nextId(), sheetName);
    this.d.sheets.splice(sheetIndex, 0, s);
    this.d.activeSheetId = s.id;
    this.d.activeRange = 'A1';
    return new FakeSheet(this.env, s.id);
  }
  deleteSheet(sheet: GasSheet): void {
    this.env.count('Spreadsheet.deleteSheet');
    const id = (sheet as FakeSheet).sheetId;
    const i = this.d.sheets.findIndex((x) => x.id === id);
    if (i < 0) throw new Error('Sheet not found');
    if (this.d.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.d.sheets.splice(i, 1);
    if (this.d.activeSheetId === id) this.d.activeSheetId = this.d.sheets[Math.max(0, i - 1)].id;
  }
  getSpreadsheetTimeZone(): string {
    this.env.count('Spreadsheet.getSpreadsheetTimeZone');
    return this.d.timeZone;
  }
  addDeveloperMetadata(key: string, value: string, visibility: GasEnumValue): FakeSpreadsheet {
    this.env.count('Spreadsheet.addDeveloperMetadata');
    this.d.metadata.push({ id: this.env.nextId(), key, value, visibility: String(visibility) });
    return this;
  }
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.env.count('Spreadsheet.createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.env);
  }
  toast(msg: string, title: string, _timeoutSeconds: number | null): void {
    this.env.count('Spreadsheet.toast');
    this.env.toasts.push({ msg, title });
  }
}

// ── Sheet ───────────────────────────────────────────────────────────────────────────────────

export class FakeSheet implements GasSheet {
  constructor(
    private readonly env: FakeGas,
    readonly sheetId: number,
  ) {}
  get d(): FakeSheetData {
    const s = this.env.data.sheets.find((x) => x.id === this.sheetId);
    if (!s) throw new Error('Exception: The sheet was deleted.');
    return s;
  }
  getName(): string {
    this.env.count('Sheet.getName');
    return this.d.name;
  }
  getSheetId(): number {
    this.env.count('Sheet.getSheetId');
    return this.sheetId;
  }
  /** Last row and column (1-based) holding content (a value or a formula); 0 when none. */
  contentExtent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [k, c] of Object.entries(this.d.cells)) {
      if (c.v === undefined && c.f === undefined) continue;
      const p = parseCellKey(k);
      rows = Math.max(rows, p.row + 1);
      cols = Math.max(cols, p.col + 1);
    }
    return { rows, cols };
  }
  getDataRange(): FakeRange {
    this.env.count('Sheet.getDataRange');
    const e = this.contentExtent();
    return new FakeRange(this.env, this.sheetId, { top: 0, left: 0, bottom: Math.max(1, e.rows) - 1, right: Math.max(1, e.cols) - 1 });
  }
  getRange(row: number, column: number, numRows: number, numColumns: number): FakeRange;
  getRange(a1Notation: string): FakeRange;
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.env.count('Sheet.getRange');
    let area: Area;
    if (typeof a === 'string') {
      // Whole rows (`5:5`, `5:7`) and whole columns (`M:M`) span the sheet's grid.
      const rows = /^\$?(\d+):\$?(\d+)$/.exec(a.trim());
      const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(a.trim());
      if (rows) area = { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: this.d.maxColumns - 1 };
      else if (cols) area = { top: 0, left: colIndex(cols[1]), bottom: this.d.maxRows - 1, right: colIndex(cols[2]) };
      else area = parseAreaText(a);
    } else {
      const rows = numRows ?? 1;
      const cols = numColumns ?? 1;
      if (![a, column, rows, cols].every((n) => typeof n === 'number' && Number.isInteger(n)) || a < 1 || (column ?? 0) < 1 || rows < 1 || cols < 1) {
        throw new Error(`Exception: The parameters (${a},${column},${rows},${cols}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
      }
      area = { top: a - 1, left: column! - 1, bottom: a - 1 + rows - 1, right: column! - 1 + cols - 1 };
    }
    this.checkBounds(area);
    return new FakeRange(this.env, this.sheetId, area);
  }
  checkBounds(area: Area): void {
    if (area.top < 0 || area.left < 0 || area.bottom >= this.d.maxRows || area.right >= this.d.maxColumns) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.env.count('Sheet.getRangeList');
    const areas = a1Notations.map(parseAreaText);
    for (const a of areas) this.checkBounds(a);
    return new FakeRangeList(this.env, areas.map((a) => new FakeRange(this.env, this.sheetId, a)));
  }
  getLastRow(): number {
    this.env.count('Sheet.getLastRow');
    return this.contentExtent().rows;
  }
  getLastColumn(): number {
    this.env.count('Sheet.getLastColumn');
    return this.contentExtent().cols;
  }
  getMaxRows(): number {
    this.env.count('Sheet.getMaxRows');
    return this.d.maxRows;
  }
  getMaxColumns(): number {
    this.env.count('Sheet.getMaxColumns');
    return this.d.maxColumns;
  }
  private shift(axis: 'row' | 'col', from: number, by: number): void {
    shiftSheet(this.env.data, this.d, axis, from, by);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.env.count('Sheet.insertColumnsAfter');
    if (afterPosition < 1 || afterPosition > this.d.maxColumns || howMany < 1) throw new Error('Exception: Those columns are out of bounds.');
    this.shift('col', afterPosition, howMany);
    this.d.maxColumns += howMany;
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.env.count('Sheet.insertRowsAfter');
    if (afterPosition < 1 || afterPosition > this.d.maxRows || howMany < 1) throw new Error('Exception: Those rows are out of bounds.');
    this.shift('row', afterPosition, howMany);
    this.d.maxRows += howMany;
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.env.count('Sheet.deleteColumns');
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.d.maxColumns || howMany < 1) throw new Error('Exception: Those columns are out of bounds.');
    if (howMany >= this.d.maxColumns) throw new Error("Exception: You can't delete all the columns on the sheet.");
    this.shift('col', columnPosition - 1, -howMany);
    this.d.maxColumns -= howMany;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.env.count('Sheet.deleteRows');
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.d.maxRows || howMany < 1) throw new Error('Exception: Those rows are out of bounds.');
    if (howMany >= this.d.maxRows) throw new Error("Exception: You can't delete all the rows on the sheet.");
    this.shift('row', rowPosition - 1, -howMany);
    this.d.maxRows -= howMany;
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.env.count('Sheet.getConditionalFormatRules');
    return this.d.rules.map((r) => new FakeConditionalFormatRule(this.env, this.sheetId, clone(r)));
  }
  setConditionalFormatRules(rules: GasConditionalFormatRule[]): void {
    this.env.count('Sheet.setConditionalFormatRules');
    const out: FakeRuleData[] = [];
    for (const r of rules) {
      if (!(r instanceof FakeConditionalFormatRule)) throw new Error('Exception: Invalid argument: rules');
      if (r.sheetId !== this.sheetId) throw new Error("Exception: The conditional format rule's ranges must be on this sheet.");
      out.push(clone(r.rule));
    }
    this.d.rules = out;
  }
  setFrozenRows(rows: number): void {
    this.env.count('Sheet.setFrozenRows');
    this.d.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.env.count('Sheet.setFrozenColumns');
    this.d.frozenColumns = columns;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.env.count('Sheet.setColumnWidths');
    if (startColumn < 1 || startColumn + numColumns - 1 > this.d.maxColumns) throw new Error('Exception: Those columns are out of bounds.');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.d.columnWidths[String(c)] = width;
    return this;
  }
  newChart(): FakeEmbeddedChartBuilder {
    this.env.count('Sheet.newChart');
    return new FakeEmbeddedChartBuilder(this.env, this.sheetId);
  }
  insertChart(chart: GasEmbeddedChart): void {
    this.env.count('Sheet.insertChart');
    if (!(chart instanceof FakeEmbeddedChart) || chart.sheetId !== this.sheetId) throw new Error('Exception: Invalid argument: chart');
    this.d.charts.push(clone(chart.chart));
  }
  addDeveloperMetadata(key: string, value: string, visibility: GasEnumValue): FakeSheet {
    this.env.count('Sheet.addDeveloperMetadata');
    this.d.metadata.push({ id: this.env.nextId(), key, value, visibility: String(visibility) });
    return this;
  }
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.env.count('Sheet.createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.env, this.sheetId);
  }
  activate(): FakeSheet {
    this.env.count('Sheet.activate');
    this.env.data.activeSheetId = this.sheetId;
    this.env.data.activeRange = 'A1';
    return this;
  }
}

/** Rows or columns inserted (`by` > 0) or deleted (`by` < 0) at `from` (0-based) of sheet `d`:
 * its cells, merges, rules and row/column metadata move; on insertion every formula's references
 * to the sheet are adjusted. */
function shiftSheet(data: FakeSpreadsheetData, d: FakeSheetData, axis: 'row' | 'col', from: number, by: number): void {
  const move = (a: Area): Area | null => {
    const lo = axis === 'row' ? a.top : a.left;
    const hi = axis === 'row' ? a.bottom : a.right;
    let nlo = lo;
    let nhi = hi;
    if (by > 0) {
      if (lo >= from) nlo += by;
      if (hi >= from) nhi += by;
    } else {
      const gone = -by;
      const end = from + gone - 1;
      const adj = (x: number) => (x > end ? x - gone : x >= from ? from : x);
      nlo = adj(lo);
      nhi = hi > end ? hi - gone : Math.min(hi, from - 1);
      if (nhi < nlo) return null;
    }
    return axis === 'row' ? { ...a, top: nlo, bottom: nhi } : { ...a, left: nlo, right: nhi };
  };
  const cells: Record<string, FakeCell> = {};
  for (const [k, c] of Object.entries(d.cells)) {
    const p = parseCellKey(k);
    const x = axis === 'row' ? p.row : p.col;
    if (by < 0 && x >= from && x < from - by) continue;
    const nx = x >= from ? x + by : x;
    cells[axis === 'row' ? cellA1(nx, p.col) : cellA1(p.row, nx)] = c;
  }
  d.cells = cells;
  d.merges = d.merges.map((m) => move(parseAreaText(m))).filter((a): a is Area => a !== null).map(areaText);
  for (const r of d.rules) r.ranges = r.ranges.map((m) => move(parseAreaText(m))).filter((a): a is Area => a !== null).map(areaText);
  d.rules = d.rules.filter((r) => r.ranges.length);
  d.metadata = d.metadata.filter((m) => {
    const at = axis === 'row' ? m.row : m.column;
    if (at === undefined) return true;
    if (by < 0 && at >= from && at < from - by) return false;
    const moved = at >= from ? at + by : at;
    if (axis === 'row') m.row = moved;
    else m.column = moved;
    return true;
  });
  if (by > 0) {
    const ins = { axis, at: from, count: by } as const;
    for (const other of data.sheets) for (const c of Object.values(other.cells)) if (c.f) c.f = shiftFormula(c.f, other.name, d.name, ins);
  }
}

// ── Range ───────────────────────────────────────────────────────────────────────────────────

const PLAIN_TEXT_FORMAT = '@';

/** How Sheets reads a string written by setValues: as if typed. A leading `'` makes the rest text;
 * a cell in plain-text format (`@`) keeps the string as it is; otherwise `=…` is a formula, and so
 * is `+…`/`-…` followed by something a formula can start with (`+1+1` is `=+1+1`), unless it is a
 * plain number. */
function typedInput(s: string, plainText = false): { v?: FakeValue; f?: string } {
  if (s === '') return {};
  if (s.startsWith("'")) return s.length > 1 ? { v: s.slice(1) } : {};
  if (plainText) return { v: s };
  if (s.startsWith('=') && s.length > 1) return { f: s };
  const t = s.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(t)) return { v: t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t) };
  if (/^[+-][\p{L}\p{N}($."+-]/u.test(s)) return { f: `=${s}` };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  const dm = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/.exec(t);
  if (dm) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) return { v: { date: ms } };
  }
  const named = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}?,?\s*\d{4}$/i.exec(t);
  if (named && Number.isFinite(Date.parse(t))) return { v: { date: Date.parse(t) } };
  return { v: s };
}

export class FakeRange implements GasRange {
  constructor(
    private readonly env: FakeGas,
    readonly sheetId: number,
    readonly area: Area,
  ) {}
  private get sheet(): FakeSheetData {
    const s = this.env.data.sheets.find((x) => x.id === this.sheetId);
    if (!s) throw new Error('Exception: The sheet was deleted.');
    return s;
  }
  private rows(): number {
    return this.area.bottom - this.area.top + 1;
  }
  private cols(): number {
    return this.area.right - this.area.left + 1;
  }
  private map<T>(f: (c: FakeCell | undefined, row: number, col: number) => T): T[][] {
    const s = this.sheet;
    const out: T[][] = [];
    for (let r = this.area.top; r <= this.area.bottom; r++) {
      const line: T[] = [];
      for (let c = this.area.left; c <= this.area.right; c++) line.push(f(s.cells[cellA1(r, c)], r, c));
      out.push(line);
    }
    return out;
  }
  private write(grid: unknown[][], set: (c: FakeCell, v: unknown) => void): FakeRange {
    if (!Array.isArray(grid) || grid.length !== this.rows()) throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${this.rows()}.`);
    for (const row of grid) {
      if (!Array.isArray(row) || row.length !== this.cols()) throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.cols()}.`);
    }
    const s = this.sheet;
    grid.forEach((row, i) =>
      row.forEach((v, j) => {
        const key = cellA1(this.area.top + i, this.area.left + j);
        const c: FakeCell = { ...(s.cells[key] ?? {}) };
        set(c, v);
        if (Object.keys(c).length) s.cells[key] = c;
        else delete s.cells[key];
      }),
    );
    return this;
  }
  getA1Notation(): string {
    this.env.count('Range.getA1Notation');
    return areaText(this.area);
  }
  getRow(): number {
    this.env.count('Range.getRow');
    return this.area.top + 1;
  }
  getColumn(): number {
    this.env.count('Range.getColumn');
    return this.area.left + 1;
  }
  getNumRows(): number {
    this.env.count('Range.getNumRows');
    return this.rows();
  }
  getNumColumns(): number {
    this.env.count('Range.getNumColumns');
    return this.cols();
  }
  getSheet(): FakeSheet {
    this.env.count('Range.getSheet');
    return new FakeSheet(this.env, this.sheetId);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  getValues(): any[][] {
    this.env.count('Range.getValues');
    return this.map((c) => {
      const v = c?.v;
      if (v === undefined) return '';
      return isFakeDate(v) ? new Date(v.date) : v;
    });
  }
  getNumberFormats(): string[][] {
    this.env.count('Range.getNumberFormats');
    return this.map((c) => c?.nf ?? AUTOMATIC_FORMAT);
  }
  getFormulas(): string[][] {
    this.env.count('Range.getFormulas');
    return this.map((c) => c?.f ?? '');
  }
  getMergedRanges(): FakeRange[] {
    this.env.count('Range.getMergedRanges');
    const a = this.area;
    return this.sheet.merges
      .map(parseAreaText)
      .filter((m) => m.top <= a.bottom && a.top <= m.bottom && m.left <= a.right && a.left <= m.right)
      .map((m) => new FakeRange(this.env, this.sheetId, m));
  }
  getBackgrounds(): string[][] {
    this.env.count('Range.getBackgrounds');
    return this.map((c) => c?.bg ?? '#ffffff');
  }
  getFontColors(): string[][] {
    this.env.count('Range.getFontColors');
    return this.map((c) => c?.fc ?? '#000000');
  }
  getFontWeights(): GasFontWeight[][] {
    this.env.count('Range.getFontWeights');
    return this.map((c) => c?.fw ?? 'normal');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setValues(values: any[][]): FakeRange {
    this.env.count('Range.setValues');
    // Sheets refuses a cell of more than 50,000 characters (the whole call fails).
    if (values.some((row) => Array.isArray(row) && row.some((v) => typeof v === 'string' && v.length > 50_000))) throw new Error('Your input contains more than the maximum of 50000 characters in a single cell.');
    return this.write(values, (c, v) => {
      delete c.v;
      delete c.f;
      if (v === null || v === undefined || v === '') return;
      if (typeof v === 'string') Object.assign(c, typedInput(v, c.nf === PLAIN_TEXT_FORMAT));
      else if (typeof v === 'number' || typeof v === 'boolean') c.v = v;
      else if (isDateObject(v)) c.v = { date: v.getTime() };
      else c.v = String(v);
    });
  }
  setFormulas(formulas: string[][]): FakeRange {
    this.env.count('Range.setFormulas');
    return this.write(formulas, (c, v) => {
      delete c.v;
      delete c.f;
      if (typeof v !== 'string' || v === '') return;
      Object.assign(c, v.startsWith('=') ? { f: v } : typedInput(v, c.nf === PLAIN_TEXT_FORMAT));
    });
  }
  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.env.count('Range.setNumberFormats');
    return this.write(numberFormats, (c, v) => {
      if (typeof v === 'string' && v !== '') c.nf = v;
      else delete c.nf;
    });
  }
  setBackgrounds(color: Array<Array<string | null>>): FakeRange {
    this.env.count('Range.setBackgrounds');
    return this.write(color, (c, v) => {
      if (typeof v === 'string' && v !== '' && v.toLowerCase() !== '#ffffff') c.bg = v.toLowerCase();
      else delete c.bg;
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setFontColors(colors: any[][]): FakeRange {
    this.env.count('Range.setFontColors');
    return this.write(colors, (c, v) => {
      if (typeof v === 'string' && v !== '' && v.toLowerCase() !== '#000000') c.fc = v.toLowerCase();
      else delete c.fc;
    });
  }
  setFontWeights(fontWeights: Array<Array<GasFontWeight | null>>): FakeRange {
    this.env.count('Range.setFontWeights');
    return this.write(fontWeights, (c, v) => {
      if (v === 'bold') c.fw = 'bold';
      else delete c.fw;
    });
  }
  setWraps(wraps: boolean[][]): FakeRange {
    this.env.count('Range.setWraps');
    return this.write(wraps, (c, v) => {
      if (v) c.wrap = true;
      else delete c.wrap;
    });
  }
  /** Sets one number format on every cell (RangeList.setNumberFormat; not counted here). */
  applyNumberFormat(format: string): void {
    const s = this.sheet;
    for (let r = this.area.top; r <= this.area.bottom; r++) {
      for (let c = this.area.left; c <= this.area.right; c++) {
        const key = cellA1(r, c);
        s.cells[key] = { ...(s.cells[key] ?? {}), nf: format };
      }
    }
  }
  clear(): FakeRange {
    this.env.count('Range.clear');
    const s = this.sheet;
    for (let r = this.area.top; r <= this.area.bottom; r++) for (let c = this.area.left; c <= this.area.right; c++) delete s.cells[cellA1(r, c)];
    return this;
  }
  addDeveloperMetadata(key: string, value: string, visibility: GasEnumValue): FakeRange {
    this.env.count('Range.addDeveloperMetadata');
    const s = this.sheet;
    const a = this.area;
    const wholeRow = a.left === 0 && a.right === s.maxColumns - 1;
    const wholeColumn = a.top === 0 && a.bottom === s.maxRows - 1;
    if (wholeRow && a.top === a.bottom) s.metadata.push({ id: this.env.nextId(), key, value, visibility: String(visibility), row: a.top });
    else if (wholeColumn && a.left === a.right) s.metadata.push({ id: this.env.nextId(), key, value, visibility: String(visibility), column: a.left });
    else throw new Error('Exception: Adding developer metadata to a range is only supported for a single whole row or column.');
    return this;
  }
  activate(): FakeRange {
    this.env.count('Range.activate');
    this.env.data.activeSheetId = this.sheetId;
    this.env.data.activeRange = areaText(this.area);
    return this;
  }
}

export class FakeRangeList implements GasRangeList {
  constructor(
    private readonly env: FakeGas,
    private readonly ranges: FakeRange[],
  ) {}
  getRanges(): FakeRange[] {
    this.env.count('RangeList.getRanges');
    return [...this.ranges];
  }
  setNumberFormat(format: string): FakeRangeList {
    this.env.count('RangeList.setNumberFormat');
    for (const r of this.ranges) r.applyNumberFormat(format);
    return this;
  }
}

// ── Conditional formats ─────────────────────────────────────────────────────────────────────

export class FakeBooleanCondition implements GasBooleanCondition {
  constructor(
    private readonly env: FakeGas,
    private readonly rule: FakeRuleData,
  ) {}
  getCriteriaType(): GasEnumValue {
    this.env.count('BooleanCondition.getCriteriaType');
    return this.rule.criteria;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  getCriteriaValues(): any[] {
    this.env.count('BooleanCondition.getCriteriaValues');
    return clone(this.rule.values);
  }
}

export class FakeConditionalFormatRule implements GasConditionalFormatRule {
  constructor(
    private readonly env: FakeGas,
    readonly sheetId: number,
    readonly rule: FakeRuleData,
  ) {}
  getBooleanCondition(): FakeBooleanCondition | null {
    this.env.count('ConditionalFormatRule.getBooleanCondition');
    return this.rule.criteria === 'GRADIENT' ? null : new FakeBooleanCondition(this.env, this.rule);
  }
  getRanges(): FakeRange[] {
    this.env.count('ConditionalFormatRule.getRanges');
    return this.rule.ranges.map((a) => new FakeRange(this.env, this.sheetId, parseAreaText(a)));
  }
}

export class FakeConditionalFormatRuleBuilder implements GasConditionalFormatRuleBuilder {
  private rule: FakeRuleData = { ranges: [], criteria: '', values: [] };
  private sheetId: number | null = null;
  constructor(private readonly env: FakeGas) {}
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    this.env.count('ConditionalFormatRuleBuilder.whenFormulaSatisfied');
    this.rule.criteria = 'CUSTOM_FORMULA';
    this.rule.values = [formula];
    return this;
  }
  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.env.count('ConditionalFormatRuleBuilder.setBackground');
    if (color) this.rule.background = color.toLowerCase();
    else delete this.rule.background;
    return this;
  }
  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.env.count('ConditionalFormatRuleBuilder.setFontColor');
    if (color) this.rule.fontColor = color.toLowerCase();
    else delete this.rule.fontColor;
    return this;
  }
  setRanges(ranges: GasRange[]): FakeConditionalFormatRuleBuilder {
    this.env.count('ConditionalFormatRuleBuilder.setRanges');
    const fr = ranges.map((r) => {
      if (!(r instanceof FakeRange)) throw new Error('Exception: Invalid argument: ranges');
      return r;
    });
    const ids = new Set(fr.map((r) => r.sheetId));
    if (ids.size > 1) throw new Error('Exception: All ranges of a rule must be on one sheet.');
    this.sheetId = fr[0]?.sheetId ?? null;
    this.rule.ranges = fr.map((r) => areaText(r.area));
    return this;
  }
  build(): FakeConditionalFormatRule {
    this.env.count('ConditionalFormatRuleBuilder.build');
    if (!this.rule.criteria) throw new Error('Exception: Conditional format rule must have a condition.');
    if (this.sheetId === null || !this.rule.ranges.length) throw new Error('Exception: Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(this.env, this.sheetId, clone(this.rule));
  }
}

// ── Developer metadata ──────────────────────────────────────────────────────────────────────

interface MetadataRef {
  data: FakeMetadataData;
  /** Null: the spreadsheet. */
  sheetId: number | null;
}

const locationType = (sheetId: number | null, m: FakeMetadataData) => (sheetId === null ? 'SPREADSHEET' : m.row !== undefined ? 'ROW' : m.column !== undefined ? 'COLUMN' : 'SHEET');

export class FakeDeveloperMetadataLocation implements GasDeveloperMetadataLocation {
  constructor(
    private readonly env: FakeGas,
    private readonly sheetId: number | null,
    private readonly data: FakeMetadataData,
  ) {}
  private sheet(): FakeSheetData {
    const s = this.env.data.sheets.find((x) => x.id === this.sheetId);
    if (!s) throw new Error('Exception: The sheet was deleted.');
    return s;
  }
  getLocationType(): GasEnumValue {
    this.env.count('DeveloperMetadataLocation.getLocationType');
    return locationType(this.sheetId, this.data);
  }
  getSheet(): FakeSheet | null {
    this.env.count('DeveloperMetadataLocation.getSheet');
    return locationType(this.sheetId, this.data) === 'SHEET' ? new FakeSheet(this.env, this.sheetId!) : null;
  }
  getRow(): FakeRange | null {
    this.env.count('DeveloperMetadataLocation.getRow');
    if (this.data.row === undefined || this.sheetId === null) return null;
    return new FakeRange(this.env, this.sheetId, { top: this.data.row, left: 0, bottom: this.data.row, right: this.sheet().maxColumns - 1 });
  }
  getColumn(): FakeRange | null {
    this.env.count('DeveloperMetadataLocation.getColumn');
    if (this.data.column === undefined || this.sheetId === null) return null;
    return new FakeRange(this.env, this.sheetId, { top: 0, left: this.data.column, bottom: this.sheet().maxRows - 1, right: this.data.column });
  }
}

export class FakeDeveloperMetadata implements GasDeveloperMetadata {
  constructor(
    private readonly env: FakeGas,
    private readonly ref: MetadataRef,
  ) {}
  private owner(): FakeMetadataData[] {
    if (this.ref.sheetId === null) return this.env.data.metadata;
    const s = this.env.data.sheets.find((x) => x.id === this.ref.sheetId);
    if (!s) throw new Error('Exception: The metadata was deleted.');
    return s.metadata;
  }
  private live(): FakeMetadataData {
    const m = this.owner().find((x) => x.id === this.ref.data.id);
    if (!m) throw new Error('Exception: The metadata was deleted.');
    return m;
  }
  getKey(): string {
    this.env.count('DeveloperMetadata.getKey');
    return this.live().key;
  }
  getValue(): string | null {
    this.env.count('DeveloperMetadata.getValue');
    return this.live().value;
  }
  setValue(value: string): FakeDeveloperMetadata {
    this.env.count('DeveloperMetadata.setValue');
    this.live().value = value;
    return this;
  }
  getLocation(): FakeDeveloperMetadataLocation {
    this.env.count('DeveloperMetadata.getLocation');
    return new FakeDeveloperMetadataLocation(this.env, this.ref.sheetId, this.live());
  }
  remove(): void {
    this.env.count('DeveloperMetadata.remove');
    const list = this.owner();
    const i = list.findIndex((x) => x.id === this.ref.data.id);
    if (i >= 0) list.splice(i, 1);
  }
}

export class FakeDeveloperMetadataFinder implements GasDeveloperMetadataFinder {
  private key: string | null = null;
  private type: string | null = null;
  /** A sheet's finder sees that sheet's metadata (on it, its rows and its columns) only. */
  constructor(
    private readonly env: FakeGas,
    private readonly sheetId?: number,
  ) {}
  withKey(key: string): FakeDeveloperMetadataFinder {
    this.env.count('DeveloperMetadataFinder.withKey');
    this.key = key;
    return this;
  }
  withLocationType(locationType: GasEnumValue): FakeDeveloperMetadataFinder {
    this.env.count('DeveloperMetadataFinder.withLocationType');
    this.type = String(locationType);
    return this;
  }
  find(): FakeDeveloperMetadata[] {
    this.env.count('DeveloperMetadataFinder.find');
    const own = this.sheetId;
    const refs: MetadataRef[] = [
      ...(own === undefined ? this.env.data.metadata.map((data) => ({ data, sheetId: null })) : []),
      ...this.env.data.sheets.filter((s) => own === undefined || s.id === own).flatMap((s) => s.metadata.map((data) => ({ data, sheetId: s.id as number | null }))),
    ];
    return refs
      .filter((r) => (this.key === null || r.data.key === this.key) && (this.type === null || locationType(r.sheetId, r.data) === this.type))
      .map((r) => new FakeDeveloperMetadata(this.env, r));
  }
}

// ── Charts ──────────────────────────────────────────────────────────────────────────────────

export class FakeEmbeddedChart implements GasEmbeddedChart {
  constructor(
    private readonly env: FakeGas,
    readonly sheetId: number,
    readonly chart: FakeChartData,
  ) {}
  getRanges(): FakeRange[] {
    this.env.count('EmbeddedChart.getRanges');
    return this.chart.ranges.map((a) => new FakeRange(this.env, this.sheetId, parseAreaText(a)));
  }
}

export class FakeEmbeddedChartBuilder implements GasEmbeddedChartBuilder, GasEmbeddedBarChartBuilder {
  private chart: FakeChartData = { type: 'UNSET', ranges: [], options: {}, position: [1, 1, 0, 0] };
  constructor(
    private readonly env: FakeGas,
    private readonly sheetId: number,
  ) {}
  asBarChart(): FakeEmbeddedChartBuilder {
    this.env.count('EmbeddedChartBuilder.asBarChart');
    this.chart.type = 'BAR';
    return this;
  }
  addRange(range: GasRange): FakeEmbeddedChartBuilder {
    this.env.count('EmbeddedChartBuilder.addRange');
    if (!(range instanceof FakeRange) || range.sheetId !== this.sheetId) throw new Error('Exception: Invalid argument: range');
    this.chart.ranges.push(areaText(range.area));
    return this;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setOption(option: string, value: any): FakeEmbeddedChartBuilder {
    this.env.count('EmbeddedChartBuilder.setOption');
    this.chart.options[option] = clone(value);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeEmbeddedChartBuilder {
    this.env.count('EmbeddedChartBuilder.setPosition');
    this.chart.position = [anchorRowPos, anchorColPos, offsetX, offsetY];
    return this;
  }
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.env.count('EmbeddedChartBuilder.setNumHeaders');
    this.chart.options.numHeaders = headers;
    return this;
  }
  build(): FakeEmbeddedChart {
    this.env.count('EmbeddedChartBuilder.build');
    if (!this.chart.ranges.length) throw new Error('Exception: The chart has no data.');
    return new FakeEmbeddedChart(this.env, this.sheetId, clone(this.chart));
  }
}

// ── Ui, HtmlService ─────────────────────────────────────────────────────────────────────────

export class FakeMenu implements GasMenu {
  private readonly menu: FakeMenuData;
  constructor(
    private readonly env: FakeGas,
    caption: string,
    addon = false,
  ) {
    this.menu = { caption, items: [], ...(addon ? { addon: true } : {}) };
  }
  addItem(caption: string, functionName: string): FakeMenu {
    this.env.count('Menu.addItem');
    this.menu.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this.env.count('Menu.addSeparator');
    this.menu.items.push({ separator: true });
    return this;
  }
  addToUi(): void {
    this.env.count('Menu.addToUi');
    const i = this.env.menus.findIndex((m) => m.caption === this.menu.caption && !!m.addon === !!this.menu.addon);
    if (i >= 0) this.env.menus.splice(i, 1, clone(this.menu));
    else this.env.menus.push(clone(this.menu));
  }
}

export class FakeHtmlOutput implements GasHtmlOutput {
  title = '';
  /** What `append` added after the file's content. */
  appended = '';
  constructor(
    private readonly env: FakeGas,
    readonly file: string,
    readonly content: string,
  ) {}
  setTitle(title: string): FakeHtmlOutput {
    this.env.count('HtmlOutput.setTitle');
    this.title = title;
    return this;
  }
  append(addedContent: string): FakeHtmlOutput {
    this.env.count('HtmlOutput.append');
    this.appended += addedContent;
    return this;
  }
}

export class FakeUi implements GasUi {
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
  constructor(private readonly env: FakeGas) {}
  createMenu(caption: string): FakeMenu {
    this.env.count('Ui.createMenu');
    return new FakeMenu(this.env, caption);
  }
  createAddonMenu(): FakeMenu {
    this.env.count('Ui.createAddonMenu');
    return new FakeMenu(this.env, this.env.addonName, true);
  }
  /** The answer the user gives to the next alerts that ask (YES_NO): a test pushes them; none left, YES. */
  readonly answers: ('YES' | 'NO')[] = [];
  alert(title: string, prompt: string, buttons: GasEnumValue): GasEnumValue {
    this.env.count('Ui.alert');
    this.env.alerts.push({ title, prompt });
    if (buttons === this.ButtonSet.YES_NO) return this.answers.shift() ?? 'YES';
    return 'OK';
  }
  showSidebar(userInterface: GasHtmlOutput): void {
    this.env.count('Ui.showSidebar');
    if (!(userInterface instanceof FakeHtmlOutput)) throw new Error('Exception: Invalid argument: userInterface');
    this.env.sidebars.push({ file: userInterface.file, title: userInterface.title, appended: userInterface.appended });
  }
}

export class FakeHtmlService implements GasHtmlService {
  constructor(private readonly env: FakeGas) {}
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.env.count('HtmlService.createHtmlOutputFromFile');
    const name = filename.replace(/\.html$/, '');
    const content = this.env.htmlFiles[name];
    if (content === undefined) throw new Error(`Exception: No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(this.env, name, content);
  }
}

// ── Utilities, Session, PropertiesService ───────────────────────────────────────────────────

export class FakeUtilities implements GasUtilities {
  constructor(private readonly env: FakeGas) {}
  /** The patterns the script uses: `Z` (offset, `+0600`) and `yyyy-MM-dd` / `HH:mm` fields. */
  formatDate(date: Date, timeZone: string, format: string): string {
    this.env.count('Utilities.formatDate');
    const t = date.getTime();
    const off = zoneOffsetMs(timeZone, t);
    const wall = new Date(t + off);
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off) / 60_000;
    return format.replace(/yyyy|MM|dd|HH|mm|ss|Z/g, (tok) => {
      switch (tok) {
        case 'yyyy':
          return p(wall.getUTCFullYear(), 4);
        case 'MM':
          return p(wall.getUTCMonth() + 1);
        case 'dd':
          return p(wall.getUTCDate());
        case 'HH':
          return p(wall.getUTCHours());
        case 'mm':
          return p(wall.getUTCMinutes());
        case 'ss':
          return p(wall.getUTCSeconds());
        default:
          return `${sign}${p(Math.floor(abs / 60))}${p(abs % 60)}`;
      }
    });
  }
  getUuid(): string {
    this.env.count('Utilities.getUuid');
    return this.env.nextUuid();
  }
}

export class FakeSession implements GasSession {
  constructor(private readonly env: FakeGas) {}
  getScriptTimeZone(): string {
    this.env.count('Session.getScriptTimeZone');
    return this.env.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    this.env.count('Session.getActiveUserLocale');
    return this.env.userLocale;
  }
}

/** The document lock: one holder at a time. When another user's run holds it (`documentLock.other`),
 * `tryLock` waits its whole timeout on the simulated clock and gives up, as Apps Script's does. */
export class FakeLock implements GasLock {
  private mine = false;
  constructor(private readonly env: FakeGas) {}
  tryLock(timeoutInMillis: number): boolean {
    this.env.count('Lock.tryLock');
    if (this.mine) return true;
    const l = this.env.documentLock;
    if (l.other || l.held) {
      this.env.clock.now += Math.max(0, timeoutInMillis);
      return false;
    }
    l.held = true;
    this.mine = true;
    return true;
  }
  releaseLock(): void {
    this.env.count('Lock.releaseLock');
    if (this.mine) this.env.documentLock.held = false;
    this.mine = false;
  }
  hasLock(): boolean {
    this.env.count('Lock.hasLock');
    return this.mine;
  }
}

export class FakeLockService implements GasLockService {
  constructor(private readonly env: FakeGas) {}
  getDocumentLock(): FakeLock {
    this.env.count('LockService.getDocumentLock');
    return new FakeLock(this.env);
  }
}

/** The advanced Sheets service's `Spreadsheets.get` for `sheets(properties.sheetId,merges)`:
 * one call, every sheet's merged areas as GridRanges, zeros left out as the API's JSON does. */
export class FakeSheetsApi implements GasSheetsApi {
  constructor(private readonly env: FakeGas) {}
  readonly Spreadsheets = {
    get: (spreadsheetId: string, optionalArgs: { fields: string }) => {
      this.env.count('Sheets.Spreadsheets.get');
      if (spreadsheetId !== this.env.spreadsheetId) throw new Error(`GoogleJsonResponseException: API call to sheets.spreadsheets.get failed with error: Requested entity was not found.`);
      if (optionalArgs?.fields !== 'sheets(properties.sheetId,merges)') throw new Error(`the fake answers only sheets(properties.sheetId,merges), not ${optionalArgs?.fields}`);
      const nonZero = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== 0));
      return {
        sheets: this.env.data.sheets.map((s) => {
          const merges = s.merges.map((m): GasGridRange => {
            const a = parseAreaText(m);
            return nonZero({ sheetId: s.id, startRowIndex: a.top, endRowIndex: a.bottom + 1, startColumnIndex: a.left, endColumnIndex: a.right + 1 });
          });
          return { properties: nonZero({ sheetId: s.id }), ...(merges.length ? { merges } : {}) };
        }),
      };
    },
  };
}

export class FakeProperties implements GasProperties {
  constructor(
    private readonly env: FakeGas,
    private readonly store: Map<string, string>,
  ) {}
  getProperty(key: string): string | null {
    this.env.count('Properties.getProperty');
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this.env.count('Properties.setProperty');
    this.store.set(key, String(value));
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.env.count('Properties.deleteProperty');
    this.store.delete(key);
    return this;
  }
}

export class FakePropertiesService implements GasPropertiesService {
  constructor(private readonly env: FakeGas) {}
  getDocumentProperties(): FakeProperties {
    this.env.count('PropertiesService.getDocumentProperties');
    return new FakeProperties(this.env, this.env.documentProperties);
  }
  getUserProperties(): FakeProperties {
    this.env.count('PropertiesService.getUserProperties');
    return new FakeProperties(this.env, this.env.userProperties);
  }
}

// ── Snapshots ───────────────────────────────────────────────────────────────────────────────

export const OWNED_MARKER = '"apa-sheets:';
const OWNED_KEY = 'apa-sheets.owned';

/** The record as compared: the report sheets' ids (new each time reports are written, like the
 * sheets' own ids, which snapshots leave out) as those sheets' names. */
function sheetIdsNamed(data: FakeSpreadsheetData, value: string | null): string | null {
  try {
    const o = JSON.parse(value ?? '') as { reportIds?: string[] };
    if (!Array.isArray(o.reportIds)) return value;
    o.reportIds = o.reportIds.map((id) => data.sheets.find((s) => String(s.id) === id)?.name ?? `missing ${id}`);
    return JSON.stringify(o);
  } catch {
    return value;
  }
}
export const REPORT_METADATA_KEY = 'apa-sheets.report';

export interface SheetSnapshot {
  name: string;
  /** A1 → the cell's value, formula, number format, background, font colour and weight, as text. */
  cells: Record<string, string>;
  merges: string[];
  /** The conditional-format rules, in order, as text. */
  rules: string[];
  /** Grid size, frozen panes, column widths, charts, metadata: everything else, as text. */
  extra: string;
}

export interface SpreadsheetSnapshot {
  sheets: SheetSnapshot[];
  metadata: string;
}

export interface SnapshotOptions {
  /** Only what belongs to the user: no report sheets, none of the script's rules, no cell inside
   * `ownedAreas` (sheet name → A1 areas), no grid size, charts or metadata. */
  userOnly?: boolean;
  ownedAreas?: Record<string, string[]>;
}

const cellText = (c: FakeCell): string => JSON.stringify([isFakeDate(c.v) ? { date: c.v.date } : c.v ?? null, c.f ?? null, c.nf ?? null, c.bg ?? null, c.fc ?? null, c.fw ?? null]);

/** The spreadsheet's content as comparable text: values, formulas, number formats, backgrounds,
 * font colours and weights, merges, conditional-format rules and sheet names (ids are left out:
 * a re-written report sheet gets a new one). */
export function snapshot(data: FakeSpreadsheetData, options: SnapshotOptions = {}): SpreadsheetSnapshot {
  const sheets: SheetSnapshot[] = [];
  for (const s of data.sheets) {
    if (options.userOnly && s.metadata.some((m) => m.key === REPORT_METADATA_KEY)) continue;
    const owned = (options.ownedAreas?.[s.name] ?? []).map(parseAreaText);
    const inOwned = (key: string) => {
      const p = parseCellKey(key);
      return owned.some((a) => p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right);
    };
    const cells: Record<string, string> = {};
    for (const key of Object.keys(s.cells).sort()) {
      if (options.userOnly && inOwned(key)) continue;
      cells[key] = cellText(s.cells[key]);
    }
    const rules = s.rules.filter((r) => !(options.userOnly && r.values.some((v) => typeof v === 'string' && v.includes(OWNED_MARKER)))).map((r) => JSON.stringify(r));
    const extra = options.userOnly
      ? ''
      : JSON.stringify({
          maxRows: s.maxRows,
          maxColumns: s.maxColumns,
          frozen: [s.frozenRows, s.frozenColumns],
          widths: s.columnWidths,
          charts: s.charts,
          metadata: s.metadata.map(({ key, value, visibility, row, column }) => ({ key, value, visibility, row, column })),
        });
    sheets.push({ name: s.name, cells, merges: [...s.merges].sort(), rules, extra });
  }
  const metadata = options.userOnly ? '' : JSON.stringify(data.metadata.map(({ key, value, visibility }) => ({ key, value: key === OWNED_KEY ? sheetIdsNamed(data, value) : value, visibility })));
  return { sheets, metadata };
}

/** The differences between two snapshots, one line each (empty when equal). */
export function snapshotDiff(a: SpreadsheetSnapshot, b: SpreadsheetSnapshot, limit = 30): string[] {
  const out: string[] = [];
  const names = (x: SpreadsheetSnapshot) => x.sheets.map((s) => s.name).join(' | ');
  if (names(a) !== names(b)) out.push(`sheets: ${names(a)} → ${names(b)}`);
  for (const sa of a.sheets) {
    const sb = b.sheets.find((x) => x.name === sa.name);
    if (!sb) continue;
    for (const k of new Set([...Object.keys(sa.cells), ...Object.keys(sb.cells)])) if (sa.cells[k] !== sb.cells[k]) out.push(`${sa.name}!${k}: ${sa.cells[k]} → ${sb.cells[k]}`);
    if (JSON.stringify(sa.merges) !== JSON.stringify(sb.merges)) out.push(`${sa.name} merges`);
    if (JSON.stringify(sa.rules) !== JSON.stringify(sb.rules)) out.push(`${sa.name} rules: ${sa.rules.join(' ; ')} → ${sb.rules.join(' ; ')}`);
    if (sa.extra !== sb.extra) out.push(`${sa.name} extra: ${sa.extra} → ${sb.extra}`);
  }
  if (a.metadata !== b.metadata) out.push(`metadata: ${a.metadata} → ${b.metadata}`);
  return out.slice(0, limit);
}
