import { Grid, CellValue, MergeArea, columnLetters, sheetRow } from './grid';
import {
  ColumnRole,
  isCumulativeHeader,
  isIndicatorHeader,
  percentOfHeader,
  quarterOfText,
  roleOfHeader,
  tierOfHeader,
} from './header';
import { ParsedId, parseCleanId } from './ids';
import { digits, message } from './messages';
import { readMeta } from './office';
import {
  Achievement,
  Area,
  Indicator,
  Layout,
  Plan,
  Problem,
  Severity,
  Target,
} from './plan';
import { DEFAULT_TIER_PERCENT, Tier } from './tiers';
import { cleanText, compactOfClean, compactText, needsCleaning, nfcRegExp, nfcSet } from './text';
import { CoerceOptions, Unit, Value, coerceToUnit, readCell, readText } from './values';
import { resolveUnitOf } from './units';
import { toAsciiDigits } from './bengali-digits';

export type ReadOutcome =
  | { kind: 'plan'; plan: Plan }
  | { kind: 'not-a-plan'; sheet: string; file?: string; problems: Problem[] };

export interface ReadOptions {
  /** Formats are unknown (CSV, custom-function arguments): see `coerceToUnit`. */
  formatsUnknown?: boolean;
}

interface Column {
  col: number;
  role: ColumnRole;
  tier?: Tier;
  percent?: number;
  quarter?: number;
  cumulative?: boolean;
  texts: string[];
}

const TARGET_LABEL = nfcSet(['লক্ষ্যমাত্রা', 'target', 'targets']);
const ACHIEVEMENT_LABEL = nfcSet(['অর্জন', 'achievement', 'achievements', 'প্রকৃতঅর্জন']);
const SUBTOTAL = nfcRegExp('^(উপমোট|উপ-মোট|মোট|সর্বমোট|সর্বমোটমান|subtotal|sub-total|total|grandtotal)[:ঃ]?$');

/** The grid with merged areas filled in: a merged cell's value is read at every cell it covers. */
class SheetView {
  readonly rows: number;
  readonly width: number;
  /** Per merged row, per column: the key (r × width + c) of the merge's top-left cell that
   * covers it, or -1; undefined for the rows no merge touches, which skip the look-ups. Arrays
   * per row rather than maps keyed by cell: every cell read asks, and the space is that of the
   * merged rows' cells, which the grid holds anyway. */
  private readonly ownerOf: (Int32Array | undefined)[];
  private readonly mergeAt: ((MergeArea | undefined)[] | undefined)[];
  private readonly originRow: number;
  private readonly originCol: number;
  /** Column letters of each grid column, and the last row number made into text: addresses
   * are made for every cell read, and these are the costly parts. */
  private readonly letters: string[];
  private labelRow = -1;
  private label = '';

  constructor(readonly grid: Grid) {
    this.rows = grid.values.length;
    let w = 0;
    for (const row of grid.values) if (row && row.length > w) w = row.length;
    for (const m of grid.merges ?? []) if (m.right + 1 > w) w = m.right + 1;
    this.width = Math.max(w, 1);
    this.originRow = grid.origin?.row ?? 0;
    this.originCol = grid.origin?.col ?? 0;
    this.letters = [];
    for (let c = 0; c < this.width; c++) this.letters.push(columnLetters(c + this.originCol));
    this.ownerOf = new Array(this.rows);
    this.mergeAt = new Array(this.rows);
    for (const m of grid.merges ?? []) {
      const top = m.top * this.width + m.left;
      for (let r = Math.max(m.top, 0); r <= m.bottom && r < this.rows; r++) {
        let owners = this.ownerOf[r];
        let areas = this.mergeAt[r];
        if (owners === undefined || areas === undefined) {
          owners = this.ownerOf[r] = new Int32Array(this.width).fill(-1);
          areas = this.mergeAt[r] = new Array(this.width).fill(undefined);
        }
        for (let c = Math.max(m.left, 0); c <= m.right; c++) {
          areas[c] = m;
          if (r !== m.top || c !== m.left) owners[c] = top;
        }
      }
    }
  }

