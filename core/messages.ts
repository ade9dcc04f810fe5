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
    bn: 'এই শিটে কর্মসম্পাদন সূচকের সারণি পাওয়া যায়নি: "কর্মসম্পাদন সূচক" শিরোনামের কলাম নেই। {looked} সারণির শিরোনামের সারিতে "কর্মসম্পাদন সূচক" ও "একক" বা "লক্ষ্যমাত্রা" লিখুন।',
    en: 'No table of performance indicators on this sheet: no "কর্মসম্পাদন সূচক" (performance indicator) column header. {looked} Put "কর্মসম্পাদন সূচক" and "একক" or "লক্ষ্যমাত্রা" in the table\'s header row.',
  },
  'missing-column': {
    bn: 'সারণিতে প্রয়োজনীয় কলাম "{column}" পাওয়া যায়নি। {looked} কলামটির শিরোনামে "{column}" লিখুন।',
    en: 'The table has no "{column}" column, which scoring needs. {looked} Head that column "{column}".',
  },
  'not-a-value': {
    bn: '"{text}" হিসাবযোগ্য মান নয় ({reason}); এই সূচকের নম্বর হিসাব করা যায়নি। ঘরে শুধু মানটি লিখুন (যেমন ৩, ৮৫%, ১৬/০৩/২০২৫), অথবা ঘরটি খালি রাখুন।',
    en: '"{text}" is not a value that can be scored ({reason}); this indicator cannot be scored. Type only the value in the cell (such as 3, 85%, 16/03/2025), or leave it empty.',
  },
  'targets-not-monotonic': {
    bn: 'লক্ষ্যমাত্রা এক স্তর থেকে পরের স্তরে ক্রমান্বয়ে নিম্নমুখী নয়: {tier} স্তরের লক্ষ্যমাত্রা {value} আগের স্তরের চেয়ে ভালো, তাই সূচকটির নম্বর হিসাব করা যায়নি। লক্ষ্যমাত্রাগুলো অসাধারণ থেকে নিচের স্তর পর্যন্ত ক্রমানুসারে লিখুন।',
    en: 'Targets do not get worse from tier to tier: the {tier} target {value} is better than the tier before it, so the indicator cannot be scored. Write the targets in order, from Excellent down.',
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
    bn: 'সূচকের মান (ওজন) নেই বা সংখ্যা নয়: "{text}"। ঘরে সূচকের মান সংখ্যায় লিখুন।',
    en: 'The indicator weight is missing or not a number: "{text}". Type the indicator\'s weight as a number.',
  },
  'na-from-remark': {
    bn: 'মন্তব্যে শুধু "প্রযোজ্য নয়" লেখা এবং অর্জনের ঘর খালি, তাই সূচকটি প্রযোজ্য নয় ধরা হয়েছে।',
    en: 'The remarks say only "not applicable" and the achievement is empty, so the indicator is taken as not applicable.',
  },
  'reported-in-words': {
    bn: 'অর্জন কথায় লেখা: "{text}"{why}। {outcome} নম্বর পেতে অর্জনের ঘরে শুধু {example} লিখুন; বিবরণ মন্তব্যের ঘরে রাখুন।',
    en: 'The achievement is written in words: "{text}"{why}. {outcome} To score it, type only {example} in the achievement cell and keep the description in the remarks.',
  },
  'value-in-sentence': {
    bn: 'অর্জনের বাক্য "{text}" থেকে {value} মানটি পড়া হয়েছে।',
    en: 'The value {value} was read from the sentence "{text}".',
  },
  'no-weight-column': {
    bn: 'সারণিতে সূচকের মানের (ওজনের) কলাম নেই, তাই প্রতিটি সূচকের মান ১ ধরা হয়েছে (মোট মান {count})। {looked} মানের কলাম থাকলে তার শিরোনামে "কর্মসম্পাদন সূচকের মান" লিখুন।',
    en: 'The table has no indicator weight column, so every indicator weighs 1 (the plan weighs {count}). {looked} If the sheet has weights, head their column "কর্মসম্পাদন সূচকের মান".',
  },
  'header-taken-as': {
    bn: 'শিরোনাম "{text}" কে {role} কলাম ধরা হয়েছে{why}।',
    en: 'The header "{text}" was taken as the {role} column{why}.',
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
    bn: 'সূচক {id}-এর নাম দপ্তরভেদে ভিন্ন: "{first}" ও "{other}"; দুটিকে আলাদা সূচক ধরে আলাদা সারিতে রাখা হলো।',
    en: 'Indicator {id} has different names in different offices: "{first}" and "{other}"; they are kept as two indicators, each on its own row.',
  },
  // What consolidating finds (SCORING.md §9).
  'group-unknown': {
    bn: 'এই শিট থেকে {missing} বোঝা যায়নি, তাই দপ্তরটি "অজানা" দলে রাখা হলো এবং এর ক্রম দেওয়া হয়নি। শিরোনামে পরিকল্পনার নাম, অর্থবছর ও ত্রৈমাসিক লিখুন (যেমন "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৪-২৫, ২য় ত্রৈমাসিক")।',
    en: 'The {missing} could not be told from this sheet, so the office is in the "unknown" group and has no rank. Put the plan\'s name, fiscal year and quarter in the title (such as "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৪-২৫, ২য় ত্রৈমাসিক").',
  },
  'missing.kind': { bn: 'পরিকল্পনার ধরন', en: 'plan kind' },
  'missing.year': { bn: 'অর্থবছর', en: 'fiscal year' },
  'missing.quarter': { bn: 'ত্রৈমাসিক', en: 'quarter' },
  'duplicate-office': {
    bn: '"{office}" ({source}) ও "{first}" ({firstSource}) একই দপ্তর ({why}); ক্রম একবারই দেওয়া হলো, এটি অনুলিপি হিসেবে তালিকায় আছে। যে ফাইলটি দরকার নেই সেটি সরিয়ে দিন।',
    en: '"{office}" ({source}) is the same office as "{first}" ({firstSource}) ({why}); it is ranked once, and this copy is listed as a duplicate. Remove the copy that is not needed.',
  },
  'why.same-name': { bn: 'একই নাম', en: 'the same name' },
  'why.same-values': { bn: 'সব সূচকের একই মান', en: 'the same indicators with the same values' },
  'consolidate.nothing': {
    bn: 'একত্র করার মতো কিছু পাওয়া যায়নি: কোনো দপ্তরের কর্মপরিকল্পনা পড়া যায়নি, তাই কোনো প্রতিবেদন লেখা হয়নি।',
    en: 'Nothing to consolidate: no office\'s plan could be read, so no report was written.',
  },
  // ── Numbers that mean what they say (score.ts, validate.ts): a weight below zero, and sums too
  // large to be a number. The key is the problem's code. ──
  'weight-negative': {
    bn: 'সূচকের মান {value} শূন্যের কম; মান শূন্য বা তার বেশি হতে হবে, তাই এই সূচকের স্কোর হবে না।',
    en: 'The indicator weight {value} is below zero; a weight must be zero or more, so this indicator cannot be scored.',
  },
  'sum-not-finite': {
    bn: 'এই মান যোগ করলে মোট এত বড় হয় যে কোনো সংখ্যায় ধরে না; মানটি ঠিক করুন। এই সূচক যোগফলে ধরা হয়নি।',
    en: 'Adding this weight makes the total too large to be a number; correct the weight. This indicator is left out of the totals.',
  },
  // ── Numbers that mean what they say: add keys above this line ──
  // Reasons for 'not-a-value'.
  'reason.free-text': { bn: 'বিবরণমূলক লেখা', en: 'descriptive text' },
  'reason.impossible-date': { bn: 'অসম্ভব তারিখ', en: 'an impossible date' },
  'reason.bangla-calendar': { bn: 'বঙ্গাব্দের তারিখ, যা স্কোরের জন্য ব্যবহার হয় না', en: 'a Bangla-calendar date, which is never scored' },
  'reason.host-error': { bn: 'সূত্রের ত্রুটি', en: 'a formula error' },
  'reason.date-for-number': { bn: 'সংখ্যা/শতাংশ সূচকে তারিখ', en: 'a date in a count or percent indicator' },
  'reason.number-for-date': { bn: 'তারিখ সূচকে সংখ্যা', en: 'a number in a date indicator' },
  'reason.implausible-date': { bn: 'তারিখের ঘরে এমন মান যা কোনো সম্ভাব্য তারিখ নয়', en: 'a date cell holding no plausible date' },
  // Parts of the messages above.
  'looked.cells': { bn: 'দেখা শিরোনামের ঘর: {cells}।', en: 'Header cells looked at: {cells}.' },
  'looked.none': { bn: 'শিটের কোনো ঘর কলামের শিরোনামের মতো নয়।', en: 'No cell of the sheet reads like a column header.' },
  'why.approximate': { bn: ' (বানানটি "{word}"-এর কাছাকাছি)', en: ' (its spelling is close to "{word}")' },
  'why.position': { bn: ' (পাশের কলামগুলোর অবস্থান দেখে)', en: ' (from where it stands among the columns)' },
  'why.history': { bn: ' (এটি আগের অর্থবছরের অর্জন, এবারের অর্জন নয়)', en: ' (a past fiscal year\'s achievement, not this year\'s)' },
  'why.this-year': { bn: ' (এবারের অর্থবছরের অর্জন হিসেবে)', en: ' (as this fiscal year\'s achievement)' },
  'why.content': { bn: ' (এর ঘরগুলোতে "লক্ষ্যমাত্রা" ও "অর্জন" লেখা)', en: ' (its cells say "লক্ষ্যমাত্রা" and "অর্জন")' },
  'why.several-values': { bn: ' (এতে একাধিক মান আছে: {values}; কোনটি অর্জন বোঝা যায় না)', en: ' (it names several values: {values}; which one is the achievement cannot be told)' },
  'why.future': { bn: ' (এতে ভবিষ্যতের কাজের কথা বলা হয়েছে)', en: ' (it speaks of work yet to be done)' },
  'outcome.pending': { bn: 'তাই এটি অপেক্ষমাণ: এখনো নম্বর দেওয়া হয়নি, শূন্যও ধরা হয়নি।', en: 'So it is pending: not scored yet, and not a zero.' },
  'outcome.final': { bn: 'চূড়ান্ত মূল্যায়নে কথায় লেখা অর্জনের কোনো মান নেই, তাই এটি ০ ধরা হয়েছে।', en: 'In a final evaluation an achievement written in words has no value, so it counts 0.' },
  'example.date': { bn: 'তারিখটি (যেমন ১৬/০৩/২০২৫)', en: 'the date (such as 16/03/2025)' },
  'example.percent': { bn: 'শতাংশটি (যেমন ৮৫%)', en: 'the percent (such as 85%)' },
  'example.count': { bn: 'সংখ্যাটি (যেমন ৩)', en: 'the number (such as 3)' },
  'role.serial': { bn: 'ক্রমিক নং', en: 'serial number' },
  'role.area': { bn: 'কর্মসম্পাদন ক্ষেত্র', en: 'performance area' },
  'role.area-weight': { bn: 'ক্ষেত্রের মান', en: 'area weight' },
  'role.activity': { bn: 'কার্যক্রম', en: 'activity' },
  'role.indicator': { bn: 'কর্মসম্পাদন সূচক', en: 'performance indicator' },
  'role.unit': { bn: 'একক', en: 'unit' },
  'role.weight': { bn: 'কর্মসম্পাদন সূচকের মান', en: 'indicator weight' },
  'role.weight-ambiguous': { bn: 'মান', en: 'weight' },
  'role.target': { bn: 'লক্ষ্যমাত্রা', en: 'target' },
  'role.tier': { bn: 'লক্ষ্যমাত্রার স্তর', en: 'tier target' },
  'role.label': { bn: 'লক্ষ্যমাত্রা/অর্জন', en: 'target/achievement label' },
  'role.achievement': { bn: 'অর্জন', en: 'achievement' },
  'role.actual': { bn: 'প্রকৃত অর্জন', en: 'actual achievement' },
  'role.history': { bn: 'বিগত বছরের প্রকৃত অর্জন', en: 'past years\' actual' },
  'role.quarter': { bn: 'ত্রৈমাসিক', en: 'quarter' },
  'role.projection': { bn: 'প্রক্ষেপণ', en: 'projection' },
  'role.remarks': { bn: 'মন্তব্য', en: 'remarks' },
  'role.evidence': { bn: 'প্রমাণক', en: 'evidence' },
  'role.ignored': { bn: 'অন্যান্য (স্কোরে ব্যবহার হয় না)', en: 'other (not used for scoring)' },
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
  'status.invalid': { bn: 'হিসাবযোগ্য নয়', en: 'Cannot be scored' },
  'status.in-words': { bn: 'কথায় লেখা', en: 'Reported in words' },
  'evidence.yes': { bn: 'প্রমাণক সংযুক্ত', en: 'evidence attached' },
  'evidence.no': { bn: 'প্রমাণক নেই', en: 'no evidence' },
  'evidence.not-said': { bn: 'প্রমাণকের উল্লেখ নেই', en: 'evidence not said' },
  'plan.e-governance': { bn: 'ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা', en: 'e-Governance and Innovation Action Plan' },
  'plan.apa': { bn: 'বার্ষিক কর্মসম্পাদন চুক্তি', en: 'Annual Performance Agreement' },
  'plan.integrity': { bn: 'জাতীয় শুদ্ধাচার কৌশল কর্মপরিকল্পনা', en: 'National Integrity Strategy action plan' },
  'plan.grievance': { bn: 'অভিযোগ প্রতিকার ব্যবস্থা কর্মপরিকল্পনা', en: 'Grievance Redress System action plan' },
  'plan.citizen-charter': { bn: 'সেবা প্রদান প্রতিশ্রুতি কর্মপরিকল্পনা', en: "Citizen's Charter action plan" },
  'plan.rti': { bn: 'তথ্য অধিকার কর্মপরিকল্পনা', en: 'Right to Information action plan' },
  'plan.innovation': { bn: 'উদ্ভাবন কর্মপরিকল্পনা', en: 'Innovation action plan' },
  // Short names of the plans, for a group's tab (Excel allows 31 characters).
  'plan.short.e-governance': { bn: 'ই-গভর্ন্যান্স', en: 'e-Gov' },
  'plan.short.apa': { bn: 'এপিএ', en: 'APA' },
  'plan.short.integrity': { bn: 'শুদ্ধাচার', en: 'Integrity' },
  'plan.short.grievance': { bn: 'জিআরএস', en: 'GRS' },
  'plan.short.citizen-charter': { bn: 'নাগরিক সনদ', en: 'Citizen charter' },
  'plan.short.rti': { bn: 'তথ্য অধিকার', en: 'RTI' },
  'plan.short.innovation': { bn: 'উদ্ভাবন', en: 'Innovation' },
  // Consolidation groups (SCORING.md §9).
  'group.title': { bn: '{plan} {year}, {quarter}', en: '{plan} {year}, {quarter}' },
  'group.short': { bn: '{plan} {year} {quarter}', en: '{plan} {year} {quarter}' },
  'group.q1': { bn: '১ম ত্রৈমাসিক', en: '1st quarter' },
  'group.q2': { bn: '২য় ত্রৈমাসিক', en: '2nd quarter' },
  'group.q3': { bn: '৩য় ত্রৈমাসিক', en: '3rd quarter' },
  'group.q4': { bn: '৪র্থ ত্রৈমাসিক', en: '4th quarter' },
  'group.q1.short': { bn: '১ম ত্রৈ.', en: 'Q1' },
  'group.q2.short': { bn: '২য় ত্রৈ.', en: 'Q2' },
  'group.q3.short': { bn: '৩য় ত্রৈ.', en: 'Q3' },
  'group.q4.short': { bn: '৪র্থ ত্রৈ.', en: 'Q4' },
  'group.unknown': { bn: 'অজানা দল: পরিকল্পনার ধরন, অর্থবছর বা ত্রৈমাসিক বোঝা যায়নি (ক্রম দেওয়া হয়নি)', en: 'Unknown group: plan kind, fiscal year or quarter not told (not ranked)' },
  'group.unknown.short': { bn: 'অজানা দল', en: 'Unknown group' },
  'severity.error': { bn: 'ত্রুটি', en: 'Error' },
  'severity.warning': { bn: 'সতর্কতা', en: 'Warning' },
  'severity.info': { bn: 'তথ্য', en: 'Info' },
  // Consolidated workbook.
  'sheet.summary': { bn: 'APA সারসংক্ষেপ', en: 'APA Summary' },
  'sheet.indicators': { bn: 'APA সূচকভিত্তিক', en: 'APA Indicators' },
  'sheet.problems': { bn: 'APA সমস্যা', en: 'APA Problems' },
  'sheet.deadlines': { bn: 'APA সময়সীমা', en: 'APA Deadlines' },
  'deadlines.title': { bn: 'নির্দেশনার সময়সীমা ও প্রমাণক, {day} তারিখে', en: 'Deadlines and evidence from the minutes, on {day}' },
  'deadlines.legend': { bn: 'রঙের অর্থ:', en: 'Colours:' },
  'deadlines.legend.done': { bn: 'সম্পন্ন', en: 'done' },
  'deadlines.legend.evidence-missing': { bn: 'সম্পন্ন, প্রমাণক সংযুক্ত বলা নেই', en: 'done, evidence not said to be attached' },
  'deadlines.legend.due': { bn: 'সময় বাকি আছে', en: 'due' },
  'deadlines.legend.overdue': { bn: 'সময় পেরিয়ে গেছে', en: 'overdue' },
  'deadlines.legend.no-deadline': { bn: 'সময়সীমা নেই', en: 'no deadline' },
  'deadlines.legend.na': { bn: 'প্রযোজ্য নয়', en: 'not applicable' },
  'deadlines.done': { bn: 'সম্পন্ন', en: 'done' },
  'deadlines.evidence-missing': { bn: 'সম্পন্ন; প্রমাণক পাঠান', en: 'done; send the evidence' },
  'deadlines.due': { bn: '{days} দিন বাকি', en: 'due in {days} days' },
  'deadlines.overdue': { bn: '{days} দিন পেরিয়ে গেছে', en: 'overdue by {days} days' },
  'deadlines.no-deadline': { bn: 'সময়সীমা নেই', en: 'no deadline' },
  'deadlines.na': { bn: 'প্রযোজ্য নয়', en: 'not applicable' },
  'report.title': { bn: 'দপ্তরভিত্তিক কর্মসম্পাদন মূল্যায়ন', en: 'Performance of offices' },
  'report.rules': { bn: 'নিয়ম: {mode}; প্রযোজ্য নয়: {na}; {final}', en: 'Rules: {mode}; not applicable: {na}; {final}' },
  'rule.interpolate': { bn: 'স্তরের মাঝে রৈখিক অনুপাত', en: 'linear between tiers' },
  'rule.floor': { bn: 'নিচের স্তরের মান', en: 'worse tier\'s percent' },
  'rule.rescale': { bn: 'মান বাদ দিয়ে পুনর্গণনা', en: 'weight left out' },
  'rule.full': { bn: 'পূর্ণ মান', en: 'full weight' },
  'rule.zero': { bn: 'শূন্য', en: 'zero' },
  'rule.final': { bn: 'চূড়ান্ত মূল্যায়ন (অপেক্ষমাণ = ০)', en: 'final evaluation (pending = 0)' },
  'rule.to-date': { bn: 'এ পর্যন্ত (অপেক্ষমাণ সূচক বাদে)', en: 'to date (pending indicators left out)' },
  'report.ranking': {
    bn: 'ক্রম: এ পর্যন্ত প্রাপ্ত নম্বর, প্রযোজ্য মোট মানের শতাংশে (অপেক্ষমাণ সূচক এখনো কোনো নম্বর পায়নি); মূল্যায়নের ব্যাপ্তি ৫০%-এর কম হলে কমলা রঙে চিহ্নিত',
    en: 'Ranked by the marks earned so far, as a percent of the applicable plan weight (a pending indicator has earned nothing yet); a coverage under 50% is marked orange',
  },
  'report.not-ranked': {
    bn: 'এই দপ্তরগুলোর পরিকল্পনা, অর্থবছর বা ত্রৈমাসিক বোঝা যায়নি, তাই তুলনা করে ক্রম দেওয়া হয়নি',
    en: 'The plan, fiscal year or quarter of these offices could not be told, so they are not compared or ranked',
  },
  'report.indicators-title': { bn: 'সূচকভিত্তিক ফলাফল, দল অনুযায়ী', en: 'Indicators, group by group' },
  'report.problems-title': { bn: 'সমস্যা ও সতর্কতা', en: 'Problems and warnings' },
  'chart.title': { bn: 'প্রাপ্ত নম্বরের শতাংশ', en: 'percent of marks earned' },
  'chart.caption': { bn: 'লেখচিত্র: প্রতিটি দপ্তরের প্রাপ্ত নম্বরের শতাংশ, রং তার মানের স্তরের', en: 'Chart: each office\'s percent of marks earned, coloured by its tier' },
  'col.marks': { bn: 'এ পর্যন্ত প্রাপ্ত নম্বর', en: 'Marks so far' },
  'col.out-of': { bn: 'প্রযোজ্য মোট মান', en: 'Out of (applicable weight)' },
  'col.assessed': { bn: 'মূল্যায়িত সূচকের মান', en: 'Weight assessed' },
  'col.to-date': { bn: 'মূল্যায়িত অংশে শতাংশ', en: 'Percent of what was assessed' },
  'col.coverage': { bn: 'মূল্যায়নের ব্যাপ্তি (%)', en: 'Coverage (%)' },
  'col.duplicate-of': { bn: 'যে দপ্তরের অনুলিপি', en: 'Duplicate of' },
  'col.group': { bn: 'দল', en: 'Group' },
  'col.average-raw': { bn: 'গড় অর্জন (০–১০০)', en: 'Average raw score (0–100)' },
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
  'col.invalid': { bn: 'হিসাবযোগ্য নয়', en: 'Cannot be scored' },
  'col.in-words': { bn: 'কথায় লেখা', en: 'In words' },
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
  // The score-column headers APA Sheets writes (and finds its columns by), in the user's language.
  'wb.header.score': { bn: 'APA স্কোর', en: 'APA score' },
  'wb.header.tier': { bn: 'APA স্তর', en: 'APA tier' },
  'wb.empty-sheet': { bn: 'শিটটি খালি।', en: 'The sheet is empty.' },
  'wb.no-plan': {
    bn: 'শিট "{sheet}"-এ কোনো কর্মপরিকল্পনার সারণি পাওয়া যায়নি: {reason}',
    en: 'No plan table was found on sheet "{sheet}": {reason}',
  },
  'wb.columns-added': {
    bn: 'শিট "{sheet}"-এ {count}টি সূচকের স্কোর ও স্তরের কলাম ({columns}) যোগ হয়েছে: প্রতি কলামে {formulas}টি সূত্র পুরো কলাম ভরে দেয় এবং নিজে থেকেই হালনাগাদ হয়।',
    en: 'Score and tier columns ({columns}) added for {count} indicators on sheet "{sheet}": {formulas} formula(s) per column fill the column and keep it up to date.',
  },
  'wb.values-added': {
    bn: 'শিট "{sheet}"-এ {count}টি সূচকের স্কোর ও স্তর ({columns}) সূত্র ছাড়া শুধু মান হিসেবে লেখা হয়েছে, নিচে কবে ও কীভাবে হিসাব হলো তা লেখা আছে। APA Sheets ছাড়াও এই শিট ঠিকঠাক দেখা যাবে; মান আর নিজে থেকে বদলাবে না।',
    en: 'Scores and tiers of {count} indicators on sheet "{sheet}" are written as plain values ({columns}), with a note below of when and how they were computed. The sheet reads the same without APA Sheets; the values no longer update themselves.',
  },
  'wb.values.note': {
    bn: 'শুধু মান, সূত্র নয়: APA Sheets {version} দিয়ে {date} তারিখে হিসাব করা। {settings}',
    en: 'Values only, not formulas: computed by APA Sheets {version} on {date}. {settings}',
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
  // ── Workbook commands (core's specs, applied by addin/ and appsscript/): add keys above this line ──
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
  'ui.check.to-date': { bn: 'এটি এ পর্যন্ত অর্জিত শতাংশ: অপেক্ষমাণ, কথায় লেখা ও হিসাবযোগ্য নয় এমন সূচকগুলো এখনো হিসাবে ধরা হয়নি।', en: 'This is the percent to date: pending indicators, those reported in words and those that cannot be scored are not counted yet.' },
  'ui.field.plan-kind': { bn: 'পরিকল্পনা', en: 'Plan' },
  'ui.field.marks': { bn: 'এ পর্যন্ত প্রাপ্ত নম্বর', en: 'Marks so far' },
  'ui.marks.value': { bn: '{applicable}-এর মধ্যে {score} ({percent}%)', en: '{score} of {applicable} ({percent}%)' },
  'ui.layout.one-row-tiers': { bn: 'এক সারিতে স্তর ও শতাংশ', en: 'Tiers and percents in one header row' },
  'ui.check.no-percent': { bn: 'এখনো কোনো সূচকের নম্বর হিসাব করা যায়নি।', en: 'No indicator could be scored yet.' },
  'ui.check.indicators': { bn: 'সূচকসমূহ ({count})', en: 'Indicators ({count})' },
  'ui.check.problems': { bn: 'সমস্যা ({count})', en: 'Problems ({count})' },
  'ui.check.no-problems': { bn: 'কোনো সমস্যা পাওয়া যায়নি।', en: 'No problems found.' },
  'ui.check.go-to': { bn: 'ঘর {cell}-এ যান', en: 'Go to cell {cell}' },
  'ui.check.whole-sheet': { bn: 'পুরো শিট', en: 'whole sheet' },
  'ui.indicator.detail': { bn: 'মান {weight} · নম্বর {score}', en: 'weight {weight} · score {score}' },
  'ui.columns.intro': { bn: 'সারণির পাশে প্রতিটি সূচকের নম্বর ও স্তরের কলাম যোগ করে। কলামগুলো =APA.* সূত্র, তাই শিট বদলালে নিজে থেকেই হালনাগাদ হয়।', en: 'Adds each indicator\'s score and tier columns next to the table. They are =APA.* formulas, so they update when the sheet changes.' },
  'ui.columns.run': { bn: 'স্কোর কলাম যোগ করুন', en: 'Add score columns' },
  'ui.values.intro': { bn: 'যে দপ্তরে অ্যাড-ইন নেই, তাদের পাঠানোর জন্য: একই কলামে সূত্রের বদলে শুধু মান লেখে, নিচে লেখা থাকে কবে ও কোন নিয়মে হিসাব হলো।', en: 'For sheets sent to offices without the add-in: writes the same columns as plain values instead of formulas, with a note below of when and how they were computed.' },
  'ui.values.intro.sheets': { bn: 'যে দপ্তরে APA Sheets নেই, তাদের পাঠানোর জন্য: একই কলামে সূত্রের বদলে শুধু মান লেখে, নিচে লেখা থাকে কবে ও কোন নিয়মে হিসাব হলো।', en: 'For sheets sent to offices without APA Sheets: writes the same columns as plain values instead of formulas, with a note below of when and how they were computed.' },
  'ui.values.run': { bn: 'শুধু মান লিখুন', en: 'Values only' },
  'ui.highlight.intro': { bn: 'অর্জনের ঘরগুলো স্তর অনুযায়ী রং করে; মান বদলালে রংও বদলায়।', en: 'Colours the achievement cells by tier; the colours follow when the values change.' },
  'ui.highlight.run': { bn: 'স্তর অনুযায়ী রং করুন', en: 'Highlight tiers' },
  'ui.highlight.remove': { bn: 'অ্যাড-ইনের যোগ করা সব সরান', en: 'Remove what the add-in added' },
  'ui.highlight.remove-note': { bn: 'রং, স্কোর কলাম ও একত্রীকরণের শিট সরানো হয়; আপনার লেখা কোনো কিছু বদলায় না।', en: 'Removes the colours, score columns and consolidation sheets; nothing you typed is changed.' },
  'ui.next.intro': { bn: 'প্রতিটি সূচকের পরের স্তরে ও সর্বোচ্চ স্তরে পৌঁছাতে কত অর্জন প্রয়োজন।', en: 'What each indicator needs to reach its next tier and the top tier.' },
  'ui.next.run': { bn: 'কী প্রয়োজন দেখুন', en: 'Show what is needed' },
  'ui.next.today': { bn: 'আজ {date}', en: 'Today is {date}' },
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
  'ui.consolidate.warnings': { bn: 'সতর্কতা ({count})', en: 'Warnings ({count})' },
  'ui.consolidate.duplicate-of': { bn: 'অনুলিপি: {source}', en: 'Duplicate of {source}' },
  'ui.consolidate.nothing-assessed': { bn: 'এখনো কিছু মূল্যায়িত হয়নি, তাই ক্রম নেই', en: 'Nothing assessed yet, so no rank' },
  'ui.consolidate.marks': { bn: '{marks} / {outOf} নম্বর; মূল্যায়িত {coverage}%', en: '{marks} of {outOf} marks; {coverage}% assessed' },
  'ui.consolidate.skipped': { bn: 'বাদ পড়া ট্যাব ({count})', en: 'Skipped tabs ({count})' },
  'ui.consolidate.written': { bn: 'লেখা শিট: {sheets}', en: 'Sheets written: {sheets}' },
  'ui.to-date-short': { bn: 'এ পর্যন্ত', en: 'to date' },
  'ui.files.intro': { bn: 'দপ্তরগুলোর .xlsx, .ods বা .csv ফাইল এই ওয়ার্কবুকে ট্যাব হিসেবে যোগ করে, তারপর সব একত্র করে।', en: 'Adds the offices\' .xlsx, .ods or .csv files to this workbook as tabs, then consolidates them all.' },
  'ui.files.pick': { bn: 'ফাইল বাছাই করুন (.xlsx, .ods, .csv)', en: 'Choose files (.xlsx, .ods, .csv)' },
  'ui.files.drop': { bn: 'অথবা ফাইলগুলো এখানে টেনে এনে ছাড়ুন', en: 'or drag the files here and drop them' },
  'ui.files.drop-zone': { bn: 'দপ্তরের .xlsx ফাইল রাখার জায়গা', en: 'Drop zone for the offices\' .xlsx files' },
  'ui.files.reading': { bn: 'ফাইল পড়া হচ্ছে…', en: 'Reading the files…' },
  'ui.files.not-xlsx': { bn: '.xlsx, .ods বা .csv ফাইল নয়', en: 'not an .xlsx, .ods or .csv file' },
  'ui.files.read-failed': { bn: 'ফাইলটি পড়া যায়নি', en: 'the file could not be read' },
  'ui.files.failed': { bn: 'যোগ করা যায়নি ({count})', en: 'Not added ({count})' },
  'ui.files.inserted': { bn: 'যোগ করা হয়েছে ({count})', en: 'Added ({count})' },
  'ui.files.none-valid': { bn: 'কোনো .xlsx ফাইল পাওয়া যায়নি।', en: 'No .xlsx file was given.' },
  'ui.error.no-excel': { bn: 'Excel পাওয়া যায়নি: এই প্যানটি Excel-এর ভেতরে খুলুন। কারণ: {detail}', en: 'Excel is not available: open this pane inside Excel; cause: {detail}' },
  'ui.error.no-sheets': { bn: 'Google Sheets পাওয়া যায়নি: এই সাইডবারটি Google Sheets-এর Extensions → APA Sheets মেনু থেকে খুলুন। কারণ: {detail}', en: 'Google Sheets is not available: open this sidebar from Extensions → APA Sheets in Google Sheets; cause: {detail}' },
  'ui.files.not-in-sheets': { bn: 'Google Sheets-এ দপ্তরের ফাইল যোগ করা যায় না: প্রতিটি দপ্তরের শিট এই স্প্রেডশিটে আলাদা ট্যাবে রাখুন।', en: 'Google Sheets cannot add offices\' files: keep each office\'s sheet as a tab of this spreadsheet.' },
  'ui.error.stopped-at': { bn: '{total}টির মধ্যে {done}টি ট্যাব পড়ার পর থেমে গেছে। কারণ: {detail}', en: 'Stopped after {done} of {total} tabs; cause: {detail}' },
  'ui.error.no-progress': { bn: 'একত্র করার কাজ এগোচ্ছে না ({total}টির মধ্যে {done}টি ট্যাবে আটকে আছে)।', en: 'Consolidation is not advancing (stuck at {done} of {total} tabs).' },
  'ui.error.no-result': { bn: 'Google Sheets থেকে {command}-এর কোনো ফলাফল আসেনি।', en: 'Google Sheets returned no result for {command}.' },
  'ui.columns.intro.sheets': { bn: 'সারণির পাশে প্রতিটি সূচকের নম্বর ও স্তরের কলাম যোগ করে। কলামগুলো =APA_* সূত্র, তাই শিট বদলালে নিজে থেকেই হালনাগাদ হয়।', en: 'Adds each indicator\'s score and tier columns next to the table. They are =APA_* formulas, so they update when the sheet changes.' },
  'ui.highlight.remove.sheets': { bn: 'APA Sheets-এর যোগ করা সব সরান', en: 'Remove what APA Sheets added' },
  'ui.consolidate.cancelled.sheets': { bn: 'বাতিল করা হয়েছে; স্প্রেডশিট আগের মতোই আছে।', en: 'Cancelled; the spreadsheet is as it was.' },
  'ui.tab.settings': { bn: 'সেটিংস', en: 'Settings' },
  'ui.settings.intro': { bn: 'এই ওয়ার্কবুকের নম্বর কোন নিয়মে হিসাব হবে। পছন্দগুলো ওয়ার্কবুকেই থাকে, তাই যিনিই খুলুন, একই নিয়মে নম্বর পাবেন।', en: 'How this workbook is scored. The choices are kept in the workbook itself, so whoever opens it scores it the same way.' },
  'ui.settings.intro.sheets': { bn: 'এই স্প্রেডশিটের নম্বর কোন নিয়মে হিসাব হবে। পছন্দগুলো স্প্রেডশিটেই থাকে, তাই যিনিই খুলুন, একই নিয়মে নম্বর পাবেন।', en: 'How this spreadsheet is scored. The choices are kept in the spreadsheet itself, so whoever opens it scores it the same way.' },
  'ui.settings.mode': { bn: 'দুই স্তরের মাঝামাঝি অর্জন', en: 'An achievement between two tiers' },
  'ui.settings.mode.interpolate': { bn: 'দুই স্তরের মাঝে অনুপাত অনুযায়ী নম্বর পায় (নির্দেশিকার নিয়ম)', en: 'scores in proportion between the two tiers (the guideline\'s rule)' },
  'ui.settings.mode.floor': { bn: 'নিচের স্তরের নম্বর পায়', en: 'scores the lower tier\'s percent' },
  'ui.settings.na': { bn: 'যে সূচক প্রযোজ্য নয়', en: 'An indicator that does not apply' },
  'ui.settings.na.rescale': { bn: 'হিসাবের বাইরে থাকে: শতাংশ বাকি সূচকগুলোর (নির্দেশিকার নিয়ম)', en: 'is left out: the percent is of the other indicators (the guideline\'s rule)' },
  'ui.settings.na.full': { bn: 'পূর্ণ নম্বর পায়', en: 'earns its full weight' },
  'ui.settings.na.zero': { bn: 'শূন্য পায়', en: 'earns zero' },
  'ui.settings.final': { bn: 'চূড়ান্ত মূল্যায়ন (বছর শেষে)', en: 'Final evaluation (at year end)' },
  'ui.settings.final.hint': { bn: 'চালু থাকলে যে সূচকের অর্জন লেখা হয়নি সেটি শূন্য পায়। বন্ধ থাকলে শতাংশ "এ পর্যন্ত" হিসাব হয়।', en: 'On, an indicator with no achievement earns zero. Off, the percent is the percent to date.' },
  'ui.settings.saving': { bn: 'সংরক্ষণ হচ্ছে…', en: 'Saving…' },
  'ui.settings.saved': { bn: 'এই ওয়ার্কবুকে সংরক্ষিত হয়েছে; পরের সব কাজে এই নিয়ম খাটবে।', en: 'Saved in this workbook; every command from now on uses it.' },
  'ui.settings.saved.sheets': { bn: 'এই স্প্রেডশিটে সংরক্ষিত হয়েছে; পরের সব কাজে এই নিয়ম খাটবে।', en: 'Saved in this spreadsheet; every command from now on uses it.' },
  'ui.settings.cli': { bn: 'কমান্ড-লাইনে একই পছন্দ: {flags}', en: 'The same choices on the command line: {flags}' },
  'ui.settings.line': { bn: 'নিয়ম: স্তরের মাঝে {mode} · প্রযোজ্য নয় সূচক {na} · {final}', en: 'Rules: between tiers {mode} · not applicable {na} · {final}' },
  'ui.settings.line.mode': { bn: 'নিয়ম: স্তরের মাঝে {mode}', en: 'Rule: between tiers {mode}' },
  'ui.rule.interpolate': { bn: 'অনুপাত অনুযায়ী', en: 'in proportion' },
  'ui.rule.floor': { bn: 'নিচের স্তরের নম্বর', en: 'the lower tier' },
  'ui.rule.rescale': { bn: 'হিসাবের বাইরে', en: 'left out' },
  'ui.rule.full': { bn: 'পূর্ণ নম্বর', en: 'full weight' },
  'ui.rule.zero': { bn: 'শূন্য', en: 'zero' },
  'ui.rule.final': { bn: 'চূড়ান্ত মূল্যায়ন', en: 'final evaluation' },
  'ui.rule.to-date': { bn: 'এ পর্যন্ত', en: 'to date' },
  'ui.remove.title': { bn: 'যোগ করা সব সরানো', en: 'Removing what was added' },
  'ui.remove.check': { bn: 'কী কী সরানো হবে দেখুন', en: 'See what would be removed' },
  'ui.remove.preview': { bn: 'সরানো হবে — {items}।', en: 'This removes — {items}.' },
  'ui.remove.item.sheets': { bn: 'একত্রীকরণের শিট {count}টি', en: 'consolidation sheets: {count}' },
  'ui.remove.item.columns': { bn: 'স্কোর ও স্তরের কলাম {count}টি', en: 'score and tier columns: {count}' },
  'ui.remove.item.legends': { bn: 'রঙের অর্থ {count}টি', en: 'legends: {count}' },
  'ui.remove.item.rules': { bn: 'রঙের নিয়ম {count}টি', en: 'colour rules: {count}' },
  'ui.remove.sheets-named': { bn: 'একত্রীকরণের শিট: {names}', en: 'Consolidation sheets: {names}' },
  'ui.remove.ask': { bn: 'এগুলো সরাবেন? আপনার লেখা বা বিন্যাস বদলাবে না।', en: 'Remove them? Nothing you typed or formatted changes.' },
  'ui.remove.confirm': { bn: 'হ্যাঁ, সরান', en: 'Yes, remove' },
  'ui.remove.keep': { bn: 'না, রেখে দিন', en: 'No, keep them' },
  'ui.footer.help': { bn: 'সাহায্য', en: 'Help' },
  'ui.footer.guide': { bn: 'ব্যবহার নির্দেশিকা', en: 'User guide (Bengali)' },
  'ui.footer.functions': { bn: 'ফাংশনের সাহায্য', en: 'Functions help' },
  'ui.footer.version': { bn: 'সংস্করণ {version}', en: 'Version {version}' },
  'ui.help.back': { bn: 'ফিরে যান', en: 'Back' },
  'ui.help.open': { bn: 'নতুন ট্যাবে খুলুন', en: 'Open in a new tab' },
  'ui.check.pending-to-date': {
    bn: 'এটি এ পর্যন্ত অর্জিত শতাংশ: {count}টি সূচক এখনো অপেক্ষমাণ, সেগুলো হিসাবে ধরা হয়নি।',
    en: 'This is the percent to date: pending indicators ({count}) are not counted yet.',
  },
  'ui.check.invalid-left-out': {
    bn: '{count}টি সূচকের নম্বর হিসাব করা যায়নি (নিচের সমস্যাগুলো দেখুন), তাই শতাংশে ধরা হয়নি।',
    en: 'Indicators that could not be scored ({count}; see the problems below) are left out of the percent.',
  },
  'ui.check.nothing-entered': {
    bn: 'এখনো কোনো সূচকের অর্জন লেখা হয়নি, তাই শতাংশ নেই। অর্জনের ঘরে মান লিখলে নম্বর দেখা যাবে।',
    en: 'No achievement has been entered yet, so there is no percent. Scores appear as the achievements are filled in.',
  },
  'ui.check.nothing-scorable': { bn: 'কোনো সূচকের নম্বর হিসাব করা যায়নি: নিচের সমস্যাগুলো দেখুন।', en: 'No indicator could be scored: see the problems below.' },
  'ui.error.detail': { bn: 'বিস্তারিত: {detail}', en: 'Details: {detail}' },
  'ui.error.host': {
    bn: 'Excel কাজটি এখন করতে পারেনি। আবার চেষ্টা করুন; বারবার হলে ওয়ার্কবুকটি সংরক্ষণ করে আবার খুলুন।',
    en: 'Excel could not do this just now. Please try again; if it keeps happening, save the workbook and open it again.',
  },
  'ui.error.host.sheets': {
    bn: 'Google Sheets কাজটি এখন করতে পারেনি। আবার চেষ্টা করুন; বারবার হলে স্প্রেডশিটটি রিলোড করুন।',
    en: 'Google Sheets could not do this just now. Please try again; if it keeps happening, reload the spreadsheet.',
  },
  // ── The pane (pane/, the Excel task pane and the Sheets sidebar): add keys above this line ──
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
  'gas.menu.values': { bn: 'শুধু মান (সূত্র ছাড়া)', en: 'Values only' },
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
    bn: 'Apps Script-এর ৬ মিনিটের সীমার আগে {total}টির মধ্যে {done}টি ধাপ শেষ হয়েছে; কিছুই লেখা হয়নি। সাইডবার (Extensions → APA Sheets → সাইডবার খুলুন) থেকে একত্র করুন: সেটি কয়েক দফায় বাকিটা শেষ করে।',
    en: '{done} of {total} steps were done before Apps Script\'s 6-minute limit; nothing was written. Consolidate from the sidebar (Extensions → APA Sheets → Open sidebar): it finishes the rest over several runs.',
  },
  'gas.sidebar-missing': {
    bn: 'সাইডবারের ফাইল (Sidebar.html) এই স্ক্রিপ্টে নেই: npm run build:gas:sidebar চালিয়ে আবার push করুন। মেনুর কাজগুলো সাইডবার ছাড়াও চলে।',
    en: 'The sidebar file (Sidebar.html) is not in this script: run npm run build:gas:sidebar and push again. The menu commands work without it.',
  },
  'gas.failed': { bn: 'Google Sheets কাজটি শেষ করতে পারেনি। আবার চেষ্টা করুন; বারবার হলে স্প্রেডশিটটি রিলোড করুন।', en: 'Google Sheets could not finish this. Please try again; if it keeps happening, reload the spreadsheet.' },
  'gas.failed-detail': { bn: '{text}\n\n(Google Sheets: {detail})', en: '{text}\n\n(Google Sheets: {detail})' },
  'gas.busy': {
    bn: 'এই স্প্রেডশিটে এখন অন্য কেউ APA Sheets-এর একটি কাজ চালাচ্ছেন। এক মিনিট পর আবার চেষ্টা করুন।',
    en: 'Someone else is running an APA Sheets command in this spreadsheet right now. Please try again in a minute.',
  },
  'gas.remove.ask': { bn: '{what}\n\nএগুলো সরাবেন? আপনার লেখা বা বিন্যাস বদলাবে না।', en: '{what}\n\nRemove them? Nothing you typed or formatted changes.' },
  'gas.host-error': { bn: 'Google Sheets জানিয়েছে: {detail}', en: 'Google Sheets reported: {detail}' },
  'gas.bad-argument': { bn: 'অগ্রহণযোগ্য মান: {detail}', en: 'Not an acceptable argument: {detail}' },
  // ── Google Sheets (appsscript): add keys above this line ──
  // The ministry's minutes (SCORING.md §10: core/directives.ts, core/due.ts, core/ics.ts).
  // Problems of the minutes' decision table; the key is the problem's code.
  'directive-no-table': {
    bn: 'ফাইলে সভার সিদ্ধান্তের সারণি ("ক্রম | আলোচনার বিষয় | সিদ্ধান্তসমূহ") পাওয়া যায়নি।',
    en: 'No decision table ("ক্রম | আলোচনার বিষয় | সিদ্ধান্তসমূহ": serial, topic, decisions) was found in the file.',
  },
  'directive-serial-out-of-sequence': {
    bn: 'ক্রম {serial} ধারাবাহিক নয়: এখানে {expected} হওয়ার কথা।',
    en: 'Serial {serial} is out of sequence: {expected} was expected here.',
  },
  'directive-no-id': {
    bn: 'আলোচনার বিষয় "{topic}"-এর শুরুতে সূচকের নম্বর (যেমন [১.১.১]) নেই, তাই সিদ্ধান্তটি কোনো সূচকের সাথে মেলানো যায়নি।',
    en: 'The topic "{topic}" does not start with an indicator id (such as [1.1.1]), so the decision is not matched to an indicator.',
  },
  'directive-no-deadline': {
    bn: 'এই সিদ্ধান্তে কোনো তারিখ নেই, কত দিন পরপর করতে হবে (ত্রৈমাসিক, অর্ধবার্ষিক, বার্ষিক) তাও বলা নেই।',
    en: 'This decision gives no date, nor how often it is due (quarterly, half-yearly, yearly).',
  },
  'directive-impossible-date': {
    bn: '"{text}" সঠিক তারিখ নয়, তাই সময়সীমা হিসেবে ধরা হয়নি।',
    en: '"{text}" is not a real date, so it was not taken as a deadline.',
  },
  'directive-not-in-plan': {
    bn: 'সভার সিদ্ধান্তে সূচক {id} আছে, কিন্তু এই শিটে নেই।',
    en: 'The minutes have a decision on indicator {id}, which this sheet does not have.',
  },
  // Words of the directives and the deadlines.
  'cadence.quarterly': { bn: 'ত্রৈমাসিক', en: 'quarterly' },
  'cadence.half-yearly': { bn: 'অর্ধবার্ষিক', en: 'half-yearly' },
  'cadence.yearly': { bn: 'বার্ষিক', en: 'yearly' },
  'due.status.done': { bn: 'সম্পন্ন', en: 'done' },
  'due.status.due': { bn: 'বাকি আছে', en: 'due' },
  'due.status.overdue': { bn: 'সময় পেরিয়ে গেছে', en: 'overdue' },
  'due.status.no-deadline': { bn: 'সময়সীমা নেই', en: 'no deadline' },
  'due.status.na': { bn: 'প্রযোজ্য নয়', en: 'not applicable' },
  'due.evidence.yes': { bn: 'সংযুক্ত', en: 'attached' },
  'due.evidence.no': { bn: 'সংযুক্ত নয়', en: 'not attached' },
  'due.evidence.unknown': { bn: 'উল্লেখ নেই', en: 'not said' },
  'ics.calendar': { bn: 'সভার সিদ্ধান্তের সময়সীমা', en: 'Deadlines of the minutes' },
  'ics.summary': { bn: '{id} শেষ দিন: {topic}', en: '{id} deadline: {topic}' },
  'ics.due': { bn: 'যা করতে হবে: {text}', en: 'What is due: {text}' },
  'ics.evidence': { bn: 'প্রমাণক: {items}', en: 'Evidence: {items}' },
  'ics.no-evidence': { bn: 'প্রমাণকের কথা বলা নেই', en: 'No evidence is named' },
  'ics.cadence': { bn: 'সময়সূচি: {cadence}', en: 'Cadence: {cadence}' },
  // ── The ministry's minutes (core/directives, due, ics): add keys above this line ──
  // The command-line tool (cli/): usage, progress, results, and why a file cannot be read (the
  // {reason} of 'file-unreadable'). Its table labels and all it says of a sheet are the entries above.
  'status.scored': { bn: 'নম্বর দেওয়া হয়েছে', en: 'Scored' },
  'cli.unreadable.empty': { bn: 'ফাইলটি খালি (০ বাইট)', en: 'the file is empty (0 bytes)' },
  'cli.unreadable.missing': { bn: 'ফাইলটি পাওয়া যায়নি', en: 'no such file' },
  'cli.unreadable.directory': { bn: 'এটি একটি ফোল্ডার, ফাইল নয়', en: 'it is a folder, not a file' },
  'cli.unreadable.io': { bn: 'ফাইলটি খোলা যায়নি ({detail})', en: 'the file could not be opened ({detail})' },
  'cli.unreadable.encrypted': {
    bn: 'ফাইলটি পাসওয়ার্ড দিয়ে সুরক্ষিত; পাসওয়ার্ড সরিয়ে আবার সংরক্ষণ করুন',
    en: 'the workbook is password-protected; remove the password in Excel and save it again',
  },
  'cli.unreadable.xls': {
    bn: 'এটি পুরনো Excel 97-2003 (.xls) ফাইল; Excel-এ খুলে .xlsx হিসেবে সংরক্ষণ করুন',
    en: 'it is an old Excel 97-2003 (.xls) workbook; open it in Excel and save it as .xlsx',
  },
  'cli.unreadable.ods': {
    bn: 'এটি OpenDocument (.ods) ফাইল; .xlsx হিসেবে সংরক্ষণ করুন',
    en: 'it is an OpenDocument (.ods) spreadsheet; save it as .xlsx',
  },
  'cli.unreadable.other-office': { bn: 'এটি Excel ওয়ার্কবুক নয় ({kind} ফাইল)', en: 'it is not an Excel workbook (a {kind} file)' },
  'cli.unreadable.text': {
    bn: 'এটি লেখা (টেক্সট) ফাইল, Excel ওয়ার্কবুক নয়; CSV হলে নাম .csv দিন',
    en: 'it is a text file, not an Excel workbook; if it is CSV, name it .csv',
  },
  'cli.unreadable.not-zip': {
    bn: 'এটি Excel (.xlsx) ওয়ার্কবুক নয় বা ফাইলটি নষ্ট',
    en: 'it is not an Excel (.xlsx) workbook, or the file is damaged',
  },
  'cli.unreadable.corrupt': { bn: 'ফাইলটি নষ্ট বা অসম্পূর্ণ ({detail})', en: 'the workbook is damaged or incomplete ({detail})' },
  'cli.unreadable.too-large': {
    bn: 'ফাইলটি খুললে {limit}-এর বেশি হয় (সম্ভবত ক্ষতিকর বা নষ্ট ফাইল); পড়া হয়নি',
    en: 'the file unpacks to more than {limit} (likely a zip bomb or a broken file); not read',
  },
  'cli.unreadable.not-utf8': {
    bn: 'CSV ফাইলটি UTF-8 নয়; Excel-এ "CSV UTF-8" হিসেবে সংরক্ষণ করুন',
    en: 'the CSV file is not UTF-8; save it from Excel as "CSV UTF-8"',
  },
  'cli.unreadable.binary-csv': {
    bn: 'ফাইলটির নাম .csv, কিন্তু এটি লেখা (টেক্সট) ফাইল নয়',
    en: 'the file is named .csv but is not a text file',
  },
  'cli.unreadable.unsupported': {
    bn: 'এই ধরনের ফাইল পড়া যায় না ({ext}); .xlsx বা .csv দিন',
    en: 'this kind of file cannot be read ({ext}); give an .xlsx or .csv file',
  },
  'cli.unreadable.worker': { bn: 'ফাইলটি পড়ার সময় সমস্যা হয়েছে ({detail})', en: 'reading the file failed ({detail})' },
  'cli.sheet-failed': { bn: 'শিটটি পড়ার সময় অভ্যন্তরীণ ত্রুটি ({detail})', en: 'internal error while reading this sheet ({detail})' },
  'cli.no-sheets': { bn: 'ওয়ার্কবুকে কোনো ওয়ার্কশিট নেই', en: 'the workbook has no worksheets' },
  'cli.no-plan-in-file': { bn: 'ফাইলের কোনো শিটে কর্মপরিকল্পনার সারণি নেই', en: 'no sheet of the file holds a plan table' },
  'cli.usage': {
    en: `APA Sheets: score Annual Performance Agreement (APA) progress sheets.

Usage:
  apa score FILE|FOLDER... [--json] [--mode interpolate|floor] [--na rescale|full|zero] [--final] [--bn|--en]
      Score every plan sheet of every .xlsx/.csv file (a folder: its .xlsx/.csv files).
  apa check FILE|FOLDER... [--json] [--bn]
      List the problems of every plan sheet; exit 1 when any is an error.
  apa consolidate FILE|FOLDER... -o OUT.xlsx [--json] [--mode ...] [--na ...] [--final] [--bn|--en]
                  [--directives MINUTES [--today YYYY-MM-DD]]
      Score every office and write a ranked summary workbook (summary, indicators, problems;
      with --directives, a deadlines sheet: each office's indicators against the minutes).
  apa help
      Show this text.

Options:
  --json           print one JSON document instead of a table
  --mode MODE      between two tiers: interpolate (default) or floor (the worse tier's percent)
  --na RULE        not applicable: rescale (default, weight left out), full (full weight), zero
  --final          final evaluation: pending indicators count as 0
  --bn             Bengali labels and digits (and a Bengali consolidated workbook)
  --en             English labels and report (the default)
  -o, --output F   the workbook consolidate writes
  --jobs N         worker threads for many files (default: one fewer than the CPU cores,
                   at least 1; --jobs 1 reads in this thread, without the per-file budget)

Exit codes: 0 ok; 1 a file could not be read or holds no plan, or (check) an error was found;
2 wrong usage.`,
    bn: `APA Sheets: বার্ষিক কর্মসম্পাদন চুক্তির (APA) অগ্রগতি শিটের মূল্যায়ন।

ব্যবহার:
  apa score ফাইল|ফোল্ডার... [--json] [--mode interpolate|floor] [--na rescale|full|zero] [--final] [--bn|--en]
      প্রতিটি .xlsx/.csv ফাইলের (ফোল্ডার হলে তার .xlsx/.csv ফাইলগুলোর) প্রতিটি কর্মপরিকল্পনা শিটের নম্বর।
  apa check ফাইল|ফোল্ডার... [--json] [--bn]
      প্রতিটি শিটের সমস্যার তালিকা; কোনো ত্রুটি থাকলে প্রস্থান কোড ১।
  apa consolidate ফাইল|ফোল্ডার... -o OUT.xlsx [--json] [--mode ...] [--na ...] [--final] [--bn|--en]
                  [--directives কার্যবিবরণী [--today YYYY-MM-DD]]
      সব দপ্তরের নম্বর দিয়ে ক্রমানুসারে সারসংক্ষেপ ওয়ার্কবুক (সারসংক্ষেপ, সূচক, সমস্যা; --directives দিলে
      সময়সীমার শিট: কার্যবিবরণীর সাথে মিলিয়ে প্রতিটি দপ্তরের সূচক) তৈরি।
  apa help
      এই লেখা দেখায়।

অপশন:
  --json           সারণির বদলে একটি JSON ডকুমেন্ট
  --mode MODE      দুই স্তরের মাঝে: interpolate (রৈখিক অনুপাত, পূর্বনির্ধারিত) বা floor (নিচের স্তরের মান)
  --na RULE        প্রযোজ্য নয়: rescale (মান বাদ দিয়ে, পূর্বনির্ধারিত), full (পূর্ণ মান), zero (শূন্য)
  --final          চূড়ান্ত মূল্যায়ন: অপেক্ষমাণ সূচক = ০
  --bn             বাংলা লেবেল ও অঙ্ক (এবং বাংলা সারসংক্ষেপ ওয়ার্কবুক)
  --en             ইংরেজি লেবেল ও প্রতিবেদন (না বললে এটিই)
  -o, --output F   consolidate যে ওয়ার্কবুক লিখবে
  --jobs N         অনেক ফাইলের জন্য ওয়ার্কার থ্রেড (পূর্বনির্ধারিত: CPU কোরের চেয়ে একটি কম,
                   অন্তত ১টি; --jobs 1 দিলে এই থ্রেডেই পড়ে, ফাইলপ্রতি সময়সীমা ছাড়া)

প্রস্থান কোড: ০ ঠিক আছে; ১ কোনো ফাইল পড়া যায়নি বা তাতে কর্মপরিকল্পনা নেই, অথবা (check) ত্রুটি পাওয়া গেছে;
২ ভুল ব্যবহার।`,
  },
  'cli.usage.unknown-option': { bn: 'অজানা অপশন: {option}', en: 'unknown option: {option}' },
  'cli.usage.unknown-command': { bn: 'অজানা কমান্ড: {command}', en: 'unknown command: {command}' },
  'cli.usage.missing-value': { bn: '{option}-এর পরে একটি মান দিন', en: '{option} needs a value' },
  'cli.usage.bad-value': { bn: '{option}-এর মান "{value}" সঠিক নয় ({allowed})', en: 'bad value "{value}" for {option} ({allowed})' },
  'cli.usage.no-inputs': { bn: 'কোনো ফাইল বা ফোল্ডার দেওয়া হয়নি', en: 'no file or folder given' },
  'cli.usage.no-output': { bn: 'consolidate-এর জন্য -o OUT.xlsx দিন', en: 'consolidate needs -o OUT.xlsx' },
  'cli.usage.output-not-xlsx': { bn: 'আউটপুট ফাইলের নাম .xlsx দিয়ে শেষ হতে হবে: {file}', en: 'the output file must end in .xlsx: {file}' },
  'cli.usage.not-for-command': { bn: '{option} অপশনটি {command} কমান্ডে চলে না', en: '{option} does not apply to {command}' },
  'cli.output.is-input': {
    bn: '{file} একটি ইনপুট ফাইল; আউটপুট হিসেবে অন্য নাম দিন',
    en: '{file} is one of the inputs; give the output another name',
  },
  'cli.output.is-folder': {
    bn: '{file} একটি ফোল্ডার; আউটপুট হিসেবে একটি .xlsx ফাইলের নাম দিন',
    en: '{file} is a folder; give an .xlsx file name for the output',
  },
  'cli.output.not-ours': {
    bn: '{file} আগে থেকেই আছে এবং এটি apa-র লেখা নয়; মুছে ফেলুন বা অন্য নাম দিন (ফাইলটি বদলানো হয়নি)',
    en: '{file} exists and was not written by apa; delete it or choose another name (the file was not touched)',
  },
  'cli.progress': { bn: '\r[{done}/{total}] ফাইল, সেকেন্ডে {rate}টি', en: '\r[{done}/{total}] files, {rate}/s' },
  'cli.input.missing': { bn: '{file}: পাওয়া যায়নি', en: '{file}: no such file or folder' },
  'cli.input.empty-folder': { bn: '{file}: ফোল্ডারে কোনো .xlsx বা .csv ফাইল নেই', en: '{file}: the folder has no .xlsx or .csv files' },
  'cli.input.nothing': { bn: 'পড়ার মতো কোনো ফাইল নেই', en: 'no files to read' },
  'cli.write-failed': { bn: '{file} লেখা যায়নি: {detail}', en: 'could not write {file}: {detail}' },
  'cli.wrote': {
    bn: '{file} লেখা হয়েছে: {offices}টি দপ্তর, {skipped}টি বাদ, {problems}টি সমস্যা ({errors}টি ত্রুটি)',
    en: 'Wrote {file}: {offices} offices, {skipped} skipped, {problems} problems ({errors} errors)',
  },
  'cli.check.summary': {
    bn: '{files}টি ফাইল, {sheets}টি শিট: {errors}টি ত্রুটি, {warnings}টি সতর্কতা, {infos}টি তথ্য',
    en: '{files} files, {sheets} sheets: {errors} errors, {warnings} warnings, {infos} notes',
  },
  'cli.check.clean': { bn: 'কোনো সমস্যা নেই', en: 'no problems' },
  'cli.label.unreadable': { bn: 'পড়া যায়নি', en: 'unreadable' },
  'cli.col.raw': { bn: 'কাঁচা', en: 'Raw' },
  'cli.col.status': { bn: 'অবস্থা', en: 'Status' },
  'cli.col.tier': { bn: 'স্তর', en: 'Tier' },
  'cli.total': { bn: 'মোট: {score} / {max} = {percent}', en: 'Total: {score} of {max} = {percent}' },
  'cli.total.none': { bn: 'মোট: কোনো সূচকের নম্বর হয়নি', en: 'Total: nothing could be scored' },
  'cli.total.plan': { bn: 'পরিকল্পনার নম্বর {planScore} / {weight}', en: 'plan score {planScore} of {weight}' },
  'cli.total.counts': {
    bn: 'অপেক্ষমাণ {pending}, কথায় লেখা {inWords}, প্রযোজ্য নয় {na}, হিসাবযোগ্য নয় {invalid}',
    en: '{pending} pending, {inWords} in words, {na} n/a, {invalid} not scorable',
  },
  'cli.total.marks': { bn: 'এ পর্যন্ত প্রাপ্ত নম্বর: {applicable}-এর মধ্যে {score} ({percent})', en: 'marks so far: {score} of {applicable} ({percent})' },
  'cli.total.to-date': { bn: 'এ পর্যন্ত (অপেক্ষমাণ সূচক বাদে)', en: 'to date (pending indicators left out)' },
  'cli.total.final': { bn: 'চূড়ান্ত', en: 'final' },
  'cli.total.complete': { bn: 'সম্পূর্ণ', en: 'complete' },

  // ── apa directives / apa due (cli/minutes.ts): the ministry's minutes ──
  'cli.usage.minutes': {
    en: `The ministry's minutes (SCORING.md §10):
  apa directives MINUTES... [--json] [--bn]
      Read the decision table of meeting minutes (.docx, or an .xlsx/.csv holding its three
      columns): per decision the indicator, its deadlines, cadence and evidence, and problems.
  apa due FILE|FOLDER... --directives MINUTES [--today YYYY-MM-DD] [--json] [--ics OUT.ics] [--bn]
      Hold each office's plan against the minutes on a day (today in Asia/Dhaka by default):
      per indicator the deadline, days left, status, the evidence asked for and whether the
      sheet says it is attached. --ics writes every deadline as an all-day calendar event.`,
    bn: `মন্ত্রণালয়ের সভার কার্যবিবরণী (SCORING.md §10):
  apa directives কার্যবিবরণী... [--json] [--bn]
      কার্যবিবরণীর (.docx, অথবা তিন কলামের .xlsx/.csv) সিদ্ধান্তের সারণি পড়ে: প্রতিটি সিদ্ধান্তের সূচক,
      সময়সীমা, কত দিন পরপর, প্রমাণক এবং সমস্যা।
  apa due ফাইল|ফোল্ডার... --directives কার্যবিবরণী [--today YYYY-MM-DD] [--json] [--ics OUT.ics] [--bn]
      কোনো দিনে (পূর্বনির্ধারিত: ঢাকার আজকের দিন) প্রতিটি দপ্তরের কর্মপরিকল্পনা কার্যবিবরণীর সাথে মিলিয়ে দেখে:
      প্রতিটি সূচকের সময়সীমা, কত দিন বাকি, অবস্থা, কোন প্রমাণক চাওয়া হয়েছে ও শিটে তা সংযুক্ত বলা আছে কি না।
      --ics প্রতিটি সময়সীমা সারাদিনের ক্যালেন্ডার ইভেন্ট হিসেবে লেখে।`,
  },
  'cli.minutes.unreadable': {
    bn: 'কার্যবিবরণী পড়া গেল না, তাই কোনো প্রতিবেদন লেখা হয়নি: {reason}',
    en: 'the minutes could not be read, so no report was written: {reason}',
  },
  'cli.usage.no-directives': { bn: 'due-এর জন্য --directives কার্যবিবরণী দিন', en: 'due needs --directives MINUTES' },
  'cli.usage.bad-today': { bn: '--today-এর মান "{value}" সঠিক তারিখ নয় (YYYY-MM-DD)', en: 'bad value "{value}" for --today (a date, YYYY-MM-DD)' },
  'cli.usage.ics-not-ics': { bn: 'ক্যালেন্ডার ফাইলের নাম .ics দিয়ে শেষ হতে হবে: {file}', en: 'the calendar file must end in .ics: {file}' },
  'cli.output.ics-not-ours': {
    bn: '{file} আগে থেকেই আছে এবং এটি apa-র লেখা ক্যালেন্ডার নয়; মুছে ফেলুন বা অন্য নাম দিন (ফাইলটি বদলানো হয়নি)',
    en: '{file} exists and is not a calendar apa wrote; delete it or choose another name (the file was not touched)',
  },
  'cli.unreadable.doc': {
    bn: 'এটি পুরনো Word 97-2003 (.doc) ফাইল; Word-এ খুলে .docx হিসেবে সংরক্ষণ করুন',
    en: 'it is an old Word 97-2003 (.doc) document; open it in Word and save it as .docx',
  },
  'cli.unreadable.not-docx': { bn: 'এটি Word (.docx) ফাইল নয় বা ফাইলটি নষ্ট ({detail})', en: 'it is not a Word (.docx) document, or the file is damaged ({detail})' },
  'cli.minutes.summary': {
    bn: '{file}: {count}টি সিদ্ধান্ত, {problems}টি সমস্যা',
    en: '{file}: {count} decisions, {problems} problems',
  },
  'cli.due.title': { bn: '{office} — {file} › {sheet} (আজ {today})', en: '{office} — {file} › {sheet} (today {today})' },
  'cli.due.in-days': { bn: '{days} দিন বাকি', en: 'due in {days} days' },
  'cli.due.today': { bn: 'আজই শেষ দিন', en: 'due today' },
  'cli.due.late-days': { bn: '{days} দিন পেরিয়ে গেছে', en: 'overdue by {days} days' },
  'cli.due.next': { bn: 'পরের সময়সীমা {date}', en: 'next {date}' },
  'cli.wrote-ics': { bn: '{file} লেখা হয়েছে: {events}টি সময়সীমা (ক্যালেন্ডার ইভেন্ট)', en: 'Wrote {file}: {events} deadlines (calendar events)' },
  'cli.col.serial': { bn: 'ক্রম', en: 'SL' },
  'cli.col.cadence': { bn: 'কত দিন পরপর', en: 'Cadence' },
  'cli.col.deadline': { bn: 'সময়সীমা', en: 'Deadline' },
  'cli.col.evidence': { bn: 'প্রমাণক', en: 'Evidence' },
  'cli.col.attached': { bn: 'সংযুক্ত?', en: 'Attached' },
  'cli.col.plan-dates': { bn: 'কর্মপরিকল্পনার তারিখ', en: 'Plan dates' },
  'cli.col.where': { bn: 'ঘর', en: 'Cell' },
  // ── apa directives / apa due: add keys above this line ──
  // ── The command-line tool (cli): add keys above this line ──
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
  'limit.file-cells': {
    bn: 'ফাইলের শিটগুলোতে মোট {limit}টির বেশি ঘরে লেখা আছে; এই শিট ও এর পরের শিটগুলো পড়া হয়নি',
    en: 'the file\'s sheets hold more than {limit} cells together; this sheet and the ones after it were not read',
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
  // ── What is needed, that never misleads, and the directives sheet (issue 16: core/next.ts,
  // core/directives-sheet.ts, pane/WhatNeeded.tsx, pane/Directives.tsx) ──
  'next.invalid-cause': { bn: 'সূচকটির নম্বর হিসাব করা যায়নি: {cause}', en: 'This indicator cannot be scored: {cause}' },
  'next.cause.not-a-value': { bn: 'একটি ঘরে হিসাবযোগ্য মান নেই; ঘরে শুধু মানটি লিখুন।', en: 'a cell holds no value that can be scored; type only the value in it.' },
  'next.cause.targets-not-monotonic': { bn: 'লক্ষ্যমাত্রাগুলো অসাধারণ থেকে নিচের স্তর পর্যন্ত ক্রমানুসারে লিখুন।', en: 'write the targets in order, from Excellent down.' },
  'next.cause.no-targets': { bn: 'কোনো স্তরে লক্ষ্যমাত্রা নেই; অন্তত একটি লক্ষ্যমাত্রা লিখুন, অথবা প্রযোজ্য না হলে "প্রযোজ্য নয়" লিখুন।', en: 'no tier has a target; write at least one target, or "প্রযোজ্য নয়" if it does not apply.' },
  'next.cause.weight-missing': { bn: 'সূচকের মান (ওজন) লিখুন।', en: 'write the indicator\'s weight.' },
  'next.cause.weight-negative': { bn: 'সূচকের মান (ওজন) শূন্যের কম হতে পারে না; সঠিক মান লিখুন।', en: 'an indicator\'s weight cannot be below zero; write the right weight.' },
  'next.cause.sum-not-finite': { bn: 'মানগুলোর (ওজনের) যোগফল হিসাব করা যায় না, এত বড়; প্রতিটি সূচকের সঠিক মান লিখুন।', en: 'the weights add up to more than can be counted; write each indicator\'s right weight.' },
  'ui.next.no-plan': { bn: 'শিট "{sheet}"-এ কোনো কর্মপরিকল্পনা পাওয়া যায়নি, তাই কী প্রয়োজন তা দেখানো যাচ্ছে না।', en: 'No plan was found on sheet "{sheet}", so there is nothing to show of what is needed.' },
  'ui.next.all-top': { bn: 'হিসাবযোগ্য সব সূচক সর্বোচ্চ স্তরে আছে।', en: 'Every indicator that can be scored is at the top tier.' },
  'ui.next.counts': { bn: 'সর্বোচ্চ স্তরে {top}টি, প্রযোজ্য নয় {na}টি সূচক।', en: '{top} at the top tier, {na} not applicable.' },
  'ui.next.lapsed': {
    bn: 'সব স্তরের তারিখ ({date}) পেরিয়ে গেছে: তারিখ ধরে এই সূচকে আর নম্বর পাওয়া যাবে না। চূড়ান্ত মূল্যায়নে এটি পাবে {raw}% ({score}, মান {weight}-এর মধ্যে)।',
    en: 'Every tier date has passed (the last was {date}): this indicator can no longer earn marks by date. The final evaluation will give it {raw}% ({score} of its weight {weight}).',
  },
  'ui.next.lapsed-achieved': {
    bn: 'অর্জনের তারিখ লেখা হয়ে গেছে, আর ভালো স্তরের তারিখ পেরিয়ে গেছে: চূড়ান্ত মূল্যায়নে এটি পাবে {raw}% ({score}, মান {weight}-এর মধ্যে)।',
    en: 'The achievement date is written and the better tiers\' dates have passed: the final evaluation will give it {raw}% ({score} of its weight {weight}).',
  },
  'ui.next.invalid': { bn: 'হিসাবযোগ্য নয় ({count}): যা ঠিক করতে হবে', en: 'Cannot be scored ({count}): what to fix' },
  'ui.next.minutes': { bn: 'সভার সিদ্ধান্ত: শিট "{sheet}"', en: 'The minutes: sheet "{sheet}"' },
  'ui.next.no-minutes': { bn: 'এই ওয়ার্কবুকে সভার সিদ্ধান্ত (নির্দেশনা শিট) নেই; সময়সীমা ও প্রমাণক দেখতে "নির্দেশনা" দিয়ে কার্যবিবরণী যোগ করুন।', en: 'This workbook keeps no minutes (no Directives sheet); add the ministry\'s minutes with Directives to see deadlines and evidence.' },
  'ui.next.deadline': { bn: 'সভার সময়সীমা', en: 'Minutes\' deadline' },
  'ui.next.no-deadline': { bn: 'সভার সিদ্ধান্তে তারিখ নেই', en: 'No date in the minutes' },
  'ui.next.evidence': { bn: 'পাঠাতে হবে', en: 'Evidence to send' },
  'ui.next.evidence-attached': { bn: 'শিটে প্রমাণক: {state}', en: 'Evidence on the sheet: {state}' },
  'ui.next.others': { bn: 'সভার সিদ্ধান্তে আরও ({count})', en: 'Also in the minutes ({count})' },
  'directives.sheet': { bn: 'নির্দেশনা', en: 'Directives' },
  'directives.title': { bn: 'সভার সিদ্ধান্ত: সূচকভিত্তিক সময়সীমা ও প্রমাণক ({file})', en: 'Decisions of the minutes: deadlines and evidence per indicator ({file})' },
  'directives.col.id': { bn: 'সূচক', en: 'Indicator' },
  'directives.col.topic': { bn: 'আলোচনার বিষয়', en: 'Topic' },
  'directives.col.deadline': { bn: 'সময়সীমা', en: 'Deadline' },
  'directives.col.due': { bn: 'যা করতে হবে', en: 'What is due' },
  'directives.col.cadence': { bn: 'কত দিন পরপর', en: 'Cadence' },
  'directives.col.evidence': { bn: 'প্রমাণক', en: 'Evidence' },
  'directives.col.where': { bn: 'কার্যবিবরণীর ঘর', en: 'Cell in the minutes' },
  'directives.not-a-sheet': { bn: 'শিট "{sheet}" APA Sheets-এর লেখা নির্দেশনা শিট নয়: শিরোনামের সারি মেলেনি।', en: 'Sheet "{sheet}" is not a Directives sheet APA Sheets wrote: its header row does not match.' },
  'directives.bad-date': { bn: '"{text}" সঠিক তারিখ নয় (দিন/মাস/বছর লিখুন)।', en: '"{text}" is not a date (write day/month/year).' },
  'wb.directives-written': { bn: 'শিট "{sheet}"-এ সভার {count}টি সিদ্ধান্ত লেখা হয়েছে ({problems}টি সমস্যা)।', en: 'Wrote {count} decisions of the minutes to sheet "{sheet}" ({problems} problems).' },
  'wb.directives-same': { bn: 'শিট "{sheet}"-এ এই সিদ্ধান্তগুলোই আছে; কিছু বদলানো হয়নি।', en: 'Sheet "{sheet}" holds these decisions already; nothing was changed.' },
  'wb.directives-changed': {
    bn: 'শিট "{sheet}" APA Sheets লেখার পরে বদলানো হয়েছে, তাই এর ওপর লেখা হয়নি। বদলগুলো রাখতে চাইলে শিটটির নাম বদলান; না চাইলে শিটটি মুছে আবার চেষ্টা করুন।',
    en: 'Sheet "{sheet}" was changed after APA Sheets wrote it, so it was not overwritten. Rename it to keep your changes, or delete it and try again.',
  },
  'wb.directives-taken': {
    bn: 'শিট "{sheet}" আপনার নিজের শিট, তাই এর ওপর লেখা হয়নি; সিদ্ধান্তগুলো "{other}" নামে লেখা হলো।',
    en: 'Sheet "{sheet}" is your own sheet, so it was not overwritten; the decisions were written to "{other}".',
  },
  'wb.directives-none': { bn: '{file}-এ সভার সিদ্ধান্তের সারণি পাওয়া যায়নি; কিছু লেখা হয়নি।', en: 'No decision table was found in {file}; nothing was written.' },
  'wb.directives-unreadable': { bn: '{file} পড়া যায়নি: {detail}', en: '{file} could not be read: {detail}' },
  'wb.directives-kind': { bn: '{file}: কার্যবিবরণী .docx, .xlsx বা .csv ফাইল হতে হবে।', en: '{file}: the minutes must be a .docx, .xlsx or .csv file.' },
  'ui.directives.title': { bn: 'নির্দেশনা', en: 'Directives' },
  'ui.directives.intro': {
    bn: 'মন্ত্রণালয়ের সভার কার্যবিবরণী (.docx, .xlsx বা .csv) বেছে নিন: প্রতিটি সূচকের সময়সীমা ও প্রমাণক "নির্দেশনা" শিটে রাখা হবে, আর "কী প্রয়োজন" সেগুলো দেখাবে।',
    en: 'Choose the ministry\'s minutes (.docx, .xlsx or .csv): each indicator\'s deadlines and evidence are kept in a Directives sheet, and What is needed shows them.',
  },
  'ui.directives.choose': { bn: 'কার্যবিবরণী বেছে নিন', en: 'Choose the minutes' },
  'ui.directives.read': { bn: '{file}: {count}টি সিদ্ধান্ত', en: '{file}: {count} decisions' },
  // ── What is needed and the directives sheet (issue 16): add keys above this line ──
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
