import type { Consolidation, ConsolidationJson } from '../core';
import { OfficeDeadlines, officeKey } from '../core/deadlines-sheet';
import { dueItemJson } from '../core/due';
import { fiscalYearLabel } from '../core/json-sheet';

/* `apa consolidate --json`'s document (schema: `consolidationJsonSchema` in core/consolidation-json.ts),
 * made apart from its schema: the CLI's start-up then loads no schema library (core/tiers.ts). */

/** `due`: with --directives, the day and every office's plan held against the minutes (keyed by
 * `officeKey`): the document then has `today` and each office its `items`, as `apa due` prints them. */
export function consolidateJson(output: string, c: Consolidation, due?: { today: string; offices: Map<string, OfficeDeadlines> }): ConsolidationJson {
  return {
    output,
    ...(due ? { today: due.today } : {}),
    settings: c.settings,
    groups: c.groups.map((g) => ({
      plan: g.plan,
      fiscalYear: fiscalYearLabel(g.fiscalYear),
      quarter: g.quarter,
      offices: g.offices.map((o) => ({
        office: o.office,
        file: o.file ?? null,
        sheet: o.sheet,
        rank: o.rank,
        marks: o.marks,
        outOf: o.outOf,
        percent: o.percent,
        assessed: o.assessed,
        toDatePercent: o.toDatePercent,
        pending: o.pending,
        na: o.na,
        invalid: o.invalid,
        duplicateOf: o.duplicateOf ? { file: o.duplicateOf.file ?? null, sheet: o.duplicateOf.sheet } : null,
        ...(due ? { items: (due.offices.get(officeKey(o))?.items ?? []).map(dueItemJson) } : {}),
      })),
      indicators: g.indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit, weight: i.weight, offices: i.offices, tiers: { ...i.tierCounts }, averageRaw: i.averageRaw })),
    })),
    skipped: c.skipped.map((k) => ({ file: k.file ?? null, sheet: k.sheet ?? null, reason: k.reason })),
  };
}
