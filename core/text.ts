/** Text normalisation shared by the value parser and the layout reader. */

// Zero-width joiners/non-joiners and BOMs appear in typed Bengali (প্রযোজ্য নয়) and are invisible.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** NFC, invisible characters removed, runs of white space folded to one space, trimmed. */
export function cleanText(text: string): string {
  if (!needsCleaning(text)) return text;
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Most cells need no cleaning, and one pass over the characters is far cheaper than
 * normalising. NFC changes Bengali only around ো/ৌ (e + a/au length marks) and the nukta
 * letters ড় ঢ় য়. */
export function needsCleaning(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  let prevSpace = true; // a leading space needs trimming
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 32) return true;
    if (c < 0xa0) continue;
    if (c === 0xa0 || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff) return true;
    if (c === 0x09bc || c === 0x09dc || c === 0x09dd || c === 0x09df) return true;
    if (c === 0x09c7 && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d === 0x09be || d === 0x09d7) return true;
    }
  }
  return prevSpace; // a trailing space
}

/** `cleanText` without any white space at all, lower-cased: for matching headers typed with
 * broken words (`ক্র ম`, `মা ন`) or stray spaces. */
export function compactText(text: string): string {
  return compactOfClean(cleanText(text));
}

/** `compactText` of text that `cleanText` has already cleaned. */
export function compactOfClean(clean: string): string {
  return (clean.indexOf(' ') < 0 ? clean : clean.replace(/ /g, '')).toLowerCase();
}

/** A RegExp whose source is NFC-normalised like the text it is matched against, so that
 * Bengali letters with a nukta (য়, ড়) match however the source file spells them. */
export function nfcRegExp(source: string, flags = ''): RegExp {
  return new RegExp(source.normalize('NFC'), flags);
}

export function nfcSet(items: string[]): Set<string> {
  return new Set(items.map((s) => s.normalize('NFC')));
}
