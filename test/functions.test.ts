/** The function registry the hosts wrap: whole ranges in, one result per row out. */
import { FUNCTIONS, functionByName, FnValue } from '../core/functions';
import { dayFromYmd, excelSerialOfDay } from '../core/dates';

const fn = (name: string) => functionByName(name)!.impl;
const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d)!;
const TARGETS_5 = [
  ['৪', '৩', '২', '১', '-'],
  ['১০০%', '৯০%', '৮০%', '৭০%', '৬০%'],
  ['১৬/০৩/২৫', '২৩/০৩/২৫', '৩০/০৩/২৫', '৬/০৪/২৫', '১৩/০৪/২৫'],
];
const ACH = [['৩'], ['৬১.৫৪%'], ['২০/০৩/২০২৫']];

describe('the registry', () => {
  test('describes RAW, SCORE, TIER, NEXT, TOTAL and VALUE with Bengali and English help', () => {
    expect(FUNCTIONS.map((f) => f.name)).toEqual(['RAW', 'SCORE', 'TIER', 'NEXT', 'TOTAL', 'VALUE']);
    for (const f of FUNCTIONS) {
      expect(f.description.bn).toMatch(/[\u0980-\u09ff]/);
      expect(f.description.en).toMatch(/[a-z]/);
      for (const p of f.params) expect(p.description.bn && p.description.en).toBeTruthy();
    }
  });
});

describe('RAW and SCORE take whole columns as sheets hold them', () => {
  test('Bengali text cells, 5-tier targets, the unit inferred from the targets', () => {
    const raw = fn('RAW')(ACH, TARGETS_5) as FnValue[][];
    expect(raw[0][0]).toBe(90);
    expect(raw[1][0]).toBeCloseTo(61.54, 10);
    expect(raw[2][0]).toBeCloseTo(94.2857142857, 8);
    const score = fn('SCORE')(ACH, TARGETS_5, [['১০'], ['৭'], ['১০']]) as FnValue[][];
    expect(score.map((r) => Number(r[0]))).toEqual([9, expect.closeTo(4.3078, 8), expect.closeTo(9.428571, 5)]);
  });
  test('Excel\'s way: numbers, date serials, percent-formatted fractions, null for omitted', () => {
    const s = (y: number, m: number, d: number) => excelSerialOfDay(day(y, m, d));
    const targets = [[4, 3, 2, 1, null], [1, 0.9, 0.8, 0.7, 0.6], [s(2025, 3, 16), s(2025, 3, 23), s(2025, 3, 30), s(2025, 4, 6), s(2025, 4, 13)]];
    const raw = fn('RAW')([[3], [0.6154], [s(2025, 3, 20)]], targets, [['সংখ্যা'], ['%'], ['তারিখ']], null) as FnValue[][];
    expect(raw[0][0]).toBe(90);
    expect(raw[1][0]).toBeCloseTo(61.54, 8);
    expect(raw[2][0]).toBeCloseTo(94.2857142857, 8);
  });
  test('Sheets\' way: "" for empty cells, Date objects (midnight in Dhaka)', () => {
    const dhaka = (iso: string) => new Date(`${iso}T00:00:00+06:00`);
    const targets = [[dhaka('2025-03-16'), dhaka('2025-03-23'), dhaka('2025-03-30'), dhaka('2025-04-06'), dhaka('2025-04-13')], ['', '', '', '', '']];
    const raw = fn('RAW')([[dhaka('2025-03-20')], ['']], targets, '') as FnValue[][];
    expect(raw[0][0]).toBeCloseTo(94.2857142857, 8);
    expect(raw[1][0]).toBe(''); // a blank row stays blank
  });
  test('3-tier and single-target rows; mode floor', () => {
    expect((fn('RAW')([['৭৫%']], [['৮০%', '৭০%', '৬০%']]) as FnValue[][])[0][0]).toBe(90);
    expect((fn('RAW')([['৭৫%']], [['৮০%', '৭০%', '৬০%']], null, 'floor') as FnValue[][])[0][0]).toBe(80);
    expect((fn('RAW')([['৩']], [['৪']]) as FnValue[][])[0][0]).toBe(75);
  });
  test('pending, in-words and n/a rows are blank; a row that cannot be scored is an error with a reason', () => {
    const out = fn('SCORE')([['-'], ['প্রযোজ্য নয়'], ['৩১০-০৬-২০২০'], ['৩'], ['চলমান']], [TARGETS_5[0], TARGETS_5[0], TARGETS_5[0], ['১', '২', '৩', '৪', '৫'], TARGETS_5[0]], [[5], [5], [5], [5], [5]]) as FnValue[][];
    expect(out[0][0]).toBe('');
    expect(out[1][0]).toBe('');
    expect(out[2][0]).toMatchObject({ error: 'value', message: { en: expect.stringContaining('not a value') } });
    expect(out[3][0]).toBe(4); // targets rise, so lower is better: 3 meets the 80% tier, 80% of 5
    // Progress written in words is pending (docs/rules.md §3): blank, and TIER names it.
    expect(out[4][0]).toBe('');
    expect((fn('TIER')([['চলমান']], [TARGETS_5[0]]) as FnValue[][])[0][0]).toBe('কথায় লেখা');
  });
  test('targets that are not 1, 3 or 5 tiers are an error', () => {
    const out = fn('RAW')([['৩']], [['৪', '৩']]) as FnValue[][];
    expect(out[0][0]).toMatchObject({ error: 'value' });
  });
});

