import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, Writer } from '../cli/apa';
import { consolidateJsonSchema } from '../cli/json';
import { shown } from '../cli/terminal';
import { jsonDocumentSchema } from '../core';
import { buildOfficeWorkbook, officeName } from './fixtures/build-fixtures';
import { withOfficeName } from './fixtures/hostile';

/**
 * Terminal output that cannot be steered (issue 13): text from an input — an office's name, a
 * file's name, a cell's text in a message — is shown with its control characters (C0, C1, ESC)
 * and bidirectional overrides escaped, in check, score and consolidate; `--json` stays exact JSON.
 */

/** Anything a terminal acts on, except the line breaks that end lines. */
// eslint-disable-next-line no-control-regex
const ACTS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('shown: input text as a terminal may see it', () => {
  test.each([
    ['\x1b[2J\x1b[Hno problems', '\\x1b[2J\\x1b[Hno problems'],
    ['a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['\u009b31m', '\\x9b31m'],
    ['\u202eabc\u202c', '\\u202eabc\\u202c'],
    ['x\u2066y\u2069\u200f', 'x\\u2066y\\u2069\\u200f'],
    ['\u0000\u007f', '\\x00\\x7f'],
  ])('%j → %s', (input, out) => {
    expect(shown(input)).toBe(out);
    expect(shown(input)).not.toMatch(ACTS);
  });

  test('Bengali, with its joiners, is left as it is', () => {
    const bengali = 'র‍্যাব ক্ষ্ম্য় উপজেলা নির্বাহী অফিসারের কার্যালয়, অভয়নগর (১)';
    expect(shown(bengali)).toBe(bengali);
  });
});

describe('check, score and consolidate never pass an input\'s control characters to the terminal', () => {
  let tmp: string;
  let inbox: string;
  const evilName = `\x1b[2J\x1b[H\u009b31m${officeName(1)}\u202e`;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-terminal-'));
    inbox = path.join(tmp, 'inbox');
    await fs.mkdir(inbox);
    // The office name as the shared strings write characters XML cannot hold (_x001B_), and a
    // file whose own name holds escapes and a line break.
    const office = withOfficeName(await buildOfficeWorkbook(1), officeName(1), `_x001B_[2J_x001B_[H_x009B_31m${officeName(1)}_x202E_`);
    await fs.writeFile(path.join(inbox, 'evil-office.xlsx'), office);
    await fs.writeFile(path.join(inbox, '\x1b[31mred\nfake line.xlsx'), await buildOfficeWorkbook(2));
    await fs.writeFile(path.join(inbox, '\x1b]0;title\x07broken.xlsx'), Buffer.from('not a workbook'));
  });
  afterAll(async () => {
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  const run = async (argv: string[], tty = false) => {
    let stdout = '';
    let stderr = '';
    const out: Writer = { write: (s: string) => (stdout += s), isTTY: tty };
    const err: Writer = { write: (s: string) => (stderr += s), isTTY: tty };
    const code = await main(argv, { stdout: out, stderr: err, now: new Date(Date.UTC(2025, 0, 20)) });
    return { code, stdout, stderr };
  };

  test.each([['check', ''], ['score', ''], ['score', '--bn'], ['consolidate', '']])('%s %s', async (command, flag) => {
    const argv = [command, inbox, ...(flag ? [flag] : [])];
    if (command === 'consolidate') argv.push('-o', path.join(tmp, `${command}.xlsx`));
    const r = await run(argv);
    expect(r.stdout + r.stderr).not.toMatch(ACTS);
    // What was there is shown, escaped, not dropped.
    expect(r.stdout).toContain(`\\x1b[2J\\x1b[H\\x9b31m${officeName(1)}\\u202e`);
    // (consolidate's ranking names offices, not files)
    if (command !== 'consolidate') expect(r.stdout + r.stderr).toContain('\\x1b[31mred\\nfake line.xlsx');
    expect(r.stderr).toContain('\\x1b]0;title\\x07broken.xlsx');
    // A line break in a name never starts a line of its own.
    expect((r.stdout + r.stderr).split('\n').some((l) => l.startsWith('fake line'))).toBe(false);
  });

  test('--json stays exact JSON: the names as they are, escaped by JSON itself', async () => {
    const scored = await run(['score', inbox, '--json']);
    const doc = jsonDocumentSchema.parse(JSON.parse(scored.stdout));
    expect(doc.files.find((f) => f.file.endsWith('evil-office.xlsx'))!.sheets[0].office).toBe(evilName);
    expect(doc.files.map((f) => path.basename(f.file))).toContain('\x1b[31mred\nfake line.xlsx');
    // Its stderr is for people: escaped.
    expect(scored.stderr).not.toMatch(ACTS);
    const consolidated = await run(['consolidate', inbox, '-o', path.join(tmp, 'json.xlsx'), '--json']);
    const j = consolidateJsonSchema.parse(JSON.parse(consolidated.stdout));
    expect(j.groups.flatMap((g) => g.offices).map((o) => o.office)).toContain(evilName);
  });

  test('on a terminal, the progress line is the only thing that moves the cursor', async () => {
    for (let i = 3; i <= 12; i++) await fs.writeFile(path.join(inbox, `office-${i}.xlsx`), await buildOfficeWorkbook(i));
    const r = await run(['check', inbox, '--jobs', '1'], true);
    const sequences = r.stderr.match(/\r\x1b\[K|\r/g) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    expect(r.stderr.replace(/\r\x1b\[K/g, '').replace(/\r/g, '')).not.toMatch(ACTS);
    expect(r.stdout).not.toMatch(ACTS);
  });
});
