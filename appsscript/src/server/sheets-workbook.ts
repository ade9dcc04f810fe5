import { Rect, parseArea, rectA1, styleRuns } from '../../../core/areas';
import { CellMatrix, cellMatrix } from '../../../core/cell-matrix';
import { SheetNameRules, TabRun, addTab, consolidated, finishRun, nothingToWrite, uniqueSheetName } from '../../../core/consolidation-run';
import type { OfficeSummary } from '../../../core/consolidate';
import { todayInDhaka } from '../../../core/dates';
import { editCanChangeTiers, highlightPlan, highlighted, legendAt, legendCells } from '../../../core/highlight-spec';
import { Bilingual, Language, message } from '../../../core/messages';
import { nextResult } from '../../../core/next';
import type { CheckResult, CommandResult, ConsolidateResult, NextResult } from '../../../core/operations';
import { BLOCK_WIDTH, LEGEND_OFFSET, Located, OWNED_KEY, OwnedRecord, OwnedSheet, columnsRect, emptyRecord, isEmptyRecord, isOwnedFormula, legendRect, locateOwned, locatedAreas, readRecord, withFormulas } from '../../../core/ownership';
import { removalPlan, removed } from '../../../core/removal';
import type { SheetSpec } from '../../../core/report';
import { blockColumn, blockRows, columnsAdded, scoreColumns } from '../../../core/score-columns';
import type { ScoreSettings } from '../../../core/score';
import { SheetAnalysis, analyseTab, checkResult, noPlanResult } from '../../../core/sheet-analysis';
import { SheetBlock, blockGrid, blockIsBlank } from '../../../core/sheet-block';
import type { Grid } from '../../../core/grid';
import { GasConditionalFormatRule, GasDeveloperMetadata, GasGlobals, GasOnEditEvent, GasSheet, GasSpreadsheet } from './gas-api';

/**
 * THE Sheets adapter: the one module that reads and writes the spreadsheet (SpreadsheetApp), for
 * every command of the pane's contract (`core/operations.ts`), with the same result types, as plain
 * JSON (what `google.script.run` can carry). It reads sheets, applies core's specs, and keeps
 * Sheets' own limits: placement that reads the user's formatting, the record in developer metadata,
 * and consolidation that resumes across Apps Script's 6-minute executions.
 *
 * Reading a sheet is one `getDataRange()` with one `getValues()`, one `getNumberFormats()` and one
 * `getMergedRanges()` (PLATFORM.md: one read per block); the values come as Sheets gives them
 * (`Date`s, numbers, percent fractions with their `0.00%` format, `''` for a blank). Writing is one
 * `setValues`/`setFormulas` per block plus one call per format kind (`setNumberFormats`,
 * `setBackgrounds`, `setFontColors`, `setFontWeights`); no `flush()`.
 *
 * What the script owns is core's record (`core/ownership.ts`: the same record and markers as the
 * Excel add-in, so a workbook moved between the hosts is understood by both), kept in spreadsheet
 * developer metadata `apa-sheets.owned` (visibility DOCUMENT). Report sheets carry sheet developer
 * metadata `apa-sheets.report` holding the record's token. `setConditionalFormatRules` replaces a
 * sheet's whole list, so the user's rules are read, kept in their order and set back with ours in
 * one call.
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

/** Columns looked at per read when searching for free (unformatted) columns. */
const PLACEMENT_WINDOW = 12;
/** Sheets' sheet names: no control characters; kept short. */
const SHEET_NAMES: SheetNameRules = { maxLength: 90, refused: /[\u0000-\u001f]/g };
/** Number formats that say nothing (Sheets' automatic format): left out of the grid. */
const PLAIN_FORMATS = new Set(['', 'General', 'general', '0.###############', '@']);

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

// ── Reading a sheet ─────────────────────────────────────────────────────────────────────────

/** Reads a sheet's data range from A1: getDataRange + getValues + getNumberFormats +
 * getMergedRanges, and one getA1Notation per merged area. `name`: the grid's (none when no grid is made). */
