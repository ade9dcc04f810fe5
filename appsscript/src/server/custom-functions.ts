import { Arg, FnValue, FunctionSpec, functionByName, hostArg, resultRows, resultValue } from '../../../core/functions';
import { ymdOfDay } from '../../../core/dates';
import { Bilingual, message } from '../../../core/messages';
import { hostCell } from '../../../core/sheet-block';
import { GasGlobals } from './gas-api';

/**
 * THE one adapter between Google Sheets' custom-function calls (`=APA_SCORE(…)` …, the stubs in
 * the built `Code.js`) and the core registry (`core/functions.ts`).
 *
 * Arguments as Sheets passes them (PLATFORM.md; Apps Script "Custom functions" guide, data types):
 * - a range is a 2-D array, a single cell its bare value;
 * - an empty cell is `""`; an omitted argument is `undefined` (so default parameters never apply);
 * - a date cell is a `Date` at midnight in the spreadsheet's time zone (Asia/Dhaka: 18:00 UTC the
 *   day before), which core rounds to its calendar day;
 * - a percent-formatted cell is its fraction (90.59% → 0.9059); core reads a number ≤ 1 in a
 *   percent indicator as that fraction (`formatsUnknown`);
 * - an error cell (`#N/A`) arrives as its text, which core reads as a formula error.
 *
 * Results as Sheets takes them: numbers, text, `Date`s (midnight of the day in the spreadsheet's
 * zone, so the cell holds the whole date), and 2-D arrays that fill down the column. A cell error
 * cannot be raised for one row of an array, so a row that cannot be scored shows clear text:
 * `#VALUE! <Bengali> / <English>`. A failure of the whole call is the same text in one cell, never
 * a thrown error (Sheets would show only "#ERROR!").
 *
 * Custom functions may not call services that need authorisation; `getSpreadsheetTimeZone`
 * (read-only SpreadsheetApp) and `Utilities.formatDate` need none, and they are called only
 * when a result is a date.
 */

export type FunctionName = FunctionSpec['name'];

/** A result cell as Sheets receives it. */
export type SheetsCell = number | string | Date;

/** How a row error reads in its cell. */
export function errorCellText(kind: 'value' | 'na', m: Bilingual): string {
  const code = kind === 'na' ? '#N/A' : '#VALUE!';
  return m.bn === m.en ? `${code} ${m.bn}` : `${code} ${m.bn} / ${m.en}`;
}

/** One argument as core takes it: `null` when omitted, a 2-D array for a range, else one cell
 * (a `Date` from another realm, a test's fakes, made a `Date` of this one: core's `hostCell`). */
export const argFromSheets = (arg: unknown): Arg => hostArg(arg, hostCell);

/** The instant of midnight starting `day` in `zone`, found with `Utilities.formatDate` (`Z` gives
 * the zone's offset at an instant, daylight saving included). */
export function midnightIn(g: Pick<GasGlobals, 'Utilities'>, day: number, zone: string): Date {
  const { year, month, day: d } = ymdOfDay(day);
  const utcMidnight = Date.UTC(year, month - 1, d);
  const offsetAt = (t: number): number => {
    const z = g.Utilities.formatDate(new Date(t), zone, 'Z');
    const m = /^([+-])(\d\d):?(\d\d)$/.exec(z);
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  };
  let t = utcMidnight - offsetAt(utcMidnight);
  const again = utcMidnight - offsetAt(t);
  if (again !== t) t = again;
  return new Date(t);
}

/** The spreadsheet's time zone, or the script's, or Dhaka's: the first that can be read. */
export function sheetsZone(g: Partial<GasGlobals>): string {
  try {
    const z = g.SpreadsheetApp?.getActiveSpreadsheet().getSpreadsheetTimeZone();
    if (z) return z;
  } catch {
    // not in a spreadsheet (a test, a standalone run): the script's zone
  }
  try {
    const z = g.Session?.getScriptTimeZone();
    if (z) return z;
  } catch {
    // no Session service
  }
  return 'Asia/Dhaka';
}

export interface SheetsFunctions {
  /** Calls registry function `name` with the arguments exactly as Sheets passed them. */
  call(name: FunctionName, args: readonly unknown[]): SheetsCell | SheetsCell[][];
}

export function createSheetsFunctions(g: Partial<GasGlobals>): SheetsFunctions {
  let zone: string | null = null;
  const midnights = new Map<number, number>();
  const dateOf = (day: number): Date => {
    // Apps Script always has Utilities; without it (a bare test), midnight in Dhaka (UTC+6).
    if (!g.Utilities) return new Date(day * 86_400_000 - 6 * 3_600_000);
    let t = midnights.get(day);
    if (t === undefined) {
      zone = zone ?? sheetsZone(g);
      t = midnightIn({ Utilities: g.Utilities }, day, zone).getTime();
      midnights.set(day, t);
    }
    return new Date(t);
  };
  const toSheets = (v: FnValue): SheetsCell => {
    if (typeof v === 'number') return Number.isFinite(v) ? v : errorCellText('value', message('fn.not-finite', { value: String(v) }));
    if (typeof v === 'string') return v;
    if ('date' in v) return dateOf(v.date);
    return errorCellText(v.error, v.message);
  };
  const failure = (err: unknown): string => errorCellText('value', message('fn.internal-error', { detail: err instanceof Error ? err.message : String(err) }));

  return {
    call(name, args) {
      const spec = functionByName(name);
      if (!spec) return failure(new Error(`no function ${name}`));
      try {
        // Sheets passes only the arguments typed; the rest are undefined, i.e. omitted.
        const converted: Arg[] = spec.params.map((_, i) => argFromSheets(args[i]));
        const out = spec.impl(...converted);
        if (spec.returns === 'value') return toSheets(resultValue(out));
        const rows = resultRows(out);
        // No rows (an empty range): one blank cell, never an empty array (Sheets shows an error for one).
        return rows.length ? rows.map((r) => r.map(toSheets)) : '';
      } catch (err) {
        return failure(err);
      }
    },
  };
}
