import { toAsciiDigits } from './bengali-digits';
import { HeaderMatch, HeaderRole, matchHeader, matchHeaderLoosely, percentOfHeader } from './header';
import { PAIR_LABELS } from './header-words';
import { nfcSet } from './text';
import type { SheetView } from './sheet-view';
import { isColumnNumberRow } from './table-rows';
import type { Tier } from './tiers';

/**
 * A table's header (SCORING.md §1): where it is, and what each column holds. A header cell is
 * matched by the words it contains (core/header-words.ts); a column's role is named by its lowest
 * header cell that names one, under the headings above it (`১ম কোয়ার্টার` under `অর্জন` is the
 * first quarter's achievement). Where a header is ambiguous the columns around it and its year
 * decide, and a note says which header was taken for what.
 */

/** What a column holds, once its header is read and its ambiguities settled: a header's role,
 * the ambiguous ones resolved (a bare মান, প্রকৃত অর্জন, a quarter under an achievement heading),
 * `other` for what nothing scores. */
export type ColumnRole = Exclude<HeaderRole, 'weight-ambiguous' | 'actual' | 'quarter' | 'ignored'> | 'other';

export interface Column {
  col: number;
  role: ColumnRole;
  tier?: Tier;
  percent?: number;
  /** The percent is typed in the tier's own name cell (`অসাধারণ ১০০%`), not in a percent row. */
  percentInName?: boolean;
  quarter?: number;
  cumulative?: boolean;
  /** The fiscal year its header names. */
  fiscalYear: number | null;
  texts: string[];
  /** A1 address of the header cell that named its role. */
  cell: string;
}

/** Why a header was taken for a role it does not name outright. */
export type NoteReason = 'approximate' | 'position' | 'history' | 'this-year' | 'content';

export interface HeaderNote {
  cell: string;
  text: string;
  role: ColumnRole;
  reason: NoteReason;
  /** For 'approximate': the word it was read as. */
  word?: string;
}

export interface TableHeader {
  /** First and last grid rows of the header block. */
  h0: number;
  h1: number;
  indicatorCol: number;
  columns: Column[];
  notes: HeaderNote[];
}

/** A header cell the reader looked at, for the message of a sheet it could not read. */
export interface LookedAt {
  cell: string;
  text: string;
  role: HeaderRole | null;
}

const PEERS: ReadonlySet<HeaderRole> = new Set(['unit', 'weight', 'weight-ambiguous', 'tier', 'target', 'achievement', 'label', 'actual']);

/** A row is the table's header when one cell names the indicator column and another a unit,
 * weight, tier, target or achievement column. */
export function isHeaderRow(view: SheetView, r: number): boolean {
  // It takes two cells: a row of one text (a cover line merged across the table, a signature)
  // is settled without reading the text.
  let holders = 0;
  view.forEachVisible(r, () => ++holders >= 2);
  if (holders < 2) return false;
  let indicator = false;
  let other = false;
  view.forEachVisible(r, (c) => {
    const t = view.text(r, c);
    if (!t || t.length > 120) return;
    const role = matchHeader(t)?.role;
    if (role === 'indicator') indicator = true;
    else if (role !== undefined && PEERS.has(role)) other = true;
    return indicator && other;
  });
  return indicator && other;
}

/** The first header row at or after `from`, or -1. */
export function findHeaderRow(view: SheetView, from = 0): number {
  for (let r = from; r < view.rows; r++) if (isHeaderRow(view, r)) return r;
  return -1;
}

/** The row that looks most like a header (most cells that name a column), and its cells: what
 * a sheet that could not be read says it looked at. */
export function closestHeaderRow(view: SheetView): LookedAt[] {
  let bestRow = -1;
  let bestCount = 0;
  for (let r = 0; r < view.rows; r++) {
    let count = 0;
    view.forEachOwn(r, (_c, t) => {
      if (t.length <= 120 && matchHeader(t)) count++;
    });
    if (count > bestCount) (bestCount = count), (bestRow = r);
  }
  return bestRow < 0 ? [] : lookedAtRow(view, bestRow);
}