  own(r: number, c: number): CellValue {
    const row = this.grid.values[r];
    return row ? row[c] : undefined;
  }

  /** True when (r, c) is covered by a merge but is not its top-left cell. */
  isCovered(r: number, c: number): boolean {
    const owners = this.ownerOf[r];
    return owners !== undefined && owners[c] >= 0;
  }

  /** The cell that holds (r, c)'s value — itself, or its merge's top-left cell — as a key
   * r × width + c (no array allocated: this runs for every cell read). */
  holderKey(r: number, c: number): number {
    const owners = this.ownerOf[r];
    const owner = owners === undefined ? -1 : owners[c];
    return owner >= 0 ? owner : r * this.width + c;
  }

  /** Whether the cell of key k (`holderKey`) holds anything but nothing or empty text. */
  holdsValue(k: number): boolean {
    const hc = k % this.width;
    const v = this.own((k - hc) / this.width, hc);
    return v !== null && v !== undefined && v !== '';
  }

  value(r: number, c: number): CellValue {
    const k = this.holderKey(r, c);
    return this.own(Math.floor(k / this.width), k % this.width);
  }

  merge(r: number, c: number): MergeArea | undefined {
    const areas = this.mergeAt[r];
    return areas === undefined ? undefined : areas[c];
  }

  text(r: number, c: number): string {
    return this.textAt(this.holderKey(r, c));
  }

  ownText(r: number, c: number): string {
    return this.isCovered(r, c) ? '' : this.textAt(r * this.width + c);
  }

  /** `compactText(text(r, c))`. */
  compact(r: number, c: number): string {
    const k = this.holderKey(r, c);
    let t = this.compacts.get(k);
    if (t === undefined) {
      t = compactOfClean(this.textAt(k));
      this.compacts.set(k, t);
    }
    return t;
  }

  // A cell is read by several passes (header search, columns, rows), a merged one once per
  // cell it covers: the text of a cell that needs cleaning (NFC, spaces) is cleaned once.
  private readonly cleaned = new Map<number, string>();
  private readonly compacts = new Map<number, string>();

  private textAt(k: number): string {
    const hc = k % this.width;
    const v = this.own((k - hc) / this.width, hc);
    if (typeof v !== 'string') return textOf(v);
    if (!needsCleaning(v)) return v;
    let t = this.cleaned.get(k);
    if (t === undefined) {
      t = cleanText(v);
      this.cleaned.set(k, t);
    }
    return t;
  }

  /** `ownText(r, c) !== ''`, without cleaning the text when its first character is visible. */
  hasOwnText(r: number, c: number): boolean {
    if (this.isCovered(r, c)) return false;
    const v = this.own(r, c);
    if (typeof v === 'string') {
      if (v.length === 0) return false;
      const first = v.charCodeAt(0);
      if (first > 32 && first < 127) return true;
    }
    return textOf(v) !== '';
  }

  address(r: number, c: number): string {
    const k = this.holderKey(r, c);
    const hc = k % this.width;
    const hr = (k - hc) / this.width;
    if (hr !== this.labelRow) {
      this.labelRow = hr;
      this.label = String(hr + this.originRow + 1);
    }
    return this.letters[hc] + this.label;
  }

  read(r: number, c: number): Value {
    const k = this.holderKey(r, c);
    const hc = k % this.width;
    const hr = (k - hc) / this.width;
    const raw = this.own(hr, hc);
    // Text never depends on its number format: skip the format look-up.
    if (typeof raw === 'string') return readText(raw);
    return readCell(raw, this.grid.formats?.[hr]?.[hc]);
  }
}

function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanText(v);
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString().slice(0, 10) : '';
  return String(v);
}

function isColumnNumber(text: string, expected: number): boolean {
  return toAsciiDigits(text).replace(/\.$/, '') === String(expected);
}

