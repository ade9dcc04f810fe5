import type { Day } from './dates';
import type { Grid } from './grid';
import { highlightKey } from './highlight';
import { fiscalYearLabel, indicatorFacts } from './json-sheet';
import { readPlan } from './layout';
import { Bilingual, message } from './messages';
import type { CheckResult, IndicatorLine } from './operations';
import type { Plan, Problem } from './plan';
import { PlanScore, ScoreSettings, scorePlan } from './score';
import { validatePlan } from './validate';

/**
 * THE one step from a sheet's grid to what every command starts from, for all three hosts (Excel,
 * Google Sheets, the CLI's files): read the plan (SCORING.md §1–§3), score it (§4–§7), validate it
 * (§8) — or say why the sheet holds no plan.
 */
export type SheetAnalysis =
  | { kind: 'plan'; sheet: string; plan: Plan; result: PlanScore; problems: Problem[] }
  | {
      kind: 'not-a-plan';
      sheet: string;
      reason: Bilingual;
      /** No indicator table at all (a cover letter, instructions), rather than a table that could not be read. */
      noTable: boolean;
    };

export interface AnalyseOptions {
  settings?: Partial<ScoreSettings>;
  /** Today (Asia/Dhaka), for "an achievement date in the future". */
  today: Day;
  /** The grid's number formats are unknown (CSV). */
  formatsUnknown?: boolean;
}

export function analyseGrid(grid: Grid, options: AnalyseOptions): SheetAnalysis {
  const outcome = readPlan(grid, { formatsUnknown: options.formatsUnknown });
  if (outcome.kind === 'not-a-plan') {
    const first = outcome.problems[0];
    return { kind: 'not-a-plan', sheet: grid.sheet, reason: message('not-a-plan', { reason: first ? first.message : message('no-header') }), noTable: !first || first.code === 'no-header' };
  }
  const result = scorePlan(outcome.plan, options.settings);
  return { kind: 'plan', sheet: grid.sheet, plan: outcome.plan, result, problems: validatePlan(outcome.plan, { today: options.today }, result) };
}

/** A host's tab as it was read: the host could not read it (`error`), it holds nothing (`grid`
 * null), or its grid. */
export function analyseTab(sheet: string, read: { error?: string; grid: Grid | null }, options: AnalyseOptions): SheetAnalysis {
  if (read.error !== undefined) return { kind: 'not-a-plan', sheet, reason: message('not-a-plan', { reason: message('wb.sheet-unreadable', { detail: read.error }) }), noTable: false };
  if (!read.grid) return { kind: 'not-a-plan', sheet, reason: message('not-a-plan', { reason: message('wb.empty-sheet') }), noTable: true };
  return analyseGrid(read.grid, options);
}

/** The indicator list a pane shows: one line per indicator with its colour key and cells. */
export function indicatorLines(result: PlanScore): IndicatorLine[] {
  return result.indicators.map((s) => ({ ...indicatorFacts(s), key: highlightKey(s.status, s.tier), cells: s.achievementCells.length ? s.achievementCells : [s.indicator.cell] }));
}

/** "Check this sheet": the plan, its totals, indicators and problems — or why there is none. */
export function checkResult(a: SheetAnalysis): CheckResult {
  if (a.kind === 'not-a-plan') return { sheet: a.sheet, plan: null, reason: a.reason, totals: null, indicators: [], problems: [] };
  const p = a.plan;
  return {
    sheet: a.sheet,
    plan: { office: p.office, kind: p.kind, fiscalYear: fiscalYearLabel(p.fiscalYear), quarter: p.quarter, layout: p.layout, headerRow: p.headerRow },
    totals: a.result.totals,
    indicators: indicatorLines(a.result),
    problems: a.problems,
  };
}

/** A command's answer when the sheet holds no plan. */
export function noPlanResult(a: SheetAnalysis & { kind: 'not-a-plan' }): { ok: false; message: Bilingual; changed: 0 } {
  return { ok: false, message: message('wb.no-plan', { sheet: a.sheet, reason: a.reason }), changed: 0 };
}
