import {
  Bilingual,
  Grid,
  HighlightKey,
  Indicator,
  LEGEND_ORDER,
  Language,
  OfficeSummary,
  PALETTE,
  Plan,
  PlanScore,
  Problem,
  ScoreSettings,
  SheetSpec,
  SkippedSource,
  columnLetters,
  consolidate as consolidatePlans,
  consolidationWorkbook,
  fiscalYearLabel,
  highlightKey,
  highlightSpec,
  message,
  officeSummary,
  parseA1,
  todayInDhaka,
  whatNext as nextOf,
} from '../../../core';
import { cleanText } from '../../../core/text';
import {
  XlRange,
  XlRequestContext,
  XlRun,
  XlWorksheet,
  XlWorksheetChangedEventArgs,
} from './excel-api';
import { indicatorLines, scoreGrid } from './commands';
import { ExcelSheetData, Rect, excelGrid, parseAreaAddress, rectA1, rectsIntersect, splitAreas } from './excel-grid';
import {
  LEGEND_OFFSET,
  LEGEND_ROWS,
  LEGEND_TITLE,
  OWNED_KEY,
  OwnedColumns,
  OwnedLegend,
  OwnedRecord,
  OwnedSheet,
  REPORT_PROPERTY,
  SCORE_HEADER,
  TIER_HEADER,
  cfFormula,
  columnsRect,
  contentHash,
  emptyRecord,
  isEmptyRecord,
  isOwnedFormula,
  legendLabel,
  legendRect,
  parseRecord,
} from './ownership';
import {
  AddFilesResult,
  CheckResult,
  CommandResult,
  ConsolidateResult,
  IndicatorLine,
  LongRunOptions,
  NextItem,
  NextResult,
  OfficeFile,
  WorkbookOperations,
} from './operations';

/**
 * THE one module that talks to Excel (`Excel.run`). Every command is one `Excel.run` with as few
 * `context.sync()` round trips as its data allows (PLATFORM.md: queue everything, never sync in a
 * loop, load only what is read, whole 2-D `values`):
 *
 * | command            | syncs                                                                 |
 * |--------------------|-----------------------------------------------------------------------|
 * | checkActiveSheet   | 2: probe (sheet, used range size, record) · read                      |
 * | whatNext           | 2: the same                                                           |
 * | addScoreColumns    | 3: probe · read · write                                               |
 * | highlightTiers     | 3: probe (+ the sheet's conditional formats) · read · write           |
 * | consolidate        | 3 + reads: tab names · probe every tab · read all tabs (split only to |
 * |                    | keep each response under the 5 MB limit) · write                      |
 * | removeAll          | 3–4: record + tabs · probe + rules + properties · read owned cells · delete |
 *
 * Sizes are estimated before each sync from the used ranges' dimensions, so no request or
 * response goes over Excel on the web's 5 MB limit ("check the data before calling
 * `context.sync()`; split the operation into smaller pieces as needed", Office Add-ins resource
 * limits); a read that still comes back too large is split and retried.
 */

