import { toAsciiDigits } from './bengali-digits';
import { Day, isoOfDay } from './dates';
import { cadenceOf, datesInText, evidenceOf, sentenceAround } from './directive-text';
import { Cadence, DECISION_TABLE_HEADERS } from './directive-words';
import { parseId } from './ids';
import { digits, message } from './messages';
import type { Problem } from './plan';
import { placeName, tableCellA1, TablePlace, TextTable } from './text-table';
import { cleanText, compactText } from './text';

export type { Cadence } from './directive-words';

/**
 * The decisions of a ministry's minutes (SCORING.md §10): the decision table (`ক্রম | আলোচনার বিষয়
 * | সিদ্ধান্তসমূহ`) found among a document's or a sheet's tables, read per row: the indicator id at
 * the start of the topic, every Gregorian deadline of the decision with the sentence that says
 * what is due, the cadence, the evidence asked for, and the problems at their cell.
 */

export interface Deadline {
  day: Day;
  /** The sentence of the decision that holds the date. */
  text: string;
  /** The decision cell the date is in. */
  cell: string;
}

export interface Directive {
  /** ASCII digits without brackets (`1.1.1`); '' when the topic has none. */
  id: string;
  /** The topic as written, without its id. */
  topic: string;
  /** The serial as written (`৮`), '' when the row has none. */
  serial: string;
  cadence: Cadence | null;
  deadlines: Deadline[];
  evidence: string[];
  /** The decision as written, its rows joined with line breaks. */
  decision: string;
  /** Where the row is: the table's place and the topic cell. */
  place: TablePlace;
  cell: string;
}

export interface DirectivesRead {
  directives: Directive[];
  /** `file` is left for the caller to fill in. */
  problems: Problem[];
}

type Role = 'serial' | 'topic' | 'decision';
type Columns = Partial<Record<Role, number>> & { topic: number; decision: number };

/** The decisions of every decision table among `tables`, in order. A table whose header row
 * names a topic and a decision column is a decision table; a table without a header that
 * follows one with as many columns continues it (Word splits a table at a stray paragraph). */
export function readDirectives(tables: TextTable[]): DirectivesRead {
  const rows: DecisionRow[] = [];
  let previous: { columns: Columns; width: number } | null = null;
  let found = false;
  for (const table of tables) {
    const header = findHeader(table);
    const width = Math.max(0, ...table.rows.map((r) => r.length));
    let columns: Columns;
    let firstRow: number;
    if (header) {
      found = true;
      columns = header.columns;
      firstRow = header.row + 1;
    } else if (previous && previous.width === width && table.place.kind === 'document') {
      columns = previous.columns;
      firstRow = 0;
    } else {
      previous = null;
      continue;
    }
    previous = { columns, width };
    rows.push(...decisionRows(table, columns, firstRow));
  }
  if (!found) return { directives: [], problems: [noDecisionTable()] };
  // Each row's problems, so that they are listed in the order of the table.
  const perRow: Problem[][] = rows.map(() => []);
  const directives = rows.map((row, i) => directiveOf(row, perRow[i]));
  checkSerials(rows, perRow);
  return { directives, problems: perRow.flatMap((ps) => ps.sort((a, b) => Number(b.code === 'directive-serial-out-of-sequence') - Number(a.code === 'directive-serial-out-of-sequence'))) };
}

/** The problem of a file whose tables hold no decision table. */
export function noDecisionTable(sheet = ''): Problem {
  return { code: 'directive-no-table', severity: 'error', sheet, cell: '', message: message('directive-no-table') };
}

/** One decision as the table holds it: its serial and topic, and its decision text, one piece
 * per table row it takes (a decision continued in the next row, its serial and topic cells
 * merged down or left empty). */
interface DecisionRow {
  place: TablePlace;
  serial: string;
  serialCell: string;
  topic: string;
  topicCell: string;
  pieces: { text: string; cell: string }[];
}

function decisionRows(table: TextTable, columns: Columns, firstRow: number): DecisionRow[] {
  const place = table.place;
  const out: DecisionRow[] = [];
  for (let r = firstRow; r < table.rows.length; r++) {
    const row = table.rows[r];
    const at = (role: Role) => (columns[role] === undefined ? undefined : row[columns[role]!]);
    const serialCell = at('serial');
    const topicCell = at('topic');
    const serial = cleanText(serialCell?.text ?? '');
    const topic = cleanText(topicCell?.text ?? '');
    const decision = (at('decision')?.text ?? '').trim();
    if (!serial && !topic && !decision) continue;
    if ((decisionHeaderRole(topic) === 'topic' && decisionHeaderRole(decision) === 'decision') || isColumnNumbers(topic, decision)) continue;
    const cell = (role: Role) => tableCellA1(place, r, columns[role]!);
    // No serial and no topic (merged down from the row above, or left empty): the decision goes on.
    const continues = !topic && !serial;
    const last = out[out.length - 1];
    if (continues && last && decision) {
      last.pieces.push({ text: decision, cell: cell('decision') });
      continue;
    }
    const serialA1 = columns.serial === undefined ? cell('topic') : cell('serial');
    out.push({
      place,
      serial,
      serialCell: serialA1,
      topic,
      topicCell: cell('topic'),
      pieces: decision ? [{ text: decision, cell: cell('decision') }] : [],
    });
  }
  return out;
}

/** A decision row read: its id, deadlines (a date that does not exist is a problem, not a
 * deadline), cadence and evidence, and its problems. */
