import { Rect, cellCount, parseArea, rectA1, splitAreas, styleRuns } from '../../../core/areas';
import { CellMatrix, cellMatrix } from '../../../core/cell-matrix';
import { SheetNameRules, addTab, consolidated, finishRun, newRun, nothingToWrite, uniqueSheetName } from '../../../core/consolidation-run';
import { columnLetters } from '../../../core/grid';
import { todayInDhaka } from '../../../core/dates';
import { editCanChangeTiers, highlightPlan, highlighted, legendAt, legendCells } from '../../../core/highlight-spec';
import { Bilingual, Language, message } from '../../../core/messages';
import { whatIsNeeded } from '../../../core/next';
import { readDirectives } from '../../../core/directives';
import { DirectivesTab, directivesAnswer, directivesOfMinutes, keptMinutes, noDirectivesAnswer, placeDirectives } from '../../../core/directives-sheet';
import type { AddFilesResult, CheckResult, CommandContext, CommandResult, ConsolidateResult, DirectivesResult, LongRunOptions, MinutesTables, NextResult, OfficeFile, Preferences, RemovalPreview, WorkbookOperations } from '../../../core/operations';
import { LEGEND_OFFSET, LEGEND_ROWS, Located, OWNED_KEY, OwnedPlaces, OwnedRecord, OwnedSheet, columnsRect, emptyRecord, fileHash, isEmptyRecord, isOwnedFormula, isReportSheet, legendRect, locateOwned, readRecord, withFormulas } from '../../../core/ownership';
import { SETTINGS_KEY, readSettings, storedSettings } from '../../../core/preferences';
import { RemovalPlan, removalPlan, removalPreview, removed } from '../../../core/removal';
import { blockColumn, blockFits, columnsAdded, scoreColumns, valuesAdded, valuesColumns } from '../../../core/score-columns';
import { ScoreSettings, settingsWithDefaults } from '../../../core/score';
import { APP_VERSION } from '../../../core/version';
import { a1, qualifiedAddress } from '../../../core/grid';
import { blockValue } from '../../../core/sheet-block';
import { sha256Hex } from './digest';
import { SheetAnalysis, analyseTab, checkResult, noPlanResult } from '../../../core/sheet-analysis';
import { SheetBlock, blockGrid } from '../../../core/sheet-block';
import type { Grid } from '../../../core/grid';
import { XlNamedItem, XlRange, XlRequestContext, XlRun, XlWorksheet, XlWorksheetChangedEventArgs } from './excel-api';

/**
 * THE one module that talks to Excel (`Excel.run`): it reads sheets, applies core's specs, and
 * keeps Excel's own limits. Every command is one `Excel.run` with as few `context.sync()` round
 * trips as its data allows (PLATFORM.md: queue everything, never sync in a loop, load only what is
 * read, whole 2-D `values`):
 *
 * | command            | syncs                                                                 |
 * |--------------------|-----------------------------------------------------------------------|
 * | checkActiveSheet   | 2: probe (sheet, used range size, record) · read                      |
 * | whatNext           | 2: the same                                                           |
 * | addScoreColumns    | 3: probe · read · write                                               |
 * | highlightTiers     | 3: probe (+ the sheet's conditional formats) · read · write           |
 * | consolidate        | 3 + reads: tab names · probe every tab · read all tabs (split only to |
 * |                    | keep each response under the 5 MB limit) · write                      |
 * | valuesOnly         | 3: probe · read · write                                               |
 * | removeAll          | 3–4: record + tabs · probe + rules + properties · read owned cells · delete |
 * | previewRemoval     | 2–3: the same, without the delete                                     |
 * | loadPreferences / saveSettings | 1                                                         |
 *
 * A command runs with the `CommandContext` it is given (the pane's language and settings); without
 * one, with the settings remembered in the workbook (`workbook.settings`, read in the command's
 * first sync) and `options.language`. The user's language is not the workbook's: it is kept per
 * user by `options.languageStore` (the task pane's local storage).
 *
 * Sizes are estimated before each sync from the used ranges' dimensions, so no request or
 * response goes over Excel on the web's 5 MB limit ("check the data before calling
 * `context.sync()`; split the operation into smaller pieces as needed", Office Add-ins resource
 * limits); a read that still comes back too large is split and retried.
 *
 * Where the owned block is now, after the user inserted rows or columns anywhere, Excel itself
 * keeps: two hidden worksheet-scoped names (`APA_SHEETS_COLUMNS`, `APA_SHEETS_LEGEND`) whose
 * references Excel moves and stretches with every insertion, read with the probe and checked
 * against the markers (core's `locateOwned`). A copied sheet gets copies of its names but a new
 * id, which the record does not name: it owns nothing.
 */

export interface ExcelWorkbookOptions {
  /** The clock, for "days left" and "date in the future" (tests pass a fixed one). */
  now?: () => Date;
  /** Register the change handlers of highlighted sheets when created (default true). */
  restoreHandlers?: boolean;
  /** The language of what a command writes when it is given no context (default Bengali). */
  language?: Language;
  /** Scoring settings for a command given no context, when the workbook remembers none (SCORING.md defaults otherwise). */
  settings?: Partial<ScoreSettings>;
  /** Where the user's language is remembered, per user (the task pane: its local storage). */
  languageStore?: LanguageStore;
  /** Estimated bytes one sync may carry (default SYNC_BUDGET, under the 5 MB limit). */
  syncBudget?: number;
}

/** The user's language, remembered outside the workbook. */
export interface LanguageStore {
  get(): Language | null;
  set(language: Language): void;
}

export interface ExcelWorkbookOperations extends WorkbookOperations {
  /** Settles once the handlers recorded in the workbook are registered again (their number). */
  readonly ready: Promise<number>;
  /** Registers `onChanged` again for every sheet the workbook records as highlighted. */
  restoreHandlers(): Promise<number>;
}

/** Excel on the web's limit per request and per response. */
export const PAYLOAD_LIMIT = 5_000_000;
/** What one sync may carry by estimate: room under the limit for what estimates miss. */
export const SYNC_BUDGET = 4_000_000;
/** Estimated response bytes per cell read (`values` + `numberFormat`, UTF-8 JSON). */
export const BYTES_PER_CELL = 60;
/** Cells per read request (Excel caps a read at 5 million). */
const MAX_CELLS_PER_READ = 1_000_000;
/** Characters per `getRanges` address. */
const MAX_ADDRESS = 2000;
/** Estimated request bytes per queued command, besides its data. */
const COMMAND_BYTES = 120;
/** The worksheet custom property that marks a report sheet; its value is the record's token.
 * Excel does not copy a worksheet's custom properties with the sheet (office-js issue #5486, "by
 * design"), so a copy of a report is never marked: it is the user's. */
export const REPORT_PROPERTY = 'apa-sheets';
/** The hidden worksheet-scoped names that follow the owned columns and legend as rows and columns
 * are inserted (a name's reference moves and stretches with its cells). */
