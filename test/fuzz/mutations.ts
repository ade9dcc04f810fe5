/** The ways real sheets go wrong, as edits of a grid in memory. Each mutation is a plain object
 * (fast-check prints it in a counterexample) whose numbers pick rows and columns modulo the grid's
 * current size, so any list of mutations applies to any grid. Merges are kept as a spreadsheet
 * keeps them: rectangular, never overlapping, the value in the top-left cell. */
import fc from 'fast-check';
import { CellValue, MergeArea } from '../../core/grid';
import { toAsciiDigits, toBengaliDigits } from '../../core/bengali-digits';
import { excelSerialOfDay, formatDay, jsDateOfDay, dayFromExcelSerial, dayFromJsDate, isDateFormat, isPercentFormat } from '../../core/dates';
import { cleanText } from '../../core/text';
import { readText } from '../../core/values';
import { mulberry32 } from '../fixtures/build-fixtures';
import { FuzzGrid } from './seed-grids';

export type Mutation =
  | { kind: 'delete-column'; at: number }
  | { kind: 'insert-column'; at: number; fill: 'empty' | 'copy' | 'notes'; seed: number }
  | { kind: 'swap-columns'; a: number; b: number }
  | { kind: 'shuffle-rows'; from: number; span: number; seed: number }
  | { kind: 'english-headers'; seed: number; rate: number }
  | { kind: 'split-merge'; pick: number; copy: boolean; all: boolean }
  | { kind: 'mix-digits'; seed: number; rate: number }
  | { kind: 'misspell-units'; seed: number; rate: number }
  | { kind: 'formula-errors'; seed: number; count: number }
  | { kind: 'numbers-as-text'; seed: number; rate: number }
  | { kind: 'text-as-numbers'; seed: number; rate: number }
  | { kind: 'hidden-rows'; seed: number; count: number }
  | { kind: 'origin'; row: number; col: number }
  | { kind: 'ragged' }
  | { kind: 'drop-formats' }
  // Issue 12: the ways real offices' headers and cells differ from the seeds.
  | { kind: 'qualified-headers'; seed: number; rate: number }
  | { kind: 'one-row-tiers'; bracket: boolean }
  | { kind: 'quarter-row'; seed: number; total: boolean }
  | { kind: 'sentences'; seed: number; rate: number }
  | { kind: 'na-remarks'; seed: number; count: number };

/** Small deterministic generator for the choices inside one mutation (the mutation's seed is what
 * fast-check draws and shrinks). */
export const rng = mulberry32;
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const seed = fc.integer({ min: 0, max: 0x7fffffff });
const rate = fc.integer({ min: 1, max: 100 }).map((n) => n / 100);
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-column' as const), at: fc.nat(200) }),
  fc.record({ kind: fc.constant('insert-column' as const), at: fc.nat(200), fill: fc.constantFrom('empty' as const, 'copy' as const, 'notes' as const), seed }),
  fc.record({ kind: fc.constant('swap-columns' as const), a: fc.nat(200), b: fc.nat(200) }),
  fc.record({ kind: fc.constant('shuffle-rows' as const), from: fc.nat(500), span: fc.nat(40), seed }),
  fc.record({ kind: fc.constant('english-headers' as const), seed, rate }),
  fc.record({ kind: fc.constant('split-merge' as const), pick: fc.nat(500), copy: fc.boolean(), all: fc.boolean() }),
  fc.record({ kind: fc.constant('mix-digits' as const), seed, rate }),
  fc.record({ kind: fc.constant('misspell-units' as const), seed, rate }),
  fc.record({ kind: fc.constant('formula-errors' as const), seed, count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('numbers-as-text' as const), seed, rate }),
  fc.record({ kind: fc.constant('text-as-numbers' as const), seed, rate }),
  fc.record({ kind: fc.constant('hidden-rows' as const), seed, count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('origin' as const), row: fc.nat(40), col: fc.nat(6) }),
  fc.constant({ kind: 'ragged' as const }),
  fc.constant({ kind: 'drop-formats' as const }),
  fc.record({ kind: fc.constant('qualified-headers' as const), seed, rate }),
  fc.record({ kind: fc.constant('one-row-tiers' as const), bracket: fc.boolean() }),
  fc.record({ kind: fc.constant('quarter-row' as const), seed, total: fc.boolean() }),
  fc.record({ kind: fc.constant('sentences' as const), seed, rate }),
  fc.record({ kind: fc.constant('na-remarks' as const), seed, count: fc.integer({ min: 1, max: 6 }) }),
);

