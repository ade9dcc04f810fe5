import { z } from 'zod';
import { LAYOUTS, PLAN_KINDS, TIERS } from './tiers';

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
    reason: z.enum(['free-text', 'impossible-date', 'bangla-calendar', 'host-error', 'date-for-number', 'number-for-date', 'implausible-date']),
    text: z.string(),
  }),
  z.object({ kind: z.literal('words'), text: z.string(), candidates: z.array(z.string()), future: z.boolean() }),
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
  /** Set when the value was read from a sentence (`২৯/০৮/২০২১ তারিখে সভা অনুষ্ঠিত হয়েছে।`). */
  sentence: z.string().optional(),
});
export type Achievement = z.infer<typeof achievementSchema>;

export const EVIDENCE = ['yes', 'no', 'not-said'] as const;
export const evidenceSchema = z.enum(EVIDENCE);
export type Evidence = (typeof EVIDENCE)[number];

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
  /** A1 address of the first remarks cell that holds text; empty when there is none. */
  remarksCell: z.string(),
  /** The remarks say only `প্রযোজ্য নয়` (or N/A): with no achievement, the indicator is n/a. */
  remarksSayNa: z.boolean(),
  /** Evidence attached, as the remarks or an evidence column say (SCORING.md §3). */
  evidence: evidenceSchema,
  /** The cell that says so; empty when not said. */
  evidenceCell: z.string(),
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

export const layoutSchema = z.enum(LAYOUTS);
export type { Layout, PlanKind } from './tiers';
export const planKindSchema = z.enum(PLAN_KINDS);

export const planSchema = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  office: z.string(),
  officeSource: z.enum(['name-line', 'letterhead', 'title', 'file', 'sheet']),
  /** Fiscal year as the year it starts in (2024 = 2024-25), when the sheet says it. */
  fiscalYear: z.number().int().nullable(),
  quarter: z.number().int().min(1).max(4).nullable(),
  /** Which plan the sheet is (SCORING.md §1), when its title, headers, remarks or file say. */
  kind: planKindSchema.nullable(),
  layout: layoutSchema,
  /** The sheet has no weight column: every indicator weighs 1 (SCORING.md §5). */
  equalWeights: z.boolean(),
  /** 1-based sheet row of the table's first header row. */
  headerRow: z.number().int(),
  tiers: z.array(z.object({ tier: tierSchema, percent: z.number() })),
  areas: z.array(areaSchema),
  problems: z.array(problemSchema),
});
export type Plan = z.infer<typeof planSchema>;

export { planIndicators } from './plan-walk';
