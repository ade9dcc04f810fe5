import type { Area, Indicator, Plan, Target } from './plan';
import type { Tier } from './plan';
import type { ScoreSettings } from './settings';
import { Unit, Value } from './values';

export type { ScoreSettings } from './settings';

/** The settings' choices (SCORING.md §4–§5); settings.ts makes the zod schema of them. */
export const MODES = ['interpolate', 'floor'] as const;
export const NA_RULES = ['rescale', 'full', 'zero'] as const;
export const DEFAULT_SETTINGS: ScoreSettings = { mode: 'interpolate', na: 'rescale', final: false };

/** The settings with the spec's defaults filled in — what `scoreSettingsSchema.parse` gives,
 * checked the same way (a property test holds the two together), without loading zod where
 * only scoring runs (a reading worker thread). Throws on a value no setting takes. */
export function settingsWithDefaults(settings: Partial<ScoreSettings> = {}): ScoreSettings {
  const { mode = DEFAULT_SETTINGS.mode, na = DEFAULT_SETTINGS.na, final = DEFAULT_SETTINGS.final } = settings;
  if (!(MODES as readonly unknown[]).includes(mode)) throw new Error(`mode: expected ${MODES.join(' | ')}, got ${String(mode)}`);
  if (!(NA_RULES as readonly unknown[]).includes(na)) throw new Error(`na: expected ${NA_RULES.join(' | ')}, got ${String(na)}`);
  if (typeof final !== 'boolean') throw new Error(`final: expected a boolean, got ${String(final)}`);
  return { mode, na, final };
}

/** `in-words`: the achievement is a sentence with no one value of its unit (SCORING.md §3):
 * pending for the score, shown as reported in words; a final evaluation counts it 0. */
export type Status = 'scored' | 'pending' | 'in-words' | 'na' | 'invalid';
export type TierReached = Tier | 'not-achieved';
/** `weight-negative`: a weight below zero is no weight. `sum-not-finite`: adding this weight made the
 * plan's total weight too large to be a number (three weights of 1e308); it is left out of the totals. */
export type InvalidCause = 'targets-not-monotonic' | 'not-a-value' | 'no-targets' | 'weight-missing' | 'weight-negative' | 'sum-not-finite';

/** The weight an indicator's score and the totals use: none for a missing or negative weight. */
function weightOf(ind: Indicator): number | null {
  return ind.weight !== null && ind.weight >= 0 ? ind.weight : null;
}

/** The weight an indicator adds to the totals (0 for one whose weight is no weight, or that the
 * sums cannot hold). */
export function countedWeight(s: IndicatorScore): number {
  return s.invalid?.cause === 'sum-not-finite' ? 0 : (weightOf(s.indicator) ?? 0);
}

/** A target that has a value: x is the number, or the day for dates. */
export interface Point {
  x: number;
  percent: number;
  tier: Tier;
  cell: string;
}

export type TargetAnalysis =
  | { kind: 'points'; points: Point[]; higherIsBetter: boolean }
  | { kind: 'na' }
  | { kind: 'invalid'; cause: 'targets-not-monotonic' | 'not-a-value' | 'no-targets'; cell: string; target?: Target };

function numeric(v: Value): number | null {
  return v.kind === 'number' ? v.value : v.kind === 'date' ? v.day : null;
}

/** The tiers that have a target, best first, and which way is better (SCORING.md §4). */
export function analyseTargets(targets: Target[], unit: Unit): TargetAnalysis {
  // Counted first so that the points array is made at its size (this runs for every row).
  let count = 0;
  let bad: Target | undefined;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    const kind = t.value.kind;
    if (kind === 'na') return { kind: 'na' };
    if (kind === 'invalid') bad ??= t;
    else if (kind === 'number' || kind === 'date') count++;
  }
  if (bad) return { kind: 'invalid', cause: 'not-a-value', cell: bad.cell, target: bad };
  const points: Point[] = new Array(count);
  for (let i = 0, k = 0; i < targets.length; i++) {
    const t = targets[i];
    const v = t.value;
    if (v.kind === 'number') points[k++] = { x: v.value, percent: t.percent, tier: t.tier, cell: t.cell };
    else if (v.kind === 'date') points[k++] = { x: v.day, percent: t.percent, tier: t.tier, cell: t.cell };
  }
  if (points.length === 0) return { kind: 'invalid', cause: 'no-targets', cell: targets[0]?.cell ?? '' };
  const firstX = points[0].x;
  const lastX = points[points.length - 1].x;
  const higherIsBetter = firstX !== lastX ? firstX > lastX : unit !== 'date';
  // Strictly worse from tier to tier; equal neighbours are allowed.
  for (let i = 1; i < points.length; i++) {
    const better = higherIsBetter ? points[i].x > points[i - 1].x : points[i].x < points[i - 1].x;
    if (better) {
      const target = targets.find((t) => t.cell === points[i].cell);
      return { kind: 'invalid', cause: 'targets-not-monotonic', cell: points[i].cell, target };
    }
  }
  return { kind: 'points', points, higherIsBetter };
}