export function widthOf(g: FuzzGrid): number {
  let w = 0;
  for (const row of g.values) if (row.length > w) w = row.length;
  for (const m of g.merges) if (m.right + 1 > w) w = m.right + 1;
  return w;
}

export function mergeAt(g: FuzzGrid, r: number, c: number): MergeArea | undefined {
  return g.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
}

/** The cell that holds (r, c)'s value: itself, or its merge's top-left cell. */
export function holderOf(g: FuzzGrid, r: number, c: number): { r: number; c: number } {
  const m = mergeAt(g, r, c);
  return m ? { r: m.top, c: m.left } : { r, c };
}

/** Pads every row (values and formats) to the grid's width, as the mutations expect. */
export function rectangular(g: FuzzGrid): void {
  const w = widthOf(g);
  while (g.formats.length < g.values.length) g.formats.push([]);
  g.values.forEach((row, r) => {
    while (row.length < w) row.push(null);
    const f = g.formats[r];
    while (f.length < w) f.push(null);
  });
}

/** A merge that covers only one cell is no merge. */
function dropTrivialMerges(g: FuzzGrid): void {
  g.merges = g.merges.filter((m) => m.bottom > m.top || m.right > m.left);
}

function setCell(g: FuzzGrid, r: number, c: number, v: CellValue, format: string | null = null): void {
  g.values[r][c] = v;
  g.formats[r][c] = format;
}

function deleteColumn(g: FuzzGrid, at: number): void {
  const w = widthOf(g);
  if (w <= 1) return;
  const c = at % w;
  for (const row of g.values) row.splice(c, 1);
  for (const row of g.formats) row.splice(c, 1);
  g.merges = g.merges.flatMap((m) => {
    if (m.left === c && m.right === c) return [];
    if (c < m.left) return [{ ...m, left: m.left - 1, right: m.right - 1 }];
    if (c <= m.right) return [{ ...m, right: m.right - 1 }];
    return [m];
  });
  dropTrivialMerges(g);
}

const NOTES = ['দ্রষ্টব্য', 'চলমান', 'বাস্তবায়িত', 'note', '১২', '3', '৫০%', '১৬/০৩/২০২৫', 'উর্ধ্বতন কর্তৃপক্ষের নির্দেশনা মোতাবেক'];

/** The merges once a row or column is inserted at `at`: inserting inside a merge widens it (the
 * new cells are covered: they hold nothing); merges after it move by one. */
function mergesAfterInsert(g: FuzzGrid, axis: 'row' | 'column', at: number): FuzzGrid['merges'] {
  const [first, last] = axis === 'row' ? (['top', 'bottom'] as const) : (['left', 'right'] as const);
  return g.merges.map((m) => {
    if (m[first] < at && at <= m[last]) {
      if (axis === 'row') for (let c = m.left; c <= m.right; c++) setCell(g, at, c, null);
      else for (let r = m.top; r <= m.bottom; r++) setCell(g, r, at, null);
      return { ...m, [last]: m[last] + 1 };
    }
    if (m[first] >= at) return { ...m, [first]: m[first] + 1, [last]: m[last] + 1 };
    return m;
  });
}

function insertColumn(g: FuzzGrid, at: number, fill: 'empty' | 'copy' | 'notes', s: number): void {
  const w = widthOf(g);
  const c = at % (w + 1);
  const rand = rng(s);
  const src = c > 0 ? c - 1 : 0;
  const srcMerges = g.merges.filter((m) => m.left === src && m.right === src);
  g.values.forEach((row, r) => {
    const v: CellValue = fill === 'copy' ? row[src] ?? null : fill === 'notes' && rand() < 0.3 ? pick(rand, NOTES) : null;
    row.splice(c, 0, v);
    g.formats[r].splice(c, 0, fill === 'copy' ? g.formats[r][src] ?? null : null);
  });
  g.merges = mergesAfterInsert(g, 'column', c);
  if (fill === 'copy') {
    // The source column's own vertical merges are copied with it, where nothing covers them.
    for (const m of srcMerges) {
      const fresh = { top: m.top, bottom: m.bottom, left: c, right: c };
      if (!g.merges.some((o) => o.left <= c && o.right >= c && o.top <= fresh.bottom && o.bottom >= fresh.top)) g.merges.push(fresh);
    }
    // A copied cell under a merge it was not copied into holds nothing.
    for (let r = 0; r < g.values.length; r++) {
      const m = mergeAt(g, r, c);
      if (m && (m.top !== r || m.left !== c)) setCell(g, r, c, null);
    }
  }
}

