import { toAsciiDigits } from './bengali-digits';
import { dayFromYmd, monthOfName, isBanglaMonth, formatDay } from './dates';
import { nfcRegExp } from './text';

/**
 * Progress written in words (SCORING.md §3). Quarterly reports often carry a sentence instead of
 * a value; one that holds exactly one value of the indicator's unit is read as that value. What is
 * never a value inside a sentence: ordinals (১ম, ২য়, ৩য়, ৪র্থ), quarter and month names, fiscal
 * years (২০২৩-২৪), ids ([১.১.১]), Bangla-calendar dates, phone or memo numbers, digits inside a
 * word (A2i), times of day.
 */

export type SentenceUnit = 'date' | 'percent' | 'count';

export interface Candidate {
  kind: 'date' | 'percent' | 'count';
  /** The number, or the day for dates. */
  x: number;
  /** The candidate as typed, for the note that lists them. */
  shown: string;
}

const LETTER = /[\p{L}\p{M}]/u;
// A word: two or more letters (Bengali letters take their vowel signs along).
const WORD = /[\p{L}][\p{L}\p{M}]+/u;

/** A sentence has a word in it; `৪৫%%` or `#N/A` is a value typed wrong, not a sentence. */
export function isSentence(text: string): boolean {
  return WORD.test(text);
}

// Future tense and intention: `বাস্তবায়িত হবে`, `প্রেরণ করা হবে`, `will be`. A plan for later is
// not an achievement, whatever date it names.
const FUTURE = nfcRegExp('(^|[^\\p{L}\\p{M}])(হবে|করবে|হইবে|will|shall)([^\\p{L}\\p{M}]|$)', 'iu');

/** True when a sentence speaks of what is yet to be done. */
export function speaksOfFuture(text: string): boolean {
  return FUTURE.test(text);
}

interface Span {
  start: number;
  end: number;
}

const ORDINAL_SUFFIX = nfcRegExp('^(ম|য়|য়|র্থ|ষ্ঠ|তম|st|nd|rd|th)', 'i');
const COUNT_SUFFIX = nfcRegExp('^(টি|টা|জন|বার|খানা|খানি|টির|টিতে|বার|টা|times|nos?\\.?)', 'i');

/**
 * Every value of the unit the sentence holds, in order. Searches the ASCII-digit text; spans
 * already taken (ids, fiscal years, dates) are not read again as numbers.
 */
