import { Day, formatDay } from './dates';
import { Bilingual, Language, message, MessageParam, text } from './messages';
import type { Indicator, Target } from './plan';
import { ScoreSettings, scoreIndicator, settingsWithDefaults, finiteTotalsOf, IndicatorScore } from './score';
import { DEFAULT_TIER_PERCENT, Tier } from './plan';
import { whatNext } from './next';
import { resolveUnit } from './units';
import { CellValue } from './grid';
import { coerceToUnit, readAchievement, readCell, readText, Unit, unitFromText, Value } from './values';
import { cleanText, compactText } from './text';

/** The spreadsheet functions the hosts expose (`=APA.SCORE` in Excel, `=APA_SCORE` in Sheets),
 * described once. Each takes whole ranges as 2-D arrays and returns one result per row, so one
 * formula fills a column; the hosts only translate arguments and results. */

/** A range argument (2-D), a single value, or nothing (omitted / blank). */
export type Arg = CellValue[][] | CellValue;

/** A function's result cell. Dates are days; hosts turn them into serials or `Date`s. */
export type FnValue = number | string | { date: Day } | FnError;
export interface FnError {
  error: 'value' | 'na';
  message: Bilingual;
}

export interface ParamSpec {
  name: string;
  description: Bilingual;
  optional: boolean;
  /** A range of N rows (one per indicator) or one value. */
  shape: 'column' | 'rows' | 'value';
}

export interface FunctionSpec {
  name: 'RAW' | 'SCORE' | 'TIER' | 'NEXT' | 'TOTAL' | 'VALUE';
  description: Bilingual;
  params: ParamSpec[];
  /** One result per row, or a single result. */
  returns: 'column' | 'value';
  impl: (...args: Arg[]) => FnValue[][] | FnValue;
}

const TIER_SETS: Record<number, { tier: Tier; percent: number }[]> = {
  1: [{ tier: 'excellent', percent: 100 }],
  3: [
    { tier: 'excellent', percent: 100 },
    { tier: 'good', percent: 80 },
    { tier: 'fair', percent: 60 },
  ],
  5: (['excellent', 'very-good', 'good', 'fair', 'below-fair'] as Tier[]).map((tier) => ({ tier, percent: DEFAULT_TIER_PERCENT[tier] })),
};

function rows(arg: Arg): CellValue[][] {
  if (arg === null || arg === undefined) return [];
  if (Array.isArray(arg)) return arg as CellValue[][];
  return [[arg as CellValue]];
}

function scalar(arg: Arg): CellValue {
  if (Array.isArray(arg)) return (arg as CellValue[][])[0]?.[0];
  return arg as CellValue;
}

function blank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && cleanText(v) === '');
}

function optionalText(arg: Arg): string {
  const v = scalar(arg);
  return blank(v) ? '' : compactText(String(v));
}

function settingsFrom(mode: Arg, na?: Arg): ScoreSettings {
  const m = optionalText(mode);
  const n = na === undefined ? '' : optionalText(na);
  return settingsWithDefaults({
    mode: m === 'floor' || m === 'নিম্নস্তর' ? 'floor' : 'interpolate',
    na: n === 'full' || n === 'zero' ? n : 'rescale',
  });
}

const valueError = (key: Parameters<typeof message>[0], params = {}): FnError => ({ error: 'value', message: message(key, params) });

