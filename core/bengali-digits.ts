/** Bengali ↔ ASCII digits. Bengali digits come from Intl where the runtime has Bengali locale
 * data (Node, browsers); the constant is the same ten characters for runtimes without it. */

const BENGALI_FALLBACK = '০১২৩৪৫৬৭৮৯';

function bengaliDigitsFromIntl(): string {
  try {
    const f = new Intl.NumberFormat('bn-BD', { useGrouping: false });
    const s = Array.from({ length: 10 }, (_, d) => f.format(d)).join('');
    return s === BENGALI_FALLBACK ? s : BENGALI_FALLBACK;
  } catch {
    return BENGALI_FALLBACK;
  }
}

export const BENGALI_DIGITS = bengaliDigitsFromIntl();
const ZERO_BN = BENGALI_DIGITS.charCodeAt(0);

const BENGALI_DIGIT = /[০-৯]/g;

/** Replaces every Bengali digit with its ASCII digit; everything else is kept. */
export function toAsciiDigits(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= ZERO_BN && code <= ZERO_BN + 9) {
      return text.replace(BENGALI_DIGIT, (d) => String.fromCharCode(48 + d.charCodeAt(0) - ZERO_BN));
    }
  }
  return text;
}

/** Replaces every ASCII digit with its Bengali digit. */
export function toBengaliDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => BENGALI_DIGITS[Number(d)]);
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
