import { z } from 'zod';
import { problemSchema } from './json';

/** The stable JSON documents of `apa directives --json` and `apa due --json`; other tools read
 * them. directivesJson (directives.ts) and dueJson (due.ts) make them without loading zod. */

export const cadenceSchema = z.enum(['quarterly', 'half-yearly', 'yearly']).nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const directiveJsonSchema = z.object({
  /** ASCII digits without brackets; '' when the topic has no id. */
  id: z.string(),
  topic: z.string(),
  cadence: cadenceSchema,
  deadlines: z.array(z.object({ date: isoDate, text: z.string() })),
  evidence: z.array(z.string()),
  /** Where the decision is: its serial as written, the file, the sheet (or `Table N` of a Word
   * document) and the topic's cell. */
  serial: z.string(),
  file: z.string(),
  sheet: z.string(),
  cell: z.string(),
});

export const directivesJsonSchema = z.object({
  directives: z.array(directiveJsonSchema),
  problems: z.array(problemSchema.extend({ file: z.string() })),
});

export const dueStatusSchema = z.enum(['done', 'due', 'overdue', 'no-deadline', 'na']);

export const dueItemJsonSchema = z.object({
  id: z.string(),
  name: z.string(),
  deadline: isoDate.nullable(),
  daysLeft: z.number().int().nullable(),
  status: dueStatusSchema,
  text: z.string().nullable(),
  next: isoDate.nullable(),
  cadence: cadenceSchema,
  evidence: z.array(z.string()),
  evidenceAttached: z.boolean().nullable(),
  planDates: z.array(isoDate),
});

export const dueJsonSchema = z.object({
  today: isoDate,
  offices: z.array(
    z.object({
      office: z.string(),
      file: z.string(),
      sheet: z.string(),
      items: z.array(dueItemJsonSchema),
      problems: z.array(problemSchema),
    }),
  ),
  problems: z.array(problemSchema),
});

export type DirectivesJson = z.infer<typeof directivesJsonSchema>;
export type DueJson = z.infer<typeof dueJsonSchema>;
