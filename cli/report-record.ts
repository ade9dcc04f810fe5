import { createHash } from 'crypto';
import * as zlib from 'zlib';
import { CREATOR, PINNED_DATE, ZipEntry, compressedBytes, entryBytes, zipEntries, zipOfDeflated } from './zip';

/**
 * What a report written by `apa consolidate` was when it was written (issue 13, "what the user
 * changed stays theirs"). The report records a SHA-256 of its own content, every zip entry but
 * the record (name, declared CRC-32 and size, and stored bytes, in order), in a custom document
 * property (`docProps/custom.xml`, which Excel and LibreOffice keep and show under File →
 * Properties → Custom). A later run overwrites the report only when the digest still matches:
 * saved again by Excel or LibreOffice (which keeps the creator, "APA Sheets"), its parts are
 * rewritten and the digest no longer does, so the run stops unless told `--force`. The same
 * report gives the same bytes, record included: running twice gives the same file.
 */

/** The custom property that holds the record. */
export const RECORD_PROPERTY = 'APA Sheets report';
const RECORD_PART = 'docProps/custom.xml';
const RECORD_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const RECORD_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

/** What a file at the output path is to a new run. `unchanged`: a report this tool wrote,
 * as written (or, from before reports had a record, with every trace of being untouched);
 * `changed`: one of its reports, edited since; `not-ours`: anything else. */
export type ReportState = 'unchanged' | 'changed' | 'not-ours';

/** `report` (a written .xlsx) with its record added. */
export function recordReport(report: Buffer): Buffer {
  const entries = [...zipEntries(report).values()].filter((e) => e.name !== RECORD_PART).sort((a, b) => a.local - b.local);
  const parts = entries.map((e) => {
    if (e.name === '[Content_Types].xml') return deflated(e.name, addBefore(text(report, e), '</Types>', `<Override PartName="/${RECORD_PART}" ContentType="${RECORD_TYPE}"/>`));
    if (e.name === '_rels/.rels') return deflated(e.name, addBefore(text(report, e), '</Relationships>', `<Relationship Id="rIdApaSheetsReport" Type="${RECORD_REL}" Target="${RECORD_PART}"/>`));
    // Kept as written: its deflated bytes, CRC and size (a stored entry is deflated).
    if (e.method === 8) return { name: e.name, deflated: Buffer.from(compressedBytes(report, e)), crc: e.crc, size: e.size };
    return deflated(e.name, entryBytes(report, e, 0x7fffffff));
  });
  const record = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${RECORD_PROPERTY}"><vt:lpwstr>sha256:${digest(parts)}</vt:lpwstr></property></Properties>`;
  return zipOfDeflated([...parts, deflated(RECORD_PART, Buffer.from(record, 'utf8'))]);
}

/** What the file at the output path is (see `ReportState`). */
export function reportState(file: Buffer): ReportState {
  let entries: Map<string, ZipEntry>;
  let core: string;
  try {
    entries = zipEntries(file);
    const coreEntry = entries.get('docProps/core.xml');
    if (!coreEntry) return 'not-ours';
    core = text(file, coreEntry);
  } catch {
    return 'not-ours';
  }
  if (!core.includes(`<dc:creator>${CREATOR}</dc:creator>`)) return 'not-ours';
  try {
    const recordEntry = entries.get(RECORD_PART);
    const recorded = recordEntry ? new RegExp(`name="${RECORD_PROPERTY}"><vt:lpwstr>sha256:([0-9a-f]{64})<`).exec(text(file, recordEntry))?.[1] : undefined;
    if (recorded !== undefined) {
      const parts = [...entries.values()].filter((e) => e.name !== RECORD_PART).sort((a, b) => a.local - b.local);
      return digest(parts.map((e) => ({ name: e.name, deflated: compressedBytes(file, e), crc: e.crc, size: e.size }))) === recorded ? 'unchanged' : 'changed';
    }
    // A report from before the record: untouched only while everything this tool pins is as it
    // pinned it (Excel and LibreOffice stamp the time they save, in the zip and the properties).
    const pinned =
      !recordEntry &&
      core.includes(`<cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy>`) &&
      core.includes('2024-01-01T00:00:00Z</dcterms:modified>') &&
      [...entries.values()].every((e) => e.stamp === PINNED_DATE << 16);
    return pinned ? 'unchanged' : 'changed';
  } catch {
    return 'changed';
  }
}

function digest(parts: { name: string; deflated: Buffer; crc: number; size: number }[]): string {
  const hash = createHash('sha256');
  const head = Buffer.alloc(8);
  for (const p of parts) {
    hash.update(p.name, 'utf8');
    head.writeUInt32LE(p.crc >>> 0, 0);
    head.writeUInt32LE(p.size >>> 0, 4);
    hash.update(Buffer.from([0]));
    hash.update(head);
    hash.update(p.deflated);
  }
  return hash.digest('hex');
}

function text(buf: Buffer, e: ZipEntry): string {
  return entryBytes(buf, e, 16 * 1024 * 1024).toString('utf8');
}

function deflated(name: string, data: string | Buffer): { name: string; deflated: Buffer; crc: number; size: number } {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, deflated: zlib.deflateRawSync(bytes, { level: 6 }), crc: zlib.crc32(bytes), size: bytes.length };
}

function addBefore(xml: string, end: string, add: string): string {
  if (xml.includes(add)) return xml;
  const at = xml.lastIndexOf(end);
  return at < 0 ? xml : xml.slice(0, at) + add + xml.slice(at);
}
