/// <reference types="google-apps-script" />
/**
 * The subset of the Apps Script services (SpreadsheetApp, HtmlService, Utilities, Session,
 * PropertiesService and the Sheets UI) that the Apps Script side calls, and nothing more.
 * `sheets-workbook.ts`, `custom-functions.ts` and `ui.ts` are written against these interfaces, so
 * the same code runs over the real services and over the typed fakes in
 * `test/appsscript/fakes.ts`.
 *
 * Every name and signature is Apps Script's own. The checks at the end of this file make the
 * compiler prove that the real `@types/google-apps-script` types satisfy each interface, so the
 * subset cannot drift from the host's API. The server code never names the real globals: it
 * reads them through `gasGlobals()` (one place, typed by this subset).
 *
 * Enumerations (`BooleanCriteria.CUSTOM_FORMULA`, `DeveloperMetadataVisibility.DOCUMENT`, …) are
 * opaque values read from the service objects, never constants of our own.
 */

/** An Apps Script enumeration member: opaque, compared and passed back only. */
export type GasEnumValue = unknown;

export type GasFontWeight = 'normal' | 'bold';

export interface GasRange {
  getA1Notation(): string;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getSheet(): GasSheet;
  // Sheets gives cell data as any[][]: string | number | boolean | Date, '' for an empty cell.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  getValues(): any[][];
  getNumberFormats(): string[][];
  getFormulas(): string[][];
  getMergedRanges(): GasRange[];
  getBackgrounds(): string[][];
  getFontColors(): string[][];
  getFontWeights(): GasFontWeight[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setValues(values: any[][]): GasRange;
  setFormulas(formulas: string[][]): GasRange;
  setNumberFormats(numberFormats: string[][]): GasRange;
  setBackgrounds(color: Array<Array<string | null>>): GasRange;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setFontColors(colors: any[][]): GasRange;
  setFontWeights(fontWeights: Array<Array<GasFontWeight | null>>): GasRange;
  setWraps(wraps: boolean[][]): GasRange;
  clear(): GasRange;
  activate(): GasRange;
  /** Only on a whole row (`5:5`) or column (`M:M`): the metadata then moves with it as rows and
   * columns are inserted, and goes when it is deleted. */
  addDeveloperMetadata(key: string, value: string, visibility: GasEnumValue): GasRange;
}

export interface GasRangeList {
  getRanges(): GasRange[];
  setNumberFormat(format: string): GasRangeList;
}

export interface GasBooleanCondition {
  getCriteriaType(): GasEnumValue;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  getCriteriaValues(): any[];
}

export interface GasConditionalFormatRule {
  getBooleanCondition(): GasBooleanCondition | null;
  getRanges(): GasRange[];
}

export interface GasConditionalFormatRuleBuilder {
  whenFormulaSatisfied(formula: string): GasConditionalFormatRuleBuilder;
  setBackground(color: string | null): GasConditionalFormatRuleBuilder;
  setFontColor(color: string | null): GasConditionalFormatRuleBuilder;
  setRanges(ranges: GasRange[]): GasConditionalFormatRuleBuilder;
  build(): GasConditionalFormatRule;
}

export interface GasDeveloperMetadataLocation {
  getLocationType(): GasEnumValue;
  getSheet(): GasSheet | null;
  /** The row (ROW metadata) or column (COLUMN metadata) it is on now, as a range; else null. */
  getRow(): GasRange | null;
  getColumn(): GasRange | null;
}

export interface GasDeveloperMetadata {
  getKey(): string;
  getValue(): string | null;
  setValue(value: string): GasDeveloperMetadata;
  getLocation(): GasDeveloperMetadataLocation;
  remove(): void;
}

export interface GasDeveloperMetadataFinder {
  withKey(key: string): GasDeveloperMetadataFinder;
  withLocationType(locationType: GasEnumValue): GasDeveloperMetadataFinder;
  find(): GasDeveloperMetadata[];
}

export interface GasEmbeddedChart {
  getRanges(): GasRange[];
}

export interface GasEmbeddedChartBuilder {
  asBarChart(): GasEmbeddedBarChartBuilder;
  addRange(range: GasRange): GasEmbeddedChartBuilder;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setOption(option: string, value: any): GasEmbeddedChartBuilder;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GasEmbeddedChartBuilder;
  setNumHeaders(headers: number): GasEmbeddedChartBuilder;
  build(): GasEmbeddedChart;
}

export interface GasEmbeddedBarChartBuilder {
  addRange(range: GasRange): GasEmbeddedChartBuilder;
}

export interface GasSheet {
  getName(): string;
  getSheetId(): number;
  getDataRange(): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getRange(a1Notation: string): GasRange;
  getRangeList(a1Notations: string[]): GasRangeList;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet;
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet;
  deleteColumns(columnPosition: number, howMany: number): void;
  deleteRows(rowPosition: number, howMany: number): void;
  getConditionalFormatRules(): GasConditionalFormatRule[];
  setConditionalFormatRules(rules: GasConditionalFormatRule[]): void;
  setFrozenRows(rows: number): void;
  setFrozenColumns(columns: number): void;
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet;
  newChart(): GasEmbeddedChartBuilder;
  insertChart(chart: GasEmbeddedChart): void;
  addDeveloperMetadata(key: string, value: string, visibility: GasEnumValue): GasSheet;
  /** Finds the metadata of this sheet, its rows and its columns. */
  createDeveloperMetadataFinder(): GasDeveloperMetadataFinder;
  activate(): GasSheet;
}

export interface GasSpreadsheet {
  getId(): string;
  getActiveSheet(): GasSheet;
  getSheets(): GasSheet[];
  getSheetByName(name: string): GasSheet | null;
  insertSheet(sheetName: string, sheetIndex: number): GasSheet;
  deleteSheet(sheet: GasSheet): void;
  getSpreadsheetTimeZone(): string;
  addDeveloperMetadata(key: string, value: string, visibility: GasEnumValue): GasSpreadsheet;
  createDeveloperMetadataFinder(): GasDeveloperMetadataFinder;
  toast(msg: string, title: string, timeoutSeconds: number | null): void;
}

export interface GasMenu {
  addItem(caption: string, functionName: string): GasMenu;
  addSeparator(): GasMenu;
  addToUi(): void;
}

export interface GasHtmlOutput {
  setTitle(title: string): GasHtmlOutput;
  append(addedContent: string): GasHtmlOutput;
}

export interface GasUi {
  readonly ButtonSet: { readonly OK: GasEnumValue; readonly YES_NO: GasEnumValue };
  readonly Button: { readonly YES: GasEnumValue };
  createMenu(caption: string): GasMenu;
  /** The add-on's submenu under Extensions (named after the add-on, or the bound script's project). */
  createAddonMenu(): GasMenu;
  alert(title: string, prompt: string, buttons: GasEnumValue): GasEnumValue;
  showSidebar(userInterface: GasHtmlOutput): void;
}

export interface GasSpreadsheetApp {
  readonly BooleanCriteria: { readonly CUSTOM_FORMULA: GasEnumValue };
  readonly DeveloperMetadataVisibility: { readonly DOCUMENT: GasEnumValue };
  readonly DeveloperMetadataLocationType: { readonly SPREADSHEET: GasEnumValue; readonly SHEET: GasEnumValue };
  getActiveSpreadsheet(): GasSpreadsheet;
  getUi(): GasUi;
  flush(): void;
  newConditionalFormatRule(): GasConditionalFormatRuleBuilder;
}

export interface GasHtmlService {
  createHtmlOutputFromFile(filename: string): GasHtmlOutput;
}

export interface GasUtilities {
  formatDate(date: Date, timeZone: string, format: string): string;
  getUuid(): string;
}

export interface GasSession {
  getScriptTimeZone(): string;
  /** The user's language setting (`bn`, `en_US`, …). */
  getActiveUserLocale(): string;
}

export interface GasLock {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
  hasLock(): boolean;
}

export interface GasLockService {
  /** One lock per document for every user of it (null when the script runs without one). */
  getDocumentLock(): GasLock | null;
}

export interface GasProperties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): GasProperties;
  deleteProperty(key: string): GasProperties;
}