export interface ExcelWorkbookOptions {
  /** The clock, for "days left" and "date in the future" (tests pass a fixed one). */
  now?: () => Date;
  /** Register the change handlers of highlighted sheets when created (default true). */
  restoreHandlers?: boolean;
  /** Language of the consolidated report's sheets (default Bengali). */
  language?: Language;
  /** Scoring settings (SCORING.md defaults otherwise). */
  settings?: Partial<ScoreSettings>;
  /** Estimated bytes one sync may carry (default SYNC_BUDGET, under the 5 MB limit). */
  syncBudget?: number;
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

const SCORE_FORMAT = '0.00';

// ── Small helpers ───────────────────────────────────────────────────────────────────────────

interface Probe {
  ws: XlWorksheet;
  id: string;
  name: string;
  /** The used range by values (what is read), and with formatting (what placement avoids). */
  values: Rect | null;
  full: Rect | null;
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
  return () => ({ ws, id: ws.id, name: ws.name, values: rectOf(v), full: rectOf(f) });
}

function queueRecord(ctx: XlRequestContext): () => OwnedRecord | null {
  const item = ctx.workbook.settings.getItemOrNullObject(OWNED_KEY);
  item.load('value');
  return () => (item.isNullObject ? null : parseRecord(item.value));
}

function saveRecord(ctx: XlRequestContext, record: OwnedRecord): void {
  if (isEmptyRecord(record)) {
    // Deleting a missing setting fails the batch: `add` then `delete` removes it either way.
    ctx.workbook.settings.add(OWNED_KEY, '').delete();
    return;
  }
  ctx.workbook.settings.add(OWNED_KEY, JSON.stringify(record));
}

const cellCount = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

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

/** Cells as `A1` addresses → the shortest list of areas: vertical runs per column. */
export function compactAreas(cells: string[]): Rect[] {
  const points = cells
    .map((c) => parseA1(c))
    .filter((p): p is { row: number; col: number } => p !== null)
    .sort((a, b) => a.col - b.col || a.row - b.row);
  const out: Rect[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.left === p.col && last.bottom + 1 === p.row) last.bottom = p.row;
    else if (!(last && last.left === p.col && last.bottom >= p.row && last.top <= p.row)) out.push({ top: p.row, left: p.col, bottom: p.row, right: p.col });
  }
  return out;
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

// ── Reading sheets, split to stay under the payload limit ───────────────────────────────────

interface Piece {
  probe: Probe;
  band: Rect;
}

interface SheetRead {
  data: ExcelSheetData | null;
  error?: string;
}

/** Reads the used range (values, number formats, merged areas) of every probed sheet, as few
 * syncs as the estimated sizes allow. Extra loads queued by the caller ride on the first sync. */
async function readSheets(ctx: XlRequestContext, probes: Probe[], opts: { budget: number; signal?: AbortSignal; onSheets?: (n: number) => void }): Promise<Map<string, SheetRead>> {
  const budget = opts.budget;
  const out = new Map<string, SheetRead>();
  const rows = new Map<string, unknown[][]>();
  const formats = new Map<string, unknown[][]>();
  const merges = new Map<string, string[]>();
  const failed = new Map<string, string>();
  const pieces: Piece[] = [];
  for (const p of probes) {
    if (!p.values) {
      out.set(p.id, { data: null });
      continue;
    }
    const width = p.values.right - p.values.left + 1;
    const perRow = Math.max(1, width * BYTES_PER_CELL);
    const bandRows = Math.max(1, Math.min(Math.floor(budget / perRow), Math.floor(MAX_CELLS_PER_READ / width)));
    rows.set(p.id, []);
    formats.set(p.id, []);
    merges.set(p.id, []);
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
      const r = x.probe.ws.getRangeByIndexes(x.band.top, x.band.left, x.band.bottom - x.band.top + 1, x.band.right - x.band.left + 1);
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
      const id = x.probe.id;
      const offset = x.band.top - x.probe.values!.top;
      const vs = r.values;
      const fs = r.numberFormat;
      const target = rows.get(id)!;
      const ftarget = formats.get(id)!;
      for (let i = 0; i < vs.length; i++) {
        target[offset + i] = vs[i];
        ftarget[offset + i] = fs[i];
      }
      if (!m.isNullObject) for (const a of m.areas.items) merges.get(id)!.push(...splitAreas(a.address));
      pieceDone(id);
    }
  }
  for (const p of probes) {
    if (!p.values) continue;
    const error = failed.get(p.id);
    if (error) {
      out.set(p.id, { data: null, error });
      continue;
    }
    out.set(p.id, { data: { sheet: p.name, address: rectA1(p.values), values: rows.get(p.id)!, numberFormat: formats.get(p.id)!, merges: merges.get(p.id)! } });
  }
  return out;
}

// ── What the add-in owns on a sheet, found by its markers ───────────────────────────────────

interface Located {
  columns?: OwnedColumns;
  legend?: OwnedLegend;
  /** Areas left out when the sheet is read as a plan. */
  blank: Rect[];
}

function valueAt(data: ExcelSheetData | null, row: number, col: number): unknown {
  if (!data) return undefined;
  const o = parseAreaAddress(data.address);
  if (!o) return undefined;
  return data.values[row - o.top]?.[col - o.left];
}

/** Finds the add-in's columns and legend on a sheet: at the recorded place when the markers are
 * still there, else wherever the markers moved to (the user inserted rows or columns). `formulas`
 * (of the recorded columns, from the header row down) give the exact extent of the formulas. */
function locateOwned(data: ExcelSheetData | null, rec: OwnedSheet | undefined, formulas?: { top: number; left: number; values: unknown[][] }): Located {
  const located: Located = { blank: [] };
  if (!data) return located;
  const o = parseAreaAddress(data.address)!;
  const bottom = o.top + data.values.length - 1;
  const isHeaderPair = (r: number, c: number) => valueAt(data, r, c) === SCORE_HEADER && valueAt(data, r, c + 1) === TIER_HEADER;
  const isLegend = (r: number, c: number) => valueAt(data, r, c) === LEGEND_TITLE && valueAt(data, r + 1, c) === legendLabel(LEGEND_ORDER[0]);

  let col: { r: number; c: number } | null = null;
  if (rec?.columns && isHeaderPair(rec.columns.top, rec.columns.score)) col = { r: rec.columns.top, c: rec.columns.score };
  let leg: { r: number; c: number } | null = null;
  if (rec?.legend && isLegend(rec.legend.top, rec.legend.col)) leg = { r: rec.legend.top, c: rec.legend.col };
  if (!col || !leg) {
    for (let i = 0; i < data.values.length && (!col || !leg); i++) {
      const row = data.values[i];
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (!col && v === SCORE_HEADER && isHeaderPair(o.top + i, o.left + j)) col = { r: o.top + i, c: o.left + j };
        if (!leg && v === LEGEND_TITLE && isLegend(o.top + i, o.left + j)) leg = { r: o.top + i, c: o.left + j };
      }
    }
  }
  if (col) {
    let last = col.r;
    if (formulas && rec?.columns && formulas.left === col.c && formulas.top === col.r) {
      formulas.values.forEach((row, i) => {
        if (row.some((f) => typeof f === 'string' && f.startsWith('=APA.'))) last = col!.r + i;
      });
    } else if (rec?.columns) {
      last = col.r + (rec.columns.bottom - rec.columns.top);
    } else {
      for (let r = col.r + 1; r <= bottom; r++) {
        const a = valueAt(data, r, col.c);
        const b = valueAt(data, r, col.c + 1);
        if ((a !== '' && a !== undefined) || (b !== '' && b !== undefined)) last = r;
      }
    }
    located.columns = { score: col.c, tier: col.c + 1, top: col.r, bottom: last };
    located.blank.push({ top: col.r, left: col.c, bottom: Math.max(last, bottom), right: col.c + 1 });
  }
  if (leg) {
    located.legend = { col: leg.c, top: leg.r, bottom: leg.r + LEGEND_ROWS - 1 };
    located.blank.push(legendRect(located.legend));
  }
  return located;
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

