/**
 * The add-in's workbook side (`addin/src/workbook/excel-workbook.ts`) over the typed fake Excel,
 * on every seed fixture: each command's result against core on the same grid, the user's content
 * byte-for-byte after every command and after removeAll, idempotence, sync budgets and payloads,
 * the change handler, cancellation, and adding offices' .xlsx files.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { buildOfficeWorkbook, buildSamples } from '../fixtures/build-fixtures';
import { readWorkbookGrids } from '../../cli/xlsx-grid';
import {
  HighlightKey,
  LEGEND_ORDER,
  PALETTE,
  PlanScore,
  allOffices,
  columnLetters,
  consolidationWorkbook,
  highlightKey,
  highlightSpec,
  parseA1,
  readPlan,
  scorePlan,
  todayInDhaka,
  validatePlan,
} from '../../core';
import { ExcelSheetData, excelGrid } from '../../addin/src/workbook/excel-grid';
import { createExcelWorkbook, ExcelWorkbookOperations } from '../../addin/src/workbook/excel-workbook';
import { LEGEND_TITLE, OWNED_KEY, RECORD_VERSION, SCORE_HEADER, TIER_HEADER, columnHeaders, legendLabel, legendTitle, readRecord as parseRecord } from '../../core/ownership';
import { highlightPlan } from '../../core/highlight-spec';
import { scoreColumns, valuesColumns } from '../../core/score-columns';
import { APP_VERSION } from '../../core/version';
import { createHash } from 'crypto';
import type { OfficeFile } from '../../core/operations';
import { csvRows } from '../../pane/minutesFile';
import { officeSheets } from '../../pane/readFile';
import { odsPackage } from '../fixtures/hostile';
import { nextResult } from '../../core/next';
import type { Grid } from '../../core/grid';
import { LINK_FONT, columnOf } from '../../core/report';
import { MAX_CELL_TEXT } from '../../core/cell-matrix';
import { rectA1 as areaA1 } from '../../core/areas';
import { FakeOfficeError, FakeSheet, FakeWorkbook, WorkbookSnapshot, rectText, snapshotWorkbook } from './fake-excel';
import { base64Loader, loadFakeWorkbook, sheetsFromXlsx } from './fake-excel-load';

const NOW = new Date(Date.UTC(2025, 0, 10, 3, 0, 0));
const LIMIT = 5_000_000;
const SEEDS = [
  '000-mopa-egov-2021-22-q1.xlsx',
  '001-lged-egov-2022-23-q3.xlsx',
  '002-khulna-library.xlsx',
  '002-khulna-library-typed.xlsx',
  '003-skt.xlsx',
  '003-skt-english.xlsx',
  'apa-main-with-history.xlsx',
];

let dir: string;
const budget: Record<string, Record<string, { syncs: number; maxRequest: number; maxResponse: number }>> = {};
function note(section: string, key: string, wb: FakeWorkbook, from: number): { syncs: number; maxRequest: number; maxResponse: number } {
  const s = wb.statsSince(from);
  budget[section] = budget[section] ?? {};
  budget[section][key] = { syncs: s.syncs, maxRequest: s.maxRequest, maxResponse: s.maxResponse };
  return s;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-addin-wb-'));
  await buildSamples(dir);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  const out = path.join(__dirname, '..', 'output');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'sync-budget.json'), JSON.stringify({ limitBytes: LIMIT, measuredAt: new Date().toISOString(), ...budget }, null, 2) + '\n');
});

const ops = (wb: FakeWorkbook): ExcelWorkbookOperations => createExcelWorkbook(wb.run, { now: () => NOW, restoreHandlers: false });
const json = (s: WorkbookSnapshot) => JSON.stringify(s);

/** The differences between two snapshots, one line each (empty when byte-for-byte equal). */
function diff(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const names = (x: WorkbookSnapshot) => x.sheets.map((s) => s.name).join(' | ');
  if (names(a) !== names(b)) out.push(`sheets: ${names(a)} → ${names(b)}`);
  for (const sa of a.sheets) {
    const sb = b.sheets.find((x) => x.name === sa.name);
    if (!sb) continue;
    for (const k of new Set([...Object.keys(sa.cells), ...Object.keys(sb.cells)])) if (sa.cells[k] !== sb.cells[k]) out.push(`${sa.name}!${k}: ${sa.cells[k]} → ${sb.cells[k]}`);
    if (JSON.stringify(sa.merges) !== JSON.stringify(sb.merges)) out.push(`${sa.name} merges`);
    if (JSON.stringify(sa.conditionalFormats) !== JSON.stringify(sb.conditionalFormats)) out.push(`${sa.name} conditional formats: ${sa.conditionalFormats} → ${sb.conditionalFormats}`);
    if (sa.extra !== sb.extra) out.push(`${sa.name} extra: ${sa.extra} → ${sb.extra}`);
  }
  if (a.settings !== b.settings) out.push(`settings: ${a.settings} → ${b.settings}`);
  return out.slice(0, 20);
}

/** What Office.js returns for a sheet's used range (by values): the grid's plain data. */
function sheetData(sheet: FakeSheet): ExcelSheetData {
  const r = sheet.usedRect(true)!;
  const values: unknown[][] = [];
  const numberFormat: unknown[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const v: unknown[] = [];
    const f: unknown[] = [];
    for (let col = r.left; col <= r.right; col++) {
      const c = sheet.cell(row, col);
      v.push(c?.v ?? '');
      f.push(c?.nf ?? 'General');
    }
    values.push(v);
    numberFormat.push(f);
  }
  const merges = sheet.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right).map(rectText);
  return { sheet: sheet.name, address: rectText(r), values, numberFormat, merges };
}

function coreOn(sheet: FakeSheet): { grid: Grid; result: PlanScore } {
  const grid = excelGrid(sheetData(sheet));
  const outcome = readPlan(grid);
  if (outcome.kind !== 'plan') throw new Error(`${sheet.name} is not a plan`);
  return { grid, result: scorePlan(outcome.plan) };
}

/** The plan sheet of a seed file, as the CLI's .xlsx adapter reads it. */
async function cliPlan(file: string) {
  const { grids } = await readWorkbookGrids(path.join(dir, file), file);
  for (const g of grids) {
    const o = readPlan(g);
    if (o.kind === 'plan') {
      const result = scorePlan(o.plan);
      return { sheet: g.sheet, result, problems: validatePlan(o.plan, { today: todayInDhaka(NOW) }, result) };
    }
  }
  throw new Error(`no plan in ${file}`);
}

/** The cells each owned conditional format colours, by tier key. */
function ownedRules(sheet: FakeSheet): Map<string, { cells: Set<string>; fill?: string; font?: string }> {
  const out = new Map<string, { cells: Set<string>; fill?: string; font?: string }>();
  for (const cf of sheet.cfs) {
    const m = /"apa-sheets:([a-z-]+)"/.exec(cf.formula ?? '');
    if (!m) continue;
    const entry = out.get(m[1]) ?? { cells: new Set<string>(), fill: cf.fill, font: cf.fontColor };
    for (const r of cf.ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) entry.cells.add(rectText({ top: row, left: col, bottom: row, right: col }));
    out.set(m[1], entry);
  }
  return out;
}

