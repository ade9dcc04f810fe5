import { promises as fs } from 'fs';
import * as path from 'path';
// Core's modules one by one, not its index: start-up loads no schema library (core/tiers.ts).
import type { Bilingual, Language, OfficeSummary, ScoreSettings, SkippedSource } from '../core';
import type { Day } from '../core/dates';
import type { Directive } from '../core/directives';
import { NameKeys, consolidate, groupTitle, isEmptyConsolidation } from '../core/consolidate';
import { isoOfDay, todayInDhaka } from '../core/dates';
import { message } from '../core/messages';
import { consolidationWorkbook } from '../core/report';
import { MODES, settingsWithDefaults } from '../core/score';
import type { AnalyseTask, FileOutcome } from './analyse';
import { errorDetail } from './errors';
import { expandInputs, readBytes } from './files';
import { consolidateJson } from './consolidate-json';
import { UsageError, todayArg, walkArgs } from './argv';
import { cliMessage, cliText } from './messages';
import { analyseAll } from './pool';
import { CheckCounts, renderFileCheck, renderFileScore, renderRanking } from './table';
import { reportState } from './report-record';
import { guarded, shown } from './terminal';

/** Where `main` writes: process.stdout/stderr by default; tests pass their own. */
export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface MainOptions {
  stdout?: Writer;
  stderr?: Writer;
  /** The clock for "achievement date in the future" (default: now). */
  now?: Date;
}

type Command = 'score' | 'check' | 'consolidate';

interface Args {
  command: Command;
  inputs: string[];
  json: boolean;
  bn: boolean;
  output?: string;
  jobs?: number;
  settings: ScoreSettings;
  /** consolidate: replace a report of ours that was changed since it was written. */
  force: boolean;
  /** consolidate: the ministry's minutes, for the deadlines sheet (SCORING.md §10). */
  directives: string[];
  /** The day of the run (default: today in Asia/Dhaka). */
  today?: Day;
}


const PROGRESS_MIN_FILES = 10;

/** The largest existing report `-o` may replace (the 25,000-office one is some tens of MB). */
const MAX_REPORT_BYTES = 1024 * 1024 * 1024;

/** `apa …`: returns the exit code (0 ok, 1 problems, 2 usage). */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const rawStdout = options.stdout ?? process.stdout;
  const rawStderr = options.stderr ?? process.stderr;
  // Human-readable output never lets an escape sequence through (cli/terminal.ts); --json is
  // written as it is, exact JSON.
  const stdout = guarded(rawStdout);
  const stderr = guarded(rawStderr);
  const first = argv[0];
  const optionPart = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (first === undefined || first === 'help' || optionPart.includes('--help') || optionPart.includes('-h')) {
    stdout.write(`${usage()}\n`);
    return 0;
  }
  // The ministry's minutes (SCORING.md §10): loaded only when asked for.
  if (first === 'directives' || first === 'due') return (await import('./minutes')).minutesMain(argv, { stdout, stderr, now: options.now });
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    stderr.write(`apa: ${cliText(err.key, 'en', err.params)} / ${cliText(err.key, 'bn', err.params)}\n\n${usage()}\n`);
    return 2;
  }
  const today = args.today ?? todayInDhaka(options.now ?? new Date());
  const lang: Language = args.bn ? 'bn' : 'en';
  const io = { stdout: args.json ? rawStdout : stdout, stderr, lang };

  if (args.output) {
    const refusal = await checkOutput(args.output, args.inputs, args.force);
    if (refusal) {
      stderr.write(bilingualLine(refusal.message, 'en'));
      return refusal.code;
    }
  }
  // The minutes are read first: a bad one stops the run before anything is read or written.
  let directives: Directive[] | undefined;
  if (args.directives.length > 0) {
    const loaded = await (await import('./minutes')).loadDirectives(args.directives);
    for (const f of loaded.failed) stderr.write(bilingualLine(cliMessage('minutes.unreadable', { reason: f.reason }), lang, f.file));
    if (loaded.failed.length > 0) return 1;
    directives = loaded.directives;
  }
  const exclude = [...(args.output ? [args.output] : []), ...args.directives];
  const { files, problems } = await expandInputs(args.inputs, exclude);
  let failed = false;
  for (const p of problems) {
    stderr.write(bilingualLine(cliMessage(p.kind === 'missing' ? 'input.missing' : 'input.empty-folder', { file: shown(p.arg) }), lang));
    if (p.kind === 'missing') failed = true;
  }
  const tasks: AnalyseTask[] = files.map((f) => ({
    path: f,
    label: f,
    settings: args.settings,
    today,
    want: args.command === 'consolidate' ? 'consolidate' : 'json',
    ...(directives ? { due: true } : {}),
  }));
  if (tasks.length === 0) {
    stderr.write(bilingualLine(cliMessage('input.nothing'), lang));
    failed = true;
  }

  // The progress line moves the cursor on purpose: it alone is written past the guard.
  const progress = makeProgress(rawStderr, tasks.length, lang);
  const reportFile = (o: FileOutcome) => {
    if (o.unreadable) {
      progress.clear();
      stderr.write(bilingualLine(o.unreadable, lang, o.file));
    } else if (o.plans === 0) {
      progress.clear();
      const first = o.skipped[0];
      const noPlan = cliMessage('no-plan-in-file');
      const why = (l: Language) => (first?.sheet !== undefined ? `${noPlan[l]} (${first.sheet}: ${first.reason[l]})` : first?.reason[l] ?? noPlan[l]);
      stderr.write(bilingualLine({ bn: why('bn'), en: why('en') }, lang, o.file));
    }
  };

  if (args.command === 'consolidate') return runConsolidate(args, tasks, io, progress, reportFile, failed, directives && { directives, today });
  return runScoreOrCheck(args, tasks, io, progress, reportFile, failed);
}

