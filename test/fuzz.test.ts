/**
 * Fuzz: the seed sheets, mutated the ways real sheets go wrong (issue 5, "Bad input, with nothing
 * lost"), and the reader checked against the mutated grid itself:
 *   1. reading, scoring and validating never throw;
 *   2. every unreadable cell is reported at its own address;
 *   3. every cell the plan says it read holds the value the plan says it read.
 *
 * Seeded: APA_FUZZ_SEED=<n> replays a run (the seed is logged, and fast-check prints seed and path
 * on failure; APA_FUZZ_PATH=<path> replays just the failing case); APA_FUZZ_RUNS=<factor> scales
 * the number of cases.
 */
import fc from 'fast-check';
import { CellValue, Grid, parseA1 } from '../core/grid';
import { readPlan } from '../core/layout';
import { planIndicators } from '../core/plan';
import { scorePlan } from '../core/score';
import { validatePlan } from '../core/validate';
import { readAndCheck, Outcome } from './fuzz/checks';
import { applyMutation, mergeProblems, Mutation, mutationArb, repeatRows } from './fuzz/mutations';
import { FuzzGrid, SEED_NAMES, seedGrid } from './fuzz/seed-grids';

// A fresh seed every run on a developer's machine (the fuzz explores); a fixed one in CI, so that a
// submission is judged on the same cases every time (a new seed's finding is replayed from its log).
const FIXED_CI_SEED = 20261201;
const SEED =
  process.env.APA_FUZZ_SEED !== undefined ? Number(process.env.APA_FUZZ_SEED) : process.env.CI === 'true' ? FIXED_CI_SEED : Math.floor(Math.random() * 0x7fffffff);
const SCALE = Number(process.env.APA_FUZZ_RUNS ?? 1) || 1;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** fast-check's parameters: the run's seed (and a failing case's path) so a failure replays. */
const params = (numRuns: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns: runs(numRuns),
  ...(process.env.APA_FUZZ_PATH ? { path: process.env.APA_FUZZ_PATH } : {}),
});

beforeAll(() => {
  // Logged once: with it, APA_FUZZ_SEED replays this run exactly.
  console.log(`fuzz seed ${SEED} (replay: APA_FUZZ_SEED=${SEED} npx jest test/fuzz.test.ts)`);
});

interface Case {
  seed: string;
  mutations: Mutation[];
  /** Hosts that lose number formats (CSV, custom-function arguments) read with this. */
  formatsUnknown: boolean;
}

const caseArb = (mutations: fc.Arbitrary<Mutation[]>): fc.Arbitrary<Case> =>
  fc.record({ seed: fc.constantFrom(...SEED_NAMES), mutations, formatsUnknown: fc.nat(3).map((n) => n === 0) });
/** One to six mutations of any kind, in any order. */
const anyMutations = fc.array(mutationArb, { minLength: 1, maxLength: 6 });
/** As above, and then formula errors typed over some cells (so that some land where values are read). */
const withErrors = fc.tuple(fc.array(mutationArb, { maxLength: 5 }), fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 1, max: 16 })).map(
  ([ms, seed, count]): Mutation[] => [...ms, { kind: 'formula-errors', seed, count }],
);

function mutated(c: Case): FuzzGrid {
  const g = seedGrid(c.seed);
  for (const m of c.mutations) applyMutation(g, m);
  // A broken merge would be the mutations' fault, not the reader's: stop at once if one appears.
  const broken = mergeProblems(g);
  if (broken.length) throw new Error(`mutation bug: ${broken.slice(0, 3).join('; ')}`);
  return g;
}

function fail(kind: string, findings: string[]): void {
  if (findings.length) throw new Error(`${kind}:\n  ${findings.slice(0, 8).join('\n  ')}${findings.length > 8 ? `\n  … ${findings.length - 8} more` : ''}`);
}

describe('The seeds, as the fixtures build them, already satisfy every property', () => {
  test.each(SEED_NAMES)('%s', (name) => {
    const out = readAndCheck(seedGrid(name));
    expect(out.plan).not.toBeNull();
    expect(planIndicators(out.plan!).length).toBeGreaterThan(0);
    expect(out.findings).toEqual([]);
  });
});

describe('Reading, scoring and validating never throw, whatever was done to the sheet', () => {
  test('any mix of deleted, inserted and swapped columns, shuffled and hidden rows, split merges, English, qualified and bilingual headers, one-row tier headers with percents, quarter rows, mixed digits, misspelt units, formula errors, numbers as text and text as numbers, sentences with and without one value, n/a remarks', () => {
    fc.assert(
      fc.property(caseArb(anyMutations), (c) => {
        const g = mutated(c);
        const out = readPlan(g, { formatsUnknown: c.formatsUnknown });
        if (out.kind === 'plan') {
          const scored = scorePlan(out.plan);
          scorePlan(out.plan, { mode: 'floor', na: 'zero', final: true });
          validatePlan(out.plan, { today: 20_000 }, scored);
          for (const s of scored.indicators) if (s.raw !== null && !(s.raw >= 0 && s.raw <= 100)) throw new Error(`raw score ${s.raw} of ${s.indicator.id} is outside 0–100`);
        } else if (out.problems.length === 0) throw new Error('not a plan, and no problem says why');
      }),
      params(1500),
    );
  });
});

