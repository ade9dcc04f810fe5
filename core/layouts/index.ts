import type { SheetView } from '../sheet-view';
import type { TableHeader } from '../table-header';
import { fiveTier } from './five-tier';
import { oneRowTiers } from './one-row-tiers';
import { rowPairs } from './row-pairs';
import { singleTarget } from './single-target';
import type { TableLayout } from './table-layout';
import { threeTier } from './three-tier';

export type { TableLayout, TableContext, TargetColumn, IndicatorCells } from './table-layout';

/** The layouts, asked in this order: the first that recognises the table reads it. */
export const LAYOUT_MODULES: readonly TableLayout[] = [rowPairs, oneRowTiers, fiveTier, threeTier, singleTarget];

export function layoutOf(header: TableHeader, view: SheetView): TableLayout | null {
  return LAYOUT_MODULES.find((l) => l.recognises(header, view)) ?? null;
}
