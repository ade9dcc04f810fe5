import { toAsciiDigits } from './bengali-digits';
import { Bilingual, MessageKey, digits, message } from './messages';
import type { DueIndicator } from './due';
import type { PlanKind, Problem } from './plan';
import { HighlightKey, LEGEND_ORDER, highlightKey } from './highlight';
import { PlanScore, ScoreSettings, Status, TierReached, Totals, tierOfPercent } from './score';
import { PLAN_KINDS } from './plan';
import type { Value } from './values';
import { Unit } from './values';

/** What the consolidator needs of one office's scored plan: small plain data, so that a host
 * can keep thousands of them (or pass them between threads) instead of whole plans. */
export interface OfficeSummary {
  office: string;
  /** What consolidation groups by (SCORING.md §9): the plan's kind, fiscal year and quarter. */
  plan: PlanKind | null;
  fiscalYear: number | null;
  quarter: number | null;
  file?: string;
  sheet: string;
  /** 1-based row of the table's header, where links to the office's sheet lead. */
  headerRow: number;
  settings: ScoreSettings;
  totals: Totals;
  /** Everything the office reported (ids, units, weights, targets, achievements) as one short
   * digest: two sheets with the same digest are the same office sent twice (§9 duplicates). */
  values: string;
  indicators: {
    id: string;
    name: string;
    unit: Unit;
    weight: number | null;
    cell: string;
    status: Status;
    raw: number | null;
    score: number | null;
    tier: TierReached | null;
  }[];
  problems: Problem[];
  /** What holding the plan against a ministry's minutes needs (SCORING.md §10), per indicator:
   * set only when the consolidation is asked for its deadlines sheet. */
  due?: DueIndicator[];
}

export function officeSummary(result: PlanScore, problems: Problem[]): OfficeSummary {
  const { plan } = result;
  return {
    office: plan.office,
    plan: plan.kind,
    fiscalYear: plan.fiscalYear,
    quarter: plan.quarter,
    file: plan.file,
    sheet: plan.sheet,
    headerRow: plan.headerRow,
    settings: result.settings,
    totals: result.totals,
    values: valuesDigest(result),
    indicators: result.indicators.map((s) => ({
      id: s.indicator.id,
      name: s.indicator.name,
      unit: s.indicator.unit,
      weight: s.indicator.weight,
      cell: s.indicator.cell,
      status: s.status,
      raw: s.raw,
      score: s.score,
      tier: s.tier,
    })),
    problems,
  };
}

const valueKey = (v: Value): string => {
  switch (v.kind) {
    case 'empty':
      return '';
    case 'na':
      return 'na';
    case 'number':
      return `n${v.value}${v.percent ? '%' : ''}`;
    case 'date':
      return `d${v.day}`;
    default:
      return `t${v.text}`;
  }
};

/** The digest of what a plan holds, whatever language its names are in: per indicator its id,
 * unit, weight, every tier target and the achievement read (two FNV-1a hashes, 64 bits). */
