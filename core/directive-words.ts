/**
 * The words of a ministry's minutes (SCORING.md §10), as data: the decision table's headers, the
 * cadences, and the words around the evidence (প্রমাণক) a decision asks for. directive-text.ts and
 * directives.ts read the minutes with these; a new wording is a new entry here.
 */

export type Cadence = 'quarterly' | 'half-yearly' | 'yearly';
export const CADENCES: readonly Cadence[] = ['quarterly', 'half-yearly', 'yearly'];

/** Header words of the decision table's columns, compacted (no spaces, lower case) as
 * `compactText` gives them; a header cell is a column's when its compact text starts with one.
 * The decision column is tried first: `সিদ্ধান্ত` never names a topic. */
export const DECISION_TABLE_HEADERS: { role: 'decision' | 'topic' | 'serial'; words: string[] }[] = [
  { role: 'decision', words: ['সিদ্ধান্তসমূহ', 'সিদ্ধান্ত', 'গৃহীতসিদ্ধান্ত', 'decisions', 'decision', 'decisionstaken'] },
  {
    role: 'topic',
    words: ['আলোচনারবিষয়', 'আলোচ্যবিষয়', 'আলোচনাবিষয়', 'আলোচনা', 'বিষয়', 'কর্মসম্পাদনসূচক', 'সূচক', 'topicofdiscussion', 'topic', 'agenda', 'discussion', 'subject', 'performanceindicator', 'indicator'],
  },
  { role: 'serial', words: ['ক্রমিকনং', 'ক্রমিক', 'ক্রনং', 'ক্র.নং', 'ক্রম', 'নং', 'sl.no', 'slno', 'sl', 'serial', 'no.', 'no'] },
];

/** A cadence is said by its word followed by one of `CADENCE_NOUNS` (`ত্রৈমাসিক ভিত্তিতে`,
 * `অর্ধবার্ষিক প্রতিবেদন`) or by a phrase of its own (`প্রতি ত্রৈমাসিকে`, `quarterly`). A bare
 * `বার্ষিক` is not a cadence: `বার্ষিক কর্মসম্পাদন চুক্তি` is the annual agreement. */
export const CADENCE_WORDS: { cadence: Cadence; adjectives: string[]; phrases: string[] }[] = [
  {
    cadence: 'quarterly',
    adjectives: ['ত্রৈমাসিক', 'প্রান্তিক', 'কোয়ার্টারলি', 'ত্রৈমাসিকভিত্তিক'],
    phrases: ['প্রতি ত্রৈমাসিকে', 'প্রতি প্রান্তিকে', 'প্রতি কোয়ার্টারে', 'তিন মাস পর পর', 'quarterly', 'every quarter'],
  },
  {
    cadence: 'half-yearly',
    adjectives: ['অর্ধবার্ষিক', 'ষাণ্মাসিক', 'ষান্মাসিক'],
    phrases: ['ছয় মাস পর পর', 'প্রতি ছয় মাসে', 'half-yearly', 'half yearly', 'semi-annual', 'semi-annually', 'six-monthly', 'every six months'],
  },
  {
    cadence: 'yearly',
    adjectives: ['বার্ষিক', 'বাৎসরিক', 'বাৎসরিক'],
    phrases: ['বছরে একবার', 'প্রতি বছর', 'yearly', 'annually', 'annual report'],
  },
];
/** What follows a cadence word to make it a cadence. */
export const CADENCE_NOUNS = ['ভিত্তিতে', 'ভিত্তিক', 'প্রতিবেদন', 'রিপোর্ট'];

/** The phrase that introduces or closes the evidence list of a decision. */
export const EVIDENCE_MARKERS = ['প্রমাণক হিসেবে', 'প্রমাণক হিসাবে', 'প্রমানক হিসেবে', 'প্রমাণক হিসেবে', 'প্রমাণক হিসেবে', 'as evidence'];

/** Where a list after the marker ends: the sending (or making) and its destination. The
 * earliest of them ends the list. */
export const EVIDENCE_LIST_ENDS = [
  'প্রণয়ন করে',
  'প্রণয়নপূর্বক',
  'প্রস্তুত করে',
  'প্রস্তুতপূর্বক',
  'প্রেরণ',
  'দাখিল',
  'জমা দিতে',
  'পাঠাতে',
  'এ বিভাগে',
  'এ মন্ত্রণালয়ে',
  'মন্ত্রণালয়/বিভাগে',
  'মন্ত্রণালয়ে',
  'বিভাগে',
  'দপ্তরে',
  'অধিদপ্তরে',
  'কার্যালয়ে',
  'ই-মেইলে',
  'ইমেইলে',
  'to the ministry',
  'to the division',
  'must be sent',
  'shall be sent',
  'should be sent',
];

/** Where a list before the marker (`… X ও Y প্রমাণক হিসেবে প্রেরণ করতে হবে`) begins: after the last
 * of these, a clause that is not the list has ended. */
export const EVIDENCE_LIST_STARTS = ['অনুযায়ী', 'বিষয়ে', 'কিনা', 'করা হয়েছে', 'হয়েছে', 'করবেন', 'করতে হবে', 'করে', 'হবে', ':', ';', '-', '–', '—'];

/** The words that part the items of a list (whole words), and the suffix that does
 * (`বিশ্লেষণসহ` = with the analysis). */
export const EVIDENCE_SEPARATOR_WORDS = ['ও', 'এবং', 'সহ', 'and', 'with'];
export const EVIDENCE_SEPARATOR_SUFFIXES = ['সহ'];

/** An item is its head noun: the words after the last of these (a genitive `…এর`, or a
 * postposition: `সেবা চালুর অফিস আদেশ` → অফিস আদেশ, `সেবা সংক্রান্ত প্রত্যয়ন` → প্রত্যয়ন). */
export const EVIDENCE_MODIFIER_WORDS = ['এর', '-এর', 'সংক্রান্ত', 'বিষয়ক', 'অনুযায়ী', 'মাধ্যমে', 'ভিত্তিতে', 'হতে', 'থেকে', 'of'];
/** Genitive endings of a word (`বাস্তবায়নের`, `সেবার`, `চালুর`). Not `ির`/`ীর`: `স্থির চিত্র`. */
export const EVIDENCE_GENITIVE_ENDINGS = ['ের', 'ার', 'ুর', 'ূর', 'োর', 'য়ের'];
/** Words an item does not start or end with (`উক্ত …`, `… উল্লেখ`). */
export const EVIDENCE_LEADING_WORDS = ['উক্ত', 'এ', 'ঐ', 'সংশ্লিষ্ট', 'সকল', 'প্রয়োজনীয়', 'the', 'a', 'an'];
export const EVIDENCE_TRAILING_WORDS = ['উল্লেখ', 'সংযুক্ত'];
