import { promises as fs } from 'fs';
import * as path from 'path';
// Core's modules one by one, not its index: no schema library is loaded (core/tiers.ts).
import type { Bilingual, Day, Language, Problem } from '../core';
import { formatDay, isoOfDay, todayInDhaka } from '../core/dates';
import { Directive, DirectivesRead, directivesJson, readDirectives } from '../core/directives';
import { docxTables } from '../core/docx-tables';
import { DueItem, dueIndicator, dueItemJson, holdAgainstMinutes } from '../core/due';
import { deadlineEvents, icsCalendar } from '../core/ics';
import { readPlan } from '../core/layout';
import { MESSAGES, text } from '../core/messages';
import { scorePlan } from '../core/score';
import { qualifiedAddress } from '../core/grid';
import { gridTextTable, TextTable } from '../core/text-table';
import { toAsciiDigits, toBengaliDigits } from '../core/bengali-digits';
import { readGrids } from './analyse';
import { csvGrid } from './csv-grid';
import { UnreadableFileError, errorDetail, unreadable } from './errors';
import { CSV_EXTENSIONS, expandInputs, readBytes } from './files';
import { UsageError, todayArg, walkArgs } from './argv';
import { CliMessageKey, cliText } from './messages';
import { columns } from './table';
import { readWorkbookGrids } from './xlsx-grid';
import { entryBytes, zipEntries } from './zip';

/** `apa directives` and `apa due`: the ministry's minutes read, and offices' plans held against
 * them (SCORING.md §10). The reading and the holding are core's; this is files and printing. */

export interface MinutesIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  now?: Date;
}

interface Args {
  command: 'directives' | 'due';
  inputs: string[];
  directives: string[];
  json: boolean;
  bn: boolean;
  today?: Day;
  ics?: string;
}


/** The part of the usage text about the minutes. */
export function minutesUsage(lang: Language): string {
  return cliText('usage.minutes', lang);
}

/** Runs `apa directives …` or `apa due …`; returns the exit code (0 ok, 1 a file could not be
 * read or holds no decision table / no plan, 2 usage). */
export async function minutesMain(argv: string[], io: MinutesIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`apa: ${cliText(err.key, 'en', err.params)} / ${cliText(err.key, 'bn', err.params)}\n\n${minutesUsage('en')}\n\n${minutesUsage('bn')}\n`);
    return 2;
  }
  const lang: Language = args.bn ? 'bn' : 'en';
  return args.command === 'directives' ? runDirectives(args, io, lang) : runDue(args, io, lang);
}

function parseArgs(argv: string[]): Args {
  const command = argv[0] as Args['command'];
  const args: Args = { command, inputs: [], directives: [], json: false, bn: false };
  walkArgs(argv, 1, (input) => args.inputs.push(input), (option) => {
    const { name } = option;
    const due = () => {
      if (command !== 'due') throw new UsageError('usage.not-for-command', { option: name, command });
    };
    switch (name) {
      case '--json':
        args.json = true;
        break;
      case '--bn':
        args.bn = true;
        break;
      case '--directives':
        due();
        args.directives.push(option.value());
        break;
      case '--today':
        due();
        args.today = todayArg(option);
        break;
      case '--ics': {
        due();
        const v = option.value();
        if (path.extname(v).toLowerCase() !== '.ics') throw new UsageError('usage.ics-not-ics', { file: v });
        args.ics = v;
        break;
      }
      default:
        throw new UsageError('usage.unknown-option', { option: option.arg });
    }
  });
  if (args.inputs.length === 0) throw new UsageError('usage.no-inputs');
  if (command === 'due' && args.directives.length === 0) throw new UsageError('usage.no-directives');
  return args;
}

// ---------------------------------------------------------------------------------------------
// Reading the minutes

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** word/document.xml is refused past this size (a zip bomb; no minutes are this long). */
const DOCUMENT_LIMIT = 64 * 1024 * 1024;

/** A minutes file's tables: a Word document's (.docx), a CSV's one, a workbook's sheets. Throws
 * an UnreadableFileError naming the file. */
