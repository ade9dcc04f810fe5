import * as path from 'path';
// Core's modules one by one, not its index: a worker thread then loads only what reading and
// scoring run, and no schema library (core/tiers.ts).
import type { Bilingual, Day, Grid, JsonSheet, OfficeSummary, ScoreSettings } from '../core';
import type { WorkbookRead } from '../core/grid-builder';
import { officeSummary } from '../core/consolidate';
import { dueIndicator } from '../core/due';
import { jsonSheet } from '../core/json-sheet';
import { message } from '../core/messages';
import { analyseGrid } from '../core/sheet-analysis';
import { csvRead } from './csv-grid';
import { UnreadableFileError, errorDetail } from './errors';
import { CSV_EXTENSIONS, readBytes } from './files';
import { cliMessage } from './messages';
import { readWorkbookGrids } from './xlsx-grid';

/** One file to read and score: what a worker is sent (plain data). */
export interface AnalyseTask {
  /** Where to read the file. */
  path: string;
  /** How the file is named in every output (the path as the user gave it). */
  label: string;
  settings: ScoreSettings;
  /** For "achievement date in the future". */
  today: Day;
  /** 'json': per-sheet JSON (score, check); 'consolidate': compact scores for `consolidate()`. */
  want: 'json' | 'consolidate';
  /** consolidate with the ministry's minutes: each office also carries what the due logic reads
   * of its indicators (core/due.ts), held against the minutes on the main thread. */
  due?: boolean;
}

/** A sheet that holds no plan. `benign`: a sheet without any indicator table (a cover letter,
 * instructions) in a file that has a plan; otherwise the sheet should have been a plan. */
export interface SkippedSheet {
  sheet?: string;
  reason: Bilingual;
  benign: boolean;
}

/** What reading one file gives, as plain data (structured-cloned from a worker). */
export interface FileOutcome {
  file: string;
  /** want 'json': one per plan sheet, in tab order. */
  sheets: JsonSheet[];
  /** want 'consolidate': one per plan sheet, compacted to what `consolidate()` reads. */
  offices: OfficeSummary[];
  skipped: SkippedSheet[];
  /** Set when the file could not be read at all. */
  unreadable?: Bilingual;
  /** Number of plan sheets. */
  plans: number;
}

/** Reads a file into grids: CSV by its extension, anything else as a workbook (whose reader
 * tells an .xlsx from an .ods, and both from an .xls or a text file, by its bytes). */
export async function readGrids(file: string, label: string): Promise<WorkbookRead & { csv: boolean }> {
  const bytes = await readBytes(file, label);
  if (CSV_EXTENSIONS.includes(path.extname(file).toLowerCase())) return { ...csvRead(bytes, label), csv: true };
  return { ...(await readWorkbookGrids(bytes, label)), csv: false };
}

/** Reads, scores and validates every sheet of one file. Never throws: a file that cannot be
 * read comes back with `unreadable` set, a sheet that fails with a skipped entry. */
export async function analyseFile(task: AnalyseTask): Promise<FileOutcome> {
  const outcome: FileOutcome = { file: task.label, sheets: [], offices: [], skipped: [], plans: 0 };
  let read: WorkbookRead & { csv: boolean };
  try {
    read = await readGrids(task.path, task.label);
  } catch (err) {
    outcome.unreadable = err instanceof UnreadableFileError ? err.reason : message('file-unreadable', { reason: cliMessage('unreadable.corrupt', { detail: errorDetail(err) }) });
    return outcome;
  }
  // Sheets the reader did not read (past a limit): each should have been a plan.
  const skipped: { sheet: string; reason: Bilingual; noTable: boolean }[] = read.skipped.map((s) => ({ sheet: s.sheet, reason: s.reason, noTable: false }));
  for (let i = 0; i < read.grids.length; i++) {
    const grid = read.grids[i];
    // Let the grid go as soon as the sheet is read: only compact results are kept.
    read.grids[i] = undefined as unknown as Grid;
    try {
      // The one grid → plan → problems step every host runs (core/sheet-analysis.ts).
      const a = analyseGrid(grid, { settings: task.settings, today: task.today, formatsUnknown: read.csv });
      if (a.kind === 'not-a-plan') {
        skipped.push({ sheet: a.sheet, reason: a.reason, noTable: a.noTable });
        continue;
      }
      outcome.plans++;
      if (task.want === 'json') outcome.sheets.push(jsonSheet(a.result, a.problems));
      else {
        const summary = officeSummary(a.result, a.problems);
        if (task.due) summary.due = a.result.indicators.map(dueIndicator);
        outcome.offices.push(summary);
      }
    } catch (err) {
      skipped.push({ sheet: grid.sheet, reason: message('not-a-plan', { reason: cliMessage('sheet-failed', { detail: errorDetail(err) }) }), noTable: false });
    }
  }
  const hasPlan = outcome.plans > 0;
  outcome.skipped = skipped.map((s) => ({ sheet: s.sheet, reason: s.reason, benign: hasPlan && s.noTable }));
  if (read.grids.length === 0 && read.skipped.length === 0) outcome.skipped.push({ reason: cliMessage('no-sheets'), benign: false });
  return outcome;
}
