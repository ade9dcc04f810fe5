import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jsonDocumentSchema } from '../core';
import { readPlan } from '../core/layout';
import { readOdsContent } from '../core/ods';
import { scorePlan } from '../core/score';
import { main, Writer } from '../cli/apa';
import { readWorkbookGrids } from '../cli/xlsx-grid';
import { buildSamples } from './fixtures/build-fixtures';
import { odsPackage, odsText } from './fixtures/hostile';

/**
 * The .ods reader (issue 15, "Files offices send"): LibreOffice's own format, read from its
 * content.xml by core (core/ods.ts, host-free) and its zip by the CLI. The same sheet saved by
 * LibreOffice as .xlsx and as .ods reads to the same plan and the same scores.
 */

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';

/** content.xml with these automatic styles and one table of these rows. */
const content = (rows: string, styles = '', name = 'অগ্রগতি') =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet><table:table table:name="${name}"><table:table-column table:number-columns-repeated="16384"/>${rows}</table:table></office:spreadsheet></office:body></office:document-content>`;

const row = (cells: string, attrs = '') => `<table:table-row${attrs}>${cells}</table:table-row>`;
const empty = (n: number) => `<table:table-cell table:number-columns-repeated="${n}"/>`;

describe('content.xml → grids', () => {
  test('repeated rows and columns: the empty rest of a sheet (a million rows, 16,384 columns) costs nothing; repeated content is repeated', () => {
    const xml = content(
      row(`${empty(2)}${odsText('ক', ' table:number-columns-repeated="3"')}${empty(16379)}`, ' table:number-rows-repeated="2"') +
        row(empty(16384), ' table:number-rows-repeated="1048570"') +
        row(empty(16384)),
    );
    const { grids, skipped } = readOdsContent(xml, null, 'f.ods');
    expect(skipped).toEqual([]);
    expect(grids).toHaveLength(1);
    expect(grids[0].sheet).toBe('অগ্রগতি');
    expect(grids[0].file).toBe('f.ods');
    expect(grids[0].values).toEqual([
      [null, null, 'ক', 'ক', 'ক'],
      [null, null, 'ক', 'ক', 'ক'],
    ]);
  });

  test('spans are merges; covered cells are empty', () => {
    const xml = content(
      row(`<table:table-cell office:value-type="string" table:number-columns-spanned="3" table:number-rows-spanned="2"><text:p>শিরোনাম</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/>${odsText('x')}`) +
        row(`<table:covered-table-cell table:number-columns-repeated="3"/>${odsText('y')}`),
    );
    const [g] = readOdsContent(xml, null, 'f.ods').grids;
    expect(g.values).toEqual([
      ['শিরোনাম', null, null, 'x'],
      [null, null, null, 'y'],
    ]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
  });

  test('value types as an .xlsx cell holds them: float, percentage (the fraction, in a percent format), date (UTC midnight, in a date format), boolean, string, an error result', () => {
    const styles =
      '<number:percentage-style style:name="N11"><number:number number:decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>' +
      '<number:date-style style:name="N144"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>' +
      '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N11"/><style:style style:name="ce2" style:family="table-cell" style:data-style-name="N144"/>';
    const xml = content(
      row(
        [
          '<table:table-cell office:value-type="float" office:value="4"><text:p>৪</text:p></table:table-cell>',
          '<table:table-cell table:style-name="ce1" office:value-type="percentage" office:value="0.6154"><text:p>61.54%</text:p></table:table-cell>',
          '<table:table-cell table:style-name="ce2" office:value-type="date" office:date-value="2025-03-16"><text:p>16/03/2025</text:p></table:table-cell>',
          '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>',
          '<table:table-cell office:value-type="string"><text:p>প্রথম<text:s text:c="2"/>লাইন</text:p><text:p>দ্বিতীয় <text:span>লাইন</text:span></text:p><office:annotation><text:p>মন্তব্য, ঘরের লেখা নয়</text:p></office:annotation></table:table-cell>',
          '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
          '<table:table-cell office:value-type="percentage" office:value="0.9"><text:p>90%</text:p></table:table-cell>',
        ].join(''),
      ),
      styles,
    );
    const [g] = readOdsContent(xml, null, 'f.ods').grids;
    expect(g.values[0]).toEqual([4, 0.6154, new Date(Date.UTC(2025, 2, 16)), true, 'প্রথম  লাইন\nদ্বিতীয় লাইন', '#DIV/0!', 0.9]);
    expect(g.formats?.[0]).toEqual([null, '0.00%', 'dd/mm/yyyy', null, null, null, '0%']);
  });

  test('a named style in styles.xml gives its number format to the automatic style built on it', () => {
    const stylesXml = `<office:document-styles ${NS}><office:styles><number:percentage-style style:name="P1"><number:number number:decimal-places="1"/><number:text>%</number:text></number:percentage-style><style:style style:name="Percent" style:family="table-cell" style:data-style-name="P1"/></office:styles></office:document-styles>`;
    const xml = content(row('<table:table-cell table:style-name="ce9" office:value-type="percentage" office:value="0.5"><text:p>50.0%</text:p></table:table-cell>'), '<style:style style:name="ce9" style:family="table-cell" style:parent-style-name="Percent"/>');
    expect(readOdsContent(xml, stylesXml, 'f.ods').grids[0].formats?.[0]).toEqual(['0.0%']);
  });

  test('a cell holds at most 32,767 characters, however many spaces `text:s` asks for', () => {
    const xml = content(row('<table:table-cell office:value-type="string"><text:p>a<text:s text:c="999999999"/>b</text:p></table:table-cell>'));
    const [g] = readOdsContent(xml, null, 'f.ods').grids;
    expect((g.values[0][0] as string).length).toBe(32_767);
  });

  test('within the readers\' limits: repeated content past a limit skips its sheet, content past the last row makes the file damaged', () => {
    const big = content(row(odsText('x', ' table:number-columns-repeated="1000"'), ' table:number-rows-repeated="2000"'));
    const r = readOdsContent(big, null, 'f.ods');
    expect(r.grids).toEqual([]);
    expect(r.skipped).toEqual([{ sheet: 'অগ্রগতি', reason: expect.objectContaining({ en: expect.stringMatching(/This sheet was not read: more than 1,000,000 of its cells hold something/) }) }]);
    const beyond = content(row(empty(16384), ' table:number-rows-repeated="1048576"') + row(odsText('x')));
    expect(() => readOdsContent(beyond, null, 'f.ods')).toThrow(/cell A1048577 lies beyond the last row/);
  });

  test('an .ods package: found by its mimetype whatever its name; a password-protected one says so', async () => {
    const ods = odsPackage([{ name: 'S', rows: row(odsText('ক')) }]);
    expect((await readWorkbookGrids(ods, 'renamed.xlsx')).grids[0].values).toEqual([['ক']]);
    const encrypted = odsPackage([{ name: 'S', rows: row(odsText('ক')) }]);
    const { withPart } = await import('./fixtures/hostile');
    const locked = withPart(encrypted, 'META-INF/manifest.xml', (m) => m.replace('manifest:media-type="text/xml"/>', 'manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry>'));
    await expect(readWorkbookGrids(locked, 'locked.ods')).rejects.toMatchObject({ reason: { en: expect.stringMatching(/password-protected; remove the password in LibreOffice/) } });
  });
});

const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
const skipLibreOffice = !soffice && process.env.APA_SKIP_LIBREOFFICE === '1';

describe('.ods as LibreOffice writes it', () => {
  let tmp: string;
  let pairs: { xlsx: string; ods: string }[];
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-ods-'));
    if (!soffice) return;
    const samples = (await buildSamples(path.join(tmp, 'samples'))).filter((f) => f.endsWith('.xlsx'));
    // LibreOffice writes each sample as .xlsx and as .ods: the same sheet in both formats, from
    // the same writer.
    const both = path.join(tmp, 'both');
    for (const [filter, ext] of [
      ['xlsx:Calc MS Excel 2007 XML', 'xlsx'],
      ['ods', 'ods'],
    ]) {
      await new Promise<void>((resolve, reject) =>
        execFile(soffice, [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', path.join(both, ext), ...samples], { timeout: 240_000 }, (err) =>
          err ? reject(err) : resolve(),
        ),
      );
    }
    pairs = samples.map((f) => ({ xlsx: path.join(both, 'xlsx', path.basename(f)), ods: path.join(both, 'ods', `${path.basename(f, '.xlsx')}.ods`) }));
  }, 300_000);
  afterAll(async () => {
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  (skipLibreOffice ? test.skip : test)('every sample: the same plans and scores from its .ods as from its .xlsx', async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) not found: install libreoffice-calc (CI: .ci/run does), or set APA_SKIP_LIBREOFFICE=1 to skip explicitly.');
    expect(pairs.length).toBeGreaterThanOrEqual(7);
    let plans = 0;
    for (const { xlsx, ods } of pairs) {
      const a = await readWorkbookGrids(xlsx, 'same');
      const b = await readWorkbookGrids(ods, 'same');
      expect(b.grids.map((g) => g.sheet)).toEqual(a.grids.map((g) => g.sheet));
      for (let i = 0; i < a.grids.length; i++) {
        const pa = readPlan(a.grids[i]);
        const pb = readPlan(b.grids[i]);
        expect([path.basename(ods), pb.kind]).toEqual([path.basename(ods), pa.kind]);
        if (pa.kind !== 'plan' || pb.kind !== 'plan') continue;
        plans++;
        expect(pb.plan).toEqual(pa.plan);
        expect(scorePlan(pb.plan)).toEqual(scorePlan(pa.plan));
      }
    }
    expect(plans).toBeGreaterThanOrEqual(7);
  });

  (skipLibreOffice ? test.skip : test)('apa score reads a folder of .ods files as it reads their .xlsx', async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) not found');
    const run = async (dir: string) => {
      let stdout = '';
      const out: Writer = { write: (s: string) => (stdout += s) };
      const err: Writer = { write: () => true };
      await main(['score', dir, '--json'], { stdout: out, stderr: err, now: new Date(Date.UTC(2025, 0, 20)) });
      return jsonDocumentSchema.parse(JSON.parse(stdout));
    };
    const fromOds = await run(path.dirname(pairs[0].ods));
    const fromXlsx = await run(path.dirname(pairs[0].xlsx));
    expect(fromOds.files.map((f) => path.basename(f.file, '.ods'))).toEqual(fromXlsx.files.map((f) => path.basename(f.file, '.xlsx')));
    expect(fromOds.files.map((f) => f.sheets)).toEqual(fromXlsx.files.map((f) => f.sheets));
  });
});