/** Raw score 0–100 of an achievement x against the points (SCORING.md §4, rules 1–4). */
export function rawScore(x: number, points: Point[], higherIsBetter: boolean, unit: Unit, mode: ScoreSettings['mode']): number {
  const s = higherIsBetter ? 1 : -1;
  if (points.length === 1) {
    const t = points[0].x;
    if (unit === 'date') return x <= t ? 100 : 0;
    let ratio: number;
    if (higherIsBetter) ratio = t === 0 ? (x >= 0 ? 1 : 0) : x / t;
    else ratio = x <= 0 ? 1 : t / x;
    if (ratio < 0.6) return 0;
    return Math.min(100, 100 * ratio);
  }
  if (s * x >= s * points[0].x) return points[0].percent;
  for (let i = 0; i + 1 < points.length; i++) {
    const better = points[i];
    const worse = points[i + 1];
    if (s * x >= s * worse.x) {
      if (mode === 'floor' || x === worse.x) return worse.percent;
      return worse.percent + ((better.percent - worse.percent) * (x - worse.x)) / (better.x - worse.x);
    }
  }
  return 0;
}

/** The best tier whose target the achievement meets (SCORING.md §6). A single target has no
 * tiers below it, so its raw score's band names the tier (75 → fair). */
export function tierReached(x: number, raw: number, points: Point[], higherIsBetter: boolean): TierReached {
  if (points.length === 1) return tierOfPercent(raw);
  const s = higherIsBetter ? 1 : -1;
  for (const p of points) if (s * x >= s * p.x) return p.tier;
  return 'not-achieved';
}

export function tierOfPercent(raw: number): TierReached {
  if (raw >= 100) return 'excellent';
  if (raw >= 90) return 'very-good';
  if (raw >= 80) return 'good';
  if (raw >= 70) return 'fair';
  if (raw >= 60) return 'below-fair';
  return 'not-achieved';
}

/** The achievement to score (SCORING.md §7): the cumulative column when there is one; else a
 * count sums its quarters, a percent takes the latest quarter, a date the earliest. */
export function chooseAchievement(ind: Indicator): { value: Value; cells: string[] } {
  const all = ind.achievements;
  if (all.length === 0) return { value: { kind: 'empty' }, cells: [] };
  const cumulative = all.find((a) => a.cumulative);
  if (cumulative || all.length === 1) {
    const a = cumulative ?? all[0];
    return { value: a.value, cells: [a.cell] };
  }
  const cells = all.map((a) => a.cell);
  const typed = all.filter((a) => a.value.kind !== 'empty');
  if (typed.length === 0) return { value: { kind: 'empty' }, cells };
  const invalid = typed.find((a) => a.value.kind === 'invalid');
  if (invalid) return { value: invalid.value, cells };
  // A quarter reported in words adds nothing; when every quarter is, the indicator is.
  const filled = typed.filter((a) => a.value.kind !== 'words');
  if (filled.length === 0) return { value: typed[typed.length - 1].value, cells };
  if (filled.some((a) => a.value.kind === 'na')) return { value: { kind: 'na' }, cells };
  if (ind.unit === 'count') {
    const sum = filled.reduce((acc, a) => acc + (a.value.kind === 'number' ? a.value.value : 0), 0);
    return { value: { kind: 'number', value: sum, percent: false }, cells };
  }
  if (ind.unit === 'percent') {
    const latest = [...filled].sort((a, b) => (a.quarter ?? 0) - (b.quarter ?? 0)).pop()!;
    return { value: latest.value, cells };
  }
  const earliest = filled.reduce((best, a) => (numeric(a.value)! < numeric(best.value)! ? a : best));
  return { value: earliest.value, cells };
}

