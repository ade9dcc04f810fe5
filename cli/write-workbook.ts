import * as path from 'path';
import { PassThrough } from 'stream';
import type ExcelJS from 'exceljs';
import { MAX_CELL_TEXT } from '../core/cell-matrix';
import { cellLink, fileLink } from '../core/links';
import { columnLetters } from '../core/grid';
import { LINK_FONT, SheetSpec, SpecCell, WorkbookSpec } from '../core/report';
import { DRAWING_REL, chartContentTypes, chartXml, drawingRelsXml, drawingXml } from './chart-xml';
import { recordReport } from './report-record';
import { writeFileAtomically } from './safe-write';
import { CREATOR, packZip, pinZipTimestamps } from './zip';

/**
 * Writes a core `WorkbookSpec` (the consolidated report) to an .xlsx file with ExcelJS's
 * streaming writer: values, fills, font colours, bold, number formats, column widths, frozen
 * panes and links back to the source cells. Rows go out as they are made, so a ministry's
 * 25,000 offices never sit in memory as one ExcelJS model (bench/RESULTS.md). Strings are always
 * written as text, never as formulas (`=SUM(…)` as an office name stays text). The output is
 * deterministic: fixed document dates and zip timestamps, so the same spec gives the same bytes.
 *
 * How each sheet prints (landscape, one page wide, its title rows on every page) goes in its page
 * setup and the workbook's print titles. ExcelJS cannot write charts: a sheet's chart is written
 * here as DrawingML parts (cli/chart-xml.ts) added to ExcelJS's zip, the sheet's `<drawing>`
 * element and relationship through its writer.
 */

/** The fixed creation/modification date of every workbook the CLI writes. */
export const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

export interface WriteOptions {
  /** Folder the workbook will live in: links to source files are made relative to it. */
  outDir: string;
}

/** Writes `spec` to `file` (its folder created when missing), atomically and never through a
 * planted link (cli/safe-write.ts), recording what it wrote (cli/report-record.ts). */
export async function writeWorkbook(spec: WorkbookSpec, file: string): Promise<void> {
  const buffer = await workbookBuffer(spec, { outDir: path.dirname(path.resolve(file)) });
  await writeFileAtomically(file, recordReport(buffer));
}

/** The .xlsx bytes of `spec`. Compressed as it is written, so what is held is the finished
 * (small) file, not its XML. */
export async function workbookBuffer(spec: WorkbookSpec, options: WriteOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeSpec(spec, sink, options);
  return pinZipTimestamps(Buffer.concat(chunks));
}

/** An ExcelJS workbook's .xlsx bytes (the test fixtures are built as whole ExcelJS workbooks):
 * ExcelJS renders the parts uncompressed and `packZip` deflates them with zlib and pins every
 * timestamp (fast, and the same bytes every time). */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const data = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return packZip(Buffer.from(data as ArrayBuffer));
}

/**
 * Loads ExcelJS's streaming writer (and patches its hyperlinks) ahead of writing: about a fifth
 * of a second of module loading that `apa consolidate` does while the workers read, instead of
 * after them.
 */
export function preloadWriter(): void {
  patchHyperlinkWriter();
  streamingWriter();
}

async function writeSpec(spec: WorkbookSpec, stream: NodeJS.WritableStream, options: WriteOptions): Promise<void> {
  patchHyperlinkWriter();
  const wb = new (streamingWriter())({
    stream,
    useStyles: true,
    useSharedStrings: true,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    created: FIXED_DATE,
    modified: FIXED_DATE,
    zip: { zlib: { level: 6 } },
  });
  // One style object per distinct look, shared by every cell that has it: ExcelJS remembers the
  // style id of an object it has seen (a WeakMap), where a fresh object per cell costs it
  // rendering the style's XML for every cell to find the same id again.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const charts = spec.sheets.filter((s) => s.chart).length;
  if (charts) addContentTypes(wb, chartContentTypes(charts));
  let chartNumber = 0;
  for (const sheet of spec.sheets) {
    const views: Partial<ExcelJS.WorksheetView>[] = [];
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
      views.push({ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows });
    }
    const ws = wb.addWorksheet(sheet.name, { views, pageSetup: pageSetup(sheet) });
    sheet.columnWidths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
    const breaks = new Set(sheet.print?.breaks ?? []);
    for (let r = 0; r < sheet.rows.length; r++) {
      const sheetRow = ws.getRow(r + 1);
      const height = heights.get(r);
      if (height !== undefined) sheetRow.height = height;
      // A printed page starts at a break row: the break is written below the row before it.
      if (breaks.has(r + 1)) sheetRow.addPageBreak();
      const cells = sheet.rows[r] ?? [];
      for (let c = 0; c < cells.length; c++) if (cells[c]) writeCell(sheetRow.getCell(c + 1), cells[c], options, styles);
      sheetRow.commit();
    }
    if (sheet.chart) addChart(wb, ws, sheet, ++chartNumber);
    await ws.commit();
  }
  await wb.commit();
}

