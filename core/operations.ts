import type { Consolidation } from './consolidate';
import type { HighlightKey } from './highlight';
import type { Bilingual, Language, MessageKey } from './messages';
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
  /** Every other tab one office (SCORING.md §9): scores each and writes, per group of plan kind,
   * fiscal year and quarter, a ranked summary with its chart, then the per-indicator and problems
   * sheets, in `options.language`. */
  consolidate(options: ConsolidateOptions): Promise<ConsolidateResult>;
  /** Inserts the offices' files as tabs (one per plan sheet), then consolidates. */
  addOfficeFiles(files: OfficeFile[], options: ConsolidateOptions): Promise<AddFilesResult>;
}

export interface LongRunOptions {
  /** Called as work advances; `total` may grow once tabs are known. */
  onProgress?: (done: number, total: number) => void;
  /** Cancelling leaves the workbook as it was before the command: nothing half-written. */
  signal?: AbortSignal;
}

export interface ConsolidateOptions extends LongRunOptions {
  /** The report's language: its sheet names and headers (the pane's current language; Bengali by default). */
  language?: Language;
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
}

export interface NextItem {
  id: string;
  name: string;
  unit: Unit;
  current: HighlightKey;
  next: { tier: Tier; value: number; daysLeft: number | null };
  top: { tier: Tier; value: number; daysLeft: number | null };
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
