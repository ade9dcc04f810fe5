/** Each seed layout, read from its .xlsx fixture, yields exactly the seed's indicators with the
 * right weights, targets and achievements, and the problems the seed really has. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildSamples } from './fixtures/build-fixtures';
import { readWorkbookGrids } from '../cli/xlsx-grid';
import { readPlan } from '../core/layout';
import { Plan, planIndicators } from '../core/plan';
import { scorePlan, PlanScore } from '../core/score';
import { validatePlan } from '../core/validate';
import { dayFromYmd } from '../core/dates';
import { Value } from '../core/values';

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-seeds-'));
  await buildSamples(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function planFrom(file: string): Promise<{ plan: Plan; result: PlanScore; problems: ReturnType<typeof validatePlan> }> {
  const { grids } = await readWorkbookGrids(path.join(dir, file), file);
  const plans = grids.map((g) => readPlan(g)).filter((o) => o.kind === 'plan');
  expect(plans).toHaveLength(1);
  const plan = (plans[0] as { plan: Plan }).plan;
  const result = scorePlan(plan);
  return { plan, result, problems: validatePlan(plan, {}, result) };
}

const d = (text: string): Value => {
  const [dd, mm, yy] = text.split('/').map(Number);
  return { kind: 'date', day: dayFromYmd(yy < 100 ? 2000 + yy : yy, mm, dd)! };
};
const n = (value: number, percent = false): Value => ({ kind: 'number', value, percent });
const E: Value = { kind: 'empty' };

function targetsOf(plan: Plan) {
  return planIndicators(plan).map((i) => [i.id, i.unit, i.weight, i.targets.map((t) => t.value)]);
}
const codes = (problems: { code: string; cell: string }[]) => problems.map((p) => `${p.code}@${p.cell}`);

describe('000 — 3-tier (জনপ্রশাসন মন্ত্রণালয়, 2021-22, 1st quarter)', () => {
  let s: Awaited<ReturnType<typeof planFrom>>;
  beforeAll(async () => (s = await planFrom('000-mopa-egov-2021-22-q1.xlsx')));
  test('the plan: office from the letterhead, year, quarter, layout', () => {
    expect(s.plan).toMatchObject({ office: 'জনপ্রশাসন মন্ত্রণালয়', officeSource: 'letterhead', kind: 'e-governance', fiscalYear: 2021, quarter: 1, layout: 'three-tier' });
    expect(s.plan.tiers.map((t) => t.percent)).toEqual([100, 80, 60]);
  });
  test('exactly the seed\'s indicators, weights and targets, across the page break', () => {
    expect(targetsOf(s.plan)).toEqual([
      ['1.1.1', 'date', 5, [d('16/03/2022'), d('14/04/2022'), d('05/05/2022')]],
      ['1.2.1', 'date', 5, [d('25/02/2022'), d('04/03/2022'), d('25/03/2022')]],
      ['1.3.1', 'date', 5, [d('30/12/2021'), d('13/01/2022'), d('20/01/2022')]],
      ['1.4.1', 'date', 4, [d('30/08/2021'), d('15/09/2021'), d('30/09/2021')]],
      ['1.5.1', 'percent', 6, [n(80, true), n(70, true), n(60, true)]],
      ['1.6', 'count', 4, [n(4), n(3), n(2)]],
      ['2.1.1', 'count', 4, [n(4), n(3), n(2)]],
      ['2.1.2', 'count', 2, [n(4), n(3), n(2)]],
      ['2.2.1', 'count', 3, [n(4), n(3), n(2)]],
      ['2.2.2', 'percent', 3, [n(80, true), n(70, true), n(60, true)]],
      ['2.2.3', 'count', 3, [n(4), n(3), n(2)]],
      ['2.2.4', 'date', 3, [d('13/01/2022'), d('20/01/2022'), d('27/01/2022')]],
      ['2.2.5', 'date', 3, [d('30/05/2022'), d('30/06/2022'), E]],
    ]);
    expect(s.plan.areas.map((a) => [a.id, a.weight])).toEqual([
      ['1', 29],
      ['2', 21],
    ]);
    const name = planIndicators(s.plan).find((i) => i.id === '2.2.3')!.name;
    expect(name).toBe('কর্মপরিকল্পনা বাস্তবায়ন অগ্রগতি পর্যালোচনা সংক্রান্ত সভা আয়োজিত');
  });
  test('progress written in words: the sentence with a date and the percent score 100; every other sentence is pending, reported in words (docs/rules.md §3)', () => {
    const st = s.result.indicators.map((x) => [x.indicator.id, x.status, x.raw]);
    expect(st.filter(([, status]) => status === 'scored')).toEqual([
      ['1.4.1', 'scored', 100],
      ['1.5.1', 'scored', 100],
    ]);
    expect(st.filter(([, status]) => status === 'in-words').map(([id]) => id)).toEqual(['1.1.1', '1.2.1', '1.3.1', '1.6', '2.1.1', '2.1.2', '2.2.1', '2.2.2', '2.2.3', '2.2.4', '2.2.5']);
    const date = s.result.indicators.find((x) => x.indicator.id === '1.4.1')!;
    expect(date.achievement).toEqual(d('29/08/2021'));
    // The plan shows 10 of its 50 marks so far; the percent of what was assessed is 100.
    expect(s.result.totals).toMatchObject({ score: 10, max: 10, weight: 50, applicable: 50, earnedPercent: 20, inWords: 11, pending: 0, invalid: 0 });
  });
  test('the problems the seed really has — the count indicator with date targets, malformed ids — and no error', () => {
    const c = codes(s.problems);
    expect(s.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(c).toEqual(expect.arrayContaining(['unit-contradicted@F86', 'malformed-id@E71', 'malformed-id@B72', 'value-in-sentence@K69', 'reported-in-words@K66']));
    expect(c.filter((x) => x.startsWith('reported-in-words'))).toHaveLength(11);
    expect(s.problems.find((p) => p.cell === 'K66' && p.code === 'reported-in-words')!.message.bn).toContain('কর্মপরিকল্পনা গ্রহণ করা হয়েছে।');
    expect(c.some((x) => x.startsWith('area-weight-mismatch') || x.startsWith('total-weight'))).toBe(false);
  });
});

describe('001 — single annual target (LGED, 2022-23, 3rd quarter)', () => {
  let s: Awaited<ReturnType<typeof planFrom>>;
  beforeAll(async () => (s = await planFrom('001-lged-egov-2022-23-q3.xlsx')));
  test('the plan: no letterhead, so the file names the office', () => {
    expect(s.plan).toMatchObject({ office: '001-lged-egov-2022-23-q3', officeSource: 'file', kind: 'e-governance', fiscalYear: 2022, quarter: 3, layout: 'single-target' });
  });
  test('exactly the seed\'s indicators, with their single targets and achievements', () => {
    const rows = s.result.indicators.map((x) => [x.indicator.id, x.indicator.unit, x.indicator.weight, x.indicator.targets[0].value, x.achievement, x.status, x.raw]);
    expect(rows).toEqual([
      ['1.1.1', 'date', 10, d('04/05/2023'), E, 'pending', null],
      ['1.2.1', 'date', 2, d('13/10/2022'), d('10/10/2022'), 'scored', 100],
      ['1.2.2', 'date', 7, d('04/05/2023'), d('26/01/2023'), 'scored', 100],
      ['1.3', 'percent', 4, n(85, true), n(85, true), 'scored', 100],
      ['1.4.1', 'date', 4, d('31/10/2022'), d('27/10/2022'), 'scored', 100],
      ['2.1.1', 'count', 6, n(4), n(3), 'scored', 75],
      ['2.2.1', 'count', 3, n(4), n(2), 'scored', 0],
      ['2.2.2', 'percent', 3, n(80, true), E, 'pending', null],
      ['2.2.3', 'date', 3, d('15/01/2023'), d('09/01/2023'), 'scored', 100],
      ['2.2.4', 'date', 2, d('31/01/2023'), d('26/01/2023'), 'scored', 100],
      ['2.2.5', 'date', 3, d('31/05/2023'), d('13/12/2022'), 'scored', 100],
    ]);
    expect(s.plan.areas.map((a) => [a.id, a.name, a.weight])).toEqual([
      ['1', 'ই- গভর্ন্যান্স ও উদ্ভাবন সংক্রান্ত কার্যক্রমের বাস্তবায়ন জোরদারকরণ', 30],
      ['2', 'প্রাতিষ্ঠানিক দক্ষতা বৃদ্ধি', 20],
    ]);
    expect(s.result.totals).toMatchObject({ score: 29.5, max: 34, pending: 2, toDate: true });
  });
  test('the problems the seed really has: a lost indicator cell, two ids in one cell, area 1 short of its weight', () => {
    expect(codes(s.problems)).toEqual(expect.arrayContaining(['area-weight-mismatch@C47', 'indicator-missing@E50', 'two-ids-in-cell@E51', 'total-weight@', 'office-name-missing@']));
    expect(s.problems.find((p) => p.code === 'area-weight-mismatch')!.message.en).toContain('add up to 27');
  });
});

describe('002 — 5-tier (বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা, 2024-25, 2nd quarter)', () => {
  let s: Awaited<ReturnType<typeof planFrom>>;
  beforeAll(async () => (s = await planFrom('002-khulna-library.xlsx')));
  test('the plan', () => {
    expect(s.plan).toMatchObject({ office: 'বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা', kind: 'e-governance', fiscalYear: 2024, quarter: 2, layout: 'five-tier' });
  });
  test('exactly the seed\'s indicators with weights and targets', () => {
    expect(targetsOf(s.plan)).toEqual([
      ['1.1.1', 'date', 10, [d('16/03/25'), d('23/03/25'), d('30/03/25'), d('6/04/25'), d('13/04/25')]],
      ['2.1.1', 'count', 2, [n(4), n(3), n(2), n(1), E]],
      ['3.1.1', 'date', 7, [d('08/05/25'), d('15/05/25'), d('22/05/25'), d('29/05/25'), d('05/06/25')]],
      ['4.1.1', 'date', 2, [d('31/8/24'), d('08/08/24'), d('15/09/24'), d('22/09/24'), d('29/09/24')]],
      ['4.1.2', 'percent', 7, [n(100, true), n(90, true), n(80, true), n(70, true), n(60, true)]],
      ['5.1.1', 'count', 6, [n(4), n(3), n(2), n(1), n(0)]],
      ['5.1.2', 'count', 3, [n(4), n(3), n(2), n(1), n(0)]],
      ['6.1.1', 'count', 4, [n(4), n(3), n(2), n(1), E]],
      ['7.1.1', 'date', 5, [d('01/12/24'), d('15/12/24'), d('29/12/24'), d('05/01/25'), d('12/01/25')]],
      ['8.1.1', 'count', 4, [n(2), n(1), E, E, E]],
    ]);
  });
  test('achievements and raw scores: ০ in a date column is "nothing yet"', () => {
    expect(s.result.indicators.map((x) => [x.indicator.id, x.status, x.raw, x.tier])).toEqual([
      ['1.1.1', 'pending', null, null],
      ['2.1.1', 'scored', 70, 'fair'],
      ['3.1.1', 'pending', null, null],
      ['4.1.1', 'invalid', null, null],
      ['4.1.2', 'scored', 61.54, 'below-fair'],
      ['5.1.1', 'scored', 70, 'fair'],
      ['5.1.2', 'scored', 70, 'fair'],
      ['6.1.1', 'scored', 70, 'fair'],
      ['7.1.1', 'scored', 100, 'excellent'],
      ['8.1.1', 'pending', null, null],
    ]);
    expect(s.result.totals.score).toBeCloseTo(2 * 0.7 + 7 * 0.6154 + 6 * 0.7 + 3 * 0.7 + 4 * 0.7 + 5, 10);
    expect(s.result.totals.max).toBe(27);
  });
  test('the problem the seed really has: non-monotonic date targets in [৪.১.১]', () => {
    expect(codes(s.problems)).toEqual(['targets-not-monotonic@G17']);
  });
});

describe('003 — target/achievement row pairs (শিশু কল্যাণ ট্রাস্ট, 2023-24, 1st quarter)', () => {
  let s: Awaited<ReturnType<typeof planFrom>>;
  beforeAll(async () => (s = await planFrom('003-skt.xlsx')));
  test('the plan: office from its name line', () => {
    expect(s.plan).toMatchObject({ office: 'শিশু কল্যাণ ট্রাস্ট', officeSource: 'name-line', kind: 'e-governance', fiscalYear: 2023, quarter: 1, layout: 'row-pairs' });
  });
  test('exactly the seed\'s indicators; each pair\'s first row is the indicator\'s row', () => {
    expect(targetsOf(s.plan)).toEqual([
      ['1.1.1', 'date', 10, [d('16/03/24'), d('23/03/24'), d('30/03/24'), d('06/04/24'), d('13/04/24')]],
      ['2.1.1', 'count', 5, [n(4), n(3), n(2), n(1), E]],
      ['3.1.1', 'date', 8, [d('09/05/24'), d('16/05/24'), d('23/05/24'), d('30/05/24'), d('08/06/24')]],
      ['4.1.1', 'percent', 8, [n(80, true), n(75, true), n(70, true), n(65, true), n(60, true)]],
      ['5.1.1', 'count', 7, [n(4), n(3), n(2), n(1), E]],
      ['5.1.2', 'count', 3, [n(4), n(3), n(2), n(1), E]],
      ['6.1.1', 'count', 5, [n(2), E, n(1), E, E]],
      ['6.1.2', 'date', 4, [d('25/03/24'), d('08/04/24'), d('15/04/24'), d('22/04/24'), d('29/04/24')]],
    ]);
    const rows = planIndicators(s.plan).map((i) => i.row);
    expect(rows.every((r, i) => i === 0 || r === rows[i - 1] + 2)).toBe(true);
  });
  test('the problems the seed really has: a date typed into a count achievement', () => {
    const c = codes(s.problems);
    const dateInCount = s.problems.find((p) => p.code === 'not-a-value')!;
    expect(dateInCount.message.en).toContain('a date in a count or percent indicator');
    expect(dateInCount.indicatorId).toBe('2.1.1');
    expect(c.filter((x) => x.startsWith('not-a-value'))).toHaveLength(1);
  });
  test('a remark that is only প্রযোজ্য নয় makes [৫.১.২] n/a, with a note at the remark', () => {
    const na = s.result.indicators.find((x) => x.indicator.id === '5.1.2')!;
    expect(na.status).toBe('na');
    expect(s.problems.find((p) => p.code === 'na-from-remark')).toMatchObject({ indicatorId: '5.1.2', cell: 'L71', severity: 'info' });
    expect(s.result.totals).toMatchObject({ scored: 0, pending: 6, na: 1, invalid: 1, percent: null, applicable: 47 });
  });
  test('evidence attached: [২.১.১] and [৫.১.১] say so (and [৪.১.১] too); the others do not say', () => {
    expect(planIndicators(s.plan).map((i) => [i.id, i.evidence])).toEqual([
      ['1.1.1', 'not-said'],
      ['2.1.1', 'yes'],
      ['3.1.1', 'not-said'],
      ['4.1.1', 'yes'],
      ['5.1.1', 'yes'],
      ['5.1.2', 'not-said'],
      ['6.1.1', 'not-said'],
      ['6.1.2', 'not-said'],
    ]);
    expect(planIndicators(s.plan).find((i) => i.id === '2.1.1')!.evidenceCell).toBe('L63');
  });
});

describe('the same data typed the other ways offices type it gives the same result', () => {
  const summary = (r: PlanScore) => r.indicators.map((x) => [x.indicator.id, x.indicator.unit, x.indicator.weight, x.status, x.raw]);
  test('002 with real date cells, percent-formatted numbers and ASCII digits', async () => {
    const a = await planFrom('002-khulna-library.xlsx');
    const b = await planFrom('002-khulna-library-typed.xlsx');
    expect(summary(b.result)).toEqual(summary(a.result));
    expect(codes(b.problems)).toEqual(codes(a.problems));
  });
  test('003 with English headers, ASCII digits', async () => {
    const a = await planFrom('003-skt.xlsx');
    const b = await planFrom('003-skt-english.xlsx');
    expect(summary(b.result)).toEqual(summary(a.result));
    expect(b.plan.layout).toBe('row-pairs');
  });
  test('a main-APA sheet: past years\' actuals are not the achievement; the cumulative column is', async () => {
    const s = await planFrom('apa-main-with-history.xlsx');
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'apa-main-with-history.expected.json'), 'utf8'));
    expect(s.plan.office).toBe(expected.office);
    const got = planIndicators(s.plan).map((i) => [i.id, i.weight, i.row]);
    expect(got).toEqual(expected.indicators.map((i: { id: string; weight: number; row: number }) => [i.id, i.weight, i.row]));
    for (const x of s.result.indicators) {
      const want = expected.indicators.find((i: { id: string }) => i.id === x.indicator.id);
      expect(x.indicator.unit).toBe(want.unitKind);
      const cumulative = x.indicator.achievements.find((a) => a.cumulative)!;
      expect(x.achievementCells).toEqual([cumulative.cell]);
    }
    expect(s.plan.areas.map((a) => a.weight)).toEqual(expected.areas.map((a: { weight: number }) => a.weight));
  });
});
