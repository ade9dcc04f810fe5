/** Properties that must hold for every input, checked with fast-check (seeds print on failure). */
import fc from 'fast-check';
import { readPlan } from '../core/layout';
import { scorePlan } from '../core/score';
import { validatePlan } from '../core/validate';
import { rawScore, Point, ScoreSettings, settingsWithDefaults } from '../core/score';
import { scoreSettingsSchema } from '../core/settings';
import { BENGALI_DIGITS, toAsciiDigits, toBengaliDigits } from '../core/bengali-digits';
import { parseId } from '../core/ids';
import { percentOfHeader } from '../core/header';
import { cleanText, compactOfClean, needsCleaning } from '../core/text';
import { readText, readTextGeneral } from '../core/values';
import { readCommonText } from '../core/value-text';
import { dayFromYmd } from '../core/dates';
import { CellValue, Grid } from '../core/grid';
import { fiveTierGrid } from './helpers';
import { jsonSheet } from '../core/json-sheet';
import { jsonSheetSchema } from '../core/json';

const words = ['কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে', 'লক্ষ্যমাত্রা', 'অর্জন', 'লক্ষ্যমাত্রা/ অর্জন', 'মান', 'কার্যক্রম', '১০০%', '৬০%', 'তারিখ', '%', 'সংখ্যা', '[১.১.১] সূচক', '[১] ক্ষেত্র', '১৬/০৩/২৫', '৩১০-০৬-২০২০', 'প্রযোজ্য নয়', '-', '০', '১', '২', '৩', 'উপমোট', '#N/A', '১০ কার্তিক ১৪২৮'];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 50000 }),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    values: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 24 }),
    merges: fc.array(fc.tuple(fc.nat(25), fc.nat(15), fc.nat(4), fc.nat(4)), { maxLength: 6 }),
    formats: fc.array(fc.array(fc.constantFrom(undefined, 'General', '0%', '0.00%', 'dd/mm/yyyy', 'd-mmm-yy', '[$-en-US]mmmm d, yyyy;@', '"x"0'), { maxLength: 14 }), { maxLength: 24 }),
  })
  .map(({ values, merges, formats }) => ({
    sheet: 'ফাজ',
    values,
    formats,
    merges: merges.map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w })),
  }));

