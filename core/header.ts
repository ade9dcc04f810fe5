import { toAsciiDigits } from './bengali-digits';
import type { Tier } from './plan';
import { compactText, nfcRegExp } from './text';

/** What a table column holds, recognised from its header words (SCORING.md §1), in Bengali
 * as offices write them and in English as the English APA forms do. */
export type ColumnRole =
  | 'serial'
  | 'area'
  | 'area-weight'
  | 'activity'
  | 'indicator'
  | 'unit'
  | 'weight'
  | 'label'
  | 'tier'
  | 'target'
  | 'achievement'
  | 'history'
  | 'projection'
  | 'remarks'
  | 'other';

// Matched against compact text (no spaces, lower case). Longer tier names first: অতি উত্তম
// contains উত্তম, চলতি মানের নিম্নে contains চলতি মান.
const TIER_NAMES: [Tier, RegExp][] = [
  // With the abbreviations offices type in narrow columns (চ. মান, অ. উত্তম, V. Good).
  ['below-fair', nfcRegExp('^(চলতিমানেরনিম্নে|চলতিমানেরনীচে|চ\\.?মানেরনিম্নে|belowfair|poor)$')],
  ['very-good', nfcRegExp('^(অতিউত্তম|অ\\.?উত্তম|verygood|v\\.?good)$')],
  ['excellent', nfcRegExp('^(অসাধারণ|অসা\\.?|excellent|outstanding)$')],
  ['good', nfcRegExp('^(উত্তম|good)$')],
  ['fair', nfcRegExp('^(চলতিমান|চ\\.?মান|fair)$')],
];

/** Header texts repeat from sheet to sheet (every office fills the same form), and each is
 * tried against a dozen expressions on every pass over the header: the answers are kept, a
 * bounded number of them per question (each a pure function of the text, so nothing else
 * changes). Not the cover lines: they name each office, so every sheet would add its own. */
const MEMO_LIMIT = 4096;

function remembered<T>(answer: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    if (known.size >= MEMO_LIMIT) known.clear();
    const value = answer(text);
    known.set(text, value);
    return value;
  };
}

export const tierOfHeader = remembered((compact: string): Tier | null => {
  for (const [tier, re] of TIER_NAMES) if (re.test(compact)) return tier;
  return null;
});

const INDICATOR = nfcRegExp('^(কর্মসম্পাদনসূচক(সমূহ)?|কর্ম\\.?সূচক|সূচক(সমূহ)?|performanceindicators?|keyperformanceindicators?|kpis?|indicators?)$');
const RULES: [ColumnRole, RegExp][] = [
  ['serial', nfcRegExp('^(ক্রম|ক্রঃ?\\.?ম|ক্রমিক(নং|নম্বর)?\\.?|ক্রঃ?\\.?নং|sl\\.?(no\\.?)?|serial(no\\.?)?|no\\.?|#)$')],
  ['label', nfcRegExp('^(লক্ষ্য(মাত্রা)?/অর্জন|target/achievements?)$')],
  ['weight', nfcRegExp('সূচকেরমান|weightof(the)?performanceindicators?|indicatorweight|^weight$')],
  ['area-weight', nfcRegExp('^মান$|উদ্দেশ্যেরমান|ক্ষেত্রেরমান|weightof(the)?strategicobjectives?|weightof(the)?area|areaweight')],
  ['area', nfcRegExp('কর্মসম্পাদনক্ষেত্র|কৌশলগতউদ্দেশ্য|^উদ্দেশ্য$|^ক্ষেত্র$|strategicobjectives?|performancearea')],
  ['activity', nfcRegExp('^কার্যক্রম|^কার্য\\.?$|^activit')],
  ['unit', nfcRegExp('^একক|^unit')],
  ['projection', nfcRegExp('প্রক্ষেপণ|projection')],
  ['history', nfcRegExp('প্রকৃতঅর্জন|actualachievement')],
  ['achievement', nfcRegExp('অর্জন|অগ্রগতি|achievement|progress')],
  ['target', nfcRegExp('^লক্ষ্যমাত্রা|^লক্ষ্য$|^target|নির্ণায়ক')],
  ['remarks', nfcRegExp('মন্তব্য|^মন্ত\\.?$|remark|comment')],
];

export function isIndicatorHeader(compact: string): boolean {
  return roleOfHeader(compact) === 'indicator';
}

/** The role a header text names, or null when it names none. */
export function roleOfHeader(compact: string): ColumnRole | null {
  if (compact.length === 0 || compact.length > 80) return null;
  return rememberedRole(compact);
}

const rememberedRole = remembered((compact: string) => roleOfHeaderUncached(compact));

function roleOfHeaderUncached(compact: string): ColumnRole | null {
  if (INDICATOR.test(compact)) return 'indicator';
  if (tierOfHeader(compact)) return 'tier';
  for (const [role, re] of RULES) if (re.test(compact)) return role;
  return null;
}

const QUARTER_WORDS: [number, RegExp][] = [
  [1, nfcRegExp('(১ম|1ম|প্রথম|1st|first)(ত্রৈমাসিক|কোয়ার্টার|প্রান্তিক|quarter)|q1\\b|quarter-?1')],
  [2, nfcRegExp('(২য়|2য়|দ্বিতীয়|2nd|second)(ত্রৈমাসিক|কোয়ার্টার|প্রান্তিক|quarter)|q2\\b|quarter-?2')],
  [3, nfcRegExp('(৩য়|3য়|তৃতীয়|3rd|third)(ত্রৈমাসিক|কোয়ার্টার|প্রান্তিক|quarter)|q3\\b|quarter-?3')],
  [4, nfcRegExp('(৪র্থ|4র্থ|চতুর্থ|4th|fourth)(ত্রৈমাসিক|কোয়ার্টার|প্রান্তিক|quarter)|q4\\b|quarter-?4')],
];

/** The quarter a text names (`২য় কোয়ার্টারে অর্জন`, `Q3`), or null. */
export function quarterOfText(text: string): number | null {
  const c = compactText(text);
  for (const [q, re] of QUARTER_WORDS) if (re.test(c)) return q;
  return null;
}

const CUMULATIVE = nfcRegExp('ক্রমপুঞ্জিত|ক্রমপুঞ্জীভূত|ক্রমযোজিত|cumulative|মোটঅর্জন|totalachievement|বার্ষিকঅর্জন|অর্ধবার্ষিক|todate');

export const isCumulativeHeader = remembered((compact: string): boolean => CUMULATIVE.test(compact));

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
