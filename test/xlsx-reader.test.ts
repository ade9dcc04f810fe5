import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Grid } from '../core';
import { Package, DEFAULT_LIMITS, readSpreadsheetMl } from '../cli/spreadsheetml';
import { PartMemo } from '../core/part-memo';
import { PackageParts, readSpreadsheetMlParts } from '../core/spreadsheetml';
import { readWithExcelJs, readWorkbookGrids } from '../cli/xlsx-grid';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { XmlError, scanXml } from '../core/xml-scan';
import { packZip, writeZip, zipEntries } from '../cli/zip';
import { buildOfficeFolder, buildSamples } from './fixtures/build-fixtures';
import { MAIN, REL, sheetXml, workbookPackage } from './fixtures/packages';

/**
 * The .xlsx reader (`cli/spreadsheetml.ts`: zlib + `xml-scan`) gives exactly the grid ExcelJS
 * gives — on every sample, on generated offices, on the samples as LibreOffice saves them — and
 * reads SpreadsheetML as other writers write it. What it declines goes to ExcelJS; a zip bomb
 * goes nowhere.
 */

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-reader-'));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function bothReaders(file: string): Promise<{ ours: Grid[]; exceljs: Grid[] }> {
  const buf = await fs.readFile(file);
  return { ours: readSpreadsheetMl(buf, path.basename(file)).grids, exceljs: (await readWithExcelJs(buf, path.basename(file))).grids };
}

