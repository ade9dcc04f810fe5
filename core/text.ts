/** Text normalisation shared by the value parser and the layout reader. */

// Zero-width joiners/non-joiners and BOMs appear in typed Bengali (প্রযোজ্য নয়) and are invisible.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** NFC, invisible characters removed, runs of white space folded to one space, trimmed. */
export function cleanText(text: string): string {
  if (!needsCleaning(text)) return text;
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Most cells need no cleaning, and one pass over the characters is far cheaper than
 * normalising. It answers true (clean it) for every text NFC, the invisible characters or the
 * space rules could change, and for some that they would not: below U+0300 only spaces and
 * controls matter, in the Bengali block only ো/ৌ typed as two marks, ড় ঢ় য় typed as one
 * character (NFC splits them) and marks out of NFC's order; any other script's character sends
 * the text to the full cleaner, which is right by definition (a property test holds the two
 * to each other). Bengali typed as NFC writes it — letter + nukta for য় — needs none. */
export function needsCleaning(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  let prevSpace = true; // a leading space needs trimming
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
      prev = c;
      continue;
    }
    prevSpace = false;
    if (c < 32) return true;
    if (c >= 0x0980 && c <= 0x09ff) {
      if (c === 0x09dc || c === 0x09dd || c === 0x09df) return true;
      // Nukta (class 7) after a virama (9) or sandhi mark (230), virama after a sandhi mark.
      if (c === 0x09bc && (prev === 0x09cd || prev === 0x09fe)) return true;
      if (c === 0x09cd && prev === 0x09fe) return true;
      if ((c === 0x09be || c === 0x09d7) && prev === 0x09c7) return true;
    } else if (c >= 0xa0 && c !== 0x0964 && c !== 0x0965) {
      if (c < 0x0300) {
        if (c === 0xa0 || c === 0xad) return true;
      } else if (!((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e))) return true;
    }
    prev = c;
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
  // Bengali has no case, and lower-casing it still costs a full copy through ICU for every
  // header cell of every sheet: only text with a character that has case is lower-cased.
  let space = false;
  let cased = false;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    if (c === 32) space = true;
    else if (c >= 65 && c <= 90) cased = true;
    else if (c >= 0xc0 && !(c >= 0x0964 && c <= 0x09ff) && !(c >= 0x2000 && c <= 0x206f)) cased = true;
  }
  const joined = space ? clean.replace(/ /g, '') : clean;
  return cased ? joined.toLowerCase() : joined;
}

/** A RegExp whose source is NFC-normalised like the text it is matched against, so that
 * Bengali letters with a nukta (য়, ড়) match however the source file spells them. */
export function nfcRegExp(source: string, flags = ''): RegExp {
  return new RegExp(source.normalize('NFC'), flags);
}

export function nfcSet(items: string[]): Set<string> {
  return new Set(items.map((s) => s.normalize('NFC')));
}
