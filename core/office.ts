import { toAsciiDigits } from './bengali-digits';
import { fiscalYearOfText, quarterOfPeriod, quarterOfText } from './header';
import { PLAN_KIND_WORDS, SUBSUMED } from './plan-kinds';
import { cleanText, compactText, nfcRegExp } from './text';
import type { PlanKind } from './tiers';

/** Who and when a sheet is about (SCORING.md §1): the office, the plan's kind, fiscal year and
 * quarter, from the cover-letter text above the table, the table's headers and, failing those,
 * the remarks and the file's name. */
export interface SheetMeta {
  office: string | null;
  officeSource: 'name-line' | 'letterhead' | 'title' | null;
  fiscalYear: number | null;
  quarter: number | null;
  kind: PlanKind | null;
}

// `দপ্তর/সংস্থার নামঃ শিশু কল্যাণ ট্রাস্ট।`, `অফিসের নাম: …`, `Name of office: …`
const NAME_LINE = nfcRegExp('^(?:(?:দপ্তর|সংস্থা|অফিস|কার্যালয়|প্রতিষ্ঠান)(?:\\s*/\\s*(?:দপ্তর|সংস্থা|অফিস|কার্যালয়|প্রতিষ্ঠান))*(?:ের|র|এর)?\\s*নাম|name\\s+of\\s+(?:the\\s+)?(?:office|organi[sz]ation|agency)(?:\\s*/\\s*(?:office|organi[sz]ation|agency))*)\\s*[:ঃ\\-–]+\\s*(.+)$', 'i');
const GOVERNMENT = nfcRegExp('^গণপ্রজাতন্ত্রীবাংলাদেশসরকার$|^governmentofthepeople\'srepublicofbangladesh$');
const OFFICE_WORD = nfcRegExp('মন্ত্রণালয়|বিভাগ|অধিদপ্তর|অধিদফতর|পরিদপ্তর|দপ্তর|দফতর|কার্যালয়|ট্রাস্ট|কর্তৃপক্ষ|বোর্ড|কমিশন|গণগ্রন্থাগার|গ্রন্থাগার|একাডেমি|একাডেমী|ফাউন্ডেশন|ইনস্টিটিউট|ইন্সটিটিউট|ব্যাংক|কর্পোরেশন|পরিষদ|হাসপাতাল|কলেজ|বিশ্ববিদ্যালয়|অফিস|ministry|division|directorate|department|office|authority|board|commission|trust', 'i');
// Parts of an office (a branch sending the letter) and address lines are not the office.
const NOT_THE_OFFICE = nfcRegExp('শাখা|অনুবিভাগ|অধিশাখা|ইউনিট|সেল|ভবন|সড়ক|রোড|সচিবালয়|www\\.|@|https?:|wing|branch|section|unit\\b|building|road', 'i');

function stripEnd(s: string): string {
  return s.replace(/[\s।.,;:ঃ\-–]+$/u, '').trim();
}

// ---------------------------------------------------------------------------------------------
// The plan's kind

const KIND_ENTRIES = PLAN_KIND_WORDS.map((k) => ({
  kind: k.kind,
  part: k.part.map((p) => compactText(p)),
  word: k.word.map((w) => w.toLowerCase().normalize('NFC')),
}));

/** The plan a text names (a title, a header, a remark, a file name), or null when it names none
 * or several action plans (`শুদ্ধাচার, ই-গভর্ন্যান্স …, তথ্য অধিকার কর্মপরিকল্পনার অগ্রগতি …`). */
export function planKindOfText(text: string): PlanKind | null {
  const compact = compactText(text);
  let words: Set<string> | undefined;
  // The word entries are Latin abbreviations (and এপিএ): a text with neither has none of them.
  const mayHaveWords = /[a-z]/i.test(text) || text.includes('এপিএ');
  const hasWord = (w: string) => {
    if (!mayHaveWords) return false;
    words ??= new Set(cleanText(text).toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean));
    return words.has(w) || words.has(w.replace(/-/g, ''));
  };
  const found = new Set<PlanKind>();
  for (const k of KIND_ENTRIES) if (k.part.some((p) => compact.includes(p)) || k.word.some(hasWord)) found.add(k.kind);
  for (const [wider, narrower] of SUBSUMED) if (found.has(wider)) found.delete(narrower);
  // An action plan is part of the APA: its name decides over the APA's.
  if (found.size > 1) found.delete('apa');
  return found.size === 1 ? [...found][0] : null;
}

