import { toAsciiDigits, toBengaliDigits } from './bengali-digits';
import { cleanText } from './text';

/** Dates are whole days since 1970-01-01 (UTC): no time zone can shift them. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Excel's serial for 1970-01-01 in the 1900 date system. */
const EXCEL_EPOCH_OFFSET = 25_569;

export function dayFromYmd(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2199) return null;
  if (day > daysInMonth(year, month)) return null; // 31/02
  return daysFromCivil(year, month, day);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1];
}

/** Days since 1970-01-01 of a valid Gregorian date, by arithmetic (H. Hinnant's days_from_civil):
 * this runs for every date cell, and a `Date` per cell is far slower. Years here are ≥ 1900. */
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function ymdOfDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dayFromExcelSerial(serial: number): Day {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

export function excelSerialOfDay(day: Day): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** A `Date` from a host. ExcelJS gives UTC wall-clock times (a date at UTC midnight); Apps
 * Script gives midnight in the spreadsheet's zone (Asia/Dhaka is 18:00 UTC the day before).
 * Without the host's offset, rounding to the nearest UTC day gives the calendar date the user
 * typed for every zone within ±12 h; with it, the day is the wall-clock date. */
export function dayFromJsDate(date: Date, offsetMinutes?: number): Day | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  // A host that says at which UTC offset its Dates are wall-clock times: a date-time is its
  // date, the time of day ignored (SCORING.md §3).
  if (offsetMinutes !== undefined) return Math.floor((t + offsetMinutes * 60_000) / MS_PER_DAY);
  return Math.round(t / MS_PER_DAY);
}

