import { Rect, parseArea, rectA1, styleRuns } from '../../../core/areas';
import { CellMatrix, cellMatrix } from '../../../core/cell-matrix';
import { SheetNameRules, TabRun, addTab, consolidated, finishRun, nothingToWrite, uniqueSheetName } from '../../../core/consolidation-run';
import type { OfficeSummary } from '../../../core/consolidate';
import { todayInDhaka } from '../../../core/dates';
import { editCanChangeTiers, highlightPlan, highlighted, legendAt, legendCells } from '../../../core/highlight-spec';
import { Bilingual, Language, message } from '../../../core/messages';
import { whatIsNeeded } from '../../../core/next';
import { readDirectives } from '../../../core/directives';
import { DirectivesTab, directivesAnswer, directivesOfMinutes, keptMinutes, noDirectivesAnswer, placeDirectives } from '../../../core/directives-sheet';
import type { CheckResult, CommandContext, CommandResult, ConsolidateResult, DirectivesResult, MinutesTables, NextResult, RemovalPreview } from '../../../core/operations';
import { BLOCK_WIDTH, LEGEND_OFFSET, LEGEND_ROWS, Located, OWNED_KEY, OwnedPlaces, OwnedRecord, OwnedSheet, columnsRect, emptyRecord, isEmptyRecord, isOwnedFormula, isReportSheet, legendRect, locateOwned, locatedAreas, readRecord, withFormulas } from '../../../core/ownership';
import { RemovalSheet, removalPlan, removalPreview, removed } from '../../../core/removal';
import type { SheetSpec } from '../../../core/report';
import { blockColumn, blockFits, blockRows, columnsAdded, scoreColumns, valuesAdded, valuesColumns } from '../../../core/score-columns';
import { APP_VERSION } from '../../../core/version';
import { columnLetters } from '../../../core/grid';
import { ScoreSettings, settingsWithDefaults } from '../../../core/score';
import { SheetAnalysis, analyseTab, checkResult, noPlanResult } from '../../../core/sheet-analysis';
import { SheetBlock, blockGrid, blockIsBlank, blockValue } from '../../../core/sheet-block';
import type { Grid } from '../../../core/grid';
import { GasConditionalFormatRule, GasDeveloperMetadata, GasGlobals, GasGridRange, GasOnEditEvent, GasSheet, GasSheetsApi, GasSpreadsheet } from './gas-api';

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
 * metadata `apa-sheets.report` holding the record's token, and the record keeps their ids (a
 * duplicate of a report sheet, a new id, is the user's). Where the owned block is now, after the
 * user inserted rows or columns anywhere, Sheets itself keeps: developer metadata
 * `apa-sheets.place` on the block's header row, its last row and its first column (and the legend's
 * first and last rows and column), which Sheets moves with every insertion; checked against the markers (core's
 * `locateOwned`). `setConditionalFormatRules` replaces a
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
/** Row and column metadata that follow the owned block: the value names the part. */
export const PLACE_KEY = 'apa-sheets.place';
type PlacePart = 'columns-top' | 'columns-bottom' | 'columns-column' | 'legend-top' | 'legend-bottom' | 'legend-column';

/** Apps Script's limit per execution, and how much of it consolidate may spend. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
export const READ_BUDGET_MS = 4 * 60_000;
export const WRITE_DEADLINE_MS = 4.5 * 60_000;

/** Columns looked at per read when searching for free (unformatted) columns. */
const PLACEMENT_WINDOW = 12;
/** Sheets' sheet names: no control characters; kept short. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a sheet name may not hold
const SHEET_NAMES: SheetNameRules = { maxLength: 90, refused: /[\u0000-\u001f]/g };
/** Number formats that say nothing (Sheets' automatic format): left out of the grid. */
const PLAIN_FORMATS = new Set(['', 'General', 'general', '0.###############', '@']);

export interface SheetsWorkbookOptions {
  /** Milliseconds since the epoch (Date.now); the elapsed-time checks and "today" read it. */
  now?: () => number;
  /** The language of what a command given no context writes (default Bengali). */
  language?: Language;
  /** The settings of a command given no context (SCORING.md's defaults otherwise). */
  settings?: Partial<ScoreSettings>;
  readBudgetMs?: number;
  writeDeadlineMs?: number;
}

