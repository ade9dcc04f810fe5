import * as zlib from 'zlib';

/** The little of the zip format the CLI needs without ExcelJS: pinning timestamps of a written
 * workbook, and reading one entry of an existing one. */

/** The creator every workbook written here carries (docProps/core.xml). */
export const CREATOR = 'APA Sheets';

/** One entry of a zip file, or null (no such entry, not a zip, damaged). Only what reading
 * `docProps/core.xml` needs: stored or deflated entries found through the central directory. */
export function zipEntry(buf: Buffer, name: string): Buffer | null {
  try {
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const entries = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    for (let e = 0; e < entries && p + 46 <= buf.length; e++) {
      if (buf.readUInt32LE(p) !== 0x02014b50) return null;
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      const entryName = buf.toString('utf8', p + 46, p + 46 + nameLen);
      if (entryName === name) {
        if (buf.readUInt32LE(local) !== 0x04034b50) return null;
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + size);
        if (method === 0) return data;
        if (method === 8) return zlib.inflateRawSync(data);
        return null;
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
    return null;
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

/** Pins the DOS timestamps of every zip entry so that two writes of the same workbook are
 * byte-identical. */
export function pinZipTimestamps(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  const time = 0;
  const date = ((2024 - 1980) << 9) | (1 << 5) | 1; // 2024-01-01
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 65557); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let e = 0; e < entries; e++) {
    if (p + 46 > out.length || out.readUInt32LE(p) !== 0x02014b50) break;
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (local + 30 <= out.length && out.readUInt32LE(local) === 0x04034b50) {
      out.writeUInt16LE(time, local + 10);
      out.writeUInt16LE(date, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

