/**
 * What was read of a package's parts, kept by the parts' stored bytes. A ministry's offices send
 * workbooks made from one template: their styles and workbook parts are byte for byte the same,
 * so each is inflated and read once per thread instead of once per file. A part is taken from
 * memory only when its stored bytes equal those it was read from (never on a checksum alone),
 * and the memory holds a few parts, so a folder of unlike files costs only the comparison.
 */

/** A part as the package stores it: a key that tells parts apart cheaply (its checksum and
 * sizes) and its stored (compressed) bytes, which decide. */
export interface StoredPart {
  key: string;
  bytes: Uint8Array;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class PartMemo<T> {
  private readonly kept = new Map<string, { bytes: Uint8Array; value: T }>();

  /** `limit`: parts kept at most; past it the memory starts again. `largest`: bigger parts are
   * always read (comparing them would cost what reading does). */
  constructor(
    private readonly limit = 16,
    private readonly largest = 64 * 1024,
  ) {}

  /** The value `read` gives for the part `stored` describes: from memory when the same bytes were
   * read before. The value is shared between files: it must never be changed. */
  get(stored: StoredPart | null | undefined, read: () => T): T {
    if (!stored || stored.bytes.length > this.largest) return read();
    const hit = this.kept.get(stored.key);
    if (hit && sameBytes(hit.bytes, stored.bytes)) return hit.value;
    const value = read();
    if (this.kept.size >= this.limit) this.kept.clear();
    // A copy: the file's own buffer is let go with the file.
    this.kept.set(stored.key, { bytes: stored.bytes.slice(), value });
    return value;
  }
}
