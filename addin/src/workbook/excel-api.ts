/**
 * The subset of the Excel JavaScript API (Office.js) that the workbook side calls, and nothing
 * more. `excel-workbook.ts` is written against these interfaces, so the same code runs over the
 * real `Excel.run` and over the typed fake in `test/addin/fake-excel.ts`.
 *
 * Every name and signature is Office.js's own (ExcelApi 1.1–1.14). The checks at the end of this
 * file make the compiler prove that the real `@types/office-js` classes satisfy each interface, so
 * the subset cannot drift from the host's API.
 *
 * Enumerations are written as their string values ('Custom', 'BarClustered', …): Office.js accepts
 * both, and strings need no `Excel` global at run time (tests run without one).
 */

/** Every proxy object: queue property loads; read them after `context.sync()`. */
export interface XlLoadable<Self> {
  load(propertyNames?: string | string[]): Self;
}

/** Objects returned by `*OrNullObject` methods. */
export interface XlNullable {
  readonly isNullObject: boolean;
}

export interface XlRangeFill {
  color: string;
  clear(): void;
}

export interface XlRangeFont {
  bold: boolean;
  color: string;
}

export interface XlRangeFormat {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  columnWidth: number;
  /** ExcelApi 1.1 (on a range); 1.9 (on range areas). */
  wrapText: boolean;
  rowHeight: number;
}

/** `Excel.RangeHyperlink` (ExcelApi 1.7). */
export interface XlRangeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export type XlClearApplyTo = 'All' | 'Formats' | 'Contents';

