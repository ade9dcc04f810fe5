import { Rect, rectA1 } from './areas';
import type { Day } from './dates';
import { formatDay } from './dates';
import { FnValue, functionByName } from './functions';
import { CellValue, Grid, columnLetters, parseA1 } from './grid';
import { Language, message, text } from './messages';
import type { CommandResult } from './operations';
import { LEGEND_OFFSET, LEGEND_ROWS, Located, columnHeaders, locatedAreas } from './ownership';
import type { Indicator } from './plan';
import type { IndicatorScore, PlanScore, ScoreSettings } from './score';
import type { SpecCell } from './report';
import { cleanText } from './text';

/** How each host names the functions in a formula: `=APA.SCORE(…)` in Excel (the add-in's
 * namespace), `=APA_SCORE(…)` in Google Sheets (a custom function is a global name). */
export const FUNCTION_PREFIX = { excel: 'APA.', sheets: 'APA_' } as const;
export type Dialect = keyof typeof FUNCTION_PREFIX;

export const SCORE_FORMAT = '0.00';

/**
 * One array formula per column over a run of the table's rows: `=APA.SCORE(K14:K30,F14:J30,E14:E30,D14:D30)`
 * in the run's first row spills one result per row, down to its last row (Excel's dynamic arrays,
 * Sheets' array results). A run is as long as one formula can be: its indicators read the same
 * columns at the same row offsets, and every other row inside it (a blank row, a page number)
 * gives blank results. A header repeated after a page break starts a new run; a table of
 * target/achievement row pairs, whose target rows would give results of their own, has one run per pair.
 */
export interface ScoreRun {
  /** The run's first row (0-based), where its two formulas are. */
  row: number;
  /** Rows it spills over, its first included. */
  rows: number;
  score: string;
  tier: string;
  /** Indicators it scores. */
  indicators: number;
}

/** The live score and tier columns beside a table, as a host writes them at the column it places
 * them in: the header pair, then the runs' formulas. */
export interface ScoreColumnsSpec {
  /** The header row (the table's first header row), 0-based. */
  top: number;
  /** The last row the formulas spill over (the header row when there are none). */
  bottom: number;
  header: [string, string];
  runs: ScoreRun[];
  /** Rows `top + 1` … `bottom` as a host writes them in one call: each run's two formulas in its
   * first row, blanks elsewhere (the cells its results spill into). */
  body: [string, string][];
  /** The score column's number format. */
  scoreFormat: string;
  /** Indicators that got a score. */
  count: number;
  /** The settings the formulas carry (the between-tier rule: n/a and final evaluation change totals only). */
  settings: Pick<ScoreSettings, 'mode'>;
}

/** A function call with its optional arguments: those after the last one given left out, an
 * omitted one before it given as `""` (what both hosts read as "omitted"). */
function call(fn: string, required: string[], optional: (string | null)[]): string {
  const opt = [...optional];
  while (opt.length && opt[opt.length - 1] === null) opt.pop();
  return `=${fn}(${[...required, ...opt.map((a) => a ?? '""')].join(',')})`;
}

/** Where an indicator's cells are, relative to the row of its achievement. */
interface Shape {
  ach: number;
  tLeft: number;
  tRight: number;
  tOff: number;
  /** Null: the table has no weight column (the formula passes ""). */
  w: { col: number; off: number } | null;
  /** Null: no unit cell (the function infers the unit from the targets). */
  u: { col: number; off: number } | null;
}

interface Placed {
  row: number;
  shape: Shape;
}

/** The unit cell of an indicator: the cell of its row, left of the targets, holding its unit text. */
function unitCell(grid: Grid, ind: Indicator, firstTargetCol: number): { row: number; col: number } | null {
  if (!ind.unitText) return null;
  const o = grid.origin ?? { row: 0, col: 0 };
  const r = ind.row - 1 - o.row;
  const want = cleanText(ind.unitText);
  const holder = (rr: number, cc: number): [number, number] => {
    for (const m of grid.merges ?? []) if (rr >= m.top && rr <= m.bottom && cc >= m.left && cc <= m.right) return [m.top, m.left];
    return [rr, cc];
  };
  for (let c = 0; c < firstTargetCol - o.col; c++) {
    const [hr, hc] = holder(r, c);
    const v = grid.values[hr]?.[hc];
    if (typeof v === 'string' && cleanText(v) === want) return { row: hr + o.row, col: hc + o.col };
  }
  return null;
}

