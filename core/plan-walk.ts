import type { Indicator, Plan } from './plan';

/** Every indicator of a plan, area by area (no schema library loaded: see tiers.ts). */
export function planIndicators(plan: Plan): Indicator[] {
  return plan.areas.flatMap((a) => a.indicators);
}