export interface XlRange extends XlLoadable<XlRange>, XlNullable {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  // Office.js types cell data as any[][]: values are string | number | boolean.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  values: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  formulas: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  numberFormat: any[][];
  hyperlink: XlRangeHyperlink;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormatCollection;
  getCell(row: number, column: number): XlRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XlRange;
  /** ExcelApi 1.13. Only merges whose top-left cell lies in the range are returned
   * (office-js issue #3611); at most 512 areas. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  select(): void;
  clear(applyTo?: XlClearApplyTo): void;
}

export interface XlRangeCollection extends XlLoadable<XlRangeCollection> {
  readonly items: XlRange[];
}

/** `Excel.RangeAreas` (ExcelApi 1.9): several rectangles of one sheet. */
export interface XlRangeAreas extends XlLoadable<XlRangeAreas>, XlNullable {
  readonly address: string;
  readonly areaCount: number;
  readonly areas: XlRangeCollection;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormatCollection;
  clear(applyTo?: XlClearApplyTo): void;
}

export interface XlConditionalFormatRule {
  formula: string;
}

export interface XlConditionalRangeFill {
  color: string;
}
export interface XlConditionalRangeFont {
  color: string;
}
export interface XlConditionalRangeFormat {
  readonly fill: XlConditionalRangeFill;
  readonly font: XlConditionalRangeFont;
}

export interface XlCustomConditionalFormat extends XlLoadable<XlCustomConditionalFormat>, XlNullable {
  readonly rule: XlConditionalFormatRule;
  readonly format: XlConditionalRangeFormat;
}

export interface XlConditionalFormat extends XlLoadable<XlConditionalFormat> {
  readonly id: string;
  readonly type: string;
  readonly custom: XlCustomConditionalFormat;
  /** Null object unless the rule is a custom (formula) rule. */
  readonly customOrNullObject: XlCustomConditionalFormat;
  getRanges(): XlRangeAreas;
  delete(): void;
}

export interface XlConditionalFormatCollection extends XlLoadable<XlConditionalFormatCollection> {
  readonly items: XlConditionalFormat[];
  /** "Adds a new conditional format to the collection at the first/top priority." */
  add(type: 'Custom'): XlConditionalFormat;
}

export interface XlChartTitle {
  text: string;
}
export interface XlChartLegend {
  visible: boolean;
  position: 'Invalid' | 'Top' | 'Bottom' | 'Left' | 'Right' | 'Corner' | 'Custom';
}
export interface XlChartFill {
  setSolidColor(color: string): void;
}
export interface XlChartSeriesFormat {
  readonly fill: XlChartFill;
}
export interface XlChartSeries {
  name: string;
  /** ExcelApi 1.8: bars of one band overlap the empty ones of the others. */
  overlap: number;
  gapWidth: number;
  readonly format: XlChartSeriesFormat;
  setXAxisValues(sourceData: XlRange): void;
}
export interface XlChartAxis {
  /** ExcelApi 1.7: the categories top to bottom. */
  reversePlotOrder: boolean;
  maximum: any;
  minimum: any;
}
export interface XlChartAxes {
  readonly categoryAxis: XlChartAxis;
  readonly valueAxis: XlChartAxis;
}
export interface XlChartSeriesCollection {
  getItemAt(index: number): XlChartSeries;
}
export interface XlChart {
  name: string;
  readonly title: XlChartTitle;
  readonly legend: XlChartLegend;
  readonly series: XlChartSeriesCollection;
  readonly axes: XlChartAxes;
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}
export interface XlChartCollection {
  add(type: 'BarClustered' | 'BarStacked', sourceData: XlRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XlChart;
}

export interface XlFreezePanes {
  freezeAt(frozenRange: XlRange | string): void;
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
}

/** `Excel.WorksheetCustomProperty` (ExcelApi 1.12). */
export interface XlWorksheetCustomProperty extends XlLoadable<XlWorksheetCustomProperty>, XlNullable {
  readonly key: string;
  value: string;
}
export interface XlWorksheetCustomPropertyCollection {
  add(key: string, value: string): XlWorksheetCustomProperty;
  getItemOrNullObject(key: string): XlWorksheetCustomProperty;
}

/** `Excel.NamedItem` (ExcelApi 1.1–1.7): a name, here always worksheet-scoped, whose reference
 * Excel moves and stretches as rows and columns are inserted. */
export interface XlNamedItem extends XlLoadable<XlNamedItem> {
  readonly name: string;
  /** The reference as a formula, e.g. `='My sheet'!$M$11:$N$30` (settable, ExcelApi 1.7). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  formula: any;
  visible: boolean;
  delete(): void;
}
export interface XlNamedItemCollection extends XlLoadable<XlNamedItemCollection> {
  readonly items: XlNamedItem[];
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
}

/** What the add-in reads of `Excel.WorksheetChangedEventArgs`. */
export interface XlWorksheetChangedEventArgs {
  address: string;
  worksheetId: string;
  changeType: string;
  source: string;
  /** ExcelApi 1.14: 'ThisLocalAddin' when this add-in's own write caused the event. */
  triggerSource?: string;
}

export interface XlEventHandlerResult {
  remove(): void;
}
export interface XlEventHandlers<T> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  add(handler: (eventArgs: T) => Promise<any>): XlEventHandlerResult;
}

/** `Excel.PageLayout` (ExcelApi 1.9): how a sheet prints. */
export interface XlPageLayoutZoomOptions {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}
export interface XlPageLayout {
  orientation: 'Portrait' | 'Landscape';
  zoom: XlPageLayoutZoomOptions;
  /** A1 addresses (the real methods also take ranges). */
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
}
/** `Excel.PageBreakCollection` (ExcelApi 1.9): a break above the range's first row. */
export interface XlPageBreakCollection {
  add(pageBreakRange: string): void;
}

export interface XlWorksheet extends XlLoadable<XlWorksheet>, XlNullable {
  readonly id: string;
  name: string;
  readonly charts: XlChartCollection;
  readonly pageLayout: XlPageLayout;
  readonly horizontalPageBreaks: XlPageBreakCollection;
  readonly freezePanes: XlFreezePanes;
  readonly customProperties: XlWorksheetCustomPropertyCollection;
  /** ExcelApi 1.4: the names scoped to this worksheet. */
  readonly names: XlNamedItemCollection;
  readonly onChanged: XlEventHandlers<XlWorksheetChangedEventArgs>;
  /** Without an address: the whole sheet. */
  getRange(address?: string): XlRange;
  getRanges(address?: string): XlRangeAreas;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection extends XlLoadable<XlWorksheetCollection> {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
}

export interface XlSetting extends XlLoadable<XlSetting>, XlNullable {
  readonly key: string;
  // Office.js stores any JSON-serialisable value.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  value: any;
  delete(): void;
}
export interface XlSettingCollection {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  add(key: string, value: any): XlSetting;
  getItemOrNullObject(key: string): XlSetting;
}

export interface XlApplication {
  suspendApiCalculationUntilNextSync(): void;
}

export interface XlClientResult<T> {
  readonly value: T;
}

export interface XlInsertWorksheetOptions {
  positionType?: 'None' | 'Before' | 'After' | 'Beginning' | 'End';
  sheetNamesToInsert?: string[];
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly settings: XlSettingCollection;
  readonly application: XlApplication;
  /** ExcelApi 1.13. Returns the ids of the inserted worksheets. */
  insertWorksheetsFromBase64(base64File: string, options?: XlInsertWorksheetOptions): XlClientResult<string[]>;
}

export interface XlRequestContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

/** `Excel.run` as the workbook side calls it. */
export type XlRun = <T>(batch: (context: XlRequestContext) => Promise<T>) => Promise<T>;

// ── Compile-time proof that the real Office.js types satisfy the subset ─────────────────────
type Satisfies<Subset, Real extends Subset> = Real;
export type OfficeJsSatisfiesSubset = [
  Satisfies<XlRange, Excel.Range>,
  Satisfies<XlRangeAreas, Excel.RangeAreas>,
  Satisfies<XlConditionalFormat, Excel.ConditionalFormat>,
  Satisfies<XlConditionalFormatCollection, Excel.ConditionalFormatCollection>,
  Satisfies<XlCustomConditionalFormat, Excel.CustomConditionalFormat>,
  Satisfies<XlChart, Excel.Chart>,
  Satisfies<XlWorksheet, Excel.Worksheet>,
  Satisfies<XlNamedItem, Excel.NamedItem>,
  Satisfies<XlNamedItemCollection, Excel.NamedItemCollection>,
  Satisfies<XlWorksheetCollection, Excel.WorksheetCollection>,
  Satisfies<XlSetting, Excel.Setting>,
  Satisfies<XlSettingCollection, Excel.SettingCollection>,
  Satisfies<XlWorkbook, Excel.Workbook>,
  Satisfies<XlRequestContext, Excel.RequestContext>,
  Satisfies<XlWorksheetChangedEventArgs, Excel.WorksheetChangedEventArgs>,
  Satisfies<XlRun, typeof Excel.run>,
];
