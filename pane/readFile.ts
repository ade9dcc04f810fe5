import type { Grid } from '../core/grid';
import { gridSheetRows } from '../core/grid-sheet';
import type { OfficeFile } from '../core/operations';
import { readOdsBytes } from '../core/package-bytes';
import { csvRows, inflateRaw } from './minutesFile';

/** A file's bytes as base64 (what `insertWorksheetsFromBase64` takes), read with FileReader. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : url);
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.onabort = () => reject(reader.error ?? new Error('FileReader aborted'));
    reader.readAsDataURL(file);
  });
}

export function isXlsx(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/** The files "Add offices' files" takes: .xlsx (inserted by Excel as they are), .ods and .csv
 * (read here, host-free, and written into new tabs). */
export function isOfficeFile(name: string): boolean {
  return /\.(xlsx|ods|csv)$/i.test(name);
}

function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** An .ods's tables, or a .csv's one sheet (named after the file), as the rows of new tabs. */
export async function officeSheets(name: string, bytes: Uint8Array): Promise<OfficeFile['sheets']> {
  if (/\.ods$/i.test(name)) {
    const { grids } = await readOdsBytes(bytes, name, inflateRaw);
    return grids.map((g) => ({ name: g.sheet, rows: gridSheetRows(g) }));
  }
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const grid: Grid = { sheet: name.replace(/\.[^.]+$/, '') || name, values: csvRows(text).map((row) => row.map((v) => (v === '' ? null : v))) };
  return [{ name: grid.sheet, rows: gridSheetRows(grid, { csv: true }) }];
}

/** Reads the .xlsx, .ods and .csv files given; the others, and any that cannot be read, come back as `rejected`. */
export async function readOfficeFiles(files: readonly File[]): Promise<{ read: OfficeFile[]; rejected: { file: string; cause: 'not-xlsx' | 'read-failed' }[] }> {
  const read: OfficeFile[] = [];
  const rejected: { file: string; cause: 'not-xlsx' | 'read-failed' }[] = [];
  for (const f of files) {
    if (!isOfficeFile(f.name)) {
      rejected.push({ file: f.name, cause: 'not-xlsx' });
      continue;
    }
    try {
      const base64 = await readAsBase64(f);
      read.push(isXlsx(f.name) ? { name: f.name, base64 } : { name: f.name, base64, sheets: await officeSheets(f.name, bytesOf(base64)) });
    } catch {
      rejected.push({ file: f.name, cause: 'read-failed' });
    }
  }
  return { read, rejected };
}
