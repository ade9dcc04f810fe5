import type { MessageKey } from '../../../core/messages';

/**
 * Every top-level function of the Apps Script project, named once: the bundle (`main.ts`) exposes
 * them on its global object, the build (`appsscript/tools/build-gas.ts`) writes `Code.js` with one
 * plain function declaration per entry that forwards to it, and the tests check both. Apps Script
 * finds custom functions, simple triggers, menu handlers and `google.script.run` targets only as
 * top-level function declarations (PLATFORM.md), so these are the names users and the sidebar see.
 *
 * No name ends in `_`: such functions are private in Apps Script and `google.script.run` cannot
 * call them.
 */

/** The global the bundle assigns (an IIFE's `var`). */
export const BUNDLE_GLOBAL = 'APA_BUNDLE';

/** The page global `showSidebar` hands the remembered preferences to the sidebar in. */
export const PREFERENCES_GLOBAL = '__APA_PREFERENCES__';

/** Custom functions are the core registry's (`FUNCTIONS`), named `APA_<NAME>` in Sheets. */
export const CUSTOM_FUNCTION_PREFIX = 'APA_';

export interface EntryPoint {
  name: string;
  params: string[];
  /** One line for the stub's JSDoc. */
  doc: string;
}

/** Simple triggers (they run without asking for authorisation: PLATFORM.md, Apps Script triggers guide). */
export const TRIGGERS: EntryPoint[] = [
  { name: 'onOpen', params: ['e'], doc: 'Simple trigger: adds the APA menu when the spreadsheet opens.' },
  { name: 'onInstall', params: ['e'], doc: 'Runs when installed as an add-on: adds the APA menu at once.' },
  { name: 'onEdit', params: ['e'], doc: 'Simple trigger: re-colours a highlighted sheet when a target or achievement cell is edited.' },
];

/** The sidebar's `google.script.run` targets: the task pane's `WorkbookOperations`
 * (core/operations.ts), same results, plain JSON; `context` is the command's CommandContext. */
export const SERVER_FUNCTIONS: EntryPoint[] = [
  { name: 'apaCheckActiveSheet', params: ['context'], doc: 'Reads the active sheet and reports its plan (CheckResult).' },
  { name: 'apaSelectCell', params: ['sheet', 'cell'], doc: 'Selects a cell (A1) of a tab, as clicking a problem does.' },
  { name: 'apaAddScoreColumns', params: ['context'], doc: 'Writes live =APA_SCORE / =APA_TIER columns beside the active sheet\'s table (CommandResult).' },
  { name: 'apaValuesOnly', params: ['context'], doc: 'Writes the score and tier columns as plain values with a note of when and how they were computed (CommandResult).' },
  { name: 'apaHighlightTiers', params: ['context'], doc: 'Colours the active sheet\'s achievement cells by tier, with a legend (CommandResult).' },
  { name: 'apaRemoveAll', params: [], doc: 'Takes away everything the script added, and nothing else (CommandResult).' },
  { name: 'apaWhatNext', params: ['context'], doc: 'What each indicator of the active sheet needs for its next and top tier (NextResult).' },
  { name: 'apaConsolidate', params: ['options'], doc: 'Consolidates every other tab; answers { done, total, resumeFrom } when it stopped early to stay within 6 minutes.' },
  { name: 'apaPreviewRemoval', params: [], doc: 'What Remove would take away, counted; nothing is changed (RemovalPreview).' },
  { name: 'apaPreferences', params: [], doc: 'The user\'s remembered language, the spreadsheet\'s settings and the account\'s language (Preferences).' },
  { name: 'apaSaveLanguage', params: ['language'], doc: 'Remembers the language the user picked, for this user (user properties).' },
  { name: 'apaSaveSettings', params: ['settings'], doc: 'Remembers the scoring settings in this spreadsheet (document properties).' },
  { name: 'apaKeepDirectives', params: ['minutes', 'context'], doc: 'Keeps the ministry\'s minutes (their tables, read by the sidebar) as the owned Directives sheet, in the context\'s language (DirectivesResult).' },
];

/** The APA menu, in order; each item calls a top-level function. */
export const MENU_ITEMS: (EntryPoint & { caption: MessageKey; separatorBefore?: boolean })[] = [
  { name: 'apaMenuCheck', caption: 'gas.menu.check', params: [], doc: 'APA menu: Check this sheet.' },
  { name: 'apaMenuAddScoreColumns', caption: 'gas.menu.columns', params: [], doc: 'APA menu: Add score columns.' },
  { name: 'apaMenuValuesOnly', caption: 'gas.menu.values', params: [], doc: 'APA menu: Values only (scores as plain values, for offices without APA Sheets).' },
  { name: 'apaMenuHighlightTiers', caption: 'gas.menu.highlight', params: [], doc: 'APA menu: Highlight tiers.' },
  { name: 'apaMenuRemove', caption: 'gas.menu.remove', params: [], doc: 'APA menu: Remove what the script added.' },
  { name: 'apaMenuWhatNext', caption: 'gas.menu.next', params: [], doc: 'APA menu: What is needed.', separatorBefore: true },
  { name: 'apaMenuConsolidate', caption: 'gas.menu.consolidate', params: [], doc: 'APA menu: Consolidate every other tab.' },
  { name: 'showSidebar', caption: 'gas.menu.sidebar', params: [], doc: 'APA menu: Open the sidebar (Sidebar.html).', separatorBefore: true },
];

/** The add-on menu's name comes from the add-on's listing (a bound script's: its project name, which
 * the deploy guide says to call "APA Sheets"). */

/** Every non-custom-function entry point. */
export const ENTRY_POINTS: EntryPoint[] = [...TRIGGERS, ...SERVER_FUNCTIONS, ...MENU_ITEMS.map(({ name, params, doc }) => ({ name, params, doc }))];