export async function minutesTables(file: string, label: string = file): Promise<TextTable[]> {
  const bytes = await readBytes(file, label);
  if (CSV_EXTENSIONS.includes(path.extname(file).toLowerCase())) return [gridTextTable(csvGrid(bytes, label))];
  if (bytes.subarray(0, 8).equals(OLE_MAGIC) && bytes.includes(Buffer.from('WordDocument', 'utf16le'))) throw unreadable(label, 'unreadable.doc');
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  if (isZip && bytes.includes('word/document.xml')) {
    try {
      const entry = zipEntries(bytes).get('word/document.xml');
      if (!entry) throw new Error('no word/document.xml');
      return docxTables(entryBytes(bytes, entry, DOCUMENT_LIMIT).toString('utf8'));
    } catch (err) {
      throw unreadable(label, 'unreadable.not-docx', { detail: errorDetail(err) });
    }
  }
  return (await readWorkbookGrids(bytes, label)).grids.map(gridTextTable);
}

interface MinutesRead {
  file: string;
  read: DirectivesRead | null;
  unreadable?: Bilingual;
}

async function readAllMinutes(files: string[]): Promise<MinutesRead[]> {
  const out: MinutesRead[] = [];
  for (const file of files) {
    try {
      out.push({ file, read: readDirectives(await minutesTables(file)) });
    } catch (err) {
      const reason = err instanceof UnreadableFileError ? err.reason : { bn: errorDetail(err), en: errorDetail(err) };
      out.push({ file, read: null, unreadable: reason });
    }
  }
  return out;
}

/** The decisions of every minutes file, for `apa consolidate --directives`: the files that
 * could not be read or hold no decision table come back in `failed`, each with its reason. */
export async function loadDirectives(files: string[]): Promise<{ directives: Directive[]; failed: { file: string; reason: Bilingual }[] }> {
  const directives: Directive[] = [];
  const failed: { file: string; reason: Bilingual }[] = [];
  for (const m of await readAllMinutes(files)) {
    if (!m.read) {
      failed.push({ file: m.file, reason: m.unreadable! });
      continue;
    }
    const noTable = m.read.problems.find((p) => p.code === 'directive-no-table');
    if (noTable) failed.push({ file: m.file, reason: noTable.message });
    else directives.push(...m.read.directives);
  }
  return { directives, failed };
}

// ---------------------------------------------------------------------------------------------
// apa directives

async function runDirectives(args: Args, io: MinutesIo, lang: Language): Promise<number> {
  const { files, problems: inputProblems } = await expandMinutesInputs(args.inputs);
  let failed = reportInputs(inputProblems, io, lang);
  const reads = await readAllMinutes(files);
  for (const r of reads) {
    if (r.unreadable) io.stderr.write(`apa: ${r.file}: ${r.unreadable[lang]}\n`);
    if (!r.read || r.read.problems.some((p) => p.code === 'directive-no-table')) failed = true;
  }
  const ok = reads.filter((r): r is MinutesRead & { read: DirectivesRead } => r.read !== null);
  if (args.json) io.stdout.write(`${JSON.stringify(directivesJson(ok), null, 2)}\n`);
  else for (const r of ok) io.stdout.write(`${renderDirectives(r.file, r.read, lang)}\n\n`);
  return failed || files.length === 0 ? 1 : 0;
}

