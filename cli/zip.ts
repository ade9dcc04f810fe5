import * as zlib from 'zlib';
import { ZipError } from '../core/zip-error';

export { ZipError };

/** The little of the zip format the CLI needs without ExcelJS: listing and inflating the entries
 * of a workbook (with a limit, so that a zip bomb stops early), and writing one deflated, every
 * entry with one pinned timestamp. */

/** The creator every workbook written here carries (docProps/core.xml). */
export const CREATOR = 'APA Sheets';

/** One entry of a zip file, found through its central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read here. */
  method: number;
  compressedSize: number;
  /** As the central directory declares it: checked against what inflating gives. */
  size: number;
  /** Offset of the local header. */
  local: number;
  /** Bit 0 of the flags: the entry is encrypted. */
  encrypted: boolean;
  /** The CRC-32 of the inflated bytes, as the central directory declares it. */
  crc: number;
  /** The DOS date and time of the entry (date << 16 | time), as the central directory has it. */
  stamp: number;
}

/** Every entry of a zip, by name, from its central directory. */
export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('damaged', 'no end of central directory (the file is cut short or not a zip)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new ZipError('unsupported', 'Zip64 archive');
  const entries = new Map<string, ZipEntry>();
  for (let e = 0; e < count; e++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('damaged', 'central directory damaged');
    const nameLen = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
      encrypted: (buf.readUInt16LE(p + 8) & 1) === 1,
      crc: buf.readUInt32LE(p + 16),
      stamp: ((buf.readUInt16LE(p + 14) << 16) | buf.readUInt16LE(p + 12)) >>> 0,
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.local === 0xffffffff) throw new ZipError('unsupported', 'Zip64 entry');
    entries.set(entry.name[0] === '/' ? entry.name.slice(1) : entry.name, entry);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** An entry's bytes as stored (compressed), found through its local header. */
export function compressedBytes(buf: Buffer, entry: ZipEntry): Buffer {
  const local = entry.local;
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ZipError('damaged', `${entry.name}: local header damaged`);
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  if (start + entry.compressedSize > buf.length) throw new ZipError('damaged', `${entry.name} is cut short`);
  return buf.subarray(start, start + entry.compressedSize);
}

/** An entry's bytes, inflated, refusing more than `limit` bytes whatever the entry declares. */
export function entryBytes(buf: Buffer, entry: ZipEntry, limit: number): Buffer {
  if (entry.encrypted) throw new ZipError('unsupported', `${entry.name} is encrypted`);
  if (entry.size > limit) throw new ZipError('too-large', `${entry.name} inflates to ${entry.size} bytes`, limit);
  const data = compressedBytes(buf, entry);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      // The declared size can lie: zlib stops at the limit itself.
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(limit, entry.size + 1)) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') {
        if (entry.size >= limit) throw new ZipError('too-large', `${entry.name} inflates to more than ${limit} bytes`, limit);
        throw new ZipError('damaged', `${entry.name} inflates to more than its declared ${entry.size} bytes`);
      }
      throw new ZipError('damaged', `${entry.name}: ${(err as Error).message}`);
    }
  } else throw new ZipError('unsupported', `${entry.name}: compression method ${entry.method}`);
  if (out.length !== entry.size) throw new ZipError('damaged', `${entry.name}: ${out.length} bytes where ${entry.size} were declared`);
  return out;
}

/** One entry of a zip file, or null (no such entry, not a zip, damaged). */
export function zipEntry(buf: Buffer, name: string): Buffer | null {
  try {
    const entry = zipEntries(buf).get(name);
    return entry ? entryBytes(buf, entry, 16 * 1024 * 1024) : null;
  } catch {
    return null;
  }
}

/** True when `buf` is a workbook this tool wrote (its creator is APA Sheets), so that
 * overwriting it loses nothing an office typed. */
export function writtenByApa(buf: Buffer): boolean {
  const core = zipEntry(buf, 'docProps/core.xml');
  return !!core && core.toString('utf8').includes(`<dc:creator>${CREATOR}</dc:creator>`);
}

/** The DOS date of every entry written here (2024-01-01, 00:00), so that two writes of the
 * same workbook are byte-identical. */
export const PINNED_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

/**
 * The same zip, every entry deflated by Node's zlib and stamped with one fixed time. ExcelJS
 * writes its workbooks uncompressed (`compression: 'STORE'`) and this packs them: zlib's C
 * deflate is many times faster than JSZip's JavaScript one, and the result is deterministic.
 */
export function packZip(buf: Buffer, level = 6): Buffer {
  const entries = [...zipEntries(buf).values()].sort((a, b) => a.local - b.local);
  return writeZip(
    entries.map((e) => ({ name: e.name, data: entryBytes(buf, e, 0x7fffffff) })),
    level,
  );
}

/** A zip of these entries, in this order, deflated, with the pinned timestamp. */
export function writeZip(entries: { name: string; data: Buffer | string }[], level = 6): Buffer {
  return zipOfDeflated(
    entries.map((e) => {
      const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
      return { name: e.name, deflated: zlib.deflateRawSync(data, { level }), crc: zlib.crc32(data), size: data.length };
    }),
  );
}

/** A zip entry deflated, with the CRC-32 and size of its bytes. */
export interface DeflatedEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
}

/**
 * A zip of these entries, in this order, with the pinned timestamp, each deflated as its data
 * comes: an entry's data may be chunks made on demand (each entry's taken whole before the next
 * entry is asked for). Deflating runs in zlib's thread pool while the next chunk is made, and
 * what is held is the deflated bytes, not the entries' text. The same entries give the same bytes.
 */
export async function writeZipChunked(entries: Iterable<{ name: string; data: string | Iterable<string> }>, level = 6): Promise<Buffer> {
  const deflated: DeflatedEntry[] = [];
  for (const e of entries) deflated.push(await deflateChunks(e.name, typeof e.data === 'string' ? [e.data] : e.data, level));
  return zipOfDeflated(deflated);
}

async function deflateChunks(name: string, chunks: Iterable<string>, level: number): Promise<DeflatedEntry> {
  const z = zlib.createDeflateRaw({ level });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  // One chunk deflating while the next is made; no more held than that.
  let drained: Promise<void> | null = null;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk, 'utf8');
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    if (drained) await drained;
    drained = z.write(bytes) ? null : new Promise<void>((resolve) => z.once('drain', resolve));
  }
  z.end();
  await ended;
  return { name, deflated: Buffer.concat(out), crc, size };
}

/** A zip of entries already deflated, each with the CRC and size its headers declare (the one
 * place headers are written; test fixtures give it sizes that lie, as a zip bomb's do). */
export function zipOfDeflated(entries: { name: string; deflated: Buffer; crc: number; size: number }[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    // Version needed … name length: the same 26 bytes in the local and the central header.
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(20, 0);
    shared.writeUInt16LE(/[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0, 2);
    shared.writeUInt16LE(8, 4);
    shared.writeUInt16LE(0, 6);
    shared.writeUInt16LE(PINNED_DATE, 8);
    shared.writeUInt32LE(e.crc, 10);
    shared.writeUInt32LE(e.deflated.length, 14);
    shared.writeUInt32LE(e.size, 18);
    shared.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared.copy(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    shared.copy(central, 6);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
