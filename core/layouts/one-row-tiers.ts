import { tierColumns, tieredLayout } from './table-layout';

/** Each tier's name and percent in one cell of a single header row (`অসাধারণ ১০০%`), with or
 * without a `লক্ষ্যমাত্রা` cell spanning the tiers above them; there is no percent row. */
export const oneRowTiers = tieredLayout('one-row-tiers', (header) => {
  const tiers = tierColumns(header);
  return tiers.length >= 2 && tiers.every((c) => c.percentInName);
});
