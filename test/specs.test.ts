/**
 * The rules of every workbook command, once, against core's specs — what the hosts (Excel, Google
 * Sheets, the CLI's files) apply: the one step from a grid to a plan and its problems, score
 * columns, highlighting, the ownership record and where owned things are, what is needed, Remove,
 * consolidation and its report as cell matrices. The host tests (test/addin/workbook.test.ts,
 * test/appsscript/gas.test.ts) check that each host applies these specs exactly and within its
 * budget of round trips and service calls.
 */
import fc from 'fast-check';
import {
  CellValue,
  Consolidation,
  FUNCTIONS,
  HighlightKey,
  INDICATOR_COLUMNS,
  LEGEND_ORDER,
  LEGEND_ROWS,
  LEGEND_TITLE,
  LINK_FONT,
  MAX_CELL_TEXT,
  OwnedSheet,
  PALETTE,
  PERCENT_BANDS,
  PROBLEM_COLUMNS,
  RECORD_VERSION,
  Rect,
  SCORE_HEADER,
  TIER_HEADER,
  addTab,
  analyseGrid,
  analyseTab,
  blockColumn,
  blockGrid,
  blockRows,
  cellMatrix,
  checkResult,
  columnOf,
  consolidate,
  consolidationWorkbook,
  coverAreas,
  dayFromYmd,
  editCanChangeTiers,
  emptyRecord,
  finishRun,
  highlightKey,
  highlightPlan,
  highlightSpec,
  isEmptyRecord,
  legendCells,
  legendLabel,
  locateOwned,
  newRun,
  nextResult,
  officeSummary,
  parseA1,
  parseArea,
  readPlan,
  readRecord,
  rectA1,
  removalPlan,
  removed,
  scoreColumns,
  scorePlan,
  styleRuns,
  uniqueSheetName,
  validatePlan,
  whatNext,
  withFormulas,
} from '../core';
import fs from 'fs';
import path from 'path';
import { safeText } from '../cli/write-workbook';
import { blockFits, valuesColumns } from '../core/score-columns';
import { spillRows, isReportSheet, fileHash, locatedAreas } from '../core/ownership';
import { APP_VERSION } from '../core/version';
import { text } from '../core/messages';
import type { PlanScore } from '../core/score';
import { SEED_NAMES, seedGrid } from './fuzz/seed-grids';

const TODAY = dayFromYmd(2025, 1, 20)!;

function plan(name: string) {
  const grid = seedGrid(name);
  const a = analyseGrid(grid, { today: TODAY });
  if (a.kind !== 'plan') throw new Error(`${name} is not a plan`);
  return { grid, a, result: a.result };
}

