import { z } from 'zod';
import { evidenceSchema, layoutSchema, planKindSchema, problemSchema } from './plan';

/** The stable JSON document of `apa score --json` / `apa check --json`; other tools read it. */
export const jsonIndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  row: z.number().int(),
  unit: z.enum(['date', 'percent', 'count']),
  weight: z.number().nullable(),
  raw: z.number().nullable(),
  score: z.number().nullable(),
  status: z.enum(['scored', 'pending', 'in-words', 'na', 'invalid']),
  tier: z.enum(['excellent', 'very-good', 'good', 'fair', 'below-fair', 'not-achieved']).nullable(),
  /** Evidence attached, as the remarks or an evidence column say (SCORING.md §3). */
  evidence: evidenceSchema,
});

export const jsonSheetSchema = z.object({
  sheet: z.string(),
  office: z.string(),
  layout: layoutSchema,
  /** The plan's kind (SCORING.md §1): consolidation groups offices by plan, fiscal year and quarter. */
  plan: planKindSchema.nullable(),
  fiscalYear: z.string().nullable(),
  quarter: z.number().int().nullable(),
  /** The sheet has no weight column: every indicator weighs 1 (SCORING.md §5). */
  equalWeights: z.boolean(),
  indicators: z.array(jsonIndicatorSchema),
  totals: z.object({
    score: z.number(),
    max: z.number(),
    percent: z.number().nullable(),
    pending: z.number().int(),
    inWords: z.number().int(),
    na: z.number().int(),
    invalid: z.number().int(),
    weight: z.number(),
    planScore: z.number().nullable(),
    applicable: z.number(),
    earnedPercent: z.number().nullable(),
    toDate: z.boolean(),
  }),
  settings: z.object({ mode: z.enum(['interpolate', 'floor']), na: z.enum(['rescale', 'full', 'zero']), final: z.boolean() }),
  problems: z.array(problemSchema.omit({ file: true })),
});

export const jsonDocumentSchema = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      sheets: z.array(jsonSheetSchema),
      skipped: z.array(z.object({ sheet: z.string().optional(), reason: z.object({ bn: z.string(), en: z.string() }) })),
    }),
  ),
});
export type JsonSheet = z.infer<typeof jsonSheetSchema>;
export type JsonDocument = z.infer<typeof jsonDocumentSchema>;

