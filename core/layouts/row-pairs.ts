import type { SheetView } from '../sheet-view';
import { isAchievementLabel, isTargetLabel, TableHeader } from '../table-header';
import { TableLayout, TableContext, IndicatorCells, firstOf, tiersOf } from './table-layout';

/**
 * Target/achievement row pairs (`003_…`): a column `লক্ষ্যমাত্রা/ অর্জন` says which row of the pair
 * is the target and which the achievement. The achievement sits in the tier columns of the second
 * row (often only in the first of them), or in the sheet's achievement columns of that row (per
 * quarter, §7). A target cell merged down over the achievement row stays a target: only cells of
 * the achievement row's own are its achievement.
 */

const labelCol = (header: TableHeader) => firstOf(header, 'label');
const isTarget = (view: SheetView, r: number, c: number) => isTargetLabel(view, r, c);
const isAchievement = (view: SheetView, r: number, c: number) => isAchievementLabel(view, r, c);

export const rowPairs: TableLayout = {
  name: 'row-pairs',
  // The header has a pair-label column whose rows say লক্ষ্যমাত্রা / অর্জন (table-header.ts settles
  // that from the column's content: the header alone cannot tell it from a `লক্ষ্যমাত্রা/অর্জন`
  // heading over a target and an achievement column, `001_…`).
  recognises: (header) => labelCol(header) >= 0,
  targetColumns(header) {
    const tiers = tiersOf(header);
    if (tiers.length) return tiers;
    const target = firstOf(header, 'target');
    return target >= 0 ? [{ col: target, tier: 'excellent', percent: 100 }] : [];
  },
  startsIndicator: (t, r) => isTarget(t.view, r, labelCol(t.header)),
  cellsOf(t: TableContext, r: number): IndicatorCells {
    const view = t.view;
    const targets = t.targets.map((c) => ({ row: r, col: c.col, tier: c.tier, percent: c.percent }));
    const ar = r + 1 < view.rows && isAchievement(view, r + 1, labelCol(t.header)) ? r + 1 : -1;
    if (ar < 0) return { lastRow: r, targets, achievements: [] };
    if (t.achievements.length) {
      // Achievement columns of the pair's second row: per quarter, or a total (§7).
      const achievements = t.achievements.map((c) => ({ row: ar, col: c.col, quarter: c.quarter, cumulative: c.cumulative ?? c.quarter === undefined }));
      return { lastRow: ar, targets, achievements };
    }
    // In the target columns of the second row: the first one filled, else the first one that
    // is the row's own (a target merged down over it is no achievement).
    const own = t.targets.filter((c) => !view.isCovered(ar, c.col));
    const filled = own.find((c) => view.read(ar, c.col).kind !== 'empty') ?? own[0];
    return { lastRow: ar, targets, achievements: filled ? [{ row: ar, col: filled.col, cumulative: true }] : [] };
  },
};
