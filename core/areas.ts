import { MergeArea, a1, columnIndex, parseA1 } from './grid';

/** Rectangles of sheet cells (0-based, inclusive, sheet coordinates) and their A1 text: what every
 * spec names cells with, and what every host turns into its own ranges. */
export type Rect = MergeArea;

/** `C5` or `C5:M40`. */
export function rectA1(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/** `Sheet1!A1:B2`, `'My ''sheet'''!A1`, `$A$1:$B$2` → the sheet (when named) and the area. */
export function parseArea(address: string): (Rect & { sheet?: string }) | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/.exec(address.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const r1 = Number(m[4]) - 1;
  const c1 = columnIndex(m[3]);
  const r2 = m[6] !== undefined ? Number(m[6]) - 1 : r1;
  const c2 = m[5] !== undefined ? columnIndex(m[5]) : c1;
  return { sheet, top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** A multi-area address (`Sheet1!A1:B2, Sheet1!D4`, or with `;`) → its areas' addresses, minding
 * quoted sheet names that hold commas. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if ((ch === ',' || ch === ';') && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function rectContains(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

export function inRect(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export const cellCount = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Cells as `A1` addresses → the fewest areas of vertical runs, one column at a time (what a
 * conditional format or a range list is given). */
export function compactAreas(cells: string[]): Rect[] {
  const points = cells
    .map((c) => parseA1(c))
    .filter((p): p is { row: number; col: number } => p !== null)
    .sort((x, y) => x.col - y.col || x.row - y.row);
  const out: Rect[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.left === p.col && last.bottom + 1 === p.row) last.bottom = p.row;
    else if (!(last && last.left === p.col && last.top <= p.row && last.bottom >= p.row)) out.push({ top: p.row, left: p.col, bottom: p.row, right: p.col });
  }
  return out;
}

/** The style runs of a matrix: for each distinct value, rectangles covering exactly the cells that
 * hold it (runs along a row, stacked where the rows below repeat them). Null and undefined have no run. */
export function styleRuns<T extends string | number | boolean>(matrix: (T | null | undefined)[][], origin = { row: 0, col: 0 }): Map<T, Rect[]> {
  const out = new Map<T, Rect[]>();
  // The open runs of the row above, by "left:right:value", to stack a run that repeats.
  let above = new Map<string, Rect>();
  matrix.forEach((row, r) => {
    const here = new Map<string, Rect>();
    let c = 0;
    while (c < row.length) {
      const v = row[c];
      if (v === null || v === undefined) {
        c++;
        continue;
      }
      let e = c;
      while (e + 1 < row.length && row[e + 1] === v) e++;
      const key = `${c}:${e}:${String(v)}`;
      const open = above.get(key);
      if (open && open.bottom === origin.row + r - 1) {
        open.bottom++;
        here.set(key, open);
      } else {
        const run = { top: origin.row + r, left: origin.col + c, bottom: origin.row + r, right: origin.col + e };
        const list = out.get(v);
        if (list) list.push(run);
        else out.set(v, [run]);
        here.set(key, run);
      }
      c = e + 1;
    }
    above = here;
  });
  return out;
}
