/**
 * SCORING.md §10: a ministry's meeting minutes (seed 004), read as circulated — a Word file, or a
 * sheet or CSV holding the same three columns — and an office's plan (seed 003) held against them
 * on a day. One `describe` per rule of §10, in its words.
 */
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ICAL from 'ical.js';
import { main, Writer } from '../cli/apa';
import { minutesTables } from '../cli/minutes';
import { readWorkbookGrids } from '../cli/xlsx-grid';
import { dayFromYmd, isoOfDay } from '../core/dates';
import { Directive, DirectivesRead, readDirectives } from '../core/directives';
import { cadenceOf, datesInText, evidenceOf } from '../core/directive-text';
import { directivesJsonSchema, dueJsonSchema } from '../core/directives-json';
import { docxTables } from '../core/docx-tables';
import { DueIndicator, dueIndicator, holdAgainstMinutes } from '../core/due';
import { deadlineEvents, foldLine, icsCalendar } from '../core/ics';
import { readPlan } from '../core/layout';
import { scorePlan } from '../core/score';
import { gridTextTable, TextTable } from '../core/text-table';
import { buildMinutesSamples, minutesDocx } from './fixtures/minutes-fixtures';
import { specToWorkbook, workbookBuffer } from './fixtures/sheet-model';
import { DECISIONS_004 } from './fixtures/seeds/seed-004-minutes';
import { SEED_003 } from './fixtures/seeds/seed-003-skt';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYmd(y, m, d)!;
};
const isoDates = (d: Directive | undefined) => (d ? d.deadlines.map((x) => isoOfDay(x.day)) : []);
const table = (rows: string[][], tableNo = 1): TextTable => ({ place: { kind: 'document', table: tableNo }, rows: rows.map((r) => r.map((text) => ({ text }))) });
const HEADER = ['ক্রম', 'আলোচনার বিষয়', 'সিদ্ধান্তসমূহ'];

let tmp: string;
let files: { docx: string; xlsx: string; csv: string };
const reads: Record<'docx' | 'xlsx' | 'csv', DirectivesRead> = {} as never;
const byId = (kind: keyof typeof reads, id: string) => reads[kind].directives.find((d) => d.id === id);

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-minutes-'));
  const [docx, xlsx, csv] = await buildMinutesSamples(tmp);
  files = { docx, xlsx, csv };
  for (const kind of ['docx', 'xlsx', 'csv'] as const) reads[kind] = readDirectives(await minutesTables(files[kind]));
});

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** The Gregorian dates of a text, found independently of the product: `dd/mm/yyyy` and
 * `dd <month> yyyy` with the Bengali month names, the way seed 004 writes them. */
