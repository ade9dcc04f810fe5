import { Rect, compactAreas, rectContains, rectsIntersect, styleRuns } from './areas';
import { parseA1 } from './grid';
import { HighlightKey, LEGEND_ORDER, PALETTE, highlightSpec } from './highlight';
import { Language, message } from './messages';
import type { CommandResult } from './operations';
import { LEGEND_ROWS, OwnedLegend, cfFormula, legendLabel, legendTitle } from './ownership';
import type { SpecCell } from './report';
import type { PlanScore } from './score';

/**
 * "Highlight tiers" as the hosts apply it (SCORING.md §6): one conditional-format rule per tier
 * reached, with its colours and the areas it colours; the legend as cells; and the areas whose edits
 * can change a tier, which a host watches to colour again.
 */
export interface HighlightRule {
  key: HighlightKey;
  /** An always-true custom formula that marks the rule as APA Sheets' (ownership.ts). */
  formula: string;
  fill: string;
  font: string;
  areas: Rect[];
}

export interface HighlightPlan {
  /** In legend order; only the tiers some cell reached. */
  rules: HighlightRule[];
  /** Cells coloured. */
  cells: number;
  /** The areas of every target and achievement cell: an edit elsewhere cannot change a tier. */
  watch: Rect[];
}

/** The cells' rectangle cover: as few rectangles as runs along rows, stacked, allow. */
export function coverAreas(cells: string[]): Rect[] {
  const points = cells.map((c) => parseA1(c)).filter((p): p is { row: number; col: number } => p !== null);
  if (!points.length) return [];
  const top = Math.min(...points.map((p) => p.row));
  const left = Math.min(...points.map((p) => p.col));
  const matrix: (true | null)[][] = [];
  for (const p of points) (matrix[p.row - top] ??= [])[p.col - left] = true;
  for (let r = 0; r < matrix.length; r++) matrix[r] ??= [];
  return styleRuns(matrix, { row: top, col: left }).get(true) ?? [];
}

export function highlightPlan(result: PlanScore): HighlightPlan {
  const byKey = new Map<HighlightKey, string[]>();
  const spec = highlightSpec(result);
  for (const h of spec) byKey.set(h.key, [...(byKey.get(h.key) ?? []), h.cell]);
  const rules = LEGEND_ORDER.filter((k) => byKey.has(k)).map((key) => ({ key, formula: cfFormula(key), fill: PALETTE[key].fill, font: PALETTE[key].font, areas: compactAreas(byKey.get(key)!) }));
  const watched = result.indicators.flatMap((s) => [...s.achievementCells, ...s.indicator.targets.map((t) => t.cell), ...s.indicator.achievements.map((x) => x.cell)]);
  return { rules, cells: spec.length, watch: coverAreas(watched) };
}

/** The legend's place: the block's legend column, from the header row down. */
export const legendAt = (col: number, top: number): OwnedLegend => ({ col, top, bottom: top + LEGEND_ROWS - 1 });

/** The legend as one column of cells, in the user's language (none: both, as the first versions
 * wrote it): its title in bold, then each palette entry in its colours. */
export function legendCells(language?: Language): SpecCell[][] {
  return [[{ v: legendTitle(language), bold: true }], ...LEGEND_ORDER.map((k) => [{ v: legendLabel(k, language), fill: PALETTE[k].fill, font: PALETTE[k].font }])];
}

/** Whether an edit (its areas) can change a highlighted sheet's tiers: not when it lies wholly in
 * APA Sheets' own cells, nor — once the watched areas are known — when it touches none of them. */
export function editCanChangeTiers(edited: Rect[], owned: Rect[], watch: Rect[] | undefined): boolean {
  const outside = edited.filter((r) => !owned.some((o) => rectContains(o, r)));
  if (!outside.length) return false;
  return !watch || outside.some((r) => watch.some((w) => rectsIntersect(r, w)));
}

/** What "Highlight tiers" answers. */
export function highlighted(sheet: string, plan: HighlightPlan): CommandResult {
  return { ok: true, message: message('wb.highlighted', { sheet, count: plan.cells }), changed: plan.cells };
}