export function readSheet(sheet: GasSheet, name = ''): SheetBlock {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formats = range.getNumberFormats();
  const merges: Rect[] = [];
  for (const m of range.getMergedRanges()) {
    const r = parseArea(m.getA1Notation());
    if (r) merges.push(r);
  }
  return { sheet: name, top: 0, left: 0, values, formats, merges };
}

interface Analysis {
  located: Located;
  grid: Grid | null;
  a: SheetAnalysis;
}

function analyse(name: string, block: SheetBlock | null, rec: OwnedSheet | undefined, settings: Partial<ScoreSettings>, today: number, error?: string): Analysis {
  const located = locateOwned(block, rec);
  const grid = block && !blockIsBlank(block) ? blockGrid(block, { exclude: located.blank, plainFormats: PLAIN_FORMATS }) : null;
  return { located, grid, a: analyseTab(name, { error, grid }, { settings, today }) };
}

/** Character widths (the spec's) → pixels. */
const widthPixels = (chars: number) => Math.round(chars * 7 + 5);

// ── The resumable state of a consolidation ──────────────────────────────────────────────────

interface ConsolidateState extends TabRun {
  v: 1;
  /** Sheet ids of the tabs, in order, when the run started. */
  tabs: number[];
  settings: Partial<ScoreSettings>;
  language: Language;
  /** Tabs read so far. */
  next: number;
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
  const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!s || s.v !== 1 || !Array.isArray(s.tabs) || !s.tabs.every((x) => typeof x === 'number')) return null;
  if (!int(s.next) || s.next > s.tabs.length || !Array.isArray(s.offices) || !Array.isArray(s.skipped)) return null;
  if (s.language !== 'bn' && s.language !== 'en') return null;
  const summaryOk = (x: unknown) => {
    const y = x as Partial<OfficeSummary> | null;
    return !!y && typeof y.office === 'string' && typeof y.sheet === 'string' && Array.isArray(y.indicators) && Array.isArray(y.problems) && !!y.totals && typeof y.totals === 'object';
  };
  if (!s.offices.every(summaryOk)) return null;
  if (!s.skipped.every((k) => k && typeof k.sheet === 'string' && k.reason && typeof k.reason.bn === 'string' && typeof k.reason.en === 'string')) return null;
  if (s.offices.length + s.skipped.length !== s.next) return null;
  const skipped = s.skipped.map((k) => ({ sheet: k.sheet, reason: k.reason as Bilingual }));
  return { v: 1, tabs: s.tabs, settings: (s.settings ?? {}) as Partial<ScoreSettings>, language: s.language, next: s.next, offices: s.offices as OfficeSummary[], skipped };
}