function seedDates(text: string): string[] {
  const BN = '০১২৩৪৫৬৭৮৯';
  const ascii = text.replace(/[০-৯]/g, (c) => String(BN.indexOf(c)));
  const MONTHS = ['জানুয়ারি', 'ফেব্রুয়ারি', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেম্বর', 'অক্টোবর', 'নভেম্বর', 'ডিসেম্বর'];
  const out: { at: number; iso: string }[] = [];
  for (const m of ascii.matchAll(/(\d{2})\/(\d{2})\/(\d{4})/g)) out.push({ at: m.index!, iso: `${m[3]}-${m[2]}-${m[1]}` });
  for (const m of ascii.matchAll(/(\d{2}) (\S+) (\d{4})/g)) {
    const month = MONTHS.indexOf(m[2]);
    if (month >= 0) out.push({ at: m.index!, iso: `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]}` });
  }
  return out.sort((a, b) => a.at - b.at).map((d) => d.iso);
}

describe('§10 the decision table is read from the minutes as circulated (Word .docx; also a sheet or CSV that holds the same three columns)', () => {
  test('the Word file, the sheet and the CSV give the same decisions', () => {
    const summary = (r: DirectivesRead) => r.directives.map((d) => ({ id: d.id, topic: d.topic, cadence: d.cadence, deadlines: isoDates(d), evidence: d.evidence }));
    expect(reads.docx.directives).toHaveLength(DECISIONS_004.length);
    expect(summary(reads.xlsx)).toEqual(summary(reads.docx));
    expect(summary(reads.csv)).toEqual(summary(reads.docx));
  });

  test('the Word file is one Word writes: runs split inside words, a cell over several paragraphs, a vertical merge, a caption across the table', async () => {
    const docx = minutesDocx();
    const xml = (await import('../cli/zip')).zipEntry(docx, 'word/document.xml')!.toString('utf8');
    // A date, as typed in the seed, is not one run's text: the reader joins the runs.
    expect(xml).not.toContain('১৬/০৩/২০২৪');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge/>');
    expect(xml).toContain('<w:gridSpan w:val="3"/>');
    const tables = docxTables(xml);
    expect(tables).toHaveLength(2);
    const decisions = tables[1];
    expect(decisions.rows[0][1]).toEqual({ text: '', merged: 'left' });
    // The longest decision ([৫.১.১]) goes on in a second row whose serial and topic are merged down.
    const continued = decisions.rows.findIndex((r) => r[0].merged === 'up');
    expect(continued).toBeGreaterThan(2);
    expect(decisions.rows[continued - 1][1].text).toMatch(/^\[৫\.১\.১\]/);
    // Its sentences are paragraphs, joined by line breaks.
    expect(decisions.rows[continued - 1][2].text.split('\n').length).toBeGreaterThan(1);
    const d = byId('docx', '5.1.1')!;
    expect(d.decision).toBe(DECISIONS_004.find((r) => r[1].startsWith('[৫.১.১]'))![2].split(/(?<=।)\s+/).join('\n'));
  });

  const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
  const skip = !soffice && process.env.APA_SKIP_LIBREOFFICE === '1';
  (skip ? test.skip : test)('LibreOffice opens the Word file: two tables, the merges, every decision date', async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) was not found: install libreoffice-writer (CI: .ci/run does), or set APA_SKIP_LIBREOFFICE=1 to skip this check explicitly.');
    const out = path.join(tmp, 'lo');
    await new Promise<void>((resolve, reject) =>
      execFile(
        soffice,
        [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'html', '--outdir', out, files.docx],
        { timeout: 180_000 },
        (err, _stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve()),
      ),
    );
    const html = await fs.readFile(path.join(out, 'minutes-2023-24.html'), 'utf8');
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html.match(/colspan="3"/g)).toHaveLength(1);
    expect(html.match(/rowspan="2"/g)).toHaveLength(2);
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const written = DECISIONS_004.flatMap(([, , decision]) => decision.match(/[০-৯]{2}\/[০-৯]{2}\/[০-৯]{4}|[০-৯]{2} [^\s০-৯]+ [০-৯]{4}/g) ?? []);
    expect(written.length).toBeGreaterThanOrEqual(15);
    for (const w of written) expect(text).toContain(w);
    expect(text).toContain('প্রমাণক হিসেবে');
  });

  test('a table of a sheet: merged cells continue the decision above', () => {
    const grid = {
      sheet: 'Minutes',
      values: [HEADER, ['1', '[1.1.1] topic', 'Send the report by 16/03/2024.'], [null, null, 'Then by 25/03/2024.']],
      merges: [
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
      ],
    };
    const r = readDirectives([gridTextTable(grid)]);
    expect(r.directives).toHaveLength(1);
    expect(isoDates(r.directives[0])).toEqual(['2024-03-16', '2024-03-25']);
    expect(r.directives[0].deadlines.map((x) => x.cell)).toEqual(['C2', 'C3']);
  });

  test('a Word table split in two (a stray paragraph between) goes on in the second; another sheet does not', () => {
    const first = table([HEADER, ['১', '[১.১.১] a', 'আগামী ১৬/০৩/২০২৪ তারিখের মধ্যে করতে হবে।']], 2);
    const second = table([['২', '[২.১.১] b', 'ত্রৈমাসিক ভিত্তিতে প্রেরণ করতে হবে।']], 3);
    expect(readDirectives([first, second]).directives.map((d) => [d.id, d.cell])).toEqual([
      ['1.1.1', 'B2'],
      ['2.1.1', 'B1'],
    ]);
    const sheet = (t: TextTable, name: string): TextTable => ({ ...t, place: { kind: 'sheet', sheet: name, origin: { row: 0, col: 0 } } });
    expect(readDirectives([sheet(first, 'a'), sheet(second, 'b')]).directives.map((d) => d.id)).toEqual(['1.1.1']);
  });

  test('English headers are the same columns', () => {
    const r = readDirectives([table([['Sl. No.', 'Topic of discussion', 'Decisions'], ['1', '[2.1.1] database kept', 'Report quarterly; evidence: screenshot.']])]);
    expect(r.directives.map((d) => [d.id, d.cadence])).toEqual([['2.1.1', 'quarterly']]);
  });

  test('a file with no decision table says so, as an error', () => {
    const r = readDirectives([table([['সভাপতি', 'মোঃ …'], ['সভার তারিখ', '২৬ সেপ্টেম্বর ২০২৩']])]);
    expect(r.directives).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['directive-no-table', 'error']]);
    expect(r.problems[0].message.bn).toContain('সিদ্ধান্তের সারণি');
  });
});