describe.each(SEEDS)('%s', (file) => {
  let wb: FakeWorkbook;
  let api: ExcelWorkbookOperations;
  let sheet: FakeSheet;
  let before: WorkbookSnapshot;
  let cli: Awaited<ReturnType<typeof cliPlan>>;
  /** Core on the sheet as the user made it (before any command). */
  let base: PlanScore;
  /** The grid core read it from. */
  let baseGrid: Grid;

  beforeAll(async () => {
    wb = await loadFakeWorkbook(fs.readFileSync(path.join(dir, file)));
    cli = await cliPlan(file);
    sheet = wb.sheet(cli.sheet);
    wb.activate(sheet.name);
    // The user's own formatting on the sheet: a fill on the first achievement cell and a
    // conditional format of their own over the achievement cells.
    const cells = cli.result.indicators.flatMap((s) => s.achievementCells);
    wb.setCell(sheet.name, cells[0], { fill: '#123456' });
    wb.addUserConditionalFormat(sheet.name, cells.slice(0, 3), '=LEN(A1)>100', '#FF00FF');
    api = ops(wb);
    before = snapshotWorkbook(wb);
    ({ result: base, grid: baseGrid } = coreOn(sheet));
  });

  test('check: the plan and totals equal core on the same grid (and the .xlsx reader), ≤ 3 syncs, nothing written', async () => {
    const from = wb.syncs.length;
    const r = await api.checkActiveSheet();
    const s = note('check', file, wb, from);
    expect(s.syncs).toBeLessThanOrEqual(3);
    expect(s.maxRequest).toBeLessThan(LIMIT);
    expect(s.maxResponse).toBeLessThan(LIMIT);

    const result = base;
    expect(r.sheet).toBe(sheet.name);
    expect(r.plan).toMatchObject({ office: result.plan.office, layout: result.plan.layout, headerRow: result.plan.headerRow, quarter: result.plan.quarter });
    expect(r.totals).toEqual(result.totals);
    expect(r.indicators.map((i) => [i.id, i.row, i.unit, i.weight, i.raw, i.score, i.key, i.cells])).toEqual(
      result.indicators.map((x) => [x.indicator.id, x.indicator.row, x.indicator.unit, x.indicator.weight, x.raw, x.score, highlightKey(x.status, x.tier), x.achievementCells.length ? x.achievementCells : [x.indicator.cell]]),
    );
    // The same numbers as the CLI's ExcelJS adapter gives for the file.
    expect(r.totals).toEqual(cli.result.totals);
    expect(r.indicators.map((i) => [i.id, i.raw, i.score, i.key])).toEqual(cli.result.indicators.map((x) => [x.indicator.id, x.raw, x.score, highlightKey(x.status, x.tier)]));
    expect(r.problems.map((p) => `${p.code}@${p.cell}`).sort()).toEqual(cli.problems.map((p) => `${p.code}@${p.cell}`).sort());
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });

  test('addScoreColumns: core\'s score columns (=APA.* formulas) written exactly, in the first free columns; twice = once; user content intact', async () => {
    const from = wb.syncs.length;
    const r = await api.addScoreColumns();
    note('addScoreColumns', file, wb, from);
    expect(r.ok).toBe(true);
    const record = parseRecord(wb.settings.get(OWNED_KEY))!;
    const cols = record.sheets[sheet.id].columns!;
    const full = before.sheets.find((x) => x.name === sheet.name)!;
    const rightmost = Math.max(...Object.keys(full.cells).map((a) => parseA1(a)!.col), ...sheet.merges.map((m) => m.right));
    expect(cols.score).toBe(rightmost + 1);
    // The spec (its rules: test/specs.test.ts), cell by cell: the header pair, then each row's two formulas.
    const spec = scoreColumns(baseGrid, base, 'excel');
    expect(cols).toEqual({ score: cols.score, tier: cols.score + 1, top: spec.top, bottom: spec.bottom });
    expect([sheet.cell(spec.top, cols.score)?.v, sheet.cell(spec.top, cols.tier)?.v]).toEqual(spec.header);
    expect(spec.header).toEqual([SCORE_HEADER, TIER_HEADER]);
    spec.body.forEach(([score, tier], i) => {
      const row = spec.top + 1 + i;
      expect([sheet.cell(row, cols.score)?.f, sheet.cell(row, cols.tier)?.f]).toEqual([score || undefined, tier || undefined]);
      if (score) expect(sheet.cell(row, cols.score)?.nf).toBe(spec.scoreFormat);
    });
    expect(spec.count).toBe(base.indicators.filter((s) => s.indicator.achievements.length).length);
    const result = base;
    expect(json(snapshotWorkbook(wb, { userOnly: true }))).toBe(json({ sheets: before.sheets.map(({ extra: _e, ...s }) => s) }));

    const once = json(snapshotWorkbook(wb));
    await api.addScoreColumns();
    expect(json(snapshotWorkbook(wb))).toBe(once);
    // Reading the sheet again ignores the add-in's columns.
    expect((await api.checkActiveSheet()).totals).toEqual(result.totals);
  });

  test('highlightTiers: one marked custom rule per tier over that tier\'s cells, a legend, ≤ 3 syncs; twice = once; fills untouched', async () => {
    const from = wb.syncs.length;
    const r = await api.highlightTiers();
    const s = note('highlight', file, wb, from);
    expect(r.ok).toBe(true);
    expect(s.syncs).toBeLessThanOrEqual(3);
    expect(s.maxRequest).toBeLessThan(LIMIT);
    expect(s.maxResponse).toBeLessThan(LIMIT);

    const result = base;
    const expected = new Map<HighlightKey, Set<string>>();
    for (const h of highlightSpec(result)) expected.set(h.key, new Set([...(expected.get(h.key) ?? []), h.cell]));
    const rules = ownedRules(sheet);
    expect([...rules.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, cells] of expected) {
      const rule = rules.get(key)!;
      expect([...rule.cells].sort()).toEqual([...cells].sort());
      expect(rule.fill).toBe(PALETTE[key].fill.toUpperCase());
      expect(rule.font).toBe(PALETTE[key].font.toUpperCase());
    }
    for (const cf of sheet.cfs.filter((c) => c.formula?.includes('apa-sheets:'))) expect(cf.formula).toMatch(/^=N\("apa-sheets:[a-z-]+"\)=0$/);

    const record = parseRecord(wb.settings.get(OWNED_KEY))!;
    const legend = record.sheets[sheet.id].legend!;
    expect(record.sheets[sheet.id].highlight).toBe(true);
    // One record for both hosts, with the areas core says edits must touch to change a tier.
    expect(JSON.parse(wb.settings.get(OWNED_KEY) as string).version).toBe(RECORD_VERSION);
    expect(record.sheets[sheet.id].watch).toEqual(highlightPlan(result).watch.map(areaA1));
    // In the language of the command (Bengali: the default context).
    expect(sheet.cell(legend.top, legend.col)?.v).toBe(legendTitle('bn'));
    LEGEND_ORDER.forEach((k, i) => expect(sheet.cell(legend.top + 1 + i, legend.col)?.fill).toBe(PALETTE[k].fill.toUpperCase()));
    // The user's fill and their own conditional format are still there, unchanged.
    expect(json(snapshotWorkbook(wb, { userOnly: true }))).toBe(json({ sheets: before.sheets.map(({ extra: _e, ...x }) => x) }));

    await wb.idle();
    const once = json(snapshotWorkbook(wb));
    await api.highlightTiers();
    await wb.idle();
    expect(json(snapshotWorkbook(wb))).toBe(once);
  });

  test('the change handler re-colours when an achievement is edited, and ignores other cells', async () => {
    const holderOf = (address: string) => {
      const p = parseA1(address)!;
      const m = sheet.merges.find((x) => p.row >= x.top && p.row <= x.bottom && p.col >= x.left && p.col <= x.right);
      return m ? sheet.cell(m.top, m.left) : sheet.cell(p.row, p.col);
    };
    // An indicator below the top tier whose best target can be typed into its achievement cell as is.
    const target = base.indicators.find((s) => {
      if (s.analysis.kind !== 'points' || highlightKey(s.status, s.tier) === 'excellent' || s.achievementCells.length !== 1) return false;
      const best = s.indicator.targets.find((t) => t.value.kind === 'number' || t.value.kind === 'date');
      return !!best && holderOf(best.cell)?.nf === holderOf(s.achievementCells[0])?.nf;
    });
    if (!target) return;
    const cell = target.achievementCells[0];
    const bestValue = holderOf(target.indicator.targets.find((t) => t.value.kind === 'number' || t.value.kind === 'date')!.cell)!.v!;
    const original = wb.getCell(sheet.name, cell)?.v ?? null;

    // A remark far from every achievement and target: no re-read.
    const quiet = wb.syncs.length;
    const remarkCol = Math.max(...Object.keys(before.sheets.find((x) => x.name === sheet.name)!.cells).map((a) => parseA1(a)!.col));
    const remark = rectText({ top: 0, left: remarkCol + 30, bottom: 0, right: remarkCol + 30 });
    await wb.userEdit(sheet.name, remark, 'নোট');
    expect(wb.syncs.length).toBe(quiet);
    await wb.userEdit(sheet.name, remark, null);

    const from = wb.syncs.length;
    await wb.userEdit(sheet.name, cell, bestValue);
    note('onChanged', file, wb, from);
    expect(wb.statsSince(from).syncs).toBeLessThanOrEqual(3);
    expect(ownedRules(sheet).get('excellent')?.cells.has(cell)).toBe(true);
    for (const [key, rule] of ownedRules(sheet)) if (key !== 'excellent') expect(rule.cells.has(cell)).toBe(false);

    await wb.userEdit(sheet.name, cell, original);
    const back = highlightKey(target.status, target.tier);
    expect(ownedRules(sheet).get(back)?.cells.has(cell)).toBe(true);
  });

  test('whatNext: core\'s answer for the sheet (the next and the top tier, days left from today in Dhaka); nothing written', async () => {
    const r = await api.whatNext();
    await wb.idle();
    expect(json(snapshotWorkbook(wb, { userOnly: true }))).toBe(json({ sheets: before.sheets.map(({ extra: _e, ...x }) => x) }));
    expect(r).toEqual(nextResult(sheet.name, base, todayInDhaka(NOW), { problems: validatePlan(base.plan, { today: todayInDhaka(NOW) }, base) }));
  });

  test('handlers come back when the add-in loads again (the record in the workbook, not the pane, keeps them)', async () => {
    // The workbook opened again: its data and settings come back, the handlers (runtime state) do not.
    const reopened = FakeWorkbook.fromJSON(wb.toJSON());
    const again = reopened.sheet(sheet.id);
    expect(again.handlers).toHaveLength(0);
    const reloaded = createExcelWorkbook(reopened.run, { now: () => NOW });
    expect(await reloaded.ready).toBe(1);
    expect(again.handlers).toHaveLength(1);
    const target = base.indicators.find((s) => s.achievementCells.length === 1 && s.status === 'pending');
    if (!target) return;
    const cell = target.achievementCells[0];
    await reopened.userEdit(again.name, cell, '৩১০-০৬-২০২০');
    expect(ownedRules(again).get('invalid')?.cells.has(cell)).toBe(true);
    // Loading the add-in again in the same runtime registers no second handler.
    expect(await reloaded.restoreHandlers()).toBe(0);
    expect(again.handlers).toHaveLength(1);
  });

  test('removeAll: the workbook is byte-for-byte what it was; a second removeAll changes nothing', async () => {
    await wb.idle();
    const r = await api.removeAll();
    expect(r.ok).toBe(true);
    expect(r.changed).toBeGreaterThan(0);
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
    const again = await api.removeAll();
    expect(again.changed).toBe(0);
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
    // The handler is dormant now: an edit changes nothing and costs no round trip.
    const from = wb.syncs.length;
    const cell = cli.result.indicators.flatMap((s) => s.achievementCells)[0];
    const v = wb.getCell(sheet.name, cell)?.v ?? null;
    await wb.userEdit(sheet.name, cell, v);
    expect(wb.syncs.length).toBe(from);
  });

  test('valuesOnly: the scores and tiers as plain values where the columns go, and the note (date, settings, "APA Sheets <version>"), ≤ 3 syncs; twice = once; Remove takes it away', async () => {
    const from = wb.syncs.length;
    const r = await api.valuesOnly();
    const s = note('valuesOnly', file, wb, from);
    expect(r.ok).toBe(true);
    expect(s.syncs).toBeLessThanOrEqual(3);
    const record = parseRecord(wb.settings.get(OWNED_KEY))!;
    const cols = record.sheets[sheet.id].columns!;
    const spec = valuesColumns(baseGrid, base, { language: 'bn', today: todayInDhaka(NOW), version: APP_VERSION });
    expect(cols).toEqual({ score: cols.score, tier: cols.score + 1, top: spec.top, bottom: spec.bottom, values: true });
    // Cell by cell the spec (its rules: test/specs.test.ts): values, no formula anywhere in the block.
    spec.rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        const got = sheet.cell(spec.top + i, cols.score + j);
        expect(got?.f).toBeUndefined();
        expect(got?.v ?? '').toBe(cell.v ?? '');
        if (cell.format) expect(got?.nf).toBe(cell.format);
      }),
    );
    expect(String(sheet.cell(spec.bottom, cols.score)?.v)).toContain(`APA Sheets ${APP_VERSION}`);
    expect(json(snapshotWorkbook(wb, { userOnly: true }))).toBe(json({ sheets: before.sheets.map(({ extra: _e, ...x }) => x) }));
    const once = json(snapshotWorkbook(wb));
    await api.valuesOnly();
    expect(json(snapshotWorkbook(wb))).toBe(once);
    // Live columns again replace the values in place; values again replace the formulas.
    await api.addScoreColumns();
    expect(parseRecord(wb.settings.get(OWNED_KEY))!.sheets[sheet.id].columns!.score).toBe(cols.score);
    await api.valuesOnly();
    expect(json(snapshotWorkbook(wb))).toBe(once);
    await api.removeAll();
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });
});

