/**
 * The task pane's `WorkbookOperations` for Google Sheets: every command is one call of a server
 * function through `google.script.run` (the Apps Script side, `apa*` in the built `Code.js`),
 * turned into a promise. Arguments and results are plain JSON, the same result types as
 * `core/operations.ts`.
 *
 * Consolidate may take more than one call: Apps Script stops a run after 6 minutes, so the server
 * stops early and answers `{ done, total, resumeFrom? }` with `done < total`; this side then calls
 * `apaConsolidate({ resumeFrom })` again, reporting progress after every call, until `done`
 * reaches `total` or Cancel is pressed. A call in flight cannot be interrupted (google.script.run
 * has no abort): Cancel takes effect when it returns, as in Excel, where it takes effect at the
 * next `sync()`. The server writes the sheets only in the call that finishes, so stopping between
 * calls leaves the spreadsheet as it was.
 *
 * "Add offices' files" is not offered in Sheets (`capabilities.addOfficeFiles` false): the pane
 * hides its tab, and the method rejects with why if called anyway.
 */
import { Bilingual, Language, message } from '../../../core/messages';
import type {
  AddFilesResult,
  CheckResult,
  CommandResult,
  ConsolidateOptions,
  ConsolidateResult,
  HostCapabilities,
  LongRunOptions,
  NextResult,
  WorkbookOperations,
} from '../../../core/operations';
import { unavailableOperations } from '../../../pane/unavailable';

/** The server functions the sidebar calls (top-level functions of the Apps Script project). */
export interface SidebarServerFunctions {
  apaCheckActiveSheet(): void;
  apaSelectCell(sheet: string, cell: string): void;
  apaAddScoreColumns(): void;
  apaHighlightTiers(): void;
  apaRemoveAll(): void;
  apaWhatNext(): void;
  apaConsolidate(options: ServerConsolidateOptions): void;
}

/** `google.script.run`: handlers are set by chaining, then a server function is called by name. */
export interface GoogleScriptRun extends SidebarServerFunctions {
  withSuccessHandler(handler: (value: unknown) => void): GoogleScriptRun;
  withFailureHandler(handler: (error: unknown) => void): GoogleScriptRun;
}

/** What `apaConsolidate` is given: nothing on the first call; on a later call what the last one answered. */
export interface ServerConsolidateOptions {
  /** The last answer's `resumeFrom`, or its `done` when it gave none. Absent: start from the beginning. */
  resumeFrom?: unknown;
  /** The report's language. */
  language?: Language;
}

/** What `apaConsolidate` answers: a `ConsolidateResult`; when the run stopped early (the 6-minute
 * limit), `done < total` and what to pass back as `resumeFrom`. */
export interface ServerConsolidateResult extends ConsolidateResult {
  /** Tabs (or steps) done so far, of `total`. Absent: the run is complete. */
  done?: number;
  total?: number;
  /** Opaque to the sidebar: handed back on the next call. */
  resumeFrom?: unknown;
}

export type SheetsOperations = WorkbookOperations & { capabilities: HostCapabilities };

type ServerName = keyof SidebarServerFunctions;

/** What Sheets offers and how it words it: no "Add offices' files"; `=APA_*` formulas, a spreadsheet, APA Sheets (not an add-in). */
export const SHEETS_CAPABILITIES: HostCapabilities = {
  addOfficeFiles: false,
  texts: {
    'ui.columns.intro': 'ui.columns.intro.sheets',
    'ui.highlight.remove': 'ui.highlight.remove.sheets',
    'ui.consolidate.cancelled': 'ui.consolidate.cancelled.sheets',
  },
};

/** Consolidate calls in a row that may answer without advancing before the sidebar gives up. */
export const MAX_STALLED_CALLS = 3;

/** The page's `google.script.run`, or why there is none (the sidebar opened outside Sheets). */
export function globalScriptRun(): GoogleScriptRun {
  const g = (globalThis as { google?: { script?: { run?: GoogleScriptRun } } }).google;
  const run = g?.script?.run;
  if (!run) throw new Error('google.script.run is not defined');
  return run;
}

function isBilingual(v: unknown): v is Bilingual {
  return typeof v === 'object' && v !== null && typeof (v as Bilingual).bn === 'string' && typeof (v as Bilingual).en === 'string';
}

/** A failure handler's argument as an Error. Apps Script hands over an Error whose message is the
 * server's (sometimes prefixed, e.g. "Exception: "); a server that throws a bilingual text as
 * JSON (`{"bn": …, "en": …}`) has it shown in the pane's language. */
