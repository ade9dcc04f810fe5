import type { SheetView } from '../sheet-view';
import type { Column, TableHeader } from '../table-header';
import { DEFAULT_TIER_PERCENT, Layout, Tier } from '../tiers';

/**
 * One table layout (SCORING.md §1): how it recognises itself from the header (and, where the
 * header cannot tell, the first rows), which columns hold its targets, which row starts an
 * indicator and which cells hold that indicator's targets and achievements. `readPlan` does the
 * rest the same for every layout (ids, areas, units, weights, remarks, evidence). Adding a layout
 * is adding one module here and naming it in `index.ts`.
 */
export interface TableLayout {
  readonly name: Layout;
  recognises(header: TableHeader, view: SheetView): boolean;
  /** The target columns, best tier first, with each tier's percent. */
  targetColumns(header: TableHeader): TargetColumn[];
  /** Whether row r (not a header, caption, subtotal or page-number row) starts an indicator. */
  startsIndicator(table: TableContext, r: number, hasOwnId: boolean): boolean;
  /** The cells of the indicator that starts at row r. */
  cellsOf(table: TableContext, r: number): IndicatorCells;
}

export interface TargetColumn {
  col: number;
  tier: Tier;
  percent: number;
}

export interface TableContext {
  view: SheetView;
  header: TableHeader;
  targets: TargetColumn[];
  /** This year's achievement columns (right of the targets), quarters and totals among them. */
  achievements: Column[];
  weightCol: number;
  indicatorCol: number;
}

export interface CellAt {
  row: number;
  col: number;
}

export interface IndicatorCells {
  /** The last grid row the indicator takes (a row pair takes two). */
  lastRow: number;
  targets: (CellAt & { tier: Tier; percent: number })[];
  achievements: (CellAt & { quarter?: number; cumulative: boolean })[];
}

export const tierColumns = (header: TableHeader): Column[] => header.columns.filter((c) => c.role === 'tier');
export const firstOf = (header: TableHeader, role: Column['role']): number => header.columns.find((c) => c.role === role)?.col ?? -1;

/** Tier columns with their percents: the sheet's (percent row or the tier's own cell), else the
 * defaults (SCORING.md §2; a 3-tier sheet is 100/80/60). */
export function tiersOf(header: TableHeader): TargetColumn[] {
  const tiers = tierColumns(header);
  const threeTier = tiers.length === 3;
  return tiers.map((c) => ({
    col: c.col,
    tier: c.tier!,
    percent: c.percent ?? (threeTier && c.tier === 'fair' ? 60 : DEFAULT_TIER_PERCENT[c.tier!]),
  }));
}

/** A row of its own starts an indicator when it has an id, a weight or a target of its own. */
export function startsWithItsOwnData(t: TableContext, r: number, hasOwnId: boolean): boolean {
  if (hasOwnId) return true;
  if (t.weightCol >= 0 && t.view.hasOwnText(r, t.weightCol)) return true;
  for (const target of t.targets) if (t.view.hasOwnText(r, target.col)) return true;
  return false;
}

/** Targets and achievements on the indicator's own row. */
export function cellsOnTheRow(t: TableContext, r: number): IndicatorCells {
  return {
    lastRow: r,
    targets: t.targets.map((c) => ({ row: r, col: c.col, tier: c.tier, percent: c.percent })),
    achievements: t.achievements.map((c) => ({ row: r, col: c.col, quarter: c.quarter, cumulative: c.cumulative ?? c.quarter === undefined })),
  };
}

/** The tiered layouts read a row the same way; they differ in how they are recognised. */
export function tieredLayout(name: Layout, recognises: TableLayout['recognises']): TableLayout {
  return {
    name,
    recognises,
    targetColumns: tiersOf,
    startsIndicator: startsWithItsOwnData,
    cellsOf: cellsOnTheRow,
  };
}
