/**
 * Reading a sheet as offices type it (issue 12), rule by rule of docs/rules.md (the product's
 * own rules, from SCORING.md §1, §3, §5 and §7): every header variant §1 lists, progress written
 * in words, one value inside a sentence, n/a in the remarks, evidence attached, impossible date
 * cells, plans without weights, quarter columns. Each describe names its rule in the spec's words.
 */
import { dayFromYmd, excelSerialOfDay } from '../core/dates';
import { jsonSheet } from '../core/json-sheet';
import { readPlan } from '../core/layout';
import { MESSAGES } from '../core/messages';
import { Plan, planIndicators } from '../core/plan';
import { scorePlan } from '../core/score';
import { validatePlan } from '../core/validate';
import { readAchievement, readCell, readText, Unit, Value } from '../core/values';
import { L, U } from './fixtures/sheet-model';
import { MarkedRow, markedGrid, planOf } from './helpers';

const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d)!;

/** Three indicators, one of each unit, typed as office 002 types them. */
const IND = [
  { id: '[১.১.১]', name: 'সভা আয়োজিত', unit: 'সংখ্যা', weight: '৫', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' },
  { id: '[১.১.২]', name: 'ই-নথিতে নিষ্পত্তিকৃত', unit: '%', weight: '৫', targets: ['১০০%', '৯০%', '৮০%', '৭০%', '৬০%'], achievement: '৮৫%' },
  { id: '[১.২.১]', name: 'উদ্ভাবনী ধারণা বাস্তবায়িত', unit: 'তারিখ', weight: '১০', targets: ['১৬/০৩/২০২৫', '২৩/০৩/২০২৫', '৩০/০৩/২০২৫', '০৬/০৪/২০২৫', '১৩/০৪/২০২৫'], achievement: '২০/০৩/২০২৫' },
];
/** How the three read: id, weight, raw (4 decimals), tier. */
const REF = [
  ['1.1.1', 5, 90, 'very-good'],
  ['1.1.2', 5, 85, 'good'],
  ['1.2.1', 10, 94.2857, 'very-good'],
];
const summary = (plan: Plan) => scorePlan(plan).indicators.map((s) => [s.indicator.id, s.indicator.weight, s.raw === null ? null : Math.round(s.raw * 1e4) / 1e4, s.tier]);
const problemsOf = (plan: Plan, final = false) => validatePlan(plan, {}, scorePlan(plan, { final }));
const codes = (plan: Plan) => problemsOf(plan).map((p) => `${p.code}@${p.cell}`);

/** The five-tier header of office 002, the way it is merged. */
const H5: MarkedRow[] = [
  ['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা ২০২৪-২০২৫', L, L, L, L, 'অর্জন', 'মন্তব্য'],
  [U, U, U, U, U, 'অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে', U, U],
  [U, U, U, U, U, '১০০%', '৯০%', '৮০%', '৭০%', '৬০%', U, U],
];
const body5 = (achievements: string[] = IND.map((i) => i.achievement), remarks: string[] = []): MarkedRow[] =>
  IND.map((i, k) => [String(k + 1), '[১.১] কার্যক্রম', `${i.id} ${i.name}`, i.unit, i.weight, ...i.targets, achievements[k], remarks[k] ?? '']);
/** The header with some cells retyped (exact text → new text). */
const retyped = (header: MarkedRow[], words: Record<string, string>): MarkedRow[] => header.map((r) => r.map((c) => (typeof c === 'string' && c in words ? words[c] : c)));
const plan5 = (header: MarkedRow[], options: Parameters<typeof markedGrid>[1] = {}) => planOf(markedGrid([...header, ...body5()], options));

describe('§1 Header cells as real offices type them — all must be recognised, and a test reads each', () => {
  test('the reference table reads as the worked examples say', () => {
    const plan = plan5(H5);
    expect(plan.layout).toBe('five-tier');
    expect(summary(plan)).toEqual(REF);
  });

  test.each([
    ['বার্ষিক লক্ষ্যমাত্রা', null],
    ['বাৎসরিক লক্ষ্যমাত্রা ২০২১-২২', 2021],
    ['২০২০-২০২১ অর্থবছরের লক্ষ্যমাত্রা', 2020],
    ['লক্ষ্যমাত্রা/নির্ণায়ক ২০২৩-২৪', 2023],
  ])('qualifiers before or after the key word: %s', (heading, fiscalYear) => {
    const plan = plan5(retyped(H5, { 'লক্ষ্যমাত্রা ২০২৪-২০২৫': heading }));
    expect(summary(plan)).toEqual(REF);
    expect(plan.fiscalYear).toBe(fiscalYear);
  });

  test('qualifiers on a single target: বার্ষিক লক্ষ্যমাত্রা over one column', () => {
    const header: MarkedRow[] = [['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'বার্ষিক লক্ষ্যমাত্রা', 'অর্জন']];
    const body: MarkedRow[] = [['১', '[১.১] কার্যক্রম', '[১.১.১] সভা আয়োজিত', 'সংখ্যা', '৫', '৪', '৩']];
    const plan = planOf(markedGrid([...header, ...body]));
    expect(plan.layout).toBe('single-target');
    expect(summary(plan)).toEqual([['1.1.1', 5, 75, 'fair']]);
  });

  test('a tier named inside a target heading: লক্ষ্যমাত্রা (অসাধারণ), one cell per tier', () => {
    const header: MarkedRow[] = [
      ['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা (অসাধারণ)', 'লক্ষ্যমাত্রা (অতি উত্তম)', 'লক্ষ্যমাত্রা (উত্তম)', 'লক্ষ্যমাত্রা (চলতি মান)', 'লক্ষ্যমাত্রা (চলতি মানের নিম্নে)', 'অর্জন', 'মন্তব্য'],
    ];
    const plan = plan5(header);
    expect(plan.layout).toBe('five-tier');
    expect(summary(plan)).toEqual(REF);
  });

  test('both languages in one cell, with or without a line break', () => {
    const plan = plan5(
      retyped(H5, {
        'কর্মসম্পাদন সূচক': 'কর্মসম্পাদন সূচক (Performance Indicators)',
        'একক': 'একক (Unit)',
        'কর্মসম্পাদন সূচকের মান': 'কর্মসম্পাদন সূচকের মান\nWeight of Performance Indicator',
        'লক্ষ্যমাত্রা ২০২৪-২০২৫': 'লক্ষ্যমাত্রা/নির্ণায়ক\nTarget/Criteria Value 2024-25',
        'অসাধারণ': 'অসাধারণ\nExcellent',
        'অতি উত্তম': 'অতি উত্তম (Very Good)',
        'চলতি মানের নিম্নে': 'চলতি মানের নিম্নে\n(Poor)',
        'অর্জন': 'অর্জন (Achievement)',
        'মন্তব্য': 'মন্তব্য\nRemarks',
      }),
    );
    expect(summary(plan)).toEqual(REF);
    expect(plan.fiscalYear).toBe(2024);
  });

  test('English-only sheets: Performance Indicator, Unit, Weight of PI, Target/Criteria Value, Excellent … Poor, Achievement', () => {
    const plan = plan5(
      retyped(H5, {
        'ক্রম': 'SL',
        'কার্যক্রম': 'Activity',
        'কর্মসম্পাদন সূচক': 'Performance Indicator',
        'একক': 'Unit',
        'কর্মসম্পাদন সূচকের মান': 'Weight of PI',
        'লক্ষ্যমাত্রা ২০২৪-২০২৫': 'Target/Criteria Value',
        'অসাধারণ': 'Excellent',
        'অতি উত্তম': 'Very Good',
        'উত্তম': 'Good',
        'চলতি মান': 'Fair',
        'চলতি মানের নিম্নে': 'Poor',
        'অর্জন': 'Achievement',
        'মন্তব্য': 'Remarks',
      }),
    );
    expect(summary(plan)).toEqual(REF);
  });

  test('a tier\'s name and percent in one cell of a single header row (অসাধারণ ১০০%)', () => {
    const header: MarkedRow[] = [['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'অসাধারণ ১০০%', 'অতি উত্তম ৯০%', 'উত্তম ৮০%', 'চলতি মান ৭০%', 'চলতি মানের নিম্নে ৬০%', 'অর্জন', 'মন্তব্য']];
    const plan = plan5(header);
    expect(plan.layout).toBe('one-row-tiers');
    expect(plan.tiers.map((t) => t.percent)).toEqual([100, 90, 80, 70, 60]);
    expect(summary(plan)).toEqual(REF);
  });

  test('… with a লক্ষ্যমাত্রা cell spanning the tiers above them, and the sheet\'s own percents', () => {
    const header: MarkedRow[] = [
      ['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা ২০২৩-২৪', L, L, L, L, 'অর্জন', 'মন্তব্য'],
      [U, U, U, U, U, 'অসাধারণ (১০০%)', 'অতি উত্তম (৯৫%)', 'উত্তম (৮৫%)', 'চলতি মান (৭৫%)', 'চলতি মানের নিম্নে (৬৫%)', U, U],
    ];
    const plan = plan5(header);
    expect(plan.layout).toBe('one-row-tiers');
    expect(plan.fiscalYear).toBe(2023);
    expect(plan.tiers.map((t) => t.percent)).toEqual([100, 95, 85, 75, 65]);
    expect(scorePlan(plan).indicators[0].raw).toBe(95);
  });

  test('under an achievement heading, a row of quarter columns (১ম কোয়ার্টার, ২য় ত্রৈমাসিক, misspelt কোয়াটার, 1ম) with a total beside them', () => {
    for (const quarters of [
      ['১ম কোয়ার্টার', '২য় ত্রৈমাসিক', '৩য় কোয়াটার', '৪র্থ প্রান্তিক', 'মোট অর্জন'],
      ['1ম', '2য়', '3য়', '4র্থ', 'ক্রমপুঞ্জিত অর্জন'],
    ]) {
      const header: MarkedRow[] = [
        ['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা ২০২৪-২০২৫', L, L, L, L, 'অর্জন', L, L, L, L, 'মন্তব্য'],
        [U, U, U, U, U, 'অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে', ...quarters, U],
        [U, U, U, U, U, '১০০%', '৯০%', '৮০%', '৭০%', '৬০%', U, U, U, U, U, U],
      ];
      const perQuarter = [
        ['১', '২', '', '', '৩'],
        ['৮০%', '৮৫%', '', '', '৮৫%'],
        ['', '২০/০৩/২০২৫', '', '', '২০/০৩/২০২৫'],
      ];
      const body = IND.map((i, k): MarkedRow => [String(k + 1), '[১.১] কার্যক্রম', `${i.id} ${i.name}`, i.unit, i.weight, ...i.targets, ...perQuarter[k], '']);
      const plan = planOf(markedGrid([...header, ...body]));
      expect(summary(plan)).toEqual(REF);
      const [first] = planIndicators(plan);
      expect(first.achievements.map((a) => [a.quarter ?? null, a.cumulative])).toEqual([
        [1, false],
        [2, false],
        [3, false],
        [4, false],
        [null, true],
      ]);
      // The total is scored (§7), and the sheet reports the latest quarter typed in.
      expect(scorePlan(plan).indicators[0].achievementCells).toEqual(['O8']);
      expect(plan.quarter).toBe(2);
    }
  });

  test.each(['লক্ষ্যমাত্রা/ অর্জন', 'লক্ষ্যমাত্রা/ প্রকৃত অর্জন', 'Target/Achievement'])('the pair-label column of row-pair sheets: %s', (label) => {
    const header: MarkedRow[] = [
      ['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', label, 'লক্ষ্যমাত্রা ২০২৪-২০২৫', L, L, L, L, 'মন্তব্য'],
      [U, U, U, U, U, U, 'অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে', U],
      [U, U, U, U, U, U, '১০০%', '৯০%', '৮০%', '৭০%', '৬০%', U],
    ];
    const body = IND.flatMap((i, k): MarkedRow[] => [
      [String(k + 1), '[১.১] কার্যক্রম', `${i.id} ${i.name}`, i.unit, i.weight, 'লক্ষ্যমাত্রা', ...i.targets, ''],
      [U, U, U, U, U, 'অর্জন', i.achievement, '', '', '', '', U],
    ]);
    const plan = planOf(markedGrid([...header, ...body]));
    expect(plan.layout).toBe('row-pairs');
    expect(summary(plan)).toEqual(REF);
  });

  test.each(['কর্মসম্পাদন সূচকের মান', 'সূচকের মান', 'মান', 'সূচকএর মান', 'Weight'])('weight headers: %s', (heading) => {
    const plan = plan5(retyped(H5, { 'কর্মসম্পাদন সূচকের মান': heading }));
    expect(summary(plan)).toEqual(REF);
    expect(plan.equalWeights).toBe(false);
  });

  test('history columns (প্রকৃত অর্জন ২০২১-২২, প্রকৃত অর্জন* ২০২২-২৩) are never this year\'s achievement', () => {
    const header: MarkedRow[] = [
      ['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'প্রকৃত অর্জন ২০২১-২২', 'প্রকৃত অর্জন* ২০২২-২৩', 'লক্ষ্যমাত্রা ২০২৪-২০২৫', L, L, L, L, 'অর্জন'],
      [U, U, U, U, U, U, U, 'অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে', U],
      [U, U, U, U, U, U, U, '১০০%', '৯০%', '৮০%', '৭০%', '৬০%', U],
    ];
    const past = [['১', '২'], ['৫০%', '৬০%'], ['০১/০৫/২০২৩', '০১/০৫/২০২৪']];
    const body = IND.map((i, k): MarkedRow => [String(k + 1), '[১.১] কার্যক্রম', `${i.id} ${i.name}`, i.unit, i.weight, ...past[k], ...i.targets, i.achievement]);
    const plan = planOf(markedGrid([...header, ...body]));
    expect(summary(plan)).toEqual(REF);
    expect(planIndicators(plan).map((i) => i.achievements.map((a) => a.cell))).toEqual([['M8'], ['M9'], ['M10']]);
  });

  test('a প্রকৃত অর্জন of this fiscal year, right of the targets, is this year\'s achievement — and a note says so', () => {
    const plan = plan5(retyped(H5, { 'অর্জন': 'প্রকৃত অর্জন ২০২৪-২৫' }));
    expect(summary(plan)).toEqual(REF);
    const note = problemsOf(plan).find((p) => p.code === 'header-taken-as')!;
    expect(note).toMatchObject({ cell: 'K5', severity: 'info' });
    expect(note.message.en).toContain('this fiscal year');
  });

  test('a cell typo or a spelling variant a reader would still understand (a missing hasanta, অজর্ন) is understood, with a note', () => {
    const plan = plan5(retyped(H5, { 'লক্ষ্যমাত্রা ২০২৪-২০২৫': 'লক্ষযমাত্রা ২০২৪-২০২৫', 'অর্জন': 'অজর্ন', 'কর্মসম্পাদন সূচক': 'কর্মসম্পাদন সুচক', 'মন্তব্য': 'মনতব্য' }));
    expect(summary(plan)).toEqual(REF);
    expect(plan.fiscalYear).toBe(2024);
    const notes = problemsOf(plan).filter((p) => p.code === 'header-taken-as');
    expect(notes.map((p) => p.cell)).toEqual(expect.arrayContaining(['K5', 'L5']));
    expect(notes.find((p) => p.cell === 'L5')!.message.en).toBe('The header "মনতব্য" was taken as the remarks column (its spelling is close to "মন্তব্য").');
    expect(notes.find((p) => p.cell === 'K5')!.message.bn).toContain('"অর্জন"-এর কাছাকাছি');
  });
});

describe('§1 When a header is ambiguous, the column\'s content decides, and a note says which header was taken for what', () => {
  test('লক্ষ্যমাত্রা/অর্জন over a target and an achievement column is a heading, not a pair-label column (its rows hold no labels)', () => {
    const header: MarkedRow[] = [
      ['ক্রমিক নং', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা/অর্জন', L],
      [U, U, U, U, U, 'লক্ষ্যমাত্রা (২০২২- ২০২৩)', 'অর্জন (জানুয়ারী ২০২৩ হতে মার্চ ২০২৩ পর্যন্ত)'],
    ];
    const body: MarkedRow[] = [['১', '[১.১] কার্যক্রম', '[১.১.১] সভা আয়োজিত', 'সংখ্যা', '৫', '৪', '৩']];
    const plan = planOf(markedGrid([...header, ...body]));
    expect(plan.layout).toBe('single-target');
    expect(summary(plan)).toEqual([['1.1.1', 5, 75, 'fair']]);
    expect(plan.quarter).toBe(3);
  });

  test('a column whose rows say লক্ষ্যমাত্রা and অর্জন is the pair-label column, whatever its header says (a note says so); labels may carry what offices add after them', () => {
    const header: MarkedRow[] = [
      ['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা', 'লক্ষ্যমাত্রা ২০২৪-২০২৫', L, L, L, L, 'মন্তব্য'],
      [U, U, U, U, U, U, 'অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে', U],
      [U, U, U, U, U, U, '১০০%', '৯০%', '৮০%', '৭০%', '৬০%', U],
    ];
    const body = IND.flatMap((i, k): MarkedRow[] => [
      [String(k + 1), '[১.১] কার্যক্রম', `${i.id} ${i.name}`, i.unit, i.weight, 'লক্ষ্যমাত্রা ২০২৪-২৫', ...i.targets, ''],
      [U, U, U, U, U, 'অর্জন (২য় ত্রৈমাসিক)', i.achievement, '', '', '', '', U],
    ]);
    const plan = planOf(markedGrid([...header, ...body]));
    expect(plan.layout).toBe('row-pairs');
    expect(summary(plan)).toEqual(REF);
    expect(problemsOf(plan).find((p) => p.code === 'header-taken-as')).toMatchObject({ cell: 'F5' });
  });

  test('a bare মান beside the area column is the area\'s weight; next to the indicator, the indicator\'s', () => {
    const header: MarkedRow[] = [['কর্মসম্পাদন ক্ষেত্র', 'মান', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'মান', 'লক্ষ্যমাত্রা', 'অর্জন']];
    const body: MarkedRow[] = [
      ['[১] ক্ষেত্র', '১০', '[১.১] কার্যক্রম', '[১.১.১] সভা আয়োজিত', 'সংখ্যা', '৬', '৪', '৩'],
      [U, U, U, '[১.১.২] কর্মশালা আয়োজিত', 'সংখ্যা', '৪', '৪', '৪'],
    ];
    const plan = planOf(markedGrid([...header, ...body]));
    expect(plan.areas.map((a) => [a.id, a.weight])).toEqual([['1', 10]]);
    expect(planIndicators(plan).map((i) => i.weight)).toEqual([6, 4]);
    const notes = problemsOf(plan).filter((p) => p.code === 'header-taken-as');
    expect(notes.map((p) => [p.cell, p.message.en])).toEqual([
      ['B5', 'The header "মান" was taken as the area weight column (from where it stands among the columns).'],
      ['F5', 'The header "মান" was taken as the indicator weight column (from where it stands among the columns).'],
    ]);
  });

  test('dates under tier names are date targets, whatever the unit says', () => {
    const g = markedGrid([...H5, ['১', '[১.১] কার্যক্রম', '[১.১.১] সূচক', 'সংখ্যা', '৫', '৩০/০৫/২০২৫', '৩০/০৬/২০২৫', '-', '-', '-', '১৫/০৫/২০২৫', '']]);
    const p = planOf(g);
    expect(planIndicators(p)[0].unit).toBe('date');
    expect(summary(p)).toEqual([['1.1.1', 5, 100, 'excellent']]);
    expect(codes(p)).toContain('unit-contradicted@D8');
  });
});

describe('§1 In row-pair sheets, a target merged down over the achievement row is a target; achievements typed in the quarter columns of the achievement row are per-quarter (§7)', () => {
  const header: MarkedRow[] = [
    ['ক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা/ অর্জন', 'লক্ষ্যমাত্রা ২০২৩-২০২৪', L, L, L, L, 'মন্তব্য'],
    [U, U, U, U, U, 'অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে', U],
    [U, U, U, U, U, '১০০%', '৯০%', '৮০%', '৭০%', '৬০%', U],
  ];
  test('a target cell merged down over its achievement row stays a target, never an achievement', () => {
    const body: MarkedRow[] = [
      ['১', '[১.১.১] সভা আয়োজিত', 'সংখ্যা', '৫', 'লক্ষ্যমাত্রা', '', '৩', '২', '১', '-', ''],
      [U, U, U, U, 'অর্জন', '', U, U, U, U, U],
      ['২', '[১.১.২] কর্মশালা', 'সংখ্যা', '৫', 'লক্ষ্যমাত্রা', '৪', '৩', '২', '১', '-', ''],
      [U, U, U, U, 'অর্জন', '৩', U, U, U, U, U],
    ];
    const plan = planOf(markedGrid([...header, ...body]));
    const [a, b] = scorePlan(plan).indicators;
    expect(a.indicator.targets.map((t) => t.cell)).toEqual(['F8', 'G8', 'H8', 'I8', 'J8']);
    expect(a.indicator.achievements.map((x) => x.cell)).toEqual(['F9']);
    expect(a.status).toBe('pending'); // not 3, the very-good target merged over G9
    expect([b.status, b.raw]).toEqual(['scored', 90]);
  });

  test('achievements typed in the quarter columns of the achievement row: a count sums them', () => {
    const withQuarters: MarkedRow[] = [
      ['ক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা/ অর্জন', 'লক্ষ্যমাত্রা ২০২৩-২০২৪', L, L, L, L, 'অর্জন', L, 'মন্তব্য'],
      [U, U, U, U, U, 'অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে', '১ম কোয়ার্টার', '২য় কোয়ার্টার', U],
      [U, U, U, U, U, '১০০%', '৯০%', '৮০%', '৭০%', '৬০%', U, U, U],
    ];
    const body: MarkedRow[] = [
      ['১', '[১.১.১] সভা আয়োজিত', 'সংখ্যা', '৫', 'লক্ষ্যমাত্রা', '৪', '৩', '২', '১', '-', '১', '১', ''],
      [U, U, U, U, 'অর্জন', '', '', '', '', '', '১', '২', U],
    ];
    const plan = planOf(markedGrid([...withQuarters, ...body]));
    const [s] = scorePlan(plan).indicators;
    expect(s.indicator.achievements.map((a) => [a.cell, a.quarter])).toEqual([
      ['K9', 1],
      ['L9', 2],
    ]);
    expect(s.achievement).toEqual({ kind: 'number', value: 3, percent: false });
    expect(s.raw).toBe(90);
    expect(plan.quarter).toBe(2);
  });
});

describe('§1 The plan\'s kind, fiscal year and quarter come from the title and headers, failing those from the remarks or the file name', () => {
  const H: MarkedRow[] = retyped(H5, { 'লক্ষ্যমাত্রা ২০২৪-২০২৫': 'লক্ষ্যমাত্রা' });
  const read = (cover: string[], extra: { file?: string; remarks?: string[] } = {}) => planOf(markedGrid([...H, ...body5(undefined, extra.remarks)], { cover, file: extra.file }));
  test.each([
    ['ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২০২৪', 'e-governance'],
    ['বার্ষিক কর্মসম্পাদন চুক্তি ২০২৩-২৪', 'apa'],
    ['জাতীয় শুদ্ধাচার কৌশল কর্মপরিকল্পনা ২০২৩-২৪', 'integrity'],
    ['অভিযোগ প্রতিকার ব্যবস্থা কর্মপরিকল্পনা ২০২৩-২৪', 'grievance'],
    ['সেবা প্রদান প্রতিশ্রুতি কর্মপরিকল্পনা ২০২৩-২৪', 'citizen-charter'],
    ['তথ্য অধিকার বিষয়ে ২০২৩-২৪ অর্থবছরের বার্ষিক কর্মপরিকল্পনা', 'rti'],
    ['উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪', 'innovation'],
    ['২০২৩-২০২৪ অর্থ বছরের বার্ষিক কর্মসম্পাদন চুক্তির অংশ হিসেবে ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা', 'e-governance'],
    ['National Integrity Strategy Action Plan 2023-24', 'integrity'],
  ])('%s → %s', (title, kind) => {
    const plan = read(['গণপ্রজাতন্ত্রী বাংলাদেশ সরকার', 'পরীক্ষা অধিদপ্তর', title]);
    expect(plan.kind).toBe(kind);
    expect(plan.fiscalYear).toBe(2023);
  });
  test('fiscal years as ২০২৩-২০২৪ or ২০২৩-২৪; quarters as ১ম ত্রৈমাসিক, ২য় কোয়ার্টার or (অক্টোবর/২৪-ডিসেম্বর/২৪)', () => {
    expect(read(['অগ্রগতি প্রতিবেদন ২০২৩-২০২৪', '১ম ত্রৈমাসিক']).fiscalYear).toBe(2023);
    expect(read(['অগ্রগতি প্রতিবেদন ২০২৩-২৪', '২য় কোয়ার্টার'])).toMatchObject({ fiscalYear: 2023, quarter: 2 });
    expect(read(['ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনার ২য় ত্রৈমাসিক অগ্রগতির প্রতিবেদন (অক্টোবর/২৪-ডিসেম্বর/২৪)'])).toMatchObject({ fiscalYear: 2024, quarter: 2 });
    expect(read(['অগ্রগতি প্রতিবেদন (জানুয়ারি ২০২৩ হতে মার্চ ২০২৩ পর্যন্ত)'])).toMatchObject({ fiscalYear: 2022, quarter: 3 });
  });
  test('failing those, from the remarks (১ম ত্রৈমাসিক প্রতিবেদন) or the file name', () => {
    const plan = read(['অগ্রগতি প্রতিবেদন'], { remarks: ['', '১ম ত্রৈমাসিক প্রতিবেদন অনুযায়ী'], file: 'in/dc-office-integrity-2023-24.xlsx' });
    expect(plan).toMatchObject({ quarter: 1, kind: 'integrity', fiscalYear: 2023 });
    expect(read(['অগ্রগতি প্রতিবেদন'], { file: 'rti_2022-23_q3.xlsx' })).toMatchObject({ quarter: 3, kind: 'rti', fiscalYear: 2022 });
  });
  test('every plan carries them into --json: plan next to fiscalYear and quarter', () => {
    const plan = read(['গণপ্রজাতন্ত্রী বাংলাদেশ সরকার', 'পরীক্ষা অধিদপ্তর', 'সেবা প্রদান প্রতিশ্রুতি কর্মপরিকল্পনা ২০২৩-২৪', '২য় ত্রৈমাসিক']);
    const json = jsonSheet(scorePlan(plan), []);
    expect(Object.keys(json).slice(0, 6)).toEqual(['sheet', 'office', 'layout', 'plan', 'fiscalYear', 'quarter']);
    expect(json).toMatchObject({ plan: 'citizen-charter', fiscalYear: '2023-24', quarter: 2 });
  });
  test('a sheet whose title is its first line and has no letterhead takes its office name from that first line', () => {
    const plan = read(['জনপ্রশাসন মন্ত্রণালয়ের ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২১-২২ অগ্রগতি', '']);
    expect([plan.office, plan.officeSource, plan.kind]).toEqual(['জনপ্রশাসন মন্ত্রণালয়', 'title', 'e-governance']);
    expect(read(['জেলা প্রশাসকের কার্যালয়, যশোর', 'বার্ষিক কর্মসম্পাদন চুক্তি ২০২৩-২৪']).office).toBe('জেলা প্রশাসকের কার্যালয়, যশোর');
  });
});

describe('§3 Progress written in words: such a cell is reported in words — pending (no score, not a zero) with a note at the cell; in a final evaluation it counts 0 and the message says why', () => {
  const sentences = ['কর্মপরিকল্পনা গ্রহণ করা হয়েছে।', 'কার্যক্রম চলমান', '১ম কোয়ার্টারে কার্যক্রম নেই।', 'যথাসময়ে প্রতিবেদন প্রেরণ করা হবে।'];
  test.each(sentences)('%s', (sentence) => {
    const plan = planOf(markedGrid([...H5, ...body5([sentence, '৮৫%', '২০/০৩/২০২৫'])]));
    const [s] = scorePlan(plan).indicators;
    expect([s.status, s.raw, s.score]).toEqual(['in-words', null, null]);
    const totals = scorePlan(plan).totals;
    expect(totals).toMatchObject({ inWords: 1, pending: 0, invalid: 0, toDate: true, max: 15, applicable: 20 });
    expect(totals.score).toBeCloseTo(0.85 * 5 + (0.9 + 0.3 / 7) * 10, 8);
    const note = problemsOf(plan).find((p) => p.code === 'reported-in-words')!;
    expect(note).toMatchObject({ cell: 'K8', severity: 'info', indicatorId: '1.1.1' });
    expect(note.message.bn).toContain(sentence);
    expect(note.message.bn).toContain('অপেক্ষমাণ');
    const final = scorePlan(plan, { final: true }).indicators[0];
    expect([final.status, final.raw, final.score]).toEqual(['in-words', 0, 0]);
    const why = problemsOf(plan, true).find((p) => p.code === 'reported-in-words')!;
    expect(why.message.en).toContain('counts 0');
  });
  test('reported in words is its own visible status: in --json, the CLI\'s and the pane\'s words', () => {
    const plan = planOf(markedGrid([...H5, ...body5(['কার্যক্রম চলমান', '৮৫%', '২০/০৩/২০২৫'])]));
    const json = jsonSheet(scorePlan(plan), []);
    expect(json.indicators[0].status).toBe('in-words');
    expect(json.totals.inWords).toBe(1);
    expect(MESSAGES['status.in-words'].bn).toBe('কথায় লেখা');
    expect(MESSAGES['status.in-words'].en).toBe('Reported in words');
  });
});

describe('§3 A sentence that holds exactly one value of the indicator\'s unit is read as that value, with a note saying so', () => {
  const read = (text: string, unit: Unit): Value => readAchievement(readText(text), unit).value;
  test('২৯/০৮/২০২১ তারিখে সভা অনুষ্ঠিত হয়েছে। → the date 29/08/2021; ৯০.৫৯% নথি নিষ্পত্তি → 90.59 %; ৩টি সভা আয়োজিত → 3', () => {
    expect(read('২৯/০৮/২০২১ তারিখে সভা অনুষ্ঠিত হয়েছে।', 'date')).toEqual({ kind: 'date', day: day(2021, 8, 29) });
    expect(read('৯০.৫৯% নথি নিষ্পত্তি', 'percent')).toEqual({ kind: 'number', value: 90.59, percent: true });
    expect(read('৩টি সভা আয়োজিত', 'count')).toEqual({ kind: 'number', value: 3, percent: false });
    expect(read('১৫ মার্চ ২০২৫ তারিখে বাস্তবায়িত', 'date')).toEqual({ kind: 'date', day: day(2025, 3, 15) });
    expect(read('মোট ১২ জন প্রশিক্ষণ পেয়েছেন', 'count')).toEqual({ kind: 'number', value: 12, percent: false });
  });
  test('at the sheet: scored from the sentence, a note at the cell', () => {
    const plan = planOf(markedGrid([...H5, ...body5(['৩টি সভা আয়োজিত', '৮৫ শতাংশ নথি নিষ্পত্তি হয়েছে', '২০/০৩/২০২৫ তারিখে বাস্তবায়িত হয়েছে'])]));
    expect(summary(plan)).toEqual(REF);
    const notes = problemsOf(plan).filter((p) => p.code === 'value-in-sentence');
    expect(notes.map((p) => p.cell)).toEqual(['K8', 'K9', 'K10']);
    expect(notes[2].message.bn).toContain('২০/০৩/২০২৫');
  });
  test('never values: ordinals, quarter and month names, fiscal years, ids, Bangla-calendar dates, phone or memo numbers', () => {
    const none: [string, Unit][] = [
      ['১ম কোয়ার্টারে কার্যক্রম নেই।', 'count'],
      ['২য় সভা আয়োজিত', 'count'],
      ['৪র্থ শিল্প বিপ্লব বিষয়ক সভা হয়েছে', 'count'],
      ['জুলাই-সেপ্টেম্বর মাসে কাজ চলমান', 'date'],
      ['২০২৩-২৪ অর্থবছরের কাজ শুরু হয়েছে', 'count'],
      ['[১.১.১] সূচকের কাজ চলমান', 'count'],
      ['১০ কার্তিক ১৪২৮ তারিখে সভা হয়েছে', 'date'],
      ['ফোন: ০১৭১৬১৫১৫৩৫ নম্বরে যোগাযোগ করা হয়েছে', 'count'],
      ['স্মারক নং ০৫.০০.০০০০.১৯৭.০১ মোতাবেক কার্যক্রম চলমান', 'count'],
      ['A2i এর উদ্যোগে myGov প্ল্যাটফর্মে কাজ চলমান', 'count'],
      ['অক্টোবর/২৪ মাসে কাজ শুরু হয়েছে', 'count'],
    ];
    for (const [text, unit] of none) expect([text, read(text, unit)]).toEqual([text, { kind: 'words', text, candidates: [], future: false }]);
  });
  test('two or more candidate values: reported in words, and the note lists them', () => {
    expect(read('১৫/০৯/২০২১ ও ৩০/০৯/২০২১ তারিখে দুটি সভা', 'date')).toMatchObject({ kind: 'words', candidates: ['15/09/2021', '30/09/2021'] });
    expect(read('৩টি সভা ও ২টি কর্মশালা আয়োজিত', 'count')).toMatchObject({ kind: 'words', candidates: ['3', '2'] });
    const plan = planOf(markedGrid([...H5, ...body5(['৩টি সভা ও ২টি কর্মশালা আয়োজিত', '৮৫%', '২০/০৩/২০২৫'])]));
    const note = problemsOf(plan).find((p) => p.code === 'reported-in-words')!;
    expect(note.message.bn).toContain('৩, ২');
    expect(note.message.en).toContain('3, 2');
  });
  test('a sentence that speaks of the future names a date it is no achievement of (docs/rules.md: assumption)', () => {
    expect(read('১৬.০৩.২০২৫ তারিখে (৩য় কোয়ার্টারে) বাস্তবায়িত হবে।', 'date')).toMatchObject({ kind: 'words', future: true });
  });
});

describe('§3 A remark (মন্তব্য) that is only প্রযোজ্য নয় (or N/A), on an indicator with no achievement, makes it n/a, with a note at the remark\'s cell', () => {
  test.each(['প্রযোজ্য নয়', 'প্রযোজ্য নয়।', 'N/A', 'প্রযোজ্য  নয়'])('%s', (remark) => {
    const plan = planOf(markedGrid([...H5, ...body5(['', '৮৫%', '২০/০৩/২০২৫'], [remark])]));
    const t = scorePlan(plan);
    expect(t.indicators[0].status).toBe('na');
    expect(t.totals).toMatchObject({ na: 1, applicable: 15, weight: 20 });
    expect(problemsOf(plan).find((p) => p.code === 'na-from-remark')).toMatchObject({ cell: 'L8', indicatorId: '1.1.1', severity: 'info' });
  });
  test('not when the remark says more, nor when there is an achievement', () => {
    const more = planOf(markedGrid([...H5, ...body5(['', '৮৫%', '২০/০৩/২০২৫'], ['প্রযোজ্য নয়, তবে পরের ত্রৈমাসিকে হবে'])]));
    expect(scorePlan(more).indicators[0].status).toBe('pending');
    const achieved = planOf(markedGrid([...H5, ...body5(['৩', '৮৫%', '২০/০৩/২০২৫'], ['প্রযোজ্য নয়'])]));
    expect(scorePlan(achieved).indicators[0]).toMatchObject({ status: 'scored', raw: 90 });
  });
});

describe('§3 Evidence: a remark or an evidence column saying the evidence is attached is read as evidence attached yes / no / not said; it never changes a score', () => {
  test('from the remarks', () => {
    const remarks = ['প্রমাণক সংযুক্ত', 'প্রমাণক সংযুক্ত করা হয়নি', 'সভা হয়েছে'];
    const plan = planOf(markedGrid([...H5, ...body5(undefined, remarks)]));
    expect(planIndicators(plan).map((i) => [i.evidence, i.evidenceCell])).toEqual([
      ['yes', 'L8'],
      ['no', 'L9'],
      ['not-said', ''],
    ]);
    expect(summary(plan)).toEqual(REF);
    expect(jsonSheet(scorePlan(plan), []).indicators.map((i) => i.evidence)).toEqual(['yes', 'no', 'not-said']);
  });
  test('হ্যা / না under a প্রমাণক heading', () => {
    const header = retyped(H5, { 'মন্তব্য': 'প্রমাণক সংযুক্ত (হ্যা/না)' });
    const plan = planOf(markedGrid([...header, ...body5(undefined, ['হ্যা', 'না', ''])]));
    expect(planIndicators(plan).map((i) => i.evidence)).toEqual(['yes', 'no', 'not-said']);
    expect(summary(plan)).toEqual(REF);
  });
  test.each([
    ['প্রত্যয়নপত্র সংযুক্ত', 'yes'],
    ['প্রত্যয়নপত্র ও প্রমাণক সংযুক্ত', 'yes'],
    ['Evidence attached', 'yes'],
    ['প্রমাণক নেই', 'no'],
    ['১ম কোয়ার্টারে কার্যক্রম নেই।', 'not-said'],
  ])('%s → %s', (remark, evidence) => {
    const plan = planOf(markedGrid([...H5, ...body5(undefined, [remark])]));
    expect(planIndicators(plan)[0].evidence).toBe(evidence);
  });
});

describe('§3 A number in a date-formatted cell that is no plausible date (0, negative, before the fiscal year\'s previous year) is not a value; a date-time is its date', () => {
  test('0 and negative numbers in a date-formatted cell, and the 00/01/1900 a host makes of them', () => {
    expect(readCell(0, 'dd/mm/yyyy')).toMatchObject({ kind: 'invalid', reason: 'implausible-date' });
    expect(readCell(-3, 'dd/mm/yyyy')).toMatchObject({ kind: 'invalid', reason: 'implausible-date' });
    expect(readCell(new Date(Date.UTC(1899, 11, 30)))).toMatchObject({ kind: 'invalid', reason: 'implausible-date' });
    expect(readCell(excelSerialOfDay(day(2024, 1, 1)), 'dd/mm/yyyy')).toEqual({ kind: 'date', day: day(2024, 1, 1) });
  });
  test('before the fiscal year\'s previous year, at the sheet: no score, a message at the cell', () => {
    const g = markedGrid([...H5, ...body5()]);
    const row = g.values.length - 1;
    g.values[row][10] = excelSerialOfDay(day(2022, 3, 20)); // FY 2024-25: before 1 July 2023
    g.formats = g.values.map((r, i) => r.map((_, c) => (i === row && c === 10 ? 'dd/mm/yyyy' : null)));
    const plan = planOf(g);
    const s = scorePlan(plan).indicators[2];
    expect(s.status).toBe('invalid');
    const p = problemsOf(plan).find((x) => x.code === 'not-a-value')!;
    expect(p.cell).toBe('K10');
    expect(p.message.en).toContain('no plausible date');
    g.values[row][10] = excelSerialOfDay(day(2023, 7, 1));
    expect(scorePlan(planOf(g)).indicators[2].status).toBe('scored');
  });
  test('at the sheet: a 0 or -1 typed in a date-formatted achievement cell is not a value (never 100 "excellent"), with a message at the cell', () => {
    for (const typed of [0, -1]) {
      const g = markedGrid([...H5, ...body5()]);
      const row = g.values.length - 1;
      g.values[row][10] = typed;
      g.formats = g.values.map((r, i) => r.map((_, c) => (i === row && c === 10 ? 'dd/mm/yyyy' : null)));
      const plan = planOf(g);
      const s = scorePlan(plan).indicators[2];
      expect([typed, s.status, s.raw, s.tier]).toEqual([typed, 'invalid', null, null]);
      const p = problemsOf(plan).find((x) => x.code === 'not-a-value')!;
      expect([p.cell, p.severity]).toEqual(['K10', 'error']);
      expect(p.message.en).toContain('no plausible date');
    }
  });
  test('at the sheet: a date-time on the target day scores as that day (100, excellent), a serial with a fraction or a host\'s Date with a time of day', () => {
    const target = day(2025, 3, 16); // [১.২.১]'s অসাধারণ target
    for (const [value, format, offset] of [
      [excelSerialOfDay(target) + 0.75, 'dd/mm/yyyy hh:mm', undefined],
      [new Date(Date.UTC(2025, 2, 16, 23, 59)), null, 0],
    ] as const) {
      const g = markedGrid([...H5, ...body5()]);
      const row = g.values.length - 1;
      g.values[row][10] = value;
      g.formats = g.values.map((r, i) => r.map((_, c) => (i === row && c === 10 ? format : null)));
      if (offset !== undefined) g.timeZoneOffsetMinutes = offset;
      const s = scorePlan(planOf(g)).indicators[2];
      expect([s.status, s.raw, s.tier]).toEqual(['scored', 100, 'excellent']);
    }
  });
  test('a date-time is its date: the time of day is ignored', () => {
    expect(readCell(excelSerialOfDay(day(2025, 3, 16)) + 0.9, 'dd/mm/yyyy hh:mm')).toEqual({ kind: 'date', day: day(2025, 3, 16) });
    expect(readCell(new Date(Date.UTC(2025, 2, 16, 20, 30)), null, { timeZoneOffsetMinutes: 0 })).toEqual({ kind: 'date', day: day(2025, 3, 16) });
    expect(readText('১৬/০৩/২০২৫ ১০:৩০')).toEqual({ kind: 'date', day: day(2025, 3, 16) });
    expect(readText('16-03-2025 2:15 PM')).toEqual({ kind: 'date', day: day(2025, 3, 16) });
  });
});

describe('§5 A sheet with no weight column at all: every indicator weighs 1, the plan\'s weight is the number of indicators, and one warning for the sheet says so', () => {
  const header: MarkedRow[] = H5.map((r) => r.filter((_, c) => c !== 4));
  const body = body5().map((r) => r.filter((_, c) => c !== 4));
  test('equal weights of 1, one warning', () => {
    const plan = planOf(markedGrid([...header, ...body]));
    expect(plan.equalWeights).toBe(true);
    expect(planIndicators(plan).map((i) => i.weight)).toEqual([1, 1, 1]);
    const t = scorePlan(plan).totals;
    expect(t.weight).toBe(3);
    expect(t.percent).toBeCloseTo(((0.9 + 0.85 + 0.942857142857) / 3) * 100, 8);
    const warnings = problemsOf(plan).filter((p) => p.severity === 'warning');
    expect(warnings.map((p) => [p.code, p.cell])).toEqual([['no-weight-column', '']]);
    expect(warnings[0].message.en).toContain('weighs 3');
  });
  test('an indicator whose weight cell is empty or not a number, in a sheet that has weights, cannot be scored, as before', () => {
    const plan = planOf(markedGrid([...H5, ...body5().map((r, i) => (i === 0 ? r.map((c, k) => (k === 4 ? '' : c)) : r))]));
    expect(scorePlan(plan).indicators[0].status).toBe('invalid');
    expect(codes(plan)).toContain('weight-missing@E8');
  });
});

describe('§7 Quarters: when the sheet has only per-quarter columns, a count sums them, a percent takes the latest non-empty quarter, a date the earliest completion date', () => {
  test('a row of quarter columns under an achievement heading, without a total', () => {
    const header: MarkedRow[] = [
      ['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা ২০২৪-২০২৫', L, L, L, L, 'অর্জন', L, L, L],
      [U, U, U, U, U, 'অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে', '১ম কোয়ার্টার', '২য় কোয়ার্টার', '৩য় কোয়ার্টার', '৪র্থ কোয়ার্টার'],
      [U, U, U, U, U, '১০০%', '৯০%', '৮০%', '৭০%', '৬০%', U, U, U, U],
    ];
    const quarters = [
      ['১', '২', '', ''],
      ['৮০%', '৮৫%', '', ''],
      ['২৫/০৩/২০২৫', '২০/০৩/২০২৫', '', ''],
    ];
    const body = IND.map((i, k): MarkedRow => [String(k + 1), '[১.১] কার্যক্রম', `${i.id} ${i.name}`, i.unit, i.weight, ...i.targets, ...quarters[k]]);
    const plan = planOf(markedGrid([...header, ...body]));
    expect(summary(plan)).toEqual(REF);
    expect(plan.quarter).toBe(2);
  });
  test('a quarter reported in words adds nothing to the others; all in words is reported in words', () => {
    const header: MarkedRow[] = [['কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা', '১ম ত্রৈমাসিক অর্জন', '২য় ত্রৈমাসিক অর্জন']];
    const plan = planOf(markedGrid([...header, ['[১.১.১] সূচক', 'সংখ্যা', '৫', '৪', '২', 'কাজ চলমান'], ['[১.১.২] সূচক', 'সংখ্যা', '৫', '৪', 'কাজ চলমান', 'সভা হয়নি']]));
    const [a, b] = scorePlan(plan).indicators;
    expect([a.status, a.raw]).toEqual(['scored', 0]);
    expect(b.status).toBe('in-words');
  });
});

describe('§8 A sheet that cannot be read says which column it could not find and which header cells it looked at', () => {
  test('no header: the row most like one, cell by cell', () => {
    const out = readPlan(markedGrid([['ক্রম', 'বিবরণ', 'একক', 'লক্ষ্যমাত্রা'], ['১', 'সভা', 'সংখ্যা', '৪']]));
    expect(out.kind).toBe('not-a-plan');
    if (out.kind !== 'not-a-plan') return;
    const [p] = out.problems;
    expect(p.code).toBe('no-header');
    expect(p.message.en).toContain('A5 "ক্রম" (serial number), B5 "বিবরণ", C5 "একক" (unit), D5 "লক্ষ্যমাত্রা" (target)');
    expect(p.message.bn).toContain('দেখা শিরোনামের ঘর: A5 "ক্রম" (ক্রমিক নং)');
  });
  test('no target column: the header cells, and what each was taken for', () => {
    const out = readPlan(markedGrid([['ক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'মান', 'অর্জন'], ['১', '[১.১.১] সভা', 'সংখ্যা', '৫', '৩']]));
    if (out.kind !== 'not-a-plan') throw new Error('read as a plan');
    const [p] = out.problems;
    expect(p).toMatchObject({ code: 'missing-column', cell: 'B5' });
    expect(p.message.en).toContain('"targets"');
    expect(p.message.en).toContain('B5 "কর্মসম্পাদন সূচক" (performance indicator), C5 "একক" (unit), D5 "মান" (weight), E5 "অর্জন" (achievement)');
  });
});

describe('Words users read: an indicator that cannot be scored is হিসাবযোগ্য নয়, never অবৈধ, and the message says what to fix', () => {
  test('no catalogue text says অবৈধ', () => {
    for (const [key, text] of Object.entries(MESSAGES)) expect([key, text.bn.includes('অবৈধ')]).toEqual([key, false]);
    expect(MESSAGES['status.invalid'].bn).toBe('হিসাবযোগ্য নয়');
  });
  test('a value that is not a value says what to type instead', () => {
    const plan = planOf(markedGrid([...H5, ...body5(['৪৫%%', '৮৫%', '২০/০৩/২০২৫'])]));
    const p = problemsOf(plan).find((x) => x.code === 'not-a-value')!;
    expect(p.message.bn).toContain('ঘরে শুধু মানটি লিখুন');
    expect(p.message.en).toContain('Type only the value');
  });
});
