import { Arg, FnValue, FunctionSpec, functionByName, hostArg, resultRows, resultValue } from '../../../core/functions';
import { excelSerialOfDay } from '../../../core/dates';
import { CellValue } from '../../../core/grid';
import { Bilingual, message } from '../../../core/messages';

/**
 * THE one adapter between a spreadsheet host's custom-function calls and the core registry
 * (`core/functions.ts`): every `=APA.*` wrapper in `functions.ts` calls it, and so does the
 * HyperFormula plugin the tests evaluate real formulas with.
 *
 * Arguments as Excel passes them: `null` for an omitted optional argument, a 2-D array for a
 * range, numbers for dates (serials) and for percent-formatted cells (fractions), text as typed
 * (Bengali digits included). Results as Excel takes them: numbers, text, dates as serial numbers,
 * and errors as the host's error object.
 *
 * The host's error type is injected (`ErrorFactory`), so this module never touches the
 * `CustomFunctions` global and can be imported anywhere; `officeErrors()` makes Excel's errors.
 */

/** The function names of the registry: `APA.SCORE` in Excel calls `'SCORE'`. */
export type FunctionName = FunctionSpec['name'];

/** Makes the host's error value for a cell. `kind` is `'value'` (#VALUE!) or `'na'` (#N/A), the
 * two Excel error codes that show a custom message; `text` is that message. */
export type ErrorFactory<E> = (kind: 'value' | 'na', text: string) => E;

/** One result cell as the host receives it. */
export type HostCell<E> = number | string | E;

export interface ExcelAdapter<E> {
  /** A function that returns one result per row (RAW, SCORE, TIER, NEXT, VALUE): always a
   * non-empty rectangular 2-D array, so one formula spills down the column. */
  column(name: FunctionName, args: readonly unknown[]): HostCell<E>[][];
  /** A function that returns one value (TOTAL). */
  value(name: FunctionName, args: readonly unknown[]): HostCell<E>;
  /** Either, as the registry describes the function. */
  call(name: FunctionName, args: readonly unknown[]): HostCell<E>[][] | HostCell<E>;
}

/** How an error message reads in a cell's error indicator: Bengali, then English. */
export function errorText(m: Bilingual): string {
  return m.bn === m.en ? m.bn : `${m.bn} — ${m.en}`;
}

/** The part of Excel's `CustomFunctions` global (office.js, CustomFunctionsRuntime 1.2) used here.
 * Declared locally: its typings are the separate @types/custom-functions-runtime package. */
interface CustomFunctionsGlobal {
  Error: new (code: string, message?: string) => unknown;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

/** Excel's error objects, `new CustomFunctions.Error(invalidValue | notAvailable, text)`. The
 * global is read when an error is made, never at import. */
export function officeErrors(): ErrorFactory<unknown> {
  return (kind, text) => {
    const cf = (globalThis as unknown as { CustomFunctions: CustomFunctionsGlobal }).CustomFunctions;
    return new cf.Error(kind === 'na' ? cf.ErrorCode.notAvailable : cf.ErrorCode.invalidValue, text);
  };
}

export function createExcelAdapter<E>(makeError: ErrorFactory<E>): ExcelAdapter<E> {
  const toHost = (v: FnValue): HostCell<E> => {
    if (typeof v === 'number') return Number.isFinite(v) ? v : makeError('value', errorText(message('fn.not-finite', { value: String(v) })));
    if (typeof v === 'string') return v;
    if ('date' in v) return excelSerialOfDay(v.date);
    return makeError(v.error, errorText(v.message));
  };
  const failure = (err: unknown): E =>
    makeError('value', errorText(message('fn.internal-error', { detail: err instanceof Error ? err.message : String(err) })));

  const run = (name: FunctionName, args: readonly unknown[]): { spec: FunctionSpec; out: FnValue[][] | FnValue } => {
    const spec = functionByName(name);
    if (!spec) throw new Error(`no function ${name}`);
    // Excel passes every declared parameter (null when omitted); a caller that passes fewer gets nulls.
    const converted: Arg[] = spec.params.map((_, i) => fromHost(args[i]));
    return { spec, out: spec.impl(...converted) };
  };

  const column = (name: FunctionName, args: readonly unknown[]): HostCell<E>[][] => {
    try {
      const rows = resultRows(run(name, args).out);
      // Excel cannot show an empty array: no rows is one blank cell.
      return rows.length ? rows.map((r) => r.map(toHost)) : [['']];
    } catch (err) {
      return [[failure(err)]];
    }
  };

  const value = (name: FunctionName, args: readonly unknown[]): HostCell<E> => {
    try {
      return toHost(resultValue(run(name, args).out));
    } catch (err) {
      return failure(err);
    }
  };

  return {
    column,
    value,
    call: (name, args) => (functionByName(name)?.returns === 'value' ? value(name, args) : column(name, args)),
  };
}

/** One argument as the core takes it: `null` when omitted, a 2-D array for a range, a cell value. */
export const fromHost = (arg: unknown): Arg => hostArg(arg, cellFromHost);

/** The cell text of each of Excel's error types (`Excel.ErrorCellValueType`), for an error value
 * that comes without its `basicValue`. */
const ERROR_CODES: Record<string, string> = {
  Blocked: '#BLOCKED!',
  Busy: '#BUSY!',
  Calc: '#CALC!',
  Connect: '#CONNECT!',
  Div0: '#DIV/0!',
  External: '#EXTERNAL!',
  Field: '#FIELD!',
  GettingData: '#GETTING_DATA',
  NotAvailable: '#N/A',
  Name: '#NAME?',
  Null: '#NULL!',
  Num: '#NUM!',
  Ref: '#REF!',
  Spill: '#SPILL!',
  Value: '#VALUE!',
};

/**
 * One cell: numbers, text and booleans as they are; an Excel data-type value (entity, formatted
 * number) as its basic value; an error cell as its code text (`#DIV/0!`, `#N/A`), which the core
 * reads as "a formula error" for that row only.
 *
 * Excel passes error cells in only because dist/functions.json says `allowErrorForDataTypeAny`
 * (webpack.config.js writes it; without it one error cell in a range keeps the whole formula
 * from running). They come as error cell values, `{ type: 'Error', basicValue: '#DIV/0!',
 * errorType: 'Div0' }` (the data-types shape, as `allowCustomDataForDataTypeAny` is also set), or
 * as `CustomFunctions.Error` objects (`{ code: '#DIV/0!' }`): both are read here, and so is a
 * HyperFormula error in tests.
 */
export function cellFromHost(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const isError = o.type === 'Error' || typeof o.errorType === 'string';
    if (isError && typeof o.basicValue === 'string' && o.basicValue.startsWith('#')) return o.basicValue;
    if (isError) return ERROR_CODES[String(o.errorType)] ?? '#VALUE!';
    if ('basicValue' in o) return cellFromHost(o.basicValue);
    if (typeof o.code === 'string' && o.code.startsWith('#')) return o.code;
  }
  return String(v);
}
