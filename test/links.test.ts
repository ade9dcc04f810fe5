import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, Writer } from '../cli/apa';
import { hyperlinkTarget } from '../cli/write-workbook';
import { entryBytes, zipEntries } from '../cli/zip';
import { cellLink, fileLink } from '../core/links';
import { buildOfficeWorkbook } from './fixtures/build-fixtures';

/**
 * Links that cannot leave (issue 13): a report links to each office's file by a relative path,
 * `./` and each segment percent-encoded, whatever the file is called. No scheme, no UNC path, no
 * absolute path is ever made from an input's name.
 */

/** Whether a link target could take its reader anywhere but a relative file or a cell. */
const leaves = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('\\\\') || target.startsWith('/') || /^[A-Za-z]:/.test(target);

describe('fileLink: the one rule for links to a source file (core/links.ts)', () => {
  test.each([
    ['javascript:alert(1).xlsx', './javascript%3Aalert%281%29.xlsx'],
    ['http:evil.example.xlsx', './http%3Aevil.example.xlsx'],
    ['\\\\evil.example\\share\\x.xlsx', './%5C%5Cevil.example%5Cshare%5Cx.xlsx'],
    ['inbox/অফিস ১.xlsx', './inbox/%E0%A6%85%E0%A6%AB%E0%A6%BF%E0%A6%B8%20%E0%A7%A7.xlsx'],
    ['../inbox/a#b%c.xlsx', './../inbox/a%23b%25c.xlsx'],
    ['./a//b/./c.xlsx', './a/b/c.xlsx'],
    ['file:///etc/passwd', './file%3A/etc/passwd'],
  ])('%s → %s', (rel, link) => {
    expect(fileLink(rel)).toBe(link);
    expect(leaves(fileLink(rel)!)).toBe(false);
  });

  test.each(['/etc/passwd', 'C:/Users/x.xlsx', 'c:x.xlsx', '', '.', './'])('%j is not relative: no link', (rel) => {
    expect(fileLink(rel)).toBeNull();
  });

  test('every segment decodes back to the name it came from', () => {
    const names = ['a b', 'x#1', '100%', "O'Brien (copy)", 'দপ্তর', 'a?b=c&d', '\u{1F4C4}', '\ud800broken'];
    for (const n of names) {
      const link = fileLink(`dir/${n}.xlsx`)!;
      const segment = link.split('/')[2];
      expect(decodeURIComponent(segment)).toBe(`${n.replace(/\ud800/, '\ufffd')}.xlsx`);
      expect(segment).toMatch(/^[A-Za-z0-9._~%-]+$/);
    }
  });

  test('cellLink: a cell of the file, or of the report itself', () => {
    expect(cellLink('./a.xlsx', "O'Brien", 'B2')).toBe("./a.xlsx#'O''Brien'!B2");
    expect(cellLink(null, 'S', '')).toBe("#'S'!A1");
  });

  test('the CLI writes links by it: hyperlinkTarget', () => {
    const outDir = path.join(os.tmpdir(), 'out');
    expect(hyperlinkTarget({ file: path.join(os.tmpdir(), 'javascript:alert(1).xlsx'), sheet: 'S', cell: 'C3' }, { outDir })).toBe("./../javascript%3Aalert%281%29.xlsx#'S'!C3");
    expect(hyperlinkTarget({ file: path.join(outDir, '\\\\evil.example\\share\\x.xlsx'), sheet: 'S', cell: 'C3' }, { outDir })).toBe("./%5C%5Cevil.example%5Cshare%5Cx.xlsx#'S'!C3");
  });
});

test('apa consolidate: offices named like schemes and UNC paths get relative links in the report', async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-links-'));
  try {
    const inbox = path.join(tmp, 'inbox');
    await fs.mkdir(inbox);
    const names = ['javascript:alert(1).xlsx', 'http:evil.example.xlsx', '\\\\evil.example\\share\\x.xlsx'];
    for (let i = 0; i < names.length; i++) await fs.writeFile(path.join(inbox, names[i]), await buildOfficeWorkbook(i + 1));
    const out = path.join(tmp, 'report', 'r.xlsx');
    const quiet: Writer = { write: () => true };
    expect(await main(['consolidate', inbox, '-o', out], { stdout: quiet, stderr: quiet, now: new Date(Date.UTC(2025, 0, 20)) })).toBe(0);
    const report = await fs.readFile(out);
    const targets: string[] = [];
    for (const [name, e] of zipEntries(report)) {
      if (!name.endsWith('.rels') || !name.includes('worksheets/')) continue;
      const xml = entryBytes(report, e, 1 << 26).toString('utf8');
      for (const m of xml.matchAll(/<Relationship [^>]*Type="[^"]*\/hyperlink"[^>]*Target="([^"]*)"/g)) targets.push(m[1].replace(/&amp;/g, '&'));
    }
    // Each office's problems and rows link back to its file.
    for (const n of names) expect(targets.some((t) => t.startsWith(`${fileLink(`../inbox/${n}`)}#`))).toBe(true);
    for (const t of targets) {
      expect(t.startsWith('./')).toBe(true);
      expect(leaves(t)).toBe(false);
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
});
