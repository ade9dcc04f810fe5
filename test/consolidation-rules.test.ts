/**
 * SCORING.md §9, rule by rule, over the bundled samples: four fiscal years of the e-Governance
 * plan and an APA, the same office in two layouts (and a CSV), the same office in Bengali and in
 * English with nothing assessed yet; and a folder of nothing readable.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../cli/apa';
import { readWorkbookGrids } from '../cli/xlsx-grid';
import { OfficeSummary, allOffices, consolidate, consolidationWorkbook, groupTitle, isEmptyConsolidation, officeSummary, readPlan, scorePlan, validatePlan } from '../core';

const SAMPLES = path.join(__dirname, '..', 'samples');

async function summariesOf(files: string[]): Promise<OfficeSummary[]> {
  const out: OfficeSummary[] = [];
  for (const file of files) {
    const { grids } = await readWorkbookGrids(path.join(SAMPLES, file), file);
    for (const g of grids) {
      const r = readPlan(g);
      if (r.kind !== 'plan') continue;
      const s = scorePlan(r.plan);
      out.push(officeSummary(s, validatePlan(r.plan, {}, s)));
    }
  }
  return out;
}

let all: OfficeSummary[];
beforeAll(async () => {
  all = await summariesOf(fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort());
});

describe('§9 Groups: offices compared only within one plan kind, fiscal year and quarter', () => {
  test('one group per (kind, year, quarter), latest first; ranks start at 1 in each', () => {
    const c = consolidate(all);
    const keys = c.groups.map((g) => `${g.plan} ${g.fiscalYear} ${g.quarter}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const g of c.groups) {
      for (const o of g.offices) {
        const input = all.find((x) => x.sheet === o.sheet && x.file === o.file)!;
        expect([input.plan, input.fiscalYear, input.quarter]).toEqual([g.plan, g.fiscalYear, g.quarter]);
      }
      const ranks = g.offices.map((o) => o.rank).filter((r): r is number => r !== null);
      if (ranks.length) expect(Math.min(...ranks)).toBe(1);
    }
    expect(c.groups.map((g) => g.fiscalYear)).toEqual([...c.groups.map((g) => g.fiscalYear)].sort((a, b) => b! - a!));
    expect(groupTitle(c.groups[0]).bn).toBe('ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৪-২৫, ২য় ত্রৈমাসিক');
  });

  test('an office whose quarter cannot be told is in the unknown group, unranked, with a warning', () => {
    const lost = { ...all[0], quarter: null, office: 'দপ্তর যার ত্রৈমাসিক জানা নেই', values: 'other' };
    const c = consolidate([...all, lost]);
    const unknown = c.groups[c.groups.length - 1];
    expect(unknown).toMatchObject({ plan: 'unknown', known: false });
    expect(unknown.offices.map((o) => [o.office, o.rank])).toEqual([[lost.office, null]]);
    expect(c.warnings.find((w) => w.code === 'group-unknown')!.message.en).toMatch(/quarter/);
  });
});

describe('§9 Duplicates: the same office twice in a group is ranked once', () => {
  test('the same name (two layouts of one office): the first ranked, the other a duplicate of it, a warning naming both files', () => {
    const c = consolidate(all);
    const khulna = allOffices(c).filter((o) => o.office.includes('খুলনা'));
    expect(khulna).toHaveLength(2);
    const [ranked, copy] = khulna;
    expect(ranked.rank).toBe(1);
    expect(copy.rank).toBeNull();
    expect(copy.duplicateOf).toEqual({ office: ranked.office, file: ranked.file, sheet: ranked.sheet });
    const w = c.warnings.find((x) => x.code === 'duplicate-office' && x.file === copy.file)!;
    expect(w.message.en).toContain(path.basename(copy.file!));
    expect(w.message.en).toContain(path.basename(ranked.file!));
  });

  test('the same indicators and values under another name (the Bengali and the English sheet)', () => {
    const c = consolidate(all);
    const skt = allOffices(c).filter((o) => /Shishu|শিশু/.test(o.office));
    expect(skt).toHaveLength(2);
    expect(skt.filter((o) => o.duplicateOf !== null)).toHaveLength(1);
    expect(c.warnings.find((x) => x.code === 'duplicate-office' && x.office === skt[1].office)!.message.en).toMatch(/same indicators/i);
  });
});

describe('§9 Ranking: by the marks earned so far out of the applicable plan weight', () => {
  test('percent = marks / outOf × 100; to-date percent = marks / assessed × 100, beside it, never ranked by', () => {
    for (const o of allOffices(consolidate(all))) {
      if (o.outOf > 0) expect(o.percent).toBeCloseTo((o.marks / o.outOf) * 100, 9);
      if (o.assessed > 0) expect(o.toDatePercent).toBeCloseTo((o.marks / o.assessed) * 100, 9);
    }
  });

  test('a pending indicator has earned nothing yet: an office that assessed little is not ranked above one that earned more', () => {
    const c = consolidate(all);
    for (const g of c.groups) {
      const ranked = g.offices.filter((o) => o.rank !== null);
      for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].percent!).toBeGreaterThanOrEqual(ranked[i].percent!);
    }
  });

  test('equal percents share a rank; an office with nothing assessed is listed without one', () => {
    const base = all.find((o) => o.office.includes('খুলনা'))!;
    const twin = { ...base, office: 'অন্য দপ্তর', file: 'twin.xlsx', values: 'twin' };
    const c = consolidate([base, twin]);
    expect(c.groups[0].offices.map((o) => o.rank)).toEqual([1, 1]);
    const skt = allOffices(consolidate(all)).find((o) => /Shishu|শিশু/.test(o.office) && o.duplicateOf === null)!;
    expect(skt.assessed).toBe(0);
    expect(skt.rank).toBeNull();
  });
});

describe('§9 Indicators across offices: the same id and normalised name', () => {
  test('the same id with another name is a row of its own, with a warning; rows sorted by id', () => {
    const c = consolidate(all);
    for (const g of c.groups) {
      const ids = g.indicators.map((i) => i.id);
      const sorted = [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      expect(ids.filter(Boolean)).toEqual(sorted.filter(Boolean));
    }
    const base = all.find((o) => o.office.includes('খুলনা'))!;
    const renamed = { ...base, office: 'অন্য দপ্তর', values: 'renamed', indicators: base.indicators.map((i, n) => (n === 0 ? { ...i, name: 'একেবারে অন্য একটি সূচক' } : i)) };
    const r = consolidate([base, renamed]);
    const rows = r.groups[0].indicators.filter((i) => i.id === base.indicators[0].id);
    expect(rows).toHaveLength(2);
    expect(rows.map((x) => x.offices)).toEqual([1, 1]);
    expect(r.warnings.map((w) => w.code)).toContain('same-id-different-name');
    // The same name in other spacing and punctuation is the same indicator.
    const respaced = { ...base, office: 'আরেক দপ্তর', values: 'respaced', indicators: base.indicators.map((i, n) => (n === 0 ? { ...i, name: `  ${i.name.replace(/ /g, '  ')}।` } : i)) };
    expect(consolidate([base, respaced]).groups[0].indicators.filter((i) => i.id === base.indicators[0].id).map((x) => x.offices)).toEqual([2]);
  });
});

describe('§9 Nothing to consolidate: a warning, no report, exit status 1', () => {
  test('no office: no report sheets', () => {
    const c = consolidate([], [{ file: 'x.xlsx', reason: { bn: 'x', en: 'x' } }]);
    expect(isEmptyConsolidation(c)).toBe(true);
    expect(consolidationWorkbook(c, 'en').sheets).toEqual([]);
  });

  test('the CLI on a folder of nothing readable: exit 1, the warning, no workbook written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apa-nothing-'));
    try {
      fs.writeFileSync(path.join(dir, 'broken.xlsx'), 'not a zip');
      fs.writeFileSync(path.join(dir, 'empty.csv'), '');
      const out = path.join(dir, 'out.xlsx');
      let stderr = '';
      const code = await main(['consolidate', dir, '-o', out, '--en'], { stdout: { write: () => true }, stderr: { write: (s: string) => ((stderr += s), true) } });
      expect(code).toBe(1);
      expect(fs.existsSync(out)).toBe(false);
      expect(stderr).toMatch(/nothing to consolidate/i);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
