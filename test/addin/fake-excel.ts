/**
 * A small, typed fake of exactly the Excel JavaScript API subset the add-in calls
 * (`addin/src/workbook/excel-api.ts`, which the compiler checks against @types/office-js).
 *
 * It behaves like Office.js where the add-in's correctness depends on it:
 * - `Excel.run(batch)` gives a `RequestContext`; every call on a proxy object only *queues* a
 *   command; `context.sync()` runs the queue in order (one round trip) and is counted;
 * - reading a property that was not `load`ed and synced throws `PropertyNotLoaded`, as Office.js
 *   does; `*OrNullObject` objects report `isNullObject` after the sync;
 * - each sync's request payload (the JSON of everything written: values, formulas, formats,
 *   addresses, base64 files, plus a per-command overhead) and response payload (the JSON of every
 *   property read) are measured in UTF-8 bytes; over the limit (5 MB, Excel on the web) the sync
 *   fails with `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`;
 * - a command that fails rejects the sync; commands before it stay applied, later ones are dropped;
 * - conditional formats are added at the top priority; `getMergedAreasOrNullObject` returns the
 *   merges whose top-left cell is in the range (office-js issue #3611), at most 512;
 * - a string written to `values` or `formulas` is read as Excel reads typed input: `=…`, `+…`,
 *   `-…` (not a plain number) and `@…` become formulas, unless the string starts with an apostrophe
 *   (the rest is text) or the cell is formatted as Text (`@`);
 * - `worksheet.onChanged` handlers fire after a sync that wrote cells (`triggerSource:
 *   'ThisLocalAddin'`) and on `userEdit` (a user typing), asynchronously;
 * - worksheet-scoped names (`worksheet.names`) refer to a rectangle of their sheet; their
 *   `formula` reads `='Sheet'!$A$1:$B$2` with the sheet's name of the moment;
 * - what a user does to the sheets, as Excel does it: `userRenameSheet` keeps the sheet's id;
 *   `userCopySheet` makes a sheet with a new id and the name `X (2)` holding copies of the cells,
 *   merges, conditional formats, charts, frozen panes, widths and the sheet's names (referring to
 *   the copy), but not its custom properties (Excel does not copy a worksheet's custom properties:
 *   office-js issue #5486, "by design"); `userInsertRows` / `userInsertColumns` move the cells,
 *   merges, conditional formats and names below (right of) the insertion and stretch those it
 *   falls inside, adjust every formula's references to the sheet (`references.ts`), and raise
 *   `onChanged` with `RowInserted` / `ColumnInserted`;
 *
 * No Node API is used here, so it also runs in a browser; the workbook is plain JSON data
 * (`FakeWorkbook.fromJSON` / `toJSON`). Reading real .xlsx bytes (for `insertWorksheetsFromBase64`
 * and for building a workbook from a file) is in `fake-excel-load.ts` and is injected as `loader`.
 *
 * Formulas are stored, not calculated: a formula cell's `values` is its cached result when it came
 * from a file, else `''`.
 */
import { a1, columnIndex, columnLetters, qualifiedAddress } from '../../core/grid';
import { Insertion, shiftFormula, shiftRect, shifted } from '../fixtures/references';
import type {
  XlChart,
  XlChartAxes,
  XlChartAxis,
  XlChartCollection,
  XlChartLegend,
  XlChartSeries,
  XlChartSeriesCollection,
  XlChartTitle,
  XlClearApplyTo,
  XlClientResult,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlConditionalFormatRule,
  XlConditionalRangeFill,
  XlConditionalRangeFont,
  XlConditionalRangeFormat,
  XlCustomConditionalFormat,
  XlEventHandlerResult,
  XlEventHandlers,
  XlFreezePanes,
  XlPageBreakCollection,
  XlPageLayout,
  XlPageLayoutZoomOptions,
  XlInsertWorksheetOptions,
  XlNamedItem,
  XlNamedItemCollection,
  XlRange,
  XlRangeAreas,
  XlRangeCollection,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
  XlRangeHyperlink,
  XlRequestContext,
  XlRun,
  XlSetting,
  XlSettingCollection,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetChangedEventArgs,
  XlWorksheetCollection,
  XlWorksheetCustomProperty,
  XlWorksheetCustomPropertyCollection,
  XlApplication,
} from '../../addin/src/workbook/excel-api';

// ── The workbook as plain data ──────────────────────────────────────────────────────────────

export type FakeValue = string | number | boolean;

export interface FakeCell {
  v?: FakeValue;
  /** Formula text, `=…`. */
  f?: string;
  /** Number format (absent = General). */
  nf?: string;
  /** Fill colour `#RRGGBB`. */
  fill?: string;
  bold?: boolean;
  /** Font colour `#RRGGBB`. */
  color?: string;
  link?: XlRangeHyperlink;
  /** Some other formatting (borders, alignment, font face): the cell counts in the used range. */
  styled?: boolean;
  /** Text wraps (RangeFormat.wrapText). */
  wrap?: boolean;
}

export interface FakeConditionalFormatData {
  id: string;
  /** 'Custom', 'CellValue', … */
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  /** The cells it applies to, A1 areas. */
  ranges: string[];
}

export interface FakeChartData {
  type: string;
  name: string;
  title: string;
  legendVisible: boolean;
  source: string;
  series: { name: string; xValues?: string; fill?: string; overlap?: number; gapWidth?: number }[];
  position?: string[];
  legendPosition?: string;
  axes?: { categoryReversed?: boolean; valueMinimum?: number; valueMaximum?: number };
}

/** How a sheet prints (Excel.PageLayout). */
export interface FakePageLayoutData {
  orientation?: 'Portrait' | 'Landscape';
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  printTitleRows?: string;
  /** Horizontal page breaks: the A1 cell each page starts at. */
  breaks?: string[];
}

export interface FakeSheetData {
  id?: string;
  name: string;
  /** Cells by A1 address. */
  cells: Record<string, FakeCell>;
  merges?: string[];
  conditionalFormats?: FakeConditionalFormatData[];
  charts?: FakeChartData[];
  customProperties?: Record<string, string>;
  /** Worksheet-scoped names: name → the A1 area of this sheet it refers to. */
  names?: Record<string, { ref: string; visible?: boolean }>;
  freeze?: { rows: number; columns: number };
  /** Column widths in points, by column letters. */
  columnWidths?: Record<string, number>;
  /** Row heights in points, by 1-based row number. */
  rowHeights?: Record<string, number>;
  pageLayout?: FakePageLayoutData;
}

export interface FakeWorkbookData {
  sheets: FakeSheetData[];
  /** Id or name of the active sheet (default the first). */
  activeSheet?: string;
  settings?: Record<string, unknown>;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
const KEY = (r: number, c: number) => r * 16384 + c;
const rowOf = (k: number) => Math.floor(k / 16384);
const colOf = (k: number) => k % 16384;

function parseRect(address: string): Rect | null {
  const m = /^(?:(?:'(?:[^']|'')+'|[^!']+)!)?\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/.exec(address.trim());
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnIndex(m[1]);
    const r2 = m[4] !== undefined ? Number(m[4]) - 1 : r1;
    const c2 = m[3] !== undefined ? columnIndex(m[3]) : c1;
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  const cols = /^(?:(?:'(?:[^']|'')+'|[^!']+)!)?\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address.trim());
  if (cols) return { top: 0, left: columnIndex(cols[1]), bottom: MAX_ROW, right: columnIndex(cols[2]) };
  const rows = /^(?:(?:'(?:[^']|'')+'|[^!']+)!)?\$?([0-9]+):\$?([0-9]+)$/.exec(address.trim());
  if (rows) return { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: MAX_COL };
  return null;
}