describe('Every unreadable cell is reported with its own address', () => {
  test('formula errors where values are read are reported at exactly those cells; every invalid indicator names the cell that holds its bad value', () => {
    let hits = 0;
    fc.assert(
      fc.property(caseArb(withErrors), (c) => {
        const out = readAndCheck(mutated(c), { formatsUnknown: c.formatsUnknown });
        hits += out.errorsAtReadCells;
        fail('unreadable cells not reported at their address', out.unreported);
      }),
      params(1500),
    );
    // Guard against a vacuous pass: some injected errors must have landed where values are read.
    expect(hits).toBeGreaterThan(0);
  });
});

describe('Every cell reported as read holds the value the fixture put there', () => {
  test('weights, targets and achievements are read from the cells their addresses name, merges honoured', () => {
    fc.assert(
      fc.property(caseArb(anyMutations), (c) => {
        const out = readAndCheck(mutated(c), { formatsUnknown: c.formatsUnknown });
        fail('values not where the plan says they were read', out.misread);
      }),
      params(1500),
    );
  });
});

describe('The variants real offices type (issue 12) keep every property: qualified and bilingual headers, one-row tier headers with percents, quarter rows, sentences with and without one value, n/a remarks', () => {
  const NEW_KINDS = ['qualified-headers', 'one-row-tiers', 'quarter-row', 'sentences', 'na-remarks'];
  const newVariant = mutationArb.filter((m) => NEW_KINDS.includes(m.kind));
  const mixed = fc.tuple(fc.array(newVariant, { minLength: 1, maxLength: 4 }), fc.array(mutationArb, { maxLength: 3 }), fc.integer({ min: 0, max: 0x7fffffff })).map(
    ([ours, others, seed]): Mutation[] => [...ours, ...others, { kind: 'formula-errors', seed, count: 3 }],
  );
  test('never throws; every unreadable cell reported at its address; every value read where the plan says', () => {
    let plans = 0;
    fc.assert(
      fc.property(caseArb(mixed), (c) => {
        const out = readAndCheck(mutated(c), { formatsUnknown: c.formatsUnknown });
        if (out.plan) plans++;
        fail('issue 12 variants', out.findings);
      }),
      params(800),
    );
    // Most mutated sheets are still plans: the variants are read, not refused.
    expect(plans).toBeGreaterThan(runs(800) * 0.8);
  });
  test.each(SEED_NAMES)('%s with its headers qualified, its tiers in one row, quarter columns and sentences reads the same indicators', (name) => {
    const ids = (g: Grid) => {
      const out = readPlan(g);
      return out.kind === 'plan' ? planIndicators(out.plan).map((i) => i.id) : null;
    };
    const g = seedGrid(name);
    for (const m of [{ kind: 'one-row-tiers', bracket: false }, { kind: 'quarter-row', seed: 3, total: true }, { kind: 'qualified-headers', seed: 5, rate: 1 }] as Mutation[]) applyMutation(g, m);
    expect(mergeProblems(g)).toEqual([]);
    expect(ids(g)).toEqual(ids(seedGrid(name)));
    expect(readAndCheck(g).findings).toEqual([]);
  });
});

/** The seed's indicator rows, first to last (a row pair's second row included), in grid rows. */
function indicatorRows(g: Grid): { first: number; last: number } {
  const out = readPlan(g);
  if (out.kind !== 'plan') throw new Error(`${g.sheet}: the seed is not a plan`);
  const rows = planIndicators(out.plan).flatMap((i) => [i.row - 1, ...i.achievements.map((a) => Number(/\d+$/.exec(a.cell)![0]) - 1)]);
  return { first: Math.min(...rows), last: Math.max(...rows) };
}

describe('A 20,000-row sheet is read like a small one', () => {
  test('each seed\'s indicator rows repeated to 20,000 rows, with a few cheap mutations, satisfies every property', () => {
    const cheap = fc.oneof(
      mutationArb.filter((m) =>
        ['formula-errors', 'mix-digits', 'numbers-as-text', 'text-as-numbers', 'misspell-units', 'english-headers', 'origin', 'ragged', 'qualified-headers', 'one-row-tiers', 'sentences', 'na-remarks'].includes(m.kind),
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SEED_NAMES), fc.array(cheap, { maxLength: 3 }), (name, mutations) => {
        const small = seedGrid(name);
        const { first, last } = indicatorRows(small);
        const g = repeatRows(small, first, last, 20_000);
        expect(g.values.length).toBeGreaterThanOrEqual(20_000);
        for (const m of mutations) applyMutation(g, m);
        // The same mutations on the small sheet: a header they make unreadable (an abbreviation
        // the reader does not know) is unreadable at any length, and only then.
        for (const m of mutations) applyMutation(small, m);
        const out: Outcome = readAndCheck(g);
        expect(out.plan === null).toBe(readAndCheck(small).plan === null);
        fail('20,000 rows', out.findings);
      }),
      params(4),
    );
  });
});

