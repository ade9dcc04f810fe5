import { z } from 'zod';
import { TIERS } from './tiers';

/** The typed plan the layout reader makes of a grid, and the problems found on the way. */

export { TIERS, DEFAULT_TIER_PERCENT } from './tiers';
export type { Tier } from './tiers';
export const tierSchema = z.enum(TIERS);

export const unitSchema = z.enum(['date', 'percent', 'count']);

export const valueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('na') }),
  z.object({ kind: z.literal('number'), value: z.number(), percent: z.boolean() }),
  z.object({ kind: z.literal('date'), day: z.number().int() }),
  z.object({
    kind: z.literal('invalid'),
    reason: z.enum(['free-text', 'impossible-date', 'bangla-calendar', 'host-error', 'date-for-number', 'number-for-date']),
    text: z.string(),
  }),
]);

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const problemSchema = z.object({
  code: z.string(),
  severity: severitySchema,
  file: z.string().optional(),
  sheet: z.string(),
  /** A1 address within the sheet; empty when the problem is about the whole sheet. */
  cell: z.string(),
  indicatorId: z.string().optional(),
  message: z.object({ bn: z.string(), en: z.string() }),
});
export type Problem = z.infer<typeof problemSchema>;

export const targetSchema = z.object({
  tier: tierSchema,
  percent: z.number(),
  value: valueSchema,
  cell: z.string(),
});
export type Target = z.infer<typeof targetSchema>;

export const achievementSchema = z.object({
  value: valueSchema,
  cell: z.string(),
  /** 1–4 for a quarter's column; absent for an annual or cumulative column. */
  quarter: z.number().int().min(1).max(4).optional(),
  cumulative: z.boolean(),
});
export type Achievement = z.infer<typeof achievementSchema>;

export const indicatorSchema = z.object({
  /** Normalised id, ASCII digits without brackets (`1.1.1`); empty when the sheet has none. */
  id: z.string(),
  name: z.string(),
  /** The unit as written, and as resolved from it and the targets (SCORING.md §3). */
  unitText: z.string(),
  unit: unitSchema,
  weight: z.number().nullable(),
  weightCell: z.string(),
  targets: z.array(targetSchema),
  achievements: z.array(achievementSchema),
  remarks: z.string(),
  /** 1-based sheet row of the indicator (of a target/achievement pair, the first row). */
  row: z.number().int(),
  /** A1 address of the indicator's name cell. */
  cell: z.string(),
  areaId: z.string(),
  activityId: z.string(),
  activity: z.string(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const areaSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The weight the sheet states for the area, when it has an area-weight column. */
  weight: z.number().nullable(),
  weightCell: z.string(),
  indicators: z.array(indicatorSchema),
});
export type Area = z.infer<typeof areaSchema>;

export const layoutSchema = z.enum(['five-tier', 'three-tier', 'single-target', 'row-pairs']);
export type Layout = z.infer<typeof layoutSchema>;

export const planSchema = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  office: z.string(),
  officeSource: z.enum(['name-line', 'letterhead', 'title', 'file', 'sheet']),
  /** Fiscal year as the year it starts in (2024 = 2024-25), when the sheet says it. */
  fiscalYear: z.number().int().nullable(),
  quarter: z.number().int().min(1).max(4).nullable(),
  layout: layoutSchema,
  /** 1-based sheet row of the table's first header row. */
  headerRow: z.number().int(),
  tiers: z.array(z.object({ tier: tierSchema, percent: z.number() })),
  areas: z.array(areaSchema),
  problems: z.array(problemSchema),
});
export type Plan = z.infer<typeof planSchema>;

export { planIndicators } from './plan-walk';
