/**
 * The Excel custom functions, evaluated inside real formulas over real ranges.
 *
 * HyperFormula (GPL-3.0: tests only, never bundled) is a formula engine with a function-plugin API.
 * Its function names may contain dots (`[A-Za-z\u00C0-\u02AF][A-Za-z\u00C0-\u02AF0-9_.]*`, the
 * lexer's ProcedureName token), so the functions are registered under their Excel names,
 * `APA.SCORE` etc., with no alias. The plugin calls THE adapter the add-in ships
 * (addin/src/functions/excel-adapter.ts) with HyperFormula's range values turned into the 2-D
 * arrays Excel passes, and HyperFormula's `CellError` injected as the error type.
 *
 * The sheets are built from the seed fixtures' real cells: each sample workbook is written by
 * `buildSamples`, read back with `readWorkbookGrids`, and every indicator's unit, weight, target and
 * achievement cells are copied, as Excel would hold them (dates as serial numbers,
 * percent-formatted cells as fractions, text as text), into one row of a HyperFormula sheet.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import { buildSamples } from '../fixtures/build-fixtures';
import { readWorkbookGrids } from '../../cli/xlsx-grid';
import { CellValue, Grid, parseA1 } from '../../core/grid';
import { readPlan } from '../../core/layout';
import { Plan, planIndicators } from '../../core/plan';
import { PlanScore, scorePlan } from '../../core/score';
import { dayFromJsDate, dayFromYmd, excelSerialOfDay } from '../../core/dates';
import { FUNCTIONS, FnValue, functionByName } from '../../core/functions';
import { cellFromHost, createExcelAdapter, errorText, FunctionName, fromHost } from '../../addin/src/functions/excel-adapter';

// ---------------------------------------------------------------------------------------------
// The HyperFormula plugin over the add-in's adapter

const adapter = createExcelAdapter((kind, text) => new CellError(kind === 'na' ? ErrorType.NA : ErrorType.VALUE, text));
let adapterCalls = 0;

/** The error cell value Excel passes for an error cell when functions.json has
 * `allowErrorForDataTypeAny` (and `allowCustomDataForDataTypeAny`), as `Excel.ErrorCellValue`. */
const EXCEL_ERROR: Partial<Record<ErrorType, { basicValue: string; errorType: string }>> = {
  [ErrorType.DIV_BY_ZERO]: { basicValue: '#DIV/0!', errorType: 'Div0' },
  [ErrorType.NA]: { basicValue: '#N/A', errorType: 'NotAvailable' },
  [ErrorType.VALUE]: { basicValue: '#VALUE!', errorType: 'Value' },
  [ErrorType.REF]: { basicValue: '#REF!', errorType: 'Ref' },
  [ErrorType.NAME]: { basicValue: '#NAME?', errorType: 'Name' },
  [ErrorType.NUM]: { basicValue: '#NUM!', errorType: 'Num' },
};

/** A HyperFormula value as Excel would pass it: a range as a 2-D array, an empty cell as null, a
 * typed number (date, percent) as its number, an error cell as Excel's error cell value. */
function excelArg(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(excelCell));
  return excelCell(v);
}
function excelCell(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return { type: 'Error', basicType: 'Error', ...(EXCEL_ERROR[v.type] ?? { basicValue: '#VALUE!', errorType: 'Value' }) };
  if (typeof v === 'object' && v !== null && typeof (v as { val?: unknown }).val === 'number') return (v as { val: number }).val;
  return v;
}

class ApaPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    FUNCTIONS.map((f) => [
      `APA.${f.name}`,
      {
        method: 'apa',
        parameters: f.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
        vectorizationForbidden: true,
        ...(f.returns === 'column' ? { sizeOfResultArrayMethod: 'apaSize' } : {}),
      },
    ]),
  );

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  apa(ast: any, state: any) {
    const name = String(ast.procedureName).replace(/^APA\./, '') as FunctionName;
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (...args: unknown[]) => {
      adapterCalls++;
      const out = adapter.call(name, args.map(excelArg));
      return Array.isArray(out) ? SimpleRangeValue.onlyValues(out) : out;
    });
  }

  /** One result per row of the first argument (VALUE: per cell). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  apaSize(ast: any, state: any) {
    if (!ast.args[0]) return ArraySize.error();
    const first = this.arraySizeForAst(ast.args[0], state);
    return new ArraySize(ast.procedureName === 'APA.VALUE' ? first.width : 1, first.height);
  }
}

beforeAll(() => {
  HyperFormula.registerFunctionPlugin(ApaPlugin, { enGB: Object.fromEntries(FUNCTIONS.map((f) => [`APA.${f.name}`, `APA.${f.name}`])) });
});
afterAll(() => HyperFormula.unregisterFunctionPlugin(ApaPlugin));

function engine(rows: unknown[][]): HyperFormula {
  return HyperFormula.buildFromSheets({ Sheet1: rows as never }, { licenseKey: 'gpl-v3' });
}
const at = (hf: HyperFormula, row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });

// ---------------------------------------------------------------------------------------------
// Sheets from the seed fixtures

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-fn-'));
  await buildSamples(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface SeedSheet {
  plan: Plan;
  result: PlanScore;
  /** One row per indicator: unit, weight, the targets (1, 3 or 5), the achievement. */
  rows: unknown[][];
  tiers: number;
}

/** A cell of the grid as Excel holds it: a date as its serial, text as text (the `'` prefix keeps
 * HyperFormula from parsing "16/03/2025" typed as text into a date). */
function excelHeld(grid: Grid, address: string): unknown {
  const a = parseA1(address);
  if (!a) return null;
  const v: CellValue = grid.values[a.row - (grid.origin?.row ?? 0)]?.[a.col - (grid.origin?.col ?? 0)];
  if (v instanceof Date) return excelSerialOfDay(dayFromJsDate(v)!);
  if (typeof v === 'string') return v.trim() === '' ? null : `'${v}`;
  return v ?? null;
}

async function seedSheet(file: string): Promise<SeedSheet> {
  const { grids } = await readWorkbookGrids(path.join(dir, file), file);
  const found = grids.map((g) => ({ g, o: readPlan(g) })).filter((x) => x.o.kind === 'plan');
  expect(found).toHaveLength(1);
  const { g, o } = found[0];
  const plan = (o as { plan: Plan }).plan;
  const result = scorePlan(plan);
  const rows = result.indicators.map((s) => {
    const ind = s.indicator;
    // The functions take one achievement cell per row: the one the core scored (the cumulative column).
    expect(s.achievementCells).toHaveLength(1);
    return [
      ind.unitText ? `'${ind.unitText}` : null,
      ind.weightCell ? excelHeld(g, ind.weightCell) : null,
      ...ind.targets.map((t) => excelHeld(g, t.cell)),
      excelHeld(g, s.achievementCells[0]),
    ];
  });
  return { plan, result, rows, tiers: plan.tiers.length };
}

const col = (n: number) => String.fromCharCode(65 + n);
/** The formula's ranges over a sheet of `n` rows laid out as seedSheet lays them. */
function ranges(n: number, tiers: number) {
  const ach = col(2 + tiers);
  return { unit: `A1:A${n}`, weight: `B1:B${n}`, targets: `C1:${col(1 + tiers)}${n}`, achievement: `${ach}1:${ach}${n}`, out: 3 + tiers };
}

/** The value the core gives a row: the score, blank when pending or n/a, an error when invalid. */
function expected(s: PlanScore['indicators'][number]): number | '' | 'error' {
  if (s.status === 'scored') return s.score!;
  if (s.status === 'invalid') return 'error';
  return '';
}

const SEEDS = [
  '000-mopa-egov-2021-22-q1.xlsx',
  '001-lged-egov-2022-23-q3.xlsx',
  '002-khulna-library.xlsx',
  '002-khulna-library-typed.xlsx',
  '003-skt.xlsx',
  '003-skt-english.xlsx',
  'apa-main-with-history.xlsx',
];

