import { toAsciiDigits } from './bengali-digits';
import { fiscalYearOfText, quarterOfText } from './header';
import { cleanText, compactText, nfcRegExp } from './text';

/** Who and when a sheet is about, from the cover-letter text above the table (SCORING.md §1). */
export interface SheetMeta {
  office: string | null;
  officeSource: 'name-line' | 'letterhead' | 'title' | null;
  fiscalYear: number | null;
  quarter: number | null;
}

// `দপ্তর/সংস্থার নামঃ শিশু কল্যাণ ট্রাস্ট।`, `অফিসের নাম: …`, `Name of office: …`
const NAME_LINE = nfcRegExp('^(?:(?:দপ্তর|সংস্থা|অফিস|কার্যালয়|প্রতিষ্ঠান)(?:\\s*/\\s*(?:দপ্তর|সংস্থা|অফিস|কার্যালয়|প্রতিষ্ঠান))*(?:ের|র|এর)?\\s*নাম|name\\s+of\\s+(?:the\\s+)?(?:office|organi[sz]ation|agency))\\s*[:ঃ\\-–]+\\s*(.+)$', 'i');
const GOVERNMENT = nfcRegExp('^গণপ্রজাতন্ত্রীবাংলাদেশসরকার$|^governmentofthepeople\'srepublicofbangladesh$');
const OFFICE_WORD = nfcRegExp('মন্ত্রণালয়|বিভাগ|অধিদপ্তর|অধিদফতর|পরিদপ্তর|দপ্তর|দফতর|কার্যালয়|ট্রাস্ট|কর্তৃপক্ষ|বোর্ড|কমিশন|গণগ্রন্থাগার|গ্রন্থাগার|একাডেমি|একাডেমী|ফাউন্ডেশন|ইনস্টিটিউট|ইন্সটিটিউট|ব্যাংক|কর্পোরেশন|পরিষদ|হাসপাতাল|কলেজ|বিশ্ববিদ্যালয়|অফিস|ministry|division|directorate|department|office|authority|board|commission|trust', 'i');
// Parts of an office (a branch sending the letter) and address lines are not the office.
const NOT_THE_OFFICE = nfcRegExp('শাখা|অনুবিভাগ|অধিশাখা|ইউনিট|সেল|ভবন|সড়ক|রোড|সচিবালয়|www\\.|@|https?:|wing|branch|section|unit\\b|building|road', 'i');

function stripEnd(s: string): string {
  return s.replace(/[\s।.,;:]+$/u, '').trim();
}

/** Reads the sheet's own words above the table, in order, one text per line. */
export function readMeta(lines: string[], headerTexts: string[]): SheetMeta {
  const meta: SheetMeta = { office: null, officeSource: null, fiscalYear: null, quarter: null };
  const clean = lines.map(cleanText).filter((l) => l.length > 0);

  for (const line of clean) {
    const m = NAME_LINE.exec(line);
    if (m && stripEnd(m[1])) {
      meta.office = stripEnd(m[1]);
      meta.officeSource = 'name-line';
      break;
    }
  }
  if (!meta.office) {
    const start = clean.findIndex((l) => GOVERNMENT.test(compactText(l)));
    if (start >= 0) {
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
  }

  // The targets' own header names the year best; then the title and letter.
  for (const t of [...headerTexts, ...clean]) {
    const fy = fiscalYearOfText(t);
    if (fy !== null) {
      meta.fiscalYear = fy;
      break;
    }
  }
  for (const t of [...clean].reverse()) {
    const q = quarterOfText(t);
    if (q !== null) {
      meta.quarter = q;
      break;
    }
  }
  return meta;
}
