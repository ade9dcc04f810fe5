import { toAsciiDigits } from './bengali-digits';
import { monthOfName } from './dates';
import { CUMULATIVE_WORDS, HeaderRole, QUARTER_NOUNS, QUARTER_ORDINALS, ROLE_ORDER, TIER_WORDS, VOCABULARY, VocabularyEntry } from './header-words';
import type { Tier } from './tiers';
import { cleanText } from './text';

export type { HeaderRole } from './header-words';

/** What one header cell names (SCORING.md §1): its role, and what else its words say. */
export interface HeaderMatch {
  role: HeaderRole;
  tier?: Tier;
  /** A percent typed in the cell (`অসাধারণ ১০০%`). */
  percent?: number;
  quarter?: number;
  /** The cell is only a quarter's name (`১ম`, `Q2`): a quarter column under an achievement heading. */
  bareQuarter?: boolean;
  /** Names a total or cumulative achievement (`মোট অর্জন`, `ক্রমপুঞ্জিত`); `bareTotal`: only `মোট`. */
  cumulative: boolean;
  bareTotal?: boolean;
  /** The fiscal year the cell names (`লক্ষ্যমাত্রা ২০২১-২০২২`), as the year it starts in. */
  fiscalYear: number | null;
  /** The vocabulary word the cell was taken for when it was not typed as the vocabulary has it
   * (`অজর্ন` → `অর্জন`). */
  approximate?: string;
}

// ---------------------------------------------------------------------------------------------
// Normal forms

