import { columnLetters } from '../core/grid';
import { LINK_FONT, SheetSpec, SpecCell, WorkbookSpec } from '../core/report';
import { DRAWING_REL, chartContentTypes, chartXml, drawingRelsXml, drawingXml } from './chart-xml';
import { escAttr, escContent, escText, safeText } from './xml-text';

/**
 * A core `WorkbookSpec` (the consolidated report) as the parts of an .xlsx file (ECMA-376
 * SpreadsheetML), rendered as XML text: the workbook and its print names, one worksheet per sheet
 * (values, styles, column widths, row heights, frozen panes, links, page setup, page breaks, its
 * chart's drawing), the shared strings, the styles, the document properties, the relationships
 * and content types. The caller zips them (cli/zip.ts `writeZipChunked`). Nothing here reads a
 * clock or the file system: the same spec and options give the same parts.
 *
 * Strings are always text (shared strings, never a formula: `=SUM(…)` stays text); numbers that
 * are not finite are left empty; text is made XML-safe and kept within Excel's cell limit
 * (`safeText`). Elements go in the order the schema has them: Excel refuses a file otherwise.
 */

export interface PartOptions {
  /** docProps/core.xml's creator and last modifier. */
  creator: string;
  /** The document's creation and modification date. */
  date: Date;
  /** Where a cell's link leads: `#'Sheet'!A1` within the workbook, any other target a file
   * (written as an external relationship); null for no link. */
  linkTarget: (link: NonNullable<SpecCell['link']>) => string | null;
}

/** A part of the package: its XML as one string or as chunks made on demand (a worksheet's). */
export interface Part {
  name: string;
  data: string | Iterable<string>;
}

/** About how many characters of a worksheet's XML go in one chunk. */
const CHUNK = 1 << 16;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const HYPERLINK_REL = `${REL_NS}/hyperlink`;
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

function argb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  return m ? `FF${m[1].toUpperCase()}` : 'FF000000';
}

/** Excel's built-in number formats that mean the same in every locale, by their codes. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  '@': 49,
};

const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';

/** The workbook's styles: one `cellXfs` entry per distinct look, its fonts, fills and number
 * formats each written once. */
class Styles {
  private readonly bySpec = new Map<string, number>();
  private readonly xfIds = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fontIds = new Map<string, number>([[DEFAULT_FONT, 0]]);
  private readonly fonts = [DEFAULT_FONT];
  // Excel requires fills 0 and 1 to be these two.
  private readonly fillIds = new Map<string, number>();
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly formatIds = new Map<string, number>();
  private readonly formats: string[] = [];

  /** The style index (`s`) of a cell that looks like `spec`. */
  id(spec: SpecCell): number {
    if (!spec.fill && !spec.font && !spec.bold && !spec.link && !spec.wrap && !spec.format) return 0;
    const key = `${spec.fill ?? ''}|${spec.font ?? ''}|${spec.bold ? 1 : 0}|${spec.link ? 1 : 0}|${spec.wrap ? 1 : 0}|${spec.format ?? ''}`;
    let id = this.bySpec.get(key);
    if (id === undefined) {
      id = this.xfOf(this.formatOf(spec.format), this.fontOf(spec), this.fillOf(spec.fill), !!spec.wrap);
      this.bySpec.set(key, id);
    }
    return id;
  }