// ── Reading a sheet as a plan ───────────────────────────────────────────────────────────────

interface Analysis {
  sheet: string;
  located: Located;
  grid: Grid | null;
  plan: Plan | null;
  result: PlanScore | null;
  problems: Problem[];
  reason?: Bilingual;
}

function analyse(name: string, read: SheetRead | undefined, rec: OwnedSheet | undefined, settings: Partial<ScoreSettings>, today: number, formulas?: { top: number; left: number; values: unknown[][] }): Analysis {
  const data = read?.data ?? null;
  const located = locateOwned(data, rec, formulas);
  const base = { sheet: name, located, grid: null, plan: null, result: null, problems: [] };
  if (read?.error) return { ...base, reason: message('not-a-plan', { reason: message('wb.sheet-unreadable', { detail: read.error }) }) };
  if (!data) return { ...base, reason: message('not-a-plan', { reason: message('wb.empty-sheet') }) };
  const grid = excelGrid(data, { exclude: located.blank });
  const scored = scoreGrid(grid, settings, today);
  return 'reason' in scored ? { ...base, grid, reason: scored.reason } : { ...base, grid, ...scored };
}


// ── The score and tier formulas ─────────────────────────────────────────────────────────────

interface FormulaRow {
  row: number;
  score: string;
  tier: string;
}

/** The unit cell of an indicator: the cell of its row, left of the targets, holding the unit text. */
function unitCell(grid: Grid, ind: Indicator, firstTargetCol: number): string | null {
  if (!ind.unitText) return null;
  const o = grid.origin ?? { row: 0, col: 0 };
  const r = ind.row - 1 - o.row;
  const want = cleanText(ind.unitText);
  const holder = (rr: number, cc: number): [number, number] => {
    for (const m of grid.merges ?? []) if (rr >= m.top && rr <= m.bottom && cc >= m.left && cc <= m.right) return [m.top, m.left];
    return [rr, cc];
  };
  for (let c = 0; c < firstTargetCol - o.col; c++) {
    const [hr, hc] = holder(r, c);
    const v = grid.values[hr]?.[hc];
    if (typeof v === 'string' && cleanText(v) === want) return `${columnLetters(hc + o.col)}${hr + o.row + 1}`;
  }
  return null;
}

/** `=APA.SCORE(K14,F14:J14,E14,D14)` and `=APA.TIER(K14,F14:J14,D14)` for each indicator, at the
 * row of its achievement (the second row of a target/achievement pair). */
function formulaRows(grid: Grid, result: PlanScore): FormulaRow[] {
  const out: FormulaRow[] = [];
  for (const s of result.indicators) {
    const ind = s.indicator;
    const ach = ind.achievements.find((a) => a.cumulative) ?? ind.achievements[ind.achievements.length - 1];
    if (!ach || !ind.targets.length) continue;
    const a = parseA1(ach.cell);
    const targets = ind.targets.map((t) => parseA1(t.cell)).filter((p): p is { row: number; col: number } => p !== null);
    if (!a || !targets.length) continue;
    const tRow = targets[0].row;
    const left = Math.min(...targets.map((t) => t.col));
    const right = Math.max(...targets.map((t) => t.col));
    const targetRef = rectA1({ top: tRow, left, bottom: tRow, right });
    const weight = ind.weightCell || '""';
    const unit = unitCell(grid, ind, left);
    const u = unit ? `,${unit}` : '';
    out.push({ row: a.row, score: `=APA.SCORE(${ach.cell},${targetRef},${weight}${u})`, tier: `=APA.TIER(${ach.cell},${targetRef}${u})` });
  }
  return out.sort((x, y) => x.row - y.row);
}

/** First column right of everything on the sheet (the add-in's own things keep their place). */
function freeColumn(probe: Probe, located: Located): number {
  if (located.columns) return located.columns.score;
  if (located.legend) return Math.max(0, located.legend.col - LEGEND_OFFSET);
  const r = probe.full ?? probe.values;
  return r ? r.right + 1 : 0;
}

// ── Writing a report sheet ──────────────────────────────────────────────────────────────────

interface WriteOp {
  bytes: number;
  apply: () => void;
}