// ── The user's language and the workbook's settings ─────────────────────────────────────────

describe('the user\'s language and the workbook\'s settings (Excel)', () => {
  const file = '002-khulna-library.xlsx';
  const english = { language: 'en' as const, settings: { mode: 'interpolate' as const, na: 'rescale' as const, final: false } };
  const bengali = { ...english, language: 'bn' as const };
  let wb: FakeWorkbook;
  let sheet: FakeSheet;
  let before: WorkbookSnapshot;
  let grid: Grid;
  let plan: PlanScore['plan'];

  beforeEach(async () => {
    wb = await loadFakeWorkbook(fs.readFileSync(path.join(dir, file)));
    const cli = await cliPlan(file);
    sheet = wb.sheet(cli.sheet);
    wb.activate(sheet.name);
    before = snapshotWorkbook(wb);
    const c = coreOn(sheet);
    grid = c.grid;
    plan = c.result.plan;
  });

  test('everything a command writes is in the language it is given: headers, TIER\'s names, the legend; switching rewrites them in place', async () => {
    const api = ops(wb);
    await api.addScoreColumns(english);
    await api.highlightTiers(english);
    const rec = parseRecord(wb.settings.get(OWNED_KEY))!.sheets[sheet.id];
    const cols = rec.columns!;
    const spec = scoreColumns(grid, scorePlan(plan), 'excel', { language: 'en' });
    expect([sheet.cell(cols.top, cols.score)?.v, sheet.cell(cols.top, cols.tier)?.v]).toEqual(columnHeaders('en'));
    expect(columnHeaders('en')).toEqual(['APA score', 'APA tier']);
    const tiers = spec.body.map(([, tier]) => tier).filter(Boolean);
    expect(tiers.length).toBeGreaterThan(0);
    for (const f of tiers) expect(f).toMatch(/^=APA\.TIER\(.*,"en"\)$/);
    spec.body.forEach(([score, tier], i) => expect([sheet.cell(cols.top + 1 + i, cols.score)?.f, sheet.cell(cols.top + 1 + i, cols.tier)?.f]).toEqual([score || undefined, tier || undefined]));
    const legend = rec.legend!;
    expect(sheet.cell(legend.top, legend.col)?.v).toBe('Legend');
    LEGEND_ORDER.forEach((k, i) => expect(sheet.cell(legend.top + 1 + i, legend.col)?.v).toBe(legendLabel(k, 'en')));

    // In Bengali now: the same places, Bengali words; nothing left over in English.
    await api.addScoreColumns(bengali);
    await api.highlightTiers(bengali);
    const again = parseRecord(wb.settings.get(OWNED_KEY))!.sheets[sheet.id];
    expect(again.columns).toEqual(cols);
    expect(again.legend).toEqual(legend);
    expect([sheet.cell(cols.top, cols.score)?.v, sheet.cell(cols.top, cols.tier)?.v]).toEqual([SCORE_HEADER, TIER_HEADER]);
    expect(sheet.cell(legend.top, legend.col)?.v).toBe(legendTitle('bn'));
    const text = [...sheet.cells.values()].map((c) => `${c.v ?? ''} ${c.f ?? ''}`).join(' ');
    expect(text).not.toMatch(/APA score|"en"|Legend/);
    await api.removeAll();
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });

  test('a legend the first versions wrote in both languages is found (and replaced in the command\'s language)', async () => {
    const api = ops(wb);
    await api.highlightTiers(bengali);
    const legend = parseRecord(wb.settings.get(OWNED_KEY))!.sheets[sheet.id].legend!;
    wb.setCell(sheet.name, `${String.fromCharCode(65 + legend.col)}${legend.top + 1}`, { v: LEGEND_TITLE });
    LEGEND_ORDER.forEach((k, i) => wb.setCell(sheet.name, `${String.fromCharCode(65 + legend.col)}${legend.top + 2 + i}`, { v: legendLabel(k) }));
    await api.highlightTiers(english);
    expect(parseRecord(wb.settings.get(OWNED_KEY))!.sheets[sheet.id].legend).toEqual(legend);
    expect(sheet.cell(legend.top, legend.col)?.v).toBe('Legend');
    await api.removeAll();
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });

  test('settings are applied to every command: the totals, the formulas (the between-tier rule), and shown on the result', async () => {
    const api = ops(wb);
    const settings = { mode: 'floor' as const, na: 'zero' as const, final: true };
    const r = await api.checkActiveSheet({ language: 'bn', settings });
    expect(r.totals).toEqual(scorePlan(plan, settings).totals);
    expect(r.totals).not.toEqual(scorePlan(plan).totals);
    expect(r.settings).toEqual(settings);
    const cols = await api.addScoreColumns({ language: 'bn', settings });
    expect(cols.settings).toEqual({ mode: 'floor' });
    const rec = parseRecord(wb.settings.get(OWNED_KEY))!.sheets[sheet.id].columns!;
    const scores = [...Array(rec.bottom - rec.top).keys()].map((i) => sheet.cell(rec.top + 1 + i, rec.score)?.f).filter(Boolean);
    expect(scores.length).toBeGreaterThan(0);
    for (const f of scores) expect(f).toMatch(/^=APA\.SCORE\(.*,"floor"\)$/);
    expect(scores).toEqual(scoreColumns(grid, scorePlan(plan, settings), 'excel').body.map(([f]) => f).filter(Boolean));
    const next = await api.whatNext({ language: 'bn', settings });
    // Under these settings; an invalid indicator's fix is worded by validation (what-needed.test.ts).
    const expected = nextResult(sheet.name, scorePlan(plan, settings), todayInDhaka(NOW));
    const ids = (n: typeof next) => ({ ...n, invalid: n.invalid.map((i) => [i.id, i.cell]) });
    expect(ids(next)).toEqual(ids(expected));
  });

  test('settings are remembered in the workbook (workbook.settings): a later session, and a command given no context, use them; Remove takes them away too', async () => {
    const settings = { mode: 'floor' as const, na: 'full' as const, final: false };
    const first = ops(wb);
    expect((await first.loadPreferences()).settings).toEqual({ mode: 'interpolate', na: 'rescale', final: false });
    const from = wb.syncs.length;
    await first.saveSettings(settings);
    expect(wb.syncs.length - from).toBe(1);
    expect(JSON.parse(wb.settings.get('apa-sheets.settings') as string)).toEqual(settings);
    // The workbook travels: another session (another copy of the add-in) reads the same settings.
    const later = ops(FakeWorkbook.fromJSON(wb.toJSON()));
    expect((await later.loadPreferences()).settings).toEqual(settings);
    const r = await ops(wb).checkActiveSheet();
    expect(r.settings).toEqual(settings);
    expect(r.totals).toEqual(scorePlan(plan, settings).totals);
    // An unreadable value (typed by hand, another version) gives the defaults for what it lacks.
    wb.settings.set('apa-sheets.settings', '{"mode":"ceil","na":"zero"}');
    expect((await ops(wb).loadPreferences()).settings).toEqual({ mode: 'interpolate', na: 'zero', final: false });
    await first.removeAll();
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });

  test('the language is the user\'s, not the workbook\'s: kept by the language store, never in the workbook', async () => {
    let kept: 'bn' | 'en' | null = null;
    const api = createExcelWorkbook(wb.run, { now: () => NOW, restoreHandlers: false, languageStore: { get: () => kept, set: (l) => (kept = l) } });
    expect((await api.loadPreferences()).language).toBeNull();
    await api.saveLanguage('en');
    expect(kept).toBe('en');
    expect((await api.loadPreferences()).language).toBe('en');
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });

  test('Remove says what it will take away, counted, and changes nothing until asked', async () => {
    const api = ops(wb);
    expect(await api.previewRemoval()).toEqual({ reportSheets: [], columns: 0, legends: 0, rules: 0, sheets: 0, nothing: true });
    await api.addScoreColumns(bengali);
    const h = await api.highlightTiers(bengali);
    expect(h.ok).toBe(true);
    const once = json(snapshotWorkbook(wb));
    const from = wb.syncs.length;
    const preview = await api.previewRemoval();
    expect(wb.syncs.length - from).toBeLessThanOrEqual(3);
    expect(json(snapshotWorkbook(wb))).toBe(once);
    const rules = sheet.cfs.filter((c) => c.formula?.includes('apa-sheets:')).length;
    expect(rules).toBeGreaterThan(0);
    expect(preview).toEqual({ reportSheets: [], columns: 2, legends: 1, rules, sheets: 1, nothing: false });
    const removed = await api.removeAll();
    expect(removed.message.en).toContain(`${rules} colour rules`);
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });
});