/** Each indicator's formula cells: on the row of its achievement (the second row of a
 * target/achievement pair), reading its cumulative achievement when it has one, else its last. */
function placed(grid: Grid, result: PlanScore): Placed[] {
  const byRow = new Map<number, Placed>();
  for (const s of result.indicators) {
    const ind = s.indicator;
    const ach = ind.achievements.find((a) => a.cumulative) ?? ind.achievements[ind.achievements.length - 1];
    if (!ach || !ind.targets.length) continue;
    const a = parseA1(ach.cell);
    const targets = ind.targets.map((t) => parseA1(t.cell)).filter((p): p is { row: number; col: number } => p !== null);
    if (!a || !targets.length) continue;
    const left = Math.min(...targets.map((t) => t.col));
    const right = Math.max(...targets.map((t) => t.col));
    const w = ind.weightCell ? parseA1(ind.weightCell) : null;
    const u = unitCell(grid, ind, left);
    const shape: Shape = {
      ach: a.col,
      tLeft: left,
      tRight: right,
      tOff: targets[0].row - a.row,
      w: w ? { col: w.col, off: w.row - a.row } : null,
      u: u ? { col: u.col, off: u.row - a.row } : null,
    };
    // Two indicators on one row: the later one's formula, as a row holds one.
    byRow.set(a.row, { row: a.row, shape });
  }
  return [...byRow.values()].sort((x, y) => x.row - y.row);
}

/** The shape both can share, or null: the same cells, a unit cell where one of them has none. */
function merged(a: Shape, b: Shape): Shape | null {
  if (a.ach !== b.ach || a.tLeft !== b.tLeft || a.tRight !== b.tRight || a.tOff !== b.tOff) return null;
  if ((a.w === null) !== (b.w === null) || (a.w && b.w && (a.w.col !== b.w.col || a.w.off !== b.w.off))) return null;
  if (a.u && b.u && (a.u.col !== b.u.col || a.u.off !== b.u.off)) return null;
  return { ...a, u: a.u ?? b.u };
}

const SCORE_FN = functionByName('SCORE')!;
const TIER_FN = functionByName('TIER')!;

/** The two results one row gets under a shape: what the host's formula computes there (the
 * registry's functions over the grid's cells, as the host passes them). */
function evaluateRow(grid: Grid, shape: Shape, row: number): [FnValue, FnValue] {
  const o = grid.origin ?? { row: 0, col: 0 };
  const at = (r: number, c: number): CellValue => grid.values[r - o.row]?.[c - o.col] ?? null;
  const ach = [[at(row, shape.ach)]];
  const targets = [Array.from({ length: shape.tRight - shape.tLeft + 1 }, (_, k) => at(row + shape.tOff, shape.tLeft + k))];
  const weight = shape.w ? [[at(row + shape.w.off, shape.w.col)]] : '';
  const unit = shape.u ? [[at(row + shape.u.off, shape.u.col)]] : null;
  const first = (out: FnValue[][] | FnValue) => (Array.isArray(out) ? out[0]?.[0] ?? '' : out);
  return [first(SCORE_FN.impl(ach, targets, weight, unit)), first(TIER_FN.impl(ach, targets, unit))];
}

const same = (a: FnValue, b: FnValue) => a === b || JSON.stringify(a) === JSON.stringify(b);
const blankPair = (v: [FnValue, FnValue]) => v[0] === '' && v[1] === '';

/** The runs of a table: each as long as one formula per column gives, on every row it spills
 * over, exactly what each indicator's own cells give (checked with the registry's functions). */
export function scoreRuns(grid: Grid, result: PlanScore): { first: number; last: number; shape: Shape; indicators: number }[] {
  const rows = placed(grid, result);
  const own = new Map(rows.map((p) => [p.row, evaluateRow(grid, p.shape, p.row)]));
  const fits = (shape: Shape, from: number, to: number) => {
    for (let r = from; r <= to; r++) {
      const want = own.get(r);
      const got = evaluateRow(grid, shape, r);
      if (want ? !(same(got[0], want[0]) && same(got[1], want[1])) : !blankPair(got)) return false;
    }
    return true;
  };
  const runs: { first: number; last: number; shape: Shape; indicators: number }[] = [];
  for (const p of rows) {
    const run = runs[runs.length - 1];
    const shape = run && merged(run.shape, p.shape);
    // A unit column taken on for this row is checked over the whole run; else only the new rows.
    if (run && shape && fits(shape, shape.u === run.shape.u ? run.last + 1 : run.first, p.row)) {
      run.shape = shape;
      run.last = p.row;
      run.indicators++;
    } else {
      runs.push({ first: p.row, last: p.row, shape: p.shape, indicators: 1 });
    }
  }
  return runs;
}

