/**
 * The sidebar's `WorkbookOperations` over google.script.run (appsscript/src/sidebar/gas-operations.ts),
 * against a runner that behaves like Apps Script's: handlers chained per call, answers delivered
 * later, results and arguments copied as JSON. The long consolidation resumes across calls,
 * reports progress, honours Cancel between calls; the pane hides "Add offices' files" for Sheets
 * and still shows it for Excel. Also: the sidebar's sources type-check with their own tsconfig.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MessageKey, message } from '../../core/messages';
import { AddScoreColumns } from '../../pane/AddScoreColumns';
import type { HostCapabilities } from '../../core/operations';
import { App, offersOfficeFiles } from '../../pane/App';
import { HostTextsContext } from '../../pane/i18n';
import type { WorkbookOperations } from '../../core/operations';
import {
  createSheetsOperations,
  globalScriptRun,
  GoogleScriptRun,
  MAX_STALLED_CALLS,
  ServerConsolidateResult,
  toError,
  unavailableSheetsOperations,
} from '../../appsscript/src/sidebar/gas-operations';

const ROOT = path.join(__dirname, '..', '..');

type Server = Record<string, (...args: unknown[]) => unknown>;

/** A google.script.run over `server`: each `withX` returns a new runner; a call answers on a later
 * tick through JSON (as Apps Script serialises), a throw goes to the failure handler as an Error. */
function fakeRun(server: Server, calls: { name: string; args: unknown[] }[] = [], delay: (name: string) => number = () => 0): GoogleScriptRun {
  const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): GoogleScriptRun =>
    new Proxy({} as GoogleScriptRun, {
      get(_, prop) {
        if (prop === 'withSuccessHandler') return (h: (v: unknown) => void) => make(h, fail);
        if (prop === 'withFailureHandler') return (h: (e: unknown) => void) => make(ok, h);
        if (typeof prop !== 'string' || !(prop in server)) return undefined;
        return (...args: unknown[]) => {
          const sent = JSON.parse(JSON.stringify(args)) as unknown[];
          calls.push({ name: prop, args: sent });
          setTimeout(() => {
            try {
              const value = server[prop](...sent);
              ok?.(value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
            } catch (e) {
              fail?.(new Error(e instanceof Error ? e.message : String(e)));
            }
          }, delay(prop));
        };
      },
    });
  return make();
}

const result = (over: Partial<ServerConsolidateResult> = {}): ServerConsolidateResult => ({ cancelled: false, consolidation: null, skipped: [], written: ['APA সারসংক্ষেপ'], ...over });

describe('commands: one server call each, answered as JSON', () => {
  test('each command calls its apa* function with its arguments and resolves its answer', async () => {
    const calls: { name: string; args: unknown[] }[] = [];
    const answer = { ok: true, message: { bn: 'হয়েছে', en: 'Done' }, changed: 3 };
    const server: Server = {
      apaCheckActiveSheet: () => ({ sheet: 'অগ্রগতি', plan: null, totals: null, indicators: [], problems: [] }),
      apaSelectCell: () => undefined,
      apaAddScoreColumns: () => answer,
      apaHighlightTiers: () => answer,
      apaRemoveAll: () => answer,
      apaWhatNext: () => ({ sheet: 'অগ্রগতি', items: [], today: 20_000, invalid: [], atTop: 0, na: 0, minutes: null }),
      apaKeepDirectives: () => ({ ...answer, sheet: 'নির্দেশনা', directives: 7, problems: [] }),
    };
    const ops = createSheetsOperations(fakeRun(server, calls));
    expect((await ops.checkActiveSheet()).sheet).toBe('অগ্রগতি');
    await expect(ops.selectCell('অগ্রগতি', 'G17')).resolves.toBeUndefined();
    expect(await ops.addScoreColumns()).toEqual(answer);
    expect(await ops.highlightTiers()).toEqual(answer);
    expect(await ops.removeAll()).toEqual(answer);
    expect((await ops.whatNext()).today).toBe(20_000);
    const minutes = { file: 'm.docx', tables: [{ place: { kind: 'document' as const, table: 1 }, rows: [[{ text: 'ক্রম' }]] }] };
    expect(await ops.keepDirectives(minutes)).toMatchObject({ sheet: 'নির্দেশনা', directives: 7 });
    expect(calls).toEqual([
      { name: 'apaCheckActiveSheet', args: [] },
      { name: 'apaSelectCell', args: ['অগ্রগতি', 'G17'] },
      { name: 'apaAddScoreColumns', args: [] },
      { name: 'apaHighlightTiers', args: [] },
      { name: 'apaRemoveAll', args: [] },
      { name: 'apaWhatNext', args: [] },
      { name: 'apaKeepDirectives', args: [minutes] },
    ]);
  });

  test('commands may run side by side: each gets its own answer', async () => {
    const server: Server = { apaAddScoreColumns: () => ({ ok: true, message: { bn: 'ক', en: 'a' }, changed: 1 }), apaRemoveAll: () => ({ ok: true, message: { bn: 'খ', en: 'b' }, changed: 2 }) };
    const ops = createSheetsOperations(fakeRun(server, [], (n) => (n === 'apaAddScoreColumns' ? 20 : 0)));
    const [a, b] = await Promise.all([ops.addScoreColumns(), ops.removeAll()]);
    expect([a.changed, b.changed]).toEqual([1, 2]);
  });

  test('a server error rejects with it; a bilingual one (JSON, even behind a prefix) keeps both languages', async () => {
    const server: Server = {
      apaCheckActiveSheet: () => {
        throw new Error('Exception: {"bn":"শিটটি খালি","en":"The sheet is empty"}');
      },
      apaRemoveAll: () => {
        throw new Error('Service Spreadsheets timed out');
      },
    };
    const ops = createSheetsOperations(fakeRun(server));
    await expect(ops.checkActiveSheet()).rejects.toMatchObject({ bilingual: { bn: 'শিটটি খালি', en: 'The sheet is empty' } });
    await expect(ops.removeAll()).rejects.toThrow('Service Spreadsheets timed out');
    expect(toError('plain text').message).toBe('plain text');
    expect(toError({ bn: 'ক', en: 'a' })).toMatchObject({ bilingual: { bn: 'ক', en: 'a' } });
  });

  test('a missing answer (what Apps Script gives for a result it cannot send, e.g. with a Date) is an error, not a blank pane', async () => {
    const ops = createSheetsOperations(fakeRun({ apaWhatNext: () => null }));
    await expect(ops.whatNext()).rejects.toMatchObject({ bilingual: message('ui.error.no-result', { command: 'apaWhatNext' }) });
  });
});