// ── Consolidation ───────────────────────────────────────────────────────────────────────────

/** A workbook whose tabs are the seed plan sheets (named by seed) plus a non-plan tab. */
async function seedWorkbook(): Promise<{ wb: FakeWorkbook; tabs: string[] }> {
  const wb = new FakeWorkbook({ loader: base64Loader });
  const tabs: string[] = [];
  for (const file of SEEDS) {
    const { sheet } = await cliPlan(file);
    const data = (await sheetsFromXlsx(fs.readFileSync(path.join(dir, file)))).find((s) => s.name === sheet)!;
    const name = file.replace(/\.xlsx$/, '').slice(0, 31);
    wb.addSheetData(data, name);
    tabs.push(name);
  }
  wb.addSheetData({ name: 'নির্দেশনা', cells: { A1: { v: 'এই ওয়ার্কবুকে দপ্তরগুলোর অগ্রগতি প্রতিবেদন আছে।' }, A2: { v: 'Instructions' } } });
  wb.addUserConditionalFormat(tabs[2], ['K14:K20'], '=K14=""', '#EEEEEE');
  return { wb, tabs };
}

describe('consolidate', () => {
  let wb: FakeWorkbook;
  let api: ExcelWorkbookOperations;
  let tabs: string[];
  let before: WorkbookSnapshot;

  beforeAll(async () => {
    ({ wb, tabs } = await seedWorkbook());
    api = ops(wb);
    before = snapshotWorkbook(wb);
  });

  test('every other tab is one office; the non-plan tab is skipped with its reason; ≤ 5 syncs', async () => {
    const progress: [number, number][] = [];
    const from = wb.syncs.length;
    const r = await api.consolidate({ onProgress: (d, t) => progress.push([d, t]) });
    const s = note('consolidate', 'seeds', wb, from);
    expect(r.cancelled).toBe(false);
    expect(s.syncs).toBeLessThanOrEqual(5);
    expect(s.maxRequest).toBeLessThan(LIMIT);
    expect(s.maxResponse).toBeLessThan(LIMIT);
    const writes = wb.syncs.slice(from).filter((x) => x.suspended);
    expect(writes.length).toBeGreaterThan(0);

    expect(allOffices(r.consolidation!).map((o) => o.sheet).sort()).toEqual([...tabs].sort());
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0].sheet).toBe('নির্দেশনা');
    expect(r.skipped[0].reason.en).toMatch(/not a plan/);
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);

    // Each office equals core on that tab's grid.
    for (const o of allOffices(r.consolidation!)) {
      const { result } = coreOn(wb.sheet(o.sheet));
      expect(o.percent).toEqual(result.totals.earnedPercent);
      expect(o.marks).toEqual(result.totals.score);
    }

    // The report sheets hold the spec's cells.
    const spec = consolidationWorkbook(r.consolidation!);
    expect(r.written).toEqual(spec.sheets.map((x) => x.name));
    for (const sheetSpec of spec.sheets) {
      const ws = wb.sheet(sheetSpec.name);
      sheetSpec.rows.forEach((row, i) =>
        row.forEach((cell, j) => {
          const got = ws.cell(i, j);
          if (cell.link && cell.v !== null && cell.v !== '') {
            expect(got?.f).toBe(`=HYPERLINK("#'${cell.link.sheet.replace(/'/g, "''")}'!${cell.link.cell}","${String(cell.v).replace(/"/g, '""')}")`);
            expect(got?.color).toBe(LINK_FONT.toUpperCase());
          } else if (cell.v === null || cell.v === '') {
            expect(got?.v).toBeUndefined();
          } else {
            expect(got?.v).toBe(cell.v);
          }
          if (cell.fill) expect(got?.fill).toBe(cell.fill.toUpperCase());
          if (cell.format) expect(got?.nf).toBe(cell.format);
          if (cell.bold) expect(got?.bold).toBe(true);
          if (cell.wrap) expect(got?.wrap).toBe(true);
        }),
      );
      for (const h of sheetSpec.rowHeights ?? []) expect(ws.rowHeights.get(h.row)).toBe(h.height);
      // Printed landscape, one page wide, the title rows on every page.
      const print = sheetSpec.print!;
      expect(ws.pageLayout).toEqual({
        orientation: 'Landscape',
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: `$1:$${print.titleRows}`,
        printArea: `A1:${columnLetters(print.columns - 1)}${print.rows}`,
        ...(print.breaks ? { breaks: print.breaks.map((r) => `A${r + 1}`) } : {}),
      });
    }
    const summary = wb.sheet(spec.sheets[0].name);
    const chart = spec.sheets[0].chart!;
    const { categories } = chart;
    expect(summary.charts).toHaveLength(1);
    // One series per band, each in its band's colour, stacked so that a bar shows in its band; a legend.
    expect(summary.charts[0]).toMatchObject({
      type: 'BarStacked',
      title: chart.title,
      legendVisible: true,
      legendPosition: 'Bottom',
      source: rectText({ top: categories.firstRow, left: chart.series[0].column, bottom: categories.lastRow, right: chart.series[chart.series.length - 1].column }),
      series: chart.series.map((x) => ({ name: x.name, fill: x.fill.toUpperCase(), xValues: rectText({ top: categories.firstRow, left: categories.column, bottom: categories.lastRow, right: categories.column }) })),
    });
    expect(new Set(summary.charts[0].series.map((x) => x.fill)).size).toBe(chart.series.length);
    expect(summary.freeze).toEqual({ rows: 3, columns: 2 });
    // Problems link back to their source cells.
    const problems = wb.sheet(spec.sheets[2].name);
    const links = [...problems.cells.values()].filter((c) => c.f?.startsWith('=HYPERLINK('));
    expect(links.length).toBeGreaterThan(0);
    expect(json(snapshotWorkbook(wb, { userOnly: true }))).toBe(json({ sheets: before.sheets.map(({ extra: _e, ...x }) => x) }));
  });

  test('running it twice equals running it once', async () => {
    const once = json(snapshotWorkbook(wb));
    await api.consolidate({});
    expect(json(snapshotWorkbook(wb))).toBe(once);
  });

  test('cancel before the write phase leaves the workbook untouched', async () => {
    const once = json(snapshotWorkbook(wb));
    const early = new AbortController();
    early.abort();
    const r1 = await api.consolidate({ signal: early.signal });
    expect(r1.cancelled).toBe(true);
    expect(json(snapshotWorkbook(wb))).toBe(once);

    const late = new AbortController();
    const r2 = await api.consolidate({ signal: late.signal, onProgress: (done) => done >= 1 && late.abort() });
    expect(r2.cancelled).toBe(true);
    expect(r2.written).toEqual([]);
    expect(json(snapshotWorkbook(wb))).toBe(once);
  });

  test('removeAll says first what it will take away (the report sheets by name), changing nothing; then takes them away and leaves every tab as it was', async () => {
    const once = json(snapshotWorkbook(wb));
    const preview = await api.previewRemoval();
    expect(json(snapshotWorkbook(wb))).toBe(once);
    const spec = consolidationWorkbook((await api.consolidate({})).consolidation!);
    expect(preview.reportSheets.sort()).toEqual(spec.sheets.map((x) => x.name).sort());
    expect(preview.nothing).toBe(false);
    await api.removeAll();
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
    expect((await api.previewRemoval()).nothing).toBe(true);
  });

  test('the report follows the language it is given (the command\'s context)', async () => {
    const r = await api.consolidate({}, { language: 'en', settings: { mode: 'interpolate', na: 'rescale', final: false } });
    const spec = consolidationWorkbook(r.consolidation!, 'en');
    expect(r.written).toEqual(spec.sheets.map((x) => x.name));
    expect(r.written[0]).not.toBe(consolidationWorkbook(r.consolidation!, 'bn').sheets[0].name);
    await api.removeAll();
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });

  test('a report sheet copied in from another workbook (another token) is the user\'s: kept and read as a tab', async () => {
    // The name our first summary takes, then a sheet of that name from another workbook.
    const first = (await api.consolidate({})).written[0];
    await api.removeAll();
    const other = new FakeWorkbook();
    const copy = other.addSheetData({ name: first, cells: { A1: { v: 'from elsewhere' } }, customProperties: { 'apa-sheets': 'someone-else' } });
    wb.addSheetData({ ...other.toJSON().sheets[0], id: undefined }, copy.name);
    const r = await api.consolidate({});
    expect(r.written[0]).not.toBe(first);
    expect(r.written[0]).toMatch(/\(2\)$/);
    expect(wb.find(first)?.cell(0, 0)?.v).toBe('from elsewhere');
    await api.consolidate({});
    expect(wb.find(first)?.cell(0, 0)?.v).toBe('from elsewhere');
    await api.removeAll();
    expect(wb.find(first)?.cell(0, 0)?.v).toBe('from elsewhere');
    expect(wb.find(r.written[0])).toBeUndefined();
  });
});

