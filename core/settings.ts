import { z } from 'zod';
import { MODES, NA_RULES } from './score';

/** Scoring settings (SCORING.md §4–§5); every default is the spec's. Hosts and the CLI parse
 * what users give with this; `settingsWithDefaults` in score.ts applies the same rules. */
export const scoreSettingsSchema = z.object({
  /** Between two tiers: interpolate linearly, or take the worse tier's percent. */
  mode: z.enum(MODES).default('interpolate'),
  /** Not applicable: drop the weight, give the full weight, or give zero. */
  na: z.enum(NA_RULES).default('rescale'),
  /** Final evaluation: a pending (or unscoreable) indicator counts as 0. */
  final: z.boolean().default(false),
});
export type ScoreSettings = z.infer<typeof scoreSettingsSchema>;
