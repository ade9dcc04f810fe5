/**
 * Sheets typed as offices type them (docs/rules.md §1, §3, §5, §7), written as .xlsx by ExcelJS and
 * saved again by LibreOffice (another writer: its own shared strings, styles and merges; CI
 * installs libreoffice-calc), read by the CLI's reader: each reads the same, as the rules say.
 * Seed 000 typed as its office keeps it (one table, merged area cells): no error but its real
 * mistakes; its dated sentence and its percent score 100; every other sentence is reported in
 * words; the plan shows 10 of 50 marks so far.
 */
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { readWorkbookGrids } from '../cli/xlsx-grid';
import { readPlan } from '../core/layout';
import { Plan, planIndicators } from '../core/plan';
import { PlanScore, scorePlan } from '../core/score';
import { validatePlan } from '../core/validate';
import { dayFromYmd } from '../core/dates';
import { specToWorkbook, workbookBuffer, SheetSpec } from './fixtures/sheet-model';
import { INTEGRITY_OFFICE, INTEGRITY_TYPED, RTI_ENGLISH_TYPED, SEED_000_AS_TYPED } from './fixtures/seeds/office-typed';

const FIXTURES: Record<string, SheetSpec> = {
  '000-as-typed.xlsx': SEED_000_AS_TYPED,
  'integrity-typed.xlsx': INTEGRITY_TYPED,
  'rti-english.xlsx': RTI_ENGLISH_TYPED,
};

const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
const skipLibreOffice = !soffice && process.env.APA_SKIP_LIBREOFFICE === '1';
const WRITERS = skipLibreOffice ? ['exceljs'] : ['exceljs', 'libreoffice'];

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-typed-'));
  const written = path.join(tmp, 'exceljs');
  await fs.mkdir(written);
  for (const [file, spec] of Object.entries(FIXTURES)) {
    const { wb } = specToWorkbook({ sheets: [spec], created: new Date(Date.UTC(2024, 0, 10)) });
    await fs.writeFile(path.join(written, file), await workbookBuffer(wb));
  }
  if (skipLibreOffice) return void console.warn('office-typed: LibreOffice not found and APA_SKIP_LIBREOFFICE=1: the LibreOffice-saved fixtures are SKIPPED.');
  if (!soffice) throw new Error('LibreOffice (soffice) not found: install libreoffice-calc (CI: .ci/run does), or set APA_SKIP_LIBREOFFICE=1 to skip explicitly.');
  // A different name in, so that LibreOffice's output does not overwrite its input.
  const input = path.join(tmp, 'lo-in');
  await fs.mkdir(input);
  for (const file of Object.keys(FIXTURES)) await fs.copyFile(path.join(written, file), path.join(input, file));
  const out = path.join(tmp, 'libreoffice');
  await new Promise<void>((resolve, reject) =>
    execFile(
      soffice,
      [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...Object.keys(FIXTURES).map((f) => path.join(input, f))],
      { timeout: 240_000 },
      (err) => (err ? reject(err) : resolve()),
    ),
  );
}, 300_000);
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function read(writer: string, file: string): Promise<{ plan: Plan; result: PlanScore; final: PlanScore; problems: ReturnType<typeof validatePlan> }> {
  const { grids } = await readWorkbookGrids(path.join(tmp, writer, file), file);
  const plans = grids.map((g) => readPlan(g)).filter((o): o is { kind: 'plan'; plan: Plan } => o.kind === 'plan');
  expect(plans).toHaveLength(1);
  const plan = plans[0].plan;
  const result = scorePlan(plan);
  return { plan, result, final: scorePlan(plan, { final: true }), problems: validatePlan(plan, {}, result) };
}
const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d)!;

