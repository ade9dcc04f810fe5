import type { Language } from '../core/messages';

/** What the pane says about itself, given by the host's entry: the product's version and where
 * its help is. */
export interface PaneAbout {
  /** package.json's version (the build puts it in). */
  version: string;
  /** The base URL the help pages (`help/*.html`, built from docs/) are served under — `''` for
   * beside the page itself (the Excel add-in) — or null when no host of them is known. */
  helpBase: string | null;
  /** The guide as HTML, shown inside the pane (a host whose pages may be out of reach: the Sheets
   * sidebar). Pictures and links to other pages are left out. */
  inlineHelp?: InlineHelp;
}

export interface InlineHelp {
  /** The user guide (Bengali). */
  guide: string;
  /** The functions' help, per language. */
  functions: Record<Language, string>;
}

/** The help pages' addresses under `base`: the user guide (Bengali only) and the functions' help in
 * the pane's language. */
export function helpLinks(base: string, language: Language): { guide: string; functions: string } {
  return { guide: `${base}help/user-guide.bn.html`, functions: `${base}help/functions${language === 'bn' ? '.bn' : ''}.html` };
}
