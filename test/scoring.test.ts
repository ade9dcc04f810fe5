/** SCORING.md, rule by rule: each describe names the rule in the spec's words. */
import { readCell, readText, coerceToUnit, unitFromText } from '../core/values';
import { dayFromYmd, formatDay, excelSerialOfDay } from '../core/dates';
import { scoreIndicator, scorePlan, DEFAULT_SETTINGS, ScoreSettings } from '../core/score';
import { validatePlan } from '../core/validate';
import { highlightSpec, PALETTE, LEGEND_ORDER } from '../core/highlight';
import { whatNext } from '../core/next';
import { planIndicators } from '../core/plan';
import { fiveTierGrid, indicatorOf, planOf } from './helpers';
import { consolidate, officeSummary } from '../core/consolidate';

const raw = (unit: string, targets: (string | number | null)[], achievement: string | number | null, settings: Partial<ScoreSettings> = {}) =>
  scoreIndicator(indicatorOf(unit, targets, achievement), { ...DEFAULT_SETTINGS, ...settings });
const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d)!;

describe('§2 Tiers: tier columns are named and carry a percent', () => {
  test('the percents are read from the sheet\'s percent row', () => {
    const plan = planOf(fiveTierGrid([{ id: '1.1.1', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' }], { percents: ['১০০%', '৯৫%', '৮৫%', '৭৫%', '৬৫%'] }));
    expect(plan.tiers.map((t) => t.percent)).toEqual([100, 95, 85, 75, 65]);
    expect(scorePlan(plan).indicators[0].raw).toBe(95);
  });
  test('the defaults are 100 / 90 / 80 / 70 / 60 when the sheet has no percent row', () => {
    const g = fiveTierGrid([{ id: '1.1.1', targets: ['৪', '৩', '২', '১', '-'], achievement: '১' }]);
    g.values.splice(6, 1); // drop the percent row
    g.merges = g.merges!.map((m) => ({ ...m, bottom: Math.min(m.bottom, 5) }));
    const plan = planOf(g);
    expect(plan.tiers.map((t) => t.percent)).toEqual([100, 90, 80, 70, 60]);
  });
  test('a 3-tier sheet is 100/80/60', () => {
    const g = fiveTierGrid([{ id: '1.1.1', targets: ['৮০%', '৭০%', '৬০%'], achievement: '৭৫%', unit: '%' }], { tiers: 3 });
    g.values.splice(6, 1);
    g.merges = g.merges!.map((m) => ({ ...m, bottom: Math.min(m.bottom, 5) }));
    const plan = planOf(g);
    expect(plan.layout).toBe('three-tier');
    expect(plan.tiers).toEqual([
      { tier: 'excellent', percent: 100 },
      { tier: 'good', percent: 80 },
      { tier: 'fair', percent: 60 },
    ]);
  });
  test('a tier cell holding "-" (or empty) has no target: that tier is skipped', () => {
    const s = raw('সংখ্যা', ['২', '-', '১', null, '-'], '১');
    expect(s.analysis.kind === 'points' && s.analysis.points.map((p) => p.tier)).toEqual(['excellent', 'good']);
    expect(s.raw).toBe(80);
  });
});

describe('§3 Reading values', () => {
  test('Digits: Bengali ০–৯ and ASCII digits, mixed freely, with thousands separators', () => {
    expect(readText('৬.০০2')).toEqual({ kind: 'number', value: 6.002, percent: false });
    expect(readText('১,২০০')).toEqual({ kind: 'number', value: 1200, percent: false });
    expect(readText('১২,৩৪,৫৬৭')).toEqual({ kind: 'number', value: 1234567, percent: false });
    expect(planOf(fiveTierGrid([{ id: '১.2.১', targets: ['4', '৩', '2', '১', '-'], achievement: '3' }])).areas[0].indicators[0].id).toBe('1.2.1');
  });
  test('Percent: ৯০.৫৯%, ৮৫ %, 85, শতাংশ', () => {
    expect(readText('৯০.৫৯%')).toEqual({ kind: 'number', value: 90.59, percent: true });
    expect(readText('৮৫ %')).toEqual({ kind: 'number', value: 85, percent: true });
    expect(readText('85')).toEqual({ kind: 'number', value: 85, percent: false });
    expect(readText('৮৫ শতাংশ')).toEqual({ kind: 'number', value: 85, percent: true });
  });
  test('a number cell with a percent number format holds a fraction (0.9059) and means 90.59', () => {
    expect(readCell(0.9059, '0.00%')).toEqual({ kind: 'number', value: 90.59, percent: true });
    expect(raw('%', [1, 0.9, 0.8, 0.7, 0.6].map((x) => x), null).indicator.targets[0].value).toEqual({ kind: 'number', value: 1, percent: false });
  });
  test('Date: day first, always, in every way offices type it', () => {
    expect(readText('১৬/০৩/২০২২')).toEqual({ kind: 'date', day: day(2022, 3, 16) });
    expect(readText('১৬-০৩-২০২২')).toEqual({ kind: 'date', day: day(2022, 3, 16) });
    expect(readText('১৬.০৩.২০২৫')).toEqual({ kind: 'date', day: day(2025, 3, 16) });
    expect(readText('০৪/০৩/২০২২')).toEqual({ kind: 'date', day: day(2022, 3, 4) }); // not 3 April
  });
  test('two-digit years are 20yy: ৬/০৪/২৫, ৩১/৮/২৪', () => {
    expect(readText('৬/০৪/২৫')).toEqual({ kind: 'date', day: day(2025, 4, 6) });
    expect(readText('৩১/৮/২৪')).toEqual({ kind: 'date', day: day(2024, 8, 31) });
  });
  test('১৬ মার্চ ২০২৫ (Bengali Gregorian month names)', () => {
    expect(readText('১৬ মার্চ ২০২৫')).toEqual({ kind: 'date', day: day(2025, 3, 16) });
    expect(readText('২৬ অক্টোবর ২০২১')).toEqual({ kind: 'date', day: day(2021, 10, 26) });
    expect(readText('১৫ জানুয়ারি ২০২৪')).toEqual({ kind: 'date', day: day(2024, 1, 15) });
  });
  test('a real date cell: an Excel serial number with a date format, or a Date object', () => {
    expect(readCell(excelSerialOfDay(day(2025, 3, 16)), 'dd/mm/yyyy')).toEqual({ kind: 'date', day: day(2025, 3, 16) });
    expect(readCell(new Date(Date.UTC(2025, 2, 16)))).toEqual({ kind: 'date', day: day(2025, 3, 16) });
    // Apps Script hands over midnight in Asia/Dhaka, 18:00 UTC the day before.
    expect(readCell(new Date('2025-03-16T00:00:00+06:00'))).toEqual({ kind: 'date', day: day(2025, 3, 16) });
  });
  test('A Bangla-calendar date (১০ কার্তিক ১৪২৮) is an annotation, never a score input', () => {
    expect(readText('১০ কার্তিক ১৪২৮')).toMatchObject({ kind: 'invalid', reason: 'bangla-calendar' });
    expect(raw('তারিখ', ['১৬/০৩/২৫', '২৩/০৩/২৫', '৩০/০৩/২৫', '৬/০৪/২৫', '১৩/০৪/২৫'], '১০ কার্তিক ১৪২৮').status).toBe('invalid');
  });
  test('Not applicable: প্রযোজ্য নয় (also with a stray space or the zero-width joiner variants), N/A', () => {
    for (const t of ['প্রযোজ্য নয়', 'প্রযোজ্য  নয়', 'প্রযোজ্যনয়', 'প্রযো\u200cজ্য নয়', 'প্রযোজ্য\u200d নয়', 'N/A', 'n/a']) {
      expect(readText(t)).toEqual({ kind: 'na' });
    }
  });
  test('No value: empty, -, --, —', () => {
    for (const t of ['', '  ', '-', '--', '—']) expect(readText(t)).toEqual({ kind: 'empty' });
    expect(readCell(null)).toEqual({ kind: 'empty' });
  });
  test('০ only where the sheet uses it as "nothing yet" in a date column', () => {
    expect(coerceToUnit(readText('০'), 'date')).toEqual({ kind: 'empty' });
    expect(coerceToUnit(readText('০'), 'count')).toEqual({ kind: 'number', value: 0, percent: false });
  });
  test('Anything else (free text in a target cell, an impossible date ৩১০-০৬-২০২০) is not a value: no score and a message at that cell', () => {
    expect(readText('কর্মপরিকল্পনা গ্রহণ করা হয়েছে।')).toMatchObject({ kind: 'invalid', reason: 'free-text' });
    expect(readText('৩১০-০৬-২০২০')).toMatchObject({ kind: 'invalid', reason: 'impossible-date' });
    expect(readText('৩১/০২/২০২৪')).toMatchObject({ kind: 'invalid', reason: 'impossible-date' });
    for (const [targets, achievement, cell, text] of [
      [['৪', '৩', '২', '১', '-'], '৩১০-০৬-২০২০', 'K8', '৩১০-০৬-২০২০'],
      [['কাজ চলমান', '৩', '২', '১', '-'], '৩', 'F8', 'কাজ চলমান'],
    ] as [string[], string, string, string][]) {
      const plan = planOf(fiveTierGrid([{ id: '1.1.1', targets, achievement }]));
      const result = scorePlan(plan);
      expect(result.indicators[0].status).toBe('invalid');
      const p = validatePlan(plan).find((x) => x.code === 'not-a-value')!;
      expect(p.cell).toBe(cell);
      expect(p.message.bn).toContain(text);
      expect(p.message.en).toContain('not a value');
    }
  });
  test('Unit: from the unit column', () => {
    expect(unitFromText('তারিখ')).toBe('date');
    expect(unitFromText('%')).toBe('percent');
    expect(unitFromText('সংখ্যা')).toBe('count');
    expect(unitFromText('সংখ্যা (হাজার)')).toBe('count');
    expect(unitFromText('কোটি টাকা')).toBe('count');
    expect(unitFromText('Date')).toBe('date');
  });
  test('When the unit is missing or contradicts the targets, the targets decide and a warning says so', () => {
    const plan = planOf(
      fiveTierGrid([
        { id: '1.1.1', unit: 'সংখ্যা', targets: ['৩০/০৫/২০২২', '৩০/০৬/২০২২', '-', '-', '-'], achievement: '১৫/০৫/২০২২' },
        { id: '1.1.2', unit: '', targets: ['৮০%', '৭০%', '৬০%', '৫০%', '৪০%'], achievement: '৭০%' },
      ]),
    );
    const [a, b] = planIndicators(plan);
    expect(a.unit).toBe('date');
    expect(b.unit).toBe('percent');
    const codes = validatePlan(plan).map((p) => [p.code, p.cell]);
    expect(codes).toContainEqual(['unit-contradicted', 'D8']);
    expect(codes).toContainEqual(['unit-missing', 'D9']);
    expect(scorePlan(plan).indicators[0].raw).toBe(100);
  });
});

describe('§4 Raw score of one indicator (0–100): the worked examples', () => {
  const dates = ['১৬/০৩/২৫', '২৩/০৩/২৫', '৩০/০৩/২৫', '৬/০৪/২৫', '১৩/০৪/২৫'];
  test.each([
    ['count', ['৪', '৩', '২', '১', '-'], '৩', 90, 90],
    ['count', ['৪', '৩', '২', '১', '-'], '৫', 100, 100],
    ['count', ['৪', '৩', '২', '১', '-'], '1', 70, 70],
    ['count', ['৪', '৩', '২', '১', '-'], '০', 0, 0],
    ['percent', ['১০০%', '৯০%', '৮০%', '৭০%', '৬০%'], '৬১.৫৪%', 61.54, 60],
    ['percent', ['৮০%', '৭০%', '৬০%'], '৭৫%', 90, 80],
    ['percent', ['৮০%', '৭০%', '৬০%'], '৫৯%', 0, 0],
    ['date', dates, '২০/০৩/২০২৫', 94.2857142857, 90],
    ['date', dates, '১৪/০৪/২০২৫', 0, 0],
    ['count', ['২', '-', '১', '-', '-'], '১.৫', 90, 80],
    ['count', ['৪'], '৩', 75, 75],
    ['count', ['৪'], '২', 0, 0],
    ['date', ['১৬-০৩-২০২২'], '১৭-০৩-২০২২', 0, 0],
  ] as [string, string[], string, number, number][])('%s %j achievement %s → %d (floor: %d)', (unit, targets, achievement, expected, floor) => {
    const u = unit === 'count' ? 'সংখ্যা' : unit === 'percent' ? '%' : 'তারিখ';
    expect(raw(u, targets, achievement).raw).toBeCloseTo(expected, 4);
    expect(raw(u, targets, achievement, { mode: 'floor' }).raw).toBeCloseTo(floor, 4);
  });
});

describe('§4 Raw score: direction comes from the points', () => {
  test('if the first target is greater than the last, higher is better', () => {
    expect(raw('সংখ্যা', ['১০', '৮', '৬', '৪', '২'], '৯').raw).toBe(95);
  });
  test('if smaller, lower is better (a count such as classified loans)', () => {
    const s = raw('সংখ্যা', ['২', '৪', '৬', '৮', '১০'], '৩');
    expect(s.analysis.kind === 'points' && s.analysis.higherIsBetter).toBe(false);
    expect(s.raw).toBe(95);
    expect(raw('সংখ্যা', ['২', '৪', '৬', '৮', '১০'], '১').raw).toBe(100);
    expect(raw('সংখ্যা', ['২', '৪', '৬', '৮', '১০'], '১১').raw).toBe(0);
  });
  test('dates are usually earlier-is-better', () => {
    expect(raw('তারিখ', ['১৬/০৩/২৫', '২৩/০৩/২৫', '-', '-', '-'], '১০/০৩/২৫').raw).toBe(100);
  });
  test('with one point or equal end points, dates are earlier-is-better and other units higher-is-better', () => {
    expect(raw('তারিখ', ['১৬/০৩/২৫', '১৬/০৩/২৫', '-', '-', '-'], '১৫/০৩/২৫').raw).toBe(100);
    expect(raw('তারিখ', ['১৬/০৩/২৫', '১৬/০৩/২৫', '-', '-', '-'], '১৭/০৩/২৫').raw).toBe(0);
    expect(raw('সংখ্যা', ['৩', '৩', '-', '-', '-'], '৪').raw).toBe(100);
    expect(raw('সংখ্যা', ['৩', '৩', '-', '-', '-'], '২').raw).toBe(0);
  });
});

describe('§4 Targets must get strictly worse from tier to tier', () => {
  test('otherwise the indicator is invalid: no score, a validation error at the offending cell', () => {
    const plan = planOf(fiveTierGrid([{ id: '4.1.1', unit: 'তারিখ', targets: ['৩১/৮/২৪', '০৮/০৮/২৪', '১৫/০৯/২৪', '২২/০৯/২৪', '২৯/০৯/২৪'], achievement: '০১/০৯/২৪' }]));
    const s = scorePlan(plan).indicators[0];
    expect(s.status).toBe('invalid');
    expect(s.raw).toBeNull();
    const p = validatePlan(plan).find((x) => x.code === 'targets-not-monotonic')!;
    expect(p.severity).toBe('error');
    expect(p.cell).toBe('G8');
  });
  test('equal neighbours are allowed and the better tier wins', () => {
    const s = raw('সংখ্যা', ['৪', '৩', '৩', '১', '-'], '৩');
    expect(s.status).toBe('scored');
    expect(s.raw).toBe(90);
    expect(s.tier).toBe('very-good');
  });
});

describe('§4 rules 1–3: at or better than the best target, between two points, worse than the worst', () => {
  test('1. at or better than the best target: that tier\'s percent, capped at 100', () => {
    expect(raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], '৪').raw).toBe(100);
    expect(raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], '৪০০').raw).toBe(100);
  });
  test('2. between two neighbouring points: interpolate linearly, dates on the day count (setting: floor)', () => {
    const s = raw('তারিখ', ['০১/১২/২৪', '১১/১২/২৪', '-', '-', '-'], '০৬/১২/২৪');
    expect(s.raw).toBe(95);
    expect(raw('তারিখ', ['০১/১২/২৪', '১১/১২/২৪', '-', '-', '-'], '০৬/১২/২৪', { mode: 'floor' }).raw).toBe(90);
  });
  test('3. worse than the worst target: 0', () => {
    expect(raw('%', ['১০০%', '৯০%', '৮০%', '৭০%', '৬০%'], '৫৯.৯৯%').raw).toBe(0);
  });
});