/** The header cells of a row, as the reader took them. */
export function lookedAtRow(view: SheetView, r: number): LookedAt[] {
  const out: LookedAt[] = [];
  view.forEachVisible(r, (c) => {
    const text = view.text(r, c);
    if (text) out.push({ cell: view.address(r, c), text, role: matchHeader(text)?.role ?? null });
  });
  return out;
}

/** Last row of the header block that starts at h0: tier names, the percent row, the quarter
 * row, the column numbers, and rows covered by the header's vertical merges. */
export function headerEnd(view: SheetView, h0: number, indicatorCol: number): number {
  let r = h0 + 1;
  while (r < view.rows && isHeaderPart(view, r, indicatorCol)) r++;
  return r - 1;
}

export function indicatorColumnOf(view: SheetView, r: number): number {
  let found = -1;
  view.forEachVisible(r, (c) => {
    if (matchHeader(view.text(r, c))?.role === 'indicator') return (found = c) >= 0;
  });
  return found;
}

const GROUP_ROLES: ReadonlySet<HeaderRole> = new Set(['target', 'achievement', 'label', 'tier', 'actual']);

function isHeaderPart(view: SheetView, r: number, indicatorCol: number): boolean {
  if (isColumnNumberRow(view, r)) return true;
  // Text of its own under the indicator header is an indicator's name (or the rest of one).
  const name = indicatorCol >= 0 ? view.ownText(r, indicatorCol) : '';
  if (name && matchHeader(name)?.role !== 'indicator') return false;
  let own = 0;
  let covered = 0;
  let recognised = 0;
  let unknown = 0;
  let part = true;
  view.forEachVisible(r, (c, key) => {
    if (!view.isKeyOf(key, r, c)) {
      covered++;
      return;
    }
    const t = view.text(r, c);
    if (!t) return;
    own++;
    if (percentOfHeader(t) !== null) {
      recognised++;
      return;
    }
    const match = matchHeader(t);
    if (match === null) {
      // One note typed beside a row of header words (`সংশোধিত` next to the tier names) leaves it
      // a header row; a value, or a second unknown text, makes it a row of the table.
      if (++unknown > 1 || view.read(r, c).kind !== 'invalid') return !(part = false);
      return;
    }
    recognised++;
    // A text merged across the table under the header is a section caption, unless it heads a
    // group of target or achievement columns — which never spans the indicator column
    // (`২য় ত্রৈমাসিক অগ্রগতি` merged across the whole table is a caption, not a header).
    const m = view.merge(r, c);
    const group = GROUP_ROLES.has(match.role);
    if (m && m.right - m.left >= 2 && (!group || (m.left <= indicatorCol && indicatorCol <= m.right))) return !(part = false);
  });
  if (!part) return false;
  if (own === 0) return covered > 0;
  return unknown === 0 || recognised >= 3;
}

/** Reads the header block h0..h1: every column's role, tier, percent, quarter and year. */
export function readTableHeader(view: SheetView, h0: number, h1: number, indicatorColOfRow: number): TableHeader {
  let end = 0;
  for (let r = h0; r <= h1; r++) end = Math.max(end, view.rowEnd(r));
  const notes: HeaderNote[] = [];
  const columns: Column[] = [];
  for (let c = 0; c < end; c++) {
    const col = readColumn(view, h0, h1, c, notes);
    if (col) columns.push(col);
  }
  // The same tier named twice (a merged group header read as a tier) keeps its first column.
  const seen = new Set<Tier>();
  const kept = columns.filter((c) => {
    if (c.role !== 'tier') return true;
    if (seen.has(c.tier!)) return false;
    seen.add(c.tier!);
    return true;
  });
  // A lower header row can give the indicator column another role; the header row named it.
  const indicator = kept.find((c) => c.role === 'indicator')?.col ?? indicatorColOfRow;
  const header: TableHeader = { h0, h1, indicatorCol: indicator, columns: kept, notes };
  settleAmbiguous(header);
  settlePairLabels(view, header);
  return header;
}