/** Text as Excel should keep it: a leading apostrophe stops Excel from reading `=…`, `1.6`,
 * `2024-25` or `TRUE` as a formula, number, date or boolean; the apostrophe is not part of the value. */
function asText(s: string): string {
  return s === '' ? '' : `'${s}`;
}

function hyperlinkFormula(sheet: string, cell: string, text: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell || 'A1'}`;
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${q(target)},${q(text.slice(0, 255))})`;
}

/** Character widths (the spec's, as in ExcelJS) → points. */
const widthPoints = (chars: number) => Math.round(chars * 5.7 * 100) / 100;

function reportOps(ws: () => XlWorksheet, spec: SheetSpec, budget: number): WriteOp[] {
  const ops: WriteOp[] = [];
  const height = spec.rows.length;
  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  const cells: (string | number)[][] = [];
  const formats: string[][] = [];
  const fills = new Map<string, Rect[]>();
  const fonts = new Map<string, Rect[]>();
  const bold = new Map<string, Rect[]>();
  const add = (m: Map<string, Rect[]>, k: string, r: number, c: number) => {
    const list = m.get(k) ?? [];
    const last = list[list.length - 1];
    if (last && last.top === r && last.right + 1 === c) last.right = c;
    else list.push({ top: r, left: c, bottom: r, right: c });
    m.set(k, list);
  };
  spec.rows.forEach((row, r) => {
    const line: (string | number)[] = [];
    const fline: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      let v: string | number = '';
      if (cell) {
        if (typeof cell.v === 'number') v = Number.isFinite(cell.v) ? cell.v : '';
        else if (typeof cell.v === 'string') v = asText(cell.v);
        if (cell.link && cell.v !== null && cell.v !== '') v = hyperlinkFormula(cell.link.sheet, cell.link.cell, String(cell.v));
        if (cell.fill) add(fills, cell.fill.toUpperCase(), r, c);
        const font = cell.font ?? (cell.link ? '#0563C1' : undefined);
        if (font) add(fonts, font.toUpperCase(), r, c);
        if (cell.bold) add(bold, 'bold', r, c);
      }
      line.push(v);
      fline.push(cell?.format ?? 'General');
    }
    cells.push(line);
    formats.push(fline);
  });

  // Values (with link formulas) and number formats, in row bands that fit the budget.
  const rowBytes = cells.map((row, i) => jsonBytes(row) + jsonBytes(formats[i]) + 2);
  let start = 0;
  while (start < height) {
    let end = start;
    let bytes = rowBytes[start];
    while (end + 1 < height && bytes + rowBytes[end + 1] < budget / 2) bytes += rowBytes[++end];
    const [s, e] = [start, end];
    ops.push({
      bytes: bytes + 2 * COMMAND_BYTES,
      apply: () => {
        const r = ws().getRangeByIndexes(s, 0, e - s + 1, width);
        r.formulas = cells.slice(s, e + 1);
        r.numberFormat = formats.slice(s, e + 1);
      },
    });
    start = end + 1;
  }
  const areaOps = (rects: Rect[], set: (areas: ReturnType<XlWorksheet['getRanges']>) => void) => {
    for (const address of addressChunks(rects)) ops.push({ bytes: utf8(address) + COMMAND_BYTES, apply: () => set(ws().getRanges(address)) });
  };
  for (const [color, rects] of fills) areaOps(rects, (a) => (a.format.fill.color = color));
  for (const [color, rects] of fonts) areaOps(rects, (a) => (a.format.font.color = color));
  areaOps(bold.get('bold') ?? [], (a) => (a.format.font.bold = true));

  ops.push({
    bytes: spec.columnWidths.length * COMMAND_BYTES,
    apply: () => {
      let c = 0;
      while (c < spec.columnWidths.length) {
        let e = c;
        while (e + 1 < spec.columnWidths.length && spec.columnWidths[e + 1] === spec.columnWidths[c]) e++;
        ws().getRangeByIndexes(0, c, 1, e - c + 1).format.columnWidth = widthPoints(spec.columnWidths[c]);
        c = e + 1;
      }
      const f = spec.freeze;
      if (f && f.rows > 0 && f.columns > 0) ws().freezePanes.freezeAt(ws().getRangeByIndexes(0, 0, f.rows, f.columns));
      else if (f && f.rows > 0) ws().freezePanes.freezeRows(f.rows);
      else if (f && f.columns > 0) ws().freezePanes.freezeColumns(f.columns);
    },
  });
  const chart = spec.chart;
  if (chart) {
    ops.push({
      bytes: 6 * COMMAND_BYTES,
      apply: () => {
        const n = chart.lastRow - chart.firstRow + 1;
        const values = ws().getRangeByIndexes(chart.firstRow, chart.valueColumn, n, 1);
        const labels = ws().getRangeByIndexes(chart.firstRow, chart.labelColumn, n, 1);
        const c = ws().charts.add('BarClustered', values, 'Columns');
        c.title.text = chart.title;
        c.legend.visible = false;
        const series = c.series.getItemAt(0);
        series.name = chart.title;
        series.setXAxisValues(labels);
        const top = height + 1;
        c.setPosition(`A${top + 1}`, `H${top + Math.max(15, Math.min(60, n + 5))}`);
      },
    });
  }
  return ops;
}