describe('§4 rule 4: one target only', () => {
  test('count/percent: 100 × achievement / target, capped at 100, 0 below 60% of the target', () => {
    expect(raw('সংখ্যা', ['৪'], '৩').raw).toBe(75);
    expect(raw('সংখ্যা', ['৪'], '৮').raw).toBe(100);
    expect(raw('%', ['৮৫%'], '৮৫%').raw).toBe(100);
    expect(raw('সংখ্যা', ['১০'], '৬').raw).toBe(60);
    expect(raw('সংখ্যা', ['১০'], '৫.৯').raw).toBe(0);
  });
  test('every other tier "-" is one target too', () => {
    expect(raw('সংখ্যা', ['-', '-', '৪', '-', '-'], '৩').raw).toBe(75);
  });
  test('date: on or before the target date = 100, after it = 0', () => {
    expect(raw('তারিখ', ['১৩/১০/২০২২'], '১০/১০/২০২২').raw).toBe(100);
    expect(raw('তারিখ', ['১৩/১০/২০২২'], '১৩/১০/২০২২').raw).toBe(100);
    expect(raw('তারিখ', ['১৩/১০/২০২২'], '১৪/১০/২০২২').raw).toBe(0);
  });
});

describe('§4 rule 5: achievement empty is pending — no raw score, not a zero', () => {
  test('pending by default', () => {
    const s = raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], '-');
    expect(s.status).toBe('pending');
    expect(s.raw).toBeNull();
    expect(s.score).toBeNull();
  });
  test('setting: final evaluation turns pending into 0', () => {
    const s = raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], null, { final: true });
    expect(s.raw).toBe(0);
    expect(s.score).toBe(0);
  });
});

