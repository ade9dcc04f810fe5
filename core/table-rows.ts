import { toAsciiDigits } from './bengali-digits';
import type { SheetView } from './sheet-view';
import { compactOfClean, nfcRegExp } from './text';

/** Rows of a table that are not indicators (SCORING.md §1): a row of column numbers (`১ ২ ৩ …`),
 * page numbers, subtotal rows (`উপমোট`, `মোট`). Each looks only at the row's own cells. */

const SUBTOTAL = nfcRegExp('^(উপমোট|উপ-মোট|মোট|সর্বমোট|সর্বমোটমান|subtotal|sub-total|total|grandtotal)[:ঃ]?$');

/** `১ ২ ৩ …` (or starting at ২ or ৩ when the first columns are merged away), three or more, each
 * the one before it plus one — a number typed twice or skipped once (`… ১০ ১১ ১১`) still makes
 * the row one of column numbers, not the table's data. */
export function isColumnNumberRow(view: SheetView, r: number): boolean {
  let previous = 0;
  let count = 0;
  let steps = 0;
  let ok = true;
  view.forEachOwn(r, (_c, t) => {
    const text = toAsciiDigits(t).replace(/\.$/, '');
    if (!/^\d{1,2}$/.test(text)) return !(ok = false);
    const n = Number(text);
    if (count === 0) {
      if (n < 1 || n > 3) return !(ok = false);
    } else {
      if (n < previous || n > previous + 2) return !(ok = false);
      if (n === previous + 1) steps++;
    }
    previous = n;
    count++;
  });
  return ok && count >= 3 && steps >= count - 2;
}

/** One number alone on its row: a page number. */
export function isPageNumberRow(view: SheetView, r: number): boolean {
  let seen = 0;
  let ok = true;
  view.forEachOwn(r, (_c, t) => {
    if (++seen > 1 || !/^\d{1,4}$/.test(toAsciiDigits(t))) return !(ok = false);
  });
  return ok && seen === 1;
}

/** `উপমোট`, `মোট`, `Total` in a short cell of its own, and nothing in the indicator cell but that. */
export function isSubtotalRow(view: SheetView, r: number, indicatorOwn: string): boolean {
  if (indicatorOwn && !SUBTOTAL.test(compactOfClean(indicatorOwn))) return false;
  let found = false;
  view.forEachOwn(r, (c, t) => {
    if (t.length < 20 && SUBTOTAL.test(view.compact(r, c))) return (found = true);
  });
  return found;
}