/** Minutes given on the command line: files as given; a folder's .docx, .xlsx and .csv files. */
async function expandMinutesInputs(inputs: string[]) {
  const out = { files: [] as string[], problems: [] as { arg: string; kind: 'missing' | 'empty-folder' }[] };
  for (const arg of inputs) {
    const stat = await fs.stat(arg).catch(() => null);
    if (!stat) out.problems.push({ arg, kind: 'missing' });
    else if (!stat.isDirectory()) out.files.push(arg);
    else {
      const names = (await fs.readdir(arg)).filter((n) => /\.(docx|xlsx|xlsm|csv)$/i.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort();
      if (names.length === 0) out.problems.push({ arg, kind: 'empty-folder' });
      out.files.push(...names.map((n) => path.join(arg, n)));
    }
  }
  return out;
}

function reportInputs(problems: { arg: string; kind: 'missing' | 'empty-folder' }[], io: MinutesIo, lang: Language): boolean {
  let failed = false;
  for (const p of problems) {
    io.stderr.write(`apa: ${cliText(p.kind === 'missing' ? 'input.missing' : 'input.empty-folder', lang, { file: p.arg })}\n`);
    if (p.kind === 'missing') failed = true;
  }
  return failed;
}

const num = (s: string, lang: Language) => (lang === 'bn' ? toBengaliDigits(s) : s);
const date = (d: Day, lang: Language) => formatDay(d, lang);

/** A minutes file as a table: one row per deadline, the decision's id, cadence and evidence on
 * its first row; then its problems at their cells. */
export function renderDirectives(file: string, read: DirectivesRead, lang: Language): string {
  const lines = [`== ${cliText('minutes.summary', lang, { file, count: num(String(read.directives.length), lang), problems: num(String(read.problems.length), lang) })} ==`];
  const head = [cliText('col.serial', lang), text('col.id')[lang], ...(['col.cadence', 'col.deadline', 'col.evidence'] as const).map((k) => cliText(k, lang))];
  const rows: string[][] = [];
  for (const d of read.directives) {
    const serial = lang === 'bn' ? toBengaliDigits(d.serial) : toAsciiDigits(d.serial);
    const first = [serial || '—', d.id ? num(d.id, lang) : '—', d.cadence ? MESSAGES[`cadence.${d.cadence}`][lang] : '—'];
    const evidence = d.evidence.join(', ') || '—';
    if (d.deadlines.length === 0) rows.push([...first, '—', evidence]);
    d.deadlines.forEach((x, i) => rows.push(i === 0 ? [...first, date(x.day, lang), evidence] : ['', '', '', date(x.day, lang), '']));
  }
  if (rows.length) lines.push(columns([head, ...rows], [true, false, false, false, false]));
  lines.push(...problemLines(file, read.problems, lang));
  return lines.join('\n');
}

function problemLines(file: string, problems: Problem[], lang: Language): string[] {
  const other: Language = lang === 'bn' ? 'en' : 'bn';
  return problems.flatMap((p) => {
    const where = p.sheet ? (p.cell ? qualifiedAddress(p.sheet, p.cell) : p.sheet) : '';
    const severity = MESSAGES[`severity.${p.severity}`][lang].toLowerCase();
    return [`${file}${where ? `: ${where}` : ''}: ${severity} [${p.code}]: ${p.message[lang]}`, `    ${p.message[other]}`];
  });
}

// ---------------------------------------------------------------------------------------------
// apa due

interface OfficeDue {
  office: string;
  file: string;
  sheet: string;
  items: DueItem[];
  problems: Problem[];
}

async function runDue(args: Args, io: MinutesIo, lang: Language): Promise<number> {
  const today = args.today ?? todayInDhaka(io.now ?? new Date());
  let failed = false;
  if (args.ics) {
    const refusal = await checkIcsOutput(args.ics);
    if (refusal) {
      io.stderr.write(`apa: ${cliText(refusal, 'en', { file: args.ics })}\n     ${cliText(refusal, 'bn', { file: args.ics })}\n`);
      return 2;
    }
  }
  const minutes = await readAllMinutes(args.directives);
  const directives: Directive[] = [];
  const minutesProblems: Problem[] = [];
  for (const m of minutes) {
    if (m.unreadable) {
      io.stderr.write(`apa: ${m.file}: ${m.unreadable[lang]}\n`);
      failed = true;
      continue;
    }
    directives.push(...m.read!.directives);
    for (const p of m.read!.problems) {
      minutesProblems.push({ ...p, file: m.file });
      if (p.code === 'directive-no-table') {
        io.stderr.write(`apa: ${m.file}: ${p.message[lang]}\n`);
        failed = true;
      }
    }
  }
  const exclude = [...args.directives, ...(args.ics ? [args.ics] : [])];
  const { files, problems } = await expandInputs(args.inputs, exclude);
  if (reportInputs(problems, io, lang)) failed = true;
  const offices: OfficeDue[] = [];
  for (const file of files) {
    let grids;
    try {
      grids = await readGrids(file, file);
    } catch (err) {
      const reason = err instanceof UnreadableFileError ? err.reason[lang] : errorDetail(err);
      io.stderr.write(`apa: ${file}: ${reason}\n`);
      failed = true;
      continue;
    }
    let plans = 0;
    for (const grid of grids.grids) {
      const outcome = readPlan(grid, { formatsUnknown: grids.csv });
      if (outcome.kind === 'not-a-plan') continue;
      plans++;
      const scored = scorePlan(outcome.plan);
      const held = holdAgainstMinutes(scored.indicators.map(dueIndicator), directives, today, grid.sheet);
      offices.push({ office: outcome.plan.office, file, sheet: grid.sheet, items: held.items, problems: held.problems.map((p) => ({ ...p, file })) });
    }
    if (plans === 0) {
      io.stderr.write(`apa: ${file}: ${cliText('no-plan-in-file', lang)}\n`);
      failed = true;
    }
  }
  if (files.length === 0) {
    io.stderr.write(`apa: ${cliText('input.nothing', lang)}\n`);
    failed = true;
  }

  if (args.json) {
    const doc = {
      today: isoOfDay(today),
      offices: offices.map((o) => ({ office: o.office, file: o.file, sheet: o.sheet, items: o.items.map(dueItemJson), problems: o.problems })),
      problems: minutesProblems,
    };
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const o of offices) io.stdout.write(`${renderOfficeDue(o, today, lang)}\n\n`);
    const byFile = new Map<string, Problem[]>();
    for (const p of minutesProblems) byFile.set(p.file!, [...(byFile.get(p.file!) ?? []), p]);
    for (const [file, ps] of byFile) io.stdout.write(`${problemLines(file, ps, lang).join('\n')}\n`);
  }
  if (args.ics) {
    const events = deadlineEvents(directives, lang);
    try {
      await fs.writeFile(args.ics, icsCalendar(events, { name: MESSAGES['ics.calendar'][lang], stamp: today }), 'utf8');
      io.stderr.write(`${cliText('wrote-ics', lang, { file: args.ics, events: num(String(events.length), lang) })}\n`);
    } catch (err) {
      io.stderr.write(`apa: ${cliText('write-failed', lang, { file: args.ics, detail: errorDetail(err) })}\n`);
      return 1;
    }
  }
  return failed ? 1 : 0;
}