/** The live columns: `=APA.SCORE(K14:K30,F14:J30,E14:E30,D14:D30)` and `=APA.TIER(K14:K30,F14:J30,D14:D30)`
 * (in the host's dialect) in each run's first row. A run of one row reads single cells. */
export function scoreColumns(grid: Grid, result: PlanScore, dialect: Dialect, options: { language?: Language } = {}): ScoreColumnsSpec {
  const fn = FUNCTION_PREFIX[dialect];
  const language = options.language ?? 'bn';
  const mode = result.settings.mode;
  const span = (col: number, off: number, first: number, last: number) => rectA1({ top: first + off, left: col, bottom: last + off, right: col });
  const runs: ScoreRun[] = scoreRuns(grid, result).map(({ first, last, shape, indicators }) => {
    const ach = span(shape.ach, 0, first, last);
    const targets = rectA1({ top: first + shape.tOff, left: shape.tLeft, bottom: last + shape.tOff, right: shape.tRight });
    const weight = shape.w ? span(shape.w.col, shape.w.off, first, last) : '""';
    const unit = shape.u ? span(shape.u.col, shape.u.off, first, last) : null;
    return {
      row: first,
      rows: last - first + 1,
      // The between-tier rule goes into SCORE (`"floor"`), the user's language into TIER (`"en"`).
      score: call(`${fn}SCORE`, [ach, targets, weight], [unit, mode === 'floor' ? '"floor"' : null]),
      tier: call(`${fn}TIER`, [ach, targets], [unit, language === 'en' ? '"en"' : null]),
      indicators,
    };
  });
  const top = result.plan.headerRow - 1;
  const bottom = Math.max(top, ...runs.map((r) => r.row + r.rows - 1));
  const body: [string, string][] = [];
  for (let r = top + 1; r <= bottom; r++) body.push(['', '']);
  for (const run of runs) body[run.row - top - 1] = [run.score, run.tier];
  return { top, bottom, header: columnHeaders(language), runs, body, scoreFormat: SCORE_FORMAT, count: runs.reduce((n, r) => n + r.indicators, 0), settings: { mode } };
}

// ── Values only: the results as plain values, for sheets sent to offices without APA Sheets ──

export interface ValuesColumnsOptions {
  language: Language;
  /** The day the values were computed (Asia/Dhaka). */
  today: Day;
  /** "APA Sheets <version>" in the note. */
  version: string;
}

/** "Values only": the same block as the live columns — the header pair, then on each
 * indicator's row its score and tier as plain values — and one row below them saying when and
 * how they were computed. What a formula would show as an error is its message. */
export interface ValuesColumnsSpec {
  top: number;
  /** The note's row. */
  bottom: number;
  /** Rows `top` … `bottom`, two cells each, as cell specs (text kept as text, the score's format). */
  rows: SpecCell[][];
  count: number;
}

function settingsText(s: ScoreSettings): { bn: string; en: string } {
  return message('report.rules', { mode: text(`rule.${s.mode}`), na: text(`rule.${s.na}`), final: text(s.final ? 'rule.final' : 'rule.to-date') });
}

/** The note below values-only columns: when, with which settings, by which version. */
export function valuesNote(settings: ScoreSettings, options: ValuesColumnsOptions): string {
  const date = { bn: formatDay(options.today, 'bn'), en: formatDay(options.today) };
  return message('wb.values.note', { version: options.version, date, settings: settingsText(settings) })[options.language];
}

