/**
 * Formula injection, Excel add-in: office names, indicator names, remarks and tab names that start
 * with `=`, `+`, `-` or `@` are written into every output as text, never as a formula.
 *
 * The typed fake reads a string written to `values`/`formulas` as Excel reads typed input (a
 * formula unless it starts with an apostrophe or the cell is formatted as Text), so an unprotected
 * write fails here. The add-in protects its text with a leading apostrophe (excel-workbook.ts
 * `asText`), which Excel keeps as the cell's quote prefix, not as part of the value.
 */
import fs from 'fs';
import { allOffices } from '../../core/consolidate';
import { createExcelWorkbook } from '../../addin/src/workbook/excel-workbook';
import { FORMULA_TAB_NAMES, FORMULA_TEXTS, FormulaTextEdits, SOURCE_FILE, formulaTextEdits, isOwnLink } from '../formula-text-cases';
import { FakeSheetData, FakeWorkbook, snapshotWorkbook } from './fake-excel';
import { base64Loader, sheetsFromXlsx } from './fake-excel-load';

const NOW = new Date(Date.UTC(2025, 0, 10, 3, 0, 0));

let cases: FormulaTextEdits;
let source: FakeSheetData;

beforeAll(async () => {
  cases = await formulaTextEdits();
  source = (await sheetsFromXlsx(fs.readFileSync(SOURCE_FILE))).find((s) => s.name === cases.sheet)!;
});

/** Four offices' tabs, office `i` named FORMULA_TEXTS[i] in a tab named FORMULA_TAB_NAMES[i],
 * with formula-like indicator names and remarks. */
function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook({ loader: base64Loader });
  FORMULA_TAB_NAMES.forEach((name, i) => {
    const data: FakeSheetData = JSON.parse(JSON.stringify({ ...source, id: undefined }));
    for (const [cell, v] of Object.entries(cases.edits(i))) data.cells[cell] = { ...data.cells[cell], v };
    wb.addSheetData(data, name);
  });
  return wb;
}

const ops = (wb: FakeWorkbook) => createExcelWorkbook(wb.run, { now: () => NOW, restoreHandlers: false });
const json = (x: unknown) => JSON.stringify(x);

describe('the fake reads written strings as Excel does', () => {
  test('=…, +…, -… and @… become formulas; an apostrophe or the Text format keeps them text; plain numbers are numbers', async () => {
    const wb = new FakeWorkbook();
    wb.addSheetData({ name: 'S', cells: {} });
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:D1').values = [[...FORMULA_TEXTS]];
      ws.getRange('A2:D2').values = [FORMULA_TEXTS.map((t) => `'${t}`)];
      ws.getRange('A3:D3').formulas = [FORMULA_TEXTS.map((t) => `'${t}`)];
      ws.getRange('A4:D4').numberFormat = [['@', '@', '@', '@']];
      ws.getRange('A4:D4').values = [[...FORMULA_TEXTS]];
      ws.getRange('A5:C5').values = [['-5', '+2.5', '-']];
      await ctx.sync();
    });
    const s = wb.sheet('S');
    FORMULA_TEXTS.forEach((t, c) => {
      expect(s.cell(0, c)?.f).toMatch(/^=/);
      for (const row of [1, 2, 3]) expect([s.cell(row, c)?.v, s.cell(row, c)?.f]).toEqual([t, undefined]);
    });
    expect([s.cell(4, 0)?.v, s.cell(4, 1)?.v, s.cell(4, 2)?.v]).toEqual([-5, 2.5, '-']);
  });
});

describe('Excel add-in: formula-like sheet text stays text', () => {
  test('consolidate: every report cell holds the text; the only formulas are the add-in\'s own in-workbook links', async () => {
    const wb = workbook();
    const before = snapshotWorkbook(wb);
    const r = await ops(wb).consolidate({});
    expect(r.cancelled).toBe(false);
    expect(allOffices(r.consolidation!).map((o) => o.office).sort()).toEqual([...FORMULA_TEXTS].sort());
    expect(r.written).toHaveLength(3);

    const sheets = wb.toJSON().sheets;
    const values = new Map<string, unknown[]>();
    for (const name of r.written) {
      const sheet = sheets.find((s) => s.name === name)!;
      const vs: unknown[] = [];
      for (const [address, cell] of Object.entries(sheet.cells)) {
        if (cell.f !== undefined && !isOwnLink(cell.f)) throw new Error(`${name}!${address} is a formula: ${cell.f}`);
        vs.push(cell.v);
      }
      values.set(name, vs);
    }
    const [summary, perIndicator, problems] = r.written.map((n) => values.get(n)!);
    // Office names, as text, in the summary; the indicator names in the per-indicator sheet.
    for (const t of FORMULA_TEXTS) expect(summary).toContain(t);
    expect(perIndicator.filter((v) => (FORMULA_TEXTS as readonly unknown[]).includes(v)).length).toBeGreaterThan(0);
    // Tab names: link texts in the summary (inside the formula's string literal), text in the problems sheet.
    for (const t of FORMULA_TAB_NAMES) expect(problems).toContain(t);
    // The offices' tabs are exactly as they were: the formula-like cells are still text.
    expect(json(snapshotWorkbook(wb, { userOnly: true }))).toBe(json({ sheets: before.sheets.map(({ extra: _e, ...x }) => x) }));
  });

  test('score columns and tier highlighting on such a tab: the tab\'s text stays text; only APA formulas are added', async () => {
    const wb = workbook();
    const tab = FORMULA_TAB_NAMES[0];
    wb.activate(tab);
    const api = ops(wb);
    const check = await api.checkActiveSheet();
    expect(check.plan?.office).toBe(FORMULA_TEXTS[0]);
    expect((await api.addScoreColumns()).ok).toBe(true);
    expect((await api.highlightTiers()).ok).toBe(true);
    const sheet = wb.toJSON().sheets.find((s) => s.name === tab)!;
    for (const [cell, v] of Object.entries(cases.edits(0))) expect([cell, sheet.cells[cell].v, sheet.cells[cell].f]).toEqual([cell, v, undefined]);
    const formulas = Object.entries(sheet.cells).filter(([, c]) => c.f !== undefined);
    expect(formulas.length).toBeGreaterThan(0);
    for (const [address, c] of formulas) expect([address, /^=APA\.(SCORE|TIER)\(/.test(c.f!)]).toEqual([address, true]);
  });
});
