import type { Day } from './dates';
import type { Directive } from './directives';
import { dueIndicator, holdAgainstMinutes } from './due';
import { highlightKey } from './highlight';
import { Bilingual, message } from './messages';
import type { InvalidItem, LapsedItem, MinutesHeld, NextItem, NextResult } from './operations';
import type { Problem, Tier } from './plan';
import type { IndicatorScore, PlanScore, Point } from './score';
import type { SheetAnalysis } from './sheet-analysis';
import type { Unit } from './values';

/** What an officer needs to know before the deadline: the achievement (a number, or a day for
 * date indicators) that reaches the next tier and the top tier. */
export interface WhatNext {
  id: string;
  unit: Unit;
  next: { tier: Tier; percent: number; x: number };
  top: { tier: Tier; percent: number; x: number };
}

/** Null when the indicator is at the top tier already, or cannot be scored (n/a, invalid). */
export function whatNext(s: IndicatorScore): WhatNext | null {
  if (s.analysis.kind !== 'points') return null;
  if (s.status !== 'scored' && s.status !== 'pending' && s.status !== 'in-words') return null;
  if (s.status === 'scored' && s.raw !== null && s.raw >= 100) return null;
  const points = s.analysis.points;
  const top = points[0];
  let next: Point = points[points.length - 1];
  if (s.status === 'scored' && s.tier !== 'not-achieved' && points.length > 1) {
    const reached = points.findIndex((p) => p.tier === s.tier);
    next = points[Math.max(0, reached - 1)];
  }
  if (points.length === 1) next = top;
  const u = s.indicator.unit;
  return {
    id: s.indicator.id,
    unit: u,
    next: { tier: next.tier, percent: next.percent, x: next.x },
    top: { tier: top.tier, percent: top.percent, x: top.x },
  };
}

/** Days from today to a date target; negative once it has passed. */
export function daysUntil(target: Day, today: Day): number {
  return target - today;
}

/**
 * A date indicator none of whose tier dates is still ahead can no longer earn marks by date: what
 * it has is what the final evaluation gives it (its raw score when it is scored; 0 when it is
 * pending or reported in words, as a final evaluation counts those, SCORING.md §3–§4). Null for
 * every other indicator.
 */
export function lapsedByDate(s: IndicatorScore, today: Day): LapsedItem | null {
  if (s.indicator.unit !== 'date' || s.analysis.kind !== 'points') return null;
  if (s.status !== 'scored' && s.status !== 'pending' && s.status !== 'in-words') return null;
  const last = Math.max(...s.analysis.points.map((p) => p.x));
  // A date achieved already is fixed: a better tier's (earlier) date cannot be reached any more.
  const achieved = s.status === 'scored' && s.achievement.kind === 'date';
  if (!achieved && last >= today) return null;
  const raw = s.status === 'scored' ? (s.raw ?? 0) : 0;
  const weight = s.indicator.weight;
  return { raw, score: weight === null ? null : (raw / 100) * weight, weight, lastDate: last };
}

/** Why an indicator cannot be scored, and what to fix: its own errors (at their cells) as
 * validation words them, or the cause when validation named none. */
export function invalidItem(s: IndicatorScore, problems: Problem[]): InvalidItem {
  const id = s.indicator.id;
  const own = problems.filter((p) => p.severity === 'error' && p.indicatorId === id && (!s.invalid || p.cell === s.invalid.cell || !problems.some((q) => q.indicatorId === id && q.cell === s.invalid!.cell)));
  const first = own[0];
  const fix: Bilingual = first?.message ?? message('next.invalid-cause', { cause: message(`next.cause.${s.invalid?.cause ?? 'not-a-value'}`) });
  return { id, name: s.indicator.name, cell: first?.cell ?? s.invalid?.cell ?? s.indicator.cell, fix };
}

export interface NextOptions {
  /** The sheet holds no plan: why, as Check says it. */
  noPlan?: Bilingual;
  /** The validation problems of the plan (what to fix for invalid indicators). */
  problems?: Problem[];
  /** The ministry's decisions kept in the workbook (its directives sheet), to hold the plan against. */
  minutes?: { sheet: string; directives: Directive[]; problems: Problem[] } | null;
}

/** "What is needed" for a sheet: for each pending or below-top indicator, what reaches the next and
 * the top tier, with the days left from `today` for date indicators — or, once every tier date has
 * passed, what the final evaluation gives it; the indicators that cannot be scored with what to fix;
 * and, when the workbook keeps the ministry's minutes, each indicator's deadline, status and evidence. */
export function nextResult(sheet: string, result: PlanScore | null, today: Day, options: NextOptions = {}): NextResult {
  const items: NextItem[] = [];
  const invalid: InvalidItem[] = [];
  const problems = options.problems ?? [];
  let atTop = 0;
  let na = 0;
  const scores = result?.indicators ?? [];
  const held = result && options.minutes ? holdAgainstMinutes(scores.map(dueIndicator), options.minutes.directives, today, options.minutes.sheet) : null;
  const dueOf = new Map((held?.items ?? []).map((d) => [d.id, d]));
  const listed = new Set<string>();
  for (const s of scores) {
    if (s.status === 'invalid') {
      invalid.push(invalidItem(s, problems));
      continue;
    }
    if (s.status === 'na') na++;
    const n = whatNext(s);
    if (!n) {
      if (s.status !== 'na') atTop++;
      continue;
    }
    const days = (x: number) => (n.unit === 'date' ? daysUntil(x, today) : null);
    listed.add(s.indicator.id);
    items.push({
      id: n.id,
      name: s.indicator.name,
      unit: n.unit,
      current: highlightKey(s.status, s.tier),
      next: { tier: n.next.tier, value: n.next.x, daysLeft: days(n.next.x) },
      top: { tier: n.top.tier, value: n.top.x, daysLeft: days(n.top.x) },
      lapsed: lapsedByDate(s, today),
      due: dueOf.get(s.indicator.id) ?? null,
    });
  }
  let minutes: MinutesHeld | null = null;
  if (options.minutes && held) {
    minutes = { sheet: options.minutes.sheet, others: held.items.filter((d) => !listed.has(d.id) && d.status !== 'no-deadline'), problems: [...options.minutes.problems, ...held.problems] };
  } else if (options.minutes) {
    minutes = { sheet: options.minutes.sheet, others: [], problems: options.minutes.problems };
  }
  const out: NextResult = { sheet, items, today, invalid, atTop, na, minutes };
  if (options.noPlan) out.noPlan = options.noPlan;
  return out;
}

/** "What is needed" from a sheet's analysis, as every host starts it. */
export function whatIsNeeded(a: SheetAnalysis, today: Day, minutes: NextOptions['minutes'] = null): NextResult {
  if (a.kind === 'not-a-plan') return nextResult(a.sheet, null, today, { noPlan: a.reason, minutes: null });
  return nextResult(a.sheet, a.result, today, { problems: a.problems, minutes });
}