// ── The operations ──────────────────────────────────────────────────────────────────────────

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
    record: OwnedRecord | null;
    /** The record as stored, to write only when it changed. */
    stored: string | null;
  }

  /** createDeveloperMetadataFinder + withKey + find (+ getValue when there is one). */
  function readRecordOf(ss: GasSpreadsheet): RecordHandle {
    const found = ss.createDeveloperMetadataFinder().withKey(OWNED_KEY).find();
    const md = found[0] ?? null;
    // A duplicate (two runs raced) is dropped; the first one is the record.
    for (const extra of found.slice(1)) extra.remove();
    const stored = md ? md.getValue() : null;
    return { md, record: stored ? readRecord(stored) : null, stored };
  }

  const newRecord = () => emptyRecord(g.Utilities.getUuid());

  function saveRecord(ss: GasSpreadsheet, handle: RecordHandle, record: OwnedRecord): void {
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

  // ── Reading a sheet ──

  /** The located columns' formulas from the row below the header down (one getFormulas). */
  function locatedWithFormulas(sheet: GasSheet, block: SheetBlock, located: Located): Located {
    const c = located.columns;
    const rows = c ? block.values.length - c.top - 1 : 0;
    if (!c || rows <= 0) return located;
    return withFormulas(located, { top: c.top + 1, left: c.score, values: sheet.getRange(c.top + 2, c.score + 1, rows, 2).getFormulas() });
  }

  function readActive(withFormulas = false) {
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.getActiveSheet();
    const id = sheet.getSheetId();
    const handle = readRecordOf(ss);
    const block = readSheet(sheet, sheet.getName());
    const analysis = analyse(block.sheet, block, handle.record?.sheets[id], settings, today());
    if (withFormulas) analysis.located = locatedWithFormulas(sheet, block, analysis.located);
    return { ss, sheet, name: block.sheet, id, block, handle, ...analysis };
  }

  // ── Placing the script's block beside a table ──

  const DEFAULT_BACKGROUNDS = new Set(['#ffffff', 'white', '']);
  const DEFAULT_FORMATS = new Set(['', 'General', 'general', '0.###############']);
  const DEFAULT_FONT_COLORS = new Set(['#000000', 'black', '']);

  /** The first column (0-based) right of the sheet's content where BLOCK_WIDTH columns carry no
   * formatting of the user's from `top` to `bottom`: reads backgrounds, number formats, font
   * weights and colours of a window of columns at a time (4 calls per window). Columns beyond the
   * sheet's last column are fresh. */
  const firstClear = (sheet: GasSheet, block: SheetBlock, rows: { top: number; bottom: number }) => (): number => {
    const { top } = rows;
    let start = Math.max(block.values.reduce((w, r) => Math.max(w, r.length), 0), ...(block.merges ?? []).map((m) => m.right + 1));
    const maxCols = sheet.getMaxColumns();
    const last = Math.min(rows.bottom, sheet.getMaxRows() - 1);
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
  };

  /** Makes sure the sheet has columns up to `right` and rows up to `bottom` (0-based), appending
   * what is missing and remembering it in the record so that Remove can take it away again. */
  function ensureSize(sheet: GasSheet, rec: OwnedSheet, right: number, bottom: number): void {
    const grow = (max: number, want: number, insert: (after: number, n: number) => void, kind: 'columns' | 'rows') => {
      if (want + 1 <= max) return;
      const more = want + 1 - max;
      insert(max, more);
      const had = rec.grown?.[kind];
      rec.grown = { ...rec.grown, [kind]: had && had.after + had.count === max ? { after: had.after, count: had.count + more } : { after: max, count: more } };
    };
    grow(sheet.getMaxColumns(), right, (a, n) => sheet.insertColumnsAfter(a, n), 'columns');
    grow(sheet.getMaxRows(), bottom, (a, n) => sheet.insertRowsAfter(a, n), 'rows');
  }

  // ── Writing cells: core's cell matrices ──

  /** Writes a cell matrix at `at`: values (text as text, links as HYPERLINK formulas) in one call,
   * number formats by one range list per format, then one call per style kind over the block,
   * column widths by runs, frozen panes. */
  function writeMatrix(sheet: GasSheet, m: CellMatrix, at: { row: number; col: number }): void {
    const range = sheet.getRange(at.row + 1, at.col + 1, m.height, m.width);
    range.setValues(m.cells);
    // A number format for the cells that have one, one call per format over all their areas (the
    // others keep Sheets' automatic format).
    for (const [format, rects] of styleRuns(m.formats, at)) sheet.getRangeList(rects.map(rectA1)).setNumberFormat(format);
    range.setBackgrounds(m.fills);
    range.setFontColors(m.fonts);
    range.setFontWeights(m.bold.map((row) => row.map((b) => (b ? 'bold' : null))));
    // Sheets grows a row to fit its wrapped text itself: no row heights are set.
    if (m.wraps.some((row) => row.some((w) => w))) range.setWraps(m.wraps.map((row) => row.map((w) => w === true)));
    for (const w of m.widths) sheet.setColumnWidths(w.first + 1, w.count, widthPixels(w.width));
    if (m.freeze?.rows) sheet.setFrozenRows(m.freeze.rows);
    if (m.freeze?.columns) sheet.setFrozenColumns(m.freeze.columns);
  }

  // ── Commands ──

  function checkActiveSheet(): CheckResult {
    return checkResult(readActive().a);
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
    const { ss, sheet, name, id, block, handle, located, grid, a } = readActive(true);
    if (a.kind !== 'plan') return noPlanResult(a);
    const spec = scoreColumns(grid!, a.result, 'sheets');
    const rows = blockRows(a.result);
    const F = blockColumn(located, firstClear(sheet, block, { top: spec.top, bottom: Math.max(spec.bottom, rows.bottom) }));
    const record = handle.record ?? newRecord();
    const rec: OwnedSheet = { ...(record.sheets[id] ?? { name }), name };
    ensureSize(sheet, rec, F + BLOCK_WIDTH - 1, spec.bottom);
    const old = located.columns;
    // Old formulas below the new extent (the table got shorter) are cleared.
    if (old && (old.score !== F || old.top !== spec.top || old.bottom > spec.bottom)) sheet.getRange(old.top + 1, old.score + 1, old.bottom - old.top + 1, 2).clear();
    const header = sheet.getRange(spec.top + 1, F + 1, 1, 2);
    header.setValues([spec.header]);
    header.setFontWeights([['bold', 'bold']]);
    if (spec.body.length) {
      sheet.getRange(spec.top + 2, F + 1, spec.body.length, 2).setFormulas(spec.body);
      sheet.getRange(spec.top + 2, F + 1, spec.body.length, 1).setNumberFormats(spec.body.map(() => [spec.scoreFormat]));
    }
    rec.columns = { score: F, tier: F + 1, top: spec.top, bottom: spec.bottom };
    record.sheets[id] = rec;
    saveRecord(ss, handle, record);
    return columnsAdded(name, spec, F);
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
  function highlightSheet(ss: GasSpreadsheet, sheet: GasSheet, id: number, block: SheetBlock, { located, a }: Analysis, handle: RecordHandle): CommandResult {
    if (a.kind !== 'plan') return noPlanResult(a);
    const name = block.sheet;
    const plan = highlightPlan(a.result);
    const { user } = splitRules(sheet.getConditionalFormatRules());
    const ours = plan.rules.map((rule) =>
      app.newConditionalFormatRule().whenFormulaSatisfied(rule.formula).setBackground(rule.fill).setFontColor(rule.font).setRanges(sheet.getRangeList(rule.areas.map(rectA1)).getRanges()).build(),
    );
    // One call replaces the list: ours first (they decide the colour), the user's after, in their order.
    sheet.setConditionalFormatRules([...ours, ...user]);

    const record = handle.record ?? newRecord();
    const rec: OwnedSheet = { ...(record.sheets[id] ?? { name }), name };
    const rows = blockRows(a.result);
    const legend = legendAt(blockColumn(located, firstClear(sheet, block, rows)) + LEGEND_OFFSET, rows.top);
    const old = located.legend;
    if (!old || old.col !== legend.col || old.top !== legend.top) {
      ensureSize(sheet, rec, legend.col, legend.bottom);
      if (old) sheet.getRange(old.top + 1, old.col + 1, old.bottom - old.top + 1, 1).clear();
      writeMatrix(sheet, cellMatrix({ rows: legendCells() }, () => null), { row: legend.top, col: legend.col });
    }
    rec.legend = legend;
    rec.highlight = true;
    rec.watch = plan.watch.map(rectA1);
    record.sheets[id] = rec;
    saveRecord(ss, handle, record);
    return highlighted(name, plan);
  }

  function highlightTiers(): CommandResult {
    const { ss, sheet, id, block, handle, located, grid, a } = readActive();
    return highlightSheet(ss, sheet, id, block, { located, grid, a }, handle);
  }

  function onEdit(e: GasOnEditEvent): boolean {
    const range = e?.range;
    if (!range) return false;
    const ss = e.source ?? app.getActiveSpreadsheet();
    const handle = readRecordOf(ss);
    if (!handle.record) return false;
    const sheet = range.getSheet();
    const id = sheet.getSheetId();
    const rec = handle.record.sheets[id];
    if (!rec?.highlight) return false;
    const top = range.getRow() - 1;
    const left = range.getColumn() - 1;
    const edited: Rect = { top, left, bottom: top + range.getNumRows() - 1, right: left + range.getNumColumns() - 1 };
    const owned = [...(rec.columns ? [columnsRect(rec.columns)] : []), ...(rec.legend ? [legendRect(rec.legend)] : [])];
    const watch = rec.watch?.map((x) => parseArea(x)).filter((x): x is Rect => x !== null);
    if (!editCanChangeTiers([edited], owned, watch?.length ? watch : undefined)) return false;
    const block = readSheet(sheet, sheet.getName());
    return highlightSheet(ss, sheet, id, block, analyse(block.sheet, block, rec, settings, today()), handle).ok;
  }

  function removeAll(): CommandResult {
    const ss = app.getActiveSpreadsheet();
    const handle = readRecordOf(ss);
    const record = handle.record;
    const sheets = ss.getSheets();
    const reportIds = new Set(reportSheets(ss, record?.token).map((r) => r.id));
    const tabs = sheets.map((sheet) => ({ sheet, id: sheet.getSheetId() }));
    const plan = removalPlan(record, tabs.map((t) => ({ id: String(t.id), isReport: reportIds.has(t.id) })));
    for (const t of tabs) if (plan.reports.includes(String(t.id))) ss.deleteSheet(t.sheet);
    let rules = 0;
    const cleared: Rect[] = [];
    for (const s of plan.sheets) {
      const sheet = tabs.find((t) => String(t.id) === s.id)!.sheet;
      const { owned, user } = splitRules(sheet.getConditionalFormatRules());
      if (owned) {
        sheet.setConditionalFormatRules(user);
        rules += owned;
      }
      const rec = record?.sheets[s.id];
      if (!rec) continue;
      const block = readSheet(sheet);
      let located = locateOwned(block, rec);
      if (rec.columns) located = locatedWithFormulas(sheet, block, located);
      for (const r of locatedAreas(located)) {
        sheet.getRange(r.top + 1, r.left + 1, r.bottom - r.top + 1, r.right - r.left + 1).clear();
        cleared.push(r);
      }
      // Columns and rows the script appended go again when nothing of the user's is in them.
      const gc = s.grown?.columns;
      if (gc && sheet.getMaxColumns() >= gc.after + gc.count && sheet.getLastColumn() <= gc.after) sheet.deleteColumns(gc.after + 1, gc.count);
      const gr = s.grown?.rows;
      if (gr && sheet.getMaxRows() >= gr.after + gr.count && sheet.getLastRow() <= gr.after) sheet.deleteRows(gr.after + 1, gr.count);
    }
    if (plan.record) saveRecord(ss, handle, plan.record);
    return removed({ sheets: plan.reports.length, cleared, rules }, !!record);
  }

  function whatNext(): NextResult {
    const { a } = readActive();
    return nextResult(a.sheet, a.kind === 'plan' ? a.result : null, today());
  }

  // ── Consolidate ──

  /** Writes one report sheet: its cell matrix (links lead to the tabs by their ids) and the chart. */
  function writeReport(ss: GasSpreadsheet, spec: SheetSpec, name: string, index: number, token: string, gidOf: (sheet: string) => number | undefined): void {
    const sheet = ss.insertSheet(name, index);
    sheet.addDeveloperMetadata(REPORT_KEY, token, DOCUMENT());
    const m = cellMatrix(spec, (link) => {
      const gid = gidOf(link.sheet);
      return gid === undefined ? null : `#gid=${gid}&range=${link.cell || 'A1'}`;
    });
    const maxCols = sheet.getMaxColumns();
    if (m.width > maxCols) sheet.insertColumnsAfter(maxCols, m.width - maxCols);
    const maxRows = sheet.getMaxRows();
    if (m.height > maxRows) sheet.insertRowsAfter(maxRows, m.height - maxRows);
    writeMatrix(sheet, m, { row: 0, col: 0 });
    const chart = m.chart;
    if (chart) {
      // One series per band, each its colour, stacked so that every bar shows in its band's
      // colour; the legend names the bands. The ranges start at the header row (the series' names).
      const { categories, series } = chart;
      const n = categories.lastRow - categories.firstRow + 2;
      let builder = sheet.newChart().asBarChart().addRange(sheet.getRange(categories.firstRow, categories.column + 1, n, 1));
      for (const x of series) builder = builder.addRange(sheet.getRange(categories.firstRow, x.column + 1, n, 1));
      const built = builder
        .setNumHeaders(1)
        .setPosition(chart.anchor.top + 1, chart.anchor.left + 1, 0, 0)
        .setOption('title', chart.title)
        .setOption('isStacked', true)
        .setOption('legend', { position: 'bottom' })
        .setOption('series', Object.fromEntries(series.map((x, i) => [i, { color: x.fill }])))
        .setOption('hAxis', { minValue: 0, maxValue: 100, title: chart.valueAxis })
        .build();
      sheet.insertChart(built);
    }
  }

  function consolidate(opts: SheetsConsolidateOptions = {}): SheetsConsolidateResult {
    const started = now();
    const elapsed = () => now() - started;
    const language: Language = opts.language === 'en' || opts.language === 'bn' ? opts.language : options.language ?? 'bn';
    const ss = app.getActiveSpreadsheet();
    const handle = readRecordOf(ss);
    const reports = reportSheets(ss, handle.record?.token);
    const reportIds = new Set(reports.map((r) => r.id));
    const tabs = ss
      .getSheets()
      .map((sheet) => ({ sheet, id: sheet.getSheetId() }))
      .filter((t) => !reportIds.has(t.id))
      .map((t) => ({ ...t, name: t.sheet.getName() }));
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
      let block: SheetBlock | null = null;
      let error: string | undefined;
      try {
        block = readSheet(tab.sheet, tab.name);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const { a } = analyse(tab.name, block, handle.record?.sheets[tab.id], settings, t, error);
      addTab(state, a);
      state.next = i + 1;
    }
    // Writing takes a fresh execution when reading used up this one's time.
    if (first < tabs.length && elapsed() > writeDeadline) return partial();

    // The record (and its token, when it is new) only now: a call that stops early writes nothing.
    const done = finishRun(state, language);
    // Nothing to consolidate (§9): no report is written, the old one stays as it was.
    if (nothingToWrite(done)) return { ...consolidated(state, done, []), done: total, total };
    const record = handle.record ?? newRecord();
    const gids = new Map(tabs.map((x) => [x.name, x.id]));
    const taken = new Set(tabs.map((x) => x.name.toLowerCase()));
    // With no other tab left, the old reports stay until the new ones exist (a spreadsheet keeps one sheet).
    if (tabs.length === 0) for (const r of reports) taken.add(r.sheet.getName().toLowerCase());
    else for (const r of reports) ss.deleteSheet(r.sheet);
    const names = done.book.sheets.map((s) => uniqueSheetName(s.name, taken, SHEET_NAMES));
    const base = tabs.length === 0 ? reports.length : tabs.length;
    done.book.sheets.forEach((spec, i) => writeReport(ss, spec, names[i], base + i, record.token, (name) => gids.get(name)));
    if (tabs.length === 0) for (const r of reports) ss.deleteSheet(r.sheet);
    record.reports = names;
    saveRecord(ss, handle, record);
    const summary = ss.getSheetByName(names[0]);
    if (summary) summary.activate();
    return { ...consolidated(state, done, names), done: total, total };
  }

  return { checkActiveSheet, selectCell, addScoreColumns, highlightTiers, removeAll, whatNext, consolidate, onEdit };
}
