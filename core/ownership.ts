import { Rect, parseArea, rectA1 } from './areas';
import { HighlightKey, LEGEND_ORDER, PALETTE } from './highlight';
import { Language, message, text } from './messages';
import { SheetBlock, blockBottom, blockValue } from './sheet-block';

/**
 * What APA Sheets owns in a workbook, in one record every host keeps in the workbook itself under
 * one key (Excel: `workbook.settings`; Google Sheets: spreadsheet developer metadata), and the
 * markers that find each owned thing again even when the user has moved it:
 *
 * - score and tier columns: the header pair `APA স্কোর` | `APA স্তর` (in English `APA score` |
 *   `APA tier`: either pair, in the language the user wrote them in), formulas below it;
 * - the legend: its title cell, then one cell per palette entry (in either language, or both as
 *   the first versions wrote it);
 * - conditional-format rules: custom rules whose formula carries `"apa-sheets:<key>"`;
 * - report sheets: by their sheet ids (which survive a rename), and marked by the host with the
 *   record's token; a copy of a report (a new id) or a sheet copied in from another workbook's
 *   report (another token) is the user's;
 * - highlighted sheets and the cells whose edits change their tiers, so that edits are followed
 *   after the workbook opens again;
 * - columns and rows a host appended to fit its cells, so that Remove takes them away again;
 * - imported files: the SHA-256 of their bytes → inserted sheet ids, so adding the same file twice
 *   inserts it once (and two different files are never taken for one).
 *
 * Ownership follows a sheet's id, never its name: a renamed sheet is still owned, and a copy of an
 * owned sheet (a new id) is the user's — never deleted, cleared or written over. Where the owned
 * cells are now, after the user inserted rows or columns anywhere, each host tracks with what
 * moves with insertions (Excel: hidden worksheet-scoped names; Sheets: developer metadata on the
 * block's rows and columns), checked against the markers (`locateOwned`).
 *
 * The record is versioned; `readRecord` reads this version and both hosts' version-1 records.
 */
export const OWNED_KEY = 'apa-sheets.owned';
export const RECORD_VERSION = 2;
export const MARKER = 'apa-sheets:';
/** The Bengali header pair (what the first versions wrote; `columnHeaders` gives each language's). */
export const SCORE_HEADER: string = text('wb.header.score').bn;
export const TIER_HEADER: string = text('wb.header.tier').bn;
/** The legend's title as the first versions wrote it, in both languages. */
export const LEGEND_TITLE = `${message('legend').bn} / ${message('legend').en}`;
export const LEGEND_ROWS = 1 + LEGEND_ORDER.length;
/** Beside a table: score, tier, a gap, the legend — the legend's offset from the score column. */
export const LEGEND_OFFSET = 3;
export const BLOCK_WIDTH = LEGEND_OFFSET + 1;

const LANGUAGES: readonly Language[] = ['bn', 'en'];

/** The score and tier columns' headers in `language`. */
export function columnHeaders(language: Language = 'bn'): [string, string] {
  return [text('wb.header.score')[language], text('wb.header.tier')[language]];
}

/** The legend's title in `language`; without one, both languages (the first versions' legend). */
export function legendTitle(language?: Language): string {
  return language ? text('legend')[language] : LEGEND_TITLE;
}

/** A palette entry's label in the legend, in `language`; without one, both languages. */
export function legendLabel(key: HighlightKey, language?: Language): string {
  return language ? PALETTE[key].label[language] : `${PALETTE[key].label.bn} / ${PALETTE[key].label.en}`;
}

/** A custom conditional-format formula that is always true and names its owner and tier. */
export function cfFormula(key: HighlightKey): string {
  return `=N("${MARKER}${key}")=0`;
}

export function isOwnedFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.includes(`"${MARKER}`);
}

