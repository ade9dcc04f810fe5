import { toAsciiDigits } from './bengali-digits';
import type { CellValue } from './grid';
import { Day, formatDay, dayFromExcelSerial, dayFromJsDate, fiscalYearBounds, isDateFormat, isPercentFormat, parseDateText } from './dates';
import { candidatesIn, distinct, isSentence, speaksOfFuture } from './sentence';
import { cleanText, compactText, nfcRegExp, nfcSet } from './text';
import { dateValue, numberValue, readCommonText } from './value-text';

/** What a cell holds once read (SCORING.md §3). Percents are in percent points (90.59). */
export type Value =
  | { kind: 'empty' }
  | { kind: 'na' }
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'date'; day: Day }
  | { kind: 'invalid'; reason: InvalidReason; text: string }
  /** Progress reported in words (an achievement that is a sentence with no one value of its
   * unit): pending for the score, quoted at its cell. `candidates`: the values it named when it
   * named two or more; `future`: it speaks of what is yet to be done. */
  | { kind: 'words'; text: string; candidates: string[]; future: boolean };

export type InvalidReason =
  | 'free-text'
  | 'impossible-date'
  | 'bangla-calendar'
  | 'host-error'
  | 'date-for-number'
  | 'number-for-date'
  | 'implausible-date';

export type Unit = 'date' | 'percent' | 'count';

export const EMPTY: Value = { kind: 'empty' };
export const NOT_APPLICABLE: Value = { kind: 'na' };

const NO_VALUE_MARKS = new Set(['-', '--', '---', '—', '–', '−', '_', '...', '…']);
const NA_MARKS = nfcSet(['প্রযোজ্যনয়', 'প্রযোজ্যনহে', 'প্রযোজ্যনয়', 'n/a', 'na', 'n.a.', 'notapplicable']);
const HOST_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|CALC!|SPILL!|ERROR!|BUSY!|GETTING_DATA|CONNECT!|FIELD!|BLOCKED!|UNKNOWN!)$/i;
// A number as offices type it: sign, thousands separators, decimals, then %, শতাংশ or টি.
const NUMBER_TEXT = /^([+-]?)(\d{1,3}(?:,\d{2,3})+|\d+)?(?:\.(\d+))?\s*(%|শতাংশ|টি|টা)?$/;

function numberFromText(ascii: string): { value: number; percent: boolean } | null {
  const m = NUMBER_TEXT.exec(ascii);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const whole = (m[2] ?? '0').replace(/,/g, '');
  const value = Number(`${m[1]}${whole}${m[3] !== undefined ? '.' + m[3] : ''}`);
  if (!Number.isFinite(value)) return null;
  return { value, percent: m[4] === '%' || m[4] === 'শতাংশ' };
}

/** How a sheet's real date cells are read. */
export interface CellContext {
  /** A real date cell before this day is no plausible date (SCORING.md §3: before the fiscal
   * year's previous year); `earliestPlausibleDay` makes it from the plan's fiscal year. */
  earliestDay?: Day;
  /** Minutes east of UTC at which the host's `Date` values are wall-clock times (files: 0). */
  timeZoneOffsetMinutes?: number;
}

/** Excel's day 1 (1900-01-01): a date cell holding 0 or less shows `00/01/1900` or `#####`. */
const FIRST_SERIAL_DAY = dayFromExcelSerial(1);

/** The first day a real date cell of a plan of this fiscal year may hold: 1 July of the year
 * before (the start of the previous fiscal year). */
export function earliestPlausibleDay(fiscalYear: number | null): Day | undefined {
  return fiscalYear === null ? undefined : fiscalYearBounds(fiscalYear - 1).first;
}

function realDate(day: Day | null, text: string, context: CellContext | undefined): Value {
  if (day === null) return { kind: 'invalid', reason: 'impossible-date', text };
  if (day < FIRST_SERIAL_DAY || (context?.earliestDay !== undefined && day < context.earliestDay)) {
    return { kind: 'invalid', reason: 'implausible-date', text: formatDay(day) };
  }
  return dateValue(day);
}

/** Reads one cell as SCORING.md §3 says, before the indicator's unit is known. A number cell
 * formatted as a date is a date (a date-time is its date) unless it is no plausible date (0,
 * negative, before the fiscal year's previous year); one formatted as a percent holds a
 * fraction (0.9059 → 90.59). */
export function readCell(raw: CellValue, format?: string | null, context?: CellContext): Value {
  if (raw === null || raw === undefined) return EMPTY;
  if (raw instanceof Date) return realDate(dayFromJsDate(raw, context?.timeZoneOffsetMinutes), String(raw), context);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'invalid', reason: 'host-error', text: String(raw) };
    if (isDateFormat(format)) return raw <= 0 ? { kind: 'invalid', reason: 'implausible-date', text: String(raw) } : realDate(dayFromExcelSerial(raw), String(raw), context);
    if (isPercentFormat(format)) return numberValue(roundPercent(raw * 100), true);
    return numberValue(raw, false);
  }
  if (typeof raw === 'boolean') return { kind: 'invalid', reason: 'free-text', text: String(raw) };
  return readText(String(raw));
}

/** Reads text typed into a cell (or passed to =APA.VALUE): the common shapes by hand, the rest
 * by the general reader. Nothing is cached: every cell is read. */
