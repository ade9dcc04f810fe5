import { createRequire } from 'module';
import * as zlib from 'zlib';
import type ExcelJS from 'exceljs';

/**
 * ExcelJS, as the CLI uses it: its `Workbook` and `ValueType`, and `loadWorkbook`, which reads
 * an .xlsx the way `workbook.xlsx.load` does, with ExcelJS's own parsers and model, minus the
 * work that reading grids never needs.
 *
 * `require('exceljs')` also loads ExcelJS's streaming reader and writer (unzipper, archiver…),
 * about 250 ms per thread that starts it; the CLI never uses them, so the modules are taken
 * from ExcelJS's own files (pinned at 4.4.0). Should a later ExcelJS move them, everything
 * falls back to the package and `workbook.xlsx.load`.
 */

type Workbook = ExcelJS.Workbook;
type WorkbookCtor = new () => Workbook;

interface Xform {
  parseStream(chunks: Iterable<string>): Promise<unknown>;
}
type XformCtor = new (options?: unknown) => Xform;

interface ZipEntry {
  name: string;
  dir: boolean;
  async(type: 'string'): Promise<string>;
  /** JSZip's CompressedObject for an entry read from a zip. */
  _data?: { compressedContent?: Uint8Array; uncompressedSize?: number; compression?: { magic?: string } };
}

interface Internals {
  Workbook: WorkbookCtor;
  ValueType: typeof ExcelJS.ValueType;
  JSZip: { loadAsync(data: Buffer): Promise<{ files: Record<string, ZipEntry> }> } | null;
  xforms: { workbook: XformCtor; relationships: XformCtor; sharedStrings: XformCtor; styles: XformCtor; worksheet: XformCtor } | null;
}

let loaded: Internals | undefined;

function internals(): Internals {
  if (loaded) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Workbook = require('exceljs/lib/doc/workbook') as WorkbookCtor;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ValueType } = require('exceljs/lib/doc/enums') as { ValueType: typeof ExcelJS.ValueType };
    if (typeof Workbook !== 'function' || !ValueType) throw new Error('ExcelJS layout changed');
    loaded = { Workbook, ValueType, JSZip: null, xforms: null };
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('exceljs') as typeof ExcelJS;
    loaded = { Workbook: pkg.Workbook as unknown as WorkbookCtor, ValueType: pkg.ValueType, JSZip: null, xforms: null };
    return loaded;
  }
  try {
    // The very modules `workbook.xlsx.load` uses, JSZip included (resolved as ExcelJS resolves it).
    const fromExcel = createRequire(require.resolve('exceljs/lib/xlsx/xlsx'));
    const xform = (p: string) => fromExcel(`./xform/${p}`) as XformCtor;
    loaded.xforms = {
      workbook: xform('book/workbook-xform'),
      relationships: xform('core/relationships-xform'),
      sharedStrings: xform('strings/shared-strings-xform'),
      styles: xform('style/styles-xform'),
      worksheet: xform('sheet/worksheet-xform'),
    };
    loaded.JSZip = fromExcel('jszip');
    const wb = new loaded.Workbook() as unknown as { xlsx: { reconcile?: unknown } };
    if (typeof wb.xlsx.reconcile !== 'function' || typeof loaded.JSZip?.loadAsync !== 'function') throw new Error('ExcelJS layout changed');
  } catch {
    loaded.xforms = null;
    loaded.JSZip = null;
  }
  return loaded;
}

/** A new, empty ExcelJS workbook. */
export function newWorkbook(): Workbook {
  return new (internals().Workbook)();
}

/** ExcelJS's cell value types. */
export function valueType(): typeof ExcelJS.ValueType {
  return internals().ValueType;
}

export interface LoadOptions {
  /** Worksheet XML elements not to parse (ExcelJS's own `ignoreNodes` option). */
  ignoreNodes: string[];
}

/** Where `workbook.xlsx.load` finds a worksheet (the same, unanchored, pattern). */
const WORKSHEET_ENTRY = /xl\/worksheets\/sheet(\d+)[.]xml/;

/**
 * Reads an .xlsx into an ExcelJS workbook: the same as `workbook.xlsx.load(buffer, options)` for
 * everything a grid holds (sheets in tab order, their values, number formats and merges), with
 * ExcelJS's own zip reader, XML parsers, reconciliation and model. What it leaves out, for speed:
 *
 * - parts a grid never reads are not inflated nor parsed: the theme, document properties,
 *   images, drawings, comments, tables and the sheets' relationships (which only lead to those,
 *   and to hyperlinks, whose nodes are ignored anyway);
 * - each part's XML is handed to the parser in 16 KB pieces, as `load` does, but without a
 *   stream per part;
 * - deflated parts are inflated with Node's zlib instead of JSZip's JavaScript inflate, with the
 *   same length check.
 */