export function valuesColumns(grid: Grid, result: PlanScore, options: ValuesColumnsOptions): ValuesColumnsSpec {
  const l = options.language;
  const byRow = new Map<number, IndicatorScore>();
  const shapes = new Map(placed(grid, result).map((p) => [p.row, p.shape]));
  for (const s of result.indicators) {
    const ach = s.indicator.achievements.find((a) => a.cumulative) ?? s.indicator.achievements[s.indicator.achievements.length - 1];
    const p = ach && parseA1(ach.cell);
    if (p && shapes.has(p.row)) byRow.set(p.row, s);
  }
  const top = result.plan.headerRow - 1;
  const last = Math.max(top, ...byRow.keys());
  const [scoreHeader, tierHeader] = columnHeaders(l);
  const rows: SpecCell[][] = [[{ v: scoreHeader, bold: true }, { v: tierHeader, bold: true }]];
  for (let r = top + 1; r <= last; r++) {
    const s = byRow.get(r);
    if (!s) {
      rows.push([{ v: '' }, { v: '' }]);
      continue;
    }
    const counted = s.score !== null && (s.status === 'scored' || result.settings.final);
    let tier: string;
    if (s.tier && (s.status === 'scored' || result.settings.final)) tier = text(`tier.${s.tier}`)[l];
    else if (s.status === 'invalid') {
      // What the formula would show: the function's own message for this row.
      const t = evaluateRow(grid, shapes.get(r)!, r)[1];
      tier = typeof t === 'object' && 'error' in t ? t.message[l] : typeof t === 'string' ? t : text('status.invalid')[l];
    } else tier = text(`status.${s.status}`)[l];
    rows.push([counted ? { v: s.score, format: SCORE_FORMAT } : { v: '' }, { v: tier }]);
  }
  rows.push([{ v: valuesNote(result.settings, options) }, { v: '' }]);
  return { top, bottom: last + 1, rows, count: byRow.size };
}

// ── Where the block goes ────────────────────────────────────────────────────────────────────

/** Where APA Sheets' block beside a table goes (score, tier, a gap, the legend): its first column
 * is where its columns or its legend already are, else the first clear column right of the table
 * that the host found (`firstClear`: hosts see formatting differently). A block that would now
 * cover a cell of the user's (the table grew, and a note or a signature stands in the way) goes to
 * the first clear column instead: APA Sheets never writes over what is not its own. */
export function blockColumn(located: Located, firstClear: () => number, fits: (col: number) => boolean = () => true): number {
  const at = located.columns ? located.columns.score : located.legend ? Math.max(0, located.legend.col - LEGEND_OFFSET) : null;
  if (at !== null && fits(at)) return at;
  return firstClear();
}

/** Whether the cells of `cols` over `rows` (where a command is about to write) are each empty or
 * APA Sheets' own (`located`): `value(row, col)` is the sheet's cell as the host read it. */
export function blockFits(cols: number[], rows: { top: number; bottom: number }, located: Located, value: (row: number, col: number) => unknown): boolean {
  const own: Rect[] = locatedAreas(located);
  const mine = (r: number, c: number) => own.some((o) => r >= o.top && r <= o.bottom && c >= o.left && c <= o.right);
  for (const c of cols) {
    for (let r = rows.top; r <= rows.bottom; r++) {
      const v = value(r, c);
      if (v !== null && v !== undefined && v !== '' && !mine(r, c)) return false;
    }
  }
  return true;
}

/** The rows the block spans: from the header row down to the legend's last row or the last
 * indicator's row, whichever is lower (what a host keeps clear of the user's formatting); with
 * `extra`, one row more (the note of values only). */
export function blockRows(result: PlanScore, extra = 0): { top: number; bottom: number } {
  const top = result.plan.headerRow - 1;
  let bottom = top + LEGEND_ROWS - 1;
  let last = top;
  for (const s of result.indicators) {
    for (const c of [s.indicator.cell, ...s.indicator.achievements.map((x) => x.cell)]) {
      const p = parseA1(c);
      if (p && p.row > last) last = p.row;
    }
  }
  bottom = Math.max(bottom, last + extra);
  return { top, bottom };
}

/** What "Add score columns" answers once the columns are written at `col`. */
export function columnsAdded(sheet: string, spec: ScoreColumnsSpec, col: number): CommandResult {
  const columns = `${columnLetters(col)}:${columnLetters(col + 1)}`;
  return { ok: true, message: message('wb.columns-added', { sheet, count: spec.count, columns, formulas: spec.runs.length }), changed: 2 * spec.runs.length + 2, settings: spec.settings };
}

/** What "Values only" answers once the values are written at `col`. */
export function valuesAdded(sheet: string, spec: ValuesColumnsSpec, col: number): CommandResult {
  const columns = `${columnLetters(col)}:${columnLetters(col + 1)}`;
  return { ok: true, message: message('wb.values-added', { sheet, count: spec.count, columns }), changed: 2 * spec.rows.length };
}