export function candidatesIn(text: string, unit: SentenceUnit): Candidate[] {
  const s = toAsciiDigits(text);
  const taken: Span[] = [];
  const take = (start: number, end: number) => taken.push({ start, end });
  const isTaken = (start: number, end: number) => taken.some((t) => start < t.end && end > t.start);
  const dates: Candidate[] = [];
  const out: Candidate[] = [];

  // Ids: `[১.১.১]`, `১.২.৩` (two dots or more), bracketed numbers.
  for (const m of s.matchAll(/[[({]\s*\d+(?:\s*\.\s*\d+)*\s*[\])}]|\d+(?:\.\d+){2,}(?![/-]\d)/g)) {
    if (/^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})$/.test(m[0])) continue; // `১৬.০৩.২০২৫` is a date
    take(m.index!, m.index! + m[0].length);
  }
  // Numeric dates, day first: `২৯/০৮/২০২১`, `১৬-০৩-২০২২`, `১৬.০৩.২০২৫`, `৬/০৪/২৫`.
  for (const m of s.matchAll(/(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/.-]*\d)/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (isTaken(start, end)) continue;
    take(start, end);
    const year = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    const day = dayFromYmd(year, Number(m[3]), Number(m[1]));
    if (day !== null) dates.push({ kind: 'date', x: day, shown: formatDay(day) });
  }
  // Dates with a month name: `১৬ মার্চ ২০২৫`, `March 16, 2025`; a Bangla-calendar one is taken
  // (never a value).
  for (const m of s.matchAll(/(?<!\d)(\d{1,2})\s*([\p{L}\p{M}]+)[\s,]*(\d{4})(?!\d)/gu)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (isTaken(start, end)) continue;
    const month = monthOfName(m[2]);
    if (month !== null) {
      take(start, end);
      const day = dayFromYmd(Number(m[3]), month, Number(m[1]));
      if (day !== null) dates.push({ kind: 'date', x: day, shown: formatDay(day) });
    } else if (isBanglaMonth(m[2])) take(start, end);
  }
  for (const m of s.matchAll(/([\p{L}\p{M}]+)\s*(\d{1,2}),?\s*(\d{4})(?!\d)/gu)) {
    const start = m.index! + m[0].indexOf(m[2]);
    const end = m.index! + m[0].length;
    if (isTaken(start, end)) continue;
    const month = monthOfName(m[1]);
    if (month === null) continue;
    take(start, end);
    const day = dayFromYmd(Number(m[3]), month, Number(m[2]));
    if (day !== null) dates.push({ kind: 'date', x: day, shown: formatDay(day) });
  }
  // Fiscal years `২০২৩-২৪`, `২০২৩-২০২৪`, `২০২৩/২৪`; months with a year (`অক্টোবর/২৪`,
  // `জুলাই-সেপ্টেম্বর, ২০২৩`); times of day `১০:৩০`; phone and memo numbers.
  for (const m of s.matchAll(/(?<!\d)(?:19|20)\d\d\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d)(?!\d)/g)) take(m.index!, m.index! + m[0].length);
  for (const m of s.matchAll(/([\p{L}\p{M}]+)\s*[/,'’-]?\s*(\d{2}|\d{4})(?!\d)/gu)) {
    if (monthOfName(m[1]) !== null || isBanglaMonth(m[1])) take(m.index! + m[0].length - m[2].length, m.index! + m[0].length);
  }
  for (const m of s.matchAll(/\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?/g)) take(m.index!, m.index! + m[0].length);
  for (const m of s.matchAll(/\+?\d[\d\s-]{6,}\d/g)) if (m[0].replace(/\D/g, '').length >= 7) take(m.index!, m.index! + m[0].length);

  // Numbers: a percent (`৯০.৫৯%`, `৮৫ শতাংশ`) or a count (`৩টি`, `১২ জন`, `1,200`). Not the
  // digits of a word (`A2i`, `৪র্থ`: an ordinal), not a year beside a month name.
  for (const m of s.matchAll(/\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    const start = m.index!;
    let end = start + m[0].length;
    if (isTaken(start, end)) continue;
    const before = s.slice(0, start);
    const after = s.slice(end);
    if (before.length && LETTER.test(before[before.length - 1])) continue; // `A2`, `মিরপুর২`
    if (/[\p{L}\p{M}]-$/u.test(before)) continue; // `মিরপুর-২`: a name's number
    if (/^[.,]?\d/.test(after)) continue;
    if (ORDINAL_SUFFIX.test(after)) continue;
    const value = Number(m[0].replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const pct = /^\s*(%|শতাংশ|percent)/iu.exec(after.normalize('NFC'));
    if (pct) {
      end += pct[0].length;
      take(start, end);
      out.push({ kind: 'percent', x: value, shown: `${m[0]}%` });
      continue;
    }
    const suffix = COUNT_SUFFIX.exec(after.trimStart());
    // Digits running straight into a word that is not a count word (`২য়`, `৩টি` aside) are part of it.
    if (!suffix && /^[\p{L}\p{M}]/u.test(after)) continue;
    take(start, end);
    out.push({ kind: 'count', x: value, shown: m[0] });
  }

  if (unit === 'date') return dates;
  return out.filter((c) => c.kind === unit);
}

/** The distinct values among the candidates (the same date written twice is one value). */
export function distinct(candidates: Candidate[]): Candidate[] {
  const seen = new Set<number>();
  return candidates.filter((c) => (seen.has(c.x) ? false : (seen.add(c.x), true)));
}
