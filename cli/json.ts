import { z } from 'zod';
import { scoreSettingsSchema } from '../core';

/** The JSON document of `apa consolidate --json` (score/check use core's `jsonDocumentSchema`). */
export const consolidateJsonSchema = z.object({
  /** The workbook written (the path as given with -o). */
  output: z.string(),
  settings: scoreSettingsSchema,
  offices: z.array(
    z.object({
      rank: z.number().int().nullable(),
      office: z.string(),
      file: z.string().nullable(),
      sheet: z.string(),
      score: z.number(),
      max: z.number(),
      percent: z.number().nullable(),
      weight: z.number(),
      planScore: z.number().nullable(),
      pending: z.number().int(),
      na: z.number().int(),
      invalid: z.number().int(),
      problems: z.number().int(),
      errors: z.number().int(),
      toDate: z.boolean(),
    }),
  ),
  skipped: z.array(z.object({ file: z.string().nullable(), sheet: z.string().nullable(), reason: z.object({ bn: z.string(), en: z.string() }) })),
});
export type ConsolidateJson = z.infer<typeof consolidateJsonSchema>;