/** Removes a merge; its value stays in the top-left cell, or is copied into every cell. */
function splitMergeArea(g: FuzzGrid, m: MergeArea, copy: boolean): void {
  g.merges = g.merges.filter((x) => x !== m);
  if (!copy) return;
  const v = g.values[m.top]?.[m.left] ?? null;
  const f = g.formats[m.top]?.[m.left] ?? null;
  for (let r = m.top; r <= m.bottom && r < g.values.length; r++) {
    for (let c = m.left; c <= m.right; c++) setCell(g, r, c, v instanceof Date ? new Date(v.getTime()) : v, f);
  }
}

function swapColumns(g: FuzzGrid, a0: number, b0: number): void {
  const w = widthOf(g);
  const a = a0 % w;
  const b = b0 % w;
  if (a === b) return;
  // A spreadsheet will not move part of a merged cell: the user unmerges first.
  for (const m of [...g.merges]) {
    if (m.left < m.right && ((a >= m.left && a <= m.right) || (b >= m.left && b <= m.right))) splitMergeArea(g, m, false);
  }
  g.values.forEach((row, r) => {
    [row[a], row[b]] = [row[b], row[a]];
    const f = g.formats[r];
    [f[a], f[b]] = [f[b], f[a]];
  });
  g.merges = g.merges.map((m) => (m.left === a ? { ...m, left: b, right: b } : m.left === b ? { ...m, left: a, right: a } : m));
}

/** Shuffles a run of rows; rows joined by a vertical merge move together (a sort keeps them). */
function shuffleRows(g: FuzzGrid, from: number, span: number, s: number): void {
  const n = g.values.length;
  if (n < 2) return;
  let start = from % n;
  let end = Math.min(n, start + 2 + span);
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of g.merges) {
      if (m.top < start && m.bottom >= start) (start = m.top), (changed = true);
      if (m.top < end && m.bottom >= end) (end = m.bottom + 1), (changed = true);
    }
  }
  const blocks: [number, number][] = [];
  let b = start;
  for (let r = start + 1; r <= end; r++) {
    if (r === end || !g.merges.some((m) => m.top < r && m.bottom >= r)) {
      blocks.push([b, r]);
      b = r;
    }
  }
  const rand = rng(s);
  const order = blocks.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const newRowOf = new Map<number, number>();
  let next = start;
  for (const i of order) {
    const [s0, e0] = blocks[i];
    for (let r = s0; r < e0; r++) newRowOf.set(r, next++);
  }
  const values = [...g.values];
  const formats = [...g.formats];
  for (const [old, now] of newRowOf) {
    values[now] = g.values[old];
    formats[now] = g.formats[old];
  }
  g.values = values;
  g.formats = formats;
  g.merges = g.merges.map((m) => {
    const top = newRowOf.get(m.top);
    return top === undefined ? m : { ...m, top, bottom: top + (m.bottom - m.top) };
  });
}

/** Header words as the English forms write them, and as offices abbreviate them. Longer Bengali
 * words first: কর্মসম্পাদন সূচকের মান contains কর্মসম্পাদন সূচক. */
const HEADER_WORDS: [string, string[]][] = [
  ['কর্মসম্পাদন সূচকের মান', ['Weight of Performance Indicators', 'Indicator weight', 'সূচকের মান', 'Weight', 'মান']],
  ['কর্মসম্পাদন সূচক', ['Performance Indicators', 'Performance Indicator', 'Indicator', 'সূচক', 'KPI', 'কর্ম. সূচক']],
  ['কৌশলগত উদ্দেশ্যের মান', ['Weight of Strategic Objectives', 'মান', 'Area weight']],
  ['কর্মসম্পাদন ক্ষেত্রের মান', ['Weight of Strategic Objectives', 'মান']],
  ['কৌশলগত উদ্দেশ্য', ['Strategic Objectives', 'Strategic Objective', 'উদ্দেশ্য']],
  ['কর্মসম্পাদন ক্ষেত্র', ['Performance Area', 'Strategic Objectives', 'ক্ষেত্র']],
  ['কার্যক্রম', ['Activities', 'Activity', 'কার্য.']],
  ['একক', ['Unit', 'Units', 'একক:', 'এ.']],
  ['ক্রমিক নং', ['Sl. No.', 'SL', 'ক্র.নং']],
  ['ক্রম', ['Sl.', 'No.', 'ক্র.ম', '#']],
  ['লক্ষ্যমাত্রা/ অর্জন', ['Target/Achievement', 'লক্ষ্য/অর্জন', 'Target / Achievement']],
  ['লক্ষ্যমাত্রা/অর্জন', ['Target/Achievement', 'লক্ষ্য/অর্জন']],
  ['অসাধারণ', ['Excellent', 'Outstanding', 'অসা.']],
  ['অতি উত্তম', ['Very Good', 'V. Good', 'অ. উত্তম']],
  ['চলতি মানের নিম্নে', ['Below Fair', 'Poor', 'চ. মানের নিম্নে']],
  ['চলতি মান', ['Fair', 'চ. মান']],
  ['উত্তম', ['Good']],
  ['মন্তব্য', ['Remarks', 'Comments', 'মন্ত.']],
  ['গণনা পদ্ধতি', ['Calculation method', 'পদ্ধতি']],
];
const HEADER_PREFIXES: [RegExp, string[]][] = [
  [/^লক্ষ্যমাত্রা/, ['Target', 'Targets', 'লক্ষ্য', 'Target 2024-25']],
  [/^প্রকৃত অর্জন/, ['Actual achievement', 'প্র. অর্জন']],
  [/^প্রক্ষেপণ/, ['Projection']],
  [/ক্রমপুঞ্জিত অর্জন/, ['Cumulative achievement', 'ক্রম. অর্জন', 'Achievement to date']],
  [/^১ম ত্রৈমাসিক/, ['Q1 achievement', '1st quarter progress', '১ম কো. অর্জন']],
  [/^২য় (কোয়ার্টারে|ত্রৈমাসিক)/, ['Q2 achievement', '2nd quarter achievement', '২য় কো. অর্জন']],
  [/অর্জন|অগ্রগতি/, ['Achievement', 'Progress', 'অর্জন']],
];