/** Builds the indicator of row i from the function's ranges, as the layout reader would. */
function indicatorAt(i: number, achievement: CellValue[][], targets: CellValue[][], weight: CellValue[][], unit: CellValue[][]): Indicator | FnError | null {
  const targetRow = targets.length === 1 && achievement.length > 1 ? targets[0] : targets[i] ?? [];
  const tierSet = TIER_SETS[targetRow.length];
  const a = achievement[i]?.[0];
  const w = weight.length === 1 && achievement.length > 1 ? weight[0]?.[0] : weight[i]?.[0];
  if (targetRow.every(blank) && blank(a) && blank(w)) return null;
  if (!tierSet) return valueError('missing-column', { column: message('column.targets') });
  // Each target's place in the range (R1C1 within it) tells the targets apart, as cells do in a sheet.
  const tgts: Target[] = targetRow.map((v, k) => ({ ...tierSet[k], value: readCell(v), cell: `R${i + 1}C${k + 1}` }));
  const unitText = unit.length ? String(unit.length === 1 ? unit[0]?.[0] ?? '' : unit[i]?.[0] ?? '') : '';
  const { unit: u } = resolveUnit(unitText, tgts.map((t) => t.value), true);
  for (const t of tgts) t.value = coerceToUnit(t.value, u, { formatsUnknown: true });
  // RAW, TIER and NEXT take no weights: the row is weighed 100, so its score is its raw score.
  const weightValue = weight.length === 0 ? ({ kind: 'number', value: 100, percent: false } as const) : readCell(w);
  return {
    id: String(i + 1),
    name: '',
    unitText,
    unit: u,
    weight: weightValue.kind === 'number' ? weightValue.value : null,
    weightCell: '',
    targets: tgts,
    achievements: [{ value: readAchievement(readCell(a), u, { formatsUnknown: true }).value, cell: '', cumulative: true }],
    remarks: '',
    remarksCell: '',
    remarksSayNa: false,
    evidence: 'not-said',
    evidenceCell: '',
    row: i + 1,
    cell: '',
    areaId: '',
    activityId: '',
    activity: '',
  };
}

function isError(x: unknown): x is FnError {
  return typeof x === 'object' && x !== null && 'error' in x;
}

/** One row of a function's ranges: its score (or why it has none), and the weight cell as typed,
 * for the message when that cell holds no number. */
interface ScoredRow {
  score: IndicatorScore | FnError | null;
  weightText: string;
}

function scoredRows(achievement: Arg, targets: Arg, weight: Arg, unit: Arg, settings: ScoreSettings): ScoredRow[] {
  const a = rows(achievement);
  const t = rows(targets);
  const w = rows(weight);
  const u = rows(unit);
  const out: ScoredRow[] = [];
  for (let i = 0; i < a.length; i++) {
    const ind = indicatorAt(i, a, t, w, u);
    const wCell = w.length === 1 && a.length > 1 ? w[0]?.[0] : w[i]?.[0];
    out.push({ score: ind === null || isError(ind) ? ind : scoreIndicator(ind, settings), weightText: blank(wCell) ? '' : String(wCell) });
  }
  return out;
}

/** A value as a message shows it: a date in each language's digits. */
function shown(v: Value): MessageParam {
  if (v.kind === 'date') return { bn: formatDay(v.day, 'bn'), en: formatDay(v.day) };
  if (v.kind === 'number') return v.value;
  return v.kind === 'invalid' ? v.text : '';
}

/** Why a row has no number, as the cell shows it: the cell that is wrong (an achievement, a
 * target or a weight, an error cell such as #DIV/0! included) and why. */
function noNumber(s: IndicatorScore, weightText: string): FnValue {
  if (s.status === 'pending' || s.status === 'in-words' || s.status === 'na') return '';
  const a = s.analysis;
  const cause = s.invalid?.cause;
  if (cause === 'targets-not-monotonic' && a.kind === 'invalid' && a.target)
    return valueError('targets-not-monotonic', { tier: message(`tier.${a.target.tier}`), value: shown(a.target.value) });
  if (cause === 'no-targets') return valueError('no-targets');
  if (cause === 'weight-missing') return valueError('weight-missing', { text: weightText });
  if (cause === 'weight-negative') return valueError('weight-negative', { value: weightText });
  // Not a value: a target's cell when the targets are at fault, else the achievement's.
  const v = a.kind === 'invalid' && a.cause === 'not-a-value' && a.target ? a.target.value : s.achievement;
  return valueError('not-a-value', { text: shown(v), reason: v.kind === 'invalid' ? message(`reason.${v.reason}`) : '' });
}