describe('§10 the indicator: the id at the start of the topic (`[১.১.১] …`), Bengali or ASCII digits', () => {
  test("seed 004's topics give its seven indicators", () => {
    expect(reads.docx.directives.map((d) => d.id)).toEqual(['1.1.1', '2.1.1', '3.1.1', '4.1.1', '5.1.1', '6.1.1', '6.1.2']);
    expect(byId('docx', '4.1.1')!.topic).toBe('ই-ফাইলে (ই-নথি/ডি-নথি) নোট নিষ্পত্তিকৃত');
  });

  test.each([
    ['[১.১.১] topic', '1.1.1'],
    ['[1.1.1] topic', '1.1.1'],
    ['১.২.৩ topic', '1.2.3'],
    ['[১.2.১] mixed digits', '1.2.1'],
    ['( ৬.১.২ ) topic', '6.1.2'],
  ])('%s → %s', (topic, id) => {
    expect(readDirectives([table([HEADER, ['১', topic, 'আগামী ১৬/০৩/২০২৪ তারিখের মধ্যে করতে হবে।']])]).directives[0].id).toBe(id);
  });
});

describe('§10 deadlines: every Gregorian date in the decision text, each with the words around it that say what is due; Bangla-calendar dates are not deadlines', () => {
  test.each(DECISIONS_004.map(([serial, topic, decision]) => [topic.slice(0, topic.indexOf(']') + 1), serial, decision]))('%s: every date of the decision, in order', (_id, serial, decision) => {
    const found = reads.docx.directives.find((d) => d.serial === serial)!;
    expect(isoDates(found)).toEqual([...new Set(seedDates(decision))]);
  });

  test('[১.১.১] is due 16/03/2024: the sentence says what', () => {
    const d = byId('docx', '1.1.1')!;
    expect(isoDates(d)).toEqual(['2024-03-16']);
    expect(d.deadlines[0].text).toMatch(/আগামী ১৬\/০৩\/২০২৪ তারিখের মধ্যে একটি উন্নয়নী ধারণা বাস্তবায়ন করতে হবে।$/);
  });

  test('[২.১.১] has the four quarterly report dates', () => {
    const d = byId('docx', '2.1.1')!;
    expect(isoDates(d)).toEqual(['2023-10-15', '2024-01-15', '2024-04-15', '2024-07-10']);
    expect(d.deadlines[0].text).toBe('এ সংক্রান্ত ১ম ত্রৈমাসিক প্রতিবেদন আগামী ১৫ অক্টোবর ২০২৩ তারিখের মধ্যে প্রেরণ করতে হবে।');
    expect(d.deadlines[3].text).toMatch(/^একই ভাবে ২য়, ৩য় ও ৪র্থ ত্রৈমাসিক প্রতিবেদনটি/);
  });

  test('[৫.১.১] has its eight dates, across the two rows of the Word table', () => {
    const d = byId('docx', '5.1.1')!;
    expect(isoDates(d)).toEqual(['2023-09-30', '2023-10-03', '2023-12-31', '2024-01-03', '2024-03-31', '2024-04-03', '2024-06-30', '2024-07-03']);
    expect(new Set(d.deadlines.map((x) => x.cell)).size).toBe(2);
  });

  test('[৩.১.১] 09/05/2024 and [৬.১.২] 25/03/2024; [৪.১.১] and [৬.১.১] have none', () => {
    expect(isoDates(byId('docx', '3.1.1'))).toEqual(['2024-05-09']);
    expect(isoDates(byId('docx', '6.1.2'))).toEqual(['2024-03-25']);
    expect(isoDates(byId('docx', '4.1.1'))).toEqual([]);
    expect(isoDates(byId('docx', '6.1.1'))).toEqual([]);
  });

  test.each([
    ['আগামী ১৬-০৩-২০২৪ তারিখের মধ্যে', '2024-03-16'],
    ['আগামী ১৬.০৩.২০২৪ তারিখে', '2024-03-16'],
    ['৬/৪/২৪ এর মধ্যে', '2024-04-06'],
    ['১লা জুলাই ২০২৪ তারিখের মধ্যে', '2024-07-01'],
    ['১৫ই অক্টোবর, ২০২৩ খ্রি. এর মধ্যে', '2023-10-15'],
    ['by March 16, 2024', '2024-03-16'],
    ['by 15 October 2023', '2023-10-15'],
  ])('%s → %s', (text, iso) => {
    expect(datesInText(text).map((d) => (d.day === null ? null : isoOfDay(d.day)))).toEqual([iso]);
  });

  test('Bangla-calendar dates, a Gregorian month with a Bangla year, memo numbers and times are no dates', () => {
    expect(datesInText('তারিখ: ১৯ কার্তিক ১৪৩০ বঙ্গাব্দ')).toEqual([]);
    expect(datesInText('তারিখ: ১৬ আগস্ট ১৪৩০')).toEqual([]);
    expect(datesInText('স্মারক নম্বর: ৮৭.০০.০০০০.০৪৩.১৬.০০৮.২৩.২৩')).toEqual([]);
    expect(datesInText('সকাল ০৯.৩০ ঘটিকা। ০২ (দুই)টি কর্মশালা')).toEqual([]);
  });

  test('a date that does not exist is no deadline, and a problem at its cell', () => {
    const r = readDirectives([table([HEADER, ['১', '[১.১.১] topic', 'আগামী ৩১/০২/২০২৪ তারিখের মধ্যে করতে হবে।']])]);
    expect(r.directives[0].deadlines).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([
      ['directive-impossible-date', 'C2'],
      ['directive-no-deadline', 'C2'],
    ]);
  });
});