const cellsOf = (areas: Rect[]) => areas.flatMap((r) => {
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(rectA1({ top: row, left: col, bottom: row, right: col }));
  return out;
});
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('one step from a grid to its plan and problems (SCORING.md §1–§8), for every host', () => {
  test.each(SEED_NAMES)('%s: the plan, its scores and its problems are readPlan → scorePlan → validatePlan', (name) => {
    const grid = seedGrid(name);
    const a = analyseGrid(grid, { today: TODAY, settings: { mode: 'floor' } });
    const o = readPlan(seedGrid(name));
    if (o.kind !== 'plan' || a.kind !== 'plan') throw new Error(name);
    const result = scorePlan(o.plan, { mode: 'floor' });
    expect(a.result.totals).toEqual(result.totals);
    expect(a.problems).toEqual(validatePlan(o.plan, { today: TODAY }, result));
    const check = checkResult(a);
    expect(check.totals).toEqual(result.totals);
    expect(check.indicators.map((i) => [i.id, i.raw, i.key, i.cells])).toEqual(result.indicators.map((s) => [s.indicator.id, s.raw, highlightKey(s.status, s.tier), s.achievementCells.length ? s.achievementCells : [s.indicator.cell]]));
  });

  test('a sheet with no indicator table is no plan (and no table); a table without targets is no plan, with the reason', () => {
    const cover = analyseGrid({ sheet: 'চিঠি', values: [['গণপ্রজাতন্ত্রী বাংলাদেশ সরকার'], ['সভার কার্যবিবরণী']] }, { today: TODAY });
    expect(cover).toMatchObject({ kind: 'not-a-plan', sheet: 'চিঠি', noTable: true });
    expect(cover.kind === 'not-a-plan' && cover.reason.en).toMatch(/not a plan/);
    const noTargets = analyseGrid({ sheet: 'S', values: [['ক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'অর্জন'], ['১', 'সূচক', 'সংখ্যা', 3]] }, { today: TODAY });
    expect(noTargets).toMatchObject({ kind: 'not-a-plan', noTable: false });
    expect(checkResult(noTargets)).toMatchObject({ sheet: 'S', plan: null, totals: null, indicators: [], problems: [] });
  });

  test('a tab the host could not read, and an empty tab, say so', () => {
    const unreadable = analyseTab('T', { error: 'GeneralException', grid: null }, { today: TODAY });
    expect(unreadable.kind === 'not-a-plan' && unreadable.reason.en).toMatch(/could not be read \(GeneralException\)/);
    const empty = analyseTab('T', { grid: null }, { today: TODAY });
    expect(empty.kind === 'not-a-plan' && empty.reason.en).toMatch(/empty/);
  });
});

/** Evaluates `=APA.SCORE(…)`-style formula text with the registry over a grid's cells (a merged
 * cell's value is its top-left cell's, as the hosts pass it): the whole column it fills. */
function evaluateAll(grid: ReturnType<typeof seedGrid>, formula: string): unknown[] {
  const m = /^=APA[._](SCORE|TIER)\((.*)\)$/.exec(formula)!;
  const at = (r: number, c: number): CellValue => {
    const mm = grid.merges.find((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
    return mm && (mm.top !== r || mm.left !== c) ? null : grid.values[r]?.[c];
  };
  const args = m[2].split(',').map((ref) => {
    if (ref === '""') return '';
    const area = parseArea(ref)!;
    const rows: CellValue[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const line: CellValue[] = [];
      for (let c = area.left; c <= area.right; c++) line.push(at(r, c) ?? null);
      rows.push(line);
    }
    return rows;
  });
  const fn = FUNCTIONS.find((f) => f.name === m[1])!;
  const out = fn.impl(...args);
  return Array.isArray(out) ? out.map((r) => r[0]) : [out];
}
const evaluate = (grid: ReturnType<typeof seedGrid>, formula: string): unknown => evaluateAll(grid, formula)[0];

/** The row (0-based) each indicator's score lands on: its cumulative achievement's, else its last. */
const achievementRow = (s: PlanScore['indicators'][number]) => {
  const ach = s.indicator.achievements.find((x) => x.cumulative) ?? s.indicator.achievements[s.indicator.achievements.length - 1];
  return ach && s.indicator.targets.length ? parseA1(ach.cell)!.row : null;
};

describe('score columns: one array formula per column over each run of the table, in the host\'s dialect', () => {
  test.each(SEED_NAMES)('%s: every indicator is in one run; each run\'s formulas, evaluated over the grid, give each indicator\'s score and tier on its row and blanks on every other row; Excel APA., Sheets APA_', (name) => {
    const { grid, result } = plan(name);
    const excel = scoreColumns(grid, result, 'excel');
    const sheets = scoreColumns(grid, result, 'sheets');
    expect(excel.top).toBe(result.plan.headerRow - 1);
    expect(excel.header).toEqual([SCORE_HEADER, TIER_HEADER]);
    expect(excel.body).toHaveLength(excel.bottom - excel.top);
    const byRow = new Map<number, PlanScore['indicators'][number]>();
    for (const s of result.indicators) {
      const r = achievementRow(s);
      if (r !== null) byRow.set(r, s);
    }
    expect(excel.count).toBe(byRow.size);
    const covered = new Set<number>();
    for (const run of excel.runs) {
      expect(excel.body[run.row - excel.top - 1]).toEqual([run.score, run.tier]);
      const scores = evaluateAll(grid, run.score);
      const tiers = evaluateAll(grid, run.tier);
      expect(scores).toHaveLength(run.rows);
      for (let i = 0; i < run.rows; i++) {
        const s = byRow.get(run.row + i);
        covered.add(run.row + i);
        if (!s) {
          expect([scores[i], tiers[i]]).toEqual(['', '']);
          continue;
        }
        if (s.status === 'scored') expect(scores[i]).toBeCloseTo(s.score!, 9);
        else if (s.status === 'invalid') expect(scores[i]).toMatchObject({ error: 'value' });
        else expect(scores[i]).toBe('');
        if (s.status === 'scored' && s.tier && !name.includes('typed')) expect(tiers[i]).toBe(text(`tier.${s.tier}`).bn);
      }
    }
    for (const r of byRow.keys()) expect(covered.has(r)).toBe(true);
    // Rows between runs hold nothing; Sheets' formulas are Excel's in its own dialect.
    excel.body.forEach((row, i) => {
      if (!excel.runs.some((run) => run.row === excel.top + 1 + i)) expect(row).toEqual(['', '']);
    });
    expect(sheets.body).toEqual(excel.body.map((row) => row.map((f) => f.replace(/^=APA\./, '=APA_'))));
  });

  test('office 002: one formula per column, =APA.SCORE(K14:K23,F14:J23,E14:E23,D14:D23) and =APA.TIER(K14:K23,F14:J23,D14:D23); the score column\'s format 0.00', () => {
    const { grid, result } = plan('002-five-tier');
    const spec = scoreColumns(grid, result, 'excel');
    expect(spec.runs.map((r) => [r.row + 1, r.rows, r.score, r.tier])).toEqual([[14, 10, '=APA.SCORE(K14:K23,F14:J23,E14:E23,D14:D23)', '=APA.TIER(K14:K23,F14:J23,D14:D23)']]);
    expect(scoreColumns(grid, result, 'sheets').runs[0].score).toBe('=APA_SCORE(K14:K23,F14:J23,E14:E23,D14:D23)');
    expect(spec.scoreFormat).toBe('0.00');
  });

  test('a header repeated after a page break starts a new run; a row that would give a result of its own (a subtotal\'s weight) ends one', () => {
    const three = scoreColumns(plan('000-three-tier').grid, plan('000-three-tier').result, 'excel');
    expect(three.runs.map((r) => [r.row + 1, r.rows])).toEqual([[66, 11], [85, 2]]);
    const main = plan('apa-main-quarters');
    const spec = scoreColumns(main.grid, main.result, 'excel');
    const subtotals = main.grid.values.map((row, r) => (typeof row[0] === 'string' && row[0].includes('উপমোট') ? r : -1)).filter((r) => r >= 0);
    expect(subtotals.length).toBeGreaterThan(0);
    for (const r of subtotals) expect(spec.runs.some((run) => r >= run.row && r < run.row + run.rows)).toBe(false);
  });

  test('row pairs (003): a formula per pair, on the achievement row, reading the target row\'s tiers (a target row inside a run would get a result of its own)', () => {
    const { grid, result } = plan('003-row-pairs');
    const spec = scoreColumns(grid, result, 'excel');
    const pair = result.indicators.find((s) => s.indicator.achievements.length)!;
    const ach = parseA1(pair.indicator.achievements[0].cell)!;
    expect(ach.row).toBe(pair.indicator.row);
    expect(spec.runs.every((r) => r.rows === 1)).toBe(true);
    expect(spec.body[ach.row - spec.top - 1][0]).toContain(`,${pair.indicator.targets[0].cell}:`);
  });

  test('an array formula fills the rows of its first range: that is how far the owned columns reach', () => {
    expect(spillRows('=APA.SCORE(K14:K23,F14:J23,E14:E23,D14:D23)')).toBe(10);
    expect(spillRows('=APA_TIER(G62,G61:K61,D61)')).toBe(1);
    expect(spillRows('=SUM(A1:A9)')).toBe(1);
    const located = { blank: [], columns: { score: 12, tier: 13, top: 12, bottom: 13 } };
    expect(withFormulas(located, { top: 13, left: 12, values: [['=APA.SCORE(K14:K23,F14:J23,E14:E23)', '=APA.TIER(K14:K23,F14:J23)'], ['', '']] }).columns!.bottom).toBe(22);
    expect(withFormulas({ ...located, columns: { ...located.columns, values: true } }, { top: 13, left: 12, values: [['=APA.SCORE(K14:K23,F14:J23,E14:E23)', '']] }).columns!.bottom).toBe(13);
  });

  test('placement: where the columns or the legend already are, else the host\'s first clear column; the block runs from the header row to the legend\'s or the last indicator\'s row', () => {
    const clear = () => 20;
    expect(blockColumn({ blank: [] }, clear)).toBe(20);
    expect(blockColumn({ blank: [], columns: { score: 12, tier: 13, top: 5, bottom: 30 } }, clear)).toBe(12);
    expect(blockColumn({ blank: [], legend: { col: 15, top: 5, bottom: 14 } }, clear)).toBe(12);
    const { result } = plan('002-five-tier');
    const rows = blockRows(result);
    expect(rows.top).toBe(result.plan.headerRow - 1);
    const last = Math.max(...result.indicators.flatMap((s) => [s.indicator.cell, ...s.indicator.achievements.map((x) => x.cell)]).map((c) => parseA1(c)!.row));
    expect(rows.bottom).toBe(Math.max(last, rows.top + LEGEND_ROWS - 1));
    expect(blockRows(result, 1).bottom).toBe(Math.max(last + 1, rows.top + LEGEND_ROWS - 1));
  });

  test('never over what is not its own: where the block would now cover a cell of the user\'s (a signature below a table that grew), it goes to the first clear column', () => {
    const located = { blank: [], columns: { score: 12, tier: 13, top: 5, bottom: 9 } };
    const sheet = new Map<string, unknown>([['6,12', 3.5], ['8,13', 'উত্তম'], ['11,12', 'স্বাক্ষর']]);
    const value = (r: number, c: number) => sheet.get(`${r},${c}`) ?? '';
    expect(blockFits([12, 13], { top: 5, bottom: 9 }, located, value)).toBe(true);
    expect(blockFits([12, 13], { top: 5, bottom: 11 }, located, value)).toBe(false);
    expect(blockColumn(located, () => 20, (col) => blockFits([col, col + 1], { top: 5, bottom: 11 }, located, value))).toBe(20);
    expect(blockColumn(located, () => 20, (col) => blockFits([col, col + 1], { top: 5, bottom: 9 }, located, value))).toBe(12);
  });
});

describe('values only: the results as plain values with a note of when and how they were computed', () => {
  test.each(SEED_NAMES)('%s: the header pair, each indicator\'s score (0.00) and tier on its row, blanks elsewhere, then the note (date, settings, "APA Sheets <version>")', (name) => {
    const { grid, result } = plan(name);
    const spec = valuesColumns(grid, result, { language: 'bn', today: TODAY, version: APP_VERSION });
    const live = scoreColumns(grid, result, 'excel');
    expect(spec.top).toBe(live.top);
    expect(spec.rows[0].map((c) => c.v)).toEqual([SCORE_HEADER, TIER_HEADER]);
    expect(spec.rows).toHaveLength(spec.bottom - spec.top + 1);
    const byRow = new Map(result.indicators.map((s) => [achievementRow(s), s]));
    for (let r = spec.top + 1; r < spec.bottom; r++) {
      const [score, tier] = spec.rows[r - spec.top];
      const s = byRow.get(r);
      if (!s) {
        expect([score.v, tier.v]).toEqual(['', '']);
        continue;
      }
      if (s.status === 'scored') {
        expect(score).toEqual({ v: s.score, format: '0.00' });
        expect(tier.v).toBe(text(`tier.${s.tier ?? "not-achieved"}`).bn);
      } else if (s.status === 'invalid') {
        expect(score.v).toBe('');
        expect(typeof tier.v === 'string' && tier.v.length > 0).toBe(true);
      } else expect([score.v, tier.v]).toEqual(['', text(`status.${s.status}`).bn]);
    }
    const note = String(spec.rows[spec.rows.length - 1][0].v);
    expect(note).toContain(`APA Sheets ${APP_VERSION}`);
    expect(note).toContain('২০/০১/২০২৫');
    expect(note).toContain(text('rule.interpolate').bn);
    expect(spec.count).toBe(live.count);
  });

  test('in English, and with the settings the sheet was scored with (a final evaluation counts pending as 0)', () => {
    const grid = seedGrid('002-five-tier');
    const a = analyseGrid(grid, { today: TODAY, settings: { mode: 'floor', final: true } });
    if (a.kind !== 'plan') throw new Error('no plan');
    const spec = valuesColumns(grid, a.result, { language: 'en', today: TODAY, version: '9.9.9' });
    const note = String(spec.rows[spec.rows.length - 1][0].v);
    expect(note).toBe(`Values only, not formulas: computed by APA Sheets 9.9.9 on 20/01/2025. Rules: ${text('rule.floor').en}; not applicable: ${text('rule.rescale').en}; ${text('rule.final').en}`);
    const pending = a.result.indicators.find((s) => s.status === 'pending')!;
    const row = spec.rows[achievementRow(pending)! - spec.top];
    expect(row[0]).toEqual({ v: 0, format: '0.00' });
    expect(row[1].v).toBe('Not achieved');
  });

  test('the version in the note is package.json\'s', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});

describe('highlighting (SCORING.md §6): rules per tier, the legend, the areas to watch', () => {
  test.each(SEED_NAMES)('%s: one marked rule per tier reached, over exactly that tier\'s cells, in the palette\'s colours, in legend order', (name) => {
    const { result } = plan(name);
    const hp = highlightPlan(result);
    const expected = new Map<HighlightKey, string[]>();
    for (const h of highlightSpec(result)) expected.set(h.key, [...(expected.get(h.key) ?? []), h.cell]);
    expect(hp.rules.map((r) => r.key)).toEqual(LEGEND_ORDER.filter((k) => expected.has(k)));
    for (const r of hp.rules) {
      expect(sorted(cellsOf(r.areas))).toEqual(sorted(expected.get(r.key)!));
      expect([r.fill, r.font]).toEqual([PALETTE[r.key].fill, PALETTE[r.key].font]);
      expect(r.formula).toBe(`=N("apa-sheets:${r.key}")=0`);
    }
    expect(hp.cells).toBe(highlightSpec(result).length);
  });

  test.each(SEED_NAMES)('%s: the watched areas cover exactly its targets and achievements', (name) => {
    const { result } = plan(name);
    const watched = result.indicators.flatMap((s) => [...s.achievementCells, ...s.indicator.targets.map((t) => t.cell), ...s.indicator.achievements.map((x) => x.cell)]);
    const { watch } = highlightPlan(result);
    expect(sorted(cellsOf(watch))).toEqual(sorted(watched));
    expect(watch.length).toBeLessThan(new Set(watched).size);
  });

  test('the legend: its title in bold, then each palette entry in its colours, in legend order', () => {
    const cells = legendCells();
    expect(cells).toHaveLength(LEGEND_ROWS);
    expect(cells[0]).toEqual([{ v: LEGEND_TITLE, bold: true }]);
    LEGEND_ORDER.forEach((k, i) => expect(cells[i + 1]).toEqual([{ v: legendLabel(k), fill: PALETTE[k].fill, font: PALETTE[k].font }]));
  });

  test('an edit can change tiers only when it touches a watched cell outside APA Sheets\' own cells', () => {
    const watch = [parseArea('F14:K20')!];
    const owned = [parseArea('M13:N20')!];
    expect(editCanChangeTiers([parseArea('K15')!], owned, watch)).toBe(true);
    expect(editCanChangeTiers([parseArea('A1')!], owned, watch)).toBe(false);
    expect(editCanChangeTiers([parseArea('M15')!], owned, watch)).toBe(false);
    expect(editCanChangeTiers([parseArea('A1:Z1')!, parseArea('M14')!], owned, watch)).toBe(false);
    // Before the watched areas are known, any edit outside the owned cells may.
    expect(editCanChangeTiers([parseArea('A1')!], owned, undefined)).toBe(true);
  });

  test('a rectangle cover: the fewest row runs, stacked where rows repeat', () => {
    expect(coverAreas(['F14', 'G14', 'H14', 'F15', 'G15', 'H15', 'K14', 'K15']).map(rectA1).sort()).toEqual(['F14:H15', 'K14:K15']);
    expect(coverAreas([])).toEqual([]);
  });
});

describe('the ownership record: one versioned schema for both hosts', () => {
  test(`version ${RECORD_VERSION}; the Excel add-in's and the Sheets script's version-1 records both read as it`, () => {
    const excelV1 = { version: 1, token: 'tok', sheets: { '{A1}': { name: 'অগ্রগতি', columns: { score: 12, tier: 13, top: 10, bottom: 30 }, legend: { col: 15, top: 10, bottom: 19 }, highlight: true } }, reports: ['APA সারসংক্ষেপ'], imports: [{ file: 'a.xlsx', hash: '1-x', sheets: ['{B2}'] }] };
    const sheetsV1 = { version: 1, token: 'uuid', sheets: { '7': { name: 'S', legend: { col: 15, top: 10, bottom: 19 }, highlight: true, watch: { top: 13, left: 5, bottom: 20, right: 10 }, grown: { columns: { after: 26, count: 2 } } } }, reports: [] };
    expect(readRecord(JSON.stringify(excelV1))).toEqual({ ...excelV1, version: RECORD_VERSION });
    expect(readRecord(sheetsV1)).toEqual({ version: RECORD_VERSION, token: 'uuid', sheets: { '7': { ...sheetsV1.sheets['7'], watch: ['F14:K21'] } }, reports: [], imports: [] });
  });

  test('written and read back unchanged; what cannot be read is no record; an empty one is dropped', () => {
    const r = emptyRecord('t');
    r.sheets['1'] = { name: 'S', highlight: true, watch: ['F14:K20', 'M3'] };
    expect(readRecord(JSON.stringify(r))).toEqual(r);
    for (const bad of ['', '{', 'null', '[]', '{"sheets":{}}', JSON.stringify({ token: '' })]) expect(readRecord(bad)).toBeNull();
    expect(readRecord(JSON.stringify({ token: 't', sheets: { x: { name: 'S', columns: { score: -1 } } } }))!.sheets).toEqual({});
    expect(isEmptyRecord(emptyRecord('t'))).toBe(true);
    expect(isEmptyRecord(r)).toBe(false);
  });
});

describe('finding what APA Sheets owns: the recorded place first, else where its markers moved', () => {
  // A sheet block from A1: the real columns at K6:L9 and a copy of their header the user typed at D2.
  const block = () => {
    const values: unknown[][] = Array.from({ length: 12 }, () => Array.from({ length: 20 }, () => ''));
    values[1][3] = SCORE_HEADER;
    values[1][4] = TIER_HEADER;
    values[5][10] = SCORE_HEADER;
    values[5][11] = TIER_HEADER;
    values[6][10] = 3.5;
    values[8][11] = 'উত্তম';
    values[5][15] = LEGEND_TITLE;
    values[6][15] = legendLabel(LEGEND_ORDER[0]);
    return { sheet: 'S', top: 0, left: 0, values };
  };
  const rec: OwnedSheet = { name: 'S', columns: { score: 10, tier: 11, top: 5, bottom: 9 }, legend: { col: 15, top: 5, bottom: 5 + LEGEND_ROWS - 1 } };

  test('at the recorded place when its markers are there, even with a copy of them elsewhere', () => {
    const l = locateOwned(block(), rec);
    expect(l.columns).toEqual(rec.columns);
    expect(l.legend).toEqual(rec.legend);
    expect(l.blank.map(rectA1)).toEqual(['K6:L12', `P6:P${6 + LEGEND_ROWS - 1}`]);
  });

  test('moved (rows inserted above): found by its markers, row by row, as long as recorded', () => {
    const l = locateOwned(block(), { ...rec, columns: { score: 10, tier: 11, top: 2, bottom: 6 } });
    expect(l.columns).toEqual({ score: 3, tier: 4, top: 1, bottom: 5 });
  });

  test('a sheet the record does not name (a copy of an owned sheet: a new id) owns nothing: its markers are the user\'s copy, left out of the grid but never cleared or written over', () => {
    const copy = locateOwned(block(), undefined);
    expect(copy.columns).toBeUndefined();
    expect(copy.legend).toBeUndefined();
    expect(locatedAreas(copy)).toEqual([]);
    expect(copy.blank.map(rectA1)).toEqual(['D2:E12', `P6:P${6 + LEGEND_ROWS - 1}`]);
    const b = block();
    b.values[1][3] = b.values[1][4] = '';
    expect(locateOwned(b, undefined).blank.map(rectA1)[0]).toBe('K6:L12');
    // Recorded with a legend only: a header pair on the sheet is not the script's either.
    expect(locateOwned(block(), { name: 'S', legend: rec.legend }).columns).toBeUndefined();
  });

  test('where the host tracked it (names, row and column metadata, moved with insertions) when the markers are there, reaching as far as tracked', () => {
    const b = block();
    // The user inserted 3 rows above and 2 inside the table: the block is at K9, reaching row 14.
    b.values.splice(0, 0, [], [], []);
    const tracked = locateOwned(b, rec, { columns: { top: 8, left: 10, bottom: 13, right: 11 }, legend: { top: 8, left: 15, bottom: 8, right: 15 } });
    expect(tracked.columns).toEqual({ score: 10, tier: 11, top: 8, bottom: 13 });
    expect(tracked.legend).toEqual({ col: 15, top: 8, bottom: 8 + LEGEND_ROWS - 1 });
    // A tracked place whose markers are gone is not believed: the markers are looked for.
    expect(locateOwned(b, rec, { columns: { top: 2, left: 3, bottom: 4, right: 4 } }).columns).toEqual({ score: 3, tier: 4, top: 4, bottom: 8 });
  });

  test('the formulas give the exact extent', () => {
    const real = locateOwned(block(), rec);
    const formulas = { top: 6, left: 10, values: [['=APA.SCORE(K14,F14:J14,E14)', '=APA.TIER(K14,F14:J14)'], ['', ''], ['', '=APA_TIER(K16,F16:J16)'], ['', ''], ['', '']] };
    expect(withFormulas(real, formulas).columns).toEqual({ score: 10, tier: 11, top: 5, bottom: 8 });
    expect(withFormulas(real, { ...formulas, left: 3 }).columns).toEqual(real.columns);
  });

  test('the owned cells are left out of the grid the plan is read from', () => {
    const b = block();
    const l = locateOwned(b, rec);
    const grid = blockGrid(b, { exclude: l.blank });
    expect(grid.values[5]?.[10]).toBeUndefined();
    expect(grid.values[1][3]).toBe(SCORE_HEADER);
  });
});

describe('what is needed: the next and the top tier of each indicator, with days left', () => {
  test.each(SEED_NAMES)('%s', (name) => {
    const { result } = plan(name);
    const r = nextResult('S', result, TODAY);
    const expected = result.indicators
      .map((s) => ({ s, n: whatNext(s) }))
      .filter((x) => x.n)
      .map(({ s, n }) => ({
        id: n!.id,
        current: highlightKey(s.status, s.tier),
        next: { tier: n!.next.tier, value: n!.next.x, daysLeft: n!.unit === 'date' ? n!.next.x - TODAY : null },
        top: { tier: n!.top.tier, value: n!.top.x, daysLeft: n!.unit === 'date' ? n!.top.x - TODAY : null },
      }));
    expect(r.items.map(({ id, current, next, top }) => ({ id, current, next, top }))).toEqual(expected);
    expect(nextResult('S', null, TODAY)).toEqual({ sheet: 'S', items: [], today: TODAY, invalid: [], atTop: 0, na: 0, minutes: null });
  });
});

describe('Remove: everything APA Sheets added, and nothing else', () => {
  const located = { blank: [], columns: { score: 12, tier: 13, top: 5, bottom: 20 }, legend: { col: 15, top: 5, bottom: 14 } };

  test('its report sheets while another sheet is left; its areas where they are now; the grown columns; the record emptied', () => {
    const record = emptyRecord('t');
    record.sheets.a = { name: 'A', columns: located.columns, grown: { columns: { after: 26, count: 1 } } };
    record.reports = ['R'];
    const plan = removalPlan(record, [
      { id: 'a', isReport: false, located },
      { id: 'r', isReport: true },
      { id: 'b', isReport: false },
    ]);
    expect(plan.reports).toEqual(['r']);
    // Sheet b is not in the record (a copy of a, say): it is not touched.
    expect(plan.sheets.map((s) => [s.id, s.clear.map(rectA1)])).toEqual([['a', ['M6:N21', 'P6:P15']]]);
    expect(plan.sheets[0].grown).toEqual({ columns: { after: 26, count: 1 } });
    expect(plan.record).toEqual({ ...record, sheets: {}, reports: [], imports: [] });
    const r = removed({ sheets: 1, cleared: plan.sheets[0].clear, rules: 3 }, true);
    expect(r.changed).toBe(1 + 32 + 10 + 3);
    expect(r.message.en).toMatch(/1 sheets, 42 cells, 3 colour rules/);
  });

  test('a report sheet is one with an id the record wrote and the record\'s token: a copy (new id) or another workbook\'s report (other token) is the user\'s; a record from before ids were kept goes by the token', () => {
    const record = { ...emptyRecord('tok'), reportIds: ['7'] };
    expect(isReportSheet(record, '7', 'tok')).toBe(true);
    expect(isReportSheet(record, '8', 'tok')).toBe(false);
    expect(isReportSheet(record, '7', 'other')).toBe(false);
    expect(isReportSheet(emptyRecord('tok'), '8', 'tok')).toBe(true);
    expect(isReportSheet(null, '7', 'tok')).toBe(false);
    expect(readRecord(JSON.stringify(record))!.reportIds).toEqual(['7']);
    expect(readRecord(JSON.stringify(emptyRecord('tok')))!.reportIds).toBeUndefined();
  });

  test('imported files are named by the SHA-256 of their bytes', () => {
    expect(fileHash('AB'.repeat(32))).toBe(`sha256:${'ab'.repeat(32)}`);
  });

  test('with only its report sheets left they stay (a workbook keeps a sheet); with nothing added, "nothing to remove"', () => {
    expect(removalPlan(emptyRecord('t'), [{ id: 'r', isReport: true }]).reports).toEqual([]);
    expect(removalPlan(null, [{ id: 'a', isReport: false }]).record).toBeNull();
    expect(removed({ sheets: 0, cleared: [], rules: 0 }, false)).toMatchObject({ ok: true, changed: 0, message: { en: expect.stringMatching(/added nothing/) } });
  });
});

describe('consolidation inside a workbook (SCORING.md §9): every other tab one office', () => {
  test('each tab an office or skipped with its reason; a tab just inserted from a file that holds no plan is dropped from the report', () => {
    const run = newRun();
    const offices = ['002-five-tier', '003-row-pairs', '000-three-tier'].map((n) => plan(n).a);
    for (const a of offices) addTab(run, a);
    addTab(run, analyseGrid({ sheet: 'নির্দেশনা', values: [['নির্দেশনা']] }, { today: TODAY }));
    addTab(run, analyseGrid({ sheet: 'Inserted', values: [['চিঠি']] }, { today: TODAY }), 'letter.xlsx');
    const done = finishRun(run, 'en');
    const expected = consolidate(offices.map((a) => (a.kind === 'plan' ? officeSummary(a.result, a.problems) : null!)), [{ sheet: 'নির্দেশনা', reason: run.skipped[0].reason }]);
    expect(done.consolidation).toEqual(expected);
    expect(done.book).toEqual(consolidationWorkbook(expected, 'en'));
    expect(run.skipped.map((k) => [k.sheet, !!k.dropped])).toEqual([['নির্দেশনা', false], ['Inserted', true]]);
    expect(run.skipped[1].reason.en).toMatch(/letter\.xlsx/);
  });

  test('a report sheet\'s name: within the host\'s rules, unlike every other sheet\'s whatever the case', () => {
    const taken = new Set(['apa summary']);
    const excel = { maxLength: 31, refused: /[:\\/?*[\]]/g };
    expect(uniqueSheetName('APA Summary', taken, excel)).toBe('APA Summary (2)');
    expect(uniqueSheetName('APA Summary', taken, excel)).toBe('APA Summary (3)');
    expect(uniqueSheetName('a/b:c', taken, excel)).toBe('a b c');
    const long = uniqueSheetName('x'.repeat(40), new Set(['x'.repeat(31)]), excel);
    expect(long).toBe(`${'x'.repeat(27)} (2)`);
    expect(uniqueSheetName('', new Set(), excel)).toBe('APA');
  });
});

describe('the report\'s columns, one table each (key, header, width, cell)', () => {
  const c = finishRun(
    (() => {
      const run = newRun();
      for (const n of ['002-five-tier', '001-single-target']) addTab(run, plan(n).a);
      return run;
    })(),
    'en',
  );
  // One summary per group, then the per-indicator and the problems sheets.
  const groups = c.consolidation.groups.length;
  const summary = c.book.sheets[0];
  const [indicators, problems] = c.book.sheets.slice(groups);

  test('the header row, the widths and the keys come from the table; the chart\'s columns are the office and percent columns', () => {
    const keys = summary.keys!;
    expect(new Set(keys).size).toBe(keys.length);
    expect(summary.columnWidths).toHaveLength(keys.length);
    expect(summary.rows[2].map((x) => x.v)).toHaveLength(keys.length);
    const at = (k: string) => columnOf(summary, k);
    expect(summary.rows[2][at('office')].v).toBe('Office');
    expect(summary.rows[2][at('percent')].v).toBe('Percent');
    expect(c.book.sheets).toHaveLength(groups + 2);
    const offices = c.consolidation.groups[0].offices;
    const ranked = offices.filter((o) => o.rank !== null);
    expect(summary.chart).toMatchObject({ categories: { column: at('office'), firstRow: 3, lastRow: 3 + ranked.length - 1 } });
    expect(summary.chart!.series.map((x) => x.column)).toEqual(PERCENT_BANDS.map((k) => at(`chart:${k}`)));
    offices.forEach((o, i) => {
      expect(summary.rows[3 + i][at('office')].v).toBe(o.office);
      expect(summary.rows[3 + i][at('sheet')].link).toEqual({ file: o.file, sheet: o.sheet, cell: `A${o.headerRow}` });
    });
    expect(keys.filter((k) => k.startsWith('indicator:'))).toHaveLength(c.consolidation.groups[0].indicators.length);
    expect(indicators.keys).toEqual(INDICATOR_COLUMNS.map((x) => x.key));
    // Widths fitted to the text, within each column's most.
    indicators.columnWidths.forEach((w, j) => {
      expect(w).toBeGreaterThanOrEqual(6);
      expect(w).toBeLessThanOrEqual(INDICATOR_COLUMNS[j].width);
    });
    expect(problems.keys).toEqual(PROBLEM_COLUMNS.map((x) => x.key));
  });

  test('the problems sheet: one row per problem, its cell a link back to the source cell', () => {
    const { warnings } = c.consolidation;
    expect(problems.rows).toHaveLength(2 + warnings.length + c.consolidation.problems.length + c.consolidation.skipped.length);
    c.consolidation.problems.forEach((p, i) => {
      const row = problems.rows[2 + warnings.length + i];
      expect(row[columnOf(problems, 'code')].v).toBe(p.code);
      if (p.cell) expect(row[columnOf(problems, 'cell')].link).toEqual({ file: p.file, sheet: p.sheet, cell: p.cell });
    });
  });
});

describe('cell matrices with style runs: what the hosts write', () => {
  const target = (l: { sheet: string; cell: string }) => `#'${l.sheet}'!${l.cell}`;

  test('text stays text behind an apostrophe, capped at Excel\'s 32,767 characters in every output; numbers finite; blanks empty', () => {
    const m = cellMatrix({ rows: [[{ v: '=SUM(A1)' }, { v: 'x'.repeat(40_000) }, { v: 4.5, format: '0.00' }, { v: Number.NaN }, { v: null }, { v: '' }]] }, target);
    expect(m.cells[0][0]).toBe("'=SUM(A1)");
    expect(m.cells[0][1]).toBe(`'${'x'.repeat(MAX_CELL_TEXT)}`);
    expect(m.cells[0].slice(2)).toEqual([4.5, '', '', '']);
    expect(m.formats[0]).toEqual([null, null, '0.00', null, null, null]);
    expect(safeText('x'.repeat(40_000))).toHaveLength(MAX_CELL_TEXT);
  });

  test('a link is a HYPERLINK formula in the host\'s form, in the one link colour; one the host cannot make is plain text', () => {
    const m = cellMatrix({ rows: [[{ v: 'K14', link: { sheet: "O'Brien", cell: 'K14' } }, { v: 'S', link: { sheet: 'gone', cell: 'A1' } }, { v: 'r', font: '#FFFFFF' }]] }, (l) => (l.sheet === 'gone' ? null : target(l)));
    expect(m.cells[0][0]).toBe(`=HYPERLINK("#'O'Brien'!K14","K14")`);
    expect(m.fonts[0]).toEqual([LINK_FONT, null, '#FFFFFF']);
    expect(m.cells[0][1]).toBe("'S");
  });

  test('rows padded to one width; column widths as runs of equal widths; frozen panes and chart carried', () => {
    const m = cellMatrix({ rows: [[{ v: 1 }], [{ v: 1 }, { v: 2 }, { v: 3 }]], columnWidths: [6, 9, 9, 9, 20], freeze: { rows: 1, columns: 0 } }, target);
    expect([m.height, m.width]).toEqual([2, 3]);
    expect(m.cells[0]).toEqual([1, '', '']);
    expect(m.widths).toEqual([
      { first: 0, count: 1, width: 6 },
      { first: 1, count: 3, width: 9 },
      { first: 4, count: 1, width: 20 },
    ]);
    expect(m.freeze).toEqual({ rows: 1, columns: 0 });
  });

  test('style runs cover exactly the cells of each style, and nothing else (any matrix)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(null, '#AA0000', '#00BB00', 'bold'), { maxLength: 7 }), { maxLength: 7 }), fc.nat(5), fc.nat(5), (matrix, row, col) => {
        const runs = styleRuns(matrix, { row, col });
        const got = new Map<string, string>();
        for (const [v, rects] of runs) for (const cell of cellsOf(rects)) {
          expect(got.has(cell)).toBe(false);
          got.set(cell, v);
        }
        const want = new Map<string, string>();
        matrix.forEach((r, i) => r.forEach((v, j) => v !== null && want.set(rectA1({ top: row + i, left: col + j, bottom: row + i, right: col + j }), v)));
        expect([...got].sort()).toEqual([...want].sort());
      }),
      { numRuns: 300 },
    );
  });
});

test('a consolidation with no office writes no report (nothing to consolidate, §9)', () => {
  const book = consolidationWorkbook({ settings: { mode: 'interpolate', na: 'rescale', final: false }, groups: [], problems: [], warnings: [], skipped: [] } as Consolidation);
  expect(book.sheets).toEqual([]);
});