/** A file-level message in both languages, the user's first: `apa: FILE: reason`, the other
 * language indented below it (as `check` shows a sheet's problems). Text from inputs is shown
 * escaped (cli/terminal.ts). */
function bilingualLine(m: Bilingual, lang: Language, file?: string): string {
  const other: Language = lang === 'bn' ? 'en' : 'bn';
  const where = file !== undefined ? `${shown(file)}: ` : '';
  return `apa: ${where}${shown(m[lang])}\n     ${shown(m[other])}\n`;
}

interface Io {
  stdout: Writer;
  stderr: Writer;
  lang: Language;
}

interface Progress {
  step(done: number): void;
  clear(): void;
  end(): void;
}

/** `\r[120/1000] files` on a terminal when there are many files; nothing otherwise. */
function makeProgress(stderr: Writer, total: number, lang: Language): Progress {
  const on = !!stderr.isTTY && total >= PROGRESS_MIN_FILES;
  let visible = false;
  let last = 0;
  const start = Date.now();
  return {
    step(done) {
      if (!on) return;
      const now = Date.now();
      if (done < total && now - last < 50) return;
      last = now;
      // Workbooks per second so far: what a ministry watching 20,000 files wants to know.
      const rate = Math.round((done * 1000) / Math.max(1, now - start));
      stderr.write(cliText('progress', lang, { done: String(done), total: String(total), rate: String(rate) }));
      visible = true;
    },
    clear() {
      if (on && visible) stderr.write('\r\x1b[K');
    },
    end() {
      if (on && visible) stderr.write('\n');
      visible = false;
    },
  };
}

async function runScoreOrCheck(args: Args, tasks: AnalyseTask[], io: Io, progress: Progress, reportFile: (o: FileOutcome) => void, failedBefore: boolean): Promise<number> {
  const { stdout, lang } = io;
  let failed = failedBefore;
  const counts: CheckCounts = { errors: 0, warnings: 0, infos: 0 };
  let sheets = 0;
  let firstEntry = true;
  if (args.json) stdout.write('{\n  "files": [');
  let done = 0;
  await analyseAll(tasks, { jobs: args.jobs }, (o) => {
    progress.step(++done);
    reportFile(o);
    if (o.unreadable || o.plans === 0) failed = true;
    sheets += o.sheets.length;
    if (args.json) {
      const skipped = o.unreadable ? [{ reason: o.unreadable }] : o.skipped.map((k) => (k.sheet !== undefined ? { sheet: k.sheet, reason: k.reason } : { reason: k.reason }));
      const entry = { file: o.file, sheets: o.sheets, skipped };
      stdout.write(`${firstEntry ? '\n' : ',\n'}${indent(JSON.stringify(entry, null, 2), '    ')}`);
      firstEntry = false;
      if (args.command === 'check') countProblems(o, counts);
      return;
    }
    if (args.command === 'score') {
      if (o.unreadable) return;
      progress.clear();
      stdout.write(`${renderFileScore(o, lang)}\n\n`);
    } else {
      if (o.unreadable) return;
      progress.clear();
      const text = renderFileCheck(o, lang, counts);
      if (text) stdout.write(`${text}\n\n`);
    }
  });
  progress.end();
  if (args.json) stdout.write(`${firstEntry ? '' : '\n  '}]\n}\n`);
  if (args.command === 'check') {
    if (!args.json) {
      stdout.write(
        `${cliText('check.summary', lang, { files: String(tasks.length), sheets: String(sheets), errors: String(counts.errors), warnings: String(counts.warnings), infos: String(counts.infos) })}\n`,
      );
    }
    if (counts.errors > 0) failed = true;
  }
  return failed ? 1 : 0;
}

