/**
 * SCORING.md §9 in all three hosts: the same offices consolidated by the CLI (a file), the Excel
 * add-in (its typed fake) and Google Sheets (the built Apps Script project over its fakes) give
 * the same groups, ranks and percents — one assertion, over the report each host wrote and the
 * result it answered. The offices are the bundled samples: two plan kinds, four fiscal years of
 * one plan, the same office sent three times (two layouts and a CSV, the CSV in the CLI only), an
 * office sent in Bengali and in English, and an office with nothing assessed yet.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../cli/apa';
import { consolidateJsonSchema, ConsolidateJson } from '../cli/json';
import { createExcelWorkbook } from '../addin/src/workbook/excel-workbook';
import { Consolidation, ConsolidationGroup, allOffices, groupTitle, message, settingsWithDefaults, text } from '../core';
import { buildGas } from '../appsscript/tools/build-gas';
import { base64Loader, sheetsFromXlsx as excelSheets } from './addin/fake-excel-load';
import { FakeWorkbook } from './addin/fake-excel';
import { FakeGas, cellA1 } from './appsscript/fakes';
import { sheetsFromXlsx as gasSheets } from './appsscript/fakes-load';
import { loadGasProject } from './appsscript/gas-project';

const SAMPLES = path.join(__dirname, '..', 'samples');
const NOW = Date.UTC(2025, 0, 10, 3, 0, 0);
const now = () => new Date(NOW);
const XLSX = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort();

/** What a host's report says of a group: its title, and per office its rank and percent. */
interface GroupSeen {
  title: string;
  offices: { office: string; rank: number | null; percent: number | null }[];
  chart: boolean;
}

/** A report sheet as any host holds it: a cell's value by 0-based row and column. */
type CellAt = (row: number, col: number) => unknown;

const round = (x: unknown): number | null => (typeof x === 'number' ? Math.round(x * 1e6) / 1e6 : null);
const label = (key: Parameters<typeof text>[0]) => text(key).en;

/** The summaries of a report, in sheet order: a summary is a sheet whose header row (row 3) holds
 * Rank, Office and Percent. Read by header, as a person reads them. */
function summariesOf(sheets: { name: string; at: CellAt; chart: boolean }[]): GroupSeen[] {
  const out: GroupSeen[] = [];
  for (const s of sheets) {
    const header: string[] = [];
    for (let c = 0; c < 40; c++) header.push(String(s.at(2, c) ?? ''));
    const [rank, office, percent] = [label('col.rank'), label('col.office'), label('col.percent')].map((h) => header.indexOf(h));
    if (rank < 0 || office < 0 || percent < 0) continue;
    const offices: GroupSeen['offices'] = [];
    for (let r = 3; s.at(r, office) !== undefined && s.at(r, office) !== null && s.at(r, office) !== ''; r++) {
      const k = s.at(r, rank);
      offices.push({ office: String(s.at(r, office)), rank: typeof k === 'number' ? k : null, percent: round(s.at(r, percent)) });
    }
    out.push({ title: String(s.at(0, 0)).split(' — ')[0], offices, chart: s.chart });
  }
  return out;
}

/** A host's answer as the same shape: group titles, ranks and percents. */
function resultOf(c: Pick<Consolidation, 'groups'>): GroupSeen[] {
  return c.groups.map((g: ConsolidationGroup) => ({
    title: groupTitle(g).en,
    offices: g.offices.map((o) => ({ office: o.office, rank: o.rank, percent: round(o.percent) })),
    chart: g.offices.some((o) => o.rank !== null),
  }));
}

function jsonOf(j: ConsolidateJson): GroupSeen[] {
  return j.groups.map((g) => {
    const known = g.plan !== 'unknown' && g.fiscalYear !== null && g.quarter !== null;
    const group = { plan: g.plan, fiscalYear: g.fiscalYear ? Number(g.fiscalYear.slice(0, 4)) : null, quarter: g.quarter, known } as ConsolidationGroup;
    return { title: groupTitle(group).en, offices: g.offices.map((o) => ({ office: o.office, rank: o.rank, percent: round(o.percent) })), chart: g.offices.some((o) => o.rank !== null) };
  });
}