describe('§10 cadence: `ত্রৈমাসিক ভিত্তিতে` = quarterly, `অর্ধবার্ষিক ভিত্তিতে` = half-yearly, `বার্ষিক` = yearly', () => {
  test('[৪.১.১] is quarterly and [৬.১.১] half-yearly; [২.১.১] and [৫.১.১] report quarterly; [১.১.১] has none', () => {
    expect(byId('docx', '4.1.1')!.cadence).toBe('quarterly');
    expect(byId('docx', '6.1.1')!.cadence).toBe('half-yearly');
    expect(byId('docx', '2.1.1')!.cadence).toBe('quarterly');
    expect(byId('docx', '5.1.1')!.cadence).toBe('quarterly');
    expect(byId('docx', '1.1.1')!.cadence).toBeNull();
    expect(byId('docx', '6.1.2')!.cadence).toBeNull();
  });

  test.each([
    ['বার্ষিক ভিত্তিতে প্রতিবেদন পাঠাতে হবে', 'yearly'],
    ['বার্ষিক প্রতিবেদন প্রেরণ করতে হবে', 'yearly'],
    ['অর্ধবার্ষিক ভিত্তিতে সভা করতে হবে', 'half-yearly'],
    ['প্রতি ত্রৈমাসিকে প্রতিবেদন', 'quarterly'],
    ['Report quarterly to the division', 'quarterly'],
    ['বার্ষিক কর্মসম্পাদন ব্যবস্থাপনা হালনাগাদ রাখতে হবে', null],
    ['মাসিক সমন্বয় সভা করতে হবে', null],
  ])('%s → %s', (text, cadence) => {
    expect(cadenceOf(text)).toBe(cadence);
  });
});

describe('§10 evidence: the items after `প্রমাণক হিসেবে` (or before `… প্রমাণক হিসেবে … প্রেরণ করতে হবে`), split on `,` `ও` `এবং` `সহ`', () => {
  test.each([
    ['1.1.1', ['প্রসেস ম্যাপ', 'টিসিভি বিশ্লেষণ', 'অফিস আদেশ']],
    ['2.1.1', ['স্ক্রিনশট', 'প্রত্যয়ন', 'লিংক']],
    ['3.1.1', ['অফিস আদেশ', 'স্থির চিত্র', 'বর্ণনা', 'প্রসেস ম্যাপ', 'লিংক', 'টিসিভি বিশ্লেষণ', 'প্রতিবেদন']],
    ['5.1.1', ['স্ক্রিনশট', 'বিষয়ভিত্তিক তারিখ', 'ত্রৈমাসিক প্রতিবেদন']],
    ['6.1.1', ['নোটিশ', 'উপস্থিতি পত্র', 'স্থির চিত্র']],
    ['4.1.1', []],
    ['6.1.2', []],
  ])('[%s] asks for %j', (id, items) => {
    expect(byId('docx', id)!.evidence).toEqual(items);
  });

  test('an English decision: the list after "as evidence"', () => {
    expect(evidenceOf('Send as evidence the notice, attendance sheet and photographs to the division.')).toEqual(['notice', 'attendance sheet', 'photographs']);
  });
});

