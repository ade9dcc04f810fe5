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
  activate(): GasSheet;
}

export interface GasSpreadsheet {
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
}

export interface GasUi {
  readonly ButtonSet: { readonly OK: GasEnumValue };
  createMenu(caption: string): GasMenu;
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

/** The simple triggers' event objects, as far as they are read. */
export interface GasOnOpenEvent {
  source: GasSpreadsheet;
}
export interface GasOnEditEvent {
  range: GasRange;
  source: GasSpreadsheet;
}

/** The Apps Script globals the server code reads. PropertiesService is listed for the fakes and
 * the sidebar's tests; the server itself keeps nothing in it (see sheets-workbook.ts). */
export interface GasGlobals {
  SpreadsheetApp: GasSpreadsheetApp;
  HtmlService: GasHtmlService;
  Utilities: GasUtilities;
  Session: GasSession;
  PropertiesService?: GasPropertiesService;
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
  Satisfies<GasOnOpenEvent, GoogleAppsScript.Events.SheetsOnOpen>,
  Satisfies<GasOnEditEvent, GoogleAppsScript.Events.SheetsOnEdit>,
  Satisfies<{ CUSTOM_FORMULA: GasEnumValue }, typeof GoogleAppsScript.Spreadsheet.BooleanCriteria>,
];