describe("=APA.SCORE over a real sheet built from each seed's cells", () => {
  test.each(SEEDS)("%s: per row, the core's scorePlan result", async (file) => {
    const seed = await seedSheet(file);
    const n = seed.rows.length;
    const r = ranges(n, seed.tiers);
    const rows = seed.rows.map((row) => [...row]);
    rows[0][r.out] = `=APA.SCORE(${r.achievement}, ${r.targets}, ${r.weight}, ${r.unit})`;
    const hf = engine(rows);
    seed.result.indicators.forEach((s, i) => {
      const got = at(hf, i, r.out);
      const want = expected(s);
      if (want === 'error') {
        expect(got).toBeInstanceOf(DetailedCellError);
        expect((got as DetailedCellError).type).toBe(ErrorType.VALUE);
        // The reason, in Bengali and English, is the error's message.
        expect((got as DetailedCellError).message).toMatch(/[\u0980-\u09ff].* — .*[a-z]/);
      } else if (want === '') expect(got).toBe('');
      else expect(got).toBeCloseTo(want, 9);
    });
    hf.destroy();
  });

  test('the same cells in Bengali text and as typed values (002, 002-typed) give the same scores', async () => {
    const text = await seedSheet('002-khulna-library.xlsx');
    const typed = await seedSheet('002-khulna-library-typed.xlsx');
    // typed: real dates and percent-formatted fractions; text: Bengali digits.
    expect(typed.rows.flat().some((v) => typeof v === 'number' && v > 40000)).toBe(true);
    expect(typed.rows.flat().some((v) => typeof v === 'number' && v > 0 && v < 1)).toBe(true);
    expect(text.rows.flat().some((v) => typeof v === 'string' && /[০-৯]/.test(v))).toBe(true);
    const score = (seed: SeedSheet) => {
      const r = ranges(seed.rows.length, seed.tiers);
      const rows = seed.rows.map((row) => [...row]);
      rows[0][r.out] = `=APA.SCORE(${r.achievement}, ${r.targets}, ${r.weight})`;
      const hf = engine(rows);
      const out = seed.rows.map((_, i) => at(hf, i, r.out));
      hf.destroy();
      return out.map((v) => (v instanceof DetailedCellError ? v.type : v));
    };
    const a = score(text);
    const b = score(typed);
    expect(a).toHaveLength(b.length);
    a.forEach((v, i) => (typeof v === 'number' ? expect(b[i]).toBeCloseTo(v, 9) : expect(b[i]).toBe(v)));
  });

  test.each(['001-lged-egov-2022-23-q3.xlsx', 'apa-main-with-history.xlsx'])(
    "%s: =SUM(APA.SCORE(…)) is the core's total score, =APA.TOTAL(…) its percent",
    async (file) => {
      const seed = await seedSheet(file);
      expect(seed.result.totals.invalid).toBe(0);
      const n = seed.rows.length;
      const r = ranges(n, seed.tiers);
      const rows = seed.rows.map((row) => [...row]);
      rows[0][r.out] = `=SUM(APA.SCORE(${r.achievement}, ${r.targets}, ${r.weight}, ${r.unit}))`;
      rows[1][r.out] = `=APA.TOTAL(${r.achievement}, ${r.targets}, ${r.weight}, ${r.unit})`;
      const hf = engine(rows);
      expect(at(hf, 0, r.out)).toBeCloseTo(seed.result.totals.score, 9);
      expect(at(hf, 1, r.out)).toBeCloseTo(seed.result.totals.percent!, 9);
      hf.destroy();
    },
  );

  test('an error row (002: a value that is not a value) propagates as #VALUE! into SUM', async () => {
    const seed = await seedSheet('002-khulna-library.xlsx');
    expect(seed.result.totals.invalid).toBe(1);
    const r = ranges(seed.rows.length, seed.tiers);
    const rows = seed.rows.map((row) => [...row]);
    rows[0][r.out] = `=SUM(APA.SCORE(${r.achievement}, ${r.targets}, ${r.weight}, ${r.unit}))`;
    const hf = engine(rows);
    const sum = at(hf, 0, r.out);
    expect(sum).toBeInstanceOf(DetailedCellError);
    expect((sum as DetailedCellError).type).toBe(ErrorType.VALUE);
    hf.destroy();
  });
});