export function toError(raw: unknown): Error {
  const text = raw instanceof Error ? raw.message : typeof raw === 'string' ? raw : isBilingual(raw) ? raw.en : raw && typeof (raw as { message?: unknown }).message === 'string' ? (raw as { message: string }).message : String(raw);
  const err = raw instanceof Error ? raw : new Error(text);
  if (isBilingual(raw)) return Object.assign(err, { bilingual: raw });
  if (isBilingual((raw as { bilingual?: unknown } | null)?.bilingual)) return err;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start >= 0 && end > start) {
    try {
      const parsed: unknown = JSON.parse(text.slice(start, end + 1));
      if (isBilingual(parsed)) return Object.assign(err, { bilingual: { bn: parsed.bn, en: parsed.en } });
    } catch {
      // not JSON: the message as it is
    }
  }
  return err;
}

function bilingualError(text: Bilingual, cause?: unknown): Error {
  return Object.assign(new Error(text.en), { bilingual: text, cause });
}

/** The Google Sheets implementation of the pane's commands, over `run` (the page's google.script.run). */
export function createSheetsOperations(run: GoogleScriptRun = globalScriptRun()): SheetsOperations {
  /** One server call as a promise. */
  function call<T>(name: ServerName, ...args: unknown[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const runner = run.withSuccessHandler((value) => resolve(value as T)).withFailureHandler((error) => reject(toError(error)));
      const fn = (runner as unknown as Record<string, (...a: unknown[]) => void>)[name];
      if (typeof fn !== 'function') {
        reject(new Error(`google.script.run has no ${name}`));
        return;
      }
      fn.apply(runner, args);
    });
  }

  /** A call whose answer must be an object (a null answer is what Apps Script gives for a result it could not send). */
  async function callFor<T extends object>(name: ServerName, ...args: unknown[]): Promise<T> {
    const value = await call<T | null | undefined>(name, ...args);
    if (value === null || value === undefined || typeof value !== 'object') throw bilingualError(message('ui.error.no-result', { command: name }));
    return value;
  }

  const cancelledResult = (): ConsolidateResult => ({ cancelled: true, consolidation: null, skipped: [], written: [] });

  async function consolidate(options: ConsolidateOptions = {}): Promise<ConsolidateResult> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return cancelledResult();
    // The report in the sidebar's language (Bengali unless told).
    const language = options.language ?? 'bn';
    let request: ServerConsolidateOptions = { language };
    let last: { done: number; total: number } | null = null;
    let stalled = 0;
    for (;;) {
      let answer: ServerConsolidateResult;
      try {
        answer = await callFor<ServerConsolidateResult>('apaConsolidate', request);
      } catch (err) {
        // A later call failed: say how far the earlier ones got.
        if (last) {
          const e = toError(err);
          const detail = (e as { bilingual?: Bilingual }).bilingual ?? { bn: e.message, en: e.message };
          throw bilingualError(message('ui.error.stopped-at', { done: last.done, total: last.total, detail }), err);
        }
        throw err;
      }
      const { done, total, resumeFrom, ...result } = answer;
      const partial = typeof done === 'number' && typeof total === 'number' && done < total;
      if (!partial) {
        if (typeof total === 'number') onProgress?.(total, total);
        return { ...result, cancelled: Boolean(result.cancelled) };
      }
      onProgress?.(done, total);
      // Cancel between calls: nothing has been written yet.
      if (signal?.aborted) return cancelledResult();
      // A server that answers the same `done` again and again would keep the pane busy for ever.
      stalled = last && done <= last.done ? stalled + 1 : 0;
      if (stalled >= MAX_STALLED_CALLS) throw bilingualError(message('ui.error.no-progress', { done, total }));
      last = { done, total };
      request = { resumeFrom: resumeFrom !== undefined ? resumeFrom : done, language };
    }
  }

  return {
    capabilities: SHEETS_CAPABILITIES,
    checkActiveSheet: () => callFor<CheckResult>('apaCheckActiveSheet'),
    selectCell: async (sheet: string, cell: string) => {
      await call<unknown>('apaSelectCell', sheet, cell);
    },
    addScoreColumns: () => callFor<CommandResult>('apaAddScoreColumns'),
    highlightTiers: () => callFor<CommandResult>('apaHighlightTiers'),
    removeAll: () => callFor<CommandResult>('apaRemoveAll'),
    whatNext: () => callFor<NextResult>('apaWhatNext'),
    consolidate,
    addOfficeFiles: (): Promise<AddFilesResult> => Promise.reject(bilingualError(message('ui.files.not-in-sheets'))),
  };
}

/** The operations when there is no google.script.run (the HTML opened outside Sheets): every
 * command rejects with why, and the pane says so instead of going blank. */
export function unavailableSheetsOperations(cause: unknown): SheetsOperations {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return { ...unavailableOperations(message('ui.error.no-sheets', { detail }), cause), capabilities: SHEETS_CAPABILITIES };
}