function splitAddress(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if ((ch === ',' || ch === ';') && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function rectText(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

const inRect = (r: Rect, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const intersects = (a: Rect, b: Rect) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const cellsIn = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
export const jsonSize = (v: unknown): number => utf8Length(JSON.stringify(v) ?? 'null');

// ── Errors, as Office.js reports them ───────────────────────────────────────────────────────

export class FakeOfficeError extends Error {
  override name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notLoaded = (prop: string, type: string) =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object (${type}) and call "context.sync()" on the associated request context.`,
  );

// ── The model ───────────────────────────────────────────────────────────────────────────────

interface CfEntity {
  id: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  ranges: Rect[];
}

interface ChartEntity extends FakeChartData {
  sheet: FakeSheet;
}

type Handler = (args: XlWorksheetChangedEventArgs) => Promise<unknown>;

export class FakeSheet {
  id: string;
  name: string;
  cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  cfs: CfEntity[] = [];
  charts: ChartEntity[] = [];
  customProperties = new Map<string, string>();
  names = new Map<string, { ref: Rect; visible: boolean }>();
  freeze?: { rows: number; columns: number };
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: FakePageLayoutData = {};
  deleted = false;
  handlers: Handler[] = [];

  constructor(id: string, name: string) {
    this.id = id;
    this.name = name;
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(KEY(r, c));
  }

  touch(r: number, c: number): FakeCell {
    let cell = this.cells.get(KEY(r, c));
    if (!cell) {
      cell = {};
      this.cells.set(KEY(r, c), cell);
    }
    return cell;
  }

  /** Drops a cell that no longer holds anything. */
  tidy(r: number, c: number): void {
    const k = KEY(r, c);
    const cell = this.cells.get(k);
    if (cell && Object.values(cell).every((x) => x === undefined)) this.cells.delete(k);
  }

  /** Cells of a rectangle that exist, without visiting every address of a huge one. */
  *existing(r: Rect): Generator<[number, number, FakeCell]> {
    if (cellsIn(r) < this.cells.size * 4) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const cell = this.cells.get(KEY(row, col));
          if (cell) yield [row, col, cell];
        }
      }
      return;
    }
    for (const [k, cell] of [...this.cells]) {
      const row = rowOf(k);
      const col = colOf(k);
      if (inRect(r, row, col)) yield [row, col, cell];
    }
  }

  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (row: number, col: number) => {
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    };
    for (const [k, cell] of this.cells) {
      const has = valuesOnly ? cell.f !== undefined || (cell.v !== undefined && cell.v !== '') : Object.values(cell).some((x) => x !== undefined);
      if (has) take(rowOf(k), colOf(k));
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        take(m.top, m.left);
        take(m.bottom, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export interface SyncStat {
  run: number;
  request: number;
  response: number;
  commands: number;
  suspended: boolean;
  failed?: string;
}

export interface FakeWorkbookOptions {
  /** Reads a base64 .xlsx into sheets (for `insertWorksheetsFromBase64`). */
  loader?: (base64: string) => Promise<FakeSheetData[]>;
  /** Payload limit per request and per response, bytes (default 5 MB). */
  limit?: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeId = '';
  settings = new Map<string, unknown>();
  selection: { sheet: string; address: string } | null = null;
  loader?: (base64: string) => Promise<FakeSheetData[]>;
  limit: number;
  syncs: SyncStat[] = [];
  private runs = 0;
  private nextId = 1;
  private cfIds = 1;
  private pending = new Set<Promise<unknown>>();

  constructor(options: FakeWorkbookOptions = {}) {
    this.loader = options.loader;
    this.limit = options.limit ?? 5_000_000;
  }

  static fromJSON(data: FakeWorkbookData, options: FakeWorkbookOptions = {}): FakeWorkbook {
    const wb = new FakeWorkbook(options);
    for (const s of data.sheets) wb.addSheetData(s);
    const active = data.activeSheet ? wb.sheets.find((s) => s.id === data.activeSheet || s.name === data.activeSheet) : wb.sheets[0];
    wb.activeId = active?.id ?? '';
    for (const [k, v] of Object.entries(data.settings ?? {})) wb.settings.set(k, v);
    return wb;
  }

  toJSON(): FakeWorkbookData {
    const sheets = this.sheets.map((s) => sheetData(s));
    return { sheets, activeSheet: this.activeId, settings: Object.fromEntries(this.settings) };
  }

  newId(): string {
    return `{FAKE-${String(this.nextId++).padStart(6, '0')}}`;
  }

  newCfId(): string {
    return `cf${this.cfIds++}`;
  }

  /** Adds a sheet from plain data (at the end), with a fresh id when it has none or a taken one. */
  addSheetData(data: FakeSheetData, name = data.name): FakeSheet {
    const id = data.id && !this.sheets.some((s) => s.id === data.id) ? data.id : this.newId();
    const m = /^\{FAKE-(\d+)\}$/.exec(id);
    if (m) this.nextId = Math.max(this.nextId, Number(m[1]) + 1);
    const sheet = new FakeSheet(id, name);
    for (const [address, cell] of Object.entries(data.cells)) {
      const r = parseRect(address);
      if (!r) throw new Error(`bad cell address ${address}`);
      const copy: FakeCell = {};
      for (const [k, v] of Object.entries(cell)) if (v !== undefined) (copy as Record<string, unknown>)[k] = v;
      sheet.cells.set(KEY(r.top, r.left), copy);
    }
    sheet.merges = (data.merges ?? []).map((a) => parseRect(a)!).filter(Boolean);
    sheet.cfs = (data.conditionalFormats ?? []).map((c) => ({ id: c.id || this.newCfId(), type: c.type, formula: c.formula, fill: c.fill, fontColor: c.fontColor, ranges: c.ranges.map((a) => parseRect(a)!) }));
    sheet.charts = (data.charts ?? []).map((c) => ({ ...c, sheet }));
    for (const [k, v] of Object.entries(data.customProperties ?? {})) sheet.customProperties.set(k, v);
    for (const [k, v] of Object.entries(data.names ?? {})) sheet.names.set(k, { ref: parseRect(v.ref)!, visible: v.visible ?? true });
    sheet.freeze = data.freeze;
    for (const [letters, w] of Object.entries(data.columnWidths ?? {})) sheet.columnWidths.set(columnIndex(letters), w);
    for (const [row, h] of Object.entries(data.rowHeights ?? {})) sheet.rowHeights.set(Number(row) - 1, h);
    sheet.pageLayout = { ...(data.pageLayout ?? {}) };
    this.sheets.push(sheet);
    if (!this.activeId) this.activeId = sheet.id;
    return sheet;
  }

  sheet(nameOrId: string): FakeSheet {
    const s = this.find(nameOrId);
    if (!s) throw new Error(`no sheet ${nameOrId}`);
    return s;
  }

  find(nameOrId: string): FakeSheet | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  get active(): FakeSheet {
    return this.sheets.find((s) => s.id === this.activeId) ?? this.sheets[0];
  }

  activate(nameOrId: string): void {
    this.activeId = this.sheet(nameOrId).id;
  }

  uniqueName(name: string): string {
    let n = name;
    for (let i = 2; this.find(n); i++) {
      const suffix = ` (${i})`;
      n = name.slice(0, 31 - suffix.length) + suffix;
    }
    return n;
  }

  /** Sets cells directly (test set-up: no sync, no event). */
  setCell(sheet: string, address: string, cell: FakeCell): void {
    const s = this.sheet(sheet);
    const r = parseRect(address)!;
    const target = s.touch(r.top, r.left);
    Object.assign(target, cell);
    s.tidy(r.top, r.left);
  }

  getCell(sheet: string, address: string): FakeCell | undefined {
    const r = parseRect(address)!;
    return this.sheet(sheet).cell(r.top, r.left);
  }

  /** A user's own conditional format (test set-up). */
  addUserConditionalFormat(sheet: string, ranges: string[], formula: string, fill: string, type = 'Custom'): void {
    this.sheet(sheet).cfs.push({ id: this.newCfId(), type, formula, fill, ranges: ranges.map((a) => parseRect(a)!) });
  }

  /** A user typing into a cell: the value is set and the sheet's change handlers run. Resolves
   * when they are done. */
  async userEdit(sheet: string, address: string, value: FakeValue | null): Promise<void> {
    const s = this.sheet(sheet);
    const r = parseRect(address)!;
    const cell = s.touch(r.top, r.left);
    delete cell.f;
    if (value === null || value === '') delete cell.v;
    else cell.v = value;
    s.tidy(r.top, r.left);
    this.fire(s, [r], 'Unknown');
    await this.idle();
  }

  /** A user renaming a sheet: the id stays. */
  userRenameSheet(sheet: string, name: string): void {
    const s = this.sheet(sheet);
    if (this.find(name) && this.find(name) !== s) throw new Error(`a sheet ${name} exists`);
    const old = s.name;
    s.name = name;
    // Formulas that name the sheet follow it.
    for (const other of this.sheets) for (const cell of other.cells.values()) if (cell.f) cell.f = renameInFormula(cell.f, old, name);
  }

  /** A user copying a sheet (Move or Copy → Create a copy): placed after it, activated. */
  userCopySheet(sheet: string): FakeSheet {
    const s = this.sheet(sheet);
    const copy = new FakeSheet(this.newId(), this.uniqueName(s.name));
    for (const [k, c] of s.cells) copy.cells.set(k, { ...c, ...(c.link ? { link: { ...c.link } } : {}) });
    copy.merges = s.merges.map((m) => ({ ...m }));
    copy.cfs = s.cfs.map((c) => ({ ...c, id: this.newCfId(), ranges: c.ranges.map((r) => ({ ...r })) }));
    copy.charts = s.charts.map((c) => ({ ...c, sheet: copy, series: c.series.map((x) => ({ ...x })) }));
    // Custom properties stay behind; the sheet's names come along, referring to the copy.
    for (const [k, v] of s.names) copy.names.set(k, { ref: { ...v.ref }, visible: v.visible });
    copy.freeze = s.freeze ? { ...s.freeze } : undefined;
    for (const [c, w] of s.columnWidths) copy.columnWidths.set(c, w);
    this.sheets.splice(this.sheets.indexOf(s) + 1, 0, copy);
    this.activeId = copy.id;
    return copy;
  }

  /** A user inserting `count` rows above row `row` (1-based) of a sheet. Resolves once the change handlers ran. */
  async userInsertRows(sheet: string, row: number, count: number): Promise<void> {
    this.insert(this.sheet(sheet), { axis: 'row', at: row - 1, count });
    await this.idle();
  }

  /** A user inserting `count` columns left of column `letters` of a sheet. */
  async userInsertColumns(sheet: string, letters: string, count: number): Promise<void> {
    this.insert(this.sheet(sheet), { axis: 'col', at: columnIndex(letters), count });
    await this.idle();
  }

  private insert(s: FakeSheet, ins: Insertion): void {
    const cells = new Map<number, FakeCell>();
    for (const [k, c] of s.cells) {
      const r = rowOf(k);
      const c0 = colOf(k);
      cells.set(ins.axis === 'row' ? KEY(shifted(r, ins), c0) : KEY(r, shifted(c0, ins)), c);
    }
    s.cells = cells;
    s.merges = s.merges.map((m) => shiftRect(m, ins));
    for (const cf of s.cfs) cf.ranges = cf.ranges.map((r) => shiftRect(r, ins));
    for (const v of s.names.values()) v.ref = shiftRect(v.ref, ins);
    if (ins.axis === 'col') s.columnWidths = new Map([...s.columnWidths].map(([c, w]) => [shifted(c, ins), w]));
    for (const other of this.sheets) for (const cell of other.cells.values()) if (cell.f) cell.f = shiftFormula(cell.f, other.name, s.name, ins);
    const whole = ins.axis === 'row' ? { top: ins.at, left: 0, bottom: ins.at + ins.count - 1, right: MAX_COL } : { top: 0, left: ins.at, bottom: MAX_ROW, right: ins.at + ins.count - 1 };
    this.fire(s, [whole], 'Unknown', ins.axis === 'row' ? 'RowInserted' : 'ColumnInserted');
  }

  /** Waits until every change handler that was started has finished (handlers may start others). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  fire(sheet: FakeSheet, rects: Rect[], triggerSource: 'Unknown' | 'ThisLocalAddin', changeType = 'RangeEdited'): void {
    if (!sheet.handlers.length || !rects.length) return;
    const bounds = rects.reduce((a, b) => ({ top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) }));
    const args: XlWorksheetChangedEventArgs & { type: 'WorksheetChanged' } = {
      type: 'WorksheetChanged',
      address: rectText(bounds),
      worksheetId: sheet.id,
      changeType,
      source: 'Local',
      triggerSource,
    };
    for (const h of [...sheet.handlers]) {
      const p: Promise<unknown> = Promise.resolve()
        .then(() => h(args))
        .catch(() => undefined)
        .finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  /** `Excel.run` over this workbook. */
  readonly run: XlRun = async <T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this, ++this.runs);
    const result = await batch(ctx);
    // Excel.run sends what is still queued when the batch returns.
    if (ctx.queued()) await ctx.sync();
    ctx.closed = true;
    return result;
  };

  resetStats(): void {
    this.syncs = [];
  }

  /** Syncs since `from` (an index into `syncs`), and the largest payloads. */
  statsSince(from = 0): { syncs: number; maxRequest: number; maxResponse: number; runs: number } {
    const s = this.syncs.slice(from);
    return {
      syncs: s.length,
      maxRequest: Math.max(0, ...s.map((x) => x.request)),
      maxResponse: Math.max(0, ...s.map((x) => x.response)),
      runs: new Set(s.map((x) => x.run)).size,
    };
  }
}

/** A formula after a sheet was renamed: its qualified references name the new name. */
function renameInFormula(f: string, from: string, to: string): string {
  const quote = (n: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);
  return f
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : part.split(`${quote(from)}!`).join(`${quote(to)}!`)))
    .join('');
}

function sheetData(s: FakeSheet): FakeSheetData {
  const cells: Record<string, FakeCell> = {};
  const keys = [...s.cells.keys()].sort((a, b) => a - b);
  for (const k of keys) cells[a1(rowOf(k), colOf(k))] = { ...s.cells.get(k)! };
  const data: FakeSheetData = {
    id: s.id,
    name: s.name,
    cells,
    merges: s.merges.map(rectText),
    conditionalFormats: s.cfs.map((c) => ({ id: c.id, type: c.type, formula: c.formula, fill: c.fill, fontColor: c.fontColor, ranges: c.ranges.map(rectText) })),
    charts: s.charts.map(({ sheet: _sheet, ...c }) => ({ ...c, series: c.series.map((x) => ({ ...x })) })),
    customProperties: Object.fromEntries(s.customProperties),
  };
  if (s.names.size) data.names = Object.fromEntries([...s.names].map(([k, v]) => [k, { ref: rectText(v.ref), visible: v.visible }]));
  if (s.freeze) data.freeze = { ...s.freeze };
  if (s.columnWidths.size) data.columnWidths = Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w]));
  if (s.rowHeights.size) data.rowHeights = Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h]));
  if (Object.keys(s.pageLayout).length) data.pageLayout = { ...s.pageLayout };
  return data;
}

// ── Snapshots for byte-for-byte comparison ──────────────────────────────────────────────────

export interface SheetSnapshot {
  name: string;
  /** A1 → the cell's value, formula, number format, fill, font and link, as JSON. */
  cells: Record<string, string>;
  merges: string[];
  conditionalFormats: string[];
  extra?: string;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  settings?: string;
}

interface OwnedView {
  token?: string;
  sheets?: Record<string, { columns?: { score: number; tier: number; top: number; bottom: number }; legend?: { col: number; top: number; bottom: number } }>;
}

const OWNED_KEY = 'apa-sheets.owned';
const OWNED_MARKER = '"apa-sheets:';

/**
 * The workbook's content as comparable text: every sheet's name, every cell's value, formula,
 * number format, fill, font and link, merges and conditional formats (sheet ids left out).
 *
 * `userOnly`: only what belongs to the user — without the add-in's report sheets (marked with the
 * workbook's token), the cells of its recorded score columns and legend, its conditional formats
 * (formula marker) and its settings. A user cell that the add-in covered or changed shows as a
 * difference, since it is missing or different.
 */
export function snapshotWorkbook(wb: FakeWorkbook, options: { userOnly?: boolean } = {}): WorkbookSnapshot {
  let owned: OwnedView = {};
  const stored = wb.settings.get(OWNED_KEY);
  if (typeof stored === 'string' && stored) {
    try {
      owned = JSON.parse(stored) as OwnedView;
    } catch {
      owned = {};
    }
  }
  const sheets: SheetSnapshot[] = [];
  for (const s of wb.sheets) {
    if (options.userOnly && owned.token && s.customProperties.get('apa-sheets') === owned.token) continue;
    const rec = owned.sheets?.[s.id];
    const ownedRects: Rect[] = [];
    if (options.userOnly && rec?.columns) ownedRects.push({ top: rec.columns.top, left: Math.min(rec.columns.score, rec.columns.tier), bottom: rec.columns.bottom, right: Math.max(rec.columns.score, rec.columns.tier) });
    if (options.userOnly && rec?.legend) ownedRects.push({ top: rec.legend.top, left: rec.legend.col, bottom: rec.legend.bottom, right: rec.legend.col });
    const cells: Record<string, string> = {};
    const keys = [...s.cells.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      const row = rowOf(k);
      const col = colOf(k);
      if (ownedRects.some((r) => inRect(r, row, col))) continue;
      const c = s.cells.get(k)!;
      cells[a1(row, col)] = JSON.stringify([c.v, c.f, c.nf, c.fill, c.bold, c.color, c.link, c.styled, c.wrap]);
    }
    const cfs = s.cfs.filter((c) => !(options.userOnly && c.formula?.includes(OWNED_MARKER))).map((c) => JSON.stringify([c.type, c.formula, c.fill, c.fontColor, c.ranges.map(rectText)]));
    const snap: SheetSnapshot = { name: s.name, cells, merges: s.merges.map(rectText), conditionalFormats: cfs };
    if (!options.userOnly) {
      snap.extra = JSON.stringify({
        charts: s.charts.map(({ sheet: _s, ...c }) => c),
        props: Object.fromEntries(s.customProperties),
        names: [...s.names].map(([k, v]) => [k, rectText(v.ref), v.visible]),
        freeze: s.freeze,
        widths: [...s.columnWidths],
        heights: [...s.rowHeights],
        pageLayout: s.pageLayout,
      });
    }
    sheets.push(snap);
  }
  const out: WorkbookSnapshot = { sheets };
  if (!options.userOnly) out.settings = JSON.stringify([...wb.settings].sort());
  return out;
}

// ── The request context and its queue ───────────────────────────────────────────────────────

interface Command {
  bytes: number;
  exec: (run: Execution) => void | Promise<void>;
}

/** What a sync computes before it is committed. */
class Execution {
  loads = new Map<ProxyBase, Map<string, unknown>>();
  response = 0;
  written = new Map<FakeSheet, Rect[]>();
  suspended = false;
  results: (() => void)[] = [];

  /** Records a loaded property; `bytes` for values that are not plain data (collection items). */
  set(p: ProxyBase, prop: string, value: unknown, bytes?: number): void {
    let m = this.loads.get(p);
    if (!m) {
      m = new Map();
      this.loads.set(p, m);
    }
    m.set(prop, value);
    this.response += (bytes ?? jsonSize(value)) + prop.length + 4;
  }

  wrote(sheet: FakeSheet, r: Rect): void {
    const list = this.written.get(sheet) ?? [];
    list.push(r);
    this.written.set(sheet, list);
  }
}

const COMMAND_BYTES = 60;

export class FakeContext implements XlRequestContext {
  private queue: Command[] = [];
  closed = false;
  readonly workbook: FakeWorkbookProxy;

  constructor(
    readonly wb: FakeWorkbook,
    readonly runId: number,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  queued(): number {
    return this.queue.length;
  }

  enqueue(bytes: number, exec: Command['exec']): void {
    if (this.closed) throw new FakeOfficeError('InvalidRequestContext', 'This object cannot be used: its Excel.run has ended.');
    this.queue.push({ bytes: bytes + COMMAND_BYTES, exec });
  }

  async sync(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    const request = commands.reduce((n, c) => n + c.bytes, 0);
    const stat: SyncStat = { run: this.runId, request, response: 0, commands: commands.length, suspended: false };
    this.wb.syncs.push(stat);
    if (request > this.wb.limit) {
      stat.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const ex = new Execution();
    try {
      for (const c of commands) await c.exec(ex);
    } catch (err) {
      stat.failed = err instanceof FakeOfficeError ? err.code : String(err);
      this.afterWrites(ex);
      throw err instanceof FakeOfficeError ? err : new FakeOfficeError('GeneralException', String(err));
    }
    stat.response = ex.response;
    stat.suspended = ex.suspended;
    if (ex.response > this.wb.limit) {
      stat.failed = 'ResponsePayloadSizeLimitExceeded';
      this.afterWrites(ex);
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const [p, values] of ex.loads) for (const [k, v] of values) p.loaded.set(k, v);
    for (const r of ex.results) r();
    this.afterWrites(ex);
  }

  private afterWrites(ex: Execution): void {
    for (const [sheet, rects] of ex.written) if (!sheet.deleted) this.wb.fire(sheet, rects, 'ThisLocalAddin');
  }
}

// ── Proxy objects ───────────────────────────────────────────────────────────────────────────

abstract class ProxyBase {
  readonly loaded = new Map<string, unknown>();
  protected abstract readonly typeName: string;
  /** Scalar properties `load()` without names gives. */
  protected abstract readonly scalars: string[];

  constructor(readonly ctx: FakeContext) {}

  protected got<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop, this.typeName);
    return this.loaded.get(prop) as T;
  }

  /** A navigation property by name (for load paths such as `format/fill/color`). */
  protected nav(_name: string): ProxyBase | null {
    return null;
  }

  /** The value of a scalar property, computed from the model at execution time. */
  protected abstract read(prop: string, ex: Execution): unknown;

  /** Null objects: resolved at execution time. */
  isNull(): boolean {
    return false;
  }

  get isNullObject(): boolean {
    return this.got<boolean>('isNullObject');
  }

  protected queueLoad(propertyNames?: string | string[]): void {
    const list = propertyNames === undefined ? [''] : Array.isArray(propertyNames) ? propertyNames : propertyNames.split(',');
    const paths = list.map((p) => p.trim()).map((p) => (p ? p.split('/') : []));
    this.ctx.enqueue(jsonSize(propertyNames ?? ''), (ex) => {
      for (const path of paths) this.execLoad(path, ex);
    });
  }

  execLoad(path: string[], ex: Execution): void {
    const nullable = this.isNullable();
    if (nullable) {
      const isNull = this.isNull();
      ex.set(this, 'isNullObject', isNull);
      if (isNull) return;
    }
    if (path.length === 0) {
      for (const s of this.scalars) ex.set(this, s, this.read(s, ex));
      return;
    }
    const [head, ...rest] = path;
    const child = this.nav(head);
    if (child) {
      child.execLoad(rest, ex);
      return;
    }
    if (rest.length) throw new FakeOfficeError('InvalidArgument', `${this.typeName} has no navigation property '${head}'.`);
    if (!this.scalars.includes(head) && head !== 'items') throw new FakeOfficeError('InvalidArgument', `${this.typeName} has no property '${head}'.`);
    ex.set(this, head, this.read(head, ex));
  }

  protected isNullable(): boolean {
    return false;
  }
}

/** Objects returned by *OrNullObject: their null-ness is known after the sync that resolves them. */
abstract class NullableProxy extends ProxyBase {
  protected override isNullable(): boolean {
    return true;
  }
}

// ── Workbook, application, settings ─────────────────────────────────────────────────────────

class FakeClientResult<T> implements XlClientResult<T> {
  private v: T | undefined;
  private set = false;
  resolve(v: T): void {
    this.v = v;
    this.set = true;
  }
  get value(): T {
    if (!this.set) throw new FakeOfficeError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this.v as T;
  }
}

class FakeApplication implements XlApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(0, (ex) => {
      ex.suspended = true;
    });
  }
}

class FakeWorkbookProxy implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.application = new FakeApplication(ctx);
  }

  insertWorksheetsFromBase64(base64File: string, options?: XlInsertWorksheetOptions): XlClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    const wb = this.ctx.wb;
    this.ctx.enqueue(utf8Length(base64File) + jsonSize(options ?? {}), async (ex) => {
      if (!wb.loader) throw new FakeOfficeError('NotImplemented', 'insertWorksheetsFromBase64 needs a loader in this fake.');
      let sheets: FakeSheetData[];
      try {
        sheets = await wb.loader(base64File);
      } catch (err) {
        throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${err instanceof Error ? err.message : String(err)})`);
      }
      const wanted = options?.sheetNamesToInsert;
      const ids: string[] = [];
      for (const s of sheets) {
        if (wanted && !wanted.includes(s.name)) continue;
        const sheet = wb.addSheetData({ ...s, id: undefined }, wb.uniqueName(s.name));
        ids.push(sheet.id);
      }
      ex.results.push(() => result.resolve(ids));
    });
    return result;
  }
}

