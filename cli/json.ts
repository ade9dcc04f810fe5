import { z } from 'zod';
import { Consolidation, scoreSettingsSchema } from '../core';

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

export function consolidateJson(output: string, c: Consolidation): ConsolidateJson {
  return {
    output,
    settings: c.settings,
    offices: c.offices.map((o) => ({
      rank: o.rank,
      office: o.office,
      file: o.file ?? null,
      sheet: o.sheet,
      score: o.score,
      max: o.max,
      percent: o.percent,
      weight: o.weight,
      planScore: o.planScore,
      pending: o.pending,
      na: o.na,
      invalid: o.invalid,
      problems: o.problemCount,
      errors: o.errorCount,
      toDate: o.toDate,
    })),
    skipped: c.skipped.map((k) => ({ file: k.file ?? null, sheet: k.sheet ?? null, reason: k.reason })),
  };
}
