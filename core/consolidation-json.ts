import { z } from 'zod';
import { dueItemJsonSchema } from './directives-json';
import { LEGEND_ORDER } from './highlight';
import { PLAN_KINDS } from './plan';
import { scoreSettingsSchema } from './settings';

/** The stable JSON document of `apa consolidate --json` (SCORING.md §9); other tools read it.
 * Made by `cli/consolidate-json.ts` (without this schema, so that the CLI loads no schema library). */
const bilingualSchema = z.object({ bn: z.string(), en: z.string() });

export const consolidationOfficeJsonSchema = z.object({
  office: z.string(),
  file: z.string().nullable(),
  sheet: z.string(),
  /** Null: a duplicate, nothing assessed yet, or the unknown group. */
  rank: z.number().int().nullable(),
  /** Marks earned so far, and the applicable plan weight they are out of. */
  marks: z.number(),
  outOf: z.number(),
  /** marks / outOf × 100: the ranking key; null when nothing is applicable. */
  percent: z.number().nullable(),
  /** The weight assessed so far, and marks / assessed × 100. */
  assessed: z.number(),
  toDatePercent: z.number().nullable(),
  pending: z.number().int(),
  na: z.number().int(),
  invalid: z.number().int(),
  duplicateOf: z.object({ file: z.string().nullable(), sheet: z.string() }).nullable(),
  /** With --directives: the office's plan held against the minutes, as `apa due --json` prints it. */
  items: z.array(dueItemJsonSchema).optional(),
});

export const consolidationIndicatorJsonSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.enum(['date', 'percent', 'count']),
  weight: z.number().nullable(),
  offices: z.number().int(),
  tiers: z.object(Object.fromEntries(LEGEND_ORDER.map((k) => [k, z.number().int()])) as Record<(typeof LEGEND_ORDER)[number], z.ZodNumber>),
  /** The average raw score (0–100) of the offices that scored it. */
  averageRaw: z.number().nullable(),
});

export const consolidationJsonSchema = z.object({
  /** The workbook written (the path as given with -o). */
  output: z.string(),
  /** With --directives: the day the plans were held against the minutes (ISO). */
  today: z.string().optional(),
  settings: scoreSettingsSchema,
  groups: z.array(
    z.object({
      plan: z.enum([...PLAN_KINDS, 'unknown']),
      /** `2024-25`; null when not known (the unknown group). */
      fiscalYear: z.string().nullable(),
      quarter: z.number().int().min(1).max(4).nullable(),
      offices: z.array(consolidationOfficeJsonSchema),
      indicators: z.array(consolidationIndicatorJsonSchema),
    }),
  ),
  /** Files (or sheets of them) that could not be read or hold no plan. */
  skipped: z.array(z.object({ file: z.string().nullable(), sheet: z.string().nullable(), reason: bilingualSchema })),
});
export type ConsolidationJson = z.infer<typeof consolidationJsonSchema>;