describe('§10 problems at their cell: a serial out of sequence, a topic without an id, a decision without a date or cadence', () => {
  test("the seed's serial ৮ between ৩ and ৫ is the one problem, at its cell", () => {
    for (const [kind, where] of [
      ['docx', { sheet: 'Table 2', cell: 'A6' }],
      ['xlsx', { sheet: 'সিদ্ধান্ত', cell: `A${row8('xlsx')}` }],
      ['csv', { sheet: 'minutes-2023-24', cell: `A${row8('csv')}` }],
    ] as const) {
      expect(reads[kind].problems.map((p) => ({ code: p.code, sheet: p.sheet, cell: p.cell, indicatorId: p.indicatorId }))).toEqual([
        { code: 'directive-serial-out-of-sequence', ...where, indicatorId: '4.1.1' },
      ]);
      expect(reads[kind].problems[0].message).toEqual({ bn: 'ক্রম ৮ ধারাবাহিক নয়: এখানে ৪ হওয়ার কথা।', en: 'Serial 8 is out of sequence: 4 was expected here.' });
    }
  });

  test('a topic without an id, and a decision with no date and no cadence', () => {
    const r = readDirectives([table([HEADER, ['১', 'সেবা সহজিকরণ', 'আগামী ১৬/০৩/২০২৪ তারিখের মধ্যে করতে হবে।'], ['২', '[২.১.১] topic', 'সেবা চালু রাখতে হবে।']], 3)]);
    expect(r.problems.map((p) => [p.code, p.sheet, p.cell])).toEqual([
      ['directive-no-id', 'Table 3', 'B2'],
      ['directive-no-deadline', 'Table 3', 'C3'],
    ]);
    expect(r.problems[0].message.en).toContain('"সেবা সহজিকরণ"');
  });

  test('a skipped serial is one problem, not one per row after it', () => {
    const rows = ['১', '২', '৪', '৫', '৬'].map((s, i) => [s, `[${i + 1}.1.1] t`, 'ত্রৈমাসিক ভিত্তিতে প্রেরণ করতে হবে।']);
    const r = readDirectives([table([HEADER, ...rows])]);
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([['directive-serial-out-of-sequence', 'A4']]);
  });
});

/** The sheet row of the serial ৮ in the sheet fixtures (found in the file, not assumed). */
function row8(kind: 'xlsx' | 'csv'): number {
  return Number(reads[kind].directives.find((d) => d.serial === '৮')!.cell.slice(1));
}

// ---------------------------------------------------------------------------------------------

async function seed003Indicators(): Promise<DueIndicator[]> {
  const { wb } = specToWorkbook({ sheets: [SEED_003], created: new Date(Date.UTC(2023, 9, 4)) });
  const { grids } = await readWorkbookGrids(await workbookBuffer(wb), '003-skt.xlsx');
  const outcome = readPlan(grids[0]);
  if (outcome.kind !== 'plan') throw new Error('seed 003 holds no plan');
  return scorePlan(outcome.plan).indicators.map(dueIndicator);
}