function firstOf<T>(texts: Iterable<string>, read: (t: string) => T | null): T | null {
  for (const t of texts) {
    const v = read(t);
    if (v !== null) return v;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The office

// Cut a title at what follows the office's name: the plan's name, a fiscal year, `এর`.
const TITLE_CUT = nfcRegExp('\\s*(?:-?এর\\s|\\s(?:এর|র)\\s|(?:বার্ষিক|ই-গভ|ইগভ|জাতীয় শুদ্ধাচার|শুদ্ধাচার|অভিযোগ|সেবা প্রদান|তথ্য অধিকার|উদ্ভাবন|annual|e-gov|national integrity|grievance|citizen|right to information)|\\d{4}\\s*[-–/])', 'iu');
const GENITIVE = nfcRegExp('(?:ের|\\s*-?এর)$', 'u');

/** The office a title names before its plan (`জনপ্রশাসন মন্ত্রণালয়ের ই-গভর্ন্যান্স ও উদ্ভাবন
 * কর্মপরিকল্পনা ২০২১-২২` → `জনপ্রশাসন মন্ত্রণালয়`), or null. */
export function officeOfTitle(line: string): string | null {
  const text = cleanText(line);
  if (text.length > 160) return null;
  const cut = TITLE_CUT.exec(text);
  const head = stripEnd((cut && cut.index > 0 ? text.slice(0, cut.index) : cut ? '' : text).replace(GENITIVE, ''));
  if (!head || !OFFICE_WORD.test(head) || NOT_THE_OFFICE.test(head) || head.length > 90) return null;
  return head;
}

/** Reads the sheet's own words above the table, in order, one text per line, and the texts of
 * the targets' headers. */
export function readMeta(lines: string[], headerTexts: string[]): SheetMeta {
  const meta: SheetMeta = { office: null, officeSource: null, fiscalYear: null, quarter: null, kind: null };
  const clean = lines.map(cleanText).filter((l) => l.length > 0);

  for (const line of clean) {
    const m = NAME_LINE.exec(line);
    if (m && stripEnd(m[1])) {
      meta.office = stripEnd(m[1]);
      meta.officeSource = 'name-line';
      break;
    }
  }
  const start = clean.findIndex((l) => GOVERNMENT.test(compactText(l)));
  if (!meta.office && start >= 0) {
    let office: string | null = null;
    for (let i = start + 1; i < clean.length && i <= start + 8; i++) {
      const line = clean[i];
      if (line.length > 90) break; // the letter itself has begun
      if (/\d/.test(toAsciiDigits(line)) && !OFFICE_WORD.test(line)) break; // memo no., date
      if (OFFICE_WORD.test(line) && !NOT_THE_OFFICE.test(line)) office = stripEnd(line);
    }
    if (office) {
      meta.office = office;
      meta.officeSource = 'letterhead';
    }
  }
  // No letterhead: a sheet whose title is its first line takes its office from it.
  if (!meta.office && start < 0 && clean.length) {
    const office = officeOfTitle(clean[0]);
    if (office) {
      meta.office = office;
      meta.officeSource = 'title';
    }
  }

  // The targets' own header names the year best; then the title and letter; then a quarter's
  // months with their year (`অক্টোবর/২৪-ডিসেম্বর/২৪`).
  meta.fiscalYear = firstOf([...headerTexts, ...clean], fiscalYearOfText) ?? firstOf([...headerTexts, ...clean], (t) => quarterOfPeriod(t)?.fiscalYear ?? null);
  // The nearest line to the table names the quarter and the plan best.
  const nearestFirst = [...clean].reverse();
  meta.quarter = firstOf(nearestFirst, quarterOfText) ?? firstOf(headerTexts, quarterOfText);
  meta.kind = firstOf(nearestFirst, planKindOfText) ?? firstOf(headerTexts, planKindOfText);
  return meta;
}

/** What a file's or tab's name says: `000-mopa-egov-2021-22-q1.xlsx`. */
export function metaOfName(name: string): { fiscalYear: number | null; quarter: number | null; kind: PlanKind | null } {
  const base = name.split(/[\\/]/).pop() ?? name;
  const spaced = base.replace(/\.(xlsx|xlsm|xls|csv|ods)$/i, '').replace(/[_]+/g, ' ');
  const q = /(?:^|[^a-z0-9])q([1-4])(?![0-9])/i.exec(toAsciiDigits(spaced));
  return { fiscalYear: fiscalYearOfText(spaced), quarter: q ? Number(q[1]) : quarterOfText(spaced.replace(/-/g, ' ')), kind: planKindOfText(spaced) };
}
