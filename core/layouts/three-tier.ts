import { tierColumns, tieredLayout } from './table-layout';

/** Three tiers (`000_…`, 2021-22 and earlier): অসাধারণ, উত্তম, চলতি মান = `১০০% ৮০% ৬০%` (fewer
 * named tiers read the same). */
export const threeTier = tieredLayout('three-tier', (header) => {
  const n = tierColumns(header).length;
  return n >= 1 && n <= 3;
});