describe('an error cell in a range (allowErrorForDataTypeAny): that row gets its message, the others their results', () => {
  // Three 5-tier rows; the middle one holds an error cell in the achievement, a target or the weight.
  const base = () => [
    ['সংখ্যা', 10, 4, 3, 2, 1, null, 3],
    ['সংখ্যা', 10, 4, 3, 2, 1, null, 2],
    ['সংখ্যা', 10, 4, 3, 2, 1, null, 4],
  ];
  const cases: [string, (rows: unknown[][]) => void, string][] = [
    ['achievement =1/0', (rows) => (rows[1][7] = '=1/0'), '#DIV/0!'],
    ['achievement =NA()', (rows) => (rows[1][7] = '=NA()'), '#N/A'],
    ['a target =1/0', (rows) => (rows[1][3] = '=1/0'), '#DIV/0!'],
    ['the weight =NA()', (rows) => (rows[1][1] = '=NA()'), '#N/A'],
  ];
  test.each(cases)('%s', (_, spoil, code) => {
    const rows = base();
    spoil(rows);
    rows[0][8] = '=APA.SCORE(H1:H3, C1:G3, B1:B3, A1:A3)';
    rows[0][9] = '=APA.TIER(H1:H3, C1:G3, A1:A3, "en")';
    rows[0][10] = '=APA.TOTAL(H1:H3, C1:G3, B1:B3, A1:A3)';
    const hf = engine(rows);
    expect([at(hf, 0, 8), at(hf, 2, 8)]).toEqual([9, 10]);
    const bad = at(hf, 1, 8) as DetailedCellError;
    expect(bad).toBeInstanceOf(DetailedCellError);
    expect(bad.type).toBe(ErrorType.VALUE);
    // The row's own reason: the error code it holds, in Bengali and English.
    expect(bad.message).toContain(code);
    expect(bad.message).toMatch(/[\u0980-\u09ff].* — .*[a-z]/);
    if (!/weight/.test(_)) expect(bad.message).toContain('a formula error');
    // TIER needs no weight: with only the weight wrong, that row still has its tier.
    expect(at(hf, 0, 9)).toBe('Very good');
    expect(at(hf, 2, 9)).toBe('Excellent');
    if (/weight/.test(_)) expect(at(hf, 1, 9)).toBe('Good');
    else expect(at(hf, 1, 9)).toBeInstanceOf(DetailedCellError);
    // TOTAL: the percent of the rows that can be scored (the bad one is left out, as pending).
    expect(at(hf, 0, 10)).toBeCloseTo(((9 + 10) / 20) * 100, 9);
    hf.destroy();
  });
});

