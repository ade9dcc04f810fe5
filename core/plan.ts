import type { Unit, Value } from './values';

/** The typed plan the layout reader makes of a grid, and the problems found on the way. Plain
 * types: reading and scoring load no schema library; the JSON documents' schemas (core/json.ts)
 * are the only place zod is used on a plan. */


/** The five tiers of an APA target (SCORING.md §2), best first, and their default percents. */
export const TIERS = ['excellent', 'very-good', 'good', 'fair', 'below-fair'] as const;
export type Tier = (typeof TIERS)[number];

/** Default percent of each tier (SCORING.md §2); a 3-tier sheet's fair tier is 60. */
export const DEFAULT_TIER_PERCENT: Record<Tier, number> = {
  excellent: 100,
  'very-good': 90,
  good: 80,
  fair: 70,
  'below-fair': 60,
};

/** The table layouts the reader knows (core/layouts/), and the plans offices keep (SCORING.md §1). */
export const LAYOUTS = ['five-tier', 'three-tier', 'single-target', 'row-pairs', 'one-row-tiers'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const PLAN_KINDS = ['e-governance', 'apa', 'integrity', 'grievance', 'citizen-charter', 'rti', 'innovation'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Problem {
  code: string;
  severity: Severity;
  file?: string;
  sheet: string;
  /** A1 address within the sheet; empty when the problem is about the whole sheet. */
  cell: string;
  indicatorId?: string;
  message: { bn: string; en: string };
}

export interface Target {
  tier: Tier;
  percent: number;
  value: Value;
  cell: string;
}

export interface Achievement {
  value: Value;
  cell: string;
  /** 1–4 for a quarter's column; absent for an annual or cumulative column. */
  quarter?: number;
  cumulative: boolean;
  /** Set when the value was read from a sentence (`২৯/০৮/২০২১ তারিখে সভা অনুষ্ঠিত হয়েছে।`). */
  sentence?: string;
}

export const EVIDENCE = ['yes', 'no', 'not-said'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export interface Indicator {
  /** Normalised id, ASCII digits without brackets (`1.1.1`); empty when the sheet has none. */
  id: string;
  name: string;
  /** The unit as written, and as resolved from it and the targets (SCORING.md §3). */
  unitText: string;
  unit: Unit;
  weight: number | null;
  weightCell: string;
  targets: Target[];
  achievements: Achievement[];
  remarks: string;
  /** A1 address of the first remarks cell that holds text; empty when there is none. */
  remarksCell: string;
  /** The remarks say only `প্রযোজ্য নয়` (or N/A): with no achievement, the indicator is n/a. */
  remarksSayNa: boolean;
  /** Evidence attached, as the remarks or an evidence column say (SCORING.md §3). */
  evidence: Evidence;
  /** The cell that says so; empty when not said. */
  evidenceCell: string;
  /** 1-based sheet row of the indicator (of a target/achievement pair, the first row). */
  row: number;
  /** A1 address of the indicator's name cell. */
  cell: string;
  areaId: string;
  activityId: string;
  activity: string;
}

export interface Area {
  id: string;
  name: string;
  /** The weight the sheet states for the area, when it has an area-weight column. */
  weight: number | null;
  weightCell: string;
  indicators: Indicator[];
}

export const OFFICE_SOURCES = ['name-line', 'letterhead', 'title', 'file', 'sheet'] as const;
export type OfficeSource = (typeof OFFICE_SOURCES)[number];

export interface Plan {
  file?: string;
  sheet: string;
  office: string;
  officeSource: OfficeSource;
  /** Fiscal year as the year it starts in (2024 = 2024-25), when the sheet says it. */
  fiscalYear: number | null;
  quarter: number | null;
  /** Which plan the sheet is (SCORING.md §1), when its title, headers, remarks or file say. */
  kind: PlanKind | null;
  layout: Layout;
  /** The sheet has no weight column: every indicator weighs 1 (SCORING.md §5). */
  equalWeights: boolean;
  /** 1-based sheet row of the table's first header row. */
  headerRow: number;
  tiers: { tier: Tier; percent: number }[];
  areas: Area[];
  problems: Problem[];
}

/** Every indicator of a plan, area by area. */
export function planIndicators(plan: Plan): Indicator[] {
  return plan.areas.flatMap((a) => a.indicators);
}
