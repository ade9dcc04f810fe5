import { Rect, parseArea, rectA1 } from './areas';
import { HighlightKey, LEGEND_ORDER, PALETTE } from './highlight';
import { message } from './messages';
import { SheetBlock, blockBottom, blockValue } from './sheet-block';

/**
 * What APA Sheets owns in a workbook, in one record every host keeps in the workbook itself under
 * one key (Excel: `workbook.settings`; Google Sheets: spreadsheet developer metadata), and the
 * markers that find each owned thing again even when the user has moved it:
 *
 * - score and tier columns: the header pair `APA স্কোর` | `APA স্তর`, formulas below it;
 * - the legend: its title cell, then one cell per palette entry;
 * - conditional-format rules: custom rules whose formula carries `"apa-sheets:<key>"`;
 * - report sheets: marked by the host with the record's token (a sheet copied in from another
 *   workbook's report carries another token and stays the user's);
 * - highlighted sheets and the cells whose edits change their tiers, so that edits are followed
 *   after the workbook opens again;
 * - columns and rows a host appended to fit its cells, so that Remove takes them away again;
 * - imported files: content hash → inserted sheet ids, so adding the same file twice inserts it once.
 *
 * The record is versioned; `readRecord` reads this version and both hosts' version-1 records.
 */
export const OWNED_KEY = 'apa-sheets.owned';
export const RECORD_VERSION = 2;
export const MARKER = 'apa-sheets:';
export const SCORE_HEADER = 'APA স্কোর';
export const TIER_HEADER = 'APA স্তর';
export const LEGEND_TITLE = `${message('legend').bn} / ${message('legend').en}`;
export const LEGEND_ROWS = 1 + LEGEND_ORDER.length;
/** Beside a table: score, tier, a gap, the legend — the legend's offset from the score column. */
export const LEGEND_OFFSET = 3;
export const BLOCK_WIDTH = LEGEND_OFFSET + 1;

export function legendLabel(key: HighlightKey): string {
  return `${PALETTE[key].label.bn} / ${PALETTE[key].label.en}`;
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
  /** Header row and last formula row, 0-based. */
  top: number;
  bottom: number;
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
  /** Names of the report sheets last written (informative: sheets are found by their mark). */
  reports: string[];
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
  if (r.sheets && typeof r.sheets === 'object') {
    for (const [id, raw] of Object.entries(r.sheets as Record<string, unknown>)) {
      if (!raw || typeof raw !== 'object') continue;
      const s = raw as Partial<Record<keyof OwnedSheet, unknown>> & { grown?: { columns?: unknown; rows?: unknown } };
      const sheet: OwnedSheet = { name: typeof s.name === 'string' ? s.name : '' };
      const c = s.columns as Partial<OwnedColumns> | undefined;
      if (c && int(c.score) && int(c.tier) && int(c.top) && int(c.bottom)) sheet.columns = { score: c.score, tier: c.tier, top: c.top, bottom: c.bottom };
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
  return Object.keys(r.sheets).length === 0 && r.reports.length === 0 && r.imports.length === 0 && !r.directives;
}

/** The record after Remove: only its token is left (and it is then empty). */
export const clearedRecord = (r: OwnedRecord): OwnedRecord => {
  const { directives: _directives, ...rest } = r;
  return { ...rest, sheets: {}, reports: [], imports: [] };
};

export function columnsRect(c: OwnedColumns): Rect {
  return { top: c.top, left: Math.min(c.score, c.tier), bottom: c.bottom, right: Math.max(c.score, c.tier) };
}

export function legendRect(l: OwnedLegend): Rect {
  return { top: l.top, left: l.col, bottom: l.bottom, right: l.col };
}

/** FNV-1a (32-bit) of a string, with its length: identifies an imported file's bytes. */
export function contentHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${s.length.toString(36)}-${h.toString(36)}`;
}

// ── Where the owned things are now ──────────────────────────────────────────────────────────

export interface Located {
  columns?: OwnedColumns;
  legend?: OwnedLegend;
  /** Areas left out when the sheet is read as a plan. */
  blank: Rect[];
}

/** The areas Remove clears on a sheet. */
export const locatedAreas = (l: Located): Rect[] => [...(l.columns ? [columnsRect(l.columns)] : []), ...(l.legend ? [legendRect(l.legend)] : [])];

/**
 * Finds APA Sheets' columns and legend on a sheet, one rule for every host: at the recorded place
 * when the markers are still there, else wherever the markers moved to (the user inserted rows or
 * columns), row by row. The columns reach as far as recorded, or — with no record — to their last
 * cell that holds anything; `withFormulas` then gives the exact extent from the formulas.
 */
export function locateOwned(block: Pick<SheetBlock, 'top' | 'left' | 'values'> | null, rec: OwnedSheet | undefined): Located {
  const located: Located = { blank: [] };
  if (!block) return located;
  const at = (r: number, c: number) => blockValue(block, r, c);
  const isHeaderPair = (r: number, c: number) => at(r, c) === SCORE_HEADER && at(r, c + 1) === TIER_HEADER;
  const isLegend = (r: number, c: number) => at(r, c) === LEGEND_TITLE && at(r + 1, c) === legendLabel(LEGEND_ORDER[0]);
  let col = rec?.columns && isHeaderPair(rec.columns.top, rec.columns.score) ? { r: rec.columns.top, c: rec.columns.score } : null;
  let leg = rec?.legend && isLegend(rec.legend.top, rec.legend.col) ? { r: rec.legend.top, c: rec.legend.col } : null;
  for (let i = 0; i < block.values.length && (!col || !leg); i++) {
    const row = block.values[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const r = block.top + i;
      const c = block.left + j;
      if (!col && v === SCORE_HEADER && isHeaderPair(r, c)) col = { r, c };
      if (!leg && v === LEGEND_TITLE && isLegend(r, c)) leg = { r, c };
    }
  }
  const bottom = blockBottom(block);
  if (col) {
    let last = col.r;
    if (rec?.columns) last = col.r + (rec.columns.bottom - rec.columns.top);
    else {
      for (let r = col.r + 1; r <= bottom; r++) {
        const a = at(r, col.c);
        const b = at(r, col.c + 1);
        if ((a !== '' && a !== undefined && a !== null) || (b !== '' && b !== undefined && b !== null)) last = r;
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

/** The located columns reaching exactly to their last score or tier formula: `formulas` are the two
 * columns' formulas as the host read them (sheet coordinates of their first cell), from at most
 * the row below the header down. Formulas read elsewhere change nothing. */
export function withFormulas(located: Located, formulas: { top: number; left: number; values: unknown[][] } | undefined): Located {
  const c = located.columns;
  if (!c || !formulas || formulas.left !== c.score || formulas.top > c.top + 1) return located;
  let last = c.top;
  formulas.values.forEach((row, i) => {
    const r = formulas.top + i;
    if (r > c.top && row.some(isScoreFormula)) last = Math.max(last, r);
  });
  return { ...located, columns: { ...c, bottom: last } };
}
