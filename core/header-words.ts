import type { Tier } from './tiers';

/**
 * The words offices put in a table's header cells, one vocabulary per column role (SCORING.md §1),
 * in Bengali and English, with the variants offices type: abbreviations for narrow columns,
 * misspellings, inflected forms. Data only: `header.ts` matches a header cell against these.
 *
 * Each entry is written as offices write it; matching compares it in compact form (lower case,
 * no spaces or punctuation but `/`, `%`, `#`). An entry matches
 *  - `part`: anywhere in the cell (`লক্ষ্যমাত্রা` in `২০২০-২০২১ অর্থবছরের লক্ষ্যমাত্রা`), or
 *  - `word`: as whole words only (`মান`, `No.`, `একক`: short words that occur inside others).
 * The longest entry found names the cell's role (`কর্মসম্পাদন সূচকের মান` is a weight, not an
 * indicator); ties go to the role listed first in `ROLE_ORDER`.
 */

export type HeaderRole =
  | 'serial'
  | 'area'
  | 'area-weight'
  | 'activity'
  | 'indicator'
  | 'unit'
  | 'weight'
  /** A bare `মান` / `Weight`: the area's weight or the indicator's, as the columns around decide. */
  | 'weight-ambiguous'
  /** `লক্ষ্যমাত্রা`, `নির্ণায়ক`, `Target`: one target column, or the heading over the tiers. */
  | 'target'
  | 'tier'
  /** The row-pair column that says which row is the target and which the achievement. */
  | 'label'
  | 'achievement'
  /** `প্রকৃত অর্জন`: this year's achievement, or a past year's (history), as its year and place decide. */
  | 'actual'
  | 'history'
  /** A column under an achievement heading: a quarter (`১ম কোয়ার্টার`, `1ম`) or a bare total (`মোট`). */
  | 'quarter'
  | 'projection'
  | 'remarks'
  | 'evidence'
  /** Columns the reader knows and leaves alone (calculation method, responsible branch). */
  | 'ignored';

export interface VocabularyEntry {
  text: string;
  match: 'part' | 'word';
}

const part = (...texts: string[]): VocabularyEntry[] => texts.map((text) => ({ text, match: 'part' }));
const word = (...texts: string[]): VocabularyEntry[] => texts.map((text) => ({ text, match: 'word' }));

/** Ties between entries of the same length go to the role listed first. */
export const ROLE_ORDER: HeaderRole[] = [
  'label',
  'weight',
  'area-weight',
  'tier',
  'indicator',
  'area',
  'activity',
  'unit',
  'history',
  'actual',
  'achievement',
  'quarter',
  'target',
  'projection',
  'remarks',
  'evidence',
  'serial',
  'weight-ambiguous',
  'ignored',
];

export const VOCABULARY: Record<Exclude<HeaderRole, 'tier' | 'quarter'>, VocabularyEntry[]> = {
  serial: [
    ...word('ক্রম', 'ক্রমিক', 'ক্রমিক নং', 'ক্রমিক নম্বর', 'ক্রমিক সংখ্যা', 'ক্র নং', 'ক্রম নং', 'ক্রঃ নং', 'ক্র', 'নং'),
    ...word('sl', 'sl no', 'serial', 'serial no', 'no', '#', 's no'),
  ],
  area: [
    ...part('কর্মসম্পাদন ক্ষেত্র', 'কর্মসম্পাদনের ক্ষেত্র', 'কৌশলগত উদ্দেশ্য', 'কৌশলগত উদ্দেশ্যসমূহ'),
    ...word('উদ্দেশ্য', 'ক্ষেত্র', 'কর্ম ক্ষেত্র'),
    ...part('strategic objective', 'performance area', 'area of performance', 'area of action'),
  ],
  'area-weight': [
    ...part('ক্ষেত্রের মান', 'উদ্দেশ্যের মান', 'কৌশলগত উদ্দেশ্যের মান', 'কর্মসম্পাদন ক্ষেত্রের মান', 'ক্ষেত্র এর মান', 'উদ্দেশ্য এর মান'),
    ...part('weight of strategic objective', 'weight of the strategic objective', 'weight of area', 'area weight', 'objective weight'),
  ],
  activity: [...part('কার্যক্রম', 'কার্যক্রমসমূহ', 'activity', 'activities'), ...word('কার্য')],
  indicator: [
    ...part('কর্মসম্পাদন সূচক', 'কর্মসম্পাদন সূচকসমূহ', 'কর্মসম্পাদন সুচক'),
    ...word('সূচক', 'সূচকসমূহ', 'সুচক', 'কর্ম সূচক', 'কর্মসম্পাদনসূচক'),
    ...part('performance indicator', 'key performance indicator'),
    ...word('indicator', 'indicators', 'kpi', 'kpis', 'pi', 'pis'),
  ],
  unit: [...word('একক', 'এককসমূহ', 'unit', 'units', 'unit of measurement')],
  weight: [
    ...part('কর্মসম্পাদন সূচকের মান', 'কর্মসম্পাদন সূচক এর মান', 'সূচকের মান', 'সূচক এর মান', 'সূচকএর মান', 'সুচকের মান', 'কর্মসম্পাদন সূচকের ওজন', 'সূচকের ওজন'),
    ...part('weight of performance indicator', 'weight of the performance indicator', 'weight of pi', 'weight of indicator', 'indicator weight', 'pi weight', 'weight of the indicator'),
  ],
  'weight-ambiguous': [...word('মান', 'ওজন', 'weight', 'weights')],
  target: [
    ...part('লক্ষ্যমাত্রা', 'লক্ষমাত্রা', 'লক্ষ্যমাত্রাসমূহ', 'নির্ণায়ক', 'নির্ধারক'),
    ...word('লক্ষ্য', 'লক্ষ্যঃ'),
    ...part('target', 'criteria value', 'target value'),
  ],
  label: [
    ...part('লক্ষ্যমাত্রা/অর্জন', 'লক্ষ্যমাত্রা/প্রকৃত অর্জন', 'লক্ষ্যমাত্রা/অগ্রগতি', 'লক্ষ্য/অর্জন', 'লক্ষমাত্রা/অর্জন'),
    ...part('target/achievement', 'target/actual', 'target/progress', 'target /achievement'),
  ],
  achievement: [...part('অর্জন', 'অগ্রগতি', 'অর্জিত', 'achievement', 'achieved', 'progress')],
  actual: [...part('প্রকৃত অর্জন', 'actual achievement', 'actual')],
  history: [...part('বিগত বছরের অর্জন', 'পূর্ববর্তী বছরের অর্জন', 'গত বছরের অর্জন', 'previous year', 'last year')],
  projection: [...part('প্রক্ষেপণ', 'প্রক্ষেপন', 'projection')],
  remarks: [...part('মন্তব্য', 'remark', 'comment'), ...word('মন্ত', 'মন্তব্যঃ')],
  evidence: [...part('প্রমাণক', 'প্রমাণপত্র', 'প্রমানক', 'evidence', 'supporting document'), ...word('প্রমাণ')],
  ignored: [
    ...part('গণনা পদ্ধতি', 'গণনাপদ্ধতি', 'calculation method', 'দায়িত্বপ্রাপ্ত', 'বাস্তবায়নকারী', 'responsible'),
    ...word('পদ্ধতি', 'method', 'শাখা'),
  ],
};

