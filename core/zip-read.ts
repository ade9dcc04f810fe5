/**
 * The little of the zip format a browser needs to take one part out of an Office file (the
 * minutes' `word/document.xml`), without Node: the central directory is read here, and the host
 * inflates the deflated bytes with what its platform has (`DecompressionStream('deflate-raw')` in a
 * browser). Zip64, encryption and other methods are refused with a reason; a part that inflates
 * past `maxBytes` (a zip bomb) stops.
 */
export type Inflate = (raw: Uint8Array, maxBytes: number) => Promise<Uint8Array>;

export class ZipPartError extends Error {
  constructor(readonly reason: 'not-a-zip' | 'no-part' | 'unsupported' | 'too-large', detail: string) {
    super(detail);
  }
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** The names of the entries, with where their data is. */
export function zipDirectory(bytes: Uint8Array): { name: string; method: number; compressed: number; size: number; local: number; flags: number }[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipPartError('not-a-zip', 'no end of central directory');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (at === 0xffffffff || count === 0xffff) throw new ZipPartError('unsupported', 'Zip64');
  const out = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipPartError('not-a-zip', 'damaged central directory');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    out.push({ name, method, compressed, size, local, flags });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

export type ZipDirectoryEntry = ReturnType<typeof zipDirectory>[number];

/** One part's bytes, inflated by `inflate`. */
export async function zipPart(bytes: Uint8Array, name: string, inflate: Inflate, maxBytes = 64 * 1024 * 1024): Promise<Uint8Array> {
  const entry = zipDirectory(bytes).find((e) => e.name === name);
  if (!entry) throw new ZipPartError('no-part', name);
  return zipEntryBytes(bytes, entry, inflate, maxBytes);
}

/** An entry's bytes (of `zipDirectory`'s), inflated by `inflate`. */
export async function zipEntryBytes(bytes: Uint8Array, entry: ZipDirectoryEntry, inflate: Inflate, maxBytes = 64 * 1024 * 1024): Promise<Uint8Array> {
  if (entry.flags & 1) throw new ZipPartError('unsupported', 'encrypted');
  if (entry.size > maxBytes) throw new ZipPartError('too-large', `${entry.size} bytes`);
  const l = entry.local;
  if (l + 30 > bytes.length || u32(bytes, l) !== 0x04034b50) throw new ZipPartError('not-a-zip', 'damaged local header');
  const start = l + 30 + u16(bytes, l + 26) + u16(bytes, l + 28);
  const raw = bytes.subarray(start, start + entry.compressed);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipPartError('unsupported', `method ${entry.method}`);
  return inflate(raw, maxBytes);
}
