import { Rect, cellCount } from './areas';
import { Bilingual, MessageKey, message } from './messages';
import type { CommandResult, RemovalPreview } from './operations';
import { Located, OwnedRecord, OwnedSheet, clearedRecord, locatedAreas } from './ownership';

/**
 * "Remove": everything APA Sheets added, and nothing else — its report sheets (while another sheet
 * is left: a workbook keeps at least one), its conditional-format rules, its columns and legend where
 * they are now, the columns and rows a host appended for them while they are still empty, and the
 * record. The host finds these (report sheets by their id and mark, rules by their formula) and
 * deletes them. Only the sheets the record names are touched: a copy of an owned sheet has a new
 * id and is the user's, whatever it holds.
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
      .filter((s) => !(deleteReports && s.isReport) && !!record?.sheets[s.id])
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

/** What Remove would take away, counted from its plan (before anything is deleted): the report
 * sheets by name, and on the other sheets the score and tier columns, legends and colour rules
 * found (`rules`: the host's count of its own conditional-format rules, per sheet id). */
export function removalPreview(plan: RemovalPlan, sheets: RemovalSheet[], found: { names: Record<string, string>; rules: Record<string, number> }): RemovalPreview {
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const reportSheets = plan.reports.map((id) => found.names[id] ?? id);
  let columns = 0;
  let legends = 0;
  let rules = 0;
  let touched = 0;
  for (const s of plan.sheets) {
    const located = byId.get(s.id)?.located;
    const c = located?.columns ? 2 : 0;
    const l = located?.legend ? 1 : 0;
    const r = found.rules[s.id] ?? 0;
    columns += c;
    legends += l;
    rules += r;
    if (c || l || r) touched++;
  }
  return { reportSheets, columns, legends, rules, sheets: touched, nothing: !reportSheets.length && !columns && !legends && !rules };
}

/** What Remove would take away, in words: each kind with its count (those there are), or that there is nothing. */
export function removalPreviewText(p: RemovalPreview): Bilingual {
  if (p.nothing) return message('wb.nothing-to-remove');
  const counts: [MessageKey, number][] = [
    ['ui.remove.item.sheets', p.reportSheets.length],
    ['ui.remove.item.columns', p.columns],
    ['ui.remove.item.legends', p.legends],
    ['ui.remove.item.rules', p.rules],
  ];
  const parts = counts.filter(([, n]) => n > 0).map(([key, count]) => message(key, { count }));
  return message('ui.remove.preview', { items: { bn: parts.map((x) => x.bn).join('; '), en: parts.map((x) => x.en).join('; ') } });
}