/** Reads a grid into a plan: finds the table wherever it starts, whatever its layout. */
export function readPlan(grid: Grid, options: ReadOptions = {}): ReadOutcome {
  const view = new SheetView(grid);
  const sheet = grid.sheet;
  const problems: Problem[] = [];
  const problem = (code: Parameters<typeof message>[0], severity: Severity, cell: string, params = {}, indicatorId?: string) => {
    problems.push({ code, severity, file: grid.file, sheet, cell, indicatorId, message: message(code, params) });
  };

  const h0 = findHeaderRow(view, 0);
  if (h0 < 0) {
    problem('no-header', 'error', '');
    return { kind: 'not-a-plan', sheet, file: grid.file, problems };
  }
  const headerIndicatorCol = indicatorColumnOf(view, h0);
  const h1 = headerEnd(view, h0, headerIndicatorCol);
  const columns = classifyColumns(view, h0, h1);
  const byRole = (role: ColumnRole) => columns.filter((c) => c.role === role);
  const first = (role: ColumnRole) => byRole(role)[0]?.col ?? -1;

  // A lower header row can give the indicator column another role; the header row named it.
  const indicatorCol = first('indicator') >= 0 ? first('indicator') : headerIndicatorCol;
  const tierCols = byRole('tier');
  const labelCol = first('label');
  const targetCol = tierCols.length === 0 ? first('target') : -1;
  if (tierCols.length === 0 && targetCol < 0) {
    problem('missing-column', 'error', view.address(h0, indicatorCol), { column: message('column.targets') });
    return { kind: 'not-a-plan', sheet, file: grid.file, problems };
  }
  const firstTargetCol = tierCols.length ? tierCols[0].col : targetCol;
  // Achievement columns left of the targets are past years' actuals (প্রকৃত অর্জন), not progress.
  const achievementCols = byRole('achievement').filter((c) => c.col > firstTargetCol);
  const weightCol = first('weight');
  const unitCol = first('unit');
  const areaCol = first('area');
  const areaWeightCol = first('area-weight');
  const activityCol = first('activity');
  const remarksCols = byRole('remarks').map((c) => c.col);
  const layout: Layout = labelCol >= 0 ? 'row-pairs' : tierCols.length === 0 ? 'single-target' : tierCols.length >= 4 ? 'five-tier' : 'three-tier';

  if (weightCol < 0) problem('missing-column', 'error', view.address(h0, indicatorCol), { column: message('column.weight') });
  if (layout !== 'row-pairs' && achievementCols.length === 0) {
    problem('missing-column', 'error', view.address(h0, indicatorCol), { column: message('column.achievement') });
  }

  // Tier percents: the sheet's percent row, else the defaults (3-tier sheets: 100/80/60).
  const threeTier = tierCols.length === 3;
  const tiers = tierCols.length
    ? tierCols.map((c) => ({
        tier: c.tier!,
        percent: c.percent ?? (threeTier && c.tier === 'fair' ? 60 : DEFAULT_TIER_PERCENT[c.tier!]),
      }))
    : [{ tier: 'excellent' as Tier, percent: 100 }];

  const coerce: CoerceOptions = { formatsUnknown: options.formatsUnknown };
  const targetCols = tierCols.length ? tierCols.map((c) => c.col) : [targetCol];
  const areas = new Map<string, Area>();
  const indicators: Indicator[] = [];
  let area: (Area & { raw: string }) | null = null;
  let activity = { id: '', name: '', raw: '' };
  let last: Indicator | null = null;

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
    const ownId = indicatorOwn ? parseCleanId(indicatorOwn) : null;
    const label = labelCol >= 0 ? view.compact(r, labelCol) : '';
    const isTargetRow = layout === 'row-pairs' ? TARGET_LABEL.has(label) : false;
    const weightOwn = weightCol >= 0 ? view.ownText(r, weightCol) : '';
    let targetOwn = false;
    for (let i = 0; i < targetCols.length && !targetOwn; i++) targetOwn = view.hasOwnText(r, targetCols[i]);

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
        const weightValue = areaWeightCol >= 0 ? view.read(r, areaWeightCol) : { kind: 'empty' as const };
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

    const indicatorText = layout === 'row-pairs' ? view.text(r, indicatorCol) : indicatorOwn;
    const hasData = layout === 'row-pairs' ? isTargetRow : weightOwn !== '' || targetOwn || !!ownId?.id;
    if (!hasData) {
      // The rest of a name broken by a page break.
      if (indicatorOwn && last && layout !== 'row-pairs') last.name = `${last.name} ${indicatorOwn}`.trim();
      r++;
      continue;
    }

    const achievementRow = layout === 'row-pairs' && r + 1 < view.rows && ACHIEVEMENT_LABEL.has(view.compact(r + 1, labelCol)) ? r + 1 : -1;
    const ind = readIndicator(r, achievementRow, indicatorText, ownId);
    indicators.push(ind);
    last = ind;
    const areaOfInd = areaCol >= 0 && area ? area : areaFor(firstPart(ind.id) || firstPart(activity.id) || String(areas.size + 1));
    ind.areaId = areaOfInd.id;
    areaOfInd.indicators.push(ind);
    r = achievementRow >= 0 ? achievementRow + 1 : r + 1;
  }

  function readIndicator(r: number, achievementRow: number, indicatorText: string, parsedOwn: ParsedId | null): Indicator {
    const parsed = parsedOwn && layout !== 'row-pairs' ? parsedOwn : parseCleanId(indicatorText);
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

    const targets: Target[] = new Array(targetCols.length);
    for (let i = 0; i < targetCols.length; i++) {
      const c = targetCols[i];
      targets[i] = { tier: tiers[i].tier, percent: tiers[i].percent, value: view.read(r, c), cell: view.address(r, c) };
    }

    let achievements: Achievement[];
    if (layout === 'row-pairs') {
      const ar = achievementRow >= 0 ? achievementRow : r;
      // The achievement sits in the target columns of the second row: the tier columns, or the
      // one target column when no tier header was found.
      const cols = targetCols;
      const filled = cols.find((c) => view.read(ar, c).kind !== 'empty');
      const c = filled ?? cols[0];
      achievements = achievementRow >= 0 ? [{ value: view.read(ar, c), cell: view.address(ar, c), cumulative: true }] : [];
    } else {
      achievements = new Array(achievementCols.length);
      for (let i = 0; i < achievementCols.length; i++) {
        const c = achievementCols[i];
        achievements[i] = { value: view.read(r, c.col), cell: view.address(r, c.col), quarter: c.quarter, cumulative: c.cumulative ?? c.quarter === undefined };
      }
    }

    const unitText = unitCol >= 0 ? view.text(r, unitCol) : '';
    const unit = unitOf(unitText, targets, r, unitCol >= 0 ? unitCol : indicatorCol, id);
    for (let i = 0; i < targets.length; i++) targets[i].value = coerceToUnit(targets[i].value, unit, coerce);
    for (let i = 0; i < achievements.length; i++) achievements[i].value = coerceToUnit(achievements[i].value, unit, coerce);

    const weightValue = weightCol >= 0 ? view.read(r, weightCol) : ({ kind: 'empty' } as Value);
    let remarks = '';
    for (const c of remarksCols) {
      const t = view.text(r, c);
      if (t) remarks = remarks ? `${remarks} ${t}` : t;
    }
    return {
      id,
      name,
      unitText,
      unit,
      weight: weightValue.kind === 'number' ? weightValue.value : null,
      weightCell: weightCol >= 0 ? view.address(r, weightCol) : '',
      targets,
      achievements,
      remarks,
      row: sheetRow(grid, r),
      cell,
      areaId: '',
      activityId: activity.id,
      activity: activity.name,
    };
  }

  function unitOf(unitText: string, targets: Target[], r: number, c: number, id: string): Unit {
    const { unit, issue } = resolveUnitOf(unitText, targets, valueOfTarget, options.formatsUnknown);
    if (issue === 'missing') problem('unit-missing', 'warning', view.address(r, c), { inferred: message(`unit.${unit}`) }, id);
    if (issue === 'contradicted') problem('unit-contradicted', 'warning', view.address(r, c), { stated: unitText, inferred: message(`unit.${unit}`) }, id);
    return unit;
  }

  // Sheet metadata from the words above the table and the targets' header.
  const above: string[] = [];
  for (let rr = 0; rr < h0; rr++) {
    for (let c = 0; c < view.width; c++) {
      const t = view.ownText(rr, c);
      if (t) above.push(t);
    }
  }
  const targetHeaderTexts = columns.filter((c) => c.role === 'tier' || c.role === 'target').flatMap((c) => c.texts);
  const meta = readMeta(above, targetHeaderTexts);
  const quarters = achievementCols.map((c) => c.quarter).filter((q): q is number => q !== undefined);
  const quarter = quarters.length && !achievementCols.some((c) => c.cumulative) ? Math.max(...quarters) : meta.quarter;

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
    fiscalYear: meta.fiscalYear,
    quarter,
    layout,
    headerRow: sheetRow(grid, h0),
    tiers,
    areas: [...areas.values()].filter((a) => a.indicators.length > 0),
    problems,
  };
  return { kind: 'plan', plan };
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

