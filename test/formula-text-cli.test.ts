/**
 * Formula injection, the CLI: `apa consolidate` over offices' .xlsx files whose office names,
 * indicator names, remarks and tab names start with `=`, `+`, `-` or `@` writes a workbook in which
 * no cell is a formula (no `<f>` element in any sheet's XML: links are hyperlink elements) and
 * those texts are string cells.
 *
 * The CLI writes no CSV (CSV is an input only), so there is no CSV output to check.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main, Writer } from '../cli/apa';
import { zipEntries, zipEntry } from '../cli/zip';
import { FORMULA_TAB_NAMES, FORMULA_TEXTS, SOURCE_FILE, formulaTextEdits } from './formula-text-cases';

let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-formula-text-'));
  const cases = await formulaTextEdits();
  for (let i = 0; i < FORMULA_TAB_NAMES.length; i++) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SOURCE_FILE);
    const ws = wb.getWorksheet(cases.sheet)!;
    for (const [cell, v] of Object.entries(cases.edits(i))) ws.getCell(cell).value = v;
    ws.name = FORMULA_TAB_NAMES[i];
    await wb.xlsx.writeFile(path.join(tmp, `office-${i}.xlsx`));
  }
}, 60_000);

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('consolidate: no formula anywhere in the written workbook; the texts are string cells', async () => {
  let stderr = '';
  const sink: Writer = { write: () => undefined };
  const out = path.join(tmp, 'out', 'consolidated.xlsx');
  const code = await main(['consolidate', tmp, '-o', out], { stdout: sink, stderr: { write: (s: string) => (stderr += s) }, now: new Date(Date.UTC(2025, 0, 20)) });
  expect([code, stderr]).toEqual([0, expect.any(String)]);

  const buf = await fs.readFile(out);
  const sheetsXml = [...zipEntries(buf).keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  expect(sheetsXml.length).toBe(3);
  for (const name of sheetsXml) expect([name, /<f[\s>/]/.test(zipEntry(buf, name)!.toString('utf8'))]).toEqual([name, false]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const strings = new Set<string>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (cell.type === ExcelJS.ValueType.String) strings.add(cell.value as string);
        if (cell.type === ExcelJS.ValueType.Hyperlink) strings.add((cell.value as ExcelJS.CellHyperlinkValue).text);
      }),
    ),
  );
  for (const t of [...FORMULA_TEXTS, ...FORMULA_TAB_NAMES]) expect(strings).toContain(t);
}, 60_000);
