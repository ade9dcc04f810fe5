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
  'wb.empty-sheet': { bn: 'শিটটি খালি।', en: 'The sheet is empty.' },
  'wb.no-plan': {
    bn: 'শিট "{sheet}"-এ কোনো কর্মপরিকল্পনার সারণি পাওয়া যায়নি: {reason}',
    en: 'No plan table was found on sheet "{sheet}": {reason}',
  },
  'wb.columns-added': {
    bn: 'শিট "{sheet}"-এ {count}টি সূচকের স্কোর ও স্তরের কলাম ({columns}) যোগ হয়েছে; সূত্রগুলো নিজে থেকেই হালনাগাদ হয়।',
    en: 'Score and tier columns ({columns}) added for {count} indicators on sheet "{sheet}"; the formulas keep themselves up to date.',
  },
  'wb.highlighted': {
    bn: 'শিট "{sheet}"-এর {count}টি অর্জনের ঘর স্তর অনুযায়ী রঙ করা হয়েছে (শর্তসাপেক্ষ বিন্যাসে; আপনার নিজের রঙ অপরিবর্তিত)। অর্জন বদলালে রঙও বদলাবে।',
    en: '{count} achievement cells on sheet "{sheet}" are coloured by tier (with conditional formats; your own fills are untouched). The colours follow the achievements as they change.',
  },
  'wb.removed': {
    bn: 'APA Sheets-এর যোগ করা সব সরানো হয়েছে: {sheets}টি শিট, {cells}টি ঘর, {rules}টি রঙের নিয়ম। আপনার নিজের তথ্য ও বিন্যাস অপরিবর্তিত।',
    en: 'Removed everything APA Sheets added: {sheets} sheets, {cells} cells, {rules} colour rules. Your own data and formatting are unchanged.',
  },
  'wb.nothing-to-remove': { bn: 'এই ওয়ার্কবুকে APA Sheets-এর যোগ করা কিছু নেই।', en: 'APA Sheets has added nothing to this workbook.' },
  'wb.file-failed': { bn: 'ফাইল "{file}" যোগ করা যায়নি: {reason}', en: 'The file "{file}" could not be added: {reason}' },
  'wb.file-not-xlsx': { bn: 'এটি .xlsx ওয়ার্কবুক নয়', en: 'it is not an .xlsx workbook' },
  'wb.file-too-large': {
    bn: 'ফাইলটি {size} MB; Excel একবারে প্রায় ৫ MB পর্যন্ত নিতে পারে',
    en: 'the file is {size} MB; Excel takes about 5 MB at a time',
  },
  'wb.host-error': { bn: 'Excel জানিয়েছে: {detail}', en: 'Excel reported: {detail}' },
  'wb.sheet-unreadable': { bn: 'শিটটি পড়া যায়নি ({detail})', en: 'the sheet could not be read ({detail})' },
  'wb.inserted-not-plan': {
    bn: '"{file}" ফাইলের এই শিটে কোনো কর্মপরিকল্পনা নেই, তাই শিটটি রাখা হয়নি: {reason}',
    en: 'This sheet of "{file}" holds no plan, so it was not kept: {reason}',
  },
  // ── Add-in workbook commands (addin/src/workbook): add keys above this line ──
  'ui.title': { bn: 'APA শিট', en: 'APA Sheets' },
  'ui.language': { bn: 'ভাষা', en: 'Language' },
  // Each language is named in itself, whatever the pane's language.
  'ui.language.bn': { bn: 'বাংলা', en: 'বাংলা' },
  'ui.language.en': { bn: 'English', en: 'English' },
  'ui.sections': { bn: 'কাজ', en: 'Tasks' },
  'ui.tab.check': { bn: 'শিট যাচাই', en: 'Check sheet' },
  'ui.tab.columns': { bn: 'স্কোর কলাম', en: 'Scores' },
  'ui.tab.highlight': { bn: 'স্তরের রং', en: 'Highlight' },
  'ui.tab.next': { bn: 'কী প্রয়োজন', en: 'What is needed' },
  'ui.tab.consolidate': { bn: 'একত্রীকরণ', en: 'Consolidate' },
  'ui.tab.files': { bn: 'দপ্তরের ফাইল', en: 'Add files' },
  'ui.busy': { bn: 'চলছে…', en: 'Working…' },
  'ui.cancel': { bn: 'বাতিল করুন', en: 'Cancel' },
  'ui.dismiss': { bn: 'বন্ধ করুন', en: 'Dismiss' },
  'ui.error.title': { bn: 'কাজটি সম্পন্ন হয়নি', en: 'That did not work' },
  'ui.error.unknown': { bn: 'অজানা ত্রুটি', en: 'Unknown error' },
  'ui.percent': { bn: '{value}%', en: '{value}%' },
  'ui.none': { bn: '—', en: '—' },
  'ui.list-separator': { bn: ', ', en: ', ' },
  'ui.check.intro': { bn: 'সক্রিয় শিটের কর্মপরিকল্পনা পড়ে নম্বর, স্তর ও সমস্যাগুলো দেখায়।', en: 'Reads the plan on the active sheet and shows its score, tiers and problems.' },
  'ui.check.run': { bn: 'এই শিট যাচাই করুন', en: 'Check this sheet' },
  'ui.check.no-plan': { bn: 'শিট "{sheet}"-এ কোনো কর্মপরিকল্পনা পাওয়া যায়নি।', en: 'No plan was found on sheet "{sheet}".' },
  'ui.check.result': { bn: 'যাচাইয়ের ফল', en: 'Result of the check' },
  'ui.field.fiscal-year': { bn: 'অর্থবছর', en: 'Fiscal year' },
  'ui.field.quarter': { bn: 'ত্রৈমাসিক', en: 'Quarter' },
  'ui.field.layout': { bn: 'সারণির ধরন', en: 'Table layout' },
  'ui.field.total': { bn: 'মোট নম্বর', en: 'Total score' },
  'ui.field.counts': { bn: 'সূচকের অবস্থা', en: 'Indicators' },
  'ui.not-stated': { bn: 'উল্লেখ নেই', en: 'not stated' },
  'ui.quarter': { bn: '{quarter} নং ত্রৈমাসিক', en: 'Quarter {quarter}' },
  'ui.layout.five-tier': { bn: 'পাঁচ স্তরের লক্ষ্যমাত্রা', en: 'Five-tier targets' },
  'ui.layout.three-tier': { bn: 'তিন স্তরের লক্ষ্যমাত্রা', en: 'Three-tier targets' },
  'ui.layout.single-target': { bn: 'একটি বার্ষিক লক্ষ্যমাত্রা', en: 'Single annual target' },
  'ui.layout.row-pairs': { bn: 'লক্ষ্যমাত্রা ও অর্জনের সারি-জোড়া', en: 'Target/achievement row pairs' },
  'ui.total.value': { bn: '{max}-এর মধ্যে {score}', en: '{score} out of {max}' },
  'ui.check.to-date': { bn: 'এটি এ পর্যন্ত অর্জিত শতাংশ: অপেক্ষমাণ ও অবৈধ সূচকগুলো এখনো হিসাবে ধরা হয়নি।', en: 'This is the percent to date: pending and invalid indicators are not counted yet.' },
  'ui.check.no-percent': { bn: 'এখনো কোনো সূচকের নম্বর হিসাব করা যায়নি।', en: 'No indicator could be scored yet.' },
  'ui.check.indicators': { bn: 'সূচকসমূহ ({count})', en: 'Indicators ({count})' },
  'ui.check.problems': { bn: 'সমস্যা ({count})', en: 'Problems ({count})' },
  'ui.check.no-problems': { bn: 'কোনো সমস্যা পাওয়া যায়নি।', en: 'No problems found.' },
  'ui.check.go-to': { bn: 'ঘর {cell}-এ যান', en: 'Go to cell {cell}' },
  'ui.check.whole-sheet': { bn: 'পুরো শিট', en: 'whole sheet' },
  'ui.indicator.detail': { bn: 'মান {weight} · নম্বর {score}', en: 'weight {weight} · score {score}' },
  'ui.columns.intro': { bn: 'সারণির পাশে প্রতিটি সূচকের নম্বর ও স্তরের কলাম যোগ করে। কলামগুলো =APA.* সূত্র, তাই শিট বদলালে নিজে থেকেই হালনাগাদ হয়।', en: 'Adds each indicator\'s score and tier columns next to the table. They are =APA.* formulas, so they update when the sheet changes.' },
  'ui.columns.run': { bn: 'স্কোর কলাম যোগ করুন', en: 'Add score columns' },
  'ui.highlight.intro': { bn: 'অর্জনের ঘরগুলো স্তর অনুযায়ী রং করে; মান বদলালে রংও বদলায়।', en: 'Colours the achievement cells by tier; the colours follow when the values change.' },
  'ui.highlight.run': { bn: 'স্তর অনুযায়ী রং করুন', en: 'Highlight tiers' },
  'ui.highlight.remove': { bn: 'অ্যাড-ইনের যোগ করা সব সরান', en: 'Remove what the add-in added' },
  'ui.highlight.remove-note': { bn: 'রং, স্কোর কলাম ও একত্রীকরণের শিট সরানো হয়; আপনার লেখা কোনো কিছু বদলায় না।', en: 'Removes the colours, score columns and consolidation sheets; nothing you typed is changed.' },
  'ui.next.intro': { bn: 'প্রতিটি সূচকের পরের স্তরে ও সর্বোচ্চ স্তরে পৌঁছাতে কত অর্জন প্রয়োজন।', en: 'What each indicator needs to reach its next tier and the top tier.' },
  'ui.next.run': { bn: 'কী প্রয়োজন দেখুন', en: 'Show what is needed' },
  'ui.next.today': { bn: 'আজ {date}', en: 'Today is {date}' },
  'ui.next.none': { bn: 'সব সূচক সর্বোচ্চ স্তরে আছে, অথবা স্কোর করা যায় না।', en: 'Every indicator is at the top tier already or cannot be scored.' },
  'ui.next.now': { bn: 'এখন', en: 'Now' },
  'ui.next.next': { bn: 'পরের স্তর', en: 'Next tier' },
  'ui.next.top': { bn: 'সর্বোচ্চ স্তর', en: 'Top tier' },
  'ui.next.target': { bn: '{tier}: {value}', en: '{tier}: {value}' },
  'ui.days.left': { bn: '{days} দিন বাকি', en: '{days} days left' },
  'ui.days.one-left': { bn: '১ দিন বাকি', en: '1 day left' },
  'ui.days.today': { bn: 'আজই শেষ দিন', en: 'Today is the last day' },
  'ui.days.passed': { bn: '{days} দিন আগে পেরিয়ে গেছে', en: 'Passed {days} days ago' },
  'ui.days.one-passed': { bn: '১ দিন আগে পেরিয়ে গেছে', en: 'Passed 1 day ago' },
  'ui.consolidate.intro': { bn: 'প্রতিটি ট্যাবকে একটি দপ্তর ধরে নম্বর দেয়, তারপর সারসংক্ষেপ, সূচকভিত্তিক ও সমস্যার শিট এবং একটি চার্ট লেখে।', en: 'Scores every tab as one office, then writes the summary, per-indicator and problems sheets and a chart.' },
  'ui.consolidate.run': { bn: 'একত্র করুন', en: 'Consolidate' },
  'ui.progress.label': { bn: 'অগ্রগতি', en: 'Progress' },
  'ui.progress.count': { bn: '{total}টির মধ্যে {done}টি সম্পন্ন', en: '{done} of {total} done' },
  'ui.progress.starting': { bn: 'শুরু হচ্ছে…', en: 'Starting…' },
  'ui.consolidate.cancelled': { bn: 'বাতিল করা হয়েছে; ওয়ার্কবুক আগের মতোই আছে।', en: 'Cancelled; the workbook is as it was.' },
  'ui.consolidate.done': { bn: '{count}টি দপ্তর একত্র করা হয়েছে।', en: '{count} offices consolidated.' },
  'ui.consolidate.ranked': { bn: 'দপ্তরের ক্রম ({count})', en: 'Offices ranked ({count})' },
  'ui.consolidate.no-offices': { bn: 'কোনো ট্যাবে কর্মপরিকল্পনা পাওয়া যায়নি।', en: 'No tab holds a plan.' },
  'ui.consolidate.skipped': { bn: 'বাদ পড়া ট্যাব ({count})', en: 'Skipped tabs ({count})' },
  'ui.consolidate.written': { bn: 'লেখা শিট: {sheets}', en: 'Sheets written: {sheets}' },
  'ui.to-date-short': { bn: 'এ পর্যন্ত', en: 'to date' },
  'ui.files.intro': { bn: 'দপ্তরগুলোর .xlsx ফাইল এই ওয়ার্কবুকে ট্যাব হিসেবে যোগ করে, তারপর সব একত্র করে।', en: 'Adds the offices\' .xlsx files to this workbook as tabs, then consolidates them all.' },
  'ui.files.pick': { bn: '.xlsx ফাইল বাছাই করুন', en: 'Choose .xlsx files' },
  'ui.files.drop': { bn: 'অথবা ফাইলগুলো এখানে টেনে এনে ছাড়ুন', en: 'or drag the files here and drop them' },
  'ui.files.drop-zone': { bn: 'দপ্তরের .xlsx ফাইল রাখার জায়গা', en: 'Drop zone for the offices\' .xlsx files' },
  'ui.files.reading': { bn: 'ফাইল পড়া হচ্ছে…', en: 'Reading the files…' },
  'ui.files.not-xlsx': { bn: '.xlsx ফাইল নয়', en: 'not an .xlsx file' },
  'ui.files.read-failed': { bn: 'ফাইলটি পড়া যায়নি', en: 'the file could not be read' },
  'ui.files.failed': { bn: 'যোগ করা যায়নি ({count})', en: 'Not added ({count})' },
  'ui.files.inserted': { bn: 'যোগ করা হয়েছে ({count})', en: 'Added ({count})' },
  'ui.files.none-valid': { bn: 'কোনো .xlsx ফাইল পাওয়া যায়নি।', en: 'No .xlsx file was given.' },
  'ui.error.no-excel': { bn: 'Excel পাওয়া যায়নি: এই প্যানটি Excel-এর ভেতরে খুলুন। কারণ: {detail}', en: 'Excel is not available: open this pane inside Excel; cause: {detail}' },
  'ui.error.no-sheets': { bn: 'Google Sheets পাওয়া যায়নি: এই সাইডবারটি Google Sheets-এর APA মেনু থেকে খুলুন। কারণ: {detail}', en: 'Google Sheets is not available: open this sidebar from the APA menu in Google Sheets; cause: {detail}' },
  'ui.files.not-in-sheets': { bn: 'Google Sheets-এ দপ্তরের ফাইল যোগ করা যায় না: প্রতিটি দপ্তরের শিট এই স্প্রেডশিটে আলাদা ট্যাবে রাখুন।', en: 'Google Sheets cannot add offices\' files: keep each office\'s sheet as a tab of this spreadsheet.' },
  'ui.error.stopped-at': { bn: '{total}টির মধ্যে {done}টি ট্যাব পড়ার পর থেমে গেছে। কারণ: {detail}', en: 'Stopped after {done} of {total} tabs; cause: {detail}' },
  'ui.error.no-progress': { bn: 'একত্র করার কাজ এগোচ্ছে না ({total}টির মধ্যে {done}টি ট্যাবে আটকে আছে)।', en: 'Consolidation is not advancing (stuck at {done} of {total} tabs).' },
  'ui.error.no-result': { bn: 'Google Sheets থেকে {command}-এর কোনো ফলাফল আসেনি।', en: 'Google Sheets returned no result for {command}.' },
  'ui.columns.intro.sheets': { bn: 'সারণির পাশে প্রতিটি সূচকের নম্বর ও স্তরের কলাম যোগ করে। কলামগুলো =APA_* সূত্র, তাই শিট বদলালে নিজে থেকেই হালনাগাদ হয়।', en: 'Adds each indicator\'s score and tier columns next to the table. They are =APA_* formulas, so they update when the sheet changes.' },
  'ui.highlight.remove.sheets': { bn: 'APA Sheets-এর যোগ করা সব সরান', en: 'Remove what APA Sheets added' },
  'ui.consolidate.cancelled.sheets': { bn: 'বাতিল করা হয়েছে; স্প্রেডশিট আগের মতোই আছে।', en: 'Cancelled; the spreadsheet is as it was.' },
  // ── Task pane (addin/src/taskpane): add keys above this line ──
  // Excel custom functions (=APA.SCORE …) and the add-in manifest (manifest.test.ts checks the manifest's strings against these).
  'fn.internal-error': { bn: 'APA ফাংশন চালাতে অপ্রত্যাশিত ত্রুটি: {detail}', en: 'Unexpected error while running the APA function: {detail}' },
  'fn.not-finite': { bn: 'ফলাফল কোনো সসীম সংখ্যা নয় ({value})।', en: 'The result is not a finite number ({value}).' },
  'addin.name': { bn: 'APA শিট', en: 'APA Sheets' },
  'addin.description': {
    bn: 'বার্ষিক কর্মসম্পাদন চুক্তির (APA) অগ্রগতি শিট যাচাই করে, নম্বর দেয় ও একত্র করে; =APA.SCORE ও অন্যান্য ফাংশন যোগ করে।',
    en: 'Checks, scores and consolidates Annual Performance Agreement (APA) progress sheets; adds =APA.SCORE and related functions.',
  },
  'addin.ribbon-group': { bn: 'APA', en: 'APA' },
  'addin.open-pane': { bn: 'APA প্যানেল', en: 'APA pane' },
  'addin.open-pane-tip': { bn: 'APA শিট প্যানেল খুলুন: যাচাই, নম্বর, স্তরের রং ও একত্রীকরণ।', en: 'Open the APA Sheets pane: check, score, colour tiers and consolidate.' },
  'addin.get-started': { bn: 'APA শিট প্রস্তুত', en: 'APA Sheets is ready' },
  'addin.get-started-tip': { bn: 'হোম ট্যাবে "APA প্যানেল" চাপুন, অথবা কোনো ঘরে =APA.SCORE( লিখুন।', en: 'Click "APA pane" on the Home tab, or type =APA.SCORE( in a cell.' },
  // ── Custom functions and manifest (addin/src/functions): add keys above this line ──
  // Google Sheets (appsscript/): the APA menu, its alerts and the custom functions' cell errors.
  'gas.menu.check': { bn: 'এই শিট যাচাই', en: 'Check this sheet' },
  'gas.menu.columns': { bn: 'স্কোর কলাম যোগ', en: 'Add score columns' },
  'gas.menu.highlight': { bn: 'স্তর অনুযায়ী রং', en: 'Highlight tiers' },
  'gas.menu.remove': { bn: 'যোগ করা সব সরান', en: 'Remove' },
  'gas.menu.next': { bn: 'কী প্রয়োজন', en: 'What is needed' },
  'gas.menu.consolidate': { bn: 'একত্র করুন', en: 'Consolidate' },
  'gas.menu.sidebar': { bn: 'সাইডবার খুলুন', en: 'Open sidebar' },
  'gas.check.summary': {
    bn: 'শিট "{sheet}": {office}। মোট {percent}% ({max}-এর মধ্যে {score}); {indicators}টি সূচক, {problems}টি সমস্যা ({errors}টি ত্রুটি)। সমস্যাগুলো দেখতে ও ঘরে যেতে সাইডবার খুলুন।',
    en: 'Sheet "{sheet}": {office}. Total {percent}% ({score} out of {max}); {indicators} indicators, {problems} problems ({errors} errors). Open the sidebar to see them and go to their cells.',
  },
  'gas.next.item': { bn: '{id} {name}: পরের স্তর {tier} — {value}{days}', en: '{id} {name}: next tier {tier} at {value}{days}' },
  'gas.next.days': { bn: ' ({days} দিন বাকি)', en: ' ({days} days left)' },
  'gas.consolidate.done': {
    bn: '{count}টি দপ্তর একত্র করা হয়েছে; {skipped}টি ট্যাব বাদ পড়েছে। লেখা শিট: {sheets}',
    en: '{count} offices consolidated; {skipped} tabs skipped. Sheets written: {sheets}',
  },
  'gas.consolidate.partial': {
    bn: 'Apps Script-এর ৬ মিনিটের সীমার আগে {total}টির মধ্যে {done}টি ধাপ শেষ হয়েছে; কিছুই লেখা হয়নি। সাইডবার (APA → সাইডবার খুলুন) থেকে একত্র করুন: সেটি কয়েক দফায় বাকিটা শেষ করে।',
    en: '{done} of {total} steps were done before Apps Script\'s 6-minute limit; nothing was written. Consolidate from the sidebar (APA → Open sidebar): it finishes the rest over several runs.',
  },
  'gas.sidebar-missing': {
    bn: 'সাইডবারের ফাইল (Sidebar.html) এই স্ক্রিপ্টে নেই: npm run build:gas:sidebar চালিয়ে আবার push করুন। মেনুর কাজগুলো সাইডবার ছাড়াও চলে।',
    en: 'The sidebar file (Sidebar.html) is not in this script: run npm run build:gas:sidebar and push again. The menu commands work without it.',
  },
  'gas.failed': { bn: 'APA Sheets কাজটি শেষ করতে পারেনি: {detail}', en: 'APA Sheets could not finish: {detail}' },
  'gas.host-error': { bn: 'Google Sheets জানিয়েছে: {detail}', en: 'Google Sheets reported: {detail}' },
  'gas.bad-argument': { bn: 'অগ্রহণযোগ্য মান: {detail}', en: 'Not an acceptable argument: {detail}' },
  // ── Google Sheets (appsscript): add keys above this line ──
  // Files read and written by the command-line tool, bounded (issue 13): sheets too large to
  // read, files that are not files, a reading worker's budget, a report changed since it was
  // written. (Kept apart from cli/messages.ts, which is being merged into this catalogue.)
  'sheet-not-read': { bn: 'এই শিটটি পড়া হয়নি: {reason}', en: 'This sheet was not read: {reason}' },
  'limit.beyond-grid': {
    bn: 'ঘর {cell} শিটের শেষ সারি ({rows}) বা শেষ কলামের (XFD) বাইরে, যা Excel-এ থাকতে পারে না; ফাইলটি নষ্ট',
    en: 'cell {cell} lies beyond the last row ({rows}) or column (XFD) a sheet can have; the file is damaged',
  },
  'limit.beyond-grid-range': {
    bn: 'পরিসর {range} শিটের শেষ সারি ({rows}) বা শেষ কলামের (XFD) বাইরে পর্যন্ত গেছে, যা Excel-এ থাকতে পারে না; ফাইলটি নষ্ট',
    en: 'the range {range} reaches beyond the last row ({rows}) or column (XFD) a sheet can have; the file is damaged',
  },
  'limit.sheet-cells': {
    bn: 'শিটে {limit}টির বেশি ঘরে কিছু লেখা আছে, যা কোনো কর্মপরিকল্পনায় থাকে না',
    en: 'more than {limit} of its cells hold something, more than any plan has',
  },
  'limit.sheet-area': {
    bn: 'লেখা ঘরগুলো {cell} পর্যন্ত ছড়ানো ({rows} সারি × {columns} কলাম), যা একটি শিটে পড়ার সীমা {limit}টি ঘরের বেশি; সারণি থেকে দূরের লেখা মুছে আবার সংরক্ষণ করুন (Ctrl+End শেষ ঘরটি দেখায়)',
    en: 'its cells reach {cell} ({rows} rows × {columns} columns), more than the {limit} cells a sheet is read over; delete what lies far from the table and save again (Ctrl+End shows the last cell)',
  },
  'limit.file-cells': {
    bn: 'ফাইলের শিটগুলোতে মোট {limit}টির বেশি ঘরে লেখা আছে; এই শিট ও এর পরের শিটগুলো পড়া হয়নি',
    en: 'the file\'s sheets hold more than {limit} cells together; this sheet and the ones after it were not read',
  },
  'limit.file-area': {
    bn: 'ফাইলের শিটগুলো মোট {limit}টির বেশি ঘরে ছড়ানো; এই শিট ও এর পরের শিটগুলো পড়া হয়নি',
    en: 'the file\'s sheets spread over more than {limit} cells together; this sheet and the ones after it were not read',
  },
  'limit.file-sheets': {
    bn: 'ফাইলে {limit}টির বেশি শিট আছে; এই শিট ও এর পরের শিটগুলো পড়া হয়নি',
    en: 'the file has more than {limit} sheets; this sheet and the ones after it were not read',
  },
  'limit.merges-overlap': {
    bn: 'একত্র করা (merge) ঘরগুলো একটি আরেকটির ওপর পড়েছে; ফাইলটি নষ্ট (Excel এটি মেরামত করতে চাইবে)',
    en: 'merged areas overlap one another; the file is damaged (Excel would offer to repair it)',
  },
  'limit.fallback-cells': {
    bn: 'ফাইলটি বিকল্প পাঠক দিয়ে পড়তে হয় (এতে DOCTYPE আছে), যা একটি ফাইলে {limit}টির বেশি ঘর পড়ে না ({part})',
    en: 'the file needs the second reader (it has a DOCTYPE), which reads at most {limit} cells a file ({part})',
  },
  'unreadable.not-regular': {
    bn: 'এটি সাধারণ ফাইল নয় ({kind}); শুধু ফাইল পড়া হয়',
    en: 'it is not a regular file (a {kind}); only files are read',
  },
  'unreadable.input-too-large': {
    bn: 'ফাইলটি {size} MB, যা পড়ার সীমা {limit} MB-এর বেশি; পড়া হয়নি',
    en: 'the file is {size} MB, more than the {limit} MB a file may be; not read',
  },
  'unreadable.time-budget': {
    bn: 'ফাইলটি পড়তে {seconds} সেকেন্ডের বেশি লেগেছে; পড়া বন্ধ করা হয়েছে',
    en: 'reading the file took longer than {seconds} s; it was stopped',
  },
  'unreadable.memory-budget': {
    bn: 'ফাইলটি পড়তে {mb} MB-এর বেশি মেমরি লেগেছে; পড়া বন্ধ করা হয়েছে',
    en: 'reading the file needed more than {mb} MB of memory; it was stopped',
  },
  'unreadable.ods-encrypted': {
    bn: 'ফাইলটি পাসওয়ার্ড দিয়ে সুরক্ষিত; LibreOffice-এ পাসওয়ার্ড সরিয়ে আবার সংরক্ষণ করুন',
    en: 'the spreadsheet is password-protected; remove the password in LibreOffice and save it again',
  },
  'unreadable.ods-no-content': {
    bn: 'OpenDocument ফাইলে content.xml নেই; ফাইলটি নষ্ট',
    en: 'the OpenDocument file has no content.xml; the file is damaged',
  },
  'kind.fifo': { bn: 'পাইপ (FIFO)', en: 'named pipe (FIFO)' },
  'kind.device': { bn: 'ডিভাইস', en: 'device' },
  'kind.socket': { bn: 'সকেট', en: 'socket' },
  'kind.other': { bn: 'অজানা ধরনের', en: 'special file' },
  'report.changed': {
    bn: '{file} apa লেখার পরে বদলানো হয়েছে (কেউ খুলে সংরক্ষণ করেছেন); তাই এটির ওপর লেখা হয়নি। অন্য নামে লিখতে -o দিন, অথবা বদলানো ফাইলটি মুছে নতুন করে লিখতে --force দিন।',
    en: '{file} was changed after apa wrote it (someone edited and saved it), so it was not overwritten. Give another name with -o, or --force to replace it.',
  },
  // ── Files read and written by the command-line tool (issue 13): add keys above this line ──
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

/** Fills a template's {parameters} for one language; numbers get that language's digits. */
export function render(template: string, params: Record<string, MessageParam>, language: Language): string {
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