/** A row is the table's header when one cell names the indicator column and another names a
 * unit, weight, tier, target or achievement column. */
function isHeaderRow(view: SheetView, r: number): boolean {
  // It takes two cells: a row of one text (a cover line merged across the table, a signature)
  // is settled without reading the text.
  let holders = 0;
  let lastHolder = -1;
  for (let c = 0; c < view.width && holders < 2; c++) {
    const holder = view.holderKey(r, c);
    if (holder === lastHolder) continue;
    lastHolder = holder;
    if (view.holdsValue(holder)) holders++;
  }
  if (holders < 2) return false;
  let indicator = false;
  let other = false;
  let previousHolder = -1;
  for (let c = 0; c < view.width; c++) {
    // A text merged across the row is read once: its other cells would say the same.
    const holder = view.holderKey(r, c);
    if (holder === previousHolder) continue;
    previousHolder = holder;
    const t = view.text(r, c);
    if (!t || t.length > 80) continue;
    const compact = view.compact(r, c);
    if (isIndicatorHeader(compact)) indicator = true;
    else {
      const role = roleOfHeader(compact);
      if (role === 'unit' || role === 'weight' || role === 'tier' || role === 'target' || role === 'achievement' || role === 'label') other = true;
    }
  }
  return indicator && other;
}

