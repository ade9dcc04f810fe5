import { message, Bilingual } from './messages';
import { PlanScore, Status, TierReached } from './score';

/** One palette for every output (Excel, Google Sheets, .xlsx files), with its legend. */
export type HighlightKey = TierReached | Exclude<Status, 'scored'>;

export interface Swatch {
  /** Fill and font colours as `#RRGGBB`. */
  fill: string;
  font: string;
  label: Bilingual;
}

export const PALETTE: Record<HighlightKey, Swatch> = {
  excellent: { fill: '#1B7F3B', font: '#FFFFFF', label: message('tier.excellent') },
  'very-good': { fill: '#4CAF50', font: '#FFFFFF', label: message('tier.very-good') },
  good: { fill: '#A5D6A7', font: '#000000', label: message('tier.good') },
  fair: { fill: '#FFE082', font: '#000000', label: message('tier.fair') },
  'below-fair': { fill: '#FFB74D', font: '#000000', label: message('tier.below-fair') },
  'not-achieved': { fill: '#E57373', font: '#000000', label: message('tier.not-achieved') },
  pending: { fill: '#E0E0E0', font: '#000000', label: message('status.pending') },
  'in-words': { fill: '#D7CCC8', font: '#000000', label: message('status.in-words') },
  na: { fill: '#B3E5FC', font: '#000000', label: message('status.na') },
  invalid: { fill: '#CE93D8', font: '#000000', label: message('status.invalid') },
};

export const LEGEND_ORDER: HighlightKey[] = ['excellent', 'very-good', 'good', 'fair', 'below-fair', 'not-achieved', 'pending', 'in-words', 'na', 'invalid'];

export interface HighlightCell {
  /** A1 address within the plan's sheet. */
  cell: string;
  key: HighlightKey;
  fill: string;
  font: string;
}

export function highlightKey(status: Status, tier: TierReached | null): HighlightKey {
  return status === 'scored' ? tier ?? 'not-achieved' : status;
}

/** For each scored cell, the tier reached and its colours; the host paints them. */
export function highlightSpec(result: PlanScore): HighlightCell[] {
  const cells: HighlightCell[] = [];
  for (const s of result.indicators) {
    const key = highlightKey(s.status, s.tier);
    const { fill, font } = PALETTE[key];
    const targets = s.achievementCells.length ? s.achievementCells : [s.indicator.cell];
    for (const cell of targets) cells.push({ cell, key, fill, font });
  }
  return cells;
}