/** Landscape, every printed column on one page's width (as many pages tall as it takes), the
 * title rows on every page, the printed area (the table and its chart, not the chart's data). */
function pageSetup(sheet: SheetSpec): Partial<ExcelJS.PageSetup> | undefined {
  const p = sheet.print;
  if (!p) return undefined;
  return {
    orientation: p.landscape ? 'landscape' : 'portrait',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(p.titleRows > 0 ? { printTitlesRow: `1:${p.titleRows}` } : {}),
    // ExcelJS puts `$` before each part: `A$1` becomes the absolute `$A$1`.
    printArea: `A$1:${columnLetters(Math.max(0, p.columns - 1))}$${Math.max(1, p.rows)}`,
  };
}

type ZipAppend = (data: unknown, options: { name: string }) => unknown;
interface WriterInternals {
  zip: { append: ZipAppend };
}
interface SheetWriterInternals {
  _sheetRelsWriter: { addRelationship(rel: { Target: string; Type: string }): string };
  _writeLegacyData(): void;
  stream: { write(s: string): void };
}

/** Adds `overrides` to the `[Content_Types].xml` ExcelJS writes. */
function addContentTypes(wb: unknown, overrides: string): void {
  const zip = (wb as WriterInternals).zip;
  const append = zip.append.bind(zip);
  zip.append = (data, opts) => append(opts?.name === '[Content_Types].xml' && typeof data === 'string' ? data.replace('</Types>', `${overrides}</Types>`) : data, opts);
}

/** Chart `n` of the workbook on `ws`: its chart and drawing parts, the sheet's relationship to
 * the drawing, and the `<drawing>` element, which goes where the schema has it (before
 * `legacyDrawing`, the last element ExcelJS writes). */
function addChart(wb: unknown, ws: unknown, sheet: SheetSpec, n: number): void {
  const chart = sheet.chart!;
  const zip = (wb as WriterInternals).zip;
  zip.append(chartXml(sheet, chart), { name: `xl/charts/chart${n}.xml` });
  zip.append(drawingXml(chart), { name: `xl/drawings/drawing${n}.xml` });
  zip.append(drawingRelsXml(n), { name: `xl/drawings/_rels/drawing${n}.xml.rels` });
  const writer = ws as SheetWriterInternals;
  const rId = writer._sheetRelsWriter.addRelationship({ Target: `../drawings/drawing${n}.xml`, Type: DRAWING_REL });
  const legacy = writer._writeLegacyData.bind(writer);
  writer._writeLegacyData = () => {
    writer.stream.write(`<drawing r:id="${rId}"/>`);
    legacy();
  };
}

type StreamingWriter = new (options: Record<string, unknown>) => {
  addWorksheet(name: string, options: { views: Partial<ExcelJS.WorksheetView>[]; pageSetup?: Partial<ExcelJS.PageSetup> }): ExcelJS.Worksheet & { commit(): Promise<void> };
  commit(): Promise<void>;
};

/** ExcelJS's streaming workbook writer, from its own module (the package's index also loads
 * the readers, which writing never needs). */
let writerClass: StreamingWriter | undefined;

function streamingWriter(): StreamingWriter {
  if (writerClass) return writerClass;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    writerClass = require('exceljs/lib/stream/xlsx/workbook-writer') as StreamingWriter;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    writerClass = (require('exceljs') as typeof ExcelJS).stream.xlsx.WorkbookWriter as unknown as StreamingWriter;
  }
  return writerClass;
}

function argb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  return m ? `FF${m[1].toUpperCase()}` : 'FF000000';
}

/** Text safe for XML 1.0 and within Excel's cell limit. */
export function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  let t = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  t = t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return t.length > MAX_CELL_TEXT ? t.slice(0, MAX_CELL_TEXT) : t;
}