export interface SheetsConsolidateOptions {
  /** What the previous call answered as `resumeFrom` (opaque); absent: start from the first tab. */
  resumeFrom?: unknown;
}

export interface SheetsConsolidateResult extends ConsolidateResult {
  /** Steps done (one per tab, then one for writing) of `total`; `done === total` when complete. */
  done: number;
  total: number;
  /** Present when `done < total`: hand it back as `options.resumeFrom` to continue. */
  resumeFrom?: string;
}

/** The pane's contract (core/operations.ts), run within one execution: each command with the
 * context it is given, or the workbook's defaults (`options`). */
export interface SheetsWorkbook {
  checkActiveSheet(context?: CommandContext): CheckResult;
  selectCell(sheet: string, cell: string): void;
  addScoreColumns(context?: CommandContext): CommandResult;
  valuesOnly(context?: CommandContext): CommandResult;
  highlightTiers(context?: CommandContext): CommandResult;
  previewRemoval(): RemovalPreview;
  removeAll(): CommandResult;
  whatNext(context?: CommandContext): NextResult;
  consolidate(options?: SheetsConsolidateOptions, context?: CommandContext): SheetsConsolidateResult;
  /** Keeps the minutes' tables (read by the sidebar) as the owned directives sheet, in the context's language. */
  keepDirectives(minutes: MinutesTables, context?: CommandContext): DirectivesResult;
  /** The simple `onEdit` trigger: re-highlights a highlighted sheet when a cell that decides a tier
   * changed (inside `guard`, when given: the caller's lock). Returns whether it did. */
  onEdit(e: GasOnEditEvent, guard?: <T>(write: () => T) => T): boolean;
}

// ── Reading a sheet ─────────────────────────────────────────────────────────────────────────

/** Reads a sheet's data range from A1: getDataRange + getValues + getNumberFormats, and its
 * merged areas: those of `sheetMerges` when given (computed from one Sheets API answer), else
 * getMergedRanges and one getA1Notation per area — the least SpreadsheetApp allows.
 * `name`: the grid's (none when no grid is made). */
export function readSheet(sheet: GasSheet, name = '', sheetMerges?: Rect[]): SheetBlock {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formats = range.getNumberFormats();
  let merges: Rect[] = [];
  if (sheetMerges) {
    // What getMergedRanges of the data range gives: the areas that reach into it.
    const rows = values.length;
    const cols = values.reduce((w, r) => Math.max(w, r.length), 0);
    merges = sheetMerges.filter((m) => m.top < rows && m.left < cols);
  } else {
    for (const m of range.getMergedRanges()) {
      const r = parseArea(m.getA1Notation());
      if (r) merges.push(r);
    }
  }
  return { sheet: name, top: 0, left: 0, values, formats, merges };
}

/** A Sheets API rectangle as the sheet's cells (0-based, inclusive). */
const gridRect = (m: GasGridRange): Rect => ({ top: m.startRowIndex ?? 0, left: m.startColumnIndex ?? 0, bottom: (m.endRowIndex ?? 1) - 1, right: (m.endColumnIndex ?? 1) - 1 });

/** Every sheet's merged areas from one Sheets API call (sheet id → areas), when the deployer
 * enabled the advanced service; null without it or when the API refuses (then each sheet asks
 * SpreadsheetApp). */
export function mergesOfEverySheet(api: GasSheetsApi | undefined, ss: GasSpreadsheet): Map<number, Rect[]> | null {
  if (!api) return null;
  try {
    const answer = api.Spreadsheets.get(ss.getId(), { fields: 'sheets(properties.sheetId,merges)' });
    const out = new Map<number, Rect[]>();
    for (const s of answer.sheets ?? []) out.set(s.properties?.sheetId ?? 0, (s.merges ?? []).map(gridRect));
    return out;
  } catch {
    return null;
  }
}

interface Analysis {
  located: Located;
  grid: Grid | null;
  a: SheetAnalysis;
}

