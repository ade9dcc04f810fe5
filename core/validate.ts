import { formatDay, fiscalYearBounds, Day } from './dates';
import { digits, message, MessageKey, MessageParam } from './messages';
import type { Problem, Severity, Plan } from './plan';
import { planIndicators } from './plan-walk';
import { PlanScore, scorePlan } from './score';
import { compactText, nfcSet } from './text';
import { toBengaliDigits } from './bengali-digits';
import { Value } from './values';

export interface ValidateOptions {
  /** Today, for "achievement date in the future"; omitted, that check is skipped. */
  today?: Day;
}

const NA_REMARK = nfcSet(['প্রযোজ্যনয়', 'প্রযোজ্যনয়।', 'প্রযোজ্যনহে', 'n/a', 'notapplicable']);
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every problem of a plan (SCORING.md §8), each at its sheet and cell, in both languages:
 * what the reader met while reading, then what the rules find. */
export function validatePlan(plan: Plan, options: ValidateOptions = {}, scored?: PlanScore): Problem[] {
  const result = scored ?? scorePlan(plan);
  const problems: Problem[] = [...plan.problems];
  const add = (code: MessageKey, severity: Severity, cell: string, params: Record<string, MessageParam> = {}, indicatorId?: string) => {
    problems.push({ code, severity, file: plan.file, sheet: plan.sheet, cell, indicatorId, message: message(code, params) });
  };
  const valueProblem = (v: Value, cell: string, id: string) => {
    if (v.kind === 'invalid') {
      add('not-a-value', 'error', cell, { text: v.text.slice(0, 60), reason: message(`reason.${v.reason}`) }, id);
    }
  };

  const seen = new Map<string, number>();
  const fy = plan.fiscalYear !== null ? fiscalYearBounds(plan.fiscalYear) : null;
  const fyLabel = plan.fiscalYear !== null ? `${plan.fiscalYear}-${String((plan.fiscalYear + 1) % 100).padStart(2, '0')}` : '';

  for (const s of result.indicators) {
    const ind = s.indicator;
    const id = ind.id;
    if (id) {
      const other = seen.get(id);
      if (other !== undefined) add('duplicate-id', 'error', ind.cell, { id: digits(id), other }, id);
      else seen.set(id, ind.row);
    }
    if (ind.weight === null) add('weight-missing', 'error', ind.weightCell || ind.cell, { text: '' }, id);
    for (const t of ind.targets) valueProblem(t.value, t.cell, id);
    for (const a of ind.achievements) valueProblem(a.value, a.cell, id);

    const analysis = s.analysis;
    if (analysis.kind === 'invalid' && analysis.cause === 'targets-not-monotonic' && analysis.target) {
      const t = analysis.target;
      const shown = t.value.kind === 'date' ? { bn: formatDay(t.value.day, 'bn'), en: formatDay(t.value.day) } : t.value.kind === 'number' ? t.value.value : '';
      add('targets-not-monotonic', 'error', t.cell, { tier: message(`tier.${t.tier}`), value: shown }, id);
    }
    if (analysis.kind === 'invalid' && analysis.cause === 'no-targets') add('no-targets', 'error', analysis.cell, {}, id);

    for (const a of ind.achievements) {
      const v = a.value;
      if (v.kind === 'number' && ind.unit === 'percent' && v.value > 100) add('percent-over-100', 'warning', a.cell, { value: v.value }, id);
      if (v.kind === 'date') {
        const date = { bn: formatDay(v.day, 'bn'), en: formatDay(v.day) };
        if (fy && (v.day < fy.first || v.day > fy.last)) {
          add('date-outside-fy', 'warning', a.cell, { date, fy: { bn: toBengaliDigits(fyLabel), en: fyLabel } }, id);
        } else if (options.today !== undefined && v.day > options.today) {
          add('date-in-future', 'warning', a.cell, { date }, id);
        }
      }
    }
    if (s.status === 'pending' && NA_REMARK.has(compactText(ind.remarks))) {
      add('remark-says-na', 'info', s.achievementCells[0] ?? ind.cell, {}, id);
    }
  }

  for (const area of plan.areas) {
    if (area.weight === null) continue;
    const sum = area.indicators.reduce((acc, i) => acc + (i.weight ?? 0), 0);
    if (Math.abs(sum - area.weight) > 1e-9) {
      add('area-weight-mismatch', 'error', area.weightCell, { area: digits(area.id), stated: area.weight, sum });
    }
  }
  const total = planIndicators(plan).reduce((acc, i) => acc + (i.weight ?? 0), 0);
  if (Math.abs(total - 50) > 1e-9 && Math.abs(total - 100) > 1e-9) add('total-weight', 'warning', '', { sum: total });

  return problems.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
