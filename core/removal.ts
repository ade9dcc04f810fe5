import { Rect, cellCount } from './areas';
import { message } from './messages';
import type { CommandResult } from './operations';
import { Located, OwnedRecord, OwnedSheet, clearedRecord, locatedAreas } from './ownership';

/**
 * "Remove": everything APA Sheets added, and nothing else — its report sheets (while another sheet
 * is left: a workbook keeps at least one), its conditional-format rules, its columns and legend where
 * they are now, the columns and rows a host appended for them while they are still empty, and the
 * record. The host finds these (sheets by their mark, rules by their formula) and deletes them.
 */
export interface RemovalSheet {
  id: string;
  /** One of this workbook's report sheets (its mark holds the record's token). */
  isReport: boolean;
  /** Where the owned columns and legend are now (sheets the record names). */
  located?: Located;
}

export interface RemovalPlan {
  /** Report sheets to delete. */
  reports: string[];
  /** Per sheet (not deleted), the areas to clear and the growth to take back. */
  sheets: { id: string; clear: Rect[]; grown?: OwnedSheet['grown'] }[];
  /** The record to keep afterwards (emptied), or null when there was none. */
  record: OwnedRecord | null;
}

export function removalPlan(record: OwnedRecord | null, sheets: RemovalSheet[]): RemovalPlan {
  // The directives sheet the record names goes like a report sheet.
  sheets = sheets.map((s) => (record?.directives?.sheet === s.id ? { ...s, isReport: true } : s));
  const reports = sheets.filter((s) => s.isReport).map((s) => s.id);
  const deleteReports = reports.length < sheets.length;
  return {
    reports: deleteReports ? reports : [],
    sheets: sheets
      .filter((s) => !(deleteReports && s.isReport))
      .map((s) => ({ id: s.id, clear: s.located ? locatedAreas(s.located) : [], grown: record?.sheets[s.id]?.grown })),
    record: record ? clearedRecord(record) : null,
  };
}

/** What "Remove" answers, from what the host deleted. */
export function removed(done: { sheets: number; cleared: Rect[]; rules: number }, hadRecord: boolean): CommandResult {
  const cells = done.cleared.reduce((n, r) => n + cellCount(r), 0);
  if (!done.rules && !cells && !done.sheets && !hadRecord) return { ok: true, message: message('wb.nothing-to-remove'), changed: 0 };
  return { ok: true, message: message('wb.removed', { sheets: done.sheets, cells, rules: done.rules }), changed: done.sheets + cells + done.rules };
}