const TARGET_LABELS = [...nfcSet(PAIR_LABELS.target.map((w) => w.replace(/\s+/g, '').toLowerCase()))];
const ACHIEVEMENT_LABELS = [...nfcSet(PAIR_LABELS.achievement.map((w) => w.replace(/\s+/g, '').toLowerCase()))];
/** A label cell says its word, alone or with what offices add after it (`অর্জন (১ম ত্রৈমাসিক)`,
 * `লক্ষ্যমাত্রা ২০২৩-২৪`, `Achievement:`). */
function says(words: string[], view: SheetView, r: number, c: number): boolean {
  const t = view.compact(r, c);
  if (t.length === 0 || t.length > 40) return false;
  return words.some((w) => t.startsWith(w) && !/^[\p{L}\p{M}]/u.test(t.slice(w.length)));
}
export const isTargetLabel = (view: SheetView, r: number, c: number): boolean => says(TARGET_LABELS, view, r, c);
export const isAchievementLabel = (view: SheetView, r: number, c: number): boolean => !isTargetLabel(view, r, c) && says(ACHIEVEMENT_LABELS, view, r, c);

/** How many rows under the header show what a column holds. */
const LOOK_AHEAD = 40;

/** The pair-label column is the one whose rows say লক্ষ্যমাত্রা and অর্জন, whatever its header says:
 * a `লক্ষ্যমাত্রা/অর্জন` heading over a target and an achievement column (`001_…`) is no label
 * column, and a label column headed only `লক্ষ্যমাত্রা` is one (with a note). */
function settlePairLabels(view: SheetView, h: TableHeader): void {
  const labels = (c: number) => {
    let targets = 0;
    let achievements = 0;
    for (let r = h.h1 + 1; r < view.rows && r <= h.h1 + LOOK_AHEAD; r++) {
      if (isTargetLabel(view, r, c)) targets++;
      else if (isAchievementLabel(view, r, c)) achievements++;
    }
    return { targets, achievements };
  };
  for (const c of h.columns) {
    if (c.role !== 'label') continue;
    const s = labels(c.col);
    if (s.targets + s.achievements === 0) c.role = 'other';
  }
  if (h.columns.some((c) => c.role === 'label')) return;
  for (const c of h.columns) {
    if (c.role !== 'target' && c.role !== 'other') continue;
    const s = labels(c.col);
    if (s.targets >= 1 && s.achievements >= 1) {
      c.role = 'label';
      h.notes.push({ cell: c.cell, text: c.texts[c.texts.length - 1], role: 'label', reason: 'content' });
      return;
    }
  }
}

interface Ambiguous {
  weight?: boolean;
  actual?: boolean;
}
const ambiguity = new WeakMap<Column, Ambiguous>();

