import { type CellMatrix, cellMatrix } from './cell-matrix';
import { type SheetNameRules, uniqueSheetName } from './consolidation-run';
import { formatDay, parseDateText } from './dates';
import { type Cadence, type Deadline, type Directive, type DirectivesRead, readDirectives } from './directives';
import { a1 as cellA1, type Grid } from './grid';
import { toAsciiDigits } from './bengali-digits';
import { type Bilingual, type Language, type MessageKey, digits, message, text } from './messages';
import type { OwnedRecord } from './ownership';
import type { Problem } from './plan';
import { HEADER_FILL, type SheetSpec, type SpecCell } from './report';
import { placeName, gridTextTable, type TextTable } from './text-table';

/**
 * The directives sheet (নির্দেশনা / Directives): the ministry's minutes, as core read them
 * (SCORING.md §10), kept in the workbook as an owned sheet — one row per deadline of each decision
 * (id on every row; topic, cadence and evidence on the decision's first row) — and read back from
 * its grid, so that *What is needed* holds the plan against the minutes, with whatever the user
 * corrected on the sheet. The sheet is owned like the report sheets: the workbook's record keeps
 * its id and the hash of what was written; it is rewritten only while nobody changed it.
 */

/** The sheet's columns, as data: key, header, width. Headers are written in both languages so
 * that the sheet reads back whatever language it was written in. */
const COLUMNS: { key: 'id' | 'topic' | 'deadline' | 'due' | 'cadence' | 'evidence' | 'where'; header: MessageKey; width: number }[] = [
  { key: 'id', header: 'directives.col.id', width: 10 },
  { key: 'topic', header: 'directives.col.topic', width: 40 },
  { key: 'deadline', header: 'directives.col.deadline', width: 12 },
  { key: 'due', header: 'directives.col.due', width: 50 },
  { key: 'cadence', header: 'directives.col.cadence', width: 12 },
  { key: 'evidence', header: 'directives.col.evidence', width: 30 },
  { key: 'where', header: 'directives.col.where', width: 14 },
];
type ColumnKey = (typeof COLUMNS)[number]['key'];

const CADENCES: Cadence[] = ['quarterly', 'half-yearly', 'yearly'];
const headerText = (key: MessageKey) => `${text(key).bn} / ${text(key).en}`;
/** Evidence items in one cell, one a line (a comma may be part of an item's name). */
const EVIDENCE_SEPARATOR = '\n';

export function directivesSheetName(language: Language): string {
  return text('directives.sheet')[language];
}

/** The sheet as a spec: a title naming the minutes' file, the header row, one row per deadline. */
export function directivesSheetSpec(read: DirectivesRead, file: string, language: Language): SheetSpec {
  const title: SpecCell[] = [{ v: message('directives.title', { file })[language], bold: true }];
  const header: SpecCell[] = COLUMNS.map((c) => ({ v: headerText(c.header), bold: true, fill: HEADER_FILL }));
  const rows: SpecCell[][] = [title, header];
  for (const d of read.directives) {
    const id = d.id ? (language === 'bn' ? digits(d.id).bn : d.id) : '';
    const where = `${placeName(d.place)}!${d.cell}`;
    const first: Record<ColumnKey, SpecCell['v']> = {
      id,
      topic: d.topic,
      deadline: null,
      due: null,
      cadence: d.cadence ? text(`cadence.${d.cadence}`)[language] : null,
      evidence: d.evidence.join(EVIDENCE_SEPARATOR) || null,
      where,
    };
    const deadlines = d.deadlines.length ? d.deadlines : [null];
    deadlines.forEach((x, i) => {
      const row: Record<ColumnKey, SpecCell['v']> = i === 0 ? { ...first } : { id, topic: null, deadline: null, due: null, cadence: null, evidence: null, where: null };
      if (x) {
        row.deadline = formatDay(x.day, language);
        row.due = x.text;
        if (i > 0) row.where = x.cell ? `${placeName(d.place)}!${x.cell}` : null;
      }
      rows.push(COLUMNS.map((c) => ({ v: row[c.key] })));
    });
  }
  return { name: directivesSheetName(language), columnWidths: COLUMNS.map((c) => c.width), rows, freeze: { rows: 2, columns: 1 } };
}

