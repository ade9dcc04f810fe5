import { z } from 'zod';
import { problemSchema } from './plan';

/** The stable JSON document of `apa score --json` / `apa check --json`; other tools read it. */
export const jsonIndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  row: z.number().int(),
  unit: z.enum(['date', 'percent', 'count']),
  weight: z.number().nullable(),
  raw: z.number().nullable(),
  score: z.number().nullable(),
  status: z.enum(['scored', 'pending', 'na', 'invalid']),
  tier: z.enum(['excellent', 'very-good', 'good', 'fair', 'below-fair', 'not-achieved']).nullable(),
});

export const jsonSheetSchema = z.object({
  sheet: z.string(),
  office: z.string(),
  layout: z.enum(['five-tier', 'three-tier', 'single-target', 'row-pairs']),
  fiscalYear: z.string().nullable(),
  quarter: z.number().int().nullable(),
  indicators: z.array(jsonIndicatorSchema),
  totals: z.object({
    score: z.number(),
    max: z.number(),
    percent: z.number().nullable(),
    pending: z.number().int(),
    na: z.number().int(),
    invalid: z.number().int(),
    weight: z.number(),
    planScore: z.number().nullable(),
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