/** A score or tier formula of APA Sheets, in either host's dialect. */
export const isScoreFormula = (f: unknown): boolean => typeof f === 'string' && /^=APA[._](SCORE|TIER)\(/i.test(f);

export interface OwnedColumns {
  score: number;
  tier: number;
  /** Header row and the last row the block covers (its formulas' last spilled row, or the
   * values-only note), 0-based. */
  top: number;
  bottom: number;
  /** Written by "Values only": plain values and a note, no formulas. */
  values?: true;
}

export interface OwnedLegend {
  col: number;
  top: number;
  bottom: number;
}

/** Columns or rows a host appended after `after` (0-based count of what the sheet had). */
export interface Growth {
  after: number;
  count: number;
}

export interface OwnedSheet {
  /** The sheet's name when last written (the key is its id, which survives renames). */
  name: string;
  columns?: OwnedColumns;
  legend?: OwnedLegend;
  highlight?: boolean;
  /** The areas whose edits can change a tier (targets and achievements), as A1 areas. */
  watch?: string[];
  grown?: { columns?: Growth; rows?: Growth };
}

export interface OwnedImport {
  file: string;
  hash: string;
  sheets: string[];
}

export interface OwnedRecord {
  version: typeof RECORD_VERSION;
  token: string;
  sheets: Record<string, OwnedSheet>;
  /** Names of the report sheets last written (informative). */
  reports: string[];
  /** Ids of the report sheets last written, where the host's mark could travel with a copy of the
   * sheet (Sheets' developer metadata): a report is then a sheet with one of these ids that carries
   * the token. Absent (Excel, whose worksheet custom properties a copy does not get; records
   * written before ids were kept): the mark alone tells. */
  reportIds?: string[];
  imports: OwnedImport[];
  /** The directives sheet (the ministry's minutes, issue 16): its id, name when written, and the
   * hash of what was written (`shownHash`), so that a sheet the user changed is never overwritten. */
  directives?: OwnedDirectives;
}

export interface OwnedDirectives {
  sheet: string;
  name: string;
  hash: string;
}

export function emptyRecord(token: string): OwnedRecord {
  return { version: RECORD_VERSION, token, sheets: {}, reports: [], imports: [] };
}

/** Whether a sheet is one of this record's report sheets: its mark (`mark`, as the host stores it
 * on the sheet) holds the record's token and its id is one the record wrote. */
export function isReportSheet(record: OwnedRecord | null, id: string, mark: string | null | undefined): boolean {
  if (!record || mark !== record.token) return false;
  return record.reportIds === undefined || record.reportIds.includes(id);
}

const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const rectOf = (v: unknown): Rect | undefined => {
  const r = v as Partial<Rect> | null | undefined;
  return r && int(r.top) && int(r.left) && int(r.bottom) && int(r.right) ? { top: r.top, left: r.left, bottom: r.bottom, right: r.right } : undefined;
};
const growthOf = (v: unknown): Growth | undefined => {
  const g = v as Partial<Growth> | null | undefined;
  return g && int(g.after) && int(g.count) && g.count > 0 ? { after: g.after, count: g.count } : undefined;
};

/** The watch areas as stored: this version's A1 areas, or version 1's one rectangle (Sheets). */
function watchOf(v: unknown): string[] | undefined {
  if (Array.isArray(v)) {
    const areas = v.filter((x): x is string => typeof x === 'string' && parseArea(x) !== null);
    return areas.length ? areas : undefined;
  }
  const r = rectOf(v);
  return r ? [rectA1(r)] : undefined;
}

/** The record as stored (a JSON string, or the object itself) — this version, or either host's
 * version 1 — as this version; anything unreadable is null. */
export function readRecord(stored: unknown): OwnedRecord | null {
  let o: unknown = stored;
  if (typeof stored === 'string') {
    try {
      o = JSON.parse(stored);
    } catch {
      return null;
    }
  }
  if (!o || typeof o !== 'object') return null;
  const r = o as Partial<Record<keyof OwnedRecord, unknown>>;
  if (typeof r.token !== 'string' || !r.token) return null;
  const out = emptyRecord(r.token);
  if (Array.isArray(r.reportIds)) out.reportIds = r.reportIds.filter((x): x is string => typeof x === 'string');
  if (r.sheets && typeof r.sheets === 'object') {
    for (const [id, raw] of Object.entries(r.sheets as Record<string, unknown>)) {
      if (!raw || typeof raw !== 'object') continue;
      const s = raw as Partial<Record<keyof OwnedSheet, unknown>> & { grown?: { columns?: unknown; rows?: unknown } };
      const sheet: OwnedSheet = { name: typeof s.name === 'string' ? s.name : '' };
      const c = s.columns as Partial<OwnedColumns> | undefined;
      if (c && int(c.score) && int(c.tier) && int(c.top) && int(c.bottom)) sheet.columns = { score: c.score, tier: c.tier, top: c.top, bottom: c.bottom, ...(c.values === true ? { values: true as const } : {}) };
      const l = s.legend as Partial<OwnedLegend> | undefined;
      if (l && int(l.col) && int(l.top) && int(l.bottom)) sheet.legend = { col: l.col, top: l.top, bottom: l.bottom };
      if (s.highlight === true) sheet.highlight = true;
      const watch = watchOf(s.watch);
      if (watch) sheet.watch = watch;
      const gc = growthOf(s.grown?.columns);
      const gr = growthOf(s.grown?.rows);
      if (gc || gr) sheet.grown = { ...(gc ? { columns: gc } : {}), ...(gr ? { rows: gr } : {}) };
      if (sheet.columns || sheet.legend || sheet.highlight || sheet.grown) out.sheets[id] = sheet;
    }
  }
  if (Array.isArray(r.reports)) out.reports = r.reports.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(r.imports)) {
    for (const i of r.imports as Partial<OwnedImport>[]) {
      if (i && typeof i.file === 'string' && typeof i.hash === 'string' && Array.isArray(i.sheets)) {
        out.imports.push({ file: i.file, hash: i.hash, sheets: i.sheets.filter((x): x is string => typeof x === 'string') });
      }
    }
  }
  const d = r.directives as Partial<OwnedDirectives> | undefined;
  if (d && typeof d.sheet === 'string' && d.sheet && typeof d.hash === 'string') out.directives = { sheet: d.sheet, name: typeof d.name === 'string' ? d.name : '', hash: d.hash };
  return out;
}