function valuesDigest(result: PlanScore): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
  };
  for (const s of result.indicators) {
    const ind = s.indicator;
    add(ind.id);
    add(ind.unit);
    add(String(ind.weight));
    for (const t of ind.targets) add(valueKey(t.value));
    add(valueKey(s.achievement));
  }
  return `${result.indicators.length}:${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
}

export type TierCounts = Record<HighlightKey, number>;

/** Where a duplicate's ranked copy is. */
export interface SourceRef {
  office: string;
  file?: string;
  sheet: string;
}

export interface OfficeRow {
  office: string;
  file?: string;
  sheet: string;
  headerRow: number;
  /** 1 = best in its group; equal percents share a rank. Null: a duplicate, nothing assessed yet,
   * or the group cannot be told (§9). */
  rank: number | null;
  /** Marks earned so far (a pending, in-words or unscoreable indicator has earned nothing yet). */
  marks: number;
  /** The applicable plan weight the marks are out of (n/a weight left out under `rescale`). */
  outOf: number;
  /** marks / outOf × 100: the ranking key (the APA's প্রাপ্ত নম্বর); null when nothing is applicable. */
  percent: number | null;
  /** The weight of the indicators assessed so far (scored ones). */
  assessed: number;
  /** marks / assessed × 100: how well the office did on what was assessed; never used to rank. */
  toDatePercent: number | null;
  /** assessed / outOf × 100: how much of the plan the percent rests on. */
  coverage: number | null;
  /** The plan's whole weight. */
  weight: number;
  /** Pending, reported in words included (docs/rules.md §3). */
  pending: number;
  na: number;
  invalid: number;
  problemCount: number;
  errorCount: number;
  toDate: boolean;
  tierCounts: TierCounts;
  /** Score per indicator of the group, in `ConsolidationGroup.indicators` order; null when the
   * office has no such indicator or it is not scored. */
  indicatorScores: (number | null)[];
  indicatorKeys: (HighlightKey | null)[];
  /** The ranked copy this office is a duplicate of; null when it is not one. */
  duplicateOf: SourceRef | null;
}

export interface IndicatorRow {
  id: string;
  name: string;
  unit: Unit;
  weight: number | null;
  /** How many offices have it (duplicates not counted), and the average raw score (0–100) of
   * those that scored it. */
  offices: number;
  averageRaw: number | null;
  tierCounts: TierCounts;
}

export interface SkippedSource {
  file?: string;
  sheet?: string;
  reason: Bilingual;
}

/** `unknown`: a group of offices whose plan kind, fiscal year or quarter could not be told. */
export type GroupPlan = PlanKind | 'unknown';

/** The offices comparable with each other (§9): one plan kind, fiscal year and quarter. */
export interface ConsolidationGroup {
  plan: GroupPlan;
  fiscalYear: number | null;
  quarter: number | null;
  /** False for the "unknown" group: nothing in it is ranked. */
  known: boolean;
  /** Ranked offices first (best first), then those without a rank, then the duplicates. */
  offices: OfficeRow[];
  /** Sorted by id (1.2 before 1.10), then name. */
  indicators: IndicatorRow[];
}

export type OfficeProblem = Problem & { office: string };

export interface Consolidation {
  settings: ScoreSettings;
  groups: ConsolidationGroup[];
  /** What the offices' sheets say of themselves. */
  problems: OfficeProblem[];
  /** What consolidating found: offices whose group cannot be told, duplicates, one id under two names. */
  warnings: OfficeProblem[];
  skipped: SkippedSource[];
}

export function emptyTierCounts(): TierCounts {
  return Object.fromEntries(LEGEND_ORDER.map((k) => [k, 0])) as TierCounts;
}

/** Every office of a consolidation, group by group. */
export const allOffices = (c: Pick<Consolidation, 'groups'>): OfficeRow[] => c.groups.flatMap((g) => g.offices);

/** Nothing to consolidate (§9): no office could be read. No report is written. */
export const isEmptyConsolidation = (c: Pick<Consolidation, 'groups'>): boolean => c.groups.every((g) => g.offices.length === 0);

/** Text as offices' names are compared (§9): NFC, without spacing, punctuation or symbols,
 * digits as ASCII, lower case. `বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা।` = `বিভাগীয় সরকারি গণগ্রন্থাগার খুলনা`. */
export function normalisedName(s: string): string {
  return toAsciiDigits(s.normalize('NFC'))
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\p{P}\p{S}\s]+/gu, '')
    .toLowerCase();
}

/** Names as they are compared (`normalisedName`), each distinct text normalised once: indicator
 * names repeat across offices. A caller that receives offices one by one (the CLI, while files
 * are still being read) can fill it as they come, so that consolidating finds them done. */
export class NameKeys {
  private readonly keys = new Map<string, string>();

  of(text: string): string {
    let k = this.keys.get(text);
    if (k === undefined) this.keys.set(text, (k = normalisedName(text)));
    return k;
  }

  /** Every name `consolidate` compares of this office. */
  add(office: OfficeSummary): void {
    this.of(office.office);
    for (const ind of office.indicators) this.of(ind.name);
  }
}

/** `1.2.1` before `1.10.1`; an empty id last. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    const m = Number(x[i]);
    const n = Number(y[i]);
    if (Number.isFinite(m) && Number.isFinite(n) && m !== n) return m - n;
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

/** A file's or tab's name as messages and the report show it: `002-khulna.xlsx / অগ্রগতি`. */
export function sourceLabel(o: { file?: string; sheet: string }): string {
  const base = o.file ? o.file.split(/[\\/]/).pop() ?? o.file : '';
  if (!base) return o.sheet;
  return o.sheet && !base.startsWith(`${o.sheet}.`) ? `${base} / ${o.sheet}` : base;
}

const groupKeyOf = (o: OfficeSummary): string => (o.plan !== null && o.fiscalYear !== null && o.quarter !== null ? `${o.plan}|${o.fiscalYear}|${o.quarter}` : 'unknown');

/** Latest year first, then the latest quarter, then the plans in their catalogue order; unknown last. */
function compareGroups(a: ConsolidationGroup, b: ConsolidationGroup): number {
  if (a.known !== b.known) return a.known ? -1 : 1;
  return (b.fiscalYear ?? 0) - (a.fiscalYear ?? 0) || (b.quarter ?? 0) - (a.quarter ?? 0) || PLAN_KINDS.indexOf(a.plan as PlanKind) - PLAN_KINDS.indexOf(b.plan as PlanKind);
}

const MISSING: [keyof Pick<OfficeSummary, 'plan' | 'fiscalYear' | 'quarter'>, MessageKey][] = [
  ['plan', 'missing.kind'],
  ['fiscalYear', 'missing.year'],
  ['quarter', 'missing.quarter'],
];

/**
 * Many plans (one per office) → the ministry's view (SCORING.md §9): offices grouped by plan
 * kind, fiscal year and quarter; the same office sent twice ranked once; within a group, offices
 * ranked by the marks earned so far out of the applicable plan weight; indicators matched by id
 * and name within a group; every problem with its office, sheet and cell.
 */
export function consolidate(inputs: OfficeSummary[], skipped: SkippedSource[] = [], names: NameKeys = new NameKeys()): Consolidation {
  const settings = inputs[0]?.settings ?? { mode: 'interpolate', na: 'rescale', final: false };
  const warnings: OfficeProblem[] = [];
  const warn = (o: OfficeSummary, code: string, text: Bilingual, cell = '', indicatorId?: string) =>
    warnings.push({ code, severity: 'warning', file: o.file, sheet: o.sheet, cell, ...(indicatorId !== undefined ? { indicatorId } : {}), office: o.office, message: text });

  const nameKey = (t: string) => names.of(t);

  const byKey = new Map<string, OfficeSummary[]>();
  for (const o of inputs) {
    const key = groupKeyOf(o);
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(o);
  }

  const groups: ConsolidationGroup[] = [];
  for (const [key, members] of byKey) {
    const known = key !== 'unknown';
    const first = members[0];
    if (!known) {
      for (const o of members) {
        const missing = MISSING.filter(([field]) => o[field] === null).map(([, k]) => message(k));
        const list = { bn: missing.map((m) => m.bn).join(', '), en: missing.map((m) => m.en).join(', ') };
        warn(o, 'group-unknown', message('group-unknown', { missing: list }));
      }
    }

    // Duplicates: the same office name, or the same indicators with the same values; the first
    // copy (in the order given: files by name, tabs in order) is the one ranked.
    const byName = new Map<string, OfficeSummary>();
    const byValues = new Map<string, OfficeSummary>();
    const duplicateOf = new Map<OfficeSummary, OfficeSummary>();
    for (const o of members) {
      const name = nameKey(o.office);
      const same = (name && byName.get(name)) || (o.indicators.length ? byValues.get(o.values) : undefined);
      if (same) {
        duplicateOf.set(o, same);
        const why = name && byName.get(name) === same ? message('why.same-name') : message('why.same-values');
        warn(o, 'duplicate-office', message('duplicate-office', { office: o.office, source: sourceLabel(o), first: same.office, firstSource: sourceLabel(same), why }));
        continue;
      }
      if (name) byName.set(name, o);
      if (o.indicators.length) byValues.set(o.values, o);
    }

    // Indicators: the same id and the same name (normalised) are one indicator.
    const rows: (IndicatorRow & { sum: number; scored: number })[] = [];
    const index = new Map<string, number>();
    const nameOfId = new Map<string, string>();
    for (const o of members) {
      if (duplicateOf.has(o)) continue;
      for (const ind of o.indicators) {
        const key = `${ind.id}\u0000${nameKey(ind.name)}`;
        let i = index.get(key);
        if (i === undefined) {
          i = rows.length;
          index.set(key, i);
          rows.push({ id: ind.id, name: ind.name, unit: ind.unit, weight: ind.weight, offices: 0, averageRaw: null, tierCounts: emptyTierCounts(), sum: 0, scored: 0 });
          const seen = ind.id ? nameOfId.get(ind.id) : undefined;
          if (seen === undefined && ind.id) nameOfId.set(ind.id, ind.name);
          else if (seen !== undefined) {
            warn(o, 'same-id-different-name', message('same-id-different-name', { id: digits(ind.id), first: seen.slice(0, 60), other: ind.name.slice(0, 60) }), ind.cell, ind.id);
          }
        }
        const row = rows[i];
        row.offices++;
        row.tierCounts[highlightKey(ind.status, ind.tier)]++;
        if (ind.status === 'scored' && ind.raw !== null) {
          row.sum += ind.raw;
          row.scored++;
        }
      }
    }
    const order = rows.map((_, i) => i).sort((x, y) => compareIds(rows[x].id, rows[y].id) || rows[x].name.localeCompare(rows[y].name) || x - y);
    const place = new Array<number>(rows.length);
    order.forEach((r, p) => (place[r] = p));
    const indicators: IndicatorRow[] = order.map((r) => {
      const { sum, scored, ...row } = rows[r];
      return { ...row, averageRaw: scored ? sum / scored : null };
    });

    const offices = members.map((o) => officeRow(o, indicators.length, (ind) => {
      const i = index.get(`${ind.id}\u0000${nameKey(ind.name)}`);
      return i === undefined ? undefined : place[i];
    }, duplicateOf.get(o)));

    // Highest percent first; equal percents share a rank (1, 2, 2, 4); nothing assessed, no rank.
    const ranked = known ? offices.filter((r) => r.duplicateOf === null && r.assessed > 0 && r.percent !== null) : [];
    ranked.sort((a, b) => b.percent! - a.percent! || a.office.localeCompare(b.office));
    ranked.forEach((row, i) => {
      const prev = ranked[i - 1];
      row.rank = prev && Math.abs(prev.percent! - row.percent!) < 1e-9 ? prev.rank : i + 1;
    });
    const rankedSet = new Set(ranked);
    const unranked = offices.filter((r) => !rankedSet.has(r) && r.duplicateOf === null).sort((a, b) => a.office.localeCompare(b.office));
    const copies = offices.filter((r) => r.duplicateOf !== null);
    groups.push({ plan: known ? first.plan! : 'unknown', fiscalYear: known ? first.fiscalYear : null, quarter: known ? first.quarter : null, known, offices: [...ranked, ...unranked, ...copies], indicators });
  }
  groups.sort(compareGroups);

  const problems = inputs.flatMap((input) => input.problems.map((p) => ({ ...p, office: input.office })));
  return { settings, groups, problems, warnings, skipped };
}

function officeRow(input: OfficeSummary, width: number, placeOf: (ind: OfficeSummary['indicators'][number]) => number | undefined, copyOf: OfficeSummary | undefined): OfficeRow {
  const t = input.totals;
  const tierCounts = emptyTierCounts();
  const indicatorScores: (number | null)[] = new Array(width).fill(null);
  const indicatorKeys: (HighlightKey | null)[] = new Array(width).fill(null);
  for (const s of input.indicators) {
    const key = highlightKey(s.status, s.tier);
    tierCounts[key]++;
    const i = placeOf(s);
    if (i !== undefined && indicatorKeys[i] === null) {
      indicatorScores[i] = s.status === 'scored' ? s.score : null;
      indicatorKeys[i] = key;
    }
  }
  return {
    office: input.office,
    file: input.file,
    sheet: input.sheet,
    headerRow: input.headerRow,
    rank: null,
    marks: t.score,
    outOf: t.applicable,
    percent: t.earnedPercent,
    assessed: t.max,
    toDatePercent: t.percent,
    coverage: t.applicable > 0 ? (t.max / t.applicable) * 100 : null,
    weight: t.weight,
    // Reported in words is pending for the score (docs/rules.md §3).
    pending: t.pending + t.inWords,
    na: t.na,
    invalid: t.invalid,
    problemCount: input.problems.length,
    errorCount: input.problems.filter((p) => p.severity === 'error').length,
    toDate: t.toDate,
    tierCounts,
    indicatorScores,
    indicatorKeys,
    duplicateOf: copyOf ? { office: copyOf.office, file: copyOf.file, sheet: copyOf.sheet } : null,
  };
}

/** The band colour of an office's percent: grey when nothing is assessed yet. */
export function percentKey(percent: number | null, assessed = 1): HighlightKey {
  return percent === null || assessed <= 0 ? 'pending' : tierOfPercent(percent);
}

const QUARTER_WORDS: MessageKey[] = ['group.q1', 'group.q2', 'group.q3', 'group.q4'];
const QUARTER_SHORT: MessageKey[] = ['group.q1.short', 'group.q2.short', 'group.q3.short', 'group.q4.short'];

const yearLabel = (start: number) => digits(`${start}-${String((start + 1) % 100).padStart(2, '0')}`);

/** A group's name in words: `ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৪-২৫, ২য় ত্রৈমাসিক`. */
export function groupTitle(g: Pick<ConsolidationGroup, 'plan' | 'fiscalYear' | 'quarter' | 'known'>): Bilingual {
  if (!g.known || g.plan === 'unknown' || g.fiscalYear === null || g.quarter === null) return message('group.unknown');
  return message('group.title', { plan: message(`plan.${g.plan}`), year: yearLabel(g.fiscalYear), quarter: message(QUARTER_WORDS[g.quarter - 1]) });
}

/** A group's short name, for its summary sheet's tab: `ই-গভর্ন্যান্স ২০২৪-২৫ ২য় ত্রৈ.`, `e-Gov 2024-25 Q2`. */
export function groupShortName(g: Pick<ConsolidationGroup, 'plan' | 'fiscalYear' | 'quarter' | 'known'>): Bilingual {
  if (!g.known || g.plan === 'unknown' || g.fiscalYear === null || g.quarter === null) return message('group.unknown.short');
  return message('group.short', { plan: message(`plan.short.${g.plan}`), year: yearLabel(g.fiscalYear), quarter: message(QUARTER_SHORT[g.quarter - 1]) });
}
