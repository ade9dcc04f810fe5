/** What must hold for whatever grid the reader is given (issue 5): it never throws, every
 * unreadable cell it meets is reported at its own address, and every cell it says it read holds
 * what it says it read. Findings are collected as sentences so a counterexample explains itself. */
import { isDeepStrictEqual } from 'util';
import { CellValue, MergeArea, parseA1 } from '../../core/grid';
import { readPlan, ReadOptions } from '../../core/layout';
import { Plan, Problem, planIndicators } from '../../core/plan';
import { scorePlan, PlanScore } from '../../core/score';
import { validatePlan } from '../../core/validate';
import { CellContext, coerceToUnit, earliestPlausibleDay, readAchievement, readCell, Unit, Value } from '../../core/values';
import { FuzzGrid } from './seed-grids';
import { isInjectedError, widthOf } from './mutations';

export interface Looked {
  r: number;
  c: number;
  raw: CellValue;
  format: string | null | undefined;
  /** The cell is covered by a merge that starts elsewhere: a spreadsheet keeps nothing there. */
  covered: boolean;
}

/** Looks cells up by address in one grid: the width and the merge of every merged cell are
 * found once (a 20,000-row sheet has tens of thousands of merges). */
export class CellIndex {
  readonly width: number;
  private readonly mergeOf = new Map<number, MergeArea>();
  constructor(readonly g: FuzzGrid) {
    this.width = widthOf(g);
    for (const m of g.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeOf.set(r * this.width + c, m);
  }

  mergeAt(r: number, c: number): MergeArea | undefined {
    return this.mergeOf.get(r * this.width + c);
  }

  /** The grid cell an address names (the grid's origin honoured), or why it names none. */
  lookup(address: string): Looked | string {
    const g = this.g;
    const p = parseA1(address);
    if (!p) return `"${address}" is not an A1 address`;
    if (p.sheet !== undefined && p.sheet !== g.sheet) return `"${address}" names another sheet`;
    const r = p.row - (g.origin?.row ?? 0);
    const c = p.col - (g.origin?.col ?? 0);
    if (r < 0 || c < 0 || r >= g.values.length || c >= this.width) return `"${address}" is outside the grid (${g.values.length} rows × ${this.width} columns)`;
    const m = this.mergeOf.get(r * this.width + c);
    const covered = !!m && (m.top !== r || m.left !== c);
    // A merged area's value is in its top-left cell.
    const hr = m ? m.top : r;
    const hc = m ? m.left : c;
    return { r, c, raw: g.values[hr]?.[hc], format: g.formats[hr]?.[hc], covered };
  }
}

const show = (v: unknown) => (v instanceof Date ? `Date(${v.toISOString()})` : JSON.stringify(v));

export interface Outcome {
  plan: Plan | null;
  scored: PlanScore | null;
  problems: Problem[];
  /** Every broken rule, in words; empty when all hold. */
  findings: string[];
  /** Those of property 2 (an unreadable cell not reported at its address, a problem naming no
   * real cell) and of property 3 (a value read from elsewhere than the cell the plan names). */
  unreported: string[];
  misread: string[];
  /** Read positions holding an injected formula error, and how many were reported there. */
  errorsAtReadCells: number;
}

/** Reads, scores and validates the grid (property 1: nothing here may throw) and checks
 * properties 2 and 3 against the grid itself. */
export function readAndCheck(g: FuzzGrid, options: ReadOptions = {}): Outcome {
  const unreported: string[] = [];
  const misread: string[] = [];
  const index = new CellIndex(g);
  const lookup = (_g: FuzzGrid, address: string) => index.lookup(address);
  const out = readPlan(g, options);
  if (out.kind !== 'plan') {
    if (out.problems.length === 0) unreported.push('not a plan, yet no problem says why');
    for (const p of out.problems) checkProblemCell(index, p, unreported);
    return { plan: null, scored: null, problems: out.problems, findings: unreported, unreported, misread, errorsAtReadCells: 0 };
  }
  const plan = out.plan;
  const scored = scorePlan(plan);
  // The other settings run the same code paths differently: they must not throw either.
  scorePlan(plan, { mode: 'floor', na: 'full', final: true });
  scorePlan(plan, { na: 'zero' });
  const problems = validatePlan(plan, { today: 20_000 }, scored);
  const coerce = { formatsUnknown: options.formatsUnknown };
  // Real date cells are read against the plan's fiscal year (SCORING.md §3: no plausible date
  // before the previous year), in the host's time zone.
  const context: CellContext = { earliestDay: earliestPlausibleDay(plan.fiscalYear), timeZoneOffsetMinutes: g.timeZoneOffsetMinutes };
  /** What a cell holds, read as the plan reads a target or an achievement of the unit. */
  const expectedAt = (raw: CellValue, format: string | null | undefined, unit: Unit, role: 'target' | 'achievement'): Value => {
    const v = readCell(raw, format, context);
    return role === 'achievement' ? readAchievement(v, unit, coerce).value : coerceToUnit(v, unit, coerce);
  };
  const at = new Map<string, Problem[]>();
  for (const p of problems) {
    checkProblemCell(index, p, unreported);
    const list = at.get(p.cell) ?? [];
    list.push(p);
    at.set(p.cell, list);
  }
  const reportedAt = (cell: string, codes: string[]) => (at.get(cell) ?? []).some((p) => codes.includes(p.code));
  /** Positions the plan read whose value is not a value, for the not-a-value problems. */
  const invalidRead = new Set<string>();
  let errorsAtReadCells = 0;

  // Property 3: each read cell holds what the plan says it read there.
  const readValue = (where: string, address: string, value: Value, unit: Unit, name: string) => {
    const cell = lookup(g, address);
    if (typeof cell === 'string') return void misread.push(`${name}: ${where} ${cell}`);
    if (cell.covered) misread.push(`${name}: ${where} ${address} is covered by a merge: its value is in the merge's top-left cell`);
    const expected = expectedAt(cell.raw, cell.format, unit, where === 'achievement' ? 'achievement' : 'target');
    if (!isDeepStrictEqual(expected, value)) {
      misread.push(`${name}: ${where} ${address} holds ${show(cell.raw)} (${show(expected)}), the plan read ${show(value)}`);
    }
    if (value.kind === 'invalid') invalidRead.add(address);
    // Property 2: a formula error where a value is read is reported at exactly that cell.
    if (isInjectedError(cell.raw)) {
      errorsAtReadCells++;
      if (!reportedAt(address, ['not-a-value'])) unreported.push(`${name}: formula error ${show(cell.raw)} at ${where} ${address} is not reported there`);
    }
  };

  for (const ind of planIndicators(plan)) {
    const name = `indicator "${ind.id}" (row ${ind.row})`;
    // Its name cell is a real cell of the indicator's own row.
    const nameCell = lookup(g, ind.cell);
    if (typeof nameCell === 'string') misread.push(`${name}: name cell ${nameCell}`);
    else {
      const r = ind.row - 1 - (g.origin?.row ?? 0);
      const m = index.mergeAt(r, nameCell.c);
      // On the indicator's row, or the top-left of a merge that covers it there.
      const ok = nameCell.r === r ? !nameCell.covered : !!m && m.top === nameCell.r && m.left === nameCell.c;
      if (!ok) misread.push(`${name}: name cell ${ind.cell} is not the indicator's row's cell`);
    }
    if (ind.weightCell) {
      const cell = lookup(g, ind.weightCell);
      if (typeof cell === 'string') misread.push(`${name}: weight ${cell}`);
      else {
        if (cell.covered) misread.push(`${name}: weight ${ind.weightCell} is covered by a merge`);
        const v = readCell(cell.raw, cell.format, context);
        const expected = v.kind === 'number' ? v.value : null;
        if (expected !== ind.weight) misread.push(`${name}: weight ${ind.weightCell} holds ${show(cell.raw)}, the plan read ${show(ind.weight)}`);
        if (isInjectedError(cell.raw)) {
          errorsAtReadCells++;
          if (!reportedAt(ind.weightCell, ['weight-missing', 'not-a-value'])) unreported.push(`${name}: formula error ${show(cell.raw)} in weight ${ind.weightCell} is not reported there`);
        }
      }
    } else if (plan.equalWeights ? ind.weight !== 1 : ind.weight !== null) misread.push(`${name}: a weight ${ind.weight} read from no cell`);
    ind.targets.forEach((t) => readValue(`target (${t.tier})`, t.cell, t.value, ind.unit, name));
    ind.achievements.forEach((a) => readValue('achievement', a.cell, a.value, ind.unit, name));
  }

  for (const area of plan.areas) {
    if (area.weight === null) continue;
    const cell = lookup(g, area.weightCell);
    if (typeof cell === 'string') misread.push(`area "${area.id}": weight ${cell}`);
    else {
      const v = readCell(cell.raw, cell.format, context);
      if (cell.covered || v.kind !== 'number' || v.value !== area.weight) misread.push(`area "${area.id}": weight ${area.weightCell} holds ${show(cell.raw)}, the plan read ${area.weight}`);
    }
  }

  // Property 2: an indicator left invalid by a value that is not a value says where that value is.
  for (const s of scored.indicators) {
    if (s.status !== 'invalid' || s.invalid?.cause !== 'not-a-value') continue;
    const name = `indicator "${s.indicator.id}" (row ${s.indicator.row})`;
    const a = s.analysis;
    const byTarget = a.kind === 'invalid' && a.cause === 'not-a-value';
    const offending = byTarget ? a.target?.value : s.achievement;
    const cell = lookup(g, s.invalid.cell);
    if (!offending || offending.kind !== 'invalid') unreported.push(`${name}: invalid for a value that is not a value, but the value is ${show(offending)}`);
    if (typeof cell === 'string') unreported.push(`${name}: the value that is not a value is at ${cell}`);
    else {
      const there = expectedAt(cell.raw, cell.format, s.indicator.unit, byTarget ? 'target' : 'achievement');
      if (!isDeepStrictEqual(there, offending)) {
        unreported.push(`${name}: invalid because of ${show(offending)} at ${s.invalid.cell}, but that cell holds ${show(cell.raw)} (${show(there)})`);
      }
    }
    if (!reportedAt(s.invalid.cell, ['not-a-value'])) unreported.push(`${name}: no not-a-value problem at ${s.invalid.cell}`);
  }
  // Progress reported in words is shown as such at its cell; a value read out of a sentence says so.
  for (const s of scored.indicators) {
    const name = `indicator "${s.indicator.id}" (row ${s.indicator.row})`;
    if (s.status === 'in-words') {
      const cells = s.indicator.achievements.filter((a) => a.value.kind === 'words').map((a) => a.cell);
      if (!cells.some((c) => reportedAt(c, ['reported-in-words']))) unreported.push(`${name}: reported in words, but no note at ${cells.join(', ') || 'any achievement cell'}`);
    }
    for (const a of s.indicator.achievements) {
      if (a.sentence !== undefined && !reportedAt(a.cell, ['value-in-sentence'])) unreported.push(`${name}: a value read from the sentence at ${a.cell} without a note`);
    }
  }
  // And no not-a-value problem names a cell the plan did not read as one.
  for (const p of problems) {
    if (p.code === 'not-a-value' && !invalidRead.has(p.cell)) unreported.push(`not-a-value problem at ${p.cell}, where no value that is not a value was read`);
  }
  return { plan, scored, problems, findings: [...unreported, ...misread], unreported, misread, errorsAtReadCells };
}

/** Every problem names this sheet, and its cell (when it names one) is a real cell of the grid. */
function checkProblemCell(index: CellIndex, p: Problem, findings: string[]): void {
  const g = index.g;
  if (p.sheet !== g.sheet) findings.push(`problem ${p.code} names sheet "${p.sheet}", not "${g.sheet}"`);
  if (p.cell === '') return;
  const cell = index.lookup(p.cell);
  if (typeof cell === 'string') findings.push(`problem ${p.code}: ${cell}`);
  else if (cell.covered) findings.push(`problem ${p.code} at ${p.cell}, a cell covered by a merge (its value is in the merge's top-left cell)`);
}