class FakeSettingCollection implements XlSettingCollection {
  constructor(private readonly ctx: FakeContext) {}
  add(key: string, value: unknown): XlSetting {
    const s = new FakeSetting(this.ctx, key, false);
    this.ctx.enqueue(jsonSize(key) + jsonSize(value), () => {
      this.ctx.wb.settings.set(key, value);
    });
    return s;
  }
  getItemOrNullObject(key: string): XlSetting {
    const s = new FakeSetting(this.ctx, key, true);
    this.ctx.enqueue(jsonSize(key), (ex) => ex.set(s, 'isNullObject', !this.ctx.wb.settings.has(key)));
    return s;
  }
}

class FakeSetting extends NullableProxy implements XlSetting {
  protected readonly typeName = 'Setting';
  protected readonly scalars = ['key', 'value'];
  constructor(
    ctx: FakeContext,
    private readonly settingKey: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
  }
  protected override isNullable(): boolean {
    return this.orNull;
  }
  override isNull(): boolean {
    return !this.ctx.wb.settings.has(this.settingKey);
  }
  get key(): string {
    return this.got('key');
  }
  get value(): unknown {
    return this.got('value');
  }
  set value(v: unknown) {
    this.ctx.enqueue(jsonSize(v), () => {
      this.need();
      this.ctx.wb.settings.set(this.settingKey, v);
    });
  }
  private need(): void {
    if (!this.ctx.wb.settings.has(this.settingKey)) throw new FakeOfficeError('ItemNotFound', `The setting '${this.settingKey}' does not exist.`);
  }
  protected read(prop: string): unknown {
    this.need();
    return prop === 'key' ? this.settingKey : this.ctx.wb.settings.get(this.settingKey);
  }
  delete(): void {
    this.ctx.enqueue(0, () => {
      this.need();
      this.ctx.wb.settings.delete(this.settingKey);
    });
  }
  load(propertyNames?: string | string[]): XlSetting {
    this.queueLoad(propertyNames);
    return this;
  }
}