function englishHeaders(g: FuzzGrid, s: number, r0: number): void {
  const rand = rng(s);
  g.values.forEach((row) =>
    row.forEach((v, c) => {
      if (typeof v !== 'string' || rand() >= r0) return;
      const t = cleanText(v);
      const exact = HEADER_WORDS.find(([bn]) => bn === t);
      if (exact) return void (row[c] = pick(rand, exact[1]));
      if (t.length > 60) return;
      const prefix = HEADER_PREFIXES.find(([re]) => re.test(t));
      if (prefix) row[c] = pick(rand, prefix[1]);
    }),
  );
}

function mixDigits(g: FuzzGrid, s: number, r0: number): void {
  const rand = rng(s);
  g.values.forEach((row) =>
    row.forEach((v, c) => {
      if (typeof v !== 'string' || !/[0-9০-৯]/.test(v) || rand() >= r0) return;
      row[c] = [...v].map((ch) => (/[0-9০-৯]/.test(ch) && rand() < 0.5 ? (/[0-9]/.test(ch) ? toBengaliDigits(ch) : toAsciiDigits(ch)) : ch)).join('');
    }),
  );
}

const UNIT_SPELLINGS: [string, string[]][] = [
  ['তারিখ', ['তারিক', 'তারীখ', 'তাং', 'Date', 'date ', 'তারিখ।', ' তারিখ', 'দিন-মাস-বছর', 'তা রিখ']],
  ['%', ['％', '% ', 'শতাংশ', 'percent', 'Percent (%)', 'পার্সেন্ট', 'হার', '%%']],
  ['সংখ্যা', ['সংখা', 'সংখ্যাঁ', 'Number', 'Nos.', 'টি', 'সংখ্যা (টি)', 'সং', '']],
  ['দিন', ['days', 'দিবস']],
  ['একর', ['acre', 'একড়']],
  ['কোটি টাকা', ['কোটি', 'Tk. crore', 'কো.টা.']],
  ['সংখ্যা (হাজার)', ['হাজার', 'সংখ্যা(হাজার)']],
];

function misspellUnits(g: FuzzGrid, s: number, r0: number): void {
  const rand = rng(s);
  g.values.forEach((row) =>
    row.forEach((v, c) => {
      if (typeof v !== 'string') return;
      const found = UNIT_SPELLINGS.find(([u]) => u === cleanText(v));
      if (found && rand() < r0) row[c] = pick(rand, found[1]);
    }),
  );
}

/** What a host hands over for a cell whose formula failed. */
export const FORMULA_ERRORS = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!'];
const ERROR_SPELLINGS = [...FORMULA_ERRORS, ...FORMULA_ERRORS, ' #N/A', '#REF! ', '#n/a', '#value!'];
/** True for what `formula-errors` writes: an error text, or a non-finite number. */
export function isInjectedError(v: CellValue): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  return typeof v === 'string' && /^#(N\/A|REF!|DIV\/0!|VALUE!)$/i.test(v.trim());
}