function perRow(list: ScoredRow[], f: (s: IndicatorScore, weightText: string) => FnValue): FnValue[][] {
  return list.map(({ score: s, weightText }) => [s === null ? '' : isError(s) ? s : f(s, weightText)]);
}

function language(arg: Arg): Language {
  const t = optionalText(arg);
  return t === 'en' || t === 'english' || t === 'ইংরেজি' ? 'en' : 'bn';
}

const P = {
  achievement: { name: 'achievement', optional: false, shape: 'column', description: { bn: 'অর্জনের কলাম (প্রতি সূচকে একটি ঘর)', en: 'The achievement column (one cell per indicator)' } },
  targets: { name: 'targets', optional: false, shape: 'rows', description: { bn: 'লক্ষ্যমাত্রার ঘর: প্রতি সারিতে ১, ৩ বা ৫টি স্তর (১০০% / ১০০-৮০-৬০% / ১০০-৯০-৮০-৭০-৬০%)', en: 'Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)' } },
  weight: { name: 'weight', optional: false, shape: 'column', description: { bn: 'কর্মসম্পাদন সূচকের মান', en: 'Indicator weights' } },
  unit: { name: 'unit', optional: true, shape: 'column', description: { bn: 'একক (তারিখ, %, সংখ্যা); না দিলে লক্ষ্যমাত্রা থেকে', en: 'Unit (date, %, count); inferred from the targets when omitted' } },
  mode: { name: 'mode', optional: true, shape: 'value', description: { bn: '"interpolate" (ডিফল্ট) বা "floor"', en: '"interpolate" (default) or "floor"' } },
  language: { name: 'language', optional: true, shape: 'value', description: { bn: '"bn" (ডিফল্ট) বা "en"', en: '"bn" (default) or "en"' } },
  na: { name: 'na', optional: true, shape: 'value', description: { bn: 'প্রযোজ্য নয়: "rescale" (ডিফল্ট), "full" বা "zero"', en: 'Not applicable: "rescale" (default), "full" or "zero"' } },
  text: { name: 'text', optional: false, shape: 'column', description: { bn: 'লেখা মান: ১৬/০৩/২০২৫, ৯০.৫৯%, ১,২০০', en: 'Typed values: ১৬/০৩/২০২৫, ৯০.৫৯%, ১,২০০' } },
} satisfies Record<string, ParamSpec>;