describe('§4 rule 6: not applicable in the achievement or a target is n/a', () => {
  test('in the achievement', () => expect(raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], 'প্রযোজ্য নয়').status).toBe('na'));
  test('in a target', () => expect(raw('সংখ্যা', ['প্রযোজ্য নয়', '-', '-', '-', '-'], '৩').status).toBe('na'));
});

describe('§5 Weighted score, totals and not-applicable', () => {
  const rows = [
    { id: '1.1.1', weight: '১০', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' }, // 90 → 9
    { id: '1.1.2', weight: '৫', targets: ['৪', '৩', '২', '১', '-'], achievement: '৪' }, // 100 → 5
    { id: '2.1.1', weight: '৫', targets: ['৪', '৩', '২', '১', '-'], achievement: 'প্রযোজ্য নয়' },
    { id: '2.1.2', weight: '৩০', targets: ['৪', '৩', '২', '১', '-'], achievement: '-' },
  ];
  const plan = planOf(fiveTierGrid(rows));
  test('Indicator score = raw / 100 × indicator weight, full precision', () => {
    const s = scorePlan(plan).indicators;
    expect(s[0].score).toBe(9);
    expect(s[1].score).toBe(5);
    const odd = scoreIndicator(indicatorOf('তারিখ', ['১৬/০৩/২৫', '২৩/০৩/২৫', '৩০/০৩/২৫', '৬/০৪/২৫', '১৩/০৪/২৫'], '২০/০৩/২০২৫', { weight: 10 }));
    expect(odd.score).toBeCloseTo(9.428571428571, 10); // not rounded to 9.43
  });
  test('Area score = sum of its indicator scores; plan score = sum of area scores', () => {
    const r = scorePlan(plan);
    expect(r.areas.map((a) => [a.area.id, a.totals.score])).toEqual([
      ['1', 14],
      ['2', 0],
    ]);
    expect(r.totals.score).toBe(14);
  });
  test('rescale (default) drops the n/a weight: percent = earned / applicable weight × 100, plan score = that percent of the full weight', () => {
    const r = scorePlan(plan);
    expect(r.totals.max).toBe(15); // pending 2.1.2 and n/a 2.1.1 left out
    expect(r.totals.percent).toBeCloseTo((14 / 15) * 100, 10);
    expect(r.totals.planScore).toBeCloseTo((14 / 15) * 50, 10);
    expect(r.totals.na).toBe(1);
  });
  test('full gives the n/a indicator its whole weight; zero gives it 0', () => {
    expect(scorePlan(plan, { na: 'full' }).totals).toMatchObject({ score: 19, max: 20 });
    expect(scorePlan(plan, { na: 'zero' }).totals).toMatchObject({ score: 14, max: 20 });
  });
  test('pending indicators are reported; a "to date" percent uses only scored indicators and says how many are pending', () => {
    const t = scorePlan(plan).totals;
    expect(t.pending).toBe(1);
    expect(t.toDate).toBe(true);
    const f = scorePlan(plan, { final: true }).totals;
    expect(f.toDate).toBe(false);
    expect(f.max).toBe(45);
    expect(f.percent).toBeCloseTo((14 / 45) * 100, 10);
  });
});

describe('§5 Numbers that mean what they say: a weight below zero is an error at its cell; weights whose sum is too large to be a number are an error at the cells that cause it, and every total stays a number', () => {
  const row = (id: string, weight: string | number) => ({ id, weight, targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' }); // 90
  test('a negative weight: the indicator cannot be scored, an error at its weight cell in both languages, and its weight counts nowhere', () => {
    const plan = planOf(fiveTierGrid([row('1.1.1', '-5'), row('1.1.2', '১০')]));
    const r = scorePlan(plan);
    expect(r.indicators[0]).toMatchObject({ status: 'invalid', score: null, invalid: { cause: 'weight-negative' } });
    expect(r.totals).toMatchObject({ weight: 10, max: 10, score: 9, invalid: 1 });
    const p = validatePlan(plan, {}, r).filter((x) => x.code === 'weight-negative');
    expect(p.map((x) => [x.severity, x.cell])).toEqual([['error', r.indicators[0].indicator.weightCell]]);
    expect(p[0].message.en).toContain('-5');
    expect(p[0].message.bn).toContain('শূন্যের কম');
    // Not applicable under `full` gives no negative score; a final evaluation scores it 0 of nothing.
    const na = planOf(fiveTierGrid([{ ...row('1.1.1', '-5'), achievement: 'প্রযোজ্য নয়' }, row('1.1.2', '১০')]));
    expect(scorePlan(na, { na: 'full' }).totals).toMatchObject({ score: 9, max: 10, weight: 10 });
    expect(scorePlan(plan, { final: true }).totals).toMatchObject({ score: 9, max: 10 });
  });
  test('three weights of 1e308: the one whose weight makes the total infinite and the ones after it are an error at their weight cells, left out; every total is finite', () => {
    const plan = planOf(fiveTierGrid([row('1.1.1', 1e308), row('1.1.2', 1e308), row('2.1.1', 1e308), row('2.1.2', 5)]));
    const r = scorePlan(plan);
    expect(r.indicators.map((s) => s.invalid?.cause ?? s.status)).toEqual(['scored', 'sum-not-finite', 'sum-not-finite', 'scored']);
    for (const t of [r.totals, ...r.areas.map((a) => a.totals)]) for (const [k, v] of Object.entries(t)) if (typeof v === 'number') expect([k, Number.isFinite(v)]).toEqual([k, true]);
    expect(r.totals.weight).toBe(1e308 + 5);
    expect(r.totals.percent).toBeCloseTo(90, 9);
    const p = validatePlan(plan, {}, r).filter((x) => x.code === 'sum-not-finite');
    expect(p.map((x) => x.cell)).toEqual([r.indicators[1].indicator.weightCell, r.indicators[2].indicator.weightCell]);
    expect(p.every((x) => x.severity === 'error' && x.message.bn && x.message.en)).toBe(true);
    // No message says the weights add up to Infinity.
    expect(JSON.stringify(validatePlan(plan, {}, r))).not.toMatch(/Infinity/);
  });
  test('a ministry\'s consolidation of offices whose scores are each a number keeps every average a number (1e308 scored by three offices)', () => {
    const plan = planOf(fiveTierGrid([{ ...row('1.1.1', 1.5e308), achievement: '৪' }]));
    const office = () => {
      const r = scorePlan(plan);
      return officeSummary(r, validatePlan(plan, {}, r));
    };
    const c = consolidate([office(), office(), office()]);
    const numbers: number[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'number') numbers.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(c);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
    expect(c.groups[0].indicators[0].averageRaw).toBe(scorePlan(plan).indicators[0].raw);
  });
});

describe('§6 Tiers reached (for highlighting)', () => {
  test('the best tier whose target the achievement meets', () => {
    expect(raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], '৩.৫').tier).toBe('very-good');
    expect(raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], '১').tier).toBe('fair');
  });
  test('below every target: লক্ষ্যমাত্রা অর্জিত হয়নি (not achieved)', () => {
    expect(raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], '০').tier).toBe('not-achieved');
    expect(PALETTE['not-achieved'].label.bn).toBe('লক্ষ্যমাত্রা অর্জিত হয়নি');
  });
  test('one colour each for every tier and for pending, n/a and invalid, with a legend', () => {
    const fills = LEGEND_ORDER.map((k) => PALETTE[k].fill);
    expect(new Set(fills).size).toBe(LEGEND_ORDER.length);
    expect(LEGEND_ORDER).toEqual(expect.arrayContaining(['pending', 'na', 'invalid', 'excellent', 'below-fair', 'not-achieved']));
    const plan = planOf(
      fiveTierGrid([
        { id: '1.1.1', targets: ['৪', '৩', '২', '১', '-'], achievement: '৪' },
        { id: '1.1.2', targets: ['৪', '৩', '২', '১', '-'], achievement: '-' },
        { id: '1.1.3', targets: ['৪', '৩', '২', '১', '-'], achievement: 'N/A' },
      ]),
    );
    expect(highlightSpec(scorePlan(plan)).map((h) => [h.cell, h.key, h.fill])).toEqual([
      ['K8', 'excellent', PALETTE.excellent.fill],
      ['K9', 'pending', PALETTE.pending.fill],
      ['K10', 'na', PALETTE.na.fill],
    ]);
  });
});