/** Tier names (SCORING.md §2), as offices abbreviate them in narrow columns. */
export const TIER_WORDS: [Tier, VocabularyEntry[]][] = [
  ['excellent', [...part('অসাধারণ', 'অসাধারন', 'excellent', 'outstanding'), ...word('অসা')]],
  ['very-good', [...part('অতি উত্তম', 'অতিউত্তম', 'very good'), ...word('অ উত্তম', 'v good', 'vgood')]],
  ['good', [...part('উত্তম', 'good')]],
  ['fair', [...part('চলতি মান', 'fair'), ...word('চ মান')]],
  ['below-fair', [...part('চলতি মানের নিম্নে', 'চলতি মানের নীচে', 'চলতি মানের নিচে', 'চলতিমানের নিম্নে', 'below fair', 'poor'), ...word('চ মানের নিম্নে')]],
];

/** Quarter words (SCORING.md §1): `প্রান্তিক` and `কোয়ার্টার` mean the same as `ত্রৈমাসিক`. */
export const QUARTER_NOUNS = ['ত্রৈমাসিক', 'ত্রৈমাসিকে', 'ত্রৈমাসিকের', 'কোয়ার্টার', 'কোয়ার্টারে', 'কোয়ার্টারের', 'কোয়াটার', 'কোয়াটারে', 'কোয়ার্টার', 'কো', 'প্রান্তিক', 'প্রান্তিকে', 'quarter', 'qtr', 'q'];
export const QUARTER_ORDINALS: [number, string[]][] = [
  [1, ['১ম', '1ম', 'প্রথম', '1st', 'first', 'q1']],
  [2, ['২য়', '2য়', 'দ্বিতীয়', '2nd', 'second', 'q2']],
  [3, ['৩য়', '3য়', 'তৃতীয়', '3rd', 'third', 'q3']],
  [4, ['৪র্থ', '4র্থ', 'চতুর্থ', '4th', 'fourth', 'q4']],
];

/** A total beside the quarters: the achievement to score (SCORING.md §7). */
export const CUMULATIVE_WORDS = [
  ...part('ক্রমপুঞ্জিত', 'ক্রমপুঞ্জীভূত', 'ক্রমপুঞ্জিভূত', 'ক্রমযোজিত', 'মোট অর্জন', 'সর্বমোট অর্জন', 'বার্ষিক অর্জন', 'cumulative', 'total achievement', 'to date', 'annual achievement'),
  ...word('মোট', 'সর্বমোট', 'total'),
];

/** What the pair-label column of a row-pair sheet says on each row of a pair. */
export const PAIR_LABELS = {
  target: ['লক্ষ্যমাত্রা', 'লক্ষ্য', 'লক্ষমাত্রা', 'target', 'targets'],
  achievement: ['অর্জন', 'প্রকৃত অর্জন', 'অগ্রগতি', 'achievement', 'achievements', 'actual', 'progress'],
};