describe('the reader gives the grid ExcelJS gives', () => {
  test('every bundled sample, cell by cell: values, number formats, merges, sheet names', async () => {
    const files = (await buildSamples(path.join(tmp, 'samples'))).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const all: Grid[] = [];
    for (const f of files) {
      const { ours, exceljs } = await bothReaders(f);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(exceljs);
      all.push(...ours);
    }
    // Not vacuous: the samples hold Bengali text, numbers, dates, number formats and merges.
    const cells = all.flatMap((g) => g.values.flat());
    expect(cells.some((v) => typeof v === 'string' && /[০-৯]/.test(v))).toBe(true);
    expect(cells.some((v) => typeof v === 'number')).toBe(true);
    expect(cells.some((v) => v instanceof Date)).toBe(true);
    expect(all.some((g) => g.formats?.some((r) => r.some((f) => f && f.includes('%'))))).toBe(true);
    expect(all.filter((g) => (g.merges ?? []).length > 0).length).toBeGreaterThanOrEqual(4);
  });

  test('40 generated office workbooks', async () => {
    const files = await buildOfficeFolder(path.join(tmp, 'offices'), 40, 7);
    for (const f of files) {
      const { ours, exceljs } = await bothReaders(f);
      expect(ours).toEqual(exceljs);
    }
  });

  const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
  const skip = !soffice && process.env.APA_SKIP_LIBREOFFICE === '1';
  (skip ? test.skip : test)(
    'the samples as LibreOffice saves them (another writer: its own styles, shared strings and merges)',
    async () => {
      if (!soffice) throw new Error('LibreOffice (soffice) not found: install libreoffice-calc (CI: .ci/run does), or set APA_SKIP_LIBREOFFICE=1 to skip explicitly.');
      const input = path.join(tmp, 'lo-in');
      const output = path.join(tmp, 'lo-out');
      const profile = path.join(tmp, 'lo-profile');
      await fs.mkdir(input, { recursive: true });
      const samples = (await buildSamples(path.join(tmp, 'samples-lo'))).filter((f) => f.endsWith('.xlsx'));
      // A different name in, so that LibreOffice's output does not overwrite its input.
      for (const f of samples) await fs.copyFile(f, path.join(input, `${path.basename(f, '.xlsx')}.in.xlsx`));
      const inputs = (await fs.readdir(input)).map((f) => path.join(input, f));
      await new Promise<void>((resolve, reject) =>
        execFile(
          soffice,
          [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', output, ...inputs],
          { timeout: 240_000 },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
      const written = await fs.readdir(output);
      expect(written).toHaveLength(samples.length);
      for (const f of written) {
        const { ours, exceljs } = await bothReaders(path.join(output, f));
        expect(ours).toEqual(exceljs);
        expect(ours.flatMap((g) => g.values.flat()).filter((v) => v !== null).length).toBeGreaterThan(50);
      }
    },
    300_000,
  );
});

describe('SpreadsheetML as other writers write it', () => {
  test('namespace prefixes, inline strings, entities, CDATA, comments and pretty-printing', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- written by some other tool -->
<x:worksheet xmlns:x="${MAIN}">
  <x:sheetData>
    <x:row r="1">
      <x:c r="A1" t="inlineStr"><x:is><x:t>দপ্তর/সংস্থার নামঃ R&amp;D &lt;ঢাকা&gt;</x:t></x:is></x:c>
      <x:c r="C1" t="inlineStr"><x:is><x:r><x:t>১৬/০৩/</x:t></x:r><x:r><x:t><![CDATA[২০২৫]]></x:t></x:r></x:is></x:c>
    </x:row>
    <x:row r="3"><x:c r="B3"><x:v> 42.5 </x:v></x:c></x:row>
  </x:sheetData>
</x:worksheet>`;
    const [grid] = readSpreadsheetMl(workbookPackage([{ name: 'অগ্রগতি', xml }]), 'other.xlsx').grids;
    expect(grid.sheet).toBe('অগ্রগতি');
    expect(grid.values[0][0]).toBe('দপ্তর/সংস্থার নামঃ R&D <ঢাকা>');
    expect(grid.values[0][2]).toBe('১৬/০৩/২০২৫');
    expect(grid.values[1]).toEqual([]);
    expect(grid.values[2]).toEqual([null, 42.5]);
  });

  test('shared strings: rich text joined, phonetic guides left out, _xHHHH_ escapes decoded', async () => {
    const strings = `<sst xmlns="${MAIN}"><si><t>অসাধারণ</t></si><si><r><rPr><b/></rPr><t>অতি </t></r><r><t>উত্তম</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>line_x000D_end</t></si></sst>`;
    const buf = workbookPackage([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>') }], { strings });
    const [grid] = readSpreadsheetMl(buf, 'x.xlsx').grids;
    expect(grid.values[0]).toEqual(['অসাধারণ', 'অতি উত্তম', 'line\rend']);
    expect(readSpreadsheetMl(buf, 'x.xlsx').grids).toEqual((await readWithExcelJs(buf, 'x.xlsx')).grids);
  });

  test('numbers in a date format are dates (1900 and 1904 systems); t="d" is an ISO date; other formats are kept', async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const data = '<row r="1"><c r="A1" s="1"><v>45732</v></c><c r="B1" s="2"><v>0.9059</v></c><c r="C1" s="3"><v>45732</v></c><c r="D1" t="d"><v>2025-03-16T00:00:00</v></c></row>';
    const buf = workbookPackage([{ name: 'S', xml: sheetXml(data) }], { styles });
    const [grid] = readSpreadsheetMl(buf, 'x.xlsx').grids;
    expect(grid.values[0][0]).toEqual(new Date(Date.UTC(2025, 2, 16)));
    expect(grid.values[0][1]).toBe(0.9059);
    expect(grid.formats?.[0]).toEqual(['dd/mm/yyyy', '0.00%', 'mm-dd-yy']);
    expect(grid.values[0][2]).toEqual(new Date(Date.UTC(2025, 2, 16)));
    expect(grid.values[0][3]).toEqual(new Date(Date.UTC(2025, 2, 16)));
    const [in1904] = readSpreadsheetMl(workbookPackage([{ name: 'S', xml: sheetXml(data) }], { styles, workbookPr: '<workbookPr date1904="1"/>' }), 'x.xlsx').grids;
    expect(in1904.values[0][0]).toEqual(new Date(Date.UTC(2029, 2, 17)));
    // ExcelJS agrees on all but t="d" (it reads the ISO text as the number 2025).
    const exceljs = (await readWithExcelJs(buf, 'x.xlsx')).grids[0];
    expect(exceljs.values[0].slice(0, 3)).toEqual(grid.values[0].slice(0, 3));
  });

  test('formulas give their cached result; errors their text; booleans', async () => {
    const data =
      '<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>7</v></c><c r="B1" t="str"><f>"মোট"</f><v>মোট</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="b"><v>1</v></c><c r="F1"><f t="shared" si="0"/><v>3</v></c><c r="G1"><f>A1</f></c></row>';
    const buf = workbookPackage([{ name: 'S', xml: sheetXml(data) }]);
    const [grid] = readSpreadsheetMl(buf, 'x.xlsx').grids;
    expect(grid.values[0]).toEqual([7, 'মোট', '#DIV/0!', '#N/A', true, 3]);
    expect([grid]).toEqual((await readWithExcelJs(buf, 'x.xlsx')).grids);
  });

  test('a merged area reads its value at the top-left cell only, whatever the covered cells hold', async () => {
    const data = '<row r="1"><c r="A1" t="inlineStr"><is><t>১</t></is></c><c r="B1" t="inlineStr"><is><t>stale</t></is></c></row><row r="2"><c r="A2"><v>5</v></c></row>';
    const buf = workbookPackage([{ name: 'S', xml: sheetXml(data, '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>') }]);
    const [grid] = readSpreadsheetMl(buf, 'x.xlsx').grids;
    // Row 2's only value is covered: the trailing empty row goes, as with ExcelJS.
    expect(grid.values).toEqual([['১']]);
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
    expect([grid]).toEqual((await readWithExcelJs(buf, 'x.xlsx')).grids);
  });

  test('cells and rows without references follow the previous ones', () => {
    const data = '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>';
    const [grid] = readSpreadsheetMl(workbookPackage([{ name: 'S', xml: sheetXml(data) }]), 'x.xlsx').grids;
    expect(grid.values).toEqual([[1, 2], [null, null, 3, 4]]);
  });

  test('tabs in workbook order, whatever the parts are called; absolute targets; chart sheets left out', () => {
    const buf = writeZip([
      { name: 'xl/workbook.xml', data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="দ্বিতীয়" sheetId="2" r:id="rB"/><sheet name="চার্ট" sheetId="3" r:id="rC"/><sheet name="প্রথম" sheetId="1" r:id="rA"/></sheets></workbook>` },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rA" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rB" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rC" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') },
      { name: 'xl/worksheets/data.xml', data: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      { name: 'xl/chartsheets/sheet1.xml', data: '<chartsheet/>' },
    ]);
    const grids = readSpreadsheetMl(buf, 'x.xlsx').grids;
    expect(grids.map((g) => [g.sheet, g.values[0][0]])).toEqual([
      ['দ্বিতীয়', 2],
      ['প্রথম', 1],
    ]);
  });
});

