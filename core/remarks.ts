import type { Evidence } from './plan';
import { compactText, nfcRegExp, nfcSet } from './text';

/**
 * What the remarks (মন্তব্য) and an evidence column (প্রমাণক) say (SCORING.md §3): a remark that is
 * only `প্রযোজ্য নয়` makes an indicator with no achievement n/a; a remark or an evidence cell
 * saying the evidence is attached (`প্রমাণক সংযুক্ত`, `প্রত্যয়নপত্র সংযুক্ত`, `হ্যা`/`না`) is kept as
 * evidence attached yes / no / not said. Neither ever changes a score by itself.
 */

const NA_REMARK = nfcSet(['প্রযোজ্যনয়', 'প্রযোজ্যনহে', 'প্রযোজ্যনয়', 'প্রযোজ্যনা', 'n/a', 'na', 'n.a', 'notapplicable']);

/** The remark says only "not applicable" (with a stray space, a danda, a full stop). */
export function remarkSaysOnlyNa(remark: string): boolean {
  const c = compactText(remark).replace(/[।.!,;:ঃ\-–—()]+$/u, '').replace(/^[(]+/, '');
  return NA_REMARK.has(c);
}

// `সংযুক্ত`, `সংযুক্তি`, `সংযোজিত`, `সংযোজন` (attached); `দেওয়া হয়েছে`, `প্রেরণ করা হয়েছে` (sent);
// `attached`, `enclosed`, `submitted`.
const ATTACHED = nfcRegExp('সংযুক্ত|সংযুক্তি|সংযোজিত|সংযোজন|সংযুক্ত করা হয়েছে|দাখিল|attached|enclosed|submitted|uploaded|আপলোড', 'iu');
// What is attached: the evidence (প্রমাণক), a certificate (প্রত্যয়নপত্র), pictures, orders, notices.
const EVIDENCE_NOUN = nfcRegExp('প্রমাণক|প্রমানক|প্রমাণ|প্রত্যয়ন|প্রত্যয়ণ|সনদ|ছবি|স্থির ?চিত্র|স্ক্রিনশট|অফিস আদেশ|নোটিশ|কার্যবিবরণী|উপস্থিতি|evidence|certificate|proof|document|screenshot|photo|minutes', 'iu');
const NEGATION = nfcRegExp('(^|[^\\p{L}\\p{M}])(না|নাই|নেই|হয়নি|করা হয়নি|হয় নি|নয়|not|no|without)([^\\p{L}\\p{M}]|$)', 'iu');

const YES = nfcSet(['হ্যাঁ', 'হ্যা', 'হাঁ', 'হা', 'জি', 'আছে', 'সংযুক্ত', 'yes', 'y', '✓', '✔', 'true', 'attached']);
const NO = nfcSet(['না', 'নাই', 'নেই', 'no', 'n', '✗', '✘', 'x', 'false']);

/** What a remark says of the evidence: attached (yes), not attached (no), or nothing. */
export function evidenceOfRemark(remark: string): Evidence {
  if (!remark) return 'not-said';
  const attached = ATTACHED.test(remark);
  const noun = EVIDENCE_NOUN.test(remark);
  if (!attached && !noun) return 'not-said';
  // `প্রমাণক নেই`, `প্রমাণক সংযুক্ত করা হয়নি`, `no evidence attached`.
  if (NEGATION.test(remark) && (attached || noun)) return 'no';
  return attached ? 'yes' : 'not-said';
}

/** What an evidence column's cell says: হ্যাঁ / না, or a remark-like text. */
export function evidenceOfCell(text: string): Evidence {
  if (!text) return 'not-said';
  const c = compactText(text).replace(/[।.!]+$/u, '');
  if (YES.has(c)) return 'yes';
  if (NO.has(c)) return 'no';
  const said = evidenceOfRemark(text);
  // Under an evidence heading a text that names what was sent is evidence attached.
  return said === 'not-said' && EVIDENCE_NOUN.test(text) && !NEGATION.test(text) ? 'yes' : said;
}
