import type { Consolidation } from '../core';
import type { ConsolidateJson } from './json';

/* `apa consolidate --json`'s document, made apart from its schema (json.ts): the CLI's start-up
 * then loads no schema library (core/tiers.ts). */

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
