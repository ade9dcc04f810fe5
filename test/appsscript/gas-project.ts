/**
 * The built Apps Script project (appsscript/build/) loaded the way Apps Script loads it: every
 * `.js` file of the push folder run as a classic script, one after another, in ONE global scope (a
 * `node:vm` context), with the fake services as globals. Node only.
 *
 * File order: what `clasp push` sends, which is the order Apps Script then loads them in:
 * `filePushOrder` of `.clasp.json(.example)` first, then the rest sorted by `localeCompare` of
 * their paths (clasp 3, `core/files.js`). The stubs in Code.js read APA_BUNDLE only when called, so
 * any order works; the tests also load them reversed.
 *
 * The context's `Date.now` reads the fakes' simulated clock, so a test can make a run look as long
 * as Apps Script's 6-minute limit. Values cross between the test (outer realm) and the project
 * (the context's realm) as Apps Script's services would hand them over.
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { FakeGas } from './fakes';

export const GAS_DIR = path.join(__dirname, '..', '..', 'appsscript');
export const GAS_BUILD = path.join(GAS_DIR, 'build');

/** The push folder's script files in the order clasp pushes them. */
export function pushOrder(dir = GAS_BUILD, claspJson = path.join(GAS_DIR, '.clasp.json.example')): string[] {
  const files = fs.readdirSync(dir).filter((f) => /\.(js|gs)$/.test(f));
  let order: string[] = [];
  try {
    const conf = JSON.parse(fs.readFileSync(claspJson, 'utf8')) as { filePushOrder?: string[]; rootDir?: string };
    order = (conf.filePushOrder ?? []).map((p) => path.basename(p));
  } catch {
    order = [];
  }
  return files.sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia === -1 && ib === -1) return a.localeCompare(b);
    if (ia === -1) return 1;
    if (ib === -1) return -1;
    return ia - ib;
  });
}

/** The project's HTML files (name without .html → content), as HtmlService finds them. */
export function htmlFiles(dir = GAS_BUILD): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.html'))) out[f.replace(/\.html$/, '')] = fs.readFileSync(path.join(dir, f), 'utf8');
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GasProject = Record<string, any>;

export interface LoadOptions {
  dir?: string;
  /** File names in load order (default: pushOrder). */
  order?: string[];
}

/** Loads the built project into a fresh context whose globals are `env`'s fake services. */
export function loadGasProject(env: FakeGas, options: LoadOptions = {}): GasProject {
  const dir = options.dir ?? GAS_BUILD;
  const order = options.order ?? pushOrder(dir);
  const logs: unknown[][] = [];
  const sandbox: Record<string, unknown> = {
    console: { log: (...a: unknown[]) => logs.push(a), info: (...a: unknown[]) => logs.push(a), warn: (...a: unknown[]) => logs.push(a), error: (...a: unknown[]) => logs.push(a) },
    __apaClock: env.clock,
  };
  env.install(sandbox);
  const ctx = vm.createContext(sandbox);
  // Elapsed time inside the project is the fakes' simulated clock.
  vm.runInContext('Date.now = function () { return __apaClock.now; };', ctx);
  for (const file of order) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    new vm.Script(source, { filename: file }).runInContext(ctx);
  }
  return ctx as GasProject;
}