function formulaErrors(g: FuzzGrid, s: number, count: number): void {
  const rand = rng(s);
  const n = g.values.length;
  const w = widthOf(g);
  if (n === 0 || w === 0) return;
  for (let i = 0; i < count; i++) {
    // Mostly in the lower part of the sheet, where the table's data is.
    const r = rand() < 0.85 ? Math.floor(n * 0.3 + rand() * n * 0.7) : Math.floor(rand() * n);
    const c = Math.floor(rand() * w);
    const h = holderOf(g, Math.min(r, n - 1), c);
    setCell(g, h.r, h.c, rand() < 0.08 ? pick(rand, [NaN, Infinity]) : pick(rand, ERROR_SPELLINGS));
  }
}

function numbersAsText(g: FuzzGrid, s: number, r0: number): void {
  const rand = rng(s);
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (rand() >= r0) return;
      const f = g.formats[r][c];
      const digits = (t: string) => (rand() < 0.5 ? toBengaliDigits(t) : t);
      if (v instanceof Date) {
        const day = dayFromJsDate(v);
        if (day !== null) setCell(g, r, c, digits(formatDay(day)));
      } else if (typeof v === 'number' && Number.isFinite(v)) {
        if (isDateFormat(f)) setCell(g, r, c, digits(formatDay(dayFromExcelSerial(v))));
        else if (isPercentFormat(f)) setCell(g, r, c, digits(`${Math.round(v * 100 * 1e6) / 1e6}%`));
        else setCell(g, r, c, digits(String(v)));
      }
    }),
  );
}

function textAsNumbers(g: FuzzGrid, s: number, r0: number): void {
  const rand = rng(s);
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'string' || rand() >= r0) return;
      const ascii = toAsciiDigits(cleanText(v));
      const value = readText(v);
      if (value.kind === 'number' && !value.percent && /^-?\d+(\.\d+)?$/.test(ascii)) setCell(g, r, c, value.value);
      else if (value.kind === 'number' && value.percent && /^\d+(\.\d+)?\s*%$/.test(ascii)) setCell(g, r, c, value.value / 100, rand() < 0.5 ? '0%' : '0.00%');
      else if (value.kind === 'date') {
        if (rand() < 0.5) setCell(g, r, c, jsDateOfDay(value.day), 'dd/mm/yyyy');
        else setCell(g, r, c, excelSerialOfDay(value.day), pick(rand, ['dd/mm/yyyy', 'd-mmm-yy', 'mm-dd-yy']));
      }
    }),
  );
}

const HIDDEN_NOTES = ['পুরাতন লক্ষ্যমাত্রা (লুকানো)', 'খসড়া', 'working', '১ম সংশোধন'];

/** Rows the office hid: a spreadsheet hands them over like any other row. */
function hiddenRows(g: FuzzGrid, s: number, count: number): void {
  const rand = rng(s);
  for (let i = 0; i < count; i++) {
    const n = g.values.length;
    const w = widthOf(g);
    const at = Math.floor(rand() * (n + 1));
    const kind = pick(rand, ['blank', 'copy', 'copy', 'note'] as const);
    const src = Math.floor(rand() * n);
    const values: CellValue[] = new Array(w).fill(null);
    const formats: (string | null)[] = new Array(w).fill(null);
    if (kind === 'note') values[Math.floor(rand() * w)] = pick(rand, HIDDEN_NOTES);
    if (kind === 'copy' && n > 0) {
      for (let c = 0; c < w; c++) {
        // The source row's own cells (not what merges cover), some of them typed over.
        if (mergeAt(g, src, c) && holderOf(g, src, c).r !== src) continue;
        const m = mergeAt(g, src, c);
        if (m && m.left !== c) continue;
        values[c] = g.values[src][c] ?? null;
        formats[c] = g.formats[src][c] ?? null;
        if (rand() < 0.2) (values[c] = pick(rand, NOTES)), (formats[c] = null);
      }
    }
    g.values.splice(at, 0, values);
    g.formats.splice(at, 0, formats);
    g.merges = mergesAfterInsert(g, 'row', at);
  }
}

/** Trailing empty cells dropped, as hosts hand over ragged rows. */
function ragged(g: FuzzGrid): void {
  g.values.forEach((row, r) => {
    let n = row.length;
    while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined || row[n - 1] === '')) n--;
    row.length = n;
    g.formats[r].length = Math.min(g.formats[r].length, n);
  });
}