/** True when the record holds nothing worth keeping (the host then deletes it). */
export function isEmptyRecord(r: OwnedRecord): boolean {
  return Object.keys(r.sheets).length === 0 && r.reports.length === 0 && !r.reportIds?.length && r.imports.length === 0 && !r.directives;
}

/** The record after Remove: only its token is left (and it is then empty). */
export const clearedRecord = (r: OwnedRecord): OwnedRecord => {
  const { directives: _directives, ...rest } = r;
  return { ...rest, sheets: {}, reports: [], ...(r.reportIds ? { reportIds: [] } : {}), imports: [] };
};

export function columnsRect(c: OwnedColumns): Rect {
  return { top: c.top, left: Math.min(c.score, c.tier), bottom: c.bottom, right: Math.max(c.score, c.tier) };
}

export function legendRect(l: OwnedLegend): Rect {
  return { top: l.top, left: l.col, bottom: l.bottom, right: l.col };
}

/** How an imported file is identified in the record: the SHA-256 of its bytes (hex), which the
 * host computes (Web Crypto). */
export const fileHash = (sha256Hex: string): string => `sha256:${sha256Hex.toLowerCase()}`;

// ── Where the owned things are now ──────────────────────────────────────────────────────────

export interface Located {
  columns?: OwnedColumns;
  /** With the language its labels are in (absent: both, as the first versions wrote it). */
  legend?: OwnedLegend & { language?: Language };
  /** Areas left out when the sheet is read as a plan. */
  blank: Rect[];
}

/** The areas Remove clears on a sheet. */
export const locatedAreas = (l: Located): Rect[] => [...(l.columns ? [columnsRect(l.columns)] : []), ...(l.legend ? [legendRect(l.legend)] : [])];

/** Where a host's own tracking says the owned block is now (Excel: its names; Sheets: its
 * developer metadata on rows and columns), moved with the rows and columns the user inserted:
 * the columns' rectangle (header row to last row, score to tier column) and the legend's. */
export interface OwnedPlaces {
  columns?: Rect;
  legend?: Rect;
}

/**
 * Finds APA Sheets' columns and legend on a sheet, one rule for every host. Only what the sheet's
 * record names is owned: at the place the host tracked (`places`) when the markers are there,
 * else at the recorded place, else wherever the markers moved to, row by row. The columns reach
 * as far as tracked or recorded; `withFormulas` then gives the exact extent from the formulas.
 *
 * A sheet the record does not name (a copy of an owned sheet, which has a new id) owns nothing:
 * markers found on it are the user's copy, left out of the grid the plan is read from (`blank`)
 * but never cleared or written over.
 */
