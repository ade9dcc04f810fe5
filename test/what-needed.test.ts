import { dayFromYmd } from '../core/dates';
import { analyseGrid } from '../core/sheet-analysis';
import { whatIsNeeded } from '../core/next';
import type { Grid } from '../core/grid';
import { fiveTierGrid } from './helpers';

/** "What is needed" never misleads (issue 16): the rules of SCORING.md it must hold. */

const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d)!;
const needed = (grid: Grid, today: number) => whatIsNeeded(analyseGrid(grid, { today }), today);
const DATES = ['১৬/০৩/২০২৫', '২৩/০৩/২০২৫', '৩০/০৩/২০২৫', '০৬/০৪/২০২৫', '১৩/০৪/২০২৫'];

describe('§8 Validation: no header found — a sheet with no plan says so, as Check does', () => {
  test('a cover letter: no items, and the reason', () => {
    const grid: Grid = { sheet: 'চিঠি', values: [['স্মারক নং ১২৩'], ['বিষয়: ত্রৈমাসিক প্রতিবেদন প্রেরণ']] };
    const r = needed(grid, day(2025, 3, 10));
    expect(r.noPlan).toBeDefined();
    expect(r.noPlan!.en).toMatch(/performance indicator/i);
    expect(r.items).toEqual([]);
    expect(r.invalid).toEqual([]);
  });
  test('a sheet with a plan has no such reason', () => {
    const r = needed(fiveTierGrid([{ id: '1.1.1', targets: ['৪', '৩', '২', '১', '-'], achievement: '২' }]), day(2025, 3, 10));
    expect(r.noPlan).toBeUndefined();
    expect(r.items.map((i) => i.id)).toEqual(['1.1.1']);
  });
});

describe('§4 Raw score: a date on or before the target — once every tier date has passed, no marks by date', () => {
  const grid = fiveTierGrid([{ id: '1.1.1', unit: 'তারিখ', weight: '৪', targets: DATES }]);
  test('before the last tier date: the next and the top tier with days left, nothing lapsed', () => {
    const r = needed(grid, day(2025, 3, 10));
    expect(r.items[0].lapsed).toBeNull();
    expect(r.items[0].next.daysLeft).toBe(34);
    expect(r.items[0].top.daysLeft).toBe(6);
  });
  test('on the last tier date it can still be reached', () => {
    expect(needed(grid, day(2025, 4, 13)).items[0].lapsed).toBeNull();
  });
  test('after the last tier date (598 days later): it can no longer earn marks by date; the final evaluation gives 0', () => {
    const r = needed(grid, day(2025, 4, 13) + 598);
    expect(r.items[0].lapsed).toEqual({ raw: 0, score: 0, weight: 4, lastDate: day(2025, 4, 13) });
  });
  test('a date achieved between tiers is fixed: the final evaluation gives what it has', () => {
    const g = fiveTierGrid([{ id: '1.1.1', unit: 'তারিখ', weight: '৪', targets: DATES, achievement: '২০/০৩/২০২৫' }]);
    const r = needed(g, day(2025, 3, 25));
    expect(r.items[0].lapsed!.raw).toBeCloseTo(94.2857, 3);
    expect(r.items[0].lapsed!.score).toBeCloseTo(3.7714, 3);
  });
  test('counts and percents never lapse by date', () => {
    const r = needed(fiveTierGrid([{ id: '1.1.1', targets: ['৪', '৩', '২', '১', '-'], achievement: '২' }]), day(2030, 1, 1));
    expect(r.items[0].lapsed).toBeNull();
  });
});

describe('§3 Reading values: progress written in words — in a final evaluation it counts 0', () => {
  test('a sentence in a date indicator after every tier date', () => {
    const g = fiveTierGrid([{ id: '1.1.1', unit: 'তারিখ', weight: '৪', targets: DATES, achievement: 'কার্যক্রম চলমান' }]);
    const r = needed(g, day(2025, 5, 1));
    expect(r.items[0].current).toBe('in-words');
    expect(r.items[0].lapsed).toMatchObject({ raw: 0, score: 0 });
  });
});

describe('§4 Targets must get strictly worse from tier to tier; otherwise the indicator is invalid — listed with what to fix', () => {
  const grid = fiveTierGrid([
    { id: '1.1.1', targets: ['৪', '৩', '৫', '১', '-'], achievement: '২' },
    { id: '1.1.2', targets: ['-', '-', '-', '-', '-'], achievement: '২' },
    { id: '1.1.3', targets: ['৪', '৩', '২', '১', '-'], achievement: '৪' },
    { id: '1.1.4', targets: ['অনেক', '৩', '২', '১', '-'], achievement: '২' },
  ]);
  const r = needed(grid, day(2025, 3, 10));
  test('each invalid indicator at its cell, with validation\'s words', () => {
    expect(r.invalid.map((x) => x.id)).toEqual(['1.1.1', '1.1.2', '1.1.4']);
    const [mono, none, text] = r.invalid;
    expect(mono.cell).toBe('H8');
    expect(mono.fix.en).toMatch(/do not get worse/);
    expect(none.fix.en).toMatch(/target/i);
    expect(text.cell).toBe('F11');
    expect(text.fix.en).toMatch(/not a value that can be scored/);
    expect(text.fix.bn).toBeTruthy();
  });
  test('not folded into the count of those at the top tier', () => {
    expect(r.atTop).toBe(1);
    expect(r.items).toEqual([]);
  });
});

describe('§5 Not applicable — counted apart, never "at the top tier"', () => {
  test('an n/a indicator', () => {
    const r = needed(fiveTierGrid([{ id: '1.1.1', targets: ['৪', '৩', '২', '১', '-'], achievement: 'প্রযোজ্য নয়' }, { id: '1.1.2', targets: ['৪', '৩', '২', '১', '-'], achievement: '৪' }]), day(2025, 3, 10));
    expect(r.na).toBe(1);
    expect(r.atTop).toBe(1);
  });
});