describe('§7 Quarters', () => {
  function quarterGrid(headers: string[], values: string[], unit: string, targets: string[]) {
    const g = fiveTierGrid([{ id: '1.1.1', unit, targets, achievement: values[0] }]);
    // widen: replace the single achievement column (K) with the given columns, remarks after.
    for (const row of g.values) if (row.length > 10) row.splice(10, 1, ...new Array(headers.length).fill(null));
    headers.forEach((h, i) => (g.values[4][10 + i] = h));
    values.forEach((v, i) => (g.values[7][10 + i] = v));
    g.merges = g.merges!.filter((m) => m.left < 10).concat(headers.map((_, i) => ({ top: 4, left: 10 + i, bottom: 6, right: 10 + i })));
    return planOf(g);
  }
  const countTargets = ['১২', '১০', '৮', '৬', '৪'];
  test('when a sheet has both a quarter column and a cumulative column, score the cumulative one', () => {
    const plan = quarterGrid(['১ম ত্রৈমাসিক অর্জন', '২য় ত্রৈমাসিক অর্জন', 'ক্রমপুঞ্জিত অর্জন'], ['৩', '৪', '১০'], 'সংখ্যা', countTargets);
    const s = scorePlan(plan).indicators[0];
    expect(s.achievement).toMatchObject({ value: 10 });
    expect(s.raw).toBe(90);
  });
  test('only per-quarter columns: a count sums them', () => {
    const plan = quarterGrid(['১ম ত্রৈমাসিক অর্জন', '২য় ত্রৈমাসিক অর্জন', '৩য় ত্রৈমাসিক অর্জন'], ['৩', '৪', '১'], 'সংখ্যা', countTargets);
    expect(scorePlan(plan).indicators[0].achievement).toMatchObject({ value: 8 });
    expect(plan.quarter).toBe(3);
  });
  test('a percent takes the latest non-empty quarter', () => {
    const plan = quarterGrid(['Q1 achievement', 'Q2 achievement', 'Q3 achievement'], ['৬০%', '৭৫%', '-'], '%', ['৮০%', '৭৫%', '৭০%', '৬৫%', '৬০%']);
    expect(scorePlan(plan).indicators[0].achievement).toMatchObject({ value: 75 });
  });
  test('a date takes the earliest completion date', () => {
    const plan = quarterGrid(['১ম ত্রৈমাসিক অর্জন', '২য় ত্রৈমাসিক অর্জন'], ['২০/০৯/২৪', '০৫/০৯/২৪'], 'তারিখ', ['০১/০৯/২৪', '০৮/০৯/২৪', '১৫/০৯/২৪', '২২/০৯/২৪', '২৯/০৯/২৪']);
    const s = scorePlan(plan).indicators[0];
    expect(s.achievement).toEqual({ kind: 'date', day: day(2024, 9, 5) });
    expect(s.raw).toBeCloseTo(100 - (10 * 4) / 7, 8);
  });
  test('a mid-year score is "to date" and says so', () => {
    const plan = planOf(fiveTierGrid([{ id: '1.1.1', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' }, { id: '1.1.2', targets: ['৪', '৩', '২', '১', '-'], achievement: '' }]));
    expect(scorePlan(plan).totals.toDate).toBe(true);
  });
});

describe('§8 Validation: each message names its sheet and cell, in Bengali and English', () => {
  const codes = (plan: ReturnType<typeof planOf>) => validatePlan(plan, { today: day(2024, 12, 31) }).map((p) => `${p.code}@${p.cell}`);
  test('no header found', () => {
    const out = require('../core/layout').readPlan({ sheet: 'Notes', values: [['শুধু নির্দেশনা'], ['কোনো সারণি নেই']] });
    expect(out.kind).toBe('not-a-plan');
    expect(out.problems[0]).toMatchObject({ code: 'no-header', severity: 'error', sheet: 'Notes' });
    expect(out.problems[0].message.bn).toMatch(/সারণি/);
    expect(out.problems[0].message.en).toMatch(/No table/);
  });
  test('a required column missing', () => {
    const g = fiveTierGrid([{ id: '1.1.1', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' }]);
    for (const row of g.values) if (row.length > 10) row[10] = null; // the achievement header gone
    g.values[4][10] = null;
    const p = validatePlan(planOf(g)).find((x) => x.code === 'missing-column')!;
    expect(p.severity).toBe('error');
    expect(p.message.en).toMatch(/achievement/);
  });
  test('area weights ≠ sum of its indicator weights; total weight not 50 or 100 (warning: say the sum)', () => {
    const g = fiveTierGrid([{ id: '1.1.1', weight: '৩', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' }]);
    g.values[4].splice(1, 0, 'কর্মসম্পাদন ক্ষেত্র', 'মান');
    for (const row of g.values.slice(5, 7)) row.splice(1, 0, null, null);
    g.values[7].splice(1, 0, '[১] ক্ষেত্র', '৫');
    g.merges = g.merges!.map((m) => (m.left >= 1 ? { ...m, left: m.left + 2, right: m.right + 2 } : m));
    const plan = planOf(g);
    const problems = validatePlan(plan);
    const area = problems.find((p) => p.code === 'area-weight-mismatch')!;
    expect(area.cell).toBe('C8');
    expect(area.message.en).toBe("Area 1 has weight 5, but its indicators' weights add up to 3.");
    expect(area.message.bn).toContain('৫');
    const total = problems.find((p) => p.code === 'total-weight')!;
    expect(total.severity).toBe('warning');
    expect(total.message.en).toContain('3');
  });
  test('duplicate or malformed indicator ids', () => {
    const plan = planOf(
      fiveTierGrid([
        { id: '1.1.1', weight: '২৫', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' },
        { id: '1.1.1', weight: '২০', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' },
        { id: '১.৬', weight: '৫', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' },
      ]),
    );
    expect(codes(plan)).toEqual(expect.arrayContaining(['duplicate-id@C9', 'malformed-id@C10']));
  });
  test('a percent achievement above 100 (warning)', () => {
    const plan = planOf(fiveTierGrid([{ id: '1.1.1', unit: '%', weight: '৫০', targets: ['১০০%', '৯০%', '৮০%', '৭০%', '৬০%'], achievement: '১১০%' }]));
    expect(codes(plan)).toContain('percent-over-100@K8');
  });
  test('an achievement date outside the fiscal year or in the future', () => {
    const plan = planOf(
      fiveTierGrid([
        { id: '1.1.1', unit: 'তারিখ', weight: '২৫', targets: ['১৬/০৩/২৫', '২৩/০৩/২৫', '৩০/০৩/২৫', '৬/০৪/২৫', '১৩/০৪/২৫'], achievement: '১০/০৩/২০২৪' },
        { id: '1.1.2', unit: 'তারিখ', weight: '২৫', targets: ['১৬/০৩/২৫', '২৩/০৩/২৫', '৩০/০৩/২৫', '৬/০৪/২৫', '১৩/০৪/২৫'], achievement: '১০/০৩/২০২৫' },
      ]),
    );
    expect(plan.fiscalYear).toBe(2024);
    expect(codes(plan)).toEqual(expect.arrayContaining(['date-outside-fy@K8', 'date-in-future@K9']));
    expect(formatDay(day(2024, 3, 10), 'bn')).toBe('১০/০৩/২০২৪');
  });
  test('a row whose tiers are all "-" and that is not n/a', () => {
    const plan = planOf(fiveTierGrid([{ id: '1.1.1', weight: '৫০', targets: ['-', '-', '-', '-', '-'], achievement: '৩' }]));
    expect(codes(plan)).toContain('no-targets@F8');
    expect(scorePlan(plan).indicators[0].status).toBe('invalid');
  });
});

describe('What next: the achievement that reaches the next tier and the top tier', () => {
  test('a count between tiers needs the next tier\'s target', () => {
    const n = whatNext(raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], '২'))!;
    expect(n.next).toMatchObject({ tier: 'very-good', x: 3 });
    expect(n.top).toMatchObject({ tier: 'excellent', x: 4 });
  });
  test('a pending date indicator needs the worst tier\'s date first', () => {
    const n = whatNext(raw('তারিখ', ['১৬/০৩/২৫', '২৩/০৩/২৫', '৩০/০৩/২৫', '৬/০৪/২৫', '১৩/০৪/২৫'], null))!;
    expect(n.next.x).toBe(day(2025, 4, 13));
    expect(n.top.x).toBe(day(2025, 3, 16));
  });
  test('nothing at the top tier', () => expect(whatNext(raw('সংখ্যা', ['৪', '৩', '২', '১', '-'], '৪'))).toBeNull());
});

describe('§1 The documents: the office, the table wherever it starts, rows that are not indicators', () => {
  const rows = [
    { id: '1.1.1', weight: '২৫', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' },
    { id: '1.1.2', weight: '২৫', targets: ['৪', '৩', '২', '১', '-'], achievement: '২' },
  ];
  test('the office name is on a line like দপ্তর/সংস্থার নামঃ শিশু কল্যাণ ট্রাস্ট।', () => {
    const plan = planOf(fiveTierGrid(rows, { cover: ['গণপ্রজাতন্ত্রী বাংলাদেশ সরকার', 'প্রাথমিক ও গণশিক্ষা মন্ত্রণালয়', '', 'দপ্তর/সংস্থার নামঃ শিশু কল্যাণ ট্রাস্ট।'] }));
    expect([plan.office, plan.officeSource]).toEqual(['শিশু কল্যাণ ট্রাস্ট', 'name-line']);
  });
  test('or it is the most specific (last) line of the letterhead, addresses and branches aside', () => {
    const plan = planOf(fiveTierGrid(rows, { cover: ['গণপ্রজাতন্ত্রী বাংলাদেশ সরকার', 'সংস্কৃতি বিষয়ক মন্ত্রণালয়', 'গণগ্রন্থাগার অধিদপ্তর', 'বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা', 'www.publiclibrary.gov.bd', ''] }));
    expect([plan.office, plan.officeSource]).toEqual(['বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা', 'letterhead']);
    const ministry = planOf(fiveTierGrid(rows, { cover: ['গণপ্রজাতন্ত্রী বাংলাদেশ সরকার', 'জনপ্রশাসন মন্ত্রণালয়', 'সিপিটি অনুবিভাগ', 'সিপি-৩ শাখা', 'www.mopa.gov.bd'] }));
    expect(ministry.office).toBe('জনপ্রশাসন মন্ত্রণালয়');
  });
  test('columns are found by their header words, typed in full, in English or abbreviated', () => {
    const bengali = fiveTierGrid(rows);
    const h = bengali.values.findIndex((r) => r[0] === 'ক্রম');
    const retyped = (words: string[][]) => ({ ...bengali, values: bengali.values.map((r, i) => (i >= h && i < h + 2 ? words[i - h].map((w, c) => (w === '' ? r[c] : w)) : r)) });
    const english = retyped([
      ['Sl. No.', 'Activities', 'Performance Indicators', 'Unit', 'Weight of Performance Indicators', 'Target 2024-25', '', '', '', '', 'Achievement', 'Remarks'],
      ['', '', '', '', '', 'Excellent', 'Very Good', 'Good', 'Fair', 'Poor', '', ''],
    ]);
    const abbreviated = retyped([
      ['ক্র.নং', 'কার্য.', 'কর্ম. সূচক', 'একক', 'সূচকের মান', 'লক্ষ্য', '', '', '', '', 'অর্জন', 'মন্ত.'],
      ['', '', '', '', '', 'অসা.', 'অ. উত্তম', 'উত্তম', 'চ. মান', 'চ. মানের নিম্নে', '', ''],
    ]);
    const summary = (g: typeof bengali) => scorePlan(planOf(g)).indicators.map((s) => [s.indicator.id, s.indicator.weight, s.raw, s.tier]);
    expect(summary(bengali)).toEqual([
      ['1.1.1', 25, 90, 'very-good'],
      ['1.1.2', 25, 80, 'good'],
    ]);
    expect(summary(english)).toEqual(summary(bengali));
    expect(summary(abbreviated)).toEqual(summary(bengali));
  });
  test('when the sheet does not say, the file or tab name identifies the office (with a note)', () => {
    const g = { ...fiveTierGrid(rows, { cover: ['অগ্রগতি প্রতিবেদন'] }), file: 'in/উপজেলা-২৩.xlsx', sheet: 'Q2' };
    const plan = planOf(g);
    expect([plan.office, plan.officeSource]).toEqual(['উপজেলা-২৩', 'file']);
    expect(plan.problems.map((p) => p.code)).toContain('office-name-missing');
    expect(planOf({ ...g, file: undefined }).office).toBe('Q2');
  });
  test('the table is found wherever it starts, whatever its columns\' letters', () => {
    const g = fiveTierGrid(rows);
    const shifted = { ...g, values: [...Array.from({ length: 30 }, () => [] as null[]), ...g.values.map((r) => [null, null, null, ...r])], merges: g.merges!.map((m) => ({ top: m.top + 30, bottom: m.bottom + 30, left: m.left + 3, right: m.right + 3 })) };
    const a = scorePlan(planOf(g));
    const b = scorePlan(planOf(shifted));
    expect(b.indicators.map((s) => s.raw)).toEqual(a.indicators.map((s) => s.raw));
    expect(b.indicators[0].indicator.cell).toBe('F38');
    expect(b.indicators[0].indicator.row).toBe(38);
  });
  test('a row of column numbers, the header repeated after a page break, page numbers and subtotal rows are not indicators', () => {
    const g = fiveTierGrid(rows);
    const header = g.values.slice(4, 7);
    const numbers = ['১', '২', '৩', '৪', '৫', '৬', '৭', '৮', '৯', '১০', '১১', '১২'];
    g.values.splice(7, 0, numbers); // column numbers under the header
    g.values.splice(9, 0, ['উপমোট', null, null, null, '২৫'], [null, null, null, null, null, '৯'], ...header.map((r) => [...r]), numbers);
    const plan = planOf(g);
    expect(planIndicators(plan).map((i) => [i.id, i.row])).toEqual([
      ['1.1.1', 9],
      ['1.1.2', 16],
    ]);
  });
  test('a note typed beside the tier names does not end the header (the tiers are still read)', () => {
    const g = fiveTierGrid(rows);
    const tierRow = g.values.findIndex((r) => r[5] === 'অসাধারণ');
    g.values[tierRow] = [...g.values[tierRow]];
    g.values[tierRow][12] = 'সংশোধিত';
    const plan = planOf(g);
    expect(plan.layout).toBe('five-tier');
    expect(scorePlan(plan).indicators.map((s) => [s.indicator.id, s.raw, s.tier])).toEqual([
      ['1.1.1', 90, 'very-good'],
      ['1.1.2', 80, 'good'],
    ]);
  });
  test('a progress line merged across the table just under the header is a caption, not a header', () => {
    for (const caption of ['২য় ত্রৈমাসিক অগ্রগতি', 'অর্জন', 'লক্ষ্যমাত্রা ও অর্জন']) {
      const g = fiveTierGrid(rows);
      g.values.splice(7, 0, [caption]);
      g.merges!.push({ top: 7, left: 0, bottom: 7, right: 11 });
      const plan = planOf(g);
      expect([caption, plan.layout]).toEqual([caption, 'five-tier']);
      expect(scorePlan(plan).indicators.map((s) => [s.indicator.id, s.raw])).toEqual([
        ['1.1.1', 90],
        ['1.1.2', 80],
      ]);
    }
  });
  test('a section caption spanning the table is not an indicator', () => {
    const g = fiveTierGrid(rows);
    g.values.splice(7, 0, ['সুশাসন ও সংস্কারমূলক কর্মসম্পাদনের ক্ষেত্র']);
    g.merges!.push({ top: 7, left: 0, bottom: 7, right: 11 });
    expect(planIndicators(planOf(g)).map((i) => i.id)).toEqual(['1.1.1', '1.1.2']);
  });
});
