import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../cli/apa';
import { PERCENT_BANDS, PALETTE, text } from '../core';
import { buildOfficeFolder } from './fixtures/build-fixtures';

/**
 * SCORING.md §9, the report people print: the CLI's report opened by LibreOffice and printed to
 * PDF (read back with poppler's pdfinfo and pdftotext). Each summary runs over several pages, all
 * landscape, every column on one page's width, its title rows (the group's title and the table's
 * header) on every page, and its chart drawn with its title and legend.
 *
 * LibreOffice and poppler are required (CI installs them): without them the test fails, unless
 * APA_SKIP_LIBREOFFICE=1, which makes it an explicit, reported skip.
 */

const OFFICES = 70;
const SKIP = process.env.APA_SKIP_LIBREOFFICE === '1';

function which(names: string[]): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const d of [...dirs, '/usr/bin', '/usr/lib/libreoffice/program']) for (const n of names) if (existsSync(path.join(d, n))) return path.join(d, n);
  return null;
}
const SOFFICE = which(['soffice', 'libreoffice']);
const PDFTOTEXT = which(['pdftotext']);
const PDFINFO = which(['pdfinfo']);
if (SKIP && !(SOFFICE && PDFTOTEXT && PDFINFO)) {
  // eslint-disable-next-line no-console
  console.warn('consolidate-print: LibreOffice or poppler not found and APA_SKIP_LIBREOFFICE=1: the printed report is NOT checked.');
}
const printTest = SKIP && !(SOFFICE && PDFTOTEXT && PDFINFO) ? test.skip : test;

function exec(file: string, args: string[], timeout = 240_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve(String(stdout));
    });
  });
}

const en = (key: Parameters<typeof text>[0]) => text(key).en;

let tmp: string;
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('§9 a report people read and print: LibreOffice prints the CLI\'s report', () => {
  printTest(
    'every page landscape; each summary one page wide with Rank and Office (its title rows) on every page; its chart with title and legend',
    async () => {
      if (!SOFFICE || !PDFTOTEXT || !PDFINFO) throw new Error('LibreOffice (soffice) and poppler (pdftotext, pdfinfo) are needed: install libreoffice-calc and poppler-utils (CI: .ci/run does), or set APA_SKIP_LIBREOFFICE=1 to skip this check explicitly.');
      tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'apa-print-'));
      await buildOfficeFolder(path.join(tmp, 'offices'), OFFICES, 3);
      const out = path.join(tmp, 'report.xlsx');
      const code = await main(['consolidate', path.join(tmp, 'offices'), '-o', out, '--en'], { stdout: { write: () => true }, stderr: { write: () => true } });
      expect(code).toBe(0);

      const profile = `file://${await fs.mkdtemp(path.join(os.tmpdir(), 'apa-lo-profile-'))}`;
      await exec(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', tmp, out]);
      const pdf = path.join(tmp, 'report.pdf');
      const info = await exec(PDFINFO, [pdf]);
      const pageCount = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pageCount).toBeGreaterThan(2);

      // Landscape: every page wider than it is tall.
      const sizes = await exec(PDFINFO, ['-f', '1', '-l', String(pageCount), pdf]);
      const dims = [...sizes.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(dims).toHaveLength(pageCount);
      for (const [w, h] of dims) expect(w).toBeGreaterThan(h);

      const pages = (await exec(PDFTOTEXT, ['-layout', pdf, '-'])).split('\f').slice(0, pageCount);
      const summaryTitle = en('report.title');
      const summaries = pages.filter((p) => p.trimStart().split('\n')[0].includes(summaryTitle));
      // 70 offices and a chart: the one group's summary runs over more than one page.
      expect(summaries.length).toBeGreaterThan(1);
      // The summary pages come first, one after another (the pages of one printed sheet).
      expect(pages.slice(0, summaries.length)).toEqual(summaries);
      for (const page of summaries) {
        // The title rows on every page; the first and the last column on every page: one page wide.
        expect(page).toContain(en('col.rank'));
        expect(page).toContain(en('col.office'));
        expect(page).toContain(en('col.percent'));
        expect(page).toContain(en('col.sheet'));
      }
      // The chart whole on a page of its own (after a page break, under the title rows): its
      // caption, title and axis, and its legend naming the bands (the chart's data columns are
      // not printed, so the band names there are the legend's).
      const chartPages = summaries.filter((p) => p.includes(en('chart.title')));
      expect(chartPages).toHaveLength(1);
      const [chartPage] = chartPages;
      expect(chartPage).toContain(en('chart.caption'));
      for (const band of PERCENT_BANDS) expect(chartPage).toContain(PALETTE[band].label.en);
      expect(summaries[summaries.length - 1]).toBe(chartPage);
      // The per-indicator and problems sheets print their header on each of their pages too.
      const rest = pages.slice(summaries.length).filter((p) => p.trim());
      expect(rest.length).toBeGreaterThan(0);
      for (const page of rest) expect([en('report.indicators-title'), en('report.problems-title')].some((t) => page.trimStart().startsWith(t))).toBe(true);
    },
    600_000,
  );
});
