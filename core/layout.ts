import { Grid, sheetRow } from './grid';
import { ParsedId, parseCleanId } from './ids';
import { layoutOf, TableContext, TableLayout } from './layouts';
import { Bilingual, digits, message, MessageKey, MessageParam } from './messages';
import { metaOfName, planKindOfText, readMeta } from './office';
import type { Achievement, Area, Evidence, Indicator, Plan, Problem, Severity, Target } from './plan';
import { evidenceOfCell, evidenceOfRemark, remarkSaysOnlyNa } from './remarks';
import { SheetView } from './sheet-view';
import { Column, ColumnRole, HeaderNote, LookedAt, TableHeader, closestHeaderRow, findHeaderRow, headerEnd, indicatorColumnOf, isHeaderRow, lookedAtRow, readTableHeader } from './table-header';
import { isColumnNumberRow, isPageNumberRow, isSubtotalRow } from './table-rows';
import { quarterOfText } from './header';
import { CoerceOptions, EMPTY, Unit, Value, coerceToUnit, earliestPlausibleDay, readAchievement } from './values';
import { resolveUnitOf } from './units';

export type ReadOutcome =
  | { kind: 'plan'; plan: Plan }
  | { kind: 'not-a-plan'; sheet: string; file?: string; problems: Problem[] };

export interface ReadOptions {
  /** Formats are unknown (CSV, custom-function arguments): see `coerceToUnit`. */
  formatsUnknown?: boolean;
}

/** The column each message names, in the officer's words, and the header to give it. */
const COLUMN_NAME: Partial<Record<ColumnRole, MessageKey>> = {
  indicator: 'column.indicator',
  weight: 'column.weight',
  target: 'column.targets',
  achievement: 'column.achievement',
};

/** At most this many header cells are listed in a message about a sheet that cannot be read. */
const LOOKED_AT_SHOWN = 12;

/** The header cells a message lists: `E5 "কর্মসম্পাদন সূচক" (indicator), F5 "একক" (unit), …`. */
export function lookedAtText(cells: LookedAt[]): Bilingual {
  if (cells.length === 0) return message('looked.none');
  const shown = cells.slice(0, LOOKED_AT_SHOWN);
  const list = (l: 'bn' | 'en') =>
    shown
      .map((x) => {
        const text = x.text.length > 40 ? `${x.text.slice(0, 39)}…` : x.text;
        const role = x.role ? ` (${message(`role.${x.role}`)[l]})` : '';
        return `${x.cell} "${text}"${role}`;
      })
      .join(', ') + (cells.length > shown.length ? ', …' : '');
  return message('looked.cells', { cells: { bn: list('bn'), en: list('en') } });
}