export interface GasPropertiesService {
  getDocumentProperties(): GasProperties;
  getUserProperties(): GasProperties;
}

/** The simple triggers' event objects, as far as they are read. `onOpen`'s is never read: in an
 * Editor add-on not yet used in a file (`authMode` NONE) even its `source` is out of bounds. */
export interface GasOnOpenEvent {
  source: GasSpreadsheet;
}
export interface GasOnEditEvent {
  range: GasRange;
  source: GasSpreadsheet;
}

/** The Apps Script globals the server code reads. PropertiesService keeps the user's language
 * (user properties) and the spreadsheet's settings (document properties), never a command's
 * state; LockService keeps two users' long commands from interleaving. */
export interface GasGlobals {
  SpreadsheetApp: GasSpreadsheetApp;
  HtmlService: GasHtmlService;
  Utilities: GasUtilities;
  Session: GasSession;
  PropertiesService?: GasPropertiesService;
  LockService?: GasLockService;
  /** The advanced Sheets service, there only when whoever deploys the script enabled it: it needs
   * the wider `spreadsheets.readonly` scope (docs/deploy.md), so it is never the default. */
  Sheets?: GasSheetsApi;
}

/** A rectangle as the Sheets API gives it: 0-based, end exclusive; a 0 is left out of the JSON. */
export interface GasGridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