// ── Worksheets ──────────────────────────────────────────────────────────────────────────────

class FakeWorksheetCollection extends ProxyBase implements XlWorksheetCollection {
  protected readonly typeName = 'WorksheetCollection';
  protected readonly scalars: string[] = [];

  get items(): XlWorksheet[] {
    return this.got('items');
  }

  override execLoad(path: string[], ex: Execution): void {
    if (path[0] !== 'items' && path.length) throw new FakeOfficeError('InvalidArgument', `WorksheetCollection has no property '${path[0]}'.`);
    const prior = ex.loads.get(this)?.get('items') as FakeWorksheet[] | undefined;
    const items = prior ?? this.ctx.wb.sheets.filter((s) => !s.deleted).map((s) => FakeWorksheet.bound(this.ctx, s));
    if (!prior) ex.set(this, 'items', items, 2 * items.length + 2);
    for (const w of items) w.execLoad(path.slice(1), ex);
  }

  protected read(): unknown {
    return undefined;
  }

  load(propertyNames?: string | string[]): XlWorksheetCollection {
    this.queueLoad(propertyNames ?? 'items');
    return this;
  }

  add(name?: string): XlWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => null);
    this.ctx.enqueue(jsonSize(name ?? ''), () => {
      const wb = this.ctx.wb;
      let n = name;
      if (n === undefined) {
        let i = wb.sheets.length + 1;
        while (wb.find(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      validSheetName(n);
      if (wb.find(n)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${n}`);
      const sheet = new FakeSheet(wb.newId(), n);
      wb.sheets.push(sheet);
      ws.bind(sheet);
    });
    return ws;
  }

  getItem(key: string): XlWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => null);
    this.ctx.enqueue(jsonSize(key), () => {
      const s = this.ctx.wb.find(key);
      if (!s || s.deleted) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet '${key}'.`);
      ws.bind(s);
    });
    return ws;
  }

  getItemOrNullObject(key: string): XlWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => null, true);
    this.ctx.enqueue(jsonSize(key), (ex) => {
      const s = this.ctx.wb.find(key);
      if (s && !s.deleted) ws.bind(s);
      ex.set(ws, 'isNullObject', !s || s.deleted);
    });
    return ws;
  }

  getActiveWorksheet(): XlWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => null);
    this.ctx.enqueue(0, () => ws.bind(this.ctx.wb.active));
    return ws;
  }
}