export async function loadWorkbook(buffer: Buffer, options: LoadOptions): Promise<LoadedWorkbook> {
  const x = internals();
  const wb = new x.Workbook();
  if (!x.JSZip || !x.xforms) {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer, options as unknown as Partial<ExcelJS.XlsxReadOptions>);
    return { workbook: wb, merges: null };
  }
  const xf = x.xforms;
  // The model `load` builds, with the same (here mostly empty) parts.
  const model: Record<string, unknown> & { worksheets: unknown[]; worksheetHash: Record<string, unknown> } = {
    worksheets: [],
    worksheetHash: {},
    worksheetRels: [],
    themes: {},
    media: [],
    mediaIndex: {},
    drawings: {},
    drawingRels: {},
    comments: {},
    tables: {},
    vmlDrawings: {},
  };
  const zip = await x.JSZip.loadAsync(buffer);
  const mergesOf = new Map<Record<string, unknown>, string[]>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = entry.name[0] === '/' ? entry.name.slice(1) : entry.name;
    switch (name) {
      case 'xl/workbook.xml': {
        const book = (await new xf.workbook().parseStream(pieces(await entryText(entry)))) as Record<string, unknown>;
        model.sheets = book.sheets;
        model.views = book.views;
        model.properties = book.properties;
        model.calcProperties = book.calcProperties;
        // A defined name (a print area, `$A:$XFD`) becomes a cell per cell it names: a grid
        // needs none of them.
        model.definedNames = [];
        break;
      }
      case 'xl/_rels/workbook.xml.rels':
        model.workbookRels = await new xf.relationships().parseStream(pieces(await entryText(entry)));
        break;
      case 'xl/sharedStrings.xml': {
        const strings = new xf.sharedStrings();
        await strings.parseStream(pieces(await entryText(entry)));
        model.sharedStrings = strings;
        break;
      }
      case 'xl/styles.xml': {
        const styles = new xf.styles();
        await styles.parseStream(pieces(await entryText(entry)));
        model.styles = styles;
        break;
      }
      case '_rels/.rels':
      case 'docProps/app.xml':
      case 'docProps/core.xml':
        break;
      default: {
        const m = WORKSHEET_ENTRY.exec(name);
        if (m) {
          const sheet = (await new xf.worksheet(options).parseStream(pieces(await entryText(entry)))) as Record<string, unknown> | undefined;
          // A sheet whose XML ends before its root closes gives no model.
          if (!sheet || typeof sheet !== 'object') throw new Error(`${name} ends before its worksheet closes`);
          // ExcelJS makes a cell for every cell a merge covers (a merge over A40:XFD1048576 is
          // 17 billion): the merges are taken out of its model and kept as rectangles.
          mergesOf.set(sheet, Array.isArray(sheet.mergeCells) ? (sheet.mergeCells as string[]) : []);
          sheet.mergeCells = [];
          sheet.sheetNo = m[1];
          model.worksheetHash[name] = sheet;
          model.worksheets.push(sheet);
        }
      }
    }
  }
  (wb.xlsx as unknown as { reconcile(model: unknown, options: unknown): void }).reconcile(model, options);
  (wb as unknown as { model: unknown }).model = model;
  // Reconciling named each sheet's model and gave it the worksheet's id.
  const merges = new Map<number, string[]>();
  for (const [sheet, ranges] of mergesOf) if (typeof sheet.id === 'number') merges.set(sheet.id, ranges);
  return { workbook: wb, merges };
}

export interface LoadedWorkbook {
  workbook: Workbook;
  /** Each worksheet's merged ranges by worksheet id, taken out of ExcelJS's model; null when
   * ExcelJS read the file with its own `load` (and made the merges itself). */
  merges: Map<number, string[]> | null;
}

/** An entry's text, as JSZip's `async('string')` gives it (UTF-8), inflated by zlib. */
async function entryText(entry: ZipEntry): Promise<string> {
  const data = entry._data;
  if (data?.compression?.magic === '\x08\x00' && data.compressedContent && typeof data.uncompressedSize === 'number') {
    const bytes = zlib.inflateRawSync(data.compressedContent);
    if (bytes.length !== data.uncompressedSize) throw new Error('Bug : uncompressed data size mismatch');
    return bytes.toString('utf-8');
  }
  return entry.async('string');
}

/** The text in the 16 KB pieces `load` writes to its parser. */
function* pieces(text: string): Generator<string> {
  const size = 16 * 1024;
  for (let i = 0; i < text.length; i += size) yield text.substring(i, i + size);
}
