/**
 * The folders say what the design says (GUIDE.md, "One data path"): `core/` holds every rule and
 * imports no host; `pane/` is the one React pane both hosts show and knows only core; each host
 * folder (`addin/` Excel, `appsscript/` Google Sheets, `cli/` files) imports core (and the pane),
 * never another host. And nothing imports itself round in a circle at run time.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const FOLDERS = ['core', 'pane', 'addin', 'appsscript', 'cli'] as const;
type Folder = (typeof FOLDERS)[number];

/** What each folder may import, besides packages. */
const ALLOWED: Record<Folder, Folder[]> = {
  core: ['core'],
  pane: ['pane', 'core'],
  addin: ['addin', 'pane', 'core'],
  appsscript: ['appsscript', 'pane', 'core'],
  cli: ['cli', 'core'],
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'build') out.push(...sources(p));
    } else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const FILES = FOLDERS.flatMap((f) => sources(path.join(ROOT, f)));
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
const folderOf = (f: string) => rel(f).split('/')[0] as Folder;

/** A relative specifier → the file it names (ts, tsx, or a folder's index). */
function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** Every module a file names: imports and re-exports of any kind (types too), `import()` and `require()`. */
function allImports(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((i) => i.fileName);
}

/** The modules a file loads when it runs: what is left after TypeScript erases the imports used
 * only as types (the transpiled CommonJS's `require`s). */
function runtimeImports(file: string): string[] {
  const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, jsx: ts.JsxEmit.ReactJSX, esModuleInterop: true },
  }).outputText;
  return [...js.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
}

describe('no host folder imports another', () => {
  test.each(FILES.map(rel))('%s', (file) => {
    const abs = path.join(ROOT, file);
    const mine = folderOf(abs);
    const crossings: string[] = [];
    for (const spec of allImports(abs)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(abs, spec);
      expect({ spec, resolved: target !== null }).toEqual({ spec, resolved: true });
      const theirs = rel(target!).split('/')[0];
      if (!(ALLOWED[mine] as string[]).includes(theirs)) crossings.push(`${spec} (${theirs}/)`);
    }
    expect(crossings).toEqual([]);
  });

  test('the pane is one folder, used by the Excel task pane and the Sheets sidebar alike', () => {
    const users = (entry: string) => allImports(path.join(ROOT, entry)).map((s) => resolve(path.join(ROOT, entry), s)).filter(Boolean).map((f) => rel(f!));
    expect(users('addin/src/taskpane/index.tsx')).toContain('pane/mount.tsx');
    expect(users('appsscript/src/sidebar/index.tsx')).toContain('pane/mount.tsx');
    expect(fs.readdirSync(path.join(ROOT, 'addin', 'src', 'taskpane')).sort()).toEqual(['index.tsx', 'taskpane.html']);
  });
});

/** Every source file → the files it loads at run time (repository paths). */
const GRAPH = new Map<string, string[]>();
/** Every source file → the packages it loads at run time. */
const PACKAGES = new Map<string, string[]>();
for (const f of FILES) {
  const specs = runtimeImports(f);
  GRAPH.set(
    rel(f),
    specs
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(f, s))
      .filter((t): t is string => t !== null)
      .map(rel),
  );
  PACKAGES.set(rel(f), specs.filter((s) => !s.startsWith('.')));
}

/** What an entry loads, itself included. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const g of GRAPH.get(f) ?? []) visit(g);
  };
  visit(entry);
  return seen;
}

describe('zod at the edges only: the JSON documents and the settings', () => {
  // The pages (the task pane and its custom functions, the Sheets sidebar) and the Apps Script
  // bundle parse no JSON document and no settings: they load no schema library at all (the CLI's
  // start-up and its reading workers are held to the same in core-purity.test.ts).
  test.each(['addin/src/taskpane/index.tsx', 'addin/src/functions/functions.ts', 'appsscript/src/sidebar/index.tsx', 'appsscript/src/server/main.ts'])('%s loads no zod', (entry) => {
    const loaded = [...closure(entry)];
    expect(loaded.length).toBeGreaterThan(5);
    expect(loaded.filter((f) => (PACKAGES.get(f) ?? []).some((p) => p === 'zod' || p.startsWith('zod/')))).toEqual([]);
  });

  test("in core, only the JSON documents' schemas and the settings import zod: the plan is plain types", () => {
    const importers = [...PACKAGES.entries()].filter(([f, ps]) => f.startsWith('core/') && ps.some((p) => p === 'zod' || p.startsWith('zod/'))).map(([f]) => f);
    expect(importers.sort()).toEqual(['core/consolidation-json.ts', 'core/directives-json.ts', 'core/json.ts', 'core/settings.ts']);
  });
});

describe('no import cycles', () => {
  test('no module loads itself again through the modules it loads (run-time imports, every folder)', () => {
    const graph = GRAPH;
    // Tarjan's strongly connected components: a component of more than one file is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    let next = 0;
    const visit = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(scc.sort());
      }
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles).toEqual([]);
  });
});
