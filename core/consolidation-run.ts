import { Consolidation, OfficeSummary, consolidate, isEmptyConsolidation, officeSummary } from './consolidate';
import { Day, isoOfDay } from './dates';
import { consolidationDue, deadlineOffices, deadlinesSheet } from './deadlines-sheet';
import type { Directive } from './directives';
import { dueIndicator } from './due';
import { Bilingual, Language, message } from './messages';
import type { ConsolidateResult } from './operations';
import { WorkbookSpec, consolidationWorkbook } from './report';
import type { SheetAnalysis } from './sheet-analysis';

/**
 * "Consolidate" inside a workbook (SCORING.md §9): every other tab is one office. The hosts read
 * the tabs their own way (Excel in a few syncs, Sheets across 6-minute executions) and hand each
 * tab's analysis to the run; the run makes the report the host writes.
 */
export interface TabRun {
  offices: OfficeSummary[];
  /** Tabs that held no plan, in tab order. `dropped`: a tab the host takes out again (one just
   * inserted from a file): listed in the command's answer, not in the report. */
  skipped: { sheet: string; reason: Bilingual; dropped?: boolean }[];
}

export const newRun = (): TabRun => ({ offices: [], skipped: [] });

/** One tab read. `insertedFrom`: the file the tab was just inserted from, if it was. `withDue`:
 * the workbook keeps the ministry's minutes, so each office carries what the deadlines sheet
 * holds against them (core/due.ts). */
export function addTab(run: TabRun, a: SheetAnalysis, insertedFrom?: string, withDue = false): void {
  if (a.kind === 'plan') {
    const summary = officeSummary(a.result, a.problems);
    if (withDue) summary.due = a.result.indicators.map(dueIndicator);
    run.offices.push(summary);
  }
  else if (insertedFrom !== undefined) run.skipped.push({ sheet: a.sheet, reason: message('wb.inserted-not-plan', { file: insertedFrom, reason: a.reason }), dropped: true });
  else run.skipped.push({ sheet: a.sheet, reason: a.reason });
}

export interface FinishedRun {
  consolidation: Consolidation;
  book: WorkbookSpec;
}

/** The report of a run; with the minutes the workbook keeps (its directives sheet), the
 * deadlines sheet last: every office's plan held against them on `today` (SCORING.md §10). */
export function finishRun(run: TabRun, language: Language, minutes?: { directives: Directive[]; today: Day } | null): FinishedRun {
  const consolidation = consolidate(
    run.offices,
    run.skipped.filter((k) => !k.dropped).map((k) => ({ sheet: k.sheet, reason: k.reason })),
  );
  const book = consolidationWorkbook(consolidation, language);
  if (minutes && book.sheets.length > 0) {
    const due = consolidationDue(run.offices, minutes.directives, minutes.today);
    book.sheets.push(deadlinesSheet(deadlineOffices(consolidation, due), isoOfDay(minutes.today), language));
  }
  return { consolidation, book };
}

/** The command's answer once the report is written under `written` (nothing written when there
 * was nothing to consolidate). */
export function consolidated(run: TabRun, done: FinishedRun, written: string[]): ConsolidateResult {
  const result: ConsolidateResult = { cancelled: false, consolidation: done.consolidation, skipped: run.skipped.map(({ sheet, reason }) => ({ sheet, reason })), written };
  if (isEmptyConsolidation(done.consolidation)) result.nothing = true;
  return result;
}

/** Nothing to consolidate (§9): the host writes nothing. */
export const nothingToWrite = (done: FinishedRun): boolean => done.book.sheets.length === 0;

/** What a host allows in a sheet's name. */
export interface SheetNameRules {
  maxLength: number;
  /** Characters the host refuses (replaced by a space). */
  refused: RegExp;
}

/** A sheet name no other sheet has (case-insensitive), made from `base` within the host's rules:
 * `APA সারসংক্ষেপ`, else `APA সারসংক্ষেপ (2)`, …; the name is added to `taken`. */
export function uniqueSheetName(base: string, taken: Set<string>, rules: SheetNameRules): string {
  const clean = base.replace(rules.refused, ' ').slice(0, rules.maxLength).trim() || 'APA';
  let name = clean;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = clean.slice(0, rules.maxLength - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