export interface IndicatorScore {
  indicator: Indicator;
  status: Status;
  /** 0–100; null when pending, n/a or invalid (0 for those a final evaluation zeroes). */
  raw: number | null;
  /** raw / 100 × weight, full precision. */
  score: number | null;
  tier: TierReached | null;
  achievement: Value;
  /** The cells the achievement was read from (one, or each quarter's). */
  achievementCells: string[];
  invalid: { cause: InvalidCause; cell: string } | undefined;
  analysis: TargetAnalysis;
}

export function scoreIndicator(ind: Indicator, settings: ScoreSettings = DEFAULT_SETTINGS): IndicatorScore {
  // The common case, one cumulative or annual column, without the general chooser's object.
  const all = ind.achievements;
  const single = all.length === 1 ? all[0] : all.length > 1 && all[0].cumulative ? all[0] : undefined;
  const chosen = single ? null : chooseAchievement(ind);
  const value = single ? single.value : chosen!.value;
  const cells = single ? [single.cell] : chosen!.cells;
  const analysis = analyseTargets(ind.targets, ind.unit);
  // One object shape for every outcome keeps the hot loops over scores monomorphic.
  const result: IndicatorScore = { indicator: ind, status: 'pending', raw: null, score: null, tier: null, achievement: value, achievementCells: cells, invalid: undefined, analysis };

  // A remark that says only প্রযোজ্য নয়, on an indicator with no achievement, makes it n/a (§3).
  const naByRemark = value.kind === 'empty' && ind.remarksSayNa;
  if (analysis.kind === 'na' || value.kind === 'na' || naByRemark) {
    result.status = 'na';
    const w = weightOf(ind);
    result.score = settings.na === 'full' ? w : settings.na === 'zero' ? (w === null ? null : 0) : null;
    return result;
  }
  if (analysis.kind === 'invalid') {
    result.status = 'invalid';
    result.invalid = { cause: analysis.cause, cell: analysis.cell };
    zeroIfFinal(result, settings);
    return result;
  }
  if (value.kind === 'invalid') {
    result.status = 'invalid';
    // The cell that holds the bad value (of several quarters', not simply the last one).
    const bad = all.find((a) => a.value === value);
    result.invalid = { cause: 'not-a-value', cell: bad?.cell ?? cells[cells.length - 1] ?? ind.cell };
    zeroIfFinal(result, settings);
    return result;
  }
  if (value.kind === 'empty') {
    zeroIfFinal(result, settings);
    return result;
  }
  if (value.kind === 'words') {
    result.status = 'in-words';
    zeroIfFinal(result, settings);
    return result;
  }
  const x = value.kind === 'number' ? value.value : value.day;
  const raw = rawScore(x, analysis.points, analysis.higherIsBetter, ind.unit, settings.mode);
  result.raw = raw;
  result.tier = tierReached(x, raw, analysis.points, analysis.higherIsBetter);
  const weight = weightOf(ind);
  if (weight === null) {
    result.status = 'invalid';
    result.invalid = { cause: ind.weight === null ? 'weight-missing' : 'weight-negative', cell: ind.weightCell || ind.cell };
    return result;
  }
  result.status = 'scored';
  result.score = (raw / 100) * weight;
  return result;
}

/** A final evaluation counts what could not be scored as 0 (SCORING.md §4.5). */
function zeroIfFinal(result: IndicatorScore, settings: ScoreSettings): void {
  if (!settings.final) return;
  result.raw = 0;
  result.score = weightOf(result.indicator) === null ? null : 0;
  result.tier = 'not-achieved';
}