function directiveOf(row: DecisionRow, problems: Problem[]): Directive {
  const sheet = placeName(row.place);
  const parsed = parseId(row.topic);
  const id = parsed.depth >= 2 ? parsed.id : '';
  const decision = row.pieces.map((p) => p.text).join('\n');
  const deadlines: Deadline[] = [];
  let pieceStart = 0;
  const pieceAt: { start: number; cell: string }[] = row.pieces.map((p) => {
    const at = { start: pieceStart, cell: p.cell };
    pieceStart += p.text.length + 1;
    return at;
  });
  const cellAt = (offset: number) => [...pieceAt].reverse().find((p) => p.start <= offset)?.cell ?? row.topicCell;
  for (const date of datesInText(decision)) {
    const cell = cellAt(date.start);
    if (date.day === null) {
      problems.push({ code: 'directive-impossible-date', severity: 'warning', sheet, cell, indicatorId: id || undefined, message: message('directive-impossible-date', { text: date.written }) });
      continue;
    }
    if (!deadlines.some((d) => d.day === date.day)) deadlines.push({ day: date.day, text: sentenceAround(decision, date.start, date.end), cell });
  }
  const cadence = cadenceOf(decision);
  if (!id) problems.push({ code: 'directive-no-id', severity: 'warning', sheet, cell: row.topicCell, message: message('directive-no-id', { topic: short(row.topic) }) });
  if (deadlines.length === 0 && cadence === null) {
    problems.push({ code: 'directive-no-deadline', severity: 'warning', sheet, cell: row.pieces[0]?.cell ?? row.topicCell, indicatorId: id || undefined, message: message('directive-no-deadline') });
  }
  return {
    id,
    topic: id ? parsed.name : row.topic,
    serial: row.serial,
    cadence,
    deadlines,
    evidence: evidenceOf(decision),
    decision,
    place: row.place,
    cell: row.topicCell,
  };
}

function findHeader(table: TextTable): { row: number; columns: Columns } | null {
  for (let r = 0; r < Math.min(table.rows.length, 10); r++) {
    const found: Partial<Record<Role, number>> = {};
    table.rows[r].forEach((c, col) => {
      if (c.merged) return;
      const role = decisionHeaderRole(c.text);
      if (role && found[role] === undefined) found[role] = col;
    });
    if (found.topic !== undefined && found.decision !== undefined) return { row: r, columns: found as Columns };
  }
  return null;
}

const HEADER_WORDS = DECISION_TABLE_HEADERS.map(({ role, words }) => ({ role, words: words.map((w) => compactText(w)) }));

/** The column a header cell names, or null. A cell's compact text is the word, or starts with
 * a word of four letters or more (`আলোচনার বিষয় (Topic)`). */
export function decisionHeaderRole(text: string): Role | null {
  const compact = compactText(text);
  if (!compact || compact.length > 60) return null;
  for (const { role, words } of HEADER_WORDS) {
    if (words.some((w) => compact === w || (w.length >= 4 && compact.startsWith(w)))) return role;
  }
  return null;
}

/** A row of column numbers under the header (`১ | ২ | ৩`). */
function isColumnNumbers(topic: string, decision: string): boolean {
  const n = (s: string) => /^\(?\d{1,2}\)?$/.test(toAsciiDigits(s));
  return n(topic) && n(decision);
}

/** A serial as a number (`৮`, `08`, `৮.`, `(৮)`), or null when it is none. */
export function serialNumber(text: string): number | null {
  const m = /^[([]?\s*(\d{1,4})\s*[)\].।:]?$/.exec(toAsciiDigits(cleanText(text)));
  return m ? Number(m[1]) : null;
}

/** A serial is in sequence when it follows the one before it, or stands where counting from
 * the first serial puts it: `১ ২ ৩ ৮ ৫ ৬ ৭` has one serial out of sequence (৮), not two. */
function checkSerials(rows: DecisionRow[], problems: Problem[][]): void {
  let first: number | null = null;
  let previous = 0;
  let position = 0;
  rows.forEach((row, i) => {
    const n = serialNumber(row.serial);
    if (n === null) return;
    if (first === null) first = n;
    else if (n !== previous + 1 && n !== first + position) {
      const parsed = parseId(row.topic);
      problems[i].push({
        code: 'directive-serial-out-of-sequence',
        severity: 'warning',
        sheet: placeName(row.place),
        cell: row.serialCell,
        indicatorId: parsed.depth >= 2 ? parsed.id : undefined,
        message: message('directive-serial-out-of-sequence', { serial: digits(String(n)), expected: digits(String(previous + 1)) }),
      });
    }
    previous = n;
    position++;
  });
}

function short(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The `apa directives --json` document (schema: directivesJsonSchema in directives-json.ts):
 * each file's decisions and problems, in the order of the files. */
export function directivesJson(files: { file: string; read: DirectivesRead }[]) {
  return {
    directives: files.flatMap(({ file, read }) =>
      read.directives.map((d) => ({
        id: d.id,
        topic: d.topic,
        cadence: d.cadence,
        deadlines: d.deadlines.map((x) => ({ date: isoOfDay(x.day), text: x.text })),
        evidence: d.evidence,
        serial: d.serial,
        file,
        sheet: placeName(d.place),
        cell: d.cell,
      })),
    ),
    problems: files.flatMap(({ file, read }) => read.problems.map((p) => ({ ...p, file }))),
  };
}
