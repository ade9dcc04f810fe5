import type { Consolidation } from './consolidate';
import type { DueItem } from './due';
import type { TextTable } from './text-table';
import type { HighlightKey } from './highlight';
import type { Bilingual, MessageKey } from './messages';
import type { Layout, PlanKind, Problem, Tier } from './plan';
import type { Totals } from './score';
import type { Unit } from './values';

/**
 * The workbook-operations contract: everything the pane (`pane/`) can ask of a workbook, with the
 * same plain-JSON results in every host. Excel implements it over Office.js
 * (`addin/src/workbook/excel-workbook.ts`), Google Sheets over `google.script.run`
 * (`appsscript/src/sidebar/gas-operations.ts`, answered by `appsscript/src/server/`); tests use the
 * same code over typed fakes. React components receive an object of this type and never call a
 * host themselves.
 */
export interface WorkbookOperations {
  /** Reads the active sheet and reports the plan it holds. */
  checkActiveSheet(): Promise<CheckResult>;
  /** Selects a cell (clicking a problem): `sheet` and an A1 `cell` within it. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes the add-in's score and tier columns next to the active sheet's table, as live =APA.* formulas. */
  addScoreColumns(): Promise<CommandResult>;
  /** Colours the active sheet's achievement cells by tier (the core palette) and keeps them current. */
  highlightTiers(): Promise<CommandResult>;
  /** Takes away everything the add-in added to the workbook, and nothing else. */
  removeAll(): Promise<CommandResult>;
  /** For each pending or below-top indicator of the active sheet: what reaches the next and the top tier. */
  whatNext(): Promise<NextResult>;
  /** Every other tab one office: scores each and writes the summary, per-indicator and problems sheets and a chart. */
  consolidate(options: LongRunOptions): Promise<ConsolidateResult>;
  /** Inserts the offices' .xlsx files as tabs (one per plan sheet), then consolidates. */
  addOfficeFiles(files: OfficeFile[], options: LongRunOptions): Promise<AddFilesResult>;
  /** Keeps the ministry's minutes (their tables, read by the pane) as the owned directives sheet
   * (নির্দেশনা), which *What is needed* then holds the plan against. Never overwrites a sheet the
   * user changed; the same minutes twice change nothing. */
  keepDirectives(minutes: MinutesTables): Promise<DirectivesResult>;
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
  /** The file's bytes, base64 (what `insertWorksheetsFromBase64` takes). */
  base64: string;
}

export interface CheckResult {
  sheet: string;
  /** Null when the sheet holds no plan; `reason` says why. */
  plan: { office: string; kind: PlanKind | null; fiscalYear: string | null; quarter: number | null; layout: Layout; headerRow: number } | null;
  reason?: Bilingual;
  totals: Totals | null;
  indicators: IndicatorLine[];
  problems: Problem[];
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