/** Why the calendar must not be written, or null: an existing file this tool did not write. */
async function checkIcsOutput(file: string): Promise<CliMessageKey | null> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) return null;
  if (stat.isDirectory()) return 'output.is-folder';
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return text.startsWith('BEGIN:VCALENDAR') && text.includes('PRODID:-//APA Sheets//') ? null : 'output.ics-not-ours';
}

/** What a person reads of one indicator's status on the day. */
function statusText(i: DueItem, lang: Language): string {
  if (i.status === 'due' && i.daysLeft !== null) {
    return i.daysLeft === 0 ? cliText('due.today', lang) : cliText('due.in-days', lang, { days: num(String(i.daysLeft), lang) });
  }
  if (i.status === 'overdue' && i.daysLeft !== null) {
    const late = cliText('due.late-days', lang, { days: num(String(-i.daysLeft), lang) });
    return i.next !== null ? `${late} (${cliText('due.next', lang, { date: date(i.next, lang) })})` : late;
  }
  return MESSAGES[`due.status.${i.status}`][lang];
}

/** One office's indicators against the minutes, as a table. */
export function renderOfficeDue(o: OfficeDue, today: Day, lang: Language): string {
  const lines = [`== ${cliText('due.title', lang, { office: o.office, file: o.file, sheet: o.sheet, today: date(today, lang) })} ==`];
  const head = [text('col.id')[lang], ...(['col.status', 'col.deadline', 'col.plan-dates', 'col.attached', 'col.evidence'] as const).map((k) => cliText(k, lang))];
  const attached = (v: boolean | null) => MESSAGES[v === null ? 'due.evidence.unknown' : v ? 'due.evidence.yes' : 'due.evidence.no'][lang];
  const rows = o.items.map((i) => [
    i.id ? num(i.id, lang) : '—',
    statusText(i, lang),
    i.deadline === null ? '—' : date(i.deadline, lang),
    i.planDates.length ? i.planDates.map((d) => date(d, lang)).join(' ') : '—',
    attached(i.evidenceAttached),
    i.evidence.join(', ') || '—',
  ]);
  lines.push(columns([head, ...rows], [false, false, false, false, false, false]));
  lines.push(...problemLines(o.file, o.problems, lang));
  return lines.join('\n');
}
