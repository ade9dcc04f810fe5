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

const LEADING_ID = /^[[({]\s*(\d+(?:\s*\.\s*\d+)*)\s*\.?\s*[\])}]\s*[.:-]?\s*|^(\d+(?:\.\d+)*)\.?(?:\s+|\s*[):-]\s*|$)/;
const INNER_ID = /[[({]\s*(\d+(?:\s*\.\s*\d+)+)\s*[\])}]/g;

export function parseId(text: string): ParsedId {
  const clean = cleanText(text);
  // Ids sit at the start: only the head needs its digits converted.
  const ascii = toAsciiDigits(clean.length > 40 ? clean.slice(0, 40) : clean);
  const m = LEADING_ID.exec(ascii);
  if (!m) return { id: '', depth: 0, name: clean, others: innerIds(clean) };
  const id = (m[1] ?? m[2]).replace(/\s+/g, '');
  // Slice the original text (Bengali digits kept in the name) by the ASCII match's length:
  // digit conversion keeps lengths.
  const name = clean.slice(m[0].length).trim();
  return { id, depth: id.split('.').length, name, others: innerIds(name) };
}

const NONE: string[] = [];

function innerIds(text: string): string[] {
  if (!/[[({]/.test(text)) return NONE;
  const out: string[] = [];
  for (const m of toAsciiDigits(text).matchAll(INNER_ID)) out.push(m[1].replace(/\s+/g, ''));
  return out;
}