export const COLUMNS_NAME = 'APA_SHEETS_COLUMNS';
export const LEGEND_NAME = 'APA_SHEETS_LEGEND';
/** Excel's sheet names: at most 31 characters, none of `: \ / ? * [ ]`. */
const SHEET_NAMES: SheetNameRules = { maxLength: 31, refused: /[:\\/?*[\]]/g };

// ── Small helpers ───────────────────────────────────────────────────────────────────────────

interface Probe {
  ws: XlWorksheet;
  id: string;
  name: string;
  /** The used range by values (what is read), and with formatting (what placement avoids). */
  values: Rect | null;
  full: Rect | null;
  /** The sheet's names, and where the owned block's names say it is now. */
  names: XlNamedItem[];
  places: OwnedPlaces;
}

function rectOf(r: XlRange): Rect | null {
  if (r.isNullObject) return null;
  return { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 };
}

function queueProbe(ws: XlWorksheet): () => Probe {
  ws.load('id,name');
  const v = ws.getUsedRangeOrNullObject(true);
  v.load('rowIndex,columnIndex,rowCount,columnCount');
  const f = ws.getUsedRangeOrNullObject(false);
  f.load('rowIndex,columnIndex,rowCount,columnCount');
  const names = ws.names;
  names.load('items/name,items/formula');
  return () => ({ ws, id: ws.id, name: ws.name, values: rectOf(v), full: rectOf(f), names: names.items, places: placesOf(names.items) });
}

/** Where the owned block's names refer to now (a name whose cells were deleted refers to #REF!). */
function placesOf(names: XlNamedItem[]): OwnedPlaces {
  const place = (name: string) => {
    const item = names.find((n) => n.name === name);
    const r = typeof item?.formula === 'string' ? parseArea(item.formula.replace(/^=/, '')) : null;
    return r ? { top: r.top, left: r.left, bottom: r.bottom, right: r.right } : undefined;
  };
  const columns = place(COLUMNS_NAME);
  const legend = place(LEGEND_NAME);
  return { ...(columns ? { columns } : {}), ...(legend ? { legend } : {}) };
}