/** Packs write operations into syncs of at most SYNC_BUDGET estimated bytes, in order. */
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

const SHEET_NAME_BAD = /[:\\/?*[\]]/g;

function uniqueSheetName(base: string, taken: Set<string>): string {
  const clean = base.replace(SHEET_NAME_BAD, ' ').slice(0, 31).trim() || 'APA';
  let name = clean;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = clean.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

// ── Per-runtime state: change handlers live as long as the runtime, not the pane ────────────

interface HandlerState {
  active: boolean;
  /** Cells whose change can change a tier (achievements and targets); null until first read. */
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

// ── The operations ──────────────────────────────────────────────────────────────────────────

export function createExcelWorkbook(run: XlRun = Excel.run, options: ExcelWorkbookOptions = {}): ExcelWorkbookOperations {
  const now = options.now ?? (() => new Date());
  const settings = options.settings ?? {};
  const language = options.language ?? 'bn';
  const handlers = handlersOf(run);
  const today = () => todayInDhaka(now());
  const budget = options.syncBudget ?? SYNC_BUDGET;

  /** Reads one sheet (active, or by id): probe + record (+ extra loads) · read. */
  async function readOne<T = undefined>(ctx: XlRequestContext, which: { id?: string; onlyIfHighlighted?: boolean }, extra?: (ws: XlWorksheet) => T) {
    const ws = which.id ? ctx.workbook.worksheets.getItem(which.id) : ctx.workbook.worksheets.getActiveWorksheet();
    const probeOf = queueProbe(ws);
    const recordOf = queueRecord(ctx);
    const extraResult = extra?.(ws);
    await ctx.sync();
    const probe = probeOf();
    const record = recordOf();
    const rec = record?.sheets[probe.id];
    if (which.onlyIfHighlighted && !rec?.highlight) return null;
    // The recorded columns' formulas, read with the values, give the exact extent of the formulas.
    let formulas: { top: number; left: number; range: XlRange } | undefined;
    if (rec?.columns && probe.values && rec.columns.top <= probe.values.bottom) {
      const rows = probe.values.bottom - rec.columns.top + 1;
      const range = ws.getRangeByIndexes(rec.columns.top, rec.columns.score, rows, 2);
      range.load('formulas');
      formulas = { top: rec.columns.top, left: rec.columns.score, range };
    }
    const reads = await readSheets(ctx, [probe], { budget });
    const f = formulasOf(formulas);
    const analysis = analyse(probe.name, reads.get(probe.id), rec, settings, today(), f);
    return { ws, probe, record, rec, analysis, extra: extraResult };
  }

  async function checkActiveSheet(): Promise<CheckResult> {
    return run(async (ctx) => {
      const { analysis: a } = (await readOne(ctx, {}))!;
      if (!a.plan || !a.result) return { sheet: a.sheet, plan: null, reason: a.reason, totals: null, indicators: [], problems: a.problems };
      const p = a.plan;
      return {
        sheet: a.sheet,
        plan: { office: p.office, kind: p.kind, fiscalYear: fiscalYearLabel(p.fiscalYear), quarter: p.quarter, layout: p.layout, headerRow: p.headerRow },
        totals: a.result.totals,
        indicators: indicatorLines(a.result),
        problems: a.problems,
      };
    });
  }

  async function selectCell(sheet: string, cell: string): Promise<void> {
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell || 'A1').select();
      await ctx.sync();
    });
  }

  async function addScoreColumns(): Promise<CommandResult> {
    return run(async (ctx) => {
      const { ws, probe, record, rec, analysis: a } = (await readOne(ctx, {}))!;
      if (!a.plan || !a.result || !a.grid) return { ok: false, message: message('wb.no-plan', { sheet: a.sheet, reason: a.reason ?? '' }), changed: 0 };
      const rows = formulaRows(a.grid, a.result);
      const F = freeColumn(probe, a.located);
      const top = a.plan.headerRow - 1;
      const bottom = Math.max(top, ...rows.map((r) => r.row));
      const block: string[][] = [];
      for (let r = top + 1; r <= bottom; r++) block.push(['', '']);
      for (const fr of rows) block[fr.row - top - 1] = [fr.score, fr.tier];

      const old = a.located.columns;
      if (old) ws.getRangeByIndexes(old.top, Math.min(old.score, old.tier), old.bottom - old.top + 1, 2).clear('All');
      const header = ws.getRangeByIndexes(top, F, 1, 2);
      header.values = [[SCORE_HEADER, TIER_HEADER]];
      header.format.font.bold = true;
      if (block.length) {
        const body = ws.getRangeByIndexes(top + 1, F, block.length, 2);
        body.formulas = block;
        ws.getRangeByIndexes(top + 1, F, block.length, 1).numberFormat = block.map(() => [SCORE_FORMAT]);
      }
      const next = record ?? emptyRecord();
      next.sheets[probe.id] = { ...(rec ?? { name: probe.name }), name: probe.name, columns: { score: F, tier: F + 1, top, bottom } };
      saveRecord(ctx, next);
      await ctx.sync();
      const columns = `${columnLetters(F)}:${columnLetters(F + 1)}`;
      return { ok: true, message: message('wb.columns-added', { sheet: probe.name, count: rows.length, columns }), changed: 2 * rows.length + 2 };
    });
  }

  /** Colours a sheet's achievement cells by tier with the add-in's conditional formats and keeps
   * them current. `byHandler`: called by the change handler (does nothing once un-highlighted). */
  async function highlight(which: { id?: string }, byHandler = false): Promise<CommandResult> {
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
      const { ws, probe, record, rec, analysis: a, extra: cfs } = read;
      if (!a.plan || !a.result) return { ok: false, message: message('wb.no-plan', { sheet: a.sheet, reason: a.reason ?? '' }), changed: 0 };

      const spec = highlightSpec(a.result);
      const byKey = new Map<HighlightKey, string[]>();
      for (const h of spec) byKey.set(h.key, [...(byKey.get(h.key) ?? []), h.cell]);
      const owned = (cfs?.items ?? []).filter((cf) => !cf.customOrNullObject.isNullObject && isOwnedFormula(cf.customOrNullObject.rule.formula));
      for (const cf of owned) cf.delete();
      for (const key of LEGEND_ORDER) {
        const cells = byKey.get(key);
        if (!cells) continue;
        for (const address of addressChunks(compactAreas(cells))) {
          const cf = ws.getRanges(address).conditionalFormats.add('Custom');
          cf.custom.rule.formula = cfFormula(key);
          cf.custom.format.fill.color = PALETTE[key].fill;
          cf.custom.format.font.color = PALETTE[key].font;
        }
      }

      const F = freeColumn(probe, a.located);
      const legend: OwnedLegend = { col: F + LEGEND_OFFSET, top: a.plan.headerRow - 1, bottom: a.plan.headerRow - 1 + LEGEND_ROWS - 1 };
      const old = a.located.legend;
      if (old && (old.col !== legend.col || old.top !== legend.top)) ws.getRangeByIndexes(old.top, old.col, old.bottom - old.top + 1, 1).clear('All');
      const legendRange = ws.getRangeByIndexes(legend.top, legend.col, LEGEND_ROWS, 1);
      legendRange.values = [[LEGEND_TITLE], ...LEGEND_ORDER.map((k) => [legendLabel(k)])];
      legendRange.getCell(0, 0).format.font.bold = true;
      LEGEND_ORDER.forEach((k, i) => {
        const cell = legendRange.getCell(i + 1, 0);
        cell.format.fill.color = PALETTE[k].fill;
        cell.format.font.color = PALETTE[k].font;
      });

      const next = record ?? emptyRecord();
      next.sheets[probe.id] = { ...(rec ?? { name: probe.name }), name: probe.name, legend, highlight: true };
      saveRecord(ctx, next);

      const watch: Rect[] = [];
      for (const s of a.result.indicators) {
        for (const c of [...s.achievementCells, ...s.indicator.targets.map((t) => t.cell), ...s.indicator.achievements.map((x) => x.cell)]) {
          const p = parseA1(c);
          if (p) watch.push({ top: p.row, left: p.col, bottom: p.row, right: p.col });
        }
      }
      const ownedRects = [legendRect(legend), ...(a.located.columns ? [columnsRect(a.located.columns)] : [])];
      let st = handlers.get(probe.id);
      if (!st) {
        st = { active: true, watch, owned: ownedRects, running: null, again: false };
        handlers.set(probe.id, st);
        ws.onChanged.add(onChanged);
      }
      st.active = true;
      st.watch = watch;
      st.owned = ownedRects;
      await ctx.sync();
      return { ok: true, message: message('wb.highlighted', { sheet: probe.name, count: spec.length }), changed: spec.length };
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
      const rects = splitAreas(e.address).map((x) => parseAreaAddress(x)).filter((x): x is Rect => x !== null);
      if (!rects.length) return;
      const outsideOwned = rects.filter((r) => !st.owned.some((o) => r.top >= o.top && r.bottom <= o.bottom && r.left >= o.left && r.right <= o.right));
      if (!outsideOwned.length) return;
      if (st.watch && !outsideOwned.some((r) => st.watch!.some((w) => rectsIntersect(r, w)))) return;
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
        if (!record.sheets[ws.id]?.highlight || handlers.has(ws.id)) continue;
        handlers.set(ws.id, { active: true, watch: null, owned: [], running: null, again: false });
        ws.onChanged.add(onChanged);
        n++;
      }
      if (n) await ctx.sync();
      return n;
    });
  }

  async function removeAll(): Promise<CommandResult> {
    return run(async (ctx) => {
      const recordOf = queueRecord(ctx);
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/id,items/name');
      await ctx.sync();
      const record = recordOf();
      const perSheet = sheets.items.map((ws) => {
        const cfs = ws.getRange().conditionalFormats;
        cfs.load('items/type,items/customOrNullObject/rule/formula');
        const prop = ws.customProperties.getItemOrNullObject(REPORT_PROPERTY);
        prop.load('value');
        const rec = record?.sheets[ws.id];
        return { ws, cfs, prop, rec, probe: rec ? queueProbe(ws) : null };
      });
      await ctx.sync();
      const recorded = perSheet.filter((s) => s.rec && s.probe);
      const probes = recorded.map((s) => s.probe!());
      const formulas = new Map<string, { top: number; left: number; range: XlRange }>();
      for (const p of probes) {
        const c = record?.sheets[p.id]?.columns;
        if (c && p.values && c.top <= p.values.bottom) {
          const range = p.ws.getRangeByIndexes(c.top, c.score, p.values.bottom - c.top + 1, 2);
          range.load('formulas');
          formulas.set(p.id, { top: c.top, left: c.score, range });
        }
      }
      const reads = probes.length ? await readSheets(ctx, probes, { budget }) : new Map<string, SheetRead>();

      let rules = 0;
      let cells = 0;
      let deletedSheets = 0;
      const remaining = perSheet.filter((s) => !(record && !s.prop.isNullObject && s.prop.value === record.token));
      for (const s of perSheet) {
        if (record && !s.prop.isNullObject && s.prop.value === record.token && remaining.length > 0) {
          s.ws.delete();
          deletedSheets++;
          continue;
        }
        for (const cf of s.cfs.items) {
          if (!cf.customOrNullObject.isNullObject && isOwnedFormula(cf.customOrNullObject.rule.formula)) {
            cf.delete();
            rules++;
          }
        }
      }
      for (const p of probes) {
        const f = formulas.get(p.id);
        const located = locateOwned(reads.get(p.id)?.data ?? null, record?.sheets[p.id], formulasOf(f));
        for (const r of [...(located.columns ? [columnsRect(located.columns)] : []), ...(located.legend ? [legendRect(located.legend)] : [])]) {
          p.ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1).clear('All');
          cells += cellCount(r);
        }
      }
      for (const st of handlers.values()) {
        st.active = false;
        st.watch = null;
      }
      if (record) saveRecord(ctx, { ...record, sheets: {}, reports: [], imports: [] });
      if (!rules && !cells && !deletedSheets && !record) return { ok: true, message: message('wb.nothing-to-remove'), changed: 0 };
      await ctx.sync();
      return { ok: true, message: message('wb.removed', { sheets: deletedSheets, cells, rules }), changed: deletedSheets + cells + rules };
    });
  }

  async function whatNext(): Promise<NextResult> {
    return run(async (ctx) => {
      const { analysis: a } = (await readOne(ctx, {}))!;
      const t = today();
      const items: NextItem[] = [];
      for (const s of a.result?.indicators ?? []) {
        const n = nextOf(s);
        if (!n) continue;
        const days = (x: number) => (n.unit === 'date' ? x - t : null);
        items.push({
          id: n.id,
          name: s.indicator.name,
          unit: n.unit,
          current: highlightKey(s.status, s.tier),
          next: { tier: n.next.tier, value: n.next.x, daysLeft: days(n.next.x) },
          top: { tier: n.top.tier, value: n.top.x, daysLeft: days(n.top.x) },
        });
      }
      return { sheet: a.sheet, items, today: t };
    });
  }

  interface ConsolidateInternal {
    /** Sheets just inserted from files: dropped when they hold no plan (file name per sheet id). */
    inserted?: Map<string, string>;
  }

  async function consolidateImpl(options: LongRunOptions, internal: ConsolidateInternal = {}): Promise<ConsolidateResult & { dropped: { id: string; name: string }[] }> {
    const { signal, onProgress } = options;
    const cancelled = { cancelled: true, consolidation: null, skipped: [], written: [], dropped: [] };
    try {
      return await run(async (ctx) => {
        checkAbort(signal);
        const recordOf = queueRecord(ctx);
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/id,items/name');
        await ctx.sync();
        const record = recordOf() ?? emptyRecord();
        checkAbort(signal);
        const all = sheets.items.map((ws) => {
          const prop = ws.customProperties.getItemOrNullObject(REPORT_PROPERTY);
          prop.load('value');
          return { ws, prop, probe: queueProbe(ws) };
        });
        await ctx.sync();
        const isReport = (x: (typeof all)[number]) => !x.prop.isNullObject && x.prop.value === record.token;
        const tabs = all.filter((x) => !isReport(x)).map((x) => x.probe());
        const total = tabs.length + 1;
        onProgress?.(0, total);
        const reads = await readSheets(ctx, tabs, { budget, signal, onSheets: (n) => onProgress?.(n, total) });

        const offices: OfficeSummary[] = [];
        const skipped: ConsolidateResult['skipped'] = [];
        const skippedSources: SkippedSource[] = [];
        const dropped: { id: string; name: string }[] = [];
        const t = today();
        for (const p of tabs) {
          const a = analyse(p.name, reads.get(p.id), record.sheets[p.id], settings, t);
          if (a.result) {
            offices.push(officeSummary(a.result, a.problems));
            continue;
          }
          const file = internal.inserted?.get(p.id);
          const reason = file !== undefined ? message('wb.inserted-not-plan', { file, reason: a.reason ?? '' }) : a.reason ?? message('no-header');
          skipped.push({ sheet: p.name, reason });
          // A tab just inserted from a file that holds no plan is taken out again: it is listed in
          // the command's result, not in the report (which describes the workbook's tabs).
          if (file !== undefined) dropped.push({ id: p.id, name: p.name });
          else skippedSources.push({ sheet: p.name, reason });
        }
        const consolidation = consolidatePlans(offices, skippedSources);
        const book = consolidationWorkbook(consolidation, language);
        checkAbort(signal);

        // The write phase: nothing before this point changed the workbook.
        const old = all.filter(isReport);
        const droppedIds = new Set(dropped.map((d) => d.id));
        const keep = new Set(tabs.filter((p) => !droppedIds.has(p.id)).map((p) => p.name.toLowerCase()));
        const names = book.sheets.map((s) => uniqueSheetName(s.name, keep));
        const created: XlWorksheet[] = [];
        const ops: WriteOp[] = [
          {
            bytes: COMMAND_BYTES * (old.length + dropped.length + 3 * names.length + 2) + utf8(names.join('')),
            apply: () => {
              for (const x of old) x.ws.delete();
              for (const p of tabs) if (droppedIds.has(p.id)) p.ws.delete();
              names.forEach((name) => {
                const ws = ctx.workbook.worksheets.add(name);
                ws.customProperties.add(REPORT_PROPERTY, record.token);
                created.push(ws);
              });
            },
          },
        ];
        book.sheets.forEach((spec, i) => ops.push(...reportOps(() => created[i], { ...spec, name: names[i] }, budget)));
        ops.push({
          bytes: COMMAND_BYTES * 2 + 2000,
          apply: () => {
            created[0]?.activate();
            record.reports = names;
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
        return { cancelled: false, consolidation, skipped, written: names, dropped };
      });
    } catch (err) {
      if (err instanceof Cancelled) return cancelled;
      throw err;
    }
  }

  async function consolidate(options: LongRunOptions): Promise<ConsolidateResult> {
    const { dropped: _dropped, ...result } = await consolidateImpl(options);
    return result;
  }

  async function addOfficeFiles(files: OfficeFile[], options: LongRunOptions): Promise<AddFilesResult> {
    const failed: AddFilesResult['failed'] = [];
    const inserted: AddFilesResult['inserted'] = [];
    const fileOf = new Map<string, string>();
    const newIds: string[] = [];
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

    const aborted = await run(async (ctx) => {
      const recordOf = queueRecord(ctx);
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/id,items/name');
      await ctx.sync();
      const record = recordOf() ?? emptyRecord();
      const present = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
      const before = JSON.stringify(record);
      for (const file of files) {
        if (signal?.aborted) return true;
        const base64 = file.base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
        if (utf8(base64) + COMMAND_BYTES > PAYLOAD_LIMIT) {
          failed.push({ file: file.name, reason: message('wb.file-failed', { file: file.name, reason: message('wb.file-too-large', { size: Math.round((base64.length * 3) / 4 / 1e5) / 10 }) }) });
          continue;
        }
        if (!base64.startsWith('UEsDB')) {
          failed.push({ file: file.name, reason: message('wb.file-failed', { file: file.name, reason: message('wb.file-not-xlsx') }) });
          continue;
        }
        const hash = contentHash(base64);
        const known = record.imports.find((imp) => imp.hash === hash && imp.sheets.length && imp.sheets.every((id) => present.has(id)));
        if (known) {
          inserted.push({ file: file.name, sheets: known.sheets.map((id) => present.get(id)!) });
          continue;
        }
        const result = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
        try {
          await ctx.sync();
        } catch (err) {
          failed.push({ file: file.name, reason: message('wb.file-failed', { file: file.name, reason: message('wb.host-error', { detail: detailOf(err) }) }) });
          continue;
        }
        const ids = result.value;
        newIds.push(...ids);
        for (const id of ids) fileOf.set(id, file.name);
        record.imports = record.imports.filter((imp) => imp.hash !== hash);
        record.imports.push({ file: file.name, hash, sheets: ids });
        inserted.push({ file: file.name, sheets: ids });
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
    const result = await consolidateImpl(options, { inserted: fileOf });
    if (result.cancelled) {
      await rollback();
      return cancelledResult();
    }
    const droppedNames = new Set(result.dropped.map((d) => d.name));
    const keptInserted = inserted.map((entry) => ({ file: entry.file, sheets: entry.sheets.filter((name) => !droppedNames.has(name)) }));
    const { dropped: _dropped, ...rest } = result;
    return { ...rest, failed, inserted: keptInserted };
  }

  const ops: ExcelWorkbookOperations = {
    ready: Promise.resolve(0),
    restoreHandlers,
    checkActiveSheet,
    selectCell,
    addScoreColumns,
    highlightTiers: () => highlight({}),
    removeAll,
    whatNext,
    consolidate,
    addOfficeFiles,
  };
  if (options.restoreHandlers !== false) {
    (ops as { ready: Promise<number> }).ready = restoreHandlers().catch(() => 0);
  }
  return ops;
}