export const FUNCTIONS: FunctionSpec[] = [
  {
    name: 'RAW',
    description: { bn: 'প্রতি সূচকের কাঁচা নম্বর (০–১০০)', en: 'Raw score (0–100) of each indicator' },
    params: [P.achievement, P.targets, P.unit, P.mode],
    returns: 'column',
    impl: (achievement, targets, unit, mode) =>
      perRow(scoredRows(achievement, targets, null, unit, settingsFrom(mode)), (s, w) => (s.raw !== null ? s.raw : noNumber(s, w))),
  },
  {
    name: 'SCORE',
    description: { bn: 'প্রতি সূচকের প্রাপ্ত নম্বর (কাঁচা নম্বর × মান ÷ ১০০)', en: 'Weighted score of each indicator (raw × weight ÷ 100)' },
    params: [P.achievement, P.targets, P.weight, P.unit, P.mode],
    returns: 'column',
    impl: (achievement, targets, weight, unit, mode) =>
      perRow(scoredRows(achievement, targets, weight, unit, settingsFrom(mode)), (s, w) => (s.status === 'scored' && s.score !== null ? s.score : noNumber(s, w))),
  },
  {
    name: 'TIER',
    description: { bn: 'প্রতি সূচকের অর্জিত স্তর', en: 'Tier reached by each indicator' },
    params: [P.achievement, P.targets, P.unit, P.language],
    returns: 'column',
    impl: (achievement, targets, unit, lang) => {
      const l = language(lang);
      return perRow(scoredRows(achievement, targets, null, unit, settingsFrom(null)), (s, w) => {
        if (s.status === 'scored' || (s.status === 'invalid' && s.invalid?.cause === 'weight-missing')) return text(`tier.${s.tier ?? 'not-achieved'}`)[l];
        if (s.status === 'invalid') return noNumber(s, w);
        return text(`status.${s.status}`)[l];
      });
    },
  },
  {
    name: 'NEXT',
    description: { bn: 'পরের স্তরে পৌঁছাতে যে অর্জন (মান বা তারিখ) দরকার', en: 'The achievement (value or date) that reaches the next tier' },
    params: [P.achievement, P.targets, P.unit],
    returns: 'column',
    impl: (achievement, targets, unit) =>
      perRow(scoredRows(achievement, targets, null, unit, settingsFrom(null)), (s, w) => {
        const n = whatNext(s);
        if (!n) return s.status === 'invalid' ? noNumber(s, w) : '';
        return n.unit === 'date' ? { date: n.next.x } : n.next.x;
      }),
  },
  {
    name: 'TOTAL',
    description: { bn: 'পরিকল্পনার মোট শতাংশ (প্রাপ্ত নম্বর ÷ মান × ১০০)', en: "The plan's percent (score ÷ weight × 100)" },
    params: [P.achievement, P.targets, P.weight, P.unit, P.na],
    returns: 'value',
    impl: (achievement, targets, weight, unit, na) => {
      const settings = settingsFrom(null, na);
      const list = scoredRows(achievement, targets, weight, unit, settings).map((r) => r.score);
      const err = list.find(isError);
      if (err) return err;
      const t = finiteTotalsOf(list.filter((s): s is IndicatorScore => s !== null && !isError(s)), settings);
      return t.percent === null ? '' : t.percent;
    },
  },
  {
    name: 'VALUE',
    description: { bn: 'লেখা মানকে সংখ্যা বা তারিখে রূপান্তর', en: 'A typed value as a number or a date' },
    params: [P.text, P.unit],
    returns: 'column',
    impl: (input, unit) => {
      const u: Unit | null = optionalText(unit) ? unitFromText(String(scalar(unit))) : null;
      return rows(input).map((row) =>
        row.map((cell): FnValue => {
          let v = typeof cell === 'string' ? readText(cell) : readCell(cell);
          if (u) v = coerceToUnit(v, u, { formatsUnknown: true });
          if (v.kind === 'number') return v.value;
          if (v.kind === 'date') return { date: v.day };
          if (v.kind === 'empty') return '';
          if (v.kind === 'na') return text('status.na').bn;
          if (v.kind === 'words') return valueError('not-a-value', { text: v.text, reason: message('reason.free-text') });
          return valueError('not-a-value', { text: v.text, reason: message(`reason.${v.reason}`) });
        }),
      );
    },
  },
];

export function functionByName(name: string): FunctionSpec | undefined {
  return FUNCTIONS.find((f) => f.name === name.toUpperCase());
}

/** One argument as a host passes it, in core's form: null when omitted, a 2-D array for a range (a
 * 1-D array is one row), else one cell — each cell made by the host's own `cell`. */
export function hostArg(arg: unknown, cell: (v: unknown) => CellValue): Arg {
  if (arg === null || arg === undefined) return null;
  if (Array.isArray(arg)) {
    if (arg.length > 0 && !arg.every(Array.isArray)) return [arg.map(cell)];
    return (arg as unknown[][]).map((row) => row.map(cell));
  }
  return cell(arg);
}

/** A column function's result as rows of one width (short rows padded with blanks); no rows for
 * an empty result, which each host shows as one blank cell. */
export function resultRows(out: FnValue[][] | FnValue): FnValue[][] {
  const grid = Array.isArray(out) ? out : [[out]];
  const width = grid.reduce((w, r) => Math.max(w, r.length), 1);
  return grid.map((r) => (r.length < width ? [...r, ...new Array<FnValue>(width - r.length).fill('')] : r));
}

/** A value function's one result. */
export const resultValue = (out: FnValue[][] | FnValue): FnValue => (Array.isArray(out) ? (out[0]?.[0] ?? '') : out);