function findHeaderRow(view: SheetView, from: number): number {
  for (let r = from; r < view.rows; r++) if (isHeaderRow(view, r)) return r;
  return -1;
}

/** Last row of the header block that starts at h0: tier names, the percent row, the column
 * numbers, and rows covered by the header's vertical merges. */
function headerEnd(view: SheetView, h0: number, indicatorCol: number): number {
  let r = h0 + 1;
  while (r < view.rows && isHeaderPart(view, r, indicatorCol)) r++;
  return r - 1;
}

function indicatorColumnOf(view: SheetView, r: number): number {
  for (let c = 0; c < view.width; c++) if (isIndicatorHeader(view.compact(r, c))) return c;
  return -1;
}

function isHeaderPart(view: SheetView, r: number, indicatorCol: number): boolean {
  if (isColumnNumberRow(view, r)) return true;
  // Text of its own under the indicator header is an indicator's name (or the rest of one).
  const name = view.ownText(r, indicatorCol);
  if (name && !isIndicatorHeader(view.compact(r, indicatorCol))) return false;
  let own = 0;
  let covered = 0;
  let recognised = 0;
  let unknown = 0;
  for (let c = 0; c < view.width; c++) {
    if (view.isCovered(r, c)) {
      if (view.text(r, c)) covered++;
      continue;
    }
    const t = view.ownText(r, c);
    if (!t) continue;
    own++;
    const compact = view.compact(r, c);
    if (percentOfHeader(t) !== null) {
      recognised++;
      continue;
    }
    const role = roleOfHeader(compact);
    if (role === null) {
      // One note typed beside a row of header words (`সংশোধিত` next to the tier names) leaves it
      // a header row; a value, or a second unknown text, makes it a row of the table.
      if (++unknown > 1 || view.read(r, c).kind !== 'invalid') return false;
      continue;
    }
    recognised++;
    // A text merged across the table under the header is a section caption, unless it heads a
    // group of target or achievement columns — which never spans the indicator column
    // (`২য় ত্রৈমাসিক অগ্রগতি` merged across the whole table is a caption, not a header).
    const m = view.merge(r, c);
    const group = role === 'target' || role === 'achievement' || role === 'label' || role === 'tier';
    if (m && m.right - m.left >= 2 && (!group || (m.left <= indicatorCol && indicatorCol <= m.right))) return false;
  }
  if (own === 0) return covered > 0;
  return unknown === 0 || recognised >= 3;
}

