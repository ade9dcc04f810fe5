/** Bengali ↔ ASCII digits. The ten Bengali digits are a fixed block of Unicode (U+09E6–U+09EF);
 * a test checks them against Intl's Bengali number format, which display (`formatNumber`) uses.
 * Asking Intl for them when the module loads cost every worker thread ~15 ms of locale data. */

export const BENGALI_DIGITS = '০১২৩৪৫৬৭৮৯';
const ZERO_BN = BENGALI_DIGITS.charCodeAt(0);

const ASCII_DIGITS = '0123456789';

/** `text` with each digit of the block starting at `zero` replaced by its own in `digits`; one
 * pass, no regular expression (header and row checks read most cells' digits, every problem
 * message writes them), and the text itself when it has none. */
function swapDigits(text: string, zero: number, digits: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - zero;
    if (d >= 0 && d <= 9) {
      out += text.slice(from, i) + digits[d];
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Replaces every Bengali digit with its ASCII digit; everything else is kept. */
export function toAsciiDigits(text: string): string {
  return swapDigits(text, ZERO_BN, ASCII_DIGITS);
}

/** Replaces every ASCII digit with its Bengali digit; everything else is kept. */
export function toBengaliDigits(text: string): string {
  return swapDigits(text, 48, BENGALI_DIGITS);
}

export function hasBengaliDigit(text: string): boolean {
  return /[০-৯]/.test(text);
}

let bnNumber: Intl.NumberFormat | null = null;
let enNumber: Intl.NumberFormat | null = null;

/** A number for display, rounded to 2 decimals the way results are published; Bengali digits
 * and Indian grouping (১২,৩৪,৫৬৭.৮৯) for 'bn'. */
export function formatNumber(value: number, language: 'bn' | 'en' = 'en'): string {
  if (language === 'bn') {
    try {
      bnNumber ??= new Intl.NumberFormat('bn-BD', { maximumFractionDigits: 2 });
      const s = bnNumber.format(value);
      return /[0-9]/.test(s) ? toBengaliDigits(s) : s;
    } catch {
      return toBengaliDigits(formatNumber(value, 'en'));
    }
  }
  enNumber ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return enNumber.format(value);
}