describe.each(WRITERS)('Seed 000 typed as its office types it (one table, merged area cells), saved by %s', (writer) => {
  let s: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => (s = await read(writer, '000-as-typed.xlsx')));
  test('the plan: office, kind, year, quarter, 3-tier layout, two merged areas', () => {
    expect(s.plan).toMatchObject({ office: 'জনপ্রশাসন মন্ত্রণালয়', kind: 'e-governance', fiscalYear: 2021, quarter: 1, layout: 'three-tier', equalWeights: false });
    expect(s.plan.areas.map((a) => [a.id, a.weight, a.indicators.length])).toEqual([
      ['1', 29, 6],
      ['2', 21, 7],
    ]);
  });
  test('no error but its real mistakes (a malformed area and indicator id, a count unit over date targets)', () => {
    expect(s.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(s.problems.filter((p) => p.severity === 'warning').map((p) => p.code).sort()).toEqual(['malformed-id', 'malformed-id', 'unit-contradicted']);
  });
  test('its sentence with a date and its percent score 100; every other sentence is pending, shown as reported in words', () => {
    const st = s.result.indicators.map((x) => [x.indicator.id, x.status, x.raw]);
    expect(st.filter(([, status]) => status === 'scored')).toEqual([
      ['1.4.1', 'scored', 100],
      ['1.5.1', 'scored', 100],
    ]);
    expect(st.filter(([, status]) => status === 'in-words')).toHaveLength(11);
    expect(s.result.indicators.find((x) => x.indicator.id === '1.4.1')!.achievement).toEqual({ kind: 'date', day: day(2021, 8, 29) });
    const words = s.problems.filter((p) => p.code === 'reported-in-words');
    expect(words).toHaveLength(11);
    expect(words.every((p) => p.severity === 'info' && /^K\d+$/.test(p.cell))).toBe(true);
  });
  test('the plan shows 10 of 50 marks so far; a final evaluation counts the sentences 0', () => {
    expect(s.result.totals).toMatchObject({ score: 10, applicable: 50, earnedPercent: 20, weight: 50, inWords: 11, toDate: true });
    expect(s.final.totals).toMatchObject({ score: 10, max: 50, percent: 20, toDate: false });
  });
});

describe.each(WRITERS)('An integrity plan with no weight column, tiers and percents in one header row, a row of quarters with a total, a প্রমাণক column (saved by %s)', (writer) => {
  let s: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => (s = await read(writer, 'integrity-typed.xlsx')));
  test('the plan: office from its title line, integrity, 2023-24, quarter 2, one-row tiers, equal weights', () => {
    expect(s.plan).toMatchObject({ office: INTEGRITY_OFFICE, officeSource: 'title', kind: 'integrity', fiscalYear: 2023, quarter: 2, layout: 'one-row-tiers', equalWeights: true });
    expect(s.plan.tiers.map((t) => t.percent)).toEqual([100, 90, 80, 70, 60]);
  });
  test('each indicator weighs 1; the total is scored; words pending; n/a from the remark; evidence from its column', () => {
    expect(s.result.indicators.map((x) => [x.indicator.id, x.indicator.weight, x.status, x.raw, x.indicator.evidence])).toEqual([
      ['1.1.1', 1, 'scored', 80, 'yes'],
      ['1.1.2', 1, 'scored', 90, 'no'],
      ['1.2.1', 1, 'in-words', null, 'not-said'],
      ['1.3.1', 1, 'na', null, 'not-said'],
      ['1.4.1', 1, 'scored', 100, 'yes'],
    ]);
    expect(s.result.totals).toMatchObject({ weight: 5, applicable: 4, inWords: 1, na: 1 });
    expect(s.result.totals.score).toBeCloseTo(2.7, 10);
    expect(s.result.totals.earnedPercent).toBeCloseTo(67.5, 10);
  });
  test('one warning for the sheet: no weight column', () => {
    expect(s.problems.filter((p) => p.severity !== 'info').map((p) => [p.code, p.cell])).toEqual([['no-weight-column', '']]);
  });
});

describe.each(WRITERS)('An RTI plan on the English form, with quarter columns and the cumulative one (saved by %s)', (writer) => {
  let s: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => (s = await read(writer, 'rti-english.xlsx')));
  test('the plan', () => {
    expect(s.plan).toMatchObject({ office: 'Department of Films and Publications', kind: 'rti', fiscalYear: 2023, quarter: 2, layout: 'five-tier' });
  });
  test('the cumulative column is scored; evidence yes / no / not said; a remark with an achievement changes nothing', () => {
    expect(s.result.indicators.map((x) => [x.indicator.id, x.status, x.raw, x.indicator.evidence])).toEqual([
      ['1.1.1', 'scored', 100, 'yes'],
      ['2.1.1', 'scored', 90, 'no'],
      ['3.1.1', 'scored', 75, 'not-said'],
    ]);
    expect(s.result.totals.score).toBeCloseTo(20 + 13.5 + 11.25, 10);
    expect(s.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });
});
