import { Consolidation, OfficeSummary, compareIds, sourceLabel } from './consolidate';
import type { Day } from './dates';
import type { Directive } from './directives';
import { digits, Language, message, MessageKey, text } from './messages';
import { DueItem, holdAgainstMinutes } from './due';
import { HEADER_FILL, ReportColumn, SheetSpec, SpecCell, tableSheet } from './report';

/**
 * The consolidation's deadlines sheet (issue 16, SCORING.md §10): offices × indicators, each
 * cell what the office's sheet shows against the minutes on the day — done (green), due in N
 * days (amber), overdue (red), done but the evidence the minutes ask for not said to be attached
 * (evidence missing), no deadline or not applicable (plain) — under a legend, in the report's
 * language. A spec, as the other report sheets: the CLI writes it, the hosts can.
 */

/** One office's plan held against the minutes (core/due.ts). */
export interface OfficeDeadlines {
  office: string;
  file?: string;
  sheet: string;
  items: DueItem[];
}

/** Where an office's sheet is, as a key: one sheet of one file is one office. */
export const officeKey = (o: { file?: string; sheet: string }): string => `${o.file ?? ''}\u0000${o.sheet}`;

/** Every consolidated office's plan held against the minutes on `today`, keyed by officeKey:
 * the offices whose summary carries its due indicators (OfficeSummary.due). */
export function consolidationDue(offices: OfficeSummary[], directives: Directive[], today: Day): Map<string, OfficeDeadlines> {
  const out = new Map<string, OfficeDeadlines>();
  for (const o of offices) {
    if (!o.due) continue;
    const { items } = holdAgainstMinutes(o.due, directives, today, o.sheet);
    out.set(officeKey(o), { office: o.office, file: o.file, sheet: o.sheet, items });
  }
  return out;
}

/** The offices of the deadlines sheet: each consolidated office once (a duplicate's copy is
 * left out, as it is from the ranking), in the consolidation's groups. */
export function deadlineOffices(c: Consolidation, due: Map<string, OfficeDeadlines>): OfficeDeadlines[] {
  return c.groups.flatMap((g) => g.offices.filter((o) => o.duplicateOf === null).flatMap((o) => due.get(officeKey(o)) ?? []));
}

export type DeadlineState = 'done' | 'due' | 'overdue' | 'evidence-missing' | 'no-deadline' | 'na';

/** The states in the legend's order, each with its colours. */
export const DEADLINE_STATES: { state: DeadlineState; fill: string | null; font: string | null }[] = [
  { state: 'done', fill: '#C8E6C9', font: '#1B5E20' },
  { state: 'evidence-missing', fill: '#E1BEE7', font: '#4A148C' },
  { state: 'due', fill: '#FFE0B2', font: '#7A4100' },
  { state: 'overdue', fill: '#FFCDD2', font: '#8E0000' },
  { state: 'no-deadline', fill: null, font: null },
  { state: 'na', fill: null, font: '#616161' },
];

/** An item's state: the minutes' time status, except that work done without the evidence the
 * minutes ask for (the sheet does not say it is attached) is not yet done for the ministry. */
export function deadlineState(i: DueItem): DeadlineState {
  if (i.status === 'done' && i.evidence.length > 0 && i.evidenceAttached !== true) return 'evidence-missing';
  return i.status;
}

const STATE_TEXT: Record<DeadlineState, MessageKey> = {
  done: 'deadlines.done',
  'evidence-missing': 'deadlines.evidence-missing',
  due: 'deadlines.due',
  overdue: 'deadlines.overdue',
  'no-deadline': 'deadlines.no-deadline',
  na: 'deadlines.na',
};

/** A cell's words: `due in 5 days`, `overdue by 4 days`, `done`. */
export function deadlineText(i: DueItem, language: Language): string {
  const state = deadlineState(i);
  const days = digits(i.daysLeft === null ? '' : String(Math.abs(i.daysLeft)));
  return message(STATE_TEXT[state], { days })[language];
}

function stateCell(i: DueItem | undefined, language: Language): SpecCell {
  if (!i) return { v: null };
  const look = DEADLINE_STATES.find((x) => x.state === deadlineState(i))!;
  const cell: SpecCell = { v: deadlineText(i, language), wrap: true };
  if (look.fill) cell.fill = look.fill;
  if (look.font) cell.font = look.font;
  return cell;
}

/** The legend: one row, a swatch per state with its words. */
function legendRow(language: Language): SpecCell[] {
  const cells: SpecCell[] = [{ v: text('deadlines.legend')[language], bold: true }];
  for (const x of DEADLINE_STATES) {
    const c: SpecCell = { v: text(`deadlines.legend.${x.state}` as MessageKey)[language], wrap: true };
    if (x.fill) c.fill = x.fill;
    if (x.font) c.font = x.font;
    cells.push(c);
  }
  return cells;
}

/** The deadlines sheet of a consolidation: one row per office, one column per indicator id the
 * offices have (sorted by id), on `today` (its ISO date in the title). */
export function deadlinesSheet(offices: OfficeDeadlines[], todayIso: string, language: Language): SheetSpec {
  const ids = [...new Set(offices.flatMap((o) => o.items.map((i) => i.id)).filter(Boolean))].sort(compareIds);
  const columns: ReportColumn<OfficeDeadlines>[] = [
    { key: 'office', header: (l) => ({ v: text('col.office')[l], bold: true, fill: HEADER_FILL, wrap: true }), width: 40, cell: (o) => ({ v: o.office, wrap: true }) },
    ...ids.map(
      (id): ReportColumn<OfficeDeadlines> => ({
        key: `deadline:${id}`,
        header: (l) => ({ v: digits(id)[l], bold: true, fill: HEADER_FILL, wrap: true }),
        width: 14,
        cell: (o, l) => stateCell(o.items.find((i) => i.id === id), l),
      }),
    ),
    { key: 'source', header: (l) => ({ v: text('col.file')[l], bold: true, fill: HEADER_FILL, wrap: true }), width: 28, cell: (o) => ({ v: sourceLabel(o), wrap: true }) },
  ];
  const titles: SpecCell[][] = [[{ v: message('deadlines.title', { day: digits(todayIso) })[language], bold: true }], legendRow(language)];
  const rows = [...offices].sort((a, b) => a.office.localeCompare(b.office));
  return tableSheet({ name: text('sheet.deadlines')[language], titles, columns, rows, language, freezeColumns: 1 });
}
