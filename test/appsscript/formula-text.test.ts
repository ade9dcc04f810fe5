/**
 * Formula injection, Google Sheets: office names, indicator names, remarks and tab names that
 * start with `=`, `+`, `-` or `@` are written into every output as text, never as a formula.
 *
 * The built Apps Script project (built here into a temporary push folder) runs over the typed
 * fakes, whose `setValues` reads strings as Sheets reads typed input (`=…` and `+…`/`-…` followed
 * by a formula become formulas unless the string starts with an apostrophe or the cell is in the
 * plain-text format `@`), so an unprotected write fails here. The script protects its text with a
 * leading apostrophe (sheets-workbook.ts `asText`), which Sheets does not keep in the value.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { allOffices } from '../../core/consolidate';
import { buildGas } from '../../appsscript/tools/build-gas';
import { FORMULA_TEXTS, FormulaTextEdits, SOURCE_FILE, formulaTextEdits, isOwnLink } from '../formula-text-cases';
import { FakeGas, FakeSheetData, snapshot } from './fakes';
import { sheetsFromXlsx } from './fakes-load';
import { GasProject, loadGasProject } from './gas-project';

const NOW = Date.UTC(2025, 0, 10, 3, 0, 0);
// Sheets takes any tab name, so the tabs are named with the texts themselves.
const TABS: string[] = [...FORMULA_TEXTS];

let dir: string;
let cases: FormulaTextEdits;
let source: FakeSheetData;

beforeAll(async () => {
  // A push folder of its own: appsscript/build/ may be being rebuilt by another test.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-gas-formula-text-'));
  await buildGas({ dir });
  cases = await formulaTextEdits();
  source = (await sheetsFromXlsx(fs.readFileSync(SOURCE_FILE))).find((s) => s.name === cases.sheet)!;
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function spreadsheet(): { env: FakeGas; p: GasProject } {
  const env = FakeGas.fromJSON({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 100 }, { now: NOW, htmlFiles: {} });
  TABS.forEach((name, i) => {
    const data: FakeSheetData = JSON.parse(JSON.stringify(source));
    for (const [cell, v] of Object.entries(cases.edits(i))) data.cells[cell] = { ...data.cells[cell], v };
    env.addSheetData({ ...data, id: undefined }, name);
  });
  return { env, p: loadGasProject(env, { dir }) };
}

describe('the fakes read written strings as Sheets does', () => {
  test('=… and +…/-… formulas become formulas; an apostrophe or the plain-text format keeps them text; plain numbers are numbers', () => {
    const env = FakeGas.fromJSON({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 100 }, { now: NOW });
    env.addSheetData({ name: 'S', maxRows: 10, maxColumns: 10, cells: {}, merges: [], rules: [], metadata: [], charts: [], frozenRows: 0, frozenColumns: 0, columnWidths: {} });
    const sheet = env.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S')!;
    sheet.getRange(1, 1, 1, 3).setValues([['=HYPERLINK("http://x","y")', '+1+1', '-2+3']]);
    sheet.getRange(2, 1, 1, 4).setValues([FORMULA_TEXTS.map((t) => `'${t}`)]);
    sheet.getRange(3, 1, 1, 4).setNumberFormats([['@', '@', '@', '@']]);
    sheet.getRange(3, 1, 1, 4).setValues([[...FORMULA_TEXTS]]);
    sheet.getRange(4, 1, 1, 3).setValues([['-5', '+2.5', '-']]);
    const cell = (a1: string) => env.cell('S', a1);
    for (const a1 of ['A1', 'B1', 'C1']) expect(cell(a1)?.f).toMatch(/^=/);
    FORMULA_TEXTS.forEach((t, c) => {
      for (const row of [2, 3]) expect([cell(`${'ABCD'[c]}${row}`)?.v, cell(`${'ABCD'[c]}${row}`)?.f]).toEqual([t, undefined]);
    });
    expect([cell('A4')?.v, cell('B4')?.v, cell('C4')?.v]).toEqual([-5, 2.5, '-']);
  });
});

describe('Google Sheets: formula-like sheet text stays text', () => {
  test('consolidate: every report cell holds the text; the only formulas are the script\'s own in-spreadsheet links', () => {
    const { env, p } = spreadsheet();
    const before = snapshot(env.data).sheets.filter((s) => TABS.includes(s.name));
    const r = p.apaConsolidate({});
    expect(r.done).toBe(r.total);
    expect(allOffices(r.consolidation).map((o) => o.office).sort()).toEqual([...FORMULA_TEXTS].sort());
    expect(r.written).toHaveLength(r.consolidation.groups.length + 2);
    const values = (r.written as string[]).map((name) => {
      const sheet = env.data.sheets.find((s) => s.name === name)!;
      return Object.entries(sheet.cells).map(([address, c]) => {
        if (c.f !== undefined && !isOwnLink(c.f)) throw new Error(`${name}!${address} is a formula: ${c.f}`);
        return c.v;
      });
    });
    const [summary, perIndicator, problems] = values;
    for (const t of FORMULA_TEXTS) expect(summary).toContain(t);
    expect(perIndicator.filter((v) => (FORMULA_TEXTS as readonly unknown[]).includes(v)).length).toBeGreaterThan(0);
    for (const t of TABS) expect(problems).toContain(t);
    // The offices' tabs are exactly as they were.
    expect(snapshot(env.data).sheets.filter((s) => TABS.includes(s.name))).toEqual(before);
  });

  test('score columns and tier highlighting on such a tab: the tab\'s text stays text; only APA formulas are added', () => {
    const { env, p } = spreadsheet();
    env.activate(TABS[0]);
    expect(p.apaCheckActiveSheet().plan.office).toBe(FORMULA_TEXTS[0]);
    expect(p.apaAddScoreColumns().ok).toBe(true);
    expect(p.apaHighlightTiers().ok).toBe(true);
    const sheet = env.data.sheets.find((s) => s.name === TABS[0])!;
    for (const [cell, v] of Object.entries(cases.edits(0))) expect([cell, sheet.cells[cell].v, sheet.cells[cell].f]).toEqual([cell, v, undefined]);
    const formulas = Object.entries(sheet.cells).filter(([, c]) => c.f !== undefined);
    expect(formulas.length).toBeGreaterThan(0);
    for (const [address, c] of formulas) expect([address, /^=APA_(SCORE|TIER)\(/.test(c.f!)]).toEqual([address, true]);
  });
});