  private formatOf(code: string | undefined): number {
    if (!code) return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      // Custom formats are numbered from 164, past the built-in ones.
      id = 164 + this.formats.length;
      this.formatIds.set(code, id);
      this.formats.push(`<numFmt numFmtId="${id}" formatCode="${escAttr(code)}"/>`);
    }
    return id;
  }

  private fontOf(spec: SpecCell): number {
    const colour = spec.font ? argb(spec.font) : spec.link ? argb(LINK_FONT) : null;
    const underline = !spec.font && !!spec.link;
    const xml = `<font>${spec.bold ? '<b/>' : ''}${underline ? '<u/>' : ''}<sz val="11"/>${colour ? `<color rgb="${colour}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`;
    return this.indexOf(this.fontIds, this.fonts, xml);
  }

  private fillOf(fill: string | undefined): number {
    if (!fill) return 0;
    return this.indexOf(this.fillIds, this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(fill)}"/><bgColor indexed="64"/></patternFill></fill>`);
  }

  private xfOf(format: number, font: number, fill: number, wrap: boolean): number {
    const applied = `${format ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}`;
    const xml = `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applied}${wrap ? ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : '/>'}`;
    return this.indexOf(this.xfIds, this.xfs, xml);
  }

  private indexOf(ids: Map<string, number>, list: string[], xml: string): number {
    let id = ids.get(xml);
    if (id === undefined) {
      id = list.length;
      list.push(xml);
      ids.set(xml, id);
    }
    return id;
  }

  xml(): string {
    const formats = this.formats.length ? `<numFmts count="${this.formats.length}">${this.formats.join('')}</numFmts>` : '';
    return (
      `${HEAD}<styleSheet xmlns="${MAIN_NS}">${formats}` +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}

/** The workbook's shared strings: each text written once, cells refer to it by index. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  private count = 0;

  id(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.items.length;
      this.ids.set(text, id);
      this.items.push(`<si><t${/^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${escText(text)}</t></si>`);
    }
    return id;
  }

  *xml(): Generator<string> {
    yield `${HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.items.length}">`;
    for (let i = 0; i < this.items.length; i += 2000) yield this.items.slice(i, i + 2000).join('');
    yield '</sst>';
  }
}

/** `'Sheet'`, as a formula or defined name refers to a sheet. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The print names of `sheet` (number `index`, 0-based): its printed area and title rows. */
function printNames(sheet: SheetSpec, index: number): string {
  const p = sheet.print;
  if (!p) return '';
  const sheetRef = quotedSheet(sheet.name);
  const area = `${sheetRef}!$A$1:$${columnLetters(Math.max(0, p.columns - 1))}$${Math.max(1, p.rows)}`;
  let xml = `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escContent(area)}</definedName>`;
  if (p.titleRows > 0) xml += `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escContent(`${sheetRef}!$1:$${p.titleRows}`)}</definedName>`;
  return xml;
}

/** Whether two cells look the same (the fields `Styles.id` reads). */
const sameLook = (a: SpecCell, b: SpecCell) => a.fill === b.fill && a.font === b.font && !a.bold === !b.bold && !a.link === !b.link && !a.wrap === !b.wrap && a.format === b.format;

/** A number as a cell's value: finite numbers only. */
const numberText = (v: number) => (Object.is(v, -0) ? '0' : String(v));

/** Whether a cell is written: it has a value or a look. */
const written = (cell: SpecCell | undefined): boolean =>
  !!cell && (typeof cell.v === 'string' || (typeof cell.v === 'number' && Number.isFinite(cell.v)) || !!(cell.fill || cell.font || cell.bold || cell.link || cell.wrap || cell.format));

/** The cells written: `A1:` the last column and row that hold one, or `A1`. */
function dimension(sheet: SheetSpec): string {
  let lastRow = -1;
  let lastColumn = -1;
  sheet.rows.forEach((cells, r) => {
    for (let c = (cells ?? []).length - 1; c >= 0; c--) {
      if (!written(cells[c])) continue;
      lastRow = r;
      if (c > lastColumn) lastColumn = c;
      break;
    }
  });
  return lastRow < 0 ? 'A1' : `A1:${columnLetters(lastColumn)}${lastRow + 1}`;
}

/**
 * A worksheet's XML in chunks of about `CHUNK` characters, rendered as they are asked for; its
 * relationships (links to other files, the drawing) are added to `rels` as it goes, complete
 * once the last chunk is taken.
 */
function* worksheetXml(sheet: SheetSpec, index: number, chart: number | null, styles: Styles, strings: SharedStrings, options: PartOptions, rels: string[]): Generator<string> {
  const letters: string[] = [];
  const letter = (c: number) => letters[c] ?? (letters[c] = columnLetters(c));
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  const links: string[] = [];
  const lookAbove: SpecCell[] = [];
  const styleAbove: number[] = [];
  let chunk: string[] = [HEAD, `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  if (sheet.print) chunk.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  chunk.push(`<dimension ref="${dimension(sheet)}"/>`);
  chunk.push(`<sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ''} workbookViewId="0">${frozenPane(sheet.freeze)}</sheetView></sheetViews>`);
  chunk.push('<sheetFormatPr defaultRowHeight="15"/>');
  chunk.push(columnsXml(sheet.columnWidths));
  chunk.push('<sheetData>');
  let size = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const row = r + 1;
    let xml = '';
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const v = cell.v;
      // A column's cells mostly look alike: the style of the cell above, when it looks the same.
      const above = lookAbove[c];
      let s: number;
      if (above !== undefined && sameLook(above, cell)) s = styleAbove[c];
      else {
        s = styles.id(cell);
        lookAbove[c] = cell;
        styleAbove[c] = s;
      }
      const ref = `${letter(c)}${row}`;
      const target = cell.link && v !== null && v !== '' ? options.linkTarget(cell.link) : null;
      let value: string | null = null;
      let type = '';
      if (target !== null) {
        // A link's cell holds its display text: always a string.
        value = String(strings.id(safeText(String(v))));
        type = ' t="s"';
        if (target.startsWith('#')) links.push(`<hyperlink ref="${ref}" location="${escAttr(target.slice(1))}"/>`);
        else {
          // Another file: an external relationship whose target carries the `#'sheet'!cell` part.
          const id = `rId${rels.length + 1}`;
          rels.push(`<Relationship Id="${id}" Type="${HYPERLINK_REL}" Target="${escAttr(target)}" TargetMode="External"/>`);
          links.push(`<hyperlink ref="${ref}" r:id="${id}"/>`);
        }
      } else if (typeof v === 'number') {
        if (Number.isFinite(v)) value = numberText(v);
      } else if (typeof v === 'string') {
        value = String(strings.id(safeText(v)));
        type = ' t="s"';
      }
      if (value === null && s === 0) continue;
      xml += `<c r="${ref}"${s ? ` s="${s}"` : ''}${type}${value === null ? '/>' : `><v>${value}</v></c>`}`;
    }
    const height = heights.get(r);
    const ht = height !== undefined && Number.isFinite(height) && height >= 0 ? ` ht="${Math.min(409, height)}" customHeight="1"` : '';
    if (!xml && !ht) continue;
    const line = xml ? `<row r="${row}"${ht}>${xml}</row>` : `<row r="${row}"${ht}/>`;
    chunk.push(line);
    size += line.length;
    if (size >= CHUNK) {
      yield chunk.join('');
      chunk = [];
      size = 0;
    }
  }
  chunk.push('</sheetData>');
  if (links.length) chunk.push(`<hyperlinks>${links.join('')}</hyperlinks>`);
  const p = sheet.print;
  if (p) {
    chunk.push('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>');
    // Every printed column on one page's width, as many pages tall as it takes.
    chunk.push(`<pageSetup paperSize="9" orientation="${p.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`);
    // A printed page starts at a break row: the break is below the row before it (`id`, 1-based).
    const breaks = [...new Set(p.breaks ?? [])].filter((b) => Number.isInteger(b) && b >= 1 && b <= sheet.rows.length).sort((a, b) => a - b);
    if (breaks.length) chunk.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  }
  if (chart !== null) {
    const id = `rId${rels.length + 1}`;
    rels.push(`<Relationship Id="${id}" Type="${DRAWING_REL}" Target="../drawings/drawing${chart}.xml"/>`);
    chunk.push(`<drawing r:id="${id}"/>`);
  }
  chunk.push('</worksheet>');
  yield chunk.join('');
}

