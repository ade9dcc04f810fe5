import * as path from 'path';
import type { CellValue, Grid } from '../core';
import { unreadable } from './errors';
import { readBytes } from './files';

/**
 * A CSV file as one grid (sheet name = the file's stem), the way Excel's "CSV UTF-8" save
 * writes it: a BOM, quoted fields with `""` for a quote, line breaks inside quotes, CRLF or LF.
 * UTF-16 with a BOM (Excel's "Unicode text") is decoded too. The delimiter is a comma unless the
 * file is plainly separated by semicolons or tabs. Values stay text: core reads them. CSV has
 * no number formats, so `readPlan` must be called with `formatsUnknown: true`.
 */
export async function readCsvGrid(input: Buffer | string, fileLabel?: string): Promise<Grid> {
  const label = fileLabel ?? (typeof input === 'string' ? input : 'sheet.csv');
  const buffer = typeof input === 'string' ? await readBytes(input, label) : input;
  return csvGrid(buffer, label);
}

export function csvGrid(buffer: Buffer, label: string): Grid {
  const text = decodeCsv(buffer, label);
  const rows = parseCsv(text);
  const values: CellValue[][] = rows.map((r) => {
    const out: CellValue[] = r.map((f) => (f === '' ? null : f));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (values.length && values[values.length - 1].length === 0) values.pop();
  return { sheet: stem(label), file: label, values, merges: [] };
}

function stem(label: string): string {
  const base = label.split(/[\\/]/).pop() ?? label;
  const ext = path.extname(base);
  return (ext ? base.slice(0, -ext.length) : base) || base;
}

/** UTF-8 (BOM stripped) or UTF-16 with a BOM; anything else is an unreadable file. */
export function decodeCsv(buf: Buffer, label: string): string {
  if (buf.length === 0) throw unreadable(label, 'unreadable.empty');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const body = buf.subarray(2, 2 + ((buf.length - 2) & ~1));
    return new TextDecoder('utf-16le').decode(Buffer.from(body).swap16());
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    if (buf.includes(0)) throw unreadable(label, 'unreadable.binary-csv');
    throw unreadable(label, 'unreadable.not-utf8');
  }
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(text) || (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 3 && buf[3] === 4)) throw unreadable(label, 'unreadable.binary-csv');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** RFC 4180 records, with the delimiter found in the text. */
export function parseCsv(text: string, delimiter?: string): string[][] {
  if (delimiter) return parseWith(text, delimiter);
  let best: string[][] | null = null;
  let bestScore = -1;
  for (const d of [',', ';', '\t']) {
    const rows = parseWith(text, d);
    const score = consistency(rows);
    if (score > bestScore) {
      best = rows;
      bestScore = score;
    }
  }
  return best ?? [];
}

/** How many records share the most common width, when that width is more than one field. */
function consistency(rows: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  for (const n of counts.values()) if (n > best) best = n;
  return best;
}

function parseWith(text: string, d: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atStart = true;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
      i++;
      continue;
    }
    if (ch === d) {
      row.push(field);
      field = '';
      atStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    atStart = false;
    i++;
  }
  if (field !== '' || row.length > 0 || quoted) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
