/**
 * Issue 16's deadlines sheet of a consolidation (SCORING.md §10): offices × indicators against
 * the ministry's minutes on a day, each cell done / due in N days / overdue / evidence missing in
 * its colour, under a legend, in the report's language. Over seed 003 and seed 004's minutes.
 */
import * as path from 'path';
import { minutesTables } from '../cli/minutes';
import { readWorkbookGrids } from '../cli/xlsx-grid';
import { dayFromYmd } from '../core/dates';
import { DEADLINE_STATES, OfficeDeadlines, deadlineState, deadlinesSheet, deadlineText } from '../core/deadlines-sheet';
import { readDirectives } from '../core/directives';
import { DueItem, dueIndicator, holdAgainstMinutes } from '../core/due';
import { readPlan } from '../core/layout';
import { columnOf } from '../core/report';
import { scorePlan } from '../core/score';

const SAMPLES = path.join(__dirname, '..', 'samples');

async function officesOn(iso: string): Promise<OfficeDeadlines[]> {
  const { directives } = readDirectives(await minutesTables(path.join(SAMPLES, 'minutes', 'minutes-2023-24.docx')));
  const [y, m, d] = iso.split('-').map(Number);
  const out: OfficeDeadlines[] = [];
  for (const file of ['003-skt.xlsx', '003-skt-english.xlsx']) {
    const { grids } = await readWorkbookGrids(path.join(SAMPLES, file), file);
    for (const g of grids) {
      const r = readPlan(g);
      if (r.kind !== 'plan') continue;
      const { items } = holdAgainstMinutes(scorePlan(r.plan).indicators.map(dueIndicator), directives, dayFromYmd(y, m, d)!, r.plan.sheet);
      out.push({ office: r.plan.office, file, sheet: r.plan.sheet, items });
    }
  }
  return out;
}

describe('the deadlines sheet: offices × indicators on a day', () => {
  let offices: OfficeDeadlines[];
  beforeAll(async () => {
    offices = await officesOn('2024-03-20');
  });
  const cellOf = (sheet: ReturnType<typeof deadlinesSheet>, office: OfficeDeadlines, id: string) => {
    const header = sheet.rows.findIndex((r) => r[0]?.v === 'Office');
    const row = sheet.rows.findIndex((r, i) => i > header && r[0]?.v === office.office);
    return sheet.rows[row][columnOf(sheet, `deadline:${id}`)];
  };

  test('one row per office, one column per indicator, sorted by id; the legend above; frozen office column', () => {
    const sheet = deadlinesSheet(offices, '2024-03-20', 'en');
    expect(sheet.name).toBe('APA Deadlines');
    const ids = sheet.keys!.filter((k) => k.startsWith('deadline:')).map((k) => k.slice('deadline:'.length));
    expect(ids[0]).toBe('1.1.1');
    expect(ids).toContain('6.1.2');
    expect(sheet.freeze).toEqual({ rows: 3, columns: 1 });
    const legend = sheet.rows[1];
    expect(legend.slice(1).map((c) => c.fill ?? null)).toEqual(DEADLINE_STATES.map((x) => x.fill));
    expect(sheet.rows.slice(3).map((r) => r[0].v)).toEqual([...offices].map((o) => o.office).sort((a, b) => a.localeCompare(b)));
  });

  test('on 2024-03-20 seed 003: [1.1.1] overdue by 4 days (red), [6.1.2] due in 5 days (amber)', () => {
    const sheet = deadlinesSheet(offices, '2024-03-20', 'en');
    const skt = offices[0];
    const overdue = cellOf(sheet, skt, '1.1.1');
    expect(overdue.v).toBe('overdue by 4 days');
    expect(overdue.fill).toBe(DEADLINE_STATES.find((x) => x.state === 'overdue')!.fill);
    const due = cellOf(sheet, skt, '6.1.2');
    expect(due.v).toBe('due in 5 days');
    expect(due.fill).toBe(DEADLINE_STATES.find((x) => x.state === 'due')!.fill);
    const bn = deadlinesSheet(offices, '2024-03-20', 'bn');
    expect(bn.name).toBe('APA সময়সীমা');
    expect(cellOf(bn, skt, '6.1.2').v).toBe('৫ দিন বাকি');
    expect(String(bn.rows[0][0].v)).toContain('২০২৪-০৩-২০');
  });

  test('done without the evidence the minutes ask for is "evidence missing", not done', () => {
    const item: DueItem = { id: '9.9.9', name: 'x', deadline: 100, daysLeft: 3, status: 'done', text: null, next: null, cadence: null, evidence: ['অফিস আদেশ'], evidenceAttached: null, planDates: [] };
    expect(deadlineState(item)).toBe('evidence-missing');
    expect(deadlineState({ ...item, evidenceAttached: true })).toBe('done');
    expect(deadlineState({ ...item, evidence: [] })).toBe('done');
    expect(deadlineText({ ...item, status: 'overdue', daysLeft: -4 }, 'bn')).toBe('৪ দিন পেরিয়ে গেছে');
  });
});
