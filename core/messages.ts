import { formatNumber, toBengaliDigits } from './bengali-digits';

/** Every user-facing text of the product, in Bengali and English, in one place.
 * Templates name their parameters in braces; numbers are written with each language's digits. */
export type Language = 'bn' | 'en';
export interface Bilingual {
  bn: string;
  en: string;
}
export type MessageParam = string | number | Bilingual;

export const MESSAGES = {
  // Problems found in a sheet (SCORING.md §8). The key is the problem's code.
  'no-header': {
    bn: 'এই শিটে কর্মসম্পাদন সূচকের সারণি পাওয়া যায়নি: "কর্মসম্পাদন সূচক" শিরোনামের কলাম নেই।',
    en: 'No table of performance indicators on this sheet: no "কর্মসম্পাদন সূচক" (performance indicator) column header.',
  },
  'missing-column': {
    bn: 'সারণিতে প্রয়োজনীয় কলাম "{column}" পাওয়া যায়নি।',
    en: 'The table has no "{column}" column, which scoring needs.',
  },
  'not-a-value': {
    bn: '"{text}" কোনো মান নয় ({reason}); এই সূচকের স্কোর হবে না।',
    en: '"{text}" is not a value ({reason}); this indicator cannot be scored.',
  },
  'targets-not-monotonic': {
    bn: 'লক্ষ্যমাত্রা এক স্তর থেকে পরের স্তরে ক্রমান্বয়ে নিম্নমুখী নয়: {tier} স্তরের লক্ষ্যমাত্রা {value} আগের স্তরের চেয়ে ভালো; সূচকটি অবৈধ।',
    en: 'Targets do not get worse from tier to tier: the {tier} target {value} is better than the tier before it; the indicator is invalid.',
  },
  'area-weight-mismatch': {
    bn: 'ক্ষেত্র {area}-এর মান {stated}, কিন্তু এর সূচকগুলোর মানের যোগফল {sum}।',
    en: 'Area {area} has weight {stated}, but its indicators\' weights add up to {sum}.',
  },
  'total-weight': {
    bn: 'সকল সূচকের মানের যোগফল {sum}; সাধারণত তা ৫০ বা ১০০ হয়।',
    en: 'The indicator weights add up to {sum}; a plan usually totals 50 or 100.',
  },
  'duplicate-id': {
    bn: 'সূচক {id} একাধিকবার আছে (সারি {other}-এও)।',
    en: 'Indicator {id} appears more than once (also in row {other}).',
  },
  'malformed-id': {
    bn: '"{text}" সঠিক {kind} নম্বর নয় (যেমন {example})।',
    en: '"{text}" is not a well-formed {kind} id (such as {example}).',
  },
  'two-ids-in-cell': {
    bn: 'একটি ঘরে দুটি সূচক লেখা হয়েছে ({ids}); প্রথমটি ধরা হলো। প্রতিটি সূচক আলাদা সারিতে লিখুন।',
    en: 'Two indicators are typed in one cell ({ids}); the first was used. Put each indicator on its own row.',
  },
  'indicator-missing': {
    bn: 'কর্মসম্পাদন সূচকের ঘর খালি; কার্যক্রম "{activity}"-এর নাম ব্যবহার করা হলো।',
    en: 'The performance indicator cell is empty; the activity "{activity}" was used as its name.',
  },
  'unit-missing': {
    bn: 'একক লেখা নেই; লক্ষ্যমাত্রা দেখে একক "{inferred}" ধরা হলো।',
    en: 'No unit is given; from the targets the unit is taken as "{inferred}".',
  },
  'unit-contradicted': {
    bn: 'একক "{stated}" লেখা, কিন্তু লক্ষ্যমাত্রাগুলো {inferred}; লক্ষ্যমাত্রা অনুযায়ী একক "{inferred}" ধরা হলো।',
    en: 'The unit says "{stated}" but the targets are {inferred}s; the unit is taken as "{inferred}" from the targets.',
  },
  'percent-over-100': {
    bn: 'শতাংশ অর্জন {value}% — ১০০%-এর বেশি।',
    en: 'Percent achievement {value}% is above 100%.',
  },
  'date-outside-fy': {
    bn: 'অর্জনের তারিখ {date} অর্থবছর {fy}-এর বাইরে।',
    en: 'Achievement date {date} is outside fiscal year {fy}.',
  },
  'date-in-future': {
    bn: 'অর্জনের তারিখ {date} ভবিষ্যতের তারিখ।',
    en: 'Achievement date {date} is in the future.',
  },
  'no-targets': {
    bn: 'এই সূচকের কোনো স্তরে লক্ষ্যমাত্রা নেই (সব "-"), অথচ "প্রযোজ্য নয়" লেখা নেই।',
    en: 'This indicator has no target in any tier (all "-") and is not marked not applicable.',
  },
  'weight-missing': {
    bn: 'সূচকের মান (ওজন) নেই বা সংখ্যা নয়: "{text}"।',
    en: 'The indicator weight is missing or not a number: "{text}".',
  },
  'remark-says-na': {
    bn: 'মন্তব্যে "প্রযোজ্য নয়" লেখা, কিন্তু অর্জনের ঘর খালি; প্রযোজ্য না হলে অর্জনের ঘরে "প্রযোজ্য নয়" লিখুন।',
    en: 'The remarks say "not applicable" but the achievement is empty; if it does not apply, type প্রযোজ্য নয় in the achievement cell.',
  },
  'office-name-missing': {
    bn: 'দপ্তরের নাম শিটে পাওয়া যায়নি; "{used}" নাম ব্যবহার করা হলো।',
    en: 'The office name was not found on the sheet; "{used}" is used.',
  },
  'file-unreadable': {
    bn: 'ফাইলটি পড়া যায়নি: {reason}',
    en: 'The file could not be read: {reason}',
  },
  'not-a-plan': {
    bn: 'এই শিটটি কোনো কর্মপরিকল্পনা নয়, বাদ দেওয়া হলো: {reason}',
    en: 'This sheet is not a plan and was skipped: {reason}',
  },
  'same-id-different-name': {
    bn: 'সূচক {id}-এর নাম বিভিন্ন দপ্তরে ভিন্ন: "{first}" ও "{other}"।',
    en: 'Indicator {id} has different names in different offices: "{first}" and "{other}".',
  },
  // Reasons for 'not-a-value'.
  'reason.free-text': { bn: 'বিবরণমূলক লেখা', en: 'descriptive text' },
  'reason.impossible-date': { bn: 'অসম্ভব তারিখ', en: 'an impossible date' },
  'reason.bangla-calendar': { bn: 'বঙ্গাব্দের তারিখ, যা স্কোরের জন্য ব্যবহার হয় না', en: 'a Bangla-calendar date, which is never scored' },
  'reason.host-error': { bn: 'সূত্রের ত্রুটি', en: 'a formula error' },
  'reason.date-for-number': { bn: 'সংখ্যা/শতাংশ সূচকে তারিখ', en: 'a date in a count or percent indicator' },
  'reason.number-for-date': { bn: 'তারিখ সূচকে সংখ্যা', en: 'a number in a date indicator' },
  // Words used inside messages.
  'unit.date': { bn: 'তারিখ', en: 'date' },
  'unit.percent': { bn: '%', en: 'percent' },
  'unit.count': { bn: 'সংখ্যা', en: 'count' },
  'column.indicator': { bn: 'কর্মসম্পাদন সূচক', en: 'performance indicator' },
  'column.weight': { bn: 'কর্মসম্পাদন সূচকের মান', en: 'indicator weight' },
  'column.targets': { bn: 'লক্ষ্যমাত্রা', en: 'targets' },
  'column.achievement': { bn: 'অর্জন', en: 'achievement' },
  'id.area': { bn: 'ক্ষেত্র', en: 'area' },
  'id.activity': { bn: 'কার্যক্রম', en: 'activity' },
  'id.indicator': { bn: 'সূচক', en: 'indicator' },
  'tier.excellent': { bn: 'অসাধারণ', en: 'Excellent' },
  'tier.very-good': { bn: 'অতি উত্তম', en: 'Very good' },
  'tier.good': { bn: 'উত্তম', en: 'Good' },
  'tier.fair': { bn: 'চলতি মান', en: 'Fair' },
  'tier.below-fair': { bn: 'চলতি মানের নিম্নে', en: 'Below fair' },
  'tier.not-achieved': { bn: 'লক্ষ্যমাত্রা অর্জিত হয়নি', en: 'Not achieved' },
  'status.pending': { bn: 'অপেক্ষমাণ', en: 'Pending' },
  'status.na': { bn: 'প্রযোজ্য নয়', en: 'Not applicable' },
  'status.invalid': { bn: 'অবৈধ', en: 'Invalid' },
  'severity.error': { bn: 'ত্রুটি', en: 'Error' },
  'severity.warning': { bn: 'সতর্কতা', en: 'Warning' },
  'severity.info': { bn: 'তথ্য', en: 'Info' },
  // Consolidated workbook.
  'sheet.summary': { bn: 'APA সারসংক্ষেপ', en: 'APA Summary' },
  'sheet.indicators': { bn: 'APA সূচকভিত্তিক', en: 'APA Indicators' },
  'sheet.problems': { bn: 'APA সমস্যা', en: 'APA Problems' },
  'report.title': { bn: 'দপ্তরভিত্তিক কর্মসম্পাদন মূল্যায়ন', en: 'Performance of offices' },
  'report.rules': { bn: 'নিয়ম: {mode}; প্রযোজ্য নয়: {na}; {final}', en: 'Rules: {mode}; not applicable: {na}; {final}' },
  'rule.interpolate': { bn: 'স্তরের মাঝে রৈখিক অনুপাত', en: 'linear between tiers' },
  'rule.floor': { bn: 'নিচের স্তরের মান', en: 'worse tier\'s percent' },
  'rule.rescale': { bn: 'মান বাদ দিয়ে পুনর্গণনা', en: 'weight left out' },
  'rule.full': { bn: 'পূর্ণ মান', en: 'full weight' },
  'rule.zero': { bn: 'শূন্য', en: 'zero' },
  'rule.final': { bn: 'চূড়ান্ত মূল্যায়ন (অপেক্ষমাণ = ০)', en: 'final evaluation (pending = 0)' },
  'rule.to-date': { bn: 'এ পর্যন্ত (অপেক্ষমাণ সূচক বাদে)', en: 'to date (pending indicators left out)' },
  'col.rank': { bn: 'ক্রম', en: 'Rank' },
  'col.office': { bn: 'দপ্তর/সংস্থা', en: 'Office' },
  'col.file': { bn: 'ফাইল', en: 'File' },
  'col.sheet': { bn: 'শিট', en: 'Sheet' },
  'col.cell': { bn: 'ঘর', en: 'Cell' },
  'col.score': { bn: 'প্রাপ্ত নম্বর', en: 'Score' },
  'col.max': { bn: 'যার মধ্যে', en: 'Out of' },
  'col.percent': { bn: 'শতাংশ', en: 'Percent' },
  'col.weight': { bn: 'মোট মান', en: 'Plan weight' },
  'col.plan-score': { bn: 'পরিকল্পনার নম্বর', en: 'Plan score' },
  'col.pending': { bn: 'অপেক্ষমাণ', en: 'Pending' },
  'col.na': { bn: 'প্রযোজ্য নয়', en: 'N/A' },
  'col.invalid': { bn: 'অবৈধ', en: 'Invalid' },
  'col.problems': { bn: 'সমস্যা', en: 'Problems' },
  'col.errors': { bn: 'ত্রুটি', en: 'Errors' },
  'col.id': { bn: 'সূচক নং', en: 'Indicator' },
  'col.name': { bn: 'কর্মসম্পাদন সূচক', en: 'Performance indicator' },
  'col.unit': { bn: 'একক', en: 'Unit' },
  'col.indicator-weight': { bn: 'মান', en: 'Weight' },
  'col.offices': { bn: 'দপ্তর সংখ্যা', en: 'Offices' },
  'col.average': { bn: 'গড় নম্বর', en: 'Average score' },
  'col.severity': { bn: 'ধরন', en: 'Severity' },
  'col.code': { bn: 'কোড', en: 'Code' },
  'col.message-bn': { bn: 'বার্তা (বাংলা)', en: 'Message (Bengali)' },
  'col.message-en': { bn: 'বার্তা (ইংরেজি)', en: 'Message (English)' },
  'col.go': { bn: 'উৎস ঘর', en: 'Source cell' },
  'legend': { bn: 'রঙের অর্থ', en: 'Legend' },
  'skipped': { bn: 'বাদ পড়েছে', en: 'Skipped' },
  // ── Add-in workbook commands (addin/src/workbook): add keys above this line ──
  // ── Task pane (addin/src/taskpane): add keys above this line ──
  // ── Custom functions and manifest (addin/src/functions): add keys above this line ──
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

function render(template: string, params: Record<string, MessageParam>, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const p = params[name];
    if (p === undefined) return whole;
    if (typeof p === 'number') return formatNumber(p, language);
    if (typeof p === 'string') return p;
    return p[language];
  });
}

/** A catalogue text in both languages, with its parameters filled in. */
export function message(key: MessageKey, params: Record<string, MessageParam> = {}): Bilingual {
  const t = MESSAGES[key];
  return { bn: render(t.bn, params, 'bn'), en: render(t.en, params, 'en') };
}

export function text(key: MessageKey): Bilingual {
  return MESSAGES[key];
}

/** An id or other digit-bearing text as a parameter: Bengali digits in the Bengali message. */
export function digits(text: string): Bilingual {
  return { bn: toBengaliDigits(text), en: text };
}