/** The sheet view's frozen pane: `rows` and `columns` kept in view. */
function frozenPane(freeze: SheetSpec['freeze']): string {
  if (!freeze) return '';
  const x = Math.max(0, Math.floor(freeze.columns)) || 0;
  const y = Math.max(0, Math.floor(freeze.rows)) || 0;
  if (!x && !y) return '';
  const active = x && y ? 'bottomRight' : x ? 'topRight' : 'bottomLeft';
  const topLeft = `${columnLetters(x)}${y + 1}`;
  return `<pane${x ? ` xSplit="${x}"` : ''}${y ? ` ySplit="${y}"` : ''} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

/** `<cols>`: each run of columns of one width as one element. */
function columnsXml(widths: number[]): string {
  const cols: string[] = [];
  let start = -1;
  let width = 0;
  const flush = (end: number) => {
    if (start >= 0) cols.push(`<col min="${start + 1}" max="${end + 1}" width="${width}" customWidth="1"/>`);
    start = -1;
  };
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i];
    if (typeof w !== 'number' || !Number.isFinite(w)) {
      flush(i - 1);
      continue;
    }
    const clamped = Math.min(255, Math.max(0, w));
    if (start >= 0 && clamped === width) continue;
    flush(i - 1);
    start = i;
    width = clamped;
  }
  flush(widths.length - 1);
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

const relationships = (rels: string[]) => `${HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${rels.join('')}</Relationships>`;

/** `2024-01-01T00:00:00Z` */
const w3cDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Every part of the .xlsx of `spec`, in the order they go in the zip, each made when it is
 * asked for, a worksheet's XML chunk by chunk: each chunk can be deflated (and let go) before
 * the next is rendered, so a ministry's report is never held as XML all at once. Each part's
 * data is to be taken whole before the next part is asked for. The styles and shared strings,
 * which every sheet adds to, come last. */
export function* workbookParts(spec: WorkbookSpec, options: PartOptions): Generator<Part> {
  const n = spec.sheets.length;
  const names = spec.sheets.map((s) => s.name);
  const chartCount = spec.sheets.filter((s) => s.chart).length;
  const contentTypes =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_TYPE}"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    chartContentTypes(chartCount) +
    '</Types>';
  yield { name: '[Content_Types].xml', data: contentTypes };
  yield {
    name: '_rels/.rels',
    data: relationships([
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>`,
      `<Relationship Id="rId2" Type="${PACKAGE_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>`,
      `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>`,
    ]),
  };
  const creator = escContent(options.creator);
  const date = w3cDate(options.date);
  yield {
    name: 'docProps/core.xml',
    data:
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`,
  };
  yield {
    name: 'docProps/app.xml',
    data:
      `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>${creator}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${names.map((s) => `<vt:lpstr>${escContent(s)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
      '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>',
  };
  const definedNames = spec.sheets.map(printNames).join('');
  yield {
    name: 'xl/workbook.xml',
    data:
      `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${names.map((name, i) => `<sheet name="${escAttr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
      `${definedNames ? `<definedNames>${definedNames}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`,
  };
  yield {
    name: 'xl/_rels/workbook.xml.rels',
    data: relationships([
      ...names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
      `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`,
      `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`,
    ]),
  };
  const styles = new Styles();
  const strings = new SharedStrings();
  let chart = 0;
  for (let i = 0; i < n; i++) {
    const sheet = spec.sheets[i];
    const number = sheet.chart ? ++chart : null;
    const rels: string[] = [];
    // Taken whole before the next part is asked for: then `rels` is complete.
    yield { name: `xl/worksheets/sheet${i + 1}.xml`, data: worksheetXml(sheet, i, number, styles, strings, options, rels) };
    if (rels.length) yield { name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: relationships(rels) };
    if (sheet.chart && number !== null) {
      yield { name: `xl/charts/chart${number}.xml`, data: chartXml(sheet, sheet.chart) };
      yield { name: `xl/drawings/drawing${number}.xml`, data: drawingXml(sheet.chart) };
      yield { name: `xl/drawings/_rels/drawing${number}.xml.rels`, data: drawingRelsXml(number) };
    }
  }
  yield { name: 'xl/styles.xml', data: styles.xml() };
  yield { name: 'xl/sharedStrings.xml', data: strings.xml() };
}
