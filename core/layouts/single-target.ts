import { TableLayout, cellsOnTheRow, firstOf, startsWithItsOwnData, tierColumns } from './table-layout';

/** One annual target (`001_…`): a লক্ষ্যমাত্রা column and an অর্জন column. Its one target is the
 * top tier (100 %); SCORING.md §4 rule 4 scores it. */
export const singleTarget: TableLayout = {
  name: 'single-target',
  recognises: (header) => tierColumns(header).length === 0 && firstOf(header, 'target') >= 0,
  targetColumns: (header) => [{ col: firstOf(header, 'target'), tier: 'excellent', percent: 100 }],
  startsIndicator: startsWithItsOwnData,
  cellsOf: cellsOnTheRow,
};