describe('TIER, NEXT, TOTAL, VALUE', () => {
  test('TIER in Bengali by default, English on request', () => {
    expect((fn('TIER')(ACH, TARGETS_5) as FnValue[][]).map((r) => r[0])).toEqual(['অতি উত্তম', 'চলতি মানের নিম্নে', 'অতি উত্তম']);
    expect((fn('TIER')(ACH, TARGETS_5, null, 'en') as FnValue[][]).map((r) => r[0])).toEqual(['Very good', 'Below fair', 'Very good']);
    expect((fn('TIER')([['']], [TARGETS_5[0]]) as FnValue[][])[0][0]).toBe('অপেক্ষমাণ');
  });
  test('NEXT gives the value or date that reaches the next tier', () => {
    const out = fn('NEXT')(ACH, TARGETS_5) as FnValue[][];
    expect(out[0][0]).toBe(4);
    expect(out[1][0]).toBe(70);
    expect(out[2][0]).toEqual({ date: day(2025, 3, 16) });
  });
  test('TOTAL is the plan\'s percent, n/a rescaled by default', () => {
    const ach = [['৩'], ['৪'], ['প্রযোজ্য নয়']];
    const t = [TARGETS_5[0], TARGETS_5[0], TARGETS_5[0]];
    const w = [[10], [5], [5]];
    expect(fn('TOTAL')(ach, t, w) as number).toBeCloseTo((14 / 15) * 100, 10);
    expect(fn('TOTAL')(ach, t, w, null, 'full') as number).toBeCloseTo((19 / 20) * 100, 10);
    expect(fn('TOTAL')(ach, t, w, null, 'zero') as number).toBeCloseTo((14 / 20) * 100, 10);
  });
  test('a negative weight is an error at its row with its reason; TOTAL leaves it out, and weights whose sum is too large to be a number, and stays a number', () => {
    const ach = [['৩'], ['৩'], ['৩'], ['৩']];
    const t = [TARGETS_5[0], TARGETS_5[0], TARGETS_5[0], TARGETS_5[0]];
    const score = fn('SCORE')(ach, t, [[-5], [10], [10], [10]]) as FnValue[][];
    expect(score[0][0]).toMatchObject({ error: 'value', message: { en: expect.stringContaining('below zero'), bn: expect.stringContaining('শূন্যের কম') } });
    expect(score.slice(1).map((r) => r[0])).toEqual([9, 9, 9]);
    expect(fn('TOTAL')(ach, t, [[-5], [10], [10], [10]]) as number).toBeCloseTo(90, 10);
    expect(fn('TOTAL')(ach, t, [[1e308], [1e308], [1e308], [5]]) as number).toBeCloseTo(90, 10);
  });
  test('VALUE reads ১৬/০৩/২০২৫, ৯০.৫৯%, ১,২০০', () => {
    expect(fn('VALUE')([['১৬/০৩/২০২৫'], ['৯০.৫৯%'], ['১,২০০'], ['কিছু লেখা']])).toEqual([
      [{ date: day(2025, 3, 16) }],
      [90.59],
      [1200],
      [expect.objectContaining({ error: 'value' })],
    ]);
    expect(fn('VALUE')('৩১/৮/২৪')).toEqual([[{ date: day(2024, 8, 31) }]]);
  });
});