function analyse(name: string, block: SheetBlock | null, rec: OwnedSheet | undefined, settings: Partial<ScoreSettings>, today: number, error?: string, places?: OwnedPlaces): Analysis {
  const located = locateOwned(block, rec, places);
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
  const defaults: CommandContext = { language: options.language ?? 'bn', settings: settingsWithDefaults(options.settings) };
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

  /** The report sheets this spreadsheet's record owns: their metadata holds its token and their
   * ids are the record's (a duplicate carries the metadata too, with a new id). */
  function reportSheets(ss: GasSpreadsheet, record: OwnedRecord | null): { sheet: GasSheet; id: number }[] {
    if (!record) return [];
    const out: { sheet: GasSheet; id: number }[] = [];
    for (const md of ss.createDeveloperMetadataFinder().withKey(REPORT_KEY).find()) {
      const mark = md.getValue();
      if (mark !== record.token) continue;
      const sheet = md.getLocation().getSheet();
      if (!sheet) continue;
      const id = sheet.getSheetId();
      if (isReportSheet(record, String(id), mark)) out.push({ sheet, id });
    }
    return out;
  }

  // ── Where the owned block is now: row and column metadata that Sheets moves ──

  interface PlaceMark {
    md: GasDeveloperMetadata;
    part: PlacePart;
    at: number;
  }

  /** The sheet's place metadata: one find, then per mark its value, location and row or column. */
  function placeMarks(sheet: GasSheet): PlaceMark[] {
    const out: PlaceMark[] = [];
    for (const md of sheet.createDeveloperMetadataFinder().withKey(PLACE_KEY).find()) {
      const part = md.getValue() as PlacePart | null;
      if (!part) continue;
      const loc = md.getLocation();
      const onColumn = part.endsWith('-column');
      const range = onColumn ? loc.getColumn() : loc.getRow();
      if (!range) continue;
      out.push({ md, part, at: (onColumn ? range.getColumn() : range.getRow()) - 1 });
    }
    return out;
  }

  function placesOf(marks: PlaceMark[]): OwnedPlaces {
    const at = (part: PlacePart) => marks.find((m) => m.part === part)?.at;
    const top = at('columns-top');
    const bottom = at('columns-bottom');
    const col = at('columns-column');
    const ltop = at('legend-top');
    const lcol = at('legend-column');
    // Rows inserted inside the legend move its last row's mark down: the legend reaches to it.
    const lbottom = at('legend-bottom') ?? ltop;
    return {
      ...(top !== undefined && bottom !== undefined && col !== undefined ? { columns: { top, left: col, bottom, right: col + 1 } } : {}),
      ...(ltop !== undefined && lcol !== undefined ? { legend: { top: ltop, left: lcol, bottom: Math.max(ltop, lbottom ?? ltop), right: lcol } } : {}),
    };
  }

  /** Puts the place metadata of `what` on the given rows and column (replacing its old marks), or takes it away (null). */
  function markPlace(sheet: GasSheet, marks: PlaceMark[], what: 'columns' | 'legend', at: { top: number; bottom?: number; col: number } | null): void {
    for (const m of marks) if (m.part.startsWith(`${what}-`)) m.md.remove();
    if (!at) return;
    const row = (r: number) => sheet.getRange(`${r + 1}:${r + 1}`);
    row(at.top).addDeveloperMetadata(PLACE_KEY, `${what}-top`, DOCUMENT());
    if (at.bottom !== undefined) row(at.bottom).addDeveloperMetadata(PLACE_KEY, `${what}-bottom`, DOCUMENT());
    const letters = columnLetters(at.col);
    sheet.getRange(`${letters}:${letters}`).addDeveloperMetadata(PLACE_KEY, `${what}-column`, DOCUMENT());
  }

  // ── Reading a sheet ──

  /** The located columns' formulas from the row below the header down (one getFormulas). */
  function locatedWithFormulas(sheet: GasSheet, block: SheetBlock, located: Located): Located {
    const c = located.columns;
    const rows = c ? block.values.length - c.top - 1 : 0;
    if (!c || rows <= 0) return located;
    return withFormulas(located, { top: c.top + 1, left: c.score, values: sheet.getRange(c.top + 2, c.score + 1, rows, 2).getFormulas() });
  }

  /** Reads the active sheet; `forWriting`: also where its block is now (the place metadata) and
   * the exact extent of its formulas, for a command that writes or removes it. */
  function readActive(context: CommandContext, forWriting = false) {
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.getActiveSheet();
    const id = sheet.getSheetId();
    const handle = readRecordOf(ss);
    const block = readSheet(sheet, sheet.getName());
    const rec = handle.record?.sheets[id];
    // Read even when the record does not name the sheet: marks that came with a copied tab are
    // then replaced, never followed.
    const marks = forWriting ? placeMarks(sheet) : [];
    const analysis = analyse(block.sheet, block, rec, context.settings, today(), undefined, placesOf(marks));
    if (forWriting) analysis.located = locatedWithFormulas(sheet, block, analysis.located);
    return { ss, sheet, name: block.sheet, id, block, handle, marks, ...analysis };
  }

  /** Whether the cells `offsets` from a first column, over `rows`, are empty or the script's own. */
  const fitsAt = (block: SheetBlock, located: Located, rows: { top: number; bottom: number }, offsets: number[]) => (col: number) =>
    blockFits(offsets.map((o) => col + o), rows, located, (r, c) => blockValue(block, r, c));

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

  function checkActiveSheet(context = defaults): CheckResult {
    return checkResult(readActive(context).a);
  }

  function selectCell(sheetName: string, cell: string): void {
    if (typeof sheetName !== 'string' || typeof cell !== 'string') throw new Error(JSON.stringify(message('gas.bad-argument', { detail: 'selectCell(sheet, cell)' })));
    const target = cell.trim() === '' ? 'A1' : cell.trim();
    if (!parseArea(target)) throw new Error(JSON.stringify(message('gas.bad-argument', { detail: target })));
    const sheet = app.getActiveSpreadsheet().getSheetByName(sheetName);
    if (!sheet) throw new Error(JSON.stringify(message('gas.bad-argument', { detail: sheetName })));
    sheet.getRange(target).activate();
  }

  function addScoreColumns(context = defaults): CommandResult {
    const { ss, sheet, name, id, block, handle, marks, located, grid, a } = readActive(context, true);
    if (a.kind !== 'plan') return noPlanResult(a);
    const spec = scoreColumns(grid!, a.result, 'sheets', { language: context.language });
    const rows = blockRows(a.result);
    const F = blockColumn(located, firstClear(sheet, block, { top: spec.top, bottom: Math.max(spec.bottom, rows.bottom) }), fitsAt(block, located, spec, [0, 1]));
    const record = handle.record ?? newRecord();
    const rec: OwnedSheet = { ...(record.sheets[id] ?? { name }), name };
    ensureSize(sheet, rec, F + BLOCK_WIDTH - 1, spec.bottom);
    clearOld(sheet, located, F, spec);
    const header = sheet.getRange(spec.top + 1, F + 1, 1, 2);
    header.setValues([spec.header]);
    header.setFontWeights([['bold', 'bold']]);
    if (spec.body.length) {
      // Each run's two formulas in its first row; their array results fill the rows below.
      sheet.getRange(spec.top + 2, F + 1, spec.body.length, 2).setFormulas(spec.body);
      sheet.getRange(spec.top + 2, F + 1, spec.body.length, 1).setNumberFormats(spec.body.map(() => [spec.scoreFormat]));
    }
    rec.columns = { score: F, tier: F + 1, top: spec.top, bottom: spec.bottom };
    markPlace(sheet, marks, 'columns', { top: spec.top, bottom: spec.bottom, col: F });
    record.sheets[id] = rec;
    saveRecord(ss, handle, record);
    return columnsAdded(name, spec, F);
  }

  /** The old columns, when the new ones go elsewhere or reach less far (the table got shorter). */
  function clearOld(sheet: GasSheet, located: Located, F: number, spec: { top: number; bottom: number }): void {
    const old = located.columns;
    if (old && (old.score !== F || old.top !== spec.top || old.bottom > spec.bottom)) sheet.getRange(old.top + 1, old.score + 1, old.bottom - old.top + 1, 2).clear();
  }

  /** "Values only": the scores and tiers as plain values where the live columns go, with a note
   * of when and how they were computed (for a sheet sent to an office without APA Sheets). */
  function valuesOnly(context = defaults): CommandResult {
    const { ss, sheet, name, id, block, handle, marks, located, grid, a } = readActive(context, true);
    if (a.kind !== 'plan') return noPlanResult(a);
    const spec = valuesColumns(grid!, a.result, { language: context.language, today: today(), version: APP_VERSION });
    const rows = blockRows(a.result, 1);
    const F = blockColumn(located, firstClear(sheet, block, { top: spec.top, bottom: Math.max(spec.bottom, rows.bottom) }), fitsAt(block, located, spec, [0, 1]));
    const record = handle.record ?? newRecord();
    const rec: OwnedSheet = { ...(record.sheets[id] ?? { name }), name };
    ensureSize(sheet, rec, F + BLOCK_WIDTH - 1, spec.bottom);
    // The whole old block goes: formulas leave number formats on the rows they filled.
    const old = located.columns;
    if (old) sheet.getRange(old.top + 1, old.score + 1, old.bottom - old.top + 1, 2).clear();
    writeMatrix(sheet, cellMatrix(spec, () => null), { row: spec.top, col: F });
    rec.columns = { score: F, tier: F + 1, top: spec.top, bottom: spec.bottom, values: true };
    markPlace(sheet, marks, 'columns', { top: spec.top, bottom: spec.bottom, col: F });
    record.sheets[id] = rec;
    saveRecord(ss, handle, record);
    return valuesAdded(name, spec, F);
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

  /** Colours a sheet's achievement cells by tier with the script's rules, writes the legend (in
   * `language`; absent: the legend stays in its own) and records the sheet as highlighted. */
  function highlightSheet(ss: GasSpreadsheet, sheet: GasSheet, id: number, block: SheetBlock, { located, a }: Analysis, handle: RecordHandle, marks: PlaceMark[] | null, language?: Language): CommandResult {
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
    const legendRows = { top: rows.top, bottom: rows.top + LEGEND_ROWS - 1 };
    const legend = legendAt(blockColumn(located, firstClear(sheet, block, rows), fitsAt(block, located, legendRows, [LEGEND_OFFSET])) + LEGEND_OFFSET, rows.top);
    const old = located.legend;
    // Moved, or stretched by rows the user inserted inside it: the old legend goes first.
    const moved = !old || old.col !== legend.col || old.top !== legend.top || old.bottom !== legend.bottom;
    // Given none (an edit), the legend keeps its own language (both, if an earlier version wrote it).
    const legendLanguage = language !== undefined ? language : old ? old.language : defaults.language;
    if (moved || old.language !== legendLanguage) {
      ensureSize(sheet, rec, legend.col, legend.bottom);
      if (old && moved) sheet.getRange(old.top + 1, old.col + 1, old.bottom - old.top + 1, 1).clear();
      writeMatrix(sheet, cellMatrix({ rows: legendCells(legendLanguage) }, () => null), { row: legend.top, col: legend.col });
    }
    // The legend's place marks: set when it is new or moved (an edit's pass finds them only then).
    if (marks || moved) markPlace(sheet, marks ?? placeMarks(sheet), 'legend', { top: legend.top, bottom: legend.bottom, col: legend.col });
    rec.legend = legend;
    rec.highlight = true;
    rec.watch = plan.watch.map(rectA1);
    record.sheets[id] = rec;
    saveRecord(ss, handle, record);
    return highlighted(name, plan);
  }

  function highlightTiers(context = defaults): CommandResult {
    const { ss, sheet, id, block, handle, marks, located, grid, a } = readActive(context, true);
    return highlightSheet(ss, sheet, id, block, { located, grid, a }, handle, marks, context.language);
  }

  function onEdit(e: GasOnEditEvent, guard: <T>(write: () => T) => T = (write) => write()): boolean {
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
    return guard(() => {
      const block = readSheet(sheet, sheet.getName());
      return highlightSheet(ss, sheet, id, block, analyse(block.sheet, block, rec, defaults.settings, today()), handle, null).ok;
    });
  }

  /** Everything Remove takes away, found: the report sheets (by their mark), each sheet's own
   * rules, the owned columns and legends where they are now, and core's removal plan over them. */
  function findOwned() {
    const ss = app.getActiveSpreadsheet();
    const handle = readRecordOf(ss);
    const record = handle.record;
    const reportIds = new Set(reportSheets(ss, record).map((r) => r.id));
    const tabs = ss.getSheets().map((sheet) => ({ sheet, id: sheet.getSheetId() }));
    const byId = new Map(tabs.map((t) => [String(t.id), t]));
    const rules = new Map<string, ReturnType<typeof splitRules>>();
    const marksOf = new Map<string, PlaceMark[]>();
    const removal: RemovalSheet[] = tabs.map((t) => {
      const id = String(t.id);
      if (reportIds.has(t.id)) return { id, isReport: true };
      rules.set(id, splitRules(t.sheet.getConditionalFormatRules()));
      const rec = record?.sheets[id];
      if (!rec) return { id, isReport: false };
      const block = readSheet(t.sheet);
      const marks = placeMarks(t.sheet);
      marksOf.set(id, marks);
      let located = locateOwned(block, rec, placesOf(marks));
      if (rec.columns) located = locatedWithFormulas(t.sheet, block, located);
      return { id, isReport: false, located };
    });
    return { ss, handle, record, byId, removal, rules, marksOf, plan: removalPlan(record, removal) };
  }

  function previewRemoval(): RemovalPreview {
    const { byId, removal, rules, plan } = findOwned();
    const names: Record<string, string> = {};
    for (const id of plan.reports) names[id] = byId.get(id)!.sheet.getName();
    return removalPreview(plan, removal, { names, rules: Object.fromEntries([...rules].map(([id, r]) => [id, r.owned])) });
  }

  function removeAll(): CommandResult {
    const { ss, handle, record, byId, removal, rules: found, marksOf, plan } = findOwned();
    for (const id of plan.reports) ss.deleteSheet(byId.get(id)!.sheet);
    let rules = 0;
    const cleared: Rect[] = [];
    const locatedOf = new Map(removal.map((r) => [r.id, r.located]));
    for (const s of plan.sheets) {
      const sheet = byId.get(s.id)!.sheet;
      const own = found.get(s.id);
      if (own?.owned) {
        sheet.setConditionalFormatRules(own.user);
        rules += own.owned;
      }
      const located = locatedOf.get(s.id);
      if (!located) continue;
      const marks = marksOf.get(s.id) ?? [];
      for (const r of locatedAreas(located)) {
        sheet.getRange(r.top + 1, r.left + 1, r.bottom - r.top + 1, r.right - r.left + 1).clear();
        cleared.push(r);
      }
      markPlace(sheet, marks, 'columns', null);
      markPlace(sheet, marks, 'legend', null);
      // Columns and rows the script appended go again when nothing of the user's is in them.
      const gc = s.grown?.columns;
      if (gc && sheet.getMaxColumns() >= gc.after + gc.count && sheet.getLastColumn() <= gc.after) sheet.deleteColumns(gc.after + 1, gc.count);
      const gr = s.grown?.rows;
      if (gr && sheet.getMaxRows() >= gr.after + gr.count && sheet.getLastRow() <= gr.after) sheet.deleteRows(gr.after + 1, gr.count);
    }
    if (plan.record) saveRecord(ss, handle, plan.record);
    return removed({ sheets: plan.reports.length, cleared, rules }, !!record);
  }

  function whatNext(context = defaults): NextResult {
    const { a, ss, handle } = readActive(context);
    const kept = handle.record?.directives;
    if (a.kind !== 'plan' || !kept) return whatIsNeeded(a, today());
    // The minutes kept in the workbook: the directives sheet the record names, read as any sheet.
    const sheet = ss.getSheets().find((x) => String(x.getSheetId()) === kept.sheet);
    return whatIsNeeded(a, today(), sheet ? keptMinutes(blockGrid(readSheet(sheet, sheet.getName()), { plainFormats: PLAIN_FORMATS })) : null);
  }

  // ── Directives: the ministry's minutes kept as an owned sheet ──

  function keepDirectives(minutes: MinutesTables, context = defaults): DirectivesResult {
    const language = context.language;
    const made = directivesOfMinutes(minutes, language);
    if (!made) return noDirectivesAnswer(minutes.file, readDirectives(minutes.tables).problems.map((p) => ({ ...p, file: minutes.file })));
    const ss = app.getActiveSpreadsheet();
    const handle = readRecordOf(ss);
    const record = handle.record ?? newRecord();
    const sheets = ss.getSheets();
    const tabs: DirectivesTab[] = sheets.map((x) => ({ id: String(x.getSheetId()), name: x.getName() }));
    const owned = record.directives ? sheets.find((x) => String(x.getSheetId()) === record.directives!.sheet) : undefined;
    if (owned) tabs.find((t) => t.id === String(owned.getSheetId()))!.values = owned.getLastRow() > 0 ? owned.getDataRange().getValues() : [];
    const placement = placeDirectives(record, tabs, made.matrix, language, SHEET_NAMES);
    const facts = { directives: made.read.directives.length, problems: made.read.problems };
    if (placement.kind !== 'write') return { ...directivesAnswer(placement, made.read, 0), ...facts };
    const m = made.matrix;
    const sheet = placement.replace && owned ? owned : ss.insertSheet(placement.name, sheets.length);
    if (placement.replace && owned) sheet.getDataRange().clear();
    const maxCols = sheet.getMaxColumns();
    if (m.width > maxCols) sheet.insertColumnsAfter(maxCols, m.width - maxCols);
    const maxRows = sheet.getMaxRows();
    if (m.height > maxRows) sheet.insertRowsAfter(maxRows, m.height - maxRows);
    writeMatrix(sheet, m, { row: 0, col: 0 });
    record.directives = { sheet: String(sheet.getSheetId()), name: sheet.getName(), hash: placement.hash };
    saveRecord(ss, handle, record);
    sheet.activate();
    return { ...directivesAnswer(placement, made.read, m.height * m.width), ...facts };
  }

  // ── Consolidate ──

  /** Writes one report sheet: its cell matrix (links lead to the tabs by their ids) and the chart. */
  function writeReport(ss: GasSpreadsheet, spec: SheetSpec, name: string, index: number, token: string, gidOf: (sheet: string) => number | undefined): number {
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
    return sheet.getSheetId();
  }

  function consolidate(opts: SheetsConsolidateOptions = {}, context = defaults): SheetsConsolidateResult {
    const started = now();
    const elapsed = () => now() - started;
    const { language, settings } = context;
    const ss = app.getActiveSpreadsheet();
    const handle = readRecordOf(ss);
    const reports = reportSheets(ss, handle.record);
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
    // The minutes the spreadsheet keeps (its owned directives sheet): the report then holds
    // every office against them (the deadlines sheet, SCORING.md §10).
    const keptId = handle.record?.directives?.sheet;
    const minutesTab = keptId !== undefined ? tabs.find((x) => String(x.id) === keptId) : undefined;
    const merges = first < tabs.length ? mergesOfEverySheet(g.Sheets, ss) : null;
    for (let i = state.next; i < tabs.length; i++) {
      // At least one tab per call, so every call advances.
      if (i > first && elapsed() > readBudget) return partial();
      const tab = tabs[i];
      // The directives sheet is ours, not an office: neither ranked nor listed as skipped.
      if (tab === minutesTab) {
        state.next = i + 1;
        continue;
      }
      let block: SheetBlock | null = null;
      let error: string | undefined;
      try {
        block = readSheet(tab.sheet, tab.name, merges?.get(tab.id));
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const { a } = analyse(tab.name, block, handle.record?.sheets[tab.id], settings, t, error);
      addTab(state, a, undefined, minutesTab !== undefined);
      state.next = i + 1;
    }
    // Writing takes a fresh execution when reading used up this one's time.
    if (first < tabs.length && elapsed() > writeDeadline) return partial();

    // The record (and its token, when it is new) only now: a call that stops early writes nothing.
    const kept = minutesTab ? keptMinutes(blockGrid(readSheet(minutesTab.sheet, minutesTab.name), { plainFormats: PLAIN_FORMATS })) : null;
    const done = finishRun(state, language, kept && { directives: kept.directives, today: t });
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
    const written = done.book.sheets.map((spec, i) => writeReport(ss, spec, names[i], base + i, record.token, (name) => gids.get(name)));
    if (tabs.length === 0) for (const r of reports) ss.deleteSheet(r.sheet);
    record.reports = names;
    record.reportIds = written.map(String);
    saveRecord(ss, handle, record);
    const summary = ss.getSheetByName(names[0]);
    if (summary) summary.activate();
    return { ...consolidated(state, done, names), done: total, total };
  }

  return { checkActiveSheet, selectCell, addScoreColumns, valuesOnly, highlightTiers, previewRemoval, removeAll, whatNext, consolidate, keepDirectives, onEdit };
}