/** Header words with the qualifiers and second language offices add (SCORING.md §1). */
const QUALIFIED: [RegExp, string[]][] = [
  [/^কর্মসম্পাদন সূচক$/, ['কর্মসম্পাদন সূচক (Performance Indicators)', 'কর্মসম্পাদন সূচক\nPerformance Indicator', 'কর্মসম্পাদন সুচক']],
  [/^একক$/, ['একক (Unit)', 'একক\nUnit', 'এককঃ']],
  [/^কর্মসম্পাদন সূচকের মান$/, ['কর্মসম্পাদন সূচকের মান (Weight of PI)', 'সূচকের মান', 'সূচকএর মান', 'মান']],
  [/^লক্ষ্যমাত্রা/, ['বার্ষিক লক্ষ্যমাত্রা', '২০২৩-২০২৪ অর্থবছরের লক্ষ্যমাত্রা', 'লক্ষ্যমাত্রা/নির্ণায়ক ২০২৩-২৪', 'Target/Criteria Value', 'লক্ষযমাত্রা']],
  [/^অসাধারণ$/, ['অসাধারণ\nExcellent', 'অসাধারণ (Excellent)']],
  [/^অতি উত্তম$/, ['অতি উত্তম (Very Good)']],
  [/^চলতি ?মানের নিম্নে$/, ['চলতি মানের নিম্নে\nPoor']],
  [/(অর্জন|অগ্রগতি)/, ['অর্জন (Achievement)', 'অজর্ন', 'প্রকৃত অর্জন']],
  [/^মন্তব্য$/, ['মন্তব্য (Remarks)', 'মনতব্য']],
  [/^ক্রম/, ['ক্রমিক নং (Sl. No.)', 'ক্র.নং']],
];

/** The rows of the sheet's header blocks: a row naming the indicator column and the three below it. */
function headerBlockRows(g: FuzzGrid): Set<number> {
  const rows = new Set<number>();
  g.values.forEach((row, r) => {
    if (row.some((v) => typeof v === 'string' && /^(কর্মসম্পাদন সূচক|Performance Indicators?|Indicators?|KPI|সূচক|কর্ম\. সূচক)$/i.test(cleanText(v)))) for (let k = 0; k < 4; k++) rows.add(r + k);
  });
  return rows;
}

function qualifiedHeaders(g: FuzzGrid, s: number, r0: number): void {
  const rand = rng(s);
  const header = headerBlockRows(g);
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!header.has(r) || typeof v !== 'string' || v.length > 60 || rand() >= r0) return;
      const found = QUALIFIED.find(([re]) => re.test(cleanText(v)));
      if (found) row[c] = pick(rand, found[1]);
    }),
  );
}

const TIER_NAME = /^(অসাধারণ|অতি উত্তম|উত্তম|চলতি মান|চলতি ?মানের নিম্নে|Excellent|Very Good|Good|Fair|Poor)$/;
const PERCENT = /^[\d০-৯]{2,3}\s*%$/;

/** Tier names and percents in one cell of one header row (`অসাধারণ ১০০%`): each percent moves up
 * into the tier's own cell, and the percent row is left empty. */
function oneRowTiers(g: FuzzGrid, bracket: boolean): void {
  for (let r = 0; r + 1 < g.values.length; r++) {
    const row = g.values[r];
    let moved = 0;
    row.forEach((v, c) => {
      const below = g.values[r + 1][c];
      if (typeof v !== 'string' || !TIER_NAME.test(cleanText(v)) || typeof below !== 'string' || !PERCENT.test(cleanText(below))) return;
      if (mergeAt(g, r + 1, c) && holderOf(g, r + 1, c).r !== r + 1) return;
      row[c] = bracket ? `${v} (${cleanText(below)})` : `${v} ${cleanText(below)}`;
      setCell(g, r + 1, c, null);
      moved++;
    });
    if (moved) return;
  }
}

const QUARTER_NAMES = [
  ['১ম কোয়ার্টার', '২য় কোয়ার্টার'],
  ['১ম ত্রৈমাসিক', '২য় ত্রৈমাসিক'],
  ['1ম', '2য়'],
  ['১ম কোয়াটার', '২য় কোয়াটার'],
  ['Q1', 'Q2'],
];
const ACHIEVEMENT_HEADING = /অর্জন|অগ্রগতি|achievement|progress/i;

/** A row of quarter columns under the achievement heading (§7): the achievement column becomes
 * the first quarter's, a second quarter's (or a total) is inserted beside it, the heading is
 * merged over both. Values typed in the body stay where they were; some move to the new column. */