describe('Reading never throws on any grid', () => {
  test('random grids of sheet-like cells, merges and formats', () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const out = readPlan(grid);
        if (out.kind === 'plan') {
          const scored = scorePlan(out.plan);
          validatePlan(out.plan, { today: 20000 }, scored);
          for (const s of scored.indicators) if (s.raw !== null) expect(s.raw >= 0 && s.raw <= 100).toBe(true);
        } else {
          expect(out.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });
  test('a real table with random cells typed into its data rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, fc.array(cell, { minLength: 5, maxLength: 5 }), cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const grid = fiveTierGrid(rows.map(([w, t, a, u], i) => ({ id: `1.1.${i + 1}`, weight: w, targets: t, achievement: a, unit: typeof u === 'string' ? u : undefined })));
        const out = readPlan(grid);
        expect(out.kind).toBe('plan');
        if (out.kind === 'plan') {
          expect(out.plan.areas.flatMap((a) => a.indicators)).toHaveLength(rows.length);
          validatePlan(out.plan);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('--json always validates against its schema: every total and score a number or null where the schema says', () => {
  // Weights as they come: huge (their sum past the largest double), negative, non-finite, typed.
  const weight: fc.Arbitrary<CellValue> = fc.oneof(fc.constantFrom(1e308, 1.7e308, -1e308, -5, 0, Infinity, -Infinity, Number.MAX_VALUE, '৫', '-৩', '1e308'), fc.double({ noNaN: false }), cell);
  test('random weights, targets and achievements in a real table, under every setting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(weight, fc.array(cell, { minLength: 5, maxLength: 5 }), cell), { minLength: 1, maxLength: 8 }),
        fc.record({ mode: fc.constantFrom('interpolate' as const, 'floor' as const), na: fc.constantFrom('rescale' as const, 'full' as const, 'zero' as const), final: fc.boolean() }),
        (rows, settings) => {
          const out = readPlan(fiveTierGrid(rows.map(([w, t, a], i) => ({ id: `${1 + (i % 3)}.1.${i + 1}`, weight: w, targets: t, achievement: a }))));
          if (out.kind !== 'plan') return;
          const scored = scorePlan(out.plan, settings);
          const problems = validatePlan(out.plan, { today: 20000 }, scored).map(({ file: _f, ...p }) => p);
          // What the CLI prints: JSON.stringify turns a non-finite number into null.
          const parsed = jsonSheetSchema.safeParse(JSON.parse(JSON.stringify(jsonSheet(scored, problems))));
          expect(parsed.success ? 'valid' : parsed.error.issues).toBe('valid');
          for (const v of Object.values(scored.totals)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Strictly decreasing targets (higher is better) with the tier percents 100…60. */
const pointsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 5 })
  .map((xs) => {
    const sorted = [...xs].sort((a, b) => b - a);
    const percents = [100, 90, 80, 70, 60];
    return sorted.map((x, i): Point => ({ x, percent: percents[i], tier: 'excellent', cell: '' }));
  });

describe('§4 properties of the raw score', () => {
  for (const mode of ['interpolate', 'floor'] as const) {
    test(`a better achievement never gets a lower raw score (${mode})`, () => {
      fc.assert(
        fc.property(pointsArb, fc.double({ min: -10, max: 1200, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), fc.boolean(), (points, a, delta, lowerIsBetter) => {
          const b = a + delta;
          if (lowerIsBetter) {
            // Lower is better: mirror the axis, so the better achievement is the smaller one.
            const pts = points.map((p) => ({ ...p, x: 1000 - p.x }));
            expect(rawScore(1000 - b, pts, false, 'count', mode)).toBeGreaterThanOrEqual(rawScore(1000 - a, pts, false, 'count', mode));
          } else {
            expect(rawScore(b, points, true, 'count', mode)).toBeGreaterThanOrEqual(rawScore(a, points, true, 'count', mode));
          }
        }),
        { numRuns: 3000 },
      );
    });
  }
  test('earlier dates never get a lower raw score', () => {
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: -50, max: 1100 }), fc.nat(300), (points, a, delta) => {
        const dates = points.map((p) => ({ ...p, x: 20000 + (1000 - p.x) })); // earliest first
        expect(rawScore(20000 + a, dates, false, 'date', 'interpolate')).toBeGreaterThanOrEqual(rawScore(20000 + a + delta, dates, false, 'date', 'interpolate'));
      }),
      { numRuns: 2000 },
    );
  });
  test('raw is always within 0–100', () => {
    fc.assert(
      fc.property(pointsArb, fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.boolean(), fc.constantFrom('count', 'percent', 'date') as fc.Arbitrary<'count' | 'percent' | 'date'>, (points, x, higher, unit) => {
        const r = rawScore(x, points, higher, unit, 'interpolate');
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(100);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('§3 digits round-trip between Bengali and ASCII', () => {
  test('ASCII → Bengali → ASCII, and Bengali → ASCII → Bengali', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const ascii = toAsciiDigits(s);
        expect(/[০-৯]/.test(ascii)).toBe(false);
        expect(toAsciiDigits(toBengaliDigits(ascii))).toBe(ascii);
        const bn = toBengaliDigits(s);
        expect(/[0-9]/.test(bn)).toBe(false);
        expect(toBengaliDigits(toAsciiDigits(bn))).toBe(bn);
      }),
      { numRuns: 2000 },
    );
  });
  test('each digit is replaced where it stands and nothing else changes', () => {
    const byPattern = (t: string, from: RegExp, to: string, zero: number) => t.replace(from, (d) => to[d.charCodeAt(0) - zero]);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '০', '৯', '9', 'ক', '.', ' ', '%', 'a', '\u09e5', '\u09f0', '/', ':') }), fc.string(), (s, t) => {
        for (const x of [s, t, s + t]) {
          expect(toBengaliDigits(x)).toBe(byPattern(x, /[0-9]/g, BENGALI_DIGITS, 48));
          expect(toAsciiDigits(x)).toBe(byPattern(x, /[০-৯]/g, '0123456789', 0x09e6));
        }
      }),
      { numRuns: 5000 },
    );
  });
  test('every digit maps to its own', () => {
    expect(toBengaliDigits('0123456789')).toBe('০১২৩৪৫৬৭৮৯');
    expect(toAsciiDigits('০১২৩৪৫৬৭৮৯')).toBe('0123456789');
  });
  test('the digits are the ones Intl writes for Bengali (bn-BD)', () => {
    const f = new Intl.NumberFormat('bn-BD', { useGrouping: false });
    expect(Array.from({ length: 10 }, (_, d) => f.format(d)).join('')).toBe(BENGALI_DIGITS);
    expect(toBengaliDigits('0123456789')).toBe(BENGALI_DIGITS);
  });
});

describe('ids are read the same as the id pattern says', () => {
  // The pattern the hand-written reader in core/ids.ts replaced: kept here as the oracle.
  const LEADING_ID = /^[[({]\s*(\d+(?:\s*\.\s*\d+)*)\s*\.?\s*[\])}]\s*[.:-]?\s*|^(\d+(?:\.\d+)*)\.?(?:\s+|\s*[):-]\s*|$)/;
  const oracle = (text: string) => {
    const clean = cleanText(text);
    const m = LEADING_ID.exec(toAsciiDigits(clean));
    if (!m) return { id: '', name: clean };
    const id = (m[1] ?? m[2]).replace(/\s+/g, '');
    return { id, name: clean.slice(m[0].length).trim() };
  };
  const piece = fc.constantFrom('[', ']', '(', ')', '{', '}', '.', ':', '-', ' ', '১', '২', '1', '7', '০', 'র্থ', 'সূচক', 'a');
  test('random id-like texts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        const got = parseId(text);
        const want = oracle(text);
        expect({ id: got.id, name: got.name }).toEqual(want);
        if (got.id) expect(got.depth).toBe(got.id.split('.').length);
      }),
      { numRuns: 5000 },
    );
  });
  test('the seeds\' ids', () => {
    expect(parseId('[১.১.১] একটি সূচক')).toMatchObject({ id: '1.1.1', depth: 3, name: 'একটি সূচক' });
    expect(parseId('[১.2.১]')).toMatchObject({ id: '1.2.1', name: '' });
    expect(parseId('৪র্থ শিল্প বিপ্লব')).toMatchObject({ id: '', name: '৪র্থ শিল্প বিপ্লব' });
    expect(parseId('[১.৪.১] আইন [১.৪.২] কর্মশালা').others).toEqual(['1.4.2']);
    expect(parseId('১. ই-গভর্ন্যান্স')).toMatchObject({ id: '1', name: 'ই-গভর্ন্যান্স' });
  });
});

