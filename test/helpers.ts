import { CellValue, Grid, MergeArea } from '../core/grid';
import { readPlan } from '../core/layout';
import { Indicator, Plan, Target, Tier, DEFAULT_TIER_PERCENT } from '../core/plan';
import { resolveUnit } from '../core/units';
import { coerceToUnit, readCell } from '../core/values';
import { resolveMarkers } from './fixtures/sheet-model';

const FIVE: Tier[] = ['excellent', 'very-good', 'good', 'fair', 'below-fair'];

/** One indicator from cells typed as a sheet holds them: targets best tier first (5, 3 or 1). */
export function indicatorOf(unitText: string, targets: CellValue[], achievement: CellValue, options: { weight?: number; percents?: number[] } = {}): Indicator {
  const tiers: Tier[] = targets.length === 5 ? FIVE : targets.length === 3 ? ['excellent', 'good', 'fair'] : ['excellent'];
  const percents = options.percents ?? (targets.length === 3 ? [100, 80, 60] : tiers.map((t) => DEFAULT_TIER_PERCENT[t]));
  const tgts: Target[] = targets.map((v, i) => ({ tier: tiers[i], percent: percents[i], value: readCell(v), cell: `F${i + 1}` }));
  const { unit } = resolveUnit(unitText, tgts.map((t) => t.value));
  for (const t of tgts) t.value = coerceToUnit(t.value, unit);
  return {
    id: '1.1.1',
    name: 'test',
    unitText,
    unit,
    weight: options.weight ?? 10,
    weightCell: 'E1',
    targets: tgts,
    achievements: [{ value: coerceToUnit(readCell(achievement), unit), cell: 'K1', cumulative: true }],
    remarks: '',
    remarksCell: '',
    remarksSayNa: false,
    evidence: 'not-said',
    evidenceCell: '',
    row: 1,
    cell: 'C1',
    areaId: '1',
    activityId: '1.1',
    activity: '',
  };
}

export interface TableRow {
  id: string;
  unit?: string;
  weight?: CellValue;
  targets: CellValue[];
  achievement?: CellValue;
  remarks?: string;
}

/** A 5-tier (or 3-tier) table the way office 002 types it, starting at row `top` (0-based)
 * under some cover text, as a grid with its header merges. */
export function fiveTierGrid(rows: TableRow[], options: { cover?: string[]; tiers?: 3 | 5; percents?: string[]; achievementHeader?: string; sheet?: string } = {}): Grid {
  const tierCount = options.tiers ?? 5;
  const tierNames = tierCount === 5 ? ['অসাধারণ', 'অতি উত্তম', 'উত্তম', 'চলতি মান', 'চলতি মানের নিম্নে'] : ['অসাধারণ', 'উত্তম', 'চলতি মান'];
  const percents = options.percents ?? (tierCount === 5 ? ['১০০%', '৯০%', '৮০%', '৭০%', '৬০%'] : ['১০০%', '৮০%', '৬০%']);
  const cover = options.cover ?? ['গণপ্রজাতন্ত্রী বাংলাদেশ সরকার', 'পরীক্ষা মন্ত্রণালয়', 'পরীক্ষা অধিদপ্তর', ''];
  const values: CellValue[][] = cover.map((l) => [l]);
  const top = values.length;
  const achCol = 5 + tierCount;
  const pad = (n: number) => new Array(n).fill(null);
  values.push(['ক্রম', 'কার্যক্রম', 'কর্মসম্পাদন সূচক', 'একক', 'কর্মসম্পাদন সূচকের মান', 'লক্ষ্যমাত্রা ২০২৪-২০২৫', ...pad(tierCount - 1), options.achievementHeader ?? 'অর্জন', 'মন্তব্য']);
  values.push([...pad(5), ...tierNames, null, null]);
  values.push([...pad(5), ...percents, null, null]);
  rows.forEach((r, i) => {
    values.push([String(i + 1), `[${r.id.split('.').slice(0, 2).join('.')}] কার্যক্রম`, `[${r.id}] সূচক ${r.id}`, r.unit ?? 'সংখ্যা', r.weight ?? '৫', ...r.targets, r.achievement ?? null, r.remarks ?? null]);
  });
  const merges: MergeArea[] = [0, 1, 2, 3, 4, achCol, achCol + 1].map((c) => ({ top, left: c, bottom: top + 2, right: c }));
  merges.push({ top, left: 5, bottom: top, right: 4 + tierCount });
  return { sheet: options.sheet ?? 'Sheet1', values, merges };
}

export function planOf(grid: Grid): Plan {
  const out = readPlan(grid);
  if (out.kind !== 'plan') throw new Error(`not a plan: ${JSON.stringify(out.problems)}`);
  return out.plan;
}

/** A table written as offices type it, row by row, with the fixture writer's merge markers
 * (`^` covered by the cell above, `<` by the cell to the left), under some cover lines: the grid
 * a host would hand over (0-based merges). */
export function markedGrid(rows: MarkedRow[], options: { cover?: string[]; sheet?: string; file?: string; formats?: Record<string, string> } = {}): Grid {
  const cover = options.cover ?? ['গণপ্রজাতন্ত্রী বাংলাদেশ সরকার', 'পরীক্ষা মন্ত্রণালয়', 'পরীক্ষা অধিদপ্তর', ''];
  const width = Math.max(...rows.map((r) => r.length));
  const { cells, merges } = resolveMarkers(rows.map((r) => r.map((c) => (c instanceof Date || typeof c === 'number' ? { v: c } : c))), width);
  const values: CellValue[][] = cover.map((l) => [l === '' ? null : l]);
  const top = values.length;
  for (const row of cells) values.push(row.map((c) => (c ? (c.value as CellValue) : null)));
  const grid: Grid = {
    sheet: options.sheet ?? 'Sheet1',
    values,
    merges: merges.map((m) => ({ top: m.top + top, left: m.left, bottom: m.bottom + top, right: m.right })),
  };
  if (options.file) grid.file = options.file;
  return grid;
}
export type MarkedRow = (string | number | Date | null)[];
