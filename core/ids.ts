import { toAsciiDigits } from './bengali-digits';
import { cleanText } from './text';

/** An id typed at the start of an area, activity or indicator cell: `[১.১.১] name`,
 * `১.১.১ name`, `[1.2.১]` (mixed digits). */
export interface ParsedId {
  /** ASCII digits joined by dots, no brackets: `1.1.1`; empty when the text has no id. */
  id: string;
  /** How many numbers the id has (area 1, activity 2, indicator 3). */
  depth: number;
  /** The text after the id. */
  name: string;
  /** Further ids typed in the same cell (`[১.৪.১] … [১.৪.২] …`). */
  others: string[];
}

const INNER_ID = /[[({]\s*(\d+(?:\s*\.\s*\d+)+)\s*[\])}]/g;

const ZERO_BN = 0x09e6;
const isOpen = (c: number) => c === 91 || c === 40 || c === 123; // [ ( {
const isClose = (c: number) => c === 93 || c === 41 || c === 125; // ] ) }
const isSpace = (c: number) => c === 32;
/** 0–9 for an ASCII or Bengali digit, else -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= ZERO_BN && c <= ZERO_BN + 9) return c - ZERO_BN;
  return -1;
}

/**
 * The id at the start of a cell's text, read by hand because this runs for every row:
 * `[১.১.১] name` (spaces allowed inside brackets, any of [] () {}), or an unbracketed
 * `১.১.১ name` / `১.১.১. name` / `1) name` whose id is followed by a space, `)`, `:`, `-` or the end.
 * A word that starts with a digit (`৪র্থ শিল্প বিপ্লব`) has no id.
 */
export function parseId(text: string): ParsedId {
  return parseCleanId(cleanText(text));
}

/** `parseId` of text already cleaned (`cleanText`), as the layout reader's cells are. */
export function parseCleanId(clean: string): ParsedId {
  const n = clean.length;
  const bracketed = n > 0 && isOpen(clean.charCodeAt(0));
  let i = bracketed ? 1 : 0;
  if (bracketed) while (i < n && isSpace(clean.charCodeAt(i))) i++;
  let id = '';
  let depth = 0;
  // The id is copied out of the text as one slice when it is typed as ASCII digits and dots;
  // otherwise it is built digit by digit.
  const idStart = i;
  let plain = true;
  for (;;) {
    const first = i;
    for (; i < n; i++) {
      const d = digitAt(clean, i);
      if (d < 0) break;
      if (plain && clean.charCodeAt(i) > 57) {
        plain = false;
        id = toAsciiDigits(clean.slice(idStart, i));
      }
      if (!plain) id += String.fromCharCode(48 + d);
    }
    if (i === first) return noId(clean); // a number was expected
    depth++;
    // Another part: `.` then digits (inside brackets, spaces may surround the dot).
    let j = i;
    if (bracketed) while (j < n && isSpace(clean.charCodeAt(j))) j++;
    if (j < n && clean.charCodeAt(j) === 46) {
      let k = j + 1;
      if (bracketed) while (k < n && isSpace(clean.charCodeAt(k))) k++;
      if (k < n && digitAt(clean, k) >= 0) {
        if (plain && k !== i + 1) {
          plain = false;
          id = toAsciiDigits(clean.slice(idStart, i));
        }
        if (!plain) id += '.';
        i = k;
        continue;
      }
    }
    break;
  }
  if (plain) id = clean.slice(idStart, i);
  if (bracketed) {
    while (i < n && isSpace(clean.charCodeAt(i))) i++;
    if (i < n && clean.charCodeAt(i) === 46) i++;
    while (i < n && isSpace(clean.charCodeAt(i))) i++;
    if (i >= n || !isClose(clean.charCodeAt(i))) return noId(clean);
    i++;
    while (i < n && isSpace(clean.charCodeAt(i))) i++;
    const c = clean.charCodeAt(i);
    if (c === 46 || c === 58 || c === 45) i++; // . : -
  } else {
    if (i < n && clean.charCodeAt(i) === 46) i++;
    if (i < n) {
      const c = clean.charCodeAt(i);
      if (isSpace(c)) while (i < n && isSpace(clean.charCodeAt(i))) i++;
      else if (c === 41 || c === 58 || c === 45) i++; // ) : -
      else return noId(clean); // `৪র্থ`: digits run into a word
    }
  }
  const name = clean.slice(i).trim();
  return { id, depth, name, others: innerIds(name) };
}

function noId(clean: string): ParsedId {
  return { id: '', depth: 0, name: clean, others: innerIds(clean) };
}

const NONE: string[] = [];

function innerIds(text: string): string[] {
  let open = false;
  for (let i = 0; i < text.length && !open; i++) open = isOpen(text.charCodeAt(i));
  if (!open) return NONE;
  const out: string[] = [];
  for (const m of toAsciiDigits(text).matchAll(INNER_ID)) out.push(m[1].replace(/\s+/g, ''));
  return out;
}
