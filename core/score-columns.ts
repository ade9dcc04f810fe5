import { rectA1 } from './areas';
import { Grid, columnLetters, parseA1 } from './grid';
import { Language, message } from './messages';
import type { CommandResult } from './operations';
import { LEGEND_OFFSET, LEGEND_ROWS, Located, columnHeaders } from './ownership';
import type { Indicator } from './plan';
import type { PlanScore, ScoreSettings } from './score';
import { cleanText } from './text';

/** How each host names the functions in a formula: `=APA.SCORE(…)` in Excel (the add-in's
 * namespace), `=APA_SCORE(…)` in Google Sheets (a custom function is a global name). */
export const FUNCTION_PREFIX = { excel: 'APA.', sheets: 'APA_' } as const;
export type Dialect = keyof typeof FUNCTION_PREFIX;

export const SCORE_FORMAT = '0.00';

/** The live score and tier columns beside a table, as a host writes them at the column it places
 * them in: the header pair, then on each indicator's achievement row one score and one tier formula. */
export interface ScoreColumnsSpec {
  /** The header row (the table's first header row), 0-based. */
  top: number;
  /** The last row with formulas (the header row when there are none). */
  bottom: number;
  header: [string, string];
  /** Rows `top + 1` … `bottom`: the score and the tier formula, or two blanks. */
  body: [string, string][];
  /** The score column's number format. */
  scoreFormat: string;
  /** Indicators that got formulas. */
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

/** The unit cell of an indicator: the cell of its row, left of the targets, holding its unit text. */
function unitCell(grid: Grid, ind: Indicator, firstTargetCol: number): string | null {
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
    if (typeof v === 'string' && cleanText(v) === want) return `${columnLetters(hc + o.col)}${hr + o.row + 1}`;
  }
  return null;
}

/** `=APA.SCORE(K14,F14:J14,E14,D14)` and `=APA.TIER(K14,F14:J14,D14)` (in the host's dialect) for
 * each indicator, on the row of its achievement (the second row of a target/achievement pair),
 * reading its cumulative achievement when it has one, else its last. The plan's between-tier rule
 * goes into SCORE (`"floor"`), the user's language into the headers and TIER (`"en"`). */
export function scoreColumns(grid: Grid, result: PlanScore, dialect: Dialect, options: { language?: Language } = {}): ScoreColumnsSpec {
  const fn = FUNCTION_PREFIX[dialect];
  const language = options.language ?? 'bn';
  const mode = result.settings.mode;
  const rows: { row: number; score: string; tier: string }[] = [];
  for (const s of result.indicators) {
    const ind = s.indicator;
    const ach = ind.achievements.find((a) => a.cumulative) ?? ind.achievements[ind.achievements.length - 1];
    if (!ach || !ind.targets.length) continue;
    const a = parseA1(ach.cell);
    const targets = ind.targets.map((t) => parseA1(t.cell)).filter((p): p is { row: number; col: number } => p !== null);
    if (!a || !targets.length) continue;
    const left = Math.min(...targets.map((t) => t.col));
    const right = Math.max(...targets.map((t) => t.col));
    const targetRef = rectA1({ top: targets[0].row, left, bottom: targets[0].row, right });
    const unit = unitCell(grid, ind, left);
    rows.push({
      row: a.row,
      score: call(`${fn}SCORE`, [ach.cell, targetRef, ind.weightCell || '""'], [unit, mode === 'floor' ? '"floor"' : null]),
      tier: call(`${fn}TIER`, [ach.cell, targetRef], [unit, language === 'en' ? '"en"' : null]),
    });
  }
  const top = result.plan.headerRow - 1;
  const bottom = Math.max(top, ...rows.map((r) => r.row));
  const body: [string, string][] = [];
  for (let r = top + 1; r <= bottom; r++) body.push(['', '']);
  for (const fr of rows) body[fr.row - top - 1] = [fr.score, fr.tier];
  return { top, bottom, header: columnHeaders(language), body, scoreFormat: SCORE_FORMAT, count: rows.length, settings: { mode } };
}

/** Where APA Sheets' block beside a table goes (score, tier, a gap, the legend): its first column
 * is where its columns or its legend already are, else the first clear column right of the table
 * that the host found (`firstClear`: hosts see formatting differently). */
export function blockColumn(located: Located, firstClear: () => number): number {
  if (located.columns) return located.columns.score;
  if (located.legend) return Math.max(0, located.legend.col - LEGEND_OFFSET);
  return firstClear();
}

/** The rows the block spans: from the header row down to the legend's last row or the last
 * indicator's row, whichever is lower (what a host keeps clear of the user's formatting). */
export function blockRows(result: PlanScore): { top: number; bottom: number } {
  const top = result.plan.headerRow - 1;
  let bottom = top + LEGEND_ROWS - 1;
  for (const s of result.indicators) {
    for (const c of [s.indicator.cell, ...s.indicator.achievements.map((x) => x.cell)]) {
      const p = parseA1(c);
      if (p && p.row > bottom) bottom = p.row;
    }
  }
  return { top, bottom };
}

/** What "Add score columns" answers once the columns are written at `col`. */
export function columnsAdded(sheet: string, spec: ScoreColumnsSpec, col: number): CommandResult {
  const columns = `${columnLetters(col)}:${columnLetters(col + 1)}`;
  return { ok: true, message: message('wb.columns-added', { sheet, count: spec.count, columns }), changed: 2 * spec.count + 2, settings: spec.settings };
}