describe('consolidate 200 generated tabs', () => {
  let wb: FakeWorkbook;
  beforeAll(async () => {
    wb = new FakeWorkbook({ loader: base64Loader });
    for (let i = 1; i <= 200; i++) {
      const [s] = await sheetsFromXlsx(await buildOfficeWorkbook(i));
      wb.addSheetData(s, wb.uniqueName(s.name));
    }
  });

  test('≤ 5 syncs in total, no request or response over 5 MB, every office in the report', async () => {
    const api = ops(wb);
    const from = wb.syncs.length;
    const r = await api.consolidate({});
    const s = note('consolidate', '200 tabs', wb, from);
    expect(s.syncs).toBeLessThanOrEqual(5);
    expect(s.maxRequest).toBeLessThanOrEqual(LIMIT);
    expect(s.maxResponse).toBeLessThanOrEqual(LIMIT);
    expect(wb.syncs.slice(from).every((x) => !x.failed)).toBe(true);
    expect(allOffices(r.consolidation!)).toHaveLength(200);
    (budget as Record<string, unknown>)['consolidate 200 tabs, each sync'] = wb.syncs.slice(from).map((x) => ({ request: x.request, response: x.response, commands: x.commands, suspendedCalculation: x.suspended }));

    const late = new AbortController();
    const once = json(snapshotWorkbook(wb));
    const c = await api.consolidate({ signal: late.signal, onProgress: (done) => done >= 50 && late.abort() });
    expect(c.cancelled).toBe(true);
    expect(json(snapshotWorkbook(wb))).toBe(once);
  });
});

// ── Large sheets: reads are split to stay under the payload limit ───────────────────────────

