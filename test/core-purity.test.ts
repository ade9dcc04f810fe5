/** core/ imports no host: no Excel, Apps Script, DOM or Node APIs, so every host can run it. */
import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';

const coreDir = path.join(__dirname, '..', 'core');
// Every module of core, its layouts (core/layouts/) included.
const files = (fs.readdirSync(coreDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

describe('core/ is host-free', () => {
  test.each(files)('%s imports only core modules and zod', (file) => {
    const source = fs.readFileSync(path.join(coreDir, file), 'utf8');
    const imports = [...source.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2]);
    const insideCore = (spec: string) => /^\.\.?\//.test(spec) && !path.relative(coreDir, path.resolve(coreDir, path.dirname(file), spec)).startsWith('..');
    for (const spec of imports) expect([spec, spec === 'zod' || insideCore(spec)]).toEqual([spec, true]);
    // Comments and texts (the catalogue's words) may name hosts; code may not use them.
    const code = source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
    expect(code).not.toMatch(/\b(Excel|Office|SpreadsheetApp|HtmlService|document|window|process|Buffer|__dirname)\s*[.[(]/);
  });
});

describe('the CLI and a worker thread that reads files load no schema library', () => {
  // Loading zod and building the schemas cost each worker ~0.1 s of start-up (bench/RESULTS.md):
  // what reading and scoring run (cli/worker.ts and what it imports) must not pull them in, nor
  // the CLI's own start-up (it checks its settings with core's settingsWithDefaults).
  test.each(['cli/worker.ts', 'cli/apa.ts'])('%s loads only core modules it runs, not zod', (entry) => {
    const probe = `require('./${entry}'); const loaded = Object.keys(require.cache); console.log(JSON.stringify(loaded))`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', probe], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    const loaded: string[] = JSON.parse(out.trim().split('\n').pop()!);
    expect(loaded.some((f) => f.includes(`${path.sep}core${path.sep}score.ts`))).toBe(true);
    expect(loaded.filter((f) => f.includes(`node_modules${path.sep}zod${path.sep}`))).toEqual([]);
    expect(loaded.filter((f) => /[\\/]core[\\/](plan|settings|json|index)\.ts$/.test(f))).toEqual([]);
  });
});