function quarterRow(g: FuzzGrid, s: number, total: boolean): void {
  const rand = rng(s);
  for (const m of g.merges) {
    if (m.left !== m.right || m.bottom - m.top < 1) continue;
    const v = g.values[m.top]?.[m.left];
    if (typeof v !== 'string' || !ACHIEVEMENT_HEADING.test(v) || /প্রকৃত|ক্রমপুঞ্জিত|মোট|cumulative|actual|লক্ষ্য|target/i.test(v)) continue;
    const a = m.left;
    const { top, bottom } = m;
    insertColumn(g, a + 1, 'empty', s);
    // The heading over both columns; the quarters' names under it.
    g.merges = g.merges.filter((x) => !(x.left === a && x.right === a && x.top === top));
    g.merges.push({ top, left: a, bottom: top, right: a + 1 });
    const names = pick(rand, QUARTER_NAMES);
    setCell(g, top + 1, a, names[0]);
    setCell(g, top + 1, a + 1, total ? pick(rand, ['মোট অর্জন', 'ক্রমপুঞ্জিত অর্জন', 'মোট']) : names[1]);
    if (bottom > top + 1) {
      g.merges.push({ top: top + 1, left: a, bottom, right: a });
      g.merges.push({ top: top + 1, left: a + 1, bottom, right: a + 1 });
      for (let r = top + 2; r <= bottom; r++) (setCell(g, r, a, null), setCell(g, r, a + 1, null));
    }
    for (let r = bottom + 1; r < g.values.length; r++) {
      if (mergeAt(g, r, a) || mergeAt(g, r, a + 1)) continue;
      const x = g.values[r][a];
      if (x === null || x === undefined || x === '' || rand() < 0.5) continue;
      setCell(g, r, a + 1, x instanceof Date ? new Date(x.getTime()) : x, g.formats[r][a] ?? null);
      if (rand() < 0.5) setCell(g, r, a, null);
    }
    return;
  }
}

const WITH_VALUE = ['{v} তারিখে সভা অনুষ্ঠিত হয়েছে।', 'মোট {v} সম্পন্ন হয়েছে', '{v} নথি নিষ্পত্তি', 'অর্জন {v} (১ম কোয়ার্টার)', '{v} ও {v} তারিখে দুটি সভা', '{v} তারিখে বাস্তবায়িত হবে।'];
const WITHOUT_VALUE = ['কর্মপরিকল্পনা গ্রহণ করা হয়েছে।', 'কার্যক্রম চলমান', '১ম কোয়ার্টারে কার্যক্রম নেই।', 'যথাসময়ে প্রতিবেদন প্রেরণ করা হবে।', '২০২৩-২৪ অর্থবছরে ৪র্থ শিল্প বিপ্লব বিষয়ক সভা', 'A2i এর উদ্যোগে কাজ চলমান'];

/** Progress written in words (§3): values typed as sentences around them, or sentences alone. */
function sentences(g: FuzzGrid, s: number, r0: number): void {
  const rand = rng(s);
  const n = g.values.length;
  for (let r = Math.floor(n * 0.3); r < n; r++) {
    g.values[r].forEach((v, c) => {
      if (rand() >= r0 * 0.3) return;
      if (mergeAt(g, r, c) && holderOf(g, r, c).r !== r) return;
      const text = typeof v === 'string' ? cleanText(v) : '';
      if (text && /^[\d০-৯.,/%-]+$/.test(text) && text.length < 12) setCell(g, r, c, pick(rand, WITH_VALUE).replace(/\{v\}/g, text));
      else if (!text && (v === null || v === undefined || v === '') && rand() < 0.3) setCell(g, r, c, pick(rand, WITHOUT_VALUE));
    });
  }
}

const NA_REMARKS = ['প্রযোজ্য নয়', 'প্রযোজ্য নয়।', 'N/A', 'প্রযোজ্য  নয়', 'প্রযো\u200cজ্য নয়', 'প্রযোজ্য নয়, পরবর্তী বছরে'];

/** `প্রযোজ্য নয়` typed in some cells of the rows under the header (remarks, mostly). */
function naRemarks(g: FuzzGrid, s: number, count: number): void {
  const rand = rng(s);
  const n = g.values.length;
  const w = widthOf(g);
  if (n === 0 || w === 0) return;
  const remarks = new Set<number>();
  g.values.forEach((row) => row.forEach((v, c) => typeof v === 'string' && /মন্তব্য|remark/i.test(v) && remarks.add(c)));
  for (let i = 0; i < count; i++) {
    const r = Math.floor(n * 0.3 + rand() * n * 0.7);
    const c = remarks.size && rand() < 0.8 ? pick(rand, [...remarks]) : Math.floor(rand() * w);
    const h = holderOf(g, Math.min(r, n - 1), c);
    setCell(g, h.r, h.c, pick(rand, NA_REMARKS));
  }
}