function validSheetName(n: string): void {
  if (!n || n.length > 31 || /[:\\/?*[\]]/.test(n) || n.startsWith("'") || n.endsWith("'")) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: sheet name '${n}'.`);
  }
}

class FakeWorksheet extends NullableProxy implements XlWorksheet {
  protected readonly typeName = 'Worksheet';
  protected readonly scalars = ['id', 'name', 'position', 'visibility'];
  private sheet: FakeSheet | null = null;

  constructor(
    ctx: FakeContext,
    private readonly resolveSheet: () => FakeSheet | null,
    private readonly orNull = false,
  ) {
    super(ctx);
  }

  static bound(ctx: FakeContext, s: FakeSheet): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, () => s);
    ws.sheet = s;
    return ws;
  }

  bind(s: FakeSheet): void {
    this.sheet = s;
  }

  protected override isNullable(): boolean {
    return this.orNull;
  }

  override isNull(): boolean {
    return !this.sheet || this.sheet.deleted;
  }

  /** The model sheet, at execution time. */
  entity(): FakeSheet {
    const s = this.sheet ?? this.resolveSheet();
    if (!s || s.deleted) throw new FakeOfficeError('ItemNotFound', 'The requested resource (worksheet) does not exist.');
    this.sheet = s;
    return s;
  }

  protected read(prop: string): unknown {
    const s = this.entity();
    if (prop === 'id') return s.id;
    if (prop === 'name') return s.name;
    if (prop === 'position') return this.ctx.wb.sheets.filter((x) => !x.deleted).indexOf(s);
    return 'Visible';
  }

  get id(): string {
    return this.got('id');
  }
  get name(): string {
    return this.got('name');
  }
  set name(n: string) {
    this.ctx.enqueue(jsonSize(n), () => {
      const s = this.entity();
      validSheetName(n);
      const other = this.ctx.wb.find(n);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name already exists: ${n}`);
      s.name = n;
    });
  }

  get charts(): XlChartCollection {
    return new FakeChartCollection(this.ctx, this);
  }
  get freezePanes(): XlFreezePanes {
    return new FakeFreezePanes(this.ctx, this);
  }
  get horizontalPageBreaks(): XlPageBreakCollection {
    const { ctx } = this;
    const layout = () => this.entity().pageLayout;
    return {
      add(range: string) {
        ctx.enqueue(jsonSize(range), () => {
          if (!parseRect(range)) throw new FakeOfficeError('InvalidArgument', `Bad page break ${range}.`);
          (layout().breaks ??= []).push(range);
        });
      },
    };
  }
  get pageLayout(): XlPageLayout {
    const { ctx } = this;
    const layout = () => this.entity().pageLayout;
    return {
      get orientation(): 'Portrait' | 'Landscape' {
        throw notLoaded('orientation', 'PageLayout');
      },
      set orientation(o: 'Portrait' | 'Landscape') {
        ctx.enqueue(jsonSize(o), () => {
          layout().orientation = o;
        });
      },
      get zoom(): XlPageLayoutZoomOptions {
        throw notLoaded('zoom', 'PageLayout');
      },
      set zoom(z: XlPageLayoutZoomOptions) {
        ctx.enqueue(jsonSize(z), () => {
          layout().zoom = { ...z };
        });
      },
      setPrintArea(printArea: string) {
        ctx.enqueue(jsonSize(printArea), () => {
          if (!parseRect(printArea.replace(/\$/g, ''))) throw new FakeOfficeError('InvalidArgument', `Bad print area ${printArea}.`);
          layout().printArea = printArea;
        });
      },
      setPrintTitleRows(rows: string) {
        ctx.enqueue(jsonSize(rows), () => {
          if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeOfficeError('InvalidArgument', `Bad print title rows ${rows}.`);
          layout().printTitleRows = rows;
        });
      },
    };
  }
  get customProperties(): XlWorksheetCustomPropertyCollection {
    return new FakeCustomProperties(this.ctx, this);
  }
  get names(): XlNamedItemCollection {
    return new FakeNamedItems(this.ctx, this);
  }
  get onChanged(): XlEventHandlers<XlWorksheetChangedEventArgs> {
    return {
      add: (handler) => {
        this.ctx.enqueue(0, () => {
          this.entity().handlers.push(handler);
        });
        const result: XlEventHandlerResult = {
          remove: () => {
            this.ctx.enqueue(0, () => {
              const s = this.entity();
              s.handlers = s.handlers.filter((h) => h !== handler);
            });
          },
        };
        return result;
      },
    };
  }

  getRange(address?: string): XlRange {
    if (address === undefined) return new FakeRange(this.ctx, this, () => ({ top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL }));
    const r = parseRect(address);
    if (!r) throw new FakeOfficeError('InvalidArgument', `Bad range address '${address}'.`);
    return new FakeRange(this.ctx, this, () => r, jsonSize(address));
  }

  getRanges(address?: string): XlRangeAreas {
    const rects = address === undefined ? [{ top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL }] : splitAddress(address).map((a) => parseRect(a));
    if (rects.some((r) => r === null)) throw new FakeOfficeError('InvalidArgument', `Bad range address '${address}'.`);
    return new FakeRangeAreas(this.ctx, this, () => rects as Rect[], jsonSize(address ?? ''));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange {
    const r = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    if (rowCount < 1 || columnCount < 1 || r.top < 0 || r.left < 0 || r.bottom > MAX_ROW || r.right > MAX_COL) throw new FakeOfficeError('InvalidArgument', 'The range is outside the sheet.');
    return new FakeRange(this.ctx, this, () => r, 16);
  }

  getUsedRange(valuesOnly?: boolean): XlRange {
    return new FakeRange(this.ctx, this, () => this.entity().usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    return new FakeRange(this.ctx, this, () => this.entity().usedRect(!!valuesOnly), 0, true);
  }

  activate(): void {
    this.ctx.enqueue(0, () => {
      this.ctx.wb.activeId = this.entity().id;
    });
  }

  delete(): void {
    this.ctx.enqueue(0, () => {
      const s = this.entity();
      const wb = this.ctx.wb;
      const left = wb.sheets.filter((x) => !x.deleted && x !== s);
      if (!left.length) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      const i = wb.sheets.indexOf(s);
      s.deleted = true;
      wb.sheets.splice(i, 1);
      if (wb.activeId === s.id) wb.activeId = (wb.sheets[Math.max(0, i - 1)] ?? wb.sheets[0]).id;
    });
  }

  load(propertyNames?: string | string[]): XlWorksheet {
    this.queueLoad(propertyNames);
    return this;
  }
}

// ── Names (worksheet-scoped) ────────────────────────────────────────────────────────────────

/** Excel's rules for a defined name: a letter, `_` or `\` first, then letters, digits, `_` and `.`;
 * not a cell reference. */
function validName(n: string): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(n) || /^[A-Za-z]{1,3}[0-9]+$/.test(n) || n.length > 255) throw new FakeOfficeError('InvalidArgument', `The name '${n}' is not valid.`);
}

function referenceRect(ref: string, sheet: FakeSheet): Rect {
  const text = ref.replace(/^=/, '');
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(text);
  const named = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : null;
  if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) throw new FakeOfficeError('InvalidArgument', `A worksheet-scoped name of this fake refers to its own sheet, not '${named}'.`);
  const r = parseRect((m ? m[3] : text).replace(/\$/g, ''));
  if (!r) throw new FakeOfficeError('InvalidArgument', `Bad reference '${ref}'.`);
  return r;
}

