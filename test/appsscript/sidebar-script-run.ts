/**
 * A stand-in for Apps Script's `google.script.run` in the page, for the sidebar's browser test
 * (bundled by esbuild into an IIFE and injected with `page.addInitScript`, before the sidebar's
 * own script runs). It behaves like the real one where the sidebar could notice:
 *
 * - `withSuccessHandler` / `withFailureHandler` / `withUserObject` return a new runner each time;
 *   any other property is a server function called by name.
 * - A call is asynchronous: the server function runs on a later task, and its answer reaches the
 *   success handler then; a throw reaches the failure handler as an `Error` with the message.
 * - A server function that does not exist fails like Apps Script ("Script function not found").
 * - Arguments and answers cross as data: they are copied, and a `Date`, a function or any object
 *   that is not a plain object or array is refused (arguments: the call fails; answers: Apps Script
 *   hands the success handler `null`, and the stub records why in `__APA_RUN_REFUSED__` so the
 *   test can fail with it).
 *
 * The server functions are the page's globals of the same name (the Apps Script bundle, added to
 * the page by the test as classic scripts). Calls wait until the test sets `__APA_SERVER_READY__`.
 */

export interface RunCall {
  name: string;
  args: unknown[];
  /** Milliseconds the server function took. */
  ms: number;
  outcome: 'ok' | 'error';
}

export interface ScriptRunWindow {
  google?: { script: { run: unknown; host?: unknown } };
  /** Every call, in order. */
  __APA_RUN_CALLS__?: RunCall[];
  /** Answers or arguments that could not cross (Dates, functions, class instances), with where. */
  __APA_RUN_REFUSED__?: string[];
  /** Set by the test once the server's files are in the page. */
  __APA_SERVER_READY__?: boolean;
  /** Extra milliseconds before each answer is delivered (the round trip to Google). */
  __APA_RUN_DELAY__?: number;
  /** Wraps every server call (the test uses it to run the server on a simulated clock). */
  __APA_AROUND_CALL__?: <T>(name: string, call: () => T) => T;
}

const w = window as unknown as ScriptRunWindow & Record<string, unknown>;
w.__APA_RUN_CALLS__ = [];
w.__APA_RUN_REFUSED__ = [];

/** The data a value becomes on the other side, or why it cannot cross. */
function copy(value: unknown, where: string, refused: string[]): unknown {
  if (value === null || value === undefined) return value;
  const t = typeof value;
  if (t === 'string' || t === 'boolean') return value;
  if (t === 'number') return Number.isFinite(value) ? value : null;
  if (t === 'function' || t === 'symbol' || t === 'bigint') {
    refused.push(`${where}: ${t}`);
    return undefined;
  }
  if (value instanceof Date) {
    refused.push(`${where}: Date`);
    return undefined;
  }
  if (Array.isArray(value)) return value.map((v, i) => copy(v, `${where}[${i}]`, refused));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    refused.push(`${where}: ${(value as object).constructor?.name ?? 'object'}`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const c = copy(v, `${where}.${k}`, refused);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

const nextTask = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function serverReady(): Promise<void> {
  while (!w.__APA_SERVER_READY__) await nextTask(10);
}

type Handler = ((value: unknown, userObject?: unknown) => void) | undefined;

function runner(ok: Handler, fail: Handler, userObject: unknown): unknown {
  return new Proxy(
    {},
    {
      get(_, prop) {
        if (prop === 'withSuccessHandler') return (h: Handler) => runner(h, fail, userObject);
        if (prop === 'withFailureHandler') return (h: Handler) => runner(ok, h, userObject);
        if (prop === 'withUserObject') return (o: unknown) => runner(ok, fail, o);
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        return (...args: unknown[]) => {
          const refused: string[] = [];
          const sent = args.map((a, i) => copy(a, `${prop} argument ${i + 1}`, refused));
          void (async () => {
            await serverReady();
            await nextTask(w.__APA_RUN_DELAY__ ?? 0);
            const call: RunCall = { name: prop, args: sent, ms: 0, outcome: 'ok' };
            w.__APA_RUN_CALLS__!.push(call);
            if (refused.length) {
              w.__APA_RUN_REFUSED__!.push(...refused);
              call.outcome = 'error';
              fail?.(new Error(`Failed due to illegal value in ${refused[0]}`), userObject);
              return;
            }
            const fn = w[prop];
            if (typeof fn !== 'function' || prop.endsWith('_')) {
              call.outcome = 'error';
              fail?.(new Error(`Script function not found: ${prop}`), userObject);
              return;
            }
            const started = performance.now();
            let answer: unknown;
            try {
              const invoke = () => (fn as (...a: unknown[]) => unknown)(...sent);
              answer = w.__APA_AROUND_CALL__ ? w.__APA_AROUND_CALL__(prop, invoke) : invoke();
            } catch (e) {
              call.ms = performance.now() - started;
              call.outcome = 'error';
              fail?.(e instanceof Error ? new Error(e.message) : new Error(String(e)), userObject);
              return;
            }
            call.ms = performance.now() - started;
            const back: string[] = [];
            const value = copy(answer, `${prop}() answer`, back);
            if (back.length) {
              w.__APA_RUN_REFUSED__!.push(...back);
              ok?.(null, userObject);
              return;
            }
            ok?.(value, userObject);
          })();
        };
      },
    },
  );
}

w.google = { script: { run: runner(undefined, undefined, undefined) } };
