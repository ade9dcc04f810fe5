import type { Consolidation } from './consolidate';
import type { DueItem } from './due';
import type { TextTable } from './text-table';
import type { SpecCell } from './report';
import type { HighlightKey } from './highlight';
import type { Bilingual, Language, MessageKey } from './messages';
import type { Layout, PlanKind, Problem, Tier } from './plan';
import type { Totals } from './score';
import type { ScoreSettings } from './settings';
import type { Unit } from './values';

/**
 * The workbook-operations contract: everything the pane (`pane/`) can ask of a workbook, with the
 * same plain-JSON results in every host. Excel implements it over Office.js
 * (`addin/src/workbook/excel-workbook.ts`), Google Sheets over `google.script.run`
 * (`appsscript/src/sidebar/gas-operations.ts`, answered by `appsscript/src/server/`); tests use the
 * same code over typed fakes. React components receive an object of this type and never call a
 * host themselves.
 *
 * Every command takes the `CommandContext` it runs with: the user's language (everything the command
 * writes into the workbook — column headers, the legend, tier names, notes — is in it) and the
 * scoring settings (SCORING.md §4–§5, the CLI's `--mode`, `--na`, `--final`). A host given none
 * uses what it remembers (`loadPreferences`), else Bengali and the spec's defaults.
 */
export interface WorkbookOperations {
  /** Reads the active sheet and reports the plan it holds. */
  checkActiveSheet(context?: CommandContext): Promise<CheckResult>;
  /** Selects a cell (clicking a problem): `sheet` and an A1 `cell` within it. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes the add-in's score and tier columns next to the active sheet's table, as live =APA.*
   * formulas: one array formula per column (per run of the table's rows), spilling over the table. */
  addScoreColumns(context?: CommandContext): Promise<CommandResult>;
  /** Writes the same columns as plain values, with a note of when and how they were computed (date,
   * settings, "APA Sheets <version>"), for sheets sent to offices without the add-in; owned like
   * every other write (Remove takes it away; running it twice gives the same sheet). */
  valuesOnly(context?: CommandContext): Promise<CommandResult>;
  /** Colours the active sheet's achievement cells by tier (the core palette) and keeps them current. */
  highlightTiers(context?: CommandContext): Promise<CommandResult>;
  /** What `removeAll` would take away, counted, without changing anything (the pane asks before removing). */
  previewRemoval(): Promise<RemovalPreview>;
  /** Takes away everything the add-in added to the workbook, and nothing else. */
  removeAll(context?: CommandContext): Promise<CommandResult>;
  /** For each pending or below-top indicator of the active sheet: what reaches the next and the top tier. */
  whatNext(context?: CommandContext): Promise<NextResult>;
  /** Every other tab one office (SCORING.md §9): scores each and writes, per group of plan kind,
   * fiscal year and quarter, a ranked summary with its chart, then the per-indicator and problems
   * sheets, in the context's language. */
  consolidate(options: LongRunOptions, context?: CommandContext): Promise<ConsolidateResult>;
  /** Inserts the offices' .xlsx files as tabs (one per plan sheet), then consolidates. */
  addOfficeFiles(files: OfficeFile[], options: LongRunOptions, context?: CommandContext): Promise<AddFilesResult>;
  /** The language the user last picked (per user) and the workbook's settings (in the workbook). */
  loadPreferences(): Promise<Preferences>;
  /** Remembers the language the user picked, for this user, in every workbook. */
  saveLanguage(language: Language): Promise<void>;
  /** Remembers the scoring settings in the workbook itself: whoever opens it next scores it the same way. */
  saveSettings(settings: ScoreSettings): Promise<void>;
  /** Keeps the ministry's minutes (their tables, read by the pane) as the owned directives sheet
   * (নির্দেশনা, in the context's language), which *What is needed* then holds the plan against.
   * Never overwrites a sheet the user changed; the same minutes twice change nothing. */
  keepDirectives(minutes: MinutesTables, context?: CommandContext): Promise<DirectivesResult>;
}

/** What a command runs with. */
export interface CommandContext {
  /** The language of what the command writes into the workbook, and of its messages' first reading. */
  language: Language;
  settings: ScoreSettings;
}

export interface Preferences {
  /** The language the user picked last; null when they never picked one (the pane then follows
   * the host's display language). */
  language: Language | null;
  /** The workbook's settings (the spec's defaults when it has none). */
  settings: ScoreSettings;
  /** The host's display language, when the host knows it better than the page does (Google Sheets:
   * the user's Google account). */
  displayLanguage?: Language;
}

/** What "Remove" would take away: counted before the pane asks. */
export interface RemovalPreview {
  /** Report sheets (consolidation) to delete, by name. */
  reportSheets: string[];
  /** Score and tier columns to clear (two per sheet that has them). */
  columns: number;
  /** Legends to clear. */
  legends: number;
  /** Conditional-format rules (tier colours) to delete. */
  rules: number;
  /** Sheets whose columns, legend or colours go. */
  sheets: number;
  /** True when there is nothing to remove. */
  nothing: boolean;
}

/** The tables of a minutes file (a Word document's tables, or a sheet / CSV as one table). */
export interface MinutesTables {
  file: string;
  tables: TextTable[];
}

