/**
 * What the sidebar's browser test puts in the page before the sidebar's own script runs (bundled
 * by esbuild into one IIFE, injected with `page.addInitScript`): the stand-in `google.script.run`
 * (sidebar-script-run.ts) and the typed fakes of the Apps Script services (fakes.ts) holding the
 * spreadsheet the test serialised from Node (`window.__APA_SEED__`), installed as the globals the
 * server code reads (SpreadsheetApp, HtmlService, Utilities, Session, PropertiesService). The test
 * then adds the server's built files as classic scripts and reads the fake back through
 * `window.__APA_FAKE__`.
 *
 * `window.__APA_CLOCK_MS_PER_CALL__`, when set, runs each server call on the fake's simulated
 * clock: `Date.now()` inside the call is the fake clock, which advances that many milliseconds per
 * service call, so a consolidation meets Apps Script's 6-minute limit on a handful of tabs.
 */
import { FakeGas, FakeGasOptions, FakeSpreadsheetData } from './fakes';
import type { ScriptRunWindow } from './sidebar-script-run';
import './sidebar-script-run';

interface PageWindow extends ScriptRunWindow {
  __APA_SEED__?: FakeSpreadsheetData;
  /** The fakes' options the test chose (the user's locale, …). */
  __APA_GAS_OPTIONS__?: FakeGasOptions;
  __APA_FAKE__?: FakeGas;
  __APA_CLOCK_MS_PER_CALL__?: number;
}

const w = window as unknown as PageWindow & Record<string, unknown>;
if (w.__APA_SEED__) {
  const gas = FakeGas.fromJSON(w.__APA_SEED__, w.__APA_GAS_OPTIONS__ ?? {});
  gas.install(w);
  w.__APA_FAKE__ = gas;
  w.__APA_AROUND_CALL__ = <T>(_name: string, call: () => T): T => {
    const perCall = w.__APA_CLOCK_MS_PER_CALL__;
    if (!perCall) return call();
    const realNow = Date.now;
    // Each execution starts at the real time (so "today" is today) and pays `perCall` per service call.
    gas.clock.now = realNow();
    gas.clock.cost = () => perCall;
    Date.now = () => gas.clock.now;
    try {
      return call();
    } finally {
      Date.now = realNow;
      gas.clock.cost = () => 0;
    }
  };
}