describe('consolidate: resumes across the 6-minute limit, progress, Cancel', () => {
  /** A server that does `per` tabs per call out of `total`, handing back a token. */
  function chunked(total: number, per: number, final = result()) {
    const seen: unknown[] = [];
    const server: Server = {
      apaConsolidate: (options: unknown) => {
        seen.push(options);
        const from = (options as { resumeFrom?: { at: number } }).resumeFrom?.at ?? 0;
        const done = Math.min(total, from + per);
        if (done < total) return { cancelled: false, consolidation: null, skipped: [], written: [], done, total, resumeFrom: { at: done } };
        return { ...final, done, total };
      },
    };
    return { server, seen };
  }

  test('one call when the server finishes at once; progress ends at total', async () => {
    const { server, seen } = chunked(5, 10);
    const progress: [number, number][] = [];
    const r = await createSheetsOperations(fakeRun(server)).consolidate({ onProgress: (d, t) => progress.push([d, t]) });
    expect(r).toEqual(result());
    // Given no context, the server uses the remembered language and settings.
    expect(seen).toEqual([{}]);
    expect(progress).toEqual([[5, 5]]);
  });

  test('a run stopped short of total is resumed with the token until done; progress after each call', async () => {
    const { server, seen } = chunked(200, 70);
    const progress: [number, number][] = [];
    const context = { language: 'en' as const, settings: { mode: 'floor' as const, na: 'rescale' as const, final: false } };
    const r = await createSheetsOperations(fakeRun(server)).consolidate({ onProgress: (d, t) => progress.push([d, t]) }, context);
    expect(r).toEqual(result());
    // Every call of one run carries the command's context (the report's language and the settings).
    expect(seen).toEqual([{ context }, { resumeFrom: { at: 70 }, context }, { resumeFrom: { at: 140 }, context }]);
    expect(progress).toEqual([
      [70, 200],
      [140, 200],
      [200, 200],
    ]);
  });

  test('without a token the count done is handed back as resumeFrom', async () => {
    const seen: unknown[] = [];
    const server: Server = {
      apaConsolidate: (o: unknown) => {
        seen.push(o);
        const from = ((o as { resumeFrom?: number }).resumeFrom ?? 0) + 2;
        return from < 4 ? { cancelled: false, consolidation: null, skipped: [], written: [], done: from, total: 4 } : result({ done: 4, total: 4 });
      },
    };
    await createSheetsOperations(fakeRun(server)).consolidate({});
    expect(seen).toEqual([{}, { resumeFrom: 2 }]);
  });

  test('Cancel between calls: no further call, the result says cancelled', async () => {
    const { server, seen } = chunked(200, 70);
    const controller = new AbortController();
    const r = await createSheetsOperations(fakeRun(server)).consolidate({ signal: controller.signal, onProgress: () => controller.abort() });
    expect(r).toEqual({ cancelled: true, consolidation: null, skipped: [], written: [] });
    expect(seen).toHaveLength(1);
  });

  test('Cancel before the start makes no call at all', async () => {
    const { server, seen } = chunked(3, 10);
    const controller = new AbortController();
    controller.abort();
    expect((await createSheetsOperations(fakeRun(server)).consolidate({ signal: controller.signal })).cancelled).toBe(true);
    expect(seen).toEqual([]);
  });

  test('Cancel while the last call is running: that call finished the job, and the pane says so (not "as it was")', async () => {
    const { server } = chunked(3, 10);
    const controller = new AbortController();
    const pending = createSheetsOperations(fakeRun(server, [], () => 30)).consolidate({ signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(await pending).toEqual(result());
  });

  test('a later call that fails says how far the run got', async () => {
    let n = 0;
    const server: Server = {
      apaConsolidate: () => {
        if (++n === 2) throw new Error('Exceeded maximum execution time');
        return { cancelled: false, consolidation: null, skipped: [], written: [], done: 80, total: 200, resumeFrom: 'x' };
      },
    };
    const err = await createSheetsOperations(fakeRun(server)).consolidate({}).catch((e: unknown) => e);
    expect(err).toMatchObject({ bilingual: message('ui.error.stopped-at', { done: 80, total: 200, detail: { bn: 'Exceeded maximum execution time', en: 'Exceeded maximum execution time' } }) });
    expect((err as { bilingual: { bn: string } }).bilingual.bn).toContain('২০০টির মধ্যে ৮০টি');
  });

  test('a server that stops advancing is given up on, not called for ever', async () => {
    const seen: unknown[] = [];
    const server: Server = { apaConsolidate: (o: unknown) => (seen.push(o), { cancelled: false, consolidation: null, skipped: [], written: [], done: 1, total: 9, resumeFrom: 't' }) };
    await expect(createSheetsOperations(fakeRun(server)).consolidate({})).rejects.toMatchObject({ bilingual: message('ui.error.no-progress', { done: 1, total: 9 }) });
    expect(seen).toHaveLength(MAX_STALLED_CALLS + 1);
  });
});

describe('what Sheets does not offer, and outside Sheets', () => {
  const untouchable: WorkbookOperations = new Proxy({} as WorkbookOperations, {
    get: (_, name) => () => Promise.reject(new Error(`ops.${String(name)} called during render`)),
  });

  test('no "Add offices\' files" in Sheets: capability off, the tab hidden, the method says why', async () => {
    const ops = createSheetsOperations(fakeRun({}));
    expect(ops.capabilities.addOfficeFiles).toBe(false);
    expect(offersOfficeFiles(ops)).toBe(false);
    const html = renderToString(createElement(App, { ops }));
    for (const id of ['check', 'columns', 'highlight', 'next', 'consolidate']) expect(html).toContain(`id="tab-${id}"`);
    expect(html).not.toContain('tab-files');
    expect(html).not.toContain(message('ui.tab.files').bn);
    await expect(ops.addOfficeFiles([], {})).rejects.toMatchObject({ bilingual: message('ui.files.not-in-sheets') });
  });

  test('Sheets\' wording where it differs from Excel\'s: =APA_* formulas, the spreadsheet, APA Sheets rather than an add-in', () => {
    const sheets = createSheetsOperations(fakeRun({}));
    for (const [key, sheetsKey] of Object.entries(sheets.capabilities.texts ?? {})) {
      expect(message(sheetsKey as MessageKey).bn).not.toBe(message(key as MessageKey).bn);
      expect(message(sheetsKey as MessageKey).en).not.toBe(message(key as MessageKey).en);
    }
    expect(message('ui.columns.intro.sheets').en).toContain('=APA_*');
    expect(message('ui.columns.intro').en).toContain('=APA.*');
    const intro = (ops: WorkbookOperations) =>
      renderToString(createElement(HostTextsContext.Provider, { value: (ops as { capabilities?: HostCapabilities }).capabilities?.texts }, createElement(AddScoreColumns, { ops })));
    expect(intro(sheets)).toContain('=APA_*');
    expect(intro(sheets)).not.toContain('=APA.*');
    expect(intro(untouchable)).toContain('=APA.*');
  });

  test('Excel (no capabilities field) keeps every tab; so does an ops object that says true', () => {
    expect(offersOfficeFiles(untouchable)).toBe(true);
    expect(renderToString(createElement(App, { ops: untouchable }))).toContain('id="tab-files"');
    const { addOfficeFiles: _omit, ...rest } = createSheetsOperations(fakeRun({}));
    expect(offersOfficeFiles({ ...rest, addOfficeFiles: untouchable.addOfficeFiles, capabilities: { addOfficeFiles: true } })).toBe(true);
    expect(offersOfficeFiles({ ...rest, capabilities: {} } as unknown as WorkbookOperations)).toBe(false);
  });

  test('no google.script.run: the operations say Sheets is not there, in both languages', async () => {
    expect(() => globalScriptRun()).toThrow('google.script.run is not defined');
    const ops = unavailableSheetsOperations(new Error('google.script.run is not defined'));
    await expect(ops.checkActiveSheet()).rejects.toMatchObject({ bilingual: message('ui.error.no-sheets', { detail: 'google.script.run is not defined' }) });
  });
});

test('the sidebar sources type-check with their own tsconfig (the one webpack --env sidebar compiles with)', () => {
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'appsscript', 'src', 'sidebar', 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
  expect(r.status).toBe(0);
}, 300_000);
