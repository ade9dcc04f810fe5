import { Bilingual, digits, message } from './messages';
import type { PlanKind, Problem } from './plan';
import { HighlightKey, LEGEND_ORDER, highlightKey } from './highlight';
import { PlanScore, ScoreSettings, Status, TierReached, Totals, tierOfPercent } from './score';
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
  indicators: {
    id: string;
    name: string;
    unit: Unit;
    weight: number | null;
    cell: string;
    status: Status;
    score: number | null;
    tier: TierReached | null;
  }[];
  problems: Problem[];
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
    indicators: result.indicators.map((s) => ({
      id: s.indicator.id,
      name: s.indicator.name,
      unit: s.indicator.unit,
      weight: s.indicator.weight,
      cell: s.indicator.cell,
      status: s.status,
      score: s.score,
      tier: s.tier,
    })),
    problems,
  };
}

export type TierCounts = Record<HighlightKey, number>;

export interface OfficeRow {
  /** The office's name, made unique with its file or tab when two offices share a name. */
  office: string;
  file?: string;
  sheet: string;
  headerRow: number;
  score: number;
  max: number;
  percent: number | null;
  weight: number;
  planScore: number | null;
  rank: number | null;
  tierCounts: TierCounts;
  pending: number;
  na: number;
  invalid: number;
  problemCount: number;
  errorCount: number;
  toDate: boolean;
  /** Score per consolidated indicator, in `Consolidation.indicators` order; null when the
   * office has no such indicator or it is not scored. */
  indicatorScores: (number | null)[];
  indicatorKeys: (HighlightKey | null)[];
}

export interface IndicatorRow {
  id: string;
  name: string;
  unit: Unit;
  weight: number | null;
  /** How many offices have it, and the average score of those that scored it. */
  offices: number;
  average: number | null;
  tierCounts: TierCounts;
}

export interface SkippedSource {
  file?: string;
  sheet?: string;
  reason: Bilingual;
}

export interface Consolidation {
  settings: ScoreSettings;
  offices: OfficeRow[];
  indicators: IndicatorRow[];
  problems: (Problem & { office: string })[];
  skipped: SkippedSource[];
}

export function emptyTierCounts(): TierCounts {
  return Object.fromEntries(LEGEND_ORDER.map((k) => [k, 0])) as TierCounts;
}

/** Many plans (one per office) → the summary a ministry publishes: offices ranked, every
 * indicator matched by id across offices, every problem with its office, sheet and cell. */
export function consolidate(inputs: OfficeSummary[], skipped: SkippedSource[] = []): Consolidation {
  const settings = inputs[0]?.settings ?? { mode: 'interpolate', na: 'rescale', final: false };
  const names = uniqueOfficeNames(inputs);

  const index = new Map<string, number>();
  const indicators: IndicatorRow[] = [];
  const nameClash: (Problem & { office: string })[] = [];
  // Running means, not sums: offices' scores each a number (up to a weight of 1e308) keep a mean
  // that is one, where their sum would not be.
  const means: number[] = [];
  const counts: number[] = [];
  inputs.forEach((input, o) => {
    for (const ind of input.indicators) {
      const key = ind.id || `name:${ind.name}`;
      let i = index.get(key);
      if (i === undefined) {
        i = indicators.length;
        index.set(key, i);
        indicators.push({ id: ind.id, name: ind.name, unit: ind.unit, weight: ind.weight, offices: 0, average: null, tierCounts: emptyTierCounts() });
        means.push(0);
        counts.push(0);
      } else if (indicators[i].name !== ind.name && ind.name && indicators[i].name) {
        nameClash.push({
          code: 'same-id-different-name',
          severity: 'warning',
          file: input.file,
          sheet: input.sheet,
          cell: ind.cell,
          indicatorId: ind.id,
          office: names[o],
          message: message('same-id-different-name', { id: digits(ind.id), first: indicators[i].name.slice(0, 60), other: ind.name.slice(0, 60) }),
        });
      }
      const row = indicators[i];
      row.offices++;
      row.tierCounts[highlightKey(ind.status, ind.tier)]++;
      if (ind.status === 'scored' && ind.score !== null) {
        counts[i]++;
        means[i] += (ind.score - means[i]) / counts[i];
      }
    }
  });
  indicators.forEach((row, i) => (row.average = counts[i] ? means[i] : null));

  const offices: OfficeRow[] = inputs.map((input, o) => {
    const t = input.totals;
    const tierCounts = emptyTierCounts();
    const indicatorScores: (number | null)[] = new Array(indicators.length).fill(null);
    const indicatorKeys: (HighlightKey | null)[] = new Array(indicators.length).fill(null);
    for (const s of input.indicators) {
      const key = highlightKey(s.status, s.tier);
      tierCounts[key]++;
      const i = index.get(s.id || `name:${s.name}`)!;
      if (indicatorKeys[i] === null) {
        indicatorScores[i] = s.status === 'scored' ? s.score : null;
        indicatorKeys[i] = key;
      }
    }
    return {
      office: names[o],
      file: input.file,
      sheet: input.sheet,
      headerRow: input.headerRow,
      score: t.score,
      max: t.max,
      percent: t.percent,
      weight: t.weight,
      planScore: t.planScore,
      rank: null,
      tierCounts,
      // Reported in words is pending for the score (docs/rules.md §3).
      pending: t.pending + t.inWords,
      na: t.na,
      invalid: t.invalid,
      problemCount: input.problems.length,
      errorCount: input.problems.filter((p) => p.severity === 'error').length,
      toDate: t.toDate,
      indicatorScores,
      indicatorKeys,
    };
  });

  // Highest percent first; equal percents share a rank (1, 2, 2, 4); unscored offices last.
  offices.sort((a, b) => (b.percent ?? -1) - (a.percent ?? -1) || a.office.localeCompare(b.office));
  offices.forEach((row, i) => {
    if (row.percent === null) return;
    const prev = offices[i - 1];
    row.rank = prev && prev.percent !== null && Math.abs(prev.percent - row.percent) < 1e-9 ? prev.rank : i + 1;
  });

  const problems = inputs.flatMap((input, o) => input.problems.map((p) => ({ ...p, office: names[o] })));
  return { settings, offices, indicators, problems: [...problems, ...nameClash], skipped };
}

/** Offices that cannot be told apart by name are told apart by their file or tab. */
function uniqueOfficeNames(inputs: OfficeSummary[]): string[] {
  const count = new Map<string, number>();
  for (const i of inputs) count.set(i.office, (count.get(i.office) ?? 0) + 1);
  return inputs.map((p) => {
    if ((count.get(p.office) ?? 0) < 2) return p.office;
    const source = p.file ? `${p.file.split(/[\\/]/).pop()}${p.sheet ? ` / ${p.sheet}` : ''}` : p.sheet;
    return `${p.office} (${source})`;
  });
}

/** The band colour of an office's percent. */
export function percentKey(percent: number | null): HighlightKey {
  return percent === null ? 'pending' : tierOfPercent(percent);
}