describe('§10 held against an office’s plan on a day: done, due (days left), overdue, no deadline; the evidence asked for and whether the sheet says it is attached; the plan’s own tier dates beside the minutes’ date', () => {
  let indicators: DueIndicator[];
  beforeAll(async () => {
    indicators = await seed003Indicators();
  });
  const on = (iso: string, list = indicators) => {
    const { items } = holdAgainstMinutes(list, reads.docx.directives, day(iso));
    return new Map(items.map((i) => [i.id, i]));
  };

  test('on 2024-03-20 [১.১.১] is overdue: due 16/03/2024, nothing achieved', () => {
    const i = on('2024-03-20').get('1.1.1')!;
    expect(indicators.find((x) => x.id === '1.1.1')!.empty).toBe(true);
    expect({ status: i.status, deadline: isoOfDay(i.deadline!), daysLeft: i.daysLeft }).toEqual({ status: 'overdue', deadline: '2024-03-16', daysLeft: -4 });
    // The plan's own tier dates, beside the minutes' date.
    expect(i.planDates.map(isoOfDay)).toEqual(['2024-03-16', '2024-03-23', '2024-03-30', '2024-04-06', '2024-04-13']);
    expect(i.evidence).toEqual(['প্রসেস ম্যাপ', 'টিসিভি বিশ্লেষণ', 'অফিস আদেশ']);
  });

  test('on 2024-03-20 [৬.১.২] is due in 5 days', () => {
    const i = on('2024-03-20').get('6.1.2')!;
    expect({ status: i.status, deadline: isoOfDay(i.deadline!), daysLeft: i.daysLeft }).toEqual({ status: 'due', deadline: '2024-03-25', daysLeft: 5 });
  });

  test('[২.১.১] and [৫.১.১] have their evidence attached (their remarks say so); the others do not say', () => {
    const items = on('2024-03-20');
    expect(items.get('2.1.1')!.evidenceAttached).toBe(true);
    expect(items.get('5.1.1')!.evidenceAttached).toBe(true);
    expect(items.get('1.1.1')!.evidenceAttached).toBeNull();
    expect(items.get('6.1.2')!.evidenceAttached).toBeNull();
  });

  test('an indicator with deadlines passed and more to come is overdue, with its next deadline', () => {
    const i = on('2024-03-20').get('2.1.1')!;
    expect({ status: i.status, deadline: isoOfDay(i.deadline!), next: isoOfDay(i.next!) }).toEqual({ status: 'overdue', deadline: '2024-01-15', next: '2024-04-15' });
  });

  test('a cadence without a date is no deadline; an indicator the sheet marks n/a is n/a', () => {
    const items = on('2024-03-20');
    expect([items.get('4.1.1')!.status, items.get('4.1.1')!.cadence]).toEqual(['no-deadline', 'quarterly']);
    expect([items.get('6.1.1')!.status, items.get('6.1.1')!.cadence]).toEqual(['no-deadline', 'half-yearly']);
    // [৫.১.২]'s remark is only প্রযোজ্য নয় (SCORING.md §3): not applicable, whatever the minutes say.
    expect(items.get('5.1.2')!.status).toBe('na');
  });

  test('before the deadline the same indicator is due, on the day with 0 days left', () => {
    expect([on('2024-03-10').get('1.1.1')!.status, on('2024-03-10').get('1.1.1')!.daysLeft]).toEqual(['due', 6]);
    expect([on('2024-03-16').get('1.1.1')!.status, on('2024-03-16').get('1.1.1')!.daysLeft]).toEqual(['due', 0]);
  });

  test('done: a date achieved on or before the deadline, or the top tier reached', () => {
    const base = indicators.find((x) => x.id === '1.1.1')!;
    const dated = { ...base, empty: false, status: 'scored' as const, tier: 'very-good' as const, achievedDay: day('2024-03-14') };
    expect(on('2024-03-20', [dated]).get('1.1.1')!.status).toBe('done');
    const late = { ...dated, achievedDay: day('2024-03-20') };
    expect(on('2024-03-25', [late]).get('1.1.1')!.status).toBe('overdue');
    const top = { ...indicators.find((x) => x.id === '2.1.1')!, status: 'scored' as const, tier: 'excellent' as const };
    expect(on('2024-03-20', [top]).get('2.1.1')!.status).toBe('done');
  });

  test('an indicator the minutes decide on that the plan lacks is a warning', () => {
    const { problems } = holdAgainstMinutes(indicators.filter((i) => i.id !== '3.1.1'), reads.docx.directives, day('2024-03-20'), 'অগ্রগতি');
    expect(problems.map((p) => [p.code, p.indicatorId])).toEqual([['directive-not-in-plan', '3.1.1']]);
  });

});

// ---------------------------------------------------------------------------------------------

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out: Writer = { write: (s: string) => (stdout += s) };
  const err: Writer = { write: (s: string) => (stderr += s) };
  const code = await main(argv, { stdout: out, stderr: err, now: new Date(Date.UTC(2024, 2, 19, 20)) });
  return { code, stdout, stderr };
}

