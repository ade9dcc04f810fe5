/**
 * Real .xlsx bytes → the fake workbook (Node only: ExcelJS). What Excel's `Range` API would report
 * of each cell: its value (formula cells: the formula and its cached result; dates as serial
 * numbers; rich text as plain text; errors as `#N/A`…), number format, solid fill colour, bold and
 * font colour, hyperlink, and whether it has other formatting (so it counts in the used range);
 * merged areas and conditional formats (expression rules as custom rules).
 */
import ExcelJS from 'exceljs';
import { a1 } from '../../core/grid';
import { FakeCell, FakeConditionalFormatData, FakeSheetData, FakeWorkbook, FakeWorkbookOptions } from './fake-excel';

const EXCEL_EPOCH_OFFSET = 25_569;

function colour(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = c?.argb;
  if (typeof argb !== 'string' || argb.length < 6) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

function plain(v: ExcelJS.CellValue): { v?: string | number | boolean; f?: string; link?: string } {
  if (v === null || v === undefined) return {};
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { v };
  if (v instanceof Date) return { v: v.getTime() / 86_400_000 + EXCEL_EPOCH_OFFSET };
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return { v: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
  if ('error' in o) return { v: String(o.error) };
  if ('formula' in o || 'sharedFormula' in o) {
    const inner = plain((o.result ?? null) as ExcelJS.CellValue);
    return { v: inner.v, f: `=${String(o.formula ?? o.sharedFormula)}` };
  }
  if ('hyperlink' in o) return { v: String(o.text ?? ''), link: String(o.hyperlink) };
  if ('text' in o) return { v: String(o.text) };
  return { v: String(v) };
}

function sheetOf(ws: ExcelJS.Worksheet): FakeSheetData {
  const cells: Record<string, FakeCell> = {};
  const merged = (ws as unknown as { model?: { merges?: string[] } }).model?.merges ?? [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= Math.max(row.cellCount, 0); c++) {
      const cell = row.getCell(c);
      const covered = cell.type === ExcelJS.ValueType.Merge;
      const out: FakeCell = {};
      if (!covered) {
        const p = plain(cell.value);
        if (p.v !== undefined && p.v !== '') out.v = p.v;
        if (p.f) out.f = p.f;
        if (p.link) out.link = p.link.startsWith('#') ? { documentReference: p.link.slice(1), textToDisplay: String(p.v ?? '') } : { address: p.link, textToDisplay: String(p.v ?? '') };
        if (cell.numFmt && cell.numFmt !== 'General') out.nf = cell.numFmt;
      }
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill?.type === 'pattern' && fill.pattern === 'solid') {
        const f = colour(fill.fgColor);
        if (f) out.fill = f;
      }
      if (cell.font?.bold) out.bold = true;
      const fc = colour(cell.font?.color);
      if (fc) out.color = fc;
      const style = cell.style ?? {};
      if (Object.keys(style.border ?? {}).length || Object.keys(style.alignment ?? {}).length || Object.keys(style.font ?? {}).length || covered) out.styled = true;
      if (Object.keys(out).length) cells[a1(r - 1, c - 1)] = out;
    }
  }
  const conditionalFormats: FakeConditionalFormatData[] = [];
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: Partial<ExcelJS.Color> }; font?: { color?: Partial<ExcelJS.Color> } } }[] }[] }).conditionalFormattings ?? [];
  for (const cf of cfs) {
    for (const rule of cf.rules) {
      conditionalFormats.push({
        id: '',
        type: rule.type === 'expression' ? 'Custom' : 'CellValue',
        formula: rule.formulae?.[0] !== undefined ? `=${rule.formulae[0]}` : undefined,
        fill: colour(rule.style?.fill?.bgColor),
        fontColor: colour(rule.style?.font?.color),
        ranges: cf.ref.split(/\s+/).filter(Boolean),
      });
    }
  }
  return { name: ws.name, cells, merges: [...merged], conditionalFormats };
}

/** The sheets of an .xlsx file, in tab order. Throws on bytes that are not a readable workbook. */
export async function sheetsFromXlsx(bytes: Buffer | ArrayBuffer | Uint8Array): Promise<FakeSheetData[]> {
  const wb = new ExcelJS.Workbook();
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes as ArrayBuffer);
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  if (!wb.worksheets.length) throw new Error('the workbook has no worksheets');
  return wb.worksheets.map(sheetOf);
}

/** `insertWorksheetsFromBase64` for the fake: the base64 .xlsx read with ExcelJS. */
export async function base64Loader(base64: string): Promise<FakeSheetData[]> {
  return sheetsFromXlsx(Buffer.from(base64, 'base64'));
}

/** A fake workbook holding an .xlsx file's sheets (the first active), able to insert more. */
export async function loadFakeWorkbook(buffer: Buffer | ArrayBuffer | Uint8Array, options: FakeWorkbookOptions = {}): Promise<FakeWorkbook> {
  const sheets = await sheetsFromXlsx(buffer);
  return FakeWorkbook.fromJSON({ sheets }, { loader: base64Loader, ...options });
}
