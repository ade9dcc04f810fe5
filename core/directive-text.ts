import { toAsciiDigits } from './bengali-digits';
import { Day, parseDateText } from './dates';
import {
  Cadence,
  CADENCE_NOUNS,
  CADENCE_WORDS,
  EVIDENCE_GENITIVE_ENDINGS,
  EVIDENCE_LEADING_WORDS,
  EVIDENCE_LIST_ENDS,
  EVIDENCE_LIST_STARTS,
  EVIDENCE_MARKERS,
  EVIDENCE_MODIFIER_WORDS,
  EVIDENCE_SEPARATOR_SUFFIXES,
  EVIDENCE_SEPARATOR_WORDS,
  EVIDENCE_TRAILING_WORDS,
} from './directive-words';
import { cleanText } from './text';

/** What one decision's text says (SCORING.md §10): its Gregorian dates, each with the sentence
 * that says what is due then; its cadence; the evidence it asks for. */

export interface DateInText {
  /** Offsets of the date in the text. */
  start: number;
  end: number;
  /** The date as written. */
  written: string;
  /** The day, or null when the text is shaped like a date but is none (`৩১/০২/২০২৪`). */
  day: Day | null;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const isWordChar = (s: string, i: number) => i >= 0 && i < s.length && WORD_CHAR.test(s[i]);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// Day first always (SCORING.md §3). The separators agree (`১৬/০৩/২০২৪`, `১৬-০৩-২০২৪`,
// `১৬.০৩.২০২৪`); a number run on by more dotted parts (a memo number) is no date.
const NUMERIC_DATE = /(?<![\d./-])\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*(?:\d{4}|\d{2})(?!\d|[./-]\d)/g;
// `১৫ অক্টোবর ২০২৩`, `১৫ই অক্টোবর, ২০২৩`, `১লা জুলাই ২০২৪`; `March 16, 2024`.
const DAY_MONTH_YEAR = /(?<!\d)(\d{1,2})(?:ই|লা|রা|শে|ঠা|st|nd|rd|th)?\s*([\p{L}\p{M}]+)\.?[\s,]+(\d{4})(?!\d)/gu;
const MONTH_DAY_YEAR = /(?<![\p{L}\p{M}])([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)/gu;

/** Every Gregorian date written in the text, in order. A Bangla-calendar date (`১৬ কার্তিক
 * ১৪৩০`), a Gregorian month with a Bangla year (`১৬ আগস্ট ১৪৩০`) and words that are no month
 * are not dates; a date that does not exist is kept with `day: null`. */
export function datesInText(text: string): DateInText[] {
  // Bengali digits are one UTF-16 unit each, like ASCII ones: offsets stay the text's.
  const ascii = toAsciiDigits(text);
  const found: DateInText[] = [];
  const add = (start: number, end: number, shaped: string) => {
    if (found.some((f) => start < f.end && end > f.start)) return;
    const parsed = parseDateText(shaped);
    if (!parsed || parsed.kind === 'bangla-calendar') return;
    found.push({ start, end, written: text.slice(start, end), day: parsed.kind === 'date' ? parsed.day : null });
  };
  for (const m of ascii.matchAll(NUMERIC_DATE)) add(m.index!, m.index! + m[0].length, m[0].replace(/\s+/g, ''));
  for (const [re, order] of [
    [DAY_MONTH_YEAR, 'dmy'],
    [MONTH_DAY_YEAR, 'mdy'],
  ] as const) {
    for (const m of ascii.matchAll(re)) {
      const [day, month, year] = order === 'dmy' ? [m[1], m[2], m[3]] : [m[2], m[1], m[3]];
      const y = Number(year);
      if (y >= 1300 && y < 1600) continue; // a Bangla-calendar year (১৪৩০ বঙ্গাব্দ)
      add(m.index!, m.index! + m[0].length, `${day} ${month} ${year}`);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The sentence of `text` around [start, end): from the previous sentence end (`।`, `?`, `!`,
 * a line break, a full stop before a space) to the next, cleaned. */
export function sentenceAround(text: string, start: number, end: number): string {
  const bounds = sentenceBounds(text);
  const s = bounds.find((b) => start >= b.start && start < b.end) ?? { start, end };
  return cleanText(text.slice(s.start, Math.max(s.end, end)));
}

/** The sentences of a text, as offsets (each includes its closing mark). */
export function sentenceBounds(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const fullStop = c === '.' && (i + 1 === text.length || /\s/.test(text[i + 1])) && !/\d/.test(text[i - 1] ?? '');
    if (c === '।' || c === '?' || c === '!' || c === '\n' || fullStop) {
      if (text.slice(from, i + 1).trim()) out.push({ start: from, end: c === '\n' ? i : i + 1 });
      from = i + 1;
    }
  }
  if (text.slice(from).trim()) out.push({ start: from, end: text.length });
  return out;
}

/** Where `word` occurs in `text` as a whole word (not inside another: `অর্ধবার্ষিক` holds no
 * `বার্ষিক`), from `from`; -1 when it does not. Case-insensitive for Latin letters. */
export function findWord(text: string, word: string, from = 0): number {
  const lower = text.toLowerCase();
  const w = word.toLowerCase();
  for (let i = lower.indexOf(w, from); i >= 0; i = lower.indexOf(w, i + 1)) {
    const startsWord = !WORD_CHAR.test(w[0]) || !isWordChar(lower, i - 1);
    const endsWord = !WORD_CHAR.test(w[w.length - 1]) || !isWordChar(lower, i + w.length);
    if (startsWord && endsWord) return i;
  }
  return -1;
}

const CADENCE_PATTERNS: { cadence: Cadence; re: RegExp }[] = CADENCE_WORDS.map(({ cadence, adjectives, phrases }) => {
  const adj = adjectives.map((a) => escape(a.normalize('NFC'))).join('|');
  const nouns = CADENCE_NOUNS.map((n) => escape(n.normalize('NFC'))).join('|');
  const ph = phrases.map((p) => escape(p.normalize('NFC'))).join('|');
  return { cadence, re: new RegExp(`(?<![\\p{L}\\p{M}])(?:(?:${adj})\\s*(?:${nouns})|(?:${ph})(?![\\p{L}\\p{M}]))`, 'iu') };
});

/** The cadence a decision sets (`ত্রৈমাসিক ভিত্তিতে` quarterly, `অর্ধবার্ষিক ভিত্তিতে` half-yearly,
 * `বার্ষিক ভিত্তিতে` yearly, also `… প্রতিবেদন`): the one said first, or null. */
export function cadenceOf(text: string): Cadence | null {
  const clean = cleanText(text);
  let best: { cadence: Cadence; at: number } | null = null;
  for (const { cadence, re } of CADENCE_PATTERNS) {
    const m = re.exec(clean);
    if (m && (best === null || m.index < best.at)) best = { cadence, at: m.index };
  }
  return best?.cadence ?? null;
}

/** The evidence items a decision asks for: the list after `প্রমাণক হিসেবে` (up to where it is
 * sent), or, when nothing is listed after it, the list before it in the same sentence
 * (`… X ও Y প্রমাণক হিসেবে এ বিভাগে প্রেরণ করতে হবে`); split on `,` `ও` `এবং` `সহ`, each item its
 * head noun. In the order written, each once. */
export function evidenceOf(text: string): string[] {
  const clean = cleanText(text);
  const items: string[] = [];
  for (const { start, end } of sentenceBounds(clean)) {
    const sentence = clean.slice(start, end);
    for (const marker of EVIDENCE_MARKERS) {
      for (let at = findWord(sentence, marker); at >= 0; at = findWord(sentence, marker, at + marker.length)) {
        const after = sentence.slice(at + marker.length);
        const forward = after.slice(0, earliest(after, EVIDENCE_LIST_ENDS));
        let list = splitList(forward);
        if (list.length === 0) {
          const before = sentence.slice(0, at);
          list = splitList(before.slice(latestEnd(before, EVIDENCE_LIST_STARTS)));
        }
        for (const item of list) if (!items.includes(item)) items.push(item);
      }
    }
  }
  return items;
}

/** Offset of the earliest of `words` in `text` (whole words), or the text's length. */
function earliest(text: string, words: string[]): number {
  let best = text.length;
  for (const w of words) {
    const i = findWord(text, w.normalize('NFC'));
    if (i >= 0 && i < best) best = i;
  }
  return best;
}

/** Offset just after the last of `words` in `text` (whole words), or 0. */
function latestEnd(text: string, words: string[]): number {
  let best = 0;
  for (const w of words) {
    const word = w.normalize('NFC');
    for (let i = findWord(text, word); i >= 0; i = findWord(text, word, i + 1)) best = Math.max(best, i + word.length);
  }
  return best;
}

const nfc = (words: string[]) => new Set(words.map((w) => w.normalize('NFC').toLowerCase()));
const SEPARATORS = nfc(EVIDENCE_SEPARATOR_WORDS);
const MODIFIERS = nfc(EVIDENCE_MODIFIER_WORDS);
const LEADING = nfc(EVIDENCE_LEADING_WORDS);
const TRAILING = nfc(EVIDENCE_TRAILING_WORDS);
const SUFFIXES = EVIDENCE_SEPARATOR_SUFFIXES.map((s) => s.normalize('NFC'));
const GENITIVES = EVIDENCE_GENITIVE_ENDINGS.map((s) => s.normalize('NFC'));

/** A list as items: parted by `,` `;` and the separator words and suffixes; each item the
 * words after its last modifier (its head noun), without leading and trailing filler words. */
function splitList(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/[,;،]/)) {
    let words: string[] = [];
    const flush = () => {
      const item = headOf(words);
      if (item && !out.includes(item)) out.push(item);
      words = [];
    };
    for (const raw of chunk.split(/\s+/)) {
      const word = raw.replace(/^[।.:(){}[\]"'“”‘’]+|[।.:(){}[\]"'“”‘’]+$/g, '');
      if (!word) continue;
      if (SEPARATORS.has(word.toLowerCase())) {
        flush();
        continue;
      }
      const suffix = SUFFIXES.find((s) => word.length > s.length + 1 && word.endsWith(s));
      if (suffix) {
        words.push(word.slice(0, -suffix.length));
        flush();
        continue;
      }
      words.push(word);
    }
    flush();
  }
  return out;
}

function headOf(words: string[]): string {
  let from = 0;
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i].toLowerCase();
    if (MODIFIERS.has(w) || GENITIVES.some((g) => w.length > g.length + 1 && w.endsWith(g))) from = i + 1;
  }
  let head = words.slice(from);
  while (head.length > 1 && LEADING.has(head[0].toLowerCase())) head = head.slice(1);
  while (head.length > 1 && TRAILING.has(head[head.length - 1].toLowerCase())) head = head.slice(0, -1);
  const item = head.join(' ').replace(/^[/\-–\s]+|[/\-–\s]+$/g, '');
  return /[\p{L}]/u.test(item) ? item : '';
}
