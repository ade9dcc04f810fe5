import { dayFromYmd } from './dates';
import type { Value } from './values';

/**
 * The shapes almost every value cell has — a number (`১,২০০`, `৯০.৫৯%`, `৮৫ %`, `-2`) or a
 * numeric day-first date (`১৬/০৩/২০২৫`, `৬-৪-২৫`) in Bengali and/or ASCII digits — read
 * straight from the char codes, with no intermediate strings: this runs for every cell.
 *
 * It returns undefined for anything else, and also for any case it does not settle for certain
 * (spaces to clean, `শতাংশ`, month names, impossible dates, more than 15 digits); the general
 * reader in values.ts decides those. A property test checks it against that reader.
 */

const ZERO_BN = 0x09e6;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
// Up to 15 digits the digits as an integer, and 10^k, are exact doubles, so one division
// rounds exactly as Number() does on the same text.
const MAX_DIGITS = 15;

/** 0–9 for an ASCII or Bengali digit, else -1. */
function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= ZERO_BN && c <= ZERO_BN + 9) return c - ZERO_BN;
  return -1;
}

export function readCommonText(s: string): Value | undefined {
  const n = s.length;
  if (n === 0 || n > 32) return undefined;
  const c0 = s.charCodeAt(0);
  if (digitOf(c0) < 0) return c0 === 43 || c0 === 45 || c0 === 46 ? readNumber(s, n) : undefined; // + - .
  // Starts with a digit: a number, or a date when the first run ends in / - or a second '.'.
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (digitOf(c) >= 0) continue;
    if (c === 47 || c === 45) return readDate(s, n);
    if (c === 46) {
      let j = i + 1;
      while (j < n && digitOf(s.charCodeAt(j)) >= 0) j++;
      return j < n && (s.charCodeAt(j) === 46 || s.charCodeAt(j) === 47 || s.charCodeAt(j) === 45) ? readDate(s, n) : readNumber(s, n);
    }
    break;
  }
  return readNumber(s, n);
}

/** `[+-]? (d+ | d{1,3}(,d{2,3})+)? (.d+)? ( ?%)?` with at least one digit. */
function readNumber(s: string, n: number): Value | undefined {
  let i = 0;
  let negative = false;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) {
    negative = c === 45;
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let group = 0; // digits since the last comma (or the start)
  let commas = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    const d = digitOf(c);
    if (d >= 0) {
      mantissa = mantissa * 10 + d;
      digits++;
      group++;
    } else if (c === 44) {
      // Indian or western grouping: a first group of 1–3 digits, then groups of 2–3.
      if (group === 0 || group > 3 || (commas > 0 && group < 2)) return undefined;
      commas++;
      group = 0;
    } else break;
  }
  if (commas > 0 && (group < 2 || group > 3)) return undefined;
  let decimals = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    for (i++; i < n; i++) {
      const d = digitOf(s.charCodeAt(i));
      if (d < 0) break;
      mantissa = mantissa * 10 + d;
      decimals++;
    }
    if (decimals === 0) return undefined;
    digits += decimals;
  }
  if (digits === 0 || digits > MAX_DIGITS) return undefined;
  let percent = false;
  if (i < n) {
    if (s.charCodeAt(i) === 32) i++;
    if (i !== n - 1 || s.charCodeAt(i) !== 37) return undefined; // only `%` may follow
    percent = true;
  }
  const magnitude = decimals === 0 ? mantissa : mantissa / POW10[decimals];
  return numberValue(negative ? -magnitude : magnitude, percent);
}

/** `d{1,4} [/-.] d{1,4} [/-.] d{2}|d{4}`, day first; two-digit years are 20yy. */
function readDate(s: string, n: number): Value | undefined {
  let d = 0;
  let m = 0;
  let y = 0;
  let part = 0;
  let len = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const digit = digitOf(c);
    if (digit >= 0) {
      if (++len > 4) return undefined;
      if (part === 0) d = d * 10 + digit;
      else if (part === 1) m = m * 10 + digit;
      else y = y * 10 + digit;
    } else if ((c === 47 || c === 45 || c === 46) && len > 0 && part < 2) {
      part++;
      len = 0;
    } else return undefined;
  }
  if (part !== 2 || (len !== 2 && len !== 4)) return undefined;
  const day = dayFromYmd(len === 2 ? 2000 + y : y, m, d);
  return day === null ? undefined : dateValue(day);
}

/* A sheet's values are a few small whole numbers (targets ৪ ৩ ২ ১, tier percents, weights) and
 * days of one or two years, repeated on every row. Values are immutable, so those are shared
 * objects: a plan of 100,000 rows then holds far fewer objects for the garbage collector to
 * copy. Every cell is still read; only the resulting object is shared. */
const SHARED_INTEGERS = 1024;
const sharedNumbers: Value[] = [];
const sharedPercents: Value[] = [];
// Days 1900-01-01 … 2199-12-31, the years dayFromYmd accepts.
const FIRST_DAY = -25_567;
const LAST_DAY = 84_005;
let sharedDays: (Value | undefined)[] | null = null;

export function numberValue(value: number, percent: boolean): Value {
  // Whole numbers only, and not -0: a shared object must be the one the reader would make.
  if (value >= 0 && value < SHARED_INTEGERS && (value | 0) === value && !Object.is(value, -0)) {
    const table = percent ? sharedPercents : sharedNumbers;
    let v = table[value];
    if (v === undefined) {
      for (let i = table.length; i <= value; i++) table.push({ kind: 'number', value: i, percent });
      v = table[value];
    }
    return v;
  }
  return { kind: 'number', value, percent };
}

export function dateValue(day: number): Value {
  if (day < FIRST_DAY || day > LAST_DAY || (day | 0) !== day || Object.is(day, -0)) return { kind: 'date', day };
  sharedDays ??= new Array(LAST_DAY - FIRST_DAY + 1).fill(undefined);
  let v = sharedDays[day - FIRST_DAY];
  if (v === undefined) {
    v = { kind: 'date', day };
    sharedDays[day - FIRST_DAY] = v;
  }
  return v;
}