// The visarga is the colon of Bengali headers (`এককঃ`, `ক্রঃ নং`): punctuation here.
const NOT_WORD = /[^\p{L}\p{M}\p{N}#%]+/gu;
const NOT_COMPACT = /[^\p{L}\p{M}\p{N}#%/]+/gu;

function lowered(text: string): string {
  return cleanText(text).toLowerCase().replace(/\u0983/g, ' ');
}

/** Lower case, no spaces or punctuation but `/`, `%` and `#`: what `part` entries are found in. */
function headerCompact(text: string): string {
  return lowered(text).replace(NOT_COMPACT, '');
}

/** The cell's words: what `word` entries must match whole (a run of them, for `ক্র ম`). */
function headerTokens(text: string): string[] {
  return lowered(text).split(NOT_WORD).filter((t) => t.length > 0);
}

/** Spellings a reader still understands, folded together: long and short vowel signs, ন/ণ,
 * শ/ষ/স, জ/য, ড়/ঢ়/র, and the hasanta, chandrabindu and nukta left out. */
function folded(s: string): string {
  return s
    .replace(/\u09a1\u09bc|\u09a2\u09bc/g, 'র')
    .replace(/\u09af\u09bc/g, 'য')
    .replace(/[\u09cd\u0981\u09bc]/g, '')
    .replace(/\u09c0/g, '\u09bf')
    .replace(/\u09c2/g, '\u09c1')
    .replace(/ণ/g, 'ন')
    .replace(/[ষস]/g, 'শ')
    .replace(/য/g, 'জ')
    .replace(/ৎ/g, 'ত')
    .replace(/ঈ/g, 'ই')
    .replace(/ঊ/g, 'উ');
}

// ---------------------------------------------------------------------------------------------
// The vocabulary, prepared once

interface Prepared {
  role: HeaderRole;
  tier?: Tier;
  /** The entry as written (for the note of an approximate match). */
  written: string;
  key: string;
  foldedKey: string;
  match: 'part' | 'word';
}

function prepare(role: HeaderRole, entries: VocabularyEntry[], tier?: Tier): Prepared[] {
  return entries.map((e) => {
    const key = e.match === 'part' ? headerCompact(e.text) : headerTokens(e.text).join('');
    return { role, tier, written: e.text, key, foldedKey: folded(key), match: e.match };
  });
}

const ROLE_ENTRIES: Prepared[] = (Object.keys(VOCABULARY) as (keyof typeof VOCABULARY)[]).flatMap((role) => prepare(role, VOCABULARY[role]));
const TIER_ENTRIES: Prepared[] = TIER_WORDS.flatMap(([tier, entries]) => prepare('tier', entries, tier));
const TOTAL_ENTRIES: Prepared[] = prepare('achievement', CUMULATIVE_WORDS);
const RANK = new Map(ROLE_ORDER.map((r, i) => [r, i]));

interface Found {
  entry: Prepared;
  length: number;
}

/** Whether an entry is in the cell: a `part` anywhere in the compact text, a `word` as a run of
 * whole words. */
function has(entry: Prepared, compact: string, tokens: string[], fold: boolean): boolean {
  const key = fold ? entry.foldedKey : entry.key;
  if (!key) return false;
  if (entry.match === 'part') return compact.includes(key);
  for (let i = 0; i < tokens.length; i++) {
    let run = '';
    for (let j = i; j < tokens.length && run.length < key.length; j++) {
      run += tokens[j];
      if (run === key) return true;
    }
  }
  return false;
}

function best(entries: Prepared[], compact: string, tokens: string[], fold: boolean): Found | null {
  let out: Found | null = null;
  for (const e of entries) {
    if (!has(e, compact, tokens, fold)) continue;
    const length = e.key.length;
    if (!out || length > out.length || (length === out.length && (RANK.get(e.role) ?? 99) < (RANK.get(out.entry.role) ?? 99))) out = { entry: e, length };
  }
  return out;
}

/** Damerau–Levenshtein distance of at most 1 (one letter added, dropped, changed or two swapped). */
function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/** A `part` entry of four letters or more found within one edit somewhere in the cell. */
function nearest(entries: Prepared[], foldedCompact: string): Found | null {
  let out: Found | null = null;
  for (const e of entries) {
    const key = e.foldedKey;
    if (e.match !== 'part' || key.length < 4) continue;
    let hit = false;
    for (let len = key.length - 1; len <= key.length + 1 && !hit; len++) {
      for (let i = 0; i + len <= foldedCompact.length && !hit; i++) hit = withinOne(foldedCompact.slice(i, i + len), key);
    }
    if (hit && (!out || key.length > out.length)) out = { entry: e, length: key.length };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quarters, percents, fiscal years

const ORDINAL_KEYS: [number, string][] = QUARTER_ORDINALS.flatMap(([q, words]) => words.map((w): [number, string] => [q, headerCompact(w)]));
const NOUN_KEYS = QUARTER_NOUNS.map((n) => headerCompact(n));

/** The quarter a compact text names by an ordinal and a quarter word (`২য়কোয়ার্টারে`, `q3`). */
function quarterOfCompact(compact: string, tokens: string[]): { quarter: number; bare: boolean } | null {
  for (const [q, ordinal] of ORDINAL_KEYS) {
    if (/^q\d$/.test(ordinal)) {
      if (tokens.includes(ordinal)) return { quarter: q, bare: tokens.length === 1 };
      continue;
    }
    let at = compact.indexOf(ordinal);
    while (at >= 0) {
      const rest = compact.slice(at + ordinal.length);
      if (NOUN_KEYS.some((n) => n !== 'q' && rest.startsWith(n))) return { quarter: q, bare: false };
      at = compact.indexOf(ordinal, at + 1);
    }
  }
  const m = /(?:quarter|qtr|ত্রৈমাসিক|কোয়ার্টার|প্রান্তিক)[-]?([1-4১-৪])(?!\d)/.exec(toAsciiDigits(compact));
  if (m) return { quarter: Number(toAsciiDigits(m[1])), bare: false };
  // Only an ordinal (`১ম`, `1ম`, `2nd`): a quarter column's name under an achievement heading.
  if (tokens.length === 1) for (const [q, ordinal] of ORDINAL_KEYS) if (tokens[0] === ordinal) return { quarter: q, bare: true };
  return null;
}

const QUARTER_OF_FIRST_MONTH: Record<number, number> = { 7: 1, 10: 2, 1: 3, 4: 4 };

/** The quarter a period names by its months (`জুলাই-সেপ্টেম্বর`, `(অক্টোবর/২৪-ডিসেম্বর/২৪)`,
 * `জানুয়ারি ২০২৩ হতে মার্চ ২০২৩`), and the fiscal year when the months carry their year. */
export function quarterOfPeriod(text: string): { quarter: number; fiscalYear: number | null } | null {
  const ascii = toAsciiDigits(cleanText(text));
  const months: { month: number; year: number | null }[] = [];
  for (const m of ascii.matchAll(/([\p{L}\p{M}]+)\s*(?:[/,'’-]?\s*(\d{4}|\d{2})(?!\d))?/gu)) {
    const month = monthOfName(m[1]);
    if (month === null) continue;
    const y = m[2] === undefined ? null : m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    months.push({ month, year: y });
  }
  for (let i = 0; i + 1 < months.length; i++) {
    const first = months[i];
    const last = months[i + 1];
    const q = QUARTER_OF_FIRST_MONTH[first.month];
    if (q === undefined || last.month !== ((first.month + 1) % 12) + 1) continue;
    const year = first.year ?? last.year;
    return { quarter: q, fiscalYear: year === null ? null : first.month >= 7 ? year : year - 1 };
  }
  return null;
}

/** The quarter a text names (`২য় কোয়ার্টারে অর্জন`, `Q3`, `তৃতীয় ত্রৈমাসিক`, `জুলাই-সেপ্টেম্বর`), or null. */
export function quarterOfText(text: string): number | null {
  const q = quarterOfCompact(headerCompact(text), headerTokens(text));
  if (q && !q.bare) return q.quarter;
  return quarterOfPeriod(text)?.quarter ?? null;
}

/** A fiscal year named in a text (`২০২৪-২০২৫`, `২০২৩-২৪`, `2021-22`) as the year it starts in. */
export function fiscalYearOfText(text: string): number | null {
  const ascii = toAsciiDigits(text);
  const re = /(20\d\d)\s*[-–—/]\s*(20\d\d|\d\d)(?!\d)/g;
  for (let m = re.exec(ascii); m; m = re.exec(ascii)) {
    const start = Number(m[1]);
    const end = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    if (end === start + 1) return start;
  }
  return null;
}

/** A percent header such as `১০০%` or `90 %`, as a number. */
export function percentOfHeader(text: string): number | null {
  // Most header texts are words: only one that ends in % can be a percent.
  const trimmed = text.trim();
  if (trimmed.charCodeAt(trimmed.length - 1) !== 37) return null;
  const m = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(toAsciiDigits(trimmed));
  return m ? Number(m[1]) : null;
}

/** A percent typed inside a header cell beside words (`অসাধারণ ১০০%`, `Excellent (90%)`). */
function percentInside(text: string): number | undefined {
  const m = /(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*%/.exec(toAsciiDigits(text));
  return m ? Number(m[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// One header cell

/** Header texts repeat from sheet to sheet (every office fills the same form): the answers are
 * kept, a bounded number of them (each a pure function of the text). */
const MEMO_LIMIT = 4096;
const exactMemo = new Map<string, HeaderMatch | null>();
const looseMemo = new Map<string, HeaderMatch | null>();

function remembered(memo: Map<string, HeaderMatch | null>, text: string, loose: boolean): HeaderMatch | null {
  if (text.length === 0 || text.length > 120) return null;
  const hit = memo.get(text);
  if (hit !== undefined || memo.has(text)) return hit ?? null;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const out = matchUncached(text, loose);
  memo.set(text, out);
  return out;
}

/** What a header cell's text names, as the vocabulary spells it, or null when it names no
 * column the reader knows. Finding the header row asks this. */
export function matchHeader(text: string): HeaderMatch | null {
  return remembered(exactMemo, text, false);
}

/** `matchHeader`, and failing it the word a reader would still understand in a misspelt cell
 * (`অজর্ন`, `লক্ষযমাত্রা`), with `approximate` set. Naming the header's columns asks this. */
export function matchHeaderLoosely(text: string): HeaderMatch | null {
  return remembered(looseMemo, text, true);
}

function matchUncached(text: string, loose: boolean): HeaderMatch | null {
  const compact = headerCompact(text);
  if (!compact || /^[\d.%/#]+$/.test(toAsciiDigits(compact))) return null; // numbers: a column-number or percent row
  const tokens = headerTokens(text);
  let role = best(ROLE_ENTRIES, compact, tokens, false);
  let tier = best(TIER_ENTRIES, compact, tokens, false);
  const total = best(TOTAL_ENTRIES, compact, tokens, false);
  const quarter = quarterOfCompact(compact, tokens);
  let approximate: string | undefined;
  if (loose && !role && !tier && !total && !quarter && compact.length <= 40) {
    // Spelled as a reader would still understand it: folded letters, then one edit away.
    const f = folded(compact);
    const ft = tokens.map(folded);
    role = best(ROLE_ENTRIES, f, ft, true) ?? nearest(ROLE_ENTRIES, f);
    tier = best(TIER_ENTRIES, f, ft, true) ?? (role ? null : nearest(TIER_ENTRIES, f));
    if (tier && role && role.length > tier.length && role.entry.role !== 'target') tier = null;
    approximate = (tier ?? role)?.entry.written;
  }
  const fiscalYear = fiscalYearOfText(text);
  const out: HeaderMatch = { role: 'ignored', cumulative: false, fiscalYear };
  if (approximate) out.approximate = approximate;

  // A tier's name decides over the target words around it (`লক্ষ্যমাত্রা (অসাধারণ)`).
  if (tier && (!role || tier.length >= role.length || role.entry.role === 'target' || role.entry.role === 'weight-ambiguous')) {
    out.role = 'tier';
    out.tier = tier.entry.tier;
    const p = percentInside(text);
    if (p !== undefined) out.percent = p;
    return out;
  }
  if (role) out.role = role.entry.role;
  const totalIsLonger = total && (!role || total.length > role.length);
  if (total && (totalIsLonger || out.role === 'achievement' || out.role === 'actual')) {
    out.cumulative = true;
    if (!role || totalIsLonger) {
      // `মোট` alone is a total only under an achievement heading; `মোট অর্জন` is one anywhere.
      if (total.entry.match === 'word' && !role) out.bareTotal = true;
      out.role = 'achievement';
    }
  }
  if (quarter) {
    out.quarter = quarter.quarter;
    if (!role && !total) {
      out.role = 'quarter';
      if (quarter.bare) out.bareQuarter = true;
    }
  }
  if (!role && !total && !quarter) return null;
  // A bare `মোট` is, like a quarter's name, a column under an achievement heading.
  if (out.bareTotal) out.role = 'quarter';
  return out;
}
