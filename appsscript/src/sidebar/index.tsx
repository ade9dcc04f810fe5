/**
 * The Google Sheets sidebar's entry: the shared pane (`pane/`, the Excel task pane's too), given the
 * workbook operations implemented over `google.script.run`. It opens in the language the user last
 * picked, else their Google account's (both handed over by `showSidebar`, or asked of the server).
 * Help is the user guide inside the sidebar (built in from docs/), and, when the build knew where
 * the add-in's pages are served (APA_BASE_URL), a link to them. Bundled by
 * `npm run build:gas:sidebar` (webpack.config.js, `--env sidebar`) into one self-contained
 * `appsscript/build/Sidebar.html` that HtmlService serves; nothing is fetched from anywhere. Opened
 * outside Sheets (no google.script.run), it still opens and says so.
 */
import type { Language } from '../../../core/messages';
import type { InlineHelp } from '../../../pane/about';
import { mountPane } from '../../../pane/mount';
import { PREFERENCES_GLOBAL } from '../server/entry-points';
import { createSheetsOperations, readPreferences, unavailableSheetsOperations } from './gas-operations';

/** Put in by the build (webpack.config.js, DefinePlugin): package.json's version, the guide as
 * HTML, and the help pages' base URL (null when none was given). */
declare const __APA_VERSION__: string;
declare const __APA_HELP__: InlineHelp;
declare const __APA_HELP_BASE__: string | null;

const start = () => {
  // Read when the page is parsed: showSidebar appends them after the page, after this script.
  const handed = readPreferences((globalThis as Record<string, unknown>)[PREFERENCES_GLOBAL]);
  const initialLanguage: Language = handed?.language ?? handed?.displayLanguage ?? 'bn';
  mountPane(() => createSheetsOperations(), unavailableSheetsOperations, {
    initialLanguage,
    about: { version: __APA_VERSION__, helpBase: __APA_HELP_BASE__, inlineHelp: __APA_HELP__ },
  });
};

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
