import * as path from 'path';
import type ExcelJS from 'exceljs';
import { cellLink, fileLink } from '../core/links';
import { SpecCell, WorkbookSpec } from '../core/report';
import { recordReport } from './report-record';
import { writeFileAtomically } from './safe-write';
import { workbookParts } from './sheet-xml';
import { CREATOR, packZip, writeZipChunked } from './zip';

export { safeText } from './xml-text';

/**
 * Writes a core `WorkbookSpec` (the consolidated report) to an .xlsx file: its parts rendered
 * as SpreadsheetML by cli/sheet-xml.ts (values, fills, font colours, bold, number formats,
 * column widths, row heights, frozen panes, links back to the source cells, page setup, print
 * titles and areas, page breaks, the charts of cli/chart-xml.ts) and zipped by `writeZipChunked`
 * (zlib, one pinned timestamp). Strings are always written as text, never as formulas (`=SUM(…)` as an
 * office name stays text). The output is deterministic: fixed document dates and zip
 * timestamps, so the same spec gives the same bytes.
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

/** The .xlsx bytes of `spec`: each part deflated as it is rendered, so what is held is the
 * finished (small) file, not its XML. */
export async function workbookBuffer(spec: WorkbookSpec, options: WriteOptions): Promise<Buffer> {
  return writeZipChunked(workbookParts(spec, { creator: CREATOR, date: FIXED_DATE, linkTarget: (link) => hyperlinkTarget(link, options) }));
}

/** An ExcelJS workbook's .xlsx bytes (the test fixtures are built as whole ExcelJS workbooks):
 * ExcelJS renders the parts uncompressed and `packZip` deflates them with zlib and pins every
 * timestamp (fast, and the same bytes every time). */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const data = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return packZip(Buffer.from(data as ArrayBuffer));
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
