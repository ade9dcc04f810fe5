import type { MergeArea } from './grid';

/**
 * Which merged area covers a cell. A merge is a rectangle, never a filled grid: the index holds
 * each merge in a few nodes of a segment tree over the rows (O(n log n) entries for n merges),
 * never once per cell or per row it covers, so a merge over a whole sheet (`A1:XFD1048576`)
 * costs what a small one costs. A look-up walks one root-to-leaf path and binary-searches each
 * node's merges by their left column: merges that cover all of a node's rows and do not overlap
 * cannot share a column, so each node's list is ordered by it.
 *
 * Overlapping merges (a damaged file) are not an error: a look-up then names one of them.
 */
export class MergeIndex {
  /** Row boundaries: leaf i covers rows [bounds[i], bounds[i + 1]). */
  private readonly bounds: number[];
  private readonly size: number;
  /** Per tree node: its merges sorted by left column (none: undefined), and 1 + their greatest
   * right column. */
  private readonly nodes: (MergeArea[] | undefined)[];
  private readonly ends: Int32Array;
  readonly count: number;

  /** `rows`: the number of rows the grid holds; merges are clipped to them. */
  constructor(merges: readonly MergeArea[], rows: number) {
    const kept: MergeArea[] = [];
    for (const m of merges) {
      if (!(m.top <= m.bottom && m.left <= m.right) || m.top >= rows || m.bottom < 0 || m.right < 0) continue;
      if (m.top === m.bottom && m.left === m.right) continue; // one cell is no merge
      kept.push(m);
    }
    this.count = kept.length;
    const cut = new Set<number>();
    for (const m of kept) {
      cut.add(Math.max(0, m.top));
      cut.add(Math.min(rows, m.bottom + 1));
    }
    this.bounds = [...cut].sort((a, b) => a - b);
    const leaves = Math.max(1, this.bounds.length - 1);
    let size = 1;
    while (size < leaves) size *= 2;
    this.size = size;
    this.nodes = new Array(2 * size);
    this.ends = new Int32Array(2 * size);
    for (const m of kept) {
      let lo = this.leafOf(Math.max(0, m.top)) + size;
      let hi = this.leafOf(Math.min(rows, m.bottom + 1) - 1) + size + 1;
      while (lo < hi) {
        if (lo & 1) this.add(lo++, m);
        if (hi & 1) this.add(--hi, m);
        lo >>= 1;
        hi >>= 1;
      }
    }
    for (const list of this.nodes) if (list && list.length > 1) list.sort((a, b) => a.left - b.left);
  }

  private add(node: number, m: MergeArea): void {
    (this.nodes[node] ??= []).push(m);
    if (m.right + 1 > this.ends[node]) this.ends[node] = m.right + 1;
  }

  /** The leaf whose rows hold row r (r within the bounds). */
  private leafOf(r: number): number {
    let lo = 0;
    let hi = this.bounds.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.bounds[mid] <= r) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private inside(r: number): boolean {
    return this.count > 0 && r >= this.bounds[0] && r < this.bounds[this.bounds.length - 1];
  }

  /** The merge that covers (r, c), or undefined. */
  at(r: number, c: number): MergeArea | undefined {
    if (!this.inside(r)) return undefined;
    for (let node = this.leafOf(r) + this.size; node >= 1; node >>= 1) {
      const list = this.nodes[node];
      if (list === undefined || this.ends[node] <= c) continue;
      let lo = 0;
      let hi = list.length - 1;
      if (list[0].left > c) continue;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (list[mid].left <= c) lo = mid;
        else hi = mid - 1;
      }
      if (c <= list[lo].right) return list[lo];
    }
    return undefined;
  }

  /** The merge that covers (r, c), or else the first merge to its right on row r. */
  firstFrom(r: number, c: number): MergeArea | undefined {
    if (!this.inside(r)) return undefined;
    let next: MergeArea | undefined;
    for (let node = this.leafOf(r) + this.size; node >= 1; node >>= 1) {
      const list = this.nodes[node];
      if (list === undefined || this.ends[node] <= c) continue;
      // The first merge of this node that ends at or after c (lists are ordered by left, and
      // their merges do not overlap, so also by right).
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].right < c) lo = mid + 1;
        else hi = mid;
      }
      if (lo === list.length) continue;
      const m = list[lo];
      if (m.left <= c) return m;
      if (!next || m.left < next.left) next = m;
    }
    return next;
  }

  /** 1 + the greatest column a merge covers on row r (0 when none does). */
  rowEnd(r: number): number {
    if (!this.inside(r)) return 0;
    let end = 0;
    for (let node = this.leafOf(r) + this.size; node >= 1; node >>= 1) if (this.ends[node] > end) end = this.ends[node];
    return end;
  }
}