export function readText(input: string): Value {
  if (input.length === 0) return EMPTY;
  return readCommonText(input) ?? readTextGeneral(input);
}

/** SCORING.md §3 in full; `readCommonText` is a faster path for what it is sure of. */
export function readTextGeneral(input: string): Value {
  const text = cleanText(input);
  if (text === '' || NO_VALUE_MARKS.has(text)) return EMPTY;
  if (HOST_ERROR.test(text)) return { kind: 'invalid', reason: 'host-error', text };
  const compact = compactText(text);
  if (NA_MARKS.has(compact)) return NOT_APPLICABLE;
  const ascii = toAsciiDigits(text).replace(/[\u066b]/g, '.');
  const n = numberFromText(ascii);
  if (n) return { kind: 'number', value: n.value, percent: n.percent };
  const d = parseDateText(text);
  if (d?.kind === 'date') return { kind: 'date', day: d.day };
  if (d?.kind === 'bangla-calendar') return { kind: 'invalid', reason: 'bangla-calendar', text };
  if (d?.kind === 'impossible') return { kind: 'invalid', reason: 'impossible-date', text };
  return { kind: 'invalid', reason: 'free-text', text };
}

/** Multiplying a fraction by 100 leaves binary noise (0.9059*100 = 90.58999…); 10 decimals is
 * far below anything a sheet shows. */
function roundPercent(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}

export interface CoerceOptions {
  /** Formats are unknown (custom-function arguments): a percent number ≤ 1 is a fraction from a
   * percent-formatted cell, and a number in a date indicator is a date serial. */
  formatsUnknown?: boolean;
}

/** The value as the indicator's unit reads it: `০` in a date column means "nothing yet"; a date
 * in a count or percent column, or a number in a date column, is not a value. */
export function coerceToUnit(value: Value, unit: Unit, options: CoerceOptions = {}): Value {
  if (value.kind !== 'number' && value.kind !== 'date') return value;
  if (unit === 'date') {
    if (value.kind === 'date') return value;
    if (value.value === 0) return EMPTY;
    if (options.formatsUnknown && !value.percent && value.value >= 20_000 && value.value < 80_000) {
      return { kind: 'date', day: dayFromExcelSerial(value.value) };
    }
    return { kind: 'invalid', reason: 'number-for-date', text: String(value.value) };
  }
  if (value.kind === 'date') return { kind: 'invalid', reason: 'date-for-number', text: formatDay(value.day) };
  if (unit === 'percent' && options.formatsUnknown && !value.percent && Math.abs(value.value) <= 1 && value.value !== 0) {
    return { kind: 'number', value: roundPercent(value.value * 100), percent: true };
  }
  return value;
}

/** An achievement as the indicator's unit reads it (SCORING.md §3), and the sentence it was read
 * from when it was one. Text that is a sentence is *reported in words* unless it holds exactly
 * one value of the unit (and does not speak of the future): then that value is read. */
export interface AchievementReading {
  value: Value;
  /** The sentence the value was read from. */
  sentence?: string;
}

export function readAchievement(value: Value, unit: Unit, options: CoerceOptions = {}): AchievementReading {
  const v = coerceToUnit(value, unit, options);
  if (v.kind !== 'invalid' || v.reason !== 'free-text' || !isSentence(v.text)) return { value: v };
  const found = distinct(candidatesIn(v.text, unit));
  // A plan for later names its date: it is no achievement (noted only when it named one value).
  const future = found.length === 1 && speaksOfFuture(v.text);
  if (found.length === 1 && !future) {
    const c = found[0];
    const read: Value = c.kind === 'date' ? dateValue(c.x) : numberValue(c.x, c.kind === 'percent');
    return { value: read, sentence: v.text };
  }
  return { value: { kind: 'words', text: v.text, candidates: found.length > 1 ? found.map((c) => c.shown) : [], future } };
}

/** Unit from the unit column's text (একক): তারিখ, %, সংখ্যা… or their English names. Any other
 * unit that is not a date or a percent (সংখ্যা (হাজার), কোটি টাকা, জন …) is a count. */
const DATE_UNIT = nfcRegExp('তারিখ|^date|^dd/mm|দিন-মাস');
const PERCENT_UNIT = nfcRegExp('%|শতাংশ|percent|^হার$|^rate');

export function unitFromText(text: string): Unit | null {
  const known = COMMON_UNITS.get(text);
  return known !== undefined ? known : unitFromTextGeneral(text);
}

function unitFromTextGeneral(text: string): Unit | null {
  const c = compactText(toAsciiDigits(text));
  if (c === '' || NO_VALUE_MARKS.has(c)) return null;
  if (DATE_UNIT.test(c)) return 'date';
  if (PERCENT_UNIT.test(c)) return 'percent';
  return 'count';
}

/** The unit words nearly every row carries, decided once by the rules above: a fixed keyword
 * table (not learned from the sheet), so the common row skips four regular expressions. */
const COMMON_UNITS = new Map<string, Unit | null>();
for (const word of ['সংখ্যা', '%', 'তারিখ', 'শতাংশ', 'টাকা', 'জন', 'Number', 'Date', 'count', 'percent', 'date']) {
  for (const w of new Set([word, word.normalize('NFC')])) COMMON_UNITS.set(w, unitFromTextGeneral(w));
}