/** The part of the advanced Sheets service (Sheets API v4) the script uses: every sheet's merged
 * areas in one call. */
export interface GasSheetsApi {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs: { fields: string }): { sheets?: { properties?: { sheetId?: number }; merges?: GasGridRange[] }[] };
  };
}

/** The real globals of the script's runtime (Apps Script's, or the fakes installed by a test). */
export function gasGlobals(): GasGlobals {
  return globalThis as unknown as GasGlobals;
}

// ── Compile-time proof that the real Apps Script types satisfy the subset ───────────────────
type Satisfies<Subset, Real extends Subset> = Real;
export type AppsScriptSatisfiesSubset = [
  Satisfies<GasRange, GoogleAppsScript.Spreadsheet.Range>,
  Satisfies<GasRangeList, GoogleAppsScript.Spreadsheet.RangeList>,
  Satisfies<GasBooleanCondition, GoogleAppsScript.Spreadsheet.BooleanCondition>,
  Satisfies<GasConditionalFormatRule, GoogleAppsScript.Spreadsheet.ConditionalFormatRule>,
  Satisfies<GasConditionalFormatRuleBuilder, GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder>,
  Satisfies<GasDeveloperMetadataLocation, GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation>,
  Satisfies<GasDeveloperMetadata, GoogleAppsScript.Spreadsheet.DeveloperMetadata>,
  Satisfies<GasDeveloperMetadataFinder, GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder>,
  Satisfies<GasEmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart>,
  Satisfies<GasEmbeddedChartBuilder, GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>,
  Satisfies<GasEmbeddedBarChartBuilder, GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder>,
  Satisfies<GasSheet, GoogleAppsScript.Spreadsheet.Sheet>,
  Satisfies<GasSpreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>,
  Satisfies<GasSpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>,
  Satisfies<GasMenu, GoogleAppsScript.Base.Menu>,
  Satisfies<GasUi, GoogleAppsScript.Base.Ui>,
  Satisfies<GasHtmlOutput, GoogleAppsScript.HTML.HtmlOutput>,
  Satisfies<GasHtmlService, GoogleAppsScript.HTML.HtmlService>,
  Satisfies<GasUtilities, GoogleAppsScript.Utilities.Utilities>,
  Satisfies<GasSession, GoogleAppsScript.Base.Session>,
  Satisfies<GasProperties, GoogleAppsScript.Properties.Properties>,
  Satisfies<GasPropertiesService, GoogleAppsScript.Properties.PropertiesService>,
  Satisfies<GasLock, GoogleAppsScript.Lock.Lock>,
  Satisfies<GasLockService, GoogleAppsScript.Lock.LockService>,
  Satisfies<GasOnOpenEvent, GoogleAppsScript.Events.SheetsOnOpen>,
  Satisfies<GasOnEditEvent, GoogleAppsScript.Events.SheetsOnEdit>,
  Satisfies<{ CUSTOM_FORMULA: GasEnumValue }, typeof GoogleAppsScript.Spreadsheet.BooleanCriteria>,
];