export function jsDateOfDay(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** Today's date in Asia/Dhaka (UTC+6, no daylight saving), for "days remaining". */
export function todayInDhaka(now: Date = new Date()): Day {
  return Math.floor((now.getTime() + 6 * 3_600_000) / MS_PER_DAY);
}

/** True when an Excel number format shows a date (d, m with y, or y), ignoring quoted text,
 * colours/locales in brackets and pure time formats. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').toLowerCase();
  if (f === 'general' || f.includes('0') || f.includes('#')) return false;
  return /d|y/.test(f) || /m.*y|y.*m/.test(f);
}

export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}

const GREGORIAN_MONTHS: [number, string[]][] = [
  [1, ['জানুয়ারি', 'জানুয়ারী', 'জানুয়ারি', 'january', 'jan']],
  [2, ['ফেব্রুয়ারি', 'ফেব্রুয়ারী', 'ফেব্রুয়ারি', 'february', 'feb']],
  [3, ['মার্চ', 'march', 'mar']],
  [4, ['এপ্রিল', 'april', 'apr']],
  [5, ['মে', 'may']],
  [6, ['জুন', 'june', 'jun']],
  [7, ['জুলাই', 'july', 'jul']],
  [8, ['আগস্ট', 'আগষ্ট', 'অগাস্ট', 'august', 'aug']],
  [9, ['সেপ্টেম্বর', 'সেপ্টেম্বার', 'september', 'sep', 'sept']],
  [10, ['অক্টোবর', 'অক্টোবার', 'october', 'oct']],
  [11, ['নভেম্বর', 'নভেম্বার', 'november', 'nov']],
  [12, ['ডিসেম্বর', 'ডিসেম্বার', 'december', 'dec']],
];
const MONTH_BY_NAME = new Map<string, number>();
for (const [m, names] of GREGORIAN_MONTHS) for (const n of names) MONTH_BY_NAME.set(n.normalize('NFC'), m);

/** 1–12 for a Gregorian month's name (Bengali or English, as offices spell them), else null. */
export function monthOfName(name: string): number | null {
  return MONTH_BY_NAME.get(name.toLowerCase().normalize('NFC').replace(/[.,]$/, '')) ?? null;
}

/** Months of the Bangla calendar: a date written with them is an annotation, never a score input. */
const BANGLA_MONTHS = ['বৈশাখ', 'জ্যৈষ্ঠ', 'জৈষ্ঠ', 'আষাঢ়', 'আষাঢ়', 'শ্রাবণ', 'ভাদ্র', 'আশ্বিন', 'কার্তিক', 'অগ্রহায়ণ', 'অগ্রহায়ণ', 'পৌষ', 'মাঘ', 'ফাল্গুন', 'চৈত্র'].map((s) => s.normalize('NFC'));

/** True for a month of the Bangla calendar (`কার্তিক`). */
export function isBanglaMonth(name: string): boolean {
  return BANGLA_MONTHS.includes(name.normalize('NFC'));
}

export type DateText =
  | { kind: 'date'; day: Day }
  | { kind: 'bangla-calendar' }
  | { kind: 'impossible' }
  | null;

const ERA_SUFFIX = /\s*(খ্রিঃ|খ্রি:|খ্রি\.?|খ্রিস্টাব্দ|খ্রিষ্টাব্দ|ইং|তারিখ)\s*\.?$/;
// A time of day after a date (`১৬/০৩/২০২৫ ১০:৩০`, `16-03-2025 2:15 PM`): a date-time is its date.
const TIME_SUFFIX = /\s+\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?$/i;

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** Reads a date typed as text, day first always: `১৬/০৩/২০২২`, `১৬-০৩-২০২২`, `১৬.০৩.২০২৫`,
 * `৬/০৪/২৫`, `১৬ মার্চ ২০২৫`. Returns null when the text is not shaped like a date at all. */
export function parseDateText(input: string): DateText {
  const text = toAsciiDigits(cleanText(input)).replace(TIME_SUFFIX, '').replace(ERA_SUFFIX, '').trim();
  let m = /^(\d{1,4})\s*[/\-.]\s*(\d{1,4})\s*[/\-.]\s*(\d{1,4})$/.exec(text);
  if (m) {
    if (m[3].length !== 2 && m[3].length !== 4) return { kind: 'impossible' };
    const day = dayFromYmd(fullYear(m[3]), Number(m[2]), Number(m[1]));
    return day === null ? { kind: 'impossible' } : { kind: 'date', day };
  }
  m = /^(\d{1,2})\s*([^\d\s,.]+)[\s,.]*(\d{2}|\d{4})$/.exec(text) ?? null;
  let monthName: string | undefined;
  let d: string | undefined;
  let y: string | undefined;
  if (m) [, d, monthName, y] = m;
  else {
    const m2 = /^([^\d\s,.]+)\s*(\d{1,2})\s*,?\s*(\d{4})$/.exec(text);
    if (m2) [, monthName, d, y] = m2;
  }
  if (monthName && d && y) {
    const name = monthName.toLowerCase().normalize('NFC');
    const month = MONTH_BY_NAME.get(name);
    if (month) {
      const day = dayFromYmd(fullYear(y), month, Number(d));
      return day === null ? { kind: 'impossible' } : { kind: 'date', day };
    }
    if (BANGLA_MONTHS.includes(name)) return { kind: 'bangla-calendar' };
  }
  return null;
}

/** `dd/mm/yyyy`, with Bengali digits for 'bn'. */
export function formatDay(day: Day, language: 'bn' | 'en' = 'en'): string {
  const { year, month, day: d } = ymdOfDay(day);
  const s = `${String(d).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  return language === 'bn' ? toBengaliDigits(s) : s;
}

/** ISO `yyyy-mm-dd`, for JSON. */
/** `2024-03-20` → its day; null for anything else (a date that does not exist too). */
export function dayOfIso(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function isoOfDay(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The fiscal year (1 July – 30 June) that starts in `startYear`, as days. */
export function fiscalYearBounds(startYear: number): { first: Day; last: Day } {
  return { first: dayFromYmd(startYear, 7, 1)!, last: dayFromYmd(startYear + 1, 6, 30)! };
}