export function locateOwned(block: Pick<SheetBlock, 'top' | 'left' | 'values'> | null, rec: OwnedSheet | undefined, places: OwnedPlaces = {}): Located {
  const located: Located = { blank: [] };
  if (!block) return located;
  const at = (r: number, c: number) => blockValue(block, r, c);
  const headers = LANGUAGES.map((l) => columnHeaders(l));
  const firstHeaders = new Set(headers.map((h) => h[0]));
  const isHeaderPair = (r: number, c: number) => headers.some(([s, t]) => at(r, c) === s && at(r, c + 1) === t);
  // A legend: its title, then the first palette entry's label, in the same language.
  const legends = [...LANGUAGES, undefined].map((language) => ({ language, title: legendTitle(language), first: legendLabel(LEGEND_ORDER[0], language) }));
  const titles = new Set(legends.map((l) => l.title));
  const legendAt = (r: number, c: number) => legends.find((l) => at(r, c) === l.title && at(r + 1, c) === l.first);
  type Found = { r: number; c: number; last?: number; language?: Language };
  const legendFound = (r: number, c: number, last?: number): Found | null => {
    const found = legendAt(r, c);
    return found ? { r, c, ...(last !== undefined ? { last } : {}), language: found.language } : null;
  };
  let col: Found | null = null;
  let leg: Found | null = null;
  const pc = places.columns;
  const pl = places.legend;
  if (rec?.columns) {
    if (pc && isHeaderPair(pc.top, pc.left)) col = { r: pc.top, c: pc.left, last: Math.max(pc.top, pc.bottom) };
    else if (isHeaderPair(rec.columns.top, rec.columns.score)) col = { r: rec.columns.top, c: rec.columns.score };
  }
  if (rec?.legend) {
    // Rows inserted inside the legend stretch its name: the legend reaches to the name's last row.
    leg = (pl ? legendFound(pl.top, pl.left, Math.max(pl.top + LEGEND_ROWS - 1, pl.bottom)) : null) ?? legendFound(rec.legend.top, rec.legend.col);
  }
  // The markers row by row: moved owned things, or (on a sheet the record does not name) a copy.
  let foundCol: Found | null = null;
  let foundLeg: Found | null = null;
  const wantCol = !col;
  const wantLeg = !leg;
  for (let i = 0; i < block.values.length && ((wantCol && !foundCol) || (wantLeg && !foundLeg)); i++) {
    const row = block.values[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v !== 'string') continue;
      const r = block.top + i;
      const c = block.left + j;
      if (wantCol && !foundCol && firstHeaders.has(v) && isHeaderPair(r, c)) foundCol = { r, c };
      if (wantLeg && !foundLeg && titles.has(v)) foundLeg = legendFound(r, c);
    }
  }
  const bottom = blockBottom(block);
  const lastFilled = (r0: number, c0: number) => {
    let last = r0;
    for (let r = r0 + 1; r <= bottom; r++) {
      const a = at(r, c0);
      const b = at(r, c0 + 1);
      if ((a !== '' && a !== undefined && a !== null) || (b !== '' && b !== undefined && b !== null)) last = r;
    }
    return last;
  };
  if (!col && foundCol && rec?.columns) col = foundCol;
  else if (foundCol && !rec?.columns) located.blank.push({ top: foundCol.r, left: foundCol.c, bottom: Math.max(lastFilled(foundCol.r, foundCol.c), bottom), right: foundCol.c + 1 });
  if (!leg && foundLeg && rec?.legend) leg = foundLeg;
  else if (foundLeg && !rec?.legend) located.blank.push({ top: foundLeg.r, left: foundLeg.c, bottom: foundLeg.r + LEGEND_ROWS - 1, right: foundLeg.c });
  if (col && rec?.columns) {
    const last = col.last ?? col.r + (rec.columns.bottom - rec.columns.top);
    located.columns = { score: col.c, tier: col.c + 1, top: col.r, bottom: last, ...(rec.columns.values ? { values: true as const } : {}) };
    located.blank.push({ top: col.r, left: col.c, bottom: Math.max(last, bottom), right: col.c + 1 });
  }
  if (leg) {
    located.legend = { col: leg.c, top: leg.r, bottom: leg.last ?? leg.r + LEGEND_ROWS - 1, ...(leg.language ? { language: leg.language } : {}) };
    located.blank.push(legendRect(located.legend));
  }
  return located;
}

/** How many rows a score or tier formula of APA Sheets fills: the rows of its first range (one
 * for a formula over single cells). */
export function spillRows(formula: unknown): number {
  if (typeof formula !== 'string') return 1;
  const m = /^=APA[._](?:SCORE|TIER)\(\s*\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?\s*,/i.exec(formula);
  if (!m || m[2] === undefined) return 1;
  return Math.max(1, Number(m[2]) - Number(m[1]) + 1);
}

/** The located columns reaching exactly to the last row their score or tier formulas fill (an
 * array formula spills over the rows of its ranges): `formulas` are the two columns' formulas as
 * the host read them (sheet coordinates of their first cell), from at most the row below the
 * header down. Formulas read elsewhere change nothing, nor do they change values-only columns. */
export function withFormulas(located: Located, formulas: { top: number; left: number; values: unknown[][] } | undefined): Located {
  const c = located.columns;
  if (!c || c.values || !formulas || formulas.left !== c.score || formulas.top > c.top + 1) return located;
  let last = c.top;
  formulas.values.forEach((row, i) => {
    const r = formulas.top + i;
    if (r > c.top) for (const f of row) if (isScoreFormula(f)) last = Math.max(last, r + spillRows(f) - 1);
  });
  return { ...located, columns: { ...c, bottom: last } };
}