export interface DirectivesResult extends CommandResult {
  /** The directives sheet's name ('' when nothing was written). */
  sheet: string;
  /** How many decisions the minutes hold. */
  directives: number;
  /** Problems of the minutes at their cells. */
  problems: Problem[];
}

export interface LongRunOptions {
  /** Called as work advances; `total` may grow once tabs are known. */
  onProgress?: (done: number, total: number) => void;
  /** Cancelling leaves the workbook as it was before the command: nothing half-written. */
  signal?: AbortSignal;
}

export interface OfficeFile {
  name: string;
  /** The file's bytes, base64 (what `insertWorksheetsFromBase64` takes; for a file given as
   * `sheets`, what the import is recognised by when it comes again). */
  base64: string;
  /** A file the host cannot insert (an .ods, a .csv), read by the pane into its sheets: each
   * becomes a new tab written from these rows (core/grid-sheet.ts). */
  sheets?: { name: string; rows: SpecCell[][] }[];
}

export interface CheckResult {
  sheet: string;
  /** Null when the sheet holds no plan; `reason` says why. */
  plan: { office: string; kind: PlanKind | null; fiscalYear: string | null; quarter: number | null; layout: Layout; headerRow: number } | null;
  reason?: Bilingual;
  totals: Totals | null;
  indicators: IndicatorLine[];
  problems: Problem[];
  /** The settings the totals were scored with (absent when the sheet holds no plan). */
  settings?: ScoreSettings;
}

export interface IndicatorLine {
  id: string;
  name: string;
  row: number;
  unit: Unit;
  weight: number | null;
  raw: number | null;
  score: number | null;
  key: HighlightKey;
  /** A1 of the cell(s) scored. */
  cells: string[];
}

export interface CommandResult {
  ok: boolean;
  /** What happened, for the pane to show. */
  message: Bilingual;
  /** How many cells/columns/sheets the command wrote or removed. */
  changed: number;
  /** The settings what it wrote follows, those that apply to it (score columns: the between-tier
   * rule their formulas carry; n/a and final evaluation change only totals). */
  settings?: Partial<ScoreSettings>;
}

export interface NextResult {
  sheet: string;
  items: NextItem[];
  /** Today's date (Asia/Dhaka) as a day number (days since 1970-01-01), for "days remaining". */
  today: number;
  /** Present when the sheet holds no plan: why (as Check says); nothing else is then listed. */
  noPlan?: Bilingual;
  /** Indicators that cannot be scored, each with what to fix. */
  invalid: InvalidItem[];
  /** How many indicators are at the top tier already, and how many are n/a (not listed). */
  atTop: number;
  na: number;
  /** The ministry's minutes kept in the workbook (its directives sheet) held against the plan;
   * null when the workbook keeps none. Each listed item carries its own `due`. */
  minutes: MinutesHeld | null;
}

export interface InvalidItem {
  id: string;
  name: string;
  /** A1 of the cell to fix. */
  cell: string;
  /** What is wrong and what to do, as validation says it. */
  fix: Bilingual;
}

/** A date indicator whose tier dates have all passed (or whose date is achieved): it can no longer
 * earn marks by date; the final evaluation gives it `raw` (0–100), i.e. `score` of `weight`. */
export interface LapsedItem {
  raw: number;
  score: number | null;
  weight: number | null;
  /** The last (worst) tier date. */
  lastDate: number;
}

export interface MinutesHeld {
  /** The directives sheet the minutes were read from. */
  sheet: string;
  /** The plan's indicators not listed in `items` (at the top tier, n/a) that the minutes date. */
  others: DueItem[];
  /** Problems of the directives sheet, and decisions on indicators the plan does not have. */
  problems: Problem[];
}

export interface NextItem {
  id: string;
  name: string;
  unit: Unit;
  current: HighlightKey;
  next: { tier: Tier; value: number; daysLeft: number | null };
  top: { tier: Tier; value: number; daysLeft: number | null };
  /** Date indicators only: set once no tier date is ahead (no marks can be earned by date). */
  lapsed: LapsedItem | null;
  /** What the minutes decide for this indicator (deadline, days left, status, evidence); null
   * without minutes. */
  due: DueItem | null;
}

export interface ConsolidateResult {
  cancelled: boolean;
  consolidation: Consolidation | null;
  /** Tabs that were not plans, with the reason. */
  skipped: { sheet: string; reason: Bilingual }[];
  /** The sheets the add-in wrote. */
  written: string[];
  /** Nothing to consolidate (§9): no tab held a plan, and no report was written. */
  nothing?: boolean;
}

export interface AddFilesResult extends ConsolidateResult {
  /** Files that could not be inserted, with the reason. */
  failed: { file: string; reason: Bilingual }[];
  /** Tabs inserted, per file. */
  inserted: { file: string; sheets: string[] }[];
}

/** What a host offers beyond the commands every host has. An operations object may carry it as
 * `capabilities`; absent (Excel) means everything is offered. */
export interface HostCapabilities {
  /** Inserting offices' .xlsx files as tabs ("Add offices' files"); Google Sheets does not offer it. */
  addOfficeFiles?: boolean;
  /** Catalogue keys this host words differently: key → the key to show instead. */
  texts?: Partial<Record<MessageKey, MessageKey>>;
}

/** The operations of a host that may say what it offers. */
export type HostOperations = WorkbookOperations & { capabilities?: HostCapabilities };
