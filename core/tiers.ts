/** The five tiers of an APA target (SCORING.md §2), best first, and their default percents.
 * Kept apart from the zod schemas so that reading and scoring load no schema library: a
 * worker thread that only reads files starts sooner (bench/RESULTS.md). */

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
