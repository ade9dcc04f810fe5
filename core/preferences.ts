import type { Language } from './messages';
import type { CommandContext, Preferences } from './operations';
import { DEFAULT_SETTINGS, MODES, NA_RULES, ScoreSettings } from './score';

/**
 * What the hosts remember between sessions, read back leniently (a value typed by hand, or written
 * by another version, never stops a command): the user's language, per user (Excel: the pane's
 * local storage; Google Sheets: user properties), and the scoring settings, per workbook (Excel:
 * `workbook.settings`; Google Sheets: document properties), under these keys.
 */
export const LANGUAGE_KEY = 'apa-sheets.language';
export const SETTINGS_KEY = 'apa-sheets.settings';

/** The language of a host's display locale (`bn`, `bn-BD`, `bn_IN` → Bengali; anything else English). */
export function languageOfLocale(locale: string | null | undefined): Language {
  return typeof locale === 'string' && /^bn(?:$|[-_])/i.test(locale.trim()) ? 'bn' : 'en';
}

/** A remembered language, or null when what is stored is not one. */
export function readLanguage(stored: unknown): Language | null {
  return stored === 'bn' || stored === 'en' ? stored : null;
}

/** Remembered settings (a JSON string or the object): each valid field kept, the spec's default for the others. */
export function readSettings(stored: unknown): ScoreSettings {
  let o: unknown = stored;
  if (typeof stored === 'string') {
    try {
      o = JSON.parse(stored);
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }
  const s = (o && typeof o === 'object' ? o : {}) as Record<string, unknown>;
  return {
    mode: (MODES as readonly unknown[]).includes(s.mode) ? (s.mode as ScoreSettings['mode']) : DEFAULT_SETTINGS.mode,
    na: (NA_RULES as readonly unknown[]).includes(s.na) ? (s.na as ScoreSettings['na']) : DEFAULT_SETTINGS.na,
    final: typeof s.final === 'boolean' ? s.final : DEFAULT_SETTINGS.final,
  };
}

/** Settings as stored: only what differs from nothing (all three fields, so a reader needs no defaults of its own). */
export const storedSettings = (settings: ScoreSettings): string => JSON.stringify(readSettings(settings));

/** A command's context as a host receives it (from the pane, or across google.script.run), with
 * what is missing or unreadable taken from `fallback`. */
export function readContext(given: unknown, fallback: CommandContext): CommandContext {
  const g = (given && typeof given === 'object' ? given : {}) as Record<string, unknown>;
  return {
    language: readLanguage(g.language) ?? fallback.language,
    settings: g.settings && typeof g.settings === 'object' ? readSettings(g.settings) : fallback.settings,
  };
}

/** The context remembered preferences give: the remembered language, else `displayLanguage`'s. */
export function contextOf(preferences: Preferences, displayLanguage: Language): CommandContext {
  return { language: preferences.language ?? displayLanguage, settings: preferences.settings };
}