describe('one formula scores a whole column', () => {
  test('1,000 rows: =APA.SCORE(H1:H1000, …) spills 1,000 results from one call of the adapter', () => {
    const serial = (y: number, m: number, d: number) => excelSerialOfDay(dayFromYmd(y, m, d)!);
    const pattern: unknown[][] = [
      ['সংখ্যা', 10, 4, 3, 2, 1, null, "'৩"],
      ['%', 7, 1, 0.9, 0.8, 0.7, 0.6, 0.6154],
      ['তারিখ', 10, serial(2025, 3, 16), serial(2025, 3, 23), serial(2025, 3, 30), serial(2025, 4, 6), serial(2025, 4, 13), serial(2025, 3, 20)],
      ['সংখ্যা', 5, "'৪", "'৩", "'২", "'১", "'-", "'প্রযোজ্য নয়"],
      ['সংখ্যা', 5, 4, 3, 2, 1, null, null],
    ];
    const rows = Array.from({ length: 1000 }, (_, i) => [...pattern[i % pattern.length]]);
    rows[0][8] = '=APA.SCORE(H1:H1000, C1:G1000, B1:B1000, A1:A1000)';
    adapterCalls = 0;
    const started = Date.now();
    const hf = engine(rows);
    const ms = Date.now() - started;
    expect(adapterCalls).toBe(1);
    // The core's own answer for the same 2-D arrays.
    const plain = rows.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
    const core = functionByName('SCORE')!.impl(
      plain.map((r) => [r[7]] as CellValue[]),
      plain.map((r) => r.slice(2, 7) as CellValue[]),
      plain.map((r) => [r[1]] as CellValue[]),
      plain.map((r) => [r[0]] as CellValue[]),
    ) as FnValue[][];
    for (let i = 0; i < 1000; i++) {
      const got = at(hf, i, 8);
      const want = core[i][0];
      if (typeof want === 'number') expect(got).toBeCloseTo(want, 9);
      else expect(got).toBe(want);
    }
    expect([at(hf, 0, 8), at(hf, 1, 8), at(hf, 3, 8), at(hf, 4, 8)]).toEqual([9, expect.closeTo(4.3078, 9), '', '']);
    expect(ms).toBeLessThan(10_000);
    hf.destroy();
  });
});

describe('the other functions in formulas', () => {
  const TARGETS = [
    ["'৪", "'৩", "'২", "'১", "'-"],
    [1, 0.9, 0.8, 0.7, 0.6],
  ];
  test('RAW, TIER (Bengali and English), NEXT, VALUE', () => {
    const rows = [
      [
        'সংখ্যা',
        ...TARGETS[0],
        "'৩",
        '=APA.RAW(G1:G2, B1:F2, A1:A2)',
        '=APA.TIER(G1:G2, B1:F2, A1:A2)',
        '=APA.TIER(G1:G2, B1:F2, A1:A2, "en")',
        '=APA.NEXT(G1:G2, B1:F2, A1:A2)',
      ],
      ['%', ...TARGETS[1], 0.6154],
      ["'১৬/০৩/২০২৫", "'৯০.৫৯%", "'১,২০০", "'কিছু লেখা", null, null, null, '=APA.VALUE(A3:D3)'],
    ];
    const hf = engine(rows);
    expect([at(hf, 0, 7), at(hf, 1, 7)]).toEqual([90, expect.closeTo(61.54, 9)]);
    expect([at(hf, 0, 8), at(hf, 1, 8)]).toEqual(['অতি উত্তম', 'চলতি মানের নিম্নে']);
    expect([at(hf, 0, 9), at(hf, 1, 9)]).toEqual(['Very good', 'Below fair']);
    expect([at(hf, 0, 10), at(hf, 1, 10)]).toEqual([4, 70]);
    // VALUE: a date as its Excel serial, a percent as its number, an error with the reason.
    expect([at(hf, 2, 7), at(hf, 2, 8), at(hf, 2, 9)]).toEqual([excelSerialOfDay(dayFromYmd(2025, 3, 16)!), 90.59, 1200]);
    expect(at(hf, 2, 10)).toBeInstanceOf(DetailedCellError);
    hf.destroy();
  });
  test('an omitted argument in the middle (=APA.TIER(…, , "en")) is null, as Excel passes it', () => {
    const hf = engine([["'৩", ...TARGETS[0], '=APA.TIER(A1:A1, B1:F1, , "en")']]);
    expect(at(hf, 0, 6)).toBe('Very good');
    hf.destroy();
  });
});

// ---------------------------------------------------------------------------------------------
// The Excel side: the wrappers in functions.ts and the adapter's conversions