const absolute = (r: Rect) => {
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  return r.top === r.bottom && r.left === r.right ? cell(r.top, r.left) : `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
};

class FakeNamedItems extends ProxyBase implements XlNamedItemCollection {
  protected readonly typeName = 'NamedItemCollection';
  protected readonly scalars: string[] = [];
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  get items(): XlNamedItem[] {
    return this.got('items');
  }
  override execLoad(path: string[], ex: Execution): void {
    if (path[0] !== 'items' && path.length) throw new FakeOfficeError('InvalidArgument', `NamedItemCollection has no property '${path[0]}'.`);
    const prior = ex.loads.get(this)?.get('items') as FakeNamedItem[] | undefined;
    const s = this.ws.entity();
    const items = prior ?? [...s.names.keys()].map((n) => new FakeNamedItem(this.ctx, this.ws, n));
    if (!prior) ex.set(this, 'items', items, 2 * items.length + 2);
    for (const it of items) it.execLoad(path.slice(1), ex);
  }
  protected read(): unknown {
    return undefined;
  }
  load(propertyNames?: string | string[]): XlNamedItemCollection {
    this.queueLoad(propertyNames ?? 'items');
    return this;
  }
  add(name: string, reference: XlRange | string, _comment?: string): XlNamedItem {
    const item = new FakeNamedItem(this.ctx, this.ws, name);
    this.ctx.enqueue(jsonSize(name) + (typeof reference === 'string' ? jsonSize(reference) : 16), () => {
      validName(name);
      const s = this.ws.entity();
      if ([...s.names.keys()].some((k) => k.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `A name '${name}' already exists on this sheet.`);
      const ref = typeof reference === 'string' ? referenceRect(reference, s) : (reference as FakeRange).rect();
      if (typeof reference !== 'string' && (reference as FakeRange).sheet() !== s) throw new FakeOfficeError('InvalidArgument', 'A worksheet-scoped name of this fake refers to its own sheet.');
      s.names.set(name, { ref: { ...ref }, visible: true });
    });
    return item;
  }
}

class FakeNamedItem extends ProxyBase implements XlNamedItem {
  protected readonly typeName = 'NamedItem';
  protected readonly scalars = ['name', 'formula', 'visible', 'type'];
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly itemName: string,
  ) {
    super(ctx);
  }
  private entry(): { ref: Rect; visible: boolean } {
    const e = this.ws.entity().names.get(this.itemName);
    if (!e) throw new FakeOfficeError('ItemNotFound', `The name '${this.itemName}' does not exist.`);
    return e;
  }
  protected read(prop: string): unknown {
    const e = this.entry();
    if (prop === 'name') return this.itemName;
    if (prop === 'visible') return e.visible;
    if (prop === 'type') return 'Range';
    return `=${qualifiedAddress(this.ws.entity().name, absolute(e.ref))}`;
  }
  get name(): string {
    return this.got('name');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formula(): any {
    return this.got('formula');
  }
  set formula(f: string) {
    this.ctx.enqueue(jsonSize(f), () => {
      const e = this.entry();
      e.ref = referenceRect(String(f), this.ws.entity());
    });
  }
  get visible(): boolean {
    return this.got('visible');
  }
  set visible(v: boolean) {
    this.ctx.enqueue(5, () => {
      this.entry().visible = !!v;
    });
  }
  delete(): void {
    this.ctx.enqueue(0, () => {
      this.entry();
      this.ws.entity().names.delete(this.itemName);
    });
  }
  load(propertyNames?: string | string[]): XlNamedItem {
    this.queueLoad(propertyNames);
    return this;
  }
}

class FakeCustomProperties implements XlWorksheetCustomPropertyCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(key: string, value: string): XlWorksheetCustomProperty {
    const p = new FakeCustomProperty(this.ctx, this.ws, key, false);
    this.ctx.enqueue(jsonSize(key) + jsonSize(value), () => {
      this.ws.entity().customProperties.set(key, value);
    });
    return p;
  }
  getItemOrNullObject(key: string): XlWorksheetCustomProperty {
    const p = new FakeCustomProperty(this.ctx, this.ws, key, true);
    this.ctx.enqueue(jsonSize(key), (ex) => ex.set(p, 'isNullObject', p.isNull()));
    return p;
  }
}

class FakeCustomProperty extends NullableProxy implements XlWorksheetCustomProperty {
  protected readonly typeName = 'WorksheetCustomProperty';
  protected readonly scalars = ['key', 'value'];
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly propKey: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
  }
  protected override isNullable(): boolean {
    return this.orNull;
  }
  override isNull(): boolean {
    return !this.ws.entity().customProperties.has(this.propKey);
  }
  get key(): string {
    return this.got('key');
  }
  get value(): string {
    return this.got('value');
  }
  set value(v: string) {
    this.ctx.enqueue(jsonSize(v), () => {
      this.ws.entity().customProperties.set(this.propKey, v);
    });
  }
  protected read(prop: string): unknown {
    const props = this.ws.entity().customProperties;
    if (!props.has(this.propKey)) throw new FakeOfficeError('ItemNotFound', `No custom property '${this.propKey}'.`);
    return prop === 'key' ? this.propKey : props.get(this.propKey);
  }
  load(propertyNames?: string | string[]): XlWorksheetCustomProperty {
    this.queueLoad(propertyNames);
    return this;
  }
}

class FakeFreezePanes implements XlFreezePanes {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}
  freezeAt(frozenRange: XlRange | string): void {
    this.ctx.enqueue(16, () => {
      const r = typeof frozenRange === 'string' ? parseRect(frozenRange)! : (frozenRange as FakeRange).rect();
      this.ws.entity().freeze = { rows: r.bottom + 1, columns: r.right + 1 };
    });
  }
  freezeRows(count = 1): void {
    this.ctx.enqueue(4, () => {
      this.ws.entity().freeze = { rows: count, columns: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this.ctx.enqueue(4, () => {
      this.ws.entity().freeze = { rows: 0, columns: count };
    });
  }
}

// ── Ranges ──────────────────────────────────────────────────────────────────────────────────

type CellData = FakeValue | null | undefined;

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** How Excel reads a string written to `values` or `formulas`: as if typed. A leading apostrophe
 * makes the rest text (and is not kept); a cell formatted as Text (`@`) keeps the string as it
 * is; otherwise `=…` is a formula, and so are `+…`, `-…` (office-js: "If the returned value starts
 * with a plus, minus, or equal sign, Excel interprets this value as a formula") and `@…` (Lotus
 * entry, which Excel turns into `=…`) unless they are a plain number. */
function typedString(s: string, textFormat: boolean): { v?: FakeValue; f?: string } {
  if (s === '') return {};
  if (s.startsWith("'")) return s.length > 1 ? { v: s.slice(1) } : {};
  if (textFormat || s.length < 2) return { v: s };
  if (s.startsWith('=')) return { f: s };
  if (s.startsWith('+') || s.startsWith('-')) return PLAIN_NUMBER.test(s) ? { v: Number(s) } : { f: `=${s}` };
  if (s.startsWith('@')) return { f: `=${s.slice(1)}` };
  return { v: s };
}

function writeCell(sheet: FakeSheet, r: number, c: number, v: CellData): void {
  if (v === null || v === undefined) return;
  const cell = sheet.touch(r, c);
  delete cell.v;
  delete cell.f;
  if (typeof v === 'string') Object.assign(cell, typedString(v, cell.nf === '@'));
  else cell.v = v;
  sheet.tidy(r, c);
}

function shapeOf(rect: Rect, data: unknown): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(data) || data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
  }
  return data as unknown[][];
}

const MAX_READ_CELLS = 5_000_000;
const MAX_CELL_TEXT = 32_767;

class FakeRange extends NullableProxy implements XlRange {
  protected readonly typeName = 'Range';
  protected readonly scalars = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'formulas', 'numberFormat', 'hyperlink'];
  private resolved: Rect | null | undefined;

  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private readonly resolveRect: () => Rect | null,
    /** Bytes of the command that creates it; null for a range made while executing (collection items). */
    creationBytes: number | null = 0,
    private readonly orNull = false,
  ) {
    super(ctx);
    if (creationBytes === null) {
      this.resolved = resolveRect();
      return;
    }
    // The command that creates the object runs in queue order (a used range is the one of that moment).
    ctx.enqueue(creationBytes, (ex) => {
      this.ws.entity();
      this.resolved = this.resolveRect();
      if (this.orNull) ex.set(this, 'isNullObject', this.resolved === null);
    });
  }

  protected override isNullable(): boolean {
    return this.orNull;
  }
  override isNull(): boolean {
    return this.resolved === null;
  }

  rect(): Rect {
    if (this.resolved === undefined) this.resolved = this.resolveRect();
    if (this.resolved === null) throw new FakeOfficeError('ItemNotFound', 'The object is a null object.');
    return this.resolved;
  }

  sheet(): FakeSheet {
    return this.ws.entity();
  }

  protected read(prop: string): unknown {
    const r = this.rect();
    const s = this.sheet();
    const grid = (f: (cell: FakeCell | undefined) => unknown) => {
      if (cellsIn(r) > MAX_READ_CELLS) throw new FakeOfficeError('RangeExceedsLimit', 'The number of cells in the range has exceeded the maximum supported number.');
      const out: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(f(s.cell(row, col)));
        out.push(line);
      }
      return out;
    };
    switch (prop) {
      case 'address':
        return qualifiedAddress(s.name, rectText(r));
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      case 'cellCount':
        return cellsIn(r);
      case 'values':
        return grid((c) => (c?.v !== undefined ? c.v : ''));
      case 'formulas':
        return grid((c) => (c?.f !== undefined ? c.f : c?.v !== undefined ? c.v : ''));
      case 'numberFormat':
        return grid((c) => c?.nf ?? 'General');
      case 'hyperlink':
        return s.cell(r.top, r.left)?.link ?? null;
    }
    throw new FakeOfficeError('InvalidArgument', `Range has no property '${prop}'.`);
  }

  protected override nav(name: string): ProxyBase | null {
    if (name === 'format') return this.format as unknown as ProxyBase;
    if (name === 'conditionalFormats') return this.conditionalFormats as unknown as ProxyBase;
    return null;
  }

  get address(): string {
    return this.got('address');
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get columnIndex(): number {
    return this.got('columnIndex');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get values(): any[][] {
    return this.got('values');
  }
  set values(v: unknown[][]) {
    this.write(v, 'values');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this.got('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write(v, 'formulas');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this.got('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(jsonSize(v), () => {
      const r = this.rect();
      const s = this.sheet();
      const data = shapeOf(r, v);
      data.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          const cell = s.touch(r.top + i, r.left + j);
          if (f === 'General' || f === '') delete cell.nf;
          else cell.nf = String(f);
          s.tidy(r.top + i, r.left + j);
        }),
      );
    });
  }
  get hyperlink(): XlRangeHyperlink {
    return this.got('hyperlink');
  }
  set hyperlink(link: XlRangeHyperlink) {
    this.ctx.enqueue(jsonSize(link), () => {
      const r = this.rect();
      const s = this.sheet();
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const cell = s.touch(row, col);
          cell.link = { ...link };
          if (link.textToDisplay !== undefined && cell.f === undefined) cell.v = link.textToDisplay;
        }
    });
  }

  private write(v: unknown[][], _kind: 'values' | 'formulas'): void {
    this.ctx.enqueue(jsonSize(v), (ex) => {
      const r = this.rect();
      const s = this.sheet();
      const data = shapeOf(r, v);
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          if (s.merges.some((m) => inRect(m, row, col) && !(m.top === row && m.left === col))) {
            const x = data[row - r.top][col - r.left];
            if (x !== null && x !== undefined && x !== '') throw new FakeOfficeError('InvalidOperation', 'Cannot change part of a merged cell.');
          }
        }
      }
      // Excel keeps at most 32,767 characters in a cell ("Excel specifications and limits"); the
      // apostrophe that marks text is not part of the text.
      for (const row of data) for (const x of row) if (typeof x === 'string' && x.length - (x.startsWith("'") ? 1 : 0) > MAX_CELL_TEXT) throw new FakeOfficeError('InvalidArgument', 'The text is longer than a cell can hold.');
      data.forEach((row, i) => row.forEach((x, j) => writeCell(s, r.top + i, r.left + j, x as CellData)));
      ex.wrote(s, r);
    });
  }

  get format(): XlRangeFormat {
    return new FakeRangeFormat(this.ctx, () => ({ sheet: this.sheet(), rects: [this.rect()] }));
  }

  get conditionalFormats(): XlConditionalFormatCollection {
    return new FakeConditionalFormats(this.ctx, () => ({ sheet: this.sheet(), rects: [this.rect()] }));
  }

  getCell(row: number, column: number): XlRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const r = this.rect();
      return { top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column };
    }, 8);
  }

  getResizedRange(deltaRows: number, deltaColumns: number): XlRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const r = this.rect();
      return { ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns };
    }, 8);
  }

  getMergedAreasOrNullObject(): XlRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      this.ws,
      () => {
        const r = this.rect();
        const found = this.sheet().merges.filter((m) => inRect(r, m.top, m.left));
        if (found.length > 512) throw new FakeOfficeError('GeneralException', 'There are more than 512 merged areas in the range.');
        return found.length ? found.map((m) => ({ ...m })) : null;
      },
      0,
      true,
    );
  }

  select(): void {
    this.ctx.enqueue(0, () => {
      const s = this.sheet();
      this.ctx.wb.activeId = s.id;
      this.ctx.wb.selection = { sheet: s.name, address: rectText(this.rect()) };
    });
  }

  clear(applyTo: XlClearApplyTo = 'All'): void {
    this.ctx.enqueue(jsonSize(applyTo), (ex) => {
      clearRects(this.sheet(), [this.rect()], applyTo);
      ex.wrote(this.sheet(), this.rect());
    });
  }

  load(propertyNames?: string | string[]): XlRange {
    this.queueLoad(propertyNames);
    return this;
  }
}

function clearRects(s: FakeSheet, rects: Rect[], applyTo: XlClearApplyTo): void {
  for (const r of rects) {
    for (const [row, col, cell] of [...s.existing(r)]) {
      if (applyTo === 'All' || applyTo === 'Contents') {
        delete cell.v;
        delete cell.f;
        delete cell.link;
      }
      if (applyTo === 'All' || applyTo === 'Formats') {
        delete cell.nf;
        delete cell.fill;
        delete cell.bold;
        delete cell.color;
        delete cell.styled;
      }
      s.tidy(row, col);
    }
  }
}

class FakeRangeCollection extends ProxyBase implements XlRangeCollection {
  protected readonly typeName = 'RangeCollection';
  protected readonly scalars: string[] = [];
  constructor(
    ctx: FakeContext,
    private readonly areas: FakeRangeAreas,
  ) {
    super(ctx);
  }
  get items(): XlRange[] {
    return this.got('items');
  }
  override execLoad(path: string[], ex: Execution): void {
    if (path[0] !== 'items' && path.length) throw new FakeOfficeError('InvalidArgument', `RangeCollection has no property '${path[0]}'.`);
    const items = this.areas.rects().map((r) => new FakeRange(this.ctx, this.areas.ws, () => r, null));
    ex.set(this, 'items', items, 2 * items.length + 2);
    for (const it of items) it.execLoad(path.slice(1), ex);
  }
  protected read(): unknown {
    return undefined;
  }
  load(propertyNames?: string | string[]): XlRangeCollection {
    this.queueLoad(propertyNames ?? 'items');
    return this;
  }
}

class FakeRangeAreas extends NullableProxy implements XlRangeAreas {
  protected readonly typeName = 'RangeAreas';
  protected readonly scalars = ['address', 'areaCount', 'cellCount'];
  private resolved: Rect[] | null | undefined;
  private readonly areaCollection: FakeRangeCollection;

  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private readonly resolveRects: () => Rect[] | null,
    creationBytes = 0,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.areaCollection = new FakeRangeCollection(ctx, this);
    ctx.enqueue(creationBytes, (ex) => {
      this.ws.entity();
      this.resolved = this.resolveRects();
      if (this.orNull) ex.set(this, 'isNullObject', this.resolved === null);
    });
  }

  protected override isNullable(): boolean {
    return this.orNull;
  }
  override isNull(): boolean {
    return this.resolved === null;
  }

  rects(): Rect[] {
    if (this.resolved === undefined) this.resolved = this.resolveRects();
    if (this.resolved === null) throw new FakeOfficeError('ItemNotFound', 'The object is a null object.');
    return this.resolved;
  }

  protected read(prop: string): unknown {
    const rs = this.rects();
    const name = this.ws.entity().name;
    if (prop === 'address') return rs.map((r) => qualifiedAddress(name, rectText(r))).join(', ');
    if (prop === 'areaCount') return rs.length;
    return rs.reduce((n, r) => n + cellsIn(r), 0);
  }

  protected override nav(name: string): ProxyBase | null {
    if (name === 'areas') return this.areaCollection;
    return null;
  }

  get address(): string {
    return this.got('address');
  }
  get areaCount(): number {
    return this.got('areaCount');
  }
  get areas(): XlRangeCollection {
    return this.areaCollection;
  }
  get format(): XlRangeFormat {
    return new FakeRangeFormat(this.ctx, () => ({ sheet: this.ws.entity(), rects: this.rects() }));
  }
  get conditionalFormats(): XlConditionalFormatCollection {
    return new FakeConditionalFormats(this.ctx, () => ({ sheet: this.ws.entity(), rects: this.rects() }));
  }
  clear(applyTo: XlClearApplyTo = 'All'): void {
    this.ctx.enqueue(0, (ex) => {
      const s = this.ws.entity();
      clearRects(s, this.rects(), applyTo);
      for (const r of this.rects()) ex.wrote(s, r);
    });
  }
  load(propertyNames?: string | string[]): XlRangeAreas {
    this.queueLoad(propertyNames);
    return this;
  }
}

type Target = () => { sheet: FakeSheet; rects: Rect[] };

function eachCell(t: ReturnType<Target>, f: (cell: FakeCell, row: number, col: number) => void): void {
  for (const r of t.rects) {
    if (cellsIn(r) > MAX_READ_CELLS) throw new FakeOfficeError('RangeExceedsLimit', 'Formatting a range this large is not supported by this fake.');
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) {
      f(t.sheet.touch(row, col), row, col);
      t.sheet.tidy(row, col);
    }
  }
}

class FakeRangeFormat implements XlRangeFormat {
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: Target,
  ) {}
  get fill(): XlRangeFill {
    const { ctx, target } = this;
    return {
      get color(): string {
        throw notLoaded('color', 'RangeFill');
      },
      set color(c: string) {
        ctx.enqueue(jsonSize(c), () => eachCell(target(), (cell) => (cell.fill = c.toUpperCase())));
      },
      clear() {
        ctx.enqueue(0, () => eachCell(target(), (cell) => delete cell.fill));
      },
    };
  }
  get font(): XlRangeFont {
    const { ctx, target } = this;
    return {
      get bold(): boolean {
        throw notLoaded('bold', 'RangeFont');
      },
      set bold(b: boolean) {
        ctx.enqueue(5, () => eachCell(target(), (cell) => (b ? (cell.bold = true) : delete cell.bold)));
      },
      get color(): string {
        throw notLoaded('color', 'RangeFont');
      },
      set color(c: string) {
        ctx.enqueue(jsonSize(c), () => eachCell(target(), (cell) => (cell.color = c.toUpperCase())));
      },
    };
  }
  get columnWidth(): number {
    throw notLoaded('columnWidth', 'RangeFormat');
  }
  set columnWidth(w: number) {
    this.ctx.enqueue(8, () => {
      const t = this.target();
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, w);
    });
  }
  get rowHeight(): number {
    throw notLoaded('rowHeight', 'RangeFormat');
  }
  set rowHeight(h: number) {
    this.ctx.enqueue(8, () => {
      const t = this.target();
      for (const r of t.rects) for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, h);
    });
  }
  get wrapText(): boolean {
    throw notLoaded('wrapText', 'RangeFormat');
  }
  set wrapText(w: boolean) {
    this.ctx.enqueue(5, () => eachCell(this.target(), (cell) => (w ? (cell.wrap = true) : delete cell.wrap)));
  }
}

// ── Conditional formats ─────────────────────────────────────────────────────────────────────

class FakeConditionalFormats extends ProxyBase implements XlConditionalFormatCollection {
  protected readonly typeName = 'ConditionalFormatCollection';
  protected readonly scalars: string[] = [];
  constructor(
    ctx: FakeContext,
    private readonly target: Target,
  ) {
    super(ctx);
  }
  get items(): XlConditionalFormat[] {
    return this.got('items');
  }
  override execLoad(path: string[], ex: Execution): void {
    if (path[0] !== 'items' && path.length) throw new FakeOfficeError('InvalidArgument', `ConditionalFormatCollection has no property '${path[0]}'.`);
    const prior = ex.loads.get(this)?.get('items') as FakeConditionalFormat[] | undefined;
    let items = prior;
    if (!items) {
      const t = this.target();
      items = t.sheet.cfs.filter((cf) => cf.ranges.some((r) => t.rects.some((x) => intersects(r, x)))).map((cf) => new FakeConditionalFormat(this.ctx, t.sheet, cf));
      ex.set(this, 'items', items, 2 * items.length + 2);
    }
    for (const it of items) it.execLoad(path.slice(1), ex);
  }
  protected read(): unknown {
    return undefined;
  }
  load(propertyNames?: string | string[]): XlConditionalFormatCollection {
    this.queueLoad(propertyNames ?? 'items');
    return this;
  }
  add(type: 'Custom'): XlConditionalFormat {
    const holder: { cf?: CfEntity; sheet?: FakeSheet } = {};
    const proxy = new FakeConditionalFormat(this.ctx, null, null, holder);
    this.ctx.enqueue(jsonSize(type), () => {
      const t = this.target();
      const cf: CfEntity = { id: this.ctx.wb.newCfId(), type, ranges: t.rects.map((r) => ({ ...r })) };
      // "Adds a new conditional format to the collection at the first/top priority."
      t.sheet.cfs.unshift(cf);
      holder.cf = cf;
      holder.sheet = t.sheet;
    });
    return proxy;
  }
}

class FakeConditionalFormat extends ProxyBase implements XlConditionalFormat {
  protected readonly typeName = 'ConditionalFormat';
  protected readonly scalars = ['id', 'type', 'priority'];
  private readonly customProxy: FakeCustomConditionalFormat;
  private readonly customOrNull: FakeCustomConditionalFormat;

  constructor(
    ctx: FakeContext,
    private sheetRef: FakeSheet | null,
    private cfRef: CfEntity | null,
    private readonly holder?: { cf?: CfEntity; sheet?: FakeSheet },
  ) {
    super(ctx);
    this.customProxy = new FakeCustomConditionalFormat(ctx, this, false);
    this.customOrNull = new FakeCustomConditionalFormat(ctx, this, true);
  }

  entity(): { sheet: FakeSheet; cf: CfEntity } {
    const cf = this.cfRef ?? this.holder?.cf;
    const sheet = this.sheetRef ?? this.holder?.sheet;
    if (!cf || !sheet || sheet.deleted || !sheet.cfs.includes(cf)) throw new FakeOfficeError('ItemNotFound', 'The conditional format does not exist.');
    return { sheet, cf };
  }

  protected read(prop: string): unknown {
    const { sheet, cf } = this.entity();
    if (prop === 'id') return cf.id;
    if (prop === 'type') return cf.type;
    return sheet.cfs.indexOf(cf);
  }

  protected override nav(name: string): ProxyBase | null {
    if (name === 'custom') return this.customProxy;
    if (name === 'customOrNullObject') return this.customOrNull;
    return null;
  }

  get id(): string {
    return this.got('id');
  }
  get type(): string {
    return this.got('type');
  }
  get custom(): XlCustomConditionalFormat {
    return this.customProxy;
  }
  get customOrNullObject(): XlCustomConditionalFormat {
    return this.customOrNull;
  }
  getRanges(): XlRangeAreas {
    const ws = new FakeWorksheet(this.ctx, () => this.entity().sheet);
    return new FakeRangeAreas(this.ctx, ws, () => this.entity().cf.ranges.map((r) => ({ ...r })));
  }
  delete(): void {
    this.ctx.enqueue(0, () => {
      const { sheet, cf } = this.entity();
      sheet.cfs.splice(sheet.cfs.indexOf(cf), 1);
    });
  }
  load(propertyNames?: string | string[]): XlConditionalFormat {
    this.queueLoad(propertyNames);
    return this;
  }
}

class FakeCustomConditionalFormat extends NullableProxy implements XlCustomConditionalFormat {
  protected readonly typeName = 'CustomConditionalFormat';
  protected readonly scalars: string[] = [];
  private readonly ruleProxy: FakeRule;

  constructor(
    ctx: FakeContext,
    readonly owner: FakeConditionalFormat,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    this.ruleProxy = new FakeRule(ctx, this);
  }
  protected override isNullable(): boolean {
    return this.orNull;
  }
  override isNull(): boolean {
    return this.owner.entity().cf.type !== 'Custom';
  }
  cf(): CfEntity {
    const { cf } = this.owner.entity();
    if (cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'The conditional format is not a custom (formula) rule.');
    return cf;
  }
  protected read(): unknown {
    return undefined;
  }
  protected override nav(name: string): ProxyBase | null {
    return name === 'rule' ? this.ruleProxy : null;
  }
  get rule(): XlConditionalFormatRule {
    return this.ruleProxy;
  }
  get format(): XlConditionalRangeFormat {
    const { ctx } = this;
    const cfOf = () => this.cf();
    const fill: XlConditionalRangeFill = {
      get color(): string {
        throw notLoaded('color', 'ConditionalRangeFill');
      },
      set color(c: string) {
        ctx.enqueue(jsonSize(c), () => {
          cfOf().fill = c.toUpperCase();
        });
      },
    };
    const font: XlConditionalRangeFont = {
      get color(): string {
        throw notLoaded('color', 'ConditionalRangeFont');
      },
      set color(c: string) {
        ctx.enqueue(jsonSize(c), () => {
          cfOf().fontColor = c.toUpperCase();
        });
      },
    };
    return { fill, font };
  }
  load(propertyNames?: string | string[]): XlCustomConditionalFormat {
    this.queueLoad(propertyNames);
    return this;
  }
}

class FakeRule extends ProxyBase implements XlConditionalFormatRule {
  protected readonly typeName = 'ConditionalFormatRule';
  protected readonly scalars = ['formula'];
  constructor(
    ctx: FakeContext,
    private readonly custom: FakeCustomConditionalFormat,
  ) {
    super(ctx);
  }
  protected read(): unknown {
    return this.custom.cf().formula ?? '';
  }
  get formula(): string {
    return this.got('formula');
  }
  set formula(f: string) {
    this.ctx.enqueue(jsonSize(f), () => {
      this.custom.cf().formula = f;
    });
  }
}

// ── Charts ──────────────────────────────────────────────────────────────────────────────────

class FakeChartCollection implements XlChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(type: 'BarClustered' | 'BarStacked', sourceData: XlRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XlChart {
    const holder: { chart?: ChartEntity } = {};
    this.ctx.enqueue(jsonSize([type, seriesBy]), () => {
      const s = this.ws.entity();
      const src = sourceData as FakeRange;
      // As Excel does: one series per column of the source (by columns), or per row.
      const r = src.rect();
      const n = seriesBy === 'Rows' ? r.bottom - r.top + 1 : r.right - r.left + 1;
      const series = Array.from({ length: n }, () => ({ name: '' }));
      const chart: ChartEntity = { sheet: s, type, name: `Chart ${s.charts.length + 1}`, title: '', legendVisible: true, source: rectText(r), series };
      s.charts.push(chart);
      holder.chart = chart;
    });
    return new FakeChart(this.ctx, holder);
  }
}

class FakeChart implements XlChart {
  constructor(
    private readonly ctx: FakeContext,
    private readonly holder: { chart?: ChartEntity },
  ) {}
  private c(): ChartEntity {
    if (!this.holder.chart) throw new FakeOfficeError('ItemNotFound', 'The chart does not exist.');
    return this.holder.chart;
  }
  get name(): string {
    throw notLoaded('name', 'Chart');
  }
  set name(n: string) {
    this.ctx.enqueue(jsonSize(n), () => {
      this.c().name = n;
    });
  }
  get title(): XlChartTitle {
    const { ctx } = this;
    const c = () => this.c();
    return {
      get text(): string {
        throw notLoaded('text', 'ChartTitle');
      },
      set text(t: string) {
        ctx.enqueue(jsonSize(t), () => {
          c().title = t;
        });
      },
    };
  }
  get legend(): XlChartLegend {
    const { ctx } = this;
    const c = () => this.c();
    return {
      get visible(): boolean {
        throw notLoaded('visible', 'ChartLegend');
      },
      set visible(v: boolean) {
        ctx.enqueue(5, () => {
          c().legendVisible = v;
        });
      },
      get position(): XlChartLegend['position'] {
        throw notLoaded('position', 'ChartLegend');
      },
      set position(p: XlChartLegend['position']) {
        ctx.enqueue(jsonSize(p), () => {
          c().legendPosition = p;
        });
      },
    };
  }
  get axes(): XlChartAxes {
    const { ctx } = this;
    const c = () => this.c();
    const axes = () => (c().axes ??= {});
    const axis = (which: 'category' | 'value'): XlChartAxis => ({
      get reversePlotOrder(): boolean {
        throw notLoaded('reversePlotOrder', 'ChartAxis');
      },
      set reversePlotOrder(v: boolean) {
        ctx.enqueue(5, () => {
          if (which === 'category') axes().categoryReversed = v;
        });
      },
      get maximum(): number {
        throw notLoaded('maximum', 'ChartAxis');
      },
      set maximum(v: number) {
        ctx.enqueue(8, () => {
          if (which === 'value') axes().valueMaximum = v;
        });
      },
      get minimum(): number {
        throw notLoaded('minimum', 'ChartAxis');
      },
      set minimum(v: number) {
        ctx.enqueue(8, () => {
          if (which === 'value') axes().valueMinimum = v;
        });
      },
    });
    return { categoryAxis: axis('category'), valueAxis: axis('value') };
  }
  get series(): XlChartSeriesCollection {
    const { ctx } = this;
    const c = () => this.c();
    return {
      getItemAt(index: number): XlChartSeries {
        const s = () => {
          const x = c().series[index];
          if (!x) throw new FakeOfficeError('ItemNotFound', `No series ${index}.`);
          return x;
        };
        return {
          get name(): string {
            throw notLoaded('name', 'ChartSeries');
          },
          set name(n: string) {
            ctx.enqueue(jsonSize(n), () => {
              s().name = n;
            });
          },
          setXAxisValues(sourceData: XlRange) {
            ctx.enqueue(16, () => {
              s().xValues = rectText((sourceData as FakeRange).rect());
            });
          },
          get overlap(): number {
            throw notLoaded('overlap', 'ChartSeries');
          },
          set overlap(v: number) {
            ctx.enqueue(8, () => {
              s().overlap = v;
            });
          },
          get gapWidth(): number {
            throw notLoaded('gapWidth', 'ChartSeries');
          },
          set gapWidth(v: number) {
            ctx.enqueue(8, () => {
              s().gapWidth = v;
            });
          },
          get format() {
            return {
              fill: {
                setSolidColor(color: string) {
                  ctx.enqueue(jsonSize(color), () => {
                    s().fill = color.toUpperCase();
                  });
                },
              },
            };
          },
        };
      },
    };
  }
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void {
    const text = (x: XlRange | string) => (typeof x === 'string' ? x : rectText((x as FakeRange).rect()));
    this.ctx.enqueue(16, () => {
      this.c().position = endCell === undefined ? [text(startCell)] : [text(startCell), text(endCell)];
    });
  }
}
