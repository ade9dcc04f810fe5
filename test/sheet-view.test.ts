/**
 * The grid as the reader sees it is bounded by the cells a sheet holds, never by its coordinates
 * or its merges' areas (issue 12; SCORING.md §1 reads merged cells): merges are rectangles in an
 * index, and the index answers as a plain search over the rectangles does, for any set of them.
 */
import fc from 'fast-check';
import { CellValue, Grid, MergeArea } from '../core/grid';
import { readPlan } from '../core/layout';
import { MergeIndex } from '../core/merge-index';
import { planIndicators } from '../core/plan';
import { scorePlan } from '../core/score';
import { SheetView } from '../core/sheet-view';
import { fiveTierGrid } from './helpers';

/** Rectangles placed at random, each kept only if it overlaps none kept before (a sheet's merges). */
const mergesArb = fc.array(fc.tuple(fc.nat(40), fc.nat(20), fc.nat(6), fc.nat(6)), { maxLength: 40 }).map((rects) => {
  const kept: MergeArea[] = [];
  for (const [top, left, h, w] of rects) {
    const m = { top, left, bottom: top + h, right: left + w };
    if (h === 0 && w === 0) continue;
    if (kept.some((k) => k.top <= m.bottom && m.top <= k.bottom && k.left <= m.right && m.left <= k.right)) continue;
    kept.push(m);
  }
  return kept;
});

const covering = (merges: MergeArea[], rows: number, r: number, c: number) => merges.find((m) => m.top < rows && r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);

describe('§1 merged cells: a merge is a rectangle, looked up in an index, never a filled grid', () => {
  test('the index finds the merge over any cell, the next one to its right, and a row\'s extent, as a search over the rectangles does', () => {
    fc.assert(
      fc.property(mergesArb, fc.integer({ min: 1, max: 50 }), (merges, rows) => {
        const index = new MergeIndex(merges, rows);
        const wrong: string[] = [];
        for (let r = 0; r < rows; r++) {
          let end = 0;
          for (const m of merges) if (m.top < rows && r >= m.top && r <= m.bottom) end = Math.max(end, m.right + 1);
          if (index.rowEnd(r) !== end) wrong.push(`rowEnd(${r})`);
          for (let c = 0; c < 30; c++) {
            const over = covering(merges, rows, r, c);
            if (index.at(r, c) !== over) wrong.push(`at(${r}, ${c})`);
            const next = over ?? merges.filter((m) => m.top < rows && r >= m.top && r <= m.bottom && m.left > c).sort((a, b) => a.left - b.left)[0];
            if (index.firstFrom(r, c) !== next) wrong.push(`firstFrom(${r}, ${c})`);
          }
        }
        expect(wrong.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('a row is visited cell by cell as it shows: its own cells, and each merge over it once', () => {
    fc.assert(
      fc.property(mergesArb, fc.array(fc.array(fc.constantFrom<CellValue>(null, 'x', 3), { maxLength: 25 }), { minLength: 1, maxLength: 45 }), (merges, values) => {
        const rows = values.length;
        const view = new SheetView({ sheet: 'S', values, merges });
        for (let r = 0; r < rows; r++) {
          const seen: number[] = [];
          view.forEachVisible(r, (c) => void seen.push(c));
          const expected: number[] = [];
          let end = values[r].length;
          for (const m of merges) if (m.top < rows && r >= m.top && r <= m.bottom) end = Math.max(end, m.right + 1);
          for (let c = 0; c < end; c++) {
            const m = covering(merges, rows, r, c);
            if (m && c !== m.left) continue;
            const v = m ? values[m.top]?.[m.left] : values[r][c];
            if (v !== null && v !== undefined && v !== '') expected.push(c);
          }
          if (seen.join() !== expected.join()) expect([r, seen]).toEqual([r, expected]);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a merge over the whole sheet (A1:XFD1048576) and a cell far to the right cost what small ones cost: the table under them is read', () => {
    const g = fiveTierGrid([
      { id: '1.1.1', targets: ['৪', '৩', '২', '১', '-'], achievement: '৩' },
      { id: '1.1.2', targets: ['৪', '৩', '২', '১', '-'], achievement: '২' },
    ]);
    const farRow: CellValue[] = new Array(16_384).fill(null);
    farRow[16_383] = 'XFD';
    const wide: Grid = {
      ...g,
      values: [...g.values, ...Array.from({ length: 5_000 }, (_, i) => (i === 0 ? farRow : [null]))],
      merges: [...g.merges!, { top: g.values.length + 1, left: 0, bottom: 1_048_575, right: 16_383 }],
    };
    const out = readPlan(wide);
    expect(out.kind).toBe('plan');
    if (out.kind !== 'plan') return;
    expect(scorePlan(out.plan).indicators.map((s) => [s.indicator.id, s.raw])).toEqual([
      ['1.1.1', 90],
      ['1.1.2', 80],
    ]);
    expect(planIndicators(out.plan)).toHaveLength(2);
    // The index holds each merge a few times, not once per row or cell it covers.
    const index = new MergeIndex(wide.merges!, wide.values.length);
    expect(index.count).toBe(wide.merges!.length);
    expect(index.rowEnd(wide.values.length - 1)).toBe(16_384);
    expect(index.at(1_000, 9_999)).toBe(wide.merges![wide.merges!.length - 1]);
  });
});
