/**
 * Real .xlsx bytes → the fake spreadsheet's data (Node only: ExcelJS), as Google Sheets holds a
 * workbook it imported: each cell's value as `getValues()` gives it (dates as the instant of
 * midnight in the spreadsheet's time zone, percent cells as fractions with their `0.00%` format,
 * rich text as plain text, errors as `#N/A` text, a formula cell's cached result with its formula),
 * number formats, solid fills, font colours and bold, merged areas, and the sheet's conditional
 * formats (expression rules as custom-formula rules). Grid size: at least Sheets' default 1000 × 26.
 */
import ExcelJS from 'exceljs';
import { AUTOMATIC_FORMAT, DEFAULT_COLUMNS, DEFAULT_ROWS, FakeCell, FakeGas, FakeGasOptions, FakeRuleData, FakeSheetData, FakeSpreadsheetData, FakeValue, cellA1, instantInZone, newSheetData } from './fakes';

function colour(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = c?.argb;
  if (typeof argb !== 'string' || argb.length < 6) return undefined;
  const hex = `#${argb.slice(-6).toLowerCase()}`;
  return hex;
}

/** A date cell as Sheets gives it: ExcelJS reads the wall-clock date and time as UTC fields. */
function sheetsDate(d: Date, zone: string): FakeValue {
  return { date: instantInZone(zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) };
}

function plain(v: ExcelJS.CellValue, zone: string): { v?: FakeValue; f?: string } {
  if (v === null || v === undefined) return {};
  if (typeof v === 'string') return v === '' ? {} : { v };
  if (typeof v === 'number' || typeof v === 'boolean') return { v };
  if (v instanceof Date) return { v: sheetsDate(v, zone) };
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return { v: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
  if ('error' in o) return { v: String(o.error) };
  if ('formula' in o || 'sharedFormula' in o) {
    const inner = plain((o.result ?? null) as ExcelJS.CellValue, zone);
    return { v: inner.v, f: `=${String(o.formula ?? o.sharedFormula)}` };
  }
  if ('hyperlink' in o) return { v: String(o.text ?? '') };
  if ('text' in o) return { v: String(o.text) };
  return { v: String(v) };
}

function sheetOf(ws: ExcelJS.Worksheet, id: number, zone: string): FakeSheetData {
  const cells: Record<string, FakeCell> = {};
  let rows = 0;
  let cols = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= Math.max(row.cellCount, 0); c++) {
      const cell = row.getCell(c);
      const covered = cell.type === ExcelJS.ValueType.Merge;
      const out: FakeCell = {};
      if (!covered) {
        const p = plain(cell.value, zone);
        if (p.v !== undefined && p.v !== '') out.v = p.v;
        if (p.f) out.f = p.f;
        if (cell.numFmt && cell.numFmt !== 'General' && cell.numFmt !== AUTOMATIC_FORMAT) out.nf = cell.numFmt;
      }
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill?.type === 'pattern' && fill.pattern === 'solid') {
        const f = colour(fill.fgColor);
        if (f && f !== '#ffffff') out.bg = f;
      }
      if (cell.font?.bold) out.fw = 'bold';
      const fc = colour(cell.font?.color);
      if (fc && fc !== '#000000') out.fc = fc;
      if (Object.keys(out).length) {
        cells[cellA1(r - 1, c - 1)] = out;
        rows = Math.max(rows, r);
        cols = Math.max(cols, c);
      }
    }
  }
  const merges = [...((ws as unknown as { model?: { merges?: string[] } }).model?.merges ?? [])];
  const rules: FakeRuleData[] = [];
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: Partial<ExcelJS.Color> }; font?: { color?: Partial<ExcelJS.Color> } } }[] }[] }).conditionalFormattings ?? [];
  for (const cf of cfs) {
    for (const rule of cf.rules) {
      if (rule.type !== 'expression' || !rule.formulae?.[0]) continue;
      const r: FakeRuleData = { ranges: cf.ref.split(/\s+/).filter(Boolean), criteria: 'CUSTOM_FORMULA', values: [`=${rule.formulae[0]}`] };
      const bg = colour(rule.style?.fill?.bgColor);
      if (bg) r.background = bg;
      const fc = colour(rule.style?.font?.color);
      if (fc) r.fontColor = fc;
      rules.push(r);
    }
  }
  return newSheetData(id, ws.name, { cells, merges, rules, maxRows: Math.max(DEFAULT_ROWS, rows, ws.rowCount), maxColumns: Math.max(DEFAULT_COLUMNS, cols, ws.columnCount) });
}

/** The sheets of an .xlsx file as Sheets would hold them, in tab order. */
export async function sheetsFromXlsx(bytes: Buffer | Uint8Array, options: { timeZone?: string; firstId?: number } = {}): Promise<FakeSheetData[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)) as unknown as ExcelJS.Buffer);
  const zone = options.timeZone ?? 'Asia/Dhaka';
  let id = options.firstId ?? 0;
  return wb.worksheets.map((ws) => sheetOf(ws, id++, zone));
}

/** A spreadsheet holding an .xlsx file's sheets (the first active; ids 0, 1, …), in `timeZone`. */
export async function spreadsheetFromXlsx(bytes: Buffer | Uint8Array, options: { timeZone?: string } = {}): Promise<FakeSpreadsheetData> {
  const sheets = await sheetsFromXlsx(bytes, options);
  return { timeZone: options.timeZone ?? 'Asia/Dhaka', sheets, metadata: [], activeSheetId: sheets[0]?.id ?? 0, nextId: 1_000_000 };
}

/** A fake Apps Script environment around an .xlsx file's sheets. */
export async function loadFakeGas(bytes: Buffer | Uint8Array, options: FakeGasOptions & { timeZone?: string } = {}): Promise<FakeGas> {
  return FakeGas.fromJSON(await spreadsheetFromXlsx(bytes, options), options);
}