function readColumn(view: SheetView, h0: number, h1: number, c: number, notes: HeaderNote[]): Column | null {
  const texts: string[] = [];
  const rows: number[] = [];
  let percent: number | undefined;
  for (let r = h0; r <= h1; r++) {
    const t = view.text(r, c);
    if (!t) continue;
    const p = percentOfHeader(t);
    if (p !== null) {
      if (!view.isCovered(r, c)) percent = p;
      continue;
    }
    if (/^\d+\.?$/.test(toAsciiDigits(t))) continue; // the column-number row
    if (texts[texts.length - 1] !== t) {
      texts.push(t);
      rows.push(r);
    }
  }
  const cells = { length: rows.length, at: (i: number) => view.address(rows[i], c) };
  if (!texts.length) return null;
  const matches: (HeaderMatch | null)[] = texts.map((t) => matchHeaderLoosely(t));
  let fiscalYear: number | null = null;
  for (const m of matches) if (m?.fiscalYear != null) (fiscalYear ??= m.fiscalYear);
  const col: Column = { col: c, role: 'other', fiscalYear, texts, cell: cells.at(cells.length - 1) };

  // The lowest text that names a role decides, under the headings above it.
  let lowest = -1;
  for (let i = matches.length - 1; i >= 0 && lowest < 0; i--) if (matches[i]) lowest = i;
  if (lowest < 0) return col;
  const m = matches[lowest]!;
  col.cell = cells.at(lowest);
  const above = matches.slice(0, lowest).filter((x): x is HeaderMatch => x !== null);
  const under = (...roles: HeaderRole[]) => above.some((a) => roles.includes(a.role));
  if (m.approximate) notes.push({ cell: col.cell, text: texts[lowest], role: roleOf(m), reason: 'approximate', word: m.approximate });

  const tierMatch = [...matches].reverse().find((x) => x?.role === 'tier');
  if (tierMatch && m.role === 'tier') {
    col.role = 'tier';
    col.tier = tierMatch.tier;
    if (tierMatch.percent !== undefined && percent === undefined) {
      col.percent = tierMatch.percent;
      col.percentInName = true;
    } else col.percent = percent;
    return col;
  }
  switch (m.role) {
    case 'quarter':
      // A quarter's column (or a total beside the quarters) under an achievement heading; a
      // quarter's name with its quarter word stands on its own. Under a target heading it is a
      // quarterly target, which nothing scores.
      if (under('target') && !under('achievement', 'actual')) return col;
      if (!under('achievement', 'actual') && (m.bareQuarter || m.bareTotal)) return col;
      col.role = 'achievement';
      if (m.cumulative) col.cumulative = true;
      else col.quarter = m.quarter;
      return col;
    case 'achievement':
    case 'actual': {
      col.role = 'achievement';
      const cumulative = m.cumulative || (!m.quarter && above.some((a) => a.cumulative));
      if (cumulative) col.cumulative = true;
      else if (m.quarter !== undefined) col.quarter = m.quarter;
      if (m.role === 'actual') ambiguity.set(col, { actual: true });
      return col;
    }
    case 'weight-ambiguous':
      col.role = 'weight';
      ambiguity.set(col, { weight: true });
      return col;
    case 'ignored':
      return col;
    default:
      col.role = m.role;
      return col;
  }
}

function roleOf(m: HeaderMatch): ColumnRole {
  switch (m.role) {
    case 'quarter':
    case 'actual':
      return 'achievement';
    case 'weight-ambiguous':
      return 'weight';
    case 'ignored':
      return 'other';
    default:
      return m.role;
  }
}

/** A bare `মান` is the area's weight beside an area column, the indicator's otherwise; `প্রকৃত
 * অর্জন` is a past year's (history) left of the targets or with an earlier year. */
function settleAmbiguous(h: TableHeader): void {
  const explicitWeight = h.columns.some((c) => c.role === 'weight' && !ambiguity.get(c)?.weight);
  const hasArea = h.columns.some((c) => c.role === 'area');
  let areaWeight = h.columns.some((c) => c.role === 'area-weight');
  let weight = explicitWeight;
  for (const c of h.columns) {
    if (!ambiguity.get(c)?.weight) continue;
    const left = c.col < h.indicatorCol;
    if (left && hasArea && !areaWeight) {
      c.role = 'area-weight';
      areaWeight = true;
    } else if (!left && !weight) {
      c.role = 'weight';
      weight = true;
    } else if (!weight && !hasArea) {
      c.role = 'weight';
      weight = true;
    } else {
      c.role = 'other';
      continue;
    }
    h.notes.push({ cell: c.cell, text: c.texts[c.texts.length - 1], role: c.role, reason: 'position' });
  }
  const targets = h.columns.filter((c) => c.role === 'tier' || c.role === 'target');
  const firstTarget = targets.length ? Math.min(...targets.map((c) => c.col)) : Infinity;
  const targetYear = targets.find((c) => c.fiscalYear !== null)?.fiscalYear ?? null;
  for (const c of h.columns) {
    if (c.role !== 'achievement') continue;
    const actual = ambiguity.get(c)?.actual;
    const past = c.col < firstTarget || (c.fiscalYear !== null && targetYear !== null && c.fiscalYear < targetYear);
    if (past) {
      // Achievement columns left of the targets are past years' actuals (প্রকৃত অর্জন), not progress.
      c.role = 'history';
      if (actual && c.col > firstTarget) h.notes.push({ cell: c.cell, text: c.texts[c.texts.length - 1], role: 'history', reason: 'history' });
    } else if (actual && targets.length) {
      h.notes.push({ cell: c.cell, text: c.texts[c.texts.length - 1], role: 'achievement', reason: 'this-year' });
    }
  }
}
