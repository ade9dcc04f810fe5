import { tierColumns, tieredLayout } from './table-layout';

/** Five tiers (`002_…`, `003_…`): অসাধারণ, অতি উত্তম, উত্তম, চলতি মান, চলতি মানের নিম্নে, with a
 * percent row `১০০% ৯০% ৮০% ৭০% ৬০%` under them (or the defaults). Four named tiers read the same. */
export const fiveTier = tieredLayout('five-tier', (header) => tierColumns(header).length >= 4);
