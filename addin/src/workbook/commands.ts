import { Bilingual, Grid, Plan, PlanScore, Problem, ScoreSettings, highlightKey, message, readPlan, scorePlan, validatePlan } from '../../../core';
import type { IndicatorLine } from '../../../core/operations';

/** Host-free steps that every host's commands share (Excel here, Google Sheets in appsscript/). */

/** A sheet's grid read, scored and validated — or why it holds no plan. */
export function scoreGrid(grid: Grid, settings: Partial<ScoreSettings>, today: number): { plan: Plan; result: PlanScore; problems: Problem[] } | { reason: Bilingual } {
  const outcome = readPlan(grid);
  if (outcome.kind === 'not-a-plan') {
    const first = outcome.problems[0];
    return { reason: message('not-a-plan', { reason: first ? first.message : message('no-header') }) };
  }
  const result = scorePlan(outcome.plan, settings);
  return { plan: outcome.plan, result, problems: validatePlan(outcome.plan, { today }, result) };
}

/** The indicator list a pane shows: one line per indicator with its colour key and cells. */
export function indicatorLines(result: PlanScore): IndicatorLine[] {
  return result.indicators.map((s) => ({
    id: s.indicator.id,
    name: s.indicator.name,
    row: s.indicator.row,
    unit: s.indicator.unit,
    weight: s.indicator.weight,
    raw: s.raw,
    score: s.score,
    key: highlightKey(s.status, s.tier),
    cells: s.achievementCells.length ? s.achievementCells : [s.indicator.cell],
  }));
}
