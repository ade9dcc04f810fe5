import {
  Bilingual,
  CellValue,
  Grid,
  HighlightKey,
  Indicator,
  LEGEND_ORDER,
  Language,
  MergeArea,
  OfficeSummary,
  PALETTE,
  Plan,
  PlanScore,
  Problem,
  ScoreSettings,
  SheetSpec,
  SkippedSource,
  SpecCell,
  a1,
  columnIndex,
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
  LEGEND_OFFSET,
  LEGEND_ROWS,
  LEGEND_TITLE,
  OWNED_KEY,
  OwnedColumns,
  OwnedLegend,
  SCORE_HEADER,
  TIER_HEADER,
  cfFormula,
  isOwnedFormula,
  legendLabel,
} from '../../../addin/src/workbook/ownership';
import { indicatorLines, scoreGrid } from '../../../addin/src/workbook/commands';
import type { CheckResult, CommandResult, ConsolidateResult, IndicatorLine, NextItem, NextResult } from '../../../addin/src/workbook/operations';
import { GasConditionalFormatRule, GasDeveloperMetadata, GasGlobals, GasOnEditEvent, GasSheet, GasSpreadsheet } from './gas-api';

/**
 * THE Sheets adapter: the one module that reads and writes the spreadsheet (SpreadsheetApp), for
 * every command of the task pane's contract (`addin/src/workbook/operations.ts`), with the same
 * result types, as plain JSON (what `google.script.run` can carry).
 *
 * Reading a sheet is one `getDataRange()` with one `getValues()`, one `getNumberFormats()` and one
 * `getMergedRanges()` (PLATFORM.md: one read per block); the values come as Sheets gives them
 * (`Date`s, numbers, percent fractions with their `0.00%` format, `''` for a blank) and become
 * core's `Grid`. Writing is one `setValues`/`setFormulas` per block plus one call per format kind
 * (`setNumberFormats`, `setBackgrounds`, `setFontColors`, `setFontWeights`); no `flush()`.
 *
 * What the script owns, and how it is found again (the same markers as the Excel add-in,
 * `ownership.ts`, so a workbook moved between the hosts is understood by both):
 * - the record: spreadsheet developer metadata `apa-sheets.owned` (visibility DOCUMENT), a small
 *   JSON object (sheet id → score columns, legend, highlighted, the rectangle whose edits change
 *   tiers, columns/rows the script had to add); the report sheets' token;
 * - score and tier columns: the header pair `APA স্কোর | APA স্তর`, `=APA_SCORE(…)` /
 *   `=APA_TIER(…)` formulas below it;
 * - the legend: its title cell followed by one cell per palette entry;
 * - conditional-format rules: custom-formula rules whose formula is `=N("apa-sheets:<key>")=0`
 *   (always true; `setConditionalFormatRules` replaces the sheet's whole list, so the user's rules
 *   are read, kept in their order and set back with ours in one call);
 * - report sheets: sheet developer metadata `apa-sheets.report` holding the record's token (a sheet
 *   copied in from another spreadsheet carries another token and stays the user's).
 *
 * Consolidate keeps within Apps Script's 6 minutes per execution: it reads tabs while less than
 * `readBudgetMs` has passed and starts writing only if less than `writeDeadlineMs` has; otherwise it
 * stops and answers `{ done, total, resumeFrom }`. `resumeFrom` is an opaque string holding the
 * offices read so far, handed back by the caller (the sidebar) on the next call: nothing is kept in
 * the spreadsheet between calls, and the report sheets are written only by the call that finishes,
 * so stopping (or cancelling) between calls leaves the spreadsheet as it was.
 */

export const REPORT_KEY = 'apa-sheets.report';

/** Apps Script's limit per execution, and how much of it consolidate may spend. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
export const READ_BUDGET_MS = 4 * 60_000;
export const WRITE_DEADLINE_MS = 4.5 * 60_000;

const SCORE_FORMAT = '0.00';
/** Columns the script writes beside a table: score, tier, a gap, the legend. */
const BLOCK_WIDTH = LEGEND_OFFSET + 1;
/** Columns looked at per read when searching for free (unformatted) columns. */
const PLACEMENT_WINDOW = 12;
/** Characters per cell Sheets accepts. */
const MAX_CELL_CHARS = 50_000;

export interface SheetsWorkbookOptions {
  /** Milliseconds since the epoch (Date.now); the elapsed-time checks and "today" read it. */
  now?: () => number;
  /** Language of the report sheets (default Bengali). */
  language?: Language;
  settings?: Partial<ScoreSettings>;
  readBudgetMs?: number;
  writeDeadlineMs?: number;
}

export interface SheetsConsolidateOptions {
  /** What the previous call answered as `resumeFrom` (opaque); absent: start from the first tab. */
  resumeFrom?: unknown;
  language?: Language;
}

export interface SheetsConsolidateResult extends ConsolidateResult {
  /** Steps done (one per tab, then one for writing) of `total`; `done === total` when complete. */
  done: number;
  total: number;
  /** Present when `done < total`: hand it back as `options.resumeFrom` to continue. */
  resumeFrom?: string;
}

export interface SheetsWorkbook {
  checkActiveSheet(): CheckResult;
  selectCell(sheet: string, cell: string): void;
  addScoreColumns(): CommandResult;
  highlightTiers(): CommandResult;
  removeAll(): CommandResult;
  whatNext(): NextResult;
  consolidate(options?: SheetsConsolidateOptions): SheetsConsolidateResult;
  /** The simple `onEdit` trigger: re-highlights a highlighted sheet when a cell that decides a tier
   * changed. Returns whether it did. */
  onEdit(e: GasOnEditEvent): boolean;
}

// ── Rectangles and A1 ───────────────────────────────────────────────────────────────────────

/** A rectangle of sheet cells, 0-based and inclusive. */
export type Rect = MergeArea;

