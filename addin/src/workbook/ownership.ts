import { HighlightKey, LEGEND_ORDER, PALETTE, message } from '../../../core';
import { Rect } from './excel-grid';

/**
 * What the add-in owns in a workbook, recorded in the workbook itself (`workbook.settings`, key
 * `apa-sheets.owned`, a JSON string), plus the markers that identify each owned thing even when
 * the user has moved it:
 *
 * - score and tier columns: a header pair `APA স্কোর` | `APA স্তর`, formulas `=APA.SCORE(…)` /
 *   `=APA.TIER(…)` below it;
 * - the legend: a title cell `LEGEND_TITLE` followed by one cell per palette entry;
 * - conditional formats: custom rules whose formula carries `"apa-sheets:<key>"`;
 * - report sheets: a worksheet custom property `apa-sheets` whose value is this workbook's token
 *   (a sheet copied in from another workbook's report carries another token and stays the user's);
 * - highlighted sheets: `highlight: true`, so the change handlers are registered again on load;
 * - imported files: content hash → inserted sheet ids, so adding the same file twice inserts it once.
 */
export const OWNED_KEY = 'apa-sheets.owned';
export const REPORT_PROPERTY = 'apa-sheets';
export const MARKER = 'apa-sheets:';
export const SCORE_HEADER = 'APA স্কোর';
export const TIER_HEADER = 'APA স্তর';
export const LEGEND_TITLE = `${message('legend').bn} / ${message('legend').en}`;
export const LEGEND_ROWS = 1 + LEGEND_ORDER.length;
/** Columns right of the table: score, tier, a gap, the legend. */
export const LEGEND_OFFSET = 3;

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

export interface OwnedSheet {
  /** The sheet's name when last written (the key is its id, which survives renames). */
  name: string;
  columns?: OwnedColumns;
  legend?: OwnedLegend;
  highlight?: boolean;
}

export interface OwnedImport {
  file: string;
  hash: string;
  sheets: string[];
}

export interface OwnedRecord {
  version: 1;
  token: string;
  sheets: Record<string, OwnedSheet>;
  /** Names of the report sheets last written (informative: sheets are found by their property). */
  reports: string[];
  imports: OwnedImport[];
}

export function emptyRecord(token = newToken()): OwnedRecord {
  return { version: 1, token, sheets: {}, reports: [], imports: [] };
}

export function newToken(): string {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  const a = new Uint32Array(2);
  if (c?.getRandomValues) c.getRandomValues(a);
  else for (let i = 0; i < a.length; i++) a[i] = Math.floor(Math.random() * 0x100000000);
  return Array.from(a, (n) => n.toString(36)).join('');
}

const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The record as stored (a JSON string, or the object itself); anything unreadable is empty. */
export function parseRecord(stored: unknown): OwnedRecord | null {
  let o: unknown = stored;
  if (typeof stored === 'string') {
    try {
      o = JSON.parse(stored);
    } catch {
      return null;
    }
  }
  if (!o || typeof o !== 'object') return null;
  const r = o as Partial<OwnedRecord>;
  if (typeof r.token !== 'string' || !r.token) return null;
  const out = emptyRecord(r.token);
  if (r.sheets && typeof r.sheets === 'object') {
    for (const [id, s] of Object.entries(r.sheets)) {
      if (!s || typeof s !== 'object') continue;
      const sheet: OwnedSheet = { name: typeof s.name === 'string' ? s.name : '' };
      const c = s.columns;
      if (c && int(c.score) && int(c.tier) && int(c.top) && int(c.bottom)) sheet.columns = { score: c.score, tier: c.tier, top: c.top, bottom: c.bottom };
      const l = s.legend;
      if (l && int(l.col) && int(l.top) && int(l.bottom)) sheet.legend = { col: l.col, top: l.top, bottom: l.bottom };
      if (s.highlight === true) sheet.highlight = true;
      if (sheet.columns || sheet.legend || sheet.highlight) out.sheets[id] = sheet;
    }
  }
  if (Array.isArray(r.reports)) out.reports = r.reports.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(r.imports)) {
    for (const i of r.imports) {
      if (i && typeof i.file === 'string' && typeof i.hash === 'string' && Array.isArray(i.sheets)) {
        out.imports.push({ file: i.file, hash: i.hash, sheets: i.sheets.filter((x): x is string => typeof x === 'string') });
      }
    }
  }
  return out;
}

/** True when the record holds nothing worth keeping. */
export function isEmptyRecord(r: OwnedRecord): boolean {
  return Object.keys(r.sheets).length === 0 && r.reports.length === 0 && r.imports.length === 0;
}

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