const absoluteA1 = (r: Rect) => {
  const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return r.top === r.bottom && r.left === r.right ? abs(r.top, r.left) : `${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;
};

/** Points a tracking name at `rect` (hidden; created when the sheet has none), or deletes it (null). */
function track(probe: Probe, name: string, rect: Rect | null): void {
  const item = probe.names.find((n) => n.name === name);
  if (!rect) {
    item?.delete();
    return;
  }
  const formula = `=${qualifiedAddress(probe.name, absoluteA1(rect))}`;
  if (item) item.formula = formula;
  else probe.ws.names.add(name, formula).visible = false;
}

function queueRecord(ctx: XlRequestContext): () => OwnedRecord | null {
  const setting = ctx.workbook.settings.getItemOrNullObject(OWNED_KEY);
  setting.load('value');
  return () => recordIn(setting);
}

/** The record a loaded (and synced) setting holds. */
function recordIn(s: { isNullObject: boolean; value: unknown }): OwnedRecord | null {
  return s.isNullObject ? null : readRecord(s.value);
}

/** The settings the workbook remembers (null: none), read in the same sync as whatever the caller queues. */
function queueSettings(ctx: XlRequestContext): () => ScoreSettings | null {
  const item = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load('value');
  // Read by the caller only after its next `context.sync()`, as above.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- read after the caller's sync
  return () => (item.isNullObject ? null : readSettings(item.value));
}

function saveRecord(ctx: XlRequestContext, record: OwnedRecord): void {
  if (isEmptyRecord(record)) {
    // Deleting a missing setting fails the batch: `add` then `delete` removes it either way.
    ctx.workbook.settings.add(OWNED_KEY, '').delete();
    return;
  }
  ctx.workbook.settings.add(OWNED_KEY, JSON.stringify(record));
}

export function newToken(): string {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  const a = new Uint32Array(2);
  if (c?.getRandomValues) c.getRandomValues(a);
  else for (let i = 0; i < a.length; i++) a[i] = Math.floor(Math.random() * 0x100000000);
  return Array.from(a, (n) => n.toString(36)).join('');
}

function detailOf(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown };
    const code = typeof e.code === 'string' ? e.code : '';
    const msg = typeof e.message === 'string' ? e.message : '';
    return [code, msg].filter(Boolean).join(': ') || String(err);
  }
  return String(err);
}

class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled();
}

/** Areas → `getRanges` addresses of at most MAX_ADDRESS characters each. */
export function addressChunks(rects: Rect[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of rects) {
    const a = rectA1(r);
    if (cur && cur.length + 2 + a.length > MAX_ADDRESS) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur}, ${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

const utf8 = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
};
const jsonBytes = (v: unknown) => utf8(JSON.stringify(v) ?? '');
const rangeOf = (ws: XlWorksheet, r: Rect) => ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);

// ── Reading sheets, split to stay under the payload limit ───────────────────────────────────

interface Piece {
  probe: Probe;
  band: Rect;
}

interface SheetRead {
  block: SheetBlock | null;
  error?: string;
}

/** Reads the used range (values, number formats, merged areas) of every probed sheet, as few
 * syncs as the estimated sizes allow. Extra loads queued by the caller ride on the first sync. */
async function readSheets(ctx: XlRequestContext, probes: Probe[], opts: { budget: number; signal?: AbortSignal; onSheets?: (n: number) => void }): Promise<Map<string, SheetRead>> {
  const budget = opts.budget;
  const out = new Map<string, SheetRead>();
  const blocks = new Map<string, SheetBlock & { formats: unknown[][]; merges: Rect[] }>();
  const failed = new Map<string, string>();
  const pieces: Piece[] = [];
  for (const p of probes) {
    if (!p.values) {
      out.set(p.id, { block: null });
      continue;
    }
    const width = p.values.right - p.values.left + 1;
    const perRow = Math.max(1, width * BYTES_PER_CELL);
    const bandRows = Math.max(1, Math.min(Math.floor(budget / perRow), Math.floor(MAX_CELLS_PER_READ / width)));
    blocks.set(p.id, { sheet: p.name, top: p.values.top, left: p.values.left, values: [], formats: [], merges: [] });
    for (let top = p.values.top; top <= p.values.bottom; top += bandRows) {
      pieces.push({ probe: p, band: { top, left: p.values.left, bottom: Math.min(p.values.bottom, top + bandRows - 1), right: p.values.right } });
    }
  }
  const estimate = (x: Piece) => cellCount(x.band) * BYTES_PER_CELL + 200;
  const queue: Piece[][] = [];
  let chunk: Piece[] = [];
  let size = 0;
  for (const x of pieces) {
    const e = estimate(x);
    if (chunk.length && size + e > budget) {
      queue.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(x);
    size += e;
  }
  if (chunk.length || queue.length === 0) queue.push(chunk);

  const remaining = new Map<string, number>();
  for (const x of pieces) remaining.set(x.probe.id, (remaining.get(x.probe.id) ?? 0) + 1);
  let sheetsDone = 0;
  const pieceDone = (id: string) => {
    const n = (remaining.get(id) ?? 1) - 1;
    remaining.set(id, n);
    if (n === 0) opts.onSheets?.(++sheetsDone);
  };

  while (queue.length) {
    const c = queue.shift()!;
    checkAbort(opts.signal);
    const loads = c.map((x) => {
      const r = rangeOf(x.probe.ws, x.band);
      r.load('values,numberFormat');
      const m = r.getMergedAreasOrNullObject();
      m.load('areas/items/address');
      return { x, r, m };
    });
    try {
      await ctx.sync();
    } catch (err) {
      // Too large after all, or one sheet the host cannot read: split and retry; a single row
      // that still fails marks its sheet unreadable and the others go on.
      if (c.length > 1) {
        const half = Math.ceil(c.length / 2);
        queue.unshift(c.slice(0, half), c.slice(half));
      } else {
        const x = c[0];
        if (x.band.bottom > x.band.top) {
          const mid = x.band.top + Math.floor((x.band.bottom - x.band.top) / 2);
          queue.unshift([{ probe: x.probe, band: { ...x.band, bottom: mid } }], [{ probe: x.probe, band: { ...x.band, top: mid + 1 } }]);
        } else {
          failed.set(x.probe.id, detailOf(err));
          pieceDone(x.probe.id);
        }
      }
      continue;
    }
    for (const { x, r, m } of loads) {
      const block = blocks.get(x.probe.id)!;
      const offset = x.band.top - block.top;
      const vs = r.values;
      const fs = r.numberFormat;
      for (let i = 0; i < vs.length; i++) {
        block.values[offset + i] = vs[i];
        block.formats[offset + i] = fs[i];
      }
      if (!m.isNullObject) {
        for (const a of m.areas.items) for (const s of splitAreas(a.address)) {
          const rect = parseArea(s);
          if (rect) block.merges.push(rect);
        }
      }
      pieceDone(x.probe.id);
    }
  }
  for (const p of probes) {
    if (!p.values) continue;
    const error = failed.get(p.id);
    out.set(p.id, error ? { block: null, error } : { block: blocks.get(p.id)! });
  }
  return out;
}

/** The formulas of the recorded columns, when their load made it through (a failed, retried
 * read sync leaves them unloaded: the recorded extent is used then). */
function formulasOf(f: { top: number; left: number; range: XlRange } | undefined): { top: number; left: number; values: unknown[][] } | undefined {
  if (!f) return undefined;
  try {
    return { top: f.top, left: f.left, values: f.range.formulas };
  } catch {
    return undefined;
  }
}

/** Queues a load of the owned columns' formulas (where their name says they are now, else where
 * recorded), from the header row to the sheet's last row. */
function queueFormulas(probe: Probe, rec: OwnedSheet | undefined): { top: number; left: number; range: XlRange } | undefined {
  const c = rec?.columns;
  if (!c || c.values || !probe.values) return undefined;
  const p = probe.places.columns;
  const top = p ? p.top : c.top;
  const left = p ? p.left : c.score;
  if (top > probe.values.bottom) return undefined;
  const range = probe.ws.getRangeByIndexes(top, left, probe.values.bottom - top + 1, 2);
  range.load('formulas');
  return { top, left, range };
}

interface Analysis {
  located: Located;
  grid: Grid | null;
  a: SheetAnalysis;
}

function analyse(name: string, read: SheetRead | undefined, rec: OwnedSheet | undefined, settings: Partial<ScoreSettings>, today: number, formulas?: { top: number; left: number; values: unknown[][] }, places?: OwnedPlaces, file?: string): Analysis {
  const block = read?.block ?? null;
  const located = withFormulas(locateOwned(block, rec, places), formulas);
  const grid = block ? blockGrid(block, { exclude: located.blank }) : null;
  // A tab inserted from an office's file: the file's name stands for the office (and its plan,
  // year and quarter) where the sheet does not say them.
  if (grid && file !== undefined) grid.file = file;
  return { located, grid, a: analyseTab(name, { error: read?.error, grid }, { settings, today }) };
}

// ── Writing cells: core's cell matrices, packed into syncs ──────────────────────────────────

interface WriteOp {
  bytes: number;
  apply: () => void;
}

/** Character widths (the spec's, as in ExcelJS) → points. */
const widthPoints = (chars: number) => Math.round(chars * 5.7 * 100) / 100;

/** The operations that write a cell matrix at `at` of a sheet: values (text as text, links as
 * HYPERLINK formulas) and number formats in row bands that fit the budget, each style by its runs,
 * then column widths, frozen panes and the chart. */
function matrixOps(ws: () => XlWorksheet, m: CellMatrix, at: { row: number; col: number }, budget: number): WriteOp[] {
  const ops: WriteOp[] = [];
  const withFormats = m.formats.some((row) => row.some((f) => f !== null));
  const formats = m.formats.map((row) => row.map((f) => f ?? 'General'));
  const rowBytes = m.cells.map((row, i) => jsonBytes(row) + (withFormats ? jsonBytes(formats[i]) : 0) + 2);
  for (let start = 0; start < m.height; ) {
    let end = start;
    let bytes = rowBytes[start];
    while (end + 1 < m.height && bytes + rowBytes[end + 1] < budget / 2) bytes += rowBytes[++end];
    const [s, e] = [start, end];
    ops.push({
      bytes: bytes + 2 * COMMAND_BYTES,
      apply: () => {
        const r = ws().getRangeByIndexes(at.row + s, at.col, e - s + 1, m.width);
        r.formulas = m.cells.slice(s, e + 1);
        if (withFormats) r.numberFormat = formats.slice(s, e + 1);
      },
    });
    start = end + 1;
  }
  const upper = (x: (string | null)[][]) => x.map((row) => row.map((v) => v && v.toUpperCase()));
  const origin = { row: at.row, col: at.col };
  const styled: [Map<string | true, Rect[]>, (a: ReturnType<XlWorksheet['getRanges']>, v: string | true) => void][] = [
    [styleRuns(upper(m.fills), origin), (a, v) => (a.format.fill.color = v as string)],
    [styleRuns(upper(m.fonts), origin), (a, v) => (a.format.font.color = v as string)],
    [styleRuns(m.bold, origin), (a) => (a.format.font.bold = true)],
    [styleRuns(m.wraps, origin), (a) => (a.format.wrapText = true)],
  ];
  for (const [runs, set] of styled) {
    for (const [v, rects] of runs) for (const address of addressChunks(rects)) ops.push({ bytes: utf8(address) + COMMAND_BYTES, apply: () => set(ws().getRanges(address), v) });
  }
  if (m.widths.length || m.freeze || m.rowHeights?.length) {
    ops.push({
      bytes: (m.widths.length + (m.rowHeights?.length ?? 0)) * COMMAND_BYTES,
      apply: () => {
        for (const w of m.widths) ws().getRangeByIndexes(0, w.first, 1, w.count).format.columnWidth = widthPoints(w.width);
        for (const h of m.rowHeights ?? []) ws().getRangeByIndexes(at.row + h.row, at.col, 1, 1).format.rowHeight = h.height;
        const f = m.freeze;
        if (f && f.rows > 0 && f.columns > 0) ws().freezePanes.freezeAt(ws().getRangeByIndexes(0, 0, f.rows, f.columns));
        else if (f && f.rows > 0) ws().freezePanes.freezeRows(f.rows);
        else if (f && f.columns > 0) ws().freezePanes.freezeColumns(f.columns);
      },
    });
  }
  const print = m.print;
  if (print) {
    ops.push({
      bytes: 4 * COMMAND_BYTES,
      apply: () => {
        const layout = ws().pageLayout;
        layout.orientation = print.landscape ? 'Landscape' : 'Portrait';
        layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (print.titleRows > 0) layout.setPrintTitleRows(`$1:$${print.titleRows}`);
        layout.setPrintArea(`A1:${columnLetters(Math.max(0, print.columns - 1))}${Math.max(1, print.rows)}`);
        // The chart on a page of its own, under the title rows.
        for (const row of print.breaks ?? []) ws().horizontalPageBreaks.add(`A${at.row + row + 1}`);
      },
    });
  }
  const chart = m.chart;
  if (chart) {
    ops.push({
      bytes: (8 + 4 * chart.series.length) * COMMAND_BYTES,
      apply: () => {
        // One series per band (contiguous columns): each bar takes its band's colour, the legend names the bands.
        const { categories, series } = chart;
        const n = categories.lastRow - categories.firstRow + 1;
        const first = Math.min(...series.map((x) => x.column));
        const values = ws().getRangeByIndexes(categories.firstRow, first, n, series.length);
        const labels = ws().getRangeByIndexes(categories.firstRow, categories.column, n, 1);
        const c = ws().charts.add('BarStacked', values, 'Columns');
        c.title.text = chart.title;
        c.legend.visible = true;
        c.legend.position = 'Bottom';
        series.forEach((x, i) => {
          const item = c.series.getItemAt(i);
          item.name = x.name;
          item.setXAxisValues(labels);
          item.format.fill.setSolidColor(x.fill);
          if (i === 0) {
            item.overlap = 100;
            item.gapWidth = 40;
          }
        });
        c.axes.categoryAxis.reversePlotOrder = true;
        c.axes.valueAxis.minimum = 0;
        c.axes.valueAxis.maximum = 100;
        const a = chart.anchor;
        c.setPosition(`${columnLetters(a.left)}${a.top + 1}`, `${columnLetters(a.right)}${a.bottom + 1}`);
      },
    });
  }
  return ops;
}

/** Packs write operations into syncs of at most `budget` estimated bytes, in order. */
function packOps(ops: WriteOp[], budget: number): WriteOp[][] {
  const out: WriteOp[][] = [];
  let cur: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    if (cur.length && size + op.bytes > budget) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(op);
    size += op.bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A link to a cell of a sheet of this workbook: `#'<sheet>'!<cell>`. */
const linkTarget = (link: { sheet: string; cell: string }) => `#'${link.sheet.replace(/'/g, "''")}'!${link.cell || 'A1'}`;

// ── Per-runtime state: change handlers live as long as the runtime, not the pane ────────────

interface HandlerState {
  active: boolean;
  /** Cells whose change can change a tier (achievements and targets); null while not known. */
  watch: Rect[] | null;
  owned: Rect[];
  running: Promise<void> | null;
  again: boolean;
}

const RUNTIMES = new WeakMap<XlRun, Map<string, HandlerState>>();

function handlersOf(run: XlRun): Map<string, HandlerState> {
  let m = RUNTIMES.get(run);
  if (!m) {
    m = new Map();
    RUNTIMES.set(run, m);
  }
  return m;
}

/** The recorded watch and owned areas of a sheet. */
function recordedAreas(rec: OwnedSheet | undefined): { watch: Rect[] | null; owned: Rect[] } {
  const watch = rec?.watch?.map((a) => parseArea(a)).filter((r): r is Rect => r !== null) ?? null;
  return { watch: watch && watch.length ? watch : null, owned: [...(rec?.legend ? [legendRect(rec.legend)] : []), ...(rec?.columns ? [columnsRect(rec.columns)] : [])] };
}

// ── The operations ──────────────────────────────────────────────────────────────────────────

export function createExcelWorkbook(run: XlRun = Excel.run, options: ExcelWorkbookOptions = {}): ExcelWorkbookOperations {
  const now = options.now ?? (() => new Date());
  const defaults: CommandContext = { language: options.language ?? 'bn', settings: settingsWithDefaults(options.settings) };
  /** The context a command runs with: the one given, else the workbook's remembered settings. */
  const contextOf = (given: CommandContext | undefined, remembered: ScoreSettings | null): CommandContext => given ?? { ...defaults, settings: remembered ?? defaults.settings };
  const handlers = handlersOf(run);
  const today = () => todayInDhaka(now());
  const budget = options.syncBudget ?? SYNC_BUDGET;

  /** Reads one sheet (active, or by id): probe + record + remembered settings (+ extra loads) · read. */
  async function readOne<T = undefined>(ctx: XlRequestContext, which: { id?: string; onlyIfHighlighted?: boolean; context?: CommandContext }, extra?: (ws: XlWorksheet) => T) {
    const ws = which.id ? ctx.workbook.worksheets.getItem(which.id) : ctx.workbook.worksheets.getActiveWorksheet();
    const probeOf = queueProbe(ws);
    const recordOf = queueRecord(ctx);
    const settingsOf = queueSettings(ctx);
    const extraResult = extra?.(ws);
    await ctx.sync();
    const probe = probeOf();
    const record = recordOf();
    const context = contextOf(which.context, settingsOf());
    const rec = record?.sheets[probe.id];
    if (which.onlyIfHighlighted && !rec?.highlight) return null;
    // The recorded columns' formulas, read with the values, give the exact extent of the formulas.
    const formulas = queueFormulas(probe, rec);
    const reads = await readSheets(ctx, [probe], { budget });
    const read = reads.get(probe.id);
    const analysis = analyse(probe.name, read, rec, context.settings, today(), formulasOf(formulas), probe.places);
    return { ws, probe, record, rec, context, block: read?.block ?? null, ...analysis, extra: extraResult };
  }

  /** Whether the block's cells (`offsets` from its first column, over `rows`) are empty or the add-in's own. */
  const fitsAt = (block: SheetBlock | null, located: Located, rows: { top: number; bottom: number }, offsets: number[]) => (col: number) =>
    !block || blockFits(offsets.map((o) => col + o), rows, located, (r, c) => blockValue(block, r, c));

  /** The first column right of everything on the sheet, formatting included. */
  const firstClear = (probe: Probe) => () => {
    const r = probe.full ?? probe.values;
    return r ? r.right + 1 : 0;
  };

  async function checkActiveSheet(context?: CommandContext): Promise<CheckResult> {
    return run(async (ctx) => checkResult((await readOne(ctx, { context }))!.a));
  }

  async function selectCell(sheet: string, cell: string): Promise<void> {
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell || 'A1').select();
      await ctx.sync();
    });
  }

  async function addScoreColumns(given?: CommandContext): Promise<CommandResult> {
    return run(async (ctx) => {
      const { ws, probe, record, rec, block, located, grid, a, context } = (await readOne(ctx, { context: given }))!;
      if (a.kind !== 'plan') return noPlanResult(a);
      const spec = scoreColumns(grid!, a.result, 'excel', { language: context.language });
      const F = blockColumn(located, firstClear(probe), fitsAt(block, located, spec, [0, 1]));
      if (located.columns) rangeOf(ws, columnsRect(located.columns)).clear('All');
      const header = ws.getRangeByIndexes(spec.top, F, 1, 2);
      header.values = [spec.header];
      header.format.font.bold = true;
      if (spec.body.length) {
        // Each run's two array formulas in its first row; their results spill over the rest.
        ws.getRangeByIndexes(spec.top + 1, F, spec.body.length, 2).formulas = spec.body;
        ws.getRangeByIndexes(spec.top + 1, F, spec.body.length, 1).numberFormat = spec.body.map(() => [spec.scoreFormat]);
      }
      const columns = { score: F, tier: F + 1, top: spec.top, bottom: spec.bottom };
      track(probe, COLUMNS_NAME, columnsRect(columns));
      const next = record ?? emptyRecord(newToken());
      next.sheets[probe.id] = { ...(rec ?? { name: probe.name }), name: probe.name, columns };
      saveRecord(ctx, next);
      await ctx.sync();
      return columnsAdded(probe.name, spec, F);
    });
  }

  /** "Values only": the scores and tiers as plain values where the live columns go, with a note
   * of when and how they were computed (for a sheet sent to an office without the add-in). */
  async function valuesOnly(given?: CommandContext): Promise<CommandResult> {
    return run(async (ctx) => {
      const { ws, probe, record, rec, block, located, grid, a, context } = (await readOne(ctx, { context: given }))!;
      if (a.kind !== 'plan') return noPlanResult(a);
      const spec = valuesColumns(grid!, a.result, { language: context.language, today: today(), version: APP_VERSION });
      const F = blockColumn(located, firstClear(probe), fitsAt(block, located, spec, [0, 1]));
      if (located.columns) rangeOf(ws, columnsRect(located.columns)).clear('All');
      for (const op of matrixOps(() => ws, cellMatrix(spec, linkTarget), { row: spec.top, col: F }, budget)) op.apply();
      const columns = { score: F, tier: F + 1, top: spec.top, bottom: spec.bottom, values: true as const };
      track(probe, COLUMNS_NAME, columnsRect(columns));
      const next = record ?? emptyRecord(newToken());
      next.sheets[probe.id] = { ...(rec ?? { name: probe.name }), name: probe.name, columns };
      saveRecord(ctx, next);
      await ctx.sync();
      return valuesAdded(probe.name, spec, F);
    });
  }

  /** Colours a sheet's achievement cells by tier with the add-in's conditional formats and keeps
   * them current. `byHandler`: called by the change handler (does nothing once un-highlighted; the
   * legend keeps the language it was written in). */
  async function highlight(which: { id?: string; context?: CommandContext }, byHandler = false): Promise<CommandResult> {
    return run(async (ctx) => {
      const read = await readOne(ctx, { ...which, onlyIfHighlighted: byHandler }, (sheet) => {
        const c = sheet.getRange().conditionalFormats;
        c.load('items/type,items/customOrNullObject/rule/formula');
        return c;
      });
      if (!read) {
        // Un-highlighted (removeAll, possibly from another runtime): the handler goes dormant.
        const st = which.id ? handlers.get(which.id) : undefined;
        if (st) st.active = false;
        return { ok: false, message: message('wb.nothing-to-remove'), changed: 0 };
      }
      const { ws, probe, record, rec, block, located, a, extra: cfs } = read;
      if (a.kind !== 'plan') return noPlanResult(a);

      const plan = highlightPlan(a.result);
      for (const cf of cfs?.items ?? []) if (!cf.customOrNullObject.isNullObject && isOwnedFormula(cf.customOrNullObject.rule.formula)) cf.delete();
      for (const rule of plan.rules) {
        for (const address of addressChunks(rule.areas)) {
          const cf = ws.getRanges(address).conditionalFormats.add('Custom');
          cf.custom.rule.formula = rule.formula;
          cf.custom.format.fill.color = rule.fill;
          cf.custom.format.font.color = rule.font;
        }
      }
      const legendRows = { top: a.plan.headerRow - 1, bottom: a.plan.headerRow - 2 + LEGEND_ROWS };
      const legend = legendAt(blockColumn(located, firstClear(probe), fitsAt(block, located, legendRows, [LEGEND_OFFSET])) + LEGEND_OFFSET, a.plan.headerRow - 1);
      const old = located.legend;
      // Moved, or stretched by rows the user inserted inside it: the old legend goes first.
      if (old && (old.col !== legend.col || old.top !== legend.top || old.bottom !== legend.bottom)) rangeOf(ws, legendRect(old)).clear('All');
      const legendLanguage = byHandler && old ? old.language : read.context.language;
      for (const op of matrixOps(() => ws, cellMatrix({ rows: legendCells(legendLanguage) }, linkTarget), { row: legend.top, col: legend.col }, budget)) op.apply();
      track(probe, LEGEND_NAME, legendRect(legend));

      const next = record ?? emptyRecord(newToken());
      next.sheets[probe.id] = { ...(rec ?? { name: probe.name }), name: probe.name, legend, highlight: true, watch: plan.watch.map(rectA1) };
      saveRecord(ctx, next);

      const owned = [legendRect(legend), ...(located.columns ? [columnsRect(located.columns)] : [])];
      let st = handlers.get(probe.id);
      if (!st) {
        st = { active: true, watch: plan.watch, owned, running: null, again: false };
        handlers.set(probe.id, st);
        ws.onChanged.add(onChanged);
      }
      st.active = true;
      st.watch = plan.watch;
      st.owned = owned;
      await ctx.sync();
      return highlighted(probe.name, plan);
    });
  }

  /** A change on a highlighted sheet: re-read it and replace the rules when a cell that decides
   * a tier changed. The add-in's own writes and edits of its own cells are ignored; changes that
   * arrive while re-highlighting are folded into one more pass. */
  async function onChanged(e: XlWorksheetChangedEventArgs): Promise<void> {
    const st = handlers.get(e.worksheetId);
    if (!st || !st.active) return;
    if (e.triggerSource === 'ThisLocalAddin') return;
    if (e.changeType === 'RangeEdited' || !e.changeType) {
      const rects = splitAreas(e.address).map((x) => parseArea(x)).filter((x): x is Rect => x !== null);
      if (!rects.length || !editCanChangeTiers(rects, st.owned, st.watch ?? undefined)) return;
    }
    if (st.running) {
      st.again = true;
      return st.running;
    }
    const pass = async () => {
      do {
        st.again = false;
        await highlight({ id: e.worksheetId }, true);
      } while (st.again && st.active);
    };
    st.running = pass().finally(() => {
      st.running = null;
    });
    return st.running;
  }

  async function restoreHandlers(): Promise<number> {
    return run(async (ctx) => {
      const recordOf = queueRecord(ctx);
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/id');
      await ctx.sync();
      const record = recordOf();
      if (!record) return 0;
      let n = 0;
      for (const ws of sheets.items) {
        const rec = record.sheets[ws.id];
        if (!rec?.highlight || handlers.has(ws.id)) continue;
        handlers.set(ws.id, { active: true, ...recordedAreas(rec), running: null, again: false });
        ws.onChanged.add(onChanged);
        n++;
      }
      if (n) await ctx.sync();
      return n;
    });
  }

  /** Everything Remove takes away, found: the record, each sheet's own rules and report mark, the
   * owned columns and legends where they are now (read), and core's removal plan over them. */
  async function findOwned(ctx: XlRequestContext) {
    const recordOf = queueRecord(ctx);
    const settingsOf = queueSettings(ctx);
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/id,items/name');
    await ctx.sync();
    const record = recordOf();
    const hasSettings = settingsOf() !== null;
    const perSheet = sheets.items.map((ws) => {
      const cfs = ws.getRange().conditionalFormats;
      cfs.load('items/type,items/customOrNullObject/rule/formula');
      const prop = ws.customProperties.getItemOrNullObject(REPORT_PROPERTY);
      prop.load('value');
      const rec = record?.sheets[ws.id];
      return { ws, cfs, prop, rec, probe: rec ? queueProbe(ws) : null };
    });
    await ctx.sync();
    const probes = perSheet.filter((s) => s.probe).map((s) => s.probe!());
    const formulas = new Map(probes.map((p) => [p.id, queueFormulas(p, record?.sheets[p.id])]));
    const reads = probes.length ? await readSheets(ctx, probes, { budget }) : new Map<string, SheetRead>();
    const located = new Map(probes.map((p) => [p.id, withFormulas(locateOwned(reads.get(p.id)?.block ?? null, record?.sheets[p.id], p.places), formulasOf(formulas.get(p.id)))]));
    const removal = perSheet.map((s) => ({ id: s.ws.id, isReport: isReportSheet(record, s.ws.id, s.prop.isNullObject ? null : s.prop.value), located: located.get(s.ws.id) }));
    const plan: RemovalPlan = removalPlan(record, removal);
    const ownRules = (s: (typeof perSheet)[number]) => s.cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject && isOwnedFormula(cf.customOrNullObject.rule.formula));
    const probeOf = new Map(probes.map((p) => [p.id, p]));
    return { record, hasSettings, perSheet, removal, plan, ownRules, probeOf };
  }

  async function previewRemoval(): Promise<RemovalPreview> {
    return run(async (ctx) => {
      const { perSheet, removal, plan, ownRules } = await findOwned(ctx);
      const names = Object.fromEntries(perSheet.map((s) => [s.ws.id, s.ws.name]));
      const rules = Object.fromEntries(perSheet.map((s) => [s.ws.id, ownRules(s).length]));
      return removalPreview(plan, removal, { names, rules });
    });
  }

  async function removeAll(): Promise<CommandResult> {
    return run(async (ctx) => {
      const { record, hasSettings, perSheet, plan, ownRules, probeOf } = await findOwned(ctx);
      const byId = new Map(perSheet.map((s) => [s.ws.id, s]));
      for (const id of plan.reports) byId.get(id)!.ws.delete();
      let rules = 0;
      const cleared: Rect[] = [];
      for (const s of plan.sheets) {
        const sheet = byId.get(s.id)!;
        for (const cf of ownRules(sheet)) {
          cf.delete();
          rules++;
        }
        for (const r of s.clear) rangeOf(sheet.ws, r).clear('All');
        cleared.push(...s.clear);
        const probe = probeOf.get(s.id);
        if (probe) for (const name of [COLUMNS_NAME, LEGEND_NAME]) track(probe, name, null);
      }
      for (const st of handlers.values()) {
        st.active = false;
        st.watch = null;
      }
      if (plan.record) saveRecord(ctx, plan.record);
      // The settings remembered for this workbook go too: nothing of APA Sheets is left.
      if (hasSettings) ctx.workbook.settings.add(SETTINGS_KEY, '').delete();
      const result = removed({ sheets: plan.reports.length, cleared, rules }, !!record);
      if (result.changed || record || hasSettings) await ctx.sync();
      return result;
    });
  }

  async function whatNext(context?: CommandContext): Promise<NextResult> {
    return run(async (ctx) => {
      const { a, record } = (await readOne(ctx, { context }))!;
      const t = today();
      if (a.kind !== 'plan' || !record?.directives) return whatIsNeeded(a, t);
      // The minutes kept in the workbook: two more syncs, only when there is a directives sheet.
      return whatIsNeeded(a, t, await readKeptMinutes(ctx, record.directives.sheet));
    });
  }

  /** The directives sheet's grid read back as minutes (null when it is gone). */
  async function readKeptMinutes(ctx: XlRequestContext, id: string) {
    const present = queuePresent(ctx, id);
    await ctx.sync();
    const ws = present();
    if (!ws) return null;
    const probe = queueProbe(ws);
    await ctx.sync();
    const p = probe();
    const block = (await readSheets(ctx, [p], { budget })).get(p.id)?.block ?? null;
    return keptMinutes(block ? blockGrid(block) : null);
  }

  async function keepDirectives(minutes: MinutesTables, given?: CommandContext): Promise<DirectivesResult> {
    const language = (given ?? defaults).language;
    const made = directivesOfMinutes(minutes, language);
    if (!made) return noDirectivesAnswer(minutes.file, readDirectives(minutes.tables).problems.map((p) => ({ ...p, file: minutes.file })));
    return run(async (ctx) => {
      const recordOf = queueRecord(ctx);
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/id,items/name');
      await ctx.sync();
      const record = recordOf() ?? emptyRecord(newToken());
      const tabs: DirectivesTab[] = sheets.items.map((ws) => ({ id: ws.id, name: ws.name }));
      const owned = record.directives ? sheets.items.find((ws) => ws.id === record.directives!.sheet) : undefined;
      if (owned) {
        // What the sheet shows now, from A1 (the sheet is written from A1).
        const shown = queueShownFromA1(owned);
        await ctx.sync();
        tabs.find((t) => t.id === owned.id)!.values = shown();
      }
      const placement = placeDirectives(record, tabs, made.matrix, language, SHEET_NAMES);
      if (placement.kind !== 'write') return { ...directivesAnswer(placement, made.read, 0), directives: made.read.directives.length, problems: made.read.problems };
      let ws: XlWorksheet;
      if (placement.replace) {
        ws = sheets.getItem(placement.replace);
        ws.getRange().clear('All');
      } else ws = sheets.add(placement.name);
      ws.load('id,name');
      for (const batch of packOps(matrixOps(() => ws, made.matrix, { row: 0, col: 0 }, budget), budget)) {
        for (const op of batch) op.apply();
        await ctx.sync();
      }
      record.directives = { sheet: ws.id, name: ws.name, hash: placement.hash };
      saveRecord(ctx, record);
      ws.activate();
      await ctx.sync();
      return { ...directivesAnswer(placement, made.read, made.matrix.height * made.matrix.width), directives: made.read.directives.length, problems: made.read.problems };
    });
  }

  interface ConsolidateInternal {
    /** Sheets just inserted from files: dropped when they hold no plan (file name per sheet id). */
    inserted?: Map<string, string>;
  }

  async function consolidateImpl(options: LongRunOptions, given: CommandContext | undefined, internal: ConsolidateInternal = {}): Promise<ConsolidateResult & { dropped: { id: string; name: string }[]; renamed: Map<string, string> }> {
    const { signal, onProgress } = options;
    const cancelled = { cancelled: true, consolidation: null, skipped: [], written: [], dropped: [], renamed: new Map<string, string>() };
    try {
      return await run(async (ctx) => {
        checkAbort(signal);
        const recordOf = queueRecord(ctx);
        const settingsOf = queueSettings(ctx);
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/id,items/name');
        await ctx.sync();
        const record = recordOf() ?? emptyRecord(newToken());
        const { language, settings } = contextOf(given, settingsOf());
        checkAbort(signal);
        const all = sheets.items.map((ws) => {
          const prop = ws.customProperties.getItemOrNullObject(REPORT_PROPERTY);
          prop.load('value');
          return { ws, prop, probe: queueProbe(ws) };
        });
        await ctx.sync();
        const isReport = (x: (typeof all)[number]) => isReportSheet(record, x.ws.id, x.prop.isNullObject ? null : x.prop.value);
        const tabs = all.filter((x) => !isReport(x)).map((x) => x.probe());
        const total = tabs.length + 1;
        onProgress?.(0, total);
        const reads = await readSheets(ctx, tabs, { budget, signal, onSheets: (n) => onProgress?.(n, total) });

        const tabRun = newRun();
        // The minutes the workbook keeps (its owned directives sheet, read with the other tabs):
        // the report then holds every office against them (the deadlines sheet, SCORING.md §10).
        const minutesTab = record.directives ? tabs.find((p) => p.id === record.directives!.sheet) : undefined;
        const minutesBlock = minutesTab ? reads.get(minutesTab.id)?.block : undefined;
        const kept = minutesBlock ? keptMinutes(blockGrid(minutesBlock)) : null;
        const dropped: { id: string; name: string }[] = [];
        const renamed = new Map<string, string>();
        const t = today();
        // The file each tab was inserted from (this command's, and earlier ones' as the record has them).
        const importOf = new Map<string, string>();
        for (const imp of record.imports) for (const id of imp.sheets) importOf.set(id, imp.file);
        const taken = new Set(tabs.map((p) => p.name.toLowerCase()));
        for (const p of tabs) {
          // The directives sheet is ours, not an office: neither ranked nor listed as skipped.
          if (p.id === minutesTab?.id) continue;
          const file = internal.inserted?.get(p.id);
          const { a } = analyse(p.name, reads.get(p.id), record.sheets[p.id], settings, t, undefined, p.places, file ?? importOf.get(p.id));
          addTab(tabRun, a, file, kept !== null);
          // A tab just inserted from a file that holds no plan is taken out again: it is listed in
          // the command's result, not in the report (which describes the workbook's tabs).
          if (a.kind === 'not-a-plan' && file !== undefined) dropped.push({ id: p.id, name: p.name });
          // A tab just inserted from a file is named after its office (Excel names it after the
          // file's sheet: "অগ্রগতি", "অগ্রগতি (2)", …).
          if (a.kind === 'plan' && file !== undefined) {
            taken.delete(p.name.toLowerCase());
            const name = uniqueSheetName(a.plan.office, taken, SHEET_NAMES);
            if (name !== p.name) {
              renamed.set(p.id, name);
              const office = tabRun.offices[tabRun.offices.length - 1];
              office.sheet = name;
              for (const x of office.problems) x.sheet = name;
            } else taken.add(name.toLowerCase());
          }
        }
        const done = finishRun(tabRun, language, kept && { directives: kept.directives, today: t });
        checkAbort(signal);

        // The write phase: nothing before this point changed the workbook. With nothing to
        // consolidate, no report is written (the old one stays as it was).
        const nothing = nothingToWrite(done);
        const old = nothing ? [] : all.filter(isReport);
        const droppedIds = new Set(dropped.map((d) => d.id));
        for (const d of dropped) taken.delete(d.name.toLowerCase());
        const names = done.book.sheets.map((s) => uniqueSheetName(s.name, taken, SHEET_NAMES));
        const created: XlWorksheet[] = [];
        const ops: WriteOp[] = [
          {
            bytes: COMMAND_BYTES * (old.length + dropped.length + renamed.size + 3 * names.length + 2) + utf8(names.join('')) + utf8([...renamed.values()].join('')),
            apply: () => {
              for (const x of old) x.ws.delete();
              for (const p of tabs) {
                if (droppedIds.has(p.id)) p.ws.delete();
                else if (renamed.has(p.id)) p.ws.name = renamed.get(p.id)!;
              }
              names.forEach((name) => {
                const ws = ctx.workbook.worksheets.add(name);
                ws.customProperties.add(REPORT_PROPERTY, record.token);
                created.push(ws);
              });
            },
          },
        ];
        done.book.sheets.forEach((spec, i) => ops.push(...matrixOps(() => created[i], cellMatrix(spec, linkTarget), { row: 0, col: 0 }, budget)));
        ops.push({
          bytes: COMMAND_BYTES * 2 + 2000,
          apply: () => {
            created[0]?.activate();
            if (!nothing) record.reports = names;
            record.imports = record.imports.map((imp) => ({ ...imp, sheets: imp.sheets.filter((id) => !droppedIds.has(id)) })).filter((imp) => imp.sheets.length);
            saveRecord(ctx, record);
          },
        });
        for (const batch of packOps(ops, budget)) {
          ctx.workbook.application.suspendApiCalculationUntilNextSync();
          for (const op of batch) op.apply();
          await ctx.sync();
        }
        onProgress?.(total, total);
        return { ...consolidated(tabRun, done, names), dropped, renamed };
      });
    } catch (err) {
      if (err instanceof Cancelled) return cancelled;
      throw err;
    }
  }

  /** What a consolidation answers the pane: the run's own bookkeeping (dropped, renamed tabs) left out. */
  const answerOf = (r: ConsolidateResult & { dropped: unknown; renamed: unknown }): ConsolidateResult => {
    const out: ConsolidateResult & { dropped?: unknown; renamed?: unknown } = { ...r };
    delete out.dropped;
    delete out.renamed;
    return out;
  };

  async function consolidate(options: LongRunOptions, context?: CommandContext): Promise<ConsolidateResult> {
    return answerOf(await consolidateImpl(options, context));
  }

  async function addOfficeFiles(files: OfficeFile[], options: LongRunOptions, context?: CommandContext): Promise<AddFilesResult> {
    const failed: AddFilesResult['failed'] = [];
    const inserted: AddFilesResult['inserted'] = [];
    const fileOf = new Map<string, string>();
    const newIds: string[] = [];
    const insertedIds: string[][] = [];
    const { signal } = options;
    const rollback = async () => {
      if (!newIds.length) return;
      await run(async (ctx) => {
        const recordOf = queueRecord(ctx);
        for (const id of newIds) ctx.workbook.worksheets.getItem(id).delete();
        await ctx.sync();
        const record = recordOf();
        if (record) {
          record.imports = record.imports.filter((imp) => !imp.sheets.some((id) => newIds.includes(id)));
          saveRecord(ctx, record);
          await ctx.sync();
        }
      });
    };
    const cancelledResult = (): AddFilesResult => ({ cancelled: true, consolidation: null, skipped: [], written: [], failed, inserted: [] });
    const fail = (file: string, reason: Bilingual) => failed.push({ file, reason: message('wb.file-failed', { file, reason }) });

    const aborted = await run(async (ctx) => {
      const recordOf = queueRecord(ctx);
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/id,items/name');
      await ctx.sync();
      const record = recordOf() ?? emptyRecord(newToken());
      const present = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
      const before = JSON.stringify(record);
      /** A file imported before whose tabs are all still there: listed with them, nothing inserted. */
      const importedBefore = (name: string, hash: string): boolean => {
        const known = record.imports.find((imp) => imp.hash === hash && imp.sheets.length && imp.sheets.every((id) => present.has(id)));
        if (!known) return false;
        inserted.push({ file: name, sheets: known.sheets.map((id) => present.get(id)!) });
        insertedIds.push([...known.sheets]);
        return true;
      };
      const recordImport = (name: string, hash: string, ids: string[]) => {
        newIds.push(...ids);
        for (const id of ids) fileOf.set(id, name);
        record.imports = record.imports.filter((imp) => imp.hash !== hash);
        record.imports.push({ file: name, hash, sheets: ids });
        inserted.push({ file: name, sheets: ids });
        insertedIds.push([...ids]);
      };
      for (const file of files) {
        if (signal?.aborted) return true;
        const base64 = file.base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
        if (file.sheets) {
          // An .ods or .csv the pane read: its sheets written into new tabs from their rows.
          const hash = fileHash(await sha256Hex(base64));
          if (importedBefore(file.name, hash)) continue;
          // The names taken now (tabs inserted from an .xlsx this run included).
          const current = ctx.workbook.worksheets;
          current.load('items/name');
          await ctx.sync();
          const taken = new Set(current.items.map((ws) => ws.name.toLowerCase()));
          const made: XlWorksheet[] = [];
          const writes: WriteOp[] = [];
          file.sheets.forEach((sheet, i) => {
            const name = uniqueSheetName(sheet.name, taken, SHEET_NAMES);
            taken.add(name.toLowerCase());
            writes.push({
              bytes: COMMAND_BYTES * 2 + utf8(name),
              apply: () => {
                const ws = ctx.workbook.worksheets.add(name);
                ws.load('id,name');
                made.push(ws);
              },
            });
            writes.push(...matrixOps(() => made[i], cellMatrix({ rows: sheet.rows }, () => null), { row: 0, col: 0 }, budget));
          });
          try {
            for (const batch of packOps(writes, budget)) {
              for (const op of batch) op.apply();
              await ctx.sync();
            }
          } catch (err) {
            for (const ws of made) ws.delete();
            await ctx.sync().catch(() => undefined);
            fail(file.name, message('wb.host-error', { detail: detailOf(err) }));
            continue;
          }
          for (const ws of made) present.set(ws.id, ws.name);
          recordImport(file.name, hash, made.map((ws) => ws.id));
          continue;
        }
        if (utf8(base64) + COMMAND_BYTES > PAYLOAD_LIMIT) {
          fail(file.name, message('wb.file-too-large', { size: Math.round((base64.length * 3) / 4 / 1e5) / 10 }));
          continue;
        }
        if (!base64.startsWith('UEsDB')) {
          fail(file.name, message('wb.file-not-xlsx'));
          continue;
        }
        // SHA-256 of the file's bytes (Web Crypto): two offices' files are never taken for one.
        const hash = fileHash(await sha256Hex(base64));
        if (importedBefore(file.name, hash)) continue;
        const result = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
        try {
          await ctx.sync();
        } catch (err) {
          fail(file.name, message('wb.host-error', { detail: detailOf(err) }));
          continue;
        }
        recordImport(file.name, hash, result.value);
      }
      if (newIds.length) {
        const named = newIds.map((id) => {
          const ws = ctx.workbook.worksheets.getItem(id);
          ws.load('id,name');
          return ws;
        });
        await ctx.sync();
        for (const ws of named) present.set(ws.id, ws.name);
        for (const entry of inserted) entry.sheets = entry.sheets.map((x) => present.get(x) ?? x);
      }
      if (JSON.stringify(record) !== before) {
        saveRecord(ctx, record);
        await ctx.sync();
      }
      return false;
    });
    if (aborted) {
      await rollback();
      return cancelledResult();
    }
    const result = await consolidateImpl(options, context, { inserted: fileOf });
    if (result.cancelled) {
      await rollback();
      return cancelledResult();
    }
    const droppedIds = new Set(result.dropped.map((d) => d.id));
    const keptInserted = inserted.map((entry, i) => ({
      file: entry.file,
      sheets: insertedIds[i].map((id, j) => (droppedIds.has(id) ? null : result.renamed.get(id) ?? entry.sheets[j])).filter((x): x is string => x !== null),
    }));
    return { ...answerOf(result), failed, inserted: keptInserted };
  }

  async function loadPreferences(): Promise<Preferences> {
    const language = options.languageStore?.get() ?? null;
    const settings = await run(async (ctx) => {
      const settingsOf = queueSettings(ctx);
      await ctx.sync();
      return settingsOf();
    });
    return { language, settings: settings ?? defaults.settings };
  }

  async function saveSettings(settings: ScoreSettings): Promise<void> {
    const stored = storedSettings(settings);
    await run(async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, stored);
      await ctx.sync();
    });
  }

  async function saveLanguage(language: Language): Promise<void> {
    options.languageStore?.set(language);
  }

  const ops: ExcelWorkbookOperations = {
    ready: Promise.resolve(0),
    restoreHandlers,
    checkActiveSheet,
    selectCell,
    addScoreColumns,
    valuesOnly,
    highlightTiers: (context?: CommandContext) => highlight({ context }),
    previewRemoval,
    removeAll,
    whatNext,
    consolidate,
    addOfficeFiles,
    loadPreferences,
    saveLanguage,
    saveSettings,
    keepDirectives,
  };
  if (options.restoreHandlers !== false) {
    (ops as { ready: Promise<number> }).ready = restoreHandlers().catch(() => 0);
  }
  return ops;
}

/* The two helpers below queue their loads and read in the closure they return, after the caller's
 * sync (as queueProbe does); the linter cannot follow that. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
/** A sheet by id, or null once the sync tells it is gone. */
function queuePresent(ctx: XlRequestContext, id: string): () => XlWorksheet | null {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(id);
  ws.load('id');
  return () => (ws.isNullObject ? null : ws);
}

/** What a sheet shows, placed from A1 (empty rows and columns before its used range), after the sync. */
function queueShownFromA1(ws: XlWorksheet): () => unknown[][] {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  return () => {
    if (used.isNullObject) return [];
    const pad = new Array(used.columnIndex).fill('');
    return [...Array.from({ length: used.rowIndex }, () => []), ...used.values.map((row) => [...pad, ...row])];
  };
}
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
