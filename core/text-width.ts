/**
 * How wide a text shows in a spreadsheet cell, in the units column widths are given in (the
 * width of one digit of the default font, as ExcelJS and Excel count). Bengali letters are wider
 * than Latin ones and their vowel signs below or above take no room; the second letter of a
 * conjunct (after the hasanta) takes about half of one. An estimate: a report's columns are made
 * wide enough for their text without measuring fonts a host does not tell.
 */

const BENGALI = 1.3;
const LATIN_WIDE = 1.25;

export function textWidth(s: string): number {
  let w = 0;
  let afterHasanta = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0980 && c <= 0x09ff) {
      // Signs that sit above or below a letter: ঁ ় ু ূ ৃ ৄ ্ ৢ ৣ
      if (c === 0x0981 || c === 0x09bc || (c >= 0x09c1 && c <= 0x09c4) || c === 0x09cd || c === 0x09e2 || c === 0x09e3) {
        afterHasanta = c === 0x09cd;
        continue;
      }
      w += afterHasanta ? BENGALI / 2 : BENGALI;
      afterHasanta = false;
      continue;
    }
    afterHasanta = false;
    if (c >= 0x200b && c <= 0x200f) continue;
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a surrogate pair
    if ((c >= 65 && c <= 90) || c === 77 || c === 87 || c === 109 || c === 119) w += LATIN_WIDE;
    else if (c === 105 || c === 108 || c === 46 || c === 44 || c === 39 || c === 124 || c === 33 || c === 58 || c === 59) w += 0.5;
    else if (c === 32) w += 0.6;
    else w += 1;
  }
  return w;
}

/** The widest word of a text (what a wrapped header needs at least). */
export function longestWordWidth(s: string): number {
  let best = 0;
  for (const word of s.split(/\s+/)) best = Math.max(best, textWidth(word));
  return best;
}

/** How many lines a text takes when wrapped at `width`, word by word. */
export function wrappedLines(s: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const w = textWidth(word);
    if (used > 0 && used + 0.6 + w > width) {
      lines++;
      used = w;
    } else used += (used > 0 ? 0.6 : 0) + w;
  }
  return lines;
}