describe('apa directives and apa due', () => {
  let office: string;
  beforeAll(async () => {
    const { wb } = specToWorkbook({ sheets: [SEED_003], created: new Date(Date.UTC(2023, 9, 4)) });
    office = path.join(tmp, '003-skt.xlsx');
    await fs.writeFile(office, await workbookBuffer(wb));
  });

  test('apa directives --json is the documented document', async () => {
    const r = await run(['directives', files.docx, '--json']);
    expect(r.code).toBe(0);
    const doc = directivesJsonSchema.parse(JSON.parse(r.stdout));
    expect(doc.directives[0]).toMatchObject({ id: '1.1.1', cadence: null, deadlines: [{ date: '2024-03-16' }], evidence: ['প্রসেস ম্যাপ', 'টিসিভি বিশ্লেষণ', 'অফিস আদেশ'] });
    expect(doc.problems.map((p) => [p.code, p.file, p.sheet, p.cell])).toEqual([['directive-serial-out-of-sequence', files.docx, 'Table 2', 'A6']]);
  });

  test('apa directives prints a table, in Bengali with --bn', async () => {
    const en = await run(['directives', files.csv]);
    expect(en.stdout).toMatch(/1\.1\.1\s+—\s+16\/03\/2024\s+প্রসেস ম্যাপ, টিসিভি বিশ্লেষণ, অফিস আদেশ/);
    expect(en.stdout).toContain('Serial 8 is out of sequence');
    const bn = await run(['directives', files.csv, '--bn']);
    expect(bn.stdout).toMatch(/১\.১\.১\s+—\s+১৬\/০৩\/২০২৪/);
    expect(bn.stdout).toContain('ত্রৈমাসিক');
  });

  test('apa directives on a file with no decision table: a message naming it, exit 1', async () => {
    const r = await run(['directives', office]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('directive-no-table');
  });

  test('apa due --json on 2024-03-20: what a person reads of seed 003 against seed 004', async () => {
    const r = await run(['due', office, '--directives', files.docx, '--today', '2024-03-20', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = dueJsonSchema.parse(JSON.parse(r.stdout));
    expect(doc.today).toBe('2024-03-20');
    expect(doc.offices.map((o) => [o.office, o.sheet])).toEqual([['শিশু কল্যাণ ট্রাস্ট', 'অগ্রগতি']]);
    const items = new Map(doc.offices[0].items.map((i) => [i.id, i]));
    expect(items.get('1.1.1')).toMatchObject({ deadline: '2024-03-16', daysLeft: -4, status: 'overdue', evidenceAttached: null, planDates: ['2024-03-16', '2024-03-23', '2024-03-30', '2024-04-06', '2024-04-13'] });
    expect(items.get('6.1.2')).toMatchObject({ deadline: '2024-03-25', daysLeft: 5, status: 'due' });
    expect(items.get('2.1.1')!.evidenceAttached).toBe(true);
    expect(items.get('5.1.1')!.evidenceAttached).toBe(true);
    expect(doc.problems.map((p) => p.code)).toEqual(['directive-serial-out-of-sequence']);
  });

  test('apa due without --today takes today in Asia/Dhaka', async () => {
    // The clock says 2024-03-19 20:00 UTC: in Dhaka it is already the 20th.
    const r = await run(['due', office, '--directives', files.xlsx, '--json']);
    expect(dueJsonSchema.parse(JSON.parse(r.stdout)).today).toBe('2024-03-20');
  });

  test('apa due prints per office what is due, in both languages', async () => {
    const en = await run(['due', office, '--directives', files.docx, '--today', '2024-03-20']);
    expect(en.stdout).toMatch(/1\.1\.1\s+overdue by 4 days\s+16\/03\/2024/);
    expect(en.stdout).toMatch(/6\.1\.2\s+due in 5 days\s+25\/03\/2024/);
    const bn = await run(['due', office, '--directives', files.docx, '--today', '2024-03-20', '--bn']);
    expect(bn.stdout).toMatch(/৬\.১\.২\s+৫ দিন বাকি\s+২৫\/০৩\/২০২৪/);
  });

  test('usage: due needs --directives; a bad --today is refused', async () => {
    expect((await run(['due', office])).code).toBe(2);
    const bad = await run(['due', office, '--directives', files.docx, '--today', '2024-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--today');
  });

  test('--ics: one all-day event per deadline on its day, the evidence in its description; a real iCalendar parser reads it; two runs give the same file', async () => {
    const ics = path.join(tmp, 'deadlines.ics');
    const first = await run(['due', office, '--directives', files.docx, '--today', '2024-03-20', '--ics', ics]);
    expect(first.code).toBe(0);
    const text = await fs.readFile(ics, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const expected = reads.docx.directives.flatMap((d) => d.deadlines.map((x) => ({ id: d.id, date: isoOfDay(x.day), evidence: d.evidence })));
    expect(events).toHaveLength(expected.length);
    expect(expected).toHaveLength(1 + 4 + 1 + 8 + 1);
    for (const e of expected) {
      const event = events.find((ev) => ev.summary.startsWith(`[${e.id}]`) && ev.startDate.toString() === e.date);
      expect(event).toBeDefined();
      expect(event!.startDate.isDate).toBe(true);
      expect(event!.endDate.toString()).toBe(isoOfDay(day(e.date) + 1));
      for (const item of e.evidence) expect(event!.description).toContain(item);
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // RFC 5545: CRLF line ends, no line over 75 octets.
    expect(text.split('\r\n').every((l) => !l.includes('\n') && Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    await run(['due', office, '--directives', files.docx, '--today', '2024-03-20', '--ics', ics]);
    expect(await fs.readFile(ics, 'utf8')).toBe(text);
  });

  test('--ics never overwrites a file apa did not write', async () => {
    const mine = path.join(tmp, 'mine.ics');
    await fs.writeFile(mine, 'BEGIN:VCALENDAR\r\nPRODID:-//Someone//EN\r\nEND:VCALENDAR\r\n');
    const r = await run(['due', office, '--directives', files.docx, '--ics', mine]);
    expect(r.code).toBe(2);
    expect(await fs.readFile(mine, 'utf8')).toContain('Someone');
  });
});

describe('the calendar file (RFC 5545)', () => {
  test('long lines fold at 75 octets, never inside a character, and unfold to the line', () => {
    const line = `DESCRIPTION:${'প্রমাণক হিসেবে স্ক্রিনশট এবং হালনাগাদকরণের বিষয়ভিত্তিক তারিখ '.repeat(4)}`;
    const folded = foldLine(line);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  test('text is escaped; the parser gives it back', () => {
    const events = deadlineEvents(
      [{ id: '1.1.1', topic: 'a; b, c\\d', serial: '১', cadence: 'quarterly', deadlines: [{ day: day('2024-03-16'), text: 'line one\nline two', cell: 'C2' }], evidence: ['x, y'], decision: '', place: { kind: 'document', table: 1 }, cell: 'B2' }],
      'en',
    );
    const text = icsCalendar(events, { name: 'Deadlines', stamp: day('2024-03-01') });
    const e = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(e.summary).toBe('[1.1.1] deadline: a; b, c\\d');
    expect(e.description).toBe('[1.1.1] a; b, c\\d\nWhat is due: line one\nline two\nEvidence: x, y\nCadence: quarterly');
    expect(text).toContain('DTSTAMP:20240301T000000Z');
  });
});

describe('the tables of a Word document', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  const run = (t: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;

  test('runs are joined, paragraphs are lines, tabs and breaks kept, deleted text and field codes left out', () => {
    const xml = doc(
      `<w:tbl><w:tr><w:tc><w:p>${run('১৬/০')}${run('৩/২০২৪')}<w:del><w:r><w:delText>old</w:delText></w:r></w:del></w:p><w:p><w:r><w:instrText>PAGE</w:instrText><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
    );
    expect(docxTables(xml)[0].rows[0][0].text).toBe('১৬/০৩/২০২৪\na\tb\nc');
  });

  test('gridSpan, vMerge, gridBefore give every row its grid columns', () => {
    const xml = doc(
      '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>span</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>down</w:t></w:r></w:p></w:tc></w:tr>' +
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
    );
    expect(docxTables(xml)[0].rows).toEqual([
      [{ text: 'span' }, { text: '', merged: 'left' }, { text: 'down' }],
      [{ text: '' }, { text: 'b' }, { text: '', merged: 'up' }],
    ]);
  });

  test('a table inside a cell is a table of its own; a text box is not the cell’s text', () => {
    const inner = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const box = '<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>';
    const xml = doc(`<w:tbl><w:tr><w:tc><w:p>${run('outer')}${box}</w:p>${inner}<w:p/></w:tc></w:tr></w:tbl>`);
    const tables = docxTables(xml);
    expect(tables.map((t) => t.rows[0][0].text)).toEqual(['outer', 'inner']);
    expect(tables.map((t) => t.place)).toEqual([
      { kind: 'document', table: 1 },
      { kind: 'document', table: 2 },
    ]);
  });

  test('XML that is not well-formed is an error, not a wrong table', () => {
    expect(() => docxTables(doc('<w:tbl><w:tr>'))).toThrow(/XML/);
  });
});
