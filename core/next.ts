import type { Day } from './dates';
import { highlightKey } from './highlight';
import type { NextItem, NextResult } from './operations';
import type { Tier } from './plan';
import type { IndicatorScore, PlanScore, Point } from './score';
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

/** "What is needed" for a sheet: for each pending or below-top indicator, what reaches the next and
 * the top tier, with the days left from `today` for date indicators. */
export function nextResult(sheet: string, result: PlanScore | null, today: Day): NextResult {
  const items: NextItem[] = [];
  for (const s of result?.indicators ?? []) {
    const n = whatNext(s);
    if (!n) continue;
    const days = (x: number) => (n.unit === 'date' ? daysUntil(x, today) : null);
    items.push({
      id: n.id,
      name: s.indicator.name,
      unit: n.unit,
      current: highlightKey(s.status, s.tier),
      next: { tier: n.next.tier, value: n.next.x, daysLeft: days(n.next.x) },
      top: { tier: n.top.tier, value: n.top.x, daysLeft: days(n.top.x) },
    });
  }
  return { sheet, items, today };
}
