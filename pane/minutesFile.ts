import { docxTables } from '../core/docx-tables';
import type { Grid } from '../core/grid';
import { message } from '../core/messages';
import type { MinutesTables } from '../core/operations';
import { gridTextTable } from '../core/text-table';
import { readXlsxBytes } from '../core/package-bytes';
import { ZipPartError, zipPart } from '../core/zip-read';
import { parseCsv } from '../core/csv';

/**
 * The ministry's minutes read in the pane, host-free: a Word file's `word/document.xml` taken out
 * of its zip with the browser's own `DecompressionStream('deflate-raw')`, then core's Word-table
 * reader; a workbook's sheets with core's .xlsx reader over the same inflate (the CLI's reader,
 * cli/minutes.ts), each sheet a table; a CSV as text. The tables go to the host, which reads the decisions with core and keeps
 * them as the directives sheet.
 */

/** Inflates raw deflate bytes with the platform's stream, stopping past `maxBytes`. */
export async function inflateRaw(raw: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ZipPartError('too-large', `over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A CSV's rows: core's reader (RFC 4180; the delimiter a comma unless the text is plainly
 * separated by semicolons or tabs), as the CLI reads them. */
export const csvRows = (text: string): string[][] => parseCsv(text);

export type MinutesKind = 'docx' | 'xlsx' | 'csv' | null;
export const minutesKind = (name: string): MinutesKind => (/\.docx$/i.test(name) ? 'docx' : /\.(xlsx|xlsm)$/i.test(name) ? 'xlsx' : /\.(csv|txt)$/i.test(name) ? 'csv' : null);

/** The tables of a minutes file, or a bilingual error naming the file. */
export async function readMinutes(name: string, bytes: Uint8Array): Promise<MinutesTables> {
  const kind = minutesKind(name);
  if (!kind) throw Object.assign(new Error(name), { bilingual: message('wb.directives-kind', { file: name }) });
  try {
    if (kind === 'docx') {
      const xml = new TextDecoder().decode(await zipPart(bytes, 'word/document.xml', inflateRaw));
      return { file: name, tables: docxTables(xml) };
    }
    if (kind === 'xlsx') {
      const read = await readXlsxBytes(bytes, name, inflateRaw);
      return { file: name, tables: read.grids.map(gridTextTable) };
    }
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const grid: Grid = { sheet: name.replace(/\.[^.]+$/, ''), values: csvRows(text) };
    return { file: name, tables: [gridTextTable(grid)] };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw Object.assign(new Error(detail), { bilingual: message('wb.directives-unreadable', { file: name, detail }) });
  }
}