function isColumnNumberRow(view: SheetView, r: number): boolean {
  let expected = 0;
  let count = 0;
  for (let c = 0; c < view.width; c++) {
    const t = view.ownText(r, c);
    if (!t) continue;
    if (expected === 0) {
      const n = Number(toAsciiDigits(t).replace(/\.$/, ''));
      if (!Number.isInteger(n) || n < 1 || n > 3) return false;
      expected = n;
    }
    if (!isColumnNumber(t, expected)) return false;
    expected++;
    count++;
  }
  return count >= 3;
}

function isPageNumberRow(view: SheetView, r: number): boolean {
  let seen = 0;
  for (let c = 0; c < view.width; c++) {
    const t = view.ownText(r, c);
    if (!t) continue;
    if (++seen > 1 || !/^\d{1,4}$/.test(toAsciiDigits(t))) return false;
  }
  return seen === 1;
}

function isSubtotalRow(view: SheetView, r: number, indicatorOwn: string): boolean {
  if (indicatorOwn && !SUBTOTAL.test(compactOfClean(indicatorOwn))) return false;
  for (let c = 0; c < view.width; c++) {
    const t = view.ownText(r, c);
    if (t && t.length < 20 && SUBTOTAL.test(view.compact(r, c))) return true;
  }
  return false;
}

function classifyColumns(view: SheetView, h0: number, h1: number): Column[] {
  const columns: Column[] = [];
  for (let c = 0; c < view.width; c++) {
    const texts: string[] = [];
    let percent: number | undefined;
    for (let r = h0; r <= h1; r++) {
      const t = view.text(r, c);
      if (!t) continue;
      const p = percentOfHeader(t);
      if (p !== null) {
        if (!view.isCovered(r, c)) percent = p;
        continue;
      }
      if (/^\d+\.?$/.test(toAsciiDigits(t))) continue; // the column-number row
      if (texts[texts.length - 1] !== t) texts.push(t);
    }
    if (!texts.length) continue;
    // The most specific (lowest) header text that names a role decides.
    let role: ColumnRole = 'other';
    let tier: Tier | undefined;
    for (let i = texts.length - 1; i >= 0; i--) {
      const compact = compactOfClean(texts[i]);
      const found = roleOfHeader(compact);
      if (!found) continue;
      role = found;
      if (found === 'tier') tier = tierOfHeader(compact) ?? undefined;
      break;
    }
    const col: Column = { col: c, role, texts };
    if (role === 'tier') {
      col.tier = tier;
      col.percent = percent;
    }
    if (role === 'achievement') {
      const all = texts.join(' ');
      const q = quarterOfText(all);
      col.cumulative = isCumulativeHeader(compactText(all));
      if (q !== null && !col.cumulative) col.quarter = q;
    }
    columns.push(col);
  }
  // The same tier named twice (a merged group header read as a tier) keeps its first column.
  const seen = new Set<Tier>();
  return columns.filter((c) => {
    if (c.role !== 'tier') return true;
    if (seen.has(c.tier!)) return false;
    seen.add(c.tier!);
    return true;
  });
}