/** The cells the host writes (no links on this sheet). */
export function directivesMatrix(spec: SheetSpec): CellMatrix {
  return cellMatrix(spec, () => null);
}

/** The hash of what a sheet shows — values as read back (text without the apostrophe a host
 * writes before it, empty cells and trailing empty rows and columns left out), so that what was
 * written and what is read again hash alike until someone changes a cell. */
export function shownHash(values: readonly (readonly unknown[])[]): string {
  const shown = values.map((row) => {
    const r = row.map((v) => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'string') return v.startsWith("'") ? v.slice(1) : v;
      if (v instanceof Date) return v.toISOString();
      return String(v);
    });
    while (r.length && r[r.length - 1] === '') r.pop();
    return r;
  });
  while (shown.length && shown[shown.length - 1].length === 0) shown.pop();
  return contentHash(JSON.stringify(shown));
}

/** The hash of a matrix as it will read back. */
export const matrixHash = (m: CellMatrix): string => shownHash(m.cells);

// ── Reading the sheet back ──────────────────────────────────────────────────────────────────

const HEADER_WORDS = new Map<string, ColumnKey>();
for (const c of COLUMNS) for (const w of [text(c.header).bn, text(c.header).en, headerText(c.header)]) HEADER_WORDS.set(norm(w), c.key);
const CADENCE_WORDS = new Map<string, Cadence>();
for (const c of CADENCES) for (const w of [text(`cadence.${c}`).bn, text(`cadence.${c}`).en, c]) CADENCE_WORDS.set(norm(w), c);

function norm(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The directives a directives sheet holds, read from its grid; null when the grid is not one
 * (no header row of this sheet's columns). A date that is not a date is a problem at its cell. */
export function directivesFromGrid(grid: Grid): DirectivesRead | null {
  const table = gridTextTable(grid);
  const place = table.place;
  const origin = place.kind === 'sheet' ? place.origin : { row: 0, col: 0 };
  const a1 = (r: number, c: number) => cellA1(r + origin.row, c + origin.col);
  let headerRow = -1;
  const col = new Map<ColumnKey, number>();
  for (let r = 0; r < Math.min(table.rows.length, 10) && headerRow < 0; r++) {
    const found = new Map<ColumnKey, number>();
    table.rows[r].forEach((cell, c) => {
      const key = HEADER_WORDS.get(norm(cell.text));
      if (key && !found.has(key)) found.set(key, c);
    });
    if (found.has('id') && found.has('deadline')) {
      headerRow = r;
      for (const [k, v] of found) col.set(k, v);
    }
  }
  if (headerRow < 0) return null;
  const directives: Directive[] = [];
  const problems: Problem[] = [];
  const at = (row: { text: string }[], key: ColumnKey) => {
    const c = col.get(key);
    return c === undefined ? '' : (row[c]?.text ?? '').trim();
  };
  let current: Directive | null = null;
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r];
    const idText = at(row, 'id');
    const topic = at(row, 'topic');
    const id = idText.replace(/[[\]\s]/g, '');
    const asciiId = toAsciiDigits(id);
    if (!idText && !topic && !at(row, 'deadline') && !at(row, 'due')) continue;
    const startsNew = current === null || topic !== '' || asciiId !== current.id;
    if (startsNew) {
      const cadence = CADENCE_WORDS.get(norm(at(row, 'cadence'))) ?? null;
      const evidence = at(row, 'evidence')
        .split(/\n|;/)
        .map((s) => s.trim())
        .filter(Boolean);
      current = { id: asciiId, topic, serial: '', cadence, deadlines: [], evidence, decision: '', place, cell: a1(r, col.get('id') ?? 0) };
      directives.push(current);
    }
    const dateText = at(row, 'deadline');
    if (dateText) {
      const c = col.get('deadline')!;
      const parsed = parseDateText(dateText);
      if (parsed?.kind === 'date') {
        const deadline: Deadline = { day: parsed.day, text: at(row, 'due'), cell: a1(r, c) };
        current!.deadlines.push(deadline);
      } else {
        problems.push({ code: 'directives-bad-date', severity: 'error', sheet: grid.sheet, cell: a1(r, c), indicatorId: current!.id || undefined, message: message('directives.bad-date', { text: dateText }) });
      }
    }
    if (at(row, 'due')) current!.decision = current!.decision ? `${current!.decision}\n${at(row, 'due')}` : at(row, 'due');
  }
  return { directives, problems };
}