function countProblems(o: FileOutcome, counts: CheckCounts): void {
  for (const s of o.sheets) {
    for (const p of s.problems) {
      if (p.severity === 'error') counts.errors++;
      else if (p.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
  }
  for (const k of o.skipped) if (!k.benign) counts.errors++;
}

async function runConsolidate(
  args: Args,
  tasks: AnalyseTask[],
  io: Io,
  progress: Progress,
  reportFile: (o: FileOutcome) => void,
  failedBefore: boolean,
  minutes?: { directives: Directive[]; today: Day },
): Promise<number> {
  const { stdout, stderr, lang } = io;
  let failed = failedBefore;
  const offices: OfficeSummary[] = [];
  const skipped: SkippedSource[] = [];
  const names = new Map<string, string>();
  const intern = (s: string) => {
    const known = names.get(s);
    if (known !== undefined) return known;
    names.set(s, s);
    return s;
  };
  // Names are normalised as offices come in, while the workers still read, not after them.
  const nameKeys = new NameKeys();
  let done = 0;
  // The writer loads while the workers read: this thread is idle meanwhile.
  const writer = import('./write-workbook');
  writer.catch(() => undefined);
  const phases = { start: performance.now(), read: 0, write: 0 };
  const reading = analyseAll(tasks, { jobs: args.jobs }, (o) => {
    progress.step(++done);
    reportFile(o);
    if (o.unreadable) {
      failed = true;
      skipped.push({ file: o.file, reason: o.unreadable });
      return;
    }
    if (o.plans === 0) failed = true;
    for (const k of o.skipped) if (!k.benign) skipped.push({ file: o.file, sheet: k.sheet, reason: k.reason });
    for (const office of o.offices) {
      // Offices of one ministry share their indicators' names: keep one copy of each.
      for (const s of office.indicators) s.name = intern(s.name);
      nameKeys.add(office);
      offices.push(office);
    }
  });
  await reading;
  progress.end();

  const c = consolidate(offices, skipped, nameKeys);
  const output = args.output!;
  // With the minutes: every office's plan held against them on the day (SCORING.md §10).
  const deadlines = minutes && (await import('../core/deadlines-sheet'));
  const due = deadlines && minutes ? { today: isoOfDay(minutes.today), offices: deadlines.consolidationDue(offices, minutes.directives, minutes.today) } : undefined;
  // Nothing to consolidate (SCORING.md §9): a warning, no report written, exit status 1.
  if (isEmptyConsolidation(c)) {
    stderr.write(bilingualLine(message('consolidate.nothing'), lang));
    if (args.json) stdout.write(`${JSON.stringify(consolidateJson(output, c, due), null, 2)}\n`);
    return 1;
  }
  try {
    const { writeWorkbook } = await writer;
    phases.read = performance.now();
    const book = consolidationWorkbook(c, lang);
    if (deadlines && due) book.sheets.push(deadlines.deadlinesSheet(deadlines.deadlineOffices(c, due.offices), due.today, lang));
    await writeWorkbook(book, output);
    phases.write = performance.now();
    // APA_TIMING=1: where a run's time went (bench/RESULTS.md reads these), on stderr.
    if (process.env.APA_TIMING === '1') {
      const s = (ms: number) => (ms / 1000).toFixed(2);
      // performance.now() counts from the process's start: the first figure is start-up.
      stderr.write(`timing: start-up ${s(phases.start)} s, read + score ${s(phases.read - phases.start)} s, write ${s(phases.write - phases.read)} s\n`);
    }
  } catch (err) {
    stderr.write(bilingualLine(cliMessage('write-failed', { file: output, detail: errorDetail(err) }), lang));
    return 1;
  }
  if (args.json) {
    stdout.write(`${JSON.stringify(consolidateJson(output, c, due), null, 2)}\n`);
  } else {
    for (const g of c.groups) stdout.write(`${shown(groupTitle(g)[lang])}\n${renderRanking(g.offices, lang)}\n\n`);
    const count = c.groups.reduce((n, g) => n + g.offices.length, 0);
    const problems = c.problems.length + c.warnings.length + c.skipped.length;
    const errors = c.problems.filter((p) => p.severity === 'error').length + c.skipped.length;
    stdout.write(`${cliText('wrote', lang, { file: shown(output), offices: String(count), skipped: String(c.skipped.length), problems: String(problems), errors: String(errors) })}\n`);
  }
  return failed ? 1 : 0;
}

/** Why `output` must not be written, and the exit status, or null: it is one of the inputs, a
 * folder or not a regular file, an existing file this tool did not write (an office's workbook
 * given to -o by mistake), or a report of ours that someone changed since (cli/report-record.ts;
 * `--force` replaces it). */
async function checkOutput(output: string, inputs: string[], force: boolean): Promise<{ message: Bilingual; code: number } | null> {
  const abs = path.resolve(output);
  if (inputs.some((i) => path.resolve(i) === abs)) return { message: cliMessage('output.is-input', { file: output }), code: 2 };
  let stat;
  try {
    stat = await fs.stat(output);
  } catch {
    return null;
  }
  if (stat.isDirectory()) return { message: cliMessage('output.is-folder', { file: output }), code: 2 };
  // Read as an input is (a FIFO or a device at the output's name is not a report), up to the
  // size of a report of far more offices than a ministry has.
  const bytes = await readBytes(output, output, MAX_REPORT_BYTES).catch(() => null);
  const state = bytes ? reportState(bytes) : 'not-ours';
  if (state === 'not-ours') return { message: cliMessage('output.not-ours', { file: output }), code: 2 };
  if (state === 'changed' && !force) return { message: message('report.changed', { file: output }), code: 1 };
  return null;
}

function indent(s: string, by: string): string {
  return s
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

function usage(): string {
  return `${cliText('usage', 'en')}\n\n${cliText('usage.minutes', 'en')}\n\n${cliText('usage', 'bn')}\n\n${cliText('usage.minutes', 'bn')}`;
}

const COMMANDS: Command[] = ['score', 'check', 'consolidate'];

/** The command line → arguments, or a UsageError. */
function parseArgs(argv: string[]): Args {
  const command = argv[0] as Command;
  if (!COMMANDS.includes(command)) throw new UsageError('usage.unknown-command', { command: argv[0] });
  const inputs: string[] = [];
  const raw: { mode?: string; na?: string; final?: boolean } = {};
  let json = false;
  let bn = false;
  let force = false;
  let output: string | undefined;
  let jobs: number | undefined;
  let today: Day | undefined;
  const directives: string[] = [];
  walkArgs(argv, 1, (input) => inputs.push(input), (option) => {
    const { name, flag, value } = option;
    switch (name) {
      case '--json':
        flag();
        json = true;
        break;
      case '--bn':
        flag();
        bn = true;
        break;
      case '--en':
        flag();
        bn = false;
        break;
      case '--final':
        flag();
        raw.final = true;
        break;
      case '--force':
        flag();
        if (command !== 'consolidate') throw new UsageError('usage.not-for-command', { option: name, command });
        force = true;
        break;
      case '--mode':
        raw.mode = value();
        break;
      case '--na':
        raw.na = value();
        break;
      case '-o':
      case '--output':
        if (command !== 'consolidate') throw new UsageError('usage.not-for-command', { option: name, command });
        output = value();
        break;
      case '--directives':
        if (command !== 'consolidate') throw new UsageError('usage.not-for-command', { option: name, command });
        directives.push(value());
        break;
      case '--today':
        if (command !== 'consolidate') throw new UsageError('usage.not-for-command', { option: name, command });
        today = todayArg(option);
        break;
      case '--jobs':
      case '-j': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError('usage.bad-value', { option: name, value: v, allowed: '1–256' });
        jobs = n;
        break;
      }
      default:
        throw new UsageError('usage.unknown-option', { option: option.arg });
    }
  });
  let settings: ScoreSettings;
  try {
    settings = settingsWithDefaults(raw as Partial<ScoreSettings>);
  } catch {
    const key = raw.mode !== undefined && !(MODES as readonly string[]).includes(raw.mode) ? 'mode' : 'na';
    const allowed = key === 'na' ? 'rescale, full, zero' : 'interpolate, floor';
    throw new UsageError('usage.bad-value', { option: `--${key}`, value: String(raw[key]), allowed });
  }
  if (inputs.length === 0) throw new UsageError('usage.no-inputs');
  if (command === 'consolidate') {
    if (!output) throw new UsageError('usage.no-output');
    if (path.extname(output).toLowerCase() !== '.xlsx') throw new UsageError('usage.output-not-xlsx', { file: output });
  }
  return { command, inputs, json, bn, output, jobs, settings, force, directives, today };
}
