/** core/ imports no host: no Excel, Apps Script, DOM or Node APIs, so every host can run it. */
import fs from 'fs';
import path from 'path';

const coreDir = path.join(__dirname, '..', 'core');
const files = fs.readdirSync(coreDir).filter((f) => f.endsWith('.ts'));

describe('core/ is host-free', () => {
  test.each(files)('%s imports only core modules and zod', (file) => {
    const source = fs.readFileSync(path.join(coreDir, file), 'utf8');
    const imports = [...source.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2]);
    for (const spec of imports) expect(spec === 'zod' || spec.startsWith('./')).toBe(true);
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''); // comments may name hosts
    expect(code).not.toMatch(/\b(Excel|Office|SpreadsheetApp|HtmlService|document|window|process|Buffer|__dirname)\s*[.[(]/);
  });
});