function writeCell(cell: ExcelJS.Cell, spec: SpecCell, options: WriteOptions, styles: Map<string, Partial<ExcelJS.Style>>): void {
  const v = spec.v;
  let value: ExcelJS.CellValue = null;
  if (typeof v === 'number') value = Number.isFinite(v) ? v : null;
  else if (typeof v === 'string') value = safeText(v);
  const target = spec.link && v !== null && v !== '' ? hyperlinkTarget(spec.link, options) : null;
  if (target !== null) {
    // A hyperlink cell's text is its display text: always a plain string.
    cell.value = { text: safeText(String(v)), hyperlink: target };
  } else {
    // A string is written as a (shared) string: `=…`, `+…`, `-…`, `@…` stay text, since ExcelJS
    // only writes a formula for a `{ formula }` value.
    cell.value = value;
  }
  // Values here are numbers, text or empty, never dates, so one style object can serve cells of
  // every type (ExcelJS keys its memory of a style by the object alone).
  const key = `${spec.fill ?? ''}|${spec.font ?? ''}|${spec.bold ? 1 : 0}|${spec.link ? 1 : 0}|${spec.wrap ? 1 : 0}|${spec.format ?? ''}`;
  let style = styles.get(key);
  if (style === undefined) {
    style = {};
    if (spec.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.fill) } };
    if (spec.font || spec.bold || spec.link) {
      const font: Partial<ExcelJS.Font> = {};
      if (spec.bold) font.bold = true;
      if (spec.font) font.color = { argb: argb(spec.font) };
      else if (spec.link) {
        font.color = { argb: argb(LINK_FONT) };
        font.underline = true;
      }
      style.font = font;
    }
    if (spec.format) style.numFmt = spec.format;
    if (spec.wrap) style.alignment = { wrapText: true, vertical: 'top' };
    styles.set(key, style);
  }
  // Cell.style is a plain field (the fill/font/numFmt setters write into it): assigning the
  // shared object is what the setters would have built, without a copy per cell.
  cell.style = style;
}

/** `./<file relative to the output folder>#'<sheet>'!<cell>`, or `#'<sheet>'!<cell>` within the
 * workbook. The file part follows core's rule (core/links.ts): relative, `./` first, each
 * segment percent-encoded, whatever the file's name. Null (no link) for a file no relative path
 * reaches (another drive). */
export function hyperlinkTarget(link: NonNullable<SpecCell['link']>, options: WriteOptions): string | null {
  if (!link.file) return cellLink(null, link.sheet, link.cell);
  const uri = fileUri(link.file, options.outDir);
  return uri === null ? null : cellLink(uri, link.sheet, link.cell);
}

// A consolidation links to each office's file many times: make each file's URI once.
const uris = new Map<string, string | null>();

function fileUri(file: string, outDir: string): string | null {
  const key = `${outDir}\0${file}`;
  let uri = uris.get(key);
  if (uri === undefined) {
    const rel = path.relative(outDir, path.resolve(file));
    uri = path.isAbsolute(rel) ? null : fileLink(rel.split(path.sep).join('/'));
    if (uris.size > 100_000) uris.clear();
    uris.set(key, uri);
  }
  return uri;
}

let patched = false;

/**
 * ExcelJS 4.4 writes every hyperlink as an external relationship and also copies any target
 * that looks like `X!A1` into the `location` attribute, which breaks links to another file
 * (`book.xlsx#'S'!A1` would get a bogus location). Here: a target starting with `#` is an
 * in-workbook link (location only, no relationship id), any other target an external link
 * whose relationship target carries the `#sheet!cell` part (no location attribute).
 */
function patchHyperlinkWriter(): void {
  if (patched) return;
  patched = true;
  let HyperlinkXform: { prototype: { render: (xml: XmlStream, model: HyperlinkModel) => void; isInternalLink: (m: HyperlinkModel) => boolean } } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    HyperlinkXform = require('exceljs/lib/xlsx/xform/sheet/hyperlink-xform');
  } catch {
    return;
  }
  if (!HyperlinkXform?.prototype?.render) return;
  HyperlinkXform.prototype.isInternalLink = (m: HyperlinkModel) => typeof m.target === 'string' && m.target.startsWith('#');
  // The streaming writer makes a relationship for every link: an in-workbook one needs none.
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const SheetRelsWriter = require('exceljs/lib/stream/xlsx/sheet-rels-writer') as { prototype: { addHyperlink(h: { target: string; address: string }): void; _hyperlinks: HyperlinkModel[] } };
    const external = SheetRelsWriter.prototype.addHyperlink;
    SheetRelsWriter.prototype.addHyperlink = function addHyperlink(h: { target: string; address: string }) {
      if (typeof h.target === 'string' && h.target.startsWith('#')) this._hyperlinks.push({ address: h.address, target: h.target });
      else external.call(this, h);
    };
  } catch {
    // Another ExcelJS layout: in-workbook links keep an external relationship to `#…`.
  }
  HyperlinkXform.prototype.render = function render(xml: XmlStream, model: HyperlinkModel) {
    if (typeof model.target === 'string' && model.target.startsWith('#')) {
      xml.leafNode('hyperlink', { ref: model.address, location: model.target.slice(1), tooltip: model.tooltip });
    } else {
      xml.leafNode('hyperlink', { ref: model.address, 'r:id': model.rId, tooltip: model.tooltip });
    }
  };
}

interface XmlStream {
  leafNode(name: string, attributes: Record<string, string | undefined>): void;
}
interface HyperlinkModel {
  address: string;
  rId?: string;
  tooltip?: string;
  target?: string;
}