describe('Regressions the fuzz found, as fixed small cases', () => {
  const grid = (values: CellValue[][], merges: Grid['merges'] = []): FuzzGrid => ({ sheet: 'Sheet1', values, formats: values.map((r) => r.map(() => null)), merges: merges ?? [] });
  const problemsOf = (g: Grid) => {
    const out = readPlan(g);
    return out.kind === 'plan' ? validatePlan(out.plan) : out.problems;
  };

  test('row pairs without tier columns: the achievement is read from the target column of the অর্জন row (was "undefinedNaN")', () => {
    const g = grid(
      [
        ['ক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা/ অর্জন', 'লক্ষ্যমাত্রা'],
        ['১', '[১.১.১] সূচক', 'সংখ্যা', '৫', 'লক্ষ্যমাত্রা', '৪'],
        [null, null, null, null, 'অর্জন', '৩'],
      ],
      [0, 1, 2, 3].map((c) => ({ top: 1, left: c, bottom: 2, right: c })),
    );
    const out = readPlan(g);
    if (out.kind !== 'plan') throw new Error('not a plan');
    expect(out.plan.layout).toBe('row-pairs');
    const [ind] = planIndicators(out.plan);
    expect(ind.achievements.map((a) => [a.cell, a.value])).toEqual([['F3', { kind: 'number', value: 3, percent: false }]]);
    expect(scorePlan(out.plan).indicators[0].raw).toBe(75);
    expect(readAndCheck(g).findings).toEqual([]);
  });

  test('a header found on a row its merges cover names the merge\'s top-left cell (was the covered cell)', () => {
    // কর্মসম্পাদন সূচক is merged over A1:A2; the header row is row 2, where the tier is named.
    const g = grid([['কর্মসম্পাদন সূচক', 'মন্তব্য'], [null, 'অসাধারণ'], ['[১.১.১] সূচক', '৪']], [{ top: 0, left: 0, bottom: 1, right: 0 }]);
    const missing = problemsOf(g).filter((p) => p.code === 'missing-column');
    expect(missing.length).toBeGreaterThan(0);
    for (const p of missing) expect(p.cell).toBe('A1');
    expect(readAndCheck(g).findings).toEqual([]);
  });

  test('a caption with অগ্রগতি merged across under the header is a caption: the sheet is read, every problem at a real cell (was read as header, problems at "1")', () => {
    const g = grid(
      [
        ['ক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা', 'অর্জন'],
        ['২য় ত্রৈমাসিক অগ্রগতি প্রতিবেদন', null, null, null, null, null],
        ['১', '[১.১.১] সূচক', 'সংখ্যা', '৫', '৪', '৩'],
      ],
      [{ top: 1, left: 0, bottom: 1, right: 5 }],
    );
    const out = readPlan(g);
    expect(out.kind).toBe('plan');
    if (out.kind === 'plan') expect(scorePlan(out.plan).indicators.map((s) => [s.indicator.id, s.indicator.row, s.raw])).toEqual([['1.1.1', 3, 75]]);
    for (const p of problemsOf(g).filter((p) => p.cell !== '')) expect(parseA1(p.cell)).not.toBeNull();
    expect(readAndCheck(g).findings).toEqual([]);
  });

  test('quarter columns only: an indicator invalid for its 1st quarter\'s #REF! names that cell (was the last quarter\'s)', () => {
    const g = grid([
      ['কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা', '১ম ত্রৈমাসিক অর্জন', '২য় ত্রৈমাসিক অর্জন'],
      ['[১.১.১] সূচক', 'সংখ্যা', '৫', '৪', '#REF!', '২'],
    ]);
    const out = readPlan(g);
    if (out.kind !== 'plan') throw new Error('not a plan');
    const [s] = scorePlan(out.plan).indicators;
    expect(s.status).toBe('invalid');
    expect(s.invalid).toEqual({ cause: 'not-a-value', cell: 'E2' });
    expect(validatePlan(out.plan).filter((p) => p.code === 'not-a-value').map((p) => p.cell)).toEqual(['E2']);
    expect(readAndCheck(g).findings).toEqual([]);
  });

  // The fuzz's own counterexamples (shrunk), replayed on the seeds.
  test.each([
    { seed: '003-row-pairs', mutations: [{ kind: 'insert-column', at: 0, fill: 'notes', seed: 387452552 }], formatsUnknown: true },
    { seed: 'apa-main-quarters', mutations: [{ kind: 'shuffle-rows', from: 272, span: 13, seed: 1161815235 }, { kind: 'formula-errors', seed: 0, count: 1 }], formatsUnknown: true },
    { seed: '003-row-pairs-english', mutations: [{ kind: 'delete-column', at: 39 }, { kind: 'formula-errors', seed: 760088720, count: 5 }], formatsUnknown: true },
    { seed: 'apa-main-quarters', mutations: [{ kind: 'formula-errors', seed: 795900041, count: 12 }], formatsUnknown: true },
  ] as Case[])('$seed after $mutations.0.kind', (c) => {
    expect(readAndCheck(mutated(c), { formatsUnknown: c.formatsUnknown }).findings).toEqual([]);
  });
});