describe('functions.ts as Excel calls it', () => {
  class FakeError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  const g = globalThis as unknown as { CustomFunctions?: unknown };

  test('the module loads without the CustomFunctions global (the adapter reads it only to make an error)', () => {
    delete g.CustomFunctions;
    jest.isolateModules(() => {
      expect(() => require('../../addin/src/functions/functions')).not.toThrow();
    });
  });

  test('null for omitted arguments, serial dates, percent fractions, Bengali text; errors as CustomFunctions.Error', () => {
    g.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
    try {
      let fns!: typeof import('../../addin/src/functions/functions');
      jest.isolateModules(() => {
        fns = require('../../addin/src/functions/functions');
      });
      const s = (y: number, m: number, d: number) => excelSerialOfDay(dayFromYmd(y, m, d)!);
      const targets = [
        [4, 3, 2, 1, ''],
        [1, 0.9, 0.8, 0.7, 0.6],
        [s(2025, 3, 16), s(2025, 3, 23), s(2025, 3, 30), s(2025, 4, 6), s(2025, 4, 13)],
        ['৪', '৩', '২', '১', '-'],
      ];
      const ach = [[3], [0.6154], [s(2025, 3, 20)], ['৩১০-০৬-২০২০']];
      const unit = [['সংখ্যা'], ['%'], ['তারিখ'], ['সংখ্যা']];
      const out = fns.score(ach, targets, [[10], [7], [10], [5]], unit, null as never);
      expect(out.slice(0, 3).map((r) => r[0])).toEqual([9, expect.closeTo(4.3078, 9), expect.closeTo(9.428571, 5)]);
      const err = out[3][0] as FakeError;
      expect(err).toBeInstanceOf(FakeError);
      expect(err.code).toBe('#VALUE!');
      expect(err.message).toMatch(/"৩১০-০৬-২০২০" হিসাবযোগ্য মান নয়.* — "৩১০-০৬-২০২০" is not a value/);
      // NEXT's dates are Excel serial numbers.
      expect(fns.next(ach.slice(0, 3), targets.slice(0, 3), unit.slice(0, 3))[2][0]).toBe(s(2025, 3, 16));
      expect(fns.raw([[3]], [[4, 3, 2, 1, null]], null as never, null as never)).toEqual([[90]]);
      expect(fns.tier([[3]], [[4, 3, 2, 1, null]], null as never, 'en')).toEqual([['Very good']]);
      expect(
        fns.total(
          [[3], [4]],
          [
            [4, 3, 2, 1, null],
            [4, 3, 2, 1, null],
          ],
          [[10], [5]],
          null as never,
          null as never,
        ),
      ).toBeCloseTo((14 / 15) * 100, 10);
      expect(fns.value([['১৬/০৩/২০২৫'], ['৯০.৫৯%']], null as never)).toEqual([[s(2025, 3, 16)], [90.59]]);
    } finally {
      delete g.CustomFunctions;
    }
  });
});