describe('parts that offices\' files share byte for byte (one template) are read once', () => {
  /** A package that counts which parts were inflated. */
  const counted = (buf: Buffer, reads: string[]): PackageParts => {
    const pkg = new Package(buf, DEFAULT_LIMITS);
    return { has: (n) => pkg.has(n), stored: (n) => pkg.stored(n), text: (n) => (reads.push(n), pkg.text(n)) };
  };
  // A format no other test uses, so that nothing read before this test is remembered.
  const stamp = Date.now();
  const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;${stamp}&quot;"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
  const tab = `অগ্রগতি ${stamp}`;

  test('two offices\' files from one template: styles and workbook parts are inflated once, and each file reads as ExcelJS reads it', async () => {
    const first = workbookPackage([{ name: tab, xml: sheetXml('<row r="1"><c r="A1" s="1"><v>1.5</v></c></row>') }], { styles });
    const second = workbookPackage([{ name: tab, xml: sheetXml('<row r="1"><c r="A1"><v>7</v></c><c r="B1" s="1"><v>2</v></c></row>') }], { styles });
    const reads: string[] = [];
    const a = readSpreadsheetMlParts(counted(first, reads), 'a.xlsx').grids;
    const b = readSpreadsheetMlParts(counted(second, reads), 'b.xlsx').grids;
    expect(reads.filter((n) => n === 'xl/styles.xml')).toHaveLength(1);
    expect(reads.filter((n) => n === 'xl/workbook.xml')).toHaveLength(1);
    expect(reads.filter((n) => n.startsWith('xl/worksheets/'))).toHaveLength(2);
    expect(a).toEqual((await readWithExcelJs(first, 'a.xlsx')).grids);
    expect(b).toEqual((await readWithExcelJs(second, 'b.xlsx')).grids);
    expect(b[0].formats?.[0]).toEqual([null, a[0].formats?.[0][0]]);
  });

  test('the same workbook part in a file that lacks a sheet\'s part: the file\'s own parts decide which sheets it has', () => {
    const whole = workbookPackage([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }, { name: 'T', xml: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') }], { styles });
    const entries = [...zipEntries(whole).keys()];
    const cut = writeZip(entries.filter((n) => n !== 'xl/worksheets/sheet2.xml').map((n) => ({ name: n, data: new Package(whole, DEFAULT_LIMITS).text(n)! })));
    expect(readSpreadsheetMl(whole, 'w.xlsx').grids.map((g) => g.sheet)).toEqual(['S', 'T']);
    expect(readSpreadsheetMl(cut, 'c.xlsx').grids.map((g) => g.sheet)).toEqual(['S']);
  });

  test('never on a checksum alone: a part with the same key and other bytes is read again; large parts are always read', () => {
    const memo = new PartMemo<string>(4, 8);
    let reads = 0;
    const read = (v: string) => () => (reads++, v);
    expect(memo.get({ key: 'k', bytes: Uint8Array.of(1, 2, 3) }, read('one'))).toBe('one');
    expect(memo.get({ key: 'k', bytes: Uint8Array.of(1, 2, 3) }, read('again'))).toBe('one');
    expect(memo.get({ key: 'k', bytes: Uint8Array.of(1, 2, 4) }, read('other'))).toBe('other');
    expect(reads).toBe(2);
    const large = new Uint8Array(9);
    expect(memo.get({ key: 'L', bytes: large }, read('a'))).toBe('a');
    expect(memo.get({ key: 'L', bytes: large }, read('b'))).toBe('b');
    expect(memo.get(null, read('no part'))).toBe('no part');
  });
});

describe('what the reader declines, ExcelJS reads; what neither can, is reported', () => {
  test('a DOCTYPE (entities the scanner does not expand) goes to ExcelJS, which reads it', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>9</v></c></row></sheetData></worksheet>`;
    const buf = workbookPackage([{ name: 'S', xml }]);
    expect(() => readSpreadsheetMl(buf, 'x.xlsx').grids).toThrow(XmlError);
    const { grids } = await readWorkbookGrids(buf, 'doctype.xlsx');
    expect(grids[0].values).toEqual([[9]]);
  });

  test('XML that is not well-formed: one clear reason naming the file', async () => {
    const buf = workbookPackage([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>9</c></row>') }]);
    await expect(readWorkbookGrids(buf, 'broken.xlsx')).rejects.toMatchObject({ file: 'broken.xlsx', reason: { en: expect.stringMatching(/damaged or incomplete/) } });
  });

  test('a workbook cut short', async () => {
    const whole = workbookPackage([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>9</v></c></row>') }]);
    await expect(readWorkbookGrids(whole.subarray(0, Math.floor(whole.length * 0.6)), 'cut.xlsx')).rejects.toMatchObject({ reason: { en: expect.stringMatching(/damaged or incomplete/) } });
  });
});

describe('a zip bomb is refused before it is inflated', () => {
  const bigSheet = () => sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>${'<row><c s="1"/></row>'.repeat(200_000)}`);
  const limits = { partBytes: 1024 * 1024, totalBytes: 2 * 1024 * 1024 };

  test('a part that declares more than the limit', async () => {
    const buf = workbookPackage([{ name: 'S', xml: bigSheet() }]);
    expect(buf.length).toBeLessThan(200_000);
    await expect(readWorkbookGrids(buf, 'bomb.xlsx', limits)).rejects.toMatchObject({ file: 'bomb.xlsx', reason: { en: expect.stringMatching(/more than 1 MB/), bn: expect.stringMatching(/১ MB|1 MB/) } });
  });

  test('a part that lies about its size (declares little, inflates to much): refused, and never handed to ExcelJS', async () => {
    const honest = workbookPackage([{ name: 'S', xml: bigSheet() }]);
    const lying = Buffer.from(honest);
    const entry = zipEntries(lying).get('xl/worksheets/sheet1.xml')!;
    // Declare 100 bytes in the local header and the central directory.
    lying.writeUInt32LE(100, entry.local + 22);
    let p = lying.indexOf(Buffer.from('PK\x01\x02', 'latin1'));
    while (p >= 0) {
      const nameLen = lying.readUInt16LE(p + 28);
      if (lying.toString('utf8', p + 46, p + 46 + nameLen) === 'xl/worksheets/sheet1.xml') lying.writeUInt32LE(100, p + 24);
      p = lying.indexOf(Buffer.from('PK\x01\x02', 'latin1'), p + 4);
    }
    await expect(readWorkbookGrids(lying, 'liar.xlsx')).rejects.toMatchObject({ reason: { en: expect.stringMatching(/more than its declared 100 bytes/) } });
  });

  test('all parts together past the total limit', async () => {
    const half = sheetXml(`${'<row><c s="1"/></row>'.repeat(40_000)}`);
    const buf = workbookPackage([1, 2, 3].map((i) => ({ name: `S${i}`, xml: half })));
    await expect(readWorkbookGrids(buf, 'many.xlsx', { partBytes: 1024 * 1024, totalBytes: 2 * 1024 * 1024 })).rejects.toMatchObject({ reason: { en: expect.stringMatching(/more than 2 MB/) } });
    // The same file within the limits reads.
    expect((await readWorkbookGrids(buf, 'many.xlsx')).grids).toHaveLength(3);
  });
});

describe('packZip (how every workbook written here is compressed)', () => {
  test('gives the same entries, deflated, and the same bytes every time', () => {
    const stored = writeZip([{ name: 'a.xml', data: '<a>১২৩</a>'.repeat(1000) }], 0);
    const packed = packZip(stored);
    expect(packed.length).toBeLessThan(stored.length / 10);
    expect(packZip(stored).equals(packed)).toBe(true);
    expect([...zipEntries(packed).keys()]).toEqual(['a.xml']);
  });
});

describe('the XML scanner reads well-formed XML as saxes (the parser ExcelJS uses) does', () => {
  type Node = { name: string; attrs: [string, string][]; children: (Node | { text: string; cdata?: boolean } | { comment: string })[] };
  const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const escapeAttr = (t: string, q: string) => escapeText(t).replace(q === '"' ? /"/g : /'/g, q === '"' ? '&quot;' : '&apos;');
  // Entities the other way too: a writer may spell a character as a reference.
  const spell = (t: string) => t.replace(/ক/g, '&#x995;').replace(/৯/g, '&#2543;');
  const chars = fc.constantFrom('a', 'Z', ' ', '\t', '\n', '\r\n', '&', '<', '>', '"', "'", 'ক', '৯', '%', '/', '=', ']]', '_x000D_');
  const text = fc.array(chars, { maxLength: 8 }).map((a) => a.join(''));
  const name = fc.tuple(fc.constantFrom('', 'x:', 'main:'), fc.constantFrom('c', 'v', 'row', 'sheetData', 't', 'is', 'r', 'a-b', 'a.b_c1')).map(([p, n]) => p + n);
  const attrName = fc.constantFrom('r', 's', 't', 'ref', 'x14ac:dyDescent', 'r:id', 'spans');
  const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.record({
      name,
      attrs: fc.uniqueArray(fc.tuple(attrName, text), { maxLength: 4, selector: ([k]) => k }),
      // Leaves first: fast-check's depth control falls back on the first arbitrary.
      children: fc.array(fc.oneof({ maxDepth: 4, depthIdentifier: 'xml' }, text.map((t) => ({ text: t })), text.map((t) => ({ text: t.replace(/]]/g, ''), cdata: true })), fc.constant({ comment: ' note ' }), tie('node')), { maxLength: 4, depthIdentifier: 'xml' }),
    }),
  })).node;
  const serialise = (n: Node, quote: string, ws: string): string => {
    const attrs = n.attrs.map(([k, v]) => ` ${k}${ws}=${ws}${quote}${spell(escapeAttr(v, quote))}${quote}`).join('');
    if (!n.children.length) return `<${n.name}${attrs}${ws}/>`;
    const inner = n.children
      .map((c) => ('name' in c ? serialise(c, quote, ws) : 'comment' in c ? `<!--${c.comment}-->` : c.cdata ? `<![CDATA[${c.text}]]>` : spell(escapeText(c.text))))
      .join('');
    return `<${n.name}${attrs}>${inner}</${n.name}${ws}>`;
  };
  const local = (n: string) => n.slice(n.indexOf(':') + 1);

  test('the same elements, attributes and text, in the same order', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('"', "'"), fc.constantFrom('', ' ', '\n'), fc.boolean(), (root, quote, ws, declaration) => {
        const xml = `${declaration ? '<?xml version="1.0" encoding="UTF-8"?>\r\n' : ''}${serialise(root, quote, ws)}`;
        const expected: string[] = [];
        const parser = new SaxesParser({ xmlns: false });
        let pending = '';
        const flush = (into: string[]) => {
          if (pending) into.push(`text ${JSON.stringify(pending)}`);
          pending = '';
        };
        parser.on('opentag', (tag) => {
          flush(expected);
          expected.push(`open ${local(tag.name)} ${JSON.stringify(Object.entries(tag.attributes).sort())}`);
        });
        parser.on('closetag', (tag) => {
          flush(expected);
          expected.push(`close ${local(tag.name)}`);
        });
        parser.on('text', (t) => (pending += t));
        parser.on('cdata', (t) => (pending += t));
        parser.write(xml).close();

        const got: string[] = [];
        const names = ['r', 's', 't', 'ref', 'x14ac:dyDescent', 'r:id', 'spans'];
        scanXml(xml, {
          wantsText: true,
          open: (n, attributes) => {
            flush(got);
            const found = names.map((k) => [k, attributes.get(k)] as [string, string | undefined]).filter((e): e is [string, string] => e[1] !== undefined);
            got.push(`open ${n} ${JSON.stringify(found.sort())}`);
          },
          close: (n) => {
            flush(got);
            got.push(`close ${n}`);
          },
          text: (t) => (pending += t),
        });
        // Text outside the root element (saxes reports whitespace there) is not content.
        expect(got).toEqual(expected.filter((e, i) => !(e.startsWith('text') && (i === 0 || i === expected.length - 1))));
      }),
      { numRuns: 2000 },
    );
  });

  test('what is not well-formed throws an XmlError, never reads as something else', () => {
    for (const bad of ['<a><b></a></b>', '<a x=1/>', '<a x="1></a>', '<a>&bogus;</a>', '<a>', '<a x="<"/>', '<a><!-- never closed</a>']) {
      expect(() => scanXml(bad, { wantsText: true, open: () => undefined, close: () => undefined, text: () => undefined })).toThrow(XmlError);
    }
  });
});