export function applyMutation(g: FuzzGrid, m: Mutation): void {
  // Every mutation but `ragged` expects a rectangular grid; ragged rows are padded back.
  if (m.kind !== 'ragged') rectangular(g);
  switch (m.kind) {
    case 'delete-column':
      return deleteColumn(g, m.at);
    case 'insert-column':
      return insertColumn(g, m.at, m.fill, m.seed);
    case 'swap-columns':
      return swapColumns(g, m.a, m.b);
    case 'shuffle-rows':
      return shuffleRows(g, m.from, m.span, m.seed);
    case 'english-headers':
      return englishHeaders(g, m.seed, m.rate);
    case 'split-merge': {
      if (g.merges.length === 0) return;
      const targets = m.all ? [...g.merges] : [g.merges[m.pick % g.merges.length]];
      for (const t of targets) splitMergeArea(g, t, m.copy);
      return;
    }
    case 'mix-digits':
      return mixDigits(g, m.seed, m.rate);
    case 'misspell-units':
      return misspellUnits(g, m.seed, m.rate);
    case 'formula-errors':
      return formulaErrors(g, m.seed, m.count);
    case 'numbers-as-text':
      return numbersAsText(g, m.seed, m.rate);
    case 'text-as-numbers':
      return textAsNumbers(g, m.seed, m.rate);
    case 'hidden-rows':
      return hiddenRows(g, m.seed, m.count);
    case 'origin':
      g.origin = { row: m.row, col: m.col };
      return;
    case 'ragged':
      return ragged(g);
    case 'drop-formats':
      g.formats = g.formats.map((row) => row.map(() => null));
      return;
    case 'qualified-headers':
      return qualifiedHeaders(g, m.seed, m.rate);
    case 'one-row-tiers':
      return oneRowTiers(g, m.bracket);
    case 'quarter-row':
      return quarterRow(g, m.seed, m.total);
    case 'sentences':
      return sentences(g, m.seed, m.rate);
    case 'na-remarks':
      return naRemarks(g, m.seed, m.count);
  }
}

/** The mutations' own invariant (a broken one is a bug in this file, not in the reader): merges
 * stay rectangular, inside the grid's rows, and never overlap. */
export function mergeProblems(g: FuzzGrid): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  g.merges.forEach((m, i) => {
    if (m.top > m.bottom || m.left > m.right || m.top < 0 || m.left < 0) out.push(`merge ${i} is not a rectangle: ${JSON.stringify(m)}`);
    if (m.bottom >= g.values.length) out.push(`merge ${i} runs past the last row: ${JSON.stringify(m)}`);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        const k = `${r},${c}`;
        if (seen.has(k)) out.push(`merges ${seen.get(k)} and ${i} overlap at ${k}`);
        seen.set(k, i);
      }
  });
  return out;
}

/** The seed's indicator rows repeated until the sheet has `rows` rows (cover, header and footer
 * kept), merges repeated with them. `first`/`last` are the 0-based grid rows of the block. */
export function repeatRows(g: FuzzGrid, first: number, last: number, rows: number): FuzzGrid {
  let s = first;
  let e = last + 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of g.merges) {
      if (m.top < s && m.bottom >= s) (s = m.top), (changed = true);
      if (m.top < e && m.bottom >= e) (e = m.bottom + 1), (changed = true);
    }
  }
  const block = e - s;
  const tail = g.values.length - e;
  const copies = Math.max(1, Math.ceil((rows - s - tail) / block));
  const values: CellValue[][] = g.values.slice(0, s);
  const formats: (string | null | undefined)[][] = g.formats.slice(0, s);
  const merges: MergeArea[] = g.merges.filter((m) => m.bottom < s).map((m) => ({ ...m }));
  const inBlock = g.merges.filter((m) => m.top >= s && m.bottom < e);
  for (let k = 0; k < copies; k++) {
    for (let r = s; r < e; r++) {
      values.push(g.values[r].map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));
      formats.push([...g.formats[r]]);
    }
    const d = k * block;
    for (const m of inBlock) merges.push({ ...m, top: m.top + d, bottom: m.bottom + d });
  }
  const shift = (copies - 1) * block;
  for (let r = e; r < g.values.length; r++) {
    values.push(g.values[r]);
    formats.push(g.formats[r]);
  }
  for (const m of g.merges.filter((m) => m.top >= e)) merges.push({ ...m, top: m.top + shift, bottom: m.bottom + shift });
  return { sheet: g.sheet, values, formats, merges };
}