let tmp: string;
const seen: Record<'cli' | 'excel' | 'sheets', { report: GroupSeen[]; result: GroupSeen[]; sheetNames: string[] }> = {} as never;
let json: ConsolidateJson;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-hosts-'));
  // The CLI, on the same .xlsx files the hosts hold as tabs.
  const inbox = path.join(tmp, 'inbox');
  fs.mkdirSync(inbox);
  for (const f of XLSX) fs.copyFileSync(path.join(SAMPLES, f), path.join(inbox, f));
  const out = path.join(tmp, 'out.xlsx');
  let stdout = '';
  const code = await main(['consolidate', inbox, '-o', out, '--json', '--en'], { stdout: { write: (s: string) => ((stdout += s), true) }, stderr: { write: () => true } });
  expect(code).toBe(0);
  json = consolidateJsonSchema.parse(JSON.parse(stdout));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const zip = fs.readFileSync(out).toString('latin1');
  const charts = new Set(zip.match(/xl\/charts\/chart\d+\.xml/g) ?? []).size;
  const cliSheets = book.worksheets.map((ws) => ({
    name: ws.name,
    at: (r: number, c: number) => {
      const v = ws.getCell(r + 1, c + 1).value;
      return v && typeof v === 'object' && 'text' in v ? (v as { text: string }).text : v;
    },
    chart: false,
  }));
  const cliReport = summariesOf(cliSheets);
  // Every summary with a ranked office has its chart part (ExcelJS does not read charts back).
  expect(charts).toBe(cliReport.filter((g) => g.offices.some((o) => o.rank !== null)).length);
  cliReport.forEach((g) => (g.chart = g.offices.some((o) => o.rank !== null)));
  seen.cli = { report: cliReport, result: jsonOf(json), sheetNames: book.worksheets.map((w) => w.name) };

  // Tabs named after each file (an office without a name in its sheet takes it), in file order.
  const tabName = (file: string, sheet: string, many: boolean) => (many ? `${file.replace(/\.xlsx$/, '')} ${sheet}` : file.replace(/\.xlsx$/, '')).slice(0, 31);

  // Excel.
  const wb = new FakeWorkbook({ loader: base64Loader });
  for (const f of XLSX) {
    const sheets = await excelSheets(fs.readFileSync(path.join(SAMPLES, f)));
    for (const s of sheets) wb.addSheetData({ ...s, id: undefined }, tabName(f, s.name, sheets.length > 1));
  }
  const xl = await createExcelWorkbook(wb.run, { now, restoreHandlers: false }).consolidate({}, { language: 'en', settings: settingsWithDefaults() });
  const xlSheets = xl.written.map((name) => {
    const s = wb.sheet(name);
    return { name, at: (r: number, c: number) => s.cell(r, c)?.v, chart: s.charts.length === 1 };
  });
  seen.excel = { report: summariesOf(xlSheets), result: resultOf(xl.consolidation!), sheetNames: xl.written };

  // Google Sheets: the built project, in its fakes.
  const gasDir = path.join(tmp, 'gas');
  await buildGas({ dir: gasDir });
  const env = FakeGas.fromJSON({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 100 }, { now: NOW });
  for (const f of XLSX) {
    const sheets = await gasSheets(fs.readFileSync(path.join(SAMPLES, f)));
    for (const s of sheets) env.addSheetData({ ...s, id: undefined }, tabName(f, s.name, sheets.length > 1));
  }
  const p = loadGasProject(env, { dir: gasDir });
  const gs = p.apaConsolidate({ language: 'en' });
  expect(gs.done).toBe(gs.total);
  const gsSheets = (gs.written as string[]).map((name) => {
    const s = env.data.sheets.find((x) => x.name === name)!;
    return { name, at: (r: number, c: number) => s.cells[cellA1(r, c)]?.v, chart: s.charts.length === 1 };
  });
  seen.sheets = { report: summariesOf(gsSheets), result: resultOf(gs.consolidation), sheetNames: gs.written };
}, 600_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('§9 in every host: the same groups, ranks and percents from the same offices', () => {
  test('the fixtures hold what §9 is about: two plan kinds, two fiscal years of one plan, a duplicate, an office with nothing assessed', () => {
    const plans = new Set(json.groups.map((g) => g.plan));
    expect(plans.size).toBeGreaterThanOrEqual(2);
    const egovYears = new Set(json.groups.filter((g) => g.plan === 'e-governance').map((g) => g.fiscalYear));
    expect(egovYears.size).toBeGreaterThanOrEqual(2);
    const offices = json.groups.flatMap((g) => g.offices);
    expect(offices.some((o) => o.duplicateOf !== null && o.rank === null)).toBe(true);
    expect(offices.some((o) => o.duplicateOf === null && o.assessed === 0 && o.rank === null)).toBe(true);
  });

  test('the reports (read back from each host) and the answers agree, host with host', () => {
    const reference = seen.cli.report;
    expect(reference.length).toBe(json.groups.length);
    for (const host of ['cli', 'excel', 'sheets'] as const) {
      expect({ host, groups: seen[host].report }).toEqual({ host, groups: reference });
      expect({ host, groups: seen[host].result }).toEqual({ host, groups: reference });
    }
    // Nothing is ranked across groups: each group's ranks start at 1.
    for (const g of reference) {
      const ranks = g.offices.map((o) => o.rank).filter((r): r is number => r !== null);
      if (ranks.length) expect(Math.min(...ranks)).toBe(1);
    }
  });

  test('each host names its sheets alike: one summary per group, then the per-indicator and problems sheets, in the report\'s language', () => {
    const n = json.groups.length;
    for (const host of ['cli', 'excel', 'sheets'] as const) {
      expect(seen[host].sheetNames).toHaveLength(n + 2);
      expect(seen[host].sheetNames.slice(n)).toEqual([label('sheet.indicators'), label('sheet.problems')]);
    }
    expect(seen.excel.sheetNames).toEqual(seen.sheets.sheetNames);
  });

  test('nothing to consolidate: the Excel and Sheets hosts warn and write nothing', async () => {
    const wb = new FakeWorkbook({ loader: base64Loader });
    wb.addSheetData({ name: 'Notes', cells: { A1: { v: 'no plan here' } } });
    const r = await createExcelWorkbook(wb.run, { now, restoreHandlers: false }).consolidate({}, { language: 'en', settings: settingsWithDefaults() });
    expect(r.nothing).toBe(true);
    expect(r.written).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Notes']);
    expect(allOffices(r.consolidation!)).toHaveLength(0);

    const gasDir = path.join(tmp, 'gas');
    const env = FakeGas.fromJSON({ timeZone: 'Asia/Dhaka', sheets: [], metadata: [], activeSheetId: 0, nextId: 100 }, { now: NOW });
    env.addSheetData({ name: 'Notes', maxRows: 100, maxColumns: 26, cells: { A1: { v: 'no plan here' } }, merges: [], rules: [], metadata: [], charts: [], frozenRows: 0, frozenColumns: 0, columnWidths: {} });
    const p = loadGasProject(env, { dir: gasDir });
    const g = p.apaConsolidate({ language: 'en' });
    expect(g.nothing).toBe(true);
    expect(g.written).toEqual([]);
    expect(env.data.sheets.map((s) => s.name)).toEqual(['Notes']);
    // The menu command warns (an alert), it does not toast a success.
    p.apaMenuConsolidate();
    expect(env.alerts.map((a) => a.prompt)).toEqual([expect.stringContaining(message('consolidate.nothing').bn)]);
    expect(env.toasts).toEqual([]);
  });

  test('the groups are those of §9 (a sample of what the assertion compares)', () => {
    const egov = seen.cli.report.filter((g) => g.title.startsWith(groupTitle({ plan: 'e-governance', fiscalYear: 2024, quarter: 2, known: true }).en.split(' 2024')[0]));
    expect(egov.length).toBeGreaterThanOrEqual(2);
    const khulna = seen.cli.report.find((g) => g.offices.filter((o) => o.office.includes('খুলনা')).length === 2)!;
    // The office sent twice (two layouts of one .xlsx): ranked once, the copy without a rank.
    expect(khulna.offices.map((o) => o.rank)).toEqual([1, null]);
    expect(khulna.offices[0].percent).toBe(khulna.offices[1].percent);
  });
});