describe('the hand-written value reader agrees with the general one', () => {
  // readCommonText (core/value-text.ts) must give what readTextGeneral gives, or decline.
  const agrees = (text: string) => {
    const want = readTextGeneral(text);
    const fast = readCommonText(text);
    if (fast !== undefined) expect(fast).toEqual(want);
    expect(readText(text)).toEqual(want);
  };
  const piece = fc.constantFrom('০', '১', '৫', '৯', '0', '1', '7', '9', '২০২৫', '25', ',', '.', '/', '-', '+', '%', ' ', '  ', 'শতাংশ', 'টি', '\u200c', 'মার্চ', '#', '\u066b');
  test('texts made of number and date pieces', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (parts) => agrees(parts.join(''))), { numRuns: 5000 });
  });
  const bn = (s: string, mask: number) => s.replace(/[0-9]/g, (d, i: number) => ((mask >> i % 30) & 1 ? toBengaliDigits(d) : d));
  test('numbers as offices type them: signs, grouping, decimals, percents, mixed digits', () => {
    const grouped = (whole: string, indian: boolean) => {
      if (whole.length <= 3) return whole;
      const last = whole.slice(-3);
      const rest = whole.slice(0, -3);
      const size = indian ? 2 : 3;
      const groups: string[] = [];
      for (let end = rest.length; end > 0; end -= size) groups.unshift(rest.slice(Math.max(0, end - size), end));
      return `${groups.join(',')},${last}`;
    };
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.nat(6), fc.constantFrom('', '-', '+'), fc.constantFrom('', '%', ' %'), fc.boolean(), fc.boolean(), fc.nat(), (x, decimals, sign, suffix, group, indian, mask) => {
        const [whole, frac] = Math.abs(x).toFixed(decimals).split('.');
        const text = `${sign}${group ? grouped(whole, indian) : whole}${frac !== undefined ? `.${frac}` : ''}${suffix}`;
        agrees(bn(text, mask));
      }),
      { numRuns: 5000 },
    );
  });
  test('day-first dates with / - . and two- or four-digit years, possible or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 2300 }), fc.constantFrom('/', '-', '.'), fc.constantFrom('/', '-', '.'), fc.boolean(), fc.boolean(), fc.nat(), (d, m, y, s1, s2, pad, shortYear, mask) => {
        const p = (n: number) => (pad ? String(n).padStart(2, '0') : String(n));
        const year = shortYear ? String(y % 100).padStart(2, '0') : String(y);
        agrees(bn(`${p(d)}${s1}${p(m)}${s2}${year}`, mask));
      }),
      { numRuns: 5000 },
    );
  });
  test('it takes the common shapes itself (so the properties above are not vacuous)', () => {
    for (const t of ['৪', '১,২০০', '১২,৩৪,৫৬৭', '৬.০০2', '-0', '৯০.৫৯%', '৮৫ %', '.5', '১৬/০৩/২০২২', '১৬-০৩-২০২২', '১৬.০৩.২০২৫', '৬/০৪/২৫']) {
      expect(readCommonText(t)).toBeDefined();
      agrees(t);
    }
    for (const t of ['-', '৮৫ শতাংশ', '১৬ মার্চ ২০২৫', '৩১০-০৬-২০২০', '31/02/2025', ' 5', '1,2']) expect(readCommonText(t)).toBeUndefined();
  });
  test('day numbers by arithmetic are the days Date.UTC gives', () => {
    // The Date-based conversion dates.ts used before: the oracle.
    const oracle = (year: number, month: number, day: number) => {
      if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2199) return null;
      const t = Date.UTC(year, month - 1, day);
      const back = new Date(t);
      if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
      return t / 86_400_000;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        expect(dayFromYmd(y, m, d)).toBe(oracle(y, m, d));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('text that needs no cleaning is left as it is (cleaning is skipped for it)', () => {
  // Every piece that makes NFC or the space rules change a text, and the ones that do not.
  const pieces = ['\u09df', '\u09af\u09bc', '\u09dc', '\u09a1\u09bc', '\u09dd', '\u09cb', '\u09c7\u09be', '\u09cc', '\u09c7\u09d7', 'ক', '\u09cd', '\u09bc', '\u09be', '\u09c7', '\u09d7', 'ৎ', '\u09c4', '\u09e2', '\u09fe', ' ', '  ', '\u00a0', '\u200c', '\u200d', '\t', 'a', '1', '১', '.', '\u00e9', 'e\u0301', '\u2126', '।', '–', '“', 'ক\u09cd\u200cষ'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(''));
  const fully = (s: string) => s.normalize('NFC').replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/\s+/g, ' ').trim();

  test('cleanText gives what NFC, dropping invisible characters and folding spaces give', () => {
    fc.assert(fc.property(text, (s) => cleanText(s) === fully(s)), { numRuns: 20_000 });
  });

  test('compact text is the text without spaces, lower-cased (Bengali, which has no case, is not copied)', () => {
    const word = fc.oneof(text, fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('KPI', 'V. Good', 'Σ', 'İ', 'ǅ', 'Ａ', 'ক্রম নং', 'Target ২০২৪'));
    fc.assert(fc.property(fc.array(word, { maxLength: 4 }).map((a) => a.join(' ')), (s) => compactOfClean(s) === s.replace(/ /g, '').toLowerCase()), { numRuns: 20_000 });
  });

  test('Bengali letters with a nukta typed as NFC writes them need no cleaning', () => {
    expect(needsCleaning('কার্যালয়'.normalize('NFC'))).toBe(false);
    expect(needsCleaning('বাতায়ন হালনাগাদকরণ'.normalize('NFC'))).toBe(false);
    expect(needsCleaning('কার্যাল\u09df')).toBe(true);
    expect(needsCleaning('ক\u09cd\u09bc')).toBe(true);
  });
});

describe('a tier percent header (১০০%, 90 %) is read the same with the quick look for its % sign', () => {
  // The pattern percentOfHeader applied to every text before it looked at the last character.
  const byPattern = (text: string) => {
    const m = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(toAsciiDigits(text.trim()));
    return m ? Number(m[1]) : null;
  };
  const piece = fc.constantFrom('১০০', '৯০', '80', '৭', '.', '৫', '%', ' ', '\u00a0', '\t', '\n', 'অসাধারণ', '％', '%%', '1000');
  const text = fc.oneof(fc.array(piece, { maxLength: 6 }).map((a) => a.join('')), fc.string({ maxLength: 8 }));

  test('percentOfHeader gives what the percent pattern gives, for any text', () => {
    fc.assert(fc.property(text, (s) => percentOfHeader(s) === byPattern(s)), { numRuns: 20_000 });
  });
});

describe('the settings scoring fills in are the ones the settings schema gives', () => {
  const anyValue = fc.constantFrom<unknown>(undefined, 'interpolate', 'floor', 'rescale', 'full', 'zero', 'bogus', true, false, 0, null);
  test('defaults, accepted values and refused values agree with scoreSettingsSchema', () => {
    fc.assert(
      fc.property(fc.record({ mode: anyValue, na: anyValue, final: anyValue }, { requiredKeys: [] }), (input) => {
        const zod = scoreSettingsSchema.safeParse(input);
        let ours: ScoreSettings | Error;
        try {
          ours = settingsWithDefaults(input as Partial<ScoreSettings>);
        } catch (err) {
          ours = err as Error;
        }
        if (zod.success) expect(ours).toEqual(zod.data);
        else expect(ours).toBeInstanceOf(Error);
      }),
      { numRuns: 3000 },
    );
  });
});
