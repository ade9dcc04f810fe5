import { Day } from './dates';
import { Tier } from './plan';
import { IndicatorScore, Point } from './score';
import { Unit } from './values';

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