/** Reads a grid into a plan: finds the table wherever it starts, whatever its layout. */
export function readPlan(grid: Grid, options: ReadOptions = {}): ReadOutcome {
  const view = new SheetView(grid, { timeZoneOffsetMinutes: grid.timeZoneOffsetMinutes });
  const sheet = grid.sheet;
  const problems: Problem[] = [];
  const problem = (code: MessageKey, severity: Severity, cell: string, params: Record<string, MessageParam> = {}, indicatorId?: string) => {
    problems.push({ code, severity, file: grid.file, sheet, cell, indicatorId, message: message(code, params) });
  };
  const notAPlan = (): ReadOutcome => ({ kind: 'not-a-plan', sheet, file: grid.file, problems });

  const h0 = findHeaderRow(view, 0);
  if (h0 < 0) {
    problem('no-header', 'error', '', { looked: lookedAtText(closestHeaderRow(view)) });
    return notAPlan();
  }
  const h1 = headerEnd(view, h0, indicatorColumnOf(view, h0));
  const header = readTableHeader(view, h0, h1, indicatorColumnOf(view, h0));
  const looked = () => lookedAtText(lookedAtRows(view, header));
  const missing = (role: ColumnRole, severity: Severity = 'error') =>
    problem('missing-column', severity, view.address(h0, header.indicatorCol), { column: message(COLUMN_NAME[role]!), looked: looked() });

  const layout = layoutOf(header, view);
  const targetCols = layout ? layout.targetColumns(header) : [];
  if (!layout || targetCols.length === 0) {
    missing('target');
    return notAPlan();
  }
  const first = (role: ColumnRole) => header.columns.find((c) => c.role === role)?.col ?? -1;
  const all = (role: ColumnRole) => header.columns.filter((c) => c.role === role);
  const indicatorCol = header.indicatorCol;
  const firstTargetCol = Math.min(...targetCols.map((c) => c.col));
  const achievementCols: Column[] = all('achievement').filter((c) => c.col > firstTargetCol);
  const weightCol = first('weight');
  const unitCol = first('unit');
  const areaCol = first('area');
  const areaWeightCol = first('area-weight');
  const activityCol = first('activity');
  const remarksCols = all('remarks').map((c) => c.col);
  const evidenceCol = first('evidence');
  const equalWeights = weightCol < 0;

  if (layout.name !== 'row-pairs' && achievementCols.length === 0) missing('achievement');
  for (const note of header.notes) headerNote(note);

  function headerNote(n: HeaderNote) {
    const why = message(`why.${n.reason}`, { word: n.word ?? '' });
    problem('header-taken-as', 'info', n.cell, { text: n.text.slice(0, 60), role: message(`role.${n.role === 'other' ? 'ignored' : n.role}`), why });
  }

  // What the sheet says above the table and in the targets' header: office, plan, year, quarter.
  const above: string[] = [];
  for (let rr = 0; rr < h0; rr++) view.forEachOwn(rr, (_c, t) => void above.push(t));
  const targetHeaderTexts = header.columns.filter((c) => c.role === 'tier' || c.role === 'target' || c.role === 'achievement').flatMap((c) => c.texts);
  const meta = readMeta(above, targetHeaderTexts);
  // The file's and the tab's names, asked only when the sheet does not say.
  let names: ReturnType<typeof metaOfName>[] | undefined;
  const fromNames = <K extends keyof ReturnType<typeof metaOfName>>(key: K): ReturnType<typeof metaOfName>[K] | null => {
    names ??= [metaOfName(grid.file ?? ''), metaOfName(sheet)];
    return names[0][key] ?? names[1][key];
  };
  const fiscalYear = meta.fiscalYear ?? fromNames('fiscalYear');
  // Real date cells before the previous fiscal year are no plausible date (SCORING.md §3).
  view.context = { ...view.context, earliestDay: earliestPlausibleDay(fiscalYear) };

  const coerce: CoerceOptions = { formatsUnknown: options.formatsUnknown };
  const table: TableContext = { view, header, targets: targetCols, achievements: achievementCols, weightCol, indicatorCol };
  const areas = new Map<string, Area>();
  let area: (Area & { raw: string }) | null = null;
  let activity = { id: '', name: '', raw: '' };
  let last: Indicator | null = null;
  const remarksSeen: string[] = [];

  const areaFor = (id: string): Area => {
    let a = areas.get(id);
    if (!a) {
      a = { id, name: '', weight: null, weightCell: '', indicators: [] };
      areas.set(id, a);
    }
    return a;
  };

  let r = h1 + 1;
  while (r < view.rows) {
    const indicatorOwn = view.ownText(r, indicatorCol);
    // A number alone (`৫`, a column number) is no indicator's id.
    const parsedOwn = indicatorOwn ? parseCleanId(indicatorOwn) : null;
    const ownId = parsedOwn && (parsedOwn.depth > 1 || parsedOwn.name) ? parsedOwn : null;
    const weightOwn = weightCol >= 0 ? view.ownText(r, weightCol) : '';

    // Rows that are not indicators; a row whose indicator cell starts with an id is one.
    if (!ownId?.id) {
      // A header repeated after a page break, with its tier/percent/number rows.
      if (isHeaderRow(view, r)) {
        r = headerEnd(view, r, indicatorCol) + 1;
        continue;
      }
      if (isSubtotalRow(view, r, indicatorOwn) || isPageNumberRow(view, r) || isColumnNumberRow(view, r)) {
        r++;
        continue;
      }
      // A section caption merged across the table.
      const caption = view.merge(r, indicatorCol);
      if (caption && caption.right - caption.left >= 2 && caption.top === caption.bottom && !weightOwn) {
        r++;
        continue;
      }
    }

    // Areas and activities, often merged over their indicators' rows.
    if (areaCol >= 0) {
      const t = view.text(r, areaCol);
      if (t && (!area || t !== area.raw)) {
        const parsed = parseCleanId(t);
        const weightValue = areaWeightCol >= 0 ? view.read(r, areaWeightCol) : EMPTY;
        const continuation = area && !parsed.id && weightValue.kind === 'empty';
        if (continuation && area) {
          area.name = `${area.name} ${t}`.trim();
          area.raw = t;
        } else {
          let id = parsed.id;
          if (parsed.depth > 1) {
            problem('malformed-id', 'warning', view.address(r, areaCol), { text: t.slice(0, 40), kind: message('id.area'), example: '[১]' });
            id = id.split('.')[0];
          }
          if (!id) id = String(areas.size + 1);
          const a = areaFor(id);
          a.name = a.name || parsed.name;
          if (weightValue.kind === 'number' && a.weight === null) {
            a.weight = weightValue.value;
            a.weightCell = view.address(r, areaWeightCol);
          }
          area = Object.assign(a, { raw: t });
        }
      }
    }
    if (activityCol >= 0) {
      const t = view.text(r, activityCol);
      if (t && t !== activity.raw) {
        const p = parseCleanId(t);
        activity = { id: p.id, name: p.name || t, raw: t };
      }
    }

    if (!layout.startsIndicator(table, r, !!ownId?.id)) {
      // The rest of a name broken by a page break.
      if (indicatorOwn && last && layout.name !== 'row-pairs') last.name = `${last.name} ${indicatorOwn}`.trim();
      r++;
      continue;
    }

    const ind = readIndicator(layout, r, ownId, indicatorOwn);
    if (ind.remarks) remarksSeen.push(ind.remarks);
    last = ind.indicator;
    const areaOfInd = areaCol >= 0 && area ? area : areaFor(firstPart(last.id) || firstPart(activity.id) || String(areas.size + 1));
    last.areaId = areaOfInd.id;
    areaOfInd.indicators.push(last);
    r = ind.lastRow + 1;
  }

  function readIndicator(lay: TableLayout, r: number, parsedOwn: ParsedId | null, indicatorOwn: string): { indicator: Indicator; lastRow: number; remarks: string } {
    const pairs = lay.name === 'row-pairs';
    const indicatorText = pairs ? view.text(r, indicatorCol) : indicatorOwn;
    const parsed = parsedOwn && !pairs ? parsedOwn : parseCleanId(indicatorText);
    const cell = view.address(r, indicatorCol);
    let id = parsed.id;
    let name = parsed.name;
    if (!indicatorText) {
      problem('indicator-missing', 'warning', cell, { activity: activity.name || activity.raw });
      id = activity.id;
      name = activity.name;
    } else if (!id) {
      problem('malformed-id', 'warning', cell, { text: indicatorText.slice(0, 40), kind: message('id.indicator'), example: '[১.১.১]' });
    } else if (parsed.depth !== 3) {
      problem('malformed-id', 'warning', cell, { text: indicatorText.slice(0, 40), kind: message('id.indicator'), example: '[১.১.১]' }, id);
    }
    if (parsed.others.length) {
      problem('two-ids-in-cell', 'warning', cell, { ids: digits([id, ...parsed.others].join(', ')) }, id);
    }

    const cells = lay.cellsOf(table, r);
    const targets: Target[] = new Array(cells.targets.length);
    for (let i = 0; i < cells.targets.length; i++) {
      const t = cells.targets[i];
      targets[i] = { tier: t.tier, percent: t.percent, value: view.read(t.row, t.col), cell: view.address(t.row, t.col) };
    }
    const achievements: Achievement[] = new Array(cells.achievements.length);
    for (let i = 0; i < cells.achievements.length; i++) {
      const a = cells.achievements[i];
      const at: Achievement = { value: view.read(a.row, a.col), cell: view.address(a.row, a.col), cumulative: a.cumulative };
      if (a.quarter !== undefined) at.quarter = a.quarter;
      achievements[i] = at;
    }

    const unitText = unitCol >= 0 ? view.text(r, unitCol) : '';
    const unit = unitOf(unitText, targets, r, unitCol >= 0 ? unitCol : indicatorCol, id);
    for (let i = 0; i < targets.length; i++) targets[i].value = coerceToUnit(targets[i].value, unit, coerce);
    for (let i = 0; i < achievements.length; i++) {
      const read = readAchievement(achievements[i].value, unit, coerce);
      achievements[i].value = read.value;
      if (read.sentence !== undefined) achievements[i].sentence = read.sentence;
    }

    const weightValue: Value = weightCol >= 0 ? view.read(r, weightCol) : EMPTY;
    let remarks = '';
    let remarksCell = '';
    for (const c of remarksCols) {
      const t = view.text(r, c);
      if (!t) continue;
      remarks = remarks ? `${remarks} ${t}` : t;
      remarksCell ||= view.address(r, c);
    }
    let evidence: Evidence = 'not-said';
    let evidenceCell = '';
    if (evidenceCol >= 0) {
      const t = view.text(r, evidenceCol);
      evidence = evidenceOfCell(t);
      if (evidence !== 'not-said') evidenceCell = view.address(r, evidenceCol);
    }
    if (evidence === 'not-said' && remarks) {
      evidence = evidenceOfRemark(remarks);
      if (evidence !== 'not-said') evidenceCell = remarksCell;
    }
    const indicator: Indicator = {
      id,
      name,
      unitText,
      unit,
      weight: equalWeights ? 1 : weightValue.kind === 'number' ? weightValue.value : null,
      weightCell: weightCol >= 0 ? view.address(r, weightCol) : '',
      targets,
      achievements,
      remarks,
      remarksCell,
      remarksSayNa: remarks !== '' && remarkSaysOnlyNa(remarks),
      evidence,
      evidenceCell,
      row: sheetRow(grid, r),
      cell,
      areaId: '',
      activityId: activity.id,
      activity: activity.name,
    };
    return { indicator, lastRow: cells.lastRow, remarks };
  }

  function unitOf(unitText: string, targets: Target[], r: number, c: number, id: string): Unit {
    const { unit, issue } = resolveUnitOf(unitText, targets, valueOfTarget, options.formatsUnknown);
    if (issue === 'missing') problem('unit-missing', 'warning', view.address(r, c), { inferred: message(`unit.${unit}`) }, id);
    if (issue === 'contradicted') problem('unit-contradicted', 'warning', view.address(r, c), { stated: unitText, inferred: message(`unit.${unit}`) }, id);
    return unit;
  }

  const planAreas = [...areas.values()].filter((a) => a.indicators.length > 0);
  const count = planAreas.reduce((n, a) => n + a.indicators.length, 0);
  if (equalWeights && count > 0) problem('no-weight-column', 'warning', '', { count, looked: looked() });

  // The quarter a sheet reports: the latest quarter column anything is typed in (an office fills
  // its quarters as the year goes), else what the title says.
  let filledQuarter: number | null = null;
  for (const a of planAreas) {
    for (const ind of a.indicators) {
      for (const x of ind.achievements) if (x.quarter !== undefined && x.value.kind !== 'empty' && x.quarter > (filledQuarter ?? 0)) filledQuarter = x.quarter;
    }
  }
  const quarterColumns = achievementCols.map((c) => c.quarter).filter((q): q is number => q !== undefined);
  const quarter =
    filledQuarter ??
    (quarterColumns.length === 1 && !achievementCols.some((c) => c.cumulative) ? quarterColumns[0] : null) ??
    meta.quarter ??
    firstFound(remarksSeen, quarterOfText) ??
    fromNames('quarter');
  const kind = meta.kind ?? firstFound(remarksSeen, planKindOfText) ?? fromNames('kind');

  let office = meta.office;
  let officeSource: Plan['officeSource'] = meta.officeSource ?? 'file';
  if (!office) {
    office = grid.file ? baseName(grid.file) : sheet;
    officeSource = grid.file ? 'file' : 'sheet';
    problem('office-name-missing', 'info', '', { used: office });
  }

  const plan: Plan = {
    file: grid.file,
    sheet,
    office,
    officeSource,
    fiscalYear,
    quarter,
    kind,
    layout: layout.name,
    equalWeights,
    headerRow: sheetRow(grid, h0),
    tiers: targetCols.map((c) => ({ tier: c.tier, percent: c.percent })),
    areas: planAreas,
    problems,
  };
  return { kind: 'plan', plan };
}

/** The header rows' cells, as the reader took them: what a message about a missing column lists. */
function lookedAtRows(view: SheetView, header: TableHeader): LookedAt[] {
  const out: LookedAt[] = [];
  const seen = new Set<string>();
  for (let r = header.h0; r <= header.h1; r++) {
    for (const x of lookedAtRow(view, r)) {
      if (seen.has(x.cell)) continue;
      seen.add(x.cell);
      out.push(x);
    }
  }
  return out;
}

function firstFound<T>(texts: string[], read: (t: string) => T | null): T | null {
  for (const t of texts) {
    const v = read(t);
    if (v !== null) return v;
  }
  return null;
}

const valueOfTarget = (t: Target): Value => t.value;

/** `1` of `1.2.3`: an area's id from an indicator's or activity's. */
function firstPart(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.(xlsx|xlsm|xls|csv|ods)$/i, '');
}
