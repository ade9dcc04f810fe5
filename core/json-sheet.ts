import type { JsonSheet } from './json';
import type { Problem } from './plan';
import type { IndicatorScore, PlanScore } from './score';

/* The JSON of one scored sheet, made apart from its schema (json.ts) so that the worker
 * threads that make it load no schema library (see tiers.ts). */

export function fiscalYearLabel(start: number | null): string | null {
  return start === null ? null : `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** What every output says of an indicator: its id, name, row, unit, weight, raw score and score. */
export function indicatorFacts(s: IndicatorScore) {
  return { id: s.indicator.id, name: s.indicator.name, row: s.indicator.row, unit: s.indicator.unit, weight: s.indicator.weight, raw: s.raw, score: s.score };
}

export function jsonSheet(result: PlanScore, problems: Problem[]): JsonSheet {
  const { plan, totals, settings } = result;
  return {
    sheet: plan.sheet,
    office: plan.office,
    layout: plan.layout,
    plan: plan.kind,
    fiscalYear: fiscalYearLabel(plan.fiscalYear),
    quarter: plan.quarter,
    equalWeights: plan.equalWeights,
    indicators: result.indicators.map((s) => ({ ...indicatorFacts(s), status: s.status, tier: s.tier, evidence: s.indicator.evidence })),
    totals: {
      score: totals.score,
      max: totals.max,
      percent: totals.percent,
      pending: totals.pending,
      inWords: totals.inWords,
      na: totals.na,
      invalid: totals.invalid,
      weight: totals.weight,
      planScore: totals.planScore,
      applicable: totals.applicable,
      earnedPercent: totals.earnedPercent,
      toDate: totals.toDate,
    },
    settings,
    problems: problems.map(({ file: _file, ...p }) => p),
  };
}
