import { formatDay, fiscalYearBounds, Day } from './dates';
import { digits, message, MessageKey, MessageParam } from './messages';
import type { Problem, Severity, Plan } from './plan';
import { planIndicators } from './plan';
import { PlanScore, scorePlan } from './score';
import { toBengaliDigits } from './bengali-digits';
import { Unit, Value } from './values';

/** A value as a message shows it: a date as dd/mm/yyyy, a percent with %, in each language's digits. */
function shown(v: Value, unit: Unit): MessageParam {
  if (v.kind === 'date') return { bn: formatDay(v.day, 'bn'), en: formatDay(v.day) };
  if (v.kind === 'number') return unit === 'percent' || v.percent ? { bn: `${toBengaliDigits(String(v.value))}%`, en: `${v.value}%` } : v.value;
  return '';
}

export interface ValidateOptions {
  /** Today, for "achievement date in the future"; omitted, that check is skipped. */
  today?: Day;
}

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
    else if (ind.weight < 0) add('weight-negative', 'error', ind.weightCell || ind.cell, { value: ind.weight }, id);
    if (s.invalid?.cause === 'sum-not-finite') add('sum-not-finite', 'error', s.invalid.cell, {}, id);
    for (const a of ind.achievements) {
      if (a.sentence !== undefined) add('value-in-sentence', 'info', a.cell, { text: a.sentence.slice(0, 80), value: shown(a.value, ind.unit) }, id);
    }
    if (s.status === 'in-words') {
      const a = ind.achievements.find((x) => x.value === s.achievement) ?? ind.achievements.find((x) => x.value.kind === 'words');
      const v = s.achievement;
      if (a && v.kind === 'words') {
        const why = v.candidates.length ? message('why.several-values', { values: digits(v.candidates.join(', ')) }) : v.future ? message('why.future') : '';
        const outcome = message(result.settings.final ? 'outcome.final' : 'outcome.pending');
        add('reported-in-words', 'info', a.cell, { text: v.text.slice(0, 80), why, outcome, example: message(`example.${ind.unit}`) }, id);
      }
    }
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
    if (s.status === 'na' && s.achievement.kind === 'empty' && ind.remarksSayNa && s.analysis.kind !== 'na') {
      add('na-from-remark', 'info', ind.remarksCell || ind.cell, {}, id);
    }
  }

  // A sheet without weights weighs every indicator 1: its one warning says so (layout.ts).
  if (plan.equalWeights) return problems.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  // The weights as the totals count them (a negative one, or one the sums cannot hold, left out).
  for (const { area, totals } of result.areas) {
    if (area.weight === null) continue;
    const sum = totals.weight;
    if (Math.abs(sum - area.weight) > 1e-9) {
      add('area-weight-mismatch', 'error', area.weightCell, { area: digits(area.id), stated: area.weight, sum });
    }
  }
  const total = result.totals.weight;
  if (Math.abs(total - 50) > 1e-9 && Math.abs(total - 100) > 1e-9) add('total-weight', 'warning', '', { sum: total });

  return problems.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
