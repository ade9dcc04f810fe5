/**
 * Sheet text that a spreadsheet would read as a formula if it were written as typed input: the
 * cases the formula-text tests (test/addin/formula-text.test.ts, test/appsscript/formula-text.test.ts,
 * test/formula-text-cli.test.ts) put into offices' sheets as office names, indicator names,
 * remarks and tab names, and then look for in every output.
 */
import path from 'path';
import { readWorkbookGrids } from '../cli/xlsx-grid';
import { a1 } from '../core/grid';
import { readPlan } from '../core/layout';

export const FORMULA_TEXTS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'] as const;

/** Tab names: Excel refuses `/` and `:` in a sheet name, so the first case is replaced by another `=` text. */
export const FORMULA_TAB_NAMES = ['=1+1', '+1+1', '-2+3', '@SUM(A1)'] as const;

/** A sample with a name line (`দপ্তর/সংস্থার নামঃ …`), so the office name is the line's text as it is. */
export const SOURCE_FILE = path.join(__dirname, '..', 'samples', '003-skt.xlsx');

export interface FormulaTextEdits {
  /** The plan sheet's name in SOURCE_FILE. */
  sheet: string;
  /** For office `i` (0-3): A1 → the text to put there (the name line, indicator names, remarks). */
  edits: (i: number) => Record<string, string>;
  /** Indicator name cells that get a formula-like text. */
  nameCells: string[];
}

/** Where SOURCE_FILE keeps its office name line, indicator names and remarks, from core's own
 * reading of it, and the edits that give office `i` the name FORMULA_TEXTS[i] and formula-like
 * indicator names and remarks. */
export async function formulaTextEdits(): Promise<FormulaTextEdits> {
  const { grids } = await readWorkbookGrids(SOURCE_FILE, path.basename(SOURCE_FILE));
  for (const g of grids) {
    const r = readPlan(g);
    if (r.kind !== 'plan') continue;
    let nameLine = '';
    g.values.forEach((row, ri) =>
      row.forEach((v, ci) => {
        if (!nameLine && typeof v === 'string' && v.includes('নামঃ') && v.includes(r.plan.office)) nameLine = a1(ri, ci);
      }),
    );
    if (!nameLine) throw new Error('no name line in the source sample');
    const indicators = r.plan.areas.flatMap((a) => a.indicators);
    const nameCells = indicators.slice(0, 4).map((ind) => ind.cell);
    const remarkCells: string[] = [];
    for (const ind of indicators) {
      if (!ind.remarks || remarkCells.length === 4) continue;
      const row = g.values[ind.row - 1] ?? [];
      const col = row.findIndex((v) => v === ind.remarks);
      if (col >= 0) remarkCells.push(a1(ind.row - 1, col));
    }
    if (remarkCells.length < 4) throw new Error('too few remarks in the source sample');
    return {
      sheet: g.sheet,
      nameCells,
      edits: (i) => {
        const out: Record<string, string> = { [nameLine]: `দপ্তর/সংস্থার নামঃ ${FORMULA_TEXTS[i]}` };
        nameCells.forEach((c, k) => (out[c] = FORMULA_TEXTS[(i + k) % 4]));
        remarkCells.forEach((c, k) => (out[c] = FORMULA_TEXTS[(i + k + 1) % 4]));
        return out;
      },
    };
  }
  throw new Error('no plan in the source sample');
}

const LINK = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/;

/** A formula the products write themselves: a link to a place in the same workbook (`#…`), whose
 * arguments are string literals (so text in them is never evaluated). */
export function isOwnLink(formula: string): boolean {
  const m = LINK.exec(formula);
  return !!m && m[1].startsWith('#');
}