export interface Totals {
  /** Points earned: the sum of indicator scores. */
  score: number;
  /** The weight those points are out of (pending and, under `rescale`, n/a weights left out). */
  max: number;
  /** score / max × 100; null when nothing could be scored. */
  percent: number | null;
  /** The whole weight of the plan or area, and the percent of it: the plan score (SCORING.md §5). */
  weight: number;
  planScore: number | null;
  /** The weight the marks are out of: the whole weight, less the n/a indicators' under `rescale`
   * (SCORING.md §9: "প্রাপ্ত নম্বর" out of the applicable weight). */
  applicable: number;
  /** Marks earned so far out of the applicable weight: score / applicable × 100; a pending,
   * in-words or unscoreable indicator has earned nothing yet. Null when nothing is applicable. */
  earnedPercent: number | null;
  scored: number;
  pending: number;
  /** Reported in words (pending for the score, counted apart). */
  inWords: number;
  na: number;
  invalid: number;
  /** True while some indicators are pending or not scoreable: the percent is "to date". */
  toDate: boolean;
}

export function totalsOf(scores: IndicatorScore[], settings: ScoreSettings): Totals {
  const t: Totals = { score: 0, max: 0, percent: null, weight: 0, planScore: null, applicable: 0, earnedPercent: null, scored: 0, pending: 0, inWords: 0, na: 0, invalid: 0, toDate: false };
  let naWeight = 0;
  for (const s of scores) {
    const w = countedWeight(s);
    t.weight += w;
    if (s.status === 'scored') t.scored++;
    else if (s.status === 'pending') t.pending++;
    else if (s.status === 'in-words') t.inWords++;
    else if (s.status === 'na') (t.na++, (naWeight += w));
    else t.invalid++;
    const counted =
      s.status === 'scored' ||
      (s.status === 'na' && settings.na !== 'rescale') ||
      ((s.status === 'pending' || s.status === 'in-words' || s.status === 'invalid') && settings.final);
    if (counted && s.score !== null) {
      t.score += s.score;
      t.max += w;
    }
  }
  t.percent = t.max > 0 ? (t.score / t.max) * 100 : null;
  t.planScore = t.percent === null ? null : (t.percent / 100) * t.weight;
  t.applicable = settings.na === 'rescale' ? t.weight - naWeight : t.weight;
  t.earnedPercent = t.applicable > 0 ? (t.score / t.applicable) * 100 : null;
  // Pending indicators make the percent "to date"; so do ones reported in words or not yet
  // scoreable (invalid).
  t.toDate = t.pending + t.inWords + t.invalid > 0 && !settings.final;
  return t;
}

export interface AreaScore {
  area: Area;
  indicators: IndicatorScore[];
  totals: Totals;
}

export interface PlanScore {
  plan: Plan;
  settings: ScoreSettings;
  areas: AreaScore[];
  indicators: IndicatorScore[];
  totals: Totals;
}

export function scorePlan(plan: Plan, settings: Partial<ScoreSettings> = {}): PlanScore {
  const s = settingsWithDefaults(settings);
  const areas = plan.areas.map((area) => {
    const indicators = area.indicators.map((ind) => scoreIndicator(ind, s));
    return { area, indicators, totals: totalsOf(indicators, s) };
  });
  const indicators = areas.flatMap((a) => a.indicators);
  if (leaveOutWhatSumsCannotHold(indicators)) for (const a of areas) a.totals = totalsOf(a.indicators, s);
  return { plan, settings: s, areas, indicators, totals: totalsOf(indicators, s) };
}

/** The totals of indicators scored one by one (a function over a range): those whose weights the
 * sums cannot hold left out first, as scorePlan does. */
export function finiteTotalsOf(scores: IndicatorScore[], settings: ScoreSettings): Totals {
  leaveOutWhatSumsCannotHold(scores);
  return totalsOf(scores, settings);
}

/** Weights each finite whose sum is not (1e308 three times): from the indicator whose weight
 * makes the plan's running total infinite on, each such indicator is not scoreable and left out,
 * so that every total is a number. A score is at most its weight, so finite weight sums keep every
 * other total finite. True when some indicator was left out. */
function leaveOutWhatSumsCannotHold(indicators: IndicatorScore[]): boolean {
  let sum = 0;
  let any = false;
  for (const s of indicators) {
    const w = countedWeight(s);
    if (Number.isFinite(sum + w)) {
      sum += w;
      continue;
    }
    s.status = 'invalid';
    s.invalid = { cause: 'sum-not-finite', cell: s.indicator.weightCell || s.indicator.cell };
    s.score = null;
    any = true;
  }
  return any;
}