// ── Where the sheet goes ────────────────────────────────────────────────────────────────────

/** A tab as the host sees it: its id, name, and (for the recorded directives sheet) its values. */
export interface DirectivesTab {
  id: string;
  name: string;
  values?: readonly (readonly unknown[])[] | null;
}

export type DirectivesPlacement =
  /** Write the matrix: into the recorded sheet `replace` (cleared first), else a new sheet `name`. */
  | { kind: 'write'; replace: string | null; name: string; hash: string; note?: Bilingual }
  /** The recorded sheet shows exactly this already: nothing to write. */
  | { kind: 'same'; id: string; name: string }
  /** The recorded sheet was changed by the user since it was written: never overwritten. */
  | { kind: 'changed'; id: string; name: string };

/** Where (and whether) the directives sheet is written, one rule for every host: the sheet the
 * record names, while it shows what was written; never a sheet the user changed or made. */
export function placeDirectives(record: OwnedRecord | null, tabs: DirectivesTab[], matrix: CellMatrix, language: Language, rules: SheetNameRules): DirectivesPlacement {
  const hash = matrixHash(matrix);
  const owned = record?.directives ? tabs.find((t) => t.id === record.directives!.sheet) : undefined;
  if (owned && record?.directives) {
    const now = shownHash(owned.values ?? []);
    if (now !== record.directives.hash) return { kind: 'changed', id: owned.id, name: owned.name };
    if (now === hash) return { kind: 'same', id: owned.id, name: owned.name };
    return { kind: 'write', replace: owned.id, name: owned.name, hash };
  }
  const base = directivesSheetName(language);
  const taken = new Set(tabs.map((t) => t.name.toLowerCase()));
  const name = uniqueSheetName(base, taken, rules);
  const note = name !== base ? message('wb.directives-taken', { sheet: base, other: name }) : undefined;
  return { kind: 'write', replace: null, name, hash, note };
}

/** What the Directives command answers. */
export function directivesAnswer(placement: DirectivesPlacement, read: DirectivesRead, written: number): { ok: boolean; message: Bilingual; changed: number; sheet: string } {
  if (placement.kind === 'changed') return { ok: false, message: message('wb.directives-changed', { sheet: placement.name }), changed: 0, sheet: placement.name };
  if (placement.kind === 'same') return { ok: true, message: message('wb.directives-same', { sheet: placement.name }), changed: 0, sheet: placement.name };
  const m = message('wb.directives-written', { sheet: placement.name, count: read.directives.length, problems: read.problems.length });
  const msg = placement.note ? { bn: `${m.bn} ${placement.note.bn}`, en: `${m.en} ${placement.note.en}` } : m;
  return { ok: true, message: msg, changed: written, sheet: placement.name };
}

// ── The command and What is needed, for every host ──────────────────────────────────────────

/** The minutes as the Directives command reads them: the decisions, and the sheet to write. */
export function directivesOfMinutes(minutes: { file: string; tables: TextTable[] }, language: Language): { read: DirectivesRead; spec: SheetSpec; matrix: CellMatrix } | null {
  const read = readDirectives(minutes.tables);
  if (read.directives.length === 0) return null;
  for (const p of read.problems) p.file = minutes.file;
  const spec = directivesSheetSpec(read, minutes.file, language);
  return { read, spec, matrix: directivesMatrix(spec) };
}

/** The answer when the minutes hold no decision table. */
export function noDirectivesAnswer(file: string, problems: Problem[] = []) {
  return { ok: false, message: message('wb.directives-none', { file }), changed: 0, sheet: '', directives: 0, problems };
}

/** The minutes kept in the workbook, for *What is needed*: read from the directives sheet's grid
 * (null when the sheet is gone or is no longer a directives sheet). */
export function keptMinutes(grid: Grid | null): { sheet: string; directives: Directive[]; problems: Problem[] } | null {
  if (!grid) return null;
  const read = directivesFromGrid(grid);
  return read ? { sheet: grid.sheet, directives: read.directives, problems: read.problems } : null;
}

/** A short digest of what the sheet shows (FNV-1a over its text): enough to tell that the user
 * changed the directives sheet; identity of files is SHA-256 (core/ownership.ts's fileHash). */
function contentHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${s.length.toString(36)}-${h.toString(36)}`;
}