describe('payload limits', () => {
  test('a sheet over 5 MB is read in bands: check succeeds and no sync carries more than 5 MB', async () => {
    const file = '002-khulna-library.xlsx';
    const wb = await loadFakeWorkbook(fs.readFileSync(path.join(dir, file)));
    const sheet = wb.active;
    const expected = coreOn(sheet).result.totals;
    const long = 'দপ্তরের মন্তব্য: '.repeat(12);
    for (let r = 0; r < 10000; r++) wb.setCell(sheet.name, rectText({ top: 40 + r, left: 27, bottom: 40 + r, right: 27 }), { v: `${long}${r}` });
    const api = ops(wb);
    const from = wb.syncs.length;
    const r = await api.checkActiveSheet();
    const s = note('check', `${file} + 10000 rows of long notes (a 6 MB sheet)`, wb, from);
    const total = wb.syncs.slice(from).reduce((n, x) => n + x.response, 0);
    expect(total).toBeGreaterThan(LIMIT);
    expect(s.syncs).toBeGreaterThan(2);
    expect(r.totals).toEqual(expected);
    expect(s.maxResponse).toBeLessThanOrEqual(LIMIT);
    expect(wb.syncs.slice(from).every((x) => !x.failed)).toBe(true);
  });

  test('with a smaller payload limit every read and write is split to fit; the report is the same', async () => {
    const build = async (limit?: number) => {
      const wb = new FakeWorkbook({ loader: base64Loader, limit });
      for (let i = 1; i <= 60; i++) {
        const [s] = await sheetsFromXlsx(await buildOfficeWorkbook(i));
        wb.addSheetData(s, wb.uniqueName(s.name));
      }
      return wb;
    };
    const normal = await build();
    await ops(normal).consolidate({});
    const small = await build(150_000);
    const from = small.syncs.length;
    await createExcelWorkbook(small.run, { now: () => NOW, restoreHandlers: false, syncBudget: 100_000 }).consolidate({});
    const s = note('consolidate', '60 tabs, 150 kB limit', small, from);
    expect(small.syncs.slice(from).every((x) => !x.failed)).toBe(true);
    expect(s.maxRequest).toBeLessThanOrEqual(150_000);
    expect(s.maxResponse).toBeLessThanOrEqual(150_000);
    expect(small.syncs.slice(from).filter((x) => x.suspended).length).toBeGreaterThan(1);
    // The same cells, formats, charts and layout (each workbook has its own token).
    const reports = (wb: FakeWorkbook) =>
      snapshotWorkbook(wb)
        .sheets.filter((x) => x.name.startsWith('APA '))
        .map((x) => ({ ...x, extra: x.extra?.replace(/"apa-sheets":"[^"]*"/, '') }));
    expect(reports(small)).toEqual(reports(normal));
  });

  test('a read that comes back larger than estimated is split and retried', async () => {
    const wb = await loadFakeWorkbook(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx')));
    const sheet = wb.active;
    const expected = coreOn(sheet).result.totals;
    const long = 'অ'.repeat(700);
    for (let r = 0; r < 3000; r++) wb.setCell(sheet.name, rectText({ top: 40 + r, left: 12, bottom: 40 + r, right: 12 }), { v: long });
    const api = ops(wb);
    const from = wb.syncs.length;
    const r = await api.checkActiveSheet();
    expect(r.totals).toEqual(expected);
    const syncs = wb.syncs.slice(from);
    expect(syncs.some((x) => x.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(syncs.filter((x) => !x.failed).every((x) => x.response <= LIMIT)).toBe(true);
  });
});

// ── One rule for both hosts (core's), applied here ──────────────────────────────────────────

describe('the rules both hosts share', () => {
  test('the recorded place first: a copy of the header pair the user typed elsewhere is theirs, and stays', async () => {
    const wb = await loadFakeWorkbook(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx')));
    const api = ops(wb);
    const sheet = wb.active;
    expect((await api.addScoreColumns()).ok).toBe(true);
    const cols = parseRecord(wb.settings.get(OWNED_KEY))!.sheets[sheet.id].columns!;
    // Above the add-in's columns, in a row that a scan row by row would meet first.
    const decoy = (c: number) => areaA1({ top: 0, left: cols.score + c, bottom: 0, right: cols.score + c });
    wb.setCell(sheet.name, decoy(0), { v: SCORE_HEADER });
    wb.setCell(sheet.name, decoy(1), { v: TIER_HEADER });
    const withDecoy = snapshotWorkbook(wb);
    await api.addScoreColumns();
    expect(diff(withDecoy, snapshotWorkbook(wb))).toEqual([]);
    await api.removeAll();
    expect([wb.getCell(sheet.name, decoy(0))?.v, wb.getCell(sheet.name, decoy(1))?.v]).toEqual([SCORE_HEADER, TIER_HEADER]);
    expect(sheet.cell(cols.top, cols.score)?.v).toBeUndefined();
  });

  test(`cell text: at most Excel's ${MAX_CELL_TEXT.toLocaleString('en')} characters (an indicator named at 40,000 is written cut, not refused)`, async () => {
    const wb = await loadFakeWorkbook(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx')));
    const sheet = wb.active;
    const ind = coreOn(sheet).result.indicators[0].indicator;
    const long = `${ind.name} ${'ক'.repeat(40_000)}`;
    wb.setCell(sheet.name, ind.cell, { v: `[${ind.id}] ${long}` });
    const r = await ops(wb).consolidate({});
    expect(r.cancelled).toBe(false);
    const spec = consolidationWorkbook(r.consolidation!).sheets[1];
    const row = spec.rows.findIndex((x) => typeof x[columnOf(spec, 'name')]?.v === 'string' && (x[columnOf(spec, 'name')].v as string).length > MAX_CELL_TEXT);
    expect(row).toBeGreaterThan(0);
    expect(wb.sheet(spec.name).cell(row, columnOf(spec, 'name'))?.v).toHaveLength(MAX_CELL_TEXT);
  });
});

// ── Adding offices' files ───────────────────────────────────────────────────────────────────

describe('addOfficeFiles', () => {
  let wb: FakeWorkbook;
  let api: ExcelWorkbookOperations;
  let before: WorkbookSnapshot;
  let files: { name: string; base64: string }[];

  beforeAll(async () => {
    wb = await loadFakeWorkbook(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx')));
    api = ops(wb);
    before = snapshotWorkbook(wb);
    const offices = await Promise.all([1, 2, 3].map((i) => buildOfficeWorkbook(i)));
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('this is not a zip archive at all, only its first bytes are')]);
    files = [
      ...offices.map((b, i) => ({ name: `office-${i + 1}.xlsx`, base64: b.toString('base64') })),
      { name: 'broken.xlsx', base64: corrupt.toString('base64') },
      { name: 'letter.txt', base64: Buffer.from('প্রিয় মহোদয়, অগ্রগতি প্রতিবেদন সংযুক্ত।').toString('base64') },
      { name: 'apa-main-with-history.xlsx', base64: fs.readFileSync(path.join(dir, 'apa-main-with-history.xlsx')).toString('base64') },
    ];
  });

  test('cancelled before it starts: nothing inserted', async () => {
    const c = new AbortController();
    c.abort();
    const r = await api.addOfficeFiles(files, { signal: c.signal });
    expect(r.cancelled).toBe(true);
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });

  test('cancelled while consolidating: the inserted tabs are taken out again', async () => {
    const c = new AbortController();
    const r = await api.addOfficeFiles(files, { signal: c.signal, onProgress: (done) => done >= 1 && c.abort() });
    expect(r.cancelled).toBe(true);
    expect(json(snapshotWorkbook(wb))).toBe(json(before));
  });

  test('each file inserted (one tab per plan sheet), the bad ones reported, the others go on, then consolidated', async () => {
    const r = await api.addOfficeFiles(files, {});
    expect(r.cancelled).toBe(false);
    expect(r.failed.map((f) => f.file)).toEqual(['broken.xlsx', 'letter.txt']);
    expect(r.failed[0].reason.en).toMatch(/could not be added: Excel reported: InvalidArgument/);
    expect(r.failed[1].reason.en).toMatch(/not an \.xlsx workbook/);
    expect(r.inserted.map((i) => i.file)).toEqual(['office-1.xlsx', 'office-2.xlsx', 'office-3.xlsx', 'apa-main-with-history.xlsx']);
    expect(r.inserted.every((i) => i.sheets.length === 1)).toBe(true);
    // The generated offices share a sheet name: Excel gives the copies unique names.
    expect(new Set(r.inserted.flatMap((i) => i.sheets)).size).toBe(4);
    // The main APA file's instructions tab holds no plan: listed, and not kept.
    expect(r.skipped.map((s) => s.reason.en).join(' ')).toMatch(/holds no plan, so it was not kept/);
    expect(allOffices(r.consolidation!)).toHaveLength(5);
    // The user's own sheet is byte-for-byte as it was.
    const userSheet = before.sheets[0];
    const { extra: _extra, ...userCells } = userSheet;
    expect(snapshotWorkbook(wb, { userOnly: true }).sheets[0]).toEqual(userCells);
  });

  test('adding the same files again inserts nothing new', async () => {
    const once = snapshotWorkbook(wb);
    const r = await api.addOfficeFiles(files, {});
    expect(r.failed).toHaveLength(2);
    expect(r.inserted.map((i) => i.sheets.length)).toEqual([1, 1, 1, 1]);
    expect(diff(once, snapshotWorkbook(wb))).toEqual([]);
  });

  test('removeAll removes the reports; the inserted offices\' tabs stay (they are the offices\' data)', async () => {
    const names = wb.sheets.map((s) => s.name);
    const reports = new Set(wb.sheets.filter((s) => s.customProperties.has('apa-sheets')).map((s) => s.name));
    expect(reports.size).toBeGreaterThanOrEqual(3);
    await api.removeAll();
    const after = snapshotWorkbook(wb);
    expect(after.sheets[0]).toEqual(before.sheets[0]);
    expect(after.sheets.map((s) => s.name)).toEqual(names.filter((n) => !reports.has(n)));
    expect(wb.settings.has(OWNED_KEY)).toBe(false);
  });
});

describe('addOfficeFiles: an .ods and a .csv read by the pane, written into new tabs', () => {
  const SAMPLE_CSV = path.join(__dirname, '..', '..', 'samples', '002-khulna-library.csv');
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  /** The CSV's rows as an .ods table: plain numbers as float cells, the rest as text. */
  const odsOf = (rows: string[][], name: string) =>
    odsPackage([
      {
        name: escapeXml(name),
        rows: rows
          .map((r) => `<table:table-row>${r.map((v) => (v === '' ? '<table:table-cell/>' : /^-?\d+(\.\d+)?$/.test(v) ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>` : `<table:table-cell office:value-type="string"><text:p>${escapeXml(v)}</text:p></table:table-cell>`)).join('')}</table:table-row>`)
          .join(''),
      },
    ]);
  let files: OfficeFile[];
  beforeAll(async () => {
    const csv = fs.readFileSync(SAMPLE_CSV);
    const ods = odsOf(csvRows(csv.toString('utf8').replace(/^\uFEFF/, '')), 'খুলনা: ২০২৩/২৪ [অগ্রগতি]');
    files = [
      { name: '002-khulna-library.csv', base64: csv.toString('base64'), sheets: await officeSheets('002-khulna-library.csv', new Uint8Array(csv)) },
      { name: 'khulna.ods', base64: ods.toString('base64'), sheets: await officeSheets('khulna.ods', new Uint8Array(ods)) },
    ];
  });

  test('each becomes a tab named after its office within Excel\'s rules, recorded as imported, then consolidated; twice = once', async () => {
    const wb = await loadFakeWorkbook(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx')));
    const userBefore = snapshotWorkbook(wb, { userOnly: true }).sheets[0];
    const r = await ops(wb).addOfficeFiles(files, {});
    expect(r.failed).toEqual([]);
    expect(r.inserted.map((i) => [i.file, i.sheets.length])).toEqual([
      ['002-khulna-library.csv', 1],
      ['khulna.ods', 1],
    ]);
    // Each new tab is named after the office its plan names, as an .xlsx's is, within Excel's
    // rules (at most 31 characters, none of : \\ / ? * [ ], unique whatever the case).
    const tabs = r.inserted.map((i) => i.sheets[0]);
    expect(tabs[0]).toBe('বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা'.slice(0, 31));
    expect(tabs[1]).toMatch(/^বিভাগীয় সরকারি গণগ্রন্থাগা.* \(2\)$/);
    for (const t of tabs) expect([t, t.length <= 31 && !/[:\\/?*[\]]/.test(t)]).toEqual([t, true]);
    const record = parseRecord(wb.settings.get(OWNED_KEY))!;
    const hashes = files.map((f) => `sha256:${createHash('sha256').update(Buffer.from(f.base64, 'base64')).digest('hex')}`);
    expect(record.imports.map((i) => [i.file, i.hash])).toEqual([
      ['002-khulna-library.csv', hashes[0]],
      ['khulna.ods', hashes[1]],
    ]);
    // The tabs hold the plan as the CLI reads the files: the same office, scored the same.
    const csvTab = wb.sheets.find((s) => s.name === tabs[0])!;
    const values = [...csvTab.cells.values()].map((c) => c.v);
    // Text as the file has it: a serial '০১' keeps its zero.
    expect(values).toContain('০১');
    expect(values).toContain('বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা');
    const offices = allOffices(r.consolidation!);
    expect(offices.map((o) => o.sheet).sort()).toEqual([wb.sheets[0].name, ...tabs].sort());
    const percents = new Set(offices.map((o) => JSON.stringify([o.marks, o.outOf, o.percent])));
    expect(percents.size).toBe(1);
    expect(snapshotWorkbook(wb, { userOnly: true }).sheets[0]).toEqual(userBefore);

    const once = snapshotWorkbook(wb);
    const again = await ops(wb).addOfficeFiles(files, {});
    expect(again.inserted).toEqual(r.inserted);
    expect(diff(once, snapshotWorkbook(wb))).toEqual([]);
  });
});

// ── What the user changed stays theirs: ownership follows the sheet's id ────────────────────

/** FNV-1a (32-bit) over `s`, from state `h`. */
function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The old 32-bit identity of an imported file (FNV-1a of its base64, with its length). */
const oldHash = (s: string): string => `${s.length.toString(36)}-${fnv(s).toString(36)}`;

/** Two different .xlsx files whose old hash is the same: the two workbooks with the zip's end
 * comment varied (a comment changes no part of a workbook) until two of them collide. Only the
 * end of the base64 changes, so the hash of the rest is computed once. */
function collidingFiles(a: Buffer, b: Buffer): [string, string] {
  const prepared = (buf: Buffer, pad: number) => {
    const at = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const head = Buffer.from(buf.subarray(0, at + 22));
    head.writeUInt16LE(pad, at + 20);
    const fixed = head.length - (head.length % 3);
    const prefix = head.subarray(0, fixed).toString('base64');
    const rest = head.subarray(fixed);
    const tail = (n: number) => {
      const c = Buffer.alloc(pad, 0x20);
      c.write(n.toString(36).padStart(8, '0'), pad - 8, 'latin1');
      return Buffer.concat([rest, c]).toString('base64');
    };
    return { prefix, state: fnv(prefix), tail, full: (n: number) => prefix + tail(n) };
  };
  // Equal lengths (the old hash counted the length): the shorter file gets the longer comment.
  const end = (buf: Buffer) => buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 22;
  const pa = prepared(a, 24 + Math.max(0, end(b) - end(a)));
  const pb = prepared(b, 24 + Math.max(0, end(a) - end(b)));
  const seen = new Map<number, number>();
  for (let n = 0; n < 1 << 19; n++) seen.set(fnv(pa.tail(n), pa.state), n);
  for (let n = 0; n < 1 << 22; n++) {
    const m = seen.get(fnv(pb.tail(n), pb.state));
    if (m !== undefined) return [pa.full(m), pb.full(n)];
  }
  throw new Error('no collision found');
}

describe('what the user changed stays theirs: ownership follows the sheet\'s id', () => {
  const load = () => loadFakeWorkbook(fs.readFileSync(path.join(dir, '002-khulna-library.xlsx')));
  const recordOf = (wb: FakeWorkbook) => parseRecord(wb.settings.get(OWNED_KEY))!;
  const sheetSnap = (wb: FakeWorkbook, name: string) => snapshotWorkbook(wb).sheets.find((s) => s.name === name);
  const headerPairs = (s: FakeSheet) => [...s.cells.values()].filter((c) => c.v === SCORE_HEADER).length;
  const apaFormulas = (wb: FakeWorkbook) => wb.sheets.flatMap((s) => [...s.cells.values()].filter((c) => /^=APA\./i.test(c.f ?? '')).map((c) => `${s.name}: ${c.f}`));

  test('a renamed owned sheet is still owned: its columns and colours are replaced where they are, and Remove takes them away', async () => {
    const wb = await load();
    const api = ops(wb);
    const sheet = wb.active;
    const before = snapshotWorkbook(wb);
    await api.addScoreColumns();
    await api.highlightTiers();
    const cols = recordOf(wb).sheets[sheet.id].columns!;
    const rules = sheet.cfs.length;
    wb.userRenameSheet(sheet.name, 'অগ্রগতি ২০২৫');
    await api.addScoreColumns();
    await api.highlightTiers();
    expect(recordOf(wb).sheets[sheet.id]).toMatchObject({ name: 'অগ্রগতি ২০২৫', columns: cols });
    expect(headerPairs(sheet)).toBe(1);
    expect(sheet.cfs).toHaveLength(rules);
    await api.removeAll();
    expect(diff({ ...before, sheets: before.sheets.map((s) => ({ ...s, name: 'অগ্রগতি ২০২৫' })) }, snapshotWorkbook(wb))).toEqual([]);
  });

  test('a renamed report sheet is still owned: the next run replaces it', async () => {
    const wb = await load();
    const api = ops(wb);
    const first = await api.consolidate({});
    wb.userRenameSheet(first.written[0], 'আমার সারাংশ');
    const again = await api.consolidate({});
    expect(again.written).toEqual(first.written);
    expect(wb.find('আমার সারাংশ')).toBeUndefined();
    expect(wb.sheets).toHaveLength(1 + first.written.length);
  });

  test('a copy of an owned sheet is the user\'s: never deleted, cleared or written over — with the user\'s notes in it — on a re-run or Remove', async () => {
    const wb = await load();
    const api = ops(wb);
    const sheet = wb.active;
    const before = snapshotWorkbook(wb);
    await api.addScoreColumns();
    await api.highlightTiers();
    await api.consolidate({});
    const cols = recordOf(wb).sheets[sheet.id].columns!;
    const copy = wb.userCopySheet(sheet.name);
    // Excel copies the sheet's names with it, not its custom properties; the copy has its own id.
    expect(copy.id).not.toBe(sheet.id);
    expect([...copy.names.keys()].sort()).toEqual([...sheet.names.keys()].sort());
    // The user's notes in the copy: over the copied score column and beside the copied legend.
    wb.setCell(copy.name, areaA1({ top: cols.top + 1, left: cols.score, bottom: cols.top + 1, right: cols.score }), { v: 'পরিদর্শনের নোট' });
    wb.setCell(copy.name, areaA1({ top: cols.bottom + 3, left: cols.score, bottom: cols.bottom + 3, right: cols.score }), { v: 'স্বাক্ষর' });
    const copied = sheetSnap(wb, copy.name);
    wb.activate(sheet.name);
    await api.addScoreColumns();
    await api.highlightTiers();
    const report = await api.consolidate({});
    expect(allOffices(report.consolidation!).map((o) => o.sheet)).toContain(copy.name);
    expect(sheetSnap(wb, copy.name)).toEqual(copied);
    await api.removeAll();
    expect(sheetSnap(wb, copy.name)).toEqual(copied);
    expect(sheetSnap(wb, sheet.name)).toEqual(before.sheets[0]);
  });

  test('a copy of a report sheet is the user\'s: kept, with the user\'s notes in it, on a re-run and on Remove', async () => {
    const wb = await load();
    const api = ops(wb);
    const first = await api.consolidate({});
    const copy = wb.userCopySheet(first.written[0]);
    expect(copy.customProperties.size).toBe(0);
    wb.setCell(copy.name, 'A1', { v: 'সভায় আলোচিত' });
    const copied = sheetSnap(wb, copy.name);
    wb.activate(wb.sheets[0].name);
    await api.consolidate({});
    expect(sheetSnap(wb, copy.name)).toEqual(copied);
    await api.removeAll();
    expect(sheetSnap(wb, copy.name)).toEqual(copied);
    expect(wb.sheets.map((s) => s.name)).toEqual([wb.sheets[0].name, copy.name]);
  });

  test('a sheet copied without the ownership record keeps the signature below its table: Add score columns never writes over a cell that is not recorded as the add-in\'s and is not empty', async () => {
    const src = await load();
    await ops(src).addScoreColumns();
    const cols = recordOf(src).sheets[src.active.id].columns!;
    // The sheet copied into another workbook: its cells (the add-in's columns among them) go, the record stays behind.
    const wb = FakeWorkbook.fromJSON({ sheets: [{ ...src.toJSON().sheets[0], id: undefined, names: undefined }] }, { loader: base64Loader });
    const name = wb.active.name;
    wb.setCell(name, areaA1({ top: cols.bottom + 2, left: cols.score, bottom: cols.bottom + 2, right: cols.score }), { v: 'স্বাক্ষর: পরিচালক' });
    wb.setCell(name, areaA1({ top: cols.bottom + 3, left: cols.tier, bottom: cols.bottom + 3, right: cols.tier }), { v: 'তারিখ: ২০/০১/২০২৫' });
    const before = snapshotWorkbook(wb).sheets[0].cells;
    const api = ops(wb);
    expect((await api.addScoreColumns()).ok).toBe(true);
    const after = snapshotWorkbook(wb).sheets[0].cells;
    for (const [a, v] of Object.entries(before)) expect([a, after[a]]).toEqual([a, v]);
    const mine = recordOf(wb).sheets[wb.active.id].columns!;
    expect(mine.score).toBeGreaterThan(cols.tier);
    // Remove takes away what this workbook's add-in wrote, and nothing of what came with the copy.
    await api.removeAll();
    expect(snapshotWorkbook(wb).sheets[0].cells).toEqual(before);
  });

  test('owned formulas and formats are found from the record after rows are inserted above the header and inside the table, and a column before it: Remove leaves no =APA. formula behind, and the sheet as the user\'s insertions made it', async () => {
    const wb = await load();
    // The same workbook, the same insertions, never touched by the add-in: what Remove must leave.
    const untouched = FakeWorkbook.fromJSON(wb.toJSON(), { loader: base64Loader });
    const api = ops(wb);
    const sheet = wb.active;
    const { result } = coreOn(sheet);
    await api.addScoreColumns();
    await api.highlightTiers();
    const cols = recordOf(wb).sheets[sheet.id].columns!;
    const firstRow = Math.min(...result.indicators.flatMap((s) => s.achievementCells).map((c) => parseA1(c)!.row));
    const insert = async (w: FakeWorkbook) => {
      await w.userInsertRows(sheet.name, 2, 3);
      await w.userInsertRows(sheet.name, firstRow + 3 + 2, 2);
      await w.userInsertColumns(sheet.name, 'A', 1);
    };
    await insert(wb);
    await insert(untouched);
    // Excel moved and stretched the add-in's names with the cells.
    const named = sheet.names.get('APA_SHEETS_COLUMNS')!.ref;
    expect(named).toEqual({ top: cols.top + 3, left: cols.score + 1, bottom: cols.bottom + 5, right: cols.tier + 1 });
    // Running the command again: one block, where it moved to, over the longer table.
    await api.addScoreColumns();
    expect(headerPairs(sheet)).toBe(1);
    expect(recordOf(wb).sheets[sheet.id].columns).toMatchObject({ score: cols.score + 1, top: cols.top + 3 });
    expect((await api.checkActiveSheet()).totals).toEqual(coreOn(untouched.active).result.totals);
    await api.removeAll();
    expect(apaFormulas(wb)).toEqual([]);
    expect(diff(snapshotWorkbook(untouched), snapshotWorkbook(wb))).toEqual([]);
  });

  test('the change handler follows inserted rows: the colours move with the achievements', async () => {
    const wb = await load();
    const api = ops(wb);
    const sheet = wb.active;
    await api.highlightTiers();
    await wb.userInsertRows(sheet.name, 3, 2);
    const expected = new Map<HighlightKey, Set<string>>();
    for (const h of highlightSpec(coreOn(sheet).result)) expected.set(h.key, new Set([...(expected.get(h.key) ?? []), h.cell]));
    for (const [key, cells] of expected) expect([...ownedRules(sheet).get(key)!.cells].sort()).toEqual([...cells].sort());
  });

  test('two offices\' files whose old 32-bit hash collides are both inserted (a file is its SHA-256)', async () => {
    const [a, b] = collidingFiles(await buildOfficeWorkbook(1), await buildOfficeWorkbook(2));
    expect(a).not.toBe(b);
    expect(oldHash(a)).toBe(oldHash(b));
    const wb = await load();
    const r = await ops(wb).addOfficeFiles([{ name: 'office-1.xlsx', base64: a }, { name: 'office-2.xlsx', base64: b }], {});
    expect(r.failed).toEqual([]);
    expect(r.inserted.map((i) => [i.file, i.sheets.length])).toEqual([['office-1.xlsx', 1], ['office-2.xlsx', 1]]);
    expect(new Set(r.inserted.flatMap((i) => i.sheets)).size).toBe(2);
    expect(recordOf(wb).imports.map((i) => i.hash)).toEqual(await Promise.all([a, b].map(async (x) => `sha256:${createHash('sha256').update(Buffer.from(x, 'base64')).digest('hex')}`)));
    expect(allOffices(r.consolidation!)).toHaveLength(3);
  });
});

// ── The fake itself behaves like Office.js where it matters ─────────────────────────────────

describe('fake Excel', () => {
  test('reading a property that was not loaded and synced throws PropertyNotLoaded', async () => {
    const wb = FakeWorkbook.fromJSON({ sheets: [{ name: 'S', cells: { A1: { v: 1 } } }] });
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1');
      expect(() => r.values).toThrow(FakeOfficeError);
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      expect(() => r.address).toThrow(/not available/);
    });
  });

  test('requests over the limit fail; commands before a failing one stay applied', async () => {
    const wb = FakeWorkbook.fromJSON({ sheets: [{ name: 'S', cells: {} }] }, { limit: 1000 });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:A100').values = Array.from({ length: 100 }, () => ['xxxxxxxxxxxxxxx']);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['kept']];
        ctx.workbook.worksheets.getItem('Nope').getRange('A1').values = [['x']];
        ctx.workbook.worksheets.getItem('S').getRange('A2').values = [['dropped']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(wb.getCell('S', 'A1')?.v).toBe('kept');
    expect(wb.getCell('S', 'A2')).toBeUndefined();
  });

  test('selectCell activates the sheet and selects the cell', async () => {
    const wb = FakeWorkbook.fromJSON({ sheets: [{ name: 'A', cells: {} }, { name: "B's", cells: {} }] });
    await ops(wb).selectCell("B's", 'K14');
    expect(wb.active.name).toBe("B's");
    expect(wb.selection).toEqual({ sheet: "B's", address: 'K14' });
  });

  test('round-trips through plain JSON (what a browser test receives)', async () => {
    const wb = await loadFakeWorkbook(fs.readFileSync(path.join(dir, '003-skt.xlsx')));
    const copy = FakeWorkbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
    expect(json(snapshotWorkbook(copy))).toBe(json(snapshotWorkbook(wb)));
  });

  test('insertWorksheetsFromBase64 reads real .xlsx bytes', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('One').getCell('B2').value = 42;
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const wb = FakeWorkbook.fromJSON({ sheets: [{ name: 'One', cells: {} }] }, { loader: base64Loader });
    const ids = await wb.run(async (ctx) => {
      const r = ctx.workbook.insertWorksheetsFromBase64(bytes.toString('base64'));
      await ctx.sync();
      return r.value;
    });
    expect(ids).toHaveLength(1);
    expect(wb.sheet(ids[0]).name).toBe('One (2)');
    expect(wb.getCell('One (2)', 'B2')?.v).toBe(42);
  });
});
