import { toAsciiDigits } from './bengali-digits';
import type { SheetView } from './sheet-view';
import { compactOfClean, nfcRegExp } from './text';

/** Rows of a table that are not indicators (SCORING.md §1): a row of column numbers (`১ ২ ৩ …`),
 * page numbers, subtotal rows (`উপমোট`, `মোট`). Each looks only at the row's own cells. */

const SUBTOTAL = nfcRegExp('^(উপমোট|উপ-মোট|মোট|সর্বমোট|সর্বমোটমান|subtotal|sub-total|total|grandtotal)[:ঃ]?$');

function isColumnNumber(text: string, expected: number): boolean {
  return toAsciiDigits(text).replace(/\.$/, '') === String(expected);
}

/** `১ ২ ৩ …` (or starting at ২ or ৩ when the first columns are merged away), three or more. */
export function isColumnNumberRow(view: SheetView, r: number): boolean {
  let expected = 0;
  let count = 0;
  let ok = true;
  view.forEachOwn(r, (_c, t) => {
    if (expected === 0) {
      const n = Number(toAsciiDigits(t).replace(/\.$/, ''));
      if (!Number.isInteger(n) || n < 1 || n > 3) return !(ok = false);
      expected = n;
    }
    if (!isColumnNumber(t, expected)) return !(ok = false);
    expected++;
    count++;
  });
  return ok && count >= 3;
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