export function areaA1(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/** `B3`, `B3:D9`, `$B$3:$D$9` (a sheet name before `!` is ignored) → a rectangle. */
export function parseArea(address: string): Rect | null {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/.exec(address.trim());
  if (!m) return null;
  const r1 = Number(m[2]) - 1;
  const c1 = columnIndex(m[1]);
  const r2 = m[4] !== undefined ? Number(m[4]) - 1 : r1;
  const c2 = m[3] !== undefined ? columnIndex(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

const intersects = (a: Rect, b: Rect) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const cellCount = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Cells as `A1` addresses → the fewest areas: vertical runs per column. */
export function compactAreas(cells: string[]): Rect[] {
  const points = cells
    .map((c) => parseA1(c))
    .filter((p): p is { row: number; col: number } => p !== null)
    .sort((x, y) => x.col - y.col || x.row - y.row);
  const out: Rect[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.left === p.col && last.bottom + 1 === p.row) last.bottom = p.row;
    else if (!(last && last.left === p.col && last.top <= p.row && last.bottom >= p.row)) out.push({ top: p.row, left: p.col, bottom: p.row, right: p.col });
  }
  return out;
}

// ── The ownership record (spreadsheet developer metadata) ───────────────────────────────────

export interface SheetsOwnedSheet {
  /** The sheet's name when last written (the key is its id, which survives renames). */
  name: string;
  columns?: OwnedColumns;
  legend?: OwnedLegend;
  highlight?: boolean;
  /** The cells whose edits can change a tier (targets and achievements), for onEdit. */
  watch?: Rect;
  /** Columns/rows the script appended to fit its own cells (removed again by Remove when empty). */
  grown?: { columns?: { after: number; count: number }; rows?: { after: number; count: number } };
}

export interface SheetsOwnedRecord {
  version: 1;
  token: string;
  sheets: Record<string, SheetsOwnedSheet>;
  /** Names of the report sheets last written (informative: they are found by their metadata). */
  reports: string[];
}

const nonNegInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const rectOf = (v: unknown): Rect | undefined => {
  const r = v as Rect | undefined;
  return r && nonNegInt(r.top) && nonNegInt(r.left) && nonNegInt(r.bottom) && nonNegInt(r.right) ? { top: r.top, left: r.left, bottom: r.bottom, right: r.right } : undefined;
};
const growthOf = (v: unknown): { after: number; count: number } | undefined => {
  const g = v as { after?: unknown; count?: unknown } | undefined;
  return g && nonNegInt(g.after) && nonNegInt(g.count) && g.count > 0 ? { after: g.after, count: g.count } : undefined;
};

/** The record as stored; anything unreadable is null. */
export function parseSheetsRecord(stored: string | null | undefined): SheetsOwnedRecord | null {
  if (!stored) return null;
  let o: unknown;
  try {
    o = JSON.parse(stored);
  } catch {
    return null;
  }
  const r = o as Partial<SheetsOwnedRecord> | null;
  if (!r || typeof r !== 'object' || typeof r.token !== 'string' || !r.token) return null;
  const out: SheetsOwnedRecord = { version: 1, token: r.token, sheets: {}, reports: [] };
  if (r.sheets && typeof r.sheets === 'object') {
    for (const [id, s] of Object.entries(r.sheets)) {
      if (!s || typeof s !== 'object') continue;
      const sheet: SheetsOwnedSheet = { name: typeof s.name === 'string' ? s.name : '' };
      const c = s.columns;
      if (c && nonNegInt(c.score) && nonNegInt(c.tier) && nonNegInt(c.top) && nonNegInt(c.bottom)) sheet.columns = { score: c.score, tier: c.tier, top: c.top, bottom: c.bottom };
      const l = s.legend;
      if (l && nonNegInt(l.col) && nonNegInt(l.top) && nonNegInt(l.bottom)) sheet.legend = { col: l.col, top: l.top, bottom: l.bottom };
      if (s.highlight === true) sheet.highlight = true;
      const w = rectOf(s.watch);
      if (w) sheet.watch = w;
      const gc = growthOf(s.grown?.columns);
      const gr = growthOf(s.grown?.rows);
      if (gc || gr) sheet.grown = { ...(gc ? { columns: gc } : {}), ...(gr ? { rows: gr } : {}) };
      if (sheet.columns || sheet.legend || sheet.highlight || sheet.grown) out.sheets[id] = sheet;
    }
  }
  if (Array.isArray(r.reports)) out.reports = r.reports.filter((x): x is string => typeof x === 'string');
  return out;
}

const isEmptyRecord = (r: SheetsOwnedRecord) => Object.keys(r.sheets).length === 0 && r.reports.length === 0;

// ── Reading a sheet ─────────────────────────────────────────────────────────────────────────

/** What one read of a sheet gives: its data range from A1 (values as Sheets gives them, number
 * formats, merged areas). */
export interface SheetData {
  values: unknown[][];
  formats: string[][];
  merges: Rect[];
}

/** Reads a sheet's data range: getDataRange + getValues + getNumberFormats + getMergedRanges, and
 * one getA1Notation per merged area. */
export function readSheet(sheet: GasSheet): SheetData {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formats = range.getNumberFormats();
  const merges: Rect[] = [];
  for (const m of range.getMergedRanges()) {
    const r = parseArea(m.getA1Notation());
    if (r && cellCount(r) > 1) merges.push(r);
  }
  merges.sort((x, y) => x.top - y.top || x.left - y.left);
  return { values, formats, merges };
}

const isDateObject = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Number formats that say nothing (Sheets' automatic format): left out of the grid. */
const PLAIN_FORMATS = new Set(['', 'General', 'general', '0.###############', '@']);

/** A cell as core takes it: `''` is blank; a `Date` of another realm (a test's fakes) becomes a
 * `Date` of this one. */
function gridCell(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (isDateObject(v)) return new Date(v.getTime());
  return String(v);
}

/** THE grid of a sheet: core's `Grid` from what `readSheet` read, leaving out the areas the script
 * owns (its columns and legend), so its own cells are never read as the user's table. */
export function sheetsGrid(sheet: string, data: SheetData, exclude: Rect[] = []): Grid {
  const excluded = (r: number, c: number) => {
    for (const x of exclude) if (r >= x.top && r <= x.bottom && c >= x.left && c <= x.right) return true;
    return false;
  };
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  for (let r = 0; r < data.values.length; r++) {
    const src = data.values[r] ?? [];
    const fsrc = data.formats[r] ?? [];
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    for (let c = 0; c < src.length; c++) {
      if (exclude.length && excluded(r, c)) continue;
      const v = gridCell(src[c]);
      if (v !== null) {
        while (vals.length < c) vals.push(null);
        vals[c] = v;
      }
      const f = fsrc[c];
      if (typeof f === 'string' && !PLAIN_FORMATS.has(f)) {
        while (fmts.length < c) fmts.push(null);
        fmts[c] = f;
        anyFormat = true;
      }
    }
    values.push(vals);
    formats.push(fmts);
  }
  while (values.length && values[values.length - 1].length === 0) {
    values.pop();
    formats.pop();
  }
  const grid: Grid = { sheet, values, merges: data.merges.map((m) => ({ ...m })), origin: { row: 0, col: 0 } };
  if (anyFormat) grid.formats = formats;
  return grid;
}

// ── What the script owns on a sheet, found by its markers ───────────────────────────────────

interface Located {
  columns?: OwnedColumns;
  legend?: OwnedLegend;
  /** Areas left out when the sheet is read as a plan. */
  blank: Rect[];
}

const at = (data: SheetData, r: number, c: number): unknown => data.values[r]?.[c];

/** The script's columns and legend on a sheet, wherever their markers are now (rows or columns the
 * user inserted move them). `formulas` (of the two columns, from the header down) give the exact
 * extent of the formulas; without them the extent is every non-blank cell below the header. */
function locateOwned(data: SheetData, formulas?: (col: number, top: number) => string[][]): Located {
  const located: Located = { blank: [] };
  const isHeaderPair = (r: number, c: number) => at(data, r, c) === SCORE_HEADER && at(data, r, c + 1) === TIER_HEADER;
  const isLegend = (r: number, c: number) => at(data, r, c) === LEGEND_TITLE && at(data, r + 1, c) === legendLabel(LEGEND_ORDER[0]);
  let col: { r: number; c: number } | null = null;
  let leg: { r: number; c: number } | null = null;
  for (let i = 0; i < data.values.length && (!col || !leg); i++) {
    const row = data.values[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (!col && v === SCORE_HEADER && isHeaderPair(i, j)) col = { r: i, c: j };
      if (!leg && v === LEGEND_TITLE && isLegend(i, j)) leg = { r: i, c: j };
    }
  }
  const bottom = data.values.length - 1;
  if (col) {
    let last = col.r;
    if (formulas) {
      formulas(col.c, col.r).forEach((row, i) => {
        if (row.some((f) => typeof f === 'string' && /^=APA_(SCORE|TIER)\(/i.test(f))) last = col!.r + 1 + i;
      });
    } else {
      for (let r = col.r + 1; r <= bottom; r++) {
        const a = at(data, r, col.c);
        const b = at(data, r, col.c + 1);
        if ((a !== '' && a !== undefined) || (b !== '' && b !== undefined)) last = r;
      }
    }
    located.columns = { score: col.c, tier: col.c + 1, top: col.r, bottom: last };
    located.blank.push({ top: col.r, left: col.c, bottom: Math.max(last, bottom), right: col.c + 1 });
  }
  if (leg) {
    located.legend = { col: leg.c, top: leg.r, bottom: leg.r + LEGEND_ROWS - 1 };
    located.blank.push({ top: leg.r, left: leg.c, bottom: leg.r + LEGEND_ROWS - 1, right: leg.c });
  }
  return located;
}

// ── A sheet read as a plan ──────────────────────────────────────────────────────────────────

interface Analysis {
  sheet: string;
  data: SheetData | null;
  located: Located;
  grid: Grid | null;
  plan: Plan | null;
  result: PlanScore | null;
  problems: Problem[];
  reason?: Bilingual;
}

function analyse(name: string, data: SheetData | null, settings: Partial<ScoreSettings>, today: number, error?: string, formulas?: (col: number, top: number) => string[][]): Analysis {
  const located = data ? locateOwned(data, formulas) : { blank: [] };
  const base: Analysis = { sheet: name, data, located, grid: null, plan: null, result: null, problems: [] };
  if (error !== undefined) return { ...base, reason: message('not-a-plan', { reason: message('wb.sheet-unreadable', { detail: error }) }) };
  if (!data || data.values.every((row) => row.every((v) => v === '' || v === null || v === undefined))) {
    return { ...base, reason: message('not-a-plan', { reason: message('wb.empty-sheet') }) };
  }
  const grid = sheetsGrid(name, data, located.blank);
  const scored = scoreGrid(grid, settings, today);
  return 'reason' in scored ? { ...base, grid, reason: scored.reason } : { ...base, grid, ...scored };
}


// ── The score and tier formulas ─────────────────────────────────────────────────────────────

interface FormulaRow {
  row: number;
  score: string;
  tier: string;
}

/** The unit cell of an indicator: the cell of its row, left of the targets, holding its unit text. */
function unitCell(grid: Grid, ind: Indicator, firstTargetCol: number): string | null {
  if (!ind.unitText) return null;
  const r = ind.row - 1;
  const want = cleanText(ind.unitText);
  const holder = (rr: number, cc: number): [number, number] => {
    for (const m of grid.merges ?? []) if (rr >= m.top && rr <= m.bottom && cc >= m.left && cc <= m.right) return [m.top, m.left];
    return [rr, cc];
  };
  for (let c = 0; c < firstTargetCol; c++) {
    const [hr, hc] = holder(r, c);
    const v = grid.values[hr]?.[hc];
    if (typeof v === 'string' && cleanText(v) === want) return a1(hr, hc);
  }
  return null;
}

/** `=APA_SCORE(K14,F14:J14,E14,D14)` and `=APA_TIER(K14,F14:J14,D14)` per indicator, on the row of
 * its achievement (the second row of a target/achievement pair). */
function formulaRows(grid: Grid, result: PlanScore): FormulaRow[] {
  const out: FormulaRow[] = [];
  for (const s of result.indicators) {
    const ind = s.indicator;
    const ach = ind.achievements.find((x) => x.cumulative) ?? ind.achievements[ind.achievements.length - 1];
    if (!ach || !ind.targets.length) continue;
    const p = parseA1(ach.cell);
    const targets = ind.targets.map((t) => parseA1(t.cell)).filter((x): x is { row: number; col: number } => x !== null);
    if (!p || !targets.length) continue;
    const left = Math.min(...targets.map((t) => t.col));
    const right = Math.max(...targets.map((t) => t.col));
    const targetRef = areaA1({ top: targets[0].row, left, bottom: targets[0].row, right });
    const weight = ind.weightCell || '""';
    const unit = unitCell(grid, ind, left);
    const u = unit ? `,${unit}` : '';
    out.push({ row: p.row, score: `=APA_SCORE(${ach.cell},${targetRef},${weight}${u})`, tier: `=APA_TIER(${ach.cell},${targetRef}${u})` });
  }
  return out.sort((x, y) => x.row - y.row);
}

/** The last row (0-based) the script's block beside a table may use: the legend's, or the last
 * indicator's (where a score formula goes), whichever is lower. */
function blockBottom(result: PlanScore, top: number): number {
  let bottom = top + LEGEND_ROWS - 1;
  for (const s of result.indicators) {
    for (const c of [s.indicator.cell, ...s.indicator.achievements.map((x) => x.cell)]) {
      const p = parseA1(c);
      if (p && p.row > bottom) bottom = p.row;
    }
  }
  return bottom;
}

// ── Report sheets ───────────────────────────────────────────────────────────────────────────

/** Text as Sheets should keep it: a leading apostrophe stops Sheets from reading `=…`, `4.1.2`,
 * `2024-25`, `TRUE` or `Jan 2025` as a formula, number, date or boolean; it is not part of the value. */
function asText(s: string): string {
  return s === '' ? '' : `'${s.length > MAX_CELL_CHARS - 1 ? s.slice(0, MAX_CELL_CHARS - 1) : s}`;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A link to a cell of another tab of this spreadsheet: `=HYPERLINK("#gid=<id>&range=<A1>","<text>")`. */
export function hyperlinkFormula(gid: number, cell: string, textShown: string): string {
  return `=HYPERLINK(${quote(`#gid=${gid}&range=${cell || 'A1'}`)},${quote(textShown.slice(0, 255))})`;
}

const SHEET_NAME_BAD = /[\u0000-\u001f]/g;

function uniqueSheetName(base: string, taken: Set<string>): string {
  const clean = base.replace(SHEET_NAME_BAD, ' ').slice(0, 90).trim() || 'APA';
  let name = clean;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

/** Character widths (the spec's) → pixels. */
const widthPixels = (chars: number) => Math.round(chars * 7 + 5);

// ── The operations ──────────────────────────────────────────────────────────────────────────

interface ConsolidateState {
  v: 1;
  /** Sheet ids of the tabs, in order, when the run started. */
  tabs: number[];
  settings: Partial<ScoreSettings>;
  language: Language;
  /** Tabs read so far. */
  next: number;
  offices: OfficeSummary[];
  skipped: { sheet: string; reason: Bilingual }[];
}

/** A string of `state` that repeats: offices share indicator names, units, statuses and problem
 * texts, so each repeated string is written once (`s`) and referred to by index. */
interface PackedState {
  p: 1;
  s: string[];
  d: unknown;
}

const REF = '\u0001';

export function packState(state: unknown): string {
  const counts = new Map<string, number>();
  const walk = (x: unknown): void => {
    if (typeof x === 'string') counts.set(x, (counts.get(x) ?? 0) + 1);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(state);
  const strings = [...counts].filter(([str, n]) => n > 1 && str.length > 3).map(([str]) => str);
  const index = new Map(strings.map((str, i) => [str, i]));
  const encode = (x: unknown): unknown => {
    if (typeof x === 'string') {
      const i = index.get(x);
      if (i !== undefined) return `${REF}${i}`;
      return x.startsWith(REF) ? `${REF}${x}` : x;
    }
    if (Array.isArray(x)) return x.map(encode);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, encode(v)]));
    return x;
  };
  const packed: PackedState = { p: 1, s: strings, d: encode(state) };
  return JSON.stringify(packed);
}

export function unpackState(raw: string): unknown {
  const o = JSON.parse(raw) as Partial<PackedState>;
  if (!o || o.p !== 1 || !Array.isArray(o.s)) return null;
  const strings = o.s;
  const decode = (x: unknown): unknown => {
    if (typeof x === 'string' && x.startsWith(REF)) {
      const rest = x.slice(1);
      if (rest.startsWith(REF)) return rest;
      const i = Number(rest);
      if (!Number.isInteger(i) || i < 0 || i >= strings.length || typeof strings[i] !== 'string') throw new Error('bad reference');
      return strings[i];
    }
    if (Array.isArray(x)) return x.map(decode);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decode(v)]));
    return x;
  };
  return decode(o.d);
}

function parseState(raw: unknown): ConsolidateState | null {
  if (typeof raw !== 'string' || !raw) return null;
  let o: unknown;
  try {
    o = unpackState(raw);
  } catch {
    return null;
  }
  const s = o as Partial<ConsolidateState> | null;
  if (!s || s.v !== 1 || !Array.isArray(s.tabs) || !s.tabs.every((x) => typeof x === 'number')) return null;
  if (!nonNegInt(s.next) || s.next > s.tabs.length || !Array.isArray(s.offices) || !Array.isArray(s.skipped)) return null;
  if (s.language !== 'bn' && s.language !== 'en') return null;
  const summaryOk = (x: unknown) => {
    const y = x as Partial<OfficeSummary> | null;
    return !!y && typeof y.office === 'string' && typeof y.sheet === 'string' && Array.isArray(y.indicators) && Array.isArray(y.problems) && !!y.totals && typeof y.totals === 'object';
  };
  if (!s.offices.every(summaryOk)) return null;
  if (!s.skipped.every((k) => k && typeof k.sheet === 'string' && k.reason && typeof k.reason.bn === 'string' && typeof k.reason.en === 'string')) return null;
  if (s.offices.length + s.skipped.length !== s.next) return null;
  return { v: 1, tabs: s.tabs, settings: (s.settings ?? {}) as Partial<ScoreSettings>, language: s.language, next: s.next, offices: s.offices as OfficeSummary[], skipped: s.skipped };
}

export function createSheetsWorkbook(g: GasGlobals, options: SheetsWorkbookOptions = {}): SheetsWorkbook {
  const app = g.SpreadsheetApp;
  const now = options.now ?? (() => Date.now());
  const settings = options.settings ?? {};
  const readBudget = options.readBudgetMs ?? READ_BUDGET_MS;
  const writeDeadline = options.writeDeadlineMs ?? WRITE_DEADLINE_MS;
  const today = () => todayInDhaka(new Date(now()));
  const DOCUMENT = () => app.DeveloperMetadataVisibility.DOCUMENT;

  // ── Record ──

  interface RecordHandle {
    md: GasDeveloperMetadata | null;
    record: SheetsOwnedRecord | null;
    /** The record as stored, to write only when it changed. */
    stored: string | null;
  }

  /** createDeveloperMetadataFinder + withKey + find (+ getValue when there is one). */
  function readRecord(ss: GasSpreadsheet): RecordHandle {
    const found = ss.createDeveloperMetadataFinder().withKey(OWNED_KEY).find();
    const md = found[0] ?? null;
    // A duplicate (two runs raced) is dropped; the first one is the record.
    for (const extra of found.slice(1)) extra.remove();
    const stored = md ? md.getValue() : null;
    return { md, record: parseSheetsRecord(stored), stored };
  }

  function newRecord(): SheetsOwnedRecord {
    return { version: 1, token: g.Utilities.getUuid(), sheets: {}, reports: [] };
  }

  function saveRecord(ss: GasSpreadsheet, handle: RecordHandle, record: SheetsOwnedRecord): void {
    const json = JSON.stringify(record);
    if (isEmptyRecord(record)) {
      if (handle.md) handle.md.remove();
      handle.md = null;
      handle.stored = null;
    } else if (handle.md) {
      if (handle.stored !== json) handle.md.setValue(json);
      handle.stored = json;
    } else {
      ss.addDeveloperMetadata(OWNED_KEY, json, DOCUMENT());
      // Its object, so that a later save in this run updates it instead of adding another.
      handle.md = ss.createDeveloperMetadataFinder().withKey(OWNED_KEY).find()[0] ?? null;
      handle.stored = json;
    }
    handle.record = record;
  }

  /** The report sheets this spreadsheet's record owns (their metadata holds its token). */
  function reportSheets(ss: GasSpreadsheet, token: string | undefined): { sheet: GasSheet; id: number }[] {
    if (!token) return [];
    const out: { sheet: GasSheet; id: number }[] = [];
    for (const md of ss.createDeveloperMetadataFinder().withKey(REPORT_KEY).find()) {
      if (md.getValue() !== token) continue;
      const sheet = md.getLocation().getSheet();
      if (sheet) out.push({ sheet, id: sheet.getSheetId() });
    }
    return out;
  }

  // ── Reading the active sheet ──

  /** The two columns' formulas from the header row down (one getFormulas). */
  const formulasOf = (sheet: GasSheet, data: SheetData) => (col: number, top: number) => {
    const rows = data.values.length - top - 1;
    return rows > 0 ? sheet.getRange(top + 2, col + 1, rows, 2).getFormulas() : [];
  };

  function readActive(withFormulas = false) {
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.getActiveSheet();
    const name = sheet.getName();
    const id = sheet.getSheetId();
    const data = readSheet(sheet);
    const a = analyse(name, data, settings, today(), undefined, withFormulas ? formulasOf(sheet, data) : undefined);
    return { ss, sheet, name, id, data, a };
  }

  // ── Placing the script's block beside a table ──

  const DEFAULT_BACKGROUNDS = new Set(['#ffffff', 'white', '']);
  const DEFAULT_FORMATS = new Set(['', 'General', 'general', '0.###############']);
  const DEFAULT_FONT_COLORS = new Set(['#000000', 'black', '']);

  /** The first column (0-based) right of the sheet's content where BLOCK_WIDTH columns carry no
   * formatting of the user's from `top` to `bottom`: reads backgrounds, number formats, font
   * weights and colours of a window of columns at a time (4 calls per window). Columns beyond the
   * sheet's last column are fresh. */
  function freeColumn(sheet: GasSheet, data: SheetData, located: Located, top: number, bottom: number): number {
    if (located.columns) return located.columns.score;
    if (located.legend) return Math.max(0, located.legend.col - LEGEND_OFFSET);
    let start = Math.max(data.values.reduce((w, r) => Math.max(w, r.length), 0), ...data.merges.map((m) => m.right + 1));
    const maxCols = sheet.getMaxColumns();
    const maxRows = sheet.getMaxRows();
    const last = Math.min(bottom, maxRows - 1);
    if (last < top) return start;
    for (let tries = 0; tries < 3 && start < maxCols; tries++) {
      const width = Math.min(PLACEMENT_WINDOW, maxCols - start);
      const range = sheet.getRange(top + 1, start + 1, last - top + 1, width);
      const bg = range.getBackgrounds();
      const nf = range.getNumberFormats();
      const fw = range.getFontWeights();
      const fc = range.getFontColors();
      const clean = (c: number) => {
        for (let r = 0; r < bg.length; r++) {
          if (!DEFAULT_BACKGROUNDS.has(String(bg[r][c] ?? '').toLowerCase())) return false;
          if (!DEFAULT_FORMATS.has(String(nf[r][c] ?? ''))) return false;
          if (String(fw[r][c] ?? 'normal') !== 'normal') return false;
          if (!DEFAULT_FONT_COLORS.has(String(fc[r][c] ?? '').toLowerCase())) return false;
        }
        return true;
      };
      let run = 0;
      for (let c = 0; c < width; c++) {
        run = clean(c) ? run + 1 : 0;
        if (run === BLOCK_WIDTH) return start + c - BLOCK_WIDTH + 1;
      }
      // A clean run reaching the sheet's last column goes on into fresh columns.
      if (start + width >= maxCols) return maxCols - run;
      start += width - run;
    }
    return Math.max(start, maxCols);
  }

  /** Makes sure the sheet has columns up to `right` and rows up to `bottom` (0-based), appending
   * what is missing and remembering it in the record so that Remove can take it away again. */
  function ensureSize(sheet: GasSheet, rec: SheetsOwnedSheet, right: number, bottom: number): void {
    const maxCols = sheet.getMaxColumns();
    if (right + 1 > maxCols) {
      const more = right + 1 - maxCols;
      sheet.insertColumnsAfter(maxCols, more);
      const had = rec.grown?.columns;
      rec.grown = { ...rec.grown, columns: had && had.after + had.count === maxCols ? { after: had.after, count: had.count + more } : { after: maxCols, count: more } };
    }
    const maxRows = sheet.getMaxRows();
    if (bottom + 1 > maxRows) {
      const more = bottom + 1 - maxRows;
      sheet.insertRowsAfter(maxRows, more);
      const had = rec.grown?.rows;
      rec.grown = { ...rec.grown, rows: had && had.after + had.count === maxRows ? { after: had.after, count: had.count + more } : { after: maxRows, count: more } };
    }
  }

  // ── Commands ──

  function checkActiveSheet(): CheckResult {
    const { a } = readActive();
    if (!a.plan || !a.result) return { sheet: a.sheet, plan: null, reason: a.reason, totals: null, indicators: [], problems: a.problems };
    const p = a.plan;
    return {
      sheet: a.sheet,
      plan: { office: p.office, kind: p.kind, fiscalYear: fiscalYearLabel(p.fiscalYear), quarter: p.quarter, layout: p.layout, headerRow: p.headerRow },
      totals: a.result.totals,
      indicators: indicatorLines(a.result),
      problems: a.problems,
    };
  }

  function selectCell(sheetName: string, cell: string): void {
    if (typeof sheetName !== 'string' || typeof cell !== 'string') throw new Error(JSON.stringify(message('gas.bad-argument', { detail: 'selectCell(sheet, cell)' })));
    const target = cell.trim() === '' ? 'A1' : cell.trim();
    if (!parseArea(target)) throw new Error(JSON.stringify(message('gas.bad-argument', { detail: target })));
    const sheet = app.getActiveSpreadsheet().getSheetByName(sheetName);
    if (!sheet) throw new Error(JSON.stringify(message('gas.bad-argument', { detail: sheetName })));
    sheet.getRange(target).activate();
  }

  function addScoreColumns(): CommandResult {
    const { ss, sheet, name, id, data, a } = readActive(true);
    if (!a.plan || !a.result || !a.grid) return { ok: false, message: message('wb.no-plan', { sheet: a.sheet, reason: a.reason ?? '' }), changed: 0 };
    const rows = formulaRows(a.grid, a.result);
    const top = a.plan.headerRow - 1;
    const bottom = Math.max(top, ...rows.map((r) => r.row));
    const old = a.located.columns;
    const F = freeColumn(sheet, data, a.located, top, Math.max(bottom, blockBottom(a.result, top)));
    const handle = readRecord(ss);
    const record = handle.record ?? newRecord();
    const rec: SheetsOwnedSheet = { ...(record.sheets[id] ?? { name }), name };
    ensureSize(sheet, rec, F + BLOCK_WIDTH - 1, bottom);

    const block: string[][] = [];
    for (let r = top + 1; r <= bottom; r++) block.push(['', '']);
    for (const fr of rows) block[fr.row - top - 1] = [fr.score, fr.tier];
    // Old formulas below the new extent (the table got shorter) are cleared.
    if (old && (old.score !== F || old.top !== top || old.bottom > bottom)) sheet.getRange(old.top + 1, old.score + 1, old.bottom - old.top + 1, 2).clear();
    const header = sheet.getRange(top + 1, F + 1, 1, 2);
    header.setValues([[SCORE_HEADER, TIER_HEADER]]);
    header.setFontWeights([['bold', 'bold']]);
    if (block.length) {
      const body = sheet.getRange(top + 2, F + 1, block.length, 2);
      body.setFormulas(block);
      sheet.getRange(top + 2, F + 1, block.length, 1).setNumberFormats(block.map(() => [SCORE_FORMAT]));
    }
    rec.columns = { score: F, tier: F + 1, top, bottom };
    record.sheets[id] = rec;
    saveRecord(ss, handle, record);
    const columns = `${columnLetters(F)}:${columnLetters(F + 1)}`;
    return { ok: true, message: message('wb.columns-added', { sheet: name, count: rows.length, columns }), changed: 2 * rows.length + 2 };
  }

  /** Splits a sheet's rules into the script's (counted) and the user's (kept, in order). */
  function splitRules(rules: GasConditionalFormatRule[]): { owned: number; user: GasConditionalFormatRule[] } {
    const custom = String(app.BooleanCriteria.CUSTOM_FORMULA);
    let owned = 0;
    const user: GasConditionalFormatRule[] = [];
    for (const rule of rules) {
      const cond = rule.getBooleanCondition();
      if (cond && String(cond.getCriteriaType()) === custom && isOwnedFormula(cond.getCriteriaValues()[0])) owned++;
      else user.push(rule);
    }
    return { owned, user };
  }

  /** Colours a sheet's achievement cells by tier with the script's rules, writes the legend and
   * records the sheet as highlighted. */
  function highlightSheet(ss: GasSpreadsheet, sheet: GasSheet, name: string, id: number, data: SheetData, a: Analysis, handle: RecordHandle): CommandResult {
    if (!a.plan || !a.result) return { ok: false, message: message('wb.no-plan', { sheet: a.sheet, reason: a.reason ?? '' }), changed: 0 };
    const spec = highlightSpec(a.result);
    const byKey = new Map<HighlightKey, string[]>();
    for (const h of spec) byKey.set(h.key, [...(byKey.get(h.key) ?? []), h.cell]);

    const { user } = splitRules(sheet.getConditionalFormatRules());
    const ours: GasConditionalFormatRule[] = [];
    for (const key of LEGEND_ORDER) {
      const cells = byKey.get(key);
      if (!cells) continue;
      const ranges = sheet.getRangeList(compactAreas(cells).map(areaA1)).getRanges();
      ours.push(app.newConditionalFormatRule().whenFormulaSatisfied(cfFormula(key)).setBackground(PALETTE[key].fill).setFontColor(PALETTE[key].font).setRanges(ranges).build());
    }
    // One call replaces the list: ours first (they decide the colour), the user's after, in their order.
    sheet.setConditionalFormatRules([...ours, ...user]);

    const record = handle.record ?? newRecord();
    const rec: SheetsOwnedSheet = { ...(record.sheets[id] ?? { name }), name };
    const top = a.plan.headerRow - 1;
    const F = freeColumn(sheet, data, a.located, top, blockBottom(a.result, top));
    const legend: OwnedLegend = { col: F + LEGEND_OFFSET, top, bottom: top + LEGEND_ROWS - 1 };
    const old = a.located.legend;
    if (!old || old.col !== legend.col || old.top !== legend.top) {
      ensureSize(sheet, rec, F + BLOCK_WIDTH - 1, legend.bottom);
      if (old) sheet.getRange(old.top + 1, old.col + 1, LEGEND_ROWS, 1).clear();
      const range = sheet.getRange(legend.top + 1, legend.col + 1, LEGEND_ROWS, 1);
      range.setValues([[LEGEND_TITLE], ...LEGEND_ORDER.map((k) => [legendLabel(k)])]);
      range.setBackgrounds([[null], ...LEGEND_ORDER.map((k) => [PALETTE[k].fill])]);
      range.setFontColors([[null], ...LEGEND_ORDER.map((k) => [PALETTE[k].font])]);
      range.setFontWeights([['bold'], ...LEGEND_ORDER.map((): ('bold' | null)[] => [null])]);
    }

    let watch: Rect | undefined;
    for (const s of a.result.indicators) {
      for (const c of [...s.achievementCells, ...s.indicator.targets.map((t) => t.cell), ...s.indicator.achievements.map((x) => x.cell)]) {
        const p = parseA1(c);
        if (!p) continue;
        watch = watch
          ? { top: Math.min(watch.top, p.row), left: Math.min(watch.left, p.col), bottom: Math.max(watch.bottom, p.row), right: Math.max(watch.right, p.col) }
          : { top: p.row, left: p.col, bottom: p.row, right: p.col };
      }
    }
    rec.legend = legend;
    rec.highlight = true;
    if (watch) rec.watch = watch;
    else delete rec.watch;
    record.sheets[id] = rec;
    saveRecord(ss, handle, record);
    return { ok: true, message: message('wb.highlighted', { sheet: name, count: spec.length }), changed: spec.length };
  }

  function highlightTiers(): CommandResult {
    const { ss, sheet, name, id, data, a } = readActive();
    return highlightSheet(ss, sheet, name, id, data, a, readRecord(ss));
  }

  function onEdit(e: GasOnEditEvent): boolean {
    const range = e?.range;
    if (!range) return false;
    const ss = e.source ?? app.getActiveSpreadsheet();
    const handle = readRecord(ss);
    if (!handle.record) return false;
    const sheet = range.getSheet();
    const id = sheet.getSheetId();
    const rec = handle.record.sheets[id];
    if (!rec?.highlight) return false;
    const top = range.getRow() - 1;
    const left = range.getColumn() - 1;
    const edited: Rect = { top, left, bottom: top + range.getNumRows() - 1, right: left + range.getNumColumns() - 1 };
    // Only a cell that decides a tier (a target or an achievement) can change the colours; edits
    // in the script's own columns and legend never do.
    if (rec.watch && !intersects(edited, rec.watch)) return false;
    const name = sheet.getName();
    const data = readSheet(sheet);
    const a = analyse(name, data, settings, today());
    return highlightSheet(ss, sheet, name, id, data, a, handle).ok;
  }

  function removeAll(): CommandResult {
    const ss = app.getActiveSpreadsheet();
    const handle = readRecord(ss);
    const record = handle.record;
    const sheets = ss.getSheets();
    const reports = reportSheets(ss, record?.token);
    const reportIds = new Set(reports.map((r) => r.id));
    let rules = 0;
    let cells = 0;
    let deletedSheets = 0;
    const remaining = sheets.length - reports.length;
    if (remaining > 0) {
      for (const r of reports) {
        ss.deleteSheet(r.sheet);
        deletedSheets++;
      }
    }
    for (const sheet of sheets) {
      const id = sheet.getSheetId();
      if (reportIds.has(id) && remaining > 0) continue;
      const all = sheet.getConditionalFormatRules();
      const { owned, user } = splitRules(all);
      if (owned) {
        sheet.setConditionalFormatRules(user);
        rules += owned;
      }
      const rec = record?.sheets[String(id)];
      if (!rec) continue;
      const data = readSheet(sheet);
      const located = locateOwned(data, rec.columns ? formulasOf(sheet, data) : undefined);
      const areas: Rect[] = [];
      if (located.columns) areas.push({ top: located.columns.top, left: located.columns.score, bottom: located.columns.bottom, right: located.columns.tier });
      if (located.legend) areas.push({ top: located.legend.top, left: located.legend.col, bottom: located.legend.bottom, right: located.legend.col });
      for (const r of areas) {
        sheet.getRange(r.top + 1, r.left + 1, r.bottom - r.top + 1, r.right - r.left + 1).clear();
        cells += cellCount(r);
      }
      // Columns and rows the script appended go again when nothing of the user's is in them.
      const gc = rec.grown?.columns;
      if (gc && sheet.getMaxColumns() >= gc.after + gc.count && sheet.getLastColumn() <= gc.after) sheet.deleteColumns(gc.after + 1, gc.count);
      const gr = rec.grown?.rows;
      if (gr && sheet.getMaxRows() >= gr.after + gr.count && sheet.getLastRow() <= gr.after) sheet.deleteRows(gr.after + 1, gr.count);
    }
    if (record) saveRecord(ss, handle, { ...record, sheets: {}, reports: [] });
    if (!rules && !cells && !deletedSheets && !record) return { ok: true, message: message('wb.nothing-to-remove'), changed: 0 };
    return { ok: true, message: message('wb.removed', { sheets: deletedSheets, cells, rules }), changed: deletedSheets + cells + rules };
  }

  function whatNext(): NextResult {
    const { a } = readActive();
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
  }

  // ── Consolidate ──

  /** Writes one report sheet: values (links as HYPERLINK formulas) and each format kind in one call
   * apiece over the whole block, column widths by runs, frozen panes, the chart. */
  function writeReport(ss: GasSpreadsheet, spec: SheetSpec, name: string, index: number, token: string, gidOf: (sheet: string) => number | undefined): void {
    const sheet = ss.insertSheet(name, index);
    sheet.addDeveloperMetadata(REPORT_KEY, token, DOCUMENT());
    const height = Math.max(1, spec.rows.length);
    const width = Math.max(1, ...spec.rows.map((r) => r.length));
    const maxCols = sheet.getMaxColumns();
    if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
    const maxRows = sheet.getMaxRows();
    if (height > maxRows) sheet.insertRowsAfter(maxRows, height - maxRows);

    const values: (string | number)[][] = [];
    const formats = new Map<string, string[]>();
    const fills: (string | null)[][] = [];
    const fonts: (string | null)[][] = [];
    const weights: ('bold' | null)[][] = [];
    for (let r = 0; r < height; r++) {
      const row = spec.rows[r] ?? [];
      const v: (string | number)[] = [];
      const bg: (string | null)[] = [];
      const fc: (string | null)[] = [];
      const fw: ('bold' | null)[] = [];
      for (let c = 0; c < width; c++) {
        const cell: SpecCell | undefined = row[c];
        let value: string | number = '';
        let linked = false;
        if (cell) {
          if (typeof cell.v === 'number') value = Number.isFinite(cell.v) ? cell.v : '';
          else if (typeof cell.v === 'string') value = asText(cell.v);
          const gid = cell.link ? gidOf(cell.link.sheet) : undefined;
          if (cell.link && gid !== undefined && cell.v !== null && cell.v !== '') {
            value = hyperlinkFormula(gid, cell.link.cell, String(cell.v));
            linked = true;
          }
        }
        v.push(value);
        if (cell?.format) formats.set(cell.format, [...(formats.get(cell.format) ?? []), a1(r, c)]);
        bg.push(cell?.fill ?? null);
        fc.push(cell?.font ?? (linked ? '#1155cc' : null));
        fw.push(cell?.bold ? 'bold' : null);
      }
      values.push(v);
      fills.push(bg);
      fonts.push(fc);
      weights.push(fw);
    }
    const range = sheet.getRange(1, 1, height, width);
    range.setValues(values);
    // A number format for the cells that have one, one call per format over all their areas (the
    // others keep Sheets' automatic format).
    for (const [format, cells] of formats) sheet.getRangeList(compactAreas(cells).map(areaA1)).setNumberFormat(format);
    range.setBackgrounds(fills);
    range.setFontColors(fonts);
    range.setFontWeights(weights);

    let c = 0;
    while (c < spec.columnWidths.length) {
      let e = c;
      while (e + 1 < spec.columnWidths.length && spec.columnWidths[e + 1] === spec.columnWidths[c]) e++;
      sheet.setColumnWidths(c + 1, e - c + 1, widthPixels(spec.columnWidths[c]));
      c = e + 1;
    }
    if (spec.freeze?.rows) sheet.setFrozenRows(spec.freeze.rows);
    if (spec.freeze?.columns) sheet.setFrozenColumns(spec.freeze.columns);
    const chart = spec.chart;
    if (chart) {
      const n = chart.lastRow - chart.firstRow + 1;
      const labels = sheet.getRange(chart.firstRow + 1, chart.labelColumn + 1, n, 1);
      const data = sheet.getRange(chart.firstRow + 1, chart.valueColumn + 1, n, 1);
      const built = sheet
        .newChart()
        .asBarChart()
        .addRange(labels)
        .addRange(data)
        .setPosition(height + 2, 1, 0, 0)
        .setOption('title', chart.title)
        .setOption('legend', { position: 'none' })
        .build();
      sheet.insertChart(built);
    }
  }

  function consolidate(opts: SheetsConsolidateOptions = {}): SheetsConsolidateResult {
    const started = now();
    const elapsed = () => now() - started;
    const language: Language = opts.language === 'en' || opts.language === 'bn' ? opts.language : options.language ?? 'bn';
    const ss = app.getActiveSpreadsheet();
    const handle = readRecord(ss);
    const reports = reportSheets(ss, handle.record?.token);
    const reportIds = new Set(reports.map((r) => r.id));
    const sheets = ss.getSheets();
    const tabs: { sheet: GasSheet; id: number; name: string }[] = [];
    for (const sheet of sheets) {
      const id = sheet.getSheetId();
      if (!reportIds.has(id)) tabs.push({ sheet, id, name: sheet.getName() });
    }
    const total = tabs.length + 1;
    const ids = tabs.map((t) => t.id);

    // Continue where the previous call stopped, if it was over the same tabs with the same settings.
    let state = parseState(opts.resumeFrom);
    if (!state || state.language !== language || JSON.stringify(state.settings) !== JSON.stringify(settings) || state.tabs.length !== ids.length || state.tabs.some((x, i) => x !== ids[i])) {
      state = { v: 1, tabs: ids, settings, language, next: 0, offices: [], skipped: [] };
    }
    const partial = (): SheetsConsolidateResult => ({ cancelled: false, consolidation: null, skipped: [], written: [], done: state!.next, total, resumeFrom: packState(state) });

    const first = state.next;
    const t = today();
    for (let i = state.next; i < tabs.length; i++) {
      // At least one tab per call, so every call advances.
      if (i > first && elapsed() > readBudget) return partial();
      const tab = tabs[i];
      let data: SheetData | null = null;
      let error: string | undefined;
      try {
        data = readSheet(tab.sheet);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const a = analyse(tab.name, data, settings, t, error);
      if (a.result) state.offices.push(officeSummary(a.result, a.problems));
      else state.skipped.push({ sheet: tab.name, reason: a.reason ?? message('no-header') });
      state.next = i + 1;
    }
    // Writing takes a fresh execution when reading used up this one's time.
    if (first < tabs.length && elapsed() > writeDeadline) return partial();

    // The record (and its token, when it is new) only now: a call that stops early writes nothing.
    const record = handle.record ?? newRecord();
    const consolidation = consolidatePlans(state.offices, state.skipped.map((k): SkippedSource => ({ sheet: k.sheet, reason: k.reason })));
    const book = consolidationWorkbook(consolidation, language);
    const gids = new Map(tabs.map((x) => [x.name, x.id]));
    const taken = new Set(tabs.map((x) => x.name.toLowerCase()));
    // With no other tab left, the old reports stay until the new ones exist (a spreadsheet keeps one sheet).
    if (tabs.length === 0) for (const r of reports) taken.add(r.sheet.getName().toLowerCase());
    else for (const r of reports) ss.deleteSheet(r.sheet);
    const names = book.sheets.map((s) => uniqueSheetName(s.name, taken));
    const base = tabs.length === 0 ? reports.length : tabs.length;
    book.sheets.forEach((spec, i) => writeReport(ss, spec, names[i], base + i, record.token, (name) => gids.get(name)));
    if (tabs.length === 0) for (const r of reports) ss.deleteSheet(r.sheet);
    record.reports = names;
    saveRecord(ss, handle, record);
    const summary = ss.getSheetByName(names[0]);
    if (summary) summary.activate();
    return { cancelled: false, consolidation, skipped: state.skipped, written: names, done: total, total };
  }

  return { checkActiveSheet, selectCell, addScoreColumns, highlightTiers, removeAll, whatNext, consolidate, onEdit };
}

