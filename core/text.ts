/** Text normalisation shared by the value parser and the layout reader. */

// Zero-width joiners/non-joiners and BOMs appear in typed Bengali (প্রযোজ্য নয়) and are invisible.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** NFC, invisible characters removed, runs of white space folded to one space, trimmed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** `cleanText` without any white space at all, lower-cased: for matching headers typed with
 * broken words (`ক্র ম`, `মা ন`) or stray spaces. */
export function compactText(text: string): string {
  return cleanText(text).replace(/\s+/g, '').toLowerCase();
}

/** A RegExp whose source is NFC-normalised like the text it is matched against, so that
 * Bengali letters with a nukta (য়, ড়) match however the source file spells them. */
export function nfcRegExp(source: string, flags = ''): RegExp {
  return new RegExp(source.normalize('NFC'), flags);
}

export function nfcSet(items: string[]): Set<string> {
  return new Set(items.map((s) => s.normalize('NFC')));
}