describe('the adapter', () => {
  const mk = createExcelAdapter((kind, text) => ({ kind, text }));
  test('arguments: null, scalars, 1-D and 2-D arrays, data-type values, errors passed in', () => {
    expect(fromHost(null)).toBeNull();
    expect(fromHost(undefined)).toBeNull();
    expect(fromHost(5)).toBe(5);
    expect(fromHost([1, 2])).toEqual([[1, 2]]);
    expect(fromHost([[1], ['৩']])).toEqual([[1], ['৩']]);
    expect(cellFromHost({ type: 'FormattedNumber', basicValue: 0.5, numberFormat: '0%' })).toBe(0.5);
    expect(cellFromHost({ code: '#N/A', message: 'x' })).toBe('#N/A');
    expect(cellFromHost(Number.NaN)).toBe('#NUM!');
    expect(cellFromHost(true)).toBe(true);
  });
  test('error cells as Excel passes them (error cell values, CustomFunctions.Error) read as their codes', () => {
    expect(cellFromHost({ type: 'Error', basicType: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' })).toBe('#DIV/0!');
    expect(cellFromHost({ type: 'Error', errorType: 'NotAvailable' })).toBe('#N/A');
    expect(cellFromHost({ type: 'Error', errorType: 'Spill', errorSubType: 'Collision' })).toBe('#SPILL!');
    expect(cellFromHost({ type: 'Error', errorType: 'SomethingNew' })).toBe('#VALUE!');
    expect(cellFromHost({ code: '#REF!', message: '' })).toBe('#REF!');
    // A data-type value that is not an error is still its basic value.
    expect(cellFromHost({ type: 'Entity', basicValue: 'খুলনা', text: 'খুলনা' })).toBe('খুলনা');
  });
  test.each([
    ['an error cell value', { type: 'Error', basicType: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' }],
    ['a CustomFunctions.Error', { code: '#DIV/0!', message: '' }],
  ])('%s in each range: that row only', (_, e) => {
    const T = [4, 3, 2, 1, null];
    const rowError = (out: unknown[][]) => out[1][0] as { kind: string; text: string };
    const inAchievement = mk.column('SCORE', [[[3], [e], [4]], [T, T, T], [[10], [10], [10]], null, null]);
    expect([inAchievement[0][0], inAchievement[2][0]]).toEqual([9, 10]);
    expect(rowError(inAchievement)).toEqual({ kind: 'value', text: expect.stringMatching(/"#DIV\/0!" হিসাবযোগ্য মান নয় \(সূত্রের ত্রুটি\).* — "#DIV\/0!" is not a value that can be scored \(a formula error\)/) });
    const inTarget = mk.column('SCORE', [[[3], [3], [4]], [T, [4, e, 2, 1, null], T], [[10], [10], [10]], null, null]);
    expect([inTarget[0][0], inTarget[2][0]]).toEqual([9, 10]);
    expect(rowError(inTarget).text).toContain('"#DIV/0!" is not a value that can be scored (a formula error)');
    const inWeight = mk.column('SCORE', [[[3], [3], [4]], [T, T, T], [[10], [e], [10]], null, null]);
    expect([inWeight[0][0], inWeight[2][0]]).toEqual([9, 10]);
    expect(rowError(inWeight).text).toContain('The indicator weight is missing or not a number: "#DIV/0!"');
    // RAW, TIER and NEXT of the other rows are theirs; TOTAL leaves the row out.
    expect(mk.column('RAW', [[[3], [e], [4]], [T, T, T], null, null]).map((r) => r[0])).toEqual([90, expect.objectContaining({ kind: 'value' }), 100]);
    expect(mk.column('NEXT', [[[3], [e], [4]], [T, T, T], null]).map((r) => r[0])).toEqual([4, expect.objectContaining({ kind: 'value' }), '']);
    expect(mk.value('TOTAL', [[[3], [e], [4]], [T, T, T], [[10], [10], [10]], null, null])).toBeCloseTo(95, 9);
  });
  test('targets out of order: the message names the tier and its value', () => {
    const out = mk.column('SCORE', [[[3]], [[4, 3, 5, 1, null]], [[10]], null, null]);
    expect(out[0][0]).toEqual({ kind: 'value', text: expect.stringContaining('the Good target 5 is better than the tier before it') });
  });
  test('results: a column is never empty; TOTAL is one value; an exception is an error cell, not a crash', () => {
    expect(mk.column('SCORE', [[], [], []])).toEqual([['']]);
    expect(typeof mk.value('TOTAL', [[[3]], [[4, 3, 2, 1, null]], [[10]]])).toBe('number');
    const boom = new Proxy([[4, 3, 2, 1, null]], {
      get(target, key) {
        if (key === 'map') throw new Error('boom');
        return Reflect.get(target, key);
      },
    });
    const broken = mk.column('SCORE', [[[3]], boom, [[1]]]);
    expect(broken).toEqual([[{ kind: 'value', text: expect.stringContaining('boom') }]]);
  });
  test('error text is Bengali, then English', () => {
    expect(errorText({ bn: 'ক', en: 'k' })).toBe('ক — k');
    expect(errorText({ bn: 'APA', en: 'APA' })).toBe('APA');
  });
});
