import { SheetLimitError } from './grid-builder';
import { message } from './messages';

/* A CSV's records, host-free: the CLI reads files with it (cli/csv-grid.ts decodes the bytes
 * first), the pane the files an officer picks. */

/** RFC 4180 records, with the delimiter found in the text's first records (the first 256 KB);
 * `maxFields`: more fields than this are a `SheetLimitError` (no sheet holds that many). */
export function parseCsv(text: string, delimiter?: string, maxFields = Infinity): string[][] {
  if (delimiter) return parseWith(text, delimiter, maxFields);
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t']) {
    const score = consistency(parseWith(sample, d, Infinity));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return parseWith(text, best, maxFields);
}

const SAMPLE = 256 * 1024;

/** How many records share the most common width, when that width is more than one field. */
function consistency(rows: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  for (const n of counts.values()) if (n > best) best = n;
  return best;
}

function parseWith(text: string, d: string, maxFields: number): string[][] {
  const rows: string[][] = [];
  let fields = 0;
  const tooMany = () => new SheetLimitError('sheet-cells', message('limit.sheet-cells', { limit: maxFields }));
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
      if (++fields > maxFields) throw tooMany();
      row.push(field);
      field = '';
      atStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (++fields > maxFields) throw tooMany();
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
